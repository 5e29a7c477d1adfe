package id.terpadu.task;

import java.time.Duration;
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
 * Tasks on incidents and early warnings: every query of the aggregate, the escalation's too. Who may see a task is its
 * parent's rule; a list joins the incident ({@code i}) and the early warning ({@code w}) to apply it.
 */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    /** Tasks ({@code e}) with their incident ({@code i}) or early warning ({@code w}). */
    private static final String FROM =
            "Task e left join Incident i on i.id = e.incidentId left join EarlyWarning w on w.id = e.warningId";

    private static final List<SortKey> ORDER = List.of(SortKey.instant("e.dueAt"), SortKey.uuid("e.id"));

    /**
     * A page of tasks ({@code e}) by the filter, which names their incident ({@code i}) or early warning ({@code w});
     * earliest due first.
     */
    Page<Task> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                Task.class,
                FROM,
                filter,
                ORDER,
                page,
                t -> List.of(t.dueAt.toString(), t.id.toString()));
    }

    /**
     * Per group of {@code keys} (null: one row for all) over the tasks of the filter ({@code e}, with their incident
     * {@code i} or early warning {@code w}): how many, how many are open and how many of those are past due at
     * {@code now}; in the order of the keys, at most {@code maxRows} rows.
     */
    List<Object[]> grouped(Filter filter, String keys, java.time.Instant now, int maxRows) {
        String open = "e.state in (id.terpadu.task.TaskState.ALERTED, id.terpadu.task.TaskState.ACKNOWLEDGED, "
                + "id.terpadu.task.TaskState.ACTIVE)";
        StringBuilder hql = new StringBuilder("select ");
        if (keys != null) {
            hql.append(keys).append(", ");
        }
        // coalesce: over no tasks at all (no groupBy) a sum is null, the count 0
        hql.append("count(e), coalesce(sum(case when ")
                .append(open)
                .append(" then 1 else 0 end), 0), coalesce(sum(case when ")
                .append(open)
                .append(" and e.dueAt < :now then 1 else 0 end), 0) from ")
                .append(FROM)
                .append(" where ")
                .append(filter.where());
        if (keys != null) {
            hql.append(" group by ").append(keys).append(" order by ").append(keys);
        }
        var query = getEntityManager().createQuery(hql.toString(), Object[].class);
        filter.parameters().forEach(query::setParameter);
        query.setParameter("now", now);
        return query.setMaxResults(maxRows).getResultList();
    }

    /** The open tasks (ALERTED, ACKNOWLEDGED, ACTIVE) of an incident, locked for the change. */
    List<Task> openOf(UUID incidentId) {
        return find(
                        "incidentId = ?1 and state in ?2 order by dueAt, id",
                        incidentId,
                        List.of(TaskState.ALERTED, TaskState.ACKNOWLEDGED, TaskState.ACTIVE))
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** The task of this incident or early warning; 404 when there is none. */
    Task of(TaskParent parent, UUID taskId) {
        Task task = taskId == null ? null : findById(taskId);
        if (task == null || !parent.holds(task)) {
            throw ProblemException.notFound(Message.of("task.not-found", "id", taskId));
        }
        return task;
    }

    /**
     * Claims up to {@code batch} open tasks of closed (SELESAI) incidents, locking their rows and skipping those another
     * instance holds: tasks of incidents closed before a closing cancelled them. The closing cancels its tasks itself
     * now, so this finds only what older data left.
     */
    @SuppressWarnings("unchecked")
    List<UUID> claimOpenOfClosedIncidents(int batch) {
        return getEntityManager()
                .createNativeQuery("""
                select t.id from incident_task t
                where t.state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE')
                  and exists (select 1 from incident i where i.id = t.incident_id and i.stage = 'SELESAI')
                order by t.due_at limit :batch for update of t skip locked
                """)
                .setParameter("batch", batch)
                .getResultList();
    }

    /**
     * Claims up to {@code batch} overdue tasks due an escalation step, most overdue first, locking their rows; rows
     * another instance holds are skipped ({@code for update skip locked}, which JPQL cannot say). A step is due when the
     * task was never escalated, or when it was escalated to a province's team more than {@code again} ago and a
     * national team of {@code year} (or before) exists to climb to.
     */
    @SuppressWarnings("unchecked")
    List<UUID> claimOverdue(int batch, Duration again, int year) {
        return getEntityManager()
                .createNativeQuery("""
                select t.id from incident_task t
                where t.state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE') and t.due_at < now()
                  and not exists (select 1 from incident i where i.id = t.incident_id and i.stage = 'SELESAI')
                  and (t.escalated_at is null
                       or (t.escalated_at < now() - make_interval(secs => :again)
                           and exists (select 1 from team p where p.id = t.escalated_to_team_id and p.level = 'PROVINSI')
                           and exists (select 1 from team n where n.level = 'NASIONAL' and n.year <= :year)))
                order by t.due_at limit :batch for update of t skip locked
                """)
                .setParameter("batch", batch)
                .setParameter("again", (double) again.toSeconds())
                .setParameter("year", year)
                .getResultList();
    }
}
