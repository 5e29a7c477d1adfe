package id.terpadu.incident;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.verification.Verification;

/**
 * Verification of incidents: where a report starts (the rule of its source), four eyes, DUPLIKAT naming the original,
 * the table of moves (every bad one a 409 that writes nothing), and the lists and statistics restricted by state.
 */
@QuarkusTest
class IncidentVerificationTest {

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    static RequestSpecification officer(String name) {
        return as(name, List.of("OFFICER"), List.of("13"));
    }

    static Map<String, Object> verification(String state) {
        Map<String, Object> body = new HashMap<>();
        body.put("state", state);
        body.put("method", "CEK_LAPANGAN");
        body.put("note", "Dicek di lokasi bersama Bhabinkamtibmas");
        return body;
    }

    static ValidatableResponse verify(RequestSpecification as, String id, long version, Map<String, Object> body) {
        return as.header("If-Match", "\"" + version + "\"")
                .body(body)
                .post("/api/v1/incidents/{id}/verification", id)
                .then();
    }

    @Test
    void aReportIsVerifiedBySomeoneElseAndDuplicatesNameTheirOriginal() {
        String tag = "verif" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, Object> report = IncidentResourceTest.incident("Perusakan pondok kebun " + tag, "13.77");
        report.put("sourceKind", "LAPORAN_MASYARAKAT");
        String first = IncidentResourceTest.create(officer("officer.a.13"), report);
        String second = IncidentResourceTest.create(officer("officer.a.13"), report);
        Map<String, Object> patrol = new HashMap<>(report);
        patrol.put("sourceKind", "PATROLI");
        String patrolled = IncidentResourceTest.create(officer("officer.a.13"), patrol);

        coordinator("13")
                .get("/api/v1/incidents/{id}", first)
                .then()
                .statusCode(200)
                .body("verification.state", equalTo("BELUM_DIVERIFIKASI"))
                .body("verification.verifiedAt", nullValue());
        coordinator("13")
                .get("/api/v1/incidents/{id}", patrolled)
                .then()
                .body("verification.state", equalTo("TERVERIFIKASI"))
                .body("verification.verifiedBy", equalTo("officer.a.13"));

        var before = Db.snapshot();
        verify(officer("officer.a.13"), first, 0, verification("TERVERIFIKASI"))
                .statusCode(403)
                .body("type", equalTo("urn:terpadu:problem:forbidden"));
        Db.assertUnchanged(before);

        verify(officer("officer.b.13"), first, 0, verification("TERVERIFIKASI"))
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("verification.state", equalTo("TERVERIFIKASI"))
                .body("verification.method", equalTo("CEK_LAPANGAN"))
                .body("verification.verifiedBy", equalTo("officer.b.13"));
        Map<String, Object> duplicate = verification("DUPLIKAT");
        duplicate.put("duplicateOf", first);
        verify(coordinator("13"), second, 0, duplicate)
                .statusCode(200)
                .body("verification.state", equalTo("DUPLIKAT"))
                .body("verification.duplicateOf", equalTo(first))
                .body("duplicateOf", equalTo(first));
        coordinator("13").get("/api/v1/incidents/{id}/links", first).then().body("duplicates", contains(second));
        // while DUPLIKAT, its duplicateOf moves only by a verification
        before = Db.snapshot();
        coordinator("13")
                .header("If-Match", "\"1\"")
                .body(report)
                .put("/api/v1/incidents/{id}", second)
                .then()
                .statusCode(400)
                .body("errors.code", contains("incident.duplicate-of.verified"));
        Db.assertUnchanged(before);

        // the same read everywhere: the list, GeoJSON and the statistics filter by verification
        coordinator("13")
                .get("/api/v1/incidents?verification=TERVERIFIKASI&q=" + tag)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(first))
                .body("items.id", hasItem(patrolled))
                .body("items.id", not(hasItem(second)));
        // the duplicate counts once, as its original, unless the raw count is asked for
        coordinator("13")
                .get("/api/v1/statistics/incidents?q=" + tag)
                .then()
                .statusCode(200)
                .body("rows[0].incidents", equalTo(2));
        coordinator("13")
                .get("/api/v1/statistics/incidents?includeDuplicates=true&q=" + tag)
                .then()
                .statusCode(200)
                .body("rows[0].incidents", equalTo(3));
        coordinator("13")
                .get("/api/v1/statistics/incidents?verification=TERVERIFIKASI&q=" + tag)
                .then()
                .statusCode(200)
                .body("rows[0].incidents", equalTo(2));
        coordinator("13")
                .get("/api/v1/statistics/incidents?verification=DITOLAK&q=" + tag)
                .then()
                .statusCode(400)
                .body("errors.field", contains("verification"));

        // found not a duplicate after all: its duplicateOf goes with the state
        verify(coordinator("13"), second, 1, verification("TERVERIFIKASI"))
                .statusCode(200)
                .body("duplicateOf", nullValue())
                .body("verification.duplicateOf", nullValue());
        coordinator("13")
                .get("/api/v1/incidents/{id}/history", second)
                .then()
                .body("items.snapshot.verification.state", contains("BELUM_DIVERIFIKASI", "DUPLIKAT", "TERVERIFIKASI"));
    }

    @Test
    void everyBadTransitionIsA409AndWritesNothing() {
        RequestSpecification author = officer("officer.a.13");
        Map<String, Object> report = IncidentResourceTest.incident("Laporan warga", "13.77");
        report.put("sourceKind", "LAPORAN_MASYARAKAT");
        String original = IncidentResourceTest.create(author, report);
        int refused = 0;
        for (Verification from : Verification.values()) {
            String id = IncidentResourceTest.create(author, report);
            long version = 0;
            if (from != Verification.BELUM_DIVERIFIKASI) {
                Map<String, Object> body = verification(from.name());
                if (from == Verification.DUPLIKAT) {
                    body.put("duplicateOf", original);
                }
                verify(coordinator("13"), id, 0, body).statusCode(200);
                version = 1;
            }
            for (Verification to : Verification.values()) {
                if (Verification.TABLE.allows(from, to)) {
                    continue;
                }
                Map<String, Object> body = verification(to.name());
                if (to == Verification.DUPLIKAT) {
                    body.put("duplicateOf", original);
                }
                var before = Db.snapshot();
                verify(officer("officer.b.13"), id, version, body)
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("allowed", equalTo(Verification.TABLE.allowedNames(from)));
                Db.assertUnchanged(before);
                refused++;
            }
        }
        assertThat(refused).isEqualTo(14);
    }
}
