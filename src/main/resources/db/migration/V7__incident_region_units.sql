-- The province and kabupaten/kota of an incident as their own columns, so that the commonest list filters (a
-- province or a kabupaten/kota, from the request or from the caller's scope) are equalities whose indexes are
-- already in the list's order: a page reads its rows and no others.
alter table incident
    add column province_code text generated always as (substr(region_code, 1, 2)) stored,
    add column kabkota_code  text generated always as (substr(region_code, 1, 5)) stored;

create index incident_province_occurred on incident (province_code, occurred_from desc, id desc);
create index incident_kabkota_occurred on incident (kabkota_code, occurred_from desc, id desc);
create index incident_province_updated on incident (province_code, updated_at desc, id desc);
create index incident_kabkota_updated on incident (kabkota_code, updated_at desc, id desc);
