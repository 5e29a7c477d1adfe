-- Member agencies of the Tim Terpadu, with their chain of units (Kodam > Korem > Kodim, Polda > Polres > Polsek).
create table agency (
    id          uuid primary key,
    name        text        not null check (length(name) between 1 and 200),
    type        text        not null,
    parent_id   uuid references agency (id),
    region_code text references region (code),
    phone       text,
    email       text,
    address     text,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    created_by  text        not null,
    updated_by  text        not null,
    check (parent_id is null or parent_id <> id)
);
create index agency_name on agency (name, id);
create index agency_type on agency (type, name, id);
create index agency_parent on agency (parent_id);
create index agency_region on agency (region_code text_pattern_ops);
create index agency_name_trgm on agency using gin (lower(name) gin_trgm_ops);

-- Tim Terpadu Penanganan Konflik Sosial at national, provincial and kabupaten/kota level (Permendagri 42/2015).
create table team (
    id            uuid primary key,
    level         text        not null check (level in ('NASIONAL', 'PROVINSI', 'KABUPATEN_KOTA')),
    region_code   text references region (code),
    name          text        not null check (length(name) between 1 and 300),
    year          integer     not null check (year between 2012 and 2100),
    decree_number text check (length(decree_number) <= 200),
    decree_date   date,
    secretariat_agency_id uuid references agency (id),
    version       bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    created_by    text        not null,
    updated_by    text        not null,
    check ((level = 'NASIONAL') = (region_code is null))
);
-- One team per region (or one national team) per year.
create unique index team_region_year_key on team (coalesce(region_code, ''), year);
create index team_region on team (region_code text_pattern_ops);
create index team_order on team (year desc, name, id);

create table team_member (
    id          uuid primary key,
    team_id     uuid        not null references team (id) on delete cascade,
    agency_id   uuid        not null references agency (id),
    person_name text        not null check (length(person_name) between 1 and 200),
    position    text check (length(position) <= 200),
    role        text        not null check (role in ('PENGARAH', 'KETUA', 'WAKIL_KETUA', 'SEKRETARIS', 'ANGGOTA')),
    sub_team    text check (sub_team in ('PENCEGAHAN', 'PENGHENTIAN', 'PEMULIHAN')),
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    created_by  text        not null,
    updated_by  text        not null
);
create index team_member_team on team_member (team_id, person_name, id);
create index team_member_agency on team_member (agency_id);
create unique index team_member_one_ketua on team_member (team_id) where role = 'KETUA';
create unique index team_member_one_sekretaris on team_member (team_id) where role = 'SEKRETARIS';
