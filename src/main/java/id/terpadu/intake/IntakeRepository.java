package id.terpadu.intake;

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

/** Community reports: every query of the queue. A report lies in the region of the team whose queue holds it. */
@ApplicationScoped
public class IntakeRepository extends ScopedRepository<IntakeReport> {

    /** Oldest first: a queue is worked from its front. */
    private static final List<SortKey> ORDER = List.of(SortKey.instant("e.createdAt"), SortKey.uuid("e.id"));

    IntakeRepository(Caller caller, Clearance clearance) {
        super(caller, clearance);
    }

    @Override
    public String regionOf(IntakeReport report) {
        return report.queueRegion;
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("intake.not-found", "id", id);
    }

    Page<IntakeReport> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                IntakeReport.class,
                "IntakeReport e",
                filter,
                ORDER,
                page,
                r -> List.of(r.createdAt.toString(), r.id.toString()));
    }

    /**
     * The report with this tracking code, or null. Always the same one query, whatever the code: a malformed code
     * is looked up as {@link TrackingCodes#NONE}, so that it takes the time an unknown one does.
     */
    IntakeReport byCode(String code) {
        return find("trackingCode", code).firstResult();
    }
}
