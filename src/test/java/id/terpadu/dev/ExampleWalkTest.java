package id.terpadu.dev;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.common.security.AuthorizationMatrixTest;
import id.terpadu.conflictstatus.ConflictStatusService;
import id.terpadu.support.fuzz.OpenApi;

/**
 * Swagger UI as a person uses it, on a fresh development database: the demo data set is loaded at the first start
 * (as in dev mode), then every operation of the served document is executed in the document's order with what
 * <em>Try it out</em> fills in by itself: the example of each path parameter and required parameter, the first example
 * of the body, nothing in optional filters and no Idempotency-Key. Each must succeed, as the coordinator of the
 * development token example {@code coordinator-sumbar}, or as {@code admin-national} where the authorization matrix
 * gives a COORDINATOR no access or the example is a step of the level above (a provincial team's progress report is
 * verified or returned nationally; the examples' summaries say so). An operation with several examples runs them all,
 * in order: they form a sequence (submit, return, resubmit, verify).
 */
@QuarkusTest
@TestProfile(ExampleWalkTest.FreshDevelopmentDatabase.class)
class ExampleWalkTest {

    /** A database of its own (a new profile starts a new one), with the demo data set loaded at start like dev mode. */
    public static class FreshDevelopmentDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("terpadu.demo-data.enabled", "true", "terpadu.demo-data.at-start", "true");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKENS = "/api/v1/dev/tokens";
    private static final String DEMO = "/api/v1/dev/demo-data";

    /**
     * Examples whose dates the law ties to today, shown with fixed dates: their dates are moved into the demo data's
     * time before they are sent, as a person does (the descriptions say so); and a public report, whose proof of work
     * is solved for it. Nothing else in any body is changed.
     */
    private static final Map<String, UnaryOperator<ObjectNode>> DATED = Map.of(
            "POST /api/v1/conflict-statuses/{id}/tni-assistance",
                    body -> {
                        LocalDate today = LocalDate.now(ConflictStatusService.ZONE);
                        body.put("startsOn", today.toString());
                        body.put("endsOn", today.plusDays(14).toString());
                        return body;
                    },
            "PUT /api/v1/conflict-statuses/{id}/tni-assistance/{assistanceId}",
                    body -> {
                        LocalDate today = LocalDate.now(ConflictStatusService.ZONE);
                        body.put("startsOn", today.toString());
                        body.put("endsOn", today.plusDays(14).toString());
                        return body;
                    },
            "POST /api/v1/conflict-statuses/{id}/tni-assistance/{assistanceId}/ending",
                    body -> {
                        body.put(
                                "endedOn",
                                LocalDate.now(ConflictStatusService.ZONE).toString());
                        return body;
                    },
            // the demo status's term runs from a week ago; the correction keeps it and fixes the decree's number
            "PUT /api/v1/conflict-statuses/{id}",
                    body -> {
                        LocalDate starts =
                                LocalDate.now(ConflictStatusService.ZONE).minusDays(7);
                        body.put("consultationDate", starts.minusDays(1).toString());
                        body.put("startsOn", starts.toString());
                        body.put("endsOn", starts.plusDays(29).toString());
                        return body;
                    },
            "POST /api/v1/api-keys",
                    body -> {
                        body.put(
                                "expiresAt",
                                LocalDate.now(ConflictStatusService.ZONE).plusDays(90) + "T00:00:00Z");
                        return body;
                    },
            // a report from the public carries the solution of a fresh challenge, as the form's widget sends it
            "POST /api/v1/public/reports",
                    body -> {
                        body.put("altcha", id.terpadu.support.ProofOfWork.fresh());
                        return body;
                    });

