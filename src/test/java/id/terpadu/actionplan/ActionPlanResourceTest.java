package id.terpadu.actionplan;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.coordinator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * Rencana Aksi Terpadu of the Sumatera Barat and Kepulauan Bangka Belitung teams: items, four-monthly reports from
 * draft to verified by the level above, achievement and the national recap. Plans are made for last year, whose
 * three periods have all started whenever the tests run.
 */
@QuarkusTest
@Tag("external-db")
public class ActionPlanResourceTest {

    public static final int LAST_YEAR = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear() - 1;

    static RequestSpecification secretariat(String region, UUID agency) {
        return Tokens.as("kesbangpol." + region, List.of("COORDINATOR"), List.of(region), agency);
    }

    public static Map<String, Object> plan(UUID team, int year) {
        return Map.of("teamId", team.toString(), "year", year, "title", "Rencana Aksi Terpadu " + year);
    }

    public static Map<String, Object> item(String stage, int target, UUID agency, int year) {
        Map<String, Object> body = new HashMap<>();
        body.put("stage", stage);
        body.put("activity", "Kegiatan " + stage.toLowerCase());
        body.put("indicator", "Jumlah kegiatan terlaksana");
        body.put("targetValue", target);
        body.put("targetUnit", "kali");
        body.put("responsibleAgencyId", agency.toString());
        body.put("startsOn", year + "-01-15");
        body.put("endsOn", year + "-11-30");
        return body;
    }

    public static Map<String, Object> report(String period, Object realisation) {
        Map<String, Object> body = new HashMap<>();
        body.put("period", period);
        body.put("realisation", realisation);
        body.put(
                "evidence",
                List.of(Map.of("url", "https://kesbangpol.example.go.id/notulen.pdf", "description", "Notulen")));
        return body;
    }

