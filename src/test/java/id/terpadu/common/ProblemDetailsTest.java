package id.terpadu.common;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/** Every kind of bad request gets an RFC 9457 problem with the right status, and writes nothing. */
@QuarkusTest
class ProblemDetailsTest {

    private Map<String, String> before;

    @BeforeEach
    void snapshot() {
        TestData.ensureRegions();
        before = Db.snapshot();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:" + slug))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("requestId", notNullValue());
    }

    @Test
    void malformedJsonIs400() {
        problem(admin().body("{\"name\": \"Polres\", ").post("/api/v1/agencies").then(), 400, "malformed-body")
                .body("detail", containsString("JSON"));
        Db.assertUnchanged(before);
    }

    @Test
    void bodyOfTheWrongShapeIs400() {
        problem(admin().body("[1, 2]").post("/api/v1/agencies").then(), 400, "malformed-body")
                .body("errors.field", hasItem("body"));
        Db.assertUnchanged(before);
    }

    @Test
    void wrongTypeNamesTheField() {
        problem(
                        admin().body("{\"name\": \"Polres\", \"type\": \"POLRI\", \"contact\": {\"phone\": [1]}}")
                                .post("/api/v1/agencies")
                                .then(),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("contact.phone"));
        Db.assertUnchanged(before);
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        problem(
                        admin().body("{\"name\": \"Polres\", \"type\": \"MILITIA\"}")
                                .post("/api/v1/agencies")
                                .then(),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("type"))
                .body("allowed", hasItems("TNI", "POLRI", "BIN", "KESBANGPOL"));
        Db.assertUnchanged(before);
    }

    @Test
    void unknownFieldIsRefused() {
        problem(
                        admin().body("{\"name\": \"Polres\", \"type\": \"POLRI\", \"owner\": \"me\"}")
                                .post("/api/v1/agencies")
                                .then(),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("owner"))
                .body("errors[0].code", equalTo("json.unknown-field"));
        Db.assertUnchanged(before);
    }

    @Test
    void aDateBeyondFourDigitYearsIsNotADate() {
        // Java reads -999999999-01-01; PostgreSQL's dates end long before, so it once failed as a 500
        for (String date : List.of("-999999999-01-01", "+10000-01-01")) {
            problem(
                            admin().body(Map.of(
                                            "level",
                                            "KABUPATEN_KOTA",
                                            "regionCode",
                                            "19.71",
                                            "year",
                                            2024,
                                            "decreeDate",
                                            date))
                                    .post("/api/v1/teams")
                                    .then(),
                            400,
                            "validation")
                    .body("errors[0].field", equalTo("decreeDate"))
                    .body("errors[0].code", equalTo("json.expected.date"));
        }
        Db.assertUnchanged(before);
    }

    @Test
    void validationFailuresListEveryField() {
        problem(
                        admin().body(
                                        "{\"name\": \"  \", \"regionCode\": \"1.2\", \"contact\": {\"email\": \"not-an-email\"}}")
                                .post("/api/v1/agencies")
                                .then(),
                        400,
                        "validation")
                .body("errors.field", hasItems("name", "type", "regionCode", "contact.email"));
        Db.assertUnchanged(before);
    }

    @Test
    void missingBodyIs400() {
        problem(admin().post("/api/v1/agencies").then(), 400, "validation");
        Db.assertUnchanged(before);
    }

    @Test
    void controlCharactersInNamesAreRefused() {
        problem(
                        admin().body(Map.of("name", "Polres\u001fBangka", "type", "POLRI"))
                                .post("/api/v1/agencies")
                                .then(),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("name"));
        problem(
                admin().body(Map.of("name", "Polres\nBangka", "type", "POLRI"))
                        .post("/api/v1/agencies")
                        .then(),
                400,
                "validation");
        Db.assertUnchanged(before);
    }

    @Test
    void oversizedStringIsRefused() {
        problem(
                        admin().body(Map.of("name", "x".repeat(201), "type", "POLRI"))
                                .post("/api/v1/agencies")
                                .then(),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("name"));
        Db.assertUnchanged(before);
    }

    @Test
    void deeplyNestedJsonIsRefusedEarly() {
        String deep =
                "{\"name\": \"x\", \"type\": \"POLRI\", \"contact\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        admin().body(deep).post("/api/v1/agencies").then().statusCode(400).contentType("application/problem+json");
        String deepUnknown =
                "{\"name\": \"x\", \"type\": \"POLRI\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        admin().body(deepUnknown)
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Db.assertUnchanged(before);
    }

