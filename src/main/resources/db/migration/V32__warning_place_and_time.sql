-- Early warnings carry place and time (issue 19 §2): an optional point, when the sign was observed, the day or
-- period it concerns (an election day), and when it expires; their list filters by time, text and bounding box.
--
-- On a filled table the new stored column and the indexes take longer than the service's statement timeout (15 s,
-- set for every connection): lifted for this migration's transaction only.
set local statement_timeout = 0;

alter table early_warning
    add column latitude       double precision check (latitude between -11.5 and 6.5),
    add column longitude      double precision check (longitude between 94.5 and 141.5),
    add column observed_at    timestamptz,
    add column concerns_from  date,
    add column concerns_until date,
    add column expires_at     timestamptz,
    -- the Indonesian full text of a warning, stored like an incident's (V8): title, description, indicators and the
    -- recommended actions
    add column search_vector  tsvector generated always as (
        to_tsvector('indonesian', title || ' ' || coalesce(description, '') || ' ' || indicators::text || ' '
            || coalesce(recommended_actions, ''))) stored,
    add constraint early_warning_point_pair check ((latitude is null) = (longitude is null)),
    add constraint early_warning_concerns_order check (concerns_until is null
        or (concerns_from is not null and concerns_until >= concerns_from)),
    add constraint early_warning_expires_after_observed check (expires_at is null or expires_at > observed_at);

-- A warning recorded before it had an observation time was observed, as far as anyone knows, when it was raised.
update early_warning set observed_at = created_at;
alter table early_warning alter column observed_at set not null;

-- The list's time filter (from/to over observed_at), the text (the same function as incidents', V8) and the box
-- (a GiST index on the point, as incidents', through incident_in_box).
create index early_warning_observed on early_warning (observed_at desc, id desc);
create index early_warning_search_vector on early_warning using gin (search_vector);
create index early_warning_location on early_warning using gist (point(longitude, latitude));
