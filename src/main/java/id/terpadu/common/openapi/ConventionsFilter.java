package id.terpadu.common.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import id.terpadu.common.error.Problem;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.idempotency.IdempotencyInterceptor;
import id.terpadu.common.ratelimit.Policy;
import id.terpadu.common.ratelimit.RateLimitFilter;

/**
 * Documents the conventions every operation shares, once: the problem responses each kind of operation can give
 * (with an example each, and the rate-limit headers of a 429), and the {@code Idempotency-Key} header of every POST;
 * then the bounds, nulls and strictness the generated schemas leave out, and last the examples and common parameters
 * that operations share, each defined once under components ({@link References}).
 */
public class ConventionsFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String TUS_RESUMABLE = "Tus-Resumable";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        defineRateLimitHeaders(openAPI);
        Map<String, APIResponse> problems = new java.util.TreeMap<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                document(path, entry.getKey(), entry.getValue(), problems);
            }
        });
        problems.forEach(openAPI.getComponents()::addResponse);
        Pages.apply(openAPI);
        developmentFirst(openAPI);
        Bounds.apply(openAPI);
        Patches.apply(openAPI);
        Nulls.apply(openAPI);
        Strictness.apply(openAPI);
        ApiKeys.apply(openAPI);
        References.apply(openAPI);
    }

    /**
     * The shared problem answers are defined once under {@code components/responses} (one per problem type, and one
     * per rate-limit policy for the 429) and referenced by every operation that can give them, which keeps the
     * document small enough for Swagger UI to show at once; an operation's own answer for a status stays its own.
     */
    private void document(
            String path, PathItem.HttpMethod method, Operation operation, Map<String, APIResponse> shared) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = !path.startsWith("/api/v1/dev/");
        boolean hasId = path.contains("{");
        boolean write = method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE;
        boolean body = method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        Map<ProblemType, String> problems = new LinkedHashMap<>();
        problems.put(
                ProblemType.VALIDATION,
                "The request is not valid: a parameter or field (listed in `errors`), "
                        + "malformed JSON, an unknown field or an unknown enum value (listed in `allowed`)");
        if (secured) {
            problems.put(ProblemType.UNAUTHORIZED, "No valid bearer token or API key; the detail says which failed");
            problems.put(ProblemType.FORBIDDEN, "Your roles or region scope do not allow this");
        }
        if (hasId) {
            problems.put(ProblemType.NOT_FOUND, "No such record, or it lies outside your region scope");
        }
        problems.put(ProblemType.NOT_ACCEPTABLE, "The Accept header asks for a format this operation cannot produce");
        if (body) {
            problems.put(
                    ProblemType.REQUEST_TIMEOUT,
                    "No byte of the body arrived for the read timeout (`QUARKUS_HTTP_READ_TIMEOUT`, 60 s unless "
                            + "configured otherwise); the connection is closed. A form or an upload's piece gets no "
                            + "answer: its connection is closed");
        }
        if (body || method == PathItem.HttpMethod.DELETE) {
            problems.put(ProblemType.CONFLICT, "The change conflicts with existing data or a rule of the domain");
        }
        boolean ifMatch = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equals(p.getName()));
        // a tus operation (it takes Tus-Resumable) follows tus, not If-Match: its 412 is a tus version it does not
        // speak
        boolean tus = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> TUS_RESUMABLE.equals(p.getName()));
        if (tus) {
            problems.put(
                    ProblemType.TUS_VERSION,
                    "Tus-Resumable names a tus version this service does not speak; Tus-Version names the one it does");
        } else if (write || ifMatch) {
            problems.put(ProblemType.PRECONDITION_FAILED, "If-Match does not match the current version");
        }
        boolean ifMatchRequired = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> "If-Match".equals(p.getName()) && Boolean.TRUE.equals(p.getRequired()));
        if (!tus && (write || ifMatchRequired)) {
            problems.put(ProblemType.PRECONDITION_REQUIRED, "If-Match is missing");
        }
        if (body) {
            problems.put(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The body is larger than the limit (`QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE`, 8 MB unless configured otherwise)");
            problems.put(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type is not accepted here, or the body is compressed: a Content-Encoding other than "
                            + "identity is refused (the answer carries `Accept-Encoding: identity`)");
        }
        if (method == PathItem.HttpMethod.POST || body && !tus) {
            // every POST, PUT and PATCH but tus's PATCH, whose Upload-Offset already makes a repeated piece harmless
            problems.put(ProblemType.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key was used with another body");
            addIdempotencyKey(operation);
        }
        problems.put(
                ProblemType.TOO_MANY_REQUESTS,
                "Over your budget of " + RATE_POLICY.get(Policy.of(method.name(), path))
                        + " for this window (per API key, token subject, or client address); retry after Retry-After seconds. "
                        + "Every answer carries RateLimit-Policy and RateLimit");
        problems.put(ProblemType.INTERNAL, "Unexpected failure; quote the request id");
        problems.put(
                ProblemType.SERVICE_UNAVAILABLE, "The database is unreachable or too slow; retry after Retry-After");
        problems.forEach((type, description) -> {
            String code = Integer.toString(type.status());
            if (responses.getAPIResponse(code) == null
                    || responses.getAPIResponse(code).getContent() == null) {
                String name = "Problem" + code
                        + (type == ProblemType.TOO_MANY_REQUESTS
                                ? RATE_POLICY_NAME.get(Policy.of(method.name(), path))
                                : type == ProblemType.TUS_VERSION ? "Tus" : "");
                shared.computeIfAbsent(name, n -> {
                    APIResponses one = OASFactory.createAPIResponses();
                    APIResponse problem = problemResponse(type, description);
                    if (type == ProblemType.TUS_VERSION) {
                        problem.addHeader(
                                "Tus-Version",
                                header("The tus version this service speaks", "1.0.0", 20, "[0-9]+(\\.[0-9]+)*"));
                    }
                    one.addAPIResponse(code, problem);
                    addRateLimitHeaders(one);
                    return one.getAPIResponse(code);
                });
                responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(name));
            }
        });
        addRateLimitHeaders(responses);
    }

    /** Swagger UI shows the sections in the order of the tags: a newcomer's first step (a token) comes first. */
    private static void developmentFirst(OpenAPI openAPI) {
        if (openAPI.getTags() == null) {
            return;
        }
        List<org.eclipse.microprofile.openapi.models.tags.Tag> tags = new java.util.ArrayList<>(openAPI.getTags());
        tags.sort(java.util.Comparator.comparing(tag -> !"Development".equals(tag.getName())));
        openAPI.setTags(tags);
    }

    private static final Map<Policy, String> RATE_POLICY_NAME =
            Map.of(Policy.READS, "Reads", Policy.WRITES, "Writes", Policy.EXPENSIVE, "Expensive");

    private static final Map<Policy, String> RATE_POLICY = Map.of(
            Policy.READS,
            "reads",
            Policy.WRITES,
            "writes",
            Policy.EXPENSIVE,
            "expensive reads (exports, change feed, statistics)");

    /**
     * The rate-limit fields on every 2xx and 4xx answer (a 429 also has Retry-After), by reference to their one
     * definition under components.
     */
    private static void addRateLimitHeaders(APIResponses responses) {
        responses.getAPIResponses().forEach((code, response) -> {
            if (response.getRef() != null || !code.startsWith("2") && !code.startsWith("4")) {
                return;
            }
            List<String> names = code.equals("429")
                    ? List.of("Retry-After", RateLimitFilter.POLICY_HEADER, RateLimitFilter.HEADER)
                    : List.of(RateLimitFilter.POLICY_HEADER, RateLimitFilter.HEADER);
            for (String name : names) {
                if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                    response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
                }
            }
        });
    }

    private static void defineRateLimitHeaders(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addHeader(
                        "Retry-After",
                        header("Seconds until the window ends and the budget is full again", "17", 10, "[0-9]+"))
                .addHeader(
                        RateLimitFilter.POLICY_HEADER,
                        header(
                                "The quota policy, in the IETF httpapi RateLimit header "
                                        + "fields: its name (`reads`, `writes` or `expensive`), quota `q` and window `w` in seconds. Sent "
                                        + "on every answer to a request the limiter saw: not on a 401 (refused before the caller is "
                                        + "known) nor on a 408, a 413 or the 415 of a compressed body (answered "
                                        + "before the request is read)",
                                "\"reads\";q=1200;w=60",
                                100,
                                RATE_LIMIT_FIELD))
                .addHeader(
                        RateLimitFilter.HEADER,
                        header(
                                "What is left of the policy: remaining requests `r` and "
                                        + "seconds `t` until the window ends. Sent with RateLimit-Policy",
                                "\"reads\";r=0;t=17",
                                100,
                                RATE_LIMIT_FIELD));
    }

    /** A structured-field item as the limiter writes it: {@code "name";key=number;key=number}. */
    private static final String RATE_LIMIT_FIELD = "\"[a-z-]+\"(;[a-z]=[0-9]+)*";

    private static org.eclipse.microprofile.openapi.models.headers.Header header(
            String description, String example, int maxLength, String pattern) {
        return OASFactory.createHeader()
                .description(description)
                .example(example)
                .schema(OASFactory.createSchema()
                        .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)
                        .maxLength(maxLength)
                        .pattern(pattern));
    }

    private static void addIdempotencyKey(Operation operation) {
        if (operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> IdempotencyInterceptor.HEADER.equalsIgnoreCase(p.getName()))) {
            return;
        }
        operation.addParameter(OASFactory.createParameter()
                .name(IdempotencyInterceptor.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description(
                        "Any unique string (a fresh UUID is best, such as 2f1e7c3a-9b8d-4e6f-a5c4-3b2a1d0e9f8c) per "
                                + "intended request. A retry with the same key and body returns the first answer (with "
                                + "Idempotent-Replayed: true); the same key with another body is a 422. Keys are kept 24 hours "
                                + "per caller. No example is given on purpose: a form that filled one in would send the same key "
                                + "with every request.")
                .schema(OASFactory.createSchema()
                        .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)
                        .maxLength(255)));
    }

    private static APIResponse problemResponse(ProblemType type, String description) {
        Problem example = new Problem(
                type.uri(),
                type.title("en"),
                type.status(),
                description,
                "/api/v1/agencies",
                "5f0c6a8e-2c1d-4c52-9a51-3f0d2b1f8e11",
                type == ProblemType.VALIDATION
                        ? java.util.List.of(new Problem.FieldError(
                                "name", "size", Map.of("min", 0, "max", 200), "size must be between 0 and 200"))
                        : null,
                null);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", example.type());
        value.put("title", example.title());
        value.put("status", example.status());
        value.put("detail", example.detail());
        value.put("instance", example.instance());
        value.put("requestId", example.requestId());
        if (example.errors() != null) {
            Problem.FieldError first = example.errors().get(0);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", first.field());
            error.put("code", first.code());
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("min", 0);
            params.put("max", 200);
            error.put("params", params);
            error.put("message", first.message());
            value.put("errors", java.util.List.of(error));
        }
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(value);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
