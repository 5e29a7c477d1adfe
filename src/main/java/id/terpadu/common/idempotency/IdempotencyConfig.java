package id.terpadu.common.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** {@code terpadu.idempotency.*}, checked at start. */
@ConfigMapping(prefix = "terpadu.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its answer are kept. */
    Duration retention();

    /** How long a request waits for another one holding the same key before it is told to retry (409). */
    @WithName("wait")
    Duration waitForHolder();
}
