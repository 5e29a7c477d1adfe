-- A regional risk index: models are data (versioned: indicators, weights, caps and bands per region level), scores
-- per model version, region and month with their provenance (the inputs, when and by whom or what they were made).
-- A model is COMPUTED from Terpadu's own records or IMPORTED from outside (Bawaslu's IKP, a Kemenag or BNPT index)
-- as a CSV per region code. Its classification says which records may feed it (that classification and below) and
-- who may read its scores (those who may read that classification); CONFIDENTIAL records never feed an index.
create table risk_model (
    code              text        not null check (code ~ '^[A-Z][A-Z0-9_-]{1,39}$'),
    version           integer     not null check (version between 1 and 9999),
    name              text        not null check (length(name) between 1 and 200),
    method            text        not null check (length(method) between 1 and 10000),
    kind              text        not null check (kind in ('COMPUTED', 'IMPORTED')),
    classification    text        not null check (classification in ('PUBLIC', 'RESTRICTED')),
    indicators        jsonb       not null check (jsonb_typeof(indicators) = 'array'),
    bands             jsonb       not null check (jsonb_typeof(bands) = 'object'),
    warning_category  text        not null,
    category_kind     text        not null default 'conflict-categories' check (category_kind = 'conflict-categories'),
    created_at        timestamptz not null,
    created_by        text        not null,
    primary key (code, version),
    foreign key (category_kind, warning_category) references reference_item (kind, code),
    check (kind = 'IMPORTED' or jsonb_array_length(indicators) > 0)
);

create table risk_score (
    model_code     text          not null,
    model_version  integer       not null,
    period         text          not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    region_code    text          not null references region (code),
    level          text          not null check (level in ('PROVINSI', 'KABUPATEN_KOTA')),
    score          numeric(5, 2) not null check (score between 0 and 100),
    band           text          not null check (length(band) between 1 and 40),
    band_rank      smallint      not null check (band_rank >= 0),
    inputs         jsonb         not null check (jsonb_typeof(inputs) = 'object'),
    computed_at    timestamptz   not null,
    computed_by    text          not null,
    import_id      uuid,
    -- the early warning raised when this period's band rose above the previous period's (once per period and band)
    warning_id     uuid references early_warning (id) on delete set null,
    warned_rank    smallint,
    primary key (model_code, model_version, period, region_code),
    foreign key (model_code, model_version) references risk_model (code, version)
);
create index risk_score_table on risk_score (model_code, model_version, level, period);
create index risk_score_history on risk_score (model_code, region_code, period desc);

create table risk_import (
    id             uuid        primary key,
    model_code     text        not null,
    model_version  integer     not null,
    period         text        not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    rows           integer     not null check (rows >= 0),
    sha256         text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    imported_at    timestamptz not null,
    imported_by    text        not null,
    foreign key (model_code, model_version) references risk_model (code, version)
);
alter table risk_score add foreign key (import_id) references risk_import (id);

-- A warning raised by the index: its own source, never starting verified (a person checks it like any report).
insert into reference_item (kind, code, label_id, label_en, description, legal_basis, attributes, sort_order) values
('source-kinds', 'INDEKS_RISIKO', 'Indeks risiko wilayah', 'Regional risk index',
 'Dibuat oleh layanan ketika kelas risiko suatu wilayah naik', 'Permendagri 42/2015 (deteksi dini)',
 '{"startsVerified": false}', 80);

-- The model shipped with the service, computed from Terpadu's own PUBLIC and RESTRICTED records (docs/risk-index.md).
insert into risk_model (code, version, name, method, kind, classification, indicators, bands, warning_category,
                        created_at, created_by) values
('TERPADU', 1, 'Indeks risiko konflik Terpadu',
 'Each indicator is counted over the 90 days that end with the period (the month; for the current month, today), '
 || 'in the region and everything below it, from records classified PUBLIC or RESTRICTED, leaving out records '
 || 'verified TIDAK_VALID or DUPLIKAT. Its value is scaled to 0-100 against the cap of the region''s level (at or '
 || 'above the cap: 100). The score is the weighted mean of the scaled values; the band is the highest whose lower '
 || 'bound the score reaches. A starting point to be calibrated by each team, not a validated instrument.',
 'COMPUTED', 'RESTRICTED',
 '[{"code": "INSIDEN", "name": "Insiden menurut keparahan (jumlah tingkat keparahan 1-5)", "dimension": "KEKERASAN", "weight": 35, "caps": {"KABUPATEN_KOTA": 15, "PROVINSI": 60}},
   {"code": "PERINGATAN", "name": "Peringatan dini belum reda (TINGGI 3, SEDANG 2, RENDAH 1)", "dimension": "DETEKSI_DINI", "weight": 25, "caps": {"KABUPATEN_KOTA": 9, "PROVINSI": 36}},
   {"code": "STATUS_KONFLIK", "name": "Status Keadaan Konflik berlaku di akhir periode (1 atau 0)", "dimension": "KEKERASAN", "weight": 15, "caps": {"KABUPATEN_KOTA": 1, "PROVINSI": 1}},
   {"code": "TUGAS_TERLAMBAT", "name": "Tugas instansi yang terlambat di akhir periode", "dimension": "PENANGANAN", "weight": 15, "caps": {"KABUPATEN_KOTA": 5, "PROVINSI": 20}},
   {"code": "NETRALITAS", "name": "Kasus netralitas ASN yang masih berjalan", "dimension": "POLITIK", "weight": 10, "caps": {"KABUPATEN_KOTA": 3, "PROVINSI": 10}}]',
 '{"KABUPATEN_KOTA": [{"code": "RENDAH", "from": 0}, {"code": "SEDANG", "from": 25}, {"code": "TINGGI", "from": 50}],
   "PROVINSI": [{"code": "RENDAH", "from": 0}, {"code": "SEDANG", "from": 25}, {"code": "TINGGI", "from": 50}]}',
 'SOSIAL_BUDAYA', now(), 'system:migration');
