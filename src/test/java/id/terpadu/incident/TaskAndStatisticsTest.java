package id.terpadu.incident;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.task.TaskEscalation;

@QuarkusTest
class TaskAndStatisticsTest {

    @Inject
    TaskEscalation escalation;

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    static String incident(String region, String title) {
        return coordinator("13")
                .body(IncidentResourceTest.incident(title, region))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void tasksMoveAlongTheirStatesAndOverdueOnesClimbOneLevelAtATime() {
        UUID agency = TestData.createAgency(TestData.unique("Satpol PP Kota Pariaman"), "OPD", "13.77");
        String province =
                Db.single("select coalesce(max(id::text), '') from team where region_code = '13' and year = 2026");
        if (province.isEmpty()) {
            TestData.ensureRegions();
            province = id.terpadu.support.Tokens.admin()
                    .body(Map.of("level", "PROVINSI", "regionCode", "13", "year", 2026))
                    .post("/api/v1/teams")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }
        String incidentId = incident("13.77", "Pengungsian warga");
        String overdue = coordinator("13")
                .body(Map.of(
                        "agencyId",
                        agency.toString(),
                        "description",
                        "Siapkan posko",
                        "dueAt",
                        Instant.now().minus(2, ChronoUnit.HOURS).toString()))
                .post("/api/v1/incidents/{id}/tasks", incidentId)
                .then()
                .statusCode(201)
                .body("state", equalTo("ALERTED"))
                .body("overdue", equalTo(true))
                .extract()
                .path("id");
        String later = coordinator("13")
                .body(Map.of(
                        "agencyId",
                        agency.toString(),
                        "description",
                        "Data pengungsi",
                        "dueAt",
                        Instant.now().plus(2, ChronoUnit.DAYS).toString()))
                .post("/api/v1/incidents/{id}/tasks", incidentId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        coordinator("13")
                .get("/api/v1/tasks?overdue=true&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(overdue))
                .body("items.id", not(hasItem(later)));

        assertThat(escalation.escalateOverdue()).isGreaterThanOrEqualTo(1);
        coordinator("13")
                .get("/api/v1/incidents/{i}/tasks/{t}", incidentId, overdue)
                .then()
                .statusCode(200)
                .body("escalatedAt", notNullValue())
                .body("escalatedToTeamId", equalTo(province));
        String version = coordinator("13")
                .get("/api/v1/incidents/{i}/tasks/{t}", incidentId, overdue)
                .then()
                .extract()
                .header("ETag");
        escalation.escalateOverdue();
        coordinator("13")
                .get("/api/v1/incidents/{i}/tasks/{t}", incidentId, overdue)
                .then()
                .header("ETag", version);
        assertThat(Db.single(
                        "select actor from change_log where entity_id = ?::uuid and operation = 'UPDATE'", overdue))
                .isEqualTo("system:task-escalation");
        coordinator("13")
                .get("/api/v1/incidents/{i}/tasks/{t}", incidentId, later)
                .then()
                .body("escalatedAt", nullValue())
                .body("escalations", org.hamcrest.Matchers.empty());

        // still overdue long after: it climbs to the national team, once; the national team is the top
        String national = TestData.team(
                        "NASIONAL", null, java.time.LocalDate.now().getYear(), null)
                .toString();
        Db.execute("update incident_task set escalated_at = escalated_at - interval '73 hours' where id = '" + overdue
                + "'");
        assertThat(escalation.escalateOverdue()).isGreaterThanOrEqualTo(1);
        coordinator("13")
                .get("/api/v1/incidents/{i}/tasks/{t}", incidentId, overdue)
                .then()
                .statusCode(200)
                .body("escalatedToTeamId", equalTo(national))
                .body("escalations.teamLevel", org.hamcrest.Matchers.contains("PROVINSI", "NASIONAL"))
                .body("escalations.teamId", org.hamcrest.Matchers.contains(province, national));
        assertThat(Db.count(
                        "select count(*) from change_log where entity_id = ?::uuid and operation = 'UPDATE'"
                                + " and actor = 'system:task-escalation'",
                        overdue))
                .isEqualTo(2);
        Db.execute("update incident_task set escalated_at = escalated_at - interval '300 hours' where id = '" + overdue
                + "'");
        String climbed = coordinator("13")
                .get("/api/v1/incidents/{i}/tasks/{t}", incidentId, overdue)
                .then()
                .extract()
                .header("ETag");
        escalation.escalateOverdue();
        coordinator("13")
                .get("/api/v1/incidents/{i}/tasks/{t}", incidentId, overdue)
                .then()
                .header("ETag", climbed)
                .body("escalations", org.hamcrest.Matchers.hasSize(2));

        // states: an officer of another agency may not move it; a wrong move is a 409; UNABLE needs a reason
        var before = Db.snapshot();
        as("officer.13", List.of("OFFICER"), List.of("13"))
                .body(Map.of("to", "ACKNOWLEDGED"))
                .post("/api/v1/incidents/{i}/tasks/{t}/transitions", incidentId, later)
                .then()
                .statusCode(403);
        coordinator("13")
                .body(Map.of("to", "DONE"))
                .post("/api/v1/incidents/{i}/tasks/{t}/transitions", incidentId, later)
                .then()
                .statusCode(409)
                .body("allowed", hasItem("ACKNOWLEDGED"));
        coordinator("13")
                .body(Map.of("to", "UNABLE"))
                .post("/api/v1/incidents/{i}/tasks/{t}/transitions", incidentId, later)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        coordinator("13")
                .body(Map.of(
                        "agencyId",
                        UUID.randomUUID().toString(),
                        "description",
                        "x",
                        "dueAt",
                        Instant.now().toString()))
                .post("/api/v1/incidents/{id}/tasks", incidentId)
                .then()
                .statusCode(400);
        coordinator("13").get("/api/v1/tasks?overdue=maybe").then().statusCode(400);
        Db.assertUnchanged(before);
        var own = as("satpol.13", List.of("OFFICER"), List.of("13"), agency);
        own.body(Map.of("to", "ACKNOWLEDGED"))
                .post("/api/v1/incidents/{i}/tasks/{t}/transitions", incidentId, later)
                .then()
                .statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED"));
        as("satpol.13", List.of("OFFICER"), List.of("13"), agency)
                .body(Map.of("to", "ACTIVE"))
                .post("/api/v1/incidents/{i}/tasks/{t}/transitions", incidentId, later)
                .then()
                .statusCode(200);
        as("satpol.13", List.of("OFFICER"), List.of("13"), agency)
                .body(Map.of("to", "DONE"))
                .post("/api/v1/incidents/{i}/tasks/{t}/transitions", incidentId, later)
                .then()
                .statusCode(200)
                .body("state", equalTo("DONE"));
    }

    /**
     * Closing an incident ends the handling its tasks were part of: the open ones are CANCELLED with the closing's
     * reason, each a change of its own by whoever closed it; a finished one stays as it was; none is escalated after.
     */
    @Test
    void aTaskAddedWhileItsIncidentIsClosedIsRefusedOrCancelledNeverLeftOpen() throws Exception {
        UUID agency = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String incidentId = incident("13.77", "Bentrok antarpemuda, ditutup sambil diberi tugas " + round);
                var start = new java.util.concurrent.CountDownLatch(1);
                var close = pool.submit(() -> {
                    start.await();
                    return coordinator("13")
                            .body(Map.of("to", "SELESAI", "reason", "Islah", "closingSummary", "Damai"))
                            .post("/api/v1/incidents/{id}/stage-transitions", incidentId)
                            .statusCode();
                });
                var add = pool.submit(() -> {
                    start.await();
                    return coordinator("13")
                            .body(Map.of(
                                    "agencyId",
                                    agency.toString(),
                                    "description",
                                    "Patroli di lokasi",
                                    "dueAt",
                                    Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                            .post("/api/v1/incidents/{id}/tasks", incidentId)
                            .statusCode();
                });
                start.countDown();
                assertThat(close.get()).isEqualTo(200);
                assertThat(add.get()).isIn(201, 409);
                assertThat(Db.count(
                                "select count(*) from incident_task where incident_id = ?::uuid"
                                        + " and state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE')",
                                incidentId))
                        .as(
                                "round %d: no open task on the closed incident (the task's answer was %d)",
                                round, add.get())
                        .isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openTasksOfAnIncidentClosedBeforeClosingCancelledThemAreCancelledByTheEscalationRun() {
        UUID agency = TestData.createAgency(TestData.unique("Satpol PP Kota Pariaman"), "OPD", "13.77");
        String incidentId = incident("13.77", "Bentrok lama, ditutup sebelum penutupan membatalkan tugas");
        String task = coordinator("13")
                .body(Map.of(
                        "agencyId",
                        agency.toString(),
                        "description",
                        "Patroli di lokasi",
                        "dueAt",
                        Instant.now().minus(3, ChronoUnit.DAYS).toString()))
                .post("/api/v1/incidents/{id}/tasks", incidentId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // what older data holds: an incident closed while its task stayed open
        Db.execute("update incident set stage = 'SELESAI' where id = '" + incidentId + "'");

        assertThat(escalation.cancelOpenOfClosedIncidents()).isGreaterThanOrEqualTo(1);
        coordinator("13")
                .get("/api/v1/incidents/{i}/tasks/{t}", incidentId, task)
                .then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body(
                        "cancelReason",
                        equalTo("Ditutup bersama insidennya (SELESAI); alasan penutupan tercatat pada insiden."))
                .body("overdue", equalTo(false))
                .body("escalations", org.hamcrest.Matchers.empty());
        assertThat(Db.single(
                        "select actor from change_log where entity_id = ?::uuid order by position desc limit 1", task))
                .as("a change of its own, by the system")
                .isEqualTo("system:incident-closed");
        long changes = Db.count("select count(*) from change_log where entity_id = ?::uuid", task);
        escalation.cancelOpenOfClosedIncidents();
        escalation.escalateOverdue();
        assertThat(Db.count("select count(*) from change_log where entity_id = ?::uuid", task))
                .as("cancelled once, never escalated")
                .isEqualTo(changes);
    }

    @Test
    void closingAnIncidentCancelsItsOpenTasks() {
        UUID agency = TestData.createAgency(TestData.unique("Dinas Sosial Kota Pariaman"), "OPD", "13.77");
        String incidentId = incident("13.77", "Bentrok antarpemuda, ditutup dengan tugas terbuka");
        java.util.function.Function<String, String> task = description -> coordinator("13")
                .body(Map.of(
                        "agencyId",
                        agency.toString(),
                        "description",
                        description,
                        "dueAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString()))
                .post("/api/v1/incidents/{id}/tasks", incidentId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String open = task.apply("Data korban luka");
        String active = task.apply("Trauma healing anak");
        String done = task.apply("Bantuan logistik");
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> own =
                () -> as("dinsos.13", List.of("OFFICER"), List.of("13.77"), agency);
        for (String to : List.of("ACKNOWLEDGED", "ACTIVE")) {
            own.get()
                    .body(Map.of("to", to))
                    .post("/api/v1/incidents/{i}/tasks/{t}/transitions", incidentId, active)
                    .then()
                    .statusCode(200);
        }
        for (String to : List.of("ACKNOWLEDGED", "ACTIVE", "DONE")) {
            own.get()
                    .body(Map.of("to", to))
                    .post("/api/v1/incidents/{i}/tasks/{t}/transitions", incidentId, done)
                    .then()
                    .statusCode(200);
        }
        coordinator("13")
                .body(Map.of("to", "SELESAI", "reason", "Islah kedua kelompok", "closingSummary", "Damai"))
                .post("/api/v1/incidents/{id}/stage-transitions", incidentId)
                .then()
                .statusCode(200);

        for (String cancelled : List.of(open, active)) {
            coordinator("13")
                    .get("/api/v1/incidents/{i}/tasks/{t}", incidentId, cancelled)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("CANCELLED"))
                    .body(
                            "cancelReason",
                            equalTo("Ditutup bersama insidennya (SELESAI); alasan penutupan tercatat pada insiden."))
                    .body("overdue", equalTo(false));
            assertThat(Db.single(
                            "select actor from change_log where entity_id = ?::uuid order by position desc limit 1",
                            cancelled))
                    .as("the cancellation is a change of its own, by who closed the incident")
                    .isEqualTo("coordinator.13");
            assertThat(Db.count(
                            "select count(*) from change_log where entity_id = ?::uuid and snapshot::text like ?",
                            cancelled,
                            "%Islah%"))
                    .as("the closing's reason stays with the incident, out of the task the agency reads")
                    .isZero();
        }
        coordinator("13")
                .get("/api/v1/incidents/{i}/tasks/{t}", incidentId, done)
                .then()
                .body("state", equalTo("DONE"))
                .body("cancelReason", nullValue());
        escalation.escalateOverdue();
        assertThat(Db.count(
                        "select count(*) from change_log c join incident_task t on t.id = c.entity_id"
                                + " where t.incident_id = ?::uuid and c.actor = 'system:task-escalation'",
                        incidentId))
                .as("no task of the closed incident climbs")
                .isZero();
    }

    @Test
    void statisticsCountWhatTheCallerMaySeeAndKeepUnknownsUnknown() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID binda = TestData.createAgency(TestData.unique("Binda Sumbar"), "BIN", "13");
        Map<String, Object> a = new HashMap<>(IncidentResourceTest.incident("Statistik A " + tag, "13.77"));
        a.put("impact", Map.of("killed", 1, "injured", 2));
        a.put("occurredFrom", "2024-11-28T02:00:00Z");
        Map<String, Object> b = new HashMap<>(IncidentResourceTest.incident("Statistik B " + tag, "13.77"));
        b.put("impact", Map.of("injured", 5));
        b.put("occurredFrom", "2024-11-29T02:00:00Z");
        Map<String, Object> c = new HashMap<>(IncidentResourceTest.incident("Statistik C " + tag, "13.71"));
        c.put("occurredFrom", "2024-12-01T02:00:00Z");
        Map<String, Object> secret = new HashMap<>(IncidentResourceTest.incident("Statistik D " + tag, "13.77"));
        secret.put("classification", "CONFIDENTIAL");
        secret.put("impact", Map.of("killed", 10));
        secret.put("occurredFrom", "2024-11-28T03:00:00Z");
        for (var body : List.of(a, b, c)) {
            coordinator("13").body(body).post("/api/v1/incidents").then().statusCode(201);
        }
        as("binda.13", List.of("OFFICER"), List.of("13"), binda)
                .body(secret)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);

        String q = "&q=" + tag;
        coordinator("13")
                .get("/api/v1/statistics/incidents?groupBy=kabkota,month" + q)
                .then()
                .statusCode(200)
                .body("groupBy", org.hamcrest.Matchers.contains("kabkota", "month"))
                .body("rows.size()", equalTo(2))
                .body("rows[0].key.kabkota", equalTo("13.71"))
                .body("rows[0].killed.sum", nullValue())
                .body("rows[0].killed.reported", equalTo(0))
                .body("rows[1].key.month", equalTo("2024-11"))
                .body("rows[1].incidents", equalTo(2))
                .body("rows[1].killed.sum", equalTo(1))
                .body("rows[1].killed.reported", equalTo(1))
                .body("rows[1].injured.sum", equalTo(7));
        as("binda.13", List.of("OFFICER"), List.of("13"), binda)
                .get("/api/v1/statistics/incidents?groupBy=kabkota" + q)
                .then()
                .statusCode(200)
                .body("rows.find { it.key.kabkota == '13.77' }.incidents", equalTo(3))
                .body("rows.find { it.key.kabkota == '13.77' }.killed.sum", equalTo(11));
        as("officer.33", List.of("OFFICER"), List.of("33"))
                .get("/api/v1/statistics/incidents?groupBy=province" + q)
                .then()
                .statusCode(200)
                .body("rows.size()", equalTo(0));
        coordinator("13")
                .get("/api/v1/statistics/incidents?" + q.substring(1))
                .then()
                .statusCode(200)
                .body("rows[0].incidents", equalTo(3));
        coordinator("13")
                .get("/api/v1/statistics/incidents?groupBy=weather")
                .then()
                .statusCode(400)
                .body("allowed", hasItem("month"));
    }
}