    @Test
    void bodyOverTheLimitIs413() {
        String huge = "{\"name\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        problem(admin().body(huge).post("/api/v1/agencies").then(), 413, "payload-too-large");
        Db.assertUnchanged(before);
    }

    @Test
    void chunkedBodyOverTheLimitIsRefused() {
        byte[] huge = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        admin().contentType("text/csv")
                .body(new java.io.ByteArrayInputStream(huge))
                .post("/api/v1/regions/import")
                .then()
                .statusCode(413);
        Db.assertUnchanged(before);
    }

    @Test
    void unknownAddressIs404() {
        problem(admin().get("/api/v1/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void unsupportedMethodIs405WithAllow() {
        problem(admin().patch("/api/v1/agencies").then(), 405, "method-not-allowed")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        problem(
                        admin().post("/api/v1/agencies/{id}", java.util.UUID.randomUUID())
                                .then(),
                        405,
                        "method-not-allowed")
                .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"));
        Db.assertUnchanged(before);
    }

    @Test
    void unavailableFormatIs406() {
        problem(admin().accept("text/csv").get("/api/v1/agencies").then(), 406, "not-acceptable");
    }

    @Test
    void unsupportedContentTypeIs415() {
        problem(
                admin().contentType("application/xml")
                        .body("<agency/>")
                        .post("/api/v1/agencies")
                        .then(),
                415,
                "unsupported-media-type");
        Db.assertUnchanged(before);
    }

    @Test
    void aFormIs415EvenWhenItsEncodingIsBroken() throws Exception {
        // no operation takes a form; a malformed one is refused like any other, never decoded on the way in, whether
        // it announces its length or comes in chunks (the edge reads every other body itself)
        byte[] form = "name=%r%uj&type=POLRI".getBytes(StandardCharsets.US_ASCII);
        URI agencies = URI.create("http://localhost:" + RestAssured.port + "/api/v1/agencies");
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            for (HttpRequest.BodyPublisher body : List.of(
                    HttpRequest.BodyPublishers.ofByteArray(form),
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)))) {
                HttpResponse<String> answer = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()
                        .send(
                                HttpRequest.newBuilder(agencies)
                                        .header(
                                                "Authorization",
                                                "Bearer "
                                                        + Tokens.token(
                                                                "admin.pusat", List.of("ADMIN"), List.of(), null))
                                        .header("Content-Type", type)
                                        .POST(body)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(type).isEqualTo(415);
                assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
                assertThat(answer.body()).contains("urn:terpadu:problem:unsupported-media-type");
            }
        }
        Db.assertUnchanged(before);
    }

    @Test
    void missingTokenIs401WithChallenge() {
        problem(anonymous().get("/api/v1/agencies").then(), 401, "unauthorized")
                .header("WWW-Authenticate", startsWith("Bearer"));
        problem(
                anonymous()
                        .body(TestData.agency("Polres", "POLRI", null))
                        .post("/api/v1/agencies")
                        .then(),
                401,
                "unauthorized");
        Db.assertUnchanged(before);
    }

    @Test
    void garbageTokenIs401() {
        problem(
                RestAssured.given()
                        .auth()
                        .oauth2("not.a.token")
                        .get("/api/v1/agencies")
                        .then(),
                401,
                "unauthorized");
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        problem(anonymous().get("/api/v1/test-only/failure").then(), 500, "internal")
                .body(not(containsString("PSQLException")))
                .body(not(containsString("select")))
                .body(not(containsString("id.terpadu")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void titlesFollowAcceptLanguage() {
        anonymous()
                .header("Accept-Language", "en-US,en;q=0.9")
                .get("/api/v1/agencies")
                .then()
                .statusCode(401)
                .body("title", equalTo("Authentication is required"));
        anonymous()
                .header("Accept-Language", "id-ID,id;q=0.9,en;q=0.5")
                .get("/api/v1/agencies")
                .then()
                .statusCode(401)
                .body("title", equalTo("Autentikasi diperlukan"));
        anonymous().get("/api/v1/agencies").then().statusCode(401).body("title", equalTo("Autentikasi diperlukan"));
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        admin().header("X-Request-Id", "field-app-7f3a")
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "field-app-7f3a");
        admin().header("X-Request-Id", "bad id with spaces")
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .header("X-Request-Id", not(equalTo("bad id with spaces")))
                .body("requestId", not(equalTo("bad id with spaces")));
    }
}
