-- Incident statistics kept aggregated, so that a count over all incidents reads hundreds or thousands of rows instead
-- of every incident.
--
-- Every change of an incident's counted attributes is written, in the changing transaction, by a trigger as a delta
-- (incident_stat_delta: the old values with n = -1, the new ones with n = +1, impact values signed the same way).
-- A trigger and not service code: it sees every statement that touches the table (the API's writes, a verification,
-- a region merge, a bulk load, a manual correction in psql), rolls back with it, and a write path added later cannot
-- forget it. It only appends: concurrent creates never wait for each other on a shared counter row.
--
-- A compactor (incident_stat_compact, run by the service every second) moves the deltas into the roll-ups
-- (incident_stat: one row per cube and key) in one transaction: a delta is either still a delta or already counted in
-- the roll-ups, never both and never neither, whatever snapshot a reader has. A statistics request reads its cube and
-- the deltas not yet moved in one statement, so its answer is always exactly a GROUP BY over the incidents.
--
-- The cubes (incident_stat_cube) are roll-ups of one fine key (WIB day × kabupaten/kota × category × stage ×
-- severity × classification × verification state), which at 1,000,000 incidents would hold about as many rows as
-- there are incidents. Each keeps a few dimensions; the service picks per request the smallest cube that holds every
-- dimension the request groups or filters by, and answers the cut edges of a period from a day cube or from the
-- incidents of those hours alone.

create table incident_stat_cube (
    id           smallint primary key,
    time_grain   text    not null check (time_grain in ('NONE', 'MONTH', 'DAY')),
    region_grain text    not null check (region_grain in ('NONE', 'PROVINCE', 'KABKOTA')),
    by_category  boolean not null,
    by_stage     boolean not null,
    by_severity  boolean not null
);

insert into incident_stat_cube values
    (1, 'NONE', 'NONE', true, true, true),
    (2, 'NONE', 'PROVINCE', true, true, true),
    (3, 'NONE', 'KABKOTA', false, false, false),
    (4, 'NONE', 'KABKOTA', true, true, true),
    (5, 'MONTH', 'NONE', false, false, false),
    (6, 'MONTH', 'PROVINCE', false, false, false),
    (7, 'MONTH', 'KABKOTA', false, false, false),
    (8, 'MONTH', 'NONE', true, true, true),
    (9, 'DAY', 'NONE', false, false, false),
    (10, 'DAY', 'PROVINCE', false, false, false);

-- A dimension a cube does not keep holds '' (texts), 0 (severity) or -infinity (period). The period is the first day
-- of the WIB month (MONTH) or the WIB day (DAY). The texts sort in byte order (collate "C"), as the answer does.
create table incident_stat (
    cube                       smallint not null references incident_stat_cube (id),
    region                     text collate "C" not null,
    period                     date     not null,
    category_code              text collate "C" not null,
    stage                      text collate "C" not null,
    severity                   smallint not null,
    classification             text     not null,
    verification               text     not null,
    incidents                  bigint   not null,
    killed                     bigint   not null,
    killed_reported            bigint   not null,
    injured                    bigint   not null,
    injured_reported           bigint   not null,
    sexual_violence            bigint   not null,
    sexual_violence_reported   bigint   not null,
    buildings_damaged          bigint   not null,
    buildings_damaged_reported bigint   not null,
    displaced                  bigint   not null,
    displaced_reported         bigint   not null,
    primary key (cube, region, period, category_code, stage, severity, classification, verification)
);
-- the rows a compaction brought to zero, removed right after it
create index incident_stat_empty on incident_stat (cube) where incidents = 0;

create table incident_stat_delta (
    id                bigint generated always as identity primary key,
    occurred_from     timestamptz not null,
    region_code       text collate "C" not null,
    category_code     text collate "C" not null,
    stage             text collate "C" not null,
    severity          smallint    not null,
    classification    text        not null,
    verification      text        not null,
    n                 smallint    not null check (n in (-1, 1)),
    killed            integer,
    injured           integer,
    sexual_violence   integer,
    buildings_damaged integer,
    displaced         integer
);

create function incident_stat_inserted() returns trigger language plpgsql as $$
begin
    insert into incident_stat_delta (occurred_from, region_code, category_code, stage, severity, classification,
                                     verification, n, killed, injured, sexual_violence, buildings_damaged, displaced)
    select occurred_from, region_code, category_code, stage, severity, classification, verification, 1,
           killed, injured, sexual_violence, buildings_damaged, displaced
    from new_rows;
    return null;
