package id.terpadu.earlywarning;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.error.Message;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.persistence.ScopedRepository;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.verification.Similar;

/** Early warnings: every query of the aggregate. A warning is visible by its own region and classification. */
@ApplicationScoped
public class WarningRepository extends ScopedRepository<EarlyWarning> {

    private static final List<SortKey> ORDER = List.of(SortKey.instantDesc("e.updatedAt"), SortKey.uuidDesc("e.id"));

    private final Caller caller;
    private final Clearance clearance;

    WarningRepository(Caller caller, Clearance clearance) {
        super(caller, clearance);
        this.caller = caller;
        this.clearance = clearance;
    }

    /** The warnings most like the probe among those the caller may read (scope and clearance, as in a list). */
    List<Similar.Candidate> similar(Similar.Probe probe, int windowHours, int limit) {
        return Similar.candidates(
                getEntityManager(),
                Similar.Table.EARLY_WARNING,
                probe,
                windowHours,
                caller.scope().restrict(new Filter("s"), "c.region_code"),
                clearance.readable(),
                limit);
    }

    @Override
    public String regionOf(EarlyWarning warning) {
        return warning.regionCode;
    }

    @Override
    public Classification classificationOf(EarlyWarning warning) {
        return warning.classification;
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("warning.not-found", "id", id);
    }

    /** A page of the filter's warnings, most recently changed first. */
    Page<EarlyWarning> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                EarlyWarning.class,
                "EarlyWarning e",
                filter,
                ORDER,
                page,
                w -> List.of(w.updatedAt.toString(), w.id.toString()));
    }

    /** Whether another warning is verified as a duplicate of this one. */
    boolean isDuplicated(UUID id) {
        return !getEntityManager()
                .createQuery("select w.id from EarlyWarning w where w.duplicateOf = :id", UUID.class)
                .setParameter("id", id)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Records that the warning grew into the incident (the incident lists it among its links). */
    void linkIncident(UUID warningId, UUID incidentId) {
        getEntityManager()
                .createNativeQuery("insert into incident_early_warning (incident_id, early_warning_id) values (:i, :w)")
                .setParameter("i", incidentId)
                .setParameter("w", warningId)
                .executeUpdate();
    }

    /**
     * How many warnings of the filter per group of {@code keys} (null: one row for all), in the order of the keys; at
     * most {@code maxRows} rows. The key and count of each row.
     */
    List<Object[]> grouped(Filter filter, String keys, int maxRows) {
        StringBuilder hql = new StringBuilder("select ");
        if (keys != null) {
            hql.append(keys).append(", ");
        }
        hql.append("count(e) from EarlyWarning e where ").append(filter.where());
        if (keys != null) {
            hql.append(" group by ").append(keys).append(" order by ").append(keys);
        }
        var query = getEntityManager().createQuery(hql.toString(), Object[].class);
        filter.parameters().forEach(query::setParameter);
        return query.setMaxResults(maxRows).getResultList();
    }
}
