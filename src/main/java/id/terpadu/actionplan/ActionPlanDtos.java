package id.terpadu.actionplan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.terpadu.common.http.Attachable;
import id.terpadu.common.http.Versioned;
import id.terpadu.common.validation.Constraints;
import id.terpadu.team.TeamLevel;

/** Request and response bodies of {@code /api/v1/action-plans}. */
public final class ActionPlanDtos {

    private ActionPlanDtos() {}

    @Schema(
            name = "ActionPlanInput",
            description =
                    "A Rencana Aksi Terpadu: one per team per year. The team and year " + "are fixed once created.")
    public record ActionPlanInput(
            @Schema(description = "Client-chosen id (create only)", example = "5b1d3f5a-7c9e-4b1d-8f3a-5c7e9b1d3f5a")
            UUID id,

            @NotNull @Schema(example = "a7e4c1d2-0b3f-4e5a-9c8d-7f6e5d4c3b2a")
            UUID teamId,

            @NotNull @Min(2012) @Max(2100) @Schema(example = "2024")
            Integer year,

            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Rencana Aksi Terpadu Penanganan Konflik Sosial Provinsi Sumatera Barat 2024")
            String title,

            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(
                    description = "The act that enacts it, if any (e.g. a Pergub)",
                    example = "Keputusan Gubernur Sumatera Barat No. 300.2-112-2024")
            String decree) {}

    @Schema(name = "ActionPlan")
    public record ActionPlanResponse(
            UUID id,
            UUID teamId,
            @Schema(description = "The team's level") TeamLevel level,

            @Schema(description = "The team's region; null for the national team", example = "13")
            String regionCode,

            @Schema(example = "2024") int year,

            @Schema(example = "Rencana Aksi Terpadu Penanganan Konflik Sosial Provinsi Sumatera Barat 2024")
            String title,

            String decree,

            @Schema(description = "Version; also the ETag", example = "0")
            long version,

            Instant createdAt,
            Instant updatedAt)
            implements Versioned {}

    @Schema(
            name = "ActionPlanItemInput",
            description = "One activity of the plan. The schedule lies within the plan's year.")
    public record PlanItemInput(
            @Schema(description = "Client-chosen id (create only)")
            UUID id,

            @NotNull PlanStage stage,

            @NotBlank @Size(max = 1000) @Schema(example = "Rapat koordinasi deteksi dini menjelang Pilkada")
            String activity,

            @NotBlank @Size(max = 1000) @Schema(example = "Jumlah rapat koordinasi yang terlaksana")
            String indicator,

            @NotNull
            @DecimalMin(value = "0.01")
            @DecimalMax("999999999999")
            @Digits(integer = 12, fraction = 2)
            @Schema(example = "4")
            BigDecimal targetValue,

            @NotBlank
            @Size(max = 100)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "kali")
            String targetUnit,

            @NotNull @Schema(example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
            UUID responsibleAgencyId,

            @Size(max = 20) List<@NotNull UUID> supportingAgencyIds,

            @PositiveOrZero
            @Max(1_000_000_000_000_000L)
            @Schema(description = "Budget in rupiah, optional", example = "75000000")
            Long budgetIdr,

            @NotNull @Schema(example = "2024-01-15") LocalDate startsOn,
            @NotNull @Schema(example = "2024-11-30") LocalDate endsOn) {}

    @Schema(name = "ActionPlanTarget")
    public record Target(
            @Schema(example = "4") BigDecimal value,
            @Schema(example = "kali") String unit) {}

    @Schema(name = "ActionPlanItem")
    public record PlanItemResponse(
            UUID id,
            UUID planId,
            PlanStage stage,
            String activity,
            String indicator,
            Target target,
            UUID responsibleAgencyId,
            List<UUID> supportingAgencyIds,
            Long budgetIdr,
            LocalDate startsOn,
            LocalDate endsOn,
            long version,
            Instant createdAt,
            Instant updatedAt)
            implements Versioned {

        static PlanItemResponse from(PlanItem i) {
            return new PlanItemResponse(
                    i.id,
                    i.planId,
                    i.stage,
                    i.activity,
                    i.indicator,
                    new Target(i.targetValue, i.targetUnit),
                    i.responsibleAgencyId,
                    i.supportingAgencyIds,
                    i.budgetIdr,
                    i.startsOn,
                    i.endsOn,
                    i.version,
                    i.createdAt,
                    i.updatedAt);
        }
    }

    @Schema(
            name = "ProgressReportInput",
            description = "Cumulative realisation up to the end of the period, in the " + "item's target unit.")
    public record ReportInput(
            @Schema(description = "Client-chosen id (create only)")
            UUID id,

            @NotNull Period period,

            @NotNull
            @DecimalMin("0")
            @DecimalMax("999999999999")
            @Digits(integer = 12, fraction = 2)
            @Schema(example = "2")
            BigDecimal realisation,

            @Size(max = 5000) @Schema(example = "Jadwal rapat bergeser karena tahapan kampanye")
            String obstacles,

            @Size(max = 20) List<@Valid @NotNull Evidence> evidence) {}

