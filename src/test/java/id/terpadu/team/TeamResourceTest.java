package id.terpadu.team;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

@QuarkusTest
@Tag("external-db")
class TeamResourceTest {

    /** Each test forms its teams in its own years, so the one-team-per-region-per-year rule never collides. */
    private static final AtomicInteger YEARS = new AtomicInteger(2030);

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    private static Map<String, Object> team(String level, String region, int year) {
        Map<String, Object> body = new HashMap<>();
        body.put("level", level);
        if (region != null) {
            body.put("regionCode", region);
        }
        body.put("year", year);
        return body;
    }

    private static Map<String, Object> member(UUID agency, String name, String role, String subTeam) {
        Map<String, Object> body = new HashMap<>();
        body.put("agencyId", agency.toString());
        body.put("personName", name);
        body.put("role", role);
        if (subTeam != null) {
            body.put("subTeam", subTeam);
        }
        return body;
    }

    /** Seed: the Kepulauan Bangka Belitung team formed in February 2023, Kesbangpol secretariat, TNI, Polri, BIN, OPD. */
    @Test
    void bangkaBelitungTeamOf2023() {
        UUID kesbangpol = TestData.createAgency(
                TestData.unique("Badan Kesbangpol Provinsi Kepulauan Bangka Belitung"), "KESBANGPOL", "19");
        UUID korem = TestData.createAgency(TestData.unique("Korem 045/Garuda Jaya"), "TNI", "19");
        UUID polda = TestData.createAgency(TestData.unique("Polda Kepulauan Bangka Belitung"), "POLRI", "19");
        UUID binda = TestData.createAgency(TestData.unique("Binda Kepulauan Bangka Belitung"), "BIN", "19");
        UUID pemprov =
                TestData.createAgency(TestData.unique("Pemerintah Provinsi Kepulauan Bangka Belitung"), "PEMDA", "19");
        UUID dinsos =
                TestData.createAgency(TestData.unique("Dinas Sosial Provinsi Kepulauan Bangka Belitung"), "OPD", "19");

        Map<String, Object> body = team("PROVINSI", "19", 2023);
        body.put("decreeNumber", "188.44/123/KESBANGPOL/2023");
        body.put("decreeDate", "2023-02-06");
        body.put("secretariatAgencyId", kesbangpol.toString());
        String existing =
                Db.single("select coalesce(max(id::text), '') from team where region_code = '19' and year = 2023");
        if (!existing.isEmpty()) {
            Db.execute("delete from action_plan where team_id = '" + existing + "'");
            Db.execute("delete from meeting where team_id = '" + existing + "'");
            // community reports other tests sent to that team's queue (the fuzzer's, in 19.71)
            Db.execute("delete from intake_report where team_id = '" + existing + "'");
            Db.execute("delete from team where id = '" + existing + "'");
        }
        var created = coordinator("19")
                .body(body)
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .body("name", equalTo("Tim Terpadu Penanganan Konflik Sosial Provinsi Kepulauan Bangka Belitung"))
                .body("level", equalTo("PROVINSI"))
                .extract();
        String teamId = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/teams/" + teamId);

        coordinator("19")
                .body(member(pemprov, "Gubernur Kepulauan Bangka Belitung", "KETUA", null))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201);
        coordinator("19")
                .body(member(kesbangpol, "Kepala Badan Kesbangpol", "SEKRETARIS", "PENCEGAHAN"))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201);
        coordinator("19")
                .body(member(korem, "Danrem 045/Garuda Jaya", "ANGGOTA", "PENGHENTIAN"))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201);
        coordinator("19")
                .body(member(polda, "Kapolda Kepulauan Bangka Belitung", "WAKIL_KETUA", "PENGHENTIAN"))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201);
        coordinator("19")
                .body(member(binda, "Kabinda Kepulauan Bangka Belitung", "ANGGOTA", "PENCEGAHAN"))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201);
        coordinator("19")
                .body(member(dinsos, "Kepala Dinas Sosial", "ANGGOTA", "PEMULIHAN"))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201);

        coordinator("19")
                .get("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(200)
                .body("items", hasSize(6))
                .body("items.role", hasItem("KETUA"));
        coordinator("19")
                .get("/api/v1/teams/{id}/members?subTeam=PENGHENTIAN", teamId)
                .then()
                .statusCode(200)
                .body(
                        "items.personName",
                        containsInAnyOrder("Danrem 045/Garuda Jaya", "Kapolda Kepulauan Bangka Belitung"));
        admin().get("/api/v1/teams?region=19&year=2023").then().statusCode(200).body("items.id", hasItem(teamId));
    }

    @Test
    void levelMustMatchTheRegion() {
        int year = YEARS.incrementAndGet();
        var before = Db.snapshot();
        admin().body(team("PROVINSI", "19.71", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"))
                .body("errors[0].code", equalTo("team.region-code.province"))
                .body("errors[0].params.region", equalTo("19.71"));
        admin().body(team("KABUPATEN_KOTA", "19", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        admin().body(team("KABUPATEN_KOTA", "19.71.01", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(400);
        admin().body(team("NASIONAL", "19", year)).post("/api/v1/teams").then().statusCode(400);
        admin().body(team("PROVINSI", null, year)).post("/api/v1/teams").then().statusCode(400);
        admin().body(team("PROVINSI", "99", year)).post("/api/v1/teams").then().statusCode(400);
        admin().body(team("PROVINSI", "19", 1999))
                .post("/api/v1/teams")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
        admin().body(team("PROVINCE", "19", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(400)
                .body("allowed", hasItem("KABUPATEN_KOTA"));
        Db.assertUnchanged(before);

        admin().body(team("KABUPATEN_KOTA", "19.71", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .body("name", equalTo("Tim Terpadu Penanganan Konflik Sosial Kota Pangkal Pinang"));
        admin().body(team("NASIONAL", null, year))
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .body("name", equalTo("Tim Terpadu Penanganan Konflik Sosial Nasional"));
    }

    @Test
    void oneTeamPerRegionPerYear() {
        int year = YEARS.incrementAndGet();
        admin().body(team("KABUPATEN_KOTA", "33.07", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(201);
        var before = Db.snapshot();
        admin().body(team("KABUPATEN_KOTA", "33.07", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:terpadu:problem:conflict"));
        Db.assertUnchanged(before);
        admin().body(team("KABUPATEN_KOTA", "33.07", year + 50))
                .post("/api/v1/teams")
                .then()
                .statusCode(201);
    }

    @Test
    void atMostOneKetuaAndOneSekretaris() {
        int year = YEARS.incrementAndGet();
        String teamId = admin().body(team("KABUPATEN_KOTA", "13.77", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID pemkot = TestData.createAgency(TestData.unique("Pemerintah Kota Pariaman"), "PEMDA", "13.77");
        UUID kesbangpol = TestData.createAgency(TestData.unique("Kesbangpol Kota Pariaman"), "KESBANGPOL", "13.77");
        admin().body(member(pemkot, "Wali Kota Pariaman", "KETUA", null))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201);
        String sekretaris = admin().body(member(kesbangpol, "Kepala Kesbangpol", "SEKRETARIS", null))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var before = Db.snapshot();
        admin().body(member(pemkot, "Wakil Wali Kota", "KETUA", null))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(409)
                .body("detail", containsString("KETUA"));
        admin().body(member(kesbangpol, "Sekretaris Badan", "SEKRETARIS", null))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(409)
                .body("detail", containsString("SEKRETARIS"));
        admin().body(member(UUID.randomUUID(), "Nobody", "ANGGOTA", null))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("agencyId"));
        admin().body(member(pemkot, "", "ANGGOTA", "SATGAS"))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(400);
        admin().body(member(pemkot, "X", "ANGGOTA", null))
                .post("/api/v1/teams/{id}/members", UUID.randomUUID())
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);

        // the secretary may be re-seated as a member, and then another becomes secretary
        admin().header("If-Match", "\"0\"")
                .body(member(kesbangpol, "Kepala Kesbangpol", "ANGGOTA", "PEMULIHAN"))
                .put("/api/v1/teams/{t}/members/{m}", teamId, sekretaris)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("role", equalTo("ANGGOTA"));
        admin().body(member(kesbangpol, "Sekretaris Badan", "SEKRETARIS", null))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201);
        admin().get("/api/v1/teams/{t}/members/{m}/history", teamId, sekretaris)
                .then()
                .statusCode(200)
                .body("items.operation", org.hamcrest.Matchers.contains("CREATE", "UPDATE"));
    }

    @Test
    void scopeGovernsTeamsAndMembers() {
        int year = YEARS.incrementAndGet();
        String padang = admin().body(team("KABUPATEN_KOTA", "13.71", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String national = admin().body(team("NASIONAL", null, year))
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID agency = TestData.createAgency(TestData.unique("Kesbangpol Kota Padang"), "KESBANGPOL", "13.71");
        var before = Db.snapshot();
        coordinator("19").get("/api/v1/teams/{id}", padang).then().statusCode(404);
        coordinator("19").get("/api/v1/teams/{id}/members", padang).then().statusCode(404);
        coordinator("19").get("/api/v1/teams/{id}", national).then().statusCode(200);
        coordinator("19")
                .get("/api/v1/teams?year={y}", year)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(padang)))
                .body("items.id", hasItem(national));
        coordinator("19")
                .body(member(agency, "X", "ANGGOTA", null))
                .post("/api/v1/teams/{id}/members", padang)
                .then()
                .statusCode(404);
        coordinator("19")
                .body(member(agency, "X", "ANGGOTA", null))
                .post("/api/v1/teams/{id}/members", national)
                .then()
                .statusCode(403);
        coordinator("19")
                .body(team("KABUPATEN_KOTA", "13.77", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(403);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .delete("/api/v1/teams/{id}", padang)
                .then()
                .statusCode(404);
        coordinator("13")
                .get("/api/v1/teams?region=13&year={y}", year)
                .then()
                .statusCode(200)
                // other tests (the fuzzer among them) may hold teams of that year in the province too
                .body("items.id", hasItem(padang))
                .body("items.regionCode", everyItem(org.hamcrest.Matchers.startsWith("13")));
        Db.assertUnchanged(before);
    }

    @Test
    void replaceAndDeleteKeepTheHistory() {
        int year = YEARS.incrementAndGet();
        String teamId = admin().body(team("KABUPATEN_KOTA", "19.04", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID agency = TestData.createAgency(TestData.unique("Kodim 0414/Belitung"), "TNI", "19.04");
        String memberId = admin().body(member(agency, "Dandim 0414", "ANGGOTA", "PENGHENTIAN"))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, Object> changed = team("KABUPATEN_KOTA", "19.04", year);
        changed.put("decreeNumber", "100.3.3.2/45/2024");
        var before = Db.snapshot();
        admin().body(changed).put("/api/v1/teams/{id}", teamId).then().statusCode(428);
        admin().header("If-Match", "\"5\"")
                .body(changed)
                .put("/api/v1/teams/{id}", teamId)
                .then()
                .statusCode(412);
        Map<String, Object> otherId = new HashMap<>(changed);
        otherId.put("id", UUID.randomUUID().toString());
        admin().header("If-Match", "\"0\"")
                .body(otherId)
                .put("/api/v1/teams/{id}", teamId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
        Db.assertUnchanged(before);
        admin().header("If-Match", "\"0\"")
                .body(changed)
                .put("/api/v1/teams/{id}", teamId)
                .then()
                .statusCode(200)
                .body("decreeNumber", equalTo("100.3.3.2/45/2024"));
        admin().header("If-None-Match", "\"1\"")
                .get("/api/v1/teams/{id}", teamId)
                .then()
                .statusCode(304);

        admin().header("If-Match", "\"1\"")
                .delete("/api/v1/teams/{id}", teamId)
                .then()
                .statusCode(204);
        admin().get("/api/v1/teams/{id}", teamId).then().statusCode(404);
        assertThat(Db.count(
                        "select count(*) from change_log where entity_id = ?::uuid and operation = 'DELETE'", memberId))
                .isEqualTo(1);
        assertThat(Db.count("select count(*) from change_log where entity_id = ?::uuid", teamId))
                .isEqualTo(3);
        // the agency is free again once its team is gone
        admin().header("If-Match", "\"0\"")
                .delete("/api/v1/agencies/{id}", agency)
                .then()
                .statusCode(204);
    }

    @Test
    void agencyInATeamCannotBeDeleted() {
        int year = YEARS.incrementAndGet();
        String teamId = admin().body(team("KABUPATEN_KOTA", "19.01", year))
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID agency = TestData.createAgency(TestData.unique("Polres Bangka"), "POLRI", "19.01");
        admin().body(member(agency, "Kapolres Bangka", "ANGGOTA", null))
                .post("/api/v1/teams/{id}/members", teamId)
                .then()
                .statusCode(201);
        var before = Db.snapshot();
        admin().header("If-Match", "\"0\"")
                .delete("/api/v1/agencies/{id}", agency)
                .then()
                .statusCode(409);
        Db.assertUnchanged(before);
    }
}
