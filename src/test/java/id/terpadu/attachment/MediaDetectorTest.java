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
    void tellsA97To2003DocumentFromAnyOtherCompoundFile() throws IOException {
        assertThat(detect(Samples.xls())).isEqualTo(CompoundFile.XLS);
        assertThat(detect(Samples.ppt())).isEqualTo(CompoundFile.PPT);
        assertThat(detect(Samples.compound("WordDocument", "1Table"))).isEqualTo(CompoundFile.DOC);
        // a Word document that embeds a spreadsheet is still a Word document
        assertThat(detect(Samples.compoundWithEmbedded("WordDocument", "Workbook")))
                .isEqualTo(CompoundFile.DOC);
        for (String kind : java.util.List.of(CompoundFile.DOC, CompoundFile.XLS, CompoundFile.PPT)) {
            assertThat(AttachmentKind.NOTULEN.accepts(kind)).as(kind).isTrue();
            assertThat(AttachmentKind.FOTO.accepts(kind)).as(kind).isFalse();
        }
        // a mail message that carries a Word document is no Word document itself
        String mail = detect(Samples.compoundWithEmbedded("__properties_version1.0", "WordDocument"));
        assertThat(AttachmentKind.DOKUMEN.accepts(mail)).as(mail).isFalse();
        // an installer or a mail message is a compound file too, and no document
        String msi = detect(Samples.compound("\u0005SummaryInformation", "!_StringData"));
        String msg = detect(Samples.compound("__substg1.0_0037001F", "__properties_version1.0"));
        assertThat(AttachmentKind.DOKUMEN.accepts(msi)).as(msi).isFalse();
        assertThat(AttachmentKind.DOKUMEN.accepts(msg)).as(msg).isFalse();
    }

    @Test
    void aDamagedCompoundFileIsNoDocument() throws IOException {
        byte[] xls = Samples.xls();
        byte[] cut = java.util.Arrays.copyOf(xls, 600);
        byte[] wrongDirectory = xls.clone();
        java.nio.ByteBuffer.wrap(wrongDirectory)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(48, 0x7fffff00);
        byte[] looping = xls.clone();
        // the directory's first sector names itself as the next one in the allocation table
        var header = java.nio.ByteBuffer.wrap(looping).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int directory = header.getInt(48);
        int fat = header.getInt(76);
        header.putInt((fat + 1) * 512 + 4 * directory, directory);
        for (byte[] damaged : java.util.List.of(cut, wrongDirectory, looping)) {
            assertThat(AttachmentKind.DOKUMEN.accepts(detect(damaged))).isFalse();
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
