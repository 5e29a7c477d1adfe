package id.terpadu.earlywarning;

import static id.terpadu.earlywarning.CapAlertTest.cap;
import static id.terpadu.earlywarning.CapAlertTest.entries;
import static id.terpadu.earlywarning.CapAlertTest.feedText;
import static id.terpadu.earlywarning.CapAlertTest.parse;
import static id.terpadu.earlywarning.CapAlertTest.reference;
import static id.terpadu.support.Tokens.analyst;
import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
import org.w3c.dom.Document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.verification.Verification;

/**
 * Verification of early warnings and the four-eyes rule of publication: a PUBLIC warning becomes a public CAP alert
 * and an Atom entry only once someone other than its author verified it (for risk TINGGI a coordinator); until then
 * CAP renders a Draft, and a published warning later found invalid is cancelled. Every refusal writes nothing.
 */
@QuarkusTest
class WarningVerificationTest {

    static final String CAP = CapAlertTest.CAP;

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    static RequestSpecification officer(String name) {
        return as(name, List.of("OFFICER"), List.of("13"));
    }

    static Map<String, Object> publicWarning(String sourceKind, int likelihood, int impact) {
        Map<String, Object> body = CapAlertTest.warning("13.77", "PUBLIC", likelihood, impact);
        body.put("sourceKind", sourceKind);
        body.put("title", "Seruan menghadang pleno KPU " + UUID.randomUUID());
        return body;
    }

