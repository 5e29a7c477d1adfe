-- Attachments: photos, videos, recordings and documents kept with a record (its evidence, its SK, its minutes).
-- The bytes live in the configured store (the file system by default, or S3-compatible object storage); attachment
-- holds what is known about them and where each copy is kept, attachment_upload the state of an upload still under
-- way (kept apart so that the progress of an upload is not a change of the record).

insert into reference_item (kind, code, label_id, label_en, description, sort_order) values
('attachment-kinds', 'FOTO', 'Foto', 'Photo', 'Foto kejadian, lokasi atau kegiatan (JPEG, PNG, WebP, HEIC)', 10),
('attachment-kinds', 'VIDEO', 'Video', 'Video', 'Rekaman video (MP4, QuickTime, 3GP)', 20),
('attachment-kinds', 'AUDIO', 'Rekaman suara', 'Audio recording', 'Rekaman suara atau pesan suara (MP3, M4A, Ogg)', 30),
('attachment-kinds', 'TANGKAPAN_LAYAR', 'Tangkapan layar', 'Screenshot', 'Tangkapan layar media sosial atau pesan', 40),
('attachment-kinds', 'DOKUMEN', 'Dokumen', 'Document', 'Dokumen umum (PDF, dokumen perkantoran, pindaian)', 50),
('attachment-kinds', 'SK', 'Surat keputusan (SK)', 'Decree (SK)', 'Surat keputusan, misalnya SK pembentukan tim atau penetapan status keadaan konflik', 60),
('attachment-kinds', 'NOTULEN', 'Notulen rapat', 'Minutes', 'Notulen rapat koordinasi', 70),
('attachment-kinds', 'DAFTAR_HADIR', 'Daftar hadir', 'Attendance list', 'Daftar hadir rapat atau kegiatan', 80),
('attachment-kinds', 'SURAT', 'Surat', 'Letter', 'Surat, misalnya permintaan pertimbangan DPRD', 90),
('attachment-kinds', 'KAJIAN', 'Kajian atau telaahan', 'Study or assessment', 'Kajian, telaahan atau hasil pengawasan (misalnya kajian Bawaslu)', 100);

