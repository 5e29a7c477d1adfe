-- A secretariat corrects a task (description, due time, agency) and may withdraw it with a reason (CANCELLED).
alter table incident_task drop constraint incident_task_state_check;
alter table incident_task add constraint incident_task_state_check
    check (state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE', 'DONE', 'UNABLE', 'CANCELLED'));
alter table incident_task add column cancel_reason text check (length(cancel_reason) between 1 and 2000);
alter table incident_task add constraint incident_task_cancel_reason check ((state = 'CANCELLED') = (cancel_reason is not null));

insert into reference_item (kind, code, label_id, label_en, description, legal_basis, attributes, sort_order) values
('task-states', 'CANCELLED', 'Dibatalkan', 'Cancelled', 'Ditarik sekretariat dengan alasan', null, '{}', 60);
