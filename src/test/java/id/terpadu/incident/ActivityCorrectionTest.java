package id.terpadu.incident;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * An activity is corrected (its text, time, type, agency) with its version; a new type or time is judged as a new
 * activity is, a correction of the text alone keeps the stage it was recorded in, and every refusal writes nothing.
 */
@QuarkusTest
class ActivityCorrectionTest {

    private static final String PATH = "/api/v1/incidents/{id}/activities/{activityId}";

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    private static Map<String, Object> activity(String type, UUID agency, String at, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("activityType", type);
        body.put("agencyId", agency.toString());
        body.put("occurredAt", at);
        body.put("description", description);
        return body;
    }

    @Test
    void anActivityIsCorrectedAndKeepsItsStageUnlessItsTypeOrTimeChanges() {
        UUID dinsos = TestData.createAgency(TestData.unique("Dinas Sosial Kota Pariaman"), "OPD", "13.77");
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        String incident = coordinator("13")
                .body(IncidentResourceTest.incident("Ketegangan antarwarga di pasar", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String id = coordinator("13")
                .body(activity("DIALOG", dinsos, "2024-10-12T08:00:00Z", "Dialog antarwrga"))
                .post("/api/v1/incidents/{id}/activities", incident)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // a misspelt description and the type that was meant, in the same stage
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(activity("MEDIASI", dinsos, "2024-10-12T08:30:00Z", "Mediasi antarwarga oleh camat"))
                .put(PATH, incident, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("activityType", equalTo("MEDIASI"))
                .body("occurredAt", equalTo("2024-10-12T08:30:00Z"))
                .body("stage", equalTo("PENCEGAHAN"));
        coordinator("13")
                .body(Map.of("to", "PENGHENTIAN", "reason", "Bentrokan fisik pecah"))
                .post("/api/v1/incidents/{id}/stage-transitions", incident)
                .then()
                .statusCode(200);
        // the incident moved on: the text of the prevention activity can still be corrected, and it stays there
        Map<String, Object> text = activity("MEDIASI", polres, "2024-10-12T08:30:00Z", "Mediasi antarwarga oleh camat");
        text.put("outcome", "Kedua pihak sepakat menahan diri");
        coordinator("13")
                .header("If-Match", "\"1\"")
                .body(text)
                .put(PATH, incident, id)
                .then()
                .statusCode(200)
                .body("stage", equalTo("PENCEGAHAN"))
                .body("agencyId", equalTo(polres.toString()))
                .body("outcome", equalTo("Kedua pihak sepakat menahan diri"));
        // a new type or time is judged as a new activity: against the stage the incident was in at that time, here
        // after the move to penghentian (409 with the allowed types of that stage)
        String afterTheMove = java.time.Instant.now()
                .plusSeconds(1)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        var before = Db.snapshot();
        coordinator("13")
                .header("If-Match", "\"2\"")
                .body(activity("PATROLI", polres, afterTheMove, "Patroli"))
                .put(PATH, incident, id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("allowed", hasItem("TD_PENYELAMATAN_EVAKUASI"))
                .body("allowed", not(hasItem("PATROLI")));
        Db.assertUnchanged(before);
        coordinator("13")
                .header("If-Match", "\"2\"")
                .body(activity("PENGHENTIAN_KEKERASAN_FISIK", polres, afterTheMove, "Pemisahan massa"))
                .put(PATH, incident, id)
                .then()
                .statusCode(200)
                .body("stage", equalTo("PENGHENTIAN"));
        assertThat(Db.count(
                        "select count(*) from change_log where entity_type = 'incident-activity' and entity_id = cast(? as uuid)",
                        id))
                .isEqualTo(4);
        coordinator("13").get(PATH, incident, id).then().statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void badCorrectionsWriteNothing() {
        UUID dinsos = TestData.createAgency(TestData.unique("Dinas Sosial Kota Pariaman"), "OPD", "13.77");
        String incident = coordinator("13")
                .body(IncidentResourceTest.incident("Sengketa batas desa", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String id = coordinator("13")
                .body(activity("DIALOG", dinsos, "2024-10-12T08:00:00Z", "Dialog"))
                .post("/api/v1/incidents/{id}/activities", incident)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> good = activity("MEDIASI", dinsos, "2024-10-12T08:00:00Z", "Mediasi");
        var before = Db.snapshot();
        coordinator("13").body(good).put(PATH, incident, id).then().statusCode(428);
        coordinator("13")
                .header("If-Match", "\"4\"")
                .body(good)
                .put(PATH, incident, id)
                .then()
                .statusCode(412)
                .header("ETag", "\"0\"");
        coordinator("13")
                .header("If-Match", "\"0\"")
                .contentType("application/json")
                .body("{\"activityType\": \"MEDIASI\",")
                .put(PATH, incident, id)
                .then()
                .statusCode(400);
        Map<String, Object> noText = new HashMap<>(good);
        noText.remove("description");
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(noText)
                .put(PATH, incident, id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("description"));
        Map<String, Object> unknown = new HashMap<>(good);
        unknown.put("activityType", "BOMBARDIR");
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(unknown)
                .put(PATH, incident, id)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("incident.activity-type.unknown"));
        Map<String, Object> nobody = new HashMap<>(good);
        nobody.put("agencyId", UUID.randomUUID().toString());
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(nobody)
                .put(PATH, incident, id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("agencyId"));
        Map<String, Object> otherId = new HashMap<>(good);
        otherId.put("id", UUID.randomUUID().toString());
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(otherId)
                .put(PATH, incident, id)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("record.id.mismatch"));
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(good)
                .put(PATH, incident, id)
                .then()
                .statusCode(404);
        as("analyst.13", List.of("ANALYST"), List.of("13"))
                .header("If-Match", "\"0\"")
                .body(good)
                .put(PATH, incident, id)
                .then()
                .statusCode(403);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(good)
                .put(PATH, incident, UUID.randomUUID())
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);
    }
}
