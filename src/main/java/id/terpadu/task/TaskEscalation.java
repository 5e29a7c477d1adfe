package id.terpadu.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import id.terpadu.incident.Incident;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;
import id.terpadu.task.TaskDtos.TaskResponse;
import id.terpadu.conflictstatus.ConflictStatusService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

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

    private final EntityManager em;
    private final Records records;
    private final Caller caller;

    TaskEscalation(EntityManager em, Records records, Caller caller) {
        this.em = em;
        this.records = records;
        this.caller = caller;
    }

    @Scheduled(every = "${terpadu.tasks.escalation-every}", delayed = "30s",
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
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select id from incident_task
                where state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE') and due_at < now() and escalated_at is null
                order by due_at limit :batch for update skip locked
                """).setParameter("batch", BATCH).getResultList();
        int year = LocalDate.now(ConflictStatusService.ZONE).getYear();
        for (UUID id : ids) {
            Task task = em.find(Task.class, id);
            Incident incident = em.find(Incident.class, task.incidentId);
            task.escalatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            task.escalatedToTeamId = teamAbove(incident.regionCode, year);
            records.updated(task, TaskService.TASK, incident.regionCode, TaskResponse::from);
        }
        return ids.size();
    }

    private UUID teamAbove(String regionCode, int year) {
        String province = regionCode.substring(0, 2);
        @SuppressWarnings("unchecked")
        List<UUID> team = em.createNativeQuery("""
                select id from team
                where ((level = 'PROVINSI' and region_code = :province) or level = 'NASIONAL') and year <= :year
                order by case level when 'PROVINSI' then 0 else 1 end, year desc limit 1
                """).setParameter("province", province).setParameter("year", year).getResultList();
        return team.isEmpty() ? null : team.get(0);
    }
}
