package id.terpadu.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import id.terpadu.agency.AgencyService;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.RegionScope;
import id.terpadu.common.security.Role;
import id.terpadu.earlywarning.EarlyWarning;
import id.terpadu.earlywarning.WarningRepository;
import id.terpadu.earlywarning.WarningStatus;
import id.terpadu.incident.Incident;
import id.terpadu.incident.IncidentClosed;
import id.terpadu.incident.IncidentRepository;
import id.terpadu.incident.Stage;
import id.terpadu.task.TaskDtos.TaskInput;
import id.terpadu.task.TaskDtos.TaskResponse;
import id.terpadu.task.TaskDtos.TaskTransitionInput;

/**
 * Tasks given to agencies in the handling of an incident, or on an early warning (deteksi dini asks agencies to act
 * before violence). Rules: the incident is open (not SELESAI), the warning not escalated (its tasks then belong on the
 * incident); the agency is visible; the state moves along {@link TaskState}'s table (UNABLE needs a reason); an OFFICER
 * moves only its own agency's tasks. Overdue tasks climb by {@link TaskEscalation}. A task is visible to whoever may
 * read its parent, and to the people of the agency it is given to whose scope covers the agency's region (within
 * their clearance of the parent's classification), who move it wherever the parent lies; its changes are classified as its parent.
 */
@ApplicationScoped
public class TaskService {

    /** Tasks, classified as their incident or early warning. */
    @Produces
    public static final RecordType TASK = RecordType.published("incident-task", Task.class)
            .classifiedAs("incident", "incidentId")
            .classifiedAs("early_warning", "warningId");

    private final TaskRepository tasks;
    private final Caller caller;
    private final Clearance clearance;
    private final Records records;
    private final IncidentRepository incidents;
    private final WarningRepository warnings;
    private final AgencyService agencies;

    TaskService(
            TaskRepository tasks,
            Caller caller,
            Clearance clearance,
            Records records,
            IncidentRepository incidents,
            WarningRepository warnings,
            AgencyService agencies) {
        this.tasks = tasks;
        this.caller = caller;
        this.clearance = clearance;
        this.records = records;
        this.incidents = incidents;
        this.warnings = warnings;
        this.agencies = agencies;
    }

    /** The parent, which the caller may read (404 otherwise), with the region its tasks are logged under. */
    private String visibleRegion(TaskParent parent) {
        return parent.incidentId() != null
                ? incidents.visible(parent.incidentId()).regionCode
                : warnings.visible(parent.warningId()).regionCode;
    }

    /** The parent, which the caller may write (404 or 403 otherwise), with the region its tasks are logged under. */
    private String writableRegion(TaskParent parent) {
        return parent.incidentId() != null
                ? incidents.writable(parent.incidentId()).regionCode
                : warnings.writable(parent.warningId()).regionCode;
    }

