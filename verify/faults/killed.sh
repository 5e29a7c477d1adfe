#!/usr/bin/env bash
# The service killed (SIGKILL: a crash, the OOM killer, an IDE's stop button) while it runs on the embedded
# PostgreSQL of the README's run command, then started again on the same data. A killed JVM cannot stop its embedded
# server, which goes on running and holds the data folder. Guarantees: the next start stops that server and comes up
# with the data kept; a second service started on a folder in use, and a start with no database at all, end at once
# with their reason on standard error; a start after the server was killed too comes up; a SIGTERM then stops the
# service and its server. Needs no PostgreSQL of the machine (the embedded server's binaries come with the jar); where
# psql is, a session is left open on the old server, which the next start must end rather than wait for.
#
#   verify/faults/killed.sh
FAULT=killed
source "$(dirname "$0")/lib.sh"
set +e # each step is checked and counted below
DATA="$PWD/$WORK/pgdata"
FIRST_PID=""
passed=0
failed=0

check() { # name, condition (0 = holds), detail
  if [ "$2" = 0 ]; then
    passed=$((passed + 1))
    echo "ok   $1"
  else
    failed=$((failed + 1))
    echo "FAIL $1: $3"
  fi
}

# The process id in the data folder's postmaster.pid while that server runs, else nothing.
server_pid() {
  local pid
  pid=$(head -1 "$DATA/postmaster.pid" 2> /dev/null) || return 0
  kill -0 "$pid" 2> /dev/null && echo "$pid"
  true
}

stop_everything() {
  local code=$?
  local pid
  pid=$(server_pid)
  [ -n "$APP_PID" ] && kill -9 "$APP_PID" 2> /dev/null
  [ -n "$pid" ] && kill "$pid" 2> /dev/null
  [ -n "${PSQL_PID:-}" ] && kill "$PSQL_PID" 2> /dev/null
  exit "$code"
}
trap stop_everything EXIT

# Starts the packaged service on the embedded database in $DATA with the development tokens; extra settings come
# from the caller's environment. Output to $WORK/$1.log; sets APP_PID.
run_service() {
  TERPADU_EMBEDDED_DB_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$HTTP_PORT TERPADU_DEV_TOKENS_ENABLED=true \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem \
    java -jar target/quarkus-app/quarkus-run.jar > "$WORK/$1.log" 2>&1 &
  APP_PID=$!
}

# Seconds until the service answers ready, or nothing when it exits or 90 s pass.
await_ready() {
  local started=$SECONDS
  until curl -fsS "$BASE/q/health/ready" > /dev/null 2>&1; do
    if ! kill -0 "$APP_PID" 2> /dev/null || [ $((SECONDS - started)) -gt 90 ]; then
      return 0
    fi
    sleep 0.2
  done
  echo $((SECONDS - started))
}

rm -rf "$WORK"
mkdir -p "$WORK"
ensure_jar
HTTP_PORT=$(free_port)
BASE="http://127.0.0.1:$HTTP_PORT"
API="$BASE/api/v1"

run_service first
ready=$(await_ready)
[ -n "$ready" ] || { tail -30 "$WORK/first.log" >&2; echo "FAIL the service did not start on a fresh folder"; exit 1; }
say "service ready on $BASE after $ready s, data in $WORK/pgdata"
# a person opens the address the start log gives when it says ready: on a new database that is only after the shipped
# region list was applied (seconds), since the HTTP server opens after every start step
list_at=$(grep -n "The official region list" "$WORK/first.log" | head -1 | cut -d: -f1)
ready_at=$(grep -n "Terpadu is ready" "$WORK/first.log" | head -1 | cut -d: -f1)
[ -n "$list_at" ] && [ -n "$ready_at" ] && [ "$ready_at" -gt "$list_at" ]
check "the start log says ready after the region list is applied, not before" $? \
  "region list at line ${list_at:-none}, ready at line ${ready_at:-none} of $WORK/first.log"
TOKEN=$(curl -fsS -X POST "$API/dev/tokens" -H 'Content-Type: application/json' \
  -d '{"subject": "faults", "roles": ["ADMIN"], "regionScope": [], "ttlMinutes": 60}' \
  | sed -nE 's/.*"accessToken":"([^"]+)".*/\1/p')
AUTH="Authorization: Bearer $TOKEN"
printf 'kode,nama\n19.71,Kota Pangkal Pinang\n' | curl -fsS -o /dev/null -X POST "$API/regions/import" -H "$AUTH" \
  -H 'Content-Type: text/csv' --data-binary @-
LOCATION=$(curl -fsS -D - -o /dev/null -X POST "$API/incidents" -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"title": "Bentrokan warga sebelum mati listrik", "categoryCode": "SENGKETA_LAHAN", "regionCode": "19.71",
    "occurredFrom": "2024-10-12T09:30:00Z", "sourceKind": "PATROLI", "severity": 3, "classification": "PUBLIC",
    "point": {"lat": -2.13, "lon": 106.11}}' | tr -d '\r' | sed -nE 's/^[Ll]ocation: (.*)$/\1/p')
