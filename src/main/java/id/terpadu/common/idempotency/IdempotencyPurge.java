package id.terpadu.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Removes idempotency keys past their retention. Several instances may run it; the delete is idempotent. */
@ApplicationScoped
public class IdempotencyPurge {

    private final EntityManager em;

    IdempotencyPurge(EntityManager em) {
        this.em = em;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "15m",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        int removed = em.createNativeQuery("delete from idempotency_key where expires_at < now()")
                .executeUpdate();
        if (removed > 0) {
            Log.debugf("Removed %d expired idempotency keys", removed);
        }
    }
}