    /**
     * Tasks of the records the caller may see (a team's dashboard, or one parent's tasks): a task on an incident by the
     * incident's region and classification, one on an early warning by the warning's.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskResponse> list(
            TaskParent parent, Boolean overdue, TaskState state, UUID agencyId, PageRequest page) {
        return tasks.page(filterFor(parent, overdue, state, agencyId), page).map(TaskResponse::from);
    }

    /**
     * How many tasks, open and overdue per group of the dimensions, over exactly the tasks the caller could list with
     * the same filters (a task by its incident's or early warning's region and classification), below {@code region}
     * when given.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskStatistics.Result statistics(
            Boolean overdue, TaskState state, UUID agencyId, String region, List<TaskStatistics.Dimension> groupBy) {
        Filter filter = filterFor(null, overdue, state, agencyId);
        if (region != null) {
            RegionCode.require(region, "region");
            RegionScope.Columns.of(TaskStatistics.REGION).within(filter, region);
        }
        String keys = groupBy.isEmpty()
                ? null
                : String.join(
                        ", ",
                        groupBy.stream()
                                .map(TaskStatistics.Dimension::expression)
                                .toList());
        return TaskStatistics.result(groupBy, tasks.grouped(filter, keys, Instant.now(), TaskStatistics.MAX_ROWS + 1));
    }

    /** Who may see a task (its incident's or early warning's rule), then the filters. */
    private Filter filterFor(TaskParent parent, Boolean overdue, TaskState state, UUID agencyId) {
        Filter onIncident = clearance.restrict(
                caller.scope()
                        .restrict(
                                new Filter("i").and("i.id is not null"),
                                new RegionScope.Columns("i.regionCode", "i.provinceCode", "i.kabkotaCode", false)),
                "i.classification");
        Filter onWarning = clearance.restrict(
                caller.scope()
                        .restrict(
                                new Filter("w").and("w.id is not null"),
                                new RegionScope.Columns("w.regionCode", null, null, false)),
                "w.classification");
        Filter filter = new Filter().andAny(onIncident, onWarning);
        UUID own = caller.agencyId();
        if (own != null && agencies.actsForOwnAgency(caller)) {
            // the people of the agency a task is given to read it wherever its record lies, within their clearance
            Filter ownOnIncident = clearance.restrict(
                    new Filter("oi").and("e.agencyId = :?", own).and("i.id is not null"), "i.classification");
            Filter ownOnWarning = clearance.restrict(
                    new Filter("ow").and("e.agencyId = :?", own).and("w.id is not null"), "w.classification");
            filter = new Filter().andAny(onIncident, onWarning, ownOnIncident, ownOnWarning);
        }
        if (parent != null) {
            filter.andIf(parent.incidentId(), "e.incidentId = :?", parent.incidentId())
                    .andIf(parent.warningId(), "e.warningId = :?", parent.warningId());
        }
        filter.andIf(state, "e.state = :?", state).andIf(agencyId, "e.agencyId = :?", agencyId);
        if (Boolean.TRUE.equals(overdue)) {
            filter.and(
                    "e.dueAt < :? and e.state in :?",
                    Instant.now(),
                    List.of(TaskState.ALERTED, TaskState.ACKNOWLEDGED, TaskState.ACTIVE));
        }
        return filter;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskResponse> of(TaskParent parent, TaskState state, PageRequest page) {
        visibleRegion(parent);
        return list(parent, null, state, null, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskResponse get(TaskParent parent, UUID taskId) {
        try {
            visibleRegion(parent);
        } catch (ProblemException hidden) {
            return TaskResponse.from(ownTask(parent, taskId, hidden));
        }
        return TaskResponse.from(tasks.of(parent, taskId));
    }

    /**
     * A task whose record the caller may not read (a province's early warning, an officer of a kabupaten/kota) is still
     * read and moved by the people of the agency it is given to, within their clearance of the record's classification:
     * the secretariat gave it to them. Anyone else gets what the record's own rule gave ({@code hidden}, a 404).
     */
    private Task ownTask(TaskParent parent, UUID taskId, ProblemException hidden) {
        UUID own = caller.agencyId();
        Task task = taskId == null ? null : tasks.findById(taskId);
        if (own == null
                || task == null
                || !parent.holds(task)
                || !own.equals(task.agencyId)
                || !agencies.actsForOwnAgency(caller)) {
            throw hidden;
        }
        if (!clearance.canRead(classificationOf(parent))) {
            throw hidden;
        }
        return task;
    }

    /**
     * 400 naming {@code agencyId} when the agency is not cleared for the record's classification: its people could
     * never read the task, be told of it or move it, and it would only fall overdue and climb.
     */
    private void requireCleared(UUID agencyId, Classification classification) {
        if (classification == Classification.CONFIDENTIAL && !clearance.agencyCleared(agencyId)) {
            throw ProblemException.invalid(
                    "agencyId", Message.of("task.agency.not-cleared", "classification", classification));
        }
    }

    /** The classification a task takes: its record's, read without the caller's scope. */
    private Classification classificationOf(TaskParent parent) {
        return parent.incidentId() != null
                ? incidents.findById(parent.incidentId()).classification
                : warnings.findById(parent.warningId()).classification;
    }

    /** The region a task's changes are logged under: its record's, read without the caller's scope. */
    private String regionOf(TaskParent parent) {
        return parent.incidentId() != null
                ? incidents.findById(parent.incidentId()).regionCode
                : warnings.findById(parent.warningId()).regionCode;
    }

    @Transactional
    public TaskResponse add(TaskParent parent, TaskInput input) {
        String region;
        Classification classification;
        // the record's row is taken first, so that a task is never added beside a closing or an escalation that
        // commits meanwhile (the closing cancels the open tasks it finds): the second waits and is judged by the first
        if (parent.incidentId() != null) {
            Incident incident = incidents.writableForUpdate(parent.incidentId());
            if (incident.stage == Stage.SELESAI) {
                throw ProblemException.conflict(Message.of("task.incident-closed"));
            }
            region = incident.regionCode;
            classification = incident.classification;
        } else {
            EarlyWarning warning = warnings.writableForUpdate(parent.warningId());
            if (warning.status == WarningStatus.ESKALASI) {
                // its handling goes on in the incident it grew into
                throw ProblemException.conflict(
                        Message.of("task.warning-escalated", "incident", warning.escalatedIncidentId));
            }
            region = warning.regionCode;
            classification = warning.classification;
        }
        agencies.referenced(input.agencyId(), "agencyId");
        requireCleared(input.agencyId(), classification);
        Task task = new Task();
        task.id = records.newId(Task.class, input.id());
        task.incidentId = parent.incidentId();
        task.warningId = parent.warningId();
        task.agencyId = input.agencyId();
        task.description = input.description().trim();
        task.dueAt = input.dueAt().truncatedTo(ChronoUnit.MICROS);
        task.state = TaskState.ALERTED;
        return records.created(task, TASK, region, TaskResponse::from);
    }

    /**
     * Corrects an open task: its description, due time or agency (a task given to another agency starts again at
     * ALERTED, for that agency to acknowledge). Its escalation steps stay. ADMIN or COORDINATOR (the resource says so).
     */
    @Transactional
    public TaskResponse replace(TaskParent parent, UUID taskId, Long expectedVersion, TaskInput input) {
        String region = writableRegion(parent);
        Task task = tasks.of(parent, taskId);
        id.terpadu.common.persistence.Records.checkReplace(task, input.id(), expectedVersion);
        if (!task.state.isOpen()) {
            throw ProblemException.conflict(Message.of("task.final", "state", task.state));
        }
        if (!input.agencyId().equals(task.agencyId)) {
            agencies.referenced(input.agencyId(), "agencyId");
            requireCleared(input.agencyId(), classificationOf(parent));
            task.agencyId = input.agencyId();
            task.state = TaskState.ALERTED;
        }
        task.description = input.description().trim();
        task.dueAt = input.dueAt().truncatedTo(ChronoUnit.MICROS);
        return records.updated(task, TASK, region, TaskResponse::from);
    }

    /**
     * An incident closed (SELESAI) ends the handling its tasks were part of: each open one is CANCELLED, as a change of
     * its own (its history, the feed and webhooks carry it), by whoever closed the incident. Left open, they fell
     * overdue and climbed to the province's and the national team after the incident was closed. The task's reason is
     * a fixed text, not the closing's: the people of the agency a task is given to read the task though they may not
     * read its incident, whose closing reason (who was detained, what the parties agreed) stays with the incident. A
     * reopened incident gets new tasks; the cancelled ones stay as they were.
     */
    void onIncidentClosed(@Observes IncidentClosed closed) {
        for (Task task : tasks.openOf(closed.incidentId())) {
            cancelWithIncident(task, closed.regionCode());
        }
    }

    /**
     * Cancels an open task of a closed incident, as a change of its own logged under the incident's region: by the
     * closing, and by the escalation run for tasks of incidents closed before closing did so.
     */
    void cancelWithIncident(Task task, String incidentRegion) {
        task.state = TaskState.CANCELLED;
        task.cancelReason = CLOSED_WITH_INCIDENT;
        records.updated(task, TASK, incidentRegion, TaskResponse::from);
    }

    /** The cancelReason of a task cancelled by its incident's closing (in the records' language). */
    static final String CLOSED_WITH_INCIDENT =
            "Ditutup bersama insidennya (SELESAI); alasan penutupan tercatat pada insiden.";

    @Transactional
    public TaskResponse transition(TaskParent parent, UUID taskId, Long expectedVersion, TaskTransitionInput input) {
        String region;
        Task task;
        boolean asAgency = false;
        try {
            region = writableRegion(parent);
            task = tasks.of(parent, taskId);
        } catch (ProblemException hidden) {
            if (hidden.type() != ProblemType.NOT_FOUND) {
                throw hidden;
            }
            task = ownTask(parent, taskId, hidden);
            region = regionOf(parent);
            asAgency = true;
        }
        id.terpadu.common.http.ETags.check(expectedVersion, task.version);
        // the secretariat is whoever may write the record; the agency's own coordinator outside it acts as the agency
        boolean secretariat = !asAgency && (caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_));
        if (!secretariat && !task.agencyId.equals(caller.agencyId())) {
            throw ProblemException.forbidden(Message.of("task.move.refused"));
        }
        TaskState from = task.state;
        TaskState.TABLE.require(
                from, input.to(), () -> Message.of("task.transition.refused", "from", from, "to", input.to()));
        if (input.to() == TaskState.CANCELLED && !secretariat) {
            // the agency says UNABLE; withdrawing a task is the secretariat's decision
            throw ProblemException.forbidden(Message.of("task.cancel.refused"));
        }
        if (input.to() == TaskState.UNABLE || input.to() == TaskState.CANCELLED) {
            if (input.reason() == null || input.reason().isBlank()) {
                throw ProblemException.invalid("reason", Message.of("task.reason.required", "state", input.to()));
            }
            if (input.to() == TaskState.UNABLE) {
                task.unableReason = input.reason().trim();
            } else {
                task.cancelReason = input.reason().trim();
            }
        }
        task.state = input.to();
        return records.updated(task, TASK, region, TaskResponse::from);
    }
}
