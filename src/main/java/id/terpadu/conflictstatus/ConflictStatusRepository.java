package id.terpadu.conflictstatus;

import java.util.List;
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
import id.terpadu.common.security.Clearance;

/**
 * Status Keadaan Konflik and their children, the extensions and the requests for TNI assistance: every query of the
 * aggregate. A status is visible by its region (a national status by everyone); it has no classification.
 */
@ApplicationScoped
public class ConflictStatusRepository extends ScopedRepository<ConflictStatus> {

    private static final List<SortKey> ORDER = List.of(SortKey.dateDesc("e.startsOn"), SortKey.uuidDesc("e.id"));

    ConflictStatusRepository(Caller caller, Clearance clearance) {
        super(caller, clearance);
    }

    @Override
    public String regionOf(ConflictStatus status) {
        return status.regionCode;
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("status.not-found", "id", id);
    }

    Page<ConflictStatus> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                ConflictStatus.class,
                "ConflictStatus e",
                filter,
                ORDER,
                page,
                s -> List.of(s.startsOn.toString(), s.id.toString()));
    }

    /** The statuses of a region (national: null), but {@code except}. */
    List<ConflictStatus> ofRegion(String region, UUID except) {
        return getEntityManager()
                .createQuery("""
                from ConflictStatus s where coalesce(s.regionCode, '') = :region and (:except is null or s.id <> :except)
                """, ConflictStatus.class)
                .setParameter("region", region == null ? "" : region)
                .setParameter("except", except)
                .getResultList();
    }

    // ---- extensions -----------------------------------------------------------------------------------------

    /** The extensions of a status, earliest first. */
    List<Extension> extensionsOf(UUID id) {
        return getEntityManager()
                .createQuery("from Extension x where x.statusId = :id order by x.startsOn", Extension.class)
                .setParameter("id", id)
                .getResultList();
    }

    /** The extensions of some statuses, earliest first; none for no status. */
    List<Extension> extensionsOf(List<UUID> ids) {
        return ids.isEmpty()
                ? List.of()
                : getEntityManager()
                        .createQuery("from Extension x where x.statusId in :ids order by x.startsOn", Extension.class)
                        .setParameter("ids", ids)
                        .getResultList();
    }

    void addExtension(Extension extension) {
        getEntityManager().persist(extension);
    }

    // ---- TNI assistance -------------------------------------------------------------------------------------

    List<TniAssistance> tniRequests(UUID statusId) {
        return getEntityManager()
                .createQuery(
                        "from TniAssistance t where t.statusId = :id order by t.startsOn, t.id", TniAssistance.class)
                .setParameter("id", statusId)
                .getResultList();
    }

    /** One request of a status: 404 when the status has none with this id. */
    TniAssistance tniRequest(UUID statusId, UUID id) {
        TniAssistance found = id == null ? null : getEntityManager().find(TniAssistance.class, id);
        if (found == null || !found.statusId.equals(statusId)) {
            throw ProblemException.notFound(Message.of("status.tni.not-found", "id", id));
        }
        return found;
    }
}
