-- Community reports (laporan masyarakat) received without a token through POST /api/v1/public/reports, and the
-- triage queue of the team of their region. The reporter's contact is personal data: it lives only in this table,
-- never in the change log (the service logs the report without it).
create table intake_report (
    id                uuid primary key,
    -- what the reporter follows the report with: 10 characters of Crockford base32, stored without the dashes
    tracking_code     text        not null unique check (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
    description       text        not null check (length(description) between 1 and 5000),
    region_code       text        not null check (region_code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$'),
    latitude          double precision check (latitude between -11.5 and 6.5),
    longitude         double precision check (longitude between 94.5 and 141.5),
    location_text     text check (length(location_text) <= 500),
    occurred_at       timestamptz not null,
    category_code     text check (length(category_code) <= 64),
    contact_name      text check (length(contact_name) <= 200),
    contact_phone     text check (length(contact_phone) <= 30),
    -- the queue: the team of the kabupaten/kota, else of the province (null when neither has one), and the region
    -- whose scope triages it (the team's region)
    team_id           uuid references team (id),
    queue_region      text        not null,
    status            text        not null check (status in ('BARU', 'DITERUSKAN', 'DIVERIFIKASI', 'DUPLIKAT', 'DITOLAK')),
    public_status     text        not null check (public_status in ('DITERIMA', 'DIVERIFIKASI', 'DITINDAKLANJUTI', 'DITOLAK')),
    public_reason     text check (length(public_reason) <= 1000),
    public_status_at  timestamptz not null,
    triage_note       text check (length(triage_note) <= 2000),
    due_at            timestamptz not null,
    first_action_at   timestamptz,
    -- the record it became or duplicates, and that record's stage or status when it was linked
    linked_type       text check (linked_type in ('incident', 'early-warning')),
    linked_id         uuid,
    linked_state      text,
    version           bigint      not null default 0,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    created_by        text        not null,
    updated_by        text        not null,
    check ((latitude is null) = (longitude is null)),
    check ((linked_type is null) = (linked_id is null)),
    check ((status in ('DIVERIFIKASI', 'DUPLIKAT')) = (linked_id is not null)),
    check (status <> 'DITOLAK' or public_reason is not null)
);
create index intake_report_queue on intake_report (queue_region, created_at desc, id desc);
create index intake_report_open on intake_report (due_at) where status in ('BARU', 'DITERUSKAN');
-- the follow-up: a change of the linked record moves the public status on (FollowUp, in the change log's statement)
create index intake_report_linked on intake_report (linked_id) where public_status = 'DIVERIFIKASI';

-- The proof-of-work challenges already redeemed, each accepted once: kept until the challenge expires, then purged.
create table intake_challenge_used (
    signature   text        primary key,
    expires_at  timestamptz not null
);
create index intake_challenge_used_expiry on intake_challenge_used (expires_at);
