-- The Tim Terpadu's own work (Permendagri 42/2015): Rencana Aksi Terpadu with periodic progress reports,
-- coordination meetings with decisions to follow up, and ASN neutrality cases (SKB 2022).

insert into reference_item (kind, code, label_id, label_en, description, legal_basis, attributes, sort_order) values
('action-plan-periods', 'B04', 'Periode B-04 (Januari–April)', 'Period B-04 (January–April)', null, 'Permendagri 42/2015; praktik pelaporan RAT', '{"startMonth":1,"endMonth":4}', 10),
('action-plan-periods', 'B08', 'Periode B-08 (Mei–Agustus)', 'Period B-08 (May–August)', null, 'Permendagri 42/2015; praktik pelaporan RAT', '{"startMonth":5,"endMonth":8}', 20),
('action-plan-periods', 'B12', 'Periode B-12 (September–Desember)', 'Period B-12 (September–December)', null, 'Permendagri 42/2015; praktik pelaporan RAT', '{"startMonth":9,"endMonth":12}', 30),
('report-statuses', 'DRAFT', 'Draf', 'Draft', 'Disusun sekretariat tim', null, '{}', 10),
('report-statuses', 'SUBMITTED', 'Diajukan', 'Submitted', 'Diajukan sekretariat tim ke tingkat di atasnya', null, '{}', 20),
('report-statuses', 'VERIFIED', 'Diverifikasi', 'Verified', 'Diverifikasi tingkat di atasnya; tidak dapat diubah lagi', null, '{}', 30),
('report-statuses', 'RETURNED', 'Dikembalikan', 'Returned', 'Dikembalikan untuk diperbaiki', null, '{}', 40),
('meeting-kinds', 'RUTIN', 'Rapat koordinasi rutin', 'Routine coordination meeting', null, 'Permendagri 42/2015', '{}', 10),
('meeting-kinds', 'TERBATAS', 'Rapat terbatas', 'Restricted meeting', null, null, '{}', 20),
('meeting-kinds', 'EVALUASI_RAT', 'Rapat evaluasi Rencana Aksi Terpadu', 'Action plan evaluation meeting', 'Dievaluasi setiap empat bulan', null, '{}', 30),
('meeting-kinds', 'DARURAT', 'Rapat darurat', 'Emergency meeting', null, null, '{}', 40),
('attendance', 'HADIR', 'Hadir', 'Present', null, null, '{}', 10),
('attendance', 'DIWAKILI', 'Diwakili', 'Represented', null, null, '{}', 20),
('decision-statuses', 'OPEN', 'Belum ditindaklanjuti', 'Open', null, null, '{}', 10),
('decision-statuses', 'IN_PROGRESS', 'Sedang ditindaklanjuti', 'In progress', null, null, '{}', 20),
('decision-statuses', 'DONE', 'Selesai', 'Done', null, null, '{}', 30),
('decision-statuses', 'DROPPED', 'Dibatalkan', 'Dropped', 'Dengan alasan', null, '{}', 40),
('election-types', 'PEMILU', 'Pemilihan Umum', 'General election', 'Presiden, DPR, DPD, DPRD', 'UU 7/2017', '{}', 10),
('election-types', 'PILKADA', 'Pemilihan Kepala Daerah', 'Regional head election', 'Gubernur, bupati, wali kota', 'UU 10/2016', '{}', 20),
('neutrality-sources', 'TEMUAN', 'Temuan pengawas pemilu', 'Finding of the election supervisor', 'Ditemukan Bawaslu atau jajarannya', 'Perbawaslu 8/2022', '{}', 10),
('neutrality-sources', 'LAPORAN', 'Laporan masyarakat', 'Report from the public', null, 'Perbawaslu 8/2022', '{}', 20),
('asn-position-categories', 'JPT', 'Jabatan Pimpinan Tinggi', 'Senior executive', null, 'UU 20/2023', '{}', 10),
('asn-position-categories', 'ADMINISTRATOR', 'Jabatan Administrator', 'Administrator', null, 'UU 20/2023', '{}', 20),
('asn-position-categories', 'FUNGSIONAL', 'Jabatan Fungsional', 'Functional', null, 'UU 20/2023', '{}', 30),
('asn-position-categories', 'PELAKSANA', 'Pelaksana', 'Staff', null, 'UU 20/2023', '{}', 40),
('asn-position-categories', 'LURAH_CAMAT', 'Lurah atau camat', 'Village head (lurah) or district head (camat)', null, null, '{}', 50),
('asn-position-categories', 'OTHER', 'Lainnya', 'Other', null, null, '{}', 60),
('asn-violation-forms', 'ALAT_PERAGA', 'Memasang spanduk/baliho/alat peraga calon', 'Putting up banners for a candidate', null, 'SKB 2022', '{}', 10),
('asn-violation-forms', 'MEDIA_SOSIAL', 'Kampanye di media sosial (unggah, komentar, bagikan, suka, ikuti)', 'Campaigning on social media (post, comment, share, like, follow)', null, 'SKB 2022', '{}', 20),
('asn-violation-forms', 'MENDEKATI_PARPOL', 'Mendekati partai politik/masyarakat sebagai bakal calon', 'Approaching parties or the public as a would-be candidate', null, 'SKB 2022', '{}', 30),
('asn-violation-forms', 'MENGHADIRI_DEKLARASI', 'Menghadiri deklarasi dengan dukungan aktif', 'Attending a declaration with active support', null, 'SKB 2022', '{}', 40),
('asn-violation-forms', 'ANGGOTA_PARPOL', 'Menjadi anggota atau pengurus partai politik', 'Party membership', null, 'UU 5/2014 Ps 87(4)(c); SKB 2022', '{}', 50),
('asn-violation-forms', 'FOTO_PARTISAN', 'Berfoto dengan simbol/gestur keberpihakan', 'Partisan photos', null, 'SKB 2022', '{}', 60),
('asn-violation-forms', 'KEGIATAN_PARTISAN', 'Kegiatan atau pemberian barang yang berpihak', 'Partisan events or gifts', null, 'SKB 2022', '{}', 70),
('asn-violation-forms', 'TIM_KAMPANYE', 'Menjadi anggota tim kampanye/tim sukses', 'Serving on a campaign team', null, 'SKB 2022', '{}', 80),
('asn-violation-forms', 'FASILITAS_NEGARA', 'Menggunakan fasilitas negara', 'Using state facilities', null, 'SKB 2022', '{}', 90),
('asn-violation-forms', 'KEPUTUSAN_MENGUNTUNGKAN', 'Membuat keputusan yang menguntungkan calon', 'Decisions favouring a candidate', null, 'SKB 2022', '{}', 100),
('asn-violation-forms', 'LAINNYA', 'Bentuk lain', 'Other', null, 'SKB 2022', '{}', 110),
('neutrality-statuses', 'DITERIMA', 'Diterima', 'Received', 'Temuan atau laporan diterima pengawas pemilu', 'SKB 2022', '{}', 10),
('neutrality-statuses', 'KAJIAN', 'Dalam kajian', 'Under study', 'Klarifikasi dan kajian', 'SKB 2022', '{}', 20),
('neutrality-statuses', 'BUKAN_PELANGGARAN', 'Bukan pelanggaran', 'Not a violation', null, 'SKB 2022', '{}', 30),
('neutrality-statuses', 'REKOMENDASI', 'Direkomendasikan/diteruskan', 'Recommended or forwarded', 'Diteruskan ke lembaga yang berwenang', 'SKB 2022', '{}', 40),
('neutrality-statuses', 'SANKSI_DIJATUHKAN', 'Sanksi dijatuhkan', 'Sanction imposed', 'Oleh Pejabat Pembina Kepegawaian', 'PP 94/2021; PP 42/2004', '{}', 50),
('neutrality-statuses', 'TIDAK_DITINDAKLANJUTI', 'Tidak ditindaklanjuti', 'Not followed up', 'PPK tidak menindaklanjuti rekomendasi', 'SKB 2022', '{}', 60),
('neutrality-recipients', 'KASN', 'Komisi Aparatur Sipil Negara', 'Civil Service Commission (KASN)', 'Menerima rekomendasi sampai pembubarannya pada Agustus 2024 (tanggal pasti belum terverifikasi)', 'UU 5/2014; dibubarkan UU 20/2023', '{"until":"2024-08-31"}', 10),
('neutrality-recipients', 'BKN', 'Badan Kepegawaian Negara', 'National Civil Service Agency (BKN)', 'Menerima rekomendasi setelah KASN dibubarkan', 'UU 20/2023; SE MenPAN-RB 4/2024', '{"from":"2024-09-01"}', 20),
('neutrality-recipients', 'POLRI', 'Kepolisian (dugaan tindak pidana pemilihan)', 'Police (suspected election crime)', null, 'UU 7/2017; UU 10/2016', '{}', 30),
('neutrality-recipients', 'GAKKUMDU', 'Sentra Gakkumdu', 'Integrated law-enforcement centre (Gakkumdu)', null, 'UU 7/2017 Ps 486', '{}', 40),
('neutrality-recipients', 'PPK', 'Pejabat Pembina Kepegawaian', 'The employing official (PPK)', 'Yang menjatuhkan sanksi', 'PP 94/2021', '{}', 50),
('sanction-categories', 'KODE_ETIK', 'Pelanggaran kode etik: sanksi moral', 'Code of ethics: moral sanction', 'Pernyataan tertutup atau terbuka', 'PP 42/2004', '{}', 10),
('sanction-categories', 'DISIPLIN_SEDANG', 'Hukuman disiplin sedang', 'Medium disciplinary penalty', 'Pemotongan tunjangan kinerja 25% selama 6/9/12 bulan', 'PP 94/2021', '{}', 20),
('sanction-categories', 'DISIPLIN_BERAT', 'Hukuman disiplin berat', 'Severe disciplinary penalty', 'Penurunan jabatan, pembebasan dari jabatan 12 bulan, atau pemberhentian dengan hormat', 'PP 94/2021', '{}', 30),
('sanction-categories', 'PTDH', 'Pemberhentian tidak dengan hormat', 'Dishonourable discharge', 'Antara lain karena menjadi anggota partai politik', 'UU 5/2014 Ps 87(4)(c)', '{}', 40);

