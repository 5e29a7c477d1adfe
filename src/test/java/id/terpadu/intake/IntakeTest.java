package id.terpadu.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.actionplan.ActionPlanResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.ProofOfWork;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * Community reports end to end: a report from the public (no token) after a proof of work, its tracking, the abuse
 * it withstands (no proof of work, a replayed one, the honeypot), the team's queue and its triage, and the reporter's
 * phone number, which no list, export, feed, webhook, CAP alert or log line ever holds.
 */
@QuarkusTest
public class IntakeTest {

    static final String REGENCY = "19.04";
    static final String PROVINCE = "19";

    private UUID kesbangpol;

    @BeforeEach
    void teams() {
        TestData.ensureRegions();
        kesbangpol = TestData.createAgency(TestData.unique("Kesbangpol Kabupaten Belitung"), "KESBANGPOL", REGENCY);
        TestData.team("KABUPATEN_KOTA", REGENCY, ActionPlanResourceTest.LAST_YEAR, kesbangpol);
        TestData.team("PROVINSI", PROVINCE, ActionPlanResourceTest.LAST_YEAR, null);
    }

    /** The kabupaten's secretariat (a new request each time: a specification keeps the headers it is given). */
    private RequestSpecification secretariat() {
        return Tokens.as("kesbangpol.belitung." + kesbangpol, List.of("COORDINATOR"), List.of(REGENCY), kesbangpol);
    }

