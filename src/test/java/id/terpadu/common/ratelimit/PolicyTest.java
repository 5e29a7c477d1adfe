package id.terpadu.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import id.terpadu.common.ratelimit.RateLimiter.Decision;

/**
 * Which budget a request draws on, how the rate-limit headers spell a decision (the IETF httpapi draft "RateLimit
 * header fields for HTTP"), and how a caller is keyed. No Quarkus boot, no database: the limiter itself is
 * {@code RateLimiterTest}'s.
 */
class PolicyTest {

    @Test
    void everyWriteIsAWriteWhateverItsPath() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            assertThat(Policy.of(method, "/api/v1/incidents")).as(method).isEqualTo(Policy.WRITES);
            assertThat(Policy.of(method, "/api/v1/exports/incidents"))
                    .as(method)
                    .isEqualTo(Policy.WRITES);
        }
    }

    @Test
    void exportsTheFeedAndStatisticsAreExpensiveReads() {
        for (String path : new String[] {
            "/api/v1/exports/incidents",
            "/api/v1/feed/changes",
            "/api/v1/feed/changes/latest",
            "/api/v1/statistics/incidents",
            "/api/v1/statistics/neutrality-cases",
            "/api/v1/exports",
            "/api/v1/feed/",
            "/api/v1/statistics"
        }) {
            assertThat(Policy.of("GET", path)).as(path).isEqualTo(Policy.EXPENSIVE);
            assertThat(Policy.of("HEAD", path)).as(path).isEqualTo(Policy.EXPENSIVE);
        }
    }

    @Test
    void otherReadsAreReadsEvenWhenTheyStartAlike() {
        for (String path : new String[] {
            "/api/v1/incidents",
            "/api/v1/incidents/6f1c/history",
            "/api/v1/exportsx",
            "/api/v1/feeds",
            "/api/v1/statistic",
            "/api/v1/reference/risk-levels",
            "/q/health/ready",
            "/"
        }) {
            assertThat(Policy.of("GET", path)).as(path).isEqualTo(Policy.READS);
        }
    }

    @Test
    void thePolicyIdIsItsLowerCaseName() {
        assertThat(Policy.READS.id()).isEqualTo("reads");
        assertThat(Policy.WRITES.id()).isEqualTo("writes");
        assertThat(Policy.EXPENSIVE.id()).isEqualTo("expensive");
    }

    @Test
    void theHeadersNameThePolicyTheQuotaAndWhatIsLeft() {
        Decision decision = new Decision(Policy.READS, 1200, 60, true, 1187, 43);
        assertThat(decision.policyHeader()).isEqualTo("\"reads\";q=1200;w=60");
        assertThat(decision.header()).isEqualTo("\"reads\";r=1187;t=43");
        Decision refused = new Decision(Policy.EXPENSIVE, 60, 60, false, 0, 1);
        assertThat(refused.header()).isEqualTo("\"expensive\";r=0;t=1");
    }

    @Test
    void aLongCallerIsKeyedByItsHash() {
        String limit = "s".repeat(200);
        assertThat(RateLimiter.callerKey(limit)).isSameAs(limit);
        assertThat(RateLimiter.callerKey("api-key:6f1c")).isEqualTo("api-key:6f1c");
        String longer = "s".repeat(201);
        String key = RateLimiter.callerKey(longer);
        assertThat(key).matches("sha256:[0-9a-f]{64}").isEqualTo(RateLimiter.callerKey("s".repeat(201)));
        assertThat(RateLimiter.callerKey("t".repeat(201))).isNotEqualTo(key);
    }
}
