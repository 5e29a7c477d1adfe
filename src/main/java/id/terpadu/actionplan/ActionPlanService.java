package id.terpadu.actionplan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import id.terpadu.actionplan.ActionPlanDtos.ActionPlanInput;
import id.terpadu.actionplan.ActionPlanDtos.ActionPlanResponse;
import id.terpadu.actionplan.ActionPlanDtos.PlanItemInput;
import id.terpadu.actionplan.ActionPlanDtos.PlanItemResponse;
import id.terpadu.agency.AgencyService;
import id.terpadu.common.changelog.ChangeEntry;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.patch.MergePatch;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.RegionScope;
import id.terpadu.conflictstatus.ConflictStatusService;
import id.terpadu.team.Team;
import id.terpadu.team.TeamLevel;
import id.terpadu.team.TeamRepository;

/**
 * Rencana Aksi Terpadu (Permendagri 42/2015): one plan per team per year and its items by stage. Rules: a plan's
 * region is its team's, written by callers whose scope covers it; the schedule of an item lies within the plan's
 * year; a plan or item with submitted or verified reports keeps them. Progress reports are
 * {@link ProgressReportService}'s, achievement and the recap {@link AchievementService}'s.
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

    private final ActionPlanRepository plans;
    private final Caller caller;
    private final ChangeLog changeLog;
    private final Records records;
    private final TeamRepository teams;
    private final AgencyService agencies;

    private final MergePatch patches;

    ActionPlanService(
            ActionPlanRepository plans,
            Caller caller,
            ChangeLog changeLog,
            Records records,
            TeamRepository teams,
            AgencyService agencies,
            MergePatch patches) {
        this.patches = patches;
        this.plans = plans;
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
        Filter filter = caller.scope()
                .restrict(new Filter().and("e.teamId = t.id"), "t.regionCode")
                .andIf(teamId, "e.teamId = :?", teamId)
                .andIf(year, "e.year = :?", year)
                .andIf(level, "t.level = :?", level);
        if (region != null && !region.isBlank()) {
            RegionCode.require(region, "region");
            RegionScope.Columns.of("t.regionCode").within(filter, region);
        }
        Page<ActionPlan> found = plans.page(filter, page);
        Map<UUID, Team> byId =
                teams.byId(found.items().stream().map(p -> p.teamId).toList());
        return found.map(p -> view(p, byId.get(p.teamId)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ActionPlanResponse get(UUID id) {
        ActionPlan plan = plans.visible(id);
        return view(plan, teams.findById(plan.teamId));
    }

    static ActionPlanResponse view(ActionPlan p, Team team) {
        return new ActionPlanResponse(
                p.id,
                p.teamId,
                team.level,
                team.regionCode,
                p.year,
                p.title,
                p.decree,
                p.version,
                p.createdAt,
                p.updatedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        plans.visible(id);
        return changeLog.history(PLAN, id, page);
    }

    @Transactional
    public ActionPlanResponse create(ActionPlanInput input) {
        Team team = Records.referenced(() -> teams.visible(input.teamId()), "teamId");
        caller.scope().requireWritable(team.regionCode, "teamId");
        if (plans.yearTaken(team.id, input.year())) {
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
        ActionPlan plan = plans.writable(id);
        Team team = teams.findById(plan.teamId);
        Records.checkReplace(plan, input.id(), expectedVersion);
        if (!plan.teamId.equals(input.teamId()) || plan.year != input.year()) {
            throw ProblemException.invalid(
                    plan.year != input.year() ? "year" : "teamId", Message.of("plan.team-year.fixed"));
        }
        apply(plan, input);
        return records.updated(plan, PLAN, team.regionCode, p -> view(p, team));
    }

    private static void apply(ActionPlan plan, ActionPlanInput input) {
        plan.title = input.title().trim();
        plan.decree = input.decree() == null || input.decree().isBlank()
                ? null
                : input.decree().trim();
    }

    /** Deletes a plan that has no submitted or verified report, with its items and drafts (each with a tombstone). */
    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        ActionPlan plan = plans.writable(id);
        Team team = teams.findById(plan.teamId);
        ETags.check(expectedVersion, plan.version);
        List<ProgressReport> reports = plans.reportsOf(id);
        requireOnlyDrafts(reports, true);
        for (ProgressReport report : reports) {
            records.deleted(report, ProgressReportService.REPORT, team.regionCode);
        }
        for (PlanItem item : plans.itemsOf(id)) {
            records.deleted(item, ITEM, team.regionCode);
        }
        records.deleted(plan, PLAN, team.regionCode);
    }

    private static void requireOnlyDrafts(List<ProgressReport> reports, boolean plan) {
        reports.stream()
                .filter(r -> r.status == ReportStatus.SUBMITTED || r.status == ReportStatus.VERIFIED)
                .findFirst()
                .ifPresent(r -> {
                    throw ProblemException.conflict(
                            plan
                                    ? Message.of("plan.reported", "status", r.status, "period", r.period)
                                    : Message.of("plan.item.reported", "status", r.status, "period", r.period));
                });
    }

    // ---- items ----------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PlanItemResponse> items(UUID planId, PlanStage stage, PageRequest page) {
        plans.visible(planId);
        Filter filter = new Filter().and("e.planId = :?", planId).andIf(stage, "e.stage = :?", stage);
        return plans.items(filter, page).map(PlanItemResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanItemResponse item(UUID planId, UUID itemId) {
        plans.visible(planId);
        return PlanItemResponse.from(plans.item(planId, itemId));
    }

    @Transactional
    public PlanItemResponse addItem(UUID planId, PlanItemInput input) {
        ActionPlan plan = plans.writable(planId);
        Team team = teams.findById(plan.teamId);
        PlanItem item = new PlanItem();
        item.id = records.newId(PlanItem.class, input.id());
        item.planId = planId;
        applyItem(plan, item, input);
        return records.created(item, ITEM, team.regionCode, PlanItemResponse::from);
    }

    @Transactional
    public PlanItemResponse replaceItem(UUID planId, UUID itemId, Long expectedVersion, PlanItemInput input) {
        ActionPlan plan = plans.writable(planId);
        Team team = teams.findById(plan.teamId);
        PlanItem item = plans.item(planId, itemId);
        Records.checkReplace(item, input.id(), expectedVersion);
        boolean reported = plans.reportsOf(planId).stream()
                .anyMatch(r -> r.itemId.equals(itemId)
                        && (r.status == ReportStatus.SUBMITTED || r.status == ReportStatus.VERIFIED));
        if (reported
                && (input.stage() != item.stage
                        || input.targetValue().compareTo(item.targetValue) != 0
                        || !input.targetUnit().trim().equals(item.targetUnit))) {
            throw ProblemException.conflict(Message.of("plan.item.target.fixed"));
        }
        applyItem(plan, item, input);
        return records.updated(item, ITEM, team.regionCode, PlanItemResponse::from);
    }

    /** What a merge patch of an item needs: its answer holds the target as an object, its PUT body as two fields. */
    static final MergePatch.Target<PlanItemInput> PATCHED_ITEM = MergePatch.target(ITEM, PlanItemInput.class)
            .adapted(item -> {
                com.fasterxml.jackson.databind.JsonNode target = item.remove("target");
                if (target != null && target.isObject()) {
                    item.set("targetValue", target.get("value"));
                    item.set("targetUnit", target.get("unit"));
                }
                return item;
            });

    /** A merge patch (RFC 7396) of an item, then {@link #replaceItem} with its rules. */
    @Transactional
    public PlanItemResponse patchItem(UUID planId, UUID itemId, Long expectedVersion, JsonNode patch) {
        return patches.apply(
                PATCHED_ITEM,
                patch,
                expectedVersion,
                () -> {
                    plans.writable(planId);
                    return PlanItemResponse.from(plans.item(planId, itemId));
                },
                (version, input) -> replaceItem(planId, itemId, version, input));
    }

    @Transactional
    public void deleteItem(UUID planId, UUID itemId, Long expectedVersion) {
        ActionPlan plan = plans.writable(planId);
        Team team = teams.findById(plan.teamId);
        PlanItem item = plans.item(planId, itemId);
        ETags.check(expectedVersion, item.version);
        List<ProgressReport> reports = plans.reportsOf(planId).stream()
                .filter(r -> r.itemId.equals(itemId))
                .toList();
        requireOnlyDrafts(reports, false);
        for (ProgressReport report : reports) {
            records.deleted(report, ProgressReportService.REPORT, team.regionCode);
        }
        records.deleted(item, ITEM, team.regionCode);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> itemHistory(UUID planId, UUID itemId, PageRequest page) {
        plans.visible(planId);
        plans.item(planId, itemId);
        return changeLog.history(ITEM, itemId, page);
    }

    private void applyItem(ActionPlan plan, PlanItem item, PlanItemInput input) {
        if (input.endsOn().isBefore(input.startsOn())) {
            throw ProblemException.invalid("endsOn", Message.of("date.ends-on.before"));
        }
        if (input.startsOn().getYear() != plan.year || input.endsOn().getYear() != plan.year) {
            throw ProblemException.invalid(
                    input.startsOn().getYear() != plan.year ? "startsOn" : "endsOn",
                    Message.of("plan.item.schedule.year", "year", plan.year));
        }
        agencies.referenced(input.responsibleAgencyId(), "responsibleAgencyId");
        List<UUID> supporting = input.supportingAgencyIds() == null
                ? List.of()
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
}
