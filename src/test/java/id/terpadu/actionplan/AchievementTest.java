package id.terpadu.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.terpadu.actionplan.ActionPlanDtos.PeriodAchievement;
import id.terpadu.actionplan.ActionPlanDtos.StageAchievement;

/**
 * The achievement of a Rencana Aksi Terpadu (Permendagri 42/2015), as {@link Achievement#RULE} states it, computed
 * on plain objects (no Quarkus boot, no database): target against verified cumulative realisation per item, capped at
 * 100, every item weighing the same, grouped by the stages of UU 7/2012.
 */
class AchievementTest {

    private static final int YEAR = 2024;
    /** A day inside B08 (May–August 2024). */
    private static final LocalDate IN_B08 = LocalDate.of(YEAR, 6, 15);

    @Test
    void percentageIsRealisationOverTargetToTwoDecimalsRoundedHalfUp() {
        assertThat(Achievement.percentage(dec("3"), dec("4")))
                .isEqualByComparingTo("75.00")
                .hasScaleOf(2);
        assertThat(Achievement.percentage(dec("1"), dec("3"))).isEqualByComparingTo("33.33");
        assertThat(Achievement.percentage(dec("2"), dec("3"))).isEqualByComparingTo("66.67");
        // 1 / 800 × 100 = 0.125: the half rounds up
        assertThat(Achievement.percentage(dec("1"), dec("800"))).isEqualByComparingTo("0.13");
        assertThat(Achievement.percentage(dec("0"), dec("7"))).isEqualByComparingTo("0.00");
        assertThat(Achievement.percentage(dec("0.01"), dec("999999999999"))).isEqualByComparingTo("0.00");
    }

    @Test
    void percentageIsNotCappedOnTheReportItself() {
        assertThat(Achievement.percentage(dec("5"), dec("4"))).isEqualByComparingTo("125.00");
    }

    @Test
    void aZeroTargetCannotBeComputedAndIsRefusedBeforeItGetsHere() {
        // PlanItemInput.targetValue is @DecimalMin("0.01"): the rule itself has no answer for 0
        assertThatThrownBy(() -> Achievement.percentage(dec("1"), BigDecimal.ZERO))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void eachItemScoresItsVerifiedReportCappedAt100AndItemsWithoutOneScoreZero() {
        PlanItem onTrack = item(PlanStage.PENCEGAHAN, "4");
        PlanItem overAchieved = item(PlanStage.PENCEGAHAN, "2");
        PlanItem onlySubmitted = item(PlanStage.PENGHENTIAN, "10");
        List<ProgressReport> reports = List.of(
                report(onTrack, Period.B08, "3", ReportStatus.VERIFIED),
                report(overAchieved, Period.B08, "5", ReportStatus.VERIFIED),
                report(onlySubmitted, Period.B08, "10", ReportStatus.SUBMITTED));

        PeriodAchievement a =
                Achievement.of(YEAR, Period.B08, List.of(onTrack, overAchieved, onlySubmitted), reports, IN_B08);

        assertThat(a.period()).isEqualTo(Period.B08);
        assertThat(a.startsOn()).isEqualTo(LocalDate.of(YEAR, 5, 1));
        assertThat(a.endsOn()).isEqualTo(LocalDate.of(YEAR, 8, 31));
        assertThat(a.started()).isTrue();
        // (75 + min(250, 100) + 0) / 3
        assertThat(a.overall()).isEqualByComparingTo("58.33");
        assertThat(a.stages())
                .extracting(StageAchievement::stage)
                .containsExactly(PlanStage.PENCEGAHAN, PlanStage.PENGHENTIAN, PlanStage.PEMULIHAN);
        assertStage(a, PlanStage.PENCEGAHAN, 2, 2, "87.50");
        assertStage(a, PlanStage.PENGHENTIAN, 1, 0, "0.00");
        // a stage without items has no figure, rather than 0
        assertStage(a, PlanStage.PEMULIHAN, 0, 0, null);
    }

    @Test
    void onlyVerifiedReportsOfThatPeriodCount() {
        PlanItem item = item(PlanStage.PEMULIHAN, "10");
        for (ReportStatus status : List.of(ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.RETURNED)) {
            PeriodAchievement a = Achievement.of(
                    YEAR, Period.B08, List.of(item), List.of(report(item, Period.B08, "10", status)), IN_B08);
            assertThat(a.overall()).as(status.name()).isEqualByComparingTo("0.00");
            assertStage(a, PlanStage.PEMULIHAN, 1, 0, "0.00");
        }
        // realisation is cumulative per period: B04's verified report says nothing about B08
        PeriodAchievement a = Achievement.of(
                YEAR,
                Period.B08,
                List.of(item),
                List.of(report(item, Period.B04, "10", ReportStatus.VERIFIED)),
                IN_B08);
        assertThat(a.overall()).isEqualByComparingTo("0.00");
        PeriodAchievement b04 = Achievement.of(
                YEAR,
                Period.B04,
                List.of(item),
                List.of(report(item, Period.B04, "10", ReportStatus.VERIFIED)),
                IN_B08);
        assertThat(b04.overall()).isEqualByComparingTo("100.00");
    }

    @Test
    void aReportOfAnItemNotInTheListIsIgnored() {
        PlanItem item = item(PlanStage.PENCEGAHAN, "4");
        PlanItem other = item(PlanStage.PENCEGAHAN, "4");
        PeriodAchievement a = Achievement.of(
                YEAR,
                Period.B08,
                List.of(item),
                List.of(report(other, Period.B08, "4", ReportStatus.VERIFIED)),
                IN_B08);
        assertThat(a.overall()).isEqualByComparingTo("0.00");
        assertStage(a, PlanStage.PENCEGAHAN, 1, 0, "0.00");
    }

    @Test
    void everyItemWeighsTheSameWhateverItsTarget() {
        PlanItem big = item(PlanStage.PENCEGAHAN, "1000");
        PlanItem small = item(PlanStage.PEMULIHAN, "1");
        PeriodAchievement a = Achievement.of(
                YEAR,
                Period.B12,
                List.of(big, small),
                List.of(report(big, Period.B12, "1000", ReportStatus.VERIFIED)),
                LocalDate.of(YEAR, 12, 31));
        // not (1000 + 0) / (1000 + 1)
        assertThat(a.overall()).isEqualByComparingTo("50.00");
        assertStage(a, PlanStage.PENCEGAHAN, 1, 1, "100.00");
        assertStage(a, PlanStage.PEMULIHAN, 1, 0, "0.00");
    }

    @Test
    void theMeanIsRoundedHalfUpToTwoDecimals() {
        List<PlanItem> items = new ArrayList<>();
        List<ProgressReport> reports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PlanItem item = item(PlanStage.PENGHENTIAN, "3");
            items.add(item);
            if (i < 2) {
                reports.add(report(item, Period.B04, "3", ReportStatus.VERIFIED));
            }
        }
        PeriodAchievement a = Achievement.of(YEAR, Period.B04, items, reports, LocalDate.of(YEAR, 2, 1));
        assertThat(a.overall()).isEqualByComparingTo("66.67").hasScaleOf(2);
        // the capped scores are added before the mean is taken: 33.33 + 33.33 + 33.33 = 99.99 → 33.33
        List<ProgressReport> thirds = items.stream()
                .map(i -> report(i, Period.B04, "1", ReportStatus.VERIFIED))
                .toList();
        assertThat(Achievement.of(YEAR, Period.B04, items, thirds, LocalDate.of(YEAR, 2, 1))
                        .overall())
                .isEqualByComparingTo("33.33");
    }

