package id.terpadu.attachment;

import static id.terpadu.support.Tokens.coordinator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.common.http.HttpDatesTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * A field officer's photo of a burnt house attached to an incident, as a phone and a browser send it: in one
 * request, and resumably over tus with a dropped piece, a wrong offset and a wrong checksum on the way; what leaves
 * the service carries no place; who may not see the incident sees nothing of it.
 */
@QuarkusTest
@Tag("external-db")
public class AttachmentResourceTest {

    static final String PATH = "/api/v1/attachments";

    /** A new incident's id. */
    public static String incident(String region, String classification) {
        Map<String, Object> body =
                new java.util.HashMap<>(IncidentResourceTest.incident(TestData.unique("Rumah warga terbakar"), region));
        body.put("classification", classification);
        return coordinator(region.substring(0, 2))
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static RequestSpecification form(String subject, List<String> roles, List<String> scope, UUID agency) {
        return given().auth().oauth2(Tokens.token(subject, roles, scope, agency));
    }

    static RequestSpecification coordinatorForm(String region) {
        return form("coordinator." + region, List.of("COORDINATOR"), List.of(region), null);
    }

    static Response attach(
            RequestSpecification as,
            String incident,
            byte[] file,
            String fileName,
            String kind,
            Map<String, String> more) {
        RequestSpecification r = as.multiPart("file", fileName, file, "application/octet-stream")
                .multiPart("parentType", "incident")
                .multiPart("parentId", incident)
                .multiPart("kind", kind)
                .multiPart("title", "Rumah warga terbakar di Simpang Kampung Baru");
        for (var e : more.entrySet()) {
            r = r.multiPart(e.getKey(), e.getValue());
        }
        return r.post(PATH);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aPhotoWithItsPlaceLeavesWithoutItAndOnlyTheSecretariatSeesWhereItWasTaken() throws Exception {
        String incident = incident("13.77", "RESTRICTED");
        byte[] photo = MetadataStripperTest.jpegWithEverything();

        Response created =
                attach(coordinatorForm("13"), incident, photo, "../../IMG_0931<script>.jpg", "FOTO", Map.of());
        created.then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body(
                        "status",
                        equalTo("AVAILABLE"),
                        "mediaType",
                        equalTo("image/jpeg"),
                        "sha256",
                        equalTo(sha256(photo)),
                        "fileName",
                        equalTo("IMG_0931_script_.jpg"),
                        "classification",
                        equalTo("RESTRICTED"),
                        "capture.source",
                        equalTo("FILE"));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(PATH + "/" + id);
        assertThat((Float) created.path("capture.latitude"))
                .isCloseTo(-0.6264f, org.assertj.core.data.Offset.offset(1e-4f));

        // an analyst of the province reads the record, not where it was taken
        Tokens.analyst("13").get(PATH + "/" + id).then().statusCode(200).body("capture", nullValue());

        // what leaves the service: no place, no serial, the same picture
        Response download = coordinator("13").get(PATH + "/" + id + "/content");
        download.then()
                .statusCode(200)
                .header("Content-Type", "image/jpeg")
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Disposition",
                        org.hamcrest.Matchers.startsWith("attachment; filename=\"IMG_0931_script_.jpg\""))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("sandbox"));
        byte[] served = download.asByteArray();
        MetadataStripperTest.assertNothingIdentifying(MetadataStripperTest.tags(served));
        MetadataStripperTest.assertSamePixels(photo, served);
        // the ETag, the size and contentSha256 describe the bytes served, cleaned: not the upload (sha256 stays its)
        String etag = download.header("ETag");
        assertThat(served.length).isLessThan(photo.length);
        assertThat(download.header("Content-Length")).isEqualTo(String.valueOf(served.length));
        assertThat(etag).isEqualTo("\"" + sha256(served) + "\"");
        coordinator("13")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body(
                        "size",
                        equalTo(served.length),
                        "contentSha256",
                        equalTo(sha256(served)),
                        "sha256",
                        equalTo(sha256(photo)));

        // a range, a conditional read, and a range past the end
        byte[] part = coordinator("13")
                .header("Range", "bytes=2-101")
                .get(PATH + "/" + id + "/content")
                .then()
                .statusCode(206)
                .header("Content-Range", "bytes 2-101/" + served.length)
                .extract()
                .asByteArray();
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(served, 2, 102));
        // If-Range: the range holds only for the current copy, compared strongly; otherwise the whole file
        coordinator("13")
                .header("Range", "bytes=0-99")
                .header("If-Range", etag)
                .get(PATH + "/" + id + "/content")
                .then()
                .statusCode(206)
                .header("Content-Range", "bytes 0-99/" + served.length);
        for (String stale :
                List.of("\"other\"", "W/" + etag, "\"" + sha256(photo) + "\"", "Tue, 08 Dec 2026 07:05:09 GMT")) {
            byte[] whole = coordinator("13")
                    .header("Range", "bytes=0-99")
                    .header("If-Range", stale)
                    .get(PATH + "/" + id + "/content")
                    .then()
                    .statusCode(200)
                    .header("Content-Range", nullValue())
                    .header("ETag", etag)
                    .extract()
                    .asByteArray();
            assertThat(whole).as(stale).isEqualTo(served);
        }
        coordinator("13")
                .header("Range", "bytes=" + served.length + "-")
                .header("If-Range", "\"other\"")
                .get(PATH + "/" + id + "/content")
                .then()
                .statusCode(200);
        coordinator("13")
                .header("If-None-Match", etag)
                .get(PATH + "/" + id + "/content")
                .then()
                .statusCode(304);
        coordinator("13")
                .header("Range", "bytes=" + served.length + "-")
                .get(PATH + "/" + id + "/content")
                .then()
                .statusCode(416)
                .contentType("application/problem+json");

        // the thumbnail is made shortly after the answer, and carries no place either
        byte[] thumbnail = awaitThumbnail(id);
        MetadataStripperTest.assertNothingIdentifying(MetadataStripperTest.tags(thumbnail));

