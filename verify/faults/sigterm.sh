#!/usr/bin/env bash
# SIGTERM to the service under load. Exports (NDJSON of some thousand incidents, read by slow clients) and lists
# are in flight when the service is sent SIGTERM; readiness is polled every 50 ms and a new connection is opened
# every 100 ms. Guarantees: the in-flight exports complete with 200 and every line, readiness reports DOWN at once
# and before the listener closes (quarkus.shutdown.delay), requests sent during the delay are served, new
# connections after the close are refused, and the process exits 0 or 143 (see docs/verification.md, "Faults").
#
#   verify/faults/sigterm.sh [incidents] [shutdown delay]
FAULT=sigterm
source "$(dirname "$0")/lib.sh"
ROWS=${1:-10000}
DELAY=${2:-5S}
start_cluster
export QUARKUS_SHUTDOWN_DELAY=$DELAY
start_app
$PSQL -v rows="$ROWS" -f bench/generate-incidents.sql > /dev/null
set +e
python3 -B verify/faults/faults.py sigterm --pid "$APP_PID" --rows "$ROWS" --delay "${DELAY%S}"
verdict=$?
wait "$APP_PID"
code=$?
set -e
APP_PID=""
echo "exit code of the service after SIGTERM: $code (0 or 143 expected)"
if [ "$code" != 0 ] && [ "$code" != 143 ]; then
  echo "FAIL the service exited with $code"
  tail -20 "$WORK/app.log"
  exit 1
fi
exit "$verdict"
