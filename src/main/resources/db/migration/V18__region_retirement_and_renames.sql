-- A newer official list can drop a code (a merged kecamatan) or rename a region. A dropped code is never deleted,
-- since records may refer to it: it is marked retired (and active again if a later list has it). A rename keeps the
-- former name, with the time it was replaced, so that old records and documents can still be read.
alter table region add column retired_at timestamptz;
alter table region add column former_names jsonb not null default '[]'
    check (jsonb_typeof(former_names) = 'array');
