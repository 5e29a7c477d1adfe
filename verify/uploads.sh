#!/usr/bin/env bash
# A phone's resumable upload with a client nobody here wrote: tus-js-client (npm) sends a 50 MB video in 5 MB pieces
# to the packaged service through a proxy that cuts the connection once in the middle of a piece, and the service is
# restarted once while the upload is under way. It must finish from the offsets the service reports, with the stored
# SHA-256 equal to the file's. Then a reporter's phone sends a photo with a community report, with the report's upload
# key alone (verify/uploads/public-photo.mjs). Needs Node.js 18+ and npm, and a JDK; reuses the package the build made.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${UPLOADS_APP_PORT:-18281}
PROXY_PORT=${UPLOADS_PROXY_PORT:-18282}
SIZE_MB=${UPLOADS_SIZE_MB:-50}
# a client that stops sending without failing would hold the run: each one ends after this many seconds (status 124)
CLIENT_TIMEOUT=${UPLOADS_CLIENT_TIMEOUT:-300}
LOGS=target/uploads
rm -rf "$LOGS" && mkdir -p "$LOGS"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null
  true
}
trap cleanup EXIT

if ! command -v node > /dev/null; then
  echo "the upload check needs Node.js 18+ and npm: not found" >&2
  exit 2
fi
(cd verify && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || { echo "npm ci failed" >&2; exit 2; }
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -ntp -o -q package -DskipTests
fi

start() {
  TERPADU_EMBEDDED_DB_DATA_DIR="$ROOT/$LOGS/pgdata" TERPADU_EMBEDDED_DB_PORT=$((PORT + 10)) \
    TERPADU_ATTACHMENTS_FOLDER="$ROOT/$LOGS/files" QUARKUS_HTTP_PORT=$PORT TERPADU_DEV_TOKENS_ENABLED=true \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem \
    java -jar target/quarkus-app/quarkus-run.jar >> "$LOGS/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 90); do
    curl -fsS "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the service did not become ready; see $LOGS/app.log" >&2
  exit 1
}
start

API="http://127.0.0.1:$PORT/api/v1"
json() { sed -nE "s/.*\"$1\":\"([^\"]+)\".*/\1/p"; }
TOKEN=$(curl -s -X POST "$API/dev/tokens" -H 'Content-Type: application/json' \
  -d '{"subject": "polres.pariaman", "roles": ["COORDINATOR"], "regionScope": ["13"]}' | json accessToken)
INCIDENT=$(curl -s -X POST "$API/incidents" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"title": "Bentrokan di pasar (rekaman)", "categoryCode": "SENGKETA_LAHAN", "regionCode": "13.77",
       "occurredFrom": "2024-10-12T09:30:00Z", "sourceKind": "PATROLI", "severity": 3, "classification": "RESTRICTED"}' | json id)
[ -n "$INCIDENT" ] || { echo "no incident to attach to" >&2; exit 1; }

# a video: an ISO media header and SIZE_MB of media data
FILE="$LOGS/video.mp4"
node -e '
  const fs = require("fs"); const size = Number(process.argv[2]) * 1024 * 1024;
  const ftyp = Buffer.from("0000001866747970" + "6d703432" + "00000000" + "69736f6d" + "6d703432", "hex");
  const head = Buffer.alloc(8); head.writeUInt32BE(size + 8); head.write("mdat", 4);
  const data = require("crypto").randomBytes(size);
  fs.writeFileSync(process.argv[1], Buffer.concat([ftyp, head, data]));' "$FILE" "$SIZE_MB"

# the restart, when the client asks for it
(
  while [ ! -f "$LOGS/restart-now" ]; do sleep 0.2; done
  echo "restarting the service"
  kill "$APP_PID"
  while kill -0 "$APP_PID" 2> /dev/null; do sleep 0.2; done
  start
  touch "$LOGS/restarted"
  echo "$APP_PID" > "$LOGS/app.pid"
  wait "$APP_PID"
) &
RESTARTER=$!

timeout "$CLIENT_TIMEOUT" node verify/uploads/resume.mjs "http://127.0.0.1:$PORT" "$PROXY_PORT" "$TOKEN" "$INCIDENT" \
  "$FILE" $((5 * 1024 * 1024)) "$LOGS" 2>&1 | tee "$LOGS/client.log"
RESULT=${PIPESTATUS[0]}
[ "$RESULT" -eq 124 ] && echo "the resumed upload did not finish in $CLIENT_TIMEOUT s; see $LOGS/app.log" >&2
[ -f "$LOGS/app.pid" ] && APP_PID=$(cat "$LOGS/app.pid")
kill "$RESTARTER" 2> /dev/null

# a reporter's photo with its place, from a phone: no token, the report's upload key, in pieces
java verify/uploads/PhotoWithPlace.java "$LOGS/photo.jpg" || { echo "no photo to send" >&2; exit 1; }
timeout "$CLIENT_TIMEOUT" node verify/uploads/public-photo.mjs "http://127.0.0.1:$PORT" "$TOKEN" "$LOGS/photo.jpg" 2>&1 \
  | tee "$LOGS/public-photo.log"
PUBLIC_RESULT=${PIPESTATUS[0]}
[ "$PUBLIC_RESULT" -eq 124 ] && echo "the reporter's photo did not arrive in $CLIENT_TIMEOUT s" >&2
# a dropped connection and a restart are what a phone and an operator do: neither is a failure of the service (the
# embedded PostgreSQL stops only after the service, so its scheduled jobs do not fail while it stops)
ERRORS=$(grep -c ' ERROR ' "$LOGS/app.log")
if [ "$ERRORS" -eq 0 ]; then
  echo "ok   the service logged no ERROR (the cut and the restart included)"
else
  echo "FAIL the service logged $ERRORS ERROR lines:"
  grep ' ERROR ' "$LOGS/app.log" | cut -c1-300
fi
[ "$RESULT" -eq 0 ] && [ "$PUBLIC_RESULT" -eq 0 ] && [ "$ERRORS" -eq 0 ]
