package id.terpadu.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;
import id.terpadu.conflictstatus.ConflictStatusService;
import id.terpadu.incident.Incident;
import id.terpadu.incident.IncidentRepository;
import id.terpadu.task.TaskDtos.TaskResponse;
import id.terpadu.team.TeamRepository;

/**
 * Escalates each overdue task once to the team one level up: an incident lies in a kabupaten/kota, so that is the
 * province's team of the current year (or the latest before it), else the national team. The escalation is a
 * change-log entry of the task, made by {@code system:task-escalation}. Several instances may run this: rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class TaskEscalation {

    static final String ACTOR = "system:task-escalation";
    static final int BATCH = 100;

    private final TaskRepository tasks;
    private final IncidentRepository incidents;
    private final TeamRepository teams;
    private final Records records;
    private final Caller caller;

    TaskEscalation(
            TaskRepository tasks, IncidentRepository incidents, TeamRepository teams, Records records, Caller caller) {
        this.tasks = tasks;
        this.incidents = incidents;
        this.teams = teams;
        this.records = records;
        this.caller = caller;
    }

    @Scheduled(
            every = "${terpadu.tasks.escalation-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int escalated = escalateOverdue();
        if (escalated > 0) {
            Log.infof("Escalated %d overdue task(s)", escalated);
        }
    }

    /** Escalates up to one batch of overdue, not yet escalated tasks; returns how many. */
    @Transactional
    public int escalateOverdue() {
        caller.actAsSystem(ACTOR);
        List<UUID> ids = tasks.claimOverdue(BATCH);
        int year = LocalDate.now(ConflictStatusService.ZONE).getYear();
        for (UUID id : ids) {
            Task task = tasks.findById(id);
            Incident incident = incidents.findById(task.incidentId);
            task.escalatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            // an incident lies in a kabupaten/kota: the team above it is its province's
            task.escalatedToTeamId = teams.provinceOrNational(incident.regionCode.substring(0, 2), year);
            records.updated(task, TaskService.TASK, incident.regionCode, TaskResponse::from);
        }
        return ids.size();
    }
}
