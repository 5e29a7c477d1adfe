-- Accounts of people: who a token of an OpenID Connect issuer is (its issuer and subject), and the rights the account
-- gives (roles, agency, region scope). Email and phone are personal data: they live only in this table, never in the
-- change log (the service logs the account with them masked).
create table account (
    id                   uuid primary key,
    issuer               text        not null check (length(issuer) between 1 and 500),
    subject              text        not null check (length(subject) between 1 and 255),
    name                 text        not null check (length(name) between 1 and 200),
    agency_id            uuid references agency (id),
    -- the region the account lies in: its agency's (null for a national account), which decides who manages it
    region_code          text check (region_code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$'),
    roles                jsonb       not null check (jsonb_typeof(roles) = 'array'),
    region_scope         jsonb       not null check (jsonb_typeof(region_scope) = 'array'),
    email                text check (length(email) <= 200),
    phone                text check (length(phone) <= 40),
    language             text        not null check (language in ('id', 'en')),
    active               boolean     not null,
    deactivated_at       timestamptz,
    deactivated_by       text,
    deactivation_reason  text check (length(deactivation_reason) <= 1000),
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    created_by           text        not null,
    updated_by           text        not null,
    constraint account_issuer_subject_key unique (issuer, subject),
    check (active = (deactivated_at is null))
);
create index account_agency on account (agency_id);
create index account_region on account (region_code);

-- Reading a national account's email or phone is recorded like any other read of personal data; such a record lies
-- in no region.
alter table personal_data_access alter column region_code drop not null;
