package id.terpadu.actionplan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.terpadu.actionplan.ActionPlanDtos.PeriodAchievement;
import id.terpadu.actionplan.ActionPlanDtos.StageAchievement;

/** The one rule by which a plan's achievement is computed, for a plan and for the national recap. */
final class Achievement {

    static final String RULE = "For each period, an item scores min(100, realisation / target × 100) from its VERIFIED "
            + "report of that period (realisation is cumulative to the period's end); an item without a verified report "
            + "scores 0. A stage's achievement is the mean score of its items, the overall achievement the mean score of "
            + "all items (every item weighs the same), rounded to two decimals. Before a period starts it has no figure.";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Achievement() {}

    /** realisation / target × 100, two decimals, not capped. */
    static BigDecimal percentage(BigDecimal realisation, BigDecimal target) {
        return realisation.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP);
    }

    static PeriodAchievement of(
            int year, Period period, List<PlanItem> items, List<ProgressReport> reports, LocalDate today) {
        Map<UUID, ProgressReport> verified = reports.stream()
                .filter(r -> r.period == period && r.status == ReportStatus.VERIFIED)
                .collect(Collectors.toMap(r -> r.itemId, Function.identity()));
        boolean started = !today.isBefore(period.startsOn(year));
        List<StageAchievement> stages = new ArrayList<>();
        for (PlanStage stage : PlanStage.values()) {
            List<PlanItem> ofStage =
                    items.stream().filter(i -> i.stage == stage).toList();
            stages.add(new StageAchievement(
                    stage,
                    ofStage.size(),
                    (int) ofStage.stream()
                            .filter(i -> verified.containsKey(i.id))
                            .count(),
                    started ? mean(ofStage, verified) : null));
        }
        return new PeriodAchievement(
                period,
                period.startsOn(year),
                period.endsOn(year),
                started,
                started ? mean(items, verified) : null,
                stages);
    }

    private static BigDecimal mean(List<PlanItem> items, Map<UUID, ProgressReport> verified) {
        if (items.isEmpty()) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (PlanItem item : items) {
            ProgressReport report = verified.get(item.id);
            if (report != null) {
                total = total.add(
                        percentage(report.realisation, item.targetValue).min(HUNDRED));
            }
        }
        return total.divide(BigDecimal.valueOf(items.size()), 2, RoundingMode.HALF_UP);
    }
}