        // the same bytes again: the same attachment
        Response again = attach(coordinatorForm("13"), incident, photo, "copy.jpg", "FOTO", Map.of());
        again.then().statusCode(200).body("id", equalTo(id));
        coordinator("13")
                .queryParam("parentType", "incident")
                .queryParam("parentId", incident)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));

        // the change log keeps the record, never the place
        String history = coordinator("13")
                .get(PATH + "/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(history).contains("AVAILABLE").doesNotContain("100.1179", "-0.6264", "capture\":{");
    }

    /**
     * A photo is taken before it is sent: a capture time days ahead (a phone whose date is wrong) is refused naming
     * the field, in one request and over tus, and nothing is written; a clock a little ahead is forgiven, as elsewhere.
     */
    @Test
    void aCaptureTimeAheadOfTheServicesClockIsRefusedAndNothingIsWritten() {
        String incident = incident("13.77", "RESTRICTED");
        String daysAhead = Instant.now().plus(Duration.ofDays(3)).toString();
        String pastTheSkew = Instant.now().plus(Duration.ofMinutes(6)).toString();
        Map<String, String> before = Db.snapshot();
        attach(coordinatorForm("13"), incident, Samples.jpeg(), "foto.jpg", "FOTO", Map.of("capturedAt", daysAhead))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors[0].field",
                        equalTo("capturedAt"),
                        "errors[0].code",
                        equalTo("attachment.captured-at.future"),
                        "errors[0].params.minutes",
                        equalTo(5));
        tus(coordinator("13"))
                .header("Upload-Length", 10)
                .header("Upload-Metadata", metadata(incident, "FOTO") + ",capturedAt " + b64(pastTheSkew))
                .post("/api/v1/uploads")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors[0].field",
                        equalTo("capturedAt"),
                        "errors[0].code",
                        equalTo("attachment.captured-at.future"));
        Db.assertUnchanged(before);

        String aLittleAhead = Instant.now()
                .plus(Duration.ofMinutes(2))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        attach(coordinatorForm("13"), incident, Samples.jpeg(), "foto.jpg", "FOTO", Map.of("capturedAt", aLittleAhead))
                .then()
                .statusCode(201)
                .body("capture.takenAt", equalTo(aLittleAhead), "capture.source", equalTo("CLIENT"));
    }

    /**
     * An attachment made before the digest and size of its served copy were kept is named by its upload's until the
     * sweeper has read that copy; then its size, contentSha256 and download ETag are the served bytes'. That is no
     * change of the attachment: the same version, nothing in the change log (so no feed entry, no webhook), and a
     * removal that read it before is not refused; but the answer changed, so its ETag did (no 304 for the old one).
     */
    @Test
    void anAttachmentMadeBeforeItsServedCopyWasDescribedIsDescribedByTheSweeper() throws Exception {
        String incident = incident("13.77", "RESTRICTED");
        byte[] photo = MetadataStripperTest.jpegWithEverything();
        Response created = attach(coordinatorForm("13"), incident, photo, "lama.jpg", "FOTO", Map.of());
        created.then().statusCode(201);
        String id = created.path("id");
        int version = created.path("version");
        byte[] served = coordinator("13").get(PATH + "/" + id + "/content").asByteArray();
        assertThat(served.length).isNotEqualTo(photo.length);
        Db.execute("update attachment set content_sha256 = null, content_size = null where id = '" + id + "'");

        String cached = coordinator("13")
                .get(PATH + "/" + id)
                .then()
                .body("size", equalTo(photo.length), "contentSha256", nullValue())
                .header("ETag", "\"" + version + "\"")
                .extract()
                .header("ETag");
        coordinator("13")
                .get(PATH + "/" + id + "/content")
                .then()
                .statusCode(200)
                .header("ETag", "\"" + sha256(photo) + "\"");
        String logged = "select count(*) from change_log where entity_id = ?::uuid";
        long entries = Db.count(logged, id);

        Instant until = Instant.now().plusSeconds(20);
        while (Db.count("select count(*) from attachment where id = ?::uuid and content_sha256 is null", id) > 0
                && Instant.now().isBefore(until)) {
            sweep();
        }
        coordinator("13")
                .header("If-None-Match", cached)
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"" + version + "-1\"")
                .body(
                        "size",
                        equalTo(served.length),
                        "contentSha256",
                        equalTo(sha256(served)),
                        "sha256",
                        equalTo(sha256(photo)),
                        "version",
                        equalTo(version));
        coordinator("13")
                .header("If-None-Match", "\"" + version + "-1\"")
                .get(PATH + "/" + id)
                .then()
                .statusCode(304);
        coordinator("13")
                .get(PATH + "/" + id + "/content")
                .then()
                .statusCode(200)
                .header("ETag", "\"" + sha256(served) + "\"");
        assertThat(Db.count(logged, id)).isEqualTo(entries);
        assertThat(Db.count("select count(*) from attachment where id = ?::uuid and version = ?", id, (long) version))
                .isOne();

        coordinator("13")
                .header("If-Match", cached)
                .delete(PATH + "/" + id)
                .then()
                .statusCode(204);
    }

    /**
     * Bytes the store refuses to remove with an unchecked exception (as an object store's client fails) stay queued
     * and hold up neither the other queued keys nor the sweep.
     */
    @Test
    void aKeyTheStoreCannotRemoveStaysQueuedAndTheOthersGo() {
        String refused = "files/NOT A KEY " + UUID.randomUUID();
        String removable = "files/" + UUID.randomUUID();
        Db.execute("insert into storage_garbage (key, is_prefix, queued_at) values ('" + refused
                + "', false, now() - interval '1 hour'), ('" + removable + "', false, now())");
        AttachmentSweeper sweeper =
                io.quarkus.arc.Arc.container().instance(AttachmentSweeper.class).get();
        for (int i = 0; i < 10 && Db.count("select count(*) from storage_garbage where key = ?", removable) > 0; i++) {
            sweeper.collectGarbage(100);
        }
        assertThat(Db.count("select count(*) from storage_garbage where key = ?", removable))
                .isZero();
        assertThat(Db.count("select count(*) from storage_garbage where key = ?", refused))
                .as("kept queued for a later try")
                .isEqualTo(1);
        Db.execute("delete from storage_garbage where key = '" + refused + "'");
    }

    /**
     * A served copy that cannot be read (gone from the store, or the store failing with an unchecked exception) holds
     * up neither the copies behind it nor the sweep's later steps, and is not taken again before a day has passed.
     */
    @Test
    void aServedCopyThatCannotBeReadHoldsUpNothingAndIsTriedAgainADayLater() throws Exception {
        String gone = legacyAttachment(Samples.jpeg(), "lama.jpg", "3 days");
        String failing = legacyAttachment(Samples.png(), "lama.png", "2 days");
        String readable = legacyAttachment(MetadataStripperTest.jpegWithEverything(), "lama.jpg", "1 day");
        byte[] served =
                coordinator("13").get(PATH + "/" + readable + "/content").asByteArray();
        io.quarkus.arc.Arc.container()
                .instance(id.terpadu.attachment.storage.BlobStore.class)
                .get()
                .delete("files/" + gone);
        // a key the store refuses with an IllegalArgumentException, as an S3 client's own failure is no IOException
        Db.execute("update attachment set content_key = 'files/NOT A KEY' where id = '" + failing + "'");
        AttachmentSweeper sweeper =
                io.quarkus.arc.Arc.container().instance(AttachmentSweeper.class).get();

        // one at a time, oldest first: the two that cannot be read come first and must not hold up the third
        for (int i = 0; i < 20 && !described(readable); i++) {
            sweeper.describeServedCopies(1);
        }
        assertThat(Db.single("select content_sha256 from attachment where id = ?::uuid", readable))
                .isEqualTo(sha256(served));
        String tried = "select served_checked_at from attachment where id = ?::uuid and content_sha256 is null";
        String goneTried = Db.single(tried, gone);
        String failingTried = Db.single(tried, failing);
        assertThat(goneTried).isNotNull();
        assertThat(failingTried).isNotNull();

        // not taken again by the next sweeps, and the sweep goes on to its later steps (the garbage)
        String garbage = "files/never-there-" + UUID.randomUUID();
        Db.execute("insert into storage_garbage (key, is_prefix) values ('" + garbage + "', false)");
        sweep();
        sweeper.describeServedCopies(50);
        assertThat(Db.single(tried, gone)).isEqualTo(goneTried);
        assertThat(Db.single(tried, failing)).isEqualTo(failingTried);
        assertThat(Db.count("select count(*) from storage_garbage where key = ?", garbage))
                .isZero();

        // a day later it is tried once more, and a failure of the store stops no sweep
        Db.execute("update attachment set served_checked_at = now() - interval '25 hours' where id in ('" + gone
                + "', '" + failing + "')");
        garbage = "files/never-there-" + UUID.randomUUID();
        Db.execute("insert into storage_garbage (key, is_prefix) values ('" + garbage + "', false)");
        sweep();
        assertThat(Db.single(tried, gone)).isNotEqualTo(goneTried);
        assertThat(Db.single(tried, failing)).isNotEqualTo(failingTried);
        assertThat(Db.count("select count(*) from storage_garbage where key = ?", garbage))
                .isZero();
        // its removal in a later test must not queue a key the store refuses
        Db.execute("update attachment set content_key = 'files/" + failing + "' where id = '" + failing + "'");
    }

    /**
     * Two instances describing served copies at the same time take different rows: while one holds the rows it took,
     * another skips them, and once taken they are not taken again.
     */
    @Test
    void instancesTakeDifferentServedCopiesToDescribe() throws Exception {
        legacyAttachment(Samples.jpeg(), "lama.jpg", "3 days");
        legacyAttachment(Samples.png(), "lama.png", "2 days");
        AttachmentRepository attachments = io.quarkus.arc.Arc.container()
                .instance(AttachmentRepository.class)
                .get();
        Duration retry = AttachmentSweeper.SERVED_COPY_RETRY;
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            List<UUID> first = new java.util.ArrayList<>();
            List<UUID> second = new java.util.ArrayList<>();
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                attachments.takeServedCopiesUnknown(1, retry).forEach(r -> first.add((UUID) r[0]));
                try {
                    other.submit(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                                    .run(() -> attachments
                                            .takeServedCopiesUnknown(1, retry)
                                            .forEach(r -> second.add((UUID) r[0]))))
                            .get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(first).hasSize(1);
            assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
            List<UUID> later = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> attachments.takeServedCopiesUnknown(50, retry).stream()
                            .map(r -> (UUID) r[0])
                            .toList());
            assertThat(later).doesNotContainAnyElementsOf(first).doesNotContainAnyElementsOf(second);
        } finally {
            other.shutdownNow();
        }
    }

    /** An available attachment as one made before its served copy's digest and size were kept looks; its id. */
    private static String legacyAttachment(byte[] file, String name, String age) {
        Response created = attach(coordinatorForm("13"), incident("13.77", "RESTRICTED"), file, name, "FOTO", Map.of());
        created.then().statusCode(201);
        String id = created.path("id");
        Db.execute("update attachment set content_sha256 = null, content_size = null, created_at = now() - interval '"
                + age + "' where id = '" + id + "'");
        return id;
    }

    private static boolean described(String id) {
        return Db.count("select count(*) from attachment where id = ?::uuid and content_sha256 is not null", id) > 0;
    }

    @Test
    void anUploadLeftUnfinishedAnswersGoneThenGoesWithItsBytes() throws Exception {
        String location = startUpload("13.77", 100);
        String id = location.substring(location.lastIndexOf('/') + 1);
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", 0)
                .body(new byte[40])
                .patch(location)
                .then()
                .statusCode(204);
        // expired a moment ago: 410, the piece still there
        Db.execute("update attachment_upload set expires_at = now() - interval '1 second' where attachment_id = '" + id
                + "'");
        tus(coordinator("13")).head(location).then().statusCode(410).contentType("application/problem+json");
        // expired long ago: the sweeper removes it, logged as the service's own doing, and its pieces
        Db.execute("update attachment_upload set expires_at = now() - interval '1 hour' where attachment_id = '" + id
                + "'");
        Instant until = Instant.now().plusSeconds(20);
        while (Db.count("select count(*) from attachment where id = ?::uuid", id) > 0
                && Instant.now().isBefore(until)) {
            sweep();
        }
        assertThat(Db.count("select count(*) from attachment where id = ?::uuid", id))
                .isZero();
        assertThat(Db.single(
                        "select actor from change_log where entity_type = 'attachment' and entity_id = ?::uuid "
                                + "and operation = 'DELETE'",
                        id))
                .isEqualTo(AttachmentSweeper.EXPIRY_ACTOR);
        id.terpadu.attachment.storage.BlobStore store = io.quarkus.arc.Arc.container()
                .instance(id.terpadu.attachment.storage.BlobStore.class)
                .get();
        until = Instant.now().plusSeconds(20);
        while (Db.count("select count(*) from storage_garbage where key = ?", "uploads/" + id) > 0
                && Instant.now().isBefore(until)) {
            sweep();
        }
        assertThat(Db.count("select count(*) from storage_garbage where key = ?", "uploads/" + id))
                .isZero();
        tus(coordinator("13")).head(location).then().statusCode(404);
    }

    @Test
    void anIncidentRemovedTakesItsAndItsActivitiesAttachmentsAndTheirBytesAndTheFeedIsTold() throws Exception {
        String incident = incident("13.77", "RESTRICTED");
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        String activity = coordinator("13")
                .body(IncidentResourceTest.activity("PATROLI", polres))
                .post("/api/v1/incidents/" + incident + "/activities")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String own = attach(coordinatorForm("13"), incident, Samples.image("jpg", 90, 60), "a.jpg", "FOTO", Map.of())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String ofActivity = coordinatorForm("13")
                .multiPart("file", "b.png", Samples.image("png", 70, 50), "image/png")
                .multiPart("parentType", "incident-activity")
                .multiPart("parentId", activity)
                .multiPart("kind", "FOTO")
                .multiPart("title", "Patroli di lokasi")
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String version = coordinator("13")
                .get("/api/v1/incidents/" + incident)
                .then()
                .extract()
                .header("ETag");

        coordinator("13")
                .header("If-Match", version)
                .delete("/api/v1/incidents/" + incident)
                .then()
                .statusCode(204);

        id.terpadu.attachment.storage.BlobStore store = io.quarkus.arc.Arc.container()
                .instance(id.terpadu.attachment.storage.BlobStore.class)
                .get();
        for (String id : List.of(own, ofActivity)) {
            coordinator("13").get(PATH + "/" + id).then().statusCode(404);
            assertThat(Db.count(
                            "select count(*) from change_log where entity_type = 'attachment' and entity_id = ?::uuid "
                                    + "and operation = 'DELETE'",
                            id))
                    .as("the removal of " + id + " is in the change log")
                    .isEqualTo(1);
            Instant until = Instant.now().plusSeconds(20);
            while (store.size("files/" + id).isPresent() && Instant.now().isBefore(until)) {
                sweep();
            }
            assertThat(store.size("files/" + id)).as("the bytes of " + id).isEmpty();
        }
    }

    /**
     * The attachments' housekeeping, now: in the tests its schedule is a minute (its statements would otherwise land in
     * other tests' statement counts), so a test that waits for it runs it.
     */
    static void sweep() throws InterruptedException {
        io.quarkus.arc.Arc.container().instance(AttachmentSweeper.class).get().sweep();
        Thread.sleep(100);
    }

    static byte[] awaitThumbnail(String id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            Response r = coordinator("13").get(PATH + "/" + id + "/thumbnail");
            if (r.statusCode() == 200) {
                assertThat(r.header("Content-Type")).isEqualTo("image/jpeg");
                return r.asByteArray();
            }
            assertThat(r.statusCode()).isEqualTo(404);
            sweep();
        }
        throw new AssertionError("no thumbnail within 20 s");
    }

    @Test
    void aWebpPhotoGetsAThumbnail() throws Exception {
        byte[] webp;
        try (var in = AttachmentResourceTest.class.getResourceAsStream("/samples/photo-640x480.webp")) {
            webp = in.readAllBytes();
        }
        String id = attach(coordinatorForm("13"), incident("13.77", "RESTRICTED"), webp, "foto.webp", "FOTO", Map.of())
                .then()
                .statusCode(201)
                .body("mediaType", equalTo("image/webp"))
                .extract()
                .path("id");
        var thumbnail = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(awaitThumbnail(id)));
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(240);
    }

    @Test
    void aSecretariatsOldWordAndExcelFilesAreKeptAndAnInstallerCalledDocIsNot() {
        String incident = incident("13.77", "RESTRICTED");
        attach(coordinatorForm("13"), incident, Samples.xls(), "daftar-hadir.xls", "DAFTAR_HADIR", Map.of())
                .then()
                .statusCode(201)
                .body("mediaType", equalTo("application/vnd.ms-excel"))
                .body("fileName", equalTo("daftar-hadir.xls"));
        attach(
                        coordinatorForm("13"),
                        incident,
                        Samples.compound("WordDocument", "1Table"),
                        "notulen.doc",
                        "NOTULEN",
                        Map.of())
                .then()
                .statusCode(201)
                .body("mediaType", equalTo("application/msword"));
        Map<String, String> before = Db.snapshot();
        attach(
                        coordinatorForm("13"),
                        incident,
                        Samples.compound("\u0005SummaryInformation", "!_StringData"),
                        "notulen.doc",
                        "NOTULEN",
                        Map.of())
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("allowed", hasItems("application/msword", "application/vnd.ms-excel"));
        Db.assertUnchanged(before);
    }

    @Test
    void aPageRenamedToJpgIsRefusedAndNothingIsWritten() {
        String incident = incident("13.77", "RESTRICTED");
        Map<String, String> before = Db.snapshot();
        attach(
                        coordinatorForm("13"),
                        incident,
                        Samples.text("<!DOCTYPE html><script>alert(1)</script>"),
                        "foto.jpg",
                        "FOTO",
                        Map.of())
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("allowed", hasItems("image/jpeg", "image/png"));
        coordinatorForm("13")
                .contentType("multipart/form-data; boundary=XYZ")
                .body("--ABC\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--ABC--\r\n"
                        .getBytes(StandardCharsets.US_ASCII))
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:malformed-body"));
        attach(coordinatorForm("13"), incident, Samples.jpeg(), "x.jpg", "FOTO", Map.of("colour", "red"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        attach(coordinatorForm("13"), incident, Samples.jpeg(), "x.jpg", "FOTO", Map.of("classification", "PUBLIC"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("classification"));
        attach(coordinatorForm("13"), incident, Samples.jpeg(), "x.jpg", "LUKISAN", Map.of())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        attach(coordinatorForm("13"), UUID.randomUUID().toString(), Samples.jpeg(), "x.jpg", "FOTO", Map.of())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        attach(
                        Tokens.analyst("13").contentType("multipart/form-data"),
                        incident,
                        Samples.jpeg(),
                        "x.jpg",
                        "FOTO",
                        Map.of())
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
    }

    @Test
    void whoMayNotSeeTheIncidentSeesNothingOfItsAttachments() {
        String incident = incident("13.77", "RESTRICTED");
        String id = attach(coordinatorForm("13"), incident, Samples.jpeg(), "a.jpg", "FOTO", Map.of())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        RequestSpecification elsewhere = Tokens.as("officer.13.01", List.of("OFFICER"), List.of("13.01"));
        for (String path : List.of(
                PATH + "/" + id,
                PATH + "/" + id + "/content",
                PATH + "/" + id + "/thumbnail",
                PATH + "/" + id + "/history")) {
            elsewhere.get(path).then().statusCode(404).contentType("application/problem+json");
        }
        elsewhere
                .queryParam("parentType", "incident")
                .queryParam("parentId", incident)
                .get(PATH)
                .then()
                .statusCode(404);

        // a CONFIDENTIAL attachment of a RESTRICTED incident: not listed for a reader without clearance
        UUID binda = TestData.createAgency(TestData.unique("Binda Sumatera Barat"), "BIN", "13");
        String secret = attach(
                        form("binda.sumbar", List.of("COORDINATOR"), List.of("13"), binda),
                        incident,
                        Samples.png(),
                        "b.png",
                        "FOTO",
                        Map.of("classification", "CONFIDENTIAL"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Tokens.analyst("13")
                .queryParam("parentType", "incident")
                .queryParam("parentId", incident)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        Tokens.analyst("13").get(PATH + "/" + secret).then().statusCode(404);
        Tokens.as("binda.sumbar", List.of("COORDINATOR"), List.of("13"), binda)
                .get(PATH + "/" + secret)
                .then()
                .statusCode(200)
                .body("classification", equalTo("CONFIDENTIAL"));
    }

    @Test
    void aPhotoOfAVictimIsFetchedOnlyByThoseWhoMayReadPersonalDataAndEachFetchIsRecorded() {
        String incident = incident("13.77", "RESTRICTED");
        String id = attach(
                        coordinatorForm("13"),
                        incident,
                        Samples.jpeg(),
                        "korban.jpg",
                        "FOTO",
                        Map.of("personalData", "true"))
                .then()
                .statusCode(201)
                .body("personalData", equalTo(true))
                .extract()
                .path("id");
        long before = Db.count("select count(*) from personal_data_access where entity_id = ?::uuid", id);
        Tokens.analyst("13").get(PATH + "/" + id + "/content").then().statusCode(403);
        coordinator("13").get(PATH + "/" + id + "/content").then().statusCode(200);
        Instant until = Instant.now().plusSeconds(10);
        while (Db.count("select count(*) from personal_data_access where entity_id = ?::uuid", id) == before
                && Instant.now().isBefore(until)) {
            Thread.onSpinWait();
        }
        assertThat(Db.count("select count(*) from personal_data_access where entity_id = ?::uuid", id))
                .isGreaterThan(before);
    }

    // ---- tus ------------------------------------------------------------------------------------------------

    /** A photo attached to a new incident of the region by its province's coordinator; the attachment's id. */
    public static String attachPhoto(String region) {
        String incident = incident(region, "RESTRICTED");
        return attach(
                        coordinatorForm(region.substring(0, 2)),
                        incident,
                        Samples.image("jpg", 80, 60),
                        "p.jpg",
                        "FOTO",
                        Map.of())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A tus upload of {@code length} bytes started for a new incident of the region; its address. */
    public static String startUpload(String region, long length) {
        String incident = incident(region, "RESTRICTED");
        return tus(coordinator(region.substring(0, 2)))
                .header("Upload-Length", length)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
    }

    static String metadata(String incident, String kind) {
        return "parentType " + b64("incident") + ",parentId " + b64(incident) + ",kind " + b64(kind) + ",title "
                + b64("Video bentrokan") + ",filename " + b64("bentrok.jpg");
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static RequestSpecification tus(RequestSpecification as) {
        return as.header("Tus-Resumable", "1.0.0");
    }

    @Test
    void aResumableUploadGoesOnFromWhereTheServerSaysItStands() throws Exception {
        String incident = incident("13.77", "RESTRICTED");
        byte[] photo = Samples.image("jpg", 1600, 1200);
        Response created = tus(coordinator("13"))
                .header("Upload-Length", photo.length)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads");
        created.then()
                .statusCode(201)
                .header("Upload-Offset", "0")
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Expires", org.hamcrest.Matchers.matchesPattern(HttpDatesTest.IMF_FIXDATE))
                .body("status", equalTo("UPLOADING"));
        String location = created.header("Location");
        assertThat(java.net.URI.create(location).getPath()).startsWith("/api/v1/uploads/");
        String id = location.substring(location.lastIndexOf('/') + 1);

        int half = photo.length / 2;
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", 0)
                .body(java.util.Arrays.copyOf(photo, half))
                .patch(location)
                .then()
                .statusCode(204)
                .header("Upload-Offset", String.valueOf(half));
        tus(coordinator("13"))
                .head(location)
                .then()
                .statusCode(204)
                .header("Upload-Offset", String.valueOf(half))
                .header("Upload-Length", String.valueOf(photo.length))
                .header("Upload-Expires", org.hamcrest.Matchers.matchesPattern(HttpDatesTest.IMF_FIXDATE))
                .header("Cache-Control", "no-store");

        byte[] rest = java.util.Arrays.copyOfRange(photo, half, photo.length);
        // a piece at the wrong offset, a piece with a wrong checksum: refused, the offset unchanged
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", 0)
                .body(rest)
                .patch(location)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        String wrong = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(new byte[1]));
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", half)
                .header("Upload-Checksum", "sha256 " + wrong)
                .body(rest)
                .patch(location)
                .then()
                .statusCode(460);
        tus(coordinator("13")).head(location).then().header("Upload-Offset", String.valueOf(half));
        Tokens.coordinator("13")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("UPLOADING"), "upload.offset", equalTo(half));

        String right = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(rest));
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", half)
                .header("Upload-Checksum", "sha256 " + right)
                .body(rest)
                .patch(location)
                .then()
                .statusCode(204)
                .header("Upload-Offset", String.valueOf(photo.length));
        coordinator("13")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("AVAILABLE"), "sha256", equalTo(sha256(photo)), "upload", nullValue());
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", photo.length)
                .body(new byte[1])
                .patch(location)
                .then()
                .statusCode(409);
    }

    /**
     * A phone's upload that turns out to be a photo already on the record makes no attachment of its own; its last
     * answer, lost on a bad network, is not lost for good: the upload's address answers as complete, as the
     * attachment that holds the bytes, and so does a repeated creation with the phone's own id, until the upload would
     * have expired. A finished upload of its own answers so too.
     */
    @Test
    void aRepeatedCreationDoesNotShowAnUploadReclassifiedAboveItsUploadersClearance() throws Exception {
        String incident = incident("13.77", "RESTRICTED");
        byte[] photo = Samples.image("jpg", 320, 240);
        String upload = UUID.randomUUID().toString();
        String metadata = metadata(incident, "FOTO") + ",id " + b64(upload);
        String location = tus(coordinator("13"))
                .header("Upload-Length", photo.length)
                .header("Upload-Metadata", metadata)
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", 0)
                .body(photo)
                .patch(location)
                .then()
                .statusCode(204);
        // the secretariat's intelligence officer finds the photo shows an informant: it is now CONFIDENTIAL
        Db.execute("update attachment set classification = 'CONFIDENTIAL' where id = '" + upload + "'");
        coordinator("13").get(PATH + "/" + upload).then().statusCode(404);

        Map<String, String> before = Db.snapshot();
        String answer = tus(coordinator("13"))
                .header("Upload-Length", photo.length)
                .header("Upload-Metadata", metadata)
                .post("/api/v1/uploads")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .extract()
                .asString();
        assertThat(answer).doesNotContain("CONFIDENTIAL").doesNotContain("sha256");
        Db.assertUnchanged(before);
    }

    @Test
    void aFinishedUploadStillAnswersWhereItStandsWhenItsLastAnswerWasLost() throws Exception {
        String incident = incident("13.77", "RESTRICTED");
        byte[] photo = Samples.image("jpg", 320, 240);
        String kept = attach(coordinatorForm("13"), incident, photo, "rumah.jpg", "FOTO", Map.of())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String keptAt = PATH + "/" + kept;

        // the same bytes over tus, with an id the phone chose
        String upload = UUID.randomUUID().toString();
        String metadata = metadata(incident, "FOTO") + ",id " + b64(upload);
        String location = tus(coordinator("13"))
                .header("Upload-Length", photo.length)
                .header("Upload-Metadata", metadata)
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .header("Upload-Offset", "0")
                .extract()
                .header("Location");
        assertThat(location).endsWith("/api/v1/uploads/" + upload);
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", 0)
                .body(photo)
                .patch(location)
                .then()
                .statusCode(204)
                .header("Upload-Offset", String.valueOf(photo.length))
                .header("Content-Location", keptAt);

        // that answer was lost: the phone asks where the upload stands, and is told it is complete, and where
        tus(coordinator("13"))
                .head(location)
                .then()
                .statusCode(204)
                .header("Upload-Offset", String.valueOf(photo.length))
                .header("Upload-Length", String.valueOf(photo.length))
                .header("Content-Location", keptAt)
                .header("Upload-Expires", nullValue());
        coordinator("13")
                .get(location)
                .then()
                .statusCode(200)
                .header("Content-Location", keptAt)
                .body("id", equalTo(kept), "status", equalTo("AVAILABLE"));

        // or it repeats the creation with its id: the same upload, complete, not a new one at 0; nothing is written
        Map<String, String> before = Db.snapshot();
        tus(coordinator("13"))
                .header("Upload-Length", photo.length)
                .header("Upload-Metadata", metadata)
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/uploads/" + upload))
                .header("Upload-Offset", String.valueOf(photo.length))
                .header("Content-Location", keptAt)
                .body("id", equalTo(kept), "status", equalTo("AVAILABLE"));
        // nothing more to send, nothing to abandon; the id is not another upload's, nor anyone else's to see
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", photo.length)
                .body(new byte[1])
                .patch(location)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        tus(coordinator("13")).delete(location).then().statusCode(409).contentType("application/problem+json");
        tus(coordinator("13"))
                .header("Upload-Length", photo.length + 1)
                .header("Upload-Metadata", metadata)
                .post("/api/v1/uploads")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        tus(coordinator("12")).head(location).then().statusCode(404);
        coordinator("12").get(location).then().statusCode(404).contentType("application/problem+json");
        Db.assertUnchanged(before);
        assertThat(Db.count("select count(*) from attachment where parent_id = ?::uuid", UUID.fromString(incident)))
                .isOne();

        // once the upload would have expired, its address is forgotten
        Db.execute("update attachment_upload_result set expires_at = now() - interval '1 second' where upload_id = '"
                + upload + "'");
        tus(coordinator("13")).head(location).then().statusCode(404);
        Instant until = Instant.now().plusSeconds(20);
        while (Db.count(
                                "select count(*) from attachment_upload_result where upload_id = ?::uuid",
                                UUID.fromString(upload))
                        > 0
                && Instant.now().isBefore(until)) {
            sweep();
        }
        assertThat(Db.count(
                        "select count(*) from attachment_upload_result where upload_id = ?::uuid",
                        UUID.fromString(upload)))
                .isZero();

        // an upload that became an attachment of its own answers the same way, for as long as it is there
        byte[] other = Samples.image("png", 320, 240);
        String own = UUID.randomUUID().toString();
        String ownMetadata = metadata(incident, "FOTO") + ",id " + b64(own);
        String ownLocation = tus(coordinator("13"))
                .header("Upload-Length", other.length)
                .header("Upload-Metadata", ownMetadata)
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", 0)
                .body(other)
                .patch(ownLocation)
                .then()
                .statusCode(204)
                .header("Content-Location", PATH + "/" + own);
        tus(coordinator("13"))
                .head(ownLocation)
                .then()
                .statusCode(204)
                .header("Upload-Offset", String.valueOf(other.length))
                .header("Upload-Length", String.valueOf(other.length))
                .header("Content-Location", PATH + "/" + own);
        Map<String, String> beforeOwn = Db.snapshot();
        tus(coordinator("13"))
                .header("Upload-Length", other.length)
                .header("Upload-Metadata", ownMetadata)
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/uploads/" + own))
                .header("Upload-Offset", String.valueOf(other.length))
                .header("Content-Location", PATH + "/" + own)
                .body("id", equalTo(own), "status", equalTo("AVAILABLE"));
        Db.assertUnchanged(beforeOwn);
    }

    /**
     * A phone that changed networks leaves its piece's connection open and silent, and asks where the upload stands
     * from the new one: the writer's HEAD stops the piece that hangs, at once, and counts what arrived of it.
     */
    @Test
    void theWritersHeadStopsAPieceThatHangsAndCountsWhatArrived() throws Exception {
        byte[] photo = Samples.image("jpg", 1600, 1200);
        String location = newUpload(photo);
        try (java.net.Socket hanging = pieceInFlight(location, photo, 20_000)) {
            long start = System.nanoTime();
            tus(coordinator("13")).head(location).then().statusCode(204).header("Upload-Offset", "20000");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("answered without waiting for the piece")
                    .isLessThan(Uploads.SETTLE);
            assertThat(closedByTheService(hanging)).isTrue();
        }
    }

    /** The same phone goes on without asking, at the offset it knows: its new piece stops the old one and completes. */
    @Test
    void theWritersPieceStopsAPieceThatHangsAndTheUploadCompletes() throws Exception {
        byte[] photo = Samples.image("jpg", 1600, 1200);
        String location = newUpload(photo);
        int sent = 20_000;
        try (java.net.Socket hanging = pieceInFlight(location, photo, sent)) {
            sendTheRest(location, photo, sent);
            assertThat(closedByTheService(hanging)).isTrue();
        }
        coordinator("13")
                .get(PATH + "/" + location.substring(location.lastIndexOf('/') + 1))
                .then()
                .statusCode(200)
                .body("status", equalTo("AVAILABLE"), "sha256", equalTo(sha256(photo)));
    }

    /**
     * A colleague who may write the upload too stops nothing of someone else's (nor does a reader): the HEAD waits
     * while the piece is still arriving, and once its connection drops, answers with what arrived of it (what a client
     * that lost its connection sees).
     */
    @Test
    void anotherWritersHeadWaitsForThePieceUnderWayAndCountsIt() throws Exception {
        byte[] photo = Samples.image("jpg", 1600, 1200);
        String location = newUpload(photo);
        java.util.concurrent.CompletableFuture<String> offset;
        try (java.net.Socket socket = pieceInFlight(location, photo, 20_000)) {
            offset = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> tus(Tokens.as("coordinator.13.piket", List.of("COORDINATOR"), List.of("13")))
                            .head(location)
                            .then()
                            .statusCode(204)
                            .extract()
                            .header("Upload-Offset"));
            Thread.sleep(500);
            assertThat(offset).as("no answer while the piece is still arriving").isNotDone();
            assertThat(closedByTheService(socket, 100)).as("the piece goes on").isFalse();
        }
        assertThat(offset.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("20000");
    }

    /**
     * A piece sent in chunks whose every byte arrived, but not the body's end, before the connection dropped: no client
     * would send another piece to finish the upload, so keeping its bytes finishes it.
     */
    @Test
    void aDroppedPieceThatHeldTheLastByteFinishesTheUpload() throws Exception {
        byte[] photo = Samples.image("jpg", 800, 600);
        String location = newUpload(photo);
        String token = Tokens.token("coordinator.13", List.of("COORDINATOR"), List.of("13"), null);
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + java.net.URI.create(location).getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + token + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
                            + "Content-Type: application/offset+octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(photo.length) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(photo);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitHeld(location);
        }
        String id = location.substring(location.lastIndexOf('/') + 1);
        String status = "UPLOADING";
        for (long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                status.equals("UPLOADING") && System.nanoTime() < until;
                Thread.sleep(50)) {
            status = coordinator("13")
                    .get(PATH + "/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("status");
        }
        assertThat(status).isEqualTo("AVAILABLE");
        coordinator("13")
                .get(PATH + "/" + id)
                .then()
                .body("sha256", equalTo(sha256(photo)), "size", equalTo(photo.length));
    }

    /** Whether the service closed the connection: its end read within 5 s. */
    private static boolean closedByTheService(java.net.Socket socket) throws Exception {
        return closedByTheService(socket, 5_000);
    }

    private static boolean closedByTheService(java.net.Socket socket, int withinMillis) throws Exception {
        socket.setSoTimeout(withinMillis);
        try {
            while (socket.getInputStream().read() >= 0) {
                // an answer the service may have written before it closed
            }
            return true;
        } catch (java.net.SocketTimeoutException open) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    /** The rest of {@code file} from {@code from}, as the coordinator's piece that completes the upload. */
    private static void sendTheRest(String location, byte[] file, int from) {
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", from)
                .body(java.util.Arrays.copyOfRange(file, from, file.length))
                .patch(location)
                .then()
                .statusCode(204)
                .header("Upload-Offset", String.valueOf(file.length));
    }

    /** A new upload of {@code file} as a FOTO of a new incident in 13.77: its location. */
    private static String newUpload(byte[] file) {
        return tus(coordinator("13"))
                .header("Upload-Length", file.length)
                .header("Upload-Metadata", metadata(incident("13.77", "RESTRICTED"), "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
    }

    /**
     * A PATCH at offset 0 that declares the whole file and has sent its first {@code sent} bytes, once the service
     * holds the upload for it. Closing the socket drops the connection.
     */
    private static java.net.Socket pieceInFlight(String location, byte[] file, int sent) throws Exception {
        java.net.Socket socket = piece(location, file);
        socket.getOutputStream().write(file, 0, sent);
        socket.getOutputStream().flush();
        awaitHeld(location);
        return socket;
    }

    /** Waits until the service holds the upload for a piece. */
    private static void awaitHeld(String location) throws Exception {
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        for (long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                Db.count("select count(*) from attachment_upload where attachment_id = ? and lease is not null", id)
                        == 0;
                Thread.sleep(20)) {
            assertThat(System.nanoTime())
                    .as("the service holds the upload for the piece")
                    .isLessThan(until);
        }
    }

    /** A connection that has sent the head of a PATCH at offset 0 declaring the whole file, and no byte of it yet. */
    private static java.net.Socket piece(String location, byte[] file) throws Exception {
        String token = Tokens.token("coordinator.13", List.of("COORDINATOR"), List.of("13"), null);
        java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port);
        socket.getOutputStream()
                .write(("PATCH " + java.net.URI.create(location).getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Bearer " + token + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
                                + "Content-Type: application/offset+octet-stream\r\nContent-Length: " + file.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /**
     * A phone on a bad network: its piece trickles in, a few kilobytes at a time with pauses (each far less than the
     * batch the service waits for before it wakes the reader, and longer than it lets a chunk wait), then the
     * connection drops. What arrived is kept to the byte, and the upload goes on from there.
     */
    @Test
    void aPieceThatTricklesInAndIsCutKeepsWhatArrivedToTheByte() throws Exception {
        byte[] photo = Samples.image("jpg", 1600, 1200);
        String location = newUpload(photo);
        int part = 5_000;
        int sent = 3 * part;
        assertThat(photo.length).isGreaterThan(2 * sent);
        try (java.net.Socket socket = piece(location, photo)) {
            java.io.OutputStream out = socket.getOutputStream();
            for (int at = 0; at < sent; at += part) {
                out.write(photo, at, part);
                out.flush();
                Thread.sleep(500);
            }
        }
        tus(coordinator("13")).head(location).then().statusCode(204).header("Upload-Offset", String.valueOf(sent));

        sendTheRest(location, photo, sent);
        String id = location.substring(location.lastIndexOf('/') + 1);
        coordinator("13")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("AVAILABLE"), "sha256", equalTo(sha256(photo)), "size", equalTo(photo.length));
    }

    /** A video: an ISO media file whose media data is {@code size} bytes of noise. */
    static byte[] video(int size) {
        byte[] head = Samples.isoMedia("mp42", "isom", "mp42");
        byte[] data = new byte[size];
        new java.util.Random(7).nextBytes(data);
        java.nio.ByteBuffer mdat = java.nio.ByteBuffer.allocate(8 + size)
                .putInt(8 + size)
                .put("mdat".getBytes(StandardCharsets.US_ASCII))
                .put(data);
        byte[] all = java.util.Arrays.copyOf(head, head.length + 8 + size);
        System.arraycopy(mdat.array(), 0, all, head.length, 8 + size);
        return all;
    }

    @Test
    void aPieceLargerThanAJsonBodyStreamsThrough() throws Exception {
        String incident = incident("13.77", "RESTRICTED");
        byte[] video = video(20 * 1024 * 1024);
        String location = tus(coordinator("13"))
                .header("Upload-Length", video.length)
                .header("Upload-Metadata", metadata(incident, "VIDEO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", 0)
                .body(video)
                .patch(location)
                .then()
                .statusCode(204)
                .header("Upload-Offset", String.valueOf(video.length));
        String id = location.substring(location.lastIndexOf('/') + 1);
        coordinator("13")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body(
                        "status",
                        equalTo("AVAILABLE"),
                        "mediaType",
                        equalTo("video/mp4"),
                        "sha256",
                        equalTo(sha256(video)));
        // fetched back whole: from the file store through the service, from object storage by a signed address
        Response fetched = coordinator("13").redirects().follow(false).get(PATH + "/" + id + "/content");
        byte[] served;
        if (fetched.statusCode() == 307) {
            assertThat(fetched.header("Location")).contains("X-Amz-Signature").doesNotContain(id + "/../");
            served = given().urlEncodingEnabled(false)
                    .get(fetched.header("Location"))
                    .then()
                    .statusCode(200)
                    .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;"))
                    .extract()
                    .asByteArray();
        } else {
            served = fetched.then().statusCode(200).extract().asByteArray();
        }
        assertThat(served).hasSize(video.length);
        // a JSON body of the same size is still refused at the edge
        coordinator("13")
                .body("{\"title\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}")
                .post("/api/v1/incidents")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void whoMayNotChangeAnAttachmentChangesNothing() {
        String incident = incident("13.77", "RESTRICTED");
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        UUID kodim = TestData.createAgency(TestData.unique("Kodim 0308/Pariaman"), "TNI", "13.77");
        String attachment = attach(
                        form("officer.polres", List.of("OFFICER"), List.of("13.77"), polres),
                        incident,
                        Samples.image("jpg", 30, 20),
                        "a.jpg",
                        "FOTO",
                        Map.of())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String upload = tus(Tokens.as("officer.polres", List.of("OFFICER"), List.of("13.77"), polres))
                .header("Upload-Length", 100)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        RequestSpecification otherAgency = Tokens.as("officer.kodim", List.of("OFFICER"), List.of("13.77"), kodim);
        Map<String, String> before = Db.snapshot();
        otherAgency
                .header("If-Match", "\"1\"")
                .delete(PATH + "/" + attachment)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        tus(Tokens.as("officer.kodim", List.of("OFFICER"), List.of("13.77"), kodim))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", 0)
                .body(new byte[10])
                .patch(upload)
                .then()
                .statusCode(403);
        coordinator("13").delete(PATH + "/" + attachment).then().statusCode(428);
        coordinator("13")
                .header("If-Match", "\"7\"")
                .delete(PATH + "/" + attachment)
                .then()
                .statusCode(412);
        // a creation whose body is not a piece
        tus(coordinator("13"))
                .header("Upload-Length", 10)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .contentType("text/plain")
                .body("not a piece")
                .post("/api/v1/uploads")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        Db.assertUnchanged(before);
    }

    @Test
    void anUploadWhoseFileWasRefusedDoesNotAnswerAsCompleteAfterAll() {
        String incident = incident("13.77", "RESTRICTED");
        byte[] page = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String location = tus(coordinator("13"))
                .header("Upload-Length", page.length)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", 0)
                .body(page)
                .patch(location)
                .then()
                .statusCode(415);
        // the phone lost that answer and asks where the upload stands: not "complete", which it would take for success
        tus(coordinator("13")).head(location).then().statusCode(415).header("Upload-Offset", nullValue());
        coordinator("13")
                .get(location)
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejection", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void tusIsDiscoveredAndItsRulesHold() {
        String incident = incident("13.77", "RESTRICTED");
        given().options("/api/v1/uploads")
                .then()
                .statusCode(204)
                .header("Tus-Version", "1.0.0")
                .header("Tus-Extension", "creation,creation-with-upload,expiration,checksum,termination")
                .header("Tus-Checksum-Algorithm", "sha256")
                .header("Tus-Max-Size", String.valueOf(1024L * 1024 * 1024));
        Map<String, String> before = Db.snapshot();
        coordinator("13")
                .header("Upload-Length", 10)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(412)
                .header("Tus-Version", "1.0.0");
        // another tus version: tus's 412, as a problem of its own (not a changed record's), naming the version spoken
        coordinator("13")
                .header("Tus-Resumable", "0.2.2")
                .header("Accept-Language", "en")
                .header("Upload-Length", 10)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .header("Tus-Version", "1.0.0")
                .header("Tus-Resumable", "1.0.0")
                .body(
                        "type",
                        equalTo("urn:terpadu:problem:tus-version"),
                        "title",
                        equalTo("The tus version is not supported"),
                        "detail",
                        org.hamcrest.Matchers.containsString("tus 1.0.0"));
        coordinator("13")
                .header("Tus-Resumable", "0.2.2")
                .header("Upload-Length", 10)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(412)
                .body("type", equalTo("urn:terpadu:problem:tus-version"), "title", equalTo("Versi tus tidak didukung"));
        tus(coordinator("13"))
                .header("Upload-Length", 30L * 1024 * 1024)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(413)
                .body("detail", org.hamcrest.Matchers.containsString("max-size-by-kind"));
        tus(coordinator("13"))
                .header("Upload-Length", "-1")
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Upload-Length"));
        tus(coordinator("13"))
                .header("Upload-Length", 10)
                .header("Upload-Metadata", "parentType !!")
                .post("/api/v1/uploads")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Upload-Metadata"));
        tus(coordinator("13"))
                .header("Upload-Defer-Length", 1)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(400);
        Db.assertUnchanged(before);

        // an Idempotency-Key: the retry of a creation is answered as the first was, another body with it is a 422
        String key = UUID.randomUUID().toString();
        String first = tus(coordinator("13"))
                .header("Idempotency-Key", key)
                .header("Upload-Length", 10)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        tus(coordinator("13"))
                .header("Idempotency-Key", key)
                .header("Upload-Length", 10)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .header("Location", first)
                .header("Idempotent-Replayed", "true");
        Map<String, String> beforeReuse = Db.snapshot();
        tus(coordinator("13"))
                .header("Idempotency-Key", key)
                .header("Upload-Length", 11)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        Db.assertUnchanged(beforeReuse);

        // termination: the upload and what arrived are gone
        String location = tus(coordinator("13"))
                .header("Upload-Length", 100)
                .header("Upload-Metadata", metadata(incident, "FOTO"))
                .post("/api/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        tus(coordinator("13"))
                .contentType("application/offset+octet-stream")
                .header("Upload-Offset", 0)
                .body(new byte[40])
                .patch(location)
                .then()
                .statusCode(204);
        tus(coordinator("13")).delete(location).then().statusCode(204);
        tus(coordinator("13")).head(location).then().statusCode(404);
    }
}
