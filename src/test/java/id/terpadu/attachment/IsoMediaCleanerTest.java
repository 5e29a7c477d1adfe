package id.terpadu.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phone video with its place in {@code udta/©xyz} and an Apple location key, and a HEIC photo with an EXIF item
 * holding GPS and the camera's serial: after cleaning, neither place nor serial is in the file, its length and every
 * other byte are unchanged.
 */
class IsoMediaCleanerTest {

    @TempDir
    Path folder;

    static final String XYZ = "-00.6264+100.1179/";
    static final String APPLE_LOCATION = "com.apple.quicktime.location.ISO6709";

    static byte[] box(String type, byte[]... children) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] c : children) {
            body.writeBytes(c);
        }
        ByteBuffer b = ByteBuffer.allocate(8 + body.size());
        b.putInt(8 + body.size())
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(body.toByteArray());
        return b.array();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] video() {
        byte[] ftyp = Samples.isoMedia("mp42", "isom", "mp42");
        byte[] xyz = box("\u00a9xyz", new byte[] {0, (byte) XYZ.length(), 0x15, (byte) 0xc7}, bytes(XYZ));
        byte[] udta = box("udta", xyz, box("\u00a9mak", bytes("\0\u0005\0\0Apple")));
        byte[] keys = box("keys", new byte[] {0, 0, 0, 0, 0, 0, 0, 1}, box("mdta", bytes(APPLE_LOCATION)));
        byte[] meta = box(
                "meta",
                box("hdlr", new byte[24]),
                keys,
                box("ilst", box("\0\0\0\1", box("data", new byte[] {0, 0, 0, 1, 0, 0, 0, 0}, bytes(XYZ)))));
        byte[] trak = box(
                "trak",
                box("tkhd", new byte[84]),
                box("udta", box("name", bytes("Budi's phone"))),
                box("mdia", box("mdhd", new byte[24])));
        byte[] moov = box("moov", box("mvhd", new byte[100]), trak, udta, meta);
        byte[] mdat = box("mdat", new byte[4096]);
        return concat(ftyp, moov, mdat);
    }

    @Test
    void aVideoLosesItsPlaceAndDeviceAndNothingElse() throws Exception {
        byte[] original = video();
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains(XYZ, APPLE_LOCATION, "Budi");
        Path file = folder.resolve("v.mp4");
        Files.write(file, original);

        IsoMediaCleaner.clean(file);

        byte[] cleaned = Files.readAllBytes(file);
        assertThat(cleaned).hasSameSizeAs(original);
        String text = new String(cleaned, StandardCharsets.ISO_8859_1);
        assertThat(text)
                .doesNotContain("udta", "meta", XYZ, APPLE_LOCATION, "Budi", "Apple")
                .contains("free", "mvhd", "tkhd", "mdhd", "mdat");
        assertThat(MetadataStripperTest.tags(cleaned))
                .noneMatch(t -> t.contains("100.1179")
                        || t.contains("100°")
                        || t.contains("Apple")
                        || t.contains("Budi")
                        || t.startsWith("GPS"));
    }

    /** A HEIF image: an {@code hvc1} item and an {@code Exif} item whose bytes are in {@code mdat}. */
    static byte[] heic(byte[] exifTiff) {
        byte[] ftyp = Samples.isoMedia("heic", "mif1", "heic");
        byte[] hdlr = box("hdlr", new byte[] {0, 0, 0, 0, 0, 0, 0, 0}, bytes("pict"), new byte[13]);
        byte[] infe1 = box("infe", new byte[] {2, 0, 0, 0, 0, 1, 0, 0}, bytes("hvc1"), new byte[] {0});
        byte[] infe2 = box("infe", new byte[] {2, 0, 0, 0, 0, 2, 0, 0}, bytes("Exif"), new byte[] {0});
        byte[] iinf = box("iinf", new byte[] {0, 0, 0, 0, 0, 2}, infe1, infe2);
        byte[] exifItem = concat(new byte[] {0, 0, 0, 0}, exifTiff); // the HEIF Exif item: offset to the TIFF header
        byte[] picture = new byte[2048];
        // iloc v0: offset 4 bytes, length 4 bytes, no base offset; two items of one extent each
        int ilocSize = 8 + 4 + 2 + 2 + 2 * (2 + 2 + 2 + 4 + 4);
        int metaSize = 8 + 4 + hdlr.length + iinf.length + ilocSize;
        int mdatStart = ftyp.length + metaSize;
        ByteBuffer iloc = ByteBuffer.allocate(ilocSize);
        iloc.putInt(ilocSize)
                .put(bytes("iloc"))
                .putInt(0)
                .putShort((short) 0x4400)
                .putShort((short) 2);
        iloc.putShort((short) 1)
                .putShort((short) 0)
                .putShort((short) 1)
                .putInt(mdatStart + 8)
                .putInt(picture.length);
        iloc.putShort((short) 2)
                .putShort((short) 0)
                .putShort((short) 1)
                .putInt(mdatStart + 8 + picture.length)
                .putInt(exifItem.length);
        byte[] meta = box("meta", new byte[4], hdlr, iinf, iloc.array());
        assertThat(meta).hasSize(metaSize);
        return concat(ftyp, meta, box("mdat", picture, exifItem));
    }

    @Test
    void aHeicPhotoLosesItsExifItemAndNothingElse() throws Exception {
        byte[] tiff = MetadataStripperTest.exifTiff();
        byte[] original = heic(tiff);
        Path file = folder.resolve("p.heic");
        Files.write(file, original);

        IsoMediaCleaner.clean(file);

        byte[] cleaned = Files.readAllBytes(file);
        assertThat(cleaned).hasSameSizeAs(original);
        int exifAt = original.length - tiff.length;
        assertThat(java.util.Arrays.copyOfRange(cleaned, exifAt, cleaned.length))
                .containsOnly(0);
        assertThat(java.util.Arrays.copyOf(cleaned, exifAt - 4))
                .as("every other byte as it was")
                .isEqualTo(java.util.Arrays.copyOf(original, exifAt - 4));
        assertThat(new String(cleaned, StandardCharsets.ISO_8859_1))
                .doesNotContain(MetadataStripperTest.SERIAL, MetadataStripperTest.OWNER);
        assertThat(MetadataStripperTest.tags(cleaned)).noneMatch(t -> t.startsWith("GPS"));
    }

    @Test
    void whatIsNoIsoMediaFileOrIsBrokenIsRefused() throws IOException {
        Path notIso = folder.resolve("x");
        Files.write(notIso, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> IsoMediaCleaner.clean(notIso)).isInstanceOf(IOException.class);
        byte[] broken = video();
        ByteBuffer.wrap(broken).putInt(Samples.isoMedia("mp42", "isom", "mp42").length, 1_000_000); // moov too long
        Path brokenFile = folder.resolve("b.mp4");
        Files.write(brokenFile, broken);
        assertThatThrownBy(() -> IsoMediaCleaner.clean(brokenFile)).isInstanceOf(IOException.class);
    }
}
