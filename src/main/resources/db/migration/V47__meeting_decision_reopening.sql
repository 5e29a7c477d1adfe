-- A meeting decision marked DONE or DROPPED by mistake is reopened, back to IN_PROGRESS, by a coordinator of the
-- meeting's region or above with a reason; the decision keeps the reason, who and when of its last reopening, so that
-- its change log, the feed and webhooks carry them. DONE and DROPPED stay final for the follow-ups.
alter table meeting_decision
    add column reopening_reason text check (length(reopening_reason) <= 2000),
    add column reopened_at      timestamptz,
    add column reopened_by      text,
    add check ((reopening_reason is null) = (reopened_at is null));
