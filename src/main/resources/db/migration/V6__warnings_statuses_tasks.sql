-- Early warnings (deteksi dini / potensi konflik), conflict statuses (Status Keadaan Konflik) with TNI
-- assistance, and tasks given to agencies in the handling of an incident.

insert into reference_item (kind, code, label_id, label_en, description, legal_basis, attributes, sort_order) values
('risk-levels', 'RENDAH', 'Rendah', 'Low', 'Skor kemungkinan × dampak 1–6', 'Aturan Terpadu (skor = kemungkinan × dampak, masing-masing 1–5)', '{"minScore":1,"maxScore":6}', 10),
('risk-levels', 'SEDANG', 'Sedang', 'Medium', 'Skor kemungkinan × dampak 8–12', 'Aturan Terpadu (skor = kemungkinan × dampak, masing-masing 1–5)', '{"minScore":7,"maxScore":12}', 20),
('risk-levels', 'TINGGI', 'Tinggi', 'High', 'Skor kemungkinan × dampak 15–25', 'Aturan Terpadu (skor = kemungkinan × dampak, masing-masing 1–5)', '{"minScore":13,"maxScore":25}', 30),
('early-warning-statuses', 'TERIDENTIFIKASI', 'Teridentifikasi', 'Identified', 'Potensi konflik baru dicatat', 'UU 7/2012 Ps 10', '{}', 10),
('early-warning-statuses', 'DIPANTAU', 'Dipantau', 'Monitored', null, 'UU 7/2012 Ps 10', '{}', 20),
('early-warning-statuses', 'DITANGANI', 'Ditangani', 'Being handled', null, 'UU 7/2012 Ps 9', '{}', 30),
('early-warning-statuses', 'REDA', 'Reda', 'Subsided', null, null, '{}', 40),
('early-warning-statuses', 'ESKALASI', 'Eskalasi', 'Escalated', 'Menjadi peristiwa konflik (insiden)', 'UU 7/2012 Ps 12', '{}', 50),
('conflict-status-scales', 'KABUPATEN_KOTA', 'Skala kabupaten/kota', 'Regency/city scale', 'Ditetapkan bupati/wali kota setelah konsultasi pimpinan DPRD', 'UU 7/2012 Ps 16', '{}', 10),
('conflict-status-scales', 'PROVINSI', 'Skala provinsi', 'Provincial scale', 'Ditetapkan gubernur setelah konsultasi pimpinan DPRD provinsi', 'UU 7/2012 Ps 17', '{}', 20),
('conflict-status-scales', 'NASIONAL', 'Skala nasional', 'National scale', 'Ditetapkan Presiden setelah konsultasi pimpinan DPR', 'UU 7/2012 Ps 18', '{}', 30),
('tni-tasks', 'PENGHENTIAN_KEKERASAN', 'Membantu menghentikan kekerasan fisik', 'Help stop physical violence', null, 'UU 7/2012 Ps 34; PP 2/2015', '{}', 10),
('tni-tasks', 'PENUTUPAN_SEMENTARA', 'Penutupan sementara kawasan konflik', 'Temporary closure of the conflict area', null, 'UU 7/2012 Ps 34', '{}', 20),
('tni-tasks', 'PEMBATASAN_ORANG_DI_LUAR_RUMAH', 'Pembatasan orang di luar rumah', 'Limiting people outdoors', null, 'UU 7/2012 Ps 34', '{}', 30),
('tni-tasks', 'LARANGAN_MASUK_KELUAR', 'Larangan memasuki atau meninggalkan kawasan', 'Barring entry to or exit from the area', null, 'UU 7/2012 Ps 34', '{}', 40),
('tni-tasks', 'PENYELAMATAN', 'Penyelamatan dan evakuasi', 'Rescue and evacuation', null, 'UU 7/2012 Ps 34', '{}', 50),
('tni-tasks', 'PERLINDUNGAN_KELOMPOK_RENTAN', 'Perlindungan kelompok rentan dan harta benda', 'Protecting vulnerable groups and property', null, 'UU 7/2012 Ps 34', '{}', 60),
('task-states', 'ALERTED', 'Diminta', 'Alerted', 'Instansi diminta bertindak', null, '{}', 10),
('task-states', 'ACKNOWLEDGED', 'Diterima', 'Acknowledged', null, null, '{}', 20),
('task-states', 'ACTIVE', 'Dikerjakan', 'Active', null, null, '{}', 30),
('task-states', 'DONE', 'Selesai', 'Done', null, null, '{}', 40),
('task-states', 'UNABLE', 'Tidak dapat dilaksanakan', 'Unable', 'Dengan alasan', null, '{}', 50);

