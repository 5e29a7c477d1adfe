package id.terpadu.common.error;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

import id.terpadu.common.http.AllowedMethods;
import id.terpadu.common.http.StreamedInput;
import id.terpadu.common.json.JsonSettings;
import id.terpadu.common.security.ApiKeyAuthentication;
import id.terpadu.common.security.ApiKeyPrincipal;
import id.terpadu.common.security.ApiKeyScopeFilter;

/**
 * The single translation of every failure into an RFC 9457 problem document. Nothing else writes error bodies
 * (but {@code HttpEdge}, for bodies refused before they reach JAX-RS). Unexpected failures are logged with their
 * stack trace and answered with a 500 that names no class, SQL or stack frame.
 */
public class ProblemMapper {

    /** The identity attribute where authentication leaves why a token's account refuses it (a {@link Message}). */
    public static final String ACCOUNT_REFUSAL = "terpadu.account.refusal";

    private final AllowedMethods allowed;
    private final CurrentIdentityAssociation identity;

    ProblemMapper(AllowedMethods allowed, CurrentIdentityAssociation identity) {
        this.allowed = allowed;
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return respond(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri, Request request) {
        if (e instanceof NotAllowedException && uri != null) {
            return respond(classify(e), headers, uri, Map.of("Allow", allowed.allow(uri.getPath())));
        }
        if (e instanceof NotSupportedException && uri != null && request != null) {
            // name what the operation takes; a PATCH says it in Accept-Patch too (RFC 5789 §2.2)
            List<String> accepted = allowed.accepts(uri.getPath(), request.getMethod());
            if (!accepted.isEmpty()) {
                ProblemException p = new ProblemException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        Message.of("http.unsupported-media-type.accepted", "accepted", accepted));
                return respond(
                        p,
                        headers,
                        uri,
                        HttpMethod.PATCH.equals(request.getMethod())
                                ? Map.of("Accept-Patch", String.join(", ", accepted))
                                : Map.of());
            }
        }
        return respond(classify(e), headers, uri);
    }

    @ServerExceptionMapper({
        JacksonException.class,
        MismatchedInputException.class,
        JsonMappingException.class,
        com.fasterxml.jackson.core.JsonParseException.class,
        ValueInstantiationException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class
    })
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

    @ServerExceptionMapper({
        AuthenticationFailedException.class,
        UnauthorizedException.class,
        AuthenticationCompletionException.class
    })
    public Response unauthorized(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        // say which credential failed: none sent, an API key, or a bearer token (RFC 6750 §3.1: invalid_token)
        String authorization = headers == null ? null : headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean apiKey = headers != null
                && ApiKeyAuthentication.presented(headers.getHeaderString(ApiKeyAuthentication.HEADER), authorization)
                        != null;
        boolean bearer = !apiKey && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        Message detail = apiKey
                ? Message.of("auth.api-key-invalid")
                : bearer ? Message.of("auth.token-invalid") : Message.of("auth.token-required");
        String challenge = bearer ? Problems.CHALLENGE + ", error=\"invalid_token\"" : Problems.CHALLENGE;
        return respond(
                new ProblemException(ProblemType.UNAUTHORIZED, detail),
                headers,
                uri,
                Map.of("WWW-Authenticate", challenge + ", " + ApiKeyAuthentication.SCHEME + " realm=\"terpadu\""));
    }

    @ServerExceptionMapper
    public Response forbidden(
            ForbiddenException e, HttpHeaders headers, UriInfo uri, Request request, ResourceInfo resource) {
        // A token whose account is missing or deactivated has no roles: say so rather than that its roles do not fit.
        SecurityIdentity caller = identity.getIdentity();
        Message refusal = caller == null ? null : caller.getAttribute(ACCOUNT_REFUSAL);
        if (refusal == null && caller != null && caller.getPrincipal() instanceof ApiKeyPrincipal key) {
            // an API key's roles come from its scopes (incidents:write gives OFFICER): name the scope it lacks
            refusal = ApiKeyScopeFilter.refusal(key, request.getMethod(), uri.getPath());
        }
        if (refusal == null) {
            refusal = roleRefusal(resource);
        }
        return respond(new ProblemException(ProblemType.FORBIDDEN, refusal), headers, uri);
    }

