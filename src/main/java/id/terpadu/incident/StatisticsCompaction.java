package id.terpadu.incident;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Moves the statistics' deltas (written by V33's triggers in each transaction that changes an incident) into the
 * cubes, a batch per transaction, oldest first. An answer is exact whether or not this has run (a request reads the
 * deltas not yet moved); it keeps that reading short. Several instances may run it: one compacts at a time (an
 * advisory lock in {@code incident_stat_compact}), the others find it taken and wait for their next turn.
 */
@ApplicationScoped
public class StatisticsCompaction {

    private final IncidentRepository incidents;
    private final StatisticsConfig config;

    StatisticsCompaction(IncidentRepository incidents, StatisticsConfig config) {
        this.incidents = incidents;
        this.config = config;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${terpadu.statistics.compact-every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        long moved = compact();
        if (moved >= config.compactBatch()) {
            Log.debugf("Moved %d statistics deltas into their cubes", moved);
        }
    }

    /** Moves every delta there is (batch after batch); returns how many. */
    public long compact() {
        long moved = 0;
        int batch = config.compactBatch();
        while (true) {
            int now = QuarkusTransaction.requiringNew().call(() -> incidents.compactStatistics(batch));
            moved += now;
            if (now < batch) {
                return moved;
            }
        }
    }
}
