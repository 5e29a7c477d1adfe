package id.terpadu.earlywarning;

import static id.terpadu.earlywarning.CapAlertTest.cap;
import static id.terpadu.earlywarning.CapAlertTest.create;
import static id.terpadu.earlywarning.CapAlertTest.entries;
import static id.terpadu.earlywarning.CapAlertTest.feedText;
import static id.terpadu.earlywarning.CapAlertTest.parse;
import static id.terpadu.earlywarning.CapAlertTest.publish;
import static id.terpadu.earlywarning.CapAlertTest.valueOf;
import static id.terpadu.support.Tokens.coordinator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.common.error.Message;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * An early warning's place and time: an optional point (an incident's bounds), when the sign was observed, the day or
 * period it concerns and its expiry, through POST, PUT, PATCH and the CAP alert; an expired warning is shown as such
 * and leaves the Atom feed.
 */
@QuarkusTest
@Tag("external-db")
public class WarningPlaceAndTimeTest {

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    static Map<String, Object> placed(String classification) {
        Map<String, Object> body = new HashMap<>(CapAlertTest.warning("13.77", classification, 4, 3));
        body.put("point", Map.of("lat", -0.6263, "lon", 100.1205));
        body.put("observedAt", "2024-11-20T02:30:00Z");
        body.put("concernsFrom", "2024-11-27");
        body.put("concernsUntil", "2024-12-16");
        body.put("expiresAt", "2030-01-01T00:00:00Z");
        return body;
    }

    @Test
    void aWarningCarriesItsPlaceAndTimeIntoJsonAndCap() {
        String id = create(coordinator("13"), placed("RESTRICTED"));
        coordinator("13")
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200)
                .body("point.lat", equalTo(-0.6263f))
                .body("point.lon", equalTo(100.1205f))
                .body("observedAt", equalTo("2024-11-20T02:30:00Z"))
                .body("concernsFrom", equalTo("2024-11-27"))
                .body("concernsUntil", equalTo("2024-12-16"))
                .body("expiresAt", equalTo("2030-01-01T00:00:00Z"))
                .body("expired", is(false));
        var alert = cap(coordinator("13"), id);
        assertThat(cap(alert, "expires")).isEqualTo("2030-01-01T00:00:00+00:00");
        assertThat(cap(alert, "circle")).isEqualTo("-0.6263,100.1205 0");
        assertThat(valueOf(alert, "parameter", "TERPADU_WAKTU_PENGAMATAN")).isEqualTo("2024-11-20T02:30:00+00:00");
        assertThat(valueOf(alert, "parameter", "TERPADU_TANGGAL_SASARAN")).isEqualTo("2024-11-27/2024-12-16");

        // a merge patch: a null removes the point and the period's end, a single day remains
        Map<String, Object> patch = new HashMap<>();
        patch.put("point", null);
        patch.put("concernsUntil", null);
        patch.put("observedAt", null);
        String created = coordinator("13")
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(patch)
                .patch("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200)
                .body("point", nullValue())
                .body("concernsFrom", equalTo("2024-11-27"))
                .body("concernsUntil", nullValue())
                .extract()
                .path("createdAt");
        // an observation time removed is the time the warning was raised
        coordinator("13").get("/api/v1/early-warnings/{id}", id).then().body("observedAt", equalTo(created));
        alert = cap(coordinator("13"), id);
        assertThat(cap(alert, "circle")).isNull();
        assertThat(valueOf(alert, "parameter", "TERPADU_TANGGAL_SASARAN")).isEqualTo("2024-11-27");

        // without them, a warning is observed when it is raised and concerns no day
        Map<String, Object> plain = CapAlertTest.warning("13.77", "RESTRICTED", 2, 2);
        coordinator("13")
                .body(plain)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .body("point", nullValue())
                .body("observedAt", org.hamcrest.Matchers.notNullValue())
                .body("concernsFrom", nullValue())
                .body("expiresAt", nullValue())
                .body("expired", is(false));
    }

