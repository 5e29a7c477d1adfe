package id.terpadu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.MailServer;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;
import id.terpadu.task.TaskEscalation;

/**
 * Notifications end to end, against a real SMTP server (GreenMail, a process of its own): for each kind of event, the
 * right people get exactly one inbox entry and one email, in their language and with nothing but a link; people
 * outside the region, agency or clearance get none; an SMTP server that is down for a while loses nothing and
 * duplicates nothing. The province is Kalimantan Utara (65), which no other test uses, with its Kota Tarakan (65.71).
 */
@QuarkusTest
@TestProfile(NotificationTest.WithSmtp.class)
class NotificationTest {

    /** The service with an SMTP server: the test's GreenMail. The workers are run by the test, one step at a time. */
    public static class WithSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            MailServer server = MailServer.get();
            return Map.of(
                    "terpadu.notifications.smtp-host", "127.0.0.1",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(server.smtpPort()),
                    "quarkus.mailer.start-tls", "DISABLED",
                    "terpadu.notifications.link-base", "https://terpadu.kaltara.example");
        }
    }

    static final String DEV_ISSUER = "https://terpadu.local/dev";
    static final int YEAR = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).getYear();

    @Inject
    FanOut fanOut;

    @Inject
    EmailWorker emails;

    @Inject
    DeadlineReminders reminders;

    @Inject
    TaskEscalation escalation;

    /** A person with an account: its subject (and token) and email address. */
    record Person(String subject, String email, List<String> roles, List<String> scope, UUID agency) {
        RequestSpecification as() {
            return Tokens.as(subject, roles, scope, agency);
        }
    }

    static final class World {
        UUID polres;
        UUID kesbangpolTarakan;
        UUID kesbangpolProvince;
        UUID national;
        UUID bin;
        UUID elsewhere;
        UUID tarakanTeam;
        UUID provinceTeam;
        UUID nationalTeam;
        Person officer; // Polres Tarakan, the agency tasks are given to (Indonesian)
        Person tarakan; // the Kesbangpol of Kota Tarakan, secretariat of its team (English)
        Person province; // the Kesbangpol of Kalimantan Utara, secretariat of the province's team
        Person nationalCoordinator; // the national team's secretariat
        Person binOfficer; // Binda Kalimantan Utara, cleared for CONFIDENTIAL
        Person outsider; // a coordinator of Kalimantan Timur (64)
        Person officerElsewhere; // an officer of the same Polres whose scope is Kalimantan Timur only
        Person provinceAnalyst; // an ANALYST of the province's secretariat: reads, is asked to do nothing
        List<Person> all = new ArrayList<>();
    }

    private static World world;

    @BeforeEach
    void setUp() {
        world();
    }

    /** The people and agencies of Kalimantan Utara, made once for the notification tests. */
    static synchronized World world() {
        TestData.ensureRegions();
        if (world != null) {
            return world;
        }
        World w = new World();
        w.polres = TestData.createAgency(TestData.unique("Polres Tarakan"), "POLRI", "65.71");
        w.kesbangpolTarakan = TestData.createAgency(TestData.unique("Kesbangpol Kota Tarakan"), "KESBANGPOL", "65.71");
        w.kesbangpolProvince =
                TestData.createAgency(TestData.unique("Kesbangpol Provinsi Kalimantan Utara"), "KESBANGPOL", "65");
        w.national = TestData.createAgency(TestData.unique("Ditjen Polpum Kemendagri"), "OTHER", null);
        w.bin = TestData.createAgency(TestData.unique("Binda Kalimantan Utara"), "BIN", "65");
        w.elsewhere = TestData.createAgency(TestData.unique("Kesbangpol Kalimantan Timur"), "KESBANGPOL", "64");
        w.tarakanTeam = TestData.team("KABUPATEN_KOTA", "65.71", YEAR, w.kesbangpolTarakan);
        w.provinceTeam = TestData.team("PROVINSI", "65", YEAR, w.kesbangpolProvince);
        w.nationalTeam = TestData.team("NASIONAL", null, YEAR, w.national);
        w.officer = person(w, "polres.tarakan", w.polres, "OFFICER", List.of("65.71"), "id");
        w.tarakan = person(w, "kesbangpol.tarakan", w.kesbangpolTarakan, "COORDINATOR", List.of("65.71"), "en");
        w.province = person(w, "kesbangpol.kaltara", w.kesbangpolProvince, "COORDINATOR", List.of("65"), "id");
        w.nationalCoordinator = person(w, "polpum.pusat", w.national, "COORDINATOR", List.of(), "en");
        w.binOfficer = person(w, "binda.kaltara", w.bin, "OFFICER", List.of("65"), "id");
        w.outsider = person(w, "kesbangpol.kaltim", w.elsewhere, "COORDINATOR", List.of("64"), "id");
        w.officerElsewhere = person(w, "polres.tarakan.bko", w.polres, "OFFICER", List.of("64"), "id");
        w.provinceAnalyst = person(w, "analis.kaltara", w.kesbangpolProvince, "ANALYST", List.of("65"), "id");
        world = w;
        return w;
    }

    static Person person(World w, String prefix, UUID agency, String role, List<String> scope, String lang) {
        String subject = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        String email = subject + "@mail.example";
        Map<String, Object> body = new HashMap<>();
        body.put("issuer", DEV_ISSUER);
        body.put("subject", subject);
        body.put("name", "Petugas " + prefix);
        body.put("agencyId", agency.toString());
        body.put("roles", List.of(role));
        body.put("regionScope", scope);
        body.put("email", email);
        body.put("language", lang);
        Tokens.admin().body(body).post("/api/v1/accounts").then().statusCode(201);
        Person person = new Person(subject, email, List.of(role), scope, agency);
        w.all.add(person);
        return person;
    }

    static String incident(String region, String classification) {
        Map<String, Object> body = new HashMap<>(IncidentResourceTest.incident("Bentrokan di pelabuhan", region));
        body.put("classification", classification);
        return Tokens.coordinator("65")
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String task(String incident, UUID agency, Instant due) {
        return Tokens.coordinator("65")
                .body(Map.of(
                        "agencyId",
                        agency.toString(),
                        "description",
                        "Amankan dermaga dan data korban atas nama Budi Santoso",
                        "dueAt",
                        due.toString()))
                .post("/api/v1/incidents/{id}/tasks", incident)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Runs the fan-out and the email senders until nothing is left (bounded). */
    private void deliver() throws Exception {
        for (int i = 0; i < 100 && fanOut.fanOut() > 0; i++) {
            // more events
        }
        for (int i = 0; i < 100 && emails.sendBatch() > 0; i++) {
            // more emails
        }
    }

    /** Who got an inbox entry about the record, by kind (and, for a climb, the team's level), sorted. */
    static Map<String, List<String>> inbox(String recordId) {
        Map<String, List<String>> found = new TreeMap<>();
        String rows = Db.single("""
                select coalesce(string_agg(v.kind || case when v.kind = 'TASK_ESCALATED' then '@' || t.level else '' end
                                           || '=' || a.subject, ','
                                           order by v.kind, a.subject), '')
                from notification n join notification_event v on v.id = n.event_id
                join account a on a.id = n.account_id left join team t on t.id = v.team_id
                where v.entity_id = ?::uuid""", recordId);
        for (String row : rows.isEmpty() ? new String[0] : rows.split(",")) {
            String[] pair = row.split("=");
            found.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
        }
        return found;
    }

    /** The messages a person received about the record (their links name it). */
    static List<MailServer.Message> mail(Person person, String recordId) {
        return MailServer.get().messages(person.email()).stream()
                .filter(m -> m.mime().contains(recordId))
                .toList();
    }

    static List<String> sorted(Person... people) {
        return java.util.Arrays.stream(people).map(Person::subject).sorted().toList();
    }

    @Test
    void eachTaskEventReachesTheRightPeopleOnceInTheInboxAndByEmail() throws Exception {
        World w = world;
        String incident = incident("65.71", "RESTRICTED");
        String overdue = task(incident, w.polres, Instant.now().minus(2, ChronoUnit.HOURS));
        String soon = task(incident, w.polres, Instant.now().plus(3, ChronoUnit.HOURS));
        String later = task(incident, w.polres, Instant.now().plus(3, ChronoUnit.DAYS));
        deliver();

        // reminders and overdue: once, however often the job runs
        assertThat(reminders.tasks()).isGreaterThanOrEqualTo(2);
        reminders.tasks();
        deliver();
        // the agency acknowledges the task
        w.officer
                .as()
                .body(Map.of("to", "ACKNOWLEDGED"))
                .post("/api/v1/incidents/{i}/tasks/{t}/transitions", incident, overdue)
                .then()
                .statusCode(200);
        deliver();
        // still overdue: it climbs to the province's team, and later to the national team
        escalation.escalateOverdue();
        deliver();
        Db.execute("update incident_task set escalated_at = escalated_at - interval '73 hours' where id = '" + overdue
                + "'");
        escalation.escalateOverdue();
        escalation.escalateOverdue();
        reminders.tasks();
        deliver();

        Map<String, List<String>> expected = new TreeMap<>();
        expected.put("TASK_ASSIGNED", sorted(w.officer));
        expected.put("TASK_OVERDUE", sorted(w.officer, w.tarakan));
        expected.put("TASK_ACKNOWLEDGED", sorted(w.tarakan));
        // the province's secretariat: its coordinator, not its analyst
        expected.put("TASK_ESCALATED@PROVINSI", sorted(w.province));
        expected.put("TASK_ESCALATED@NASIONAL", sorted(w.nationalCoordinator));
        assertThat(inbox(overdue)).isEqualTo(expected);
        assertThat(inbox(soon))
                .isEqualTo(Map.of("TASK_ASSIGNED", sorted(w.officer), "TASK_DUE_SOON", sorted(w.officer)));
        assertThat(inbox(later)).isEqualTo(Map.of("TASK_ASSIGNED", sorted(w.officer)));

        // one email per entry, in the person's language, with a link and nothing about the task or the person
        assertThat(mail(w.officer, overdue)).hasSize(2);
        assertThat(mail(w.officer, soon)).hasSize(2);
        assertThat(mail(w.officer, later)).hasSize(1);
        assertThat(mail(w.tarakan, overdue)).hasSize(2);
        assertThat(mail(w.province, overdue)).hasSize(1);
        assertThat(mail(w.nationalCoordinator, overdue)).hasSize(1);
        assertThat(mail(w.officer, soon).stream().map(MailServer.Message::subject))
                .containsExactlyInAnyOrder(
                        "[Terpadu] Tugas baru untuk instansi Anda", "[Terpadu] Tugas jatuh tempo dalam 24 jam");
        assertThat(mail(w.tarakan, overdue).stream().map(MailServer.Message::subject))
                .containsExactlyInAnyOrder("[Terpadu] A task is overdue", "[Terpadu] A task was acknowledged");
        assertThat(mail(w.province, overdue).get(0).subject()).isEqualTo("[Terpadu] Tugas dieskalasi ke tim Anda");
        MailServer.Message climbed = mail(w.nationalCoordinator, overdue).get(0);
        assertThat(climbed.subject()).isEqualTo("[Terpadu] A task was escalated to your team");
        assertThat(climbed.mime())
                .contains("https://terpadu.kaltara.example/api/v1/incidents/" + incident + "/tasks/" + overdue)
                .doesNotContain("Budi")
                .doesNotContain("Amankan")
                .doesNotContain("Petugas");
        assertThat(climbed.messageId()).contains("notification-");
        // the headers are those an automatic notice should carry, and no empty Cc (RFC 5322 wants an address there)
        String headers = climbed.mime().split("\r?\n\r?\n", 2)[0];
        assertThat(headers)
                .containsPattern("(?m)^Auto-Submitted: auto-generated")
                .containsPattern("(?m)^To: ")
                .doesNotContainPattern("(?mi)^Cc:");
        assertThat(climbed.mime().split("(?i)\r?\nMessage-ID:", -1))
                .as("one Message-ID")
                .hasSize(2);

        // nobody outside the region, the agency or the secretariats heard of any of it
        for (Person outside : List.of(w.outsider, w.officerElsewhere, w.binOfficer)) {
            assertThat(MailServer.get().messages(outside.email()).stream()
                            .filter(m -> m.mime().contains(incident))
                            .toList())
                    .as(outside.subject())
                    .isEmpty();
        }
        assertThat(Db.count(
                        "select count(*) from notification_email where status <> 'SENT' and event_id in"
                                + " (select id from notification_event where entity_id = ?::uuid)",
                        overdue))
                .isZero();

        // the inbox through the API: newest first, the record's path, nothing more
        w.tarakan
                .as()
                .get("/api/v1/me/notifications?limit=200")
                .then()
                .statusCode(200)
                .body(
                        "items.findAll { it.recordId == '" + overdue + "' }.kind.sort()",
                        equalTo(List.of("TASK_ACKNOWLEDGED", "TASK_OVERDUE")))
                .body(
                        "items.find { it.recordId == '" + overdue + "' }.path",
                        equalTo("/api/v1/incidents/" + incident + "/tasks/" + overdue));
    }

    /**
     * A task on the province's warning given to the Polres of Kota Tarakan reaches its officer, who may read the task
     * though not the warning; not the same Polres's officer lent to Kalimantan Timur.
     */
    @Test
    void aTaskOnAProvincesWarningReachesTheAgencyItIsGivenTo() throws Exception {
        World w = world;
        Map<String, Object> body = new HashMap<>(id.terpadu.earlywarning.EarlyWarningResourceTest.warning("65", 2, 2));
        body.put("classification", "RESTRICTED");
        String warning = Tokens.coordinator("65")
                .body(body)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String task = Tokens.coordinator("65")
                .body(Map.of(
                        "agencyId",
                        w.polres.toString(),
                        "description",
                        "Patroli dialogis di pelabuhan",
                        "dueAt",
                        Instant.now().plus(3, ChronoUnit.DAYS).toString()))
                .post("/api/v1/early-warnings/{id}/tasks", warning)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        deliver();
        assertThat(inbox(task)).isEqualTo(Map.of("TASK_ASSIGNED", sorted(w.officer)));
        w.officer
                .as()
                .get("/api/v1/early-warnings/{id}/tasks/{t}", warning, task)
                .then()
                .statusCode(200);
    }

    /**
     * A CONFIDENTIAL incident in Kota Tarakan and a CONFIDENTIAL early warning of the province each give a task to the
     * Polres of Kota Tarakan, whose agency is not cleared for them, and one to Binda Kalimantan Utara: the Polres's
     * officer hears nothing of a task it may not read, by inbox or email; the Binda's officer is told of its own.
     */
    @Test
    void aTaskOnARecordRaisedToConfidentialReachesTheAgencyOnlyWithinItsClearance() throws Exception {
        World w = world;
        // given their tasks while RESTRICTED; a new task on a CONFIDENTIAL record is refused an uncleared agency
        Map<String, Object> incident =
                new HashMap<>(IncidentResourceTest.incident("Laporan intelijen di pelabuhan", "65.71"));
        incident.put("sourceKind", "INTELIJEN");
        Map<String, Object> warning = new HashMap<>(EarlyWarningResourceTest.warning("65", 2, 2));
        warning.put("classification", "RESTRICTED");
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> author =
                () -> Tokens.as("binda.kaltara.author", List.of("COORDINATOR"), List.of("65"), w.bin);
        List<String> parents = new ArrayList<>();
        for (var record : List.of(Map.entry("incidents", incident), Map.entry("early-warnings", warning))) {
            String id = author.get()
                    .body(record.getValue())
                    .post("/api/v1/" + record.getKey())
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            parents.add("/api/v1/" + record.getKey() + "/" + id);
        }
        for (String parent : parents) {
            Map<UUID, String> tasks = new HashMap<>();
            for (UUID agency : List.of(w.polres, w.bin)) {
                tasks.put(
                        agency,
                        author.get()
                                .body(Map.of(
                                        "agencyId",
                                        agency.toString(),
                                        "description",
                                        "Amankan dermaga",
                                        "dueAt",
                                        Instant.now().minus(2, ChronoUnit.HOURS).toString()))
                                .post(parent + "/tasks")
                                .then()
                                .statusCode(201)
                                .extract()
                                .path("id"));
            }
            deliver();
            String hidden = tasks.get(w.polres);
            String theirs = tasks.get(w.bin);
            assertThat(inbox(hidden)).as(parent).isEqualTo(Map.of("TASK_ASSIGNED", sorted(w.officer)));
            int toldBefore = mail(w.officer, hidden).size();
            int clearedToldBefore = mail(w.binOfficer, theirs).size();

            // the record turns out to be intelligence: CONFIDENTIAL from now on
            author.get()
                    .header("If-Match", "*")
                    .contentType("application/merge-patch+json")
                    .body(Map.of("classification", "CONFIDENTIAL"))
                    .patch(parent)
                    .then()
                    .statusCode(200);
            reminders.tasks();
            deliver();
            assertThat(Db.count(
                            "select count(*) from notification_event where entity_id = ?::uuid"
                                    + " and kind = 'TASK_OVERDUE' and classification = 'CONFIDENTIAL'"
                                    + " and fanned_out_at is not null",
                            hidden))
                    .as("the task's overdue was queued as its record's classification, and fanned out")
                    .isEqualTo(1);
            assertThat(inbox(hidden).getOrDefault("TASK_OVERDUE", List.of()))
                    .as(parent)
                    .doesNotContain(w.officer.subject());
            assertThat(mail(w.officer, hidden)).as(parent).hasSize(toldBefore);
            assertThat(inbox(theirs).get("TASK_OVERDUE")).as(parent).contains(w.binOfficer.subject());
            assertThat(mail(w.binOfficer, theirs)).as(parent).hasSize(clearedToldBefore + 1);
        }
    }

    @Test
    void aHighRiskWarningReachesTheRegionAndAConfidentialOneOnlyTheCleared() throws Exception {
        World w = world;
        Map<String, Object> body = new HashMap<>(EarlyWarningResourceTest.warning("65.71", 5, 5));
        body.put("classification", "RESTRICTED");
        String restricted = Tokens.coordinator("65")
                .body(body)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .body("riskLevel", equalTo("TINGGI"))
                .extract()
                .path("id");
        body.put("classification", "CONFIDENTIAL");
        String confidential = Tokens.as("binda.kaltara.author", List.of("COORDINATOR"), List.of("65"), w.bin)
                .body(body)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> low = new HashMap<>(EarlyWarningResourceTest.warning("65.71", 1, 1));
        String rendah = Tokens.coordinator("65")
                .body(low)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        deliver();

        assertThat(inbox(restricted))
                .isEqualTo(Map.of("WARNING_HIGH_RISK", sorted(w.officer, w.tarakan, w.province, w.binOfficer)));
        assertThat(inbox(confidential)).isEqualTo(Map.of("WARNING_HIGH_RISK", sorted(w.binOfficer)));
        assertThat(inbox(rendah)).isEmpty();
        assertThat(mail(w.binOfficer, confidential)).hasSize(1);
        for (Person other : List.of(w.officer, w.tarakan, w.province, w.nationalCoordinator, w.outsider)) {
            assertThat(mail(other, confidential)).as(other.subject()).isEmpty();
        }
        assertThat(mail(w.tarakan, restricted)).hasSize(1);
        assertThat(mail(w.outsider, restricted)).isEmpty();
        assertThat(mail(w.nationalCoordinator, restricted)).isEmpty();
    }

    @Test
    void anSmtpServerDownForAWhileLosesNothingAndDuplicatesNothing() throws Exception {
        World w = world;
        String incident = incident("65.71", "RESTRICTED");
        MailServer server = MailServer.get();
        server.stop();
        List<String> tasks = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                tasks.add(task(incident, w.polres, Instant.now().plus(5, ChronoUnit.DAYS)));
            }
            for (int i = 0; i < 100 && fanOut.fanOut() > 0; i++) {
                // more events
            }
            // every attempt fails while the server is down, and is retried later
            Instant until = Instant.now().plusSeconds(6);
            while (Instant.now().isBefore(until)) {
                emails.sendBatch();
                Thread.sleep(300);
            }
            String pending = "select count(*) from notification_email m join notification_event v on v.id = m.event_id"
                    + " where v.entity_id = any (?::uuid[]) and m.status = 'PENDING' and m.attempts >= 2"
                    + " and m.last_error is not null";
            assertThat(Db.count(pending, "{" + String.join(",", tasks) + "}")).isEqualTo(5);
        } finally {
            server.start();
        }
        String sent = "select count(*) from notification_email m join notification_event v on v.id = m.event_id"
                + " where v.entity_id = any (?::uuid[]) and m.status = 'SENT'";
        Instant until = Instant.now().plusSeconds(30);
        while (Db.count(sent, "{" + String.join(",", tasks) + "}") < 5
                && Instant.now().isBefore(until)) {
            emails.sendBatch();
            Thread.sleep(200);
        }
        for (int i = 0; i < 10; i++) {
            emails.sendBatch();
        }
        for (String task : tasks) {
            assertThat(mail(w.officer, task)).as(task).hasSize(1);
            assertThat(inbox(task)).isEqualTo(Map.of("TASK_ASSIGNED", sorted(w.officer)));
        }
    }

    @Test
    void theInboxPollsCheaplyMarksReadAndFollowsPreferences() throws Exception {
        World w = world;
        Person me = w.officer;
        String incident = incident("65.71", "PUBLIC");
        task(incident, w.polres, Instant.now().plus(4, ChronoUnit.DAYS));
        deliver();

        var summary = me.as().get("/api/v1/me/notifications/summary").then().statusCode(200);
        long unread = summary.extract().jsonPath().getLong("unread");
        long latest = summary.extract().jsonPath().getLong("latest");
        String tag = summary.extract().header("ETag");
        assertThat(unread).isPositive();
        me.as()
                .header("If-None-Match", tag)
                .get("/api/v1/me/notifications/summary")
                .then()
                .statusCode(304);
        me.as()
                .get("/api/v1/me/notifications?since=" + latest)
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        long newest = me.as()
                .get("/api/v1/me/notifications?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        assertThat(newest).isEqualTo(latest);

        // refused: no upTo, a bad upTo or since, an integration token; nothing changes
        var before = Db.snapshot();
        me.as()
                .body(Map.of("ids", List.of(newest)))
                .post("/api/v1/me/notifications/read")
                .then()
                .statusCode(400);
        me.as()
                .body(Map.of("upTo", 0))
                .post("/api/v1/me/notifications/read")
                .then()
                .statusCode(400);
        me.as().body(Map.of()).post("/api/v1/me/notifications/read").then().statusCode(400);
        me.as().get("/api/v1/me/notifications?since=-1").then().statusCode(400);
        Tokens.as("integration.kaltara", List.of("INTEGRATION"), List.of("65"))
                .get("/api/v1/me/notifications")
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);

        me.as()
                .body(Map.of("upTo", latest, "ids", List.of(newest)))
                .post("/api/v1/me/notifications/read")
                .then()
                .statusCode(200)
                .body("marked", equalTo(1))
                .body("unread", equalTo((int) unread - 1));
        me.as()
                .header("If-None-Match", tag)
                .get("/api/v1/me/notifications/summary")
                .then()
                .statusCode(200);
        // someone else's entry is passed over
        w.tarakan
                .as()
                .body(Map.of("upTo", newest, "ids", List.of(newest - 1, newest)))
                .post("/api/v1/me/notifications/read")
                .then()
                .statusCode(200);
        me.as().get("/api/v1/me/notifications/summary").then().body("unread", equalTo((int) unread - 1));
        me.as()
                .body(Map.of("upTo", latest))
                .post("/api/v1/me/notifications/read")
                .then()
                .statusCode(200)
                .body("unread", equalTo(0));
        me.as()
                .get("/api/v1/me/notifications?unread=true")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());

        // preferences: the reminders stay in the inbox but no longer come by email
        me.as()
                .get("/api/v1/me/notification-preferences")
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("emailAvailable", equalTo(true))
                .body("events.size()", equalTo(NotificationKind.values().length));
        Map<String, Object> quiet = Map.of(
                "events",
                List.of(Map.of("kind", "TASK_DUE_SOON", "inbox", true, "email", false)),
                "emailDelivery",
                "IMMEDIATE");
        before = Db.snapshot();
        me.as().body(quiet).put("/api/v1/me/notification-preferences").then().statusCode(428);
        me.as()
                .header("If-Match", "\"3\"")
                .body(quiet)
                .put("/api/v1/me/notification-preferences")
                .then()
                .statusCode(412);
        me.as()
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "events",
                        List.of(
                                Map.of("kind", "TASK_DUE_SOON", "inbox", true, "email", false),
                                Map.of("kind", "TASK_DUE_SOON", "inbox", false, "email", false)),
                        "emailDelivery",
                        "IMMEDIATE"))
                .put("/api/v1/me/notification-preferences")
                .then()
                .statusCode(400);
        me.as()
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "events",
                        List.of(Map.of("kind", "NOPE", "inbox", true, "email", true)),
                        "emailDelivery",
                        "IMMEDIATE"))
                .put("/api/v1/me/notification-preferences")
                .then()
                .statusCode(400);
        Tokens.coordinator("65")
                .header("If-Match", "\"0\"")
                .body(quiet)
                .put("/api/v1/me/notification-preferences")
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);
        me.as()
                .header("If-Match", "\"0\"")
                .body(quiet)
                .put("/api/v1/me/notification-preferences")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        String soon = task(incident, w.polres, Instant.now().plus(2, ChronoUnit.HOURS));
        reminders.tasks();
        deliver();
        assertThat(inbox(soon)).isEqualTo(Map.of("TASK_ASSIGNED", sorted(me), "TASK_DUE_SOON", sorted(me)));
        assertThat(mail(me, soon).stream().map(MailServer.Message::subject))
                .containsExactly("[Terpadu] Tugas baru untuk instansi Anda");
        // a caller without an account: an empty inbox, the defaults
        Tokens.coordinator("65")
                .get("/api/v1/me/notifications")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }
}