    @Test
    void everyExampleSucceedsInOrderOnAFreshDevelopmentDatabase() throws Exception {
        JsonNode document = OpenApi.served();
        Map<String, String> tokens = tokenExamples(document);
        assertThat(tokens).containsOnlyKeys("coordinator-sumbar", "admin-national");

        awaitDemoDataLoadedAtStart(tokens.get("admin-national"));
        JsonNode again = JSON.readTree(
                given().post(DEMO).then().statusCode(200).extract().asString());
        assertThat(again.get("created").asInt())
                .as("a second load creates nothing")
                .isZero();
        assertThat(again.get("records").size())
                .isEqualTo(DemoData.steps(LocalDate.now()).size());
        // with an Idempotency-Key, as Swagger UI and generated clients may send one: the answer, then its replay
        given().header("Idempotency-Key", "demo-data-once")
                .post(DEMO)
                .then()
                .statusCode(200)
                .body("created", equalTo(0));
        given().header("Idempotency-Key", "demo-data-once")
                .post(DEMO)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true");

        // a person in Swagger UI moves those dates because the operation says to: each says so, naming today
        DATED.keySet().stream().filter(key -> !key.contains("/public/")).forEach(key -> {
            String[] methodAndPath = key.split(" ", 2);
            assertThat(document.path("paths")
                            .path(methodAndPath[1])
                            .path(methodAndPath[0].toLowerCase())
                            .path("description")
                            .asText())
                    .as(key + " tells a person to move its example's dates")
                    .contains("today");
        });

        List<String> failures = new ArrayList<>();
        int executed = 0;
        int walked = 0;
        int locations = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/") || path.getKey().startsWith("/api/v1/dev/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase();
                walked++;
                String key = method + " " + path.getKey();
                String token = AuthorizationMatrixTest.coordinatorMay(method, path.getKey())
                        ? tokens.get("coordinator-sumbar")
                        : tokens.get("admin-national");
                int examples = Math.max(1, exampleCount(operation.getValue()));
                for (int i = 0; i < examples; i++) {
                    String caller = exampleSummary(operation.getValue(), i).contains("(admin-national")
                            ? tokens.get("admin-national")
                            : token;
                    Response response = execute(key, method, path.getKey(), operation.getValue(), i, caller, failures);
                    if (response == null) {
                        break;
                    }
                    executed++;
                    if (response.statusCode() >= 300) {
                        failures.add(key + " (example " + (i + 1) + ") answered " + response.statusCode() + ": "
                                + response.asString());
                    } else if (response.statusCode() == 201 && key.startsWith("POST /api/v1/public/")) {
                        // a reporter's photo has no address a token reads: the report's key sends it, and only the
                        // triagers read it, through the report (PublicPhotosTest walks that)
                        assertThat(response.jsonPath().getString("id")).as(key).isNotNull();
                    } else if (response.statusCode() == 201) {
                        // the Location of what was created answers it, with the same version
                        String location = response.header("Location");
                        Response read = location == null
                                ? null
                                : given().auth()
                                        .oauth2(caller)
                                        .accept("application/json")
                                        .get(java.net.URI.create(location).getPath());
                        boolean same = read != null
                                && read.statusCode() == 200
                                && java.util.Objects.equals(read.header("ETag"), response.header("ETag"));
                        if (!same) {
                            failures.add(key + " (example " + (i + 1) + ") created at " + location + ", which answered "
                                    + (read == null
                                            ? "nothing"
                                            : read.statusCode() + " with ETag " + read.header("ETag")));
                        } else {
                            locations++;
                        }
                    }
                }
            }
        }
        System.out.printf(
                "example walk: %d requests for %d operations, %d failed%n", executed, walked, failures.size());
        assertThat(failures)
                .as("examples that fail on a fresh development database")
                .isEmpty();
        assertThat(executed).as("operations executed").isGreaterThanOrEqualTo(110);
        assertThat(locations).as("creates whose Location was read back").isGreaterThanOrEqualTo(15);
    }

    /** Every region an example names lies in the scope of every development token example. */
    @Test
    void everyTokenExampleReachesEveryExample() throws Exception {
        JsonNode document = OpenApi.served();
        Set<String> regions = new TreeSet<>();
        document.get("paths")
                .forEach(item -> item.forEach(operation -> {
                    operation.path("parameters").forEach(parameter -> {
                        if (parameter.path("name").asText().equals("code") && parameter.has("example")) {
                            regions.add(parameter.get("example").asText());
                        }
                    });
                    operation
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("examples")
                            .forEach(example -> example.get("value")
                                    .findValues("regionCode")
                                    .forEach(code -> regions.add(code.asText())));
                }));
        assertThat(regions).contains("13", "13.77", "13.05");
        JsonNode tokenExamples = document.get("paths")
                .get(TOKENS)
                .get("post")
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("examples");
        tokenExamples.fields().forEachRemaining(example -> {
            JsonNode scope = example.getValue().get("value").get("regionScope");
            if (scope.isEmpty()) {
                return;
            }
            for (String region : regions) {
                boolean covered = false;
                for (JsonNode code : scope) {
                    covered |= region.equals(code.asText()) || region.startsWith(code.asText() + ".");
                }
                assertThat(covered).as(example.getKey() + " covers " + region).isTrue();
            }
        });
    }

    private static Map<String, String> tokenExamples(JsonNode document) {
        Map<String, String> tokens = new LinkedHashMap<>();
        document.get("paths")
                .get(TOKENS)
                .get("post")
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("examples")
                .fields()
                .forEachRemaining(example -> tokens.put(
                        example.getKey(),
                        given().contentType(ContentType.JSON)
                                .body(example.getValue().get("value").toString())
                                .post(TOKENS)
                                .then()
                                .statusCode(201)
                                .extract()
                                .path("accessToken")));
        return tokens;
    }

    /** The load at start runs in the background once the HTTP server is up: wait for its last record. */
    private static void awaitDemoDataLoadedAtStart(String admin) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (given().auth()
                            .oauth2(admin)
                            .get("/api/v1/webhooks/" + DemoIds.WEBHOOK_TO_DELETE)
                            .statusCode()
                    == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the demo data set was not loaded at start within 60 s");
    }

    /** One operation as Try it out sends it; null (with a failure noted) when it cannot even be filled in. */
    /** An example whose summary names {@code (admin-national …)} is a step for a national caller. */
    private static String exampleSummary(JsonNode operation, int index) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return "";
        }
        Iterator<JsonNode> named = content.elements().next().path("examples").elements();
        for (int i = 0; i < index && named.hasNext(); i++) {
            named.next();
        }
        return named.hasNext() ? named.next().path("summary").asText("") : "";
    }

    private static int exampleCount(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        return content.isMissingNode() || content.isEmpty()
                ? 0
                : content.elements().next().path("examples").size();
    }

    private static Response execute(
            String key,
            String method,
            String template,
            JsonNode operation,
            int index,
            String token,
            List<String> failures) {
        RequestSpecification request = given().auth().oauth2(token);
        String path = template;
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.get("name").asText();
            String in = parameter.get("in").asText();
            boolean required = parameter.path("required").asBoolean(false);
            if (!required && !in.equals("path")) {
                continue;
            }
            String value = parameter.has("example")
                    ? parameter.get("example").asText()
                    : parameter.path("schema").path("enum").path(0).asText(null);
            if (value == null) {
                failures.add(key + ": parameter " + name + " has no example");
                return null;
            }
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", value);
                case "query" -> request.queryParam(name, value);
                case "header" -> request.header(name, value);
                default -> failures.add(key + ": parameter " + name + " in " + in);
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (!content.isMissingNode()) {
            Map.Entry<String, JsonNode> media = content.fields().next();
            JsonNode examples = media.getValue().path("examples");
            if (examples.isEmpty()) {
                failures.add(key + ": the request body has no example");
                return null;
            }
            Iterator<JsonNode> named = examples.elements();
            for (int i = 0; i < index; i++) {
                named.next();
            }
            JsonNode example = named.next().get("value");
            if (media.getKey().equals("multipart/form-data")) {
                // the fields of the example, and for each file field a file the person picks (the example can only
                // name it)
                request.contentType(media.getKey());
                JsonNode schema = media.getValue().path("schema");
                if (schema.has("$ref")) {
                    schema = OpenApi.served().at(schema.get("$ref").asText().substring(1));
                }
                Set<String> files = new TreeSet<>();
                schema.path("properties").fields().forEachRemaining(property -> {
                    if ("binary".equals(property.getValue().path("format").asText())) {
                        files.add(property.getKey());
                        request.multiPart(
                                property.getKey(), "foto.png", id.terpadu.support.Fixtures.photo(), "image/png");
                    }
                });
                example.fields().forEachRemaining(field -> {
                    if (!files.contains(field.getKey())) {
                        request.multiPart(field.getKey(), field.getValue().asText());
                    }
                });
            } else if (example.isTextual()) {
                request.contentType(media.getKey())
                        .body(example.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                JsonNode body =
                        DATED.containsKey(key) ? DATED.get(key).apply((ObjectNode) example.deepCopy()) : example;
                request.contentType(media.getKey()).body(body.toString());
            }
        }
        JsonNode ok = operation.path("responses").path(method.equals("POST") ? "201" : "200");
        if (ok.isMissingNode()) {
            ok = operation.path("responses").elements().next();
        }
        if (ok.path("content").size() > 0) {
            request.accept(ok.path("content").fieldNames().next());
        }
        return request.request(method, path);
    }
}
