package id.terpadu.meeting;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import id.terpadu.common.error.Message;
import id.terpadu.notification.DeadlineReminders;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * A decision of Sumatera Barat's provincial rakor marked DONE or DROPPED by mistake is reopened, back to IN_PROGRESS,
 * by a coordinator of the meeting's region or above with a reason that the decision keeps and its follow-ups, history
 * and the change feed carry; the agency the decision is given to follows it up but does not reopen it; every refusal
 * writes nothing.
 */
@QuarkusTest
class DecisionReopeningTest {

    static final String DECISION = "/api/v1/meetings/{id}/decisions/{decisionId}";
    static final String FOLLOW_UPS = DECISION + "/follow-ups";
    static final String PATH = FOLLOW_UPS + "/reopening";
    static final String REASON = "Ditandai selesai karena salah pilih keputusan; patroli masih berjalan";

    private UUID bawaslu;
    private UUID team;
    private String meeting;

    @BeforeEach
    void meeting() {
        TestData.ensureRegions();
        UUID kesbangpol =
                TestData.createAgency(TestData.unique("Badan Kesbangpol Provinsi Sumatera Barat"), "KESBANGPOL", "13");
        bawaslu = TestData.createAgency(TestData.unique("Bawaslu Provinsi Sumatera Barat"), "BAWASLU", "13");
        team = TestData.team("PROVINSI", "13", 2024, kesbangpol);
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
        Map<String, Object> body = new HashMap<>();
        body.put("description", "Bawaslu meneruskan temuan");
        body.put("ownerAgencyId", owner.toString());
        body.put("dueOn", "2024-11-04");
        return coordinator("13")
                .body(body)
                .post("/api/v1/meetings/{id}/decisions", meeting)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void followUp(String decision, String status, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        if (note != null) {
            body.put("note", note);
        }
        coordinator("13")
                .body(body)
                .post(FOLLOW_UPS, meeting, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo(status));
    }

    @Test
    void aDoneDecisionIsReopenedAndItsReasonReachesTheFollowUpsTheHistoryAndTheFeed() throws Exception {
        String decision = decide(bawaslu);
        followUp(decision, "DONE", null);
        String cursor = coordinator("13")
                .get("/api/v1/feed/changes/latest")
                .then()
                .statusCode(200)
                .extract()
                .path("cursor");
        coordinator("13")
                .header("If-Match", "\"1\"")
                .body(Map.of("reason", " " + REASON + " "))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("ETag", "\"2\"")
                .body("status", equalTo("IN_PROGRESS"))
                .body("reopeningReason", equalTo(REASON))
                .body("reopenedBy", equalTo("coordinator.13"))
                .body("reopenedAt", notNullValue())
                .body("followUps", hasSize(2))
                .body("followUps[0].status", equalTo("DONE"))
                .body("followUps[1].status", equalTo("IN_PROGRESS"))
                .body("followUps[1].note", equalTo(REASON))
                .body("followUps[1].by", equalTo("coordinator.13"));
        JsonPath history = coordinator("13")
                .get(DECISION + "/history", meeting, decision)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("items.snapshot.status")).containsExactly("OPEN", "DONE", "IN_PROGRESS");
        assertThat(history.getString("items[2].snapshot.reopeningReason")).isEqualTo(REASON);
        assertThat(history.getString("items[2].actor")).isEqualTo("coordinator.13");
        // the change feed carries the reopening like any change
        boolean found = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!found && System.nanoTime() < deadline) {
            JsonPath page = coordinator("13")
                    .queryParam("after", cursor)
                    .queryParam("types", "meeting-decision")
                    .queryParam("limit", 200)
                    .get("/api/v1/feed/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                found |= decision.equals(items.get(i).get("id"))
                        && REASON.equals(page.getString("items[" + i + "].snapshot.reopeningReason"));
            }
            if (!found) {
                Thread.sleep(100);
            }
        }
        assertThat(found).as("the reopening in the change feed").isTrue();
        // its follow-up goes on: the owner agency's officer marks it done again
        as("officer.13", List.of("OFFICER"), List.of("13"), bawaslu)
                .header("If-Match", "\"2\"")
                .body(Map.of("status", "DONE", "note", "Patroli selesai pada penetapan hasil"))
                .post(FOLLOW_UPS, meeting, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("followUps", hasSize(3))
                .body("reopeningReason", equalTo(REASON));
    }

    /**
     * A decision DROPPED in error is open again once reopened, so the secretariat may correct it; before, a follow-up
     * and a correction are refused with a detail that names the reopening.
     */
    @Test
    void aReopenedDecisionPastItsDueDayIsRemindedAgain() {
        DeadlineReminders reminders =
                io.quarkus.arc.Arc.container().instance(DeadlineReminders.class).get();
        String decision = decide(bawaslu);
        String overdue =
                "select count(*) from notification_event where entity_id = ?::uuid and kind = 'DECISION_OVERDUE'";
        reminders.decisions();
        reminders.decisions();
        assertThat(Db.count(overdue, decision)).as("once per due day").isEqualTo(1);
        followUp(decision, "DONE", null);
        coordinator("13")
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        // open again and still past its due day: its owner is told again, once
        reminders.decisions();
        reminders.decisions();
        assertThat(Db.count(overdue, decision))
                .as("once more after the reopening")
                .isEqualTo(2);
    }

