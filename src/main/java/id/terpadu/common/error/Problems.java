package id.terpadu.common.error;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import id.terpadu.common.http.RequestIds;

/**
 * Builds problem+json responses; the one place that turns a {@link ProblemType} into HTTP. The document is worded in
 * the language chosen by {@link Languages}, which {@code Content-Language} names ({@code Vary: Accept-Language}).
 */
public final class Problems {

    private Problems() {}

    public static Problem of(
            ProblemType type,
            Message detail,
            List<FieldProblem> errors,
            List<String> allowed,
            String language,
            String instance) {
        List<Problem.FieldError> worded = errors == null || errors.isEmpty()
                ? null
                : errors.stream().map(e -> e.in(language)).toList();
        return new Problem(
                type.uri(),
                type.title(language),
                type.status(),
                detail.in(language),
                instance,
                RequestIds.current(),
                worded,
                allowed == null || allowed.isEmpty() ? null : allowed);
    }

    /** The challenge of a 401: a bearer token, the credential of people (RFC 6750). */
    public static final String CHALLENGE = "Bearer realm=\"terpadu\"";

    public static Response response(
            ProblemType type,
            Message detail,
            List<FieldProblem> errors,
            List<String> allowed,
            String language,
            String instance) {
        Response.ResponseBuilder builder = Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(of(type, detail, errors, allowed, language, instance));
        if (type == ProblemType.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", CHALLENGE);
        }
        if (type == ProblemType.SERVICE_UNAVAILABLE) {
            builder.header("Retry-After", "5");
        }
        return builder.build();
    }
}
