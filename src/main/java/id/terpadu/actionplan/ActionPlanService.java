package id.terpadu.actionplan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import id.terpadu.common.changelog.RecordType;
import id.terpadu.actionplan.ActionPlanDtos.AchievementResponse;
import id.terpadu.actionplan.ActionPlanDtos.ActionPlanInput;
import id.terpadu.actionplan.ActionPlanDtos.ActionPlanResponse;
import id.terpadu.actionplan.ActionPlanDtos.PeriodAchievement;
import id.terpadu.actionplan.ActionPlanDtos.PlanItemInput;
import id.terpadu.actionplan.ActionPlanDtos.PlanItemResponse;
import id.terpadu.actionplan.ActionPlanDtos.RecapResponse;
import id.terpadu.actionplan.ActionPlanDtos.RecapRow;
import id.terpadu.actionplan.ActionPlanDtos.ReportInput;
import id.terpadu.actionplan.ActionPlanDtos.ReportResponse;
import id.terpadu.actionplan.ActionPlanDtos.ReportTransitionInput;
import id.terpadu.agency.AgencyService;
import id.terpadu.common.changelog.ChangeEntry;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.RegionScope;
import id.terpadu.common.security.Role;
import id.terpadu.common.region.RegionCode;
import id.terpadu.status.ConflictStatusService;
import id.terpadu.team.Team;
import id.terpadu.team.TeamLevel;
import id.terpadu.team.TeamService;

/**
 * Rencana Aksi Terpadu (Permendagri 42/2015): one plan per team per year, items by stage, and progress reports per
 * item and period. Rules: a plan's region is its team's, written by callers whose scope covers it; the schedule of an
 * item lies within the plan's year; no report for a period that has not started; only the team's secretariat
 * (its agency, claim {@code agency_id}) submits; the level above verifies or returns (kabupaten/kota → provinsi →
 * nasional); a verified report never changes.
 */
@ApplicationScoped
public class ActionPlanService {

    /** Action plans; one per team and year. */
    @Produces
    public static final RecordType PLAN = RecordType.published("action-plan", ActionPlan.class)
            .constraint("action_plan_team_id_year_key", Message.of("plan.year.exists"));
    /** Action-plan items. */
    @Produces
    public static final RecordType ITEM = RecordType.published("action-plan-item", PlanItem.class);
    /** Progress reports; one per item and period. */
    @Produces
    public static final RecordType REPORT = RecordType.published("action-plan-report", ProgressReport.class)
            .constraint("action_plan_report_item_id_period_key", Message.of("plan.report.period.exists"));
    private static final List<SortKey> ORDER = List.of(SortKey.integerDesc("e.year"), SortKey.uuid("e.id"));
    private static final List<SortKey> ITEM_ORDER = List.of(SortKey.instant("e.createdAt"), SortKey.uuid("e.id"));
    private static final List<SortKey> REPORT_ORDER = List.of(SortKey.enumName("e.period", Period.class), SortKey.uuid("e.id"));

    private final EntityManager em;
    private final Caller caller;
    private final ChangeLog changeLog;
    private final Records records;
    private final TeamService teams;
    private final AgencyService agencies;

    ActionPlanService(EntityManager em, Caller caller, ChangeLog changeLog, Records records, TeamService teams,
            AgencyService agencies) {
        this.em = em;
        this.caller = caller;
        this.changeLog = changeLog;
        this.records = records;
        this.teams = teams;
        this.agencies = agencies;
    }

    static LocalDate today() {
        return LocalDate.now(ConflictStatusService.ZONE);
    }

