#!/usr/bin/env bash
# Region import benchmark. Imports the full Kemendagri list (91,599 lines) through the API and compares it with
# the same database work done directly by psql (COPY into a staging table + one upsert) and with pgbench, all on
# the same PostgreSQL server in the same run. Prints a table. Needs psql, pgbench and curl, and a PostgreSQL
# server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres) on which it may create scratch databases.
#
#   bench/region-import.sh [path/to/wilayah.csv] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
CSV=${1:-../shared/data/wilayah.csv}
RUNS=${2:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
for tool in psql pgbench curl; do command -v $tool > /dev/null || { echo "needs $tool" >&2; exit 2; }; done
[ -f "$CSV" ] || { echo "no region list at $CSV" >&2; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

DB=terpadu_bench_$$
RAW=${DB}_raw
PGB=${DB}_pgbench
PORT=${BENCH_PORT:-18081}
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null || true
  for d in $DB $RAW $PGB; do psql -d postgres -qc "drop database if exists $d" > /dev/null 2>&1 || true; done
}
trap cleanup EXIT
for d in $DB $RAW $PGB; do psql -d postgres -qc "create database $d"; done
ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

# --- the service --------------------------------------------------------------------------------------------
started=$(ms)
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" QUARKUS_HTTP_PORT=$PORT TERPADU_DEV_TOKENS_ENABLED=true \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem QUARKUS_LOG_LEVEL=WARN \
  java -jar target/quarkus-app/quarkus-run.jar > target/bench-app.log 2>&1 &
APP_PID=$!
until curl -fsS "http://localhost:$PORT/q/health/ready" > /dev/null 2>&1; do
  kill -0 $APP_PID 2> /dev/null || { cat target/bench-app.log; exit 1; }
  sleep 0.2
done
startup=$(( $(ms) - started ))
rss_idle=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$APP_PID/status)
TOKEN=$(curl -s -X POST "http://localhost:$PORT/api/v1/dev/tokens" -H 'Content-Type: application/json' \
  -d '{"subject": "bench", "roles": ["ADMIN"]}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
api_import() {
  local t0 body
  t0=$(ms)
  body=$(curl -s -X POST "http://localhost:$PORT/api/v1/regions/import" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/csv' --data-binary @"$CSV")
  echo "$(( $(ms) - t0 )) $body" >&2
  echo $(( $(ms) - t0 ))
}
api_cold=$(api_import 2>> target/bench-import.log)
api_warm=$(for _ in $(seq "$RUNS"); do api_import 2>> target/bench-import.log; done | median)
rss_after=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$APP_PID/status)
rows=$(psql -d $DB -Atqc "select count(*) from region")

# --- the same work straight into PostgreSQL ---------------------------------------------------------------------
psql -d $RAW -q <<'SQL'
create table region (code text primary key, name text not null, level text not null,
                     parent_code text references region (code), updated_at timestamptz not null default now());
create extension if not exists pg_trgm;
create index on region (parent_code, code);
create index on region (level, code);
create index on region using gin (lower(name) gin_trgm_ops);
SQL
raw_sql="create temporary table staging (code text, name text);
\\copy staging from '$CSV' with (format csv, header true)
insert into region (code, name, level, parent_code)
select code, name,
       case array_length(string_to_array(code, '.'), 1) when 1 then 'PROVINSI' when 2 then 'KABUPATEN'
            when 3 then 'KECAMATAN' else 'DESA' end,
       nullif(regexp_replace(code, '\\.[0-9]+\$', ''), code)
from staging
on conflict (code) do update set name = excluded.name, updated_at = now()
where region.name is distinct from excluded.name;"
raw_import() {
  local t0
  t0=$(ms)
  psql -d $RAW -q -v ON_ERROR_STOP=1 <<< "begin; $raw_sql commit;" > /dev/null
  echo $(( $(ms) - t0 ))
}
raw_cold=$(raw_import)
raw_warm=$(for _ in $(seq "$RUNS"); do raw_import; done | median)

# --- pgbench on the same server ----------------------------------------------------------------------------------
pgbench -i -q -s 10 $PGB > /dev/null 2>&1
tps=$(pgbench -c 2 -j 2 -T 10 -n $PGB 2> /dev/null | awk '/^tps/ {print int($3)}')
tps_ro=$(pgbench -S -c 2 -j 2 -T 10 -n $PGB 2> /dev/null | awk '/^tps/ {print int($3)}')

cores=$(nproc)
printf '\nRegion import (%s lines, %s rows in the table; %s cores; PostgreSQL %s)\n\n' "$(( $(wc -l < "$CSV") - 1 ))" "$rows" "$cores" \
  "$(psql -d postgres -Atqc 'show server_version')"
printf '| %-44s | %10s | %10s | %7s |\n' "measure" "API" "psql COPY" "ratio"
printf '|%s|%s|%s|%s|\n' "----------------------------------------------" "------------" "------------" "---------"
printf '| %-44s | %7s ms | %7s ms | %6.2fx |\n' "first import (all rows inserted)" "$api_cold" "$raw_cold" "$(echo "$api_cold / $raw_cold" | bc -l)"
printf '| %-44s | %7s ms | %7s ms | %6.2fx |\n' "re-import, nothing changed (median of $RUNS)" "$api_warm" "$raw_warm" "$(echo "$api_warm / $raw_warm" | bc -l)"
printf '| %-44s | %10s | %10s | %7s |\n' "pgbench tpcb-like, 2 clients (tps)" "" "$tps" ""
printf '| %-44s | %10s | %10s | %7s |\n' "pgbench select-only, 2 clients (tps)" "" "$tps_ro" ""
printf '| %-44s | %10s | %10s | %7s |\n' "first import in pgbench tpcb transactions" "$(( api_cold * tps / 1000 ))" "$(( raw_cold * tps / 1000 ))" ""
printf '| %-44s | %7s ms | %10s | %7s |\n' "service start to ready (external database)" "$startup" "" ""
printf '| %-44s | %7s MB | %10s | %7s |\n' "service RSS idle / after the imports" "$rss_idle/$rss_after" "" ""
printf '\nBudget: first import <= 10000 ms: %s\n' "$([ "$api_cold" -le 10000 ] && echo met || echo MISSED)"
