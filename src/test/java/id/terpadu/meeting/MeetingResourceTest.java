package id.terpadu.meeting;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/** Coordination meetings: the Padang rakor before Pilkada 2024 and the Wonosobo rakor a month before it. */
@QuarkusTest
@Tag("external-db")
public class MeetingResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    public static Map<String, Object> attendee(
            UUID agency, String organisation, String position, String attendance, String representedBy) {
        Map<String, Object> a = new HashMap<>();
        if (agency != null) {
            a.put("agencyId", agency.toString());
        }
        a.put("organisation", organisation);
        a.put("position", position);
        a.put("attendance", attendance);
        if (representedBy != null) {
            a.put("representedBy", representedBy);
        }
        return a;
    }

    public static Map<String, Object> meeting(
            UUID team, String title, String startsAt, List<Map<String, Object>> attendees) {
        Map<String, Object> body = new HashMap<>();
        body.put("teamId", team.toString());
        body.put("kind", "RUTIN");
        body.put("title", title);
        body.put("startsAt", startsAt);
        body.put("place", "Aula Kesbangpol");
        body.put("chair", "Kepala Badan Kesbangpol");
        body.put("agenda", List.of("Kerawanan Pilkada 2024", "Netralitas ASN"));
        body.put("attendees", attendees);
        return body;
    }

    @Test
    void theOwnerAgencysCoordinatorOfAKotaFollowsUpANationalRakorsDecisionAsTheAgency() {
        UUID kemendagri = TestData.createAgency(TestData.unique("Ditjen Polpum Kemendagri"), "KESBANGPOL", null);
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        UUID team = TestData.team("NASIONAL", null, 2024, kemendagri);
        String meeting = Tokens.admin()
                .body(meeting(
                        team,
                        "Rakor nasional Tim Terpadu menjelang Pilkada serentak",
                        "2024-10-21T02:00:00Z",
                        List.of(attendee(kemendagri, "Ditjen Polpum Kemendagri", "Direktur", "HADIR", null))))
                .post("/api/v1/meetings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String decision = Tokens.admin()
                .body(Map.of(
                        "description",
                        "Polres Pariaman memetakan titik rawan kampanye",
                        "ownerAgencyId",
                        polres.toString(),
                        "dueOn",
                        "2024-11-15"))
                .post("/api/v1/meetings/{id}/decisions", meeting)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Supplier<RequestSpecification> kapolres =
                () -> Tokens.as("kapolres.pariaman", List.of("COORDINATOR"), List.of("13.77"), polres);
        var before = Db.snapshot();
        // the rakor's decision is not the kota's to drop
        kapolres.get()
                .body(Map.of("status", "DROPPED", "note", "Bukan prioritas"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", meeting, decision)
                .then()
                .statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("IN_PROGRESS"));
        // nor is a coordinator of another agency in the kota its follower
        Tokens.as("dandim.pariaman", List.of("COORDINATOR"), List.of("13.77"), null)
                .body(Map.of("status", "IN_PROGRESS", "note", "Pemetaan dimulai"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", meeting, decision)
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
        // the national meeting is everyone's to read, but only the agency's to follow up from the kota
        kapolres.get()
                .body(Map.of("status", "IN_PROGRESS", "note", "Pemetaan dimulai di enam kecamatan"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", meeting, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void padangRakorWithBawaslusFindingAndItsFollowUp() {
        UUID kesbangpol =
                TestData.createAgency(TestData.unique("Badan Kesbangpol Provinsi Sumatera Barat"), "KESBANGPOL", "13");
        UUID bawaslu = TestData.createAgency(TestData.unique("Bawaslu Provinsi Sumatera Barat"), "BAWASLU", "13");
        UUID polda = TestData.createAgency(TestData.unique("Polda Sumatera Barat"), "POLRI", "13");
        UUID binda = TestData.createAgency(TestData.unique("Binda Sumatera Barat"), "BIN", "13");
        UUID team = TestData.team("PROVINSI", "13", 2024, kesbangpol);
        Map<String, Object> warning = new HashMap<>(EarlyWarningResourceTest.warning("13.77", 4, 4));
        warning.put("title", "Grup WhatsApp ASN Kota Pariaman mendukung paslon");
        String restricted = coordinator("13")
                .body(warning)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        warning.put("classification", "CONFIDENTIAL");
        Supplier<RequestSpecification> bin =
                () -> Tokens.as("binda.sumbar", List.of("COORDINATOR"), List.of("13"), binda);
        String confidential = bin.get()
                .body(warning)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, Object> body = meeting(
                team,
                "Rakor Tim Terpadu PKS Sumatera Barat menjelang Pilkada 2024",
                "2024-10-28T02:00:00Z",
                List.of(
                        attendee(kesbangpol, "Badan Kesbangpol Provinsi Sumatera Barat", "Kepala Badan", "HADIR", null),
                        attendee(
                                bawaslu,
                                "Bawaslu Provinsi Sumatera Barat",
                                "Ketua",
                                "DIWAKILI",
                                "Koordinator Divisi Pencegahan"),
                        attendee(polda, "Polda Sumatera Barat", "Dirintelkam", "HADIR", null)));
        body.put(
                "minutes",
                "Bawaslu melaporkan grup WhatsApp 15 ASN Kota Pariaman yang mendukung salah satu pasangan calon.");
        body.put("earlyWarningIds", List.of(restricted, confidential));
        String id = bin.get()
                .body(body)
                .post("/api/v1/meetings")
                .then()
                .statusCode(201)
                .body("regionCode", equalTo("13"))
                .body("earlyWarningIds", containsInAnyOrder(restricted, confidential))
                .body("attendees[1].attendance", equalTo("DIWAKILI"))
                .extract()
                .path("id");
        // a secretariat without BIN clearance sees the meeting but not the CONFIDENTIAL warning it discussed
        coordinator("13")
                .get("/api/v1/meetings/{id}", id)
                .then()
                .statusCode(200)
                .body("earlyWarningIds", contains(restricted));
        coordinator("13")
                .get("/api/v1/meetings?region=13&kind=RUTIN")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.earlyWarningIds", contains(restricted));
        String history = admin().get("/api/v1/meetings/{id}/history", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(history).contains("Rakor Tim Terpadu PKS").doesNotContain(confidential);

        String decision = coordinator("13")
                .body(Map.of(
                        "description",
                        "Bawaslu meneruskan temuan grup WhatsApp ASN",
                        "ownerAgencyId",
                        bawaslu.toString(),
                        "dueOn",
                        "2024-11-04"))
                .post("/api/v1/meetings/{id}/decisions", id)
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("overdue", equalTo(true))
                .extract()
                .path("id");
        coordinator("13")
                .get("/api/v1/meeting-decisions?overdue=true&teamId={t}", team)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(decision));
        coordinator("13")
                .get("/api/v1/meetings/{id}", id)
                .then()
                .statusCode(200)
                .body("decisions.id", contains(decision));

        Supplier<RequestSpecification> officer =
                () -> Tokens.as("bawaslu.sumbar", List.of("OFFICER"), List.of("13"), bawaslu);
        Supplier<RequestSpecification> otherOfficer =
                () -> Tokens.as("polda.sumbar", List.of("OFFICER"), List.of("13"), polda);
        var before = Db.snapshot();
        otherOfficer
                .get()
                .body(Map.of("status", "IN_PROGRESS", "note", "x"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", id, decision)
                .then()
                .statusCode(403);
        // the owner agency does not drop a rakor's decision: it says it cannot in a progress note
        officer.get()
                .body(Map.of("status", "DROPPED", "note", "Tidak ada anggaran"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", id, decision)
                .then()
                .statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("IN_PROGRESS"));
        Tokens.coordinator("13")
                .body(Map.of("status", "DROPPED"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", id, decision)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        officer.get()
                .body(Map.of("status", "OPEN"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", id, decision)
                .then()
                .statusCode(400);
        officer.get()
                .header("If-Match", "\"7\"")
                .body(Map.of("status", "IN_PROGRESS", "note", "x"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", id, decision)
                .then()
                .statusCode(412);
        Tokens.analyst("13")
                .body(Map.of("status", "DONE"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", id, decision)
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
        officer.get()
                .body(Map.of("status", "IN_PROGRESS", "note", "Temuan diregistrasi Bawaslu Kota Pariaman"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", id, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("followUps[0].by", equalTo("bawaslu.sumbar"));
        officer.get()
                .body(Map.of("status", "DONE", "note", "15 ASN diteruskan: 10 ke kepolisian, 5 ke BKN"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", id, decision)
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("overdue", equalTo(false))
                .body("followUps", hasSize(2));
        before = Db.snapshot();
        officer.get()
                .body(Map.of("status", "IN_PROGRESS", "note", "x"))
                .post("/api/v1/meetings/{id}/decisions/{d}/follow-ups", id, decision)
                .then()
                .statusCode(409);
        Db.assertUnchanged(before);
        coordinator("13")
                .get("/api/v1/meeting-decisions?overdue=true&teamId={t}", team)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(decision)));
        coordinator("13")
                .get("/api/v1/meetings/{id}/decisions/{d}/history", id, decision)
                .then()
                .statusCode(200)
                .body("items.snapshot.status", contains("OPEN", "IN_PROGRESS", "DONE"));
    }

    @Test
    void wonosoboRakorAMonthBeforeThePilkada() {
        UUID kesbangpol =
                TestData.createAgency(TestData.unique("Kesbangpol Kabupaten Wonosobo"), "KESBANGPOL", "33.07");
        UUID team = TestData.team("KABUPATEN_KOTA", "33.07", 2024, kesbangpol);
        Map<String, Object> body = meeting(
                team,
                "Rakor Tim Terpadu PKS Kabupaten Wonosobo menjelang Pilkada 2024",
                "2024-10-28T01:00:00Z",
                List.of(
                        attendee(null, "Kecamatan Wadaslintang", "Camat", "HADIR", null),
                        attendee(null, "Koramil 01/Wadaslintang", "Danramil", "HADIR", null),
                        attendee(null, "Polsek Wadaslintang", "Kapolsek", "DIWAKILI", "Wakapolsek")));
        body.put("kind", "TERBATAS");
        body.put("endsAt", "2024-10-28T04:00:00Z");
        String id = coordinator("33")
                .body(body)
                .post("/api/v1/meetings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        coordinator("33.07")
                .get("/api/v1/meetings/{id}", id)
                .then()
                .statusCode(200)
                .body("kind", equalTo("TERBATAS"))
                .body("attendees.position", contains("Camat", "Danramil", "Kapolsek"))
                .body("attendees[2].representedBy", equalTo("Wakapolsek"))
                .body("decisions", empty());
        coordinator("33.07")
                .get("/api/v1/meetings?from=2024-10-01T00:00:00Z&to=2024-11-27T00:00:00Z&teamId={t}", team)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        coordinator("13").get("/api/v1/meetings/{id}", id).then().statusCode(404);

        String incidentElsewhere = coordinator("19")
                .body(IncidentResourceTest.incident("Bentrokan", "19.71"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var before = Db.snapshot();
        Map<String, Object> bad = new HashMap<>(body);
        bad.put("attendees", List.of(attendee(null, "Polsek Wadaslintang", "Kapolsek", "DIWAKILI", null)));
        coordinator("33")
                .body(bad)
                .post("/api/v1/meetings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attendees[0].representedBy"));
        bad = new HashMap<>(body);
        bad.put("endsAt", "2024-10-27T04:00:00Z");
        coordinator("33")
                .body(bad)
                .post("/api/v1/meetings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        bad = new HashMap<>(body);
        bad.put("incidentIds", List.of(incidentElsewhere));
        admin().body(bad)
                .post("/api/v1/meetings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("incidentIds[0]"))
                .body("errors[0].code", equalTo("meeting.region.outside"));
        coordinator("33")
                .body(bad)
                .post("/api/v1/meetings")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("incident.not-found"));
        bad = new HashMap<>(body);
        bad.put("kind", "SANTAI");
        coordinator("33").body(bad).post("/api/v1/meetings").then().statusCode(400);
        coordinator("13")
                .body(body)
                .post("/api/v1/meetings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("teamId"));
        Tokens.analyst("33").body(body).post("/api/v1/meetings").then().statusCode(403);
        coordinator("33")
                .body(Map.of(
                        "description",
                        "Patroli bersama",
                        "ownerAgencyId",
                        kesbangpol.toString(),
                        "dueOn",
                        "2024-10-01"))
                .post("/api/v1/meetings/{id}/decisions", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dueOn"));
        coordinator("33").get("/api/v1/meeting-decisions?overdue=maybe").then().statusCode(400);
        Db.assertUnchanged(before);

        // replacing keeps the ETag rules; deleting removes the meeting and its decisions, each with a tombstone
        String decision = coordinator("33")
                .body(Map.of(
                        "description",
                        "Patroli bersama di Wadaslintang",
                        "ownerAgencyId",
                        kesbangpol.toString(),
                        "dueOn",
                        TODAY.plusDays(7).toString()))
                .post("/api/v1/meetings/{id}/decisions", id)
                .then()
                .statusCode(201)
                .body("overdue", equalTo(false))
                .extract()
                .path("id");
        Map<String, Object> minutes = new HashMap<>(body);
        minutes.put("minutes", "Forum sepakat menjaga kondusivitas.");
        coordinator("33")
                .header("If-Match", "\"5\"")
                .body(minutes)
                .put("/api/v1/meetings/{id}", id)
                .then()
                .statusCode(412);
        coordinator("33")
                .header("If-Match", "\"0\"")
                .body(minutes)
                .put("/api/v1/meetings/{id}", id)
                .then()
                .statusCode(200)
                .body("minutes", equalTo("Forum sepakat menjaga kondusivitas."))
                .body("version", equalTo(1));
        coordinator("33")
                .header("If-Match", "\"1\"")
                .delete("/api/v1/meetings/{id}", id)
                .then()
                .statusCode(204);
        assertThat(Db.count(
                        "select count(*) from change_log where entity_id in (?::uuid, ?::uuid) and operation = 'DELETE'",
                        id,
                        decision))
                .isEqualTo(2);
    }
}
