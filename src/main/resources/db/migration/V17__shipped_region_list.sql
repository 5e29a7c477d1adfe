-- The region lists applied from the service's own resources (regions/wilayah.csv.gz), by their SHA-256: every new
-- database gets the full official list at its first start, once; a newer list shipped with a newer version of the
-- service is applied at its first start (as an import: new codes added, names updated, nothing deleted).
create table region_list (
    sha256     text        primary key,
    resource   text        not null,
    received   integer     not null,
    inserted   integer     not null,
    updated    integer     not null,
    applied_at timestamptz not null default now()
);