-- ---- Rencana Aksi Terpadu ------------------------------------------------------------------------------------

create table action_plan (
    id          uuid primary key,
    team_id     uuid        not null references team (id),
    year        integer     not null check (year between 2012 and 2100),
    title       text        not null check (length(title) between 1 and 300),
    decree      text check (length(decree) <= 300),
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    created_by  text        not null,
    updated_by  text        not null,
    unique (team_id, year)
);
create index action_plan_order on action_plan (year desc, id desc);

create table action_plan_item (
    id                     uuid primary key,
    plan_id                uuid          not null references action_plan (id) on delete cascade,
    stage                  text          not null check (stage in ('PENCEGAHAN', 'PENGHENTIAN', 'PEMULIHAN')),
    activity               text          not null check (length(activity) between 1 and 1000),
    indicator              text          not null check (length(indicator) between 1 and 1000),
    target_value           numeric(14,2) not null check (target_value > 0),
    target_unit            text          not null check (length(target_unit) between 1 and 100),
    responsible_agency_id  uuid          not null references agency (id),
    supporting_agency_ids  jsonb         not null default '[]'::jsonb,
    budget_idr             bigint check (budget_idr >= 0),
    starts_on              date          not null,
    ends_on                date          not null,
    version                bigint        not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    created_by             text          not null,
    updated_by             text          not null,
    check (ends_on >= starts_on)
);
create index action_plan_item_plan on action_plan_item (plan_id, stage, id);
create index action_plan_item_agency on action_plan_item (responsible_agency_id);

