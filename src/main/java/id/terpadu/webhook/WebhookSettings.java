package id.terpadu.webhook;

import java.time.Duration;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code terpadu.webhooks.*}, read once at start. */
@Singleton
public class WebhookSettings {

    /** Development only: lets webhooks go to loopback and private addresses, and over http. */
    final boolean allowPrivateTargets;
    final Backoff backoff;
    /** Retries stop once the next one would fall later than this after the first attempt (or a redelivery). */
    final Duration retryWindow;
    /** How long a claimed attempt is held before another instance may take it over. */
    final Duration lease;
    /** At most this many attempts in flight per instance. */
    final int maxInFlight;
    /** At most this many attempts of one subscription in flight, over all instances: a hanging receiver holds no more. */
    final int maxInFlightPerSubscription;
    final Duration connectTimeout;
    final Duration requestTimeout;

    WebhookSettings(@ConfigProperty(name = "terpadu.webhooks.allow-private-targets") boolean allowPrivateTargets,
            @ConfigProperty(name = "terpadu.webhooks.backoff-base") Duration backoffBase,
            @ConfigProperty(name = "terpadu.webhooks.backoff-max") Duration backoffMax,
            @ConfigProperty(name = "terpadu.webhooks.retry-window") Duration retryWindow,
            @ConfigProperty(name = "terpadu.webhooks.lease") Duration lease,
            @ConfigProperty(name = "terpadu.webhooks.max-in-flight") int maxInFlight,
            @ConfigProperty(name = "terpadu.webhooks.max-in-flight-per-subscription") int maxInFlightPerSubscription,
            @ConfigProperty(name = "terpadu.webhooks.connect-timeout") Duration connectTimeout,
            @ConfigProperty(name = "terpadu.webhooks.request-timeout") Duration requestTimeout) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.backoff = new Backoff(backoffBase, backoffMax);
        this.retryWindow = retryWindow;
        this.lease = lease;
        this.maxInFlight = maxInFlight;
        this.maxInFlightPerSubscription = maxInFlightPerSubscription;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        if (maxInFlight < 1 || maxInFlightPerSubscription < 1) {
            throw new IllegalStateException("terpadu.webhooks.max-in-flight and max-in-flight-per-subscription must be at least 1");
        }
        if (lease.compareTo(requestTimeout.plus(connectTimeout)) <= 0) {
            throw new IllegalStateException("terpadu.webhooks.lease must be longer than connect-timeout + request-timeout");
        }
    }
}
