-- Each statistics cube in a partition of its own: incident_stat is partitioned by list of its cube.
--
-- A request reads one cube, but the cubes' rows lay mixed on the table's pages, as the compaction and the rebuild
-- wrote them. The 33,236 rows of the kabupaten/kota x year cube (the resolution table's) lay on 2,559 pages of 8 kB,
-- 13 rows of that cube a page among those of the others: reading them was 14 ms of the table's 29 ms statement at
-- 1,000,000 incidents. In a table of their own they fill about 700 pages (1,400 with half of each kept free, below),
-- and the same statement over them took 15.5 ms against 24, measured side by side.
--
-- Nothing else changes: the primary key, the upsert's conflict target and the compaction's deletion by ctid hold for
-- the partitioned table (an emptied row is deleted wherever a row of the batch's ctids has no incidents left, and
-- every such row is one to delete). A statement that names its cube by a constant, as StatisticsPlan writes it,
-- reads that cube's partition alone. A cube added later needs its partition, made in the same migration: its rows
-- would otherwise land in the default partition, incident_stat_other, mixed with any other cube left without one.
--
-- The rows are copied in key order, so that each cube's rows start out in order of region and period. The view of
-- the cubes as they stand depends on the table, so it is made again, as V38 made it.
set local statement_timeout = 0;

drop view incident_stat_current;
alter table incident_stat rename to incident_stat_unpartitioned;
alter index incident_stat_pkey rename to incident_stat_unpartitioned_pkey;

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
) partition by list (cube);

-- Half of each page kept free, where V41 kept 30 % of the shared table's: a partition holds one cube's rows alone,
-- and one compaction may update every row of a small cube's page in one statement (cube 1 has a few hundred rows
-- on a handful of pages). The new versions of all of a page's rows must fit beside the old ones for every update to
-- stay HOT; at 30 %, 28 of 230 updates were not, once the suite had filled the small cubes. The rows are fixed in
-- size (a count changes, never a text), so half a page is room for all of them.
do $$
declare
    c smallint;
begin
    for c in select id from incident_stat_cube order by id loop
        execute format('create table incident_stat_%s partition of incident_stat for values in (%s)'
                       ' with (fillfactor = 50)', c, c);
    end loop;
end $$;
create table incident_stat_other partition of incident_stat default with (fillfactor = 50);

insert into incident_stat
select * from incident_stat_unpartitioned
order by cube, region, period, category_code, stage, severity, classification, verification;
drop table incident_stat_unpartitioned;

-- V38's view of every cube as it stands (its rows and the deltas not yet moved), unchanged.
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
