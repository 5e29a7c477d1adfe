package id.terpadu.task;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * Deteksi dini asks agencies to act before violence: tasks on early warnings, seen by whoever may read the warning,
 * refused once the warning grew into an incident, and climbing like an incident's when overdue.
 */
@QuarkusTest
class WarningTaskTest {

    @Inject
    TaskEscalation escalation;

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    static String warning(String region, String classification) {
        Map<String, Object> body = new HashMap<>(EarlyWarningResourceTest.warning(region, 4, 3));
        body.put("classification", classification);
        return coordinator(region.substring(0, 2))
                .body(body)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Map<String, Object> task(UUID agency, Instant due) {
        return Map.of(
                "agencyId", agency.toString(), "description", "Patroli dialogis di posko", "dueAt", due.toString());
    }

    @Test
    void anAgencyIsAskedToActOnAWarningAndMovesItsTask() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        String warning = warning("13.77", "RESTRICTED");
        String task = coordinator("13")
                .body(task(polres, Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/early-warnings/{id}/tasks", warning)
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        org.hamcrest.Matchers.containsString("/api/v1/early-warnings/" + warning + "/tasks/"))
                .body("warningId", equalTo(warning))
                .body("incidentId", nullValue())
                .body("state", equalTo("ALERTED"))
                .extract()
                .path("id");
        coordinator("13")
                .get("/api/v1/early-warnings/{id}/tasks", warning)
                .then()
                .statusCode(200)
                .body("items.id", contains(task));
        coordinator("13")
                .get("/api/v1/tasks?agencyId=" + polres)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(task));
        // the agency's own officer moves it, with the version it read
        as("officer.polres", List.of("OFFICER"), List.of("13.77"), polres)
                .header("If-Match", "\"0\"")
                .body(Map.of("to", "ACKNOWLEDGED"))
                .post("/api/v1/early-warnings/{id}/tasks/{t}/transitions", warning, task)
                .then()
                .statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED"));
        assertThat(Db.single(
                        "select classification from change_log where entity_type = 'incident-task' and entity_id = ?::uuid"
                                + " order by position desc limit 1",
                        task))
                .as("a task's change is classified as its warning")
                .isEqualTo("RESTRICTED");

        // an incident's path does not lead to a warning's task, nor a warning's to another warning's
        String other = warning("13.77", "RESTRICTED");
        coordinator("13")
                .get("/api/v1/early-warnings/{id}/tasks/{t}", other, task)
                .then()
                .statusCode(404);
    }

    /**
     * A province's warning asks a kota's Polres to act: its officers (their scope the kota) may not read the warning,
     * but read and move the task given to their agency, and find it on their dashboard. An officer of the same Polres
     * lent to another province, and another agency's officer of the kota, do not; the agency may not withdraw it.
     */
    @Test
    void theAgencyATaskIsGivenToReadsAndMovesItWhereverItsWarningLies() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        UUID satpol = TestData.createAgency(TestData.unique("Satpol PP Kota Pariaman"), "OPD", "13.77");
        String provincial = warning("13", "RESTRICTED");
        String task = coordinator("13")
                .body(task(polres, Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/early-warnings/{id}/tasks", provincial)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> officer =
                () -> as("polres.pariaman", List.of("OFFICER"), List.of("13.77"), polres);
        officer.get().get("/api/v1/early-warnings/{id}", provincial).then().statusCode(404);
        officer.get()
                .get("/api/v1/early-warnings/{id}/tasks/{t}", provincial, task)
                .then()
                .statusCode(200)
                .body("agencyId", equalTo(polres.toString()))
                .body("state", equalTo("ALERTED"));
        // the lists ask for the Polres's tasks alone, this test's: a page that holds the task if it is shown
        officer.get()
                .get("/api/v1/tasks?limit=200&agencyId=" + polres)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(task));

        var before = Db.snapshot();
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> lent =
                () -> as("polres.pariaman.bko", List.of("OFFICER"), List.of("64"), polres);
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> other =
                () -> as("satpol.pariaman", List.of("OFFICER"), List.of("13.77"), satpol);
        for (var outsider : List.of(lent, other)) {
            outsider.get()
                    .get("/api/v1/early-warnings/{id}/tasks/{t}", provincial, task)
                    .then()
                    .statusCode(404);
            outsider.get()
                    .body(Map.of("to", "ACKNOWLEDGED"))
                    .post("/api/v1/early-warnings/{id}/tasks/{t}/transitions", provincial, task)
                    .then()
                    .statusCode(404);
            outsider.get()
                    .get("/api/v1/tasks?limit=200&agencyId=" + polres)
                    .then()
                    .statusCode(200)
                    .body("items.id", not(hasItem(task)));
        }
        officer.get()
                .body(Map.of("to", "CANCELLED", "reason", "Bukan wilayah kami"))
                .post("/api/v1/early-warnings/{id}/tasks/{t}/transitions", provincial, task)
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);

