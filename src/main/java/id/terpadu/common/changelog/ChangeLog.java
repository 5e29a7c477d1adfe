package id.terpadu.common.changelog;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.RequestIds;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.security.Caller;

/**
 * The audit trail and, later, the integration feed. Every create, update and delete writes one row in the same
 * transaction as the change; the row carries the writing transaction's id ({@code pg_current_xact_id()}) so that
 * a feed reader can never skip a change that commits late.
 */
@ApplicationScoped
public class ChangeLog {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Caller caller;

    ChangeLog(EntityManager em, ObjectMapper mapper, Caller caller) {
        this.em = em;
        this.mapper = mapper;
        this.caller = caller;
    }

    /** Records a create or update; {@code snapshot} is the response body of the record after the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, UUID id, Operation operation, long version, String regionCode,
            Object snapshot) {
        insert(entityType, id, operation, version, regionCode, snapshot);
    }

    /** Records a delete with a tombstone snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordDelete(String entityType, UUID id, long version, String regionCode) {
        insert(entityType, id, Operation.DELETE, version, regionCode, Map.of("id", id.toString(), "deleted", true));
    }

    /**
     * The change-log row and, in the same statement, the webhook deliveries it fans out to (the outbox and its
     * queue commit together; no subscription, no delivery row). A subscription receives a change when it is ACTIVE,
     * lists the entity type, and covers the change: its region is the change's region or one above it (a national
     * subscription, region null, receives every region and the national records; a regional one never receives a
     * national record), and its maximum classification is at least the snapshot's {@code classification} (absent:
     * PUBLIC; a delete's tombstone takes the classification of the record's last version, so the id of a deleted
     * CONFIDENTIAL record never reaches a PUBLIC subscription). See {@code id.terpadu.webhook}.
     */
    private static final String INSERT = """
            with change as (
                insert into change_log (entity_type, entity_id, operation, version, region_code, actor,
                                        actor_agency_id, client_id, request_id, snapshot)
                values (:type, :id, :op, :version, :region, :actor, :agency, :client, :request, cast(:snapshot as jsonb))
                returning position, entity_type, entity_id, operation, version, region_code,
                          coalesce(case when operation = 'DELETE' then (
                                       select p.snapshot ->> 'classification' from change_log p
                                       where p.entity_type = :type and p.entity_id = :id and p.operation <> 'DELETE'
                                       order by p.txid desc, p.position desc limit 1)
                                   else snapshot ->> 'classification' end, 'PUBLIC') as classification
            )
            insert into webhook_delivery (subscription_id, change_position, event_type, entity_id, operation,
                                          entity_version)
            select s.id, c.position, c.entity_type, c.entity_id, c.operation, c.version
            from change c
            join webhook_subscription s on s.status = 'ACTIVE' and c.entity_type = any (s.event_types)
                 and (s.region_code is null or c.region_code = s.region_code or c.region_code like s.region_code || '.%')
                 and array_position(array['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'], c.classification)
                     <= array_position(array['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'], s.max_classification)
            """;

    /** Writes the snapshot straight to JSON text (no intermediate tree: the same text, one pass less per write). */
    private String json(Object snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot cannot be written", e);
        }
    }

    /** Whether the newest entry of the record holds exactly this snapshot (a change that changed nothing). */
    public boolean isLatest(String entityType, UUID id, Object snapshot) {
        String json = json(snapshot);
        List<?> same = em.createNativeQuery("""
                select snapshot = cast(:json as jsonb) from change_log where entity_type = :type and entity_id = :id
                order by position desc limit 1""")
                .setParameter("json", json).setParameter("type", entityType).setParameter("id", id).getResultList();
        return !same.isEmpty() && Boolean.TRUE.equals(same.get(0));
    }

    private void insert(String entityType, UUID id, Operation operation, long version, String regionCode,
            Object snapshot) {
        String json = json(snapshot);
        em.createNativeQuery(INSERT)
                .setParameter("type", entityType)
                .setParameter("id", id)
                .setParameter("op", operation.name())
                .setParameter("version", version)
                .setParameter("region", regionCode)
                .setParameter("actor", caller.subject())
                .setParameter("agency", caller.agencyId())
                .setParameter("client", caller.clientId())
                .setParameter("request", RequestIds.current())
                .setParameter("snapshot", json)
                .executeUpdate();
    }

    /** The changes of one record, oldest first, keyset-paginated by position. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(String entityType, UUID id, PageRequest request) {
        long after = 0;
        if (request.after() != null) {
            try {
                after = Long.parseLong(request.after().get(0));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", Message.of("params.cursor"));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select position, entity_type, entity_id, operation, version, actor, actor_agency_id, client_id,
                       request_id, occurred_at, cast(snapshot as text)
                from change_log where entity_type = :type and entity_id = :id and position > :after
                order by position limit :limit
                """)
                .setParameter("type", entityType)
                .setParameter("id", id)
                .setParameter("after", after)
                .setParameter("limit", request.limit() + 1)
                .getResultList();
        List<ChangeEntry> entries = rows.stream().limit(request.limit()).map(this::toEntry).toList();
        String next = rows.size() > request.limit()
                ? PageRequest.encode(List.of(Long.toString(entries.get(entries.size() - 1).position())))
                : null;
        return new Page<>(entries, next);
    }

    private ChangeEntry toEntry(Object[] row) {
        try {
            return new ChangeEntry(((Number) row[0]).longValue(), (String) row[1], (UUID) row[2],
                    Operation.valueOf((String) row[3]), ((Number) row[4]).longValue(), (String) row[5],
                    (UUID) row[6], (String) row[7], (String) row[8], toInstant(row[9]),
                    mapper.readTree((String) row[10]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot cannot be read", e);
        }
    }

    /** A timestamp column as JDBC returns it (Instant, OffsetDateTime or Timestamp), as an Instant. */
    public static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
