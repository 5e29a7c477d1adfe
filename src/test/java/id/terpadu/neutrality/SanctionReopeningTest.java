package id.terpadu.neutrality;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * An imposed sanction is reopened, back to REKOMENDASI, by a coordinator of the case's region or above with a reason
 * the person keeps and the history carries; every refusal writes nothing.
 */
@QuarkusTest
class SanctionReopeningTest {

    static final String PATH = "/api/v1/neutrality-cases/{id}/transitions/reopening";
    static final String REASON = "Keputusan PPK dibatalkan oleh putusan banding administratif";

    private UUID bawaslu;
    private String caseId;
    private List<String> persons;

    @BeforeEach
    void aCaseWithASanction() {
        TestData.ensureRegions();
        bawaslu = TestData.createAgency(TestData.unique("Bawaslu Kota Pariaman"), "BAWASLU", "13.77");
        JsonPath created = coordinator("13")
                .body(NeutralityCaseResourceTest.caseBody(
                        "PILKADA",
                        2024,
                        "13.77",
                        "2024-10-21",
                        bawaslu,
                        NeutralityCaseResourceTest.persons("Hendra Saputra", 2)))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        caseId = created.getString("id");
        persons = created.getList("persons.id");
        NeutralityCaseResourceTest.move(coordinator("13"), caseId, persons, "KAJIAN", "2024-10-22", Map.of());
        NeutralityCaseResourceTest.move(
                coordinator("13"), caseId, persons, "REKOMENDASI", "2024-10-25", Map.of("recipient", "BKN"));
        NeutralityCaseResourceTest.move(
                coordinator("13"),
                caseId,
                List.of(persons.get(0)),
                "SANKSI_DIJATUHKAN",
                "2024-11-04",
                Map.of("sanction", "DISIPLIN_SEDANG"));
    }

    @Test
    void aSanctionIsReopenedBackToTheRecommendationWithItsReasonInTheHistory() {
        coordinator("13")
                .header("If-Match", "\"3\"")
                .body(Map.of("personId", persons.get(0), "reason", REASON))
                .post(PATH, caseId)
                .then()
                .statusCode(200)
                .header("ETag", "\"4\"")
                .body("persons[0].status", equalTo("REKOMENDASI"))
                .body("persons[0].sanction", nullValue())
                .body("persons[0].decidedOn", nullValue())
                .body("persons[0].recipient", equalTo("BKN"))
                .body("persons[0].recommendedOn", equalTo("2024-10-25"))
                .body("persons[0].reopeningReason", equalTo(REASON))
                .body("persons[0].reopenedBy", equalTo("coordinator.13"))
                .body("statusCounts.REKOMENDASI", equalTo(2))
                .body("persons[1].reopeningReason", nullValue());
        JsonPath history = coordinator("13")
                .get("/api/v1/neutrality-cases/{id}/history", caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getString("items[3].snapshot.persons[0].sanction")).isEqualTo("DISIPLIN_SEDANG");
        assertThat(history.getString("items[4].snapshot.persons[0].status")).isEqualTo("REKOMENDASI");
        assertThat(history.getString("items[4].snapshot.persons[0].reopeningReason"))
                .isEqualTo(REASON);
        assertThat(history.getString("items[4].snapshot.persons[0].name")).isEqualTo("H*** S*** N***");
        assertThat(history.getString("items[4].actor")).isEqualTo("coordinator.13");
        // the handling goes on: the sanction that proved right is imposed again
        NeutralityCaseResourceTest.move(
                coordinator("13"),
                caseId,
                List.of(persons.get(0)),
                "SANKSI_DIJATUHKAN",
                "2024-12-20",
                Map.of("sanction", "KODE_ETIK"));
    }

    @Test
    void refusalsWriteNothing() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        var before = Db.snapshot();
        Map<String, Object> good = Map.of("personId", persons.get(0), "reason", REASON);
        // a person with a recommendation only: nothing imposed to reopen
        coordinator("13")
                .body(Map.of("personId", persons.get(1), "reason", REASON))
                .post(PATH, caseId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of(
                                        "neutrality.reopen.not-sanctioned",
                                        "id",
                                        persons.get(1),
                                        "status",
                                        "REKOMENDASI")
                                .in("id")));
        // no reason, a blank one, one too long, no person, a person of another case
        coordinator("13")
                .body(Map.of("personId", persons.get(0)))
                .post(PATH, caseId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("not-blank"));
        coordinator("13")
                .body(Map.of("personId", persons.get(0), "reason", " "))
                .post(PATH, caseId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        coordinator("13")
                .body(Map.of("personId", persons.get(0), "reason", "x".repeat(2001)))
                .post(PATH, caseId)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("size"));
        coordinator("13")
                .body(Map.of("reason", REASON))
                .post(PATH, caseId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("personId"));
        coordinator("13")
                .body(Map.of("personId", UUID.randomUUID().toString(), "reason", REASON))
                .post(PATH, caseId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("personId"));
        // a stale version; an officer of the handling agency, an analyst; another province; no case
        coordinator("13")
                .header("If-Match", "\"2\"")
                .body(good)
                .post(PATH, caseId)
                .then()
                .statusCode(412)
                .header("ETag", "\"3\"");
        as("bawaslu.pariaman", List.of("OFFICER"), List.of("13.77"), bawaslu)
                .body(good)
                .post(PATH, caseId)
                .then()
                .statusCode(403);
        as("polres.pariaman", List.of("OFFICER"), List.of("13.77"), polres)
                .body(good)
                .post(PATH, caseId)
                .then()
                .statusCode(403);
        as("analyst.13", List.of("ANALYST"), List.of("13"))
                .body(good)
                .post(PATH, caseId)
                .then()
                .statusCode(403);
        coordinator("19").body(good).post(PATH, caseId).then().statusCode(404);
        coordinator("13").body(good).post(PATH, UUID.randomUUID()).then().statusCode(404);
        Db.assertUnchanged(before);
    }
}