    static Map<String, Object> report(String region, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", "Warga dua dusun bersitegang soal batas kebun; ada ancaman pembakaran pondok.");
        body.put("regionCode", region);
        body.put("occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        body.put("categoryCode", "SENGKETA_LAHAN");
        body.put("locationText", "Dusun Air Merah");
        if (phone != null) {
            body.put("contactName", "Siti Aminah");
            body.put("contactPhone", phone);
        }
        return body;
    }

    /** Submits a report with a fresh solved challenge; its tracking code. */
    static String submit(Map<String, Object> body) {
        Map<String, Object> sent = new HashMap<>(body);
        sent.put("altcha", ProofOfWork.fresh());
        return given().contentType(ContentType.JSON)
                .body(sent)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/public/reports/"))
                .body(
                        "trackingCode",
                        matchesPattern("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$"))
                .body("status", equalTo("DITERIMA"))
                .extract()
                .path("trackingCode");
    }

    /** A report from the public, queued: its id. */
    public static String queued(Map<String, Object> body) {
        return idOf(submit(body));
    }

    static String idOf(String trackingCode) {
        return Db.single("select id::text from intake_report where tracking_code = ?", trackingCode.replace("-", ""));
    }

    private static String phone() {
        return "0819 " + (1000 + (int) (Math.random() * 8999)) + " " + (1000 + (int) (Math.random() * 8999));
    }

    @Test
    void aReportFromThePublicIsQueuedAndTrackedShowingNothingInternal() {
        String code = submit(report(REGENCY, phone()));
        Map<String, Object> status = given().get("/api/v1/public/reports/" + code)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(status).containsOnlyKeys("trackingCode", "status", "reason", "receivedAt", "updatedAt", "photos");
        assertThat(status.get("status")).isEqualTo("DITERIMA");
        assertThat(java.time.Instant.parse((String) status.get("updatedAt")))
                .as("a new report's status is not older than its receipt")
                .isEqualTo(java.time.Instant.parse((String) status.get("receivedAt")));
        // as a person reads it over the phone: lower case, without dashes, O for 0
        given().get("/api/v1/public/reports/" + code.replace("-", " ").toLowerCase())
                .then()
                .statusCode(200)
                .body("trackingCode", equalTo(code));

        // in the queue of the kabupaten's team, found by its region
        String id = idOf(code);
        secretariat()
                .get("/api/v1/intake/" + id)
                .then()
                .statusCode(200)
                .body("queueRegion", equalTo(REGENCY))
                .body("status", equalTo("BARU"))
                .body("contactName", equalTo("Siti Aminah"))
                .body("personalDataVisible", equalTo(true))
                .body("overdue", equalTo(false));
        assertThat(Db.count("select count(*) from change_log where entity_id = ?::uuid and actor = 'public'", id))
                .isEqualTo(1);
    }

    @Test
    void anUnknownAndAMalformedCodeCannotBeToldApart() {
        List<String> codes =
                List.of("ZZZZ-ZZZZ-ZZ", "not a code", "K7QM-4XPD-R2X", "%00", "U".repeat(10), "x".repeat(300));
        String first = null;
        for (String code : codes) {
            Response response = given().accept("application/json").get("/api/v1/public/reports/" + code);
            assertThat(response.statusCode()).as(code).isEqualTo(404);
            Map<String, Object> problem = new HashMap<>(response.jsonPath().getMap(""));
            problem.remove("instance");
            problem.remove("requestId");
            String shape = new java.util.TreeMap<>(problem).toString();
            if (first == null) {
                first = shape;
            }
            assertThat(shape).as(code).isEqualTo(first);
        }
        assertThat(TrackingCodes.normalise("x".repeat(300))).isEqualTo(TrackingCodes.NONE);
        assertThat(TrackingCodes.normalise("k7qm-4xpd-r2")).isEqualTo("K7QM4XPDR2");
        assertThat(TrackingCodes.normalise("K7QM 4XPD RO")).isEqualTo("K7QM4XPDR0");
    }

    /** The abuse test of the issue: 1,000 submissions without a valid proof of work store nothing. */
    @Test
    void submissionsWithoutAValidProofOfWorkStoreNothing() {
        Map<String, Object> challenge = given().get("/api/v1/public/challenge")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        String solved = ProofOfWork.solve(challenge);
        Map<String, Object> decoded = decode(solved);
        long right = ((Number) decoded.get("number")).longValue();
        Map<String, Object> forged = new HashMap<>(challenge);
        forged.put("signature", "0".repeat(64));
        Map<String, Object> otherSalt = new HashMap<>(challenge);
        otherSalt.put("salt", "0011223344556677?expires=" + (Instant.now().getEpochSecond() + 600));

        var before = Db.snapshot();
        int refused = 0;
        int attempts = 1000;
        for (int i = 0; i < attempts; i++) {
            Map<String, Object> body = report(REGENCY, phone());
            switch (i % 6) {
                case 0 -> body.remove("altcha");
                case 1 -> body.put("altcha", "bm90IGpzb24=");
                case 2 -> body.put("altcha", ProofOfWork.payload(challenge, right + 1 + i % 50));
                case 3 -> body.put("altcha", ProofOfWork.payload(forged, right));
                case 4 -> body.put("altcha", ProofOfWork.payload(otherSalt, right));
                default -> body.put("altcha", "%%%" + i);
            }
            int status = given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/public/reports")
                    .then()
                    .contentType("application/problem+json")
                    .extract()
                    .statusCode();
            if (status == 400) {
                refused++;
            }
        }
        Db.assertUnchanged(before);
        assertThat(refused).isEqualTo(attempts);
        System.out.printf(
                "abuse test: %d submissions without a valid proof of work, %d refused, %d rows stored%n",
                attempts, refused, 0);
    }

    @Test
    void aSolutionIsAcceptedOnce() {
        String solved = ProofOfWork.fresh();
        Map<String, Object> body = report(REGENCY, null);
        body.put("altcha", solved);
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(202);
        var before = Db.snapshot();
        body.put("description", "Laporan yang sama dikirim ulang oleh skrip");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("altcha"))
                .body("errors.code", hasItem("intake.altcha.used"));
        Db.assertUnchanged(before);
        System.out.println("abuse test: a replayed solution was refused (400 intake.altcha.used), nothing stored");
    }

    /** A form that lost the answer sends the same request again with its Idempotency-Key: the same code, one report. */
    @Test
    void aRetryWithTheSameKeyAnswersTheSameTrackingCode() {
        Map<String, Object> body = report(REGENCY, null);
        body.put("altcha", ProofOfWork.fresh());
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("trackingCode");
        var before = Db.snapshot();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("trackingCode", equalTo(first));
        Db.assertUnchanged(before);
    }

    @Test
    void theHoneypotAnswersLikeASuccessAndStoresNothing() {
        Map<String, Object> body = report(REGENCY, phone());
        body.put("altcha", ProofOfWork.fresh());
        body.put("website", "http://spam.example");
        var before = Db.snapshot();
        String code = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(202)
                .body("status", equalTo("DITERIMA"))
                .extract()
                .path("trackingCode");
        Db.assertUnchanged(before);
        given().get("/api/v1/public/reports/" + code).then().statusCode(404);
    }

