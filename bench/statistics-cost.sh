#!/usr/bin/env bash
# What the statistics cost PostgreSQL per create, without the service: pgbench inserts incidents as a create does
# (one row; the triggers of V33 write its delta) into 300,000 generated ones, with the statistics triggers switched
# off and on in alternating rounds, while a loop moves the deltas into the cubes every second as the service's
# compaction does (incident_stat_compact, batch 5000). The reference is the same insert with the triggers off, in
# the same run on the same data (every delta moved before each arm; off first in odd rounds, on first in even ones).
# The service runs only to create the schema and import the regions.
#
#   bench/statistics-cost.sh [incidents] [seconds per measure] [rounds]      # 300000 30 3
#
# Needs psql, pgbench, curl and a PostgreSQL server (see lib.sh). BENCH_JAR measures another build's schema (V43's
# hour cube against the build before it, for example).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-300000}
SECS=${2:-30}
ROUNDS=${3:-3}
. bench/lib.sh
bench_needs psql pgbench curl bc
bench_jar
DB=terpadu_bench_$$
bench_database $DB
bench_start $DB ${BENCH_PORT:-18087} bench-statistics-cost.log
bench_regions
psql -d $DB -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -f bench/generate-incidents.sql
kill "$APP_PID"; wait "$APP_PID" 2> /dev/null || true; APP_PID=""
psql -d $DB -qc "set statement_timeout = 0" -c "select incident_stat_rebuild()" -c "vacuum (analyze)" > /dev/null

# the insert: a stored incident's values with a new id, a random kabupaten/kota and the bench's one hour, as
# bench/incidents.sh creates them
psql -d $DB -qc "create table bench_kab as select row_number() over (order by code) n, code from region where level in ('KABUPATEN', 'KOTA')" \
  -c "create table bench_template as select * from incident where duplicate_of is null and classification = 'PUBLIC' limit 1"
COLUMNS="from information_schema.columns where table_schema = 'public' and table_name = 'incident' and is_generated = 'NEVER'"
cols=$(psql -d $DB -Atqc "select string_agg(column_name, ', ' order by ordinal_position) $COLUMNS")
vals=$(psql -d $DB -Atqc "select string_agg(case column_name when 'id' then 'gen_random_uuid()'
  when 'region_code' then '(select code from bench_kab where n = :r)'
  when 'occurred_from' then '''2025-06-01T02:00:00Z''::timestamptz' when 'occurred_to' then 'null'
  when 'created_at' then 'now()' when 'updated_at' then 'now()' else 't.' || column_name end, ', ' order by ordinal_position) $COLUMNS")
kab=$(psql -d $DB -Atqc "select count(*) from bench_kab")
printf '\\set r random(1, %s)\ninsert into incident (%s) select %s from bench_template t;\n' "$kab" "$cols" "$vals" > "$WORK/insert.sql"

# the compaction, every second, until the measures are done
touch "$WORK/compacting"
( while [ -e "$WORK/compacting" ]; do psql -d $DB -Atqc "select incident_stat_compact(5000)" > /dev/null 2>&1 || true; sleep 1; done ) &
COMPACTION=$!
inserts() { pgbench -n -c 16 -j 2 -T "$1" -f "$WORK/insert.sql" $DB 2> /dev/null | awk '/^tps/ {print int($3)}'; }
inserts 20 > /dev/null
printf '\nInserts of an incident with and without the statistics triggers (%s; %s incidents; %s cores; 16 clients; %s s each)\n\n' \
  "$JAR" "$ROWS" "$(nproc)" "$SECS"
printf '| %-6s | %12s | %12s | %12s |\n' round with without with/without
printf '|%s|%s|%s|%s|\n' -------- -------------- -------------- --------------
# every delta moved before each arm, so that neither pays for the compaction of the one before; off then on in odd
# rounds, on then off in even ones, as incidents.sh does, so that a drifting machine weighs on both arms alike
off_arm() { bench_stat_triggers $DB disable; bench_cubes_settled $DB; off=$(inserts "$SECS"); }
on_arm() { bench_stat_triggers $DB enable; bench_cubes_settled $DB; on=$(inserts "$SECS"); }
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then off_arm; on_arm; else on_arm; off_arm; fi
  printf '| %-6s | %8s tps | %8s tps | %12.2f |\n' "$round" "$on" "$off" "$(echo "$on / $off" | bc -l)"
done
bench_stat_triggers $DB enable
rm "$WORK/compacting"; wait $COMPACTION 2> /dev/null || true
