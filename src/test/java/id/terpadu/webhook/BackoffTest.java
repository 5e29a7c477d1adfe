package id.terpadu.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import id.terpadu.common.retry.Backoff;

/**
 * The wait before a webhook is tried again: {@code min(max, base × 2^(n-1))}, of which a random half ("equal
 * jitter"). Driven with a random source that always draws its lowest or its highest value, so each bound is exact.
 * No Quarkus boot.
 */
class BackoffTest {

    /** Draws the lowest value every time: the wait is the fixed half. */
    private static final RandomGenerator LOWEST = new Fixed(false);
    /** Draws the highest value every time: the wait is the whole step. */
    private static final RandomGenerator HIGHEST = new Fixed(true);

    /** The configured default: terpadu.webhooks.backoff-base=30S, backoff-max=1H. */
    private static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void theStepDoublesFromTheBaseUntilTheMaximum() {
        List<Long> highest = new ArrayList<>();
        List<Long> lowest = new ArrayList<>();
        for (int attempt = 1; attempt <= 9; attempt++) {
            highest.add(DEFAULT.after(attempt, HIGHEST).toSeconds());
            lowest.add(DEFAULT.after(attempt, LOWEST).toSeconds());
        }
        assertThat(highest).containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L);
        assertThat(lowest).containsExactly(15L, 30L, 60L, 120L, 240L, 480L, 960L, 1800L, 1800L);
    }

    @Test
    void theJitterIsTheUpperHalfOfTheStep() {
        RandomGenerator random = new SplittableRandom(42);
        Duration low = Duration.ofSeconds(60);
        Duration high = Duration.ofSeconds(120);
        Duration min = high;
        Duration max = low;
        for (int i = 0; i < 2000; i++) {
            Duration wait = DEFAULT.after(3, random);
            assertThat(wait).isBetween(low, high);
            min = wait.compareTo(min) < 0 ? wait : min;
            max = wait.compareTo(max) > 0 ? wait : max;
        }
        // the draws spread over the half, not onto one point
        assertThat(max.minus(min)).isGreaterThan(Duration.ofSeconds(50));
    }

    @Test
    void noAttemptCountWaitsLessThanTheFirstOrOverflowsPastTheMaximum() {
        for (int attempts : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThat(DEFAULT.after(attempts, HIGHEST)).as("%d", attempts).isEqualTo(Duration.ofSeconds(30));
            assertThat(DEFAULT.after(attempts, LOWEST)).as("%d", attempts).isEqualTo(Duration.ofSeconds(15));
        }
        for (int attempts : new int[] {41, 64, 1000, Integer.MAX_VALUE}) {
            assertThat(DEFAULT.after(attempts, HIGHEST)).as("%d", attempts).isEqualTo(Duration.ofHours(1));
            assertThat(DEFAULT.after(attempts, LOWEST)).as("%d", attempts).isEqualTo(Duration.ofMinutes(30));
        }
        // a tiny base and a long maximum: 1 ms × 2^40 would pass a year, the shift must not wrap around
        Backoff tiny = new Backoff(Duration.ofMillis(1), Duration.ofDays(365));
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 200; attempt++) {
            Duration wait = tiny.after(attempt, HIGHEST);
            assertThat(wait)
                    .as("attempt %d", attempt)
                    .isPositive()
                    .isGreaterThanOrEqualTo(previous)
                    .isLessThanOrEqualTo(Duration.ofDays(365));
            previous = wait;
        }
        assertThat(previous).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void aBaseAboveTheMaximumWaitsTheMaximumFromTheFirstRetry() {
        Backoff backoff = new Backoff(Duration.ofHours(2), Duration.ofHours(1));
        assertThat(backoff.after(1, HIGHEST)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1, LOWEST)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aBaseBelowOneMillisecondCountsAsOne() {
        Backoff backoff = new Backoff(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(backoff.after(1, LOWEST)).isEqualTo(Duration.ofMillis(1));
        assertThat(backoff.after(1, HIGHEST)).isEqualTo(Duration.ofMillis(1));
        assertThat(backoff.after(2, LOWEST)).isEqualTo(Duration.ofMillis(1));
        assertThat(backoff.after(2, HIGHEST)).isEqualTo(Duration.ofMillis(2));
        assertThat(new Backoff(Duration.ofNanos(10), Duration.ofSeconds(1)).after(3, HIGHEST))
                .isEqualTo(Duration.ofMillis(4));
    }

    @Test
    void anOddStepKeepsItsLargerHalf() {
        Backoff backoff = new Backoff(Duration.ofMillis(31), Duration.ofSeconds(10));
        assertThat(backoff.after(1, LOWEST)).isEqualTo(Duration.ofMillis(16));
        assertThat(backoff.after(1, HIGHEST)).isEqualTo(Duration.ofMillis(31));
    }

    @Test
    void aZeroMaximumRetriesAtOnce() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ZERO);
        assertThat(backoff.after(1, HIGHEST)).isZero();
        assertThat(backoff.after(5, LOWEST)).isZero();
    }

    /** A random source whose bounded draws are always the lowest or the highest value allowed. */
    private record Fixed(boolean highest) implements RandomGenerator {
        @Override
        public long nextLong() {
            throw new AssertionError("Backoff draws only bounded values");
        }

        @Override
        public long nextLong(long bound) {
            return highest ? bound - 1 : 0;
        }
    }
}
