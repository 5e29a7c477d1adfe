-- An overdue task climbs: first to the province's team, then, still overdue after terpadu.tasks.escalate-again-after,
-- to the national team. Each step is kept on the task (escalated_at and escalated_to_team_id stay the latest step).
alter table incident_task add column escalations jsonb not null default '[]'::jsonb
    check (jsonb_typeof(escalations) = 'array' and jsonb_array_length(escalations) <= 2);

update incident_task t
   set escalations = jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
           'teamId', t.escalated_to_team_id,
           'teamLevel', (select level from team where id = t.escalated_to_team_id),
           'at', to_char(t.escalated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))))
 where t.escalated_at is not null;
