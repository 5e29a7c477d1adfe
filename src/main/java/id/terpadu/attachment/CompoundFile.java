package id.terpadu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Which office program wrote a legacy (97–2003) document: the names of the streams at the root of its OLE2 compound
 * file ({@code WordDocument}, {@code Workbook} or {@code Book}, {@code PowerPoint Document}). Tika's magic bytes only
 * say "some compound file", which an installer ({@code .msi}), an Outlook message or any other program's file is too;
 * a secretariat's old {@code .doc} minutes and {@code .xls} attendance lists are told from those here, by reading the
 * file's header, the sectors of its allocation table that the directory chain needs, and the directory itself (at
 * most {@link #MAX_DIRECTORY_SECTORS}). Only the root's own streams count: a Word document that embeds a spreadsheet
 * holds a {@code Workbook} stream too, one level down.
 */
final class CompoundFile {

    static final String DOC = "application/msword";
    static final String XLS = "application/vnd.ms-excel";
    static final String PPT = "application/vnd.ms-powerpoint";

    private static final long MAGIC = 0xE11AB1A1E011CFD0L;
    private static final int END_OF_CHAIN = -2;
    private static final int NO_STREAM = -1;
    private static final int ENTRY_SIZE = 128;
    /** 64 sectors hold 256 (512-byte sectors) to 2048 entries: far more than any office document's root. */
    static final int MAX_DIRECTORY_SECTORS = 64;

    private CompoundFile() {}

    /** The legacy office type of a compound file, or {@code null} when it is none of the three (or is damaged). */
    static String officeType(MediaDetector.Opener file) throws IOException {
        try {
            Set<String> names = rootStreams(file);
            if (names.contains("WordDocument")) {
                return DOC;
            }
            if (names.contains("Workbook") || names.contains("Book")) {
                return XLS;
            }
            if (names.contains("PowerPoint Document")) {
                return PPT;
            }
            return null;
        } catch (Damaged e) {
            return null;
        }
    }

    private static Set<String> rootStreams(MediaDetector.Opener file) throws IOException {
        ByteBuffer header = read(file, 0, 512);
        if (header.getLong(0) != MAGIC) {
            throw new Damaged();
        }
        int shift = header.getShort(30);
        if (shift != 9 && shift != 12) {
            throw new Damaged();
        }
        int sectorSize = 1 << shift;
        // the first 109 sectors of the allocation table are named in the header: enough for a directory in the
        // first 7 MB (512-byte sectors) or 448 MB (4096-byte sectors); a directory beyond them is read as damaged
        int[] fatSectors = new int[109];
        for (int i = 0; i < fatSectors.length; i++) {
            fatSectors[i] = header.getInt(76 + 4 * i);
        }
        ByteBuffer directory =
                ByteBuffer.allocate(MAX_DIRECTORY_SECTORS * sectorSize).order(ByteOrder.LITTLE_ENDIAN);
        int sector = header.getInt(48);
        int sectors = 0;
        while (sector != END_OF_CHAIN) {
            if (sector < 0 || sectors == MAX_DIRECTORY_SECTORS) {
                throw new Damaged();
            }
            directory.put(read(file, offset(sector, sectorSize), sectorSize));
            sectors++;
            int perSector = sectorSize / 4;
            int fat = sector / perSector;
            if (fat >= fatSectors.length || fatSectors[fat] < 0) {
                throw new Damaged();
            }
            sector = read(file, offset(fatSectors[fat], sectorSize) + 4L * (sector % perSector), 4)
                    .getInt(0);
        }
        int entries = sectors * sectorSize / ENTRY_SIZE;
        if (entries == 0 || directory.get(66) != 5) {
            throw new Damaged(); // the first entry is the root storage
        }
        Set<String> names = new HashSet<>();
        Set<Integer> seen = new HashSet<>();
        Deque<Integer> next = new ArrayDeque<>();
        next.push(directory.getInt(76)); // the root's children: a tree through their left and right siblings
        while (!next.isEmpty()) {
            int id = next.pop();
            if (id == NO_STREAM) {
                continue;
            }
            if (id < 0 || id >= entries || !seen.add(id)) {
                throw new Damaged();
            }
            int at = id * ENTRY_SIZE;
            int length = Math.min(directory.getShort(at + 64), 64);
            if (directory.get(at + 66) == 2 && length >= 2) {
                byte[] name = new byte[length - 2];
                directory.get(at, name);
                names.add(new String(name, StandardCharsets.UTF_16LE));
            }
            next.push(directory.getInt(at + 68));
            next.push(directory.getInt(at + 72));
        }
        return names;
    }

    private static long offset(int sector, int sectorSize) {
        return (sector + 1L) * sectorSize;
    }

    private static ByteBuffer read(MediaDetector.Opener file, long at, int length) throws IOException {
        try (InputStream in = file.open()) {
            in.skipNBytes(at);
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new Damaged();
            }
            return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        } catch (java.io.EOFException e) {
            throw new Damaged();
        }
    }

    /** A file too short or inconsistent to be a compound file: no office type. */
    private static final class Damaged extends IOException {
        Damaged() {
            super("not a readable compound file");
        }
    }
}
