package id.terpadu.common.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code terpadu.rate-limit.*}, read once at start. */
@Singleton
public class RateLimitSettings {

    /** A budget: at most {@code limit} requests per fixed window of {@code window}. */
    public record Budget(long limit, Duration window) {
        public Budget {
            if (limit < 1 || window.toMillis() < 1000 || window.toMillis() % 1000 != 0) {
                throw new IllegalStateException("A rate limit needs a limit of at least 1 and a window of whole seconds");
            }
        }
    }

    final boolean enabled;
    final Map<Policy, Budget> budgets;
    /** The most an instance takes from the shared counter at once (see {@link RateLimiter}). */
    final int lease;

    @Inject
    RateLimitSettings(@ConfigProperty(name = "terpadu.rate-limit.enabled") boolean enabled,
            @ConfigProperty(name = "terpadu.rate-limit.reads.limit") long reads,
            @ConfigProperty(name = "terpadu.rate-limit.reads.window") Duration readsWindow,
            @ConfigProperty(name = "terpadu.rate-limit.writes.limit") long writes,
            @ConfigProperty(name = "terpadu.rate-limit.writes.window") Duration writesWindow,
            @ConfigProperty(name = "terpadu.rate-limit.expensive.limit") long expensive,
            @ConfigProperty(name = "terpadu.rate-limit.expensive.window") Duration expensiveWindow,
            @ConfigProperty(name = "terpadu.rate-limit.lease") int lease) {
        this(enabled, Map.of(Policy.READS, new Budget(reads, readsWindow), Policy.WRITES, new Budget(writes, writesWindow),
                Policy.EXPENSIVE, new Budget(expensive, expensiveWindow)), lease);
    }

    public RateLimitSettings(boolean enabled, Map<Policy, Budget> budgets, int lease) {
        if (lease < 1) {
            throw new IllegalStateException("terpadu.rate-limit.lease must be at least 1");
        }
        this.enabled = enabled;
        this.budgets = new EnumMap<>(budgets);
        this.lease = lease;
    }

    public Budget budget(Policy policy) {
        return budgets.get(policy);
    }

    public boolean enabled() {
        return enabled;
    }
}
