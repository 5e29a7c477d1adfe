#!/usr/bin/env bash
# Export and feed benchmark. Loads the official region list and N generated incidents (default 1,000,000) with a
# change-log row each, starts the packaged service with its heap limited to 256 MB, then measures against psql on the
# same server in the same run:
#   - GET /api/v1/exports/incidents as NDJSON, CSV and GeoJSON: time to first byte, rows/s (goal >= 50,000), peak RSS
#     and peak heap of the service, next to `psql \copy (select the same columns) to stdout` rows/s and the ratio
#   - the change feed: changes/s for a reader starting from zero (pages of 200)
# Needs psql, curl, python3 and a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres) on which
# it may create a scratch database.
#
#   bench/exports.sh [incidents] [feed changes to read]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
FEED=${2:-200000}
CSV=${BENCH_REGIONS:-../shared/data/wilayah.csv}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
for tool in psql curl python3; do command -v $tool > /dev/null || { echo "needs $tool" >&2; exit 2; }; done
[ -f "$CSV" ] || { echo "no region list at $CSV" >&2; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
DB=terpadu_bench_export_$$
PORT=${BENCH_PORT:-18084}
WORK=$(mktemp -d)
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null || true
  psql -d postgres -qc "drop database if exists $DB" > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
psql -d postgres -qc "create database $DB"

# One benchmark caller sends far more than a real one may: budgets it never reaches (the limiter still runs).
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" QUARKUS_HTTP_PORT=$PORT TERPADU_DEV_TOKENS_ENABLED=true \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem QUARKUS_LOG_LEVEL=WARN \
  TERPADU_RATE_LIMIT_READS_LIMIT=1000000000 TERPADU_RATE_LIMIT_WRITES_LIMIT=1000000000 \
  TERPADU_RATE_LIMIT_EXPENSIVE_LIMIT=1000000000 QUARKUS_HTTP_ACCESS_LOG_ENABLED=false java -Xmx256m -jar target/quarkus-app/quarkus-run.jar > target/bench-exports.log 2>&1 &
APP_PID=$!
until curl -fsS "http://localhost:$PORT/q/health/ready" > /dev/null 2>&1; do
  kill -0 $APP_PID 2> /dev/null || { cat target/bench-exports.log; exit 1; }
  sleep 0.2
done
API="http://localhost:$PORT/api/v1"
TOKEN=$(curl -s -X POST "$API/dev/tokens" -H 'Content-Type: application/json' \
  -d '{"subject": "bench", "roles": ["ADMIN"], "regionScope": [], "ttlMinutes": 600}' | sed -nE 's/.*"accessToken":"([^"]+)".*/\1/p')
curl -s -o /dev/null -X POST "$API/regions/import" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$CSV"

echo "generating $ROWS incidents with a change-log row each ..." >&2
psql -d $DB -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -f bench/generate-incidents.sql
psql -d $DB -q -v ON_ERROR_STOP=1 <<SQL
set synchronous_commit = off;
insert into change_log (entity_type, entity_id, operation, version, region_code, actor, classification, snapshot)
select 'incident', id, 'CREATE', 0, region_code, 'bench', classification,
       jsonb_build_object('id', id, 'title', title, 'regionCode', region_code, 'classification', classification,
                          'stage', stage, 'severity', severity)
from incident;
analyze change_log;
SQL

COLUMNS="id, title, category_code, region_code, province_code, kabkota_code, latitude, longitude, geo_precision,
         time_precision, occurred_from, occurred_to, stage, severity, classification, source_kind, killed, injured,
         sexual_violence, buildings_damaged, displaced, lead_agency_id, updated_at"
t0=$(date +%s.%N)
psql -d $DB -qc "\\copy (select $COLUMNS from incident order by occurred_from desc, id desc) to '$WORK/copy.csv' with (format csv, header)"
t1=$(date +%s.%N)
COPY_RPS=$(python3 -c "print(round($ROWS / ($t1 - $t0)))")

python3 - "$API" "$TOKEN" "$APP_PID" "$ROWS" "$COPY_RPS" "$FEED" <<'PY'
import json, sys, threading, time, urllib.request
api, token, pid, rows, copy_rps, feed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
def rss_kb():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
def heap_mb():
    try:
        with urllib.request.urlopen(f"{api.rsplit('/api', 1)[0]}/q/metrics") as r:
            used = 0.0
            for line in r.read().decode().splitlines():
                if line.startswith('jvm_memory_used_bytes{') and 'area="heap"' in line:
                    used += float(line.rsplit(" ", 1)[1])
            return used / 1048576
    except Exception:
        return float("nan")
for fmt in ("ndjson", "csv", "geojson"):  # warm-up: JIT and buffer cache, not measured
    req = urllib.request.Request(f"{api}/exports/incidents?format={fmt}&region=11", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req) as r:
        while r.read(1 << 16):
            pass
print(f"{'measure':<34}{'rows':>10}{'first byte':>12}{'seconds':>9}{'rows/s':>10}{'vs psql COPY':>14}{'peak RSS MB':>13}{'peak heap MB':>14}")
for fmt in ("ndjson", "csv", "geojson"):
    peak = {"rss": rss_kb(), "heap": heap_mb()}
    done = threading.Event()
    def sample():
        while not done.is_set():
            peak["rss"] = max(peak["rss"], rss_kb())
            peak["heap"] = max(peak["heap"], heap_mb())
            time.sleep(0.25)
    t = threading.Thread(target=sample); t.start()
    req = urllib.request.Request(f"{api}/exports/incidents?format={fmt}", headers={"Authorization": f"Bearer {token}"})
    start = time.time(); first = None; lines = 0; size = 0
    with urllib.request.urlopen(req) as r:
        while True:
            chunk = r.read(1 << 16)
            if not chunk:
                break
            if first is None:
                first = time.time() - start
            lines += chunk.count(b"\n"); size += len(chunk)
    secs = time.time() - start
    done.set(); t.join()
    print(f"{'export ' + fmt:<34}{rows:>10}{first:>11.2f}s{secs:>9.1f}{rows / secs:>10.0f}{rows / secs / copy_rps:>13.2f}x{peak['rss'] / 1024:>13.0f}{peak['heap']:>14.0f}")
copy_label = "psql COPY (same columns, CSV)"
print(f"{copy_label:<34}{rows:>10}{'':>12}{rows / copy_rps:>9.1f}{copy_rps:>10}{'1.00':>13}x")
cursor = None; seen = 0; start = time.time()
while seen < feed:
    url = f"{api}/feed/changes?limit=200" + (f"&after={cursor}" if cursor else "")
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})) as r:
        page = json.load(r)
    seen += len(page["items"]); cursor = page["nextCursor"]
    if not page["hasMore"]:
        break
secs = time.time() - start
print(f"{'feed catch-up from zero (pages of 200)':<34}{seen:>10}{'':>12}{secs:>9.1f}{seen / secs:>10.0f}")
PY
