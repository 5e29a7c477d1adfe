-- The compaction's updates of the cubes become HOT updates (heap-only tuples): the new version of a cube row goes on
-- the same page, no index gets an entry for it, and the old one is pruned by the next reader of that page, with no
-- VACUUM. Two things stood in the way:
--   - V33's partial index of the rows a compaction brought to zero (incident_stat_empty) indexes the count, which every
--     update changes. The compaction now finds those rows by what its upsert returns and deletes them by their
--     location (ctid), and the index goes.
--   - The pages were packed full, so no new version fitted beside the old one. They now keep 30 % free (fillfactor).
--     That holds for pages written from now on; a table filled before fills in as the old pages are pruned.
-- Before, none was: over 200 creates, the compaction updated cube rows 180 times, each a new tuple on another page and
-- an entry in the eight-column primary key, and with autovacuum slow or off the table and its key grew by as much.
-- Every other line of the function is V38's, and it keeps V39's jit = off (said again: create or replace drops it).
drop index incident_stat_empty;
alter table incident_stat set (fillfactor = 70);

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
