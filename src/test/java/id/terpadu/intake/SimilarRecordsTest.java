package id.terpadu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * Likely duplicates ({@code GET …/{id}/similar}) of incidents, early warnings and community reports: a reworded
 * report of the same event ranks first among the noise of its province and days; what the caller may not read (another
 * kabupaten/kota outside its scope, a CONFIDENTIAL record) is never a candidate; the record itself is a 404 outside
 * the scope; a bad limit is a 400 that writes nothing.
 */
@QuarkusTest
class SimilarRecordsTest {

    private static final String ORIGINAL = "Bentrokan antarwarga terkait sengketa lahan sawit di Desa Sungai Limau";
    private static final String REWORDED = "Bentrok warga soal sengketa lahan sawit di desa Sungai Limau, 3 luka";

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    private static Instant uniqueDay() {
        return Instant.parse("2005-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextInt(0, 2500), ChronoUnit.DAYS);
    }

    private static String incident(
            RequestSpecification as, String title, String description, String region, Instant at, String cls) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("categoryCode", "SENGKETA_LAHAN");
        body.put("regionCode", region);
        body.put("occurredFrom", at.toString());
        body.put("sourceKind", cls.equals("CONFIDENTIAL") ? "INTELIJEN" : "MEDIA");
        body.put("severity", 3);
        body.put("classification", cls);
        return as.body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static JsonPath similar(RequestSpecification as, String path, String id) {
        return as.get(path, id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRewordedReportRanksFirstAndWhatTheCallerMayNotReadIsNeverACandidate() {
        Instant day = uniqueDay();
        RequestSpecification coordinator = Tokens.coordinator("19");
        String original = incident(
                coordinator,
                ORIGINAL,
                "Dua kelompok warga bentrok di perbatasan desa; tiga orang luka.",
                "19.04",
                day,
                "RESTRICTED");
        String reworded = incident(
                coordinator,
                REWORDED,
                "Kedua kelompok warga bentrok di batas desa, tiga orang luka-luka.",
                "19.04",
                day.plus(3, ChronoUnit.HOURS),
                "RESTRICTED");
        // noise of the same kabupaten, category family and days
        for (String title : List.of(
                "Unjuk rasa petani menuntut pengembalian lahan di kantor bupati",
                "Perusakan pondok kebun oleh orang tak dikenal",
                "Saling klaim batas ulayat antara dua dusun")) {
            incident(coordinator, title, "Laporan Polsek setempat.", "19.04", day.plus(5, ChronoUnit.HOURS), "PUBLIC");
        }
        // outside the window: not a candidate however alike
        String late = incident(
                coordinator, ORIGINAL, "Laporan terlambat.", "19.04", day.plus(10, ChronoUnit.DAYS), "RESTRICTED");
        // the same words in another kabupaten of the province, and a CONFIDENTIAL copy
        String neighbour = incident(coordinator, REWORDED, "Laporan Polres tetangga.", "19.01", day, "RESTRICTED");
        UUID bin = TestData.createAgency(TestData.unique("Binda Kepulauan Bangka Belitung"), "BIN", "19");
        RequestSpecification binda = Tokens.as("binda.similar.19", List.of("OFFICER"), List.of("19"), bin);
        String secret = incident(binda, ORIGINAL, "Laporan intelijen.", "19.04", day, "CONFIDENTIAL");

        JsonPath found = similar(Tokens.coordinator("19"), "/api/v1/incidents/{id}/similar", original);
        List<String> ids = found.getList("items.id");
        assertThat(found.getInt("windowHours")).isEqualTo(72);
        assertThat(ids.get(0)).isEqualTo(reworded);
        assertThat(ids)
                .contains(neighbour)
                .doesNotContain(original, late, secret)
                .hasSize(5);
        List<Float> scores = found.getList("items.score", Float.class);
        assertThat(scores).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(scores).allSatisfy(s -> assertThat(s).isBetween(0f, 1f));
        List<String> reasons = found.getList("items[0].reasons.code");
        assertThat(reasons)
                .contains("SAME_KABKOTA", "SAME_CATEGORY", "TIME_WITHIN_HOURS", "TITLE_SIMILARITY", "TEXT_SIMILARITY");
        assertThat(found.getDouble("items[0].reasons.find { it.code == 'TIME_WITHIN_HOURS' }.value"))
                .isEqualTo(3.0);
        assertThat(found.getList("items.find { it.id == '" + neighbour + "' }.reasons.code", String.class))
                .contains("SAME_PROVINCE")
                .doesNotContain("SAME_KABKOTA");

        // the cleared agency sees its own CONFIDENTIAL copy among the candidates: it is hidden by clearance only
        assertThat(similar(binda, "/api/v1/incidents/{id}/similar", original).getList("items.id", String.class))
                .contains(secret);
        // a caller of one kabupaten: the other kabupaten's record is neither shown nor counted
        JsonPath local = similar(Tokens.coordinator("19.04"), "/api/v1/incidents/{id}/similar", original);
        assertThat(local.getList("items.id", String.class))
                .doesNotContain(neighbour, secret)
                .hasSize(4);
        // limit
        assertThat(similar(Tokens.coordinator("19"), "/api/v1/incidents/{id}/similar?limit=1", original)
                        .getList("items.id", String.class))
                .containsExactly(reworded);

        var before = Db.snapshot();
        // outside the scope, the record itself is not found; the neighbour's caller cannot ask about 19.04's records
        Tokens.coordinator("13")
                .get("/api/v1/incidents/{id}/similar", original)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Tokens.coordinator("19.01")
                .get("/api/v1/incidents/{id}/similar", original)
                .then()
                .statusCode(404);
        Tokens.coordinator("19")
                .get("/api/v1/incidents/{id}/similar", secret)
                .then()
                .statusCode(404);
        Tokens.coordinator("19")
                .get("/api/v1/incidents/{id}/similar", UUID.randomUUID())
                .then()
                .statusCode(404);
        for (String bad : List.of("0", "51", "ten", "-1", "1.5")) {
            Tokens.coordinator("19")
                    .get("/api/v1/incidents/{id}/similar?limit=" + bad, original)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        Tokens.coordinator("19")
                .get("/api/v1/incidents/not-a-uuid/similar")
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);
    }

    @Test
    void warningsFindTheirRewordedTwin() {
        RequestSpecification coordinator = Tokens.coordinator("19");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> first = new HashMap<>(EarlyWarningResourceTest.warning("19.04", 3, 3));
        first.put("title", "Ketegangan antarpendukung calon kepala desa Air Merah menjelang pleno " + tag);
        first.put("categoryCode", "POLITIK_PILKADES");
        Map<String, Object> second = new HashMap<>(first);
        second.put("title", "Tegang: pendukung calon kades Air Merah jelang rapat pleno " + tag);
        Map<String, Object> other = new HashMap<>(first);
        other.put("title", "Penolakan tambang pasir oleh nelayan");
        other.put("categoryCode", "SENGKETA_SDA");
        String a = post(coordinator, first, "/api/v1/early-warnings");
        String b = post(Tokens.coordinator("19"), second, "/api/v1/early-warnings");
        String c = post(Tokens.coordinator("19"), other, "/api/v1/early-warnings");
        JsonPath found = similar(Tokens.coordinator("19"), "/api/v1/early-warnings/{id}/similar", a);
        assertThat(found.getString("items[0].id")).isEqualTo(b);
        assertThat(found.getString("items[0].type")).isEqualTo("early-warning");
        // another category family is no candidate
        assertThat(found.getList("items.id", String.class)).doesNotContain(a, c);

        var before = Db.snapshot();
        Tokens.coordinator("13")
                .get("/api/v1/early-warnings/{id}/similar", a)
                .then()
                .statusCode(404);
        Tokens.coordinator("19")
                .get("/api/v1/early-warnings/{id}/similar?limit=100", a)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        Db.assertUnchanged(before);
    }

    @Test
    void aCommunityReportFindsTheIncidentItReportsAgain() {
        Instant day = Instant.now().minus(ThreadLocalRandom.current().nextInt(20, 4000), ChronoUnit.DAYS);
        RequestSpecification coordinator = Tokens.coordinator("19");
        String original = incident(
                coordinator,
                "Pembakaran pondok kebun di Dusun Air Merah terkait batas kebun",
                "Warga dua dusun bersitegang soal batas kebun; pondok dibakar.",
                "19.04",
                day,
                "RESTRICTED");
        incident(coordinator, "Unjuk rasa nelayan di pelabuhan", "Aksi damai.", "19.04", day, "PUBLIC");
        Map<String, Object> report = IntakeTest.report("19.04", null);
        report.put("occurredAt", day.plus(2, ChronoUnit.HOURS).toString());
        report.put("description", "Pondok kebun di dusun Air Merah dibakar, warga dua dusun ribut soal batas kebun.");
        String id = IntakeTest.queued(report);

        JsonPath found = similar(Tokens.admin(), "/api/v1/intake/{id}/similar", id);
        assertThat(found.getString("items[0].id")).isEqualTo(original);
        assertThat(found.getString("items[0].type")).isEqualTo("incident");
        assertThat(found.getList("items.score", BigDecimal.class)).isSortedAccordingTo((x, y) -> y.compareTo(x));

        var before = Db.snapshot();
        Tokens.as("coordinator.13.intake", List.of("COORDINATOR"), List.of("13"))
                .get("/api/v1/intake/{id}/similar", id)
                .then()
                .statusCode(404);
        Tokens.admin()
                .get("/api/v1/intake/{id}/similar?limit=0", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        Db.assertUnchanged(before);
    }

    private static String post(RequestSpecification as, Map<String, Object> body, String path) {
        return as.body(body).post(path).then().statusCode(201).extract().path("id");
    }
}
