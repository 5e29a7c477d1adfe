package id.terpadu.common.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failed attempt the next waits {@code min(max, base × 2^(n-1))},
 * of which a random half ("equal jitter"), so receivers coming back are not hit by every sender at once.
 */
public record Backoff(Duration base, Duration max) {

    public Duration after(int failedAttempts, RandomGenerator random) {
        long baseMs = Math.max(1, base.toMillis());
        int exponent = Math.min(Math.max(failedAttempts, 1) - 1, 40);
        long full = baseMs > (max.toMillis() >> exponent) ? max.toMillis() : baseMs << exponent;
        long half = full / 2;
        return Duration.ofMillis(full - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
