package id.terpadu.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import id.terpadu.agency.AgencyService;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.Role;
import id.terpadu.incident.Incident;
import id.terpadu.incident.IncidentRepository;
import id.terpadu.incident.Stage;
import id.terpadu.task.TaskDtos.TaskInput;
import id.terpadu.task.TaskDtos.TaskResponse;
import id.terpadu.task.TaskDtos.TaskTransitionInput;

/**
 * Tasks given to agencies in the handling of an incident. Rules: the incident is open; the agency is visible; the
 * state moves along {@link TaskState}'s table (UNABLE needs a reason); an OFFICER moves only its own agency's tasks.
 * Overdue tasks are escalated once by {@link TaskEscalation}.
 */
@ApplicationScoped
public class TaskService {

    /** Tasks, classified as their incident. */
    @Produces
    public static final RecordType TASK =
            RecordType.published("incident-task", Task.class).classifiedAs("incident", "incidentId");

    private final TaskRepository tasks;
    private final Caller caller;
    private final Clearance clearance;
    private final Records records;
    private final IncidentRepository incidents;
    private final AgencyService agencies;

    TaskService(
            TaskRepository tasks,
            Caller caller,
            Clearance clearance,
            Records records,
            IncidentRepository incidents,
            AgencyService agencies) {
        this.tasks = tasks;
        this.caller = caller;
        this.clearance = clearance;
        this.records = records;
        this.incidents = incidents;
        this.agencies = agencies;
    }

    /** Tasks across incidents (a team's dashboard): those of incidents the caller may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskResponse> list(UUID incidentId, Boolean overdue, TaskState state, UUID agencyId, PageRequest page) {
        Filter filter = clearance
                .restrict(
                        caller.scope()
                                .restrict(
                                        new Filter().and("e.incidentId = i.id"),
                                        new id.terpadu.common.security.RegionScope.Columns(
                                                "i.regionCode", "i.provinceCode", "i.kabkotaCode", false)),
                        "i.classification")
                .andIf(incidentId, "e.incidentId = :?", incidentId)
                .andIf(state, "e.state = :?", state)
                .andIf(agencyId, "e.agencyId = :?", agencyId);
        if (Boolean.TRUE.equals(overdue)) {
            filter.and(
                    "e.dueAt < :? and e.state in :?",
                    Instant.now(),
                    List.of(TaskState.ALERTED, TaskState.ACKNOWLEDGED, TaskState.ACTIVE));
        }
        return tasks.page(filter, page).map(TaskResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskResponse> ofIncident(UUID incidentId, TaskState state, PageRequest page) {
        incidents.visible(incidentId);
        return list(incidentId, null, state, null, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskResponse get(UUID incidentId, UUID taskId) {
        incidents.visible(incidentId);
        return TaskResponse.from(tasks.ofIncident(incidentId, taskId));
    }

    @Transactional
    public TaskResponse add(UUID incidentId, TaskInput input) {
        Incident incident = incidents.writable(incidentId);
        if (incident.stage == Stage.SELESAI) {
            throw ProblemException.conflict(Message.of("task.incident-closed"));
        }
        agencies.referenced(input.agencyId(), "agencyId");
        Task task = new Task();
        task.id = records.newId(Task.class, input.id());
        task.incidentId = incidentId;
        task.agencyId = input.agencyId();
        task.description = input.description().trim();
        task.dueAt = input.dueAt().truncatedTo(ChronoUnit.MICROS);
        task.state = TaskState.ALERTED;
        return records.created(task, TASK, incident.regionCode, TaskResponse::from);
    }

    @Transactional
    public TaskResponse transition(UUID incidentId, UUID taskId, Long expectedVersion, TaskTransitionInput input) {
        Incident incident = incidents.writable(incidentId);
        Task task = tasks.ofIncident(incidentId, taskId);
        id.terpadu.common.http.ETags.check(expectedVersion, task.version);
        boolean secretariat = caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_);
        if (!secretariat && !task.agencyId.equals(caller.agencyId())) {
            throw ProblemException.forbidden(Message.of("task.move.refused"));
        }
        TaskState.TABLE.require(
                task.state,
                input.to(),
                () -> Message.of("task.transition.refused", "from", task.state, "to", input.to()));
        if (input.to() == TaskState.UNABLE) {
            if (input.reason() == null || input.reason().isBlank()) {
                throw ProblemException.invalid("reason", Message.of("task.reason.required"));
            }
            task.unableReason = input.reason().trim();
        }
        task.state = input.to();
        return records.updated(task, TASK, incident.regionCode, TaskResponse::from);
    }
}
