-- Notifications: what happened that a person should know (an event, written in the transaction that caused it: an
-- outbox), the inbox entries and emails it became (one per event and person, never two), and each person's
-- preferences.

-- An event: a change of a record (queued by the change log's own statement) or a scheduled finding (a task due within
-- 24 hours, overdue). It carries what choosing its recipients needs: the record's region and classification at that
-- moment, the agency or team it concerns. The fan-out worker turns it into inbox entries and emails.
create table notification_event (
    id              bigserial   primary key,
    kind            text        not null,
    entity_type     text        not null,
    entity_id       uuid        not null,
    entity_version  bigint,
    region_code     text,
    classification  text        not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
    agency_id       uuid,
    team_id         uuid,
    parent_type     text,
    parent_id       uuid,
    -- once per event: a change's kind and version, a reminder's kind and due time
    dedupe_key      text        not null,
    occurred_at     timestamptz not null default now(),
    fanned_out_at   timestamptz,
    recipients      int,
    constraint notification_event_dedupe_key unique (dedupe_key)
);
create index notification_event_pending on notification_event (id) where fanned_out_at is null;

-- A person's inbox entry. Its id is the inbox's order and the cursor a mobile app polls with.
create table notification (
    id              bigserial   primary key,
    account_id      uuid        not null references account (id) on delete cascade,
    event_id        bigint      not null references notification_event (id) on delete cascade,
    created_at      timestamptz not null default now(),
    read_at         timestamptz,
    constraint notification_event_account_key unique (event_id, account_id)
);
create index notification_account on notification (account_id, id);
create index notification_unread on notification (account_id, id) where read_at is null;

-- An email to send: at most one per event and person; retried with backoff while the SMTP server refuses it.
create table notification_email (
    id              bigserial   primary key,
    account_id      uuid        not null references account (id) on delete cascade,
    event_id        bigint      not null references notification_event (id) on delete cascade,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    digest          boolean     not null default false,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    last_error      text,
    constraint notification_email_event_account_key unique (event_id, account_id)
);
create index notification_email_due on notification_email (next_attempt_at) where status = 'PENDING';

-- Which events reach a person on which channel, and whether emails come at once or as one daily digest. No row: every
-- event on both channels, at once.
create table notification_preference (
    account_id      uuid        primary key references account (id) on delete cascade,
    channels        jsonb       not null check (jsonb_typeof(channels) = 'object'),
    email_delivery  text        not null check (email_delivery in ('IMMEDIATE', 'DAILY_DIGEST')),
    version         bigint      not null,
    updated_at      timestamptz not null
);
