package id.terpadu.common.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;

import id.terpadu.common.http.AllowedMethods;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The single translation of every failure into an RFC 9457 problem document. Nothing else writes error bodies
 * (but {@code HttpEdge}, for bodies refused before they reach JAX-RS). Unexpected failures are logged with their
 * stack trace and answered with a 500 that names no class, SQL or stack frame.
 */
public class ProblemMapper {

    @Inject
    AllowedMethods allowed;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return respond(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        String allow = e instanceof NotAllowedException && uri != null ? allowed.allow(uri.getPath()) : null;
        return respond(classify(e), headers, uri, allow);
    }

    @ServerExceptionMapper({ JacksonException.class, MismatchedInputException.class, JsonMappingException.class,
            com.fasterxml.jackson.core.JsonParseException.class, ValueInstantiationException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class })
    public Response json(Exception e, HttpHeaders headers, UriInfo uri) {
        return respond(classify(e), headers, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        return respond(classify(e), headers, uri);
    }

    @ServerExceptionMapper
    public Response restValidation(ResteasyReactiveViolationException e, HttpHeaders headers, UriInfo uri) {
        return respond(classify(e), headers, uri);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return respond(new ProblemException(ProblemType.UNAUTHORIZED,
                "A valid bearer token is required (Authorization: Bearer <token>)"), headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(new ProblemException(ProblemType.FORBIDDEN, "Your roles do not allow this operation"),
                headers, uri);
    }

    @ServerExceptionMapper
    public Response any(Throwable e, HttpHeaders headers, UriInfo uri) {
        return respond(classify(e), headers, uri);
    }

    private Response respond(ProblemException p, HttpHeaders headers, UriInfo uri) {
        return respond(p, headers, uri, null);
    }

    private Response respond(ProblemException p, HttpHeaders headers, UriInfo uri, String allow) {
        Response response = Problems.response(p.type(), p.getMessage(), p.errors(), p.allowed(),
                Languages.pick(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)),
                uri == null ? null : uri.getRequestUri().getRawPath());
        if (allow != null) {
            return Response.fromResponse(response).header("Allow", allow).build();
        }
        return response;
    }

    /** Turns any failure into the problem it stands for. */
    static ProblemException classify(Throwable e) {
        // The most telling failure is the deepest known one: a JSON error wrapped in a 400 says more than the 400.
        // A JSON error counts as the client's only while every wrapper above it is the framework's (reading the
        // body); wrapped in our own code it is a failure to write something, which is ours.
        ProblemException found = null;
        boolean readingRequest = true;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ProblemException known = t instanceof JacksonException && !readingRequest ? null : classifyOne(t);
            if (known != null && (found == null || !(t instanceof WebApplicationException))) {
                found = known;
            }
            readingRequest &= t instanceof WebApplicationException || t instanceof jakarta.ws.rs.ProcessingException
                    || t instanceof JacksonException;
        }
        if (found != null) {
            return found;
        }
        Log.errorf(e, "Unexpected failure");
        return new ProblemException(ProblemType.INTERNAL,
                "The server could not complete the request; quote the request id when you report it");
    }

