package id.terpadu.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * Personal data (UU 27/2022): the names of persons among incident and early-warning parties are masked for those who
 * may not read them, everywhere a record leaves the system; nothing of a person reaches the log; and every answer that
 * shows personal data unmasked is in the access log that ADMIN reads.
 */
@QuarkusTest
class PersonalDataTest {

    /** A victim's name and a NIK-like number (16 digits), unique to this test. */
    static final String VICTIM = "Sutan Marajo Bagindo";

    static final String NIK = "1377012304890007";
    static final String MASKED_VICTIM = "S*** M*** B***";

    @Test
    void victimsAreMaskedForThoseWhoMayNotReadThemAndEveryUnmaskedReadIsRecorded() {
        TestData.ensureRegions();
        UUID polres = TestData.createAgency(TestData.unique("Polres Pangkal Pinang"), "POLRI", "19.71");
        UUID other = TestData.createAgency(TestData.unique("Kodim Pangkal Pinang"), "TNI", "19.71");
        Map<String, Object> body = IncidentResourceTest.incident(TestData.unique("Penganiayaan warga"), "19.71");
        body.put("leadAgencyId", polres.toString());
        body.put("description", "Korban dirawat; identitas dicatat oleh Polres");
        body.put(
                "parties",
                List.of(
                        Map.of("type", "PERORANGAN", "name", VICTIM + " " + NIK, "role", "KORBAN"),
                        Map.of("type", "KELOMPOK_MASYARAKAT", "name", "Pemuda Kampung Baru", "role", "PELAKU")));
        String id = Tokens.coordinator("19")
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String maskedWithNik = MASKED_VICTIM + " " + "1***";

        // Who may read: the secretariat, and the lead agency's own officers.
        assertThat(partyName(Tokens.coordinator("19").get("/api/v1/incidents/" + id)))
                .isEqualTo(VICTIM + " " + NIK);
        assertThat(partyName(Tokens.as("officer.polres", List.of("OFFICER"), List.of("19"), polres)
                        .get("/api/v1/incidents/" + id)))
                .isEqualTo(VICTIM + " " + NIK);

        // Who may not: an analyst, another agency's officer — by id, in the list, in GeoJSON; the group keeps its name.
        var analyst = Tokens.analyst("19");
        var kodim = Tokens.as("officer.kodim", List.of("OFFICER"), List.of("19"), other);
        long accessesBefore = Db.count("select count(*) from personal_data_access where entity_id = ?::uuid", id);
        assertThat(partyName(analyst.get("/api/v1/incidents/" + id))).isEqualTo(maskedWithNik);
        assertThat(partyName(kodim.get("/api/v1/incidents/" + id))).isEqualTo(maskedWithNik);
        String list = Tokens.analyst("19")
                .get("/api/v1/incidents?region=19.71&limit=200")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String geo = Tokens.analyst("19")
                .accept("application/geo+json")
                .get("/api/v1/incidents?region=19.71&limit=200")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String answer : List.of(list, geo)) {
            assertThat(answer)
                    .contains(maskedWithNik)
                    .contains("Pemuda Kampung Baru")
                    .doesNotContain(VICTIM)
                    .doesNotContain(NIK);
        }
        assertThat(Db.count("select count(*) from personal_data_access where entity_id = ?::uuid", id))
                .as("masked answers are not unmasked reads")
                .isEqualTo(accessesBefore);

