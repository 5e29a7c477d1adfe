-- A closed (SELESAI) incident may be opened again by a coordinator of its region or above, with a reason (issue 19
-- §1): the move is a stage transition (SELESAI to an open stage) and the incident keeps the reason of its last
-- reopening, so that its change log, the feed and webhooks carry it.
alter table incident add column reopening_reason text check (length(reopening_reason) <= 2000);