    @Schema(name = "ProgressReportTransitionInput")
    public record ReportTransitionInput(
            @NotNull ReportStatus to,

            @Size(max = 5000)
            @Schema(description = "Required when RETURNED: what to correct", example = "Lampirkan notulen rapat kedua")
            String note) {}

    @Schema(
            name = "ProgressReportReopeningInput",
            description = "Why a VERIFIED progress report is reopened, back to SUBMITTED for the level above to review "
                    + "again")
    public record ReportReopeningInput(
            @NotBlank
            @Size(max = 2000)
            @Schema(example = "Realisasi B04 ternyata menghitung rapat yang dibatalkan; laporan perlu ditinjau ulang")
            String reason) {}

    @Schema(name = "ProgressReport")
    public record ReportResponse(
            UUID id,
            UUID planId,
            UUID itemId,
            Period period,
            @Schema(example = "2") BigDecimal realisation,

            @Schema(description = "realisation / target × 100, not capped (over-achievement shows)", example = "50.00")
            BigDecimal percentage,

            String obstacles,
            List<Evidence> evidence,
            ReportStatus status,
            Instant submittedAt,
            String submittedBy,
            Instant reviewedAt,
            String reviewedBy,
            String reviewNote,

            @Schema(
                    description = "Why the report was last reopened after VERIFIED (POST …/transitions/reopening); "
                            + "null when it never was. The history holds every reopening")
            String reopeningReason,

            Instant reopenedAt,

            @Schema(description = "The account (subject) that last reopened it")
            String reopenedBy,

            long version,
            Instant createdAt,
            Instant updatedAt,

            @Schema(
                    description =
                            "Attachments of this record you may read (uploads under way and refused ones are not counted)",
                    minimum = "0",
                    example = "2")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Integer attachments)
            implements Attachable<ReportResponse> {

        @Override
        public ReportResponse withAttachments(int count) {
            return new ReportResponse(
                    id,
                    planId,
                    itemId,
                    period,
                    realisation,
                    percentage,
                    obstacles,
                    evidence,
                    status,
                    submittedAt,
                    submittedBy,
                    reviewedAt,
                    reviewedBy,
                    reviewNote,
                    reopeningReason,
                    reopenedAt,
                    reopenedBy,
                    version,
                    createdAt,
                    updatedAt,
                    count);
        }

        static ReportResponse from(ProgressReport r) {
            return new ReportResponse(
                    r.id,
                    r.planId,
                    r.itemId,
                    r.period,
                    r.realisation,
                    r.percentage,
                    r.obstacles,
                    r.evidence,
                    r.status,
                    r.submittedAt,
                    r.submittedBy,
                    r.reviewedAt,
                    r.reviewedBy,
                    r.reviewNote,
                    r.reopeningReason,
                    r.reopenedAt,
                    r.reopenedBy,
                    r.version,
                    r.createdAt,
                    r.updatedAt,
                    null);
        }
    }

    @Schema(name = "StageAchievement")
    public record StageAchievement(
            PlanStage stage,
            @Schema(example = "3") int items,

            @Schema(description = "Items with a VERIFIED report for the period", example = "2")
            int verifiedItems,

            @Schema(
                    description =
                            "Mean of the items' capped percentages; null before the period starts or without items",
                    example = "66.67")
            BigDecimal achievement) {}

    @Schema(name = "PeriodAchievement")
    public record PeriodAchievement(
            Period period,
            LocalDate startsOn,
            LocalDate endsOn,
            boolean started,
            @Schema(example = "72.50") BigDecimal overall,
            List<StageAchievement> stages) {}

    @Schema(name = "ActionPlanAchievement")
    public record AchievementResponse(
            UUID planId,
            int year,

            @Schema(description = "How the figures are computed")
            String rule,

            List<PeriodAchievement> periods) {}

    @Schema(name = "ActionPlanRecapRow")
    public record RecapRow(
            @Schema(description = "1 is best; equal achievements share a rank", example = "1")
            int rank,

            @Schema(example = "13") String provinceCode,
            @Schema(example = "Sumatera Barat") String provinceName,
            UUID planId,
            @Schema(example = "12") int items,
            @Schema(example = "10") int verifiedItems,
            @Schema(example = "84.29") BigDecimal achievement) {}

    @Schema(name = "ActionPlanRecap")
    public record RecapResponse(
            @Schema(example = "2024") int year, Period period, boolean started, String rule, List<RecapRow> rows) {}
}
