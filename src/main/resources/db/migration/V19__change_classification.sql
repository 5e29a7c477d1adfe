-- Each change carries the classification it had when it was written, so that the one rule of who may see a change
-- (its region and its classification: the feed's readers, the webhook queue) reads two columns of the change itself.
-- A record classified on its own takes its snapshot's classification (PUBLIC when it has none: agencies, teams);
-- a task or an activity takes its incident's; a delete takes the classification of the record's last version.
alter table change_log add column classification text;

update change_log c set classification = coalesce(i.classification, 'CONFIDENTIAL')
from incident i
where c.entity_type in ('incident-task', 'incident-activity') and c.operation <> 'DELETE'
  and i.id = cast(c.snapshot ->> 'incidentId' as uuid);

update change_log set classification = 'CONFIDENTIAL'
where entity_type in ('incident-task', 'incident-activity') and operation <> 'DELETE' and classification is null;

update change_log set classification = coalesce(snapshot ->> 'classification', 'PUBLIC')
where operation <> 'DELETE' and classification is null;

update change_log c set classification = coalesce((
        select p.classification from change_log p
        where p.entity_type = c.entity_type and p.entity_id = c.entity_id and p.operation <> 'DELETE'
          and (p.txid, p.position) < (c.txid, c.position)
        order by p.txid desc, p.position desc limit 1), 'CONFIDENTIAL')
where c.operation = 'DELETE';

alter table change_log alter column classification set not null,
    add constraint change_log_classification check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'));
