package id.terpadu.webhook;

/** ACTIVE subscriptions receive events; a DISABLED one (by the service after failing for the whole retry window) does not. */
public enum SubscriptionStatus {
    ACTIVE,
    DISABLED
}