create table attachment (
    id                  uuid primary key,
    -- the record it belongs to: exactly one of these is set, each removed with its record
    parent_type         text        not null check (parent_type in ('incident', 'early-warning', 'incident-activity',
                                    'meeting', 'team', 'conflict-status', 'action-plan-report', 'neutrality-case')),
    incident_id         uuid references incident (id) on delete cascade,
    early_warning_id    uuid references early_warning (id) on delete cascade,
    activity_id         uuid references incident_activity (id) on delete cascade,
    meeting_id          uuid references meeting (id) on delete cascade,
    team_id             uuid references team (id) on delete cascade,
    conflict_status_id  uuid references conflict_status (id) on delete cascade,
    report_id           uuid references action_plan_report (id) on delete cascade,
    neutrality_case_id  uuid references neutrality_case (id) on delete cascade,
    parent_id           uuid generated always as (coalesce(incident_id, early_warning_id, activity_id, meeting_id,
                                    team_id, conflict_status_id, report_id, neutrality_case_id)) stored,
    check (num_nonnulls(incident_id, early_warning_id, activity_id, meeting_id, team_id, conflict_status_id, report_id,
                        neutrality_case_id) = 1),
    -- the parent's region, for region scope and the change log (null: a national record)
    region_code         text references region (code),
    kind_kind           text        not null default 'attachment-kinds' check (kind_kind = 'attachment-kinds'),
    kind                text        not null,
    title               text        not null check (length(title) between 1 and 200),
    caption             text check (length(caption) <= 2000),
    file_name           text        not null check (length(file_name) between 1 and 255),
    classification      text        not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
    personal_data       boolean     not null default false,
    status              text        not null check (status in ('UPLOADING', 'AVAILABLE', 'REJECTED')),
    rejection           text check (length(rejection) <= 500),
    -- the size the uploader announced (and, once all is here, had); what the bytes are, once they are all here
    size                bigint      not null check (size >= 0),
    media_type          text,
    sha256              text check (sha256 ~ '^[0-9a-f]{64}$'),
    -- for which agency it was uploaded (null: a national caller speaking for no agency)
    agency_id           uuid references agency (id),
    -- where and when it was taken (restricted: the file's metadata or the client)
    captured_at         timestamptz,
    capture_latitude    double precision check (capture_latitude between -90 and 90),
    capture_longitude   double precision check (capture_longitude between -180 and 180),
    capture_source      text check (capture_source in ('FILE', 'CLIENT')),
    -- where the copies are kept in the store: the served copy (cleaned of metadata), the untouched original when the
    -- setting keeps it
    content_key         text,
    original_key        text,
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    created_by          text        not null,
    updated_by          text        not null,
    foreign key (kind_kind, kind) references reference_item (kind, code),
    check (status <> 'AVAILABLE' or (media_type is not null and sha256 is not null and content_key is not null))
);
create index attachment_parent on attachment (parent_id, created_at, id);
create index attachment_agency_day on attachment (agency_id, created_at);
-- the same bytes on the same record are one attachment
create unique index attachment_same_bytes on attachment (parent_id, sha256) where status = 'AVAILABLE';
create index attachment_incident on attachment (incident_id) where incident_id is not null;
create index attachment_early_warning on attachment (early_warning_id) where early_warning_id is not null;
create index attachment_activity on attachment (activity_id) where activity_id is not null;
create index attachment_meeting on attachment (meeting_id) where meeting_id is not null;
create index attachment_team on attachment (team_id) where team_id is not null;
create index attachment_conflict_status on attachment (conflict_status_id) where conflict_status_id is not null;
create index attachment_report on attachment (report_id) where report_id is not null;
create index attachment_neutrality_case on attachment (neutrality_case_id) where neutrality_case_id is not null;

-- The thumbnail of an image, made after the upload's answer by a background job: derived from the bytes, so kept
-- apart from the attachment (its making is not a change of the record).
create table attachment_thumbnail (
    attachment_id   uuid        primary key references attachment (id) on delete cascade,
    state           text        not null check (state in ('PENDING', 'DONE', 'FAILED')),
    key             text,
    queued_at       timestamptz not null default now()
);
create index attachment_thumbnail_pending on attachment_thumbnail (queued_at) where state = 'PENDING';

-- An upload under way (tus): how much has arrived, until when it may go on, and which request is writing to it now
-- (a lease, so that two requests never append at once, and a crashed instance's lease runs out).
create table attachment_upload (
    attachment_id   uuid        primary key references attachment (id) on delete cascade,
    upload_offset   bigint      not null default 0 check (upload_offset >= 0),
    expires_at      timestamptz not null,
    lease           uuid,
    lease_until     timestamptz
);
create index attachment_upload_expiring on attachment_upload (expires_at);

-- The pieces of an upload that have arrived, each kept in the store under its own key (uploads/<id>/<start>-<lease>).
create table attachment_piece (
    attachment_id   uuid   not null references attachment_upload (attachment_id) on delete cascade,
    start_offset    bigint not null check (start_offset >= 0),
    length          bigint not null check (length > 0),
    key             text   not null,
    primary key (attachment_id, start_offset)
);

-- Bytes to remove from the store: whatever removes an attachment (its own deletion, its record's, an expired upload)
-- queues its keys here in the same transaction, and a job removes them, so that no removal is lost to a crash and
-- no bytes are removed for a transaction that rolled back.
create table storage_garbage (
    key         text        primary key,
    is_prefix   boolean     not null,
    queued_at   timestamptz not null default now()
);

create function attachment_garbage() returns trigger language plpgsql as $$
begin
    insert into storage_garbage (key, is_prefix)
    select k, false from (values (old.content_key), (old.original_key)) v (k)
    where k is not null
    on conflict (key) do nothing;
    return old;
end $$;
create trigger attachment_garbage after delete on attachment for each row execute function attachment_garbage();

-- an upload that ends (complete, terminated, expired, or its attachment removed) leaves its pieces to be removed
create function attachment_upload_garbage() returns trigger language plpgsql as $$
begin
    insert into storage_garbage (key, is_prefix) values ('uploads/' || old.attachment_id, true)
    on conflict (key) do nothing;
    return old;
end $$;
create trigger attachment_upload_garbage after delete on attachment_upload for each row
    execute function attachment_upload_garbage();

create function attachment_thumbnail_garbage() returns trigger language plpgsql as $$
begin
    if old.key is not null then
        insert into storage_garbage (key, is_prefix) values (old.key, false) on conflict (key) do nothing;
    end if;
    return old;
end $$;
create trigger attachment_thumbnail_garbage after delete on attachment_thumbnail for each row
    execute function attachment_thumbnail_garbage();
