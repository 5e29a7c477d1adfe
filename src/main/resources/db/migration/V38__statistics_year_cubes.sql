-- The share of conflicts resolved (issue 20) answered from roll-ups instead of a scan of every incident.
--
-- The resolution table counts, per province or kabupaten/kota and WIB year, the incidents a caller may list and how
-- many of them stand now in PEMULIHAN or SELESAI: it needs time, region and stage together, which no cube of V33
-- keeps (its stage cubes have no time, its month cubes no stage). A month cube with stage would hold months x regions
-- x stages x classifications x verification states rows; a year is all the table asks for, so the cubes added here
-- keep the WIB year (a new time grain, the first of the year's WIB day as the period) with the stage: one by province
-- and one by kabupaten/kota, neither with category or severity. The statistics' plan uses them too wherever they
-- keep what a request needs (groupBy=province,year, groupBy=kabkota,stage, a period of whole WIB years).

-- No compaction runs while the new cubes are filled: what the cubes hold is then exactly the incidents less the
-- deltas not yet moved, in the one snapshot of the statement below. Deltas written after it are moved into the new
-- cubes with the others.
select pg_advisory_xact_lock(hashtext('incident_stat_compact'));

alter table incident_stat_cube drop constraint incident_stat_cube_time_grain_check;
alter table incident_stat_cube add constraint incident_stat_cube_time_grain_check
    check (time_grain in ('NONE', 'YEAR', 'MONTH', 'DAY'));

insert into incident_stat_cube values
    (11, 'YEAR', 'PROVINCE', false, true, false),
    (12, 'YEAR', 'KABKOTA', false, true, false);

-- V33's compactor with the YEAR grain.
create or replace function incident_stat_compact(batch integer) returns integer language plpgsql as $$
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
               case c.time_grain when 'YEAR' then date_trunc('year', d.occurred_from at time zone 'Asia/Jakarta')::date
                                 when 'MONTH' then date_trunc('month', d.occurred_from at time zone 'Asia/Jakarta')::date
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

-- V33's view of every cube as it stands (its rows and the deltas not yet moved), with the YEAR grain.
create or replace view incident_stat_current as
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
           case c.time_grain when 'YEAR' then date_trunc('year', d.occurred_from at time zone 'Asia/Jakarta')::date
                             when 'MONTH' then date_trunc('month', d.occurred_from at time zone 'Asia/Jakarta')::date
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

-- The new cubes as the others stand: the incidents, less the deltas not yet moved (each with its sign turned, its
-- impact values signed like it), in one statement and so one snapshot.
insert into incident_stat
select c.id,
       case c.region_grain when 'PROVINCE' then substr(s.region_code, 1, 2) else substr(s.region_code, 1, 5) end,
       date_trunc('year', s.occurred_from at time zone 'Asia/Jakarta')::date,
       '', s.stage, 0, s.classification, s.verification,
       sum(s.n),
       coalesce(sum(s.killed), 0), coalesce(sum(s.n) filter (where s.killed is not null), 0),
       coalesce(sum(s.injured), 0), coalesce(sum(s.n) filter (where s.injured is not null), 0),
       coalesce(sum(s.sexual_violence), 0), coalesce(sum(s.n) filter (where s.sexual_violence is not null), 0),
       coalesce(sum(s.buildings_damaged), 0), coalesce(sum(s.n) filter (where s.buildings_damaged is not null), 0),
       coalesce(sum(s.displaced), 0), coalesce(sum(s.n) filter (where s.displaced is not null), 0)
from (
    select occurred_from, region_code collate "C", stage collate "C", classification, verification, 1 as n,
           killed, injured, sexual_violence, buildings_damaged, displaced
    from incident
    union all
    select occurred_from, region_code, stage, classification, verification, -n,
           -killed, -injured, -sexual_violence, -buildings_damaged, -displaced
    from incident_stat_delta) s
cross join incident_stat_cube c
where c.id in (11, 12)
group by 1, 2, 3, 4, 5, 6, 7, 8
having sum(s.n) <> 0;
