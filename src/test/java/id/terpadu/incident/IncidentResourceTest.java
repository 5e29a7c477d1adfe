package id.terpadu.incident;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import id.terpadu.common.error.Message;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

@QuarkusTest
@Tag("external-db")
public class IncidentResourceTest {

    @Inject
    EntityManagerFactory emf;

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    static RequestSpecification officer(String... regions) {
        return as("officer." + String.join("-", regions), List.of("OFFICER"), List.of(regions));
    }

    public static Map<String, Object> incident(String title, String region) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("categoryCode", "SENGKETA_LAHAN");
        body.put("regionCode", region);
        body.put("occurredFrom", "2024-10-12T09:30:00Z");
        body.put("sourceKind", "LAPORAN_INSTANSI");
        body.put("severity", 3);
        body.put("classification", "RESTRICTED");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
        Map<String, Object> copy = new HashMap<>(body);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put((String) pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    public static String create(RequestSpecification as, Map<String, Object> body) {
        return as.body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void reportReadAndFollowAnIncidentThroughTheThreeStages() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        UUID dinsos = TestData.createAgency(TestData.unique("Dinas Sosial Kota Pariaman"), "OPD", "13.77");
        Map<String, Object> body = with(
                incident("Bentrokan antarwarga terkait sengketa lahan sawit", "13.77"),
                "description",
                "Dua kelompok warga bentrok; rumah dibakar dan tiga orang luka.",
                "point",
                Map.of("lat", -0.6263, "lon", 100.1205),
                "geoPrecision",
                1,
                "timePrecision",
                1,
                "parties",
                List.of(Map.of(
                        "type", "KELOMPOK_MASYARAKAT", "name", "Warga Kampung Baru", "role", "PIHAK_BERKONFLIK")),
                "impact",
                Map.of("killed", 0, "injured", 3, "buildingsDamaged", 2, "vulnerableGroups", List.of("ANAK")),
                "leadAgencyId",
                polres.toString());
        var created = officer("13")
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("stage", equalTo("PENCEGAHAN"))
                .body("impact.injured", equalTo(3))
                .body("impact.displaced", nullValue())
                .body("impact.vulnerableGroups", contains("ANAK"))
                .body("parties[0].role", equalTo("PIHAK_BERKONFLIK"))
                .body("point.lat", equalTo(-0.6263f))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/incidents/" + id);

        // prevention: a dialogue is fine, an evacuation is not yet
        coordinator("13")
                .body(activity("DIALOG", dinsos))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(201)
                .body("stage", equalTo("PENCEGAHAN"));
        var before = Db.snapshot();
        coordinator("13")
                .body(activity("TD_PENYELAMATAN_EVAKUASI", dinsos))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("PENGHENTIAN"))
                .body("allowed", hasItems("DIALOG", "MEDIASI", "PATROLI", "DETEKSI_DINI"))
                .body("allowed", not(hasItem("TD_PENYELAMATAN_EVAKUASI")));
        // prevention cannot jump to recovery
        coordinator("13")
                .body(Map.of("to", "PEMULIHAN", "reason", "x"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(409)
                .body("allowed", containsInAnyOrder("PENGHENTIAN", "SELESAI"));
        Db.assertUnchanged(before);

        coordinator("13")
                .body(Map.of("to", "PENGHENTIAN", "reason", "Bentrokan fisik pecah"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200)
                .body("stage", equalTo("PENGHENTIAN"))
                .header("ETag", "\"1\"");
        coordinator("13")
                .body(activity("TD_PENYELAMATAN_EVAKUASI", dinsos))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(201);
        coordinator("13")
                .body(activity("PENGHENTIAN_KEKERASAN_FISIK", polres))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(201);
        coordinator("13")
                .body(Map.of("to", "PEMULIHAN", "reason", "Kekerasan berhenti"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200);
        coordinator("13")
                .body(activity("PEMAAFAN", dinsos))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(201);
        coordinator("13")
                .body(Map.of("to", "PENGHENTIAN", "reason", "Bentrokan kembali pecah"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(Map.of("to", "PEMULIHAN", "reason", "stale"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(412);
        coordinator("13")
                .body(Map.of("to", "SELESAI", "reason", "Damai"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("closingSummary"));
        coordinator("13")
                .body(Map.of(
                        "to",
                        "SELESAI",
                        "reason",
                        "Perdamaian adat disepakati",
                        "closingSummary",
                        "Kedua kelompok berdamai melalui KAN"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200)
                .body("stage", equalTo("SELESAI"))
                .body("closingSummary", equalTo("Kedua kelompok berdamai melalui KAN"));
        coordinator("13")
                .body(Map.of("to", "PENGHENTIAN", "reason", "x"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(409)
                .body("allowed", nullValue())
                .body(
                        "detail",
                        equalTo(Message.of("incident.transition.closed", "from", "SELESAI", "to", "PENGHENTIAN")
                                .in("id")));

        officer("13")
                .get("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200)
                .body("items.to", contains("PENGHENTIAN", "PEMULIHAN", "PENGHENTIAN", "SELESAI"))
                .body("items[0].from", equalTo("PENCEGAHAN"))
                .body("items[0].actor", equalTo("coordinator.13"));
        officer("13")
                .get("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(200)
                .body("items", hasSize(4))
                .body("items.stage", contains("PENCEGAHAN", "PENGHENTIAN", "PENGHENTIAN", "PEMULIHAN"));
        officer("13")
                .get("/api/v1/incidents/{id}/activities?stage=PENGHENTIAN", id)
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
        officer("13")
                .get("/api/v1/incidents/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items.operation", contains("CREATE", "UPDATE", "UPDATE", "UPDATE", "UPDATE"))
                .body("items[4].snapshot.stage", equalTo("SELESAI"));
    }

    private static int minute;

    /**
     * An activity of now, a moment after the previous one (so their order is known): it falls in the stage the
     * incident is in when it is sent.
     */
    public static Map<String, Object> activity(String type, UUID agency) {
        minute++;
        return activityAt(type, agency, java.time.Instant.now().plusMillis(minute));
    }

    /** Moves incident {@code id} to another stage as the Sumatera Barat coordinator; the answer, to check. */
    private static io.restassured.response.ValidatableResponse moveStage(String id, Map<String, Object> transition) {
        return coordinator("13")
                .body(transition)
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then();
    }

    /** A move to PENGHENTIAN that happened at {@code at} (its text, as a client sends it). */
    private static Map<String, Object> termination(Object at) {
        return Map.of("to", "PENGHENTIAN", "reason", "Bentrokan fisik pecah", "transitionedAt", at.toString());
    }

    /** A move to PEMULIHAN that happened at {@code at}. */
    private static Map<String, Object> recovery(java.time.Instant at) {
        return Map.of("to", "PEMULIHAN", "reason", "Kekerasan berhenti", "transitionedAt", at.toString());
    }

    /** Records an activity of incident {@code id} as the Sumatera Barat coordinator; the answer, to check. */
    private static io.restassured.response.ValidatableResponse recordActivity(String id, Map<String, Object> activity) {
        return coordinator("13")
                .body(activity)
                .post("/api/v1/incidents/{id}/activities", id)
                .then();
    }

    static Map<String, Object> activityAt(String type, UUID agency, java.time.Instant at) {
        return Map.of(
                "activityType",
                type,
                "agencyId",
                agency.toString(),
                "occurredAt",
                at.toString(),
                "description",
                "Kegiatan " + type);
    }

    /**
     * An activity is judged by the stage the incident was in when it happened (its occurredAt, read from the stage
     * history), not by the stage at sync time: a field report of prevention made offline and synced after the
     * incident moved to termination is accepted as a prevention activity; one that fits the stage of neither its time
     * nor the present is refused naming the types of its own time; before the incident was reported the first stage
     * applies; after the close nothing fits.
     */
    @Test
    void anIncidentRecordedBeforeTheTimeBoundsKeepsItsTimeThroughAnEditOfItsOtherFields() {
        String id = create(coordinator("13"), incident("Sengketa tapal batas, dicatat dari arsip lama", "13.77"));
        // a record kept from before the earliest time a request may set (as migrated archives are)
        Db.execute("update incident set occurred_from = '1998-05-01T00:00:00Z' where id = '" + id + "'");
        coordinator("13")
                .header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("severity", 4))
                .patch("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(200)
                .body("severity", equalTo(4))
                .body("occurredFrom", equalTo("1998-05-01T00:00:00Z"));
        var before = Db.snapshot();
        // but a request that sets such a time is refused, as on a create
        coordinator("13")
                .header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("occurredFrom", "1998-04-30T00:00:00Z"))
                .patch("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredFrom"));
        Db.assertUnchanged(before);
    }

    @Test
    void anActivitySyncedLateIsJudgedByTheStageAtItsTime() {
        UUID dinsos = TestData.createAgency(TestData.unique("Dinas Sosial Kota Pariaman"), "OPD", "13.77");
        String id = create(officer("13"), incident("Sengketa lahan, laporan luring", "13.77"));
        java.time.Instant offline = java.time.Instant.now().minusSeconds(3600);
        coordinator("13")
                .body(Map.of("to", "PENGHENTIAN", "reason", "Bentrokan fisik pecah"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200);
        java.time.Instant violence = java.time.Instant.parse(officer("13")
                .get("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .extract()
                .<String>path("items[0].transitionedAt"));

        // made offline an hour ago, in pencegahan: accepted as a pencegahan activity
        coordinator("13")
                .body(activityAt("DIALOG", dinsos, offline))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(201)
                .body("stage", equalTo("PENCEGAHAN"));
        // before the incident was reported: its first stage
        coordinator("13")
                .body(activityAt("PATROLI", dinsos, java.time.Instant.parse("2020-01-01T00:00:00Z")))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(201)
                .body("stage", equalTo("PENCEGAHAN"));
        var before = Db.snapshot();
        // an evacuation an hour ago fits neither pencegahan (its time) ...
        coordinator("13")
                .body(activityAt("TD_PENYELAMATAN_EVAKUASI", dinsos, offline))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(Message.of(
                                        "incident.activity.stage.allowed",
                                        "type",
                                        "TD_PENYELAMATAN_EVAKUASI",
                                        "typeStage",
                                        "PENGHENTIAN",
                                        "stage",
                                        "PENCEGAHAN")
                                .in("id")))
                .body("allowed", hasItems("DIALOG", "MEDIASI", "PATROLI", "DETEKSI_DINI"))
                .body("allowed", not(hasItem("TD_PENYELAMATAN_EVAKUASI")));
        // ... and a dialogue now fits not the present penghentian: the types of now are named
        coordinator("13")
                .body(activityAt("PEMAAFAN", dinsos, violence.plusNanos(1000)))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(409)
                .body("allowed", hasItems("TD_PENYELAMATAN_EVAKUASI", "PENGHENTIAN_KEKERASAN_FISIK"))
                .body("allowed", not(hasItem("DIALOG")));
        Db.assertUnchanged(before);
        coordinator("13")
                .body(activityAt("TD_PENYELAMATAN_EVAKUASI", dinsos, violence.plusNanos(1000)))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(201)
                .body("stage", equalTo("PENGHENTIAN"));

        // closed: an evacuation of the penghentian days still syncs, nothing dated after the close does
        coordinator("13")
                .body(Map.of("to", "SELESAI", "reason", "Damai", "closingSummary", "Kedua kelompok berdamai"))
                .post("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200);
        coordinator("13")
                .body(activityAt("PENGHENTIAN_KEKERASAN_FISIK", dinsos, violence.plusNanos(2000)))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(201)
                .body("stage", equalTo("PENGHENTIAN"));
        before = Db.snapshot();
        coordinator("13")
                .body(activityAt("PEMAAFAN", dinsos, java.time.Instant.now().plusSeconds(1)))
                .post("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(409)
                .body("allowed", nullValue())
                .body("detail", containsString("SELESAI"));
        Db.assertUnchanged(before);
        officer("13")
                .get("/api/v1/incidents/{id}/activities", id)
                .then()
                .statusCode(200)
                .body("items.stage", contains("PENCEGAHAN", "PENCEGAHAN", "PENGHENTIAN", "PENGHENTIAN"));
    }

    /**
     * A move recorded late keeps when it happened: the officer who was offline when violence broke out records the
     * move to PENGHENTIAN hours later with its time, and the evacuation of that afternoon then fits. The time is
     * refused in the future, before the last move and before an activity of the stage the move leaves (each writing
     * nothing); a clock a little ahead counts as now; the history shows when each move took effect and was recorded.
     */
    @Test
    void aStageTransitionRecordedLateTakesEffectAtItsTime() {
        UUID dinsos = TestData.createAgency(TestData.unique("Dinas Sosial Kota Pariaman"), "OPD", "13.77");
        String id = create(officer("13"), incident("Bentrokan antarkelompok, laporan luring", "13.77"));
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        java.time.Instant dialogue = now.minusSeconds(5 * 3600);
        java.time.Instant violence = now.minusSeconds(4 * 3600);
        java.time.Instant evacuation = now.minusSeconds(3 * 3600);
        recordActivity(id, activityAt("DIALOG", dinsos, dialogue))
                .statusCode(201)
                .body("stage", equalTo("PENCEGAHAN"));
        // without the move's time, the evacuation three hours ago is judged in pencegahan
        recordActivity(id, activityAt("TD_PENYELAMATAN_EVAKUASI", dinsos, evacuation))
                .statusCode(409);

        var before = Db.snapshot();
        // not in the future
        moveStage(id, termination(now.plusSeconds(3600).toString()))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("transitionedAt"))
                .body("errors[0].code", equalTo("incident.transitioned-at.future"));
        // not before the dialogue, an activity of the stage it leaves: the latest such activity is named
        String tooEarly = dialogue.minusSeconds(60).toString();
        moveStage(id, termination(tooEarly))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(tooEarly))
                .body("detail", containsString(dialogue.toString()));
        // not before the incident began: the stage it started in held until then
        moveStage(id, termination("2000-01-01T00:00:00Z"))
                .statusCode(400)
                .body("errors[0].field", equalTo("transitionedAt"))
                .body("errors[0].code", equalTo("incident.transitioned-at.before-occurred"));
        // an activity is recorded once done: one dated tomorrow would be judged by a stage not come yet
        recordActivity(id, activityAt("DIALOG", dinsos, now.plusSeconds(24 * 3600)))
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].code", equalTo("incident.activity.occurred-at.future"));
        // a time the JSON cannot hold
        moveStage(id, termination("kemarin sore")).statusCode(400).body("errors[0].field", equalTo("transitionedAt"));
        Db.assertUnchanged(before);

        moveStage(id, termination(violence.toString())).statusCode(200).body("stage", equalTo("PENGHENTIAN"));
        recordActivity(id, activityAt("TD_PENYELAMATAN_EVAKUASI", dinsos, evacuation))
                .statusCode(201)
                .body("stage", equalTo("PENGHENTIAN"));
        // the dialogue before the violence still belongs to pencegahan, and an activity of it is still accepted there
        recordActivity(id, activityAt("MEDIASI", dinsos, violence.minusSeconds(600)))
                .statusCode(201)
                .body("stage", equalTo("PENCEGAHAN"));

        before = Db.snapshot();
        // the next move cannot be placed before this one: the history stays in order
        moveStage(id, recovery(violence.minusSeconds(60)))
                .statusCode(409)
                .body("detail", containsString(violence.toString()));
        Db.assertUnchanged(before);
        // a phone's clock two minutes ahead counts as now
        moveStage(id, recovery(java.time.Instant.now().plusSeconds(120))).statusCode(200);
        // so does an activity's: kept as done now, it never stands in the way of a move made right after it
        java.time.Instant talks = java.time.Instant.parse(recordActivity(
                        id,
                        activityAt(
                                "PERUNDINGAN", dinsos, java.time.Instant.now().plusSeconds(120)))
                .statusCode(201)
                .body("stage", equalTo("PEMULIHAN"))
                .extract()
                .<String>path("occurredAt"));
        assertThat(talks).isBefore(java.time.Instant.now().plusSeconds(1));
        moveStage(id, Map.of("to", "SELESAI", "reason", "Damai", "closingSummary", "Kesepakatan damai"))
                .statusCode(200);

        var history = officer("13")
                .get("/api/v1/incidents/{id}/stage-transitions", id)
                .then()
                .statusCode(200)
                .body("items.to", contains("PENGHENTIAN", "PEMULIHAN", "SELESAI"))
                .extract()
                .jsonPath();
        java.time.Instant late = java.time.Instant.parse(history.getString("items[0].transitionedAt"));
        java.time.Instant recorded = java.time.Instant.parse(history.getString("items[0].recordedAt"));
        assertThat(late).isEqualTo(violence);
        assertThat(recorded).isAfter(now.minusSeconds(60));
        java.time.Instant ahead = java.time.Instant.parse(history.getString("items[1].transitionedAt"));
        assertThat(ahead)
                .as("a time ahead of the clock is recorded as the time of recording")
                .isEqualTo(java.time.Instant.parse(history.getString("items[1].recordedAt")))
                .isBefore(java.time.Instant.now().plusSeconds(1));
    }

    /**
     * An activity is judged by the stage history only while no stage move of its incident is being placed: a move
     * holds the incident's row until it commits, and an activity synced meanwhile waits for it, then is judged by the
     * history with the move in it. Without that, a move placed back in time and an activity of the hours it covers
     * could both commit, the activity in a stage it does not belong to.
     */
    @Test
    void anActivityWaitsForAStageMoveBeingPlaced() throws Exception {
        UUID dinsos = TestData.createAgency(TestData.unique("Dinas Sosial Kota Pariaman"), "OPD", "13.77");
        String id = create(officer("13"), incident("Bentrokan, sinkronisasi bersamaan", "13.77"));
        java.time.Instant oneHourAgo = java.time.Instant.now().minusSeconds(3600);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection move = io.quarkus.arc.Arc.container()
                .instance(javax.sql.DataSource.class)
                .get()
                .getConnection()) {
            move.setAutoCommit(false);
            // a move to PENGHENTIAN two hours ago being placed, as the service's own transaction does it
            try (var lock = move.prepareStatement("select 1 from incident where id = ?::uuid for update")) {
                lock.setString(1, id);
                lock.executeQuery();
            }
            var synced = pool.submit(() -> recordActivity(id, activityAt("DIALOG", dinsos, oneHourAgo))
                    .extract()
                    .statusCode());
            Thread.sleep(1500);
            assertThat(synced.isDone()).as("the activity waits for the move").isFalse();
            try (var insert = move.prepareStatement("""
                    insert into incident_stage_transition
                        (id, incident_id, from_stage, to_stage, reason, transitioned_at, recorded_at, actor)
                    values (gen_random_uuid(), ?::uuid, 'PENCEGAHAN', 'PENGHENTIAN', 'Bentrokan', now() - interval '2 hours',
                            now(), 'test')""");
                    var stage = move.prepareStatement("update incident set stage = 'PENGHENTIAN' where id = ?::uuid")) {
                insert.setString(1, id);
                insert.executeUpdate();
                stage.setString(1, id);
                stage.executeUpdate();
            }
            move.commit();
            // judged with the move in the history: a dialogue an hour ago lies in penghentian, where it does not fit
            assertThat(synced.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.count("select count(*) from incident_activity where incident_id = ?::uuid", id))
                .isZero();
    }

    @Test
    void everyRuleRefusesWithAProblemAndWritesNothing() {
        Map<String, Object> ok = incident("Sengketa batas desa", "13.77");
        var before = Db.snapshot();
        expect400(with(ok, "point", Map.of("lat", 35.68, "lon", 139.69)), "point.lat");
        expect400(with(ok, "point", Map.of("lat", -0.6, "lon", 150.0)), "point.lon");
        expect400(with(ok, "point", Map.of("lat", -0.6)), "point.lon");
        expect400(with(ok, "impact", Map.of("killed", -1)), "impact.killed");
        expect400(with(ok, "categoryCode", "PERANG"), "categoryCode");
        expect400(with(ok, "regionCode", "13"), "regionCode");
        expect400(with(ok, "regionCode", "13.99"), "regionCode");
        expect400(with(ok, "severity", 6), "severity");
        expect400(with(ok, "severity", 0), "severity");
        expect400(with(ok, "occurredTo", "2024-10-01T00:00:00Z"), "occurredTo");
        expect400(with(ok, "occurredFrom", "2999-01-01T00:00:00Z"), "occurredFrom");
        expect400(with(ok, "occurredFrom", "yesterday"), "occurredFrom");
        // a phone sending its local time (WIB) marked Z, seven hours ahead; a clock reset to 1970
        expect400(
                with(
                        ok,
                        "occurredFrom",
                        java.time.Instant.now()
                                .plus(java.time.Duration.ofHours(7))
                                .toString()),
                "occurredFrom");
        expect400(
                with(
                        ok,
                        "occurredFrom",
                        java.time.Instant.now()
                                .plus(java.time.Duration.ofMinutes(6))
                                .toString()),
                "occurredFrom");
        expect400(with(ok, "occurredFrom", "1970-01-01T00:00:00Z"), "occurredFrom");
        expect400(with(ok, "occurredFrom", "0001-01-01T00:00:00Z"), "occurredFrom");
        expect400(with(ok, "stage", "SELESAI"), "stage");
        expect400(with(ok, "classification", "SECRET"), "classification");
        expect400(with(ok, "leadAgencyId", UUID.randomUUID().toString()), "leadAgencyId");
        expect400(with(ok, "duplicateOf", UUID.randomUUID().toString()), "duplicateOf");
        expect400(
                with(ok, "parties", List.of(Map.of("type", "PERORANGAN", "name", "", "role", "KORBAN"))),
                "parties[0].name");
        expect400(with(ok, "impact", Map.of("vulnerableGroups", List.of("REMAJA"))), "impact.vulnerableGroups[0]");
        // outside the caller's scope; above its clearance
        officer("33").body(ok).post("/api/v1/incidents").then().statusCode(403);
        officer("13")
                .body(with(ok, "classification", "CONFIDENTIAL"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(403)
                .body("detail", containsString("CONFIDENTIAL"));
        as("analyst.13", List.of("ANALYST"), List.of("13"))
                .body(ok)
                .post("/api/v1/incidents")
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
        // a phone's clock two minutes ahead: kept as begun now, not as an event still to come
        java.time.Instant sent = java.time.Instant.now().plus(java.time.Duration.ofMinutes(2));
        String kept = officer("13")
                .body(with(ok, "occurredFrom", sent.toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("occurredFrom");
        org.assertj.core.api.Assertions.assertThat(java.time.Instant.parse(kept))
                .isBefore(sent)
                .isAfter(sent.minus(java.time.Duration.ofMinutes(3)));
    }

    private static void expect400(Map<String, Object> body, String field) {
        officer("13")
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void officersSeeOnlyTheirRegions() {
        String pariaman = create(
                officer("13"),
                with(incident("Konflik di Pariaman", "13.77"), "point", Map.of("lat", -0.62, "lon", 100.12)));
        String wonosobo = create(
                officer("33"),
                with(incident("Konflik di Wonosobo", "33.07"), "point", Map.of("lat", -7.36, "lon", 109.90)));
        officer("33.07").get("/api/v1/incidents/{id}", pariaman).then().statusCode(404);
        officer("33.07")
                .get("/api/v1/incidents/{id}/activities", pariaman)
                .then()
                .statusCode(404);
        officer("33.07")
                .get("/api/v1/incidents?limit=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(wonosobo))
                .body("items.id", not(hasItem(pariaman)));
        officer("33.07")
                .accept("application/geo+json")
                .get("/api/v1/incidents?limit=200")
                .then()
                .statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features.id", hasItem(wonosobo))
                .body("features.id", not(hasItem(pariaman)))
                .body("features.find { it.id == '" + wonosobo + "' }.geometry.coordinates", contains(109.9f, -7.36f));
        // neither JSON nor GeoJSON: a 406 problem, as on every other operation (not JSON regardless)
        for (String accept : List.of("text/csv", "application/xml")) {
            officer("33.07")
                    .accept(accept)
                    .get("/api/v1/incidents")
                    .then()
                    .statusCode(406)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:terpadu:problem:not-acceptable"));
        }
        officer("33.07")
                .accept("text/csv, application/json;q=0.5")
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .contentType("application/json");
        var before = Db.snapshot();
        officer("33.07")
                .header("If-Match", "\"0\"")
                .body(incident("x", "13.77"))
                .put("/api/v1/incidents/{id}", pariaman)
                .then()
                .statusCode(404);
        officer("33.07")
                .body(Map.of("to", "PENGHENTIAN", "reason", "x"))
                .post("/api/v1/incidents/{id}/stage-transitions", pariaman)
                .then()
                .statusCode(403);
        coordinator("33")
                .body(Map.of("to", "PENGHENTIAN", "reason", "x"))
                .post("/api/v1/incidents/{id}/stage-transitions", pariaman)
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);
    }

    @Test
    void confidentialReportsReachOnlyClearedAgencies() {
        UUID binda = TestData.createAgency(TestData.unique("Binda Sumatera Barat"), "BIN", "13");
        UUID kesbangpol = TestData.createAgency(TestData.unique("Kesbangpol Sumatera Barat"), "KESBANGPOL", "13");
        java.util.function.Supplier<RequestSpecification> binOfficer =
                () -> as("binda.13", List.of("OFFICER"), List.of("13"), binda);
        String secret = create(
                binOfficer.get(),
                with(
                        incident("Laporan intelijen: mobilisasi massa", "13.71"),
                        "classification",
                        "CONFIDENTIAL",
                        "sourceKind",
                        "INTELIJEN"));
        String open = create(binOfficer.get(), with(incident("Unjuk rasa damai", "13.71"), "classification", "PUBLIC"));
        binOfficer.get().get("/api/v1/incidents/{id}", secret).then().statusCode(200);
        binOfficer
                .get()
                .get("/api/v1/incidents?region=13.71&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItems(open, secret));
        java.util.function.Supplier<RequestSpecification> kesbang =
                () -> as("kesbangpol.13", List.of("COORDINATOR"), List.of("13"), kesbangpol);
        kesbang.get().get("/api/v1/incidents/{id}", secret).then().statusCode(404);
        kesbang.get()
                .get("/api/v1/incidents?region=13.71&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(open))
                .body("items.id", not(hasItem(secret)));
        kesbang.get()
                .accept("application/geo+json")
                .get("/api/v1/incidents?region=13.71&limit=200")
                .then()
                .statusCode(200)
                .body("features.id", not(hasItem(secret)));
        admin().get("/api/v1/incidents/{id}", secret).then().statusCode(404);
        var integration = as("dashboard.sumbar", List.of("INTEGRATION"), List.of("13"));
        integration
                .get("/api/v1/incidents?region=13.71&limit=200")
                .then()
                .statusCode(200)
                .body("items.classification", everyPublic());
        kesbang.get()
                .get("/api/v1/incidents?classification=CONFIDENTIAL")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyPublic() {
        return org.hamcrest.Matchers.everyItem(equalTo("PUBLIC"));
    }

    @Test
    void offlineRetriesCreateOneIncidentAndStaleEditsLoseNothing() {
        UUID id = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = with(incident("Pembakaran pos ronda", "13.77"), "id", id.toString());
        List<String> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            answers.add(officer("13")
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .body()
                    .asString());
        }
        assertThat(answers).allMatch(a -> a.equals(answers.get(0)));
        assertThat(Db.count("select count(*) from incident where id = ?::uuid", id.toString()))
                .isEqualTo(1);

        officer("13")
                .header("If-Match", "\"0\"")
                .body(with(body, "severity", 4))
                .put("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        var before = Db.snapshot();
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(with(body, "title", "Judul lain"))
                .put("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(412);
        Db.assertUnchanged(before);
        officer("13")
                .get("/api/v1/incidents/{id}", id)
                .then()
                .body("severity", equalTo(4))
                .body("title", equalTo("Pembakaran pos ronda"));
        // the stage is not edited through PUT
        officer("13")
                .header("If-Match", "\"1\"")
                .body(with(body, "stage", "PENGHENTIAN"))
                .put("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(409)
                .body("allowed", hasItem("PENGHENTIAN"));
        Db.assertUnchanged(before);
    }

    @Test
    void duplicatesAreKeptAndLinked() {
        String original = create(officer("13"), incident("Bentrok suporter di Padang", "13.71"));
        String copy =
                create(officer("13"), with(incident("Bentrok suporter sepak bola", "13.71"), "duplicateOf", original));
        officer("13").get("/api/v1/incidents/{id}", copy).then().body("duplicateOf", equalTo(original));
        officer("13")
                .get("/api/v1/incidents/{id}/links", original)
                .then()
                .statusCode(200)
                .body("duplicates", contains(copy))
                .body("duplicateOf", nullValue())
                .body("earlyWarnings", empty());
        officer("33").get("/api/v1/incidents/{id}/links", original).then().statusCode(404);
        var before = Db.snapshot();
        officer("13")
                .body(with(incident("Laporan ketiga", "13.71"), "duplicateOf", copy))
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("duplicateOf"));
        admin().header("If-Match", "\"0\"")
                .delete("/api/v1/incidents/{id}", original)
                .then()
                .statusCode(409);
        Db.assertUnchanged(before);
    }

    @Test
    void filtersCombine() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String pilkada = create(
                officer("13"),
                with(
                        incident("Sengketa hasil pilkada " + tag, "13.77"),
                        "categoryCode",
                        "POLITIK_PILKADA",
                        "severity",
                        4,
                        "occurredFrom",
                        "2024-11-28T02:00:00Z",
                        "point",
                        Map.of("lat", -0.62, "lon", 100.12),
                        "description",
                        "Massa membakar ban di depan kantor KPU"));
        String land = create(
                officer("13"),
                with(
                        incident("Sengketa lahan " + tag, "13.77"),
                        "severity",
                        2,
                        "occurredFrom",
                        "2023-03-01T02:00:00Z"));
        String q = "&q=" + tag;
        officer("13")
                .get("/api/v1/incidents?category=POLITIK" + q)
                .then()
                .statusCode(200)
                .body("items.id", contains(pilkada));
        officer("13")
                .get("/api/v1/incidents?severityMin=3&severityMax=5" + q)
                .then()
                .body("items.id", contains(pilkada));
        officer("13")
                .get("/api/v1/incidents?from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z" + q)
                .then()
                .body("items.id", contains(pilkada));
        officer("13")
                .get("/api/v1/incidents?bbox=100.0,-0.7,100.2,-0.5" + q)
                .then()
                .body("items.id", contains(pilkada));
        officer("13")
                .get("/api/v1/incidents?stage=PENCEGAHAN&region=13.77" + q)
                .then()
                .body("items.id", containsInAnyOrder(pilkada, land));
        // Indonesian stemming: "pembakaran" finds "membakar"
        officer("13")
                .get("/api/v1/incidents?q=pembakaran " + tag)
                .then()
                .statusCode(200)
                .body("items.id", contains(pilkada));
        officer("13").get("/api/v1/incidents?sort=updatedAt" + q).then().body("items.id", contains(land, pilkada));
        var before = Db.snapshot();
        officer("13")
                .get("/api/v1/incidents?category=PERANG")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("category"));
        officer("13")
                .get("/api/v1/incidents?severityMin=5&severityMax=2")
                .then()
                .statusCode(400);
        officer("13").get("/api/v1/incidents?severityMin=9").then().statusCode(400);
        officer("13")
                .get("/api/v1/incidents?bbox=1,2,3")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("bbox"));
        officer("13")
                .get("/api/v1/incidents?from=kemarin")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        officer("13").get("/api/v1/incidents?sort=title").then().statusCode(400).body("allowed", hasItem("updatedAt"));
        officer("13").get("/api/v1/incidents?stage=DONE").then().statusCode(400);
        Db.assertUnchanged(before);
    }

    @Test
    void readsByIdAndByListShowTheViewTheWriteReturned() {
        String tag = TestData.unique("Pandangan");
        Map<String, Object> body = with(
                incident(tag + " bentrokan", "13.77"),
                "description",
                "Rumah warga dibakar",
                "point",
                Map.of("lat", -0.5, "lon", 100.0),
                "locationText",
                "Simpang Kampung Baru",
                "geoPrecision",
                2,
                "timePrecision",
                1,
                "occurredTo",
                "2024-10-12T11:00:00.123456Z",
                "sourceReference",
                "LP/B/1",
                "parties",
                List.of(
                        Map.of("type", "KELOMPOK_MASYARAKAT", "name", "Warga Kampung Baru", "role", "PELAKU"),
                        Map.of("type", "PERUSAHAAN", "name", "PT Contoh", "role", "KORBAN")),
                "impact",
                Map.of("killed", 0, "injured", 3, "displaced", 40, "vulnerableGroups", List.of("LANSIA", "ANAK")));
        Map<String, Object> created = officer("13")
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
        Map<String, Object> read = officer("13")
                .get("/api/v1/incidents/" + created.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        List<Map<String, Object>> listed = officer("13")
                .get("/api/v1/incidents?q=" + tag)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertThat(read).isEqualTo(created);
        assertThat(listed).containsExactly(created);
        Map<String, Object> minimal = officer("13")
                .body(incident(tag + " kosong", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(officer("13")
                        .get("/api/v1/incidents/" + minimal.get("id"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap(""))
                .isEqualTo(minimal);
    }

    @Test
    void aListPageCostsAtMostThreeStatements() {
        for (int i = 0; i < 12; i++) {
            create(officer("13"), incident("Insiden statistik " + i, "13.71"));
        }
        var stats = emf.unwrap(SessionFactory.class).getStatistics();
        for (String query : List.of(
                "/api/v1/incidents?limit=5",
                "/api/v1/incidents?limit=200&category=SENGKETA_SDA",
                "/api/v1/incidents?limit=200&region=13&q=insiden")) {
            officer("13").get(query).then().statusCode(200);
            // The count is the whole service's: a background job (the statistics compaction runs every second) may
            // prepare a statement during a request, so the fewest of three requests is the page's own cost.
            long fewest = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                long before = stats.getPrepareStatementCount();
                officer("13").get(query).then().statusCode(200);
                fewest = Math.min(fewest, stats.getPrepareStatementCount() - before);
            }
            assertThat(fewest).as(query).isLessThanOrEqualTo(3);
        }
    }
}
