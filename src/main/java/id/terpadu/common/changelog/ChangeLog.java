package id.terpadu.common.changelog;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.All;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.RequestIds;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Clearance;

/**
 * The audit trail and the source of the integration feed. Every create, update and delete writes one row in the same
 * transaction as the change; the row carries the writing transaction's id ({@code pg_current_xact_id()}) so that
 * a feed reader can never skip a change that commits late, and the change's region and classification, which say
 * who may see it ({@link Audience}). What is queued for each change ({@link ChangeQueue}: the webhook deliveries) is
 * written by the same statement: one round trip, one commit.
 */
@ApplicationScoped
public class ChangeLog {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final Clearance clearance;
    /**
     * The one statement of a change: the snapshot parsed once ({@code s}), the new row ({@link #ROW}, with a
     * {@code {classification}} to fill) and, when there are queues, the row as {@code change} and the queues'
     * inserts, all but the last as further parts of the {@code with} ({@code q0 as (…)}), the last as the statement.
     */
    private final String statement;

    ChangeLog(
            EntityManager em, ObjectMapper mapper, Caller caller, Clearance clearance, @All List<ChangeQueue> queues) {
        this.em = em;
        this.mapper = mapper;
        this.caller = caller;
        this.clearance = clearance;
        StringBuilder sql = new StringBuilder("with s as (select cast(:snapshot as jsonb) as j)");
        if (queues.isEmpty()) {
            sql.append('\n').append(ROW);
        } else {
            sql.append(",\nchange as (")
                    .append(ROW)
                    .append("\n    returning position, entity_type, entity_id, "
                            + "operation, version, region_code, classification)");
            for (int i = 0; i < queues.size() - 1; i++) {
                sql.append(",\nq")
                        .append(i)
                        .append(" as (")
                        .append(queues.get(i).insertFromChange().strip())
                        .append(')');
            }
            sql.append('\n')
                    .append(queues.get(queues.size() - 1).insertFromChange().strip());
        }
        this.statement = sql.toString();
    }

    /** Records a create or update; {@code snapshot} is the response body of the record after the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            RecordType type, UUID id, Operation operation, long version, String regionCode, Object snapshot) {
        insert(type, id, operation, version, regionCode, snapshot);
    }

    /** Records a delete with a tombstone snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordDelete(RecordType type, UUID id, long version, String regionCode) {
        insert(type, id, Operation.DELETE, version, regionCode, Map.of("id", id.toString(), "deleted", true));
    }

    /**
     * The change-log row (its snapshot parsed once, as {@code s}), with the classification of the change as
     * {@link RecordType} says where it comes from: the snapshot's own (PUBLIC when it has none), the parent's at this
     * moment, or, for a delete, the record's last version's (so the id of a deleted CONFIDENTIAL record never reaches
     * a reader of PUBLIC records).
     */
    private static final String ROW = """
            insert into change_log (entity_type, entity_id, operation, version, region_code, actor, actor_agency_id,
                                    client_id, request_id, snapshot, classification)
            values (:type, :id, :op, :version, :region, :actor, :agency, :client, :request, (select j from s),
                    (select {classification} from s))""";

    private static final String OWN = "coalesce(s.j ->> 'classification', 'PUBLIC')";
    private static final String PARENT = "(select x.classification from %s x where x.id = cast(s.j ->> '%s' as uuid))";
    private static final String LAST_VERSION = """
            coalesce((select p.classification from change_log p
                      where p.entity_type = :type and p.entity_id = :id and p.operation <> 'DELETE'
                      order by p.txid desc, p.position desc limit 1), 'CONFIDENTIAL')""";

    /** Writes the snapshot straight to JSON text (no intermediate tree: the same text, one pass less per write). */
    private String json(Object snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot cannot be written", e);
        }
    }

    /** Whether the newest entry of the record holds exactly this snapshot (a change that changed nothing). */
    public boolean isLatest(RecordType type, UUID id, Object snapshot) {
        String json = json(snapshot);
        List<?> same = em.createNativeQuery("""
                select snapshot = cast(:json as jsonb) from change_log where entity_type = :type and entity_id = :id
                order by position desc limit 1""")
                .setParameter("json", json)
                .setParameter("type", type.name())
                .setParameter("id", id)
                .getResultList();
        return !same.isEmpty() && Boolean.TRUE.equals(same.get(0));
    }

    /**
     * The snapshots the log keeps of the given versions of one record (creates and updates), by version; a version the
     * log does not hold is absent. For comparing versions inside the service only: it asks nobody's audience.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, JsonNode> snapshots(RecordType type, UUID id, java.util.Collection<Long> versions) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select version, cast(snapshot as text) from change_log
                where entity_type = :type and entity_id = :id and operation <> 'DELETE' and version in (:versions)
                """, Object[].class)
                .setParameter("type", type.name())
                .setParameter("id", id)
                .setParameter("versions", versions)
                .getResultList();
        Map<Long, JsonNode> found = new java.util.HashMap<>();
        for (Object[] row : rows) {
            try {
                found.put(((Number) row[0]).longValue(), mapper.readTree((String) row[1]));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored snapshot cannot be read", e);
            }
        }
        return found;
    }

    private void insert(
            RecordType type, UUID id, Operation operation, long version, String regionCode, Object snapshot) {
        String json = json(snapshot);
        String classification = operation == Operation.DELETE
                ? LAST_VERSION
                : type.inherits()
                        ? "coalesce("
                                + type.inheritedFrom().stream()
                                        .map(p -> PARENT.formatted(p.table(), p.idField()))
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + ", 'CONFIDENTIAL')"
                        : OWN;
        var insert = em.createNativeQuery(statement.replace("{classification}", classification));
        // the entities were flushed by Records; the log is no entity's table, so nothing needs flushing before it
        insert.unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("change_log");
        insert.setParameter("type", type.name())
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

    /**
     * The changes of one record the caller may see ({@link Audience}: a version of another region or above the
     * caller's clearance is left out), oldest first, keyset-paginated by position.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(RecordType type, UUID id, PageRequest request) {
        long after = 0;
        if (request.after() != null) {
            try {
                after = Long.parseLong(request.after().get(0));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", Message.of("params.cursor"));
            }
        }
        Filter seen = Audience.reader(caller.scope(), clearance.readable()).restrict(new Filter("a"), "c");
        var query = em.createNativeQuery("""
                select c.position, c.entity_type, c.entity_id, c.operation, c.version, c.actor, c.actor_agency_id,
                       c.client_id, c.request_id, c.occurred_at, cast(c.snapshot as text)
                from change_log c where c.entity_type = :type and c.entity_id = :id and c.position > :after and %s
                order by c.position limit :limit
                """.formatted(seen.where()), Object[].class)
                .setParameter("type", type.name())
                .setParameter("id", id)
                .setParameter("after", after)
                .setParameter("limit", request.limit() + 1);
        seen.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<ChangeEntry> entries =
                rows.stream().limit(request.limit()).map(this::toEntry).toList();
        String next = rows.size() > request.limit()
                ? PageRequest.encode(
                        List.of(Long.toString(entries.get(entries.size() - 1).position())))
                : null;
        return new Page<>(entries, next);
    }

    private ChangeEntry toEntry(Object[] row) {
        try {
            return new ChangeEntry(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (UUID) row[2],
                    Operation.valueOf((String) row[3]),
                    ((Number) row[4]).longValue(),
                    (String) row[5],
                    (UUID) row[6],
                    (String) row[7],
                    (String) row[8],
                    toInstant(row[9]),
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
