#!/usr/bin/env bash
# Swagger UI as a person uses it, in a real browser: the packaged service on a fresh embedded database with the
# development tokens on, and verify/browser/swagger-ui.mjs driving Debian's Chromium through playwright-core (pinned
# in verify/package-lock.json; it downloads no browser). Screenshots of each step go to target/browser/.
# Then verify/browser/cross-origin.mjs: a web page of an allowed other origin uploads with a browser's tus client.
# Needs Node.js 18+, npm and Chromium (CHROMIUM, default /usr/bin/chromium; .ci/run installs Debian's package).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${BROWSER_APP_PORT:-18183}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
LOGS=target/browser-run
rm -rf "$LOGS" && mkdir -p "$LOGS"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null
  true
}
trap cleanup EXIT

[ -x "$CHROMIUM" ] || { echo "the browser test needs Chromium at $CHROMIUM (apt-get install chromium)" >&2; exit 2; }
command -v node > /dev/null || { echo "the browser test needs Node.js and npm" >&2; exit 2; }
if [ ! -d verify/node_modules/playwright-core ]; then
  (cd verify && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || { echo "npm ci failed" >&2; exit 2; }
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -ntp -o -q package -DskipTests
fi
TERPADU_EMBEDDED_DB_DATA_DIR="$ROOT/$LOGS/pgdata" QUARKUS_HTTP_PORT=$PORT TERPADU_DEV_TOKENS_ENABLED=true \
  TERPADU_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true TERPADU_CORS_ORIGINS="http://127.0.0.1:$((PORT + 1))" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem \
  java -jar target/quarkus-app/quarkus-run.jar > "$LOGS/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "http://localhost:$PORT/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
node verify/browser/swagger-ui.mjs "http://localhost:$PORT" "$CHROMIUM"
WALK=$?
# a web page of another origin: the one the service names (PORT + 1) uploads, any other (PORT + 2) is stopped
node verify/browser/cross-origin.mjs "http://localhost:$PORT" $((PORT + 1)) $((PORT + 2)) "$CHROMIUM"
CROSS=$?
[ "$WALK" -eq 0 ] && [ "$CROSS" -eq 0 ]
