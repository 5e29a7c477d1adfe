package id.terpadu.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Real files of each accepted type, and of the types that must be refused, made by the tests. */
final class Samples {

    private Samples() {}

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(180, 60, 30));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] image(String format, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(picture(width, height), format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] jpeg() {
        return image("jpg", 64, 48);
    }

    static byte[] png() {
        return image("png", 64, 48);
    }

    /** A lossless WebP of one pixel, as phones' share sheets send screenshots. */
    static byte[] webp() {
        byte[] vp8l = {0x2f, 0, 0, 0, 0, (byte) 0x88, (byte) 0x88, 8, 0, 0}; // a minimal 1x1 VP8L bitstream
        return riff("WEBP", chunk("VP8L", vp8l));
    }

    static byte[] riff(String form, byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(form.getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) {
            body.writeBytes(c);
        }
        byte[] b = body.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(8 + b.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(b.length).put(b);
        return out.array();
    }

    static byte[] chunk(String type, byte[] data) {
        int padded = data.length + (data.length & 1);
        ByteBuffer out = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        out.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return out.array();
    }

    /** An ISO base media file that starts with an {@code ftyp} box of the given major brand. */
    static byte[] isoMedia(String brand, String... compatible) {
        ByteBuffer ftyp = ByteBuffer.allocate(16 + 4 * compatible.length);
        ftyp.putInt(16 + 4 * compatible.length)
                .put("ftyp".getBytes(StandardCharsets.US_ASCII))
                .put(brand.getBytes(StandardCharsets.US_ASCII))
                .putInt(0);
        for (String c : compatible) {
            ftyp.put(c.getBytes(StandardCharsets.US_ASCII));
        }
        ByteBuffer free = ByteBuffer.allocate(16).putInt(16).put("free".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ftyp.array());
        out.writeBytes(free.array());
        return out.toByteArray();
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                        + "trailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** An OOXML package with its parts in the given order (Office writes {@code [Content_Types].xml} first). */
    static byte[] ooxml(String mainFolder, boolean contentTypesFirst) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            String types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"/>";
            if (contentTypesFirst) {
                entry(zip, "[Content_Types].xml", types);
            }
            entry(zip, "_rels/.rels", "<Relationships/>");
            entry(zip, mainFolder + "/document.xml", "<document/>");
            if (!contentTypesFirst) {
                entry(zip, "[Content_Types].xml", types);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** An OpenDocument text: a stored {@code mimetype} entry first, as the format requires. */
    static byte[] odt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            entry(zip, "content.xml", "<office:document-content/>");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] zip(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, name, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** An MP3 as recorders write it: an ID3v2 tag, then MPEG audio frames. */
    static byte[] mp3() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0});
        for (int i = 0; i < 8; i++) {
            byte[] frame = new byte[417]; // MPEG-1 layer III, 128 kbit/s, 44.1 kHz
            frame[0] = (byte) 0xFF;
            frame[1] = (byte) 0xFB;
            frame[2] = (byte) 0x90;
            frame[3] = 0x64;
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** A WhatsApp voice note: Ogg pages holding Opus. */
    static byte[] opus() {
        ByteBuffer page = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        page.put("OggS".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 0)
                .put((byte) 2)
                .putLong(0)
                .putInt(1)
                .putInt(0)
                .putInt(0)
                .put((byte) 1)
                .put((byte) 19);
        page.put("OpusHead".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1)
                .put((byte) 1)
                .putShort((short) 312)
                .putInt(48000)
                .putShort((short) 0)
                .put((byte) 0);
        return java.util.Arrays.copyOf(page.array(), page.position());
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A real Excel 97–2003 workbook with one sheet. */
    static byte[] xls() {
        try (var book = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Daftar hadir").createRow(0).createCell(0).setCellValue("Nama");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real PowerPoint 97–2003 presentation with one slide. */
    static byte[] ppt() {
        try (var show = new org.apache.poi.hslf.usermodel.HSLFSlideShow();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.createSlide();
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compound file whose root holds streams of these names (a few bytes each). */
    static byte[] compound(String... streams) {
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String name : streams) {
                fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), name);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compound file with one stream at its root and another one level down (an embedded object). */
    static byte[] compoundWithEmbedded(String root, String embedded) {
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), root);
            fs.getRoot()
                    .createDirectory("ObjectPool")
                    .createDocument(embedded, new java.io.ByteArrayInputStream(new byte[64]));
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
