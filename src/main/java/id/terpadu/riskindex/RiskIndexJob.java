package id.terpadu.riskindex;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Recomputes the current month of every COMPUTED risk index model ({@code terpadu.risk-index.compute-every}, daily
 * by default; "off" switches it off, as in the tests, which compute by hand). A region whose band rises gets its early
 * warning then, once per month and band. Instances take turns (a lock per model): the scores are upserted, and a later run finds the
 * warnings already raised.
 */
@ApplicationScoped
public class RiskIndexJob {

    private final RiskIndexService service;

    RiskIndexJob(RiskIndexService service) {
        this.service = service;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${terpadu.risk-index.compute-every}",
            delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        service.computeAll();
    }
}
