package id.terpadu.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * The words of the tus 1.0 resumable-upload protocol (https://tus.io/protocols/resumable-upload), as this service
 * speaks it: core, creation, creation-with-upload, expiration, checksum (sha256) and termination. Parsing is strict:
 * a header that is present but malformed is an error, never ignored.
 */
final class Tus {

    static final String VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,creation-with-upload,expiration,checksum,termination";
    static final String CHECKSUM_ALGORITHMS = "sha256";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    static final String TUS_RESUMABLE = "Tus-Resumable";
    static final String TUS_VERSION = "Tus-Version";
    static final String TUS_EXTENSION = "Tus-Extension";
    static final String TUS_MAX_SIZE = "Tus-Max-Size";
    static final String TUS_CHECKSUM_ALGORITHM = "Tus-Checksum-Algorithm";
    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_LENGTH = "Upload-Length";
    static final String UPLOAD_METADATA = "Upload-Metadata";
    static final String UPLOAD_EXPIRES = "Upload-Expires";
    static final String UPLOAD_CHECKSUM = "Upload-Checksum";
    static final String UPLOAD_DEFER_LENGTH = "Upload-Defer-Length";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");

    private Tus() {}

    /**
     * 412 unless the client speaks tus 1.0.0: a problem of its own type ({@code tus-version}, not a changed record's
     * {@code precondition-failed}), naming the version here and in {@code Tus-Version} as tus requires.
     */
    static void require(String resumable) {
        if (!VERSION.equals(resumable == null ? null : resumable.trim())) {
            throw new ProblemException(
                    ProblemType.TUS_VERSION, Message.of("attachment.tus.version", "version", VERSION));
        }
    }

    /** A non-negative integer header (Upload-Offset, Upload-Length), or empty when absent; throws when malformed. */
    static Optional<Long> number(String header, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (!NUMBER.matcher(v).matches()) {
            throw ProblemException.invalid(header, Message.of("attachment.tus.number"));
        }
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(header, Message.of("attachment.tus.number"));
        }
    }

    /**
     * Upload-Metadata: comma-separated pairs of a key and its Base64 value (the value may be absent). Keys are
     * distinct ASCII words; values are UTF-8.
     */
    static Map<String, String> metadata(String value) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return pairs;
        }
        if (value.length() > 8192) {
            throw ProblemException.invalid(UPLOAD_METADATA, Message.of("attachment.tus.metadata"));
        }
        for (String pair : value.split(",", -1)) {
            String[] parts = pair.trim().split(" ", -1);
            if (parts.length > 2 || !KEY.matcher(parts[0]).matches()) {
                throw ProblemException.invalid(UPLOAD_METADATA, Message.of("attachment.tus.metadata"));
            }
            String decoded = "";
            if (parts.length == 2) {
                try {
                    decoded = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(UPLOAD_METADATA, Message.of("attachment.tus.metadata"));
                }
            }
            if (pairs.put(parts[0], decoded) != null) {
                throw ProblemException.invalid(UPLOAD_METADATA, Message.of("attachment.tus.metadata"));
            }
        }
        return pairs;
    }

    /** Upload-Checksum: the algorithm and the Base64 digest of the piece; only sha256 is taken. */
    static Optional<byte[]> checksum(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.trim().split(" ", -1);
        if (parts.length != 2) {
            throw ProblemException.invalid(UPLOAD_CHECKSUM, Message.of("attachment.tus.checksum"));
        }
        if (!parts[0].equals("sha256")) {
            throw ProblemException.invalid(
                    UPLOAD_CHECKSUM,
                    Message.of("attachment.tus.checksum-algorithm", "allowed", CHECKSUM_ALGORITHMS),
                    List.of(CHECKSUM_ALGORITHMS));
        }
        try {
            byte[] digest = Base64.getDecoder().decode(parts[1]);
            if (digest.length != 32) {
                throw ProblemException.invalid(UPLOAD_CHECKSUM, Message.of("attachment.tus.checksum"));
            }
            return Optional.of(digest);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(UPLOAD_CHECKSUM, Message.of("attachment.tus.checksum"));
        }
    }
}
