-- Per-caller request counters of the rate limiter, shared by every instance of the service. One row per policy,
-- caller and fixed window (its start in epoch milliseconds); an instance adds the part of the budget it takes
-- with one INSERT ... ON CONFLICT ... DO UPDATE ... RETURNING. UNLOGGED: no WAL for a counter that is written on
-- every lease; after a crash PostgreSQL empties it, which only hands every caller a fresh window.

create unlogged table rate_limit (
    policy        text   not null,
    caller        text   not null,
    window_start  bigint not null,
    used          bigint not null check (used >= 0),
    primary key (policy, caller, window_start)
);
create index rate_limit_window on rate_limit (window_start);
