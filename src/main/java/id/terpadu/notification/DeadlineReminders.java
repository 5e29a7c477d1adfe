package id.terpadu.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Finds the deadlines that no change announces: an open task due within {@code due-soon} or past its due time, an
 * open meeting decision due within
 * {@code due-soon} or past its due day, a community report still open past its service level, a Status Keadaan Konflik
 * in force that ends within {@code status-ending-within}. Each becomes one event, whose unique key says how often:
 * a task once per due time (a task given a new due time is reminded again, one that stays overdue is announced once),
 * a decision once per due day (a decision given a new due day, or reopened, is reminded again), a community report
 * once (a forward to another team does not announce it again), a status once per end day (an extension moves the end
 * day and so allows a new reminder). Several instances may run it: the key keeps one.
 * <p>
 * A day is a day of Asia/Jakarta: a decision due on a day, and a status that ends on a day, are over when that day
 * ends there. The event carries the record's region and the classification the change log last gave the record (the
 * one rule of its readers; CONFIDENTIAL when the log has none), never its content.
 */
@ApplicationScoped
public class DeadlineReminders {

    /** The classification the change log last gave the record {@code %s} of type {@code %s}: the one rule. */
    private static final String LOGGED_CLASSIFICATION = """
            coalesce((select l.classification from change_log l where l.entity_type = '%s' and l.entity_id = %s
                      order by l.position desc limit 1), 'CONFIDENTIAL')""";

    private final EntityManager em;
    private final NotificationConfig config;

    DeadlineReminders(EntityManager em, NotificationConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${terpadu.notifications.schedule-every}",
            delayed = "25s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int found = remind();
        if (found > 0) {
            Log.infof("Notified %d deadline(s) of tasks, decisions, community reports or conflict statuses", found);
        }
    }

    /** Writes the events of every kind of deadline that have none yet; returns how many. */
    @Transactional
    public int remind() {
        return tasks() + decisions() + intakeReports() + statuses();
    }

    /**
     * Open tasks due within {@code due-soon}, or past their due time; for their agency. The event carries the task's
     * parent's region and classification at this moment.
     */
    @Transactional
    public int tasks() {
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

    /** Open meeting decisions due within {@code due-soon}, or past their due day; for their owner agency. */
    @Transactional
    public int decisions() {
        return em.createNativeQuery("""
                insert into notification_event (kind, entity_type, entity_id, entity_version, region_code,
                                                classification, agency_id, team_id, parent_type, parent_id, dedupe_key)
                select k.kind, 'meeting-decision', d.id, d.version, t.region_code, %s, d.owner_agency_id, m.team_id,
                       'meeting', d.meeting_id, k.key
                from meeting_decision d
                join meeting m on m.id = d.meeting_id
                join team t on t.id = m.team_id
                cross join lateral (select cast(d.due_on + 1 as timestamp) at time zone 'Asia/Jakarta' as due) x
                cross join lateral (values
                    ('DECISION_DUE_SOON', x.due > now() and x.due <= now() + make_interval(secs => :soon)),
                    ('DECISION_OVERDUE', x.due <= now())
                ) k0(kind, fires)
                cross join lateral (select k0.kind,
                                           k0.kind || ':' || d.id || ':' || d.due_on
                                           || coalesce(':reopened:' || extract(epoch from d.reopened_at), '') as key) k
                where d.status in ('OPEN', 'IN_PROGRESS')
                  and d.due_on <= cast(now() at time zone 'Asia/Jakarta' as date) + :soonDays
                  and k0.fires
                  and not exists (select 1 from notification_event e where e.dedupe_key = k.key)
                on conflict (dedupe_key) do nothing""".formatted(LOGGED_CLASSIFICATION.formatted("meeting-decision", "d.id")))
                .setParameter("soon", (double) config.dueSoon().toSeconds())
                .setParameter("soonDays", (int) config.dueSoon().toDays() + 1)
                .executeUpdate();
    }

    /** Community reports still open past their service level; for the team whose queue holds them, once each. */
    @Transactional
    public int intakeReports() {
        return em.createNativeQuery("""
                insert into notification_event (kind, entity_type, entity_id, entity_version, region_code,
                                                classification, team_id, dedupe_key)
                select 'INTAKE_OVERDUE', 'intake-report', r.id, r.version, r.queue_region, %s, r.team_id,
                       'INTAKE_OVERDUE:' || r.id
                from intake_report r
                where r.status in ('BARU', 'DITERUSKAN') and r.due_at <= now() and r.team_id is not null
                  and not exists (select 1 from notification_event e where e.dedupe_key = 'INTAKE_OVERDUE:' || r.id)
                on conflict (dedupe_key) do nothing""".formatted(LOGGED_CLASSIFICATION.formatted("intake-report", "r.id")))
                .executeUpdate();
    }

    /**
     * Statuses in force, not revoked, whose term (extensions included) ends within {@code status-ending-within}; for
     * the people of their region.
     */
    @Transactional
    public int statuses() {
        return em.createNativeQuery("""
                insert into notification_event (kind, entity_type, entity_id, entity_version, region_code,
                                                classification, dedupe_key)
                select 'STATUS_ENDING', 'conflict-status', s.id, s.version, s.region_code, %s, k.key
                from conflict_status s
                cross join lateral (select greatest(s.ends_on, (select max(e.ends_on) from conflict_status_extension e
                                                                where e.status_id = s.id)) as ends_on) x
                cross join lateral (select cast(x.ends_on + 1 as timestamp) at time zone 'Asia/Jakarta' as ends_at,
                                           'STATUS_ENDING:' || s.id || ':' || x.ends_on as key) k
                where s.revoked_on is null
                  and s.starts_on <= cast(now() at time zone 'Asia/Jakarta' as date)
                  and k.ends_at > now() and k.ends_at <= now() + make_interval(secs => :within)
                  and not exists (select 1 from notification_event e where e.dedupe_key = k.key)
                on conflict (dedupe_key) do nothing""".formatted(LOGGED_CLASSIFICATION.formatted("conflict-status", "s.id")))
                .setParameter("within", (double) config.statusEndingWithin().toSeconds())
                .executeUpdate();
    }
}
