-- Incident lists: the two filters whose cost grew with the table.
--
-- On a filled table this rewrites incident and builds two indexes, which takes longer than the service's
-- statement timeout (15 s, set for every connection): lifted for this migration's transaction only.
set local statement_timeout = 0;
--
-- Full text: the Indonesian tsvector of an incident is stored (computed once, when the row is written) instead of
-- being recomputed for every row a list reads. A list filtered by region and text walks the region's index in
-- list order and tests each row's text; with the stored vector that test is a lookup, not a stemming run.
alter table incident add column search_vector tsvector generated always as (
    to_tsvector('indonesian', title || ' ' || coalesce(description, '') || ' ' || coalesce(location_text, ''))) stored;
create index incident_search_vector on incident using gin (search_vector);
drop index incident_search;

-- A one-expression SQL function, inlined by the planner (so the GIN index above applies), for use from HQL
-- through function('incident_search_match', e.searchVector, :query).
create function incident_search_match(search tsvector, query text) returns boolean
    language sql immutable parallel safe
    as $$ select search @@ websearch_to_tsquery('indonesian', query) $$;

-- Bounding box: a GiST index on the point answers "inside this box" directly, where the btree on
-- (latitude, longitude) read every row of the latitude band and filtered the longitudes. Inclusive bounds, like
-- the BETWEEN it replaces; an incident without coordinates is in no box.
create index incident_location on incident using gist (point(longitude, latitude));
drop index incident_point;

create function incident_in_box(lon double precision, lat double precision, min_lon double precision,
                                min_lat double precision, max_lon double precision, max_lat double precision)
    returns boolean
    language sql immutable parallel safe
    as $$ select point(lon, lat) <@ box(point(min_lon, min_lat), point(max_lon, max_lat)) $$;
