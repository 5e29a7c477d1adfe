package id.terpadu.common;

import static id.terpadu.support.Tokens.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import id.terpadu.common.error.Problem;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * A database that stalls: a table held under an exclusive lock. Requests that need the table are answered 503
 * problem+json with Retry-After within lock_timeout (3 s) and a margin, requests that do not need it go on
 * answering at once, and once the lock is released the same requests succeed again (the pool recovered).
 */
@QuarkusTest
class DatabaseStallTest {

    /** lock_timeout (3 s) plus a generous margin for a loaded machine; without the limit it would be 15 s. */
    static final long BOUND_MS = 6_000;
    /** What a request that does not touch the locked table may take meanwhile. */
    static final long FAST_MS = 1_500;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    @Test
    void aLockedTableIsA503WithinTheBoundAndTheRestKeepsAnswering() throws Exception {
        String id = admin().body(IncidentResourceTest.incident("Sengketa lahan sebelum macet", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, String> before = Db.snapshot();

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("lock table incident in access exclusive mode");
            }

            long start = System.nanoTime();
            Response write = admin().body(IncidentResourceTest.incident("Laporan saat basis data macet", "13.77"))
                    .post("/api/v1/incidents");
            long writeMs = (System.nanoTime() - start) / 1_000_000;
            assertStalled(write, writeMs);

            start = System.nanoTime();
            Response read = admin().get("/api/v1/incidents/" + id);
            assertStalled(read, (System.nanoTime() - start) / 1_000_000);

            start = System.nanoTime();
            admin().get("/api/v1/agencies").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
            given().get("/q/health/ready").then().statusCode(200);
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("agencies, liveness and readiness during the stall")
                    .isLessThan(FAST_MS);

            holder.rollback();
        }

        Db.assertUnchanged(before);
        long start = System.nanoTime();
        admin().get("/api/v1/incidents/" + id).then().statusCode(200).body("id", equalTo(id));
        admin().body(IncidentResourceTest.incident("Laporan setelah basis data pulih", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("read and write after the lock is released")
                .isLessThan(FAST_MS);
    }

    private static void assertStalled(Response response, long elapsedMs) {
        response.then()
                .statusCode(503)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .header("Retry-After", "5")
                .body("type", equalTo("urn:terpadu:problem:service-unavailable"))
                .body("status", equalTo(503))
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of("database.timeout")
                                .in("id")));
        assertThat(elapsedMs)
                .as("time to the 503")
                .isGreaterThanOrEqualTo(2_500)
                .isLessThan(BOUND_MS);
    }
}
