package id.terpadu.conflictstatus;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * Corrections of a conflict status (a mistyped decree number or date) and of the TNI assistance under it (amended,
 * ended early, read by id): each with its version, the law's rules on the result, and every refusal writing nothing.
 */
@QuarkusTest
public class ConflictStatusCorrectionTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    private static String declare(String region, LocalDate start, LocalDate end) {
        Db.execute("delete from conflict_status where region_code = '" + region + "'");
        return coordinator("19")
                .body(ConflictStatusResourceTest.status("KABUPATEN_KOTA", region, start, end))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> tni(LocalDate start, LocalDate end) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestedBy", "Bupati Belitung Timur");
        body.put("reason", "Bentrokan meluas");
        body.put("units", List.of("Kodim 0414/Belitung"));
        body.put("tasks", List.of("PENGHENTIAN_KEKERASAN"));
        body.put("startsOn", start.toString());
        body.put("endsOn", end.toString());
        return body;
    }

    private static String requestTni(String status, LocalDate start, LocalDate end) {
        return coordinator("19")
                .body(tni(start, end))
                .post("/api/v1/conflict-statuses/{id}/tni-assistance", status)
                .then()
                .statusCode(201)
                .header("Location", containsString("/tni-assistance/"))
                .extract()
                .path("id");
    }

    @Test
    void aMistypedDecreeAndTermAreCorrectedWithTheirVersionAndHistory() {
        String id = declare("19.06", TODAY.minusDays(3), TODAY.plusDays(30));
        Map<String, Object> body =
                ConflictStatusResourceTest.status("KABUPATEN_KOTA", "19.06", TODAY.minusDays(3), TODAY.plusDays(86));
        body.put("decreeNumber", "Keputusan Bupati Belitung Timur No. 300/12/2026");
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(body)
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("decreeNumber", equalTo("Keputusan Bupati Belitung Timur No. 300/12/2026"))
                .body("endsOn", equalTo(TODAY.plusDays(86).toString()))
                .body("version", equalTo(1));
        coordinator("19")
                .get("/api/v1/conflict-statuses/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items.operation", org.hamcrest.Matchers.contains("CREATE", "UPDATE"))
                .body("items[0].snapshot.decreeNumber", equalTo("Keputusan No. 300/" + TODAY.minusDays(3)))
                .body("items[1].snapshot.decreeNumber", equalTo("Keputusan Bupati Belitung Timur No. 300/12/2026"));
    }

    @Test
    void aCorrectionThatBreaksTheLawOrWhatHangsOnTheTermWritesNothing() {
        String id = declare("19.06", TODAY.minusDays(10), TODAY.plusDays(20));
        String assistance = requestTni(id, TODAY.minusDays(2), TODAY.plusDays(10));
        String neighbour = declare("19.05", TODAY.minusDays(10), TODAY.plusDays(20));
        var before = Db.snapshot();
        Map<String, Object> good =
                ConflictStatusResourceTest.status("KABUPATEN_KOTA", "19.06", TODAY.minusDays(10), TODAY.plusDays(20));

        // no If-Match, a stale one
        coordinator("19")
                .body(good)
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(428);
        coordinator("19")
                .header("If-Match", "\"7\"")
                .body(good)
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(412)
                .header("ETag", "\"0\"");
        // malformed, missing fields
        coordinator("19")
                .header("If-Match", "\"0\"")
                .contentType("application/json")
                .body("{\"scale\": ")
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(400);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(Map.of("scale", "KABUPATEN_KOTA", "regionCode", "19.06"))
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(400);
        // more than 90 days (UU 7/2012)
        Map<String, Object> tooLong = new HashMap<>(good);
        tooLong.put("endsOn", TODAY.plusDays(80).toString());
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(tooLong)
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("status.term.max"))
                .body("errors[0].params.days", equalTo(91));
        // the region is fixed
        Map<String, Object> elsewhere = new HashMap<>(good);
        elsewhere.put("regionCode", "19.01");
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(elsewhere)
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"))
                .body("errors[0].code", equalTo("status.region.fixed"));
        // the corrected start would leave the TNI assistance before it
        Map<String, Object> later = new HashMap<>(good);
        later.put("consultationDate", TODAY.toString());
        later.put("startsOn", TODAY.toString());
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(later)
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(409)
                .body("detail", containsString(assistance))
                .body("detail", containsString("Ps 35"));
        // the corrected end would leave it after the status
        Map<String, Object> shorter = new HashMap<>(good);
        shorter.put("endsOn", TODAY.plusDays(5).toString());
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(shorter)
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(409);
        // out of scope, wrong role, a status that does not exist
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(good)
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(404);
        as("officer.19", List.of("OFFICER"), List.of("19"))
                .header("If-Match", "\"0\"")
                .body(good)
                .put("/api/v1/conflict-statuses/{id}", id)
                .then()
                .statusCode(403);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(good)
                .put("/api/v1/conflict-statuses/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);

        // one status per region at a time: the neighbour cannot be corrected into 19.06's term, being another region,
        // but a status of 19.05 moved onto a later one of its own region is a 409
        String next = declareAlso("19.05", TODAY.plusDays(40), TODAY.plusDays(60));
        before = Db.snapshot();
        Map<String, Object> onto =
                ConflictStatusResourceTest.status("KABUPATEN_KOTA", "19.05", TODAY.minusDays(10), TODAY.plusDays(45));
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(onto)
                .put("/api/v1/conflict-statuses/{id}", neighbour)
                .then()
                .statusCode(409)
                .body("detail", containsString(next));
        // an extended status keeps the end its extension starts from
        coordinator("19")
                .body(Map.of("decreeNumber", "Keputusan No. 300/ext", "reason", "Belum pulih", "days", 10))
                .post("/api/v1/conflict-statuses/{id}/extensions", neighbour)
                .then()
                .statusCode(200);
        before = Db.snapshot();
        Map<String, Object> moved =
                ConflictStatusResourceTest.status("KABUPATEN_KOTA", "19.05", TODAY.minusDays(10), TODAY.plusDays(25));
        coordinator("19")
                .header("If-Match", "\"1\"")
                .body(moved)
                .put("/api/v1/conflict-statuses/{id}", neighbour)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:terpadu:problem:conflict"));
        Db.assertUnchanged(before);
    }

    private static String declareAlso(String region, LocalDate start, LocalDate end) {
        return coordinator("19")
                .body(ConflictStatusResourceTest.status("KABUPATEN_KOTA", region, start, end))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void tniAssistanceIsReadByIdAmendedAndEndedEarly() {
        String status = declare("19.06", TODAY.minusDays(10), TODAY.plusDays(20));
        String id = requestTni(status, TODAY.minusDays(2), TODAY.plusDays(10));
        String path = "/api/v1/conflict-statuses/{id}/tni-assistance/{assistanceId}";
        coordinator("19")
                .get(path, status, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("active", equalTo(true))
                .body("endedOn", nullValue());
        Map<String, Object> amended = tni(TODAY.minusDays(2), TODAY.plusDays(15));
        amended.put("units", List.of("Kodim 0414/Belitung", "Yonif 141"));
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(amended)
                .put(path, status, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("units[1]", equalTo("Yonif 141"))
                .body("effectiveEndsOn", equalTo(TODAY.plusDays(15).toString()));
        coordinator("19")
                .header("If-Match", "\"1\"")
                .body(Map.of("endedOn", TODAY.toString(), "reason", "Situasi terkendali"))
                .post(path + "/ending", status, id)
                .then()
                .statusCode(200)
                .body("endedOn", equalTo(TODAY.toString()))
                .body("endReason", equalTo("Situasi terkendali"))
                .body("effectiveEndsOn", equalTo(TODAY.toString()));
        assertThat(Db.count(
                        "select count(*) from change_log where entity_id = cast(? as uuid) and entity_type = 'tni-assistance'",
                        id))
                .isEqualTo(3);
        // ended: neither amended nor ended again
        var before = Db.snapshot();
        coordinator("19")
                .header("If-Match", "\"2\"")
                .body(amended)
                .put(path, status, id)
                .then()
                .statusCode(409)
                .body("detail", containsString(TODAY.toString()));
        coordinator("19")
                .header("If-Match", "\"2\"")
                .body(Map.of("endedOn", TODAY.toString(), "reason", "Lagi"))
                .post(path + "/ending", status, id)
                .then()
                .statusCode(409);
        Db.assertUnchanged(before);
    }

    @Test
    void badAmendmentsAndEndingsWriteNothing() {
        String status = declare("19.06", TODAY.minusDays(10), TODAY.plusDays(20));
        String id = requestTni(status, TODAY.minusDays(2), TODAY.plusDays(10));
        String path = "/api/v1/conflict-statuses/{id}/tni-assistance/{assistanceId}";
        Map<String, Object> good = tni(TODAY.minusDays(2), TODAY.plusDays(12));
        Map<String, Object> ending = Map.of("endedOn", TODAY.toString(), "reason", "Terkendali");
        var before = Db.snapshot();
        coordinator("19").body(good).put(path, status, id).then().statusCode(428);
        coordinator("19").body(ending).post(path + "/ending", status, id).then().statusCode(428);
        coordinator("19")
                .header("If-Match", "\"3\"")
                .body(good)
                .put(path, status, id)
                .then()
                .statusCode(412);
        coordinator("19")
                .header("If-Match", "\"3\"")
                .body(ending)
                .post(path + "/ending", status, id)
                .then()
                .statusCode(412)
                .header("ETag", "\"0\"");
        // beyond the status's term (Ps 35), an ending outside the period, a missing reason, an unknown task
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(tni(TODAY.minusDays(2), TODAY.plusDays(40)))
                .put(path, status, id)
                .then()
                .statusCode(400)
                .body("detail", containsString("Ps 35"));
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(Map.of("endedOn", TODAY.plusDays(11).toString(), "reason", "x"))
                .post(path + "/ending", status, id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endedOn"));
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(Map.of("endedOn", TODAY.toString()))
                .post(path + "/ending", status, id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Map<String, Object> bombard = new HashMap<>(good);
        bombard.put("tasks", List.of("BOMBARDIR"));
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(bombard)
                .put(path, status, id)
                .then()
                .statusCode(400);
        // out of scope, wrong role, an assistance of another status
        coordinator("13").get(path, status, id).then().statusCode(404);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(good)
                .put(path, status, id)
                .then()
                .statusCode(404);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(ending)
                .post(path + "/ending", status, id)
                .then()
                .statusCode(404);
        as("officer.19", List.of("OFFICER"), List.of("19"))
                .header("If-Match", "\"0\"")
                .body(good)
                .put(path, status, id)
                .then()
                .statusCode(403);
        as("officer.19", List.of("OFFICER"), List.of("19"))
                .header("If-Match", "\"0\"")
                .body(ending)
                .post(path + "/ending", status, id)
                .then()
                .statusCode(403);
        coordinator("19").get(path, status, UUID.randomUUID()).then().statusCode(404);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(good)
                .put(path, UUID.randomUUID(), id)
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);

        // once the status no longer is in force, the assistance is not amended, nor ended (it is over)
        coordinator("19")
                .body(Map.of(
                        "revokedOn", TODAY.minusDays(1).toString(), "reason", "Terkendali", "decreeNumber", "No. 1"))
                .post("/api/v1/conflict-statuses/{id}/revocation", status)
                .then()
                .statusCode(200);
        before = Db.snapshot();
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(good)
                .put(path, status, id)
                .then()
                .statusCode(409)
                .body("detail", containsString("Ps 33"));
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(Map.of("endedOn", TODAY.minusDays(1).toString(), "reason", "x"))
                .post(path + "/ending", status, id)
                .then()
                .statusCode(409);
        Db.assertUnchanged(before);
    }
}