create table action_plan_report (
    id           uuid primary key,
    plan_id      uuid          not null references action_plan (id) on delete cascade,
    item_id      uuid          not null references action_plan_item (id) on delete cascade,
    period       text          not null check (period in ('B04', 'B08', 'B12')),
    realisation  numeric(14,2) not null check (realisation >= 0),
    percentage   numeric(9,2)  not null check (percentage >= 0),
    obstacles    text check (length(obstacles) <= 5000),
    evidence     jsonb         not null default '[]'::jsonb,
    status       text          not null check (status in ('DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED')),
    submitted_at timestamptz,
    submitted_by text,
    reviewed_at  timestamptz,
    reviewed_by  text,
    review_note  text check (length(review_note) <= 5000),
    version      bigint        not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    created_by   text          not null,
    updated_by   text          not null,
    unique (item_id, period),
    check ((status in ('SUBMITTED', 'VERIFIED')) <= (submitted_at is not null)),
    check ((status in ('VERIFIED', 'RETURNED')) = (reviewed_at is not null))
);
create index action_plan_report_plan on action_plan_report (plan_id, period, status);

-- ---- Coordination meetings ----------------------------------------------------------------------------------

create table meeting (
    id          uuid primary key,
    team_id     uuid        not null references team (id),
    kind        text        not null check (kind in ('RUTIN', 'TERBATAS', 'EVALUASI_RAT', 'DARURAT')),
    title       text        not null check (length(title) between 1 and 300),
    starts_at   timestamptz not null,
    ends_at     timestamptz,
    place       text        not null check (length(place) between 1 and 300),
    chair       text        not null check (length(chair) between 1 and 300),
    agenda      jsonb       not null default '[]'::jsonb,
    attendees   jsonb       not null default '[]'::jsonb,
    minutes     text check (length(minutes) <= 50000),
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    created_by  text        not null,
    updated_by  text        not null,
    check (ends_at is null or ends_at >= starts_at)
);
create index meeting_order on meeting (starts_at desc, id desc);
create index meeting_team on meeting (team_id, starts_at desc);

