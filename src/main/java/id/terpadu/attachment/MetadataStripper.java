package id.terpadu.attachment;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Copies an image without what identifies where, when and with what it was taken: EXIF (GPS, the camera's serial,
 * its owner), XMP, IPTC, comments and embedded previews, keeping only what the picture needs to look right (its
 * pixels, colour profile and resolution). It works on the container, never decoding or re-encoding the pixels, so a
 * copy is byte-exact in its image data and costs one pass over the file.
 * <ul>
 * <li>JPEG: keeps the frame, tables, scan and the APP0 (JFIF), APP2 {@code ICC_PROFILE} and APP14 (Adobe colour
 * transform) segments; drops every other application segment (APP1 EXIF and XMP, APP13 IPTC, APP2 multi-picture
 * previews that carry their own EXIF) and comments.</li>
 * <li>PNG: keeps the critical chunks and those about colour and transparency; drops text, time, {@code eXIf} and any
 * chunk it does not know.</li>
 * <li>WebP: drops the {@code EXIF} and {@code XMP } chunks and clears their flags in {@code VP8X}.</li>
 * </ul>
 * Other types are not images this class knows how to clean: {@link #cleans} says so, and the caller must not serve
 * them as cleaned.
 */
final class MetadataStripper {

    private static final Set<String> CLEANS = Set.of("image/jpeg", "image/png", "image/webp");
    private static final Set<String> PNG_KEPT = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "acTL",
            "fcTL", "fdAT");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> WEBP_DROPPED = Set.of("EXIF", "XMP ");
    private static final int VP8X_FLAGS_EXIF = 0x08;
    private static final int VP8X_FLAGS_XMP = 0x04;

    private MetadataStripper() {}

    static boolean cleans(String mediaType) {
        return CLEANS.contains(mediaType);
    }

    /** Writes to {@code out} the image of {@code in} without its metadata; throws when the bytes are not such an image. */
    static void strip(String mediaType, InputStream in, OutputStream out) throws IOException {
        // the scan of a JPEG goes byte by byte: both sides buffered, so that a byte is a method call, not a system call
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 64 * 1024));
        java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 64 * 1024);
        switch (mediaType) {
            case "image/jpeg" -> jpeg(data, buffered);
            case "image/png" -> png(data, buffered);
            case "image/webp" -> webp(data, buffered);
            default -> throw new IllegalArgumentException("cannot clean " + mediaType);
        }
        buffered.flush();
    }

    // ---- JPEG -------------------------------------------------------------------------------------------------

    private static void jpeg(DataInputStream in, OutputStream out) throws IOException {
        if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
            throw new InvalidImage("not a JPEG: no start-of-image marker");
        }
        out.write(0xFF);
        out.write(0xD8);
        int marker = nextMarker(in);
        while (true) {
            if (marker == 0xD9) { // end of image: what some phones append after it (previews, motion clips) stays out
                out.write(0xFF);
                out.write(marker);
                return;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // stand-alone markers
                out.write(0xFF);
                out.write(marker);
                marker = nextMarker(in);
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw new InvalidImage("a JPEG segment shorter than its own length field");
            }
            byte[] payload = new byte[length - 2];
            in.readFully(payload);
            if (keep(marker, payload)) {
                out.write(0xFF);
                out.write(marker);
                out.write(length >> 8);
                out.write(length & 0xFF);
                out.write(payload);
            }
            marker = marker == 0xDA ? scan(in, out) : nextMarker(in);
        }
    }

    /**
     * Copies the entropy-coded data of a scan and returns the marker that ends it: a 0xFF there is followed by a
     * stuffed zero or a restart marker, which belong to the data; any other marker starts the next segment (the next
     * scan of a progressive JPEG, or the end of the image).
     */
    private static int scan(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int b = in.readUnsignedByte();
            if (b != 0xFF) {
                out.write(b);
                continue;
            }
            int next;
            do {
                next = in.readUnsignedByte();
            } while (next == 0xFF);
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                out.write(0xFF);
                out.write(next);
                continue;
            }
            return next;
        }
    }

    private static int nextMarker(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        if (b != 0xFF) {
            throw new InvalidImage("a JPEG segment does not start with a marker");
        }
        int marker;
        do {
            marker = in.readUnsignedByte(); // fill bytes (0xFF repeated) may precede a marker
        } while (marker == 0xFF);
        return marker;
    }

    private static boolean keep(int marker, byte[] payload) {
        if (marker == 0xFE) {
            return false; // comment
        }
        if (marker >= 0xE0 && marker <= 0xEF) {
            return switch (marker) {
                case 0xE0 -> startsWith(payload, "JFIF\0"); // not JFXX: an embedded preview
                case 0xE2 -> startsWith(payload, "ICC_PROFILE\0");
                case 0xEE -> startsWith(payload, "Adobe");
                default -> false;
            };
        }
        return true; // frames, tables, restart interval, scan headers
    }

    private static boolean startsWith(byte[] payload, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return payload.length >= p.length && Arrays.equals(payload, 0, p.length, p, 0, p.length);
    }

    // ---- PNG --------------------------------------------------------------------------------------------------

    private static void png(DataInputStream in, OutputStream out) throws IOException {
        byte[] signature = new byte[8];
        in.readFully(signature);
        if (!Arrays.equals(signature, PNG_SIGNATURE)) {
            throw new InvalidImage("not a PNG: wrong signature");
        }
        out.write(signature);
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int length = in.readInt();
            byte[] type = new byte[4];
            in.readFully(type);
            String name = new String(type, StandardCharsets.US_ASCII);
            if (length < 0) {
                throw new InvalidImage("a PNG chunk longer than the format allows");
            }
            boolean kept = PNG_KEPT.contains(name);
            if (kept) {
                ByteBuffer header = ByteBuffer.allocate(8).putInt(length).put(type);
                out.write(header.array());
            }
            long remaining = length + 4L; // data and CRC
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new EOFException("a PNG chunk ends early");
                }
                if (kept) {
                    out.write(buffer, 0, n);
                }
                remaining -= n;
            }
            if (name.equals("IEND")) {
                return;
            }
        }
    }

    // ---- WebP -------------------------------------------------------------------------------------------------

    private static void webp(DataInputStream in, OutputStream out) throws IOException {
        byte[] header = new byte[12];
        in.readFully(header);
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (!startsWith(header, "RIFF") || !new String(header, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            throw new InvalidImage("not a WebP: no RIFF WEBP header");
        }
        long riffSize = Integer.toUnsignedLong(h.getInt(4));
        // The RIFF size counts what follows it; dropped chunks make it smaller, so the chunks are read first (a
        // WebP photo is a few megabytes at most) and the size written after.
        byte[] body = in.readNBytes((int) Math.min(riffSize - 4, Integer.MAX_VALUE - 16));
        ByteBuffer chunks = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream(body.length);
        while (chunks.remaining() >= 8) {
            int start = chunks.position();
            String name = new String(body, start, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(chunks.getInt(start + 4));
            long padded = size + (size & 1);
            if (start + 8 + padded > body.length) {
                throw new InvalidImage("a WebP chunk runs past the end of the file");
            }
            if (!WEBP_DROPPED.contains(name)) {
                if (name.equals("VP8X") && size >= 4) {
                    body[start + 8] &= (byte) ~(VP8X_FLAGS_EXIF | VP8X_FLAGS_XMP);
                }
                kept.write(body, start, (int) (8 + padded));
            }
            chunks.position((int) (start + 8 + padded));
        }
        ByteBuffer riff = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(kept.size() + 4)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.write(riff.array());
        kept.writeTo(out);
    }

    /** The bytes are not the image their detected type says. */
    static final class InvalidImage extends IOException {
        InvalidImage(String message) {
            super(message);
        }
    }
}
