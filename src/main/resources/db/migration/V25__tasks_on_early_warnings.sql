-- Deteksi dini asks agencies to act before violence: a task is given on an incident or on an early warning.
alter table incident_task alter column incident_id drop not null;
alter table incident_task add column warning_id uuid references early_warning (id) on delete cascade;
alter table incident_task add constraint incident_task_one_parent check (num_nonnulls(incident_id, warning_id) = 1);
create index incident_task_warning on incident_task (warning_id, due_at, id) where warning_id is not null;
