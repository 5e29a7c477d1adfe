package id.terpadu.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;
import id.terpadu.conflictstatus.ConflictStatusService;
import id.terpadu.earlywarning.WarningRepository;
import id.terpadu.incident.IncidentRepository;
import id.terpadu.task.TaskDtos.TaskResponse;
import id.terpadu.team.TeamRepository;

/**
 * Makes an overdue task climb. First to the team one level up: an incident lies in a kabupaten/kota, so that is the
 * province's team of the current year (or the latest before it), else the national team (for an early warning of a
 * whole province, the national team). Then, when it is still
 * overdue {@code terpadu.tasks.escalate-again-after} later and it went to a province's team, to the national team.
 * Each step is kept on the task ({@link EscalationStep}) and is a change-log entry of the task, made by
 * {@code system:task-escalation}, so it reaches the history, the feed and webhooks. Before that, each run cancels the
 * open tasks of incidents closed before the closing cancelled them ({@link #cancelOpenOfClosedIncidents}). Several
 * instances may run this: rows are claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class TaskEscalation {

    static final String ACTOR = "system:task-escalation";
    static final String CLOSED_ACTOR = "system:incident-closed";
    static final int BATCH = 100;

    private final TaskRepository tasks;
    private final IncidentRepository incidents;
    private final WarningRepository warnings;
    private final TeamRepository teams;
    private final Records records;
    private final Caller caller;
    private final TaskConfig config;
    private final TaskService closing;

    TaskEscalation(
            TaskRepository tasks,
            IncidentRepository incidents,
            WarningRepository warnings,
            TeamRepository teams,
            Records records,
            Caller caller,
            TaskConfig config,
            TaskService closing) {
        this.closing = closing;
        this.tasks = tasks;
        this.incidents = incidents;
        this.warnings = warnings;
        this.teams = teams;
        this.records = records;
        this.caller = caller;
        this.config = config;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${terpadu.tasks.escalation-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int cancelled = cancelOpenOfClosedIncidents();
        if (cancelled > 0) {
            Log.infof("Cancelled %d open task(s) of closed incidents", cancelled);
        }
        int escalated = escalateOverdue();
        if (escalated > 0) {
            Log.infof("Escalated %d overdue task(s)", escalated);
        }
    }

    private UUID nationalTeam(int year) {
        var team = teams.nationalTeam(year);
        return team == null ? null : team.id;
    }

    /**
     * Cancels, as closing the incident does, up to one batch of open tasks of incidents that were closed before a
     * closing cancelled its tasks (older data), each a change of its own by {@code system:incident-closed}; returns how
     * many. Left open, they counted as overdue in the statistics and the dashboards for good.
     */
    @Transactional
    public int cancelOpenOfClosedIncidents() {
        caller.actAsSystem(CLOSED_ACTOR);
        List<UUID> ids = tasks.claimOpenOfClosedIncidents(BATCH);
        for (UUID id : ids) {
            Task task = tasks.findById(id);
            closing.cancelWithIncident(task, incidents.findById(task.incidentId).regionCode);
        }
        return ids.size();
    }

    /** Takes one escalation step for up to one batch of overdue tasks due one; returns how many. */
    @Transactional
    public int escalateOverdue() {
        caller.actAsSystem(ACTOR);
        int year = LocalDate.now(ConflictStatusService.ZONE).getYear();
        List<UUID> ids = tasks.claimOverdue(BATCH, config.escalateAgainAfter(), year);
        for (UUID id : ids) {
            Task task = tasks.findById(id);
            String region = task.incidentId != null
                    ? incidents.findById(task.incidentId).regionCode
                    : warnings.findById(task.warningId).regionCode;
            // an incident lies in a kabupaten/kota: the team above it is its province's, and above that the nation's;
            // a warning of a whole province is that province team's own, so the nation's is the one above
            UUID team = task.escalatedAt == null && region.length() > 2
                    ? teams.provinceOrNational(region.substring(0, 2), year)
                    : nationalTeam(year);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<EscalationStep> steps = new ArrayList<>(task.escalations);
            steps.add(new EscalationStep(team, team == null ? null : teams.findById(team).level, now));
            task.escalations = steps;
            task.escalatedAt = now;
            task.escalatedToTeamId = team;
            records.updated(task, TaskService.TASK, region, TaskResponse::from);
        }
        return ids.size();
    }
}
