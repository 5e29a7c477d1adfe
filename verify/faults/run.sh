#!/usr/bin/env bash
# The fast fault scripts, one after the other (each on a throwaway PostgreSQL cluster of its own): PostgreSQL
# restarted under writes, a stalled database, SIGTERM under load, the service killed on its embedded database (which
# needs no PostgreSQL of the machine), the change feed across a transaction-id epoch. --all adds the webhook
# receivers (about two minutes more). Exits non-zero when any guarantee is broken; a machine without the PostgreSQL
# server binaries skips the others, saying so.
#
#   verify/faults/run.sh [--all]
set -uo pipefail
cd "$(dirname "$0")/../.."
scripts=(pg-restart db-stall sigterm killed xid-epoch restore)
[ "${1:-}" = "--all" ] && scripts+=(webhooks)
passed=0
failed=0
skipped=0
started=$SECONDS
for name in "${scripts[@]}"; do
  echo "== verify/faults/$name.sh"
  t=$SECONDS
  output=$(bash "verify/faults/$name.sh" 2>&1)
  code=$?
  echo "$output"
  if [ $code -ne 0 ]; then
    failed=$((failed + 1))
    echo "== $name: FAILED (exit $code, $((SECONDS - t)) s; logs in target/faults/$name)"
  elif grep -q "^SKIP $name:" <<< "$output"; then
    skipped=$((skipped + 1))
    echo "== $name: skipped"
  else
    passed=$((passed + 1))
    echo "== $name: passed ($((SECONDS - t)) s)"
  fi
done
echo "== fault scripts took $((SECONDS - started)) s"
echo "faults: $passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
