package id.terpadu.common;

import static id.terpadu.support.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.common.json.JsonSettings;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.fuzz.OpenApi;

/**
 * Bodies and documents too large, too deep or too long are refused quickly with a problem and write nothing; every
 * list refuses a page larger than the maximum.
 */
@QuarkusTest
class RequestLimitsTest {

    /** terpadu.http.max-body-size */
    private static final int MAX_BODY = 8 * 1024 * 1024;
    /** Well above what a refusal takes on a loaded machine, well below what building the document would. */
    private static final long BOUND_MILLIS = 5_000;

    private Map<String, String> before;

    @BeforeEach
    void snapshot() {
        TestData.ensureRegions();
        before = Db.snapshot();
    }

    /**
     * Sends, and measures how long the refusal took. The answer is read here and not through REST Assured's
     * assertions: on a failed assertion those print the request, and pretty-printing a body 100,000 levels deep
     * takes more memory than the test has.
     */
    private static Response fast(Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("time to refuse").isLessThan(BOUND_MILLIS);
        return response;
    }

    /** The administrator, without REST Assured's request log (which would pretty-print every body it sends). */
    private static RequestSpecification raw() {
        return admin().config(
                        RestAssured.config().logConfig(LogConfig.logConfig().enablePrettyPrinting(false)));
    }

