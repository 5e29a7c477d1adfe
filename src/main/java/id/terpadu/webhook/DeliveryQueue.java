package id.terpadu.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.changelog.Audience;
import id.terpadu.common.changelog.ChangeQueue;

/**
 * The webhook fan-out: each change queues one delivery per ACTIVE subscription that lists its type and would see it
 * ({@link Audience#subscription}: the subscription's region or one above it, a national one every region; a
 * classification up to its maximum). It is part of the change log's own statement, so a change and its deliveries
 * are written in one round trip and commit (or roll back) together; no subscription, no delivery row. Only published
 * types can be listed by a subscription. The delivery worker sends them after commit.
 */
@ApplicationScoped
class DeliveryQueue implements ChangeQueue {

    private static final String QUEUE = """
            insert into webhook_delivery (subscription_id, change_position, event_type, entity_id, operation,
                                          entity_version)
            select s.id, c.position, c.entity_type, c.entity_id, c.operation, c.version
            from change c join webhook_subscription s on s.status = 'ACTIVE' and c.entity_type = any (s.event_types)
                 and %s
            """.formatted(Audience.subscribersSeeing(
            "s.region_code", "s.max_classification", "c.region_code", "c.classification"));

    @Override
    public String insertFromChange() {
        return QUEUE;
    }
}
