#!/usr/bin/env bash
# The tours of docs/tours.md (verify/tours/[0-9]*.sh, POSIX sh and curl) against the packaged service: it starts
# target/quarkus-app/quarkus-run.jar with a fresh embedded database under target/tours/service, runs every tour twice
# on the same data (a second run must succeed as the first did), prints a table (tour, run, steps passed, seconds)
# and exits non-zero when a run failed or when the tours left a file anywhere but under target/.
#   verify/tours.sh            as CI runs it (after ./mvnw verify, which built the package)
#   TOURS_PORT=18091 verify/tours.sh
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
PORT=${TOURS_PORT:-18090}
OUT=target/tours
JAR=target/quarkus-app/quarkus-run.jar
RUNS=2

if [ ! -f "$JAR" ]; then
  echo "no $JAR: build the package first (./mvnw package -DskipTests)" >&2
  exit 2
fi
if curl -s -o /dev/null "http://localhost:$PORT/"; then
  echo "port $PORT is in use: stop what listens there or set TOURS_PORT" >&2
  exit 2
fi
GIT_BEFORE=""
if command -v git > /dev/null && git rev-parse --git-dir > /dev/null 2>&1; then
  GIT_BEFORE=$(git status --porcelain)
fi

micros() { echo "${EPOCHREALTIME//[.,]/}"; }
since() { # start in microseconds: the seconds since, with one decimal
  local d=$(($(micros) - $1))
  printf '%d.%d' $((d / 1000000)) $((d / 100000 % 10))
}

rm -rf "$OUT"
mkdir -p "$OUT/service"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null
  fi
  true
}
trap cleanup EXIT

# As .ci/run's smoke test starts it: development tokens on, the development key read from the repository's top
# folder. Webhooks may go to a loopback address (a development flag, for the subscription of tour 4).
TERPADU_EMBEDDED_DB_DATA_DIR="$ROOT/$OUT/service/pgdata" QUARKUS_HTTP_PORT=$PORT QUARKUS_SHUTDOWN_DELAY=0S \
  TERPADU_DEV_TOKENS_ENABLED=true TERPADU_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem \
  java -jar "$JAR" > "$OUT/service/app.log" 2>&1 &
APP_PID=$!
START=$(micros)
READY=no
for _ in $(seq 1 120); do
  if curl -fsS "http://localhost:$PORT/q/health/ready" > /dev/null 2>&1; then
    READY=yes
    break
  fi
  if ! kill -0 "$APP_PID" 2> /dev/null; then
    break
  fi
  sleep 1
done
if [ "$READY" != yes ]; then
  echo "the service did not become ready on port $PORT; the end of its log ($OUT/service/app.log):" >&2
  tail -40 "$OUT/service/app.log" >&2
  exit 1
fi
echo "service ready on port $PORT after $(since "$START") s"

FAILED=0
ROWS=()
for run in $(seq 1 $RUNS); do
  for tour in verify/tours/[0-9]*.sh; do
    name=$(basename "$tour" .sh)
    log="$OUT/$name-run$run.log"
    started=$(micros)
    if TERPADU_URL="http://localhost:$PORT" sh "$tour" > "$log" 2>&1; then
      result=ok
    else
      result=FAILED
      FAILED=$((FAILED + 1))
    fi
    seconds=$(since "$started")
    steps=$(grep -c '^ok ' "$log")
    ROWS+=("$(printf '%-16s %3s   %-6s %5s %8s' "$name" "$run" "$result" "$steps" "$seconds")")
    echo "$name, run $run: $result, $steps steps passed, $seconds s"
    if [ "$result" != ok ]; then
      sed 's/^/    /' "$log" | tail -30
    fi
  done
done

echo
echo "tour             run   result steps  seconds"
printf '%s\n' "${ROWS[@]}"

if [ -n "$(command -v git)" ] && git rev-parse --git-dir > /dev/null 2>&1; then
  if [ "$(git status --porcelain)" != "$GIT_BEFORE" ]; then
    echo "FAIL: the tours changed the work tree outside target/:" >&2
    diff <(echo "$GIT_BEFORE") <(git status --porcelain) >&2
    FAILED=$((FAILED + 1))
  else
    echo "work tree unchanged: every file the tours wrote is under $OUT/"
  fi
fi
[ "$FAILED" -eq 0 ]
