package id.terpadu.feed;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import id.terpadu.common.paging.Filter;

/**
 * The change feed's statements over the change log (table {@code change_log}, written by {@code ChangeLog}). There is
 * no entity: they are SQL ({@code xid8}, {@code pg_snapshot_xmin}, a lateral join) on the persistence context's
 * EntityManager, the one the Panache repositories use.
 */
@ApplicationScoped
public class FeedRepository {

    private final EntityManager em;

    FeedRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Up to {@code limit} changes of these types after the cursor, in transaction and position order, that no open
     * transaction can still precede: position, transaction id (text), type, id, operation, version, time, snapshot
     * (text), whether the reader sees it now ({@code now} over {@code c}) and whether it saw the record before
     * ({@code before} over {@code p}).
     */
    List<?> after(String afterTxid, long afterPosition, List<String> types, int limit, Filter now, Filter before) {
        String sql = """
                select c.position, cast(c.txid as text) as txid_text, c.entity_type, c.entity_id, c.operation, c.version, c.occurred_at,
                       cast(c.snapshot as text),
                       (c.operation <> 'DELETE' and %s) as visible_now,
                       (p.entity_id is not null and p.operation <> 'DELETE' and %s) as visible_before
                from change_log c
                left join lateral (
                    -- the record's previous change: a record created anew under the id of a deleted one follows
                    -- that delete, so it was never seen and leaves no tombstone
                    select x.entity_id, x.operation, x.region_code, x.classification from change_log x
                    where x.entity_type = c.entity_type and x.entity_id = c.entity_id
                      and (x.txid, x.position) < (c.txid, c.position)
                    order by x.txid desc, x.position desc limit 1) p on true
                where (c.txid, c.position) > (cast(:afterTxid as xid8), :afterPosition)
                  and c.txid < pg_snapshot_xmin(pg_current_snapshot())
                  and c.entity_type in (:types)
                order by c.txid, c.position
                limit :limit
                """.formatted(now.where(), before.where());
        var query = em.createNativeQuery(sql, Object[].class)
                .setParameter("afterTxid", afterTxid)
                .setParameter("afterPosition", afterPosition)
                .setParameter("types", types)
                .setParameter("limit", limit);
        now.parameters().forEach(query::setParameter);
        before.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    /** The newest change that is ready now: transaction id (text) and position; none when the log is empty. */
    List<?> latest() {
        return em.createNativeQuery("""
                select cast(c.txid as text) as txid_text, c.position from change_log c
                where c.txid < pg_snapshot_xmin(pg_current_snapshot())
                order by c.txid desc, c.position desc limit 1
                """, Object[].class).getResultList();
    }
}
