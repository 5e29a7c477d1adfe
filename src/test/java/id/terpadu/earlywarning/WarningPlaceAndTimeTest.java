package id.terpadu.earlywarning;

import static id.terpadu.earlywarning.CapAlertTest.cap;
import static id.terpadu.earlywarning.CapAlertTest.create;
import static id.terpadu.earlywarning.CapAlertTest.entries;
import static id.terpadu.earlywarning.CapAlertTest.feedText;
import static id.terpadu.earlywarning.CapAlertTest.parse;
import static id.terpadu.earlywarning.CapAlertTest.publish;
import static id.terpadu.earlywarning.CapAlertTest.valueOf;
import static id.terpadu.support.Tokens.coordinator;
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
}
