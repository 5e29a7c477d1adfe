package id.terpadu.common.error;

import java.util.List;

/** A failure that the API answers with a problem document. Thrown by services and helpers, mapped once. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final List<String> allowed;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors, List<String> allowed) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.allowed = allowed;
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public List<String> allowed() {
        return allowed;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No " + what + " with id " + id + " is visible to you");
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null);
    }

    public static ProblemException invalid(String field, String message, List<String> allowed) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)), allowed);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }
}
