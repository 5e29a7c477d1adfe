package id.terpadu.common.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import id.terpadu.intake.Challenges;
import id.terpadu.support.Db;
import id.terpadu.support.ProofOfWork;
import id.terpadu.support.TestData;

/**
 * Rate limits over HTTP, with low budgets and a clock the test moves: the headers on every answer, the 429 problem
 * with Retry-After, a write refused without writing, the window resetting, and callers kept apart.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("terpadu.rate-limit.reads.limit", "3"),
                    Map.entry("terpadu.rate-limit.reads.window", "1H"),
                    Map.entry("terpadu.rate-limit.writes.limit", "2"),
                    Map.entry("terpadu.rate-limit.writes.window", "10M"),
                    Map.entry("terpadu.rate-limit.expensive.limit", "1"),
                    Map.entry("terpadu.rate-limit.expensive.window", "1H"),
                    Map.entry("terpadu.rate-limit.public-reports.limit", "2"),
                    Map.entry("terpadu.rate-limit.public-reports.window", "1H"),
                    Map.entry("terpadu.rate-limit.public-networks.limit", "100"),
                    Map.entry("terpadu.rate-limit.public-networks.window", "1H"),
                    Map.entry("terpadu.rate-limit.public-uploads.limit", "2"),
                    Map.entry("terpadu.rate-limit.public-uploads.window", "1H"));
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FrozenRateLimitClock.class);
        }
    }

    @Inject
    FrozenRateLimitClock clock;

    @Inject
    Challenges challenges;

    private long start;

    @BeforeEach
    void window() {
        // each test in a window of its own, 25 minutes into it
        start = FrozenRateLimitClock.START + 3_600_000L * (System.nanoTime() % 1_000_000 + 1);
        clock.set(start + 25 * 60_000);
    }

    /** A token signed here: minting one through the API would spend the anonymous write budget. */
    private static RequestSpecification as(String subject) {
        try {
            String token = Jwt.issuer("https://terpadu.local/dev")
                    .audience("terpadu-api")
                    .subject(subject)
                    .claim("roles", Set.of("ADMIN"))
                    .claim("region_scope", List.of())
                    .issuedAt(Instant.now())
                    .expiresAt(Instant.now().plusSeconds(3600))
                    .jws()
                    .sign(KeyUtils.decodePrivateKey(
                            Files.readString(Path.of("src/dev-keys/DEVELOPMENT-ONLY-private.pem"))));
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void throttled(Response response, String policy, long retryAfter) {
        response.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:too-many-requests"))
                .body("status", equalTo(429))
                .header("Retry-After", equalTo(Long.toString(retryAfter)))
                .header("RateLimit", equalTo("\"" + policy + "\";r=0;t=" + retryAfter));
    }

    @Test
    void readsCarryTheHeadersAndTheFourthIsThrottledUntilTheWindowEnds() {
        String caller = "reader." + start;
        for (int remaining = 2; remaining >= 0; remaining--) {
            as(caller)
                    .get("/api/v1/agencies")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"reads\";q=3;w=3600"))
                    .header("RateLimit", equalTo("\"reads\";r=" + remaining + ";t=2100"));
        }
        throttled(as(caller).get("/api/v1/agencies"), "reads", 2100);
        // another caller is not throttled by the first
        as("other." + start)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .header("RateLimit", equalTo("\"reads\";r=2;t=2100"));
        // Retry-After counts down; one second before the end, still throttled
        clock.set(start + 3_599_000);
        throttled(as(caller).get("/api/v1/agencies"), "reads", 1);
        // the next window
        clock.set(start + 3_600_000);
        as(caller).get("/api/v1/agencies").then().statusCode(200).header("RateLimit", equalTo("\"reads\";r=2;t=3600"));
    }

    @Test
    void aThrottledWriteWritesNothingAndReadsStillPass() {
        String caller = "writer." + start;
        for (int i = 0; i < 2; i++) {
            as(caller)
                    .body(TestData.agency(TestData.unique("Polres Bangka"), "POLRI", "19"))
                    .post("/api/v1/agencies")
                    .then()
                    .statusCode(201)
                    .header("RateLimit-Policy", equalTo("\"writes\";q=2;w=600"));
        }
        var before = Db.snapshot();
        // 25 minutes into an hour is 5 minutes into a window of 10
        throttled(
                as(caller)
                        .body(TestData.agency(TestData.unique("Polres Bangka"), "POLRI", "19"))
                        .post("/api/v1/agencies"),
                "writes",
                300);
        Db.assertUnchanged(before);
        as(caller).get("/api/v1/agencies").then().statusCode(200);
        // refused answers carry the headers too, and still count
        as(caller)
                .get("/api/v1/agencies/{id}", java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .header("RateLimit", equalTo("\"reads\";r=1;t=2100"));
    }

    @Test
    void exportsFeedAndStatisticsShareTheExpensiveBudget() {
        String caller = "analyst." + start;
        as(caller)
                .get("/api/v1/feed/changes/latest")
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", equalTo("\"expensive\";q=1;w=3600"));
        throttled(as(caller).get("/api/v1/statistics/incidents?groupBy=stage"), "expensive", 2100);
        throttled(as(caller).accept("text/csv").get("/api/v1/exports/incidents"), "expensive", 2100);
        // the ordinary reads are another budget
        as(caller).get("/api/v1/incidents").then().statusCode(200).header("RateLimit", equalTo("\"reads\";r=2;t=2100"));
    }

    @Test
    void anonymousCallersAreKeyedByTheirAddress() {
        var before = Db.snapshot();
        Map<String, Object> body = Map.of("subject", "tamu", "roles", List.of("ANALYST"), "regionScope", List.of());
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/dev/tokens")
                    .then()
                    .statusCode(201)
                    .header("RateLimit-Policy", equalTo("\"writes\";q=2;w=600"));
        }
        throttled(given().contentType(ContentType.JSON).body(body).post("/api/v1/dev/tokens"), "writes", 300);
        Db.assertUnchanged(before);
        // a caller with a token is not the address it calls from
        as("signed." + start)
                .body(TestData.agency(TestData.unique("Polres Belitung"), "POLRI", "19"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
        assertThat(Db.count("select count(*) from rate_limit where caller like 'addr:%'"))
                .isPositive();
    }

    /** A solved challenge made by the service itself: fetching one would spend the anonymous read budget. */
    private String solved() {
        var c = challenges.create();
        return ProofOfWork.solve(Map.of(
                "algorithm",
                c.algorithm(),
                "challenge",
                c.challenge(),
                "maxnumber",
                c.maxnumber(),
                "salt",
                c.salt(),
                "signature",
                c.signature()));
    }

    private static Response report(String altcha) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "description",
                        "Ketegangan antarwarga di pasar",
                        "regionCode",
                        "13.77",
                        "occurredAt",
                        "2024-10-12T09:30:00Z",
                        "altcha",
                        altcha))
                .post("/api/v1/public/reports");
    }

    /**
     * Reports from the public: valid ones (each with its own solved challenge) beyond the address's budget get 429
     * with Retry-After and store nothing, whoever sends them; the refused ones' solutions stay unused.
     */
    @Test
    void reportsFromThePublicAreLimitedPerAddress() {
        for (int i = 0; i < 2; i++) {
            report(solved())
                    .then()
                    .statusCode(202)
                    .header("RateLimit-Policy", equalTo("\"public-reports\";q=2;w=3600"));
        }
        var before = Db.snapshot();
        int throttled = 0;
        String kept = null;
        for (int i = 0; i < 3; i++) {
            kept = solved();
            throttled(report(kept), "public-reports", 2100);
            throttled++;
        }
        // a token does not lift the public budget: it is the address's
        throttled(
                as("signed.public." + start)
                        .body(Map.of(
                                "description",
                                "x",
                                "regionCode",
                                "13.77",
                                "occurredAt",
                                "2024-10-12T09:30:00Z",
                                "altcha",
                                solved()))
                        .post("/api/v1/public/reports"),
                "public-reports",
                2100);
        throttled++;
        Db.assertUnchanged(before);
        System.out.printf(
                "abuse test: public reports limited to 2 per address and hour; %d valid submissions beyond it got 429"
                        + " with Retry-After, nothing stored%n",
                throttled);
        // the next window: the refused submission's solution was never used
        clock.set(start + 3_600_000);
        report(kept).then().statusCode(202);
    }

    /**
     * The uploads of a report's photos draw on a budget of their own per address: every request of an upload counts,
     * a key or none, and past it the answer is 429 before the key is even looked at.
     */
    @Test
    void photoUploadsFromThePublicAreLimitedPerAddress() {
        for (int i = 0; i < 2; i++) {
            given().header("Tus-Resumable", "1.0.0")
                    .header("Upload-Length", "10")
                    .header("Report-Key", "not-a-key")
                    .post("/api/v1/public/uploads")
                    .then()
                    .statusCode(404)
                    .header("RateLimit-Policy", equalTo("\"public-uploads\";q=2;w=3600"));
        }
        var before = Db.snapshot();
        throttled(
                given().header("Tus-Resumable", "1.0.0")
                        .header("Report-Key", "not-a-key")
                        .header("Upload-Offset", "0")
                        .contentType("application/offset+octet-stream")
                        .body(new byte[] {1})
                        .patch("/api/v1/public/uploads/" + java.util.UUID.randomUUID()),
                "public-uploads",
                2100);
        throttled(
                given().multiPart("file", "a.png", new byte[] {1, 2, 3})
                        .header("Report-Key", "not-a-key")
                        .post("/api/v1/public/reports/K7QM-4XPD-R2/photos"),
                "public-uploads",
                2100);
        Db.assertUnchanged(before);
    }
}
