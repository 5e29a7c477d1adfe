package id.terpadu.riskindex;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import id.terpadu.conflictstatus.ConflictStatusResourceTest;
import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.neutrality.NeutralityCaseResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * The regional risk index: models as versioned data, the indicators computed from the records (only those the model's
 * classification admits), scores readable only by those who may read that classification and within their scope, an
 * early warning when a region's band rises (once per month and band), and the import of an external index. Its data
 * lies in Kalimantan Utara (65), which no other test uses, and in months long past, so that its computations raise
 * warnings in its own regions only.
 */
@QuarkusTest
class RiskIndexResourceTest {

    static final String KABKOTA = "65.01";
    static final String OTHER = "65.02";
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
        assertThat(Db.count("select count(*) from region where code in ('65', '65.01', '65.02', '65.71')"))
                .isEqualTo(4);
    }

    /** A COMPUTED model whose caps are so high that no band ever rises: it reads the indicators and raises nothing. */
    private static String probeModel() {
        String code = "UJI"
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', 'X');
        Map<String, Object> caps = Map.of("KABUPATEN_KOTA", 1_000_000, "PROVINSI", 1_000_000);
        List<Map<String, Object>> indicators = Indicators.ALL.stream()
                .map(i -> Map.<String, Object>of(
                        "code", i, "name", "Uji " + i, "dimension", "UJI", "weight", 10, "caps", caps))
                .toList();
        admin().body(model(code, "COMPUTED", "RESTRICTED", indicators, 99))
                .post("/api/v1/risk-index/models")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/risk-index/models/" + code + "?version=1"))
                .body("version", equalTo(1))
                .body("indicators.size()", equalTo(5));
        return code;
    }

    static Map<String, Object> model(
            String code, String kind, String classification, List<Map<String, Object>> indicators, int top) {
        List<Map<String, Object>> bands = List.of(
                Map.of("code", "RENDAH", "from", 0),
                Map.of("code", "SEDANG", "from", top / 2),
                Map.of("code", "TINGGI", "from", top));
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Model " + code);
        body.put("method", "Metode uji");
        body.put("kind", kind);
        body.put("classification", classification);
        body.put("indicators", indicators);
        body.put("bands", Map.of("KABUPATEN_KOTA", bands, "PROVINSI", bands));
        body.put("warningCategory", "POLITIK_PEMILU");
        return body;
    }

    private static Map<String, Object> inputs(String model, String region) {
        JsonPath table = admin().get("/api/v1/risk-index?model={m}&region={r}", model, region)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return table.getMap("scores.find { it.regionCode == '" + region + "' }.inputs");
    }

    private static double value(Map<String, Object> inputs, String indicator) {
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) inputs.get(indicator);
        return ((Number) input.get("value")).doubleValue();
    }

    private static JsonPath compute(String model, String period) {
        Map<String, Object> body = new HashMap<>();
        if (period != null) {
            body.put("period", period);
        }
        return admin().body(body)
                .post("/api/v1/risk-index/models/{code}/computations", model)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theIndicatorsCountWhatTheModelMayReadOfTheLastNinetyDays() {
        String model = probeModel();
        RequestSpecification coordinator = as("coordinator.65", List.of("COORDINATOR"), List.of("65"));
        UUID polres = TestData.createAgency(TestData.unique("Polres Malinau"), "POLRI", KABKOTA);
        String now = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        compute(model, null);
        Map<String, Object> before = inputs(model, KABKOTA);

        // two incidents (severity 4 and 2) and a CONFIDENTIAL one, which no index reads, and one verified DUPLIKAT
        IncidentResourceTest.create(
                coordinator,
                with(IncidentResourceTest.incident("Bentrok warga", KABKOTA), "occurredFrom", now, "severity", 4));
        String second = IncidentResourceTest.create(
                coordinator,
                with(IncidentResourceTest.incident("Pembakaran pos", KABKOTA), "occurredFrom", now, "severity", 2));
        UUID binda = TestData.createAgency(TestData.unique("Binda Kalimantan Utara"), "BIN", "65");
        IncidentResourceTest.create(
                as("binda.65", List.of("OFFICER"), List.of("65"), binda),
                with(
                        IncidentResourceTest.incident("Laporan intelijen", KABKOTA),
                        "occurredFrom",
                        now,
                        "severity",
                        5,
                        "classification",
                        "CONFIDENTIAL"));
        String duplicate = IncidentResourceTest.create(
                coordinator,
                with(
                        IncidentResourceTest.incident("Bentrok warga (lagi)", KABKOTA),
                        "occurredFrom",
                        now,
                        "severity",
                        5));
        as("kesbangpol.65", List.of("COORDINATOR"), List.of("65"))
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "state", "DUPLIKAT", "method", "CEK_SILANG_INSTANSI", "duplicateOf", second, "note", "Sama"))
                .post("/api/v1/incidents/{id}/verification", duplicate)
                .then()
                .statusCode(200);
        // a TINGGI (3) and a SEDANG (2) warning
        String warning = createWarning(coordinator, KABKOTA, 5, 4);
        createWarning(coordinator, KABKOTA, 3, 3);
        // a task on the warning, overdue
        String task = coordinator
                .body(Map.of(
                        "agencyId",
                        polres.toString(),
                        "description",
                        "Patroli dialogis",
                        "dueAt",
                        Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .post("/api/v1/early-warnings/{id}/tasks", warning)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Db.execute("update incident_task set due_at = now() - interval '2 days' where id = '" + task + "'");
        // a Status Keadaan Konflik in force today
        LocalDate today = LocalDate.now(WIB);
        Db.execute("delete from conflict_status where region_code = '" + KABKOTA + "'");
        coordinator
                .body(ConflictStatusResourceTest.status(
                        "KABUPATEN_KOTA", KABKOTA, today.minusDays(1), today.plusDays(30)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(201);
        // a neutrality case with a civil servant under study
        UUID bawaslu = TestData.createAgency(TestData.unique("Bawaslu Malinau"), "BAWASLU", KABKOTA);
        coordinator
                .body(NeutralityCaseResourceTest.caseBody(
                        "PILKADA",
                        today.getYear() + 1,
                        KABKOTA,
                        today.toString(),
                        bawaslu,
                        NeutralityCaseResourceTest.persons("Uji", 1)))
                .post("/api/v1/neutrality-cases")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);

        JsonPath done = compute(model, null);
        assertThat(done.getInt("warningsRaised")).isZero();
        assertThat(done.getString("period")).isEqualTo(YearMonth.now(WIB).toString());
        Map<String, Object> after = inputs(model, KABKOTA);
        assertThat(value(after, "INSIDEN") - value(before, "INSIDEN")).isEqualTo(6.0);
        assertThat(value(after, "PERINGATAN") - value(before, "PERINGATAN")).isEqualTo(5.0);
        assertThat(value(after, "TUGAS_TERLAMBAT") - value(before, "TUGAS_TERLAMBAT"))
                .isEqualTo(1.0);
        assertThat(value(after, "STATUS_KONFLIK")).isEqualTo(1.0);
        assertThat(value(after, "NETRALITAS") - value(before, "NETRALITAS")).isEqualTo(1.0);
        // the province counts its kabupaten/kota's records too; a neighbour none of them
        Map<String, Object> province = admin().get("/api/v1/risk-index?model={m}&level=PROVINSI&region=65", model)
                .then()
                .statusCode(200)
                .body("scores.size()", equalTo(1))
                .extract()
                .jsonPath()
                .getMap("scores[0].inputs");
        assertThat(value(province, "INSIDEN")).isGreaterThanOrEqualTo(6.0);
        assertThat(value(inputs(model, OTHER), "STATUS_KONFLIK")).isZero();
    }

    private static String createWarning(RequestSpecification as, String region, int likelihood, int impact) {
        return as.body(EarlyWarningResourceTest.warning(region, likelihood, impact))
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
        Map<String, Object> copy = new HashMap<>(body);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put((String) pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    @Test
    void aRegionWhoseBandRisesGetsOneEarlyWarning() {
        RequestSpecification coordinator = as("coordinator.65", List.of("COORDINATOR"), List.of("65"));
        // March 2003: four severe incidents in 65.71 (severity sum 20 ≥ the cap 15 → INSIDEN 100, score 35: SEDANG)
        for (int i = 0; i < 4; i++) {
            IncidentResourceTest.create(
                    coordinator,
                    with(
                            IncidentResourceTest.incident("Bentrok " + i, "65.71"),
                            "occurredFrom",
                            "2003-03-1" + i + "T10:00:00Z",
                            "severity",
                            5));
        }
        JsonPath first = compute("TERPADU", "2003-03");
        assertThat(first.getInt("regions")).isGreaterThanOrEqualTo(552);
        JsonPath score = admin().get("/api/v1/risk-index/regions/65.71?model=TERPADU")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String march = "scores.find { it.period == '2003-03' }.";
        assertThat(score.getString(march + "band")).isEqualTo("SEDANG");
        assertThat(score.getDouble(march + "score")).isEqualTo(35.0);
        String warning = score.getString(march + "warningId");
        assertThat(warning).isNotNull();
        admin().get("/api/v1/early-warnings/{id}", warning)
                .then()
                .statusCode(200)
                .body("regionCode", equalTo("65.71"))
                .body("sourceKind", equalTo("INDEKS_RISIKO"))
                .body("categoryCode", equalTo("SENGKETA_LAHAN"))
                .body("classification", equalTo("RESTRICTED"))
                .body("riskLevel", equalTo("SEDANG"))
                .body("verification.state", equalTo("BELUM_DIVERIFIKASI"))
                .body("indicators", hasItem("INSIDEN: 0 → 20"))
                .body("title", startsWith("Kelas risiko wilayah 65.71 naik dari RENDAH ke SEDANG"));
        assertThat(Db.count(
                        "select count(*) from change_log where entity_id = ?::uuid and actor = 'system:risk-index'",
                        warning))
                .isEqualTo(1);

        // computing the month again raises nothing more
        long warnings = Db.count("select count(*) from early_warning where source_kind = 'INDEKS_RISIKO'");
        compute("TERPADU", "2003-03");
        assertThat(Db.count("select count(*) from early_warning where source_kind = 'INDEKS_RISIKO'"))
                .isEqualTo(warnings);

        // April keeps March's incidents in its 90 days: the band stays, no new warning; the history shows both months
        JsonPath april = compute("TERPADU", "2003-04");
        assertThat(Db.count("select count(*) from early_warning where source_kind = 'INDEKS_RISIKO'"))
                .isEqualTo(warnings);
        assertThat(april.getInt("warningsRaised")).isZero();
        admin().get("/api/v1/risk-index/regions/65.71?model=TERPADU")
                .then()
                .statusCode(200)
                .body("scores.period", org.hamcrest.Matchers.hasItems("2003-04", "2003-03"))
                .body("scores.find { it.period == '2003-04' }.band", equalTo("SEDANG"))
                .body("scores.find { it.period == '2003-04' }.warningId", equalTo(null));

        // a caller may not give the index's source to a warning of its own
        var before = Db.snapshot();
        coordinator
                .body(with(EarlyWarningResourceTest.warning("65.71", 3, 3), "sourceKind", "INDEKS_RISIKO"))
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("sourceKind"));
        Db.assertUnchanged(before);
    }

    @Test
    void scoresAreReadOnlyByThoseWhoMayReadTheirRecordsAndWithinTheirScope() {
        compute("TERPADU", "2003-06");
        // an integration reads PUBLIC records only: the RESTRICTED model's scores are refused, and its history
        as("integration.risk", List.of("INTEGRATION"), List.of())
                .get("/api/v1/risk-index?model=TERPADU&period=2003-06")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as("integration.risk", List.of("INTEGRATION"), List.of())
                .get("/api/v1/risk-index/regions/65.71?model=TERPADU")
                .then()
                .statusCode(403);
        // a province's analyst sees its own kabupaten/kota only, and another province's region is not found
        as("analyst.65", List.of("ANALYST"), List.of("65"))
                .get("/api/v1/risk-index?model=TERPADU&period=2003-06")
                .then()
                .statusCode(200)
                .body("scores.regionCode.every { it.startsWith('65.') }", equalTo(true))
                .body("scores.size()", equalTo((int)
                        Db.count("select count(*) from region where parent_code = '65' and retired_at is null")));
        as("analyst.65", List.of("ANALYST"), List.of("65"))
                .get("/api/v1/risk-index/regions/13.77?model=TERPADU")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        // a national table has every kabupaten/kota, and every province at its level
        admin().get("/api/v1/risk-index?model=TERPADU&period=2003-06")
                .then()
                .statusCode(200)
                .body("scores.size()", equalTo((int) Db.count(
                        "select count(*) from region where level in ('KABUPATEN', 'KOTA') and retired_at is null")));
        admin().get("/api/v1/risk-index?model=TERPADU&period=2003-06&level=PROVINSI")
                .then()
                .statusCode(200)
                .body("scores.size()", equalTo((int)
                        Db.count("select count(*) from region where level = 'PROVINSI' and retired_at is null")));
    }

    @Test
    void anExternalIndexIsImportedAllOrNothing() {
        String code = "IKP" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        admin().body(model(code, "IMPORTED", "PUBLIC", List.of(), 60))
                .post("/api/v1/risk-index/models")
                .then()
                .statusCode(201)
                .body("kind", equalTo("IMPORTED"));
        var before = Db.snapshot();
        // bad lines: all reported with their numbers, nothing written
        admin().contentType("text/csv")
                .body("kode,skor,kontestasi\n65.01,101,3\n13.77.01,50,1\n65.02,x,2\n65.02,40,abc\n65.01,20,1\n")
                .post("/api/v1/risk-index/models/{m}/imports?period=2004-02", code)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", org.hamcrest.Matchers.contains("line 2", "line 3", "line 4", "line 5", "line 6"));
        // an empty body, and one line more than an import takes
        admin().contentType("text/csv")
                .body("")
                .post("/api/v1/risk-index/models/{m}/imports?period=2004-02", code)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].code", equalTo("risk.csv.empty"));
        admin().contentType("text/csv")
                .body("kode,skor\n" + "65.01,20\n".repeat(RiskIndexService.MAX_IMPORT_LINES + 1))
                .post("/api/v1/risk-index/models/{m}/imports?period=2004-02", code)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].code", equalTo("risk.csv.too-long"))
                .body("errors[0].params.max", equalTo(RiskIndexService.MAX_IMPORT_LINES));
        admin().contentType("text/csv")
                .body("kode,nilai\n65.01,20\n")
                .post("/api/v1/risk-index/models/{m}/imports?period=2004-02", code)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("line 1"));
        admin().contentType("text/csv")
                .body("kode,skor\n65.01,20\n")
                .post("/api/v1/risk-index/models/{m}/imports?period=2999-01", code)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        admin().contentType("text/csv")
                .body("kode,skor\n65.01,20\n")
                .post("/api/v1/risk-index/models/TERPADU/imports?period=2004-02")
                .then()
                .statusCode(409);
        as("admin.65", List.of("ADMIN"), List.of("65"))
                .contentType("text/csv")
                .body("kode,skor\n65.01,20\n")
                .post("/api/v1/risk-index/models/{m}/imports?period=2004-02", code)
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);

        JsonPath imported = admin().contentType("text/csv; charset=UTF-8")
                .body("\uFEFFkode,skor,kontestasi\r\n65,41.5,38.2\r\n65.01,62.25,\r\n")
                .post("/api/v1/risk-index/models/{m}/imports?period=2004-02", code)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(imported.getInt("regions")).isEqualTo(2);
        assertThat(imported.getInt("warningsRaised")).isEqualTo(2);
        // a PUBLIC model is read by an integration; the import is its provenance
        as("integration.risk", List.of("INTEGRATION"), List.of())
                .get("/api/v1/risk-index?model={m}&period=2004-02&region=65", code)
                .then()
                .statusCode(200)
                .body("classification", equalTo("PUBLIC"))
                .body("scores.size()", equalTo(1))
                .body("scores[0].regionCode", equalTo("65.01"))
                .body("scores[0].band", equalTo("TINGGI"))
                .body("scores[0].score", equalTo(62.25f))
                .body("scores[0].importId", equalTo(imported.getString("importId")))
                .body("scores[0].inputs.kontestasi.value", equalTo(null));
        // the import replaces the month: 65 is gone, 65.01 changed, and no warning is raised twice for a band
        admin().contentType("text/csv")
                .body("kode,skor\n65.01,70\n")
                .post("/api/v1/risk-index/models/{m}/imports?period=2004-02", code)
                .then()
                .statusCode(200)
                .body("warningsRaised", equalTo(0));
        admin().get("/api/v1/risk-index/regions/65?model={m}", code)
                .then()
                .statusCode(200)
                .body("scores.size()", equalTo(0));
    }

    @Test
    void badModelsAndRequestsAreRefusedAndWriteNothing() {
        var before = Db.snapshot();
        Map<String, Object> indicator = Map.of(
                "code",
                "INSIDEN",
                "name",
                "Insiden",
                "dimension",
                "KEKERASAN",
                "weight",
                10,
                "caps",
                Map.of("KABUPATEN_KOTA", 5, "PROVINSI", 20));
        record Bad(Map<String, Object> body, String field) {}
        for (Bad bad : List.of(
                new Bad(model("BARU", "COMPUTED", "RESTRICTED", List.of(), 50), "indicators"),
                new Bad(model("BARU", "IMPORTED", "PUBLIC", List.of(indicator), 50), "indicators"),
                new Bad(model("BARU", "COMPUTED", "CONFIDENTIAL", List.of(indicator), 50), "classification"),
                new Bad(
                        model("BARU", "COMPUTED", "RESTRICTED", List.of(with(indicator, "code", "CUACA")), 50),
                        "indicators[0].code"),
                new Bad(
                        model("BARU", "COMPUTED", "RESTRICTED", List.of(indicator, indicator), 50),
                        "indicators[1].code"),
                new Bad(
                        model(
                                "BARU",
                                "COMPUTED",
                                "RESTRICTED",
                                List.of(with(indicator, "caps", Map.of("PROVINSI", 3))),
                                50),
                        "indicators[0].caps"),
                new Bad(model("BARU", "COMPUTED", "RESTRICTED", List.of(indicator), 0), "bands.PROVINSI"),
                new Bad(
                        with(
                                model("BARU", "COMPUTED", "RESTRICTED", List.of(indicator), 50),
                                "warningCategory",
                                "CUACA"),
                        "warningCategory"),
                new Bad(
                        with(model("BARU", "COMPUTED", "RESTRICTED", List.of(indicator), 50), "code", "baru"),
                        "code"))) {
            admin().body(bad.body())
                    .post("/api/v1/risk-index/models")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo(bad.field()));
        }
        as("coordinator.65", List.of("COORDINATOR"), List.of("65"))
                .body(model("BARU", "COMPUTED", "RESTRICTED", List.of(indicator), 50))
                .post("/api/v1/risk-index/models")
                .then()
                .statusCode(403);
        as("admin.65", List.of("ADMIN"), List.of("65"))
                .body(Map.of())
                .post("/api/v1/risk-index/models/TERPADU/computations")
                .then()
                .statusCode(403);
        admin().body(Map.of())
                .post("/api/v1/risk-index/models/TIDAKADA/computations")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        admin().body(Map.of("period", "1999-12"))
                .post("/api/v1/risk-index/models/TERPADU/computations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        admin().contentType(ContentType.JSON)
                .body("{\"period\": \"2026-13\"}")
                .post("/api/v1/risk-index/models/TERPADU/computations")
                .then()
                .statusCode(400);
        Db.assertUnchanged(before);
        admin().get("/api/v1/risk-index?model=TIDAKADA").then().statusCode(404);
        admin().get("/api/v1/risk-index?version=99").then().statusCode(404);
        for (String query : List.of("model=tidak ada", "version=0", "level=DESA", "period=2026-1", "region=65.x")) {
            admin().get("/api/v1/risk-index?" + query)
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
        admin().get("/api/v1/risk-index/models/TIDAKADA").then().statusCode(404);
        admin().get("/api/v1/risk-index/models/TERPADU?version=99").then().statusCode(404);
        admin().get("/api/v1/risk-index/regions/65.01.01?model=TERPADU").then().statusCode(404);
        admin().get("/api/v1/risk-index/models/TERPADU")
                .then()
                .statusCode(200)
                .body("kind", equalTo("COMPUTED"))
                .body(
                        "indicators.code",
                        org.hamcrest.Matchers.contains(
                                "INSIDEN", "PERINGATAN", "STATUS_KONFLIK", "TUGAS_TERLAMBAT", "NETRALITAS"));
    }
}
