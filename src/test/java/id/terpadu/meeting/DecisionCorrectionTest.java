package id.terpadu.meeting;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
 * A meeting's decision is corrected (edited, re-dated, given to another agency) while it is open, and deleted only
 * while nothing was reported against it; every refusal writes nothing.
 */
@QuarkusTest
class DecisionCorrectionTest {

    private static final String PATH = "/api/v1/meetings/{id}/decisions/{decisionId}";

    private UUID bawaslu;
    private UUID polda;
    private String meeting;

    @BeforeEach
    void meeting() {
        TestData.ensureRegions();
        UUID kesbangpol =
                TestData.createAgency(TestData.unique("Badan Kesbangpol Provinsi Sumatera Barat"), "KESBANGPOL", "13");
        bawaslu = TestData.createAgency(TestData.unique("Bawaslu Provinsi Sumatera Barat"), "BAWASLU", "13");
        polda = TestData.createAgency(TestData.unique("Polda Sumatera Barat"), "POLRI", "13");
        UUID team = TestData.team("PROVINSI", "13", 2024, kesbangpol);
        meeting = coordinator("13")
                .body(MeetingResourceTest.meeting(
                        team,
                        "Rakor kerawanan Pilkada",
                        "2024-10-28T02:00:00Z",
                        List.of(MeetingResourceTest.attendee(bawaslu, "Bawaslu", "Ketua", "HADIR", null))))
                .post("/api/v1/meetings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String decide(UUID owner) {
        return coordinator("13")
                .body(decision("Bawaslu meneruskan temuan", owner, "2024-11-04"))
                .post("/api/v1/meetings/{id}/decisions", meeting)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> decision(String description, UUID owner, String dueOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", description);
        body.put("ownerAgencyId", owner.toString());
        body.put("dueOn", dueOn);
        return body;
    }

    /**
     * The provincial rakor gives Polres Pariaman a decision: its officers, scoped to the kota, may not read the
     * meeting, but read the decision, find it on the decisions' dashboard and follow it up as the agency. An officer of
     * the same Polres lent to another province, and another agency's officer of the kota, get the meeting's 404.
     */
    @Test
    void theAgencyADecisionIsGivenToFollowsItUpWithoutReadingTheMeeting() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        UUID satpol = TestData.createAgency(TestData.unique("Satpol PP Kota Pariaman"), "OPD", "13.77");
        String decision = decide(polres);
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> officer =
                () -> as("polres.pariaman", List.of("OFFICER"), List.of("13.77"), polres);
        officer.get().get("/api/v1/meetings/{id}", meeting).then().statusCode(404);
        officer.get()
                .get(PATH, meeting, decision)
                .then()
                .statusCode(200)
                .body("ownerAgencyId", equalTo(polres.toString()));
        // the lists ask for the Polres's decisions alone, this test's: a page that holds the decision if it is shown
        officer.get()
                .get("/api/v1/meeting-decisions?limit=200&ownerAgencyId=" + polres)
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(decision));

        var before = Db.snapshot();
        for (var outsider : List.<java.util.function.Supplier<io.restassured.specification.RequestSpecification>>of(
                () -> as("polres.pariaman.bko", List.of("OFFICER"), List.of("64"), polres),
                () -> as("satpol.pariaman", List.of("OFFICER"), List.of("13.77"), satpol))) {
            outsider.get().get(PATH, meeting, decision).then().statusCode(404);
            outsider.get()
                    .body(Map.of("status", "IN_PROGRESS", "note", "Sedang dikerjakan"))
                    .post(PATH + "/follow-ups", meeting, decision)
                    .then()
                    .statusCode(404);
            outsider.get()
                    .get("/api/v1/meeting-decisions?limit=200&ownerAgencyId=" + polres)
                    .then()
                    .statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(decision)));
        }
        Db.assertUnchanged(before);

        officer.get()
                .body(Map.of("status", "IN_PROGRESS", "note", "Patroli dialogis dijadwalkan"))
                .post(PATH + "/follow-ups", meeting, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("followUps", hasSize(1));
    }

    @Test
    void anOpenDecisionIsEditedReDatedAndReassigned() {
        String id = decide(bawaslu);
        coordinator("13")
                .body(Map.of("status", "IN_PROGRESS", "note", "Temuan diregistrasi"))
                .post(PATH + "/follow-ups", meeting, id)
                .then()
                .statusCode(200);
        coordinator("13")
                .header("If-Match", "\"1\"")
                .body(decision("Polda menindaklanjuti temuan di lapangan", polda, "2024-11-11"))
                .put(PATH, meeting, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("ownerAgencyId", equalTo(polda.toString()))
                .body("dueOn", equalTo("2024-11-11"))
                .body("status", equalTo("OPEN"))
                .body("followUps", hasSize(1));
        coordinator("13")
                .get(PATH + "/history", meeting, id)
                .then()
                .statusCode(200)
                .body("items.operation", contains("CREATE", "UPDATE", "UPDATE"))
                .body("items[2].snapshot.ownerAgencyId", equalTo(polda.toString()));
        // a final decision is not corrected; one that was followed up is not deleted
        coordinator("13")
                .body(Map.of("status", "DONE"))
                .post(PATH + "/follow-ups", meeting, id)
                .then()
                .statusCode(200);
        var before = Db.snapshot();
        coordinator("13")
                .header("If-Match", "\"3\"")
                .body(decision("Lagi", polda, "2024-11-12"))
                .put(PATH, meeting, id)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:terpadu:problem:conflict"));
        coordinator("13")
                .header("If-Match", "\"3\"")
                .delete(PATH, meeting, id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                // it offers nothing that is itself refused: a DONE decision cannot become DROPPED
                .body("detail", org.hamcrest.Matchers.containsString("DONE"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("DROPPED")));
        Db.assertUnchanged(before);
    }

    @Test
    void aDecisionRecordedByMistakeIsDeletedWhileNothingWasReportedAgainstIt() {
        String id = decide(bawaslu);
        var before = Db.snapshot();
        coordinator("13").delete(PATH, meeting, id).then().statusCode(428);
        coordinator("13")
                .header("If-Match", "\"5\"")
                .delete(PATH, meeting, id)
                .then()
                .statusCode(412);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .delete(PATH, meeting, id)
                .then()
                .statusCode(404);
        as("officer.13", List.of("OFFICER"), List.of("13"), bawaslu)
                .header("If-Match", "\"0\"")
                .delete(PATH, meeting, id)
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .delete(PATH, meeting, id)
                .then()
                .statusCode(204);
        coordinator("13").get(PATH, meeting, id).then().statusCode(404);
        assertThat(Db.single(
                        "select operation from change_log where entity_type = 'meeting-decision'"
                                + " and entity_id = cast(? as uuid) order by version desc limit 1",
                        id))
                .isEqualTo("DELETE");
    }

    @Test
    void badCorrectionsWriteNothing() {
        String id = decide(bawaslu);
        Map<String, Object> good = decision("Bawaslu meneruskan temuan ke BKN", bawaslu, "2024-11-08");
        var before = Db.snapshot();
        coordinator("13").body(good).put(PATH, meeting, id).then().statusCode(428);
        coordinator("13")
                .header("If-Match", "\"2\"")
                .body(good)
                .put(PATH, meeting, id)
                .then()
                .statusCode(412)
                .header("ETag", "\"0\"");
        coordinator("13")
                .header("If-Match", "\"0\"")
                .contentType("application/json")
                .body("{\"description\": ")
                .put(PATH, meeting, id)
                .then()
                .statusCode(400);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(decision("Sebelum rapat", bawaslu, "2024-10-01"))
                .put(PATH, meeting, id)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("meeting.due-on.before"));
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(decision("Instansi yang tidak ada", UUID.randomUUID(), "2024-11-08"))
                .put(PATH, meeting, id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("ownerAgencyId"));
        Map<String, Object> noText = new HashMap<>(good);
        noText.remove("description");
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(noText)
                .put(PATH, meeting, id)
                .then()
                .statusCode(400);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(good)
                .put(PATH, meeting, id)
                .then()
                .statusCode(404);
        as("officer.13", List.of("OFFICER"), List.of("13"), bawaslu)
                .header("If-Match", "\"0\"")
                .body(good)
                .put(PATH, meeting, id)
                .then()
                .statusCode(403);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(good)
                .put(PATH, meeting, UUID.randomUUID())
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);
    }
}