    static Map<String, Object> verification(String state, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("state", state);
        body.put("method", "KONFIRMASI_SUMBER");
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    static ValidatableResponse verify(RequestSpecification as, String id, long version, Map<String, Object> body) {
        return as.header("If-Match", "\"" + version + "\"")
                .body(body)
                .post("/api/v1/early-warnings/{id}/verification", id)
                .then();
    }

    static List<String> feedIds(RequestSpecification as) {
        return entries(parse(feedText(as))).stream()
                .map(CapAlertTest::warningId)
                .toList();
    }

    @Test
    void aPublicWarningIsPublishedOnlyAfterAnotherPersonVerifiesIt() {
        String id = CapAlertTest.create(officer("officer.a.13"), publicWarning("LAPORAN_MASYARAKAT", 4, 3));
        coordinator("13")
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200)
                .body("verification.state", equalTo("BELUM_DIVERIFIKASI"))
                .body("verification.verifiedBy", nullValue())
                .body("published", equalTo(false));
        assertThat(feedIds(coordinator("13"))).doesNotContain(id);
        assertThat(feedIds(as("integration", List.of("INTEGRATION"), List.of())))
                .doesNotContain(id);
        Document draft = cap(coordinator("13"), id);
        assertThat(cap(draft, "status")).isEqualTo("Draft");
        assertThat(cap(draft, "msgType")).isEqualTo("Alert");
        assertThat(cap(draft, "references")).isNull();

        // the author may not verify it: four eyes
        var before = Db.snapshot();
        verify(officer("officer.a.13"), id, 0, verification("TERVERIFIKASI", null))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:forbidden"));
        Db.assertUnchanged(before);
        assertThat(feedIds(coordinator("13"))).doesNotContain(id);

        verify(officer("officer.b.13"), id, 0, verification("TERVERIFIKASI", "Pelapor dihubungi kembali"))
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("verification.state", equalTo("TERVERIFIKASI"))
                .body("verification.method", equalTo("KONFIRMASI_SUMBER"))
                .body("verification.note", equalTo("Pelapor dihubungi kembali"))
                .body("verification.verifiedBy", equalTo("officer.b.13"))
                .body("verification.verifiedAt", org.hamcrest.Matchers.notNullValue())
                .body("published", equalTo(true));
        assertThat(feedIds(coordinator("13"))).contains(id);
        assertThat(feedIds(as("integration", List.of("INTEGRATION"), List.of())))
                .contains(id);
        Document alert = cap(coordinator("13"), id);
        assertThat(cap(alert, "status")).isEqualTo("Actual");
        assertThat(cap(alert, "msgType")).isEqualTo("Alert");
        assertThat(cap(alert, "identifier")).isEqualTo("urn:terpadu:early-warning:" + id + ":1");
        // the draft was sent to nobody: nothing to reference
        assertThat(cap(alert, "references")).isNull();
        // the verification is kept in the warning's history
        coordinator("13")
                .get("/api/v1/early-warnings/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items.snapshot.verification.state", contains("BELUM_DIVERIFIKASI", "TERVERIFIKASI"))
                .body("items[1].actor", equalTo("officer.b.13"));

        // later found invalid: cancelled in CAP, gone from the feed
        verify(coordinator("13"), id, 1, verification("TIDAK_VALID", "Akun penyebar seruan ternyata palsu"))
                .statusCode(200)
                .body("published", equalTo(false));
        Document cancel = cap(coordinator("13"), id);
        assertThat(cap(cancel, "status")).isEqualTo("Actual");
        assertThat(cap(cancel, "msgType")).isEqualTo("Cancel");
        assertThat(cap(cancel, "references")).isEqualTo(reference(alert));
        assertThat(cap(cancel, "note")).contains("tidak valid");
        assertThat(feedIds(coordinator("13"))).doesNotContain(id);
        coordinator("13")
                .get("/api/v1/early-warnings?verification=TIDAK_VALID&region=13.77&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        coordinator("13")
                .get("/api/v1/early-warnings?verification=TERVERIFIKASI&region=13.77&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void aSourceRuleStartsVerifiedButIsNoSecondPairOfEyes() {
        String patrol = CapAlertTest.create(officer("officer.a.13"), publicWarning("PATROLI", 2, 3));
        coordinator("13")
                .get("/api/v1/early-warnings/{id}", patrol)
                .then()
                .statusCode(200)
                .body("verification.state", equalTo("TERVERIFIKASI"))
                .body("verification.verifiedBy", equalTo("officer.a.13"))
                .body("verification.method", nullValue())
                .body("published", equalTo(false));
        assertThat(feedIds(coordinator("13"))).doesNotContain(patrol);
        coordinator("13")
                .get("/api/v1/early-warnings?verification=TERVERIFIKASI&region=13.77&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(patrol));
        // the reference data says which sources start verified
        coordinator("13")
                .get("/api/v1/reference/source-kinds")
                .then()
                .statusCode(200)
                .body(
                        "items.findAll { it.attributes.startsVerified == true }.code",
                        containsInAnyOrder("PATROLI", "INTELIJEN"));

        // another person confirms it: TERVERIFIKASI → TERVERIFIKASI
        verify(officer("officer.b.13"), patrol, 0, verification("TERVERIFIKASI", null))
                .statusCode(200)
                .body("verification.verifiedBy", equalTo("officer.b.13"))
                .body("published", equalTo(true));
        assertThat(feedIds(coordinator("13"))).contains(patrol);
        Document alert = cap(coordinator("13"), patrol);

        // the author changes what it says: the confirmation lapses and the alert is withdrawn until confirmed again
        Map<String, Object> changed = publicWarning("PATROLI", 2, 3);
        changed.put("title", "Seruan menghadang pleno KPU meluas");
        CapAlertTest.replace(officer("officer.a.13"), patrol, 1, changed);
        coordinator("13")
                .get("/api/v1/early-warnings/{id}", patrol)
                .then()
                .body("verification.state", equalTo("TERVERIFIKASI"))
                .body("verification.verifiedBy", equalTo("officer.a.13"))
                .body("published", equalTo(false));
        assertThat(feedIds(coordinator("13"))).doesNotContain(patrol);
        Document withdrawn = cap(coordinator("13"), patrol);
        assertThat(cap(withdrawn, "msgType")).isEqualTo("Cancel");
        assertThat(cap(withdrawn, "references")).isEqualTo(reference(alert));
        // a change of its handling status alone keeps it published
        verify(coordinator("13"), patrol, 2, verification("TERVERIFIKASI", null))
                .statusCode(200)
                .body("published", equalTo(true));
        changed.put("status", "DIPANTAU");
        CapAlertTest.replace(officer("officer.a.13"), patrol, 3, changed);
        coordinator("13")
                .get("/api/v1/early-warnings/{id}", patrol)
                .then()
                .body("verification.verifiedBy", equalTo("coordinator.13"))
                .body("published", equalTo(true));
        assertThat(cap(cap(coordinator("13"), patrol), "msgType")).isEqualTo("Update");

        String publicReport = CapAlertTest.create(officer("officer.a.13"), publicWarning("LAPORAN_MASYARAKAT", 2, 3));
        coordinator("13")
                .get("/api/v1/early-warnings/{id}", publicReport)
                .then()
                .body("verification.state", equalTo("BELUM_DIVERIFIKASI"));
    }

    @Test
    void aHighRiskWarningIsPublishedOnlyByACoordinatorsVerification() {
        String id = CapAlertTest.create(officer("officer.a.13"), publicWarning("LAPORAN_MASYARAKAT", 5, 5));
        verify(officer("officer.b.13"), id, 0, verification("TERVERIFIKASI", null))
                .statusCode(200)
                .body("verification.state", equalTo("TERVERIFIKASI"))
                .body("published", equalTo(false));
        assertThat(feedIds(coordinator("13"))).doesNotContain(id);
        assertThat(cap(cap(coordinator("13"), id), "status")).isEqualTo("Draft");
        // a coordinator of a kabupaten elsewhere cannot reach it
        verify(coordinator("33"), id, 1, verification("TERVERIFIKASI", null)).statusCode(404);
        verify(coordinator("13"), id, 1, verification("TERVERIFIKASI", null))
                .statusCode(200)
                .body("published", equalTo(true));
        assertThat(feedIds(coordinator("13"))).contains(id);
        assertThat(cap(cap(coordinator("13"), id), "status")).isEqualTo("Actual");
    }

    @Test
    void everyBadTransitionIsA409AndWritesNothing() {
        RequestSpecification author = officer("officer.a.13");
        String original = CapAlertTest.create(author, publicWarning("LAPORAN_MASYARAKAT", 2, 2));
        Map<Verification, String> records = new HashMap<>();
        Map<Verification, Long> versions = new HashMap<>();
        for (Verification state : Verification.values()) {
            String id = CapAlertTest.create(author, publicWarning("LAPORAN_MASYARAKAT", 2, 2));
            records.put(state, id);
            versions.put(state, 0L);
            if (state != Verification.BELUM_DIVERIFIKASI) {
                Map<String, Object> body = verification(state.name(), "Diteruskan ke Kesbangpol Provinsi");
                if (state == Verification.DUPLIKAT) {
                    body.put("duplicateOf", original);
                }
                verify(coordinator("13"), id, 0, body).statusCode(200);
                versions.put(state, 1L);
            }
        }
        int refused = 0;
        for (Verification from : Verification.values()) {
            for (Verification to : Verification.values()) {
                if (Verification.TABLE.allows(from, to)) {
                    continue;
                }
                Map<String, Object> body = verification(to.name(), "Catatan");
                if (to == Verification.DUPLIKAT) {
                    body.put("duplicateOf", original);
                }
                var before = Db.snapshot();
                verify(officer("officer.b.13"), records.get(from), versions.get(from), body)
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:terpadu:problem:conflict"))
                        .body("allowed", equalTo(Verification.TABLE.allowedNames(from)));
                Db.assertUnchanged(before);
                refused++;
            }
        }
        assertThat(refused).isEqualTo(14);
    }

    @Test
    void otherRefusalsWriteNothing() {
        String id = CapAlertTest.create(officer("officer.a.13"), publicWarning("LAPORAN_MASYARAKAT", 2, 2));
        String elsewhere = CapAlertTest.create(coordinator("33"), CapAlertTest.warning("33.07", "PUBLIC", 2, 2));
        var before = Db.snapshot();
        // a note says why it is invalid or where it was forwarded
        for (String state : List.of("TIDAK_VALID", "BUKAN_WEWENANG")) {
            verify(officer("officer.b.13"), id, 0, verification(state, " "))
                    .statusCode(400)
                    .body("errors.field", contains("note"))
                    .body("errors.code", contains("verification.note.required"));
        }
        // duplicateOf with DUPLIKAT, and only then; never itself, never one the caller cannot see
        verify(officer("officer.b.13"), id, 0, verification("DUPLIKAT", null))
                .statusCode(400)
                .body("errors.code", contains("verification.duplicate-of.required"));
        Map<String, Object> withOriginal = verification("TERVERIFIKASI", null);
        withOriginal.put("duplicateOf", UUID.randomUUID().toString());
        verify(officer("officer.b.13"), id, 0, withOriginal)
                .statusCode(400)
                .body("errors.code", contains("verification.duplicate-of.only-duplikat"));
        Map<String, Object> self = verification("DUPLIKAT", null);
        self.put("duplicateOf", id);
        verify(officer("officer.b.13"), id, 0, self)
                .statusCode(400)
                .body("errors.code", contains("verification.duplicate-of.self"));
        Map<String, Object> hidden = verification("DUPLIKAT", null);
        hidden.put("duplicateOf", elsewhere);
        verify(officer("officer.b.13"), id, 0, hidden)
                .statusCode(400)
                .body("errors.field", contains("duplicateOf"))
                .body("errors.code", contains("warning.not-found"));
        Map<String, Object> unknownState = verification("DIPERIKSA", null);
        verify(officer("officer.b.13"), id, 0, unknownState).statusCode(400);
        Map<String, Object> noMethod = verification("TERVERIFIKASI", null);
        noMethod.remove("method");
        verify(officer("officer.b.13"), id, 0, noMethod).statusCode(400).body("errors.field", contains("method"));
        // If-Match: required, and the version read
        officer("officer.b.13")
                .body(verification("TERVERIFIKASI", null))
                .post("/api/v1/early-warnings/{id}/verification", id)
                .then()
                .statusCode(428);
        verify(officer("officer.b.13"), id, 5, verification("TERVERIFIKASI", null))
                .statusCode(412);
        // an analyst reads, never verifies; outside the scope the warning does not exist
        verify(analyst("13"), id, 0, verification("TERVERIFIKASI", null)).statusCode(403);
        verify(as("officer.33", List.of("OFFICER"), List.of("33")), id, 0, verification("TERVERIFIKASI", null))
                .statusCode(404);
        Db.assertUnchanged(before);
    }
}
