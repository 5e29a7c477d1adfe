package id.terpadu.task;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;

/**
 * Tasks on incidents: every query of the aggregate, the escalation's too. Who may see a task is its incident's
 * rule ({@code IncidentRepository}); a list joins the incident ({@code i}) to apply it.
 */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    private static final List<SortKey> ORDER = List.of(SortKey.instant("e.dueAt"), SortKey.uuid("e.id"));

    /** A page of tasks ({@code e}) by the filter, which names their incident ({@code i}); earliest due first. */
    Page<Task> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                Task.class,
                "Task e, Incident i",
                filter,
                ORDER,
                page,
                t -> List.of(t.dueAt.toString(), t.id.toString()));
    }

    /** The task of this incident; 404 when there is none. */
    Task ofIncident(UUID incidentId, UUID taskId) {
        Task task = taskId == null ? null : findById(taskId);
        if (task == null || !task.incidentId.equals(incidentId)) {
            throw ProblemException.notFound(Message.of("task.not-found", "id", taskId));
        }
        return task;
    }

    /**
     * Claims up to {@code batch} overdue tasks not yet escalated, most overdue first, locking their rows; rows another
     * instance holds are skipped ({@code for update skip locked}, which JPQL cannot say).
     */
    @SuppressWarnings("unchecked")
    List<UUID> claimOverdue(int batch) {
        return getEntityManager()
                .createNativeQuery("""
                select id from incident_task
                where state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE') and due_at < now() and escalated_at is null
                order by due_at limit :batch for update skip locked
                """)
                .setParameter("batch", batch)
                .getResultList();
    }
}