    /** A fresh plan of last year for the team; an earlier plan of that team and year is removed first. */
    static String freshPlan(UUID team, RequestSpecification as) {
        Db.execute("delete from action_plan where team_id = '" + team + "' and year = " + LAST_YEAR);
        return as.body(plan(team, LAST_YEAR))
                .post("/api/v1/action-plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String itemOf(String plan, String stage, int target, UUID agency) {
        return coordinator("13", "19")
                .body(item(stage, target, agency, LAST_YEAR))
                .post("/api/v1/action-plans/{id}/items", plan)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void sumatraBaratPlanFromDraftToVerifiedWithAchievementAndRecap() {
        UUID kesbangpol =
                TestData.createAgency(TestData.unique("Badan Kesbangpol Provinsi Sumatera Barat"), "KESBANGPOL", "13");
        UUID polda = TestData.createAgency(TestData.unique("Polda Sumatera Barat"), "POLRI", "13");
        UUID team = TestData.team("PROVINSI", "13", LAST_YEAR, kesbangpol);
        String plan = freshPlan(team, coordinator("13"));
        admin().get("/api/v1/action-plans/{id}", plan)
                .then()
                .statusCode(200)
                .body("level", equalTo("PROVINSI"))
                .body("regionCode", equalTo("13"))
                .body("year", equalTo(LAST_YEAR));

        var before = Db.snapshot();
        coordinator("13")
                .body(plan(team, LAST_YEAR))
                .post("/api/v1/action-plans")
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of("plan.year.taken", "year", LAST_YEAR)
                                .in("id")));
        Map<String, Object> outside = item("PENCEGAHAN", 4, polda, LAST_YEAR);
        outside.put("endsOn", (LAST_YEAR + 1) + "-01-10");
        coordinator("13")
                .body(outside)
                .post("/api/v1/action-plans/{id}/items", plan)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endsOn"));
        Map<String, Object> zero = item("PENCEGAHAN", 0, polda, LAST_YEAR);
        coordinator("13")
                .body(zero)
                .post("/api/v1/action-plans/{id}/items", plan)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("targetValue"));
        Map<String, Object> selesai = item("SELESAI", 4, polda, LAST_YEAR);
        coordinator("13")
                .body(selesai)
                .post("/api/v1/action-plans/{id}/items", plan)
                .then()
                .statusCode(400);
        Map<String, Object> unknownAgency = item("PENCEGAHAN", 4, UUID.randomUUID(), LAST_YEAR);
        coordinator("13")
                .body(unknownAgency)
                .post("/api/v1/action-plans/{id}/items", plan)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("responsibleAgencyId"));
        coordinator("19")
                .body(item("PENCEGAHAN", 4, polda, LAST_YEAR))
                .post("/api/v1/action-plans/{id}/items", plan)
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);

        String rakor = itemOf(plan, "PENCEGAHAN", 4, polda);
        String desa = itemOf(plan, "PENCEGAHAN", 10, kesbangpol);
        String rekonsiliasi = itemOf(plan, "PEMULIHAN", 2, kesbangpol);

        String first = coordinator("13")
                .body(report("B04", 2))
                .post("/api/v1/action-plans/{id}/items/{item}/reports", plan, rakor)
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("percentage", equalTo(50.0f))
                .extract()
                .path("id");
        before = Db.snapshot();
        coordinator("13")
                .body(report("B04", 3))
                .post("/api/v1/action-plans/{id}/items/{item}/reports", plan, rakor)
                .then()
                .statusCode(409);
        Map<String, Object> insecure = report("B08", 1);
        insecure.put("evidence", List.of(Map.of("url", "http://kesbangpol.example.go.id/x.pdf")));
        coordinator("13")
                .body(insecure)
                .post("/api/v1/action-plans/{id}/items/{item}/reports", plan, rakor)
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("evidence"));
        coordinator("13")
                .body(report("B05", 1))
                .post("/api/v1/action-plans/{id}/items/{item}/reports", plan, rakor)
                .then()
                .statusCode(400);
        // only the team's secretariat submits
        coordinator("13")
                .body(Map.of("to", "SUBMITTED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", plan, first)
                .then()
                .statusCode(403)
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of("plan.report.submit.refused")
                                .in("id")));
        Db.assertUnchanged(before);

        secretariat("13", kesbangpol)
                .body(Map.of("to", "SUBMITTED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", plan, first)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo("kesbangpol.13"));
        before = Db.snapshot();
        coordinator("13")
                .header("If-Match", "\"1\"")
                .body(report("B04", 4))
                .put("/api/v1/action-plans/{id}/reports/{r}", plan, first)
                .then()
                .statusCode(409);
        // a province team is verified nationally, not by the province itself
        coordinator("13")
                .body(Map.of("to", "VERIFIED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", plan, first)
                .then()
                .statusCode(403)
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of("plan.report.verify.national", "level", "PROVINSI")
                                .in("id")));
        Db.assertUnchanged(before);
        admin().body(Map.of("to", "VERIFIED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", plan, first)
                .then()
                .statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("reviewedBy", equalTo("admin.pusat"));

        before = Db.snapshot();
        admin().body(Map.of("to", "RETURNED", "note", "x"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", plan, first)
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of("plan.report.transition.final", "to", "RETURNED")
                                .in("id")));
        coordinator("13")
                .header("If-Match", "\"2\"")
                .body(report("B04", 4))
                .put("/api/v1/action-plans/{id}/reports/{r}", plan, first)
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of("plan.report.final")
                                .in("id")));
        coordinator("13")
                .header("If-Match", "\"2\"")
                .delete("/api/v1/action-plans/{id}/reports/{r}", plan, first)
                .then()
                .statusCode(409);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .delete("/api/v1/action-plans/{id}/items/{item}", plan, rakor)
                .then()
                .statusCode(409);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .delete("/api/v1/action-plans/{id}", plan)
                .then()
                .statusCode(409);
        Db.assertUnchanged(before);

        // over-achievement shows in the report, is capped in the achievement; a returned report is corrected
        String second = coordinator("13")
                .body(report("B04", 12))
                .post("/api/v1/action-plans/{id}/items/{item}/reports", plan, desa)
                .then()
                .statusCode(201)
                .body("percentage", equalTo(120.0f))
                .extract()
                .path("id");
        secretariat("13", kesbangpol)
                .body(Map.of("to", "SUBMITTED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", plan, second)
                .then()
                .statusCode(200);
        admin().body(Map.of("to", "RETURNED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", plan, second)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        admin().body(Map.of("to", "RETURNED", "note", "Lampirkan daftar desa"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", plan, second)
                .then()
                .statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("reviewNote", equalTo("Lampirkan daftar desa"));
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(report("B04", 11))
                .put("/api/v1/action-plans/{id}/reports/{r}", plan, second)
                .then()
                .statusCode(412);
        coordinator("13")
                .header("If-Match", "\"2\"")
                .body(report("B04", 11))
                .put("/api/v1/action-plans/{id}/reports/{r}", plan, second)
                .then()
                .statusCode(200)
                .body("percentage", equalTo(110.0f));
        secretariat("13", kesbangpol)
                .body(Map.of("to", "SUBMITTED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", plan, second)
                .then()
                .statusCode(200);
        admin().body(Map.of("to", "VERIFIED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", plan, second)
                .then()
                .statusCode(200);
        // a draft does not count
        coordinator("13")
                .body(report("B04", 2))
                .post("/api/v1/action-plans/{id}/items/{item}/reports", plan, rekonsiliasi)
                .then()
                .statusCode(201);

        admin().get("/api/v1/action-plans/{id}/achievement", plan)
                .then()
                .statusCode(200)
                .body("rule", containsString("VERIFIED"))
                .body("periods.period", contains("B04", "B08", "B12"))
                .body("periods[0].started", equalTo(true))
                .body("periods[0].overall", equalTo(50.0f))
                .body("periods[0].stages[0].stage", equalTo("PENCEGAHAN"))
                .body("periods[0].stages[0].items", equalTo(2))
                .body("periods[0].stages[0].verifiedItems", equalTo(2))
                .body("periods[0].stages[0].achievement", equalTo(75.0f))
                .body("periods[0].stages[1].achievement", nullValue())
                .body("periods[0].stages[2].achievement", equalTo(0.0f))
                .body("periods[1].overall", equalTo(0.0f));
        admin().get("/api/v1/action-plans/{id}/reports/{r}/history", plan, second)
                .then()
                .statusCode(200)
                .body(
                        "items.snapshot.status",
                        contains("DRAFT", "SUBMITTED", "RETURNED", "RETURNED", "SUBMITTED", "VERIFIED"));
        admin().get("/api/v1/action-plans/{id}/reports?period=B04&status=VERIFIED", plan)
                .then()
                .statusCode(200)
                .body("items", hasSize(2));

        // the Bangka Belitung team did everything it planned in B04: it ranks above Sumatera Barat
        UUID babelKesbangpol = TestData.createAgency(
                TestData.unique("Badan Kesbangpol Provinsi Kepulauan Bangka Belitung"), "KESBANGPOL", "19");
        UUID babelTeam = TestData.team("PROVINSI", "19", LAST_YEAR, babelKesbangpol);
        String babel = freshPlan(babelTeam, coordinator("19"));
        String patroli = itemOf(babel, "PENCEGAHAN", 6, babelKesbangpol);
        String babelReport = coordinator("19")
                .body(report("B04", 6))
                .post("/api/v1/action-plans/{id}/items/{item}/reports", babel, patroli)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        secretariat("19", babelKesbangpol)
                .body(Map.of("to", "SUBMITTED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", babel, babelReport)
                .then()
                .statusCode(200);
        admin().body(Map.of("to", "VERIFIED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", babel, babelReport)
                .then()
                .statusCode(200);

        admin().get("/api/v1/action-plans/recap?year={y}&period=B04", LAST_YEAR)
                .then()
                .statusCode(200)
                .body("rows.provinceCode", contains("19", "13"))
                .body("rows.rank", contains(1, 2))
                .body("rows[0].achievement", equalTo(100.0f))
                .body("rows[1].achievement", equalTo(50.0f))
                .body("rows[1].verifiedItems", equalTo(2));
        coordinator("13")
                .get("/api/v1/action-plans/recap?year={y}&period=B04", LAST_YEAR)
                .then()
                .statusCode(200)
                .body("rows.provinceCode", contains("13"));
        admin().get("/api/v1/action-plans/recap?year={y}", LAST_YEAR)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        admin().get("/api/v1/action-plans?region=19&year={y}", LAST_YEAR)
                .then()
                .statusCode(200)
                .body("items.id", contains(babel));
        coordinator("19").get("/api/v1/action-plans/{id}", plan).then().statusCode(404);
    }

    @Test
    void noReportBeforeItsPeriodAndTheProvinceVerifiesItsKabupatenKota() {
        UUID kesbangpol = TestData.createAgency(TestData.unique("Kesbangpol Kota Pariaman"), "KESBANGPOL", "13.77");
        int nextYear = LAST_YEAR + 2;
        UUID team = TestData.team("KABUPATEN_KOTA", "13.77", nextYear, kesbangpol);
        Db.execute("delete from action_plan where team_id = '" + team + "'");
        String plan = coordinator("13.77")
                .body(plan(team, nextYear))
                .post("/api/v1/action-plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> body = item("PENCEGAHAN", 4, kesbangpol, nextYear);
        String item = coordinator("13.77")
                .body(body)
                .post("/api/v1/action-plans/{id}/items", plan)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var before = Db.snapshot();
        coordinator("13.77")
                .body(report("B04", 1))
                .post("/api/v1/action-plans/{id}/items/{item}/reports", plan, item)
                .then()
                .statusCode(409)
                .body("detail", startsWith("Periode B04 tahun "));
        Db.assertUnchanged(before);
        admin().get("/api/v1/action-plans/{id}/achievement", plan)
                .then()
                .statusCode(200)
                .body("periods[0].started", equalTo(false))
                .body("periods[0].overall", nullValue());

        UUID lastYearTeam = TestData.team("KABUPATEN_KOTA", "13.77", LAST_YEAR, kesbangpol);
        String current = freshPlan(lastYearTeam, coordinator("13.77"));
        String activity = coordinator("13.77")
                .body(item("PEMULIHAN", 2, kesbangpol, LAST_YEAR))
                .post("/api/v1/action-plans/{id}/items", current)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String r = coordinator("13.77")
                .body(report("B12", 2))
                .post("/api/v1/action-plans/{id}/items/{item}/reports", current, activity)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        secretariat("13.77", kesbangpol)
                .body(Map.of("to", "SUBMITTED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", current, r)
                .then()
                .statusCode(200);
        before = Db.snapshot();
        secretariat("13.77", kesbangpol)
                .body(Map.of("to", "VERIFIED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", current, r)
                .then()
                .statusCode(403)
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of(
                                        "plan.report.verify.province", "level", "KABUPATEN_KOTA", "province", "13")
                                .in("id")));
        coordinator("19")
                .body(Map.of("to", "VERIFIED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", current, r)
                .then()
                .statusCode(404);
        Tokens.analyst("13")
                .body(Map.of("to", "VERIFIED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", current, r)
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
        coordinator("13")
                .body(Map.of("to", "VERIFIED"))
                .post("/api/v1/action-plans/{id}/reports/{r}/transitions", current, r)
                .then()
                .statusCode(200)
                .body("status", equalTo("VERIFIED"));
        admin().get("/api/v1/action-plans/{id}/achievement", current)
                .then()
                .statusCode(200)
                .body("periods[2].overall", equalTo(100.0f));
        // a draft-only plan can be deleted, with a tombstone for each record
        coordinator("13.77")
                .header("If-Match", "\"0\"")
                .delete("/api/v1/action-plans/{id}", plan)
                .then()
                .statusCode(204);
        admin().get("/api/v1/action-plans/{id}", plan).then().statusCode(404);
        org.assertj.core.api.Assertions.assertThat(Db.count(
                        "select count(*) from change_log where entity_id in (?::uuid, ?::uuid) and operation = 'DELETE'",
                        plan,
                        item))
                .isEqualTo(2);
    }
}