    @Test
    void aPeriodHasNoFigureBeforeItsFirstDay() {
        PlanItem item = item(PlanStage.PENCEGAHAN, "4");
        List<ProgressReport> reports = List.of(report(item, Period.B08, "4", ReportStatus.VERIFIED));

        PeriodAchievement before = Achievement.of(YEAR, Period.B08, List.of(item), reports, LocalDate.of(YEAR, 4, 30));
        assertThat(before.started()).isFalse();
        assertThat(before.overall()).isNull();
        assertThat(before.stages()).allSatisfy(s -> assertThat(s.achievement()).isNull());
        // the counts are still given
        assertStage(before, PlanStage.PENCEGAHAN, 1, 1, null);

        PeriodAchievement firstDay = Achievement.of(YEAR, Period.B08, List.of(item), reports, LocalDate.of(YEAR, 5, 1));
        assertThat(firstDay.started()).isTrue();
        assertThat(firstDay.overall()).isEqualByComparingTo("100.00");

        // a period of a later year has not started either
        assertThat(Achievement.of(YEAR + 1, Period.B04, List.of(item), reports, LocalDate.of(YEAR, 12, 31))
                        .started())
                .isFalse();
    }

    @Test
    void aPlanWithoutItemsHasNoOverallFigure() {
        PeriodAchievement a = Achievement.of(YEAR, Period.B08, List.of(), List.of(), IN_B08);
        assertThat(a.started()).isTrue();
        assertThat(a.overall()).isNull();
        assertThat(a.stages()).hasSize(3).allSatisfy(s -> {
            assertThat(s.items()).isZero();
            assertThat(s.verifiedItems()).isZero();
            assertThat(s.achievement()).isNull();
        });
    }

    @Test
    void theRuleTextNamesWhatTheCodeDoes() {
        assertThat(Achievement.RULE)
                .contains(
                        "min(100, realisation / target × 100)",
                        "VERIFIED",
                        "scores 0",
                        "every item weighs the same",
                        "two decimals",
                        "Before a period starts it has no figure");
    }

    private static void assertStage(PeriodAchievement a, PlanStage stage, int items, int verified, String achievement) {
        StageAchievement s =
                a.stages().stream().filter(x -> x.stage() == stage).findFirst().orElseThrow();
        assertThat(s.items()).as("%s items", stage).isEqualTo(items);
        assertThat(s.verifiedItems()).as("%s verified items", stage).isEqualTo(verified);
        if (achievement == null) {
            assertThat(s.achievement()).as("%s achievement", stage).isNull();
        } else {
            assertThat(s.achievement()).as("%s achievement", stage).isEqualByComparingTo(achievement);
        }
    }

    private static PlanItem item(PlanStage stage, String target) {
        PlanItem item = new PlanItem();
        item.id = UUID.randomUUID();
        item.stage = stage;
        item.targetValue = dec(target);
        return item;
    }

    private static ProgressReport report(PlanItem item, Period period, String realisation, ReportStatus status) {
        ProgressReport report = new ProgressReport();
        report.id = UUID.randomUUID();
        report.itemId = item.id;
        report.period = period;
        report.realisation = dec(realisation);
        report.status = status;
        return report;
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
