package id.terpadu.attachment;

import java.util.List;
import java.util.Set;

/**
 * What an attachment is, which fixes the media types it may have: a photo is an image, a decree (SK) or minutes
 * (notulen) a document or its scan. Served as reference data ({@code attachment-kinds}).
 */
public enum AttachmentKind {
    FOTO("Foto", Media.IMAGES),
    VIDEO("Video", Media.VIDEOS),
    AUDIO("Rekaman suara", Media.AUDIO),
    TANGKAPAN_LAYAR("Tangkapan layar", Media.IMAGES),
    DOKUMEN("Dokumen", Media.DOCUMENTS),
    SK("Surat keputusan (SK)", Media.DOCUMENTS),
    NOTULEN("Notulen rapat", Media.DOCUMENTS),
    DAFTAR_HADIR("Daftar hadir", Media.DOCUMENTS),
    SURAT("Surat", Media.DOCUMENTS),
    KAJIAN("Kajian atau telaahan", Media.DOCUMENTS);

    private final String label;
    private final Set<String> mediaTypes;

    AttachmentKind(String label, Set<String> mediaTypes) {
        this.label = label;
        this.mediaTypes = mediaTypes;
    }

    public String label() {
        return label;
    }

    /** The media types, detected from the bytes, that an attachment of this kind may have. */
    public Set<String> mediaTypes() {
        return mediaTypes;
    }

    public boolean accepts(String mediaType) {
        return mediaTypes.contains(mediaType);
    }

    /** The accepted media types, sorted, for a refusal that names them. */
    public List<String> allowed() {
        return mediaTypes.stream().sorted().toList();
    }

    /** The media types by family. */
    static final class Media {
        static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/webp", "image/heic", "image/heif");
        static final Set<String> VIDEOS = Set.of("video/mp4", "video/quicktime", "video/3gpp");
        /** Ogg is taken as audio: the detector (without parsers) does not look into it, and phones' voice notes are Ogg. */
        static final Set<String> AUDIO = Set.of(
                "audio/mpeg",
                "audio/mp4",
                "application/ogg",
                "audio/ogg",
                "audio/vorbis",
                "audio/opus",
                "audio/amr",
                "audio/aac");
        /**
         * PDF, the OOXML, 97–2003 and OpenDocument formats, and scans (an SK is often a photographed letter). A
         * secretariat's archive is full of {@code .doc} and {@code .xls} files.
         */
        static final Set<String> DOCUMENTS = Set.of(
                "application/pdf",
                MediaDetector.DOCX,
                MediaDetector.XLSX,
                MediaDetector.PPTX,
                CompoundFile.DOC,
                CompoundFile.XLS,
                CompoundFile.PPT,
                "application/vnd.oasis.opendocument.text",
                "application/vnd.oasis.opendocument.spreadsheet",
                "application/vnd.oasis.opendocument.presentation",
                "image/jpeg",
                "image/png",
                "image/webp",
                "image/heic",
                "image/heif");

        private Media() {}
    }
}
