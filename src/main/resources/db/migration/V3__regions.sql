-- Kemendagri region codes. Provinces are seeded here; the full list (kab/kota, kecamatan, desa/kelurahan) is
-- loaded with POST /api/v1/regions/import from the official CSV.
create extension if not exists pg_trgm;

create table region (
    code        text primary key check (code ~ '^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$'),
    name        text        not null check (length(name) between 1 and 200),
    level       text        not null,
    parent_code text references region (code),
    updated_at  timestamptz not null default now(),
    check ((parent_code is null) = (level = 'PROVINSI'))
);
create index region_parent on region (parent_code, code);
create index region_level on region (level, code);
create index region_name_trgm on region using gin (lower(name) gin_trgm_ops);

insert into region (code, name, level) values
('11', 'Aceh', 'PROVINSI'), ('12', 'Sumatera Utara', 'PROVINSI'), ('13', 'Sumatera Barat', 'PROVINSI'),
('14', 'Riau', 'PROVINSI'), ('15', 'Jambi', 'PROVINSI'), ('16', 'Sumatera Selatan', 'PROVINSI'),
('17', 'Bengkulu', 'PROVINSI'), ('18', 'Lampung', 'PROVINSI'), ('19', 'Kepulauan Bangka Belitung', 'PROVINSI'),
('21', 'Kepulauan Riau', 'PROVINSI'), ('31', 'Daerah Khusus Ibukota Jakarta', 'PROVINSI'),
('32', 'Jawa Barat', 'PROVINSI'), ('33', 'Jawa Tengah', 'PROVINSI'), ('34', 'Daerah Istimewa Yogyakarta', 'PROVINSI'),
('35', 'Jawa Timur', 'PROVINSI'), ('36', 'Banten', 'PROVINSI'), ('51', 'Bali', 'PROVINSI'),
('52', 'Nusa Tenggara Barat', 'PROVINSI'), ('53', 'Nusa Tenggara Timur', 'PROVINSI'),
('61', 'Kalimantan Barat', 'PROVINSI'), ('62', 'Kalimantan Tengah', 'PROVINSI'),
('63', 'Kalimantan Selatan', 'PROVINSI'), ('64', 'Kalimantan Timur', 'PROVINSI'),
('65', 'Kalimantan Utara', 'PROVINSI'), ('71', 'Sulawesi Utara', 'PROVINSI'), ('72', 'Sulawesi Tengah', 'PROVINSI'),
('73', 'Sulawesi Selatan', 'PROVINSI'), ('74', 'Sulawesi Tenggara', 'PROVINSI'), ('75', 'Gorontalo', 'PROVINSI'),
('76', 'Sulawesi Barat', 'PROVINSI'), ('81', 'Maluku', 'PROVINSI'), ('82', 'Maluku Utara', 'PROVINSI'),
('91', 'Papua', 'PROVINSI'), ('92', 'Papua Barat', 'PROVINSI'), ('93', 'Papua Selatan', 'PROVINSI'),
('94', 'Papua Tengah', 'PROVINSI'), ('95', 'Papua Pegunungan', 'PROVINSI'), ('96', 'Papua Barat Daya', 'PROVINSI');