    // ---- plans ----------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ActionPlanResponse> list(UUID teamId, Integer year, TeamLevel level, String region, PageRequest page) {
        Filter filter = caller.scope().restrict(new Filter().and("e.teamId = t.id"), "t.regionCode")
                .andIf(teamId, "e.teamId = :?", teamId)
                .andIf(year, "e.year = :?", year)
                .andIf(level, "t.level = :?", level);
        if (region != null && !region.isBlank()) {
            RegionCode.require(region, "region");
            RegionScope.Columns.of("t.regionCode").within(filter, region);
        }
        Page<ActionPlan> plans = Keyset.page(em, ActionPlan.class, "ActionPlan e, Team t", filter, ORDER, page,
                p -> List.of(Integer.toString(p.year), p.id.toString()));
        Map<UUID, Team> byId = teamsOf(plans.items().stream().map(p -> p.teamId).toList());
        return plans.map(p -> view(p, byId.get(p.teamId)));
    }

    private Map<UUID, Team> teamsOf(List<UUID> ids) {
        Map<UUID, Team> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("from Team t where t.id in :ids", Team.class).setParameter("ids", ids).getResultList()
                    .forEach(t -> byId.put(t.id, t));
        }
        return byId;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ActionPlanResponse get(UUID id) {
        ActionPlan plan = visible(id);
        return view(plan, em.find(Team.class, plan.teamId));
    }

    /** The plan if the caller may see its team; 404 otherwise. */
    private ActionPlan visible(UUID id) {
        ActionPlan plan = id == null ? null : em.find(ActionPlan.class, id);
        Team team = plan == null ? null : em.find(Team.class, plan.teamId);
        if (team == null || !caller.scope().canRead(team.regionCode)) {
            throw ProblemException.notFound(Message.of("plan.not-found", "id", id));
        }
        return plan;
    }

    private Team writableTeam(ActionPlan plan) {
        Team team = em.find(Team.class, plan.teamId);
        caller.scope().requireWritable(team.regionCode, "regionCode");
        return team;
    }

    static ActionPlanResponse view(ActionPlan p, Team team) {
        return new ActionPlanResponse(p.id, p.teamId, team.level, team.regionCode, p.year, p.title, p.decree, p.version,
                p.createdAt, p.updatedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        visible(id);
        return changeLog.history(PLAN, id, page);
    }

    @Transactional
    public ActionPlanResponse create(ActionPlanInput input) {
        Team team = Records.referenced(() -> teams.visible(input.teamId()), "teamId");
        caller.scope().requireWritable(team.regionCode, "teamId");
        long existing = em.createQuery("select count(*) from ActionPlan p where p.teamId = :team and p.year = :year",
                Long.class).setParameter("team", team.id).setParameter("year", input.year()).getSingleResult();
        if (existing > 0) {
            throw ProblemException.conflict(Message.of("plan.year.taken", "year", input.year()));
        }
        ActionPlan plan = new ActionPlan();
        plan.id = records.newId(ActionPlan.class, input.id());
        plan.teamId = team.id;
        plan.year = input.year();
        apply(plan, input);
        return records.created(plan, PLAN, team.regionCode, p -> view(p, team));
    }

    @Transactional
    public ActionPlanResponse replace(UUID id, Long expectedVersion, ActionPlanInput input) {
        ActionPlan plan = visible(id);
        Team team = writableTeam(plan);
        Records.checkReplace(plan, input.id(), expectedVersion);
        if (!plan.teamId.equals(input.teamId()) || plan.year != input.year()) {
            throw ProblemException.invalid(plan.year != input.year() ? "year" : "teamId",
                    Message.of("plan.team-year.fixed"));
        }
        apply(plan, input);
        return records.updated(plan, PLAN, team.regionCode, p -> view(p, team));
    }

    private static void apply(ActionPlan plan, ActionPlanInput input) {
        plan.title = input.title().trim();
        plan.decree = input.decree() == null || input.decree().isBlank() ? null : input.decree().trim();
    }

    /** Deletes a plan that has no submitted or verified report, with its items and drafts (each with a tombstone). */
    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        ActionPlan plan = visible(id);
        Team team = writableTeam(plan);
        ETags.check(expectedVersion, plan.version);
        List<ProgressReport> reports = reportsOf(id);
        requireOnlyDrafts(reports, true);
        for (ProgressReport report : reports) {
            records.deleted(report, REPORT, team.regionCode);
        }
        for (PlanItem item : itemsOf(id)) {
            records.deleted(item, ITEM, team.regionCode);
        }
        records.deleted(plan, PLAN, team.regionCode);
    }

    private static void requireOnlyDrafts(List<ProgressReport> reports, boolean plan) {
        reports.stream().filter(r -> r.status == ReportStatus.SUBMITTED || r.status == ReportStatus.VERIFIED).findFirst()
                .ifPresent(r -> {
                    throw ProblemException.conflict(plan
                            ? Message.of("plan.reported", "status", r.status, "period", r.period)
                            : Message.of("plan.item.reported", "status", r.status, "period", r.period));
                });
    }

    // ---- items ----------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PlanItemResponse> items(UUID planId, PlanStage stage, PageRequest page) {
        visible(planId);
        Filter filter = new Filter().and("e.planId = :?", planId).andIf(stage, "e.stage = :?", stage);
        return Keyset.page(em, PlanItem.class, "PlanItem e", filter, ITEM_ORDER, page,
                i -> List.of(i.createdAt.toString(), i.id.toString())).map(PlanItemResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanItemResponse item(UUID planId, UUID itemId) {
        visible(planId);
        return PlanItemResponse.from(itemOf(planId, itemId));
    }

    private PlanItem itemOf(UUID planId, UUID itemId) {
        PlanItem item = itemId == null ? null : em.find(PlanItem.class, itemId);
        if (item == null || !item.planId.equals(planId)) {
            throw ProblemException.notFound(Message.of("plan.item.not-found", "id", itemId));
        }
        return item;
    }

    private List<PlanItem> itemsOf(UUID planId) {
        return em.createQuery("from PlanItem i where i.planId = :id order by i.createdAt, i.id", PlanItem.class)
                .setParameter("id", planId).getResultList();
    }

    @Transactional
    public PlanItemResponse addItem(UUID planId, PlanItemInput input) {
        ActionPlan plan = visible(planId);
        Team team = writableTeam(plan);
        PlanItem item = new PlanItem();
        item.id = records.newId(PlanItem.class, input.id());
        item.planId = planId;
        applyItem(plan, item, input);
        return records.created(item, ITEM, team.regionCode, PlanItemResponse::from);
    }

    @Transactional
    public PlanItemResponse replaceItem(UUID planId, UUID itemId, Long expectedVersion, PlanItemInput input) {
        ActionPlan plan = visible(planId);
        Team team = writableTeam(plan);
        PlanItem item = itemOf(planId, itemId);
        Records.checkReplace(item, input.id(), expectedVersion);
        boolean reported = reportsOf(planId).stream().anyMatch(r -> r.itemId.equals(itemId)
                && (r.status == ReportStatus.SUBMITTED || r.status == ReportStatus.VERIFIED));
        if (reported && (input.stage() != item.stage || input.targetValue().compareTo(item.targetValue) != 0
                || !input.targetUnit().trim().equals(item.targetUnit))) {
            throw ProblemException.conflict(Message.of("plan.item.target.fixed"));
        }
        applyItem(plan, item, input);
        return records.updated(item, ITEM, team.regionCode, PlanItemResponse::from);
    }

    @Transactional
    public void deleteItem(UUID planId, UUID itemId, Long expectedVersion) {
        ActionPlan plan = visible(planId);
        Team team = writableTeam(plan);
        PlanItem item = itemOf(planId, itemId);
        ETags.check(expectedVersion, item.version);
        List<ProgressReport> reports = reportsOf(planId).stream().filter(r -> r.itemId.equals(itemId)).toList();
        requireOnlyDrafts(reports, false);
        for (ProgressReport report : reports) {
            records.deleted(report, REPORT, team.regionCode);
        }
        records.deleted(item, ITEM, team.regionCode);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> itemHistory(UUID planId, UUID itemId, PageRequest page) {
        visible(planId);
        itemOf(planId, itemId);
        return changeLog.history(ITEM, itemId, page);
    }

    private void applyItem(ActionPlan plan, PlanItem item, PlanItemInput input) {
        if (input.endsOn().isBefore(input.startsOn())) {
            throw ProblemException.invalid("endsOn", Message.of("date.ends-on.before"));
        }
        if (input.startsOn().getYear() != plan.year || input.endsOn().getYear() != plan.year) {
            throw ProblemException.invalid(input.startsOn().getYear() != plan.year ? "startsOn" : "endsOn",
                    Message.of("plan.item.schedule.year", "year", plan.year));
        }
        agencies.referenced(input.responsibleAgencyId(), "responsibleAgencyId");
        List<UUID> supporting = input.supportingAgencyIds() == null ? List.of()
                : input.supportingAgencyIds().stream().distinct().toList();
        for (int i = 0; i < supporting.size(); i++) {
            agencies.referenced(supporting.get(i), "supportingAgencyIds[" + i + "]");
        }
        item.stage = input.stage();
        item.activity = input.activity().trim();
        item.indicator = input.indicator().trim();
        item.targetValue = input.targetValue().setScale(2, java.math.RoundingMode.UNNECESSARY);
        item.targetUnit = input.targetUnit().trim();
        item.responsibleAgencyId = input.responsibleAgencyId();
        item.supportingAgencyIds = new ArrayList<>(supporting);
        item.budgetIdr = input.budgetIdr();
        item.startsOn = input.startsOn();
        item.endsOn = input.endsOn();
    }

    // ---- progress reports -----------------------------------------------------------------------------------

    private List<ProgressReport> reportsOf(UUID planId) {
        return em.createQuery("from ProgressReport r where r.planId = :id", ProgressReport.class)
                .setParameter("id", planId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReportResponse> reports(UUID planId, Period period, ReportStatus status, UUID itemId, PageRequest page) {
        visible(planId);
        Filter filter = new Filter().and("e.planId = :?", planId).andIf(period, "e.period = :?", period)
                .andIf(status, "e.status = :?", status).andIf(itemId, "e.itemId = :?", itemId);
        return Keyset.page(em, ProgressReport.class, "ProgressReport e", filter, REPORT_ORDER, page,
                r -> List.of(r.period.name(), r.id.toString())).map(ReportResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportResponse report(UUID planId, UUID reportId) {
        visible(planId);
        return ReportResponse.from(reportOf(planId, reportId));
    }

    private ProgressReport reportOf(UUID planId, UUID reportId) {
        ProgressReport report = reportId == null ? null : em.find(ProgressReport.class, reportId);
        if (report == null || !report.planId.equals(planId)) {
            throw ProblemException.notFound(Message.of("plan.report.not-found", "id", reportId));
        }
        return report;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> reportHistory(UUID planId, UUID reportId, PageRequest page) {
        visible(planId);
        reportOf(planId, reportId);
        return changeLog.history(REPORT, reportId, page);
    }

    @Transactional
    public ReportResponse addReport(UUID planId, UUID itemId, ReportInput input) {
        ActionPlan plan = visible(planId);
        Team team = writableTeam(plan);
        PlanItem item = itemOf(planId, itemId);
        LocalDate start = input.period().startsOn(plan.year);
        if (today().isBefore(start)) {
            throw ProblemException.conflict(Message.of("plan.report.period.not-started", "period", input.period(),
                    "year", plan.year, "date", start));
        }
        long existing = em.createQuery("select count(*) from ProgressReport r where r.itemId = :item and r.period = :period",
                Long.class).setParameter("item", itemId).setParameter("period", input.period()).getSingleResult();
        if (existing > 0) {
            throw ProblemException.conflict(Message.of("plan.report.period.taken", "period", input.period()));
        }
        ProgressReport report = new ProgressReport();
        report.id = records.newId(ProgressReport.class, input.id());
        report.planId = planId;
        report.itemId = itemId;
        report.period = input.period();
        report.status = ReportStatus.DRAFT;
        applyReport(report, item, input);
        return records.created(report, REPORT, team.regionCode, ReportResponse::from);
    }

    @Transactional
    public ReportResponse replaceReport(UUID planId, UUID reportId, Long expectedVersion, ReportInput input) {
        ActionPlan plan = visible(planId);
        Team team = writableTeam(plan);
        ProgressReport report = reportOf(planId, reportId);
        Records.checkReplace(report, input.id(), expectedVersion);
        requireEditable(report);
        if (input.period() != report.period) {
            throw ProblemException.invalid("period", Message.of("plan.report.period.fixed", "period", report.period));
        }
        applyReport(report, em.find(PlanItem.class, report.itemId), input);
        return records.updated(report, REPORT, team.regionCode, ReportResponse::from);
    }

    @Transactional
    public void deleteReport(UUID planId, UUID reportId, Long expectedVersion) {
        ActionPlan plan = visible(planId);
        Team team = writableTeam(plan);
        ProgressReport report = reportOf(planId, reportId);
        ETags.check(expectedVersion, report.version);
        requireEditable(report);
        records.deleted(report, REPORT, team.regionCode);
    }

    private static void requireEditable(ProgressReport report) {
        if (!report.status.editable()) {
            throw ProblemException.conflict(report.status == ReportStatus.VERIFIED ? Message.of("plan.report.final")
                    : Message.of("plan.report.not-editable", "status", report.status));
        }
    }

    private static void applyReport(ProgressReport report, PlanItem item, ReportInput input) {
        report.realisation = input.realisation().setScale(2, java.math.RoundingMode.UNNECESSARY);
        report.percentage = Achievement.percentage(report.realisation, item.targetValue);
        report.obstacles = input.obstacles() == null || input.obstacles().isBlank() ? null : input.obstacles().trim();
        report.evidence = input.evidence() == null ? new ArrayList<>() : new ArrayList<>(input.evidence());
    }

    /**
     * Submits, verifies or returns a report. The team's secretariat (the caller's agency) submits; a caller of the
     * level above the team verifies or returns: the province for a kabupaten/kota team, national scope for a
     * province team and for the national team.
     */
    @Transactional
    public ReportResponse transition(UUID planId, UUID reportId, Long expectedVersion, ReportTransitionInput input) {
        ActionPlan plan = visible(planId);
        Team team = em.find(Team.class, plan.teamId);
        ProgressReport report = reportOf(planId, reportId);
        ETags.check(expectedVersion, report.version);
        ReportStatus from = report.status;
        ReportStatus.TABLE.require(from, input.to(), () -> from == ReportStatus.VERIFIED
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
                throw ProblemException.forbidden(above == null
                        ? Message.of("plan.report.verify.national", "level", team.level)
                        : Message.of("plan.report.verify.province", "level", team.level, "province", above));
            }
            if (input.to() == ReportStatus.RETURNED && (input.note() == null || input.note().isBlank())) {
                throw ProblemException.invalid("note", Message.of("plan.report.note.returned"));
            }
            report.reviewedAt = now;
            report.reviewedBy = caller.subject();
        }
        report.reviewNote = input.note() == null || input.note().isBlank() ? report.reviewNote : input.note().trim();
        report.status = input.to();
        return records.updated(report, REPORT, team.regionCode, ReportResponse::from);
    }

    /** The region whose callers review a team's reports: the province of a kabupaten/kota, else national (null). */
    static String levelAbove(Team team) {
        return team.level == TeamLevel.KABUPATEN_KOTA ? team.regionCode.substring(0, 2) : null;
    }

    // ---- achievement ----------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public AchievementResponse achievement(UUID planId) {
        ActionPlan plan = visible(planId);
        List<PlanItem> items = itemsOf(planId);
        List<ProgressReport> reports = reportsOf(planId);
        LocalDate today = today();
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
        boolean started = !today().isBefore(period.startsOn(year));
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
            PeriodAchievement a = Achievement.of(year, period, own, ownReports, today());
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