    /**
     * A role refusal names the roles the operation takes (the method's {@code @RolesAllowed}, else its class's), so that
     * a person who tried it with the wrong token knows which one to get; they are in the document already.
     */
    private static Message roleRefusal(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return Message.of("auth.role-refused");
        }
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : resource.getResourceClass().getAnnotation(RolesAllowed.class);
        return roles == null || roles.value().length == 0
                ? Message.of("auth.role-refused")
                : Message.of("auth.role-refused.takes", "roles", List.of(roles.value()));
    }

    @ServerExceptionMapper
    public Response any(Throwable e, HttpHeaders headers, UriInfo uri) {
        return respond(classify(e), headers, uri);
    }

    private Response respond(ProblemException p, HttpHeaders headers, UriInfo uri) {
        return respond(p, headers, uri, Map.of());
    }

    private Response respond(ProblemException p, HttpHeaders headers, UriInfo uri, Map<String, String> extra) {
        Response response = Problems.response(
                p.type(),
                p.detail(),
                p.errors(),
                p.allowed(),
                Languages.pick(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)),
                uri == null ? null : uri.getRequestUri().getRawPath());
        if (!extra.isEmpty()) {
            Response.ResponseBuilder withHeaders = Response.fromResponse(response);
            extra.forEach((name, value) -> withHeaders.header(name, null).header(name, value));
            return withHeaders.build();
        }
        if (p.currentVersion() != null) {
            // a refused edit names the version it would have had to name (If-Match compares only the version)
            return Response.fromResponse(response)
                    .tag(new jakarta.ws.rs.core.EntityTag(Long.toString(p.currentVersion())))
                    .build();
        }
        return response;
    }

    /** Turns any failure into the problem it stands for. */
    static ProblemException classify(Throwable e) {
        // The most telling failure is the deepest known one: a JSON error wrapped in a 400 says more than the 400.
        // A JSON error counts as the client's only while every wrapper above it is the framework's (reading the
        // body); wrapped in our own code it is a failure to write something, which is ours.
        // A run of JSON errors (a mapping error naming the field, around the parser's error saying what is wrong) is
        // read as one, from its outermost.
        ProblemException found = null;
        boolean readingRequest = true;
        boolean inJson = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ProblemException known =
                    t instanceof JacksonException && (!readingRequest || inJson) ? null : classifyOne(t);
            if (known != null && (found == null || !(t instanceof WebApplicationException))) {
                found = known;
            }
            inJson = t instanceof JacksonException;
            readingRequest &= t instanceof WebApplicationException
                    || t instanceof jakarta.ws.rs.ProcessingException
                    || t instanceof JacksonException;
        }
        if (found != null) {
            return found;
        }
        Log.errorf(e, "Unexpected failure");
        return new ProblemException(ProblemType.INTERNAL, Message.of("server.failed"));
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
            return new ProblemException(ProblemType.PRECONDITION_FAILED, Message.of("record.changed-meanwhile"));
        }
        if (t instanceof org.hibernate.exception.ConstraintViolationException dbe
                && ("23505".equals(dbe.getSQLState()) || "23503".equals(dbe.getSQLState()))) {
            // unique and foreign keys guard rules under concurrency; other violations are bugs (500)
            return Constraints.problem(dbe.getConstraintName());
        }
        if (t instanceof QueryTimeoutException
                || t instanceof PessimisticLockException
                || t instanceof org.hibernate.QueryTimeoutException
                || t instanceof org.hibernate.exception.LockTimeoutException
                || (t instanceof java.sql.SQLException timedOut && isTimedOut(timedOut))) {
            return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, Message.of("database.timeout"));
        }
        if (t instanceof io.vertx.core.http.HttpClosedException
                || t instanceof StreamedInput.Silent
                || isFrameworkReadTimeout(t)) {
            // the client went away, or went silent, while sending its body: nobody will read the answer, and it is
            // not our failure
            return new ProblemException(ProblemType.MALFORMED_BODY, Message.of("body.dropped"));
        }
        if (t instanceof java.sql.SQLException sql
                && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
            // PostgreSQL text cannot hold NUL (\u0000): the client's input, not our failure
            return new ProblemException(ProblemType.VALIDATION, Message.of("text.nul"));
        }
        if (t instanceof org.jboss.resteasy.reactive.server.multipart.MultipartPartReadingException
                || t instanceof java.io.IOException && isFormParsing(t)) {
            // a form whose parts do not match its boundary, or that ends before its last part: the client's body
            return new ProblemException(ProblemType.MALFORMED_BODY, Message.of("form.malformed"));
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
            return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, Message.of("database.unavailable"));
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
     * The framework's own stream of a request body (a form's, read by its parser on a worker thread) gave up waiting for
     * the next byte after {@code quarkus.http.read-timeout}, and closed the connection, as {@link StreamedInput} does.
     */
    private static boolean isFrameworkReadTimeout(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return t instanceof java.io.IOException
                && "Read timed out".equals(t.getMessage())
                && frames.length > 0
                && frames[0].getClassName().startsWith("org.jboss.resteasy.reactive.server.vertx.VertxInputStream");
    }

    /** A failure of the framework's form parser, reading a request body before any resource runs. */
    private static boolean isFormParsing(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0
                && frames[0].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.");
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

    private static Message webDetail(int status) {
        return switch (status) {
            case 404 -> Message.of("http.not-found");
            case 405 -> Message.of("http.method-not-allowed");
            case 406 -> Message.of("http.not-acceptable");
            case 415 -> Message.of("http.unsupported-media-type");
            case 413 -> Message.of("http.payload-too-large");
            default -> Message.of("http.bad-request");
        };
    }

    private static ProblemException fromViolations(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> FieldProblem.worded(fieldOf(v), codeOf(v), paramsOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)
                        .thenComparing(FieldProblem::code)
                        .thenComparing(FieldProblem::worded))
                .collect(Collectors.toCollection(ArrayList::new));
        return ProblemException.invalid(errors, null);
    }

    /**
     * A violated constraint's stable code: the key of its message when that is one of Terpadu's own
     * ({@code {format.region-code}}), else the constraint's name in kebab case ({@code NotNull} is {@code not-null}).
     */
    static String codeOf(ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        if (template != null
                && template.startsWith("{")
                && template.endsWith("}")
                && template.indexOf('{', 1) < 0
                && !template.startsWith("{jakarta.")
                && !template.startsWith("{org.hibernate.")) {
            return template.substring(1, template.length() - 1);
        }
        String name =
                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The attributes that the constraint's message may name, in a fixed order: {@code min, max} for a size. */
    static Map<String, Object> paramsOf(ConstraintViolation<?> v) {
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> names =
                new ArrayList<>(List.of("min", "max", "value", "inclusive", "integer", "fraction", "regexp"));
        attributes.keySet().stream()
                .sorted()
                .filter(name -> !names.contains(name))
                .forEach(names::add);
        for (String name : names) {
            Object value = attributes.get(name);
            if (value == null || name.equals("message") || name.equals("groups") || name.equals("payload")) {
                continue;
            }
            if (value.getClass().isArray()) {
                if (java.lang.reflect.Array.getLength(value) == 0) {
                    continue;
                }
                value = Arrays.stream((Object[]) value).map(String::valueOf).toList();
            }
            params.put(name, value);
        }
        return params;
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
                    field.append(
                            node.getIndex() != null
                                    ? "[" + node.getIndex() + "]"
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

    /** The problem of a JSON document that a resource binds itself (a merge patch's result): as a request body's. */
    public static ProblemException ofBody(JacksonException e) {
        return fromJackson(e);
    }

    /**
     * The problem of a JSON error, and of the errors it wraps: the parser's own error (a limit, a number too large for
     * its type) says what is wrong, the mapping error around it at which field.
     */
    private static ProblemException fromJackson(JacksonException e) {
        String around = "";
        JacksonException deepest = e;
        for (Throwable t = e; t instanceof JacksonException json; t = t.getCause() == t ? null : t.getCause()) {
            deepest = json;
            if (json instanceof JsonMappingException mapping && !pathOf(mapping).isEmpty()) {
                around = pathOf(mapping);
            }
        }
        if (deepest instanceof StreamConstraintsException limit) {
            return invalid(ProblemType.MALFORMED_BODY, around.isEmpty() ? "body" : around, limit(limit), null);
        }
        if (deepest instanceof InputCoercionException number) {
            // a whole number out of its type's range: 3000000000 for an int
            Message expected = number.getTargetType() == Integer.TYPE || number.getTargetType() == Integer.class
                    ? Message.of("json.expected.integer.range", "min", Integer.MIN_VALUE, "max", Integer.MAX_VALUE)
                    : number.getTargetType() == Long.TYPE || number.getTargetType() == Long.class
                            ? Message.of("json.expected.integer.range", "min", Long.MIN_VALUE, "max", Long.MAX_VALUE)
                            : expected(number.getTargetType());
            return around.isEmpty()
                    ? invalid(ProblemType.MALFORMED_BODY, "body", expected, null)
                    : invalid(ProblemType.VALIDATION, around, expected, null);
        }
        return fromJacksonAlone(e);
    }

    /**
     * Which of the parser's limits (JsonSettings, docs/security.md) the body broke. The parser names it only in its
     * English message, by the getter of the limit.
     */
    private static Message limit(StreamConstraintsException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("getMaxStringLength")) {
            return Message.of("json.limit.string", "max", JsonSettings.MAX_STRING_LENGTH);
        }
        if (message.contains("getMaxNestingDepth")) {
            return Message.of("json.limit.depth", "max", JsonSettings.MAX_NESTING_DEPTH);
        }
        if (message.contains("getMaxNumberLength")) {
            return Message.of("json.limit.number", "max", JsonSettings.MAX_NUMBER_LENGTH);
        }
        if (message.contains("getMaxNameLength")) {
            return Message.of("json.limit.name", "max", JsonSettings.MAX_NAME_LENGTH);
        }
        if (message.contains("getMaxDocumentLength")) {
            return Message.of("json.limit.document", "max", JsonSettings.MAX_DOCUMENT_LENGTH);
        }
        return Message.of("json.limit");
    }

    private static ProblemException fromJacksonAlone(JacksonException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            // the parser's own words are English and quote the input: the answer says only where reading stopped
            com.fasterxml.jackson.core.JsonLocation at = ((JsonProcessingException) e).getLocation();
            return new ProblemException(
                    ProblemType.MALFORMED_BODY,
                    at == null || at.getLineNr() < 1
                            ? Message.of("json.malformed")
                            : Message.of("json.malformed.at", "line", at.getLineNr(), "column", at.getColumnNr()));
        }
        String field = pathOf(mapping);
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            String name = field.isEmpty() ? fieldName(String.valueOf(unknown.getPropertyName())) : field;
            return invalid(ProblemType.VALIDATION, name, Message.of("json.unknown-field"), null);
        }
        if (mapping instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            List<String> allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString)
                    .toList();
            return invalid(ProblemType.VALIDATION, field, Message.of("json.enum", "allowed", allowed), allowed);
        }
        if (mapping instanceof ValueInstantiationException) {
            return invalid(
                    ProblemType.VALIDATION, field.isEmpty() ? "body" : field, Message.of("json.invalid-value"), null);
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            Message expected = expected(mismatch.getTargetType());
            return field.isEmpty()
                    ? invalid(ProblemType.MALFORMED_BODY, "body", expected, null)
                    : invalid(ProblemType.VALIDATION, field, expected, null);
        }
        return new ProblemException(
                ProblemType.MALFORMED_BODY,
                field.isEmpty() ? Message.of("json.unreadable") : Message.of("json.unreadable.at", "field", field));
    }

    private static ProblemException invalid(ProblemType type, String field, Message message, List<String> allowed) {
        return new ProblemException(
                type, ProblemException.onField(field, message), List.of(FieldProblem.of(field, message)), allowed);
    }

    /** What a value of {@code type} is written as in JSON, as a message of its own for each kind. */
    private static Message expected(Class<?> type) {
        if (type == null) {
            return Message.of("json.expected.other");
        }
        if (type.isEnum()) {
            return Message.of(
                    "json.expected.enum",
                    "allowed",
                    Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        if (type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == Byte.class
                || type == java.math.BigInteger.class
                || type == int.class
                || type == long.class
                || type == short.class
                || type == byte.class) {
            return Message.of("json.expected.integer");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return Message.of("json.expected.number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Message.of("json.expected.boolean");
        }
        if (type == java.time.LocalDate.class) {
            return Message.of("json.expected.date");
        }
        if (type == java.time.Duration.class) {
            return Message.of("json.expected.duration");
        }
        if (type.getName().startsWith("java.time")) {
            return Message.of("json.expected.date-time");
        }
        if (type == java.util.UUID.class) {
            return Message.of("json.expected.uuid");
        }
        if (type == String.class) {
            return Message.of("json.expected.string");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Message.of("json.expected.array");
        }
        return Message.of("json.expected.object");
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
}
