-- Likely duplicates (GET …/{id}/similar): candidates of the same province within a time window, ranked by the
-- trigram similarity of their text (pg_trgm, created in V3).
--
-- On a filled table the indexes take longer than the service's statement timeout (15 s, set for every
-- connection): lifted for this migration's transaction only.
set local statement_timeout = 0;

-- The region and time of a candidate: incidents have incident_province_occurred (V7); an early warning's province
-- is the start of its region code, and its time when it was raised.
create index early_warning_province_created on early_warning (left(region_code, 2), created_at);

-- Trigram indexes of the titles, the text compared most: they answer a similarity search by title (title % :t,
-- title <-> :t) without the region and time that lead the candidate query.
create index incident_title_trgm on incident using gin (title gin_trgm_ops);
create index early_warning_title_trgm on early_warning using gin (title gin_trgm_ops);