    @Test
    void sizeLimitsAndRulesAreRefusedWritingNothing() {
        var before = Db.snapshot();
        Map<String, Object> big = report(REGENCY, phone());
        big.put("description", "x".repeat(5001));
        big.put("altcha", "eA==");
        given().contentType(ContentType.JSON)
                .body(big)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("description"));
        Map<String, Object> future = report(REGENCY, null);
        future.put("occurredAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        future.put("altcha", ProofOfWork.fresh());
        given().contentType(ContentType.JSON)
                .body(future)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        // a form without a token cannot read the reference list: the refusal lists the categories
        Map<String, Object> unknown = report(REGENCY, null);
        unknown.put("categoryCode", "PERANG");
        unknown.put("altcha", ProofOfWork.fresh());
        given().contentType(ContentType.JSON)
                .body(unknown)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("categoryCode"))
                .body("allowed", hasItem("SENGKETA_LAHAN"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/api/v1/reference")));
        Map<String, Object> reset = report(REGENCY, null);
        reset.put("occurredAt", "1970-01-01T00:00:00Z");
        reset.put("altcha", ProofOfWork.fresh());
        given().contentType(ContentType.JSON)
                .body(reset)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        Map<String, Object> nowhere = report("98.01", null);
        nowhere.put("altcha", ProofOfWork.fresh());
        given().contentType(ContentType.JSON)
                .body(nowhere)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("regionCode"));
        Db.assertUnchanged(before);
    }

    @Test
    void aReportGoesToTheProvinceWhenItsKabupatenHasNoTeam() {
        assertThat(queueOf(submit(report("19.99", null)))).isEqualTo(PROVINCE);
        assertThat(queueOf(submit(report(PROVINCE, null)))).isEqualTo(PROVINCE);
        assertThat(queueOf(submit(report(REGENCY + ".01", null)))).isEqualTo(REGENCY);
    }

    private static String queueOf(String code) {
        return Db.single("select queue_region from intake_report where id = ?::uuid", idOf(code));
    }

    /**
     * Two people of the team triage one report at once, neither sending If-Match: one decides, the other is told the
     * report was decided (409), not that a version it never sent is stale (412); one record is made.
     */
    private static final String CREATED_RECORDS =
            "select count(*) from change_log where entity_type in ('incident', 'early-warning') and operation = 'CREATE'";

    @Test
    void twoTriagersAtOnceMakeOneDecisionAndTheOtherIsToldWhich() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = idOf(submit(report(REGENCY + ".01", phone())));
            long created = Db.count(CREATED_RECORDS);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (String action : List.of("ACCEPT_AS_INCIDENT", "ACCEPT_AS_WARNING")) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return secretariat()
                                .body(Map.of("action", action, "severity", 3, "likelihood", 3, "impact", 3))
                                .post("/api/v1/intake/" + id + "/triage")
                                .then()
                                .extract()
                                .statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new java.util.ArrayList<>();
                for (var answer : answers) {
                    statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                assertThat(Db.count(CREATED_RECORDS)).as("one record made").isEqualTo(created + 1);
                assertThat(Db.single("select linked_type from intake_report where id = ?::uuid", id))
                        .isIn("incident", "early-warning");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void acceptingCreatesTheIncidentLinkedInOneTransactionAndFollowsIt() {
        String code = submit(report(REGENCY + ".01", phone()));
        String id = idOf(code);
        // ANALYSTs and another region's team do not triage
        Tokens.analyst(REGENCY).get("/api/v1/intake/" + id).then().statusCode(403);
        Tokens.coordinator("13").get("/api/v1/intake/" + id).then().statusCode(404);

        Map<String, Object> accepted = secretariat()
                .header("If-Match", "\"0\"")
                .body(Map.of("action", "ACCEPT_AS_INCIDENT", "severity", 3, "note", "Dikonfirmasi lewat telepon"))
                .post("/api/v1/intake/" + id + "/triage")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("DIVERIFIKASI"))
                .body("publicStatus", equalTo("DIVERIFIKASI"))
                .body("linkedType", equalTo("INCIDENT"))
                .body("firstActionAt", notNullValue())
                .extract()
                .jsonPath()
                .getMap("");
        String incident = (String) accepted.get("linkedId");
        secretariat()
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .body("sourceKind", equalTo("LAPORAN_MASYARAKAT"))
                .body("regionCode", equalTo(REGENCY + ".01"))
                .body("stage", equalTo("PENCEGAHAN"))
                .body("title", equalTo("Warga dua dusun bersitegang soal batas kebun; ada ancaman pembakaran pondok."))
                // the triager checked it: verified by them, with their note (community reports never start verified)
                .body("verification.state", equalTo("TERVERIFIKASI"))
                .body("verification.verifiedBy", notNullValue())
                .body("verification.note", equalTo("Dikonfirmasi lewat telepon"));
        given().get("/api/v1/public/reports/" + code).then().statusCode(200).body("status", equalTo("DIVERIFIKASI"));

        // a decided report cannot be triaged again: 409 naming no allowed move, nothing written
        var before = Db.snapshot();
        for (String action : List.of("REJECT", "FORWARD", "DUPLICATE", "ACCEPT_AS_WARNING", "ACCEPT_AS_INCIDENT")) {
            secretariat()
                    .header("If-Match", "\"1\"")
                    .body(Map.of("action", action, "publicReason", "x", "regionCode", "19.71"))
                    .post("/api/v1/intake/" + id + "/triage")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("DIVERIFIKASI"))
                    .body("allowed", org.hamcrest.Matchers.anyOf(nullValue(), org.hamcrest.Matchers.empty()));
        }
        Db.assertUnchanged(before);

