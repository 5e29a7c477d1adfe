package id.terpadu.notification;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.changelog.ChangeQueue;

/**
 * The outbox of notifications: part of the change log's own statement, so an event is written in the transaction of
 * the change that caused it and commits (or rolls back) with it. It compares the new snapshot ({@code s.j}) with the
 * record's previous one in the log: a task given to an agency (created, or moved to another agency), acknowledged,
 * escalated to a team; an early warning that is of risk TINGGI for the first time; a progress report submitted,
 * returned or verified (with its plan's team); a community report that arrives in a team's queue (received, or
 * forwarded to another team). Only these types read the previous entry (one index lookup); every other change is
 * passed over by the type's test. Who receives an event is decided later by {@link FanOut}, from the accounts at that
 * moment. The event keeps the record's region and classification as the change log judged them, never its content.
 */
@ApplicationScoped
class NotificationQueue implements ChangeQueue {

    private static final String QUEUE = """
            insert into notification_event (kind, entity_type, entity_id, entity_version, region_code, classification,
                                            agency_id, team_id, parent_type, parent_id, dedupe_key)
            select k.kind, c.entity_type, c.entity_id, c.version, c.region_code, c.classification,
                   cast(s.j ->> 'agencyId' as uuid),
                   case c.entity_type
                        when 'incident-task' then cast(s.j ->> 'escalatedToTeamId' as uuid)
                        when 'intake-report' then cast(s.j ->> 'teamId' as uuid)
                        when 'action-plan-report' then (select p.team_id from action_plan p
                                                        where p.id = cast(s.j ->> 'planId' as uuid)) end,
                   case when c.entity_type = 'action-plan-report' then 'action-plan'
                        when s.j ->> 'incidentId' is not null then 'incident'
                        when s.j ->> 'warningId' is not null then 'early-warning' end,
                   cast(coalesce(s.j ->> 'incidentId', s.j ->> 'warningId', s.j ->> 'planId') as uuid),
                   k.kind || ':' || c.entity_id || ':' || c.version
            from change c cross join s
            left join lateral (select p.snapshot as j from change_log p
                               where c.entity_type in ('incident-task', 'early-warning', 'action-plan-report',
                                                       'intake-report')
                                 and p.entity_type = c.entity_type and p.entity_id = c.entity_id
                               order by p.position desc limit 1) prev on true
            cross join lateral (values
                ('TASK_ASSIGNED', c.entity_type = 'incident-task' and s.j ->> 'state' = 'ALERTED'
                                  and (prev.j is null or prev.j ->> 'agencyId' is distinct from s.j ->> 'agencyId'
                                       or prev.j ->> 'state' is distinct from 'ALERTED')),
                ('TASK_ACKNOWLEDGED', c.entity_type = 'incident-task' and s.j ->> 'state' = 'ACKNOWLEDGED'
                                      and prev.j ->> 'state' is distinct from 'ACKNOWLEDGED'),
                ('TASK_ESCALATED', c.entity_type = 'incident-task' and s.j ->> 'escalatedToTeamId' is not null
                                   and s.j ->> 'escalatedAt' is distinct from prev.j ->> 'escalatedAt'),
                ('WARNING_HIGH_RISK', c.entity_type = 'early-warning' and s.j ->> 'riskLevel' = 'TINGGI'
                                      and prev.j ->> 'riskLevel' is distinct from 'TINGGI'),
                ('REPORT_SUBMITTED', c.entity_type = 'action-plan-report' and s.j ->> 'status' = 'SUBMITTED'
                                     and prev.j ->> 'status' is distinct from 'SUBMITTED'),
                ('REPORT_RETURNED', c.entity_type = 'action-plan-report' and s.j ->> 'status' = 'RETURNED'
                                    and prev.j ->> 'status' is distinct from 'RETURNED'),
                ('REPORT_VERIFIED', c.entity_type = 'action-plan-report' and s.j ->> 'status' = 'VERIFIED'
                                    and prev.j ->> 'status' is distinct from 'VERIFIED'),
                ('INTAKE_WAITING', c.entity_type = 'intake-report' and s.j ->> 'status' in ('BARU', 'DITERUSKAN')
                                   and s.j ->> 'teamId' is not null
                                   and (prev.j is null or prev.j ->> 'teamId' is distinct from s.j ->> 'teamId'
                                        or prev.j ->> 'status' not in ('BARU', 'DITERUSKAN')))
            ) k(kind, fires)
            where c.entity_type in ('incident-task', 'early-warning', 'action-plan-report', 'intake-report')
              and c.operation <> 'DELETE' and k.fires
            on conflict (dedupe_key) do nothing
            """;

    @Override
    public String insertFromChange() {
        return QUEUE;
    }
}
