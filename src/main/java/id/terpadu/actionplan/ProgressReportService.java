package id.terpadu.actionplan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import id.terpadu.actionplan.ActionPlanDtos.ReportInput;
import id.terpadu.actionplan.ActionPlanDtos.ReportReopeningInput;
import id.terpadu.actionplan.ActionPlanDtos.ReportResponse;
import id.terpadu.actionplan.ActionPlanDtos.ReportTransitionInput;
import id.terpadu.common.changelog.ChangeEntry;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.persistence.AttachmentCounts;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Role;
import id.terpadu.team.Team;
import id.terpadu.team.TeamLevel;
import id.terpadu.team.TeamRepository;

/**
 * Progress reports of Rencana Aksi Terpadu and their review: one per item and four-monthly period (B04, B08, B12).
 * Rules: no report for a period that has not started; only the team's secretariat (its agency, claim
 * {@code agency_id}) submits; the level above verifies or returns (kabupaten/kota → provinsi → nasional); a verified
 * report never changes.
 */
@ApplicationScoped
public class ProgressReportService {

    /** Progress reports; one per item and period. */
    @Produces
    public static final RecordType REPORT = RecordType.published("action-plan-report", ProgressReport.class)
            .constraint("action_plan_report_item_id_period_key", Message.of("plan.report.period.exists"));

    private final ActionPlanRepository plans;
    private final TeamRepository teams;
    private final Caller caller;
    private final ChangeLog changeLog;
    private final Records records;
    private final AttachmentCounts counts;

