package id.terpadu.common.error;

import java.util.List;

import jakarta.ws.rs.core.Response;

import id.terpadu.common.http.RequestIds;

/** Builds problem+json responses; the one place that turns a {@link ProblemType} into HTTP. */
public final class Problems {

    private Problems() {
    }

    public static Problem of(ProblemType type, String detail, List<Problem.FieldError> errors, List<String> allowed,
            String language, String instance) {
        return new Problem(type.uri(), type.title(language), type.status(), detail, instance, RequestIds.current(),
                errors == null || errors.isEmpty() ? null : errors, allowed == null || allowed.isEmpty() ? null : allowed);
    }

    public static Response response(ProblemType type, String detail, List<Problem.FieldError> errors,
            List<String> allowed, String language, String instance) {
        Response.ResponseBuilder builder = Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(of(type, detail, errors, allowed, language, instance));
        if (type == ProblemType.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Bearer realm=\"terpadu\"");
        }
        if (type == ProblemType.SERVICE_UNAVAILABLE) {
            builder.header("Retry-After", "5");
        }
        return builder.build();
    }
}
