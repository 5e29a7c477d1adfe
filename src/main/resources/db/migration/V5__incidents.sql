-- Conflict incidents (peristiwa konflik) and their handling through the statutory stages.

-- Vocabularies of the incident record, served as reference data.
insert into reference_item (kind, code, label_id, label_en, description, legal_basis, sort_order) values
('incident-stages', 'PENCEGAHAN', 'Pencegahan', 'Prevention', 'Potensi konflik; belum terjadi kekerasan', 'UU 7/2012 Bab III', 10),
('incident-stages', 'PENGHENTIAN', 'Penghentian', 'Termination', 'Kekerasan terjadi; penghentian, tindakan darurat, bantuan TNI', 'UU 7/2012 Bab IV', 20),
('incident-stages', 'PEMULIHAN', 'Pemulihan', 'Recovery', 'Rekonsiliasi, rehabilitasi, rekonstruksi', 'UU 7/2012 Bab V', 30),
('incident-stages', 'SELESAI', 'Selesai', 'Closed', 'Penanganan ditutup dengan ringkasan penutupan', null, 40),
('classifications', 'PUBLIC', 'Terbuka', 'Public', 'Boleh dilihat semua pengguna dan integrasi', 'UU 14/2008', 10),
('classifications', 'RESTRICTED', 'Terbatas', 'Restricted', 'Hanya anggota tim (bukan integrasi)', 'UU 14/2008 Ps 17', 20),
('classifications', 'CONFIDENTIAL', 'Rahasia', 'Confidential', 'Hanya instansi yang diizinkan konfigurasi (mis. laporan BIN)', 'UU 17/2011', 30),
('source-kinds', 'LAPORAN_INSTANSI', 'Laporan instansi', 'Agency report', null, null, 10),
('source-kinds', 'LAPORAN_MASYARAKAT', 'Laporan masyarakat', 'Public report', null, null, 20),
('source-kinds', 'PATROLI', 'Patroli', 'Patrol', null, null, 30),
('source-kinds', 'INTELIJEN', 'Intelijen', 'Intelligence', null, 'UU 17/2011', 40),
('source-kinds', 'MEDIA', 'Media massa', 'News media', 'Sumber SNPK: surat kabar lokal', null, 50),
('source-kinds', 'MEDIA_SOSIAL', 'Media sosial', 'Social media', null, null, 60),
('source-kinds', 'LAINNYA', 'Lainnya', 'Other', null, null, 70),
('party-roles', 'PELAKU', 'Pelaku', 'Perpetrator', null, null, 10),
('party-roles', 'KORBAN', 'Korban', 'Victim', null, null, 20),
('party-roles', 'PIHAK_BERKONFLIK', 'Pihak berkonflik', 'Party to the conflict', null, null, 30),
('party-roles', 'MEDIATOR', 'Mediator', 'Mediator', null, null, 40),
('party-types', 'KELOMPOK_MASYARAKAT', 'Kelompok masyarakat', 'Community group', null, null, 10),
('party-types', 'ORGANISASI', 'Organisasi', 'Organisation', null, null, 20),
('party-types', 'PERUSAHAAN', 'Perusahaan', 'Company', null, null, 30),
('party-types', 'APARAT', 'Aparat negara', 'State apparatus', null, null, 40),
('party-types', 'PERORANGAN', 'Perorangan', 'Individual', 'Data pribadi (UU PDP 27/2022)', 'UU 27/2022', 50),
('party-types', 'LAINNYA', 'Lainnya', 'Other', null, null, 60),
('vulnerable-groups', 'PEREMPUAN', 'Perempuan', 'Women', null, 'Perpres 18/2014', 10),
('vulnerable-groups', 'ANAK', 'Anak', 'Children', null, 'Perpres 18/2014', 20),
('vulnerable-groups', 'LANSIA', 'Lanjut usia', 'Elderly', null, 'PP 2/2015 Ps 9 huruf c', 30),
('vulnerable-groups', 'DISABILITAS', 'Penyandang disabilitas', 'Persons with disabilities', null, 'PP 2/2015 Ps 9 huruf c', 40),
('geo-precisions', '1', 'Lokasi tepat', 'Exact location', 'Titik kejadian diketahui (desa/kelurahan atau lebih rinci)', 'ACLED geo_precision 1', 10),
('geo-precisions', '2', 'Sekitar lokasi', 'Near the location', 'Dekat atau di wilayah kecamatan', 'ACLED geo_precision 2', 20),
('geo-precisions', '3', 'Wilayah luas', 'Wider region', 'Hanya kabupaten/kota atau provinsi diketahui', 'ACLED geo_precision 3', 30),
('time-precisions', '1', 'Tanggal tepat', 'Exact day', null, 'ACLED time_precision 1', 10),
('time-precisions', '2', 'Sekitar tanggal', 'Within the week', null, 'ACLED time_precision 2', 20),
('time-precisions', '3', 'Bulan', 'Within the month', null, 'ACLED time_precision 3', 30);