create table meeting_incident (
    meeting_id  uuid not null references meeting (id) on delete cascade,
    incident_id uuid not null references incident (id) on delete cascade,
    primary key (meeting_id, incident_id)
);
create index meeting_incident_incident on meeting_incident (incident_id);

create table meeting_early_warning (
    meeting_id       uuid not null references meeting (id) on delete cascade,
    early_warning_id uuid not null references early_warning (id) on delete cascade,
    primary key (meeting_id, early_warning_id)
);
create index meeting_early_warning_warning on meeting_early_warning (early_warning_id);

create table meeting_decision (
    id               uuid primary key,
    meeting_id       uuid        not null references meeting (id) on delete cascade,
    description      text        not null check (length(description) between 1 and 5000),
    owner_agency_id  uuid        not null references agency (id),
    due_on           date        not null,
    status           text        not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    follow_ups       jsonb       not null default '[]'::jsonb,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    created_by       text        not null,
    updated_by       text        not null
);
create index meeting_decision_meeting on meeting_decision (meeting_id, due_on, id);
create index meeting_decision_open_due on meeting_decision (due_on, id) where status in ('OPEN', 'IN_PROGRESS');

-- ---- ASN neutrality cases -----------------------------------------------------------------------------------

create table neutrality_case (
    id                  uuid primary key,
    election_type       text        not null check (election_type in ('PEMILU', 'PILKADA')),
    election_year       integer     not null check (election_year between 2004 and 2100),
    region_code         text        not null references region (code),
    source              text        not null check (source in ('TEMUAN', 'LAPORAN')),
    register_number     text check (length(register_number) <= 100),
    received_on         date        not null,
    summary             text        not null check (length(summary) between 1 and 10000),
    violation_forms     jsonb       not null default '[]'::jsonb,
    evidence            jsonb       not null default '[]'::jsonb,
    reporter_name       text check (length(reporter_name) <= 200),
    handling_agency_id  uuid        not null references agency (id),
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    created_by          text        not null,
    updated_by          text        not null,
    check (source = 'LAPORAN' or reporter_name is null)
);
create index neutrality_case_order on neutrality_case (received_on desc, id desc);
create index neutrality_case_region on neutrality_case (region_code text_pattern_ops);
create index neutrality_case_election on neutrality_case (election_type, election_year);

-- The civil servants of a case: personal data (UU 27/2022), masked for roles that do not need the names and never
-- written to the change log.
create table neutrality_person (
    id                 uuid primary key,
    case_id            uuid        not null references neutrality_case (id) on delete cascade,
    name               text        not null check (length(name) between 1 and 200),
    nip                text check (nip ~ '^[0-9]{18}$'),
    employer           text        not null check (length(employer) between 1 and 300),
    position_category  text        not null check (position_category in ('JPT', 'ADMINISTRATOR', 'FUNGSIONAL', 'PELAKSANA', 'LURAH_CAMAT', 'OTHER')),
    position_title     text check (length(position_title) <= 300),
    status             text        not null check (status in ('DITERIMA', 'KAJIAN', 'BUKAN_PELANGGARAN', 'REKOMENDASI', 'SANKSI_DIJATUHKAN', 'TIDAK_DITINDAKLANJUTI')),
    recipient          text check (recipient in ('KASN', 'BKN', 'POLRI', 'GAKKUMDU', 'PPK')),
    recommended_on     date,
    sanction           text check (sanction in ('KODE_ETIK', 'DISIPLIN_SEDANG', 'DISIPLIN_BERAT', 'PTDH')),
    decided_on         date,
    note               text check (length(note) <= 5000),
    position           integer     not null,
    check ((status in ('REKOMENDASI', 'SANKSI_DIJATUHKAN', 'TIDAK_DITINDAKLANJUTI')) = (recipient is not null and recommended_on is not null)),
    check ((status = 'SANKSI_DIJATUHKAN') = (sanction is not null))
);
create index neutrality_person_case on neutrality_person (case_id, position);
