#!/usr/bin/env bash
# Statistics benchmark. Loads the official region list and N generated incidents (default 1,000,000; spread over the
# 514 kabupaten/kota, every conflict category, the four stages and ten years: bench/generate-incidents.sql), waits
# until the service has moved every statistics delta the load wrote into its cubes, then measures each request of
# issue 20's table as a national ADMIN, one request at a time over HTTP after a warm-up (p50 and p95 of R requests),
# next to the same GROUP BY over the incidents run directly in psql on the same server in the same run (median of
# P runs), and the ratio. Goals: every request under 50 ms at p50 and 100 ms at p95, and growing less than 2x from
# 1,000,000 to 10,000,000 incidents (run it at both sizes and compare the Terpadu columns).
# Needs psql, curl, python3 and a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres) on which
# it may create a scratch database.
#
#   bench/statistics.sh [incidents] [requests per measure] [psql runs per GROUP BY]     # 1000000 200 5
#   BENCH_DB=terpadu_stats_10m bench/statistics.sh 10000000     # loads once and keeps it; a second run measures it
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
REQUESTS=${2:-200}
PSQL_RUNS=${3:-5}
. bench/lib.sh
bench_needs psql curl python3
bench_jar
# BENCH_DB keeps the loaded database for later runs (another jar, or more requests): a database of that name that
# already holds incidents is measured as it is, without loading; otherwise it is made and loaded, and kept.
if [ -n "${BENCH_DB:-}" ]; then
  DB=$BENCH_DB
  psql -d postgres -Atqc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
    || psql -d postgres -qc "create database $DB"
else
  DB=terpadu_bench_statistics_$$
  bench_database $DB
fi
PORT=${BENCH_PORT:-18086}
bench_start $DB $PORT bench-statistics.log

loaded=$(psql -d $DB -Atqc 'select count(*) from incident')
if [ "$loaded" = 0 ]; then
  bench_regions
  echo "generating $ROWS incidents ..." >&2
  t0=$(date +%s)
  psql -d $DB -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -v rebuild_indexes=1 -f bench/generate-incidents.sql
  load_secs=$(( $(date +%s) - t0 ))
else
  ROWS=$loaded
  load_secs="(an earlier run)"
fi
# the service's compaction moves the load's deltas into the cubes
t0=$(date +%s)
bench_cubes_settled $DB
compact_secs=$(( $(date +%s) - t0 ))
psql -d $DB -qc "vacuum (analyze) incident_stat, incident_stat_delta"
cubes=$(psql -d $DB -Atqc "select string_agg(cube || ': ' || n, ', ' order by cube) from (select cube, count(*) n from incident_stat group by cube) c")

# each request of the table, and the GROUP BY it means over the incidents (national ADMIN without an agency:
# PUBLIC and RESTRICTED, duplicates left out)
SEEN="classification in ('PUBLIC', 'RESTRICTED') and verification <> 'DUPLIKAT'"
METRICS="count(*), sum(killed), count(killed), sum(injured), count(injured), sum(sexual_violence), count(sexual_violence), sum(buildings_damaged), count(buildings_damaged), sum(displaced), count(displaced)"
MONTH="to_char(occurred_from at time zone 'Asia/Jakarta', 'YYYY-MM')"
YEAR="to_char(occurred_from at time zone 'Asia/Jakarta', 'YYYY')"
WEEK="to_char(occurred_from at time zone 'Asia/Jakarta', 'IYYY-\"W\"IW')"
# then the dimensions secretariats asked for (V37) and the share of conflicts resolved by province and by
# kabupaten/kota, from the year cubes of V38
NAMES=("groupBy=category,stage" "groupBy=province,month" "groupBy=month&from=2024-01-01&to=2025-01-01" "groupBy=kabkota&region=33"
  "groupBy=province,year" "groupBy=isoWeek&from=2024-01-01&to=2025-01-01" "groupBy=parentCategory,stage"
  "resolution?level=province" "resolution?level=kabkota")
QUERIES=("incidents?groupBy=category,stage" "incidents?groupBy=province,month"
  "incidents?groupBy=month&from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z" "incidents?groupBy=kabkota&region=33"
  "incidents?groupBy=province,year" "incidents?groupBy=isoWeek&from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z"
  "incidents?groupBy=parentCategory,stage" "resolution?level=province" "resolution?level=kabkota")
