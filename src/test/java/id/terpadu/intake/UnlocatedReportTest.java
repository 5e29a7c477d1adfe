package id.terpadu.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import id.terpadu.actionplan.ActionPlanResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.ProofOfWork;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * A report located by a point alone: it waits in the national queue, flagged as of no known region, with the
 * kabupaten/kota of recorded incidents near it as a hint, until a national triager forwards it to the region's team.
 */
@QuarkusTest
class UnlocatedReportTest {

    static final String REGENCY = "19.04";
    /** In Kabupaten Belitung, near Tanjung Pandan. */
    static final double LAT = -2.7410;

    static final double LON = 107.6350;

    private UUID kesbangpol;

    @BeforeEach
    void team() {
        TestData.ensureRegions();
        kesbangpol = TestData.createAgency(TestData.unique("Kesbangpol Kabupaten Belitung"), "KESBANGPOL", REGENCY);
        TestData.team("KABUPATEN_KOTA", REGENCY, ActionPlanResourceTest.LAST_YEAR, kesbangpol);
    }

    private RequestSpecification regional() {
        return Tokens.as("kesbangpol.belitung." + kesbangpol, List.of("COORDINATOR"), List.of(REGENCY), kesbangpol);
    }

    static Map<String, Object> atPoint(Double lat, Double lon) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", "Massa berkumpul di depan balai desa dan membakar ban; jalan ditutup sejak pagi.");
        body.put("occurredAt", Instant.now().minus(3, ChronoUnit.HOURS).toString());
        if (lat != null) {
            body.put("point", Map.of("lat", lat, "lon", lon));
        }
        body.put("altcha", ProofOfWork.fresh());
        return body;
    }

    @Test
    void aPointAloneLandsInTheNationalQueueWithAHintAndIsForwarded() {
        // an incident recorded about 1 km away, which the hint names
        Tokens.coordinator(REGENCY)
                .body(with(
                        IncidentResourceTest.incident("Pembakaran ban di depan balai desa", REGENCY),
                        "point",
                        Map.of("lat", LAT + 0.009, "lon", LON)))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);

        String code = given().contentType(ContentType.JSON)
                .body(atPoint(LAT, LON))
                .post("/api/v1/public/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("trackingCode");
        String id = Db.single("select id::text from intake_report where tracking_code = ?", code.replace("-", ""));
        assertThat(Db.single(
                        "select coalesce(queue_region, 'none') from intake_report where id = ?::uuid",
                        UUID.fromString(id)))
                .isEqualTo("none");

        // not a national record every scope reads: the region's team does not see it, the national scope does
        regional().get("/api/v1/intake/" + id).then().statusCode(404);
        regional().get("/api/v1/intake?limit=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        Tokens.admin()
                .get("/api/v1/intake/" + id)
                .then()
                .statusCode(200)
                .body("regionUnknown", equalTo(true))
                .body("regionCode", nullValue())
                .body("queueRegion", nullValue())
                .body("regionHints[0].regionCode", equalTo(REGENCY))
                .body("regionHints[0].incidents", equalTo(1))
                // 0.009° of latitude: 1.0 km
                .body("regionHints[0].nearestKm", equalTo(1.0f));

        // the national triager forwards it: the region's team has it, located
        Tokens.admin()
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("action", "FORWARD", "regionCode", REGENCY, "note", "Titik di Kabupaten Belitung"))
                .post("/api/v1/intake/" + id + "/triage")
                .then()
                .statusCode(200)
                .body("queueRegion", equalTo(REGENCY))
                .body("regionCode", equalTo(REGENCY))
                .body("regionUnknown", equalTo(false));
        regional().get("/api/v1/intake/" + id).then().statusCode(200).body("status", equalTo("DITERUSKAN"));
    }

    @Test
    void withNeitherRegionNorPointAReportIsRefusedWritingNothing() {
        Map<String, String> before = Db.snapshot();
        given().contentType(ContentType.JSON)
                .body(atPoint(null, null))
                .post("/api/v1/public/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("regionCode"));
        // a point outside Indonesia's bounds is no location either
        given().contentType(ContentType.JSON)
                .body(atPoint(51.5, -0.12))
                .post("/api/v1/public/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Db.assertUnchanged(before);
    }

    static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
        Map<String, Object> copy = new HashMap<>(body);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put((String) pairs[i], pairs[i + 1]);
        }
        return copy;
    }
}
