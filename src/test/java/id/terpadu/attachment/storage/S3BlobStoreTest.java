package id.terpadu.attachment.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.terpadu.support.S3Server;

/** The object-storage back end against a real S3 server process (S3Proxy), not a mock of the SDK. */
class S3BlobStoreTest extends BlobStoreContract {

    @TempDir
    Path spool;

    private S3BlobStore store;

    @Override
    BlobStore store() {
        if (store == null) {
            store = S3Server.get().store("t-" + UUID.randomUUID(), spool);
        }
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aPresignedUrlServesTheBytesWithTheGivenHeadersForAWhile() throws Exception {
        BlobStore s3 = store();
        byte[] data = bytes(3000, 11);
        s3.write("photos/p.jpg", new ByteArrayInputStream(data), false);
        URI url = s3.presignedRead(
                        "photos/p.jpg", Duration.ofMinutes(5), "image/jpeg", "attachment; filename=\"p.jpg\"")
                .orElseThrow();
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(data);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"p.jpg\"");

        HttpResponse<byte[]> tampered = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url.toString().replace("p.jpg", "q.jpg")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tampered.statusCode()).as("the signature covers the key").isEqualTo(403);
    }

    @Test
    void givesNoKeyToALocalFile() throws IOException {
        BlobStore s3 = store();
        s3.write("uploads/z/0-a", new ByteArrayInputStream(new byte[] {1, 2, 3}), false);
        assertThat(s3.take("uploads/z/0-a", spool.resolve("x"))).isFalse();
        assertThat(s3.size("uploads/z/0-a")).hasValue(3);
    }

    @Test
    void aMissingBucketIsNotReady() {
        try (S3BlobStore missing = new S3BlobStore(new S3BlobStore.Settings(
                Optional.of(S3Server.get().endpoint()),
                "us-east-1",
                "no-such-bucket-" + UUID.randomUUID(),
                true,
                Optional.of(S3Server.ACCESS_KEY),
                Optional.of(S3Server.SECRET_KEY),
                Optional.empty(),
                spool))) {
            assertThatThrownBy(missing::check).isInstanceOf(IOException.class).hasMessageContaining("no-such-bucket");
        }
    }

    @Test
    void wrongCredentialsAreRefused() {
        try (S3BlobStore forged = new S3BlobStore(new S3BlobStore.Settings(
                Optional.of(S3Server.get().endpoint()),
                "us-east-1",
                "any",
                true,
                Optional.of(S3Server.ACCESS_KEY),
                Optional.of("wrong-secret"),
                Optional.empty(),
                spool))) {
            assertThatThrownBy(() -> forged.write("k", new ByteArrayInputStream(new byte[] {1}), false))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aKeyPrefixKeepsTheServiceInItsFolderOfTheBucket() throws IOException {
        String bucket = "p-" + UUID.randomUUID();
        S3Server.get().store(bucket, spool).close();
        try (S3BlobStore prefixed = new S3BlobStore(new S3BlobStore.Settings(
                        Optional.of(S3Server.get().endpoint()),
                        "us-east-1",
                        bucket,
                        true,
                        Optional.of(S3Server.ACCESS_KEY),
                        Optional.of(S3Server.SECRET_KEY),
                        Optional.of("terpadu"),
                        spool));
                S3BlobStore plain = S3Server.get().store(bucket, spool)) {
            prefixed.write("a/b", new ByteArrayInputStream(new byte[] {7}), false);
            assertThat(plain.size("terpadu/a/b")).hasValue(1);
            assertThat(plain.size("a/b")).isEmpty();
        }
    }
}