    /** A problem document of this status, of one of these types. */
    private static void problem(Response response, int status, String... slugs) {
        assertThat(response.statusCode()).as("status").isEqualTo(status);
        assertThat(response.contentType()).as("content type").startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("type"))
                .as("problem type")
                .isIn(java.util.Arrays.stream(slugs)
                        .map(slug -> "urn:terpadu:problem:" + slug)
                        .toList());
    }

    /** The refusals of a body the parser stops: unreadable JSON, or a value refused where it stands. */
    private static final String[] BAD_JSON = {"malformed-body", "validation"};

    /** A JSON agency whose name fills the body to exactly {@code size} bytes. */
    private static byte[] agencyOfSize(int size) {
        String head = "{\"type\": \"POLRI\", \"name\": \"";
        String tail = "\"}";
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) 'x');
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, body, 0, head.length());
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, body, size - tail.length(), tail.length());
        return body;
    }

    @Test
    void aBodyOneByteOverTheLimitIs413() {
        problem(fast(() -> raw().body(agencyOfSize(MAX_BODY + 1)).post("/api/v1/agencies")), 413, "payload-too-large");
        Db.assertUnchanged(before);
    }

    @Test
    void aChunkedBodyOneByteOverTheLimitIs413Problem() {
        // no Content-Length: the HTTP layer counts the bytes as they come and gives up past the limit
        problem(
                fast(() -> raw().body(new ByteArrayInputStream(agencyOfSize(MAX_BODY + 1)))
                        .post("/api/v1/agencies")),
                413,
                "payload-too-large");
        Db.assertUnchanged(before);
        problem(
                fast(() -> raw().contentType("text/csv")
                        .body(new ByteArrayInputStream(new byte[MAX_BODY + 1]))
                        .post("/api/v1/regions/import")),
                413,
                "payload-too-large");
        Db.assertUnchanged(before);
    }

    @Test
    void aBodyAtTheLimitIsReadAndJudgedOnItsContent() {
        // not a 413: the body is read, and its 8 MB name is refused by the parser's string limit
        problem(fast(() -> raw().body(agencyOfSize(MAX_BODY)).post("/api/v1/agencies")), 400, BAD_JSON);
        Db.assertUnchanged(before);
    }

    @Test
    void deeplyNestedArraysAndObjectsAre400Fast() {
        int levels = 100_000;
        String arrays =
                "{\"name\": \"x\", \"type\": \"POLRI\", \"contact\": " + "[".repeat(levels) + "]".repeat(levels) + "}";
        problem(fast(() -> raw().body(arrays).post("/api/v1/agencies")), 400, BAD_JSON);
        String objects = "{\"name\": \"x\", \"type\": \"POLRI\", \"contact\": " + "{\"a\": ".repeat(levels) + "1"
                + "}".repeat(levels) + "}";
        problem(fast(() -> raw().body(objects).post("/api/v1/agencies")), 400, BAD_JSON);
        // unclosed, as an attacker would send it: refused at the first level too deep, not at the end
        problem(fast(() -> raw().body("[".repeat(levels)).post("/api/v1/agencies")), 400, BAD_JSON);
        Db.assertUnchanged(before);
    }

    @Test
    void aFiveMegabyteStringIs400Fast() {
        String huge = "{\"name\": \"" + "x".repeat(5 * 1024 * 1024) + "\", \"type\": \"POLRI\"}";
        assertThat(5 * 1024 * 1024).isGreaterThan(JsonSettings.MAX_STRING_LENGTH);
        problem(fast(() -> raw().body(huge).post("/api/v1/agencies")), 400, BAD_JSON);
        // also where no field of that name exists: the parser stops before the mapper looks at names
        String unknown = "{\"" + "k".repeat(5 * 1024 * 1024) + "\": 1}";
        problem(fast(() -> raw().body(unknown).post("/api/v1/agencies")), 400, BAD_JSON);
        Db.assertUnchanged(before);
    }

    @Test
    void aTenThousandDigitNumberIs400Fast() throws Exception {
        String digits = "9".repeat(10_000);
        Map<String, Object> incident = new java.util.HashMap<>(IncidentResourceTest.incident("Angka raksasa", "19"));
        incident.put("severity", "DIGITS");
        String body = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(incident)
                .replace("\"DIGITS\"", digits);
        problem(fast(() -> raw().body(body).post("/api/v1/incidents")), 400, BAD_JSON);
        problem(
                fast(() -> raw().body("{\"name\": \"x\", \"type\": \"POLRI\", \"n\": 0." + digits + "}")
                        .post("/api/v1/agencies")),
                400,
                BAD_JSON);
        problem(fast(() -> raw().body("[" + digits + "]").post("/api/v1/agencies")), 400, BAD_JSON);
        Db.assertUnchanged(before);
    }

    /** A refusal by one of the parser's limits: it names the limit, its value and, where Jackson knows it, the field. */
    private static void limit(Response response, String field, String code, long max, String english) {
        problem(response, 400, "malformed-body");
        assertThat(response.jsonPath().getList("errors")).hasSize(1);
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo(field);
        assertThat(response.jsonPath().getString("errors[0].code")).isEqualTo(code);
        assertThat(response.jsonPath().getLong("errors[0].params.max")).isEqualTo(max);
        assertThat(response.jsonPath().getString("detail")).isEqualTo(field + ": " + english);
        assertThat(response.jsonPath().getString("detail")).doesNotContain("well-formed");
    }

    @Test
    void aStringOverTheLimitIsNamedAsSuchNotAsMalformed() {
        String body = "{\"name\": \"" + "x".repeat(JsonSettings.MAX_STRING_LENGTH + 1) + "\", \"type\": \"POLRI\"}";
        limit(
                fast(() -> raw().header("Accept-Language", "en").body(body).post("/api/v1/agencies")),
                "name",
                "json.limit.string",
                JsonSettings.MAX_STRING_LENGTH,
                "holds a string longer than 1000000 characters, the most a string may have");
        // in a list, by its place
        String inList = "{\"name\": \"x\", \"type\": \"POLRI\", \"contact\": {\"phone\": \""
                + "1".repeat(JsonSettings.MAX_STRING_LENGTH + 1) + "\"}}";
        limit(
                fast(() -> raw().body(inList).post("/api/v1/agencies")),
                "contact.phone",
                "json.limit.string",
                JsonSettings.MAX_STRING_LENGTH,
                "memuat teks yang lebih panjang dari 1000000 karakter, batas panjang sebuah teks");
        Db.assertUnchanged(before);
    }

    @Test
    void aDocumentTooDeepIsNamedAsSuch() {
        // a merge patch is read as a tree: 40 levels of objects, well-formed, stop at the 33rd
        String deep = "{\"contact\": " + "{\"a\": ".repeat(40) + "1" + "}".repeat(40) + "}";
        limit(
                fast(() -> raw().header("Accept-Language", "en")
                        .header("If-Match", "\"0\"")
                        .contentType("application/merge-patch+json")
                        .body(deep)
                        .patch("/api/v1/agencies/" + UUID.randomUUID())),
                "body",
                "json.limit.depth",
                JsonSettings.MAX_NESTING_DEPTH,
                "nests arrays and objects deeper than 32 levels, the most a document may have");
        Db.assertUnchanged(before);
    }

    @Test
    void aNumberTooLongIsNamedAsSuch() throws Exception {
        Map<String, Object> incident = new java.util.HashMap<>(IncidentResourceTest.incident("Angka panjang", "19"));
        incident.put("severity", "DIGITS");
        String body = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(incident)
                .replace("\"DIGITS\"", "9".repeat(200));
        // the parser stops at the number itself, before the field is bound: Jackson names no field
        limit(
                fast(() -> raw().header("Accept-Language", "en").body(body).post("/api/v1/incidents")),
                "body",
                "json.limit.number",
                JsonSettings.MAX_NUMBER_LENGTH,
                "holds a number longer than 100 digits, the most a number may have");
        String name = "{\"" + "k".repeat(JsonSettings.MAX_NAME_LENGTH + 1) + "\": 1}";
        limit(
                fast(() -> raw().header("Accept-Language", "en").body(name).post("/api/v1/agencies")),
                "body",
                "json.limit.name",
                JsonSettings.MAX_NAME_LENGTH,
                "holds a field name longer than 50000 characters, the most a field name may have");
        Db.assertUnchanged(before);
    }

    @Test
    void tenThousandInvalidItemsGetAnAnswerOfBoundedSize() {
        String body = "{\"agencyId\": \"" + UUID.randomUUID() + "\", \"name\": \"Dasbor\", \"scopes\": [\"read\"], "
                + "\"regionScope\": [" + String.join(",", java.util.Collections.nCopies(10_000, "\"x\"")) + "]}";
        Response response = fast(() -> raw().body(body).post("/api/v1/api-keys"));
        problem(response, 400, "validation");
        assertThat(response.jsonPath().getList("errors")).hasSize(id.terpadu.common.error.Problem.MAX_ERRORS);
        assertThat(response.jsonPath().getString("detail"))
                .matches("10\\d{3} isian tidak valid; " + id.terpadu.common.error.Problem.MAX_ERRORS
                        + " yang pertama dicantumkan");
        assertThat(response.asByteArray().length).as("answer size").isLessThan(16 * 1024);
        Db.assertUnchanged(before);
    }

    @Test
    void everyListRefusesAPageOverTheMaximum() {
        JsonPath openapi = JsonPath.from(OpenApi.served().toString());
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<String> lists = new ArrayList<>();
        paths.forEach((path, operations) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> get = (Map<String, Object>) operations.get("get");
            if (get != null
                    && get.get("parameters") instanceof List<?> parameters
                    && parameters.stream()
                            .anyMatch(p -> p instanceof Map<?, ?> m
                                    && "limit".equals(m.get("name"))
                                    && "query".equals(m.get("in")))) {
                lists.add(path);
            }
        });
        assertThat(lists)
                .as("lists found in the OpenAPI document")
                .hasSizeGreaterThan(20)
                .contains("/api/v1/incidents", "/api/v1/feed/changes", "/api/v1/regions");
        for (String list : lists) {
            // a page past the maximum (the lists' 200, or the smaller one a list documents) is refused whether or not
            // the parent exists
            String url = list.replace("{code}", "19")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            int max = documentedMaximum(paths.get(list));
            for (int bad : new int[] {max + 1, 100_000}) {
                admin().get(url + "?limit=" + bad)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("limit"));
            }
            // with the list's required parameters (their examples), the largest page is served
            StringBuilder required = new StringBuilder();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parameters = (List<Map<String, Object>>)
                    ((Map<String, Object>) paths.get(list).get("get")).get("parameters");
            parameters.stream()
                    .filter(p -> "query".equals(p.get("in")) && Boolean.TRUE.equals(p.get("required")))
                    .forEach(p -> required.append('&')
                            .append(p.get("name"))
                            .append('=')
                            .append(p.get("example")));
            admin().get(url + "?limit=" + max + required)
                    .then()
                    .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(404)));
        }
        Db.assertUnchanged(before);
    }

    /** The maximum of a list's {@code limit} as its document states it; the lists' own when it states none. */
    @SuppressWarnings("unchecked")
    private static int documentedMaximum(Map<String, Object> operations) {
        List<Map<String, Object>> parameters =
                (List<Map<String, Object>>) ((Map<String, Object>) operations.get("get")).get("parameters");
        return parameters.stream()
                .filter(p -> "limit".equals(p.get("name")) && "query".equals(p.get("in")))
                .map(p -> p.get("schema") instanceof Map<?, ?> schema && schema.get("maximum") instanceof Number n
                        ? n.intValue()
                        : PageRequest.MAX_LIMIT)
                .findFirst()
                .orElse(PageRequest.MAX_LIMIT);
    }
}
