package id.terpadu.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.changelog.Audience;
import id.terpadu.common.changelog.ChangeQueue;

/**
 * The webhook fan-out: each change queues one delivery per ACTIVE subscription that lists its type and would see it
 * ({@link Audience#subscription}: the subscription's region or one above it, a national one every region; a
 * classification up to its maximum). An update that takes a record out of a subscription's view (moved to another
 * region, classified above its maximum) queues a tombstone for each subscription that saw the record's previous
 * version, as the change feed does (only an update: a record created anew under the id of a deleted one was never
 * seen, and says nothing to a subscription that may not see it); the previous version is looked up only when some
 * subscription lists the type: operation DELETE, which the worker sends with {@code "tombstone": "OUT_OF_VIEW"}
 * and no snapshot of the record as it is now. It is part of the change log's own statement, so a change and its
 * deliveries are written in one round trip and commit (or roll back) together; no subscription, no delivery row.
 * Only published types can be listed by a subscription. The delivery worker sends them after commit.
 */
@ApplicationScoped
class DeliveryQueue implements ChangeQueue {

    private static final String QUEUE = """
            insert into webhook_delivery (subscription_id, change_position, event_type, entity_id, operation,
                                          entity_version)
            select s.id, c.position, c.entity_type, c.entity_id, c.operation, c.version
            from change c join webhook_subscription s on s.status = 'ACTIVE' and c.entity_type = any (s.event_types)
                 and %1$s
            union all
            select s.id, c.position, c.entity_type, c.entity_id, 'DELETE', c.version
            from change c
            join lateral (
                select p.region_code, p.classification from change_log p
                where p.entity_type = c.entity_type and p.entity_id = c.entity_id
                order by p.txid desc, p.position desc limit 1) p on true
            join webhook_subscription s on s.status = 'ACTIVE' and c.entity_type = any (s.event_types)
                 and %2$s and not coalesce(%1$s, false)
            where c.operation = 'UPDATE'
              and exists (select 1 from webhook_subscription a
                          where a.status = 'ACTIVE' and c.entity_type = any (a.event_types))
            """.formatted(
            Audience.subscribersSeeing("s.region_code", "s.max_classification", "c.region_code", "c.classification"),
            Audience.subscribersSeeing("s.region_code", "s.max_classification", "p.region_code", "p.classification"));

    @Override
    public String insertFromChange() {
        return QUEUE;
    }
}
