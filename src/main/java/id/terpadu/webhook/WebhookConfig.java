package id.terpadu.webhook;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;

/** {@code terpadu.webhooks.*}: checked at start (a value out of range stops the service with its name). */
@ConfigMapping(prefix = "terpadu.webhooks")
public interface WebhookConfig {

    /** Development only: lets webhooks go to loopback and private addresses, and over http. */
    boolean allowPrivateTargets();

    /** The first retry's delay; each next one doubles, up to {@link #backoffMax()}. */
    Duration backoffBase();

    Duration backoffMax();

    /** Retries stop once the next one would fall later than this after the first attempt (or a redelivery). */
    Duration retryWindow();

    /** How long a claimed attempt is held before another instance may take it over. */
    Duration lease();

    /** At most this many attempts in flight per instance. */
    @Min(1)
    int maxInFlight();

    /** At most this many attempts of one subscription in flight, over all instances: a hanging receiver holds no more. */
    @Min(1)
    int maxInFlightPerSubscription();

    Duration connectTimeout();

    Duration requestTimeout();

    /** How often the worker looks for due deliveries. */
    String pollEvery();

    String pollDelay();
}