        // the incident moves on: the reporter sees DITINDAKLANJUTI
        secretariat()
                .header("If-Match", "\"0\"")
                .body(Map.of("to", "PENGHENTIAN", "reason", "Bentrokan pecah; Polres menghentikan kekerasan"))
                .post("/api/v1/incidents/" + incident + "/stage-transitions")
                .then()
                .statusCode(200);
        given().get("/api/v1/public/reports/" + code)
                .then()
                .statusCode(200)
                .body("status", equalTo("DITINDAKLANJUTI"))
                .body("reason", nullValue());
        secretariat().get("/api/v1/intake/" + id).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void acceptingAsAWarningAndAFailingAcceptWriteAllOrNothing() {
        String id = idOf(submit(report(REGENCY, null)));
        var before = Db.snapshot();
        // an incident lies in a kabupaten/kota or finer: refused by the incident's own rules, the report unchanged
        secretariat()
                .header("If-Match", "\"0\"")
                .body(Map.of("action", "ACCEPT_AS_INCIDENT", "categoryCode", "TIDAK_ADA_KATEGORI_INI"))
                .post("/api/v1/intake/" + id + "/triage")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("categoryCode"));
        // a stale version
        secretariat()
                .header("If-Match", "\"7\"")
                .body(Map.of("action", "ACCEPT_AS_WARNING"))
                .post("/api/v1/intake/" + id + "/triage")
                .then()
                .statusCode(412);
        Db.assertUnchanged(before);
        String warning = secretariat()
                .header("If-Match", "\"0\"")
                .body(Map.of("action", "ACCEPT_AS_WARNING", "likelihood", 4, "impact", 3))
                .post("/api/v1/intake/" + id + "/triage")
                .then()
                .statusCode(200)
                .body("linkedType", equalTo("EARLY_WARNING"))
                .extract()
                .path("linkedId");
        secretariat()
                .get("/api/v1/early-warnings/" + warning)
                .then()
                .statusCode(200)
                .body("sourceKind", equalTo("LAPORAN_MASYARAKAT"))
                .body("status", equalTo("TERIDENTIFIKASI"))
                .body("verification.state", equalTo("TERVERIFIKASI"));
    }

    @Test
    void rejectForwardAndDuplicate() {
        // reject: the reason is what the reporter reads
        String rejected = submit(report(REGENCY, null));
        var before = Db.snapshot();
        secretariat()
                .header("If-Match", "\"0\"")
                .body(Map.of("action", "REJECT"))
                .post("/api/v1/intake/" + idOf(rejected) + "/triage")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("publicReason"));
        Db.assertUnchanged(before);
        secretariat()
                .header("If-Match", "\"0\"")
                .body(Map.of("action", "REJECT", "publicReason", "Perselisihan perdata, bukan konflik sosial"))
                .post("/api/v1/intake/" + idOf(rejected) + "/triage")
                .then()
                .statusCode(200)
                .body("status", equalTo("DITOLAK"));
        given().get("/api/v1/public/reports/" + rejected)
                .then()
                .statusCode(200)
                .body("status", equalTo("DITOLAK"))
                .body("reason", equalTo("Perselisihan perdata, bukan konflik sosial"));

        // forward: to the province's queue, with a new service level; the kabupaten's team no longer sees it
        String forwarded = submit(report(REGENCY, null));
        String id = idOf(forwarded);
        secretariat()
                .header("If-Match", "\"0\"")
                .body(Map.of("action", "FORWARD", "regionCode", REGENCY))
                .post("/api/v1/intake/" + id + "/triage")
                .then()
                .statusCode(400)
                .body("errors.code", hasItem("intake.forward.same-queue"));
        secretariat()
                .header("If-Match", "\"0\"")
                .body(Map.of("action", "FORWARD", "regionCode", "19.71", "note", "Lokasi ternyata di Pangkal Pinang"))
                .post("/api/v1/intake/" + id + "/triage")
                .then()
                .statusCode(200)
                .body("status", equalTo("DITERUSKAN"))
                .body("queueRegion", equalTo(PROVINCE));
        secretariat().get("/api/v1/intake/" + id).then().statusCode(404);
        given().get("/api/v1/public/reports/" + forwarded).then().body("status", equalTo("DITERIMA"));
        // the province triages it further: a duplicate of an incident it knows
        String incident = Tokens.coordinator(PROVINCE)
                .body(IncidentResourceTest.incident("Sengketa batas kebun Air Merah", "19.71"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Tokens.coordinator(PROVINCE)
                .header("If-Match", "\"1\"")
                .body(Map.of(
                        "action",
                        "DUPLICATE",
                        "recordType",
                        "INCIDENT",
                        "recordId",
                        UUID.randomUUID().toString()))
                .post("/api/v1/intake/" + id + "/triage")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("recordId"));
        Tokens.coordinator(PROVINCE)
                .header("If-Match", "\"1\"")
                .body(Map.of("action", "DUPLICATE", "recordType", "INCIDENT", "recordId", incident))
                .post("/api/v1/intake/" + id + "/triage")
                .then()
                .statusCode(200)
                .body("status", equalTo("DUPLIKAT"))
                .body("linkedId", equalTo(incident));
        given().get("/api/v1/public/reports/" + forwarded).then().body("status", equalTo("DIVERIFIKASI"));
    }

    @Test
    void theOverdueListAfterTheServiceLevel() {
        String late = idOf(submit(report(REGENCY, null)));
        String fresh = idOf(submit(report(REGENCY, null)));
        Db.execute("update intake_report set due_at = now() - interval '1 hour' where id = '" + late + "'");
        List<String> overdue = secretariat()
                .get("/api/v1/intake?overdue=true&limit=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(overdue).contains(late).doesNotContain(fresh);
        secretariat().get("/api/v1/intake/" + late).then().body("overdue", equalTo(true));
        List<String> onTime = secretariat()
                .get("/api/v1/intake?overdue=false&limit=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(onTime).contains(fresh).doesNotContain(late);
        // acting on it takes it off the overdue list
        secretariat()
                .header("If-Match", "\"0\"")
                .body(Map.of("action", "REJECT", "publicReason", "Sudah ditangani kepolisian"))
                .post("/api/v1/intake/" + late + "/triage")
                .then()
                .statusCode(200)
                .body("overdue", equalTo(false));
        assertThat((List<String>) secretariat()
                        .get("/api/v1/intake?overdue=true&limit=200")
                        .then()
                        .extract()
                        .path("items.id"))
                .doesNotContain(late);
        // three working days: Friday to Wednesday, Saturday to Wednesday
        Instant friday = Instant.parse("2026-12-04T03:00:00Z");
        assertThat(WorkingDays.after(friday, 3)).isEqualTo(Instant.parse("2026-12-09T03:00:00Z"));
        assertThat(WorkingDays.after(Instant.parse("2026-12-05T03:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-12-09T03:00:00Z"));
    }

    /** The reporter's phone: masked for others, in the access log when shown, and nowhere else. */
    @Test
    void thePhoneNumberNeverLeavesTheQueue() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                lines.add(record.getLoggerName() + " " + message);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String phone = phone();
        String digits = phone.replace(" ", "");
        String incident;
        String warning;
        String id;
        try {
            String code = submit(report(REGENCY + ".01", phone));
            id = idOf(code);
            // another agency's officer of the region sees it masked; the secretariat unmasked, and that is recorded
            UUID polres = TestData.createAgency(TestData.unique("Polres Belitung"), "POLRI", REGENCY);
            Tokens.as("officer.polres.belitung", List.of("OFFICER"), List.of(REGENCY), polres)
                    .get("/api/v1/intake?limit=200")
                    .then()
                    .statusCode(200)
                    .body("items.find { it.id == '" + id + "' }.contactPhone", matchesPattern("^\\*+$"))
                    .body("items.find { it.id == '" + id + "' }.contactName", equalTo("S*** A***"))
                    .body("items.find { it.id == '" + id + "' }.personalDataVisible", equalTo(false));
            long reads = Db.count(
                    "select count(*) from personal_data_access where entity_id = ?::uuid", UUID.fromString(id));
            secretariat().get("/api/v1/intake/" + id).then().statusCode(200).body("contactPhone", equalTo(phone));
            assertThat(Db.count(
                            "select count(*) from personal_data_access where entity_id = ?::uuid and entity_type = 'intake-report'",
                            UUID.fromString(id)))
                    .isEqualTo(reads + 1);
            incident = secretariat()
                    .header("If-Match", "\"0\"")
                    .body(Map.of("action", "ACCEPT_AS_INCIDENT", "classification", "PUBLIC"))
                    .post("/api/v1/intake/" + id + "/triage")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("linkedId");
            String other = idOf(submit(report(REGENCY, phone)));
            warning = secretariat()
                    .header("If-Match", "\"0\"")
                    .body(Map.of("action", "ACCEPT_AS_WARNING", "classification", "PUBLIC"))
                    .post("/api/v1/intake/" + other + "/triage")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("linkedId");
            List<String> answers = new ArrayList<>();
            RequestSpecification admin = Tokens.admin();
            answers.add(admin.get("/api/v1/incidents?region=" + REGENCY + "&limit=200")
                    .asString());
            answers.add(Tokens.admin().get("/api/v1/incidents/" + incident).asString());
            answers.add(Tokens.admin()
                    .get("/api/v1/incidents/" + incident + "/history")
                    .asString());
            answers.add(Tokens.admin().get("/api/v1/early-warnings/" + warning).asString());
            // verified by its triager, who is also its author: a public warning waits for a second person
            Tokens.admin()
                    .get("/api/v1/early-warnings/" + warning)
                    .then()
                    .body("verification.state", equalTo("TERVERIFIKASI"))
                    .body("published", equalTo(false));
            answers.add(Tokens.admin()
                    .accept("application/cap+xml")
                    .get("/api/v1/early-warnings/" + warning)
                    .asString());
            answers.add(Tokens.admin().get("/api/v1/alerts.atom").asString());
            for (String format : List.of("csv", "ndjson", "geojson")) {
                answers.add(Tokens.admin()
                        .get("/api/v1/exports/incidents?region=" + REGENCY + "&format=" + format)
                        .asString());
            }
            answers.add(Tokens.admin().get("/api/v1/feed/changes?limit=200").asString());
            answers.add(Tokens.admin().get("/api/v1/feed/changes/latest").asString());
            for (String answer : answers) {
                assertThat(answer).doesNotContain(phone).doesNotContain(digits).doesNotContain("Siti Aminah");
            }
        } finally {
            root.removeHandler(capture);
        }
        // the change log (the feed's and the webhooks' source) and the webhook queue hold no contact
        for (String table : List.of("change_log", "webhook_delivery")) {
            assertThat(Db.count(
                            "select count(*) from " + table + " t where t::text like ? or t::text like ?",
                            "%" + phone + "%",
                            "%Siti Aminah%"))
                    .as(table)
                    .isZero();
        }
        assertThat(Db.count("select count(*) from change_log where entity_id = ?::uuid", UUID.fromString(id)))
                .isEqualTo(2);
        List<String> logged = List.copyOf(lines);
        assertThat(logged).as("the requests were logged").anyMatch(l -> l.contains("/api/v1/public/reports"));
        assertThat(logged).as("log lines holding the phone").noneMatch(l -> l.contains(phone) || l.contains(digits));
        assertThat(logged).noneMatch(l -> l.contains("Siti Aminah"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decode(String payload) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(Base64.getDecoder().decode(payload), LinkedHashMap.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
