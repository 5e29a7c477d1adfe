package id.terpadu.notification;

import static id.terpadu.notification.NotificationTest.inbox;
import static id.terpadu.notification.NotificationTest.mail;
import static id.terpadu.notification.NotificationTest.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import id.terpadu.actionplan.ActionPlanResourceTest;
import id.terpadu.conflictstatus.ConflictStatusResourceTest;
import id.terpadu.meeting.MeetingResourceTest;
import id.terpadu.notification.NotificationTest.Person;
import id.terpadu.notification.NotificationTest.World;
import id.terpadu.support.Db;
import id.terpadu.support.MailServer;
import id.terpadu.support.ProofOfWork;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * The events of meeting decisions, progress reports, community reports and conflict statuses, in the world of
 * {@link NotificationTest} (Kalimantan Utara, against GreenMail): each reaches exactly its people once in the inbox and
 * once by email, and nobody outside the region, agency, team or clearance; the daily digest; two first saves of
 * preferences at once. The polres and the Binda are members of Kota Tarakan's team here, so they triage its queue.
 */
@QuarkusTest
@TestProfile(NotificationTest.WithSmtp.class)
class NotificationEventsTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Inject
    FanOut fanOut;

    @Inject
    EmailWorker emails;

    @Inject
    DeadlineReminders reminders;

    @Inject
    DataSource dataSource;

    private World w;

    @BeforeEach
    void setUp() {
        w = NotificationTest.world();
        for (UUID member : List.of(w.polres, w.bin)) {
            if (Db.count(
                            "select count(*) from team_member where team_id = ?::uuid and agency_id = ?::uuid",
                            w.tarakanTeam.toString(),
                            member.toString())
                    == 0) {
                Tokens.admin()
                        .body(Map.of("agencyId", member.toString(), "personName", "Anggota Tim", "role", "ANGGOTA"))
                        .post("/api/v1/teams/{id}/members", w.tarakanTeam)
                        .then()
                        .statusCode(201);
            }
        }
    }

    private void deliver() throws Exception {
        for (int i = 0; i < 100 && fanOut.fanOut() > 0; i++) {
            // more events
        }
        for (int i = 0; i < 100 && emails.sendBatch() > 0; i++) {
            // more emails
        }
    }

    private static String meeting(UUID team) {
        return Tokens.coordinator("65")
                .body(MeetingResourceTest.meeting(
                        team,
                        "Rakor tindak lanjut bentrokan pelabuhan",
                        Instant.now().minus(5, ChronoUnit.DAYS).toString(),
                        List.of()))
                .post("/api/v1/meetings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String decision(String meeting, UUID owner, LocalDate dueOn) {
        return Tokens.coordinator("65")
                .body(Map.of(
                        "description",
                        "Polres mengamankan dermaga atas laporan Budi Santoso",
                        "ownerAgencyId",
                        owner.toString(),
                        "dueOn",
                        dueOn.toString()))
                .post("/api/v1/meetings/{id}/decisions", meeting)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void meetingDecisionsRemindTheirAgencyOncePerDueDay() throws Exception {
        LocalDate today = LocalDate.now(WIB);
        String meeting = meeting(w.tarakanTeam);
        String soon = decision(meeting, w.polres, today);
        String overdue = decision(meeting, w.polres, today.minusDays(2));
        String later = decision(meeting, w.polres, today.plusDays(3));
        String done = decision(meeting, w.polres, today.minusDays(1));
        Tokens.coordinator("65")
                .body(Map.of("status", "DONE", "note", "Selesai"))
                .post("/api/v1/meetings/{m}/decisions/{d}/follow-ups", meeting, done)
                .then()
                .statusCode(200);

        assertThat(reminders.decisions()).isGreaterThanOrEqualTo(2);
        reminders.remind();
        deliver();

        assertThat(inbox(soon)).isEqualTo(Map.of("DECISION_DUE_SOON", sorted(w.officer)));
        assertThat(inbox(overdue)).isEqualTo(Map.of("DECISION_OVERDUE", sorted(w.officer)));
        assertThat(inbox(later)).isEmpty();
        assertThat(inbox(done)).isEmpty();
        assertThat(mail(w.officer, soon)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[Terpadu] Keputusan rapat jatuh tempo dalam 24 jam");
            assertThat(m.mime())
                    .contains("https://terpadu.kaltara.example/api/v1/meetings/" + meeting + "/decisions/" + soon)
                    .doesNotContain("Budi")
                    .doesNotContain("dermaga");
        });
        assertThat(mail(w.officer, overdue))
                .singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("[Terpadu] Keputusan rapat melewati batas waktu"));
        // the same agency's officer outside the region, and everyone else, heard nothing
        for (Person other : List.of(w.officerElsewhere, w.tarakan, w.province, w.binOfficer, w.outsider)) {
            assertThat(mail(other, soon)).as(other.subject()).isEmpty();
            assertThat(mail(other, overdue)).as(other.subject()).isEmpty();
        }

        // a new due day is a new reminder; the same due day is not announced twice
        Db.execute("update meeting_decision set due_on = due_on - 1 where id = '" + overdue + "'");
        reminders.remind();
        reminders.remind();
        deliver();
        assertThat(inbox(overdue)).isEqualTo(Map.of("DECISION_OVERDUE", sorted(w.officer, w.officer)));
        assertThat(mail(w.officer, overdue)).hasSize(2);
    }

    @Test
    void progressReportsTravelBetweenTheTeamAndTheLevelThatVerifiesThem() throws Exception {
        int year = NotificationTest.YEAR;
        Db.execute("delete from action_plan where team_id = '" + w.tarakanTeam + "' and year = " + year);
        String plan = w.tarakan
                .as()
                .body(ActionPlanResourceTest.plan(w.tarakanTeam, year))
                .post("/api/v1/action-plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String item = w.tarakan
                .as()
                .body(ActionPlanResourceTest.item("PENCEGAHAN", 4, w.polres, year))
                .post("/api/v1/action-plans/{id}/items", plan)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String report = w.tarakan
                .as()
                .body(ActionPlanResourceTest.report("B04", 2))
                .post("/api/v1/action-plans/{id}/items/{item}/reports", plan, item)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        deliver();
        assertThat(inbox(report)).as("a draft is nobody's business yet").isEmpty();

        String transitions = "/api/v1/action-plans/{id}/reports/{r}/transitions";
        w.tarakan
                .as()
                .body(Map.of("to", "SUBMITTED"))
                .post(transitions, plan, report)
                .then()
                .statusCode(200);
        deliver();
        assertThat(inbox(report)).isEqualTo(Map.of("REPORT_SUBMITTED", sorted(w.province)));
        w.province
                .as()
                .body(Map.of("to", "RETURNED", "note", "Lampirkan daftar hadir"))
                .post(transitions, plan, report)
                .then()
                .statusCode(200);
        deliver();
        w.tarakan
                .as()
                .body(Map.of("to", "SUBMITTED"))
                .post(transitions, plan, report)
                .then()
                .statusCode(200);
        deliver();
        w.province
                .as()
                .body(Map.of("to", "VERIFIED"))
                .post(transitions, plan, report)
                .then()
                .statusCode(200);
        deliver();

        assertThat(inbox(report))
                .isEqualTo(Map.of(
                        "REPORT_SUBMITTED", sorted(w.province, w.province),
                        "REPORT_RETURNED", sorted(w.tarakan),
                        "REPORT_VERIFIED", sorted(w.tarakan)));
        assertThat(mail(w.province, report).stream().map(MailServer.Message::subject))
                .containsExactly(
                        "[Terpadu] Laporan capaian menunggu verifikasi Anda",
                        "[Terpadu] Laporan capaian menunggu verifikasi Anda");
        assertThat(mail(w.tarakan, report).stream().map(MailServer.Message::subject))
                .containsExactlyInAnyOrder(
                        "[Terpadu] A progress report was returned to your team",
                        "[Terpadu] A progress report of your team was verified");
        assertThat(mail(w.tarakan, report).get(0).mime())
                .contains("https://terpadu.kaltara.example/api/v1/action-plans/" + plan + "/reports/" + report)
                .doesNotContain("daftar hadir");
        for (Person other : List.of(w.officer, w.nationalCoordinator, w.binOfficer, w.outsider)) {
            assertThat(mail(other, report)).as(other.subject()).isEmpty();
        }
    }

    @Test
    void aCommunityReportWaitsForItsTeamAndIsAnnouncedOnceWhenPastItsServiceLevel() throws Exception {
        String name = "Siti Aminah Rahmawati";
        String phone = "0812 7788 " + (1000 + (int) (Math.random() * 8999));
        Map<String, Object> body = new HashMap<>();
        body.put("description", "Warga dua kampung bersitegang soal batas tambak; ada ancaman pembakaran pondok.");
        body.put("regionCode", "65.71");
        body.put("occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        body.put("categoryCode", "SENGKETA_LAHAN");
        body.put("locationText", "Kampung Juata Laut");
        body.put("contactName", name);
        body.put("contactPhone", phone);
        body.put("altcha", ProofOfWork.fresh());
        String code = RestAssured.given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("trackingCode");
        String report = Db.single("select id::text from intake_report where tracking_code = ?", code.replace("-", ""));
        deliver();
        // the team's triagers of its region: its secretariat and its members' officers, not the one elsewhere
        List<String> triagers = sorted(w.officer, w.tarakan, w.binOfficer);
        assertThat(inbox(report)).isEqualTo(Map.of("INTAKE_WAITING", triagers));

        // past its service level: announced once, however often the job runs
        Db.execute("update intake_report set due_at = now() - interval '1 hour' where id = '" + report + "'");
        assertThat(reminders.intakeReports()).isPositive();
        reminders.remind();
        Db.execute("update intake_report set due_at = now() - interval '2 hours' where id = '" + report + "'");
        reminders.remind();
        deliver();
        assertThat(inbox(report)).isEqualTo(Map.of("INTAKE_WAITING", triagers, "INTAKE_OVERDUE", triagers));
        assertThat(mail(w.tarakan, report).stream().map(MailServer.Message::subject))
                .containsExactlyInAnyOrder(
                        "[Terpadu] A community report awaits your team's triage",
                        "[Terpadu] A community report is past its service level");
        assertThat(mail(w.officer, report)).hasSize(2);
        assertThat(mail(w.binOfficer, report)).hasSize(2);
        // nothing of the reporter, the report or its tracking code in any message or inbox entry
        for (Person person : w.all) {
            for (MailServer.Message m : mail(person, report)) {
                assertThat(m.mime())
                        .doesNotContain("Siti")
                        .doesNotContain("7788")
                        .doesNotContain(code)
                        .doesNotContain(code.replace("-", ""))
                        .doesNotContain("tambak")
                        .doesNotContain("Juata");
            }
        }
        String entries = w.tarakan
                .as()
                .get("/api/v1/me/notifications?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(entries)
                .contains("/api/v1/intake/" + report)
                .doesNotContain("Siti")
                .doesNotContain(code);
        for (Person other : List.of(w.officerElsewhere, w.province, w.nationalCoordinator, w.outsider)) {
            assertThat(mail(other, report)).as(other.subject()).isEmpty();
        }

        // triaged: no longer open, so nothing more
        w.tarakan
                .as()
                .body(Map.of("action", "REJECT", "publicReason", "Perselisihan perdata, bukan konflik sosial"))
                .post("/api/v1/intake/" + report + "/triage")
                .then()
                .statusCode(200);
        deliver();
        assertThat(inbox(report)).isEqualTo(Map.of("INTAKE_WAITING", triagers, "INTAKE_OVERDUE", triagers));
        Db.execute("delete from notification_event where dedupe_key = 'INTAKE_OVERDUE:" + report + "'");
        assertThat(reminders.intakeReports()).isZero();
    }

    @Test
    void aConflictStatusEndingWithinAWeekRemindsItsRegionAndAgainAfterAnExtension() throws Exception {
        LocalDate today = LocalDate.now(WIB);
        Db.execute("delete from conflict_status where region_code like '65%'");
        String status = Tokens.coordinator("65")
                .body(ConflictStatusResourceTest.status(
                        "KABUPATEN_KOTA", "65.71", today.minusDays(20), today.plusDays(3)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        reminders.remind();
        reminders.statuses();
        deliver();
        List<String> region = sorted(w.officer, w.tarakan, w.province, w.binOfficer);
        assertThat(inbox(status)).isEqualTo(Map.of("STATUS_ENDING", region));
        assertThat(mail(w.tarakan, status)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[Terpadu] A conflict status in your region ends within 7 days");
            assertThat(m.mime()).contains("https://terpadu.kaltara.example/api/v1/conflict-statuses/" + status);
        });
        assertThat(mail(w.officer, status).get(0).subject())
                .isEqualTo("[Terpadu] Status Keadaan Konflik di wilayah Anda berakhir dalam 7 hari");
        for (Person other : List.of(w.officerElsewhere, w.nationalCoordinator, w.outsider)) {
            assertThat(mail(other, status)).as(other.subject()).isEmpty();
        }

        // extended by two days: a new end day, so a new reminder (once)
        Tokens.coordinator("65")
                .body(Map.of("decreeNumber", "Keputusan No. 300/perpanjangan", "reason", "Belum pulih", "days", 2))
                .post("/api/v1/conflict-statuses/{id}/extensions", status)
                .then()
                .statusCode(200);
        reminders.remind();
        reminders.remind();
        deliver();
        List<String> twice = new ArrayList<>();
        region.forEach(p -> {
            twice.add(p);
            twice.add(p);
        });
        assertThat(inbox(status))
                .isEqualTo(Map.of("STATUS_ENDING", twice.stream().sorted().toList()));
        assertThat(mail(w.tarakan, status)).hasSize(2);

        // a status ending later, or revoked, is not reminded
        Db.execute("delete from conflict_status where id = '" + status + "'");
        String later = Tokens.coordinator("65")
                .body(ConflictStatusResourceTest.status(
                        "KABUPATEN_KOTA", "65.71", today.minusDays(20), today.plusDays(30)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        reminders.remind();
        deliver();
        assertThat(inbox(later)).isEmpty();
        Db.execute("delete from conflict_status where id = '" + later + "'");
    }

    /**
     * The records of these kinds carry no classification of their own today (the change log gives them PUBLIC), but
     * an event is judged by the classification it carries: a CONFIDENTIAL one of each new kind reaches only the
     * cleared person among its recipients, and no uncleared one gets an entry or an email describing it.
     */
    @Test
    void aConfidentialRecordOfTheNewKindsReachesOnlyTheCleared() throws Exception {
        Map<NotificationKind, String> ids = new HashMap<>();
        for (NotificationKind kind : List.of(
                NotificationKind.DECISION_DUE_SOON,
                NotificationKind.DECISION_OVERDUE,
                NotificationKind.REPORT_SUBMITTED,
                NotificationKind.REPORT_RETURNED,
                NotificationKind.REPORT_VERIFIED,
                NotificationKind.INTAKE_WAITING,
                NotificationKind.INTAKE_OVERDUE,
                NotificationKind.STATUS_ENDING)) {
            String id = UUID.randomUUID().toString();
            ids.put(kind, id);
            String type = switch (kind) {
                case DECISION_DUE_SOON, DECISION_OVERDUE -> "meeting-decision";
                case REPORT_SUBMITTED, REPORT_RETURNED, REPORT_VERIFIED -> "action-plan-report";
                case INTAKE_WAITING, INTAKE_OVERDUE -> "intake-report";
                default -> "conflict-status";
            };
            // a decision of the polres and one of the Binda, both in Kota Tarakan
            for (UUID agency : kind.name().startsWith("DECISION") ? List.of(w.polres, w.bin) : List.of(w.polres)) {
                Db.execute("""
                        insert into notification_event (kind, entity_type, entity_id, entity_version, region_code,
                            classification, agency_id, team_id, parent_type, parent_id, dedupe_key)
                        values ('%s', '%s', '%s', 1, '65.71', 'CONFIDENTIAL', '%s', '%s', 'meeting', '%s', '%s')""".formatted(
                        kind, type, id, agency, w.tarakanTeam, UUID.randomUUID(), kind + ":" + id + ":" + agency));
            }
        }
        deliver();
        assertThat(inbox(ids.get(NotificationKind.DECISION_DUE_SOON)))
                .isEqualTo(Map.of("DECISION_DUE_SOON", sorted(w.binOfficer)));
        assertThat(inbox(ids.get(NotificationKind.DECISION_OVERDUE)))
                .isEqualTo(Map.of("DECISION_OVERDUE", sorted(w.binOfficer)));
        assertThat(inbox(ids.get(NotificationKind.INTAKE_WAITING)))
                .isEqualTo(Map.of("INTAKE_WAITING", sorted(w.binOfficer)));
        assertThat(inbox(ids.get(NotificationKind.INTAKE_OVERDUE)))
                .isEqualTo(Map.of("INTAKE_OVERDUE", sorted(w.binOfficer)));
        assertThat(inbox(ids.get(NotificationKind.STATUS_ENDING)))
                .isEqualTo(Map.of("STATUS_ENDING", sorted(w.binOfficer)));
        // the secretariats that submit and verify reports are not cleared: nobody hears of a confidential one
        for (NotificationKind kind : List.of(
                NotificationKind.REPORT_SUBMITTED,
                NotificationKind.REPORT_RETURNED,
                NotificationKind.REPORT_VERIFIED)) {
            assertThat(inbox(ids.get(kind))).as(kind.name()).isEmpty();
            assertThat(Db.count("select recipients from notification_event where entity_id = ?::uuid", ids.get(kind)))
                    .as("fanned out to nobody")
                    .isZero();
        }
        for (String id : ids.values()) {
            for (Person uncleared : List.of(w.officer, w.tarakan, w.province, w.nationalCoordinator)) {
                assertThat(mail(uncleared, id)).as(uncleared.subject()).isEmpty();
            }
        }
        assertThat(mail(w.binOfficer, ids.get(NotificationKind.STATUS_ENDING))).hasSize(1);
    }

    @Test
    void theDailyDigestGroupsAPersonsEventsOfADayIntoOneEmail() throws Exception {
        World world = w;
        UUID polsek = TestData.createAgency(TestData.unique("Polsek Tarakan Barat"), "POLRI", "65.71");
        Person digest = NotificationTest.person(world, "polsek.tarakan", polsek, "OFFICER", List.of("65.71"), "en");
        world.all.remove(digest);
        digest.as()
                .header("If-Match", "\"0\"")
                .body(Map.of("events", List.of(), "emailDelivery", "DAILY_DIGEST"))
                .put("/api/v1/me/notification-preferences")
                .then()
                .statusCode(200);
        String incident = NotificationTest.incident("65.71", "RESTRICTED");
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(NotificationTest.task(incident, polsek, Instant.now().plus(5, ChronoUnit.DAYS)));
        }
        String decision = decision(meeting(w.tarakanTeam), polsek, LocalDate.now(WIB));
        reminders.decisions();
        deliver();

        // four entries in the inbox at once, the emails wait for the digest time
        for (String task : tasks) {
            assertThat(inbox(task)).isEqualTo(Map.of("TASK_ASSIGNED", sorted(digest)));
        }
        assertThat(inbox(decision)).isEqualTo(Map.of("DECISION_DUE_SOON", sorted(digest)));
        String mine = "select count(*) from notification_email m join account a on a.id = m.account_id"
                + " where a.subject = ? and m.digest and m.status = '%s'";
        assertThat(Db.count(mine.formatted("PENDING"), digest.subject())).isEqualTo(4);
        assertThat(MailServer.get().messages(digest.email())).isEmpty();
        Instant at = Instant.parse(Db.single(
                "select to_char(min(next_attempt_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                        + " from notification_email m join account a on a.id = m.account_id where a.subject = ?",
                digest.subject()));
        assertThat(at).isEqualTo(fanOut.nextDigest(Instant.now()));

        // the digest time comes: one message for all four
        Db.execute("update notification_email set next_attempt_at = now() where account_id ="
                + " (select id from account where subject = '" + digest.subject() + "')");
        deliver();
        List<MailServer.Message> received = MailServer.get().messages(digest.email());
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[Terpadu] Daily digest: 4 notification(s)");
            for (String task : tasks) {
                assertThat(m.mime()).contains("/api/v1/incidents/" + incident + "/tasks/" + task);
            }
            assertThat(m.mime()).contains("/decisions/" + decision).doesNotContain("Budi");
        });
        assertThat(Db.count(mine.formatted("SENT"), digest.subject())).isEqualTo(4);
        Db.execute(
                "update account set active = false, deactivated_at = now() where subject = '" + digest.subject() + "'");
    }

    @Test
    void twoFirstSavesOfPreferencesAtOnceDoNotBothSucceed() throws Exception {
        UUID agency = TestData.createAgency(TestData.unique("Kodim Tarakan"), "TNI", "65.71");
        Person me = NotificationTest.person(w, "kodim.tarakan", agency, "OFFICER", List.of("65.71"), "id");
        w.all.remove(me);
        String account = Db.single("select id::text from account where subject = ?", me.subject());
        Map<String, Object> quiet = Map.of(
                "events",
                List.of(Map.of("kind", "STATUS_ENDING", "inbox", true, "email", false)),
                "emailDelivery",
                "IMMEDIATE");
        Map<String, Object> digest = Map.of("events", List.of(), "emailDelivery", "DAILY_DIGEST");
        List<Integer> statuses;
        // both requests are held at the account's preferences row until both have read version 0
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            try (var ps = hold.prepareStatement("""
                    insert into notification_preference (account_id, channels, email_delivery, version, updated_at)
                    values (?::uuid, '{}', 'IMMEDIATE', 0, now())""")) {
                ps.setString(1, account);
                ps.executeUpdate();
            }
            var first = CompletableFuture.supplyAsync(() -> me.as()
                    .header("If-Match", "\"0\"")
                    .body(quiet)
                    .put("/api/v1/me/notification-preferences")
                    .statusCode());
            var second = CompletableFuture.supplyAsync(() -> me.as()
                    .header("If-Match", "\"0\"")
                    .body(digest)
                    .put("/api/v1/me/notification-preferences")
                    .statusCode());
            Thread.sleep(500);
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            hold.rollback();
            statuses = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        me.as()
                .get("/api/v1/me/notification-preferences")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        Db.execute("update account set active = false, deactivated_at = now() where id = '" + account + "'");
    }
}
