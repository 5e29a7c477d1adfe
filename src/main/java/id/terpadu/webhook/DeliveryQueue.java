package id.terpadu.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import id.terpadu.common.changelog.Audience;
import id.terpadu.common.changelog.Change;

/**
 * The webhook fan-out: each published change, as the change log writes it, queues one delivery per ACTIVE
 * subscription that lists its type and would see it ({@link Audience#subscription}: the subscription's region or one
 * above it, a national one every region; a classification up to its maximum). It runs inside the writing
 * transaction, so a change and its deliveries commit (or roll back) together; no subscription, no delivery row. The
 * delivery worker sends them after commit. One statement per change: it runs on every write.
 */
@ApplicationScoped
class DeliveryQueue {

    private static final String QUEUE = """
            insert into webhook_delivery (subscription_id, change_position, event_type, entity_id, operation,
                                          entity_version)
            select s.id, :position, :type, :entity, :operation, :version from webhook_subscription s
            where s.status = 'ACTIVE' and :type = any (s.event_types) and %s
            """.formatted(Audience.subscribersSeeing("s.region_code", "s.max_classification"));

    private final EntityManager em;

    DeliveryQueue(EntityManager em) {
        this.em = em;
    }

    void queue(@Observes Change change) {
        if (!change.type().published()) {
            return;
        }
        var queue = em.createNativeQuery(QUEUE);
        // Records flushed the entities before the change was logged; nothing needs flushing before this
        queue.unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("webhook_delivery");
        queue.setParameter("position", change.position())
                .setParameter("type", change.type().name())
                .setParameter("entity", change.entityId())
                .setParameter("operation", change.operation().name())
                .setParameter("version", change.version())
                .setParameter("region", change.regionCode())
                .setParameter("classification", change.classification().name())
                .executeUpdate();
    }
}
