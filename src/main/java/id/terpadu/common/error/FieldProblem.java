package id.terpadu.common.error;

import java.util.Map;

/**
 * One refused field of a problem before it is worded: its path or parameter name, its stable code and parameters,
 * and either the project's {@link Message} (worded when the answer is written) or the text the validator already
 * worded in the request's language.
 */
public record FieldProblem(String field, String code, Map<String, Object> params, Message message, String worded) {

    public FieldProblem {
        params = params == null ? Map.of() : params;
    }

    /** A field refused by a check of the project: its code is the message's key. */
    public static FieldProblem of(String field, Message message) {
        return new FieldProblem(field, message.key(), message.params(), message, null);
    }

    /** A field refused by a constraint, worded by the validator. */
    static FieldProblem worded(String field, String code, Map<String, Object> params, String text) {
        return new FieldProblem(field, code, params, null, text);
    }

    public String text(String language) {
        return worded != null ? worded : message.in(language);
    }

    Problem.FieldError in(String language) {
        return new Problem.FieldError(field, code, params.isEmpty() ? null : params, text(language));
    }
}
