-- TNI assistance can be ended early (a decision of its own, with a date and a reason), apart from the status's end.
alter table tni_assistance add column ended_on date;
alter table tni_assistance add column end_reason text check (length(end_reason) between 1 and 2000);
alter table tni_assistance add constraint tni_assistance_ending
    check ((ended_on is null) = (end_reason is null) and (ended_on is null or ended_on >= starts_on));