-- Full-text match of an incident's text in Indonesian (snowball stemmer: "pembakaran" finds "bakar").
-- A one-expression SQL function: the planner inlines it into the query, where it matches the expression of
-- the GIN index incident_search below, so HQL can use it through function('incident_text_match', …).
create function incident_text_match(title text, description text, location_text text, query text) returns boolean
    language sql immutable parallel safe
    as $$ select to_tsvector('indonesian', title || ' ' || coalesce(description, '') || ' ' || coalesce(location_text, ''))
                 @@ websearch_to_tsquery('indonesian', query) $$;

create table incident (
    id                uuid primary key,
    title             text        not null check (length(title) between 1 and 300),
    description       text check (length(description) <= 20000),
    category_kind     text        not null default 'conflict-categories' check (category_kind = 'conflict-categories'),
    category_code     text        not null,
    region_code       text        not null references region (code),
    latitude          double precision check (latitude between -11.5 and 6.5),
    longitude         double precision check (longitude between 94.5 and 141.5),
    location_text     text check (length(location_text) <= 500),
    geo_precision     smallint check (geo_precision between 1 and 3),
    time_precision    smallint check (time_precision between 1 and 3),
    occurred_from     timestamptz not null,
    occurred_to       timestamptz,
    source_kind       text        not null,
    source_reference  text check (length(source_reference) <= 500),
    severity          smallint    not null check (severity between 1 and 5),
    classification    text        not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
    stage             text        not null check (stage in ('PENCEGAHAN', 'PENGHENTIAN', 'PEMULIHAN', 'SELESAI')),
    parties           jsonb       not null default '[]'::jsonb,
    killed            integer check (killed >= 0),
    injured           integer check (injured >= 0),
    sexual_violence   integer check (sexual_violence >= 0),
    buildings_damaged integer check (buildings_damaged >= 0),
    displaced         integer check (displaced >= 0),
    vulnerable_groups jsonb       not null default '[]'::jsonb,
    lead_agency_id    uuid references agency (id),
    duplicate_of      uuid references incident (id),
    closing_summary   text,
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    created_by        text        not null,
    updated_by        text        not null,
    foreign key (category_kind, category_code) references reference_item (kind, code),
    check ((latitude is null) = (longitude is null)),
    check (occurred_to is null or occurred_to >= occurred_from),
    check (duplicate_of is null or duplicate_of <> id)
);
create index incident_occurred on incident (occurred_from desc, id desc);
create index incident_updated on incident (updated_at desc, id desc);
create index incident_region on incident (region_code text_pattern_ops);
create index incident_category on incident (category_code);
create index incident_stage on incident (stage, occurred_from desc);
create index incident_lead_agency on incident (lead_agency_id);
create index incident_duplicate on incident (duplicate_of) where duplicate_of is not null;
create index incident_point on incident (latitude, longitude) where latitude is not null;
create index incident_search on incident using gin (
    to_tsvector('indonesian', title || ' ' || coalesce(description, '') || ' ' || coalesce(location_text, '')));

create table incident_stage_transition (
    id              uuid primary key,
    incident_id     uuid        not null references incident (id) on delete cascade,
    from_stage      text        not null,
    to_stage        text        not null,
    reason          text        not null check (length(reason) between 1 and 2000),
    transitioned_at timestamptz not null,
    actor           text        not null
);
create index incident_stage_transition_incident on incident_stage_transition (incident_id, transitioned_at);

create table incident_activity (
    id                 uuid primary key,
    incident_id        uuid        not null references incident (id) on delete cascade,
    activity_kind      text        not null default 'activity-types' check (activity_kind = 'activity-types'),
    activity_type      text        not null,
    stage              text        not null,
    agency_id          uuid        not null references agency (id),
    occurred_at        timestamptz not null,
    description        text        not null check (length(description) between 1 and 5000),
    outcome            text check (length(outcome) <= 5000),
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    created_by         text        not null,
    updated_by         text        not null,
    foreign key (activity_kind, activity_type) references reference_item (kind, code)
);
create index incident_activity_incident on incident_activity (incident_id, occurred_at, id);
