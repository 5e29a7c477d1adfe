package id.terpadu.actionplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import id.terpadu.actionplan.ActionPlanDtos.AchievementResponse;
import id.terpadu.actionplan.ActionPlanDtos.PeriodAchievement;
import id.terpadu.actionplan.ActionPlanDtos.RecapResponse;
import id.terpadu.actionplan.ActionPlanDtos.RecapRow;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.security.Caller;
import id.terpadu.team.Team;
import id.terpadu.team.TeamLevel;

/**
 * Rencana Aksi Terpadu (Permendagri 42/2015): one plan per team per year, items by stage, and progress reports per
 * item and period. Rules: a plan's region is its team's, written by callers whose scope covers it; the schedule of an
 * item lies within the plan's year; no report for a period that has not started; only the team's secretariat
 * (its agency, claim {@code agency_id}) submits; the level above verifies or returns (kabupaten/kota → provinsi →
 * nasional); a verified report never changes.
 */
/**
 * How far Rencana Aksi Terpadu got: a plan's achievement per period, and the recap that ranks the province teams'
 * plans of a year. Only verified reports count (see {@link Achievement}).
 */
@ApplicationScoped
public class AchievementService {

    private final EntityManager em;
    private final Caller caller;
    private final ActionPlanService plans;

    AchievementService(EntityManager em, Caller caller, ActionPlanService plans) {
        this.em = em;
        this.caller = caller;
        this.plans = plans;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AchievementResponse achievement(UUID planId) {
        ActionPlan plan = plans.visible(planId);
        List<PlanItem> items = plans.itemsOf(planId);
        List<ProgressReport> reports = plans.reportsOf(planId);
        LocalDate today = ActionPlanService.today();
        List<PeriodAchievement> periods = new ArrayList<>();
        for (Period period : Period.values()) {
            periods.add(Achievement.of(plan.year, period, items, reports, today));
        }
        return new AchievementResponse(planId, plan.year, Achievement.RULE, periods);
    }

    /** Province teams' plans of a year ranked by their overall achievement in a period, among those the caller sees. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RecapResponse recap(int year, Period period) {
        Filter filter = caller.scope().restrict(new Filter().and("p.teamId = t.id"), "t.regionCode")
                .and("t.level = :?", TeamLevel.PROVINSI).and("p.year = :?", year);
        var query = em.createQuery("select p, t.regionCode from ActionPlan p, Team t where " + filter.where(), Object[].class);
        filter.parameters().forEach(query::setParameter);
        List<Object[]> plans = query.getResultList();
        boolean started = !ActionPlanService.today().isBefore(period.startsOn(year));
        if (plans.isEmpty()) {
            return new RecapResponse(year, period, started, Achievement.RULE, List.of());
        }
        List<UUID> ids = plans.stream().map(row -> ((ActionPlan) row[0]).id).toList();
        List<PlanItem> items = em.createQuery("from PlanItem i where i.planId in :ids", PlanItem.class)
                .setParameter("ids", ids).getResultList();
        List<ProgressReport> reports = em.createQuery(
                "from ProgressReport r where r.planId in :ids and r.period = :period and r.status = :status", ProgressReport.class)
                .setParameter("ids", ids).setParameter("period", period).setParameter("status", ReportStatus.VERIFIED)
                .getResultList();
        Map<String, String> names = new HashMap<>();
        em.createQuery("select r.code, r.name from Region r where r.code in :codes", Object[].class)
                .setParameter("codes", plans.stream().map(row -> (String) row[1]).toList()).getResultList()
                .forEach(row -> names.put((String) row[0], (String) row[1]));
        record Scored(ActionPlan plan, String province, int items, int verified, BigDecimal achievement) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Object[] row : plans) {
            ActionPlan plan = (ActionPlan) row[0];
            List<PlanItem> own = items.stream().filter(i -> i.planId.equals(plan.id)).toList();
            List<ProgressReport> ownReports = reports.stream().filter(r -> r.planId.equals(plan.id)).toList();
            PeriodAchievement a = Achievement.of(year, period, own, ownReports, ActionPlanService.today());
            scored.add(new Scored(plan, (String) row[1], own.size(),
                    a.stages().stream().mapToInt(ActionPlanDtos.StageAchievement::verifiedItems).sum(), a.overall()));
        }
        scored.sort(Comparator.comparing(Scored::achievement, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Scored::province));
        List<RecapRow> rows = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            int rank = i > 0 && java.util.Objects.equals(s.achievement(), scored.get(i - 1).achievement())
                    ? rows.get(i - 1).rank() : i + 1;
            rows.add(new RecapRow(rank, s.province(), names.get(s.province()), s.plan().id, s.items(), s.verified(),
                    s.achievement()));
        }
        return new RecapResponse(year, period, started, Achievement.RULE, rows);
    }
}
