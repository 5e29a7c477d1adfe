-- A national hour cube, so that the hours a period cuts off its edge days are read from a roll-up, not from the
-- incidents.
--
-- A period whose ends are not WIB midnights (a year of UTC, a dashboard's last 30 days to the minute) is answered as
-- whole months, whole edge days and the hours left at each end. Those hours were read from the incidents: at most 12
-- per end since V42's edge days, but one heap row per incident, so the statistics grew with the incidents per hour
-- (about 11 at 1,000,000 incidents over ten years, 114 at 10,000,000). Cube 13 keeps the WIB hour with the
-- classification and the verification state, as the national day and month cubes do: at most 24 x 3 x 5 rows a day
-- however many incidents it holds. A request by region, category, stage or severity still reads its edge hours from
-- the incidents (no cube keeps an hour with those).
--
-- The period becomes a timestamp (WIB wall-clock time, as it was a WIB date): the start of the cube's year, month,
-- day or hour, -infinity for a cube without time. Nothing else of the table changes. The view of the cubes as they
-- stand depends on its type, so it is made again; the compaction and the rebuild are V41's and V40's with the HOUR
-- grain (the compaction keeps V39's jit = off, said again as create or replace drops it).
set local statement_timeout = 0;

-- No compaction runs while the new cube is filled: it is then exactly the incidents less the deltas not yet moved,
-- in the one snapshot of the fill below, and deltas written after it are moved into it with the others.
select pg_advisory_xact_lock(hashtext('incident_stat_compact'));

alter table incident_stat_cube drop constraint incident_stat_cube_time_grain_check;
alter table incident_stat_cube add constraint incident_stat_cube_time_grain_check
    check (time_grain in ('NONE', 'YEAR', 'MONTH', 'DAY', 'HOUR'));
insert into incident_stat_cube values (13, 'HOUR', 'NONE', false, false, false);

drop view incident_stat_current;
alter table incident_stat alter column period type timestamp using period::timestamp;
-- V42: a partition of its own, half of each page kept free for the compaction's in-place updates
create table incident_stat_13 partition of incident_stat for values in (13) with (fillfactor = 50);

-- The key of a delta or an incident in a cube, as the compaction, the rebuild and the view compute it.
create function incident_stat_period(grain text, occurred_from timestamptz) returns timestamp
language sql immutable parallel safe as $$
    select case grain when 'NONE' then '-infinity'::timestamp
                      else date_trunc(lower(grain), occurred_from at time zone 'Asia/Jakarta') end
$$;

create or replace function incident_stat_compact(batch integer) returns integer language plpgsql set jit = off as $$
declare
    moved integer;
    emptied tid[];
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
               incident_stat_period(c.time_grain, d.occurred_from) as period,
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
            displaced_reported = incident_stat.displaced_reported + excluded.displaced_reported
        returning ctid, incidents)
    select (select count(*) from d), coalesce(array_agg(ctid) filter (where incidents = 0), '{}')
    into moved, emptied
    from upserted;
    -- the rows this batch brought to zero, where the upsert left them (a later statement of the same transaction sees
    -- its own rows where they are)
    delete from incident_stat where ctid = any(emptied) and incidents = 0;
    return moved;
end $$;

create or replace function incident_stat_rebuild() returns bigint language plpgsql as $$
declare
    counted bigint;
begin
    perform pg_advisory_xact_lock(hashtext('incident_stat_compact'));
    lock table incident in share mode;
    truncate incident_stat, incident_stat_delta;
    insert into incident_stat
    select c.id,
           case c.region_grain when 'PROVINCE' then substr(i.region_code, 1, 2)
                               when 'KABKOTA' then substr(i.region_code, 1, 5) else '' end,
           incident_stat_period(c.time_grain, i.occurred_from),
           case when c.by_category then i.category_code else '' end,
           case when c.by_stage then i.stage else '' end,
           case when c.by_severity then i.severity else 0 end,
           i.classification, i.verification,
           count(*),
           coalesce(sum(i.killed), 0), count(i.killed),
           coalesce(sum(i.injured), 0), count(i.injured),
           coalesce(sum(i.sexual_violence), 0), count(i.sexual_violence),
           coalesce(sum(i.buildings_damaged), 0), count(i.buildings_damaged),
           coalesce(sum(i.displaced), 0), count(i.displaced)
    from incident i
    cross join incident_stat_cube c
    group by 1, 2, 3, 4, 5, 6, 7, 8;
    get diagnostics counted = row_count;
    return counted;
end $$;

-- V42's view of every cube as it stands (its rows and the deltas not yet moved), with the HOUR grain.
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
           incident_stat_period(c.time_grain, d.occurred_from),
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

-- The new cube as the others stand: the incidents, less the deltas not yet moved (each with its sign turned, its
-- impact values signed like it), in one statement and so one snapshot.
insert into incident_stat
select 13, '', date_trunc('hour', s.occurred_from at time zone 'Asia/Jakarta'), '', '', 0,
       s.classification, s.verification,
       sum(s.n),
       coalesce(sum(s.killed), 0), coalesce(sum(s.n) filter (where s.killed is not null), 0),
       coalesce(sum(s.injured), 0), coalesce(sum(s.n) filter (where s.injured is not null), 0),
       coalesce(sum(s.sexual_violence), 0), coalesce(sum(s.n) filter (where s.sexual_violence is not null), 0),
       coalesce(sum(s.buildings_damaged), 0), coalesce(sum(s.n) filter (where s.buildings_damaged is not null), 0),
       coalesce(sum(s.displaced), 0), coalesce(sum(s.n) filter (where s.displaced is not null), 0)
from (
    select occurred_from, classification, verification, 1 as n,
           killed, injured, sexual_violence, buildings_damaged, displaced
    from incident
    union all
    select occurred_from, classification, verification, -n,
           -killed, -injured, -sexual_violence, -buildings_damaged, -displaced
    from incident_stat_delta) s
group by 3, 7, 8
having sum(s.n) <> 0;
