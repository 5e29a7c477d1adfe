package id.terpadu.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.notification.NotificationDtos.NotificationResponse;

/** The inbox and the preferences of one account: every query of them. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<InboxEntry, Long> {

    private static final List<SortKey> ORDER = List.of(SortKey.longDesc("e.id"));

    /** A page of the account's entries, newest first. */
    Page<NotificationResponse> page(UUID accountId, Boolean unread, Long since, PageRequest page) {
        Filter filter = new Filter().and("e.accountId = :?", accountId);
        if (unread != null) {
            filter.and(unread ? "e.readAt is null" : "e.readAt is not null");
        }
        filter.andIf(since, "e.id > :?", since);
        return Keyset.page(
                getEntityManager(),
                "e.id, v.kind, v.entityType, v.entityId, v.parentType, v.parentId, v.regionCode, v.teamId, "
                        + "v.occurredAt, e.readAt",
                "InboxEntry e join NotificationEvent v on v.id = e.eventId",
                filter,
                ORDER,
                page,
                row -> new NotificationResponse(
                        (Long) row[0],
                        (NotificationKind) row[1],
                        (String) row[2],
                        (UUID) row[3],
                        path((String) row[2], (UUID) row[3], (String) row[4], (UUID) row[5]),
                        (String) row[6],
                        (UUID) row[7],
                        (Instant) row[8],
                        (Instant) row[9]),
                n -> List.of(Long.toString(n.id())));
    }

    /** The record's address in the API. */
    static String path(String type, UUID id, String parentType, UUID parentId) {
        return switch (type) {
            case "incident-task" ->
                (parentType.equals("incident") ? "/api/v1/incidents/" : "/api/v1/early-warnings/") + parentId
                        + "/tasks/" + id;
            case "meeting-decision" -> "/api/v1/meetings/" + parentId + "/decisions/" + id;
            case "action-plan-report" -> "/api/v1/action-plans/" + parentId + "/reports/" + id;
            case "intake-report" -> "/api/v1/intake/" + id;
            case "conflict-status" -> "/api/v1/conflict-statuses/" + id;
            default -> "/api/v1/early-warnings/" + id;
        };
    }

    /** Unread entries and the newest entry's id (0 when none). */
    long[] summary(UUID accountId) {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("""
                        select (select count(*) from notification where account_id = :a and read_at is null),
                               (select coalesce(max(id), 0) from notification where account_id = :a)""")
                .setParameter("a", accountId)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** Marks the entries up to {@code upTo} (only the listed ones, when listed) read; returns how many it marked. */
    int markRead(UUID accountId, List<Long> ids, long upTo) {
        var update = getEntityManager()
                .createNativeQuery("update notification set read_at = now() where account_id = :a and read_at is null"
                        + " and id <= :upTo" + (ids != null ? " and id in (:ids)" : ""))
                .setParameter("a", accountId)
                .setParameter("upTo", upTo);
        if (ids != null) {
            update.setParameter("ids", ids);
        }
        return update.executeUpdate();
    }

    /** The stored preferences: channels (JSON text), delivery and version; null when never saved. */
    Object[] preferences(UUID accountId) {
        List<?> rows = getEntityManager()
                .createNativeQuery("""
                        select cast(channels as text), email_delivery, version from notification_preference
                        where account_id = :a""")
                .setParameter("a", accountId)
                .getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    /** Saves the preferences at the next version; the row is locked while the caller's version is compared. */
    long savePreferences(UUID accountId, String channels, EmailDelivery delivery, long version) {
        getEntityManager()
                .createNativeQuery("""
                        insert into notification_preference (account_id, channels, email_delivery, version, updated_at)
                        values (:a, cast(:c as jsonb), :d, :v, now())
                        on conflict (account_id) do update set channels = excluded.channels,
                            email_delivery = excluded.email_delivery, version = excluded.version,
                            updated_at = excluded.updated_at""")
                .setParameter("a", accountId)
                .setParameter("c", channels)
                .setParameter("d", delivery.name())
                .setParameter("v", version)
                .executeUpdate();
        return version;
    }

    /**
     * Locks the account's preferences row and answers its version, 0 when none was saved. A first save has no row to
     * lock, so one is made at version 0 (the defaults) before it is locked: of two first saves at once, the second
     * waits on the first's row and then reads its version (a 412 for {@code If-Match: "0"}), instead of both seeing
     * none and the second overwriting the first. A save refused afterwards rolls the placeholder back with it.
     */
    long lockedVersion(UUID accountId) {
        getEntityManager().createNativeQuery("""
                        insert into notification_preference (account_id, channels, email_delivery, version, updated_at)
                        values (:a, '{}', 'IMMEDIATE', 0, now()) on conflict (account_id) do nothing""").setParameter("a", accountId).executeUpdate();
        List<?> rows = getEntityManager()
                .createNativeQuery("select version from notification_preference where account_id = :a for update")
                .setParameter("a", accountId)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    static Instant instant(Object value) {
        return value == null ? null : ChangeLog.toInstant(value);
    }
}
