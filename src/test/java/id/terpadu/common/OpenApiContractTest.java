package id.terpadu.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed {@code openapi.yaml} is what the code generates. Regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("openapi.yaml");

    @Test
    void committedDocumentMatchesTheCode() throws Exception {
        String served = given().accept("application/yaml").get("/q/openapi?format=yaml").then().statusCode(200)
                .extract().body().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as("openapi.yaml at the top of the repository").isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("openapi.yaml differs from the code; run ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true")
                .isEqualTo(served);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumented() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = op.getValue();
                assertThat((String) operation.get("summary")).as(where + " summary").isNotBlank();
                assertThat((String) operation.get("description")).as(where + " description").isNotBlank();
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                assertThat(responses.keySet()).as(where + " responses").contains("400", "500");
                if (!path.getKey().startsWith("/api/v1/dev/")) {
                    assertThat(responses.keySet()).as(where + " auth responses").contains("401", "403");
                }
                boolean exampled = false;
                for (var response : responses.entrySet()) {
                    if (!response.getKey().startsWith("2") || response.getKey().equals("204")) {
                        continue;
                    }
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.getValue().get("content");
                    assertThat(content).as(where + " " + response.getKey() + " content").isNotNull();
                    exampled |= content.values().stream().anyMatch(m -> m.containsKey("examples") || m.containsKey("example"));
                }
                if (responses.containsKey("204")) {
                    exampled = true;
                }
                assertThat(exampled).as(where + " has a response example").isTrue();
                if (List.of("post", "put").contains(op.getKey())) {
                    Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                    assertThat(body).as(where + " request body").isNotNull();
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) body.get("content");
                    assertThat(content.values()).as(where + " request example")
                            .anyMatch(m -> m.containsKey("examples") || m.containsKey("example"));
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(25);
    }
}
