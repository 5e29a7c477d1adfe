package id.terpadu.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
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
import id.terpadu.common.http.HttpDatesTest;
import id.terpadu.support.Db;
import id.terpadu.support.ProofOfWork;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * Photos with a community report, as a reporter's browser or phone sends them: the report's 202 answer shows an
 * upload key once; with it a photo goes in one request or over tus; the triager sees it without where it was taken;
 * accepted as an incident, the report's photos are the incident's. Every refusal writes nothing.
 */
@QuarkusTest
class PublicPhotosTest {

    static final String REGENCY = "19.04";
    static final String PUBLIC = "/api/v1/public";
    static final String KEY = "Report-Key";

    private UUID kesbangpol;

    @BeforeEach
    void team() {
        TestData.ensureRegions();
        kesbangpol = TestData.createAgency(TestData.unique("Kesbangpol Kabupaten Belitung"), "KESBANGPOL", REGENCY);
        TestData.team("KABUPATEN_KOTA", REGENCY, ActionPlanResourceTest.LAST_YEAR, kesbangpol);
    }

    private RequestSpecification triager() {
        return Tokens.as("kesbangpol.belitung." + kesbangpol, List.of("COORDINATOR"), List.of(REGENCY), kesbangpol);
    }

    /** A report as a form sends it, after its proof of work: the 202 answer. */
    static Map<String, Object> submit(String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", "Warga dua dusun bersitegang soal batas kebun; ada ancaman pembakaran pondok.");
        body.put("regionCode", REGENCY);
        body.put("occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        body.put("categoryCode", "SENGKETA_LAHAN");
        if (phone != null) {
            body.put("contactName", "Siti Aminah");
            body.put("contactPhone", phone);
        }
        body.put("altcha", ProofOfWork.fresh());
        return given().contentType(ContentType.JSON)
                .body(body)
                .post(PUBLIC + "/reports")
                .then()
                .statusCode(202)
                .body("uploadKey", notNullValue())
                .body("photos", equalTo(0))
                .body("maxPhotos", equalTo(5))
                .extract()
                .jsonPath()
                .getMap("");
    }

    static String idOf(Map<String, Object> received) {
        return Db.single(
                "select id::text from intake_report where tracking_code = ?",
                ((String) received.get("trackingCode")).replace("-", ""));
    }

    static Response photo(String code, String key, byte[] file, String name) {
        RequestSpecification r = given().multiPart("file", name, file, "application/octet-stream");
        if (key != null) {
            r = r.header(KEY, key);
        }
        return r.post(PUBLIC + "/reports/" + code + "/photos");
    }

    /** A tus creation: its answer. */
    static Response startTus(String key, long length, String fileName) {
        RequestSpecification r = given().header("Tus-Resumable", "1.0.0").header("Upload-Length", length);
        if (fileName != null) {
            r = r.header("Upload-Metadata", "filename " + b64(fileName) + ",filetype " + b64("image/jpeg"));
        }
        if (key != null) {
            r = r.header(KEY, key);
        }
        return r.post(PUBLIC + "/uploads");
    }

    static Response patch(String key, String location, long offset, byte[] piece) {
        return given().header("Tus-Resumable", "1.0.0")
                .header(KEY, key)
                .header("Upload-Offset", offset)
                .contentType("application/offset+octet-stream")
                .body(piece)
                .patch(location);
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A PNG of its own bytes (the same picture, a different trailer after its end). */
    static byte[] png(int n) {
        byte[] png = Samples.png();
        byte[] own = Arrays.copyOf(png, png.length + 4);
        own[png.length] = (byte) n;
        return own;
    }

    @Test
    void aReportersPhotosReachTheTriagerWithoutTheirPlaceAndGoWithTheIncident() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = capture(lines);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String phone = "0819 " + (1000 + (int) (Math.random() * 8999)) + " 4417";
        Map<String, Object> received;
        String key;
        String code;
        String id;
        String incident;
        try {
            received = submit(phone);
            key = (String) received.get("uploadKey");
            code = (String) received.get("trackingCode");
            id = idOf(received);
            assertThat(key).matches("^[A-Za-z0-9_-]{43}$");
            assertThat(Instant.parse((String) received.get("uploadKeyExpiresAt")))
                    .isBetween(
                            Instant.now().plus(55, ChronoUnit.MINUTES),
                            Instant.now().plus(61, ChronoUnit.MINUTES));

            // a photo with its place in its EXIF, in one request, as a web form sends it
            byte[] withPlace = MetadataStripperTest.jpegWithEverything();
            Response sent = photo(code, key, withPlace, "IMG_0931.jpg");
            sent.then().statusCode(201).body("status", equalTo("AVAILABLE")).body("mediaType", equalTo("image/jpeg"));
            String first = sent.path("id");
            int keptSize = sent.path("size");
            // the same photo again is the first
            photo(code, key, withPlace, "IMG_0931.jpg").then().statusCode(200).body("id", equalTo(first));

            // a second one over tus, in two pieces, as a phone's client sends it after a dropped connection
            byte[] second = png(1);
            Response started = startTus(key, second.length, "IMG_0932.png");
            started.then()
                    .statusCode(201)
                    .header("Tus-Resumable", "1.0.0")
                    .header("Upload-Offset", "0")
                    .header("Upload-Expires", org.hamcrest.Matchers.matchesPattern(HttpDatesTest.IMF_FIXDATE));
            String location = started.header("Location");
            assertThat(location).contains(PUBLIC + "/uploads/");
            patch(key, location, 0, Arrays.copyOf(second, 40))
                    .then()
                    .statusCode(204)
                    .header("Upload-Offset", "40");
            given().header("Tus-Resumable", "1.0.0")
                    .header(KEY, key)
                    .head(location)
                    .then()
                    .statusCode(204)
                    .header("Upload-Offset", "40")
                    .header("Upload-Length", String.valueOf(second.length))
                    .header("Upload-Expires", org.hamcrest.Matchers.matchesPattern(HttpDatesTest.IMF_FIXDATE));
            patch(key, location, 40, Arrays.copyOfRange(second, 40, second.length))
                    .then()
                    .statusCode(204)
                    .header("Upload-Offset", String.valueOf(second.length));
            // the same photo again over tus makes no photo of its own, and its address still answers as complete,
            // for a phone whose last answer was lost and that asks before it would start over
            String again = startTus(key, second.length, "IMG_0932.png").header("Location");
            patch(key, again, 0, second).then().statusCode(204).header("Upload-Offset", String.valueOf(second.length));
            given().header("Tus-Resumable", "1.0.0")
                    .header(KEY, key)
                    .head(again)
                    .then()
                    .statusCode(204)
                    .header("Upload-Offset", String.valueOf(second.length))
                    .header("Upload-Length", String.valueOf(second.length));

            // the reporter learns how many arrived, nothing else
            Map<String, Object> status = given().get(PUBLIC + "/reports/" + code)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("");
            assertThat(status)
                    .containsOnlyKeys("trackingCode", "status", "reason", "receivedAt", "updatedAt", "photos")
                    .containsEntry("photos", 2);

            // the triager sees both, the first without where it was taken, in its metadata or in the answer
            triager()
                    .get("/api/v1/attachments?parentType=intake-report&parentId=" + id)
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(2))
                    .body("items.classification", org.hamcrest.Matchers.everyItem(equalTo("RESTRICTED")))
                    .body("items.capture", org.hamcrest.Matchers.everyItem(nullValue()));
            byte[] served = triager()
                    .get("/api/v1/attachments/" + first + "/content")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            // its size is that of the copy kept and served, without the place
            assertThat(keptSize).isEqualTo(served.length).isLessThan(withPlace.length);
            assertThat(MetadataStripperTest.tags(withPlace)).anyMatch(t -> t.startsWith("GPS"));
            MetadataStripperTest.assertNothingIdentifying(MetadataStripperTest.tags(served));
            // nor is it kept: no coordinates, no original
            assertThat(Db.count(
                            "select count(*) from attachment where reported_in = ?::uuid and (capture_latitude is not null"
                                    + " or captured_at is not null or original_key is not null)",
                            UUID.fromString(id)))
                    .isZero();
            // an analyst of the region, who does not triage, does not see the report's photos
            Tokens.analyst(REGENCY)
                    .get("/api/v1/attachments?parentType=intake-report&parentId=" + id)
                    .then()
                    .statusCode(404);
            Tokens.analyst(REGENCY).get("/api/v1/attachments/" + first).then().statusCode(404);

            // accepted as an incident, the photos are the incident's, in the same transaction
            incident = triager()
                    .contentType(ContentType.JSON)
                    .header("If-Match", "\"0\"")
                    .body(Map.of("action", "ACCEPT_AS_INCIDENT", "classification", "RESTRICTED"))
                    .post("/api/v1/intake/" + id + "/triage")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("linkedId");
            triager()
                    .get("/api/v1/incidents/" + incident)
                    .then()
                    .statusCode(200)
                    .body("attachments", equalTo(2));
            triager()
                    .get("/api/v1/attachments?parentType=incident&parentId=" + incident)
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(2))
                    .body("items.parentType", org.hamcrest.Matchers.everyItem(equalTo("incident")))
                    .body("items.capture", org.hamcrest.Matchers.everyItem(nullValue()));
            triager()
                    .get("/api/v1/attachments?parentType=intake-report&parentId=" + id)
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0));
            byte[] fromIncident = triager()
                    .get("/api/v1/attachments/" + first + "/content")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            assertThat(fromIncident).isEqualTo(served);
            given().get(PUBLIC + "/reports/" + code).then().statusCode(200).body("photos", equalTo(2));

            // the key of a triaged report sends nothing more
            Map<String, String> before = Db.snapshot();
            photo(code, key, png(2), "late.png")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:terpadu:problem:conflict"));
            Db.assertUnchanged(before);

            // the feed and the change log name the photos only once they are the incident's
            String feed = Tokens.admin().get("/api/v1/feed/changes?limit=500").asString();
            for (String answer : List.of(
                    feed,
                    Tokens.admin()
                            .get("/api/v1/attachments/" + first + "/history")
                            .asString(),
                    Tokens.admin()
                            .get("/api/v1/incidents/" + incident + "/history")
                            .asString())) {
                assertThat(answer).doesNotContain(key).doesNotContain(phone);
            }
            assertThat(feed).doesNotContain("intake-photo");
            // the triager reads the contact (and the read is logged), never the key
            assertThat(Tokens.admin().get("/api/v1/intake/" + id).asString()).doesNotContain(key);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(Db.count(
                        "select count(*) from change_log where entity_type = 'attachment' and entity_id = ?::uuid",
                        UUID.fromString(first(id))))
                .as("the move to the incident is a change of the attachment")
                .isEqualTo(1);
        for (String table : List.of("change_log", "webhook_delivery", "idempotency_key", "intake_report")) {
            assertThat(Db.count(
                            "select count(*) from " + table + " t where t::text like ? or t::text like ?",
                            "%" + key + "%",
                            "%" + phone.replace(" ", "") + "%"))
                    .as(table)
                    .isZero();
        }
        assertThat(Db.count("select count(*) from change_log t where t::text like ?", "%" + phone + "%"))
                .isZero();
        List<String> logged = List.copyOf(lines);
        assertThat(logged).as("the uploads were logged").anyMatch(l -> l.contains(PUBLIC + "/uploads"));
        assertThat(logged).noneMatch(l -> l.contains(key) || l.contains(phone));
    }

    /** The id of the one-request photo (the JPEG) that came with a report. */
    private static String first(String report) {
        return Db.single(
                "select id::text from attachment where reported_in = ?::uuid and media_type = 'image/jpeg'",
                UUID.fromString(report));
    }

    @Test
    void withoutTheRightKeyOrRoomNothingIsWritten() {
        Map<String, Object> a = submit(null);
        Map<String, Object> b = submit(null);
        String codeA = (String) a.get("trackingCode");
        String keyA = (String) a.get("uploadKey");
        String keyB = (String) b.get("uploadKey");
        byte[] image = png(10);

        Map<String, String> before = Db.snapshot();
        // no key, a wrong one, another report's: the same 404
        for (String key : new String[] {null, "", "x".repeat(43), keyB, keyA + "x", "y".repeat(500)}) {
            photo(codeA, key, image, "a.png")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("Report-Key"))
                    .body("type", equalTo("urn:terpadu:problem:not-found"));
            if (!keyB.equals(key)) {
                startTus(key, image.length, "a.png").then().statusCode(404).contentType("application/problem+json");
            }
        }
        // not an image, in one request
        photo(codeA, keyA, Samples.text("bukan foto"), "catatan.txt")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        // larger than a photo may be, or than the report's bytes left
        startTus(keyA, 30L * 1024 * 1024, "besar.jpg").then().statusCode(413).contentType("application/problem+json");
        startTus(keyA, 21L * 1024 * 1024, "besar.jpg")
                .then()
                .statusCode(413)
                .body("detail", org.hamcrest.Matchers.containsString("20971520"));
        // metadata a reporter may not set
        given().header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", 10)
                .header(KEY, keyA)
                .header("Upload-Metadata", "parentId " + b64(UUID.randomUUID().toString()))
                .post(PUBLIC + "/uploads")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        Db.assertUnchanged(before);

        // an upload under way of report A: report B's key neither sees nor continues nor abandons it
        String location = startTus(keyA, image.length, "a.png")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        before = Db.snapshot();
        given().header("Tus-Resumable", "1.0.0")
                .header(KEY, keyB)
                .head(location)
                .then()
                .statusCode(404);
        patch(keyB, location, 0, image).then().statusCode(404);
        given().header("Tus-Resumable", "1.0.0")
                .header(KEY, keyB)
                .delete(location)
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);
        // its own key abandons it
        given().header("Tus-Resumable", "1.0.0")
                .header(KEY, keyA)
                .delete(location)
                .then()
                .statusCode(204);

        // a file that turns out not to be an image over tus: 415, and it is not kept
        byte[] text = Samples.text("bukan foto, hanya teks yang cukup panjang untuk sebuah potongan");
        String textUpload = startTus(keyA, text.length, "catatan.jpg")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        patch(keyA, textUpload, 0, text).then().statusCode(415).contentType("application/problem+json");
        String reportA = idOf(a);
        assertThat(Db.count("select count(*) from attachment where reported_in = ?::uuid", UUID.fromString(reportA)))
                .isZero();

        // five photos, then the report has all it may have
        for (int i = 0; i < 5; i++) {
            photo(codeA, keyA, png(20 + i), "foto" + i + ".png").then().statusCode(201);
        }
        before = Db.snapshot();
        photo(codeA, keyA, png(30), "foto6.png")
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("5"));
        startTus(keyA, 100, "foto6.png").then().statusCode(409);
        Db.assertUnchanged(before);

        // an expired key: 410
        Db.execute("update intake_report set upload_key_expires_at = now() - interval '1 second' where id = '" + idOf(b)
                + "'");
        before = Db.snapshot();
        photo((String) b.get("trackingCode"), keyB, image, "a.png")
                .then()
                .statusCode(410)
                .contentType("application/problem+json");
        startTus(keyB, image.length, "a.png").then().statusCode(410);
        Db.assertUnchanged(before);
    }

    @Test
    void aHoneypotReportGetsAKeyThatOpensNothingAndAReplayShowsNoKey() {
        Map<String, Object> body = new HashMap<>();
        body.put("description", "Laporan dari robot");
        body.put("regionCode", REGENCY);
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        body.put("website", "http://spam.example");
        body.put("altcha", ProofOfWork.fresh());
        Map<String, Object> fake = given().contentType(ContentType.JSON)
                .body(body)
                .post(PUBLIC + "/reports")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat((String) fake.get("uploadKey")).matches("^[A-Za-z0-9_-]{43}$");
        photo((String) fake.get("trackingCode"), (String) fake.get("uploadKey"), png(40), "a.png")
                .then()
                .statusCode(404);

        // a form that lost the answer retries with the same Idempotency-Key: the same code, the key not again
        body.remove("website");
        body.put("altcha", ProofOfWork.fresh());
        String idempotency = UUID.randomUUID().toString();
        Map<String, Object> first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotency)
                .body(body)
                .post(PUBLIC + "/reports")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getMap("");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotency)
                .body(body)
                .post(PUBLIC + "/reports")
                .then()
                .statusCode(202)
                .body("trackingCode", equalTo(first.get("trackingCode")))
                .body("uploadKey", nullValue());
    }

    private static Handler capture(List<String> lines) {
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
        return capture;
    }
}
