package id.terpadu.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import id.terpadu.support.fuzz.OpenApi;

/**
 * The committed {@code openapi.yaml} is what the code generates. Regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("openapi.yaml");

    @Test
    void committedDocumentMatchesTheCode() throws Exception {
        String served = given().accept("application/yaml")
                .get("/q/openapi?format=yaml")
                .then()
                .statusCode(200)
                .extract()
                .body()
                .asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED))
                .as("openapi.yaml at the top of the repository")
                .isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as(
                        "openapi.yaml differs from the code; run ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true")
                .isEqualTo(served);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumented() {
        Map<String, Map<String, Map<String, Object>>> paths =
                JsonPath.from(OpenApi.served().toString()).getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = op.getValue();
                assertThat((String) operation.get("summary"))
                        .as(where + " summary")
                        .isNotBlank();
                assertThat((String) operation.get("description"))
                        .as(where + " description")
                        .isNotBlank();
                Map<String, Map<String, Object>> responses =
                        (Map<String, Map<String, Object>>) operation.get("responses");
                assertThat(responses.keySet()).as(where + " responses").contains("400", "500");
                if (!path.getKey().startsWith("/api/v1/dev/")) {
                    assertThat(responses.keySet()).as(where + " auth responses").contains("401", "403");
                }
                boolean exampled = false;
                for (var response : responses.entrySet()) {
                    if (!response.getKey().startsWith("2") || response.getKey().equals("204")) {
                        continue;
                    }
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>)
                            response.getValue().get("content");
                    assertThat(content)
                            .as(where + " " + response.getKey() + " content")
                            .isNotNull();
                    exampled |= content.values().stream().anyMatch(OpenApiContractTest::exampled);
                }
                if (responses.containsKey("204")) {
                    exampled = true;
                }
                assertThat(exampled).as(where + " has a response example").isTrue();
                if (List.of("post", "put").contains(op.getKey())) {
                    Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                    assertThat(body).as(where + " request body").isNotNull();
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) body.get("content");
                    assertThat(content.values()).as(where + " request example").anyMatch(OpenApiContractTest::exampled);
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(25);
    }

    /**
     * Swagger UI renders descriptions as Markdown and drops what looks like an HTML tag: "send as Authorization: ApiKey
     * &lt;key&gt;" showed as "send as Authorization: ApiKey ". A placeholder in angle brackets stays inside a code span.
     */
    @Test
    void noDescriptionHasATagSwaggerUiWouldDrop() {
        List<String> dropped = new ArrayList<>();
        collectTags(OpenApi.served(), "", dropped);
        assertThat(dropped).as("angle brackets outside a code span").isEmpty();
    }

    private static void collectTags(JsonNode node, String where, List<String> dropped) {
        node.fields().forEachRemaining(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if ((key.equals("description") || key.equals("summary")) && value.isTextual()) {
                String prose = value.asText().replaceAll("`[^`]*`", "");
                if (prose.matches("(?s).*<[^>\\s][^>]*>.*")) {
                    dropped.add(where + ": " + value.asText());
                }
            } else if (!key.equals("examples") && !key.equals("example")) {
                collectTags(value, where + "/" + key, dropped);
            }
        });
        if (node.isArray()) {
            node.forEach(item -> collectTags(item, where, dropped));
        }
    }

    /** A media type with an example value (the served document's references resolved). */
    @SuppressWarnings("unchecked")
    private static boolean exampled(Map<String, Object> media) {
        if (media.get("example") != null) {
            return true;
        }
        Map<String, Map<String, Object>> examples = (Map<String, Map<String, Object>>) media.get("examples");
        return examples != null
                && !examples.isEmpty()
                && examples.values().stream().allMatch(e -> e.get("value") != null || e.get("externalValue") != null);
    }

    /**
     * Every example of a body is defined once under components/examples and referred to from each operation that
     * shows it; the parameters that many operations share are defined once under components/parameters. Each
     * definition is used, and each reference resolves.
     */
    @Test
    void examplesAndSharedParametersAreDefinedOnce() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().accept("application/json")
                        .get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        JsonNode examples = document.path("components").path("examples");
        JsonNode parameters = document.path("components").path("parameters");
        Map<String, Integer> exampleUses = new TreeMap<>();
        Map<String, Integer> parameterUses = new TreeMap<>();
        examples.fieldNames().forEachRemaining(name -> exampleUses.put(name, 0));
        parameters.fieldNames().forEachRemaining(name -> parameterUses.put(name, 0));
        List<String> inline = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String where = op.getKey().toUpperCase() + " " + path.getKey();
                    List<JsonNode> contents = new ArrayList<>();
                    contents.add(op.getValue().path("requestBody").path("content"));
                    op.getValue().path("responses").forEach(response -> contents.add(response.path("content")));
                    for (JsonNode content : contents) {
                        content.fields()
                                .forEachRemaining(media -> media.getValue()
                                        .path("examples")
                                        .fields()
                                        .forEachRemaining(e -> {
                                            String ref =
                                                    e.getValue().path("$ref").asText("");
                                            if (!ref.startsWith("#/components/examples/")) {
                                                inline.add(where + " " + media.getKey() + " example " + e.getKey());
                                                return;
                                            }
                                            String name = ref.substring("#/components/examples/".length());
                                            assertThat(exampleUses)
                                                    .as(where + " refers to " + ref)
                                                    .containsKey(name);
                                            exampleUses.merge(name, 1, Integer::sum);
                                        }));
                    }
                    op.getValue().path("parameters").forEach(parameter -> {
                        String ref = parameter.path("$ref").asText("");
                        if (ref.isEmpty()) {
                            parameters.forEach(shared -> assertThat(parameter)
                                    .as(where + " declares a shared parameter itself: "
                                            + parameter.path("name").asText())
                                    .isNotEqualTo(shared));
                            return;
                        }
                        String name = ref.substring("#/components/parameters/".length());
                        assertThat(parameterUses)
                                .as(where + " refers to " + ref)
                                .containsKey(name);
                        parameterUses.merge(name, 1, Integer::sum);
                    });
                }));
        assertThat(inline)
                .as("examples written out in an operation instead of referred to")
                .isEmpty();
        assertThat(exampleUses)
                .as("examples defined and used")
                .isNotEmpty()
                .allSatisfy(
                        (name, uses) -> assertThat(uses).as(name + " is used").isPositive());
        assertThat(parameterUses)
                .as("shared parameters")
                .containsKeys("cursor", "limit", "Idempotency-Key", "If-Match")
                .allSatisfy((name, uses) -> assertThat(uses)
                        .as(name + " is used by several operations")
                        .isGreaterThan(1));
        assertThat(exampleUses.keySet())
                .as("component names (letters, digits, . - _)")
                .allMatch(n -> n.matches("[A-Za-z0-9._-]+"));
        assertThat(parameterUses.keySet())
                .as("component names (letters, digits, . - _)")
                .allMatch(n -> n.matches("[A-Za-z0-9._-]+"));
        List<JsonNode> values = new ArrayList<>();
        examples.forEach(values::add);
        assertThat(values).as("each example is defined once").doesNotHaveDuplicates();
        assertThat(exampleUses.get("Incident.incident"))
                .as("the incident example, shown by its create, read, replace, merge patch, stage move, reopening "
                        + "and verification")
                .isEqualTo(7);
    }
}
