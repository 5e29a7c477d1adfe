package id.terpadu.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.common.ratelimit.RateLimitSettings.Budget;
import id.terpadu.common.ratelimit.RateLimiter.Decision;
import id.terpadu.support.Db;

/**
 * The limiter driven directly, against the test database, with a clock of its own: budgets, windows, callers, and
 * two instances of the service sharing one budget through PostgreSQL.
 */
@QuarkusTest
class RateLimiterTest {

    @Inject
    DataSource dataSource;

    /** A window of 60 s that started 13 s ago. */
    private static final long T0 = 1_800_000_000_000L + 13_000;

    static final class Clock extends RateLimitClock {
        long now = T0;

        @Override
        public long millis() {
            return now;
        }
    }

    private RateLimiter limiter(Clock clock, long reads, int lease) {
        return new RateLimiter(
                dataSource,
                new RateLimitSettings(
                        true,
                        Map.of(
                                Policy.READS, new Budget(reads, Duration.ofSeconds(60)),
                                Policy.WRITES, new Budget(2, Duration.ofSeconds(60)),
                                Policy.EXPENSIVE, new Budget(1, Duration.ofSeconds(3600)),
                                Policy.PUBLIC_REPORTS, new Budget(2, Duration.ofSeconds(3600)),
                                Policy.PUBLIC_NETWORKS, new Budget(20, Duration.ofSeconds(3600)),
                                Policy.PUBLIC_UPLOADS, new Budget(3, Duration.ofSeconds(3600))),
                        lease),
                clock);
    }

    private static String caller() {
        return "sub:test-" + UUID.randomUUID();
    }

