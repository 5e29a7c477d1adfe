-- The last corrections of issue 19.
--
-- A person added to a neutrality case by mistake is removed from it with a reason: the person's row goes (its masked
-- name and NIP stay in the case's earlier versions in the change log), and the case keeps who removed which person,
-- when and why, so that its change log, the feed and webhooks carry the reason.
alter table neutrality_case add column person_removals jsonb not null default '[]'::jsonb;

-- An imposed sanction (SANKSI_DIJATUHKAN) is reopened back to REKOMENDASI with a reason; the person keeps the reason,
-- who and when of their last reopening.
alter table neutrality_person
    add column reopening_reason text check (length(reopening_reason) <= 2000),
    add column reopened_at      timestamptz,
    add column reopened_by      text,
    add check ((reopening_reason is null) = (reopened_at is null));

-- A VERIFIED progress report is reopened back to SUBMITTED with a reason, for the level above to review again; the
-- report keeps the reason, who and when of its last reopening.
alter table action_plan_report
    add column reopening_reason text check (length(reopening_reason) <= 2000),
    add column reopened_at      timestamptz,
    add column reopened_by      text,
    add check ((reopening_reason is null) = (reopened_at is null));