    @Test
    void aDroppedDecisionIsReopenedAndCanBeCorrectedAgain() {
        String decision = decide(bawaslu);
        followUp(decision, "DROPPED", "Tidak lagi relevan");
        var before = Db.snapshot();
        coordinator("13")
                .body(Map.of("status", "IN_PROGRESS", "note", "Dilanjutkan"))
                .post(FOLLOW_UPS, meeting, decision)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("/follow-ups/reopening"));
        Map<String, Object> correction = new HashMap<>();
        correction.put("description", "Bawaslu meneruskan temuan ke BKN");
        correction.put("ownerAgencyId", bawaslu.toString());
        correction.put("dueOn", "2024-11-08");
        coordinator("13")
                .header("If-Match", "\"1\"")
                .body(correction)
                .put(DECISION, meeting, decision)
                .then()
                .statusCode(409)
                .body("detail", containsString("/follow-ups/reopening"));
        Db.assertUnchanged(before);
        coordinator("13")
                .body(Map.of("reason", "Dibatalkan karena salah pilih keputusan"))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        coordinator("13")
                .header("If-Match", "\"2\"")
                .body(correction)
                .put(DECISION, meeting, decision)
                .then()
                .statusCode(200)
                .body("dueOn", equalTo("2024-11-08"))
                .body("status", equalTo("IN_PROGRESS"))
                .body("reopeningReason", equalTo("Dibatalkan karena salah pilih keputusan"));
    }

    @Test
    void refusalsWriteNothing() {
        String decision = decide(bawaslu);
        var before = Db.snapshot();
        // not final: OPEN, then IN_PROGRESS; the 409 lists the follow-ups it allows
        coordinator("13")
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(Message.of("meeting.decision.reopen.not-final", "status", "OPEN")
                                .in("id")))
                .body("allowed", equalTo(DecisionStatus.TABLE.allowedNames(DecisionStatus.OPEN)));
        Db.assertUnchanged(before);
        followUp(decision, "IN_PROGRESS", "Temuan diregistrasi");
        before = Db.snapshot();
        coordinator("13")
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(409)
                .body("allowed", equalTo(List.of("IN_PROGRESS", "DONE", "DROPPED")));
        Db.assertUnchanged(before);
        followUp(decision, "DONE", null);
        before = Db.snapshot();
        coordinator("13")
                .body(Map.of())
                .post(PATH, meeting, decision)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("not-blank"));
        coordinator("13")
                .body(Map.of("reason", "\t"))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("not-blank"));
        coordinator("13")
                .body(Map.of("reason", "x".repeat(2001)))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("size"));
        coordinator("13")
                .body(Map.of("reason", REASON, "status", "OPEN"))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(400);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .header("ETag", "\"2\"");
        // the owner agency's officer and an analyst: a lower role; another province: not found
        as("officer.13", List.of("OFFICER"), List.of("13"), bawaslu)
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("analyst.13", List.of("ANALYST"), List.of("13"))
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(403);
        coordinator("19")
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        coordinator("13")
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        coordinator("13")
                .body(Map.of("reason", REASON))
                .post(PATH, UUID.randomUUID(), decision)
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);
    }

    /**
     * The provincial rakor gives Polres Pariaman a decision: its officer, scoped to the kota, follows it up to DONE
     * without reading the meeting, but may not reopen it (a 403 for the role), nor may its coordinator, who reads the
     * decision as the agency (a 403 that says reopening is the secretariat's). One of the same Polres lent to another
     * province, and another agency's coordinator of the kota, get the meeting's 404. The province's secretariat then
     * reopens it.
     */
    @Test
    void theAgencyADecisionIsGivenToFollowsItUpButDoesNotReopenIt() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        UUID satpol = TestData.createAgency(TestData.unique("Satpol PP Kota Pariaman"), "OPD", "13.77");
        String decision = decide(polres);
        Supplier<RequestSpecification> officer =
                () -> as("polres.pariaman", List.of("OFFICER"), List.of("13.77"), polres);
        officer.get()
                .body(Map.of("status", "DONE", "note", "Patroli di perbatasan desa selesai"))
                .post(FOLLOW_UPS, meeting, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"));

        var before = Db.snapshot();
        officer.get()
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Supplier<RequestSpecification> agencyCoordinator =
                () -> as("kapolres.pariaman", List.of("COORDINATOR"), List.of("13.77"), polres);
        agencyCoordinator.get().get(DECISION, meeting, decision).then().statusCode(200);
        agencyCoordinator
                .get()
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(Message.of("meeting.decision.reopen.refused").in("id")));
        for (var outsider : List.<Supplier<RequestSpecification>>of(
                () -> as("polres.pariaman.bko", List.of("COORDINATOR"), List.of("64"), polres),
                () -> as("satpol.pariaman", List.of("COORDINATOR"), List.of("13.77"), satpol))) {
            outsider.get()
                    .body(Map.of("reason", REASON))
                    .post(PATH, meeting, decision)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        Db.assertUnchanged(before);

        coordinator("13")
                .body(Map.of("reason", REASON))
                .post(PATH, meeting, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        // and the agency follows it up again
        officer.get()
                .body(Map.of("status", "DONE", "note", "Patroli tambahan selesai"))
                .post(FOLLOW_UPS, meeting, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"));
    }
}
