package id.terpadu.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Finds what no change announces: an open task due within {@code due-soon} (a reminder before its due time) and one
 * past it. Each becomes one event per task and due time (its key holds the due time, so a task given a new due time
 * is reminded again, and a task that stays overdue is announced once). Several instances may run it: the event's
 * unique key keeps one. The event carries the task's parent's region and classification at this moment.
 */
@ApplicationScoped
public class TaskReminders {

    private final EntityManager em;
    private final NotificationConfig config;

    TaskReminders(EntityManager em, NotificationConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(
            every = "${terpadu.notifications.schedule-every}",
            delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int found = remind();
        if (found > 0) {
            Log.infof("Notified %d task(s) due soon or overdue", found);
        }
    }

    /** Writes the events of tasks due soon or overdue that have none yet; returns how many. */
    @Transactional
    public int remind() {
        return em.createNativeQuery("""
                insert into notification_event (kind, entity_type, entity_id, entity_version, region_code,
                                                classification, agency_id, parent_type, parent_id, dedupe_key)
                select k.kind, 'incident-task', t.id, t.version, coalesce(i.region_code, w.region_code),
                       coalesce(i.classification, w.classification, 'CONFIDENTIAL'), t.agency_id,
                       case when t.incident_id is not null then 'incident' else 'early-warning' end,
                       coalesce(t.incident_id, t.warning_id), k.key
                from incident_task t
                left join incident i on i.id = t.incident_id
                left join early_warning w on w.id = t.warning_id
                cross join lateral (values
                    ('TASK_DUE_SOON', t.due_at > now() and t.due_at <= now() + make_interval(secs => :soon)),
                    ('TASK_OVERDUE', t.due_at <= now())
                ) k0(kind, fires)
                cross join lateral (select k0.kind,
                       k0.kind || ':' || t.id || ':' || to_char(t.due_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS')
                       as key) k
                where t.state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE')
                  and t.due_at <= now() + make_interval(secs => :soon) and k0.fires
                  and not exists (select 1 from notification_event e where e.dedupe_key = k.key)
                on conflict (dedupe_key) do nothing""")
                .setParameter("soon", (double) config.dueSoon().toSeconds())
                .executeUpdate();
    }
}
