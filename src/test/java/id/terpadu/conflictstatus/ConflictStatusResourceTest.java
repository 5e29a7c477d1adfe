package id.terpadu.conflictstatus;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

@QuarkusTest
@Tag("external-db")
public class ConflictStatusResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
        // each test declares for its own region, so clear what an earlier run of the same test left
    }

    public static Map<String, Object> status(String scale, String region, LocalDate start, LocalDate end) {
        Map<String, Object> body = new HashMap<>();
        body.put("scale", scale);
        if (region != null) {
            body.put("regionCode", region);
        }
        body.put("declaredBy", "Kepala daerah");
        body.put("decreeNumber", "Keputusan No. 300/" + start);
        body.put("consultationDate", start.minusDays(1).toString());
        body.put("startsOn", start.toString());
        body.put("endsOn", end.toString());
        return body;
    }

    private static String fresh(String region) {
        Db.execute("delete from conflict_status where region_code = '" + region + "'");
        return region;
    }

    @Test
    void declareExtendRevokeWithTniAssistance() {
        String region = fresh("19.04");
        LocalDate start = TODAY.minusDays(10);
        String id = coordinator("19")
                .body(status("KABUPATEN_KOTA", region, start, start.plusDays(89)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(201)
                .body("state", equalTo("DITETAPKAN"))
                .body("active", equalTo(true))
                .body("effectiveEndsOn", equalTo(start.plusDays(89).toString()))
                .extract()
                .path("id");
        coordinator("19")
                .body(Map.of(
                        "requestedBy",
                        "Bupati Belitung",
                        "reason",
                        "Bentrokan meluas",
                        "units",
                        List.of("Kodim 0414/Belitung"),
                        "tasks",
                        List.of("PENGHENTIAN_KEKERASAN", "PENYELAMATAN"),
                        "startsOn",
                        TODAY.toString(),
                        "endsOn",
                        TODAY.plusDays(14).toString()))
                .post("/api/v1/conflict-statuses/{id}/tni-assistance", id)
                .then()
                .statusCode(201)
                .body("active", equalTo(true))
                .body("effectiveEndsOn", equalTo(TODAY.plusDays(14).toString()));
        coordinator("19")
                .body(Map.of("decreeNumber", "Keputusan No. 300/ext", "reason", "Belum pulih", "days", 30))
                .post("/api/v1/conflict-statuses/{id}/extensions", id)
                .then()
                .statusCode(200)
                .body("effectiveEndsOn", equalTo(start.plusDays(119).toString()))
                .body("extensions", hasSize(1));
        coordinator("19")
                .body(Map.of(
                        "revokedOn",
                        TODAY.plusDays(5).toString(),
                        "reason",
                        "Terkendali",
                        "decreeNumber",
                        "Keputusan No. 300/cabut"))
                .post("/api/v1/conflict-statuses/{id}/revocation", id)
                .then()
                .statusCode(200)
                .body("effectiveEndsOn", equalTo(TODAY.plusDays(5).toString()));
        // TNI assistance ends with the status
        coordinator("19")
                .get("/api/v1/conflict-statuses/{id}/tni-assistance", id)
                .then()
                .statusCode(200)
                .body("items[0].effectiveEndsOn", equalTo(TODAY.plusDays(5).toString()));
        coordinator("19")
                .get("/api/v1/conflict-statuses/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items.operation", org.hamcrest.Matchers.contains("CREATE", "UPDATE", "UPDATE"));
    }

    @Test
    void theLawsRulesRefuseWithTheirBasis() {
        String region = fresh("19.01");
        var before = Db.snapshot();
        coordinator("19")
                .body(status("KABUPATEN_KOTA", region, TODAY, TODAY.plusDays(90)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endsOn"))
                .body("errors[0].code", equalTo("status.term.max"))
                .body("errors[0].params.max", equalTo(90))
                .body("errors[0].params.days", equalTo(91))
                .body("detail", containsString("UU 7/2012"));
        coordinator("19")
                .body(status("PROVINSI", region, TODAY, TODAY.plusDays(30)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(400)
                .body("detail", containsString("Ps 17"));
        coordinator("19")
                .body(status("KABUPATEN_KOTA", "19", TODAY, TODAY.plusDays(30)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(400);
        coordinator("19")
                .body(status("NASIONAL", null, TODAY, TODAY.plusDays(30)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(403);
        Map<String, Object> late = status("KABUPATEN_KOTA", region, TODAY, TODAY.plusDays(30));
        late.put("consultationDate", TODAY.plusDays(1).toString());
        coordinator("19")
                .body(late)
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("consultationDate"));
        coordinator("13")
                .body(status("KABUPATEN_KOTA", region, TODAY, TODAY.plusDays(30)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);

        String first = coordinator("19")
                .body(status("KABUPATEN_KOTA", region, TODAY, TODAY.plusDays(30)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        before = Db.snapshot();
        coordinator("19")
                .body(status("KABUPATEN_KOTA", region, TODAY.plusDays(20), TODAY.plusDays(60)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(409)
                .body("detail", containsString("satu wilayah hanya memiliki satu status pada satu waktu"));
        coordinator("19")
                .body(Map.of("decreeNumber", "x", "reason", "x", "days", 31))
                .post("/api/v1/conflict-statuses/{id}/extensions", first)
                .then()
                .statusCode(400);
        coordinator("19")
                .body(Map.of("revokedOn", TODAY.minusDays(1).toString(), "reason", "x", "decreeNumber", "x"))
                .post("/api/v1/conflict-statuses/{id}/revocation", first)
                .then()
                .statusCode(400);
        // TNI assistance outside the term
        coordinator("19")
                .body(Map.of(
                        "requestedBy",
                        "Bupati",
                        "reason",
                        "x",
                        "tasks",
                        List.of("PENYELAMATAN"),
                        "startsOn",
                        TODAY.toString(),
                        "endsOn",
                        TODAY.plusDays(45).toString()))
                .post("/api/v1/conflict-statuses/{id}/tni-assistance", first)
                .then()
                .statusCode(400)
                .body("detail", containsString("Ps 35"));
        Db.assertUnchanged(before);
    }

    @Test
    void tniAssistanceOnlyWhileTheStatusIsInForce() {
        String region = fresh("19.71");
        String later = coordinator("19")
                .body(status("KABUPATEN_KOTA", region, TODAY.plusDays(10), TODAY.plusDays(40)))
                .post("/api/v1/conflict-statuses")
                .then()
                .statusCode(201)
                .body("state", equalTo("BELUM_BERLAKU"))
                .extract()
                .path("id");
        var before = Db.snapshot();
        coordinator("19")
                .body(Map.of(
                        "requestedBy",
                        "Wali Kota",
                        "reason",
                        "x",
                        "tasks",
                        List.of("PENYELAMATAN"),
                        "startsOn",
                        TODAY.plusDays(10).toString(),
                        "endsOn",
                        TODAY.plusDays(20).toString()))
                .post("/api/v1/conflict-statuses/{id}/tni-assistance", later)
                .then()
                .statusCode(409)
                .body("detail", containsString("Ps 33"));
        coordinator("19")
                .body(Map.of(
                        "requestedBy",
                        "Wali Kota",
                        "reason",
                        "x",
                        "tasks",
                        List.of("BOMBARDIR"),
                        "startsOn",
                        TODAY.toString(),
                        "endsOn",
                        TODAY.toString()))
                .post("/api/v1/conflict-statuses/{id}/tni-assistance", later)
                .then()
                .statusCode(400)
                .body("allowed", hasItem("PENYELAMATAN"));
        as("analyst.19", List.of("ANALYST"), List.of("19"))
                .get("/api/v1/conflict-statuses/{id}", later)
                .then()
                .statusCode(200);
        as("officer.13", List.of("OFFICER"), List.of("13"))
                .get("/api/v1/conflict-statuses/{id}", later)
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);
    }
}
