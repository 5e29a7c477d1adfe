package id.terpadu.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class TusTest {

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsMetadataAsTusJsClientWritesIt() {
        String header = "filename " + b64("rumah terbakar.jpg") + ",parentType " + b64("incident") + ",empty,title "
                + b64("Rumah warga — Pariaman");
        assertThat(Tus.metadata(header))
                .containsExactly(
                        java.util.Map.entry("filename", "rumah terbakar.jpg"),
                        java.util.Map.entry("parentType", "incident"),
                        java.util.Map.entry("empty", ""),
                        java.util.Map.entry("title", "Rumah warga — Pariaman"));
        assertThat(Tus.metadata(null)).isEmpty();
        assertThat(Tus.metadata(" ")).isEmpty();
    }

    @Test
    void refusesMalformedMetadata() {
        for (String bad : new String[] {
            "a b c",
            "a !!!",
            "a " + b64("x") + ",a " + b64("y"),
            "k\u00e9y " + b64("x"),
            ",",
            "a " + b64("x") + ",",
            "a  " + b64("x"),
            "x".repeat(8193)
        }) {
            assertThatThrownBy(() -> Tus.metadata(bad))
                    .as(bad)
                    .isInstanceOf(id.terpadu.common.error.ProblemException.class);
        }
    }

    @Test
    void readsNumbersStrictly() {
        assertThat(Tus.number("Upload-Offset", "0")).hasValue(0L);
        assertThat(Tus.number("Upload-Offset", " 5242880 ")).hasValue(5_242_880L);
        assertThat(Tus.number("Upload-Offset", null)).isEmpty();
        for (String bad : new String[] {"-1", "+5", "1e3", "0x10", "", "99999999999999999999", "1.0", "١٢"}) {
            assertThatThrownBy(() -> Tus.number("Upload-Offset", bad))
                    .as(bad)
                    .isInstanceOf(id.terpadu.common.error.ProblemException.class);
        }
    }

    @Test
    void readsSha256ChecksumsOnly() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("piece".getBytes(StandardCharsets.UTF_8));
        assertThat(Tus.checksum("sha256 " + Base64.getEncoder().encodeToString(digest)))
                .hasValue(digest);
        assertThat(Tus.checksum(null)).isEmpty();
        assertThatThrownBy(() -> Tus.checksum("md5 " + b64("x")))
                .isInstanceOf(id.terpadu.common.error.ProblemException.class);
        assertThatThrownBy(() -> Tus.checksum("sha256 " + b64("short")))
                .isInstanceOf(id.terpadu.common.error.ProblemException.class);
        assertThatThrownBy(() -> Tus.checksum("sha256")).isInstanceOf(id.terpadu.common.error.ProblemException.class);
        assertThatThrownBy(() -> Tus.checksum("sha256 !!!"))
                .isInstanceOf(id.terpadu.common.error.ProblemException.class);
    }
}
