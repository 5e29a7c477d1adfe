package id.terpadu.neutrality;

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
import id.terpadu.common.security.Clearance;

/**
 * ASN neutrality cases and their persons: every query of the aggregate, the statistics too. A case is visible by its
 * region; it has no classification (its names are masked by the service instead).
 */
@ApplicationScoped
public class NeutralityRepository extends ScopedRepository<NeutralityCase> {

    private static final List<SortKey> ORDER = List.of(SortKey.dateDesc("e.receivedOn"), SortKey.uuidDesc("e.id"));

    NeutralityRepository(Caller caller, Clearance clearance) {
        super(caller, clearance);
    }

    @Override
    public String regionOf(NeutralityCase c) {
        return c.regionCode;
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("neutrality.not-found", "id", id);
    }

    /** A page of the filter's cases, latest received first. */
    Page<NeutralityCase> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                NeutralityCase.class,
                "NeutralityCase e",
                filter,
                ORDER,
                page,
                c -> List.of(c.receivedOn.toString(), c.id.toString()));
    }

    /** The persons of these cases, in their order within each case; none for no case. */
    List<NeutralityPerson> personsOf(List<UUID> caseIds) {
        return caseIds.isEmpty()
                ? List.of()
                : getEntityManager()
                        .createQuery(
                                "from NeutralityPerson p where p.caseId in :ids order by p.position",
                                NeutralityPerson.class)
                        .setParameter("ids", caseIds)
                        .getResultList();
    }

    List<NeutralityPerson> personsOf(UUID caseId) {
        return getEntityManager()
                .createQuery("from NeutralityPerson p where p.caseId = :id order by p.position", NeutralityPerson.class)
                .setParameter("id", caseId)
                .getResultList();
    }

    void addPerson(NeutralityPerson person) {
        getEntityManager().persist(person);
    }

    void removePerson(NeutralityPerson person) {
        getEntityManager().remove(person);
    }

    /**
     * The rows of a statistics statement in SQL (PostgreSQL's {@code filter} and {@code jsonb_array_elements_text}),
     * with the filter's values; at most {@code maxRows}.
     */
    List<?> statistics(String sql, Filter filter, int maxRows) {
        var query = getEntityManager().createNativeQuery(sql, Object[].class);
        filter.parameters().forEach(query::setParameter);
        query.setMaxResults(maxRows);
        return query.getResultList();
    }
}
