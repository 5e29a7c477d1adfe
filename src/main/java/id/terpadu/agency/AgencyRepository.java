package id.terpadu.agency;

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
 * Member agencies: every query of the aggregate, including what still refers to an agency. An agency is visible by
 * its region (a national agency by everyone); it has no classification. API keys lie in their agency's region.
 */
@ApplicationScoped
public class AgencyRepository extends ScopedRepository<Agency> {

    private static final List<SortKey> ORDER = List.of(SortKey.text("e.name"), SortKey.uuid("e.id"));

    AgencyRepository(Caller caller, Clearance clearance) {
        super(caller, clearance);
    }

    @Override
    public String regionOf(Agency agency) {
        return agency.regionCode;
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("agency.not-found", "id", id);
    }

    Page<Agency> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                Agency.class,
                "Agency e",
                filter,
                ORDER,
                page,
                a -> List.of(a.name, a.id.toString()));
    }

    /** Whether a unit of the agency lies outside {@code region} (or is national). */
    boolean unitsOutside(UUID id, String region) {
        return getEntityManager()
                        .createQuery("""
                select count(*) from Agency a where a.parentId = :id
                and (a.regionCode is null or (a.regionCode <> :region and a.regionCode not like :below))
                """, Long.class)
                        .setParameter("id", id)
                        .setParameter("region", region)
                        .setParameter("below", region + ".%")
                        .getSingleResult()
                > 0;
    }

    boolean hasUnits(UUID id) {
        return count("select count(*) from Agency a where a.parentId = :id", id) > 0;
    }

    /** Whether the agency is a member of a team or a team's secretariat. */
    boolean isTeamMember(UUID id) {
        return count("select count(*) from TeamMember m where m.agencyId = :id", id) > 0
                || count("select count(*) from Team t where t.secretariatAgencyId = :id", id) > 0;
    }

    private long count(String hql, UUID id) {
        return getEntityManager()
                .createQuery(hql, Long.class)
                .setParameter("id", id)
                .getSingleResult();
    }
}