    private static ProblemException classifyOne(Throwable t) {
        if (t instanceof ProblemException p) {
            return p;
        }
        if (t instanceof ConstraintViolationException cve) {
            return fromViolations(cve);
        }
        if (t instanceof JacksonException je) {
            return fromJackson(je);
        }
        if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
            return new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "Someone changed this record at the same time; read it again and retry with its new ETag");
        }
        if (t instanceof org.hibernate.exception.ConstraintViolationException dbe
                && ("23505".equals(dbe.getSQLState()) || "23503".equals(dbe.getSQLState()))) {
            // unique and foreign keys guard rules under concurrency; other violations are bugs (500)
            return Constraints.problem(dbe.getConstraintName());
        }
        if (t instanceof QueryTimeoutException || t instanceof PessimisticLockException
                || t instanceof org.hibernate.QueryTimeoutException
                || t instanceof org.hibernate.exception.LockTimeoutException
                || (t instanceof java.sql.SQLException timedOut && isTimedOut(timedOut))) {
            return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "The database did not answer in time; retry shortly");
        }
        if (t instanceof java.sql.SQLException sql
                && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
            // PostgreSQL text cannot hold NUL (\u0000): the client's input, not our failure
            return new ProblemException(ProblemType.VALIDATION,
                    "A text in the request contains the NUL character (\\u0000), which cannot be stored; remove it");
        }
        if (t instanceof jakarta.transaction.RollbackException) {
            // A commit that failed: the transaction manager tells why only in a suppressed exception (an
            // XAException whose cause is the driver's), and a database that went away at that moment is a 503.
            for (Throwable suppressed : t.getSuppressed()) {
                for (Throwable c = suppressed; c != null; c = c.getCause() == c ? null : c.getCause()) {
                    if (c instanceof java.sql.SQLException sql && (isTimedOut(sql) || isUnavailable(sql))) {
                        return classifyOne(sql);
                    }
                }
            }
        }
        if (t instanceof java.sql.SQLException sql && isUnavailable(sql)) {
            return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "The database is not reachable at the moment; retry shortly");
        }
        if (t instanceof WebApplicationException wae) {
            int status = wae.getResponse() == null ? 500 : wae.getResponse().getStatus();
            if (status >= 500) {
                return null;
            }
            return new ProblemException(ProblemType.forStatus(status), webDetail(status));
        }
        return null;
    }

    /**
     * A stalled database: a lock not granted within lock_timeout (55P03), a statement cancelled by
     * statement_timeout (57014), or no pooled connection free within the acquisition timeout.
     */
    private static boolean isTimedOut(java.sql.SQLException sql) {
        String state = sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        return "55P03".equals(state) || "57014".equals(state) || message.contains("acquisition timeout");
    }

    /** A database that is down or restarting: connection failures (08…) and an administrator's shutdown (57P01). */
    private static boolean isUnavailable(java.sql.SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03"));
    }

    private static String webDetail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not support that method; see the Allow header";
            case 406 -> "The Accept header asks for a format this address cannot produce";
            case 415 -> "This address does not accept that Content-Type";
            case 413 -> "The request body is too large";
            default -> "The request cannot be processed";
        };
    }

    private static ProblemException fromViolations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .collect(Collectors.toCollection(ArrayList::new));
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() > Problem.MAX_ERRORS
                        ? errors.size() + " fields are not valid; the first " + Problem.MAX_ERRORS + " are listed"
                        : errors.size() + " fields are not valid";
        return new ProblemException(ProblemType.VALIDATION, detail,
                errors.size() > Problem.MAX_ERRORS ? new ArrayList<>(errors.subList(0, Problem.MAX_ERRORS)) : errors, null);
    }

    /** {@code create.request.members[0].role} becomes {@code members[0].role}; a parameter keeps its name. */
    static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.isInIterable() && field.length() > 0) {
                int at = field.lastIndexOf(".");
                String last = field.substring(at + 1);
                if (!last.contains("[")) {
                    field.append(node.getIndex() != null ? "[" + node.getIndex() + "]"
                            : node.getKey() != null ? "[" + node.getKey() + "]" : "");
                }
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.length() == 0) {
            return parameter == null ? "body" : isBodyParameter(parameter) ? "body" : parameter;
        }
        return field.toString();
    }

    private static boolean isBodyParameter(String name) {
        return name.equals("request") || name.equals("body");
    }

    private static ProblemException fromJackson(JacksonException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return new ProblemException(ProblemType.MALFORMED_BODY,
                    "The body is not well-formed JSON: " + clean(((JsonProcessingException) e).getOriginalMessage()));
        }
        String field = pathOf(mapping);
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            String name = field.isEmpty() ? fieldName(String.valueOf(unknown.getPropertyName())) : field;
            return new ProblemException(ProblemType.VALIDATION, name + ": unknown field",
                    List.of(new Problem.FieldError(name, "unknown field; this request has no such field")), null);
        }
        if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            List<String> allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).toList();
            String message = "is not one of " + String.join(", ", allowed);
            return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                    List.of(new Problem.FieldError(field, message)), allowed);
        }
        if (mapping instanceof ValueInstantiationException) {
            return new ProblemException(ProblemType.VALIDATION, "The body has a value that cannot be used"
                    + (field.isEmpty() ? "" : " at " + field),
                    List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, "invalid value")), null);
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() == null ? "another type" : typeName(mismatch.getTargetType());
            if (field.isEmpty()) {
                return new ProblemException(ProblemType.MALFORMED_BODY,
                        "The body must be a JSON " + expected, List.of(new Problem.FieldError("body",
                                "expected a JSON " + expected)), null);
            }
            String message = "expected " + expected;
            return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                    List.of(new Problem.FieldError(field, message)), null);
        }
        return new ProblemException(ProblemType.MALFORMED_BODY, "The body cannot be read"
                + (field.isEmpty() ? "" : " at " + field));
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class || type == java.util.UUID.class || type.getName().startsWith("java.time")) {
            return type == String.class ? "string" : "string (" + type.getSimpleName() + ")";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(fieldName(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * A field name of the request as a problem may repeat it: a plain identifier as sent, anything else (spaces,
     * punctuation, SQL or markup a client put in a key) as {@code (unnamed)}, so that no raw input is echoed.
     */
    static String fieldName(String name) {
        return name != null && name.matches("[A-Za-z_][A-Za-z0-9_]{0,63}") ? name : "(unnamed)";
    }

    /** Jackson's messages quote the input (up to 500 characters); keep the first line, and only its start. */
    private static String clean(String message) {
        if (message == null) {
            return "unexpected input";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
