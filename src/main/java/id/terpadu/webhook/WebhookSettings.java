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
    final Duration connectTimeout;
    final Duration requestTimeout;

    WebhookSettings(@ConfigProperty(name = "terpadu.webhooks.allow-private-targets") boolean allowPrivateTargets,
            @ConfigProperty(name = "terpadu.webhooks.backoff-base") Duration backoffBase,
            @ConfigProperty(name = "terpadu.webhooks.backoff-max") Duration backoffMax,
            @ConfigProperty(name = "terpadu.webhooks.retry-window") Duration retryWindow,
            @ConfigProperty(name = "terpadu.webhooks.lease") Duration lease,
            @ConfigProperty(name = "terpadu.webhooks.max-in-flight") int maxInFlight,
            @ConfigProperty(name = "terpadu.webhooks.connect-timeout") Duration connectTimeout,
            @ConfigProperty(name = "terpadu.webhooks.request-timeout") Duration requestTimeout) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.backoff = new Backoff(backoffBase, backoffMax);
        this.retryWindow = retryWindow;
        this.lease = lease;
        this.maxInFlight = maxInFlight;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        if (lease.compareTo(requestTimeout.plus(connectTimeout)) <= 0) {
            throw new IllegalStateException("terpadu.webhooks.lease must be longer than connect-timeout + request-timeout");
        }
    }
}
