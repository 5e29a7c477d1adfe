package id.terpadu.neutrality;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * ASN neutrality cases: the Pariaman WhatsApp group before Pilkada 2024 (15 ASN: 10 to the police, 5 to BKN) and
 * Bawaslu Sumatera Barat's figures (27 violations in Pemilu 2019, 71 in Pilkada 2020), built through the API.
 */
@QuarkusTest
@Tag("external-db")
public class NeutralityCaseResourceTest {

    static final String NAME_PREFIX = "Aparatur Pariaman";

    @BeforeAll
    static void clean() {
        Db.execute("delete from neutrality_case where region_code like '13%'");
    }

    public static Map<String, Object> caseBody(
            String type, int year, String region, String receivedOn, UUID handler, List<Map<String, Object>> persons) {
        Map<String, Object> body = new HashMap<>();
        body.put("electionType", type);
        body.put("electionYear", year);
        body.put("regionCode", region);
        body.put("source", "TEMUAN");
        body.put("receivedOn", receivedOn);
        body.put("summary", "Dugaan pelanggaran netralitas ASN");
        body.put("violationForms", List.of("MEDIA_SOSIAL"));
        body.put("handlingAgencyId", handler.toString());
        body.put("persons", persons);
        return body;
    }

    public static List<Map<String, Object>> persons(String prefix, int count) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("name", prefix + " Nomor" + i);
            p.put("nip", String.format("1987031220100110%02d", i % 100));
            p.put("employer", "Pemerintah Kota Pariaman");
            p.put("positionCategory", i % 3 == 0 ? "FUNGSIONAL" : "PELAKSANA");
            list.add(p);
        }
        return list;
    }

    static void move(
            RequestSpecification as,
            String caseId,
            List<String> ids,
            String to,
            String decidedOn,
            Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("personIds", ids);
        body.put("to", to);
        body.put("decidedOn", decidedOn);
        as.body(body)
                .post("/api/v1/neutrality-cases/{id}/transitions", caseId)
                .then()
                .statusCode(200);
    }

    @Test
    void pariamanWhatsAppGroupFifteenAsnTenToThePoliceFiveToBkn() throws InterruptedException {
        UUID bawaslu = TestData.createAgency(TestData.unique("Bawaslu Kota Pariaman"), "BAWASLU", "13.77");
        UUID otherAgency = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        Supplier<RequestSpecification> officer =
                () -> Tokens.as("bawaslu.pariaman", List.of("OFFICER"), List.of("13.77"), bawaslu);
        Supplier<RequestSpecification> otherOfficer =
                () -> Tokens.as("polres.pariaman", List.of("OFFICER"), List.of("13.77"), otherAgency);

        Map<String, Object> body = caseBody("PILKADA", 2024, "13.77", "2024-10-21", bawaslu, persons(NAME_PREFIX, 15));
        body.put("registerNumber", "017/Reg/TM/PB/Kota/03.07/XI/2024");
        body.put("evidence", List.of(Map.of("description", "Tangkapan layar percakapan grup WhatsApp")));
        var created = officer.get()
                .body(body)
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(201)
                .body("persons", hasSize(15))
                .body("statusCounts.DITERIMA", equalTo(15))
                .body("personalDataVisible", equalTo(true))
                .body("persons[0].name", equalTo(NAME_PREFIX + " Nomor1"))
                .extract();
        String id = created.path("id");
        List<String> ids = created.path("persons.id");

        var before = Db.snapshot();
        // skipping the study, a KASN recommendation after its dissolution, a missing recipient, an outsider
        Map<String, Object> skip =
                Map.of("personIds", ids, "to", "REKOMENDASI", "recipient", "BKN", "decidedOn", "2024-11-04");
        officer.get()
                .body(skip)
                .post("/api/v1/neutrality-cases/{id}/transitions", id)
                .then()
                .statusCode(409)
                .body("allowed", equalTo(List.of("KAJIAN")));
        otherOfficer
                .get()
                .body(Map.of("personIds", ids, "to", "KAJIAN", "decidedOn", "2024-10-22"))
                .post("/api/v1/neutrality-cases/{id}/transitions", id)
                .then()
                .statusCode(403);
        officer.get()
                .body(Map.of(
                        "personIds", List.of(UUID.randomUUID().toString()), "to", "KAJIAN", "decidedOn", "2024-10-22"))
                .post("/api/v1/neutrality-cases/{id}/transitions", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("personIds[0]"));
        officer.get()
                .body(Map.of("personIds", ids, "to", "KAJIAN", "decidedOn", "2024-10-20"))
                .post("/api/v1/neutrality-cases/{id}/transitions", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("decidedOn"));
        Db.assertUnchanged(before);

        move(officer.get(), id, ids, "KAJIAN", "2024-10-22", Map.of());
        before = Db.snapshot();
        officer.get()
                .body(Map.of(
                        "personIds",
                        ids.subList(10, 15),
                        "to",
                        "REKOMENDASI",
                        "recipient",
                        "KASN",
                        "decidedOn",
                        "2024-11-04"))
                .post("/api/v1/neutrality-cases/{id}/transitions", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("recipient"))
                .body("detail", containsString("BKN"));
        officer.get()
                .body(Map.of("personIds", ids.subList(10, 15), "to", "REKOMENDASI", "decidedOn", "2024-11-04"))
                .post("/api/v1/neutrality-cases/{id}/transitions", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("recipient"));
        officer.get()
                .body(Map.of(
                        "personIds",
                        ids.subList(10, 15),
                        "to",
                        "BUKAN_PELANGGARAN",
                        "sanction",
                        "PTDH",
                        "decidedOn",
                        "2024-11-04"))
                .post("/api/v1/neutrality-cases/{id}/transitions", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sanction"));
        Db.assertUnchanged(before);
        move(
                officer.get(),
                id,
                ids.subList(0, 10),
                "REKOMENDASI",
                "2024-11-04",
                Map.of("recipient", "POLRI", "note", "Diteruskan ke kepolisian: dugaan tindak pidana pemilihan"));
        move(officer.get(), id, ids.subList(10, 15), "REKOMENDASI", "2024-11-04", Map.of("recipient", "BKN"));

        coordinator("13")
                .get("/api/v1/neutrality-cases/{id}", id)
                .then()
                .statusCode(200)
                .body("statusCounts.REKOMENDASI", equalTo(15))
                .body("persons.findAll { it.recipient == 'POLRI' }", hasSize(10))
                .body("persons.findAll { it.recipient == 'BKN' }", hasSize(5))
                .body("persons[0].name", equalTo(NAME_PREFIX + " Nomor1"));
        admin().get("/api/v1/statistics/neutrality-cases?groupBy=election,recipient&region=13.77&electionYear=2024")
                .then()
                .statusCode(200)
                .body("rows.find { it.key.recipient == 'POLRI' }.persons", equalTo(10))
                .body("rows.find { it.key.recipient == 'BKN' }.persons", equalTo(5))
                .body("rows.find { it.key.recipient == 'BKN' }.key.election", equalTo("PILKADA 2024"))
                .body("rows.cases", everyItem(equalTo(1)));

        // names are personal data: masked for analysts, integrations and other agencies' officers, everywhere
        for (RequestSpecification reader : List.of(
                Tokens.analyst("13"),
                otherOfficer.get(),
                Tokens.as("dashboard", List.of("INTEGRATION"), List.of("13")))) {
            String json = reader.get("/api/v1/neutrality-cases/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("personalDataVisible", equalTo(false))
                    .body("persons.name", everyItem(matchesPattern("([A-Z]\\*\\*\\* ?)+")))
                    .body("persons.nip", everyItem(matchesPattern("\\*{18}")))
                    .extract()
                    .asString();
            assertThat(json).doesNotContain(NAME_PREFIX).doesNotContain("19870312");
        }
        String list = Tokens.analyst("13")
                .get("/api/v1/neutrality-cases?region=13&electionType=PILKADA")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .extract()
                .asString();
        assertThat(list).doesNotContain(NAME_PREFIX);
        String stats = Tokens.analyst("13")
                .get("/api/v1/statistics/neutrality-cases?groupBy=status,positionCategory&region=13")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(stats).doesNotContain(NAME_PREFIX);
        // the change log never holds the names, even when the writer could read them
        String history = coordinator("13")
                .get("/api/v1/neutrality-cases/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items", hasSize(4))
                .extract()
                .asString();
        assertThat(history)
                .doesNotContain(NAME_PREFIX)
                .doesNotContain("19870312")
                .contains("A*** P*** N***");
        assertThat(Db.count("select count(*) from change_log where snapshot::text like ?", "%" + NAME_PREFIX + "%"))
                .isZero();
        // and so the change feed carries the case with masked names only, even to a reader who may see them
        String feed = "";
        for (int attempt = 0; attempt < 300 && !feed.contains(id); attempt++) {
            feed = coordinator("13")
                    .get("/api/v1/feed/changes?types=neutrality-case&limit=200")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            if (!feed.contains(id)) {
                Thread.sleep(100);
            }
        }
        assertThat(feed)
                .contains(id)
                .contains("A*** P*** N***")
                .doesNotContain(NAME_PREFIX)
                .doesNotContain("19870312");
        coordinator("19").get("/api/v1/neutrality-cases/{id}", id).then().statusCode(404);
    }

    @Test
    void sumatraBaratFiguresTwentySevenInPemilu2019SeventyOneInPilkada2020() {
        UUID bawaslu = TestData.createAgency(TestData.unique("Bawaslu Provinsi Sumatera Barat"), "BAWASLU", "13");
        record Batch(
                String type,
                int year,
                String region,
                String received,
                String recommended,
                int violations,
                int cleared) {}
        List<Batch> batches = List.of(
                new Batch("PEMILU", 2019, "13", "2019-03-11", "2019-04-02", 27, 3),
                new Batch("PILKADA", 2020, "13", "2020-09-14", "2020-10-20", 40, 0),
                new Batch("PILKADA", 2020, "13.71", "2020-10-05", "2020-11-10", 31, 2));
        String firstCase = null;
        for (Batch b : batches) {
            var created = coordinator("13")
                    .body(caseBody(
                            b.type(),
                            b.year(),
                            b.region(),
                            b.received(),
                            bawaslu,
                            persons("Pegawai " + b.year(), b.violations() + b.cleared())))
                    .post("/api/v1/neutrality-cases")
                    .then()
                    .statusCode(201)
                    .extract();
            String id = created.path("id");
            firstCase = firstCase == null ? id : firstCase;
            List<String> ids = created.path("persons.id");
            move(coordinator("13"), id, ids, "KAJIAN", b.received(), Map.of());
            move(
                    coordinator("13"),
                    id,
                    ids.subList(0, b.violations()),
                    "REKOMENDASI",
                    b.recommended(),
                    Map.of("recipient", "KASN"));
            if (b.cleared() > 0) {
                move(
                        coordinator("13"),
                        id,
                        ids.subList(b.violations(), ids.size()),
                        "BUKAN_PELANGGARAN",
                        b.recommended(),
                        Map.of());
            }
        }
        // two of the 2019 civil servants were sanctioned by their PPK, one recommendation was not followed up
        JsonPath first = coordinator("13")
                .get("/api/v1/neutrality-cases/{id}", firstCase)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ids = first.getList("persons.id");
        var before = Db.snapshot();
        coordinator("13")
                .body(Map.of("personIds", ids.subList(0, 2), "to", "SANKSI_DIJATUHKAN", "decidedOn", "2019-06-01"))
                .post("/api/v1/neutrality-cases/{id}/transitions", firstCase)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sanction"));
        coordinator("13")
                .body(Map.of(
                        "personIds",
                        ids.subList(0, 2),
                        "to",
                        "SANKSI_DIJATUHKAN",
                        "sanction",
                        "DISIPLIN_SEDANG",
                        "decidedOn",
                        "2019-03-01"))
                .post("/api/v1/neutrality-cases/{id}/transitions", firstCase)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("decidedOn"));
        coordinator("13")
                .body(Map.of(
                        "personIds",
                        ids.subList(27, 28),
                        "to",
                        "SANKSI_DIJATUHKAN",
                        "sanction",
                        "KODE_ETIK",
                        "decidedOn",
                        "2019-06-01"))
                .post("/api/v1/neutrality-cases/{id}/transitions", firstCase)
                .then()
                .statusCode(409);
        Db.assertUnchanged(before);
        move(
                coordinator("13"),
                firstCase,
                ids.subList(0, 2),
                "SANKSI_DIJATUHKAN",
                "2019-06-01",
                Map.of("sanction", "DISIPLIN_SEDANG"));
        move(coordinator("13"), firstCase, ids.subList(2, 3), "TIDAK_DITINDAKLANJUTI", "2019-08-01", Map.of());

        JsonPath byElection = admin().get("/api/v1/statistics/neutrality-cases?groupBy=election&region=13")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(byElection.getInt("rows.find { it.key.election == 'PEMILU 2019' }.violations"))
                .isEqualTo(27);
        assertThat(byElection.getInt("rows.find { it.key.election == 'PEMILU 2019' }.persons"))
                .isEqualTo(30);
        assertThat(byElection.getInt("rows.find { it.key.election == 'PILKADA 2020' }.violations"))
                .isEqualTo(71);
        assertThat(byElection.getInt("rows.find { it.key.election == 'PILKADA 2020' }.cases"))
                .isEqualTo(2);
        JsonPath sanctions = admin().get(
                        "/api/v1/statistics/neutrality-cases?groupBy=status,sanction&electionType=PEMILU&electionYear=2019&region=13")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(sanctions.getInt("rows.find { it.key.sanction == 'DISIPLIN_SEDANG' }.persons"))
                .isEqualTo(2);
        assertThat(sanctions.getInt("rows.find { it.key.status == 'TIDAK_DITINDAKLANJUTI' }.violations"))
                .isEqualTo(1);
        assertThat(sanctions.getInt("rows.find { it.key.status == 'BUKAN_PELANGGARAN' }.violations"))
                .isZero();
        JsonPath byForm = admin().get(
                        "/api/v1/statistics/neutrality-cases?groupBy=violationForm,kabkota&electionYear=2020&region=13")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(byForm.getInt("rows.find { it.key.kabkota == '13.71' }.violations"))
                .isEqualTo(31);
        assertThat(byForm.getString("rows[0].key.violationForm")).isEqualTo("MEDIA_SOSIAL");
        // a Pilkada 2020 reader of Kota Padang sees only its own case in the statistics
        JsonPath padang = coordinator("13.71")
                .get("/api/v1/statistics/neutrality-cases?groupBy=election")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(padang.getInt("rows.find { it.key.election == 'PILKADA 2020' }.violations"))
                .isEqualTo(31);
        assertThat(padang.getList("rows.findAll { it.key.election == 'PEMILU 2019' }"))
                .isEmpty();
    }

    @Test
    void badCasesAreRefusedAndWriteNothing() {
        UUID bawaslu = TestData.createAgency(TestData.unique("Bawaslu Kota Padang"), "BAWASLU", "13.71");
        UUID other = TestData.createAgency(TestData.unique("Kesbangpol Kota Padang"), "KESBANGPOL", "13.71");
        var before = Db.snapshot();
        Map<String, Object> reporterOnFinding =
                caseBody("PILKADA", 2024, "13.71", "2024-10-01", bawaslu, persons("X", 1));
        reporterOnFinding.put("reporterName", "Pelapor Anonim");
        coordinator("13")
                .body(reporterOnFinding)
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reporterName"));
        Map<String, Object> unknownForm = caseBody("PILKADA", 2024, "13.71", "2024-10-01", bawaslu, persons("X", 1));
        unknownForm.put("violationForms", List.of("BERJOGET"));
        coordinator("13")
                .body(unknownForm)
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("violationForms[0]"));
        coordinator("13")
                .body(caseBody("PILKADA", 2024, "13.71", "2024-10-01", bawaslu, List.of()))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("persons"));
        coordinator("13")
                .body(caseBody("PILKADA", 2024, "13.71", "2099-10-01", bawaslu, persons("X", 1)))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        Map<String, Object> badNip = caseBody("PILKADA", 2024, "13.71", "2024-10-01", bawaslu, persons("X", 1));
        ((List<Map<String, Object>>) badNip.get("persons")).get(0).put("nip", "12345");
        coordinator("13")
                .body(badNip)
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("nip"));
        coordinator("13")
                .body(caseBody("PILKADA", 2024, "13.99", "2024-10-01", bawaslu, persons("X", 1)))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        coordinator("19")
                .body(caseBody("PILKADA", 2024, "13.71", "2024-10-01", bawaslu, persons("X", 1)))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(403);
        Tokens.as("kesbangpol.padang", List.of("OFFICER"), List.of("13.71"), other)
                .body(caseBody("PILKADA", 2024, "13.71", "2024-10-01", bawaslu, persons("X", 1)))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(403);
        Tokens.analyst("13")
                .body(caseBody("PILKADA", 2024, "13.71", "2024-10-01", bawaslu, persons("X", 1)))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(403);
        admin().get("/api/v1/statistics/neutrality-cases?groupBy=name")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        Db.assertUnchanged(before);

        String id = coordinator("13")
                .body(caseBody("PILKADA", 2024, "13.71", "2024-10-01", bawaslu, persons("X", 1)))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        before = Db.snapshot();
        Map<String, Object> replace = caseBody("PILKADA", 2024, "13.71", "2024-10-01", bawaslu, persons("Y", 1));
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(replace)
                .put("/api/v1/neutrality-cases/{id}", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("persons"));
        replace.remove("persons");
        coordinator("13")
                .body(replace)
                .put("/api/v1/neutrality-cases/{id}", id)
                .then()
                .statusCode(428);
        coordinator("13")
                .header("If-Match", "\"3\"")
                .body(replace)
                .put("/api/v1/neutrality-cases/{id}", id)
                .then()
                .statusCode(412);
        Db.assertUnchanged(before);
        replace.put("violationForms", List.of("MEDIA_SOSIAL", "FOTO_PARTISAN"));
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(replace)
                .put("/api/v1/neutrality-cases/{id}", id)
                .then()
                .statusCode(200)
                .body("violationForms", hasSize(2))
                .body("version", equalTo(1));
        coordinator("13")
                .body(Map.of("persons", persons("Z", 2)))
                .post("/api/v1/neutrality-cases/{id}/persons", id)
                .then()
                .statusCode(200)
                .body("persons", hasSize(3))
                .body("version", equalTo(2));
    }
}
