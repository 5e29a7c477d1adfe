package id.terpadu.support.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.restassured.RestAssured;

/** The operations of the committed {@code openapi.yaml}: parameters and request bodies with every $ref resolved. */
public final class OpenApi {

    /** A path, query or header parameter. */
    public record Param(String name, String in, boolean required, JsonNode schema, JsonNode example) {}

    /**
     * One operation. {@code bodyType} is the request's first media type (null without a body), {@code bodySchema}
     * its resolved schema and {@code bodyExamples} the documented example values; {@code bodyTypes} every media type
     * it takes.
     */
    public record Operation(
            String method,
            String path,
            List<Param> params,
            String bodyType,
            JsonNode bodySchema,
            List<JsonNode> bodyExamples,
            List<String> bodyTypes) {

        public String key() {
            return method + " " + path;
        }

        public boolean hasHeader(String name) {
            return params.stream()
                    .anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
        }
    }

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    private OpenApi(JsonNode root) {
        this.root = root;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operations.add(operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }
    }

    public static OpenApi read(Path file) throws IOException {
        return new OpenApi(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
    }

    public List<Operation> operations() {
        return operations;
    }

    /**
     * The document the running service serves ({@code GET /q/openapi}) as a reader of its examples and parameters
     * sees it: each {@code $ref} to {@code components/examples} or {@code components/parameters} replaced by what it
     * refers to (schemas and shared responses stay references).
     */
    public static JsonNode served() {
        try {
            return inlined(new ObjectMapper()
                    .readTree(RestAssured.given()
                            .accept("application/json")
                            .get("/q/openapi")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code document} with its references to examples and parameters replaced by their definitions. */
    public static JsonNode inlined(JsonNode document) {
        return inline(document, document);
    }

    private static JsonNode inline(JsonNode node, JsonNode root) {
        if (node.isObject()) {
            String ref = node.path("$ref").asText("");
            if (ref.startsWith("#/components/examples/") || ref.startsWith("#/components/parameters/")) {
                JsonNode target = root.at(ref.substring(1));
                if (target.isMissingNode()) {
                    throw new IllegalArgumentException("unresolvable $ref " + ref);
                }
                return inline(target, root);
            }
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), inline(e.getValue(), root)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(inline(element, root)));
            return copy;
        }
        return node;
    }

    private Operation operation(String method, String path, JsonNode op) {
        List<Param> params = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = resolve(p);
            params.add(new Param(
                    param.path("name").asText(),
                    param.path("in").asText(),
                    param.path("required").asBoolean(false),
                    resolve(param.path("schema")),
                    param.has("example") ? param.get("example") : null));
        }
        String bodyType = null;
        JsonNode bodySchema = null;
        List<JsonNode> examples = new ArrayList<>();
        JsonNode content = resolve(op.path("requestBody")).path("content");
        List<String> bodyTypes = new ArrayList<>();
        content.fieldNames().forEachRemaining(bodyTypes::add);
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            bodyType = type.getKey();
            bodySchema = resolve(type.getValue().path("schema"));
            type.getValue()
                    .path("examples")
                    .forEach(e -> examples.add(resolve(e).path("value")));
            if (type.getValue().has("example")) {
                examples.add(type.getValue().get("example"));
            }
            break;
        }
        return new Operation(
                method, path, List.copyOf(params), bodyType, bodySchema, List.copyOf(examples), List.copyOf(bodyTypes));
    }

    /**
     * The node with its {@code $ref} replaced by the referenced node, the referring node's own members (description,
     * examples) kept on top. Nested schemas are resolved on demand by {@link #resolve(JsonNode)} again.
     */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current != null && current.has("$ref") && depth < 20; depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("external $ref " + ref);
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("unresolvable $ref " + ref);
            }
            ObjectNode merged = ((ObjectNode) target).deepCopy();
            current.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("$ref") && !merged.has(e.getKey())) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            current = merged;
        }
        return current == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : current;
    }
}
