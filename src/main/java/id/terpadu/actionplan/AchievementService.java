package id.terpadu.actionplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.terpadu.actionplan.ActionPlanDtos.AchievementResponse;
import id.terpadu.actionplan.ActionPlanDtos.PeriodAchievement;
import id.terpadu.actionplan.ActionPlanDtos.RecapResponse;
import id.terpadu.actionplan.ActionPlanDtos.RecapRow;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.security.Caller;
import id.terpadu.region.RegionService;
import id.terpadu.team.TeamLevel;

/**
 * How far Rencana Aksi Terpadu got: a plan's achievement per period, and the recap that ranks the province teams'
 * plans of a year. Only verified reports count (see {@link Achievement}).
 */
@ApplicationScoped
public class AchievementService {

    private final ActionPlanRepository plans;
    private final RegionService regions;
    private final Caller caller;

    AchievementService(ActionPlanRepository plans, RegionService regions, Caller caller) {
        this.plans = plans;
        this.regions = regions;
        this.caller = caller;
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
        Filter filter = caller.scope()
                .restrict(new Filter().and("p.teamId = t.id"), "t.regionCode")
                .and("t.level = :?", TeamLevel.PROVINSI)
                .and("p.year = :?", year);
        List<Object[]> found = plans.withRegion(filter);
        boolean started = !ActionPlanService.today().isBefore(period.startsOn(year));
        if (found.isEmpty()) {
            return new RecapResponse(year, period, started, Achievement.RULE, List.of());
        }
        List<UUID> ids = found.stream().map(row -> ((ActionPlan) row[0]).id).toList();
        List<PlanItem> items = plans.itemsOf(ids);
        List<ProgressReport> reports = plans.verifiedReports(ids, period);
        Map<String, String> names =
                regions.names(found.stream().map(row -> (String) row[1]).toList());
        record Scored(ActionPlan plan, String province, int items, int verified, BigDecimal achievement) {}
        List<Scored> scored = new ArrayList<>();
        for (Object[] row : found) {
            ActionPlan plan = (ActionPlan) row[0];
            List<PlanItem> own =
                    items.stream().filter(i -> i.planId.equals(plan.id)).toList();
            List<ProgressReport> ownReports =
                    reports.stream().filter(r -> r.planId.equals(plan.id)).toList();
            PeriodAchievement a = Achievement.of(year, period, own, ownReports, ActionPlanService.today());
            scored.add(new Scored(
                    plan,
                    (String) row[1],
                    own.size(),
                    a.stages().stream()
                            .mapToInt(ActionPlanDtos.StageAchievement::verifiedItems)
                            .sum(),
                    a.overall()));
        }
        scored.sort(Comparator.comparing(Scored::achievement, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Scored::province));
        List<RecapRow> rows = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            int rank = i > 0
                            && java.util.Objects.equals(
                                    s.achievement(), scored.get(i - 1).achievement())
                    ? rows.get(i - 1).rank()
                    : i + 1;
            rows.add(new RecapRow(
                    rank,
                    s.province(),
                    names.get(s.province()),
                    s.plan().id,
                    s.items(),
                    s.verified(),
                    s.achievement()));
        }
        return new RecapResponse(year, period, started, Achievement.RULE, rows);
    }
}
