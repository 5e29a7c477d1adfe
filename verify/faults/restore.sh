#!/usr/bin/env bash
# A logical backup (pg_dump) restored onto another PostgreSQL server, as docs/operations.md describes. The change feed
# orders changes by the transaction id that wrote them; a new server counts its ids from where its own history
# stands, far below the restored log's when the old server had run long. On throwaway clusters of its own: the old
# server's ids are moved into epoch 1 (pg_resetwal, as a server that has run for years), a change is written and a
# reader keeps its cursor, the database is dumped and restored into a new cluster. Guarantees: the service refuses to
# start there, saying why and which pg_resetwal moves the new server past the log; after that command it starts, the
# reader's saved cursor gets the new change and not the old one again, and a new reader gets both in order.
#
#   verify/faults/restore.sh
FAULT=restore
source "$(dirname "$0")/lib.sh"
start_cluster
for tool in pg_resetwal pg_dump pg_restore; do
  [ -x "$PG_BIN/$tool" ] || skip "no $tool beside initdb in $PG_BIN"
done
start_app

auth() { echo "Authorization: Bearer $TOKEN"; }
agency() { # name -> id
  curl -fsS -X POST "$API/agencies" -H "$(auth)" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$1\", \"type\": \"OTHER\"}" | sed -nE 's/^\{"id":"([^"]+)".*/\1/p'
}
latest_cursor() { curl -fsS "$API/feed/changes/latest" -H "$(auth)" | sed -nE 's/.*"cursor":"([^"]+)".*/\1/p'; }
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2> /dev/null || true; APP_PID=""; }
fail() { echo "FAIL $FAULT: $*"; exit 1; }
passed=0
ok() { passed=$((passed + 1)); echo "ok   $*"; }

# the old server has run long: its transaction ids are past 2^32 (epoch 1)
stop_app
eval "$PG_STOP" > /dev/null
as_pg "$PG_BIN/pg_resetwal" -e 1 -x 1048576 -D "$PG_DATA" > "$WORK/resetwal.log" 2>&1 || { cat "$WORK/resetwal.log" >&2; exit 1; }
eval "$PG_START" > /dev/null
start_app
OLD=$(agency "Kesbangpol sebelum pencadangan")
[ -n "$OLD" ] || fail "the agency before the backup was not created"
CURSOR=$(latest_cursor)
[ -n "$CURSOR" ] || fail "no cursor of now"
stop_app
"$PG_BIN/pg_dump" -Fc -h 127.0.0.1 -p "$PGPORT" -U postgres -d terpadu -f "$WORK/terpadu.dump"
LOG_TXID=$($PSQL -Atc 'select max(txid::text::numeric) from change_log')

# the other server: a new cluster, the dump restored into it
eval "$PG_STOP" > /dev/null
rm -rf "$PG_DATA"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale --no-sync > "$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 1; }
eval "$PG_START" > /dev/null
psql -X -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qc 'create database terpadu'
"$PG_BIN/pg_restore" --no-owner -h 127.0.0.1 -p "$PGPORT" -U postgres -d terpadu "$WORK/terpadu.dump"
SERVER_TXID=$($PSQL -Atc 'select pg_snapshot_xmax(pg_current_snapshot())')
say "restored: the log's newest transaction id is $LOG_TXID, the new server's next $SERVER_TXID"

# the service refuses to start there, and says what to do (in a subshell: start_app exits when the service does)
if (start_app && echo "$APP_PID" > "$WORK/started.pid") 2> "$WORK/refused.err"; then
  kill "$(cat "$WORK/started.pid")" 2> /dev/null
  fail "the service started on a database restored behind its change log"
fi
grep -q "Refusing to start: the change log holds transaction id $LOG_TXID" "$WORK/app.log" \
  || { tail -20 "$WORK/app.log" >&2; fail "the refusal does not say why"; }
ok "the service refuses to start on the restored database, naming the log's newest transaction id"
EPOCH=$(grep -o 'pg_resetwal -e [0-9]*' "$WORK/app.log" | head -1 | awk '{print $3}')
[ "$EPOCH" = 2 ] || fail "the refusal names epoch '${EPOCH}', not 2"
ok "and the pg_resetwal that moves the new server past it (-e $EPOCH)"

# the command it gives, as an administrator runs it
eval "$PG_STOP" > /dev/null
as_pg "$PG_BIN/pg_resetwal" -e "$EPOCH" -D "$PG_DATA" > "$WORK/resetwal.log" 2>&1 || { cat "$WORK/resetwal.log" >&2; exit 1; }
eval "$PG_START" > /dev/null
start_app
ok "after it the service starts"
NEW=$(agency "Kesbangpol setelah pemulihan")
[ -n "$NEW" ] || fail "no change could be written after the restore"
for _ in $(seq 1 50); do
  SAVED=$(curl -fsS "$API/feed/changes?after=$CURSOR&types=agency" -H "$(auth)")
  case "$SAVED" in *"$NEW"*) break ;; esac
  sleep 0.2
done
case "$SAVED" in *"$NEW"*) ok "the reader's saved cursor gets the change written after the restore" ;; *) fail "the saved cursor does not reach the new change: $SAVED" ;; esac
case "$SAVED" in *"$OLD"*) fail "the saved cursor gets the change before the backup again" ;; *) ok "and not the one it had read before the backup" ;; esac
FRESH=$(curl -fsS "$API/feed/changes?types=agency&limit=100" -H "$(auth)" \
  | python3 -c 'import json, sys; print(" ".join(e["id"] for e in json.load(sys.stdin)["items"]))')
case "$FRESH" in *"$OLD"*"$NEW"*) ok "a new reader gets the restored change and the new one, in order" ;; *) fail "a new reader got: $FRESH" ;; esac
echo "$FAULT: $passed passed"
