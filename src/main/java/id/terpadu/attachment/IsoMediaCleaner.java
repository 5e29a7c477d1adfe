package id.terpadu.attachment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cleans an ISO base media file in place (MP4, QuickTime, 3GP videos, M4A recordings, HEIC/HEIF photos) without
 * moving a byte, so every offset the file holds stays right:
 * <ul>
 * <li>the user-data and metadata boxes of a movie and its tracks ({@code moov/udta}, {@code moov/meta},
 * {@code trak/udta}, {@code trak/meta}: the place as {@code ©xyz} or {@code com.apple.quicktime.location.ISO6709},
 * the device, its owner) become {@code free} boxes of zeros, which every reader skips;</li>
 * <li>the EXIF and XMP items of a HEIF image (its {@code meta} box lists them in {@code iinf} and says where their
 * bytes are in {@code iloc}) are overwritten with zeros, keeping their length.</li>
 * </ul>
 */
final class IsoMediaCleaner {

    static final Set<String> CLEANS =
            Set.of("video/mp4", "video/quicktime", "video/3gpp", "audio/mp4", "image/heic", "image/heif");
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts", "dinf");
    private static final Set<String> DROPPED = Set.of("udta", "meta");

    private IsoMediaCleaner() {}

    static boolean cleans(String mediaType) {
        return CLEANS.contains(mediaType);
    }