    @Test
    void placeAndTimeOutOfBoundsAreRefusedAndWriteNothing() {
        String id = create(coordinator("13"), placed("RESTRICTED"));
        String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        Object[][] bad = {
            {"point", Map.of("lat", 20.0, "lon", 100.1), "point.lat"},
            {"point", Map.of("lat", -0.6), "point.lon"},
            {"observedAt", future, "observedAt"},
            {"observedAt", "1999-12-31T23:59:59Z", "observedAt"},
            {"observedAt", "kemarin", "observedAt"},
            {"concernsFrom", "2024-13-01", "concernsFrom"},
            {"concernsUntil", "2024-11-26", "concernsUntil"},
            {"expiresAt", "2024-11-20T02:30:00Z", "expiresAt"},
        };
        var before = Db.snapshot();
        for (Object[] b : bad) {
            Map<String, Object> body = placed("RESTRICTED");
            body.put((String) b[0], b[1]);
            coordinator("13")
                    .body(body)
                    .post("/api/v1/early-warnings")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(b[2]));
            coordinator("13")
                    .header("If-Match", "\"0\"")
                    .body(body)
                    .put("/api/v1/early-warnings/{id}", id)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo(b[2]));
        }
        Map<String, Object> alone = placed("RESTRICTED");
        alone.remove("concernsFrom");
        coordinator("13")
                .body(alone)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("concernsUntil"))
                .body("errors[0].code", equalTo("warning.concerns-until.alone"));
        coordinator("13")
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(Map.of("observedAt", future))
                .patch("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("observedAt"))
                .body(
                        "errors[0].message",
                        equalTo(Message.of("warning.observed-at.future", "minutes", 5)
                                .in("id")));
        Db.assertUnchanged(before);
    }

    @Test
    void anExpiredWarningIsShownAsSuchAndLeavesTheAtomFeed() {
        Map<String, Object> body = placed("PUBLIC");
        body.put("observedAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        body.put("expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        String standing = create(coordinator("13"), body);
        publish(standing, 0);
        body.put("expiresAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        String expired = create(coordinator("13"), body);
        publish(expired, 0);
        coordinator("13")
                .get("/api/v1/early-warnings/{id}", expired)
                .then()
                .statusCode(200)
                .body("expired", is(true))
                .body("published", is(true))
                .body("status", equalTo("TERIDENTIFIKASI"));
        List<String> ids = entries(parse(feedText(coordinator("13")))).stream()
                .map(CapAlertTest::warningId)
                .toList();
        assertThat(ids).contains(standing).doesNotContain(expired);
        assertThat(cap(cap(coordinator("13"), expired), "expires")).isNotNull();
    }

    static String word() {
        StringBuilder w = new StringBuilder("zq");
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    static String located(String observedAt, Double lat, Double lon, int likelihood, int impact, String title) {
        Map<String, Object> body = new HashMap<>(CapAlertTest.warning("13.77", "RESTRICTED", likelihood, impact));
        body.put("title", title);
        body.put("observedAt", observedAt);
        if (lat != null) {
            body.put("point", Map.of("lat", lat, "lon", lon));
        }
        return create(coordinator("13"), body);
    }

    @Test
    void theListFiltersByTimeTextBoxAndRiskAndGivesGeoJsonOfThoseWithAPoint() {
        String word = word();
        String pariaman = located("2003-05-01T00:00:00Z", -0.6263, 100.1205, 4, 3, "Pengerahan massa " + word);
        String nowhere = located("2003-05-10T00:00:00Z", null, null, 5, 5, "Ujaran kebencian " + word);
        String jayapura = located("2003-06-01T00:00:00Z", -2.53, 140.7, 1, 2, "Sengketa tapal batas " + word);
        Map<String, Object> watched = new HashMap<>(CapAlertTest.warning("13.77", "RESTRICTED", 1, 2));
        watched.put("title", "Sengketa tapal batas " + word);
        watched.put("observedAt", "2003-06-01T00:00:00Z");
        watched.put("point", Map.of("lat", -2.53, "lon", 140.7));
        watched.put("status", "DIPANTAU");
        CapAlertTest.replace(coordinator("13"), jayapura, 0, watched);
        String base = "/api/v1/early-warnings?limit=200&q=" + word;

        assertThat(ids(base)).containsExactlyInAnyOrder(pariaman, nowhere, jayapura);
        assertThat(ids(base + "&from=2003-05-05T00:00:00Z")).containsExactlyInAnyOrder(nowhere, jayapura);
        assertThat(ids(base + "&from=2003-01-01T00:00:00Z&to=2003-05-10T00:00:00Z"))
                .containsExactly(pariaman);
        assertThat(ids(base + "&bbox=99.8,-1.0,100.6,-0.3")).containsExactly(pariaman);
        assertThat(ids(base + "&riskLevel=TINGGI")).containsExactly(nowhere);
        assertThat(ids(base + "&status=DIPANTAU")).containsExactly(jayapura);
        assertThat(ids(base + "&category=POLITIK")).hasSize(3);
        assertThat(ids(base + "&category=EKONOMI")).isEmpty();
        // web-search syntax over title, description and indicators (all three hold "Ujaran kebencian")
        assertThat(ids("/api/v1/early-warnings?limit=200&q=" + word + " -pengerahan"))
                .containsExactlyInAnyOrder(nowhere, jayapura);
        assertThat(ids("/api/v1/early-warnings?limit=200&q=" + word + " -kebencian"))
                .isEmpty();
        // another region's reader sees none of them, whatever the filters
        assertThat(given().spec(id.terpadu.support.Tokens.coordinator("33"))
                        .get(base)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<String>>path("items.id"))
                .isEmpty();

        // GeoJSON: the warnings with a point, [lon, lat], the same filters
        var geo = coordinator("13")
                .accept("application/geo+json")
                .get(base)
                .then()
                .statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .extract();
        assertThat(geo.<List<String>>path("features.id")).containsExactlyInAnyOrder(pariaman, jayapura);
        assertThat(geo.<List<Float>>path("features.find { it.id == '" + pariaman + "' }.geometry.coordinates"))
                .containsExactly(100.1205f, -0.6263f);
        assertThat(geo.<String>path("features[0].properties.title")).contains(word);
        coordinator("13")
                .accept("application/geo+json")
                .get(base + "&bbox=139,-3,141,-2")
                .then()
                .statusCode(200)
                .body("features.id", org.hamcrest.Matchers.contains(jayapura));

        // malformed filters: a 400 naming the parameter; a format neither list gives: 406
        for (String[] bad : new String[][] {
            {"from=kemarin", "from"},
            {"to=2024-13-01T00:00:00Z", "to"},
            {"bbox=100,-1", "bbox"},
            {"bbox=101,-1,100,0", "bbox"},
            {"q=" + "a".repeat(201), "q"},
            {"riskLevel=PARAH", "riskLevel"}
        }) {
            for (String accept : List.of("application/json", "application/geo+json")) {
                coordinator("13")
                        .accept(accept)
                        .get("/api/v1/early-warnings?" + bad[0])
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo(bad[1]));
            }
        }
        coordinator("13")
                .accept("text/csv")
                .get("/api/v1/early-warnings")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
    }

    static List<String> ids(String path) {
        return coordinator("13").get(path).then().statusCode(200).extract().path("items.id");
    }

    /**
     * CAP 1.2's rule for withdrawing: a message sent is cancelled, never erased. A PUBLIC warning never published (a
     * Draft) is deleted; a RESTRICTED one (an Actual message to the teams from its first version) and a PUBLIC one once
     * published are refused with 409 and stay.
     */
    @Test
    void onlyADraftIsDeletedAnIssuedWarningIsCancelledInstead() {
        Map<String, Object> draftBody = CapAlertTest.warning("13.77", "PUBLIC", 2, 2);
        draftBody.put("sourceKind", "LAPORAN_MASYARAKAT");
        String draft = create(coordinator("13"), draftBody);
        String restricted = create(coordinator("13"), CapAlertTest.warning("13.77", "RESTRICTED", 2, 2));
        String published = create(coordinator("13"), CapAlertTest.warning("13.77", "PUBLIC", 2, 2));
        publish(published, 0);
        // withdrawn from the public again by its author's edit: once published, still issued
        Map<String, Object> edited = CapAlertTest.warning("13.77", "PUBLIC", 3, 2);
        CapAlertTest.replace(coordinator("13"), published, 1, edited);
        coordinator("13").get("/api/v1/early-warnings/{id}", published).then().body("published", is(false));

        var before = Db.snapshot();
        for (String issued : List.of(restricted, published)) {
            String version = coordinator("13")
                    .get("/api/v1/early-warnings/{id}", issued)
                    .then()
                    .extract()
                    .path("version")
                    .toString();
            coordinator("13")
                    .header("If-Match", "\"" + version + "\"")
                    .delete("/api/v1/early-warnings/{id}", issued)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body(
                            "detail",
                            equalTo(Message.of("warning.delete.issued", "id", issued)
                                    .in("id")));
        }
        // no If-Match, a stale one, an officer, another province: refused
        coordinator("13").delete("/api/v1/early-warnings/{id}", draft).then().statusCode(428);
        coordinator("13")
                .header("If-Match", "\"5\"")
                .delete("/api/v1/early-warnings/{id}", draft)
                .then()
                .statusCode(412);
        id.terpadu.support.Tokens.as("officer.13", List.of("OFFICER"), List.of("13"))
                .header("If-Match", "\"0\"")
                .delete("/api/v1/early-warnings/{id}", draft)
                .then()
                .statusCode(403);
        coordinator("33")
                .header("If-Match", "\"0\"")
                .delete("/api/v1/early-warnings/{id}", draft)
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);

        coordinator("13")
                .header("If-Match", "\"0\"")
                .delete("/api/v1/early-warnings/{id}", draft)
                .then()
                .statusCode(204);
        coordinator("13").get("/api/v1/early-warnings/{id}", draft).then().statusCode(404);
        coordinator("13")
                .get("/api/v1/early-warnings/{id}/history", draft)
                .then()
                .statusCode(404);
        assertThat(Db.count(
                        "select count(*) from change_log where entity_id = ?::uuid and operation = 'DELETE'", draft))
                .isEqualTo(1);
    }
}
