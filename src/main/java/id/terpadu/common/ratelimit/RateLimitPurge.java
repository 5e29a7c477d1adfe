package id.terpadu.common.ratelimit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Removes the counters of windows that have ended. Several instances may run it; the delete is idempotent. */
@ApplicationScoped
public class RateLimitPurge {

    private final EntityManager em;
    private final RateLimitSettings settings;
    private final RateLimitClock clock;

    RateLimitPurge(EntityManager em, RateLimitSettings settings, RateLimitClock clock) {
        this.em = em;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "5m",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        Duration longest = Duration.ZERO;
        for (Policy policy : Policy.values()) {
            Duration window = settings.budget(policy).window();
            longest = window.compareTo(longest) > 0 ? window : longest;
        }
        int removed = em.createNativeQuery("delete from rate_limit where window_start < ?1")
                .setParameter(1, clock.millis() - longest.toMillis())
                .executeUpdate();
        if (removed > 0) {
            Log.debugf("Removed %d ended rate-limit windows", removed);
        }
    }
}