    ProgressReportService(
            ActionPlanRepository plans,
            TeamRepository teams,
            Caller caller,
            ChangeLog changeLog,
            Records records,
            AttachmentCounts counts) {
        this.counts = counts;
        this.plans = plans;
        this.teams = teams;
        this.caller = caller;
        this.changeLog = changeLog;
        this.records = records;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReportResponse> reports(
            UUID planId, Period period, ReportStatus status, UUID itemId, PageRequest page) {
        plans.visible(planId);
        Filter filter = new Filter()
                .and("e.planId = :?", planId)
                .andIf(period, "e.period = :?", period)
                .andIf(status, "e.status = :?", status)
                .andIf(itemId, "e.itemId = :?", itemId);
        return counts.countedPage(plans.reports(filter, page).map(ReportResponse::from));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportResponse report(UUID planId, UUID reportId) {
        plans.visible(planId);
        return counts.counted(ReportResponse.from(plans.report(planId, reportId)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> reportHistory(UUID planId, UUID reportId, PageRequest page) {
        plans.visible(planId);
        plans.report(planId, reportId);
        return changeLog.history(REPORT, reportId, page);
    }

    @Transactional
    public ReportResponse addReport(UUID planId, UUID itemId, ReportInput input) {
        ActionPlan plan = plans.writable(planId);
        Team team = teams.findById(plan.teamId);
        PlanItem item = plans.item(planId, itemId);
        LocalDate start = input.period().startsOn(plan.year);
        if (ActionPlanService.today().isBefore(start)) {
            throw ProblemException.conflict(Message.of(
                    "plan.report.period.not-started", "period", input.period(), "year", plan.year, "date", start));
        }
        if (plans.periodReported(itemId, input.period())) {
            throw ProblemException.conflict(Message.of("plan.report.period.taken", "period", input.period()));
        }
        ProgressReport report = new ProgressReport();
        report.id = records.newId(ProgressReport.class, input.id());
        report.planId = planId;
        report.itemId = itemId;
        report.period = input.period();
        report.status = ReportStatus.DRAFT;
        applyReport(report, item, input);
        return counts.counted(records.created(report, REPORT, team.regionCode, ReportResponse::from));
    }

    @Transactional
    public ReportResponse replaceReport(UUID planId, UUID reportId, Long expectedVersion, ReportInput input) {
        ActionPlan plan = plans.writable(planId);
        Team team = teams.findById(plan.teamId);
        ProgressReport report = plans.report(planId, reportId);
        Records.checkReplace(report, input.id(), expectedVersion);
        requireEditable(report);
        if (input.period() != report.period) {
            throw ProblemException.invalid("period", Message.of("plan.report.period.fixed", "period", report.period));
        }
        applyReport(report, plans.itemById(report.itemId), input);
        return counts.counted(records.updated(report, REPORT, team.regionCode, ReportResponse::from));
    }

    @Transactional
    public void deleteReport(UUID planId, UUID reportId, Long expectedVersion) {
        ActionPlan plan = plans.writable(planId);
        Team team = teams.findById(plan.teamId);
        ProgressReport report = plans.report(planId, reportId);
        ETags.check(expectedVersion, report.version);
        requireEditable(report);
        records.deleted(report, REPORT, team.regionCode);
    }

    private static void requireEditable(ProgressReport report) {
        if (!report.status.editable()) {
            throw ProblemException.conflict(
                    report.status == ReportStatus.VERIFIED
                            ? Message.of("plan.report.final")
                            : Message.of("plan.report.not-editable", "status", report.status));
        }
    }

    private static void applyReport(ProgressReport report, PlanItem item, ReportInput input) {
        report.realisation = input.realisation().setScale(2, java.math.RoundingMode.UNNECESSARY);
        report.percentage = Achievement.percentage(report.realisation, item.targetValue);
        report.obstacles = input.obstacles() == null || input.obstacles().isBlank()
                ? null
                : input.obstacles().trim();
        report.evidence = input.evidence() == null ? new ArrayList<>() : new ArrayList<>(input.evidence());
    }

    /**
     * Submits, verifies or returns a report. The team's secretariat (the caller's agency) submits; a caller of the
     * level above the team verifies or returns: the province for a kabupaten/kota team, national scope for a
     * province team and for the national team.
     */
    @Transactional
    public ReportResponse transition(UUID planId, UUID reportId, Long expectedVersion, ReportTransitionInput input) {
        ActionPlan plan = plans.visible(planId);
        Team team = teams.findById(plan.teamId);
        ProgressReport report = plans.report(planId, reportId);
        ETags.check(expectedVersion, report.version);
        ReportStatus from = report.status;
        ReportStatus.TABLE.require(
                from,
                input.to(),
                () -> from == ReportStatus.VERIFIED
                        ? Message.of("plan.report.transition.final", "to", input.to())
                        : Message.of("plan.report.transition.refused", "from", from, "to", input.to()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (input.to() == ReportStatus.SUBMITTED) {
            caller.scope().requireWritable(team.regionCode, "regionCode");
            if (team.secretariatAgencyId == null || !team.secretariatAgencyId.equals(caller.agencyId())) {
                throw ProblemException.forbidden(Message.of("plan.report.submit.refused"));
            }
            report.submittedAt = now;
            report.submittedBy = caller.subject();
            report.reviewedAt = null;
            report.reviewedBy = null;
        } else {
            String above = levelAbove(team);
            if (!caller.scope().covers(above) || !(caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_))) {
                throw ProblemException.forbidden(
                        above == null
                                ? Message.of("plan.report.verify.national", "level", team.level)
                                : Message.of("plan.report.verify.province", "level", team.level, "province", above));
            }
            if (input.to() == ReportStatus.RETURNED
                    && (input.note() == null || input.note().isBlank())) {
                throw ProblemException.invalid("note", Message.of("plan.report.note.returned"));
            }
            report.reviewedAt = now;
            report.reviewedBy = caller.subject();
        }
        report.reviewNote = input.note() == null || input.note().isBlank()
                ? report.reviewNote
                : input.note().trim();
        report.status = input.to();
        return counts.counted(records.updated(report, REPORT, team.regionCode, ReportResponse::from));
    }

    /**
     * Reopens a VERIFIED report: back to SUBMITTED, the state before it, with a mandatory reason (a figure found
     * wrong after the verification). A move of its own, outside {@link ReportStatus#TABLE} (which keeps VERIFIED
     * final), for an ADMIN or COORDINATOR of the team's region or above (the resource's roles and {@code writable}).
     * SUBMITTED rather than RETURNED: the content still changes only once the level above returns it, so its review
     * stands; the review's time and reviewer are cleared (the history keeps them), and the report keeps the reason, who
     * and when. Not VERIFIED: 409.
     */
    @Transactional
    public ReportResponse reopen(UUID planId, UUID reportId, Long expectedVersion, ReportReopeningInput input) {
        ActionPlan plan = plans.writable(planId);
        Team team = teams.findById(plan.teamId);
        ProgressReport report = plans.report(planId, reportId);
        ETags.check(expectedVersion, report.version);
        if (report.status != ReportStatus.VERIFIED) {
            throw ProblemException.conflict(Message.of("plan.report.reopen.not-verified", "status", report.status));
        }
        report.status = ReportStatus.SUBMITTED;
        report.reviewedAt = null;
        report.reviewedBy = null;
        report.reopeningReason = input.reason().trim();
        report.reopenedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        report.reopenedBy = caller.subject();
        return counts.counted(records.updated(report, REPORT, team.regionCode, ReportResponse::from));
    }

    /** The region whose callers review a team's reports: the province of a kabupaten/kota, else national (null). */
    static String levelAbove(Team team) {
        return team.level == TeamLevel.KABUPATEN_KOTA ? team.regionCode.substring(0, 2) : null;
    }
}
