package id.terpadu.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import id.terpadu.common.changelog.Audience;
import id.terpadu.common.changelog.Change;
import id.terpadu.common.security.Classification;

/**
 * The webhook fan-out: each published change, as the change log writes it, queues one delivery per ACTIVE
 * subscription that lists its type and would see it ({@link Audience#subscription}: the subscription's region or one
 * above it, a national one every region; a classification up to its maximum). It runs inside the writing
 * transaction, so a change and its deliveries commit (or roll back) together; no subscription, no delivery row. The
 * delivery worker sends them after commit.
 */
@ApplicationScoped
class DeliveryQueue {

    private final EntityManager em;

    DeliveryQueue(EntityManager em) {
        this.em = em;
    }

    void queue(@Observes Change change) {
        if (!change.type().published()) {
            return;
        }
        List<?> candidates = em.createNativeQuery("""
                select id, region_code, max_classification from webhook_subscription
                where status = 'ACTIVE' and :type = any (event_types)
                """, Object[].class).setParameter("type", change.type().name()).getResultList();
        List<UUID> subscribers = new ArrayList<>();
        for (Object candidate : candidates) {
            Object[] s = (Object[]) candidate;
            Audience audience = Audience.subscription((String) s[1], Classification.valueOf((String) s[2]));
            if (audience.sees(change.regionCode(), change.classification())) {
                subscribers.add((UUID) s[0]);
            }
        }
        if (subscribers.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                insert into webhook_delivery (subscription_id, change_position, event_type, entity_id, operation,
                                              entity_version)
                select s.id, :position, :type, :entity, :operation, :version from webhook_subscription s
                where s.id in (:subscribers)
                """)
                .setParameter("position", change.position())
                .setParameter("type", change.type().name())
                .setParameter("entity", change.entityId())
                .setParameter("operation", change.operation().name())
                .setParameter("version", change.version())
                .setParameter("subscribers", subscribers)
                .executeUpdate();
    }
}
