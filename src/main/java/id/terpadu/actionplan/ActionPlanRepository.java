package id.terpadu.actionplan;

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
import id.terpadu.team.TeamRepository;

/**
 * Rencana Aksi Terpadu and their children, the items and progress reports: every query of the aggregate, also those
 * of the achievement and the recap. A plan lies in its team's region (visible and writable by it); it has no
 * classification.
 */
@ApplicationScoped
public class ActionPlanRepository extends ScopedRepository<ActionPlan> {

    private static final List<SortKey> ORDER = List.of(SortKey.integerDesc("e.year"), SortKey.uuid("e.id"));
    private static final List<SortKey> ITEM_ORDER = List.of(SortKey.instant("e.createdAt"), SortKey.uuid("e.id"));
    private static final List<SortKey> REPORT_ORDER =
            List.of(SortKey.enumName("e.period", Period.class), SortKey.uuid("e.id"));

    private final TeamRepository teams;

    ActionPlanRepository(Caller caller, Clearance clearance, TeamRepository teams) {
        super(caller, clearance);
        this.teams = teams;
    }

    @Override
    public String regionOf(ActionPlan plan) {
        return teams.findById(plan.teamId).regionCode;
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("plan.not-found", "id", id);
    }

    /** A page of plans ({@code e}) by the filter, which may name their team ({@code t}); latest year first. */
    Page<ActionPlan> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                ActionPlan.class,
                "ActionPlan e, Team t",
                filter,
                ORDER,
                page,
                p -> List.of(Integer.toString(p.year), p.id.toString()));
    }

    boolean yearTaken(UUID teamId, int year) {
        return count("teamId = ?1 and year = ?2", teamId, year) > 0;
    }

    /** The plans ({@code p}) of the filter with their team's region ({@code t.regionCode}). */
    List<Object[]> withRegion(Filter filter) {
        var query = getEntityManager()
                .createQuery(
                        "select p, t.regionCode from ActionPlan p, Team t where " + filter.where(), Object[].class);
        filter.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    // ---- items ----------------------------------------------------------------------------------------------

    Page<PlanItem> items(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                PlanItem.class,
                "PlanItem e",
                filter,
                ITEM_ORDER,
                page,
                i -> List.of(i.createdAt.toString(), i.id.toString()));
    }

    /** The item of this plan; 404 when there is none. */
    PlanItem item(UUID planId, UUID itemId) {
        PlanItem item = itemId == null ? null : getEntityManager().find(PlanItem.class, itemId);
        if (item == null || !item.planId.equals(planId)) {
            throw ProblemException.notFound(Message.of("plan.item.not-found", "id", itemId));
        }
        return item;
    }

    /** The items of a plan, oldest first. */
    List<PlanItem> itemsOf(UUID planId) {
        return getEntityManager()
                .createQuery("from PlanItem i where i.planId = :id order by i.createdAt, i.id", PlanItem.class)
                .setParameter("id", planId)
                .getResultList();
    }

    List<PlanItem> itemsOf(List<UUID> planIds) {
        return getEntityManager()
                .createQuery("from PlanItem i where i.planId in :ids", PlanItem.class)
                .setParameter("ids", planIds)
                .getResultList();
    }

    // ---- progress reports -----------------------------------------------------------------------------------

    Page<ProgressReport> reports(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                ProgressReport.class,
                "ProgressReport e",
                filter,
                REPORT_ORDER,
                page,
                r -> List.of(r.period.name(), r.id.toString()));
    }

    /** The report of this plan; 404 when there is none. */
    ProgressReport report(UUID planId, UUID reportId) {
        ProgressReport report = reportId == null ? null : getEntityManager().find(ProgressReport.class, reportId);
        if (report == null || !report.planId.equals(planId)) {
            throw ProblemException.notFound(Message.of("plan.report.not-found", "id", reportId));
        }
        return report;
    }

    /** Every report of a plan. */
    List<ProgressReport> reportsOf(UUID planId) {
        return getEntityManager()
                .createQuery("from ProgressReport r where r.planId = :id", ProgressReport.class)
                .setParameter("id", planId)
                .getResultList();
    }

    /** The verified reports of these plans for a period. */
    List<ProgressReport> verifiedReports(List<UUID> planIds, Period period) {
        return getEntityManager()
                .createQuery(
                        "from ProgressReport r where r.planId in :ids and r.period = :period and r.status = :status",
                        ProgressReport.class)
                .setParameter("ids", planIds)
                .setParameter("period", period)
                .setParameter("status", ReportStatus.VERIFIED)
                .getResultList();
    }

    boolean periodReported(UUID itemId, Period period) {
        return getEntityManager()
                        .createQuery(
                                "select count(*) from ProgressReport r where r.itemId = :item and r.period = :period",
                                Long.class)
                        .setParameter("item", itemId)
                        .setParameter("period", period)
                        .getSingleResult()
                > 0;
    }

    PlanItem itemById(UUID itemId) {
        return getEntityManager().find(PlanItem.class, itemId);
    }

    /**
     * The plan of a progress report named by its id alone, if the caller may see it; 404 with the report's message
     * when the report does not exist or its plan is hidden (for records kept with a report).
     */
    public ActionPlan planOfReport(UUID reportId) {
        ProgressReport report = reportId == null ? null : getEntityManager().find(ProgressReport.class, reportId);
        if (report == null) {
            throw ProblemException.notFound(Message.of("plan.report.not-found", "id", reportId));
        }
        try {
            return visible(report.planId);
        } catch (ProblemException e) {
            throw ProblemException.notFound(Message.of("plan.report.not-found", "id", reportId));
        }
    }
}
