package id.terpadu.attachment;

import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.actionplan.ActionPlanResourceTest;
import id.terpadu.conflictstatus.ConflictStatusResourceTest;
import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.meeting.MeetingResourceTest;
import id.terpadu.neutrality.NeutralityCaseResourceTest;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * Each record that takes attachments answers how many of them its reader may read, in its list and by its id, and
 * that count is part of its ETag ({@code "3"} without any, {@code "3-1"} with one): a cached copy with an old count
 * is answered anew, while a write that names only the version read before a photo came still goes through.
 */
@QuarkusTest
@Tag("external-db")
class AttachmentCountTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    /**
     * A record made for one test: its type as an attachment names it, its province (whose coordinator writes it),
     * where it is read and listed, and where and with what it is replaced (null: no write that takes If-Match).
     */
    record Parent(
            String type,
            String province,
            String id,
            String path,
            String list,
            String replace,
            Map<String, Object> body) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "incident",
                "early-warning",
                "incident-activity",
                "meeting",
                "team",
                "conflict-status",
                "action-plan-report",
                "neutrality-case"
            })
    void aRecordCountsTheAttachmentsItsReaderMayRead(String type) {
        Parent parent = make(type);
        RequestSpecification reader = coordinator(parent.province());

        Response before = reader.get(parent.path());
        before.then().statusCode(200);
        assertThat((Integer) before.path("attachments")).isZero();
        long version = ((Number) before.path("version")).longValue();
        String plain = "\"" + version + "\"";
        assertThat(before.header("ETag")).isEqualTo(plain);
        assertThat(listed(reader, parent)).isZero();

        String photo = attach(form(parent.province(), null), parent, Samples.image("jpg", 40, 30), Map.of());

        Response after = coordinator(parent.province()).get(parent.path());
        after.then().statusCode(200);
        assertThat((Integer) after.path("attachments")).isEqualTo(1);
        String counted = "\"" + version + "-1\"";
        assertThat(after.header("ETag")).isEqualTo(counted);
        assertThat(listed(coordinator(parent.province()), parent)).isEqualTo(1);
        // a copy cached before the photo came is answered anew; the one with it is still good
        coordinator(parent.province())
                .header("If-None-Match", plain)
                .get(parent.path())
                .then()
                .statusCode(200)
                .header("ETag", counted);
        coordinator(parent.province())
                .header("If-None-Match", counted)
                .get(parent.path())
                .then()
                .statusCode(304)
                .header("ETag", counted);

        if (parent.replace() != null) {
            // the edit of a form opened before the photo came: the version it read is still the record's
            Response replaced = coordinator(parent.province())
                    .header("If-Match", plain)
                    .body(parent.body())
                    .put(parent.replace());
            replaced.then().statusCode(200);
            assertThat((Integer) replaced.path("attachments")).isEqualTo(1);
            assertThat(replaced.header("ETag")).isEqualTo("\"" + replaced.path("version") + "-1\"");
            version = ((Number) replaced.path("version")).longValue();
            counted = "\"" + version + "-1\"";
            // the new tag of either form names the version; a version of another time does not
            coordinator(parent.province())
                    .header("If-Match", counted)
                    .body(parent.body())
                    .put(parent.replace())
                    .then()
                    .statusCode(200);
            coordinator(parent.province())
                    .header("If-Match", "\"" + (version + 1) + "-1\"")
                    .body(parent.body())
                    .put(parent.replace())
                    .then()
                    .statusCode(412);
        }

        // an upload under way is not counted
        tusUpload(parent);
        assertThat((Integer) coordinator(parent.province()).get(parent.path()).path("attachments"))
                .isEqualTo(1);

        // a CONFIDENTIAL one counts for a reader cleared for it, not for one who is not
        UUID binda = TestData.createAgency(TestData.unique("Binda"), "BIN", parent.province());
        attach(
                form(parent.province(), binda),
                parent,
                Samples.image("png", 30, 20),
                Map.of("classification", "CONFIDENTIAL"));
        assertThat((Integer) coordinator(parent.province()).get(parent.path()).path("attachments"))
                .isEqualTo(1);
        assertThat(listed(coordinator(parent.province()), parent)).isEqualTo(1);
        Response cleared = cleared(parent.province(), binda).get(parent.path());
        assertThat((Integer) cleared.path("attachments")).isEqualTo(2);
        assertThat(cleared.header("ETag")).isEqualTo("\"" + version + "-2\"");
        assertThat(listed(cleared(parent.province(), binda), parent)).isEqualTo(2);

        // a removed attachment no longer counts
        coordinator(parent.province())
                .header("If-Match", "\"1\"")
                .delete(AttachmentResourceTest.PATH + "/" + photo)
                .then()
                .statusCode(204);
        Response gone = coordinator(parent.province()).get(parent.path());
        assertThat((Integer) gone.path("attachments")).isZero();
        assertThat(gone.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(listed(coordinator(parent.province()), parent)).isZero();
        assertThat((Integer)
                        cleared(parent.province(), binda).get(parent.path()).path("attachments"))
                .isEqualTo(1);
    }

    @Test
    void anIncidentCountsItsOwnAttachmentsNotThoseOfItsActivities() {
        Parent activity = make("incident-activity");
        attach(form("13", null), activity, Samples.image("jpg", 50, 30), Map.of());
        String incident = activity.path().substring(0, activity.path().indexOf("/activities"));
        assertThat((Integer) coordinator("13").get(activity.path()).path("attachments"))
                .isEqualTo(1);
        assertThat((Integer) coordinator("13").get(incident).path("attachments"))
                .isZero();
    }

    @Test
    void aTagWeNeverGaveOutNamesNoVersion() {
        Parent incident = make("incident");
        attach(form("13", null), incident, Samples.image("jpg", 60, 30), Map.of());
        for (String foreign : List.of("\"0-x\"", "\"00-1\"", "\"0-01\"", "\"0-0\"", "\"0-\"", "\"-1\"", "\"0-1-1\"")) {
            coordinator("13")
                    .header("If-Match", foreign)
                    .body(incident.body())
                    .put(incident.replace())
                    .then()
                    .statusCode(412);
        }
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(incident.body())
                .put(incident.replace())
                .then()
                .statusCode(200);
    }

    /** The count of the record in its list, following the pages until it comes. */
    static int listed(RequestSpecification as, Parent parent) {
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            RequestSpecification r = as.queryParam("limit", 200);
            if (cursor != null) {
                r = r.queryParam("cursor", cursor);
            }
            Response answer = r.get(parent.list());
            answer.then().statusCode(200);
            Integer count = answer.path("items.find { it.id == '" + parent.id() + "' }.attachments");
            if (count != null) {
                return count;
            }
            cursor = answer.path("nextCursor");
            assertThat(cursor).as("%s is in its list", parent.id()).isNotNull();
        }
        throw new AssertionError(parent.id() + " is not in " + parent.list());
    }

    static RequestSpecification form(String province, UUID agency) {
        return AttachmentResourceTest.form(
                "coordinator." + province + (agency == null ? "" : "." + agency),
                List.of("COORDINATOR"),
                List.of(province),
                agency);
    }

    static RequestSpecification cleared(String province, UUID agency) {
        return Tokens.as("coordinator." + province + "." + agency, List.of("COORDINATOR"), List.of(province), agency);
    }

    /** An attachment of the record, available at once; its id. */
    static String attach(RequestSpecification as, Parent parent, byte[] file, Map<String, String> more) {
        RequestSpecification r = as.multiPart("file", "f.bin", file, "application/octet-stream")
                .multiPart("parentType", parent.type())
                .multiPart("parentId", parent.id())
                .multiPart("kind", "FOTO")
                .multiPart("title", "Foto lokasi");
        for (var e : more.entrySet()) {
            r = r.multiPart(e.getKey(), e.getValue());
        }
        return r.post(AttachmentResourceTest.PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A tus upload of the record begun and left unfinished. */
    static void tusUpload(Parent parent) {
        String metadata = "parentType " + AttachmentResourceTest.b64(parent.type()) + ",parentId "
                + AttachmentResourceTest.b64(parent.id()) + ",kind " + AttachmentResourceTest.b64("FOTO") + ",title "
                + AttachmentResourceTest.b64("Video") + ",filename " + AttachmentResourceTest.b64("v.jpg");
        AttachmentResourceTest.tus(coordinator(parent.province()))
                .header("Upload-Length", 1000)
                .header("Upload-Metadata", metadata)
                .post("/api/v1/uploads")
                .then()
                .statusCode(201);
    }

    static String created(RequestSpecification as, Map<String, Object> body, String path) {
        return as.body(body).post(path).then().statusCode(201).extract().path("id");
    }

    /** A team of Kota Pariaman of a year no other test forms a team for. */
    static Map<String, Object> team() {
        Map<String, Object> body = new HashMap<>();
        body.put("level", "KABUPATEN_KOTA");
        body.put("regionCode", "13.77");
        body.put("year", 2030 + YEARS.incrementAndGet());
        body.put("name", TestData.unique("Tim Terpadu Kota Pariaman"));
        return body;
    }

    private static final java.util.concurrent.atomic.AtomicInteger YEARS =
            new java.util.concurrent.atomic.AtomicInteger((int) (Math.random() * 30));

    static Parent make(String type) {
        TestData.ensureRegions();
        switch (type) {
            case "incident" -> {
                Map<String, Object> body = IncidentResourceTest.incident(TestData.unique("Sengketa lahan"), "13.77");
                String id = created(coordinator("13"), body, "/api/v1/incidents");
                String path = "/api/v1/incidents/" + id;
                return new Parent(type, "13", id, path, "/api/v1/incidents?region=13.77", path, body);
            }
            case "early-warning" -> {
                Map<String, Object> body = new HashMap<>(EarlyWarningResourceTest.warning("13.77", 3, 3));
                body.put("title", TestData.unique("Ketegangan"));
                String id = created(coordinator("13"), body, "/api/v1/early-warnings");
                String path = "/api/v1/early-warnings/" + id;
                return new Parent(type, "13", id, path, "/api/v1/early-warnings?region=13.77", path, body);
            }
            case "incident-activity" -> {
                Parent incident = make("incident");
                UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
                String list = incident.path() + "/activities";
                String id = created(coordinator("13"), IncidentResourceTest.activity("PATROLI", polres), list);
                return new Parent(type, "13", id, list + "/" + id, list, null, null);
            }
            case "meeting" -> {
                UUID team = TestData.team("PROVINSI", "13", 2024, null);
                Map<String, Object> body = MeetingResourceTest.meeting(
                        team,
                        TestData.unique("Rakor"),
                        "2024-10-28T09:00:00+07:00",
                        List.of(MeetingResourceTest.attendee(null, "Kesbangpol", "Kepala Badan", "HADIR", null)));
                String id = created(coordinator("13"), body, "/api/v1/meetings");
                String path = "/api/v1/meetings/" + id;
                return new Parent(type, "13", id, path, "/api/v1/meetings?teamId=" + team, path, body);
            }
            case "team" -> {
                Map<String, Object> body = team();
                String id = created(Tokens.admin(), body, "/api/v1/teams");
                String path = "/api/v1/teams/" + id;
                return new Parent(type, "13", id, path, "/api/v1/teams?region=13.77", path, body);
            }
            case "conflict-status" -> {
                // past, so that it is in force nowhere
                LocalDate start = TODAY.minusDays(200);
                String id = created(
                        coordinator("19"),
                        ConflictStatusResourceTest.status("KABUPATEN_KOTA", "19.71", start, start.plusDays(89)),
                        "/api/v1/conflict-statuses");
                String path = "/api/v1/conflict-statuses/" + id;
                return new Parent(type, "19", id, path, "/api/v1/conflict-statuses?region=19.71", null, null);
            }
            case "action-plan-report" -> {
                int year = ActionPlanResourceTest.LAST_YEAR;
                // a team of its own, whose plan of the year is the first
                UUID team = UUID.fromString(created(Tokens.admin(), team(), "/api/v1/teams"));
                UUID agency = TestData.createAgency(TestData.unique("Kesbangpol Kota Pariaman"), "KESBANGPOL", "13.77");
                String plan =
                        created(coordinator("13"), ActionPlanResourceTest.plan(team, year), "/api/v1/action-plans");
                String item = created(
                        coordinator("13"),
                        ActionPlanResourceTest.item("PENCEGAHAN", 4, agency, year),
                        "/api/v1/action-plans/" + plan + "/items");
                Map<String, Object> body = ActionPlanResourceTest.report("B04", 2);
                String id = created(
                        coordinator("13"), body, "/api/v1/action-plans/" + plan + "/items/" + item + "/reports");
                String list = "/api/v1/action-plans/" + plan + "/reports";
                return new Parent(type, "13", id, list + "/" + id, list, list + "/" + id, body);
            }
            case "neutrality-case" -> {
                UUID bawaslu = TestData.createAgency(TestData.unique("Bawaslu Kota Pariaman"), "BAWASLU", "13.77");
                Map<String, Object> body = NeutralityCaseResourceTest.caseBody(
                        "PILKADA",
                        2024,
                        "13.77",
                        "2024-10-21",
                        bawaslu,
                        NeutralityCaseResourceTest.persons("Pegawai", 1));
                String id = created(coordinator("13"), body, "/api/v1/neutrality-cases");
                Map<String, Object> replacement = new HashMap<>(body);
                replacement.remove("persons");
                String path = "/api/v1/neutrality-cases/" + id;
                return new Parent(type, "13", id, path, "/api/v1/neutrality-cases?region=13.77", path, replacement);
            }
            default -> throw new IllegalArgumentException(type);
        }
    }
}
