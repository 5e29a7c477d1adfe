package id.terpadu.attachment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The media type of a file from its bytes alone, never from its name or the type a client claims: Apache Tika's
 * magic-byte detector ({@code tika-core} only, no parsers), and for a ZIP container a look at its entries, which
 * tells a Word, Excel or PowerPoint document (OOXML) from any other archive, and for a compound file the names of
 * its streams ({@link CompoundFile}), which tell a 97–2003 document from an installer or a mail message. What comes back is checked against the
 * allow-list of the attachment's kind ({@link AttachmentKind}); an executable, a page or a script renamed to
 * {@code .jpg} is detected as what it is.
 */
final class MediaDetector {

    static final String OCTET_STREAM = "application/octet-stream";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    /** How far into an archive to look for the entry that names an office document. */
    private static final int MAX_ENTRIES = 2000;

    private final Detector magic = MimeTypes.getDefaultMimeTypes();

    /** The detected type, without parameters ({@code image/jpeg}); {@code application/octet-stream} when unknown. */
    String detect(Opener file) throws IOException {
        MediaType type;
        try (InputStream in = new BufferedInputStream(file.open())) {
            type = magic.detect(in, new Metadata());
        }
        String name = type.getBaseType().toString();
        if (name.equals("application/zip") || name.equals("application/x-tika-ooxml")) {
            return office(file);
        }
        if (name.equals("application/x-tika-msoffice")) {
            String legacy = CompoundFile.officeType(file);
            return legacy != null ? legacy : name;
        }
        return name;
    }

    /** The OOXML document an archive holds, by the folder of its main part; plain {@code application/zip} otherwise. */
    private static String office(Opener file) throws IOException {
        boolean contentTypes = false;
        String found = null;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(file.open()))) {
            ZipEntry entry;
            for (int i = 0; i < MAX_ENTRIES && (entry = zip.getNextEntry()) != null; i++) {
                String name = entry.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                if (found == null) {
                    found = name.startsWith("word/")
                            ? DOCX
                            : name.startsWith("xl/") ? XLSX : name.startsWith("ppt/") ? PPTX : null;
                }
                if (contentTypes && found != null) {
                    return found;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return "application/zip"; // not a readable archive: whatever it is, not an office document
        }
        return "application/zip";
    }

    /** Opens the bytes from the start, as often as the detector needs. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }
}
