package id.terpadu.common;

import static id.terpadu.support.Tokens.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * A value of the wrong JSON type is a 400 naming the field and the kind of value it takes; it is never converted (a
 * field app that sends {@code "3"} or {@code 1733560000} learns so at once, rather than finding its record stored
 * with a time in 2024 it never meant). Nothing is written.
 */
@QuarkusTest
class JsonTypesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Map<String, String> before;

    @BeforeEach
    void snapshot() {
        TestData.ensureRegions();
        before = Db.snapshot();
    }

    private static RequestSpecification english() {
        return admin().header("Accept-Language", "en");
    }

    /** A valid incident whose {@code field} holds {@code json} as written, e.g. {@code "3"} or {@code 3.0}. */
    private static String incidentWith(String field, String json) throws Exception {
        Map<String, Object> body = new HashMap<>(IncidentResourceTest.incident("Jenis salah", "19.71"));
        body.put(field, "VALUE-HERE");
        return JSON.writeValueAsString(body).replace("\"VALUE-HERE\"", json);
    }

    private static ValidatableResponse refused(ValidatableResponse response, String field, String code) {
        return response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:validation"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code))
                .body("detail", startsWith(field + ": "));
    }

    @Test
    void textOrAFractionIsNotAWholeNumber() throws Exception {
        for (String value : List.of("\"3\"", "3.0", "3.5", "\"\"", "true", "[3]")) {
            refused(
                            english()
                                    .body(incidentWith("severity", value))
                                    .post("/api/v1/incidents")
                                    .then(),
                            "severity",
                            "json.expected.integer")
                    .body("errors[0].message", equalTo("expected a whole number such as 3"));
        }
        // in Indonesian too
        refused(
                        admin().body(incidentWith("severity", "3.0"))
                                .post("/api/v1/incidents")
                                .then(),
                        "severity",
                        "json.expected.integer")
                .body("errors[0].message", equalTo("diharapkan berupa bilangan bulat, misalnya 3"));
        Db.assertUnchanged(before);
    }

    @Test
    void aWholeNumberBeyondItsTypeNamesTheRange() throws Exception {
        refused(
                        english()
                                .body(incidentWith("severity", "3000000000"))
                                .post("/api/v1/incidents")
                                .then(),
                        "severity",
                        "json.expected.integer.range")
                .body("errors[0].params.min", equalTo(Integer.MIN_VALUE))
                .body("errors[0].params.max", equalTo(Integer.MAX_VALUE))
                .body("errors[0].message", equalTo("expected a whole number from -2147483648 to 2147483647"));
        Db.assertUnchanged(before);
    }

    @Test
    void aNumberIsNotADateTime() throws Exception {
        // Jackson would read these as seconds since 1970
        for (String value : List.of("1733560000", "1733560000.5", "\"1733560000\"", "\"\"", "false")) {
            refused(
                            english()
                                    .body(incidentWith("occurredFrom", value))
                                    .post("/api/v1/incidents")
                                    .then(),
                            "occurredFrom",
                            "json.expected.date-time")
                    .body("errors[0].message", equalTo("expected an RFC 3339 date-time such as 2024-10-12T09:30:00Z"));
        }
        refused(
                admin().body(incidentWith("occurredTo", "1733560000"))
                        .post("/api/v1/incidents")
                        .then(),
                "occurredTo",
                "json.expected.date-time");
        Db.assertUnchanged(before);
    }

    @Test
    void aNumberIsNotADate() {
        // nor are days since 1970, or the date as an array
        for (Object value : List.of(20_000, List.of(2024, 10, 12))) {
            refused(
                    admin().body(Map.of(
                                    "level",
                                    "KABUPATEN_KOTA",
                                    "regionCode",
                                    "19.71",
                                    "year",
                                    2024,
                                    "decreeDate",
                                    value))
                            .post("/api/v1/teams")
                            .then(),
                    "decreeDate",
                    "json.expected.date");
        }
        Db.assertUnchanged(before);
    }

    @Test
    void textIsNotANumberAndANumberIsNotText() throws Exception {
        refused(
                        english()
                                .body(incidentWith("point", "{\"lat\": \"-0.6\", \"lon\": 100.1}"))
                                .post("/api/v1/incidents")
                                .then(),
                        "point.lat",
                        "json.expected.number")
                .body("errors[0].message", equalTo("expected a number"));
        for (String value : List.of("12", "1.5", "true")) {
            refused(
                    english()
                            .body(incidentWith("title", value))
                            .post("/api/v1/incidents")
                            .then(),
                    "title",
                    "json.expected.string");
        }
        refused(
                english()
                        .body(incidentWith(
                                "parties", "[{\"type\": \"KELOMPOK_MASYARAKAT\", \"name\": 7, \"role\": \"KORBAN\"}]"))
                        .post("/api/v1/incidents")
                        .then(),
                "parties[0].name",
                "json.expected.string");
        Db.assertUnchanged(before);
    }

    @Test
    void textOrANumberIsNotABoolean() {
        for (Object value : List.of("true", 1, 0)) {
            refused(
                            english()
                                    .header("If-Match", "\"0\"")
                                    .body(Map.of(
                                            "events",
                                            List.of(Map.of("kind", "TASK_DUE_SOON", "inbox", value, "email", false)),
                                            "emailDelivery",
                                            "IMMEDIATE"))
                                    .put("/api/v1/me/notification-preferences")
                                    .then(),
                            "events[0].inbox",
                            "json.expected.boolean")
                    .body("errors[0].message", equalTo("expected true or false"));
        }
        Db.assertUnchanged(before);
    }

    @Test
    void valuesOfTheRightTypeAreTakenAsBefore() throws Exception {
        // a whole number where a number goes, a date-time with an offset: both are the types the fields take
        String body = incidentWith("point", "{\"lat\": -1, \"lon\": 100}")
                .replace("\"2024-10-12T09:30:00Z\"", "\"2024-10-12T16:30:00+07:00\"");
        admin().body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .body("occurredFrom", equalTo("2024-10-12T09:30:00Z"))
                .body("severity", equalTo(3));
    }
}
