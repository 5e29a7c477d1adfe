package id.terpadu.common.patch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * A field officer's phone was offline for a day. Before it went, it held 15 incidents and 5 early warnings of its
 * region at version 0; meanwhile a colleague at the secretariat changed some of them. Back online, the phone sends the
 * 50 changes it queued, in order, each with the version it was made on (0): new incidents, merge patches of single
 * fields and whole replacements. Each gets a clear answer: applied (200/201), or 412 with the current version as the
 * ETag; never a silent overwrite of the colleague's work, and a refused change writes nothing.
 */
@QuarkusTest
class OfflineSyncTest {

    private static final String REGION = "19.71";

    /** One queued change and the answer it must get. */
    record Change(String method, String path, String body, int expected) {}

    @Test
    void fiftyQueuedChangesEachGetAClearAnswer() {
        TestData.ensureRegions();
        UUID agency = TestData.createAgency(TestData.unique("Polres Pangkal Pinang"), "POLRI", "19.71");
        RequestSpecification colleague = Tokens.as("sekretariat.19", List.of("COORDINATOR"), List.of("19"));
        String phoneToken = Tokens.token("officer.lapangan.19", List.of("OFFICER"), List.of("19"), agency);

        // What the phone held when it went offline: all at version 0.
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Map<String, Object> body = IncidentResourceTest.incident("Sengketa lahan " + i, REGION);
            incidents.add(given().auth()
                    .oauth2(phoneToken)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            warnings.add(given().auth()
                    .oauth2(phoneToken)
                    .contentType(ContentType.JSON)
                    .body(EarlyWarningResourceTest.warning(REGION, 2, 3))
                    .post("/api/v1/early-warnings")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }

        // Meanwhile, at the secretariat: titles of incidents 0-2, the severity of 3-4, the time of 13-14, the
        // likelihood of warnings 0-1.
        Map<String, String> colleagues = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            colleagues.put(incidents.get(i), "{\"title\": \"Sengketa lahan sawit " + i + "\"}");
        }
        for (int i = 3; i < 5; i++) {
            colleagues.put(incidents.get(i), "{\"severity\": 2}");
        }
        for (int i = 13; i < 15; i++) {
            colleagues.put(incidents.get(i), "{\"occurredFrom\": \"2024-10-12T08:00:00Z\"}");
        }
        colleagues.forEach((id, patch) -> given().spec(colleague)
                .contentType(MergePatchTest.MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body(patch)
                .patch("/api/v1/incidents/" + id)
                .then()
                .statusCode(200));
        for (int i = 0; i < 2; i++) {
            given().spec(colleague)
                    .contentType(MergePatchTest.MERGE_PATCH)
                    .header("If-Match", "\"0\"")
                    .body("{\"likelihood\": 4}")
                    .patch("/api/v1/early-warnings/" + warnings.get(i))
                    .then()
                    .statusCode(200);
        }

        // The phone's queue, in the order the officer made the changes.
        List<Change> queue = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = UUID.randomUUID().toString();
            created.add(id);
            Map<String, Object> body = new HashMap<>(IncidentResourceTest.incident("Laporan lapangan " + i, REGION));
            body.put("id", id);
            queue.add(new Change("POST", "/api/v1/incidents", json(body), 201));
        }
        for (int i = 0; i < 10; i++) {
            // the colleague changed the severity of 3 and 4: that one is the officer's to look at again
            queue.add(new Change(
                    "PATCH",
                    "/api/v1/incidents/" + incidents.get(i),
                    "{\"severity\": 5}",
                    i == 3 || i == 4 ? 412 : 200));
        }
        for (int i = 0; i < 10; i++) {
            queue.add(new Change(
                    "PATCH",
                    "/api/v1/incidents/" + created.get(i),
                    "{\"description\": \"Keterangan saksi ke-" + i + "\"}",
                    200));
        }
        for (int i = 0; i < 10; i++) {
            // a second field of the same incidents, made on the same version 0: the officer's own severity change
            // above touched another field, so it does not stand in the way
            queue.add(new Change(
                    "PATCH",
                    "/api/v1/incidents/" + incidents.get(i),
                    "{\"locationText\": \"Pasar Pembangunan, lapak " + i + "\"}",
                    200));
        }
        for (int i = 10; i < 15; i++) {
            // a whole replacement made on version 0 replaces every field: refused wherever anything changed since
            Map<String, Object> body = new HashMap<>(IncidentResourceTest.incident("Sengketa lahan " + i, REGION));
            body.put("sourceReference", "LP/B/" + i + "/XI/2024");
            queue.add(new Change("PUT", "/api/v1/incidents/" + incidents.get(i), json(body), i >= 13 ? 412 : 200));
        }
        for (int i = 0; i < 5; i++) {
            queue.add(new Change(
                    "PATCH", "/api/v1/early-warnings/" + warnings.get(i), "{\"likelihood\": 5}", i < 2 ? 412 : 200));
        }
        assertThat(queue).hasSize(50);

        long logBefore = Db.count("select count(*) from change_log");
        List<String> wrong = new ArrayList<>();
        int applied = 0;
        int refused = 0;
        for (Change change : queue) {
            RequestSpecification request = given().auth()
                    .oauth2(phoneToken)
                    .contentType(change.method().equals("PATCH") ? MergePatchTest.MERGE_PATCH : "application/json")
                    .body(change.body());
            if (change.method().equals("POST")) {
                // a phone sends every create with a key of its own, so that a retry never makes a second record
                request = request.header("Idempotency-Key", "sync-" + change.path() + "-" + queue.indexOf(change));
            } else {
                request = request.header("If-Match", "\"0\"");
            }
            var before = change.expected() == 412 ? withoutDeliveries(Db.snapshot()) : null;
            Response answer = request.request(change.method(), change.path());
            if (answer.statusCode() != change.expected()) {
                wrong.add(change.method() + " " + change.path() + " " + change.body() + " → " + answer.statusCode()
                        + " " + answer.asString());
                continue;
            }
            if (change.expected() == 412) {
                refused++;
                // the answer names the current version, which a read gives too; nothing was written
                String current = given().auth()
                        .oauth2(phoneToken)
                        .get(change.path())
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("version")
                        .toString();
                assertThat(answer.header("ETag")).as(change.path()).isEqualTo("\"" + current + "\"");
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(withoutDeliveries(Db.snapshot()))
                        .as("database after a refused change")
                        .isEqualTo(before);
            } else {
                applied++;
                assertThat(answer.header("ETag")).as(change.path()).isNotNull();
            }
        }
        assertThat(wrong).as("changes answered otherwise than expected").isEmpty();
        assertThat(applied).isEqualTo(44);
        assertThat(refused).isEqualTo(6);
        // every applied change is one entry of the change log, every refused one none
        assertThat(Db.count("select count(*) from change_log") - logBefore).isEqualTo(applied);

        // Nothing of the colleague's work was overwritten, and the officer's changes that were applied are there.
        for (int i = 0; i < 10; i++) {
            Map<String, Object> incident = read(phoneToken, "/api/v1/incidents/" + incidents.get(i));
            assertThat(incident.get("locationText")).isEqualTo("Pasar Pembangunan, lapak " + i);
            if (i < 3) {
                assertThat(incident.get("title")).isEqualTo("Sengketa lahan sawit " + i);
                assertThat(incident.get("severity")).isEqualTo(5);
            } else if (i < 5) {
                assertThat(incident.get("severity"))
                        .as("the colleague's severity")
                        .isEqualTo(2);
            } else {
                assertThat(incident.get("severity")).isEqualTo(5);
            }
        }
        for (int i = 10; i < 15; i++) {
            Map<String, Object> incident = read(phoneToken, "/api/v1/incidents/" + incidents.get(i));
            if (i < 13) {
                assertThat(incident.get("sourceReference")).isEqualTo("LP/B/" + i + "/XI/2024");
            } else {
                assertThat(incident.get("occurredFrom")).isEqualTo("2024-10-12T08:00:00Z");
                assertThat(incident.get("sourceReference")).isNull();
            }
        }
        for (int i = 0; i < 5; i++) {
            Map<String, Object> warning = read(phoneToken, "/api/v1/early-warnings/" + warnings.get(i));
            assertThat(warning.get("likelihood")).isEqualTo(i < 2 ? 4 : 5);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(read(phoneToken, "/api/v1/incidents/" + created.get(i)).get("description"))
                    .isEqualTo("Keterangan saksi ke-" + i);
        }
    }

    /** Webhook deliveries of other tests' subscriptions may be retried meanwhile: those tables are not ours. */
    private static Map<String, String> withoutDeliveries(Map<String, String> snapshot) {
        snapshot.remove("webhook_delivery");
        snapshot.remove("webhook_attempt");
        return snapshot;
    }

    private static Map<String, Object> read(String token, String path) {
        return given().auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
