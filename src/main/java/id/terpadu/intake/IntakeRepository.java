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
import id.terpadu.common.security.RegionScope;

/**
 * Community reports: every query of the queue. A report lies in the region of the team whose queue holds it; a report
 * in the queue of reports without a region (no queue region) is the national scope's alone, not a national record
 * everyone reads.
 */
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

    /** The queue column, as a list restricts it: a report without a queue region is for the national scope only. */
    static final RegionScope.Columns QUEUE = new RegionScope.Columns("e.queueRegion", null, null, false);

    @Override
    protected boolean reads(RegionScope scope, String region) {
        return region == null ? scope.isNational() : scope.canRead(region);
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

    /**
     * The report whose upload key has this SHA-256; with {@code lock}, locked until the transaction ends (a photo is
     * admitted: its files and bytes are counted).
     */
    IntakeReport byUploadKey(String sha256, boolean lock) {
        var query = find("uploadKeySha256", sha256);
        return lock
                ? query.withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                        .firstResult()
                : query.firstResult();
    }
}
