-- The Atom feed of public alerts (GET /api/v1/alerts.atom) reads the newest PUBLIC warnings that have neither
-- subsided nor been escalated. A partial index keeps that read at the size of the feed, however many warnings
-- are restricted, confidential or closed.
create index early_warning_public_current on early_warning (updated_at desc, id desc)
    where classification = 'PUBLIC' and status not in ('REDA', 'ESKALASI');
