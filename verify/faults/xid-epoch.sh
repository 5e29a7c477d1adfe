#!/usr/bin/env bash
# The change feed across a transaction-id epoch. PostgreSQL's 64-bit transaction ids (xid8) are an epoch and a 32-bit
# counter; a cluster that has run long enough is past 2^32. On a throwaway cluster of its own: one change is written,
# the service and PostgreSQL are stopped, pg_resetwal moves the counter into epoch 1 (xid 2^32 + 2^20: a clog segment
# boundary, as its manual advises), and everything is started again. Guarantees: the cursor of now moves past the new
# change (it used to be the greatest id compared as text, "987" after "4296015872"), and a reader that had read up to
# the first change gets the new one and not the old one again.
#
#   verify/faults/xid-epoch.sh
FAULT=xid-epoch
source "$(dirname "$0")/lib.sh"
start_cluster
[ -x "$PG_BIN/pg_resetwal" ] || skip "no pg_resetwal beside initdb in $PG_BIN"
start_app

auth() { echo "Authorization: Bearer $TOKEN"; }
agency() { # name -> id
  curl -fsS -X POST "$API/agencies" -H "$(auth)" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$1\", \"type\": \"OTHER\"}" | sed -nE 's/^\{"id":"([^"]+)".*/\1/p'
}
latest_txid() { # the transaction id in the cursor of now
  curl -fsS "$API/feed/changes/latest" -H "$(auth)" | sed -nE 's/.*"cursor":"([^"]+)".*/\1/p' \
    | python3 -c 'import base64, json, sys; c = sys.stdin.read().strip(); print(json.loads(base64.urlsafe_b64decode(c + "=" * (-len(c) % 4)))[0])'
}
latest_cursor() { curl -fsS "$API/feed/changes/latest" -H "$(auth)" | sed -nE 's/.*"cursor":"([^"]+)".*/\1/p'; }
txid_of() { $PSQL -Atc "select txid from change_log where entity_id = '$1'"; }
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2> /dev/null || true; APP_PID=""; }
fail() { echo "FAIL $FAULT: $*"; exit 1; }

OLD=$(agency "Kesbangpol sebelum epoch")
[ -n "$OLD" ] || fail "the first agency was not created"
OLD_TXID=$(txid_of "$OLD")
CURSOR=$(latest_cursor)
[ "$(latest_txid)" = "$OLD_TXID" ] || fail "the cursor of now is not at the first change ($OLD_TXID)"

stop_app
eval "$PG_STOP" > /dev/null
as_pg "$PG_BIN/pg_resetwal" -e 1 -x 1048576 -D "$PG_DATA" > "$WORK/resetwal.log" 2>&1 || { cat "$WORK/resetwal.log" >&2; exit 1; }
eval "$PG_START" > /dev/null
NOW=$($PSQL -Atc 'select pg_current_xact_id()')
say "transaction counter moved from $OLD_TXID to $NOW"
[ "$NOW" -gt 4294967296 ] || fail "the counter is not past 2^32 ($NOW)"
start_app

NEW=$(agency "Kesbangpol sesudah epoch")
[ -n "$NEW" ] || fail "the second agency was not created"
NEW_TXID=$(txid_of "$NEW")
for _ in $(seq 50); do
  [ "$(latest_txid)" -ge "$NEW_TXID" ] && break
  sleep 0.2
done
passed=0
check() { # name, condition
  if eval "$2"; then passed=$((passed + 1)); echo "ok   $1"; else fail "$1"; fi
}
LATEST=$(latest_txid)
check "the cursor of now ($LATEST) reaches the change after the epoch ($NEW_TXID)" '[ "$LATEST" -ge "$NEW_TXID" ]'
PAGE=$(curl -fsS "$API/feed/changes?after=$CURSOR&limit=200" -H "$(auth)")
check "the reader gets the new change" 'grep -q "\"id\":\"$NEW\"" <<< "$PAGE"'
check "the reader does not get the old change again" '! grep -q "\"id\":\"$OLD\"" <<< "$PAGE"'
AFTER=$(curl -fsS "$API/feed/changes?after=$(latest_cursor)" -H "$(auth)")
check "nothing is left after the cursor of now" 'grep -q "\"items\":\[\]" <<< "$AFTER"'
echo "$FAULT: $passed passed, 0 failed"