end $$;

create function incident_stat_deleted() returns trigger language plpgsql as $$
begin
    insert into incident_stat_delta (occurred_from, region_code, category_code, stage, severity, classification,
                                     verification, n, killed, injured, sexual_violence, buildings_damaged, displaced)
    select occurred_from, region_code, category_code, stage, severity, classification, verification, -1,
           -killed, -injured, -sexual_violence, -buildings_damaged, -displaced
    from old_rows;
    return null;
end $$;

-- An update of anything else (a title, a version, a verifier's note) writes no delta.
create function incident_stat_updated() returns trigger language plpgsql as $$
begin
    insert into incident_stat_delta (occurred_from, region_code, category_code, stage, severity, classification,
                                     verification, n, killed, injured, sexual_violence, buildings_damaged, displaced)
    select v.*
    from old_rows o
    join new_rows w on w.id = o.id
    cross join lateral (values
        (o.occurred_from, o.region_code, o.category_code, o.stage, o.severity, o.classification, o.verification,
         -1::smallint, -o.killed, -o.injured, -o.sexual_violence, -o.buildings_damaged, -o.displaced),
        (w.occurred_from, w.region_code, w.category_code, w.stage, w.severity, w.classification, w.verification,
         1::smallint, w.killed, w.injured, w.sexual_violence, w.buildings_damaged, w.displaced)) v
    where (o.occurred_from, o.region_code, o.category_code, o.stage, o.severity, o.classification, o.verification,
           o.killed, o.injured, o.sexual_violence, o.buildings_damaged, o.displaced)
          is distinct from
          (w.occurred_from, w.region_code, w.category_code, w.stage, w.severity, w.classification, w.verification,
           w.killed, w.injured, w.sexual_violence, w.buildings_damaged, w.displaced);
    return null;
end $$;

create function incident_stat_truncated() returns trigger language plpgsql as $$
begin
    truncate incident_stat, incident_stat_delta;
    return null;
end $$;

create trigger incident_stat_inserted after insert on incident
    referencing new table as new_rows for each statement execute function incident_stat_inserted();
create trigger incident_stat_deleted after delete on incident
    referencing old table as old_rows for each statement execute function incident_stat_deleted();
create trigger incident_stat_updated after update on incident
    referencing old table as old_rows new table as new_rows for each statement execute function incident_stat_updated();
create trigger incident_stat_truncated after truncate on incident
    for each statement execute function incident_stat_truncated();

-- Moves up to `batch` deltas, oldest first, into every cube; returns how many it moved (0 when another compaction
-- holds the lock). One at a time across instances (an advisory lock of the transaction), so two never update the
-- same cube rows in different orders.
create function incident_stat_compact(batch integer) returns integer language plpgsql as $$
declare
    moved integer;
begin
    if not pg_try_advisory_xact_lock(hashtext('incident_stat_compact')) then
        return 0;
    end if;
    with d as (
        delete from incident_stat_delta
        where id in (select id from incident_stat_delta order by id limit batch)
        returning *),
    keyed as (
        select c.id as cube,
               case c.region_grain when 'PROVINCE' then substr(d.region_code, 1, 2)
                                   when 'KABKOTA' then substr(d.region_code, 1, 5) else '' end as region,
               case c.time_grain when 'MONTH' then date_trunc('month', d.occurred_from at time zone 'Asia/Jakarta')::date
                                 when 'DAY' then (d.occurred_from at time zone 'Asia/Jakarta')::date
                                 else '-infinity'::date end as period,
               case when c.by_category then d.category_code else '' end as category_code,
               case when c.by_stage then d.stage else '' end as stage,
               case when c.by_severity then d.severity else 0 end as severity,
               d.classification, d.verification, d.n,
               d.killed, d.injured, d.sexual_violence, d.buildings_damaged, d.displaced
        from d cross join incident_stat_cube c),
    upserted as (
        insert into incident_stat
        select cube, region, period, category_code, stage, severity, classification, verification,
               sum(n),
               coalesce(sum(killed), 0), coalesce(sum(n) filter (where killed is not null), 0),
               coalesce(sum(injured), 0), coalesce(sum(n) filter (where injured is not null), 0),
               coalesce(sum(sexual_violence), 0), coalesce(sum(n) filter (where sexual_violence is not null), 0),
               coalesce(sum(buildings_damaged), 0), coalesce(sum(n) filter (where buildings_damaged is not null), 0),
               coalesce(sum(displaced), 0), coalesce(sum(n) filter (where displaced is not null), 0)
        from keyed
        group by cube, region, period, category_code, stage, severity, classification, verification
        order by cube, region, period, category_code, stage, severity, classification, verification
        on conflict (cube, region, period, category_code, stage, severity, classification, verification) do update set
            incidents = incident_stat.incidents + excluded.incidents,
            killed = incident_stat.killed + excluded.killed,
            killed_reported = incident_stat.killed_reported + excluded.killed_reported,
            injured = incident_stat.injured + excluded.injured,
            injured_reported = incident_stat.injured_reported + excluded.injured_reported,
            sexual_violence = incident_stat.sexual_violence + excluded.sexual_violence,
            sexual_violence_reported = incident_stat.sexual_violence_reported + excluded.sexual_violence_reported,
            buildings_damaged = incident_stat.buildings_damaged + excluded.buildings_damaged,
            buildings_damaged_reported = incident_stat.buildings_damaged_reported + excluded.buildings_damaged_reported,
            displaced = incident_stat.displaced + excluded.displaced,
            displaced_reported = incident_stat.displaced_reported + excluded.displaced_reported)
    select count(*) into moved from d;
    delete from incident_stat where incidents = 0;
    return moved;
end $$;

-- Every cube as it stands for the reader's snapshot: its rows and the deltas not yet moved into it. What a compaction
-- does never changes it (the tests' proof that a refused request wrote nothing reads it, not the two tables).
create view incident_stat_current as
select cube, region, period, category_code, stage, severity, classification, verification,
       sum(incidents)::bigint as incidents,
       sum(killed)::bigint as killed, sum(killed_reported)::bigint as killed_reported,
       sum(injured)::bigint as injured, sum(injured_reported)::bigint as injured_reported,
       sum(sexual_violence)::bigint as sexual_violence,
       sum(sexual_violence_reported)::bigint as sexual_violence_reported,
       sum(buildings_damaged)::bigint as buildings_damaged,
       sum(buildings_damaged_reported)::bigint as buildings_damaged_reported,
       sum(displaced)::bigint as displaced, sum(displaced_reported)::bigint as displaced_reported
from (
    select cube, region, period, category_code, stage, severity, classification, verification, incidents,
           killed, killed_reported, injured, injured_reported, sexual_violence, sexual_violence_reported,
           buildings_damaged, buildings_damaged_reported, displaced, displaced_reported
    from incident_stat
    union all
    select c.id,
           case c.region_grain when 'PROVINCE' then substr(d.region_code, 1, 2)
                               when 'KABKOTA' then substr(d.region_code, 1, 5) else '' end,
           case c.time_grain when 'MONTH' then date_trunc('month', d.occurred_from at time zone 'Asia/Jakarta')::date
                             when 'DAY' then (d.occurred_from at time zone 'Asia/Jakarta')::date
                             else '-infinity'::date end,
           case when c.by_category then d.category_code else '' end,
           case when c.by_stage then d.stage else '' end,
           case when c.by_severity then d.severity else 0 end,
           d.classification, d.verification, d.n,
           coalesce(d.killed, 0), case when d.killed is null then 0 else d.n end,
           coalesce(d.injured, 0), case when d.injured is null then 0 else d.n end,
           coalesce(d.sexual_violence, 0), case when d.sexual_violence is null then 0 else d.n end,
           coalesce(d.buildings_damaged, 0), case when d.buildings_damaged is null then 0 else d.n end,
           coalesce(d.displaced, 0), case when d.displaced is null then 0 else d.n end
    from incident_stat_delta d cross join incident_stat_cube c) s
group by cube, region, period, category_code, stage, severity, classification, verification
having sum(incidents) <> 0;

-- The incidents already recorded, counted once now (the triggers count every later change).
insert into incident_stat_delta (occurred_from, region_code, category_code, stage, severity, classification,
                                 verification, n, killed, injured, sexual_violence, buildings_damaged, displaced)
select occurred_from, region_code, category_code, stage, severity, classification, verification, 1,
       killed, injured, sexual_violence, buildings_damaged, displaced
from incident;
select incident_stat_compact(2147483647);
