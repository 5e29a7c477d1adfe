-- The change log: audit trail now, integration feed later. One row per create/update/delete, written in the
-- same transaction as the change. txid is the writing transaction's id: a feed reader orders by
-- (txid, position) and reads only below pg_snapshot_xmin(pg_current_snapshot()), so a transaction that commits
-- late can never land behind a reader's cursor.
create table change_log (
    position        bigserial primary key,
    txid            xid8        not null default pg_current_xact_id(),
    entity_type     text        not null,
    entity_id       uuid        not null,
    operation       text        not null check (operation in ('CREATE', 'UPDATE', 'DELETE')),
    version         bigint      not null,
    region_code     text,
    actor           text        not null,
    actor_agency_id uuid,
    client_id       text,
    request_id      text,
    occurred_at     timestamptz not null default clock_timestamp(),
    snapshot        jsonb       not null
);
create index change_log_entity on change_log (entity_type, entity_id, position);
create index change_log_feed on change_log (txid, position);

-- Idempotency keys of POST requests, per caller, kept 24 hours.
create table idempotency_key (
    principal    text        not null,
    key          text        not null,
    request_hash text        not null,
    method       text        not null,
    path         text        not null,
    status       integer,
    content_type text,
    location     text,
    etag         text,
    body         bytea,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    primary key (principal, key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
