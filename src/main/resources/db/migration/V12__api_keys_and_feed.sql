-- API keys of integration scripts (only a hash of the key is kept) and the index the change feed uses to find the
-- version of a record a reader saw before a change moved it out of the reader's view.

create table api_key (
    id                 uuid primary key,
    agency_id          uuid        not null references agency (id),
    name               text        not null check (length(name) between 1 and 200),
    prefix             text        not null unique,
    key_hash           text        not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
    region_scope       jsonb       not null,
    scopes             jsonb       not null,
    classification     text        not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
    expires_at         timestamptz not null,
    revoked_at         timestamptz,
    revoked_by         text,
    revocation_reason  text check (length(revocation_reason) <= 1000),
    last_used_at       timestamptz,
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    created_by         text        not null,
    updated_by         text        not null
);
create index api_key_agency on api_key (agency_id);

create index change_log_entity_feed on change_log (entity_type, entity_id, txid, position);
