package id.terpadu.actionplan;

import static id.terpadu.actionplan.ActionPlanResourceTest.LAST_YEAR;
import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import id.terpadu.common.error.Message;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * A VERIFIED progress report of Kota Padang's team is reopened, back to SUBMITTED, by a coordinator of the team's
 * region or above with a reason the report keeps and its history and the change feed carry; every refusal writes
 * nothing.
 */
@QuarkusTest
@Tag("external-db")
class ProgressReportReopeningTest {

    static final String PATH = "/api/v1/action-plans/{id}/reports/{reportId}/transitions/reopening";
    static final String TRANSITIONS = "/api/v1/action-plans/{id}/reports/{reportId}/transitions";
    static final String REASON = "Realisasi B04 ternyata menghitung rapat yang dibatalkan";

    // one plan for the class, made through the API: a second fresh plan would remove the first behind the change
    // log's back (the fuzzer's invariants check that every logged record that is gone has its tombstone)
    private static UUID kesbangpol;
    private static String plan;
    private String report;

    @BeforeEach
    void aVerifiedReport() {
        TestData.ensureRegions();
        if (plan == null) {
            kesbangpol = TestData.createAgency(TestData.unique("Kesbangpol Kota Padang"), "KESBANGPOL", "13.71");
            UUID team = TestData.team("KABUPATEN_KOTA", "13.71", LAST_YEAR, kesbangpol);
            plan = ActionPlanResourceTest.freshPlan(team, coordinator("13.71"));
        }
        String item = coordinator("13.71")
                .body(ActionPlanResourceTest.item("PENCEGAHAN", 4, kesbangpol, LAST_YEAR))
                .post("/api/v1/action-plans/{id}/items", plan)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        report = coordinator("13.71")
                .body(ActionPlanResourceTest.report("B04", 2))
                .post("/api/v1/action-plans/{id}/items/{item}/reports", plan, item)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ActionPlanResourceTest.secretariat("13.71", kesbangpol)
                .body(Map.of("to", "SUBMITTED"))
                .post(TRANSITIONS, plan, report)
                .then()
                .statusCode(200);
    }

    private void verify() {
        coordinator("13")
                .body(Map.of("to", "VERIFIED"))
                .post(TRANSITIONS, plan, report)
                .then()
                .statusCode(200)
                .body("status", equalTo("VERIFIED"));
    }

    @Test
    void aVerifiedReportIsReopenedForReviewAndItsReasonReachesTheHistoryAndTheFeed() throws Exception {
        verify();
        String cursor = coordinator("13")
                .get("/api/v1/feed/changes/latest")
                .then()
                .statusCode(200)
                .extract()
                .path("cursor");
        coordinator("13.71")
                .header("If-Match", "\"2\"")
                .body(Map.of("reason", " " + REASON + " "))
                .post(PATH, plan, report)
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("status", equalTo("SUBMITTED"))
                .body("reviewedAt", nullValue())
                .body("reviewedBy", nullValue())
                .body("submittedBy", equalTo("kesbangpol.13.71"))
                .body("reopeningReason", equalTo(REASON))
                .body("reopenedBy", equalTo("coordinator.13.71"))
                .body("reopenedAt", notNullValue());
        JsonPath history = coordinator("13")
                .get("/api/v1/action-plans/{id}/reports/{reportId}/history", plan, report)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("items.snapshot.status"))
                .containsExactly("DRAFT", "SUBMITTED", "VERIFIED", "SUBMITTED");
        assertThat(history.getString("items[2].snapshot.reviewedBy")).isEqualTo("coordinator.13");
        assertThat(history.getString("items[3].snapshot.reopeningReason")).isEqualTo(REASON);
        assertThat(history.getString("items[3].actor")).isEqualTo("coordinator.13.71");
        // the change feed carries the reopening like any change
        boolean found = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!found && System.nanoTime() < deadline) {
            JsonPath page = coordinator("13")
                    .queryParam("after", cursor)
                    .queryParam("types", "action-plan-report")
                    .queryParam("limit", 200)
                    .get("/api/v1/feed/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                found |= report.equals(items.get(i).get("id"))
                        && REASON.equals(page.getString("items[" + i + "].snapshot.reopeningReason"));
            }
            if (!found) {
                Thread.sleep(100);
            }
        }
        assertThat(found).as("the reopening in the change feed").isTrue();
        // its review goes on: the province returns it for correction, and the secretariat corrects it
        coordinator("13")
                .body(Map.of("to", "RETURNED", "note", "Hitung ulang tanpa rapat yang dibatalkan"))
                .post(TRANSITIONS, plan, report)
                .then()
                .statusCode(200)
                .body("status", equalTo("RETURNED"));
        coordinator("13.71")
                .header("If-Match", "\"4\"")
                .body(ActionPlanResourceTest.report("B04", 1))
                .put("/api/v1/action-plans/{id}/reports/{reportId}", plan, report)
                .then()
                .statusCode(200)
                .body("realisation", equalTo(1.0f));
    }

    @Test
    void refusalsWriteNothing() {
        var before = Db.snapshot();
        // not verified yet
        coordinator("13.71")
                .body(Map.of("reason", REASON))
                .post(PATH, plan, report)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(Message.of("plan.report.reopen.not-verified", "status", "SUBMITTED")
                                .in("id")));
        Db.assertUnchanged(before);
        verify();
        before = Db.snapshot();
        coordinator("13.71")
                .body(Map.of())
                .post(PATH, plan, report)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("not-blank"));
        coordinator("13.71")
                .body(Map.of("reason", "\t"))
                .post(PATH, plan, report)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        coordinator("13.71")
                .body(Map.of("reason", "x".repeat(2001)))
                .post(PATH, plan, report)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("size"));
        coordinator("13.71")
                .body(Map.of("reason", REASON, "to", "RETURNED"))
                .post(PATH, plan, report)
                .then()
                .statusCode(400);
        coordinator("13.71")
                .header("If-Match", "\"1\"")
                .body(Map.of("reason", REASON))
                .post(PATH, plan, report)
                .then()
                .statusCode(412)
                .header("ETag", "\"2\"");
        // the team's secretariat officer, an analyst: a lower role; another province: not found
        as("officer.13.71", List.of("OFFICER"), List.of("13.71"), kesbangpol)
                .body(Map.of("reason", REASON))
                .post(PATH, plan, report)
                .then()
                .statusCode(403);
        as("analyst.13", List.of("ANALYST"), List.of("13"))
                .body(Map.of("reason", REASON))
                .post(PATH, plan, report)
                .then()
                .statusCode(403);
        coordinator("19")
                .body(Map.of("reason", REASON))
                .post(PATH, plan, report)
                .then()
                .statusCode(404);
        coordinator("13.71")
                .body(Map.of("reason", REASON))
                .post(PATH, plan, UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Db.assertUnchanged(before);
    }
}
