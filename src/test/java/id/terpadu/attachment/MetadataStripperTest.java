package id.terpadu.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;

/**
 * Photos made in the test with a place (Pariaman), the camera's serial and its owner in their metadata: the copy that
 * leaves the service holds none of it, read back with an independent metadata library, and shows the same pixels.
 */
class MetadataStripperTest {

    static final double LATITUDE = -0.6264;
    static final double LONGITUDE = 100.1179;
    static final String SERIAL = "SN-4471-PARIAMAN";
    static final String OWNER = "Budi Santoso";

    /** A JPEG with EXIF (GPS, serial, owner, time taken), XMP with the place, IPTC, and a comment. */
    static byte[] jpegWithEverything() throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(LONGITUDE, LATITUDE);
        exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, SERIAL);
        exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_CAMERA_OWNER_NAME, OWNER);
        exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2024:10:12 16:30:00");
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(Samples.jpeg(), withExif, exif);
        byte[] xmp = ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf="
                        + "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:exif=\"http://ns.adobe.com/"
                        + "exif/1.0/\" exif:GPSLatitude=\"0,37.584S\" exif:GPSLongitude=\"100,7.074E\" exif:BodySerialNumber=\""
                        + SERIAL + "\"/></rdf:RDF></x:xmpmeta>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] byLine = OWNER.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer record = ByteBuffer.allocate(5 + byLine.length + 1); // IPTC 2:80 (by-line), padded to even
        record.put((byte) 0x1c)
                .put((byte) 2)
                .put((byte) 80)
                .putShort((short) byLine.length)
                .put(byLine);
        ByteBuffer photoshop = ByteBuffer.allocate(14 + 4 + 2 + 2 + 4 + record.capacity());
        photoshop
                .put("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII))
                .put("8BIM".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 0x0404)
                .putShort((short) 0)
                .putInt(5 + byLine.length)
                .put(record.array());
        byte[] iptc = photoshop.array();
        byte[] comment = ("taken at " + LATITUDE + "," + LONGITUDE).getBytes(StandardCharsets.US_ASCII);
        return insertAfterStart(
                withExif.toByteArray(), segment(0xE1, xmp), segment(0xED, iptc), segment(0xFE, comment));
    }

    static byte[] segment(int marker, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + payload.length);
        b.put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (payload.length + 2))
                .put(payload);
        return b.array();
    }

    static byte[] insertAfterStart(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] strip(String type, byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetadataStripper.strip(type, new ByteArrayInputStream(in), out);
        return out.toByteArray();
    }

    /** Every tag an independent reader finds, as text ("directory: tag = value"). */
    static List<String> tags(byte[] file) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file));
        List<String> all = new ArrayList<>();
        for (Directory d : metadata.getDirectories()) {
            for (Tag t : d.getTags()) {
                all.add(d.getName() + ": " + t.getTagName() + " = " + t.getDescription());
            }
        }
        return all;
    }

    static void assertSamePixels(byte[] a, byte[] b) throws IOException {
        BufferedImage x = ImageIO.read(new ByteArrayInputStream(a));
        BufferedImage y = ImageIO.read(new ByteArrayInputStream(b));
        assertThat(y.getWidth()).isEqualTo(x.getWidth());
        assertThat(y.getHeight()).isEqualTo(x.getHeight());
        assertThat(y.getRGB(0, 0, y.getWidth(), y.getHeight(), null, 0, y.getWidth()))
                .isEqualTo(x.getRGB(0, 0, x.getWidth(), x.getHeight(), null, 0, x.getWidth()));
    }

    static void assertNothingIdentifying(List<String> tags) {
        assertThat(tags)
                .noneMatch(t -> t.startsWith("GPS")
                        || t.startsWith("XMP")
                        || t.startsWith("IPTC")
                        || t.contains(SERIAL)
                        || t.contains(OWNER)
                        || t.contains("Exif")
                        || t.contains("Comment"));
    }

    @Test
    void aJpegLeavesWithoutPlaceSerialOwnerOrComment() throws Exception {
        byte[] original = jpegWithEverything();
        List<String> before = tags(original);
        assertThat(before)
                .as("the test's photo carries what must go")
                .anyMatch(t -> t.startsWith("GPS: GPS Latitude"))
                .anyMatch(t -> t.contains(SERIAL))
                .anyMatch(t -> t.contains(OWNER))
                .anyMatch(t -> t.startsWith("XMP"))
                .anyMatch(t -> t.startsWith("IPTC"))
                .anyMatch(t -> t.contains("Comment"));

        byte[] served = strip("image/jpeg", original);
        assertNothingIdentifying(tags(served));
        assertSamePixels(original, served);
    }

    @Test
    void whatAPhoneAppendsAfterTheImageStaysOut() throws Exception {
        byte[] photo = Samples.jpeg();
        byte[] trailer = ("SEFH location " + LATITUDE + "," + LONGITUDE).getBytes(StandardCharsets.US_ASCII);
        byte[] withTrailer = java.util.Arrays.copyOf(photo, photo.length + trailer.length);
        System.arraycopy(trailer, 0, withTrailer, photo.length, trailer.length);
        byte[] served = strip("image/jpeg", withTrailer);
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("SEFH", "100.1179");
        assertThat(served).endsWith(0xFF, 0xD9);
        assertSamePixels(photo, served);
    }

    @Test
    void aProgressiveJpegKeepsEveryScan() throws Exception {
        javax.imageio.ImageWriter writer =
                ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(Samples.picture(200, 150), null, null), param);
        }
        byte[] progressive =
                insertAfterStart(out.toByteArray(), segment(0xFE, "a comment".getBytes(StandardCharsets.US_ASCII)));
        byte[] served = strip("image/jpeg", progressive);
        assertThat(served.length).isEqualTo(progressive.length - 4 - "a comment".length());
        assertSamePixels(progressive, served);
    }

    @Test
    void theCaptureIsReadFromTheOriginal() throws Exception {
        FileCapture capture = FileCapture.read(new ByteArrayInputStream(jpegWithEverything()));
        assertThat(capture.latitude()).isCloseTo(LATITUDE, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(capture.longitude()).isCloseTo(LONGITUDE, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(capture.takenAt())
                .as("no offset in the file: read as UTC+7")
                .isEqualTo(Instant.parse("2024-10-12T09:30:00Z"));
        assertThat(FileCapture.read(new ByteArrayInputStream(Samples.png()))).isEqualTo(FileCapture.NONE);
        assertThat(FileCapture.read(new ByteArrayInputStream(Samples.text("not an image"))))
                .isEqualTo(FileCapture.NONE);
    }

    /** The TIFF structure of the test photo's EXIF, to put into PNG and WebP files. */
    static byte[] exifTiff() throws Exception {
        byte[] jpeg = jpegWithEverything();
        for (int i = 2; i + 4 < jpeg.length; ) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xE1 && new String(jpeg, i + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return Arrays.copyOfRange(jpeg, i + 10, i + 2 + length);
            }
            i += 2 + length;
        }
        throw new IllegalStateException("no EXIF");
    }

    static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt(data.length).put(t).put(data).putInt((int) crc.getValue());
        return b.array();
    }

    @Test
    void aPngLeavesWithoutItsExifTextAndTime() throws Exception {
        byte[] plain = Samples.png();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 33); // signature and IHDR
        out.writeBytes(pngChunk("eXIf", exifTiff()));
        out.writeBytes(pngChunk("tEXt", ("Author\0" + OWNER).getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(pngChunk("iTXt", ("Comment\0\0\0\0\0GPS " + LATITUDE).getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(pngChunk("tIME", new byte[] {0x07, (byte) 0xE8, 10, 12, 9, 30, 0}));
        out.write(plain, 33, plain.length - 33);
        byte[] original = out.toByteArray();
        assertThat(tags(original)).anyMatch(t -> t.startsWith("GPS")).anyMatch(t -> t.contains(OWNER));

        byte[] served = strip("image/png", original);
        List<String> after = tags(served);
        assertNothingIdentifying(after);
        assertThat(after).noneMatch(t -> t.contains("Textual Data") || t.contains("Last Modification Time"));
        assertSamePixels(original, served);
    }

    @Test
    void aWebpLeavesWithoutItsExifAndXmpAndSaysSo() throws Exception {
        byte[] bitstream = Arrays.copyOfRange(Samples.webp(), 12, Samples.webp().length); // the VP8L chunk
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
        byte[] original = Samples.riff(
                "WEBP",
                Samples.chunk("VP8X", vp8x),
                bitstream,
                Samples.chunk("EXIF", exifTiff()),
                Samples.chunk("XMP ", ("<x:xmpmeta>" + SERIAL + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        assertThat(tags(original)).anyMatch(t -> t.startsWith("GPS"));

        byte[] served = strip("image/webp", original);
        assertNothingIdentifying(tags(served));
        ByteBuffer riff = ByteBuffer.wrap(served).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(riff.getInt(4)).as("the RIFF size counts what is left").isEqualTo(served.length - 8);
        assertThat(new String(served, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8X");
        assertThat(served[20] & 0x0C)
                .as("the VP8X flags no longer announce EXIF or XMP")
                .isZero();
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("EXIF", "XMP ", SERIAL);
    }

    @Test
    void bytesThatAreNotTheImageTheySeemAreRefused() {
        assertThatThrownBy(() -> strip("image/jpeg", Samples.png())).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> strip("image/png", Samples.jpeg())).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> strip("image/webp", Samples.pdf())).isInstanceOf(IOException.class);
        byte[] cut = Arrays.copyOf(Samples.png(), 40);
        assertThatThrownBy(() -> strip("image/png", cut)).isInstanceOf(IOException.class);
        assertThat(MetadataStripper.cleans("image/heic"))
                .as("not yet cleaned: never served as cleaned")
                .isFalse();
    }
}
