-- A stage transition recorded late keeps when it happened: a field officer who was offline when violence broke out
-- records the move to PENGHENTIAN hours later, and the activities of that afternoon are judged by the stage they were
-- done in. transitioned_at is when the move took effect (the time the client gives, or the recording time);
-- recorded_at is when the service recorded it, so that the history shows a late record as such. The transitions
-- written before now took effect when they were recorded.
alter table incident_stage_transition add column recorded_at timestamptz;
update incident_stage_transition set recorded_at = transitioned_at;
alter table incident_stage_transition alter column recorded_at set not null;
alter table incident_stage_transition add constraint incident_stage_transition_recorded
    check (transitioned_at <= recorded_at);
