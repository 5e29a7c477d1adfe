-- Photos on community reports, and reports located by a point alone.
--
-- A report's photos are attachments whose parent is the report (intake_report_id), sent without a token through the
-- upload key the report's 202 answer showed once: only its SHA-256 is kept, with its expiry. When the report is
-- accepted as an incident or early warning its photos move there (their parent column changes); reported_in keeps
-- the report they came from, so the reporter's count of photos received stays right after the move.

alter table intake_report
    add column upload_key_sha256      text unique check (upload_key_sha256 ~ '^[0-9a-f]{64}$'),
    add column upload_key_expires_at  timestamptz,
    add check ((upload_key_sha256 is null) = (upload_key_expires_at is null));

-- A point alone locates a report: the region may be unknown (then the report waits in the queue for reports without
-- a region, the national one unless terpadu.intake.unlocated-region names another) until a triager forwards it.
alter table intake_report alter column region_code drop not null;
alter table intake_report alter column queue_region drop not null;
alter table intake_report add check (region_code is not null or latitude is not null);

-- the parent-type check, the one-parent check and the generated parent id, each with the new column
do $$
declare c record;
begin
    for c in select conname from pg_constraint
             where conrelid = 'attachment'::regclass and contype = 'c'
               and (pg_get_constraintdef(oid) like '%parent_type%' or pg_get_constraintdef(oid) like '%num_nonnulls%')
    loop
        execute format('alter table attachment drop constraint %I', c.conname);
    end loop;
end $$;

alter table attachment
    add column intake_report_id uuid references intake_report (id) on delete cascade,
    add column reported_in      uuid references intake_report (id) on delete set null;
alter table attachment add constraint attachment_parent_type check (parent_type in ('incident', 'early-warning',
    'incident-activity', 'meeting', 'team', 'conflict-status', 'action-plan-report', 'neutrality-case', 'intake-report'));
alter table attachment add constraint attachment_one_parent check (num_nonnulls(incident_id, early_warning_id,
    activity_id, meeting_id, team_id, conflict_status_id, report_id, neutrality_case_id, intake_report_id) = 1);

-- dropping the generated column drops its two indexes; both come back over the new one
alter table attachment drop column parent_id;
alter table attachment add column parent_id uuid generated always as (coalesce(incident_id, early_warning_id,
    activity_id, meeting_id, team_id, conflict_status_id, report_id, neutrality_case_id, intake_report_id)) stored;
create index attachment_parent on attachment (parent_id, created_at, id);
create unique index attachment_same_bytes on attachment (parent_id, sha256) where status = 'AVAILABLE';
create index attachment_intake_report on attachment (intake_report_id) where intake_report_id is not null;
create index attachment_reported_in on attachment (reported_in) where reported_in is not null;