    @Test
    void aBudgetIsSpentThenRefusedUntilTheWindowEnds() {
        Clock clock = new Clock();
        RateLimiter limiter = limiter(clock, 5, 20);
        String caller = caller();
        for (int remaining = 4; remaining >= 0; remaining--) {
            Decision d = limiter.acquire(Policy.READS, caller);
            assertThat(d.allowed()).isTrue();
            assertThat(d.header()).isEqualTo("\"reads\";r=" + remaining + ";t=47");
        }
        Decision refused = limiter.acquire(Policy.READS, caller);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.resetSeconds()).as("Retry-After").isEqualTo(47);
        assertThat(refused.policyHeader()).isEqualTo("\"reads\";q=5;w=60");
        assertThat(refused.header()).isEqualTo("\"reads\";r=0;t=47");
        // later in the same window: still refused, and Retry-After counts down (rounded up to whole seconds)
        clock.now = T0 + 40_500;
        assertThat(limiter.acquire(Policy.READS, caller).allowed()).isFalse();
        assertThat(limiter.acquire(Policy.READS, caller).resetSeconds()).isEqualTo(7);
        clock.now = T0 + 46_999;
        assertThat(limiter.acquire(Policy.READS, caller).resetSeconds()).isEqualTo(1);
        // the next window: the full budget again
        clock.now = T0 + 47_000;
        Decision fresh = limiter.acquire(Policy.READS, caller);
        assertThat(fresh.allowed()).isTrue();
        assertThat(fresh.header()).isEqualTo("\"reads\";r=4;t=60");
    }

    @Test
    void callersAndPoliciesHaveSeparateBudgets() {
        Clock clock = new Clock();
        RateLimiter limiter = limiter(clock, 3, 20);
        String busy = caller();
        String quiet = caller();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(Policy.READS, busy).allowed()).isTrue();
        }
        assertThat(limiter.acquire(Policy.READS, busy).allowed()).isFalse();
        // another caller is not throttled by the first
        assertThat(limiter.acquire(Policy.READS, quiet).allowed()).isTrue();
        // the busy caller's writes and expensive reads have budgets of their own
        assertThat(limiter.acquire(Policy.WRITES, busy).allowed()).isTrue();
        assertThat(limiter.acquire(Policy.WRITES, busy).allowed()).isTrue();
        assertThat(limiter.acquire(Policy.WRITES, busy).allowed()).isFalse();
        Decision expensive = limiter.acquire(Policy.EXPENSIVE, busy);
        assertThat(expensive.allowed()).isTrue();
        assertThat(expensive.policyHeader()).isEqualTo("\"expensive\";q=1;w=3600");
        assertThat(limiter.acquire(Policy.EXPENSIVE, busy).resetSeconds()).isEqualTo(3600 - (T0 % 3_600_000) / 1000);
    }

    @Test
    void twoInstancesSharingTheDatabaseShareOneBudget() {
        Clock clock = new Clock();
        RateLimiter first = limiter(clock, 5, 20);
        RateLimiter second = limiter(clock, 5, 20);
        String caller = caller();
        int admitted = 0;
        for (int i = 0; i < 10; i++) {
            admitted +=
                    (i % 2 == 0 ? first : second).acquire(Policy.READS, caller).allowed() ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(5);
        assertThat(first.acquire(Policy.READS, caller).allowed()).isFalse();
        assertThat(second.acquire(Policy.READS, caller).allowed()).isFalse();
        // a third instance started now (nothing in memory) learns the same from the database
        assertThat(limiter(clock, 5, 20).acquire(Policy.READS, caller).allowed())
                .isFalse();
    }

    @Test
    void leasesSpareRoundTripsAndNeverAdmitMoreThanTheBudget() {
        Clock clock = new Clock();
        // 100 per window, leases of 5 (a twentieth): 20 round trips for 100 requests, whichever instance serves them
        RateLimiter first = limiter(clock, 100, 20);
        RateLimiter second = limiter(clock, 100, 20);
        assertThat(first.leaseSize(100)).isEqualTo(5);
        String caller = caller();
        int admitted = 0;
        for (int i = 0; i < 300; i++) {
            admitted +=
                    (i % 3 == 0 ? second : first).acquire(Policy.READS, caller).allowed() ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(100);
        long used = Db.count("select used from rate_limit where policy = 'reads' and caller = ?", caller);
        // 20 granted leases of 5, and one refused lease per instance
        assertThat(used).isEqualTo(100 + 2 * 5);
        // an instance that forgets what it holds loses only its unused lease, never admits beyond the budget
        String other = caller();
        assertThat(first.acquire(Policy.READS, other).header()).isEqualTo("\"reads\";r=99;t=47");
        first.forgetLocalState();
        int more = 0;
        for (int i = 0; i < 200; i++) {
            more += first.acquire(Policy.READS, other).allowed() ? 1 : 0;
        }
        assertThat(more).isEqualTo(100 - 5);
    }

    @Test
    void oldWindowsArePurged() {
        Clock clock = new Clock();
        RateLimiter limiter = limiter(clock, 5, 20);
        String caller = caller();
        limiter.acquire(Policy.READS, caller);
        assertThat(Db.count("select count(*) from rate_limit where caller = ?", caller))
                .isEqualTo(1);
        RateLimitSettings settings = new RateLimitSettings(
                true,
                Map.of(
                        Policy.READS,
                        new Budget(5, Duration.ofSeconds(60)),
                        Policy.WRITES,
                        new Budget(5, Duration.ofSeconds(60)),
                        Policy.EXPENSIVE,
                        new Budget(5, Duration.ofSeconds(60)),
                        Policy.PUBLIC_REPORTS,
                        new Budget(5, Duration.ofSeconds(60)),
                        Policy.PUBLIC_NETWORKS,
                        new Budget(5, Duration.ofSeconds(60)),
                        Policy.PUBLIC_UPLOADS,
                        new Budget(5, Duration.ofSeconds(60))),
                20);
        // the window ends 47 s after T0: kept until then, removed after
        clock.now = T0 + 47_000;
        purge(settings, clock);
        assertThat(Db.count("select count(*) from rate_limit where caller = ?", caller))
                .isEqualTo(1);
        clock.now = T0 + 47_001;
        purge(settings, clock);
        assertThat(Db.count("select count(*) from rate_limit where caller = ?", caller))
                .isZero();
    }

    private static void purge(RateLimitSettings settings, RateLimitClock clock) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> new RateLimitPurge(
                                io.quarkus.arc.Arc.container()
                                        .instance(jakarta.persistence.EntityManager.class)
                                        .get(),
                                settings,
                                clock)
                        .purge());
    }
}
