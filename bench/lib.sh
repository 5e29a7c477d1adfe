# What the benchmarks that run the packaged service against a scratch database on a PostgreSQL server share: the
# jar to run, the database, the service's start with budgets a benchmark never reaches, a national ADMIN's token, the
# official region list, and the cleanup. Sourced by a script after `set -euo pipefail` and `cd` to the repository.
#
# Settings: BENCH_JAR (another build of the service, for comparing versions back to back), BENCH_REGIONS (the
# region list, default ../shared/data/wilayah.csv), PGHOST/PGPORT/PGUSER/PGPASSWORD (default 127.0.0.1:5432 postgres).

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
CSV=${BENCH_REGIONS:-../shared/data/wilayah.csv}
WORK=$(mktemp -d)
APP_PID=""
# the databases made by this run, dropped at the end
BENCH_SCRATCH=()

bench_cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null || true
  for d in "${BENCH_SCRATCH[@]}"; do psql -d postgres -qc "drop database if exists $d" > /dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap bench_cleanup EXIT

# bench_needs tool…: stops the run when a tool is missing; the region list must exist too.
bench_needs() {
  for tool in "$@"; do command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 2; }; done
  [ -f "$CSV" ] || { echo "no region list at $CSV" >&2; exit 2; }
}

# bench_jar: sets JAR to BENCH_JAR, or to this checkout's package (built when missing).
bench_jar() {
  JAR=${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}
  [ -n "${BENCH_JAR:-}" ] || [ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
  [ -f "$JAR" ] || { echo "no jar at $JAR" >&2; exit 2; }
}

# bench_database name: creates a scratch database, dropped when the run ends.
bench_database() {
  psql -d postgres -qc "create database $1"
  BENCH_SCRATCH+=("$1")
}

# bench_start db port log [java options…]: runs $JAR on the database and port, its output in target/<log>, with dev
# tokens and rate-limit budgets one benchmark caller never reaches (the limiter still runs), and waits until it is
# ready. Further settings come from the caller's environment (VAR=value bench_start …). Sets APP_PID, API and TOKEN
# (a national ADMIN's).
bench_start() {
  local db=$1 port=$2 log=$3
  shift 3
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" QUARKUS_HTTP_PORT=$port TERPADU_DEV_TOKENS_ENABLED=true \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem QUARKUS_LOG_LEVEL=WARN \
    TERPADU_RATE_LIMIT_READS_LIMIT=1000000000 TERPADU_RATE_LIMIT_WRITES_LIMIT=1000000000 \
    TERPADU_RATE_LIMIT_EXPENSIVE_LIMIT=1000000000 QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
    java "$@" -jar "$JAR" > "target/$log" 2>&1 &
  APP_PID=$!
  until curl -fsS "http://localhost:$port/q/health/ready" > /dev/null 2>&1; do
    kill -0 $APP_PID 2> /dev/null || { cat "target/$log"; exit 1; }
    sleep 0.2
  done
  API="http://localhost:$port/api/v1"
  TOKEN=$(curl -s -X POST "$API/dev/tokens" -H 'Content-Type: application/json' \
    -d '{"subject": "bench", "roles": ["ADMIN"], "regionScope": [], "ttlMinutes": 600}' \
    | sed -nE 's/.*"accessToken":"([^"]+)".*/\1/p')
}

# bench_regions: imports the official region list through the API.
bench_regions() {
  curl -s -o /dev/null -X POST "$API/regions/import" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
    --data-binary @"$CSV"
}

# bench_stat_triggers db enable|disable: switches the triggers that write the statistics' deltas (V33); with them off,
# the creates of a measure are missing from the cubes afterwards.
bench_stat_triggers() {
  psql -d "$1" -qc "alter table incident $2 trigger incident_stat_inserted, $2 trigger incident_stat_updated,
                    $2 trigger incident_stat_deleted"
}

# bench_cubes_settled db: waits until the service's compaction has moved every statistics delta (those of a load)
# into the cubes, a batch a transaction every second; a build from before the cubes has none to wait for.
bench_cubes_settled() {
  [ "$(psql -d "$1" -Atqc "select to_regclass('incident_stat_delta') is not null")" = t ] || return 0
  until [ "$(psql -d "$1" -Atqc 'select not exists (select 1 from incident_stat_delta)')" = t ]; do sleep 1; done
}