check "an incident is recorded before the kill" "$([ -n "$LOCATION" ]; echo $?)" "no Location"

# someone's psql still connected to the server when the service dies: the next start must not wait for it
PSQL_PID=""
if command -v psql > /dev/null; then
  PG_PORT=$(sed -n 4p "$DATA/postmaster.pid")
  psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d terpadu -c 'select pg_sleep(600)' > "$WORK/psql.log" 2>&1 &
  PSQL_PID=$!
  sleep 1
fi
kill -9 "$APP_PID"
wait "$APP_PID" 2> /dev/null
APP_PID=""
LEFT=$(server_pid)
check "the killed service left its PostgreSQL running (the case this script is about)" "$([ -n "$LEFT" ]; echo $?)" \
  "no server runs on the folder after the kill"

run_service second
ready=$(await_ready)
check "the next start comes up on the same folder$([ -n "$PSQL_PID" ] && echo ', a psql session still open on the old server')" \
  "$([ -n "$ready" ]; echo $?)" "not ready within 90 s; $(tail -c 600 "$WORK/second.log")"
if [ -n "$PSQL_PID" ]; then
  wait "$PSQL_PID" 2> /dev/null
  check "that session was ended (fast shutdown), not waited for" "$(grep -q 'terminat' "$WORK/psql.log"; echo $?)" \
    "$(head -c 300 "$WORK/psql.log")"
fi
[ -n "$ready" ] && say "second start ready after $ready s"
check "it stopped the server left running (process $LEFT)" \
  "$(! kill -0 "$LEFT" 2> /dev/null && grep -q "Stopped the embedded PostgreSQL (process $LEFT)" "$WORK/second.log"; echo $?)" \
  "process $LEFT alive or no log line"
code=$(curl -s -o /dev/null -w '%{http_code}' "$LOCATION" -H "$AUTH" 2> /dev/null)
check "the incident recorded before the kill is there" "$([ "$code" = 200 ]; echo $?)" "GET $LOCATION: $code"

# a second service on the folder in use: refused at once, the first one unharmed
started=$SECONDS
TERPADU_EMBEDDED_DB_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$(free_port) timeout 60 \
  java -jar target/quarkus-app/quarkus-run.jar > "$WORK/third.out" 2> "$WORK/third.err"
code=$?
took=$((SECONDS - started))
check "a second service on the same folder ends with exit 1 within 20 s" \
  "$([ "$code" = 1 ] && [ "$took" -le 20 ]; echo $?)" "exit $code after $took s"
check "and says why on standard error" \
  "$(grep -q "uses the embedded PostgreSQL's data folder $DATA" "$WORK/third.err"; echo $?)" "$(head -c 400 "$WORK/third.err")"
code=$(curl -s -o /dev/null -w '%{http_code}' "$LOCATION" -H "$AUTH")
check "the running service still answers" "$([ "$code" = 200 ]; echo $?)" "GET $LOCATION: $code"

# no database at all: the reason on standard error, not a silent exit
TERPADU_EMBEDDED_DB_ENABLED=false timeout 60 java -jar target/quarkus-app/quarkus-run.jar \
  > "$WORK/off.out" 2> "$WORK/off.err"
code=$?
check "no database and the embedded one switched off: exit 1, the reason on standard error" \
  "$([ "$code" = 1 ] && grep -q "embedded PostgreSQL is switched off" "$WORK/off.err"; echo $?)" \
  "exit $code, $(head -c 300 "$WORK/off.err")"

# the server killed as well: its postmaster.pid names a process that is gone, which PostgreSQL itself replaces
DEAD=$(server_pid)
kill -9 "$APP_PID" "$DEAD"
wait "$APP_PID" 2> /dev/null
for _ in $(seq 1 50); do kill -0 "$DEAD" 2> /dev/null || break; sleep 0.1; done
run_service fourth
ready=$(await_ready)
check "a start after the service and its server were both killed comes up" "$([ -n "$ready" ]; echo $?)" \
  "not ready within 90 s; $(tail -c 600 "$WORK/fourth.log")"
code=$(curl -s -o /dev/null -w '%{http_code}' "$LOCATION" -H "$AUTH")
check "with the incident recorded before the first kill" "$([ "$code" = 200 ]; echo $?)" "GET $LOCATION: $code"

RUNNING=$(server_pid)
kill "$APP_PID"
wait "$APP_PID"
code=$?
APP_PID=""
check "SIGTERM stops the service (exit 0 or 143)" "$([ "$code" = 0 ] || [ "$code" = 143 ]; echo $?)" "exit $code"
# the server's last steps after it removed its postmaster.pid (which pg_ctl stop waits for) may take a moment
for _ in $(seq 1 50); do kill -0 "$RUNNING" 2> /dev/null || break; sleep 0.1; done
check "and its PostgreSQL (gone within 5 s)" "$(! kill -0 "$RUNNING" 2> /dev/null; echo $?)" "process $RUNNING still runs"

echo "killed: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