        // What is kept and published: the change log, the history, the feed — masked for every reader.
        assertThat(Db.count(
                        "select count(*) from change_log where snapshot::text like ? or snapshot::text like ?",
                        "%Sutan%",
                        "%" + NIK + "%"))
                .isZero();
        String history = Tokens.admin()
                .get("/api/v1/incidents/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(history).contains(maskedWithNik).doesNotContain(VICTIM).doesNotContain(NIK);

        // The access log: the coordinator's and the officer's reads, and the create answer; ADMIN only.
        String accesses = Tokens.admin()
                .get("/api/v1/personal-data-access?entityId=" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(Tokens.admin()
                        .get("/api/v1/personal-data-access?entityId=" + id)
                        .then()
                        .extract()
                        .<List<String>>path("items.actor"))
                .contains("coordinator.19", "officer.polres")
                .doesNotContain("analyst.19", "officer.kodim");
        assertThat(Tokens.admin()
                        .get("/api/v1/personal-data-access?entityId=" + id)
                        .then()
                        .extract()
                        .<List<String>>path("items.path"))
                .contains("/api/v1/incidents/" + id, "/api/v1/incidents");
        assertThat(accesses).doesNotContain(VICTIM).doesNotContain(NIK);
        assertThat(Tokens.admin()
                        .get("/api/v1/personal-data-access?actor=officer.polres&entityType=incident")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<String>>path("items.entityId"))
                .contains(id);

        // An ADMIN of another province does not see reads of Bangka Belitung's records.
        assertThat(Tokens.as("admin.sumbar", List.of("ADMIN"), List.of("13"))
                        .get("/api/v1/personal-data-access?entityId=" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<String>>path("items"))
                .isEmpty();

        // Refused: not an ADMIN; a bad filter. Nothing written, not even an access row.
        long all = Db.count("select count(*) from personal_data_access");
        for (var notAdmin : List.of(Tokens.coordinator("19"), analyst)) {
            notAdmin.get("/api/v1/personal-data-access").then().statusCode(403).contentType("application/problem+json");
        }
        Tokens.admin()
                .get("/api/v1/personal-data-access?entityId=42")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Tokens.admin()
                .get("/api/v1/personal-data-access?from=yesterday")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(Db.count("select count(*) from personal_data_access")).isEqualTo(all);
    }

    @Test
    void earlyWarningPartiesAreMaskedTheSameWay() {
        TestData.ensureRegions();
        UUID bin = TestData.createAgency(TestData.unique("BINDA Kepulauan Bangka Belitung"), "BIN", "19");
        Map<String, Object> body = EarlyWarningResourceTest.warning("19.71", 3, 3);
        body.put("sourceAgencyId", bin.toString());
        body.put(
                "parties",
                List.of(Map.of("type", "PERORANGAN", "name", "Rangkayo Rasuna", "role", "PIHAK_BERKONFLIK")));
        String id = Tokens.coordinator("19")
                .body(body)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(Tokens.analyst("19")
                        .get("/api/v1/early-warnings/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("parties[0].name"))
                .isEqualTo("R*** R***");
        assertThat(Tokens.analyst("19")
                        .get("/api/v1/early-warnings?region=19.71&limit=200")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .doesNotContain("Rangkayo");
        assertThat(Tokens.coordinator("19")
                        .get("/api/v1/early-warnings/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("parties[0].name"))
                .isEqualTo("Rangkayo Rasuna");
        assertThat(Db.count("select count(*) from change_log where snapshot::text like '%Rangkayo%'"))
                .isZero();
        assertThat(Db.count(
                        "select count(*) from personal_data_access where entity_id = ?::uuid and actor = ?",
                        id,
                        "coordinator.19"))
                .isGreaterThanOrEqualTo(1);
    }

    /**
     * A scenario with known names and NIK-like numbers in bodies, paths, queries and refused requests: none of them
     * reaches any log record at any level the service emits, while the requests themselves are logged (so the
     * capture is known to work).
     */
    @Test
    void namesAndNumbersNeverReachTheLog() {
        TestData.ensureRegions();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                StringBuilder line = new StringBuilder(record.getLoggerName() + " " + message);
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    line.append(' ').append(t);
                }
                lines.add(line.toString());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String name = "Datuak Rajo Mangkuto";
        String nik = "1371021708850003";
        try {
            Map<String, Object> body = IncidentResourceTest.incident("Perselisihan batas ulayat", "19.71");
            body.put("parties", List.of(Map.of("type", "PERORANGAN", "name", name + " NIK " + nik, "role", "KORBAN")));
            String id = Tokens.coordinator("19")
                    .body(body)
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Tokens.analyst("19").get("/api/v1/incidents/" + id).then().statusCode(200);
            Tokens.coordinator("19")
                    .get("/api/v1/incidents?q=" + name.replace(' ', '+') + "&region=19.71")
                    .then()
                    .statusCode(200);
            // Refused requests that carry the name and the number: a bad field, an unknown one, a path that is no id.
            body.put("severity", 9);
            Tokens.coordinator("19").body(body).post("/api/v1/incidents").then().statusCode(400);
            Tokens.coordinator("19")
                    .body(Map.of("title", name, "nik", nik))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(400);
            Tokens.coordinator("19").get("/api/v1/incidents/" + nik).then().statusCode(404);
            Tokens.coordinator("19").get("/api/v1/regions/" + nik).then().statusCode(404);
        } finally {
            root.removeHandler(capture);
        }
        List<String> logged = List.copyOf(lines);
        assertThat(logged)
                .as("the requests were logged, by route")
                .anyMatch(l -> l.contains("\"GET /api/v1/incidents/{id}\" 200"))
                .anyMatch(l -> l.contains("\"GET /api/v1/incidents\" 200"));
        for (String secret : List.of(name, "Datuak", "Mangkuto", nik)) {
            assertThat(logged).as("log lines holding " + secret).noneMatch(l -> l.contains(secret));
        }
    }

    private static String partyName(Response response) {
        return response.then().statusCode(200).extract().path("parties.find { it.type == 'PERORANGAN' }.name");
    }
}