SQLS=("select category_code, stage, $METRICS from incident where $SEEN group by 1, 2 order by 1, 2"
  "select province_code, $MONTH, $METRICS from incident where $SEEN group by 1, 2 order by 1, 2"
  "select $MONTH, $METRICS from incident where $SEEN and occurred_from >= '2024-01-01T00:00:00Z' and occurred_from < '2025-01-01T00:00:00Z' group by 1 order by 1"
  "select kabkota_code, $METRICS from incident where $SEEN and province_code = '33' group by 1 order by 1"
  "select province_code, $YEAR, $METRICS from incident where $SEEN group by 1, 2 order by 1, 2"
  "select $WEEK, $METRICS from incident where $SEEN and occurred_from >= '2024-01-01T00:00:00Z' and occurred_from < '2025-01-01T00:00:00Z' group by 1 order by 1"
  "select conflict_category_root(category_code), stage, $METRICS from incident where $SEEN group by 1, 2 order by 1, 2"
  "select province_code, $YEAR, count(*), count(*) filter (where stage = 'PEMULIHAN'), count(*) filter (where stage = 'SELESAI') from incident where classification in ('PUBLIC', 'RESTRICTED') and verification not in ('TIDAK_VALID', 'DUPLIKAT') group by 1, 2 order by 1, 2"
  "select kabkota_code, $YEAR, count(*), count(*) filter (where stage = 'PEMULIHAN'), count(*) filter (where stage = 'SELESAI') from incident where classification in ('PUBLIC', 'RESTRICTED') and verification not in ('TIDAK_VALID', 'DUPLIKAT') group by 1, 2 order by 1, 2")

# p50 and p95 in ms of R sequential requests (one connection), after R/2 unmeasured ones
cat > "$WORK/timing.py" <<'PY'
import http.client, sys, time
port, path, token, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
c = http.client.HTTPConnection("localhost", port)
h = {"Authorization": "Bearer " + token}
def one():
    t = time.perf_counter()
    c.request("GET", path, headers=h)
    r = c.getresponse(); r.read()
    if r.status != 200: sys.exit("status %d for %s" % (r.status, path))
    return (time.perf_counter() - t) * 1000
for _ in range(n // 2): one()
ms = sorted(one() for _ in range(n))
print("%.1f %.1f" % (ms[len(ms) // 2], ms[min(len(ms) - 1, int(len(ms) * 0.95))]))
PY
rows=()
for i in "${!QUERIES[@]}"; do
  read -r p50 p95 <<< "$(python3 "$WORK/timing.py" $PORT "/api/v1/statistics/${QUERIES[$i]}" "$TOKEN" "$REQUESTS")"
  # the same GROUP BY in psql: the median of its runs (psql's \timing, server and transfer)
  sql_ms=$(for _ in $(seq "$PSQL_RUNS"); do
      printf '\\timing on\n%s;\n' "${SQLS[$i]}" | psql -d $DB -q -o /dev/null 2>&1 | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p'
    done | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  # the answers agree: the service's group count is the GROUP BY's (the resolution's regions without incidents aside)
  groups=$(curl -s "$API/statistics/${QUERIES[$i]}" -H "Authorization: Bearer $TOKEN" | python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin)["rows"] if r.get("recorded", 1) != 0))')
  sql_groups=$(psql -d $DB -Atqc "select count(*) from (${SQLS[$i]}) g")
  rows+=("$(printf '| %-45s | %8s | %8s | %10s | %7.3f | %6s |' "${NAMES[$i]}" "$p50" "$p95" "$sql_ms" "$(echo "$p50 / $sql_ms" | bc -l)" "$groups/$sql_groups")")
done
# for comparison, as in the issue: a page of the list
read -r list50 list95 <<< "$(python3 "$WORK/timing.py" $PORT "/api/v1/incidents?limit=50" "$TOKEN" "$REQUESTS")"

printf '\nStatistics (%s; %s incidents, loaded in %s s, deltas moved into the cubes in %s s; cube rows %s; %s cores, load %s; %s requests per measure; PostgreSQL %s)\n\n' \
  "$JAR" "$ROWS" "$load_secs" "$compact_secs" "$cubes" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$REQUESTS" \
  "$(psql -d postgres -Atqc 'show server_version' | cut -d' ' -f1)"
printf '| %-45s | %8s | %8s | %10s | %7s | %6s |\n' "GET /statistics/…" "p50 ms" "p95 ms" "psql ms" "ratio" "groups"
printf '|%s|%s|%s|%s|%s|%s|\n' "-----------------------------------------------" "----------" "----------" "------------" "---------" "--------"
for r in "${rows[@]}"; do echo "$r"; done
printf '| %-45s | %8s | %8s | %10s | %7s | %6s |\n' "GET /incidents?limit=50 (for comparison)" "$list50" "$list95" "" "" ""
printf '\nGoals: p50 < 50 ms and p95 < 100 ms for every statistics row; ratio is the service p50 over the GROUP BY in psql.\n'
