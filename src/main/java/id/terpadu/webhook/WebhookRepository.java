package id.terpadu.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.persistence.ScopedRepository;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.RegionScope;
import id.terpadu.webhook.WebhookDtos.AttemptResponse;

/**
 * Webhook subscriptions and their deliveries and attempts, as the API reads and changes them (the delivery worker's
 * own statements are {@link DeliveryWorker}'s). A subscription is visible to callers whose scope covers its region (a
 * national one: national callers only) and who may read its maximum classification.
 */
@ApplicationScoped
public class WebhookRepository extends ScopedRepository<WebhookSubscription> {

    private static final List<SortKey> ORDER = List.of(SortKey.instant("e.createdAt"), SortKey.uuid("e.id"));
    private static final List<SortKey> DELIVERY_ORDER =
            List.of(SortKey.instantDesc("e.createdAt"), SortKey.uuidDesc("e.id"));

    WebhookRepository(Caller caller, Clearance clearance) {
        super(caller, clearance);
    }

    @Override
    public String regionOf(WebhookSubscription subscription) {
        return subscription.regionCode;
    }

    @Override
    public Classification classificationOf(WebhookSubscription subscription) {
        return subscription.maxClassification;
    }

    /** A national subscription belongs to national callers only. */
    @Override
    protected boolean reads(RegionScope scope, String region) {
        return scope.isNational() || (region != null && scope.covers(region));
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("webhook.not-found", "id", id);
    }

    Page<WebhookSubscription> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                WebhookSubscription.class,
                "WebhookSubscription e",
                filter,
                ORDER,
                page,
                s -> List.of(s.createdAt.toString(), s.id.toString()));
    }

    // ---- deliveries -----------------------------------------------------------------------------------------

    /** The subscription's pending deliveries are due at once, with a fresh retry window. */
    void duePending(UUID subscriptionId) {
        getEntityManager()
                .createNativeQuery("""
                update webhook_delivery set next_attempt_at = now(), retry_from = now(), lease = null
                where subscription_id = :id and status = 'PENDING'
                """)
                .setParameter("id", subscriptionId)
                .executeUpdate();
    }

    Page<WebhookDelivery> deliveries(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                WebhookDelivery.class,
                "WebhookDelivery e",
                filter,
                DELIVERY_ORDER,
                page,
                d -> List.of(d.createdAt.toString(), d.id.toString()));
    }

    /** The delivery of this subscription; 404 when there is none. */
    WebhookDelivery delivery(UUID subscriptionId, UUID deliveryId) {
        WebhookDelivery d = deliveryId == null ? null : getEntityManager().find(WebhookDelivery.class, deliveryId);
        if (d == null || !d.subscriptionId.equals(subscriptionId)) {
            throw ProblemException.notFound(Message.of("webhook.delivery.not-found", "id", deliveryId));
        }
        return d;
    }

    /** Makes the delivery PENDING and due now, with a fresh retry window; {@code d} is read again. */
    void redeliver(WebhookDelivery d) {
        getEntityManager().createNativeQuery("""
                update webhook_delivery set status = 'PENDING', next_attempt_at = now(), retry_from = now(),
                       lease = null, finished_at = null
                where id = :id
                """).setParameter("id", d.id).executeUpdate();
        getEntityManager().refresh(d);
    }

    /** The attempts of these deliveries, by delivery, in order. */
    Map<UUID, List<AttemptResponse>> attempts(List<UUID> deliveries) {
        Map<UUID, List<AttemptResponse>> byDelivery = new LinkedHashMap<>();
        if (deliveries.isEmpty()) {
            return byDelivery;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                select delivery_id, number, attempted_at, status_code, latency_ms, error, retry_at
                from webhook_attempt where delivery_id in (:ids) order by delivery_id, number
                """)
                .setParameter("ids", deliveries)
                .getResultList();
        for (Object[] row : rows) {
            byDelivery
                    .computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                    .add(new AttemptResponse(
                            ((Number) row[1]).intValue(),
                            instant(row[2]),
                            row[3] == null ? null : ((Number) row[3]).intValue(),
                            ((Number) row[4]).longValue(),
                            (String) row[5],
                            instant(row[6])));
        }
        return byDelivery;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
