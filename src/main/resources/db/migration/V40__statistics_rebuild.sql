-- Every statistics cube counted again from the incidents, in one pass: for an operator after a bulk load straight into
-- the incident table, or to put the cubes right after a manual correction of them.
--
-- The triggers count a bulk load like any other change, one delta per incident, and the compaction moves them a batch
-- a transaction (5,000 by default, each into all twelve cubes): 1,000,000 loaded incidents took 216 s to move, and
-- 10,000,000 would have taken about 50 minutes (565,000 in the first 20). Counting the cubes from the incidents at once
-- is one aggregate over them: 11 minutes for those 10,000,000, on 2 cores.
--
--     select incident_stat_rebuild();     -- the number of cube rows
--
-- It takes the compaction's lock (no compaction runs meanwhile) and a SHARE lock on incident: writers of incidents wait
-- until it commits, and it waits for those under way to finish, so the incidents it counts are every change there is
-- and no delta is left unaccounted. The cubes and deltas are then truncated, which makes readers of the statistics
-- wait too until it commits (a delete instead would leave the old rows as dead tuples, as many as the cubes hold).
-- Answers are exact before, after and, for those that get through, during it.
create function incident_stat_rebuild() returns bigint language plpgsql as $$
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
           case c.time_grain when 'YEAR' then date_trunc('year', i.occurred_from at time zone 'Asia/Jakarta')::date
                             when 'MONTH' then date_trunc('month', i.occurred_from at time zone 'Asia/Jakarta')::date
                             when 'DAY' then (i.occurred_from at time zone 'Asia/Jakarta')::date
                             else '-infinity'::date end,
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