        officer.get()
                .body(Map.of("to", "ACKNOWLEDGED"))
                .post("/api/v1/early-warnings/{id}/tasks/{t}/transitions", provincial, task)
                .then()
                .statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED"));
        assertThat(Db.single(
                        "select region_code from change_log where entity_id = ?::uuid order by position desc limit 1",
                        task))
                .as("logged under its warning's region, as every change of the task")
                .isEqualTo("13");
    }

    /**
     * The agency's reach stays within its clearance: a CONFIDENTIAL incident in Kota Padang and a CONFIDENTIAL early
     * warning of the province each give a task to the Polres of Kota Pariaman and one to the kota's BIN post. The
     * Polres's officers, not cleared for CONFIDENTIAL, get a 404 for the task and for its transitions (which write
     * nothing), and do not find it on their dashboard or in their counts, where their task on a RESTRICTED warning is;
     * the BIN post's officers, cleared, read and move theirs though they may not read the records either.
     */
    @Test
    void theAgencyATaskIsGivenToReadsItOnlyWithinItsClearanceOfTheRecord() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        UUID pos = TestData.createAgency(TestData.unique("Pos Binda Kota Pariaman"), "BIN", "13.77");
        UUID binda = TestData.createAgency(TestData.unique("Binda Sumatera Barat"), "BIN", "13");
        Supplier<RequestSpecification> author = () -> as("binda.sumbar", List.of("COORDINATOR"), List.of("13"), binda);
        Supplier<RequestSpecification> uncleared =
                () -> as("polres.pariaman", List.of("OFFICER"), List.of("13.77"), polres);
        Supplier<RequestSpecification> cleared =
                () -> as("pos.binda.pariaman", List.of("OFFICER"), List.of("13.77"), pos);
        Map<String, Object> incident = new HashMap<>(
                id.terpadu.incident.IncidentResourceTest.incident("Laporan intelijen rencana bentrokan", "13.71"));
        // given their tasks while RESTRICTED, then found to be intelligence and raised to CONFIDENTIAL
        incident.put("sourceKind", "INTELIJEN");
        String secretIncident = author.get()
                .body(incident)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> warning = new HashMap<>(EarlyWarningResourceTest.warning("13", 4, 3));
        String secretWarning = author.get()
                .body(warning)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String shown = coordinator("13")
                .body(task(polres, Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/early-warnings/{id}/tasks", warning("13", "RESTRICTED"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        List<String> clearedTasks = new ArrayList<>();
        for (String parent :
                List.of("/api/v1/incidents/" + secretIncident, "/api/v1/early-warnings/" + secretWarning)) {
            String hidden = author.get()
                    .body(task(polres, Instant.now().plus(1, ChronoUnit.DAYS)))
                    .post(parent + "/tasks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String theirs = author.get()
                    .body(task(pos, Instant.now().plus(1, ChronoUnit.DAYS)))
                    .post(parent + "/tasks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            clearedTasks.add(theirs);
            author.get()
                    .header("If-Match", "*")
                    .contentType("application/merge-patch+json")
                    .body(Map.of("classification", "CONFIDENTIAL"))
                    .patch(parent)
                    .then()
                    .statusCode(200)
                    .body("classification", equalTo("CONFIDENTIAL"));

            var before = Db.snapshot();
            uncleared.get().get(parent).then().statusCode(404);
            uncleared.get().get(parent + "/tasks").then().statusCode(404);
            uncleared.get().get(parent + "/tasks/" + hidden).then().statusCode(404);
            uncleared
                    .get()
                    .header("If-Match", "\"0\"")
                    .body(Map.of("to", "ACKNOWLEDGED"))
                    .post(parent + "/tasks/" + hidden + "/transitions")
                    .then()
                    .statusCode(404);
            uncleared
                    .get()
                    .body(Map.of("to", "UNABLE", "reason", "Bukan kewenangan kami"))
                    .post(parent + "/tasks/" + hidden + "/transitions")
                    .then()
                    .statusCode(404);
            // a new task on the CONFIDENTIAL record is not given to an agency that could never read it
            author.get()
                    .body(task(polres, Instant.now().plus(1, ChronoUnit.DAYS)))
                    .post(parent + "/tasks")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("agencyId"))
                    .body("errors[0].code", equalTo("task.agency.not-cleared"));
            Db.assertUnchanged(before);

            cleared.get().get(parent).then().statusCode(404);
            cleared.get()
                    .get(parent + "/tasks/" + theirs)
                    .then()
                    .statusCode(200)
                    .body("agencyId", equalTo(pos.toString()))
                    .body("state", equalTo("ALERTED"));
            cleared.get()
                    .header("If-Match", "\"0\"")
                    .body(Map.of("to", "ACKNOWLEDGED"))
                    .post(parent + "/tasks/" + theirs + "/transitions")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("ACKNOWLEDGED"));
            // the author, who may read the record, sees the Polres's task untouched
            author.get()
                    .get(parent + "/tasks/" + hidden)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("ALERTED"))
                    .body("version", equalTo(0));
        }

        // each agency's own tasks, this test's alone: the whole list, and the counts, of what each officer may see
        uncleared
                .get()
                .get("/api/v1/tasks?limit=200&agencyId=" + polres)
                .then()
                .statusCode(200)
                .body("items.id", contains(shown));
        uncleared
                .get()
                .get("/api/v1/statistics/tasks?agencyId=" + polres)
                .then()
                .statusCode(200)
                .body("rows.tasks", contains(1));
        cleared.get()
                .get("/api/v1/tasks?limit=200&agencyId=" + pos)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(clearedTasks.toArray()));
        cleared.get()
                .get("/api/v1/statistics/tasks?agencyId=" + pos)
                .then()
                .statusCode(200)
                .body("rows.tasks", contains(2));
    }

    @Test
    void aWarningsTasksAreSeenOnlyByWhoMayReadTheWarning() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        String restricted = warning("13.77", "RESTRICTED");
        String open = warning("13.77", "PUBLIC");
        String hidden = coordinator("13")
                .body(task(polres, Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/early-warnings/{id}/tasks", restricted)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String shown = coordinator("13")
                .body(task(polres, Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/early-warnings/{id}/tasks", open)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // an integration reads PUBLIC records only: the restricted warning's task is absent, and its path is a 404
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> integration =
                () -> as("integration.13", List.of("INTEGRATION"), List.of("13"));
        integration
                .get()
                .get("/api/v1/tasks?limit=200&agencyId=" + polres)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(shown))
                .body("items.id", not(hasItem(hidden)));
        integration
                .get()
                .get("/api/v1/early-warnings/{id}/tasks", restricted)
                .then()
                .statusCode(404);
        integration
                .get()
                .get("/api/v1/early-warnings/{id}/tasks/{t}", restricted, hidden)
                .then()
                .statusCode(404);
        // another province's coordinator sees neither
        coordinator("19")
                .get("/api/v1/tasks?limit=200&agencyId=" + polres)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(shown)));
        var before = Db.snapshot();
        coordinator("19")
                .body(task(polres, Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/early-warnings/{id}/tasks", open)
                .then()
                .statusCode(404);
        coordinator("19")
                .body(Map.of("to", "ACKNOWLEDGED"))
                .post("/api/v1/early-warnings/{id}/tasks/{t}/transitions", open, shown)
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);
    }

    @Test
    void aWarningThatGrewIntoAnIncidentTakesNoNewTaskAndBadInputWritesNothing() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        String warning = warning("13.77", "RESTRICTED");
        String incident = coordinator("13")
                .body(Map.of("occurredFrom", "2024-11-28T02:00:00Z", "severity", 2))
                .post("/api/v1/early-warnings/{id}/escalate", warning)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var before = Db.snapshot();
        coordinator("13")
                .body(task(polres, Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/early-warnings/{id}/tasks", warning)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(incident));
        String open = warning("13.77", "RESTRICTED");
        before = Db.snapshot();
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("description", "Tanpa instansi", "dueAt", "2030-01-01T00:00:00Z"),
                Map.<String, Object>of(
                        "agencyId", polres.toString(), "description", " ", "dueAt", "2030-01-01T00:00:00Z"),
                Map.<String, Object>of(
                        "agencyId", UUID.randomUUID().toString(), "description", "x", "dueAt", "2030-01-01T00:00:00Z"),
                Map.<String, Object>of("agencyId", polres.toString(), "description", "x", "dueAt", "besok"))) {
            coordinator("13")
                    .body(bad)
                    .post("/api/v1/early-warnings/{id}/tasks", open)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        coordinator("13")
                .body(task(polres, Instant.now()))
                .post("/api/v1/early-warnings/{id}/tasks", UUID.randomUUID())
                .then()
                .statusCode(404);
        as("officer.13", List.of("OFFICER"), List.of("13"))
                .body(task(polres, Instant.now()))
                .post("/api/v1/early-warnings/{id}/tasks", open)
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
    }

    @Test
    void anOverdueTaskOnAProvincesWarningClimbsToTheNationalTeam() {
        UUID polda = TestData.createAgency(TestData.unique("Polda Sumatera Barat"), "POLRI", "13");
        String national = TestData.team(
                        "NASIONAL", null, java.time.LocalDate.now().getYear(), null)
                .toString();
        String warning = warning("13", "RESTRICTED");
        String task = coordinator("13")
                .body(task(polda, Instant.now().minus(1, ChronoUnit.HOURS)))
                .post("/api/v1/early-warnings/{id}/tasks", warning)
                .then()
                .statusCode(201)
                .body("overdue", equalTo(true))
                .extract()
                .path("id");
        assertThat(escalation.escalateOverdue()).isGreaterThanOrEqualTo(1);
        coordinator("13")
                .get("/api/v1/early-warnings/{id}/tasks/{t}", warning, task)
                .then()
                .statusCode(200)
                .body("escalatedToTeamId", equalTo(national))
                .body("escalations.teamLevel", contains("NASIONAL"));
    }

    @Test
    void aSecretariatCorrectsReassignsAndWithdrawsATaskWithItsVersionAndAReason() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        UUID kodim = TestData.createAgency(TestData.unique("Kodim 0308 Pariaman"), "TNI", "13.77");
        String incident = coordinator("13")
                .body(id.terpadu.incident.IncidentResourceTest.incident("Bentrokan pemuda", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String parent :
                List.of("/api/v1/incidents/" + incident, "/api/v1/early-warnings/" + warning("13.77", "RESTRICTED"))) {
            String path = parent + "/tasks";
            String task = coordinator("13")
                    .body(task(polres, Instant.parse("2030-01-01T00:00:00Z")))
                    .post(path)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String one = path + "/" + task;
            as("officer.polres", List.of("OFFICER"), List.of("13.77"), polres)
                    .body(Map.of("to", "ACKNOWLEDGED"))
                    .post(one + "/transitions")
                    .then()
                    .statusCode(200);

            // refused corrections write nothing
            var before = Db.snapshot();
            Map<String, Object> redated = task(polres, Instant.parse("2030-01-05T00:00:00Z"));
            coordinator("13").body(redated).put(one).then().statusCode(428);
            coordinator("13")
                    .header("If-Match", "\"0\"")
                    .body(redated)
                    .put(one)
                    .then()
                    .statusCode(412);
            Map<String, Object> otherId = new HashMap<>(redated);
            otherId.put("id", UUID.randomUUID().toString());
            coordinator("13")
                    .header("If-Match", "\"1\"")
                    .body(otherId)
                    .put(one)
                    .then()
                    .statusCode(400);
            coordinator("13")
                    .header("If-Match", "\"1\"")
                    .body(task(UUID.randomUUID(), Instant.parse("2030-01-05T00:00:00Z")))
                    .put(one)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("agencyId"));
            as("officer.polres", List.of("OFFICER"), List.of("13.77"), polres)
                    .header("If-Match", "\"1\"")
                    .body(redated)
                    .put(one)
                    .then()
                    .statusCode(403);
            coordinator("19")
                    .header("If-Match", "\"1\"")
                    .body(redated)
                    .put(one)
                    .then()
                    .statusCode(404);
            as("officer.polres", List.of("OFFICER"), List.of("13.77"), polres)
                    .body(Map.of("to", "CANCELLED", "reason", "Tidak perlu lagi"))
                    .post(one + "/transitions")
                    .then()
                    .statusCode(403);
            coordinator("13")
                    .body(Map.of("to", "CANCELLED"))
                    .post(one + "/transitions")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("reason"));
            Db.assertUnchanged(before);

            // re-dated: same agency, same state; reassigned: the new agency must acknowledge it
            coordinator("13")
                    .header("If-Match", "\"1\"")
                    .body(redated)
                    .put(one)
                    .then()
                    .statusCode(200)
                    .header("ETag", "\"2\"")
                    .body("dueAt", equalTo("2030-01-05T00:00:00Z"))
                    .body("state", equalTo("ACKNOWLEDGED"));
            coordinator("13")
                    .header("If-Match", "\"2\"")
                    .body(task(kodim, Instant.parse("2030-01-05T00:00:00Z")))
                    .put(one)
                    .then()
                    .statusCode(200)
                    .body("agencyId", equalTo(kodim.toString()))
                    .body("state", equalTo("ALERTED"));
            coordinator("13")
                    .body(Map.of("to", "CANCELLED", "reason", "Digantikan oleh keputusan rapat koordinasi"))
                    .post(one + "/transitions")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("CANCELLED"))
                    .body("cancelReason", equalTo("Digantikan oleh keputusan rapat koordinasi"))
                    .body("overdue", equalTo(false));

            // withdrawn is final
            before = Db.snapshot();
            coordinator("13")
                    .header("If-Match", "\"4\"")
                    .body(redated)
                    .put(one)
                    .then()
                    .statusCode(409);
            coordinator("13")
                    .body(Map.of("to", "ACTIVE"))
                    .post(one + "/transitions")
                    .then()
                    .statusCode(409);
            Db.assertUnchanged(before);
            assertThat(Db.count(
                            "select count(*) from change_log where entity_type = 'incident-task' and entity_id = ?::uuid",
                            task))
                    .isEqualTo(5);
        }
    }
}
