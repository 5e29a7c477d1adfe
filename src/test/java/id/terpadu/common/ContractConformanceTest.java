package id.terpadu.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;
import id.terpadu.support.fuzz.OpenApi;

/**
 * The document states exactly what the service enforces. Every operation of the committed {@code openapi.yaml} is
 * walked, and for each documented rule one request breaks it and one keeps to its edge:
 * <ul>
 * <li>query parameters: each enumeration value is accepted and any other value refused, a value outside the
 * pattern or range is refused and the range's ends accepted, a required parameter is required and an optional one is
 * not;</li>
 * <li>{@code If-Match}: required on PUT and DELETE (428 without), optional where the document says so;</li>
 * <li>JSON bodies, from the documented example: an unknown field is refused wherever the schema is closed; each
 * required field is required and each optional one is not; a string one longer than {@code maxLength} is refused and
 * one of exactly that length accepted; a value outside the pattern, the enumeration, the range or {@code maxItems} is
 * refused, and each enumeration value and each end of a range accepted.</li>
 * </ul>
 * "Refused" means a 400 that names the field or parameter; "accepted" means an answer that does not name it (the
 * example may still fail for another reason, such as an id that names no record). A rule the service enforces but the
 * document does not state shows as a refused "accepted" request; a documented rule the service does not enforce, as an
 * accepted "refused" one.
 */
