-- Who read unmasked personal data (UU 27/2022 on personal data protection): one row per record answered unmasked,
-- written after the answer by the request that read it. It holds ids, never the data itself. Read by ADMIN through
-- GET /api/v1/personal-data-access.
create table personal_data_access (
    id           uuid        primary key,
    accessed_at  timestamptz not null,
    actor        text        not null,
    agency_id    uuid,
    client_id    text,
    entity_type  text        not null,
    entity_id    uuid        not null,
    region_code  text        not null,
    method       text        not null,
    path         text        not null,
    request_id   text
);
create index personal_data_access_time on personal_data_access (accessed_at desc, id desc);
create index personal_data_access_entity on personal_data_access (entity_id, accessed_at desc);
create index personal_data_access_actor on personal_data_access (actor, accessed_at desc);

-- Names of persons among the parties of incidents and early warnings are personal data too: the change log keeps
-- them masked from now on (PersonalData.maskName: each word's first letter and ***), and so do the entries written
-- before this version.
create function pg_temp.mask_name(name text) returns text language sql immutable as $$
    select string_agg(left(w, 1) || '***', ' ' order by n)
    from regexp_split_to_table(trim(name), '\s+') with ordinality as t(w, n) where w <> ''
$$;
update change_log c
   set snapshot = jsonb_set(c.snapshot, '{parties}', (
           select jsonb_agg(case when p ->> 'type' = 'PERORANGAN' and p ? 'name' and jsonb_typeof(p -> 'name') = 'string'
                                 then jsonb_set(p, '{name}', to_jsonb(pg_temp.mask_name(p ->> 'name'))) else p end
                            order by i)
           from jsonb_array_elements(c.snapshot -> 'parties') with ordinality as e(p, i)))
 where c.entity_type in ('incident', 'early-warning')
   and jsonb_typeof(c.snapshot -> 'parties') = 'array'
   and c.snapshot -> 'parties' @> '[{"type": "PERORANGAN"}]';
