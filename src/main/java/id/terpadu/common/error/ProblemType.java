package id.terpadu.common.error;

/**
 * The kinds of problem the API answers with (RFC 9457), each with its HTTP status and a title in Indonesian and
 * English. The {@code type} member of a problem is {@code urn:terpadu:problem:<slug>}.
 */
public enum ProblemType {
    VALIDATION(400, "validation", "Permintaan tidak valid", "The request is not valid"),
    MALFORMED_BODY(400, "malformed-body", "Isi permintaan tidak dapat dibaca", "The request body cannot be read"),
    UNAUTHORIZED(401, "unauthorized", "Autentikasi diperlukan", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "Akses ditolak", "Access is denied"),
    NOT_FOUND(404, "not-found", "Tidak ditemukan", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Metode tidak diizinkan", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Format jawaban tidak tersedia", "No acceptable representation"),
    /** A body that stopped arriving: answered at the HTTP edge, which then closes the connection. */
    REQUEST_TIMEOUT(408, "request-timeout", "Waktu permintaan habis", "Request timeout"),
    CONFLICT(409, "conflict", "Bertentangan dengan data yang ada", "Conflicts with existing data"),
    GONE(410, "gone", "Sudah tidak tersedia", "No longer available"),
    PRECONDITION_FAILED(412, "precondition-failed", "Versi data sudah berubah", "The resource has changed"),
    /**
     * tus's own status for a request in a tus version the service does not speak ({@code Tus-Resumable}): a 412 as tus
     * requires, but not a changed record, so an app deciding on {@code type} does not read it as one.
     */
    TUS_VERSION(412, "tus-version", "Versi tus tidak didukung", "The tus version is not supported"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Isi permintaan terlalu besar", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Jenis isi tidak didukung", "Unsupported media type"),
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Rentang tidak dapat dipenuhi", "Range not satisfiable"),
    IDEMPOTENCY_KEY_REUSED(
            422,
            "idempotency-key-reused",
            "Idempotency-Key sudah dipakai untuk permintaan lain",
            "The Idempotency-Key was used for another request"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Header If-Match wajib", "If-Match is required"),
    /** tus's own status for a piece whose bytes do not match the checksum sent with them. */
    CHECKSUM_MISMATCH(460, "checksum-mismatch", "Checksum tidak cocok", "Checksum mismatch"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Terlalu banyak permintaan", "Too many requests"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Layanan sedang tidak tersedia", "Service unavailable"),
    INTERNAL(500, "internal", "Terjadi kesalahan pada server", "Internal server error");

    public static final String URN_PREFIX = "urn:terpadu:problem:";

    private final int status;
    private final String slug;
    private final String titleId;
    private final String titleEn;

    ProblemType(int status, String slug, String titleId, String titleEn) {
        this.status = status;
        this.slug = slug;
        this.titleId = titleId;
        this.titleEn = titleEn;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return URN_PREFIX + slug;
    }

    public String title(String language) {
        return "en".equals(language) ? titleEn : titleId;
    }

    /** The problem type for a status code answered by the framework itself (routing, content negotiation). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status
                    && type != MALFORMED_BODY
                    && type != IDEMPOTENCY_KEY_REUSED
                    && type != TUS_VERSION) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