@QuarkusTest
class ContractConformanceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Values tried, in order, for a value that breaks a string's pattern: the first the pattern refuses is sent. */
    static final List<String> PATTERN_BREAKERS = List.of("zz", "a\u0001b", "!", "   ", "http://x", "1");

    static OpenApi api;

    @BeforeAll
    static void read() throws Exception {
        api = OpenApi.read(Path.of("openapi.yaml"));
    }

    record Probe(String what, boolean refused, Response answer, String field) {}

    private final List<String> wrong = new ArrayList<>();
    private int probes;

    @Test
    void everyDocumentedRuleIsEnforcedAndEveryEnforcedRuleIsDocumented() throws Exception {
        TestData.ensureRegions();
        Map<String, String> before = Db.snapshot();
        int operations = 0;
        for (OpenApi.Operation op : api.operations()) {
            if (!op.path().startsWith("/api/") || op.path().startsWith("/api/v1/dev/")) {
                continue;
            }
            operations++;
            parameters(op);
            ifMatch(op);
            if (op.bodyType() != null
                    && op.bodyType().contains("json")
                    && !op.bodyExamples().isEmpty()
                    && op.bodyExamples().get(0).isObject()) {
                body(op, (ObjectNode) op.bodyExamples().get(0), op.bodySchema());
            }
        }
        System.out.printf(
                "contract conformance: %d operations, %d probes, %d differences%n", operations, probes, wrong.size());
        assertThat(operations).isGreaterThan(100);
        assertThat(probes).as("probes sent").isGreaterThan(1000);
        assertThat(wrong)
                .as("rules of the document and of the service that differ (" + probes + " probes)")
                .isEmpty();
        Db.assertUnchanged(before);
    }

    // ------------------------------------------------------------------ parameters

    private void parameters(OpenApi.Operation op) {
        List<OpenApi.Param> query =
                op.params().stream().filter(p -> p.in().equals("query")).toList();
        if (query.isEmpty()) {
            return;
        }
        Map<String, String> base = new java.util.LinkedHashMap<>();
        for (OpenApi.Param p : query) {
            if (p.required()) {
                base.put(p.name(), valid(p));
            }
        }
        // an operation with a body is probed only for refusals: without its body it is refused anyway, and with its
        // example it would write (a region import)
        boolean accepts = op.bodyType() == null;
        if (accepts) {
            expect(op, "without its optional parameters", false, null, request(op, base, null));
        }
        for (OpenApi.Param p : query) {
            JsonNode schema = p.schema();
            if (p.required()) {
                Map<String, String> without = new java.util.LinkedHashMap<>(base);
                without.remove(p.name());
                expect(op, "without required " + p.name(), true, p.name(), request(op, without, null));
            }
            JsonNode values = schema.has("enum")
                    ? schema.get("enum")
                    : schema.path("items").path("enum");
            if (values.isArray()) {
                for (JsonNode value : accepts ? values : NODES.arrayNode()) {
                    expect(
                            op,
                            p.name() + "=" + value.asText(),
                            false,
                            p.name(),
                            request(op, with(base, p.name(), value.asText()), null));
                }
                expect(
                        op,
                        p.name() + "=no-such-value",
                        true,
                        p.name(),
                        request(op, with(base, p.name(), "no-such-value"), null));
            }
            if (schema.has("pattern")) {
                String breaker = breaker(schema.get("pattern").asText());
                if (breaker != null) {
                    expect(
                            op,
                            p.name() + " outside its pattern",
                            true,
                            p.name(),
                            request(op, with(base, p.name(), breaker), null));
                }
            }
            if (is(schema, "integer")) {
                long min = schema.path("minimum").asLong();
                long max = schema.path("maximum").asLong();
                if (accepts) {
                    expect(
                            op,
                            p.name() + "=" + min,
                            false,
                            p.name(),
                            request(op, with(base, p.name(), Long.toString(min)), null));
                    expect(
                            op,
                            p.name() + "=" + max,
                            false,
                            p.name(),
                            request(op, with(base, p.name(), Long.toString(max)), null));
                }
                expect(
                        op,
                        p.name() + "=" + (max + 1),
                        true,
                        p.name(),
                        request(op, with(base, p.name(), Long.toString(max + 1)), null));
                expect(
                        op,
                        p.name() + "=" + (min - 1),
                        true,
                        p.name(),
                        request(op, with(base, p.name(), Long.toString(min - 1)), null));
            }
            if (is(schema, "boolean")) {
                expect(op, p.name() + "=maybe", true, p.name(), request(op, with(base, p.name(), "maybe"), null));
            }
            if ("date-time".equals(schema.path("format").asText())) {
                expect(
                        op,
                        p.name() + "=yesterday",
                        true,
                        p.name(),
                        request(op, with(base, p.name(), "yesterday"), null));
            }
        }
    }

    /** A value the document allows for a required parameter. */
    private static String valid(OpenApi.Param p) {
        JsonNode schema = p.schema();
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        if (p.example() != null) {
            return p.example().asText();
        }
        if (is(schema, "integer")) {
            return schema.path("minimum").asText();
        }
        throw new AssertionError("no value for required parameter " + p.name());
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> query = new java.util.LinkedHashMap<>(base);
        query.put(name, value);
        return query;
    }

    // ------------------------------------------------------------------ If-Match

    private void ifMatch(OpenApi.Operation op) {
        OpenApi.Param header = op.params().stream()
                .filter(p -> p.name().equals("If-Match"))
                .findFirst()
                .orElse(null);
        if (header == null) {
            // tus termination is tus's own: an upload's concurrency is its lease and offset, and tus clients send no
            // If-Match when they abandon an upload
            if (!op.key().equals("DELETE /api/v1/uploads/{id}")
                    && !op.key().equals("DELETE /api/v1/public/uploads/{id}")) {
                assertThat(op.method()).as(op.key() + " takes If-Match").isNotIn("PUT", "DELETE");
            }
            return;
        }
        JsonNode body = op.bodyExamples().isEmpty() ? null : op.bodyExamples().get(0);
        Response answer = send(op, Map.of(), body, false);
        probes++;
        boolean required = answer.statusCode() == 428;
        if (required != header.required()) {
            wrong.add(op.key() + " without If-Match: " + answer.statusCode() + ", but the document says it is "
                    + (header.required() ? "required" : "optional"));
        }
    }

    // ------------------------------------------------------------------ bodies

    /**
     * Who sends an operation's body probes. A body that keeps to the document may be written, and this suite's other
     * tests count what is in their regions: the probes go as a coordinator of Papua Tengah (94), a province no example and
     * no other test uses, so the service refuses them after validation, before writing. Operations that need ADMIN
     * go as an ADMIN of the same provinces: their examples name records that do not exist, or the operation is a
     * national ADMIN's, so nothing is written either.
     */
    private java.util.function.Supplier<RequestSpecification> bodyCaller = Tokens::admin;

    private void body(OpenApi.Operation op, ObjectNode example, JsonNode schema) {
        // a coordinator of two provinces far from the examples' region: an optional field left out never makes the
        // example valid by defaulting to the caller's own region (the examples name records of the demo data set,
        // which this database lacks, so an accepted probe still writes nothing)
        bodyCaller = () -> Tokens.coordinator("94", "95");
        if (!id.terpadu.common.security.AuthorizationMatrixTest.coordinatorMay(op.method(), op.path())) {
            // an ADMIN of the same provinces: what only a national ADMIN may write is refused after validation
            bodyCaller = () -> Tokens.as("conformance.admin", List.of("ADMIN"), List.of("94", "95"));
        }
        try {
            probeBody(op, example, schema);
        } finally {
            bodyCaller = Tokens::admin;
        }
    }

    private void probeBody(OpenApi.Operation op, ObjectNode example, JsonNode schema) {
        closed(op, example, schema, "");
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode property = api.resolve(entry.getValue());
            JsonNode value = valueSchema(property);
            boolean isRequired = required.contains(name);
            if (example.has(name)) {
                expect(
                        op,
                        "without " + (isRequired ? "required " : "optional ") + name,
                        isRequired,
                        name,
                        request(op, Map.of(), edit(example, b -> b.remove(name))));
            } else if (isRequired) {
                wrong.add(op.key() + ": the example lacks required " + name);
            }
            if (is(value, "string") && !value.has("enum") && value.has("maxLength") && !value.has("format")) {
                int max = value.get("maxLength").asInt();
                String pattern = value.path("pattern").asText(null);
                if (max <= 100_000 && matches(pattern, "a".repeat(max))) {
                    if (!value.path("description").asText().startsWith("Code of reference kind")) {
                        // a reference code must also name a code that exists: only its bound is probed
                        expect(
                                op,
                                name + " of " + max + " characters",
                                false,
                                name,
                                request(op, Map.of(), edit(example, b -> b.put(name, "a".repeat(max)))));
                    }
                    expect(
                            op,
                            name + " of " + (max + 1) + " characters",
                            true,
                            name,
                            request(op, Map.of(), edit(example, b -> b.put(name, "a".repeat(max + 1)))));
                }
            }
            if (is(value, "string") && value.has("pattern") && !value.has("format")) {
                String breaker = breaker(value.get("pattern").asText());
                if (breaker != null) {
                    expect(
                            op,
                            name + " outside its pattern",
                            true,
                            name,
                            request(op, Map.of(), edit(example, b -> b.put(name, breaker))));
                }
            }
            if (value.has("enum")) {
                for (JsonNode allowed : value.get("enum")) {
                    expect(
                            op,
                            name + "=" + allowed.asText(),
                            false,
                            name,
                            request(op, Map.of(), edit(example, b -> b.set(name, allowed))));
                }
                expect(
                        op,
                        name + "=NO_SUCH_VALUE",
                        true,
                        name,
                        request(op, Map.of(), edit(example, b -> b.put(name, "NO_SUCH_VALUE"))));
            }
            if ((is(value, "integer") || is(value, "number")) && value.has("minimum") && value.has("maximum")) {
                long min = value.get("minimum")
                        .decimalValue()
                        .setScale(0, java.math.RoundingMode.CEILING)
                        .longValueExact();
                long max = value.get("maximum")
                        .decimalValue()
                        .setScale(0, java.math.RoundingMode.FLOOR)
                        .longValueExact();
                if (max - min < Long.MAX_VALUE / 2) { // a real range, not the limits of the format
                    expect(
                            op,
                            name + "=" + min,
                            false,
                            name,
                            request(op, Map.of(), edit(example, b -> b.put(name, min))));
                    expect(
                            op,
                            name + "=" + max,
                            false,
                            name,
                            request(op, Map.of(), edit(example, b -> b.put(name, max))));
                    expect(
                            op,
                            name + "=" + (min - 1),
                            true,
                            name,
                            request(op, Map.of(), edit(example, b -> b.put(name, min - 1))));
                    expect(
                            op,
                            name + "=" + (max + 1),
                            true,
                            name,
                            request(op, Map.of(), edit(example, b -> b.put(name, max + 1))));
                }
            }
            if (is(value, "array")
                    && value.has("maxItems")
                    && example.path(name).isArray()
                    && example.path(name).size() > 0) {
                int max = value.get("maxItems").asInt();
                JsonNode item = example.get(name).get(0);
                ArrayNode over = NODES.arrayNode();
                for (int i = 0; i <= max; i++) {
                    over.add(item.deepCopy());
                }
                expect(
                        op,
                        name + " with " + (max + 1) + " items",
                        true,
                        name,
                        request(op, Map.of(), edit(example, b -> b.set(name, over))));
            }
        }
    }

    /** An unknown field is refused in every object the example fills whose schema is closed. */
    private void closed(OpenApi.Operation op, JsonNode example, JsonNode schema, String at) {
        JsonNode resolved = valueSchema(api.resolve(schema));
        if (!resolved.path("properties").isObject()) {
            return;
        }
        boolean closed = resolved.has("additionalProperties")
                && resolved.get("additionalProperties").isBoolean()
                && !resolved.get("additionalProperties").asBoolean();
        ObjectNode root = (ObjectNode) op.bodyExamples().get(0);
        String field = at.isEmpty() ? "noSuchField" : at + ".noSuchField";
        expect(
                op,
                "with unknown field " + field,
                closed,
                "noSuchField",
                request(
                        op,
                        Map.of(),
                        edit(
                                root,
                                b -> ((ObjectNode) (at.isEmpty() ? b : b.at("/" + at.replace('.', '/'))))
                                        .put("noSuchField", 1))));
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        resolved.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (example.path(entry.getKey()).isObject()) {
                closed(
                        op,
                        example.get(entry.getKey()),
                        entry.getValue(),
                        at.isEmpty() ? entry.getKey() : at + "." + entry.getKey());
            }
        }
    }

    /** The schema of a value: a nullable {@code anyOf [X, null]} stands for X. */
    private static JsonNode valueSchema(JsonNode property) {
        if (property.has("anyOf")) {
            for (JsonNode option : property.get("anyOf")) {
                JsonNode resolved = api.resolve(option);
                if (!is(resolved, "null")) {
                    return resolved;
                }
            }
        }
        return property;
    }

    private static ObjectNode edit(ObjectNode example, Consumer<ObjectNode> change) {
        ObjectNode copy = example.deepCopy();
        change.accept(copy);
        return copy;
    }

    // ------------------------------------------------------------------ requests and verdicts

    private Response request(OpenApi.Operation op, Map<String, String> query, JsonNode body) {
        return send(op, query, body, true);
    }

    private Response send(OpenApi.Operation op, Map<String, String> query, JsonNode body, boolean withIfMatch) {
        String url = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        RequestSpecification request = body == null ? Tokens.admin() : bodyCaller.get();
        if (withIfMatch && op.hasHeader("If-Match")) {
            request.header("If-Match", "*");
        }
        query.forEach(request::queryParam);
        if (body != null) {
            request.contentType(op.bodyType()).body(body.toString());
        } else if (op.bodyType() != null && !op.bodyType().contains("json")) {
            request.contentType(op.bodyType()).body(""); // an empty file: its parameters are read first
        }
        return request.request(op.method(), url);
    }

    private void expect(OpenApi.Operation op, String what, boolean refused, String field, Response answer) {
        probes++;
        int status = answer.statusCode();
        List<String> fields = new ArrayList<>();
        if (status == 400) {
            List<Object> named = answer.jsonPath().getList("errors.field");
            if (named != null) {
                named.forEach(f -> fields.add(String.valueOf(f)));
            }
        }
        boolean names = field == null
                ? status == 400
                : fields.stream()
                        .anyMatch(f -> f.equals(field)
                                || f.startsWith(field + "[")
                                || f.startsWith(field + ".")
                                || f.endsWith("." + field));
        if (refused && !names) {
            wrong.add(
                    op.key() + " " + what + ": the document refuses it, the service answered " + status + " " + fields);
        } else if (!refused && names && !stated(op, field)) {
            wrong.add(op.key() + " " + what + ": the document allows it, the service refused it: " + answer.asString());
        }
    }

    /**
     * Rules between fields or of a record's life, which a schema does not express: each is allowed only where the
     * document states it in words, in the property's or the body schema's description (checked here).
     */
    static final Map<String, String> STATED = Map.of(
            "POST /api/v1/teams regionCode", "a province code for PROVINSI",
            "POST /api/v1/conflict-statuses regionCode", "a province for PROVINSI",
            "POST /api/v1/neutrality-cases persons", "(at least one)",
            "POST /api/v1/incidents stage", "not SELESAI",
            "POST /api/v1/early-warnings status", "Not ESKALASI",
            "POST /api/v1/webhooks regionCode", "required when your scope holds several regions");

    private boolean stated(OpenApi.Operation op, String field) {
        String phrase = STATED.get(op.key() + " " + field);
        if (phrase == null) {
            return false;
        }
        String said = op.bodySchema().path("description").asText("") + " "
                + valueSchema(api.resolve(op.bodySchema().path("properties").path(field)))
                        .path("description")
                        .asText("")
                + " "
                + api.resolve(op.bodySchema().path("properties").path(field))
                        .path("description")
                        .asText("");
        if (!said.contains(phrase)) {
            wrong.add(op.key() + " " + field + ": the rule the service enforces is not stated (\"" + phrase + "\")");
        }
        return true;
    }

    /** The first value the pattern refuses, or null. */
    private static String breaker(String pattern) {
        Pattern compiled = Pattern.compile(pattern);
        return PATTERN_BREAKERS.stream()
                .filter(v -> !compiled.matcher(v).find())
                .findFirst()
                .orElse(null);
    }

    private static boolean matches(String pattern, String value) {
        return pattern == null || Pattern.compile(pattern).matcher(value).find();
    }

    private static boolean is(JsonNode schema, String type) {
        JsonNode t = schema.path("type");
        if (t.isTextual()) {
            return t.asText().equals(type);
        }
        for (JsonNode each : t) {
            if (each.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
