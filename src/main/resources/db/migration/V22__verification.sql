-- Verification of early warnings and incidents: whether a report was checked, by whom, when and how. A record
-- starts BELUM_DIVERIFIKASI unless the rule of its source (source-kinds attributes.startsVerified) makes it start
-- TERVERIFIKASI; afterwards it moves only through POST …/verification. Records written before this migration were
-- never checked, so they start BELUM_DIVERIFIKASI: a public early warning leaves the Atom feed until another person
-- verifies it.

insert into reference_item (kind, code, label_id, label_en, description, legal_basis, attributes, sort_order) values
('verification-states', 'BELUM_DIVERIFIKASI', 'Belum diverifikasi', 'Not yet verified', 'Laporan belum diperiksa', null, '{}', 10),
('verification-states', 'TERVERIFIKASI', 'Terverifikasi', 'Verified', 'Laporan telah diperiksa dan dinyatakan benar', null, '{}', 20),
('verification-states', 'TIDAK_VALID', 'Tidak valid', 'Invalid', 'Laporan diperiksa dan dinyatakan tidak benar', null, '{}', 30),
('verification-states', 'DUPLIKAT', 'Duplikat', 'Duplicate', 'Laporan yang sama dengan laporan lain (duplicateOf)', null, '{}', 40),
('verification-states', 'BUKAN_WEWENANG', 'Bukan wewenang', 'Not ours', 'Diteruskan ke wilayah atau instansi yang berwenang', 'Permendagri 42/2015', '{}', 50),
('verification-methods', 'CEK_SILANG_INSTANSI', 'Cek silang dengan instansi lain', 'Cross-check with another agency', null, null, '{}', 10),
('verification-methods', 'CEK_LAPANGAN', 'Pengecekan lapangan', 'Field check', null, null, '{}', 20),
('verification-methods', 'KONFIRMASI_SUMBER', 'Konfirmasi ulang ke sumber', 'Call-back to the source', null, null, '{}', 30),
('verification-methods', 'PENILAIAN_INTELIJEN', 'Penilaian intelijen', 'Intelligence assessment', null, 'UU 17/2011', '{}', 40);

-- The source rule: patrols and intelligence are the teams' own checked reports; a public report never starts verified.
update reference_item set attributes = attributes || jsonb_build_object('startsVerified', code in ('PATROLI', 'INTELIJEN'))
where kind = 'source-kinds';

alter table early_warning
    add column verification             text        not null default 'BELUM_DIVERIFIKASI'
        check (verification in ('BELUM_DIVERIFIKASI', 'TERVERIFIKASI', 'TIDAK_VALID', 'DUPLIKAT', 'BUKAN_WEWENANG')),
    add column verification_method      text
        check (verification_method in ('CEK_SILANG_INSTANSI', 'CEK_LAPANGAN', 'KONFIRMASI_SUMBER', 'PENILAIAN_INTELIJEN')),
    add column verification_note        text check (length(verification_note) <= 2000),
    add column verified_by              text,
    add column verified_at              timestamptz,
    add column verified_by_coordinator  boolean     not null default false,
    add column duplicate_of             uuid references early_warning (id),
    add constraint early_warning_verified check ((verification = 'BELUM_DIVERIFIKASI') = (verified_by is null)
        and (verified_by is null) = (verified_at is null)),
    add constraint early_warning_duplicate check ((verification = 'DUPLIKAT') = (duplicate_of is not null)
        and duplicate_of <> id);

alter table incident
    add column verification             text        not null default 'BELUM_DIVERIFIKASI'
        check (verification in ('BELUM_DIVERIFIKASI', 'TERVERIFIKASI', 'TIDAK_VALID', 'DUPLIKAT', 'BUKAN_WEWENANG')),
    add column verification_method      text
        check (verification_method in ('CEK_SILANG_INSTANSI', 'CEK_LAPANGAN', 'KONFIRMASI_SUMBER', 'PENILAIAN_INTELIJEN')),
    add column verification_note        text check (length(verification_note) <= 2000),
    add column verified_by              text,
    add column verified_at              timestamptz,
    add column verified_by_coordinator  boolean     not null default false,
    add constraint incident_verified check ((verification = 'BELUM_DIVERIFIKASI') = (verified_by is null)
        and (verified_by is null) = (verified_at is null)),
    add constraint incident_duplicate_verified check (verification <> 'DUPLIKAT' or duplicate_of is not null);

create index early_warning_verification on early_warning (verification);
create index early_warning_duplicate_of on early_warning (duplicate_of) where duplicate_of is not null;
create index incident_verification on incident (verification);

-- The Atom feed reads only warnings that are verified as well as public and current (the publication rule is
-- finished in the query: a verifier other than the author, a coordinator for TINGGI).
drop index early_warning_public_current;
create index early_warning_public_current on early_warning (updated_at desc, id desc)
    where classification = 'PUBLIC' and status not in ('REDA', 'ESKALASI') and verification = 'TERVERIFIKASI';
