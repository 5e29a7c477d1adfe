package id.terpadu.neutrality;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
 * A civil servant of a neutrality case is corrected (a misspelt name, a wrong NIP) with the case's version; the change
 * log keeps only the masked form, and every refusal writes nothing.
 */
@QuarkusTest
class PersonCorrectionTest {

    private static final String PATH = "/api/v1/neutrality-cases/{id}/persons/{personId}";

    private String caseId;
    private String personId;

    @BeforeEach
    void aCase() {
        TestData.ensureRegions();
        UUID bawaslu = TestData.createAgency(TestData.unique("Bawaslu Kota Pariaman"), "BAWASLU", "13.77");
        Map<String, Object> person = new HashMap<>();
        person.put("name", "Zulkifli Rahmadsyah");
        person.put("nip", "198703122010011099");
        person.put("employer", "Pemerintah Kota Pariaman");
        person.put("positionCategory", "PELAKSANA");
        var created = coordinator("13")
                .body(NeutralityCaseResourceTest.caseBody(
                        "PILKADA", 2024, "13.77", "2024-10-21", bawaslu, List.of(person)))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(201)
                .extract();
        caseId = created.path("id");
        personId = created.path("persons[0].id");
    }

    private static Map<String, Object> person(String name, String nip) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("nip", nip);
        body.put("employer", "Pemerintah Kota Pariaman");
        body.put("positionCategory", "PELAKSANA");
        body.put("positionTitle", "Staf Kelurahan");
        return body;
    }

    @Test
    void aMisspeltNameAndNipAreCorrectedAndTheLogKeepsThemMasked() {
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(person("Zulkifli Rahmatsyah", "198703122010011088"))
                .put(PATH, caseId, personId)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("persons[0].name", equalTo("Zulkifli Rahmatsyah"))
                .body("persons[0].nip", equalTo("198703122010011088"))
                .body("persons[0].positionTitle", equalTo("Staf Kelurahan"))
                .body("persons[0].status", equalTo("DITERIMA"));
        String logged = Db.single(
                "select snapshot::text from change_log where entity_type = 'neutrality-case'"
                        + " and entity_id = cast(? as uuid) and version = 1",
                caseId);
        assertThat(logged)
                .doesNotContain("Rahmatsyah")
                .doesNotContain("Zulkifli")
                .doesNotContain("198703122010011088")
                .contains("Z*** R***")
                .contains("Staf Kelurahan");
        assertThat(Db.count("select count(*) from change_log where snapshot::text like ?", "%Rahmatsyah%"))
                .isZero();
        // a reader without access to personal data sees the masked form
        as("analyst.13", List.of("ANALYST"), List.of("13"))
                .get("/api/v1/neutrality-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("persons[0].name", equalTo("Z*** R***"));
    }

    @Test
    void badCorrectionsWriteNothing() {
        Map<String, Object> good = person("Zulkifli Rahmatsyah", "198703122010011088");
        var before = Db.snapshot();
        coordinator("13").body(good).put(PATH, caseId, personId).then().statusCode(428);
        coordinator("13")
                .header("If-Match", "\"3\"")
                .body(good)
                .put(PATH, caseId, personId)
                .then()
                .statusCode(412)
                .header("ETag", "\"0\"");
        coordinator("13")
                .header("If-Match", "\"0\"")
                .contentType("application/json")
                .body("{\"name\": ")
                .put(PATH, caseId, personId)
                .then()
                .statusCode(400);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(person("Zulkifli Rahmatsyah", "19870312"))
                .put(PATH, caseId, personId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("nip"))
                .body("errors[0].code", equalTo("format.nip"));
        Map<String, Object> noName = new HashMap<>(good);
        noName.remove("name");
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(noName)
                .put(PATH, caseId, personId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        Map<String, Object> other = new HashMap<>(good);
        other.put("id", UUID.randomUUID().toString());
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(other)
                .put(PATH, caseId, personId)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("record.id.mismatch"));
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(good)
                .put(PATH, caseId, personId)
                .then()
                .statusCode(404);
        as("analyst.13", List.of("ANALYST"), List.of("13"))
                .header("If-Match", "\"0\"")
                .body(good)
                .put(PATH, caseId, personId)
                .then()
                .statusCode(403);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(good)
                .put(PATH, caseId, UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Db.assertUnchanged(before);
    }
}
