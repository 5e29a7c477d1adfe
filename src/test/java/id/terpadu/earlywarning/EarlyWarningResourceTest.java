package id.terpadu.earlywarning;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

@QuarkusTest
@Tag("external-db")
public class EarlyWarningResourceTest {

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    public static Map<String, Object> warning(String region, int likelihood, int impact) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", region);
        body.put("categoryCode", "POLITIK_PILKADA");
        body.put("title", "Ketegangan antarpendukung paslon");
        body.put("indicators", List.of("Ujaran kebencian di grup WhatsApp"));
        body.put("likelihood", likelihood);
        body.put("impact", impact);
        body.put("sourceKind", "PATROLI");
        body.put("classification", "RESTRICTED");
        return body;
    }

    @Test
    void riskFollowsLikelihoodTimesImpact() {
        Assertions.assertThat(RiskLevel.of(2, 3)).isEqualTo(RiskLevel.RENDAH);
        Assertions.assertThat(RiskLevel.of(4, 3)).isEqualTo(RiskLevel.SEDANG);
        Assertions.assertThat(RiskLevel.of(3, 5)).isEqualTo(RiskLevel.TINGGI);
        coordinator("13")
                .body(warning("13.77", 5, 5))
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .body("riskScore", equalTo(25))
                .body("riskLevel", equalTo("TINGGI"))
                .body("status", equalTo("TERIDENTIFIKASI"));
        coordinator("13")
                .body(warning("13", 1, 2))
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .body("riskLevel", equalTo("RENDAH"));
        coordinator("13")
                .get("/api/v1/reference/risk-levels")
                .then()
                .statusCode(200)
                .body("items.find { it.code == 'SEDANG' }.attributes.maxScore", equalTo(12));
    }

    @Test
    void statusMovesAlongItsTableAndEscalatesIntoAnIncident() {
        String id = coordinator("13")
                .body(warning("13.77", 4, 3))
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> monitored = new HashMap<>(warning("13.77", 4, 3));
        monitored.put("status", "DIPANTAU");
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(monitored)
                .put("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DIPANTAU"));
        var before = Db.snapshot();
        Map<String, Object> escalated = new HashMap<>(monitored);
        escalated.put("status", "ESKALASI");
        coordinator("13")
                .header("If-Match", "\"1\"")
                .body(escalated)
                .put("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(409)
                .body("allowed", hasItem("REDA"));
        coordinator("13")
                .body(Map.of("occurredFrom", "2024-11-28T02:00:00Z", "severity", 9))
                .post("/api/v1/early-warnings/{id}/escalate", id)
                .then()
                .statusCode(400);
        coordinator("13")
                .body(Map.of("occurredFrom", "2024-11-28T02:00:00Z", "severity", 4, "regionCode", "33.07"))
                .post("/api/v1/early-warnings/{id}/escalate", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        as("coordinator.33", List.of("COORDINATOR"), List.of("33"))
                .body(Map.of("occurredFrom", "2024-11-28T02:00:00Z", "severity", 4))
                .post("/api/v1/early-warnings/{id}/escalate", id)
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);

        var incident = coordinator("13")
                .body(Map.of(
                        "occurredFrom",
                        "2024-11-28T02:00:00Z",
                        "severity",
                        4,
                        "description",
                        "Massa membakar ban di depan kantor KPU"))
                .post("/api/v1/early-warnings/{id}/escalate", id)
                .then()
                .statusCode(201)
                .body("stage", equalTo("PENGHENTIAN"))
                .body("categoryCode", equalTo("POLITIK_PILKADA"))
                .body("regionCode", equalTo("13.77"))
                .extract();
        String incidentId = incident.path("id");
        Assertions.assertThat(incident.header("Location")).endsWith("/api/v1/incidents/" + incidentId);
        coordinator("13")
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .body("status", equalTo("ESKALASI"))
                .body("escalatedIncidentId", equalTo(incidentId));
        Assertions.assertThat(
                        Db.count("select count(*) from incident_early_warning where early_warning_id = ?::uuid", id))
                .isEqualTo(1);
        coordinator("13")
                .get("/api/v1/incidents/{id}/links", incidentId)
                .then()
                .statusCode(200)
                .body("earlyWarnings", org.hamcrest.Matchers.contains(id));
        before = Db.snapshot();
        coordinator("13")
                .body(Map.of("occurredFrom", "2024-11-28T02:00:00Z", "severity", 4))
                .post("/api/v1/early-warnings/{id}/escalate", id)
                .then()
                .statusCode(409);
        Db.assertUnchanged(before);
    }

    @Test
    void oneReplacementIsOneVersion() {
        String id = coordinator("13")
                .body(warning("13.77", 2, 2))
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> changed = new HashMap<>(warning("13.77", 5, 4));
        changed.put("status", "DITANGANI");
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(changed)
                .put("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("riskLevel", equalTo("TINGGI"));
        coordinator("13")
                .get("/api/v1/early-warnings/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items.version", org.hamcrest.Matchers.contains(0, 1))
                .body("items[1].snapshot.status", equalTo("DITANGANI"));
    }

    @Test
    void confidentialWarningsAndScopeHold() {
        UUID binda = TestData.createAgency(TestData.unique("Binda Jawa Tengah"), "BIN", "33");
        Map<String, Object> secret = new HashMap<>(warning("33.07", 3, 4));
        secret.put("classification", "CONFIDENTIAL");
        secret.put("sourceKind", "INTELIJEN");
        String id = as("binda.33", List.of("OFFICER"), List.of("33"), binda)
                .body(secret)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("binda.33", List.of("OFFICER"), List.of("33"), binda)
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200);
        coordinator("33").get("/api/v1/early-warnings/{id}", id).then().statusCode(404);
        coordinator("33")
                .get("/api/v1/early-warnings?region=33.07&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        coordinator("13")
                .get("/api/v1/early-warnings?limit=200")
                .then()
                .statusCode(200)
                .body("items.regionCode.every { it == '13' || it.startsWith('13.') }", equalTo(true));
        var before = Db.snapshot();
        coordinator("13")
                .body(warning("33.07", 1, 1))
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(403);
        coordinator("13")
                .body(new HashMap<>(Map.of("regionCode", "13.77")))
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(400);
        Map<String, Object> bad = new HashMap<>(warning("13.77", 6, 0));
        coordinator("13").body(bad).post("/api/v1/early-warnings").then().statusCode(400);
        Map<String, Object> escalatedAtBirth = new HashMap<>(warning("13.77", 2, 2));
        escalatedAtBirth.put("status", "ESKALASI");
        coordinator("13")
                .body(escalatedAtBirth)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(400);
        Db.assertUnchanged(before);
    }
}