    static void clean(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            boolean sawBox = false;
            for (Box box : boxes(channel, 0, size)) {
                sawBox = true;
                if (box.type.equals("moov")) {
                    movie(channel, box);
                } else if (box.type.equals("meta")) {
                    image(channel, box, size);
                }
            }
            if (!sawBox) {
                throw new MetadataStripper.InvalidImage("not an ISO base media file");
            }
        }
    }

    /** Renames the metadata boxes of a movie and of each of its tracks. */
    private static void movie(FileChannel channel, Box container) throws IOException {
        for (Box box : boxes(channel, container.bodyStart, container.end)) {
            if (DROPPED.contains(box.type)) {
                channel.write(ByteBuffer.wrap("free".getBytes(StandardCharsets.US_ASCII)), box.start + 4);
                zero(channel, box.bodyStart, box.end - box.bodyStart);
            } else if (CONTAINERS.contains(box.type)) {
                movie(channel, box);
            }
        }
    }

    /** Zeroes the EXIF and XMP items of a HEIF image's top-level {@code meta} box. */
    private static void image(FileChannel channel, Box meta, long fileSize) throws IOException {
        long children = meta.bodyStart + 4; // a full box: version and flags first
        Set<Integer> items = new HashSet<>();
        Box iloc = null;
        Box idat = null;
        for (Box box : boxes(channel, children, meta.end)) {
            switch (box.type) {
                case "iinf" -> items.addAll(metadataItems(channel, box));
                case "iloc" -> iloc = box;
                case "idat" -> idat = box;
                default -> {}
            }
        }
        if (items.isEmpty() || iloc == null) {
            return;
        }
        for (long[] extent : extents(read(channel, iloc), items, idat == null ? -1 : idat.bodyStart)) {
            long at = extent[0];
            long length = extent[1];
            if (at < 0 || length < 0 || at + length > fileSize) {
                throw new MetadataStripper.InvalidImage("a metadata item lies outside the file");
            }
            zero(channel, at, length);
        }
    }

    /** The ids of the items that are EXIF or XMP. */
    private static List<Integer> metadataItems(FileChannel channel, Box iinf) throws IOException {
        ByteBuffer b = read(channel, iinf);
        int version = b.get() & 0xFF;
        b.position(4);
        long count = version == 0 ? b.getShort() & 0xFFFF : b.getInt() & 0xFFFFFFFFL;
        List<Integer> found = new ArrayList<>();
        int at = b.position();
        for (long i = 0; i < count && at + 8 <= b.limit(); i++) {
            long size = b.getInt(at) & 0xFFFFFFFFL;
            String type = fourCc(b, at + 4);
            if (size < 8 || at + size > b.limit()) {
                throw new MetadataStripper.InvalidImage("a malformed item information entry");
            }
            if (type.equals("infe")) {
                int infeVersion = b.get(at + 8) & 0xFF;
                if (infeVersion >= 2) {
                    int p = at + 12;
                    int id = infeVersion == 2 ? b.getShort(p) & 0xFFFF : b.getInt(p);
                    p += infeVersion == 2 ? 2 : 4;
                    p += 2; // protection index
                    String itemType = fourCc(b, p);
                    p += 4;
                    if (itemType.equals("Exif")) {
                        found.add(id);
                    } else if (itemType.equals("mime")) {
                        String rest = new String(
                                b.array(), b.arrayOffset() + p, (int) (at + size - p), StandardCharsets.US_ASCII);
                        int nameEnd = rest.indexOf('\0');
                        String contentType =
                                nameEnd < 0 ? "" : rest.substring(nameEnd + 1).split("\0", 2)[0];
                        if (contentType.equals("application/rdf+xml")) {
                            found.add(id);
                        }
                    }
                }
            }
            at += (int) size;
        }
        return found;
    }

    /** The file offsets and lengths of the given items' extents, from an {@code iloc} box. */
    private static List<long[]> extents(ByteBuffer b, Set<Integer> items, long idatStart) throws IOException {
        int version = b.get() & 0xFF;
        b.position(4);
        int sizes = b.getShort() & 0xFFFF;
        int offsetSize = sizes >> 12;
        int lengthSize = (sizes >> 8) & 0xF;
        int baseOffsetSize = (sizes >> 4) & 0xF;
        int indexSize = version == 1 || version == 2 ? sizes & 0xF : 0;
        long count = version < 2 ? b.getShort() & 0xFFFF : b.getInt() & 0xFFFFFFFFL;
        List<long[]> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            int id = version < 2 ? b.getShort() & 0xFFFF : b.getInt();
            int construction = 0;
            if (version == 1 || version == 2) {
                construction = b.getShort() & 0xF;
            }
            b.getShort(); // data reference index
            long base = number(b, baseOffsetSize);
            int extentCount = b.getShort() & 0xFFFF;
            for (int e = 0; e < extentCount; e++) {
                if (indexSize > 0) {
                    number(b, indexSize);
                }
                long offset = number(b, offsetSize);
                long length = number(b, lengthSize);
                if (!items.contains(id)) {
                    continue;
                }
                if (construction == 0) {
                    out.add(new long[] {base + offset, length});
                } else if (construction == 1 && idatStart >= 0) {
                    out.add(new long[] {idatStart + base + offset, length});
                } else {
                    throw new MetadataStripper.InvalidImage(
                            "a metadata item built in a way this cleaner does not know");
                }
            }
        }
        return out;
    }

    private static long number(ByteBuffer b, int size) throws IOException {
        return switch (size) {
            case 0 -> 0;
            case 4 -> b.getInt() & 0xFFFFFFFFL;
            case 8 -> b.getLong();
            default -> throw new MetadataStripper.InvalidImage("an item location field of " + size + " bytes");
        };
    }

    private static void zero(FileChannel channel, long at, long length) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(length, 64 * 1024));
        long done = 0;
        while (done < length) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), length - done));
            done += channel.write(zeros, at + done);
        }
    }

    /** A box: where it starts, where its children or data start, where it ends, and its type. */
    private record Box(long start, long bodyStart, long end, String type) {}

    /** The boxes from {@code from} to {@code to}, with 64-bit and to-the-end sizes. */
    private static List<Box> boxes(FileChannel channel, long from, long to) throws IOException {
        List<Box> boxes = new ArrayList<>();
        ByteBuffer header = ByteBuffer.allocate(16);
        long at = from;
        while (at + 8 <= to) {
            header.clear().limit(8);
            if (channel.read(header, at) < 8) {
                break;
            }
            long size = header.getInt(0) & 0xFFFFFFFFL;
            String type = fourCc(header, 4);
            long body = at + 8;
            if (size == 1) {
                header.clear().limit(8);
                channel.read(header, at + 8);
                size = header.getLong(0);
                body = at + 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < body - at || at + size > to) {
                throw new MetadataStripper.InvalidImage("a box of type " + type + " runs past its container");
            }
            boxes.add(new Box(at, body, at + size, type));
            at += size;
        }
        return boxes;
    }

    /** The body of a small box (at most 16 MB: item tables, never media data). */
    private static ByteBuffer read(FileChannel channel, Box box) throws IOException {
        long length = box.end - box.bodyStart;
        if (length > 16 * 1024 * 1024) {
            throw new MetadataStripper.InvalidImage("a " + box.type + " box of " + length + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) length);
        while (b.hasRemaining() && channel.read(b, box.bodyStart + b.position()) > 0) {
            // read it all
        }
        return b.flip();
    }

    private static String fourCc(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        for (int i = 0; i < 4; i++) {
            four[i] = b.get(at + i);
        }
        return new String(four, StandardCharsets.ISO_8859_1);
    }
}
