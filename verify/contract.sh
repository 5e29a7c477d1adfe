#!/usr/bin/env bash
# Contract checks of openapi.yaml against the running service:
#   1. Spectral (oas + OWASP API Security Top 10 2023 rulesets, verify/.spectral.yaml): 0 errors;
#   2. a Java client generated from openapi.yaml (verify/client) compiles and walks the tour of docs/tours.md, then every other
#      operation, checking each answer ("operations covered: N of M", all of them);
#   3. the tour runs THROUGH a Prism validation proxy: every request and answer is checked against openapi.yaml (but the
#      requests that carry a file, which Prism re-encodes as text and so corrupts, go to the service itself), and
#      any violation Prism reports fails the run.
# The service runs against the embedded PostgreSQL, or the server in QUARKUS_DATASOURCE_JDBC_URL when set.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${CONTRACT_APP_PORT:-18181}
PRISM_PORT=${CONTRACT_PRISM_PORT:-18182}
LOGS=target/contract
rm -rf "$LOGS" && mkdir -p "$LOGS"
APP_PID=""
PRISM_PID=""
cleanup() {
  [ -n "$PRISM_PID" ] && kill "$PRISM_PID" 2> /dev/null
  [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null
  true
}
trap cleanup EXIT

if ! command -v npm > /dev/null || ! command -v node > /dev/null; then
  echo "contract checks need Node.js 18+ and npm (e.g. apt-get install nodejs npm): not found" >&2
  exit 2
fi

echo "== contract 1/3: npm ci (pinned Spectral and Prism), Spectral lint of openapi.yaml"
(cd verify && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || { echo "npm ci failed" >&2; exit 2; }
SPECTRAL=verify/node_modules/.bin/spectral
PRISM=verify/node_modules/.bin/prism
"$SPECTRAL" lint openapi.yaml -r verify/.spectral.yaml -f json -q -o "$LOGS/spectral.json" > /dev/null 2>&1
read -r SPECTRAL_ERRORS SPECTRAL_WARNINGS < <(node -e '
  const d = require(process.argv[1]);
  console.log(d.filter(x => x.severity === 0).length, d.filter(x => x.severity === 1).length);' "$ROOT/$LOGS/spectral.json")
if [ "$SPECTRAL_ERRORS" != 0 ]; then
  "$SPECTRAL" lint openapi.yaml -r verify/.spectral.yaml -D || true
fi

echo "== contract 2/3: the generated client compiles"
if ./mvnw -B -ntp -q -f verify/client/pom.xml clean compile > "$LOGS/client-build.log" 2>&1; then
  COMPILED=yes
else
  COMPILED=no
  tail -40 "$LOGS/client-build.log"
fi

echo "== contract 3/3: the service behind Prism, and the tour through it"
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -ntp -o -q package -DskipTests
fi
# Development tokens, as .ci/run starts the packaged service; a fresh embedded database unless one is given. Webhooks
# may target a loopback address (a development flag), so that the tour subscribes without needing DNS.
TERPADU_EMBEDDED_DB_DATA_DIR="$ROOT/$LOGS/pgdata" QUARKUS_HTTP_PORT=$PORT TERPADU_DEV_TOKENS_ENABLED=true TERPADU_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem \
  java -jar target/quarkus-app/quarkus-run.jar > "$LOGS/app.log" 2>&1 &
APP_PID=$!
"$PRISM" proxy openapi.yaml "http://127.0.0.1:$PORT" --errors=false --port "$PRISM_PORT" --host 127.0.0.1 \
  > "$LOGS/prism.log" 2>&1 &
PRISM_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "http://localhost:$PORT/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
for _ in $(seq 1 60); do
  grep -q 'Prism is listening' "$LOGS/prism.log" && break
  sleep 1
done
TOUR=fail
COVERED="?"
if [ "$COMPILED" = yes ]; then
  if ./mvnw -B -ntp -q -f verify/client/pom.xml exec:java \
      -Dexec.args="http://127.0.0.1:$PRISM_PORT $ROOT/openapi.yaml http://127.0.0.1:$PORT" > "$LOGS/tour.log" 2>&1; then
    TOUR=ok
  fi
  cat "$LOGS/tour.log"
  COVERED=$(sed -n 's/^operations covered: //p' "$LOGS/tour.log" | tail -1)
fi
sleep 1
# Streamed answers: Prism parses and validates JSON bodies (application/json, problem+json, geo+json) against their
# schemas; for text/csv, application/x-ndjson, application/atom+xml and application/cap+xml it checks the status,
# the media type (it must be one the operation documents) and the headers, and passes the body through, as it has no
# schema language for them. The tour itself reads those answers through the generated client. The CSV region import
# is a request body of text/csv: checked the same way.
# Prism logs each request and answer it finds violating the document (a line per violation, "Violation: ...").
VIOLATIONS=$(grep -c 'Violation:' "$LOGS/prism.log" || true)
# ... and a line per answer it forwarded and checked: none would mean the tour bypassed the proxy.
FORWARDED=$(grep -c 'Received forward response' "$LOGS/prism.log" || true)
grep 'Violation:' "$LOGS/prism.log" | sed 's/\x1b\[[0-9;]*m//g' | sort | uniq -c | sort -rn | head -40

printf '\n| check | result |\n|---|---|\n'
printf '| Spectral errors / warnings | %s / %s |\n' "$SPECTRAL_ERRORS" "$SPECTRAL_WARNINGS"
printf '| client compiled | %s |\n' "$COMPILED"
printf '| tour checks | %s |\n' "$TOUR"
printf '| operations covered | %s |\n' "${COVERED:-?}"
printf '| answers checked by the proxy | %s |\n' "$FORWARDED"
printf '| proxy violations | %s |\n' "$VIOLATIONS"
[ "$SPECTRAL_ERRORS" = 0 ] && [ "$COMPILED" = yes ] && [ "$TOUR" = ok ] && [ "$VIOLATIONS" = 0 ] && [ "$FORWARDED" -gt 0 ]
