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
. bench/lib.sh
bench_needs psql curl python3
bench_jar
DB=terpadu_bench_export_$$
bench_database $DB
PORT=${BENCH_PORT:-18084}
bench_start $DB $PORT bench-exports.log -Xmx256m
bench_regions

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
