package id.terpadu.common.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The rate-limit settings ({@link RateLimitConfig}) as budgets per policy, read once at start. */
@Singleton
public class RateLimitSettings {

    /** A budget: at most {@code limit} requests per fixed window of {@code window}. */
    public record Budget(long limit, Duration window) {
        public Budget {
            if (limit < 1 || window.toMillis() < 1000 || window.toMillis() % 1000 != 0) {
                throw new IllegalStateException(
                        "A rate limit needs a limit of at least 1 and a window of whole seconds");
            }
        }
    }

    final boolean enabled;
    final Map<Policy, Budget> budgets;
    /** The most an instance takes from the shared counter at once (see {@link RateLimiter}). */
    final int lease;

    @Inject
    RateLimitSettings(RateLimitConfig config) {
        this(
                config.enabled(),
                Map.of(
                        Policy.READS,
                        budget(config.reads()),
                        Policy.WRITES,
                        budget(config.writes()),
                        Policy.EXPENSIVE,
                        budget(config.expensive()),
                        Policy.PUBLIC_REPORTS,
                        budget(config.publicReports()),
                        Policy.PUBLIC_NETWORKS,
                        budget(config.publicNetworks()),
                        Policy.PUBLIC_UPLOADS,
                        budget(config.publicUploads())),
                config.lease());
    }

    private static Budget budget(RateLimitConfig.Budget budget) {
        return new Budget(budget.limit(), budget.window());
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
