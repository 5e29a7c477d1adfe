-- Signed webhooks (Standard Webhooks): subscriptions, and a delivery queue filled in the same transaction as each
-- change. The change log's insert also inserts one webhook_delivery row per matching ACTIVE subscription (see
-- ChangeLog), so a change and its deliveries commit or roll back together; the worker then sends them.

create table webhook_subscription (
    id                 uuid        primary key,
    version            bigint      not null,
    url                text        not null,
    description        text,
    -- change-log entity types, e.g. {incident,early-warning}
    event_types        text[]      not null check (cardinality(event_types) > 0),
    -- a region and everything below it; null: national (every region, and national records)
    region_code        text,
    max_classification text        not null check (max_classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
    -- whsec_ + base64 of 32 random bytes: the HMAC key. Kept in clear because signing needs it; never logged.
    secret             text        not null,
    status             text        not null check (status in ('ACTIVE', 'DISABLED')),
    status_reason      text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    created_by         text        not null,
    updated_by         text        not null
);
create index webhook_subscription_list on webhook_subscription (created_at, id);

-- One event for one subscription. Its id is the webhook-id header, the same on every attempt. The body is built from
-- the change-log row at send time (change_position), so queueing copies no snapshot.
create table webhook_delivery (
    id              uuid        primary key default gen_random_uuid(),
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    change_position bigint      not null,
    event_type      text        not null,
    entity_id       uuid        not null,
    operation       text        not null,
    entity_version  bigint      not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0,
    -- when the next attempt is due; while an attempt is in flight, the end of its lease
    next_attempt_at timestamptz not null default now(),
    -- retries stop (FAILED) once a retry would fall later than retry_from + terpadu.webhooks.retry-window
    retry_from      timestamptz not null default now(),
    -- the claim of the attempt in flight: only its holder records the outcome
    lease           uuid,
    last_error      text,
    finished_at     timestamptz,
    created_at      timestamptz not null default now()
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc, id desc);

create table webhook_attempt (
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    number       integer     not null,
    attempted_at timestamptz not null,
    status_code  integer,
    latency_ms   integer     not null,
    error        text,
    -- when the next attempt was scheduled after this one failed; null after the last attempt
    retry_at     timestamptz,
    primary key (delivery_id, number)
);
