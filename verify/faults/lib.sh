# shellcheck shell=bash
# Shared by the fault scripts (sourced, never run): a throwaway PostgreSQL cluster of this script's own on a free
# port under target/faults/NAME, and the packaged service against it with the development tokens enabled, the way
# .ci/run runs it. The shared server on 5432 is never touched. Everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

FAULT=${FAULT:?set FAULT to the script name before sourcing lib.sh}
WORK="target/faults/$FAULT"
APP_PID=""
PG_DATA=""
PG_BIN=""

say() { echo "[$FAULT] $*" >&2; }

# Exit 0 with a line saying why nothing was measured (a machine without the PostgreSQL server binaries).
skip() {
  echo "SKIP $FAULT: $*"
  exit 0
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The newest PostgreSQL server binaries: FAULTS_PG_BIN, /usr/lib/postgresql/*/bin, or pg_config's bindir.
find_pg_bin() {
  local candidates=()
  [ -n "${FAULTS_PG_BIN:-}" ] && candidates+=("$FAULTS_PG_BIN")
  while IFS= read -r dir; do candidates+=("$dir"); done < <(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -t/ -k4 -V -r)
  command -v pg_config > /dev/null && candidates+=("$(pg_config --bindir)")
  for dir in "${candidates[@]}"; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      PG_BIN=$dir
      return 0
    fi
  done
  return 1
}

# PostgreSQL refuses to run as root: as root, run it in a user namespace of its own (as the embedded server does).
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    unshare -U "$@"
  else
    "$@"
  fi
}

pg_ctl_() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" "$@"; }

# Creates and starts the cluster; sets PGPORT, PG_STOP, PG_START and PSQL (a psql command for database terpadu).
start_cluster() {
  find_pg_bin || skip "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin; set FAULTS_PG_BIN"
  command -v psql > /dev/null || skip "no psql"
  if [ "$(id -u)" = 0 ] && ! unshare -U true 2> /dev/null; then
    skip "running as root and user namespaces are not available (unshare -U), so PostgreSQL cannot start"
  fi
  rm -rf "$WORK"
  mkdir -p "$WORK"
  PG_DATA="$WORK/pgdata"
  PGPORT=$(free_port)
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale --no-sync > "$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; exit 1; }
  local opts="-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories="
  local ctl
  ctl="$( [ "$(id -u)" = 0 ] && echo 'unshare -U ' )$PG_BIN/pg_ctl -D $PG_DATA -l $WORK/postgresql.log"
  PG_STOP="$ctl -m fast -w stop"
  PG_START="$ctl -w -o '$opts' start"
  export PG_STOP PG_START
  eval "$PG_START" > /dev/null
  PSQL="psql -X -h 127.0.0.1 -p $PGPORT -U postgres -d terpadu -v ON_ERROR_STOP=1 -q"
  export PSQL
  psql -X -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qc 'create database terpadu'
  say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT, data in $PG_DATA"
}

ensure_jar() {
  local jar=target/quarkus-app/quarkus-run.jar
  if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
    say "packaging the service (./mvnw -o -q package -DskipTests)"
    ./mvnw -o -B -q package -DskipTests > "$WORK/package.log" 2>&1 || { tail -40 "$WORK/package.log" >&2; exit 1; }
  fi
}

# Starts the packaged service against the cluster (extra settings come from the caller's environment) and waits
# until it is ready; sets APP_PID, BASE and API.
start_app() {
  ensure_jar
  HTTP_PORT=$(free_port)
  BASE="http://127.0.0.1:$HTTP_PORT"
  API="$BASE/api/v1"
  export BASE API
  # The load generators are one caller each: the budgets are raised far above what they send, so that every answer
  # measured is the fault's, while the limiter still takes its leases from the database (and meets the fault too).
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/terpadu" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD="" QUARKUS_HTTP_PORT=$HTTP_PORT TERPADU_DEV_TOKENS_ENABLED=true \
    TERPADU_RATE_LIMIT_READS_LIMIT=100000000 TERPADU_RATE_LIMIT_WRITES_LIMIT=100000000 \
    TERPADU_RATE_LIMIT_EXPENSIVE_LIMIT=100000000 \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem \
    java -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  local started=$SECONDS
  until curl -fsS "$BASE/q/health/ready" > /dev/null 2>&1; do
    if ! kill -0 "$APP_PID" 2> /dev/null || [ $((SECONDS - started)) -gt 120 ]; then
      tail -40 "$WORK/app.log" >&2
      echo "FAIL $FAULT: the service did not become ready" >&2
      exit 1
    fi
    sleep 0.2
  done
  say "service ready on $BASE after $((SECONDS - started)) s (pid $APP_PID, log $WORK/app.log)"
  TOKEN=$(curl -fsS -X POST "$API/dev/tokens" -H 'Content-Type: application/json' \
    -d '{"subject": "faults", "roles": ["ADMIN"], "regionScope": [], "ttlMinutes": 60}' \
    | sed -nE 's/.*"accessToken":"([^"]+)".*/\1/p')
  export TOKEN
  # Incidents lie in a kabupaten/kota; the migrations seed only the provinces.
  printf 'kode,nama\n19.71,Kota Pangkal Pinang\n' | curl -fsS -o /dev/null -X POST "$API/regions/import" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @-
}

cleanup() {
  local code=$?
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2> /dev/null; then
    kill "$APP_PID" 2> /dev/null || true
    wait "$APP_PID" 2> /dev/null || true
  fi
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    pg_ctl_ -m immediate -w stop > /dev/null 2>&1 || true
  fi
  [ -n "$PG_DATA" ] && rm -rf "$PG_DATA"
  exit "$code"
}
trap cleanup EXIT
