package id.terpadu.incident;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * A closed (SELESAI) incident reopened by a coordinator of its region or above, with a reason that is in the stage
 * history, the incident's history and the change feed; every refusal writes nothing.
 */
@QuarkusTest
@Tag("external-db")
public class ReopeningTest {

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    static final String REASON = "Bentrokan kembali pecah setelah kesepakatan damai";

    @Test
    void aReopenedIncidentCarriesItsReasonIntoTheHistoryAndTheFeed() throws Exception {
        String id = IncidentResourceTest.create(
                coordinator("13"), IncidentResourceTest.incident("Sengketa lahan, ditutup terlalu dini", "13.77"));
        coordinator("13")
                .body(Map.of("to", "PENGHENTIAN", "reason", "Bentrokan fisik pecah"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200);
        var before = Db.snapshot();
        // not closed yet: nothing to reopen
        coordinator("13")
                .body(Map.of("reason", REASON))
                .post("/api/v1/incidents/{id}/stage-transitions/reopening", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        Db.assertUnchanged(before);
        coordinator("13")
                .body(Map.of("to", "SELESAI", "reason", "Damai", "closingSummary", "Kedua kelompok berdamai"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200);
        String cursor = coordinator("13")
                .get("/api/v1/feed/changes/latest")
                .then()
                .statusCode(200)
                .extract()
                .path("cursor");

        before = Db.snapshot();
        // closed is final: neither a replacement nor a merge patch changes it; the problem names the reopening
        Map<String, Object> corrected =
                IncidentResourceTest.incident("Sengketa lahan, korban bertambah setelah ditutup", "13.77");
        coordinator("13")
                .header("If-Match", "\"2\"")
                .body(corrected)
                .put("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("/stage-transitions/reopening"));
        coordinator("13")
                .header("If-Match", "\"2\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("impact", Map.of("killed", 3)))
                .patch("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("/stage-transitions/reopening"));
        // nor is it deleted with its stage history: a record entered by mistake is reopened first
        admin().header("If-Match", "\"2\"")
                .delete("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("/stage-transitions/reopening"));
        Db.assertUnchanged(before);
        // an officer, a coordinator of another province, no reason, a closed stage, a stale version: refused
        as("officer.13", List.of("OFFICER"), List.of("13"))
                .body(Map.of("reason", REASON))
                .post("/api/v1/incidents/{id}/stage-transitions/reopening", id)
                .then()
                .statusCode(403);
        coordinator("33")
                .body(Map.of("reason", REASON))
                .post("/api/v1/incidents/{id}/stage-transitions/reopening", id)
                .then()
                .statusCode(404);
        coordinator("13")
                .body(Map.of("reason", " "))
                .post("/api/v1/incidents/{id}/stage-transitions/reopening", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        coordinator("13")
                .body(Map.of())
                .post("/api/v1/incidents/{id}/stage-transitions/reopening", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        coordinator("13")
                .body(Map.of("to", "SELESAI", "reason", REASON))
                .post("/api/v1/incidents/{id}/stage-transitions/reopening", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", REASON))
                .post("/api/v1/incidents/{id}/stage-transitions/reopening", id)
                .then()
                .statusCode(412);
        Db.assertUnchanged(before);

        // by default the stage it was closed from
        coordinator("13")
                .header("If-Match", "\"2\"")
                .body(Map.of("reason", REASON))
                .post("/api/v1/incidents/{id}/stage-transitions/reopening", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("stage", equalTo("PENGHENTIAN"))
                .body("reopeningReason", equalTo(REASON));
        coordinator("13")
                .get("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200)
                .body("items.to", contains("PENGHENTIAN", "SELESAI", "PENGHENTIAN"))
                .body("items[2].from", equalTo("SELESAI"))
                .body("items[2].reason", equalTo(REASON))
                .body("items[2].actor", equalTo("coordinator.13"));
        coordinator("13")
                .get("/api/v1/incidents/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items[3].snapshot.stage", equalTo("PENGHENTIAN"))
                .body("items[3].snapshot.reopeningReason", equalTo(REASON))
                .body("items[3].actor", equalTo("coordinator.13"));
        // reopened, it is corrected as any open incident
        coordinator("13")
                .header("If-Match", "\"3\"")
                .body(with(corrected, "stage", "PENGHENTIAN"))
                .put("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"4\"")
                .body("title", equalTo("Sengketa lahan, korban bertambah setelah ditutup"));
        // the change feed carries the reopening like any change
        JsonPath found = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (found == null && System.nanoTime() < deadline) {
            JsonPath page = coordinator("13")
                    .queryParam("after", cursor)
                    .queryParam("types", "incident")
                    .queryParam("limit", 200)
                    .get("/api/v1/feed/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                if (id.equals(items.get(i).get("id"))
                        && REASON.equals(page.getString("items[" + i + "].snapshot.reopeningReason"))) {
                    found = page;
                }
            }
            if (found == null) {
                Thread.sleep(100);
            }
        }
        assertThat(found).as("the reopening in the change feed").isNotNull();
        // open again: activities of its stage are recorded, and a second reopening is refused
        before = Db.snapshot();
        coordinator("13")
                .body(Map.of("reason", REASON))
                .post("/api/v1/incidents/{id}/stage-transitions/reopening", id)
                .then()
                .statusCode(409);
        Db.assertUnchanged(before);
    }
}