create table early_warning (
    id                   uuid primary key,
    region_code          text        not null references region (code),
    category_kind        text        not null default 'conflict-categories' check (category_kind = 'conflict-categories'),
    category_code        text        not null,
    title                text        not null check (length(title) between 1 and 300),
    description          text check (length(description) <= 20000),
    parties              jsonb       not null default '[]'::jsonb,
    indicators           jsonb       not null default '[]'::jsonb,
    likelihood           smallint    not null check (likelihood between 1 and 5),
    impact               smallint    not null check (impact between 1 and 5),
    risk_level           text        not null check (risk_level in ('RENDAH', 'SEDANG', 'TINGGI')),
    source_agency_id     uuid references agency (id),
    source_kind          text        not null,
    classification       text        not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
    status               text        not null check (status in ('TERIDENTIFIKASI', 'DIPANTAU', 'DITANGANI', 'REDA', 'ESKALASI')),
    recommended_actions  text check (length(recommended_actions) <= 10000),
    escalated_incident_id uuid references incident (id),
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    created_by           text        not null,
    updated_by           text        not null,
    foreign key (category_kind, category_code) references reference_item (kind, code),
    check ((status = 'ESKALASI') = (escalated_incident_id is not null))
);
create index early_warning_order on early_warning (updated_at desc, id desc);
create index early_warning_region on early_warning (region_code text_pattern_ops);
create index early_warning_status on early_warning (status, risk_level);

-- Incidents that grew out of early warnings.
create table incident_early_warning (
    incident_id      uuid not null references incident (id) on delete cascade,
    early_warning_id uuid not null references early_warning (id) on delete cascade,
    primary key (incident_id, early_warning_id)
);
create index incident_early_warning_warning on incident_early_warning (early_warning_id);

create table conflict_status (
    id                 uuid primary key,
    scale              text        not null check (scale in ('KABUPATEN_KOTA', 'PROVINSI', 'NASIONAL')),
    region_code        text references region (code),
    declared_by        text        not null check (length(declared_by) between 1 and 300),
    decree_number      text        not null check (length(decree_number) between 1 and 200),
    consultation_date  date        not null,
    starts_on          date        not null,
    ends_on            date        not null,
    revoked_on         date,
    revocation_reason  text,
    revocation_decree  text,
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    created_by         text        not null,
    updated_by         text        not null,
    check ((scale = 'NASIONAL') = (region_code is null)),
    check (consultation_date <= starts_on),
    check (ends_on >= starts_on),
    check (ends_on - starts_on < 90),
    check (revoked_on is null or (revoked_on >= starts_on and revoked_on <= ends_on))
);
create index conflict_status_region on conflict_status (region_code text_pattern_ops);
create index conflict_status_order on conflict_status (starts_on desc, id desc);

create table conflict_status_extension (
    id            uuid primary key,
    status_id     uuid        not null references conflict_status (id) on delete cascade,
    decree_number text        not null,
    reason        text        not null,
    starts_on     date        not null,
    ends_on       date        not null,
    created_at    timestamptz not null,
    created_by    text        not null,
    check (ends_on >= starts_on and ends_on - starts_on < 30)
);
create index conflict_status_extension_status on conflict_status_extension (status_id, starts_on);

create table tni_assistance (
    id                uuid primary key,
    status_id         uuid        not null references conflict_status (id) on delete cascade,
    requested_by      text        not null check (length(requested_by) between 1 and 300),
    reason            text        not null check (length(reason) between 1 and 5000),
    units             jsonb       not null default '[]'::jsonb,
    tasks             jsonb       not null default '[]'::jsonb,
    starts_on         date        not null,
    ends_on           date        not null,
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    created_by        text        not null,
    updated_by        text        not null,
    check (ends_on >= starts_on)
);
create index tni_assistance_status on tni_assistance (status_id, starts_on);

alter table incident add column conflict_status_id uuid references conflict_status (id);
create index incident_conflict_status on incident (conflict_status_id) where conflict_status_id is not null;

create table incident_task (
    id                    uuid primary key,
    incident_id           uuid        not null references incident (id) on delete cascade,
    agency_id             uuid        not null references agency (id),
    description           text        not null check (length(description) between 1 and 5000),
    due_at                timestamptz not null,
    state                 text        not null check (state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE', 'DONE', 'UNABLE')),
    unable_reason         text,
    escalated_at          timestamptz,
    escalated_to_team_id  uuid references team (id),
    version               bigint      not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    created_by            text        not null,
    updated_by            text        not null,
    check ((state = 'UNABLE') = (unable_reason is not null))
);
create index incident_task_incident on incident_task (incident_id, due_at, id);
create index incident_task_open_due on incident_task (due_at, id) where state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE');
create index incident_task_agency on incident_task (agency_id);
