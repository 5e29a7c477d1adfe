package id.terpadu.common.error;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure that the API answers with a problem document. Thrown by services and helpers, mapped once. Its detail
 * and field messages are {@link Message}s, worded in the caller's language when the answer is written; the
 * exception's own message (for logs) is the English wording.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Message detail;
    private final List<FieldProblem> errors;
    private final List<String> allowed;
    private final Long currentVersion;

    public ProblemException(ProblemType type, Message detail) {
        this(type, detail, null, null);
    }

    public ProblemException(ProblemType type, Message detail, List<FieldProblem> errors, List<String> allowed) {
        this(type, detail, errors, allowed, null);
    }

    private ProblemException(
            ProblemType type, Message detail, List<FieldProblem> errors, List<String> allowed, Long currentVersion) {
        super(detail.key(), null, false, false);
        this.type = type;
        this.detail = detail;
        this.errors = errors;
        this.allowed = allowed;
        this.currentVersion = currentVersion;
    }

    /**
     * A 412 that tells the record's current version: the answer carries it as its {@code ETag}, so that a client
     * whose edit was refused knows which version to read (or to send again after looking).
     */
    public static ProblemException stale(Message detail, long currentVersion) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, detail, null, null, currentVersion);
    }

    /** The version of the record at the time of a 412, or {@code null}. */
    public Long currentVersion() {
        return currentVersion;
    }

    public ProblemType type() {
        return type;
    }

    public Message detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public List<String> allowed() {
        return allowed;
    }

    @Override
    public String getMessage() {
        return detail.in(Languages.ENGLISH);
    }

    public static ProblemException notFound(Message detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException invalid(String field, Message message) {
        return invalid(field, message, null);
    }

    public static ProblemException invalid(String field, Message message, List<String> allowed) {
        return new ProblemException(
                ProblemType.VALIDATION, onField(field, message), List.of(FieldProblem.of(field, message)), allowed);
    }

    /**
     * A 400 refusing fields, each with its own message: the detail names a lone field or counts them, and at most
     * {@link Problem#MAX_ERRORS} are listed. The one shape of every multi-field refusal (constraints, parameters).
     */
    public static ProblemException invalid(List<FieldProblem> errors, List<String> allowed) {
        FieldProblem first = errors.get(0);
        Message detail = errors.size() == 1
                ? onField(first.field(), first.worded() != null ? first.worded() : first.message())
                : errors.size() > Problem.MAX_ERRORS
                        ? Message.of("validation.fields.first", "count", errors.size(), "listed", Problem.MAX_ERRORS)
                        : Message.of("validation.fields", "count", errors.size());
        return new ProblemException(
                ProblemType.VALIDATION,
                detail,
                errors.size() > Problem.MAX_ERRORS ? new ArrayList<>(errors.subList(0, Problem.MAX_ERRORS)) : errors,
                allowed);
    }

    public static ProblemException conflict(Message detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException forbidden(Message detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    /** The detail of a problem with one refused field: the field's name and its message. */
    static Message onField(String field, Object message) {
        return Message.of("validation.field", "field", field, "message", message);
    }
}
