package id.terpadu.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MediaDetectorTest {

    private final MediaDetector detector = new MediaDetector();

    private String detect(byte[] bytes) throws IOException {
        return detector.detect(() -> new ByteArrayInputStream(bytes));
    }

    @Test
    void tellsEachAcceptedTypeFromItsBytes() throws IOException {
        Map<String, byte[]> samples = new java.util.LinkedHashMap<>();
        samples.put("image/jpeg", Samples.jpeg());
        samples.put("image/png", Samples.png());
        samples.put("image/webp", Samples.webp());
        samples.put("image/heic", Samples.isoMedia("heic", "mif1", "heic"));
        samples.put("video/mp4", Samples.isoMedia("mp42", "isom", "mp42"));
        samples.put("video/quicktime", Samples.isoMedia("qt  ", "qt  "));
        samples.put("video/3gpp", Samples.isoMedia("3gp4", "3gp4", "isom"));
        samples.put("audio/mp4", Samples.isoMedia("M4A ", "M4A ", "mp42"));
        samples.put("audio/mpeg", Samples.mp3());
        samples.put("application/ogg", Samples.opus()); // a WhatsApp voice note
        samples.put("application/pdf", Samples.pdf());
        samples.put(MediaDetector.DOCX, Samples.ooxml("word", true));
        samples.put(MediaDetector.XLSX, Samples.ooxml("xl", false));
        samples.put(MediaDetector.PPTX, Samples.ooxml("ppt", true));
        samples.put("application/vnd.oasis.opendocument.text", Samples.odt());
        for (var sample : samples.entrySet()) {
            assertThat(detect(sample.getValue())).as(sample.getKey()).isEqualTo(sample.getKey());
        }
    }

    @Test
    void anAndroidVideoWithTheGenericBrandIsStillAVideo() throws IOException {
        assertThat(detect(Samples.isoMedia("isom", "isom", "iso2", "avc1", "mp41")))
                .isIn(AttachmentKind.VIDEO.mediaTypes());
    }

    @Test
    void whatIsNotAPhotoIsNotTakenForOneWhateverItIsCalled() throws IOException {
        Map<String, byte[]> disguised = Map.of(
                "html", Samples.text("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
                "svg",
                        Samples.text(
                                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"x()\"/>"),
                "shell", Samples.text("#!/bin/sh\nrm -rf /\n"),
                "windows executable",
                        new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0},
                "elf", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                "zip", Samples.zip("payload.exe", "MZ"),
                "javascript", Samples.text("function f(){ return document.cookie; }\n"),
                "empty", new byte[0]);
        for (var sample : disguised.entrySet()) {
            String type = detect(sample.getValue());
            assertThat(AttachmentKind.FOTO.accepts(type))
                    .as(sample.getKey() + " detected as " + type)
                    .isFalse();
            assertThat(AttachmentKind.DOKUMEN.accepts(type))
                    .as(sample.getKey() + " detected as " + type)
                    .isFalse();
        }
    }

    @Test
    void aDocumentKindTakesScansButAPhotoKindNoDocuments() {
        assertThat(AttachmentKind.SK.accepts("image/jpeg")).isTrue();
        assertThat(AttachmentKind.SK.accepts("application/pdf")).isTrue();
        assertThat(AttachmentKind.FOTO.accepts("application/pdf")).isFalse();
        assertThat(AttachmentKind.AUDIO.accepts("video/mp4")).isFalse();
        assertThat(AttachmentKind.FOTO.allowed()).isSorted().contains("image/jpeg");
    }
}
