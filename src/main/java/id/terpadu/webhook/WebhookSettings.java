package id.terpadu.webhook;

import java.time.Duration;

import jakarta.inject.Singleton;

import id.terpadu.common.retry.Backoff;

/** The webhook settings ({@link WebhookConfig}) as the worker uses them, with the rules that join two of them. */
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

    WebhookSettings(WebhookConfig config) {
        this.allowPrivateTargets = config.allowPrivateTargets();
        this.backoff = new Backoff(config.backoffBase(), config.backoffMax());
        this.retryWindow = config.retryWindow();
        this.lease = config.lease();
        this.maxInFlight = config.maxInFlight();
        this.maxInFlightPerSubscription = config.maxInFlightPerSubscription();
        this.connectTimeout = config.connectTimeout();
        this.requestTimeout = config.requestTimeout();
        for (var d : java.util.Map.of(
                        "backoff-base",
                        config.backoffBase(),
                        "backoff-max",
                        config.backoffMax(),
                        "retry-window",
                        retryWindow,
                        "connect-timeout",
                        connectTimeout,
                        "request-timeout",
                        requestTimeout)
                .entrySet()) {
            if (d.getValue().isNegative() || d.getValue().isZero()) {
                throw new IllegalStateException("terpadu.webhooks." + d.getKey() + " must be longer than zero");
            }
        }
        if (lease.compareTo(requestTimeout.plus(connectTimeout)) <= 0) {
            throw new IllegalStateException(
                    "terpadu.webhooks.lease must be longer than connect-timeout + request-timeout");
        }
    }
}
