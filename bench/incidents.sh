#!/usr/bin/env bash
# Incident benchmark. Loads the official region list and 1,000,000 generated incidents (spread over the 514
# kabupaten/kota, every conflict category, the four stages and ten years), then measures, against pgbench on the
# same server in the same run:
#   - GET /api/v1/incidents/{id} throughput vs `pgbench -S` (goal: ratio >= 0.5)
#   - list p95 with filters at 200 requests/s offered (goal: <= 20 ms)
#   - POST /api/v1/incidents throughput vs `pgbench -N` (goal: ratio >= 0.3)
# Needs psql, pgbench, wrk (apt-get install wrk), curl, python3 and a PostgreSQL server (PGHOST/PGPORT/PGUSER,
# default 127.0.0.1:5432 postgres) on which it may create scratch databases.
#
#   bench/incidents.sh [incidents] [seconds per measure] [clients] [least seconds of warm-up per measure]
#
# BENCH_MEASURES=post (or get, list, in any combination; default all three) measures only those.
# BENCH_STATISTICS_AB=1 measures POST again with the statistics triggers off and on, alternating (what they cost), in
# BENCH_AB_ROUNDS rounds (default 2).
# BENCH_JAR runs another build of the service (default: this checkout's target/quarkus-app/quarkus-run.jar): to
# compare two versions, package each in its own checkout and run the script for one jar, then the other, back to back.
#
# Each measure of the service follows a warm-up on the same requests, in 10 s rounds, until the JVM's JIT compiler
# threads have gone quiet (under 3 % of a core in each of the last two rounds; the least and most warm-up are the fourth argument
# and BENCH_MAX_WARMUP, 300 s). The JVM compiles its hot paths while they run, and on 2 cores the compiler shares the
# cores with the service, PostgreSQL and the load generator: the read path settles after about a minute, the create
# path (more code: validation, persistence, change log, transaction) after two to three, running at half its final
# rate until then. A fixed short warm-up measures the compiler more than the service. pgbench runs C and needs none.
#
# Two reference rows put the read ratio in context, and the CPU spent per request shows where the time goes when
# the service, PostgreSQL and the load generator share one machine:
#   - pgbench running the service's own by-id statement (read from IncidentViews.java, prepared, same clients);
#   - GET /q/health/live (no token, no database): the most any request through the HTTP stack can do here.
# CPU per request comes from /proc: the service's process, the load generator's own rusage, and the rest of the
# machine's busy time (PostgreSQL and the kernel's loopback network work).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
SECS=${2:-15}
CLIENTS=${3:-16}
WARMUP=${4:-60}
MAX_WARMUP=${BENCH_MAX_WARMUP:-300}
ROUND=10
MEASURES=${BENCH_MEASURES:-get,list,post}
. bench/lib.sh
bench_needs psql pgbench wrk curl python3 bc
bench_jar
DB=terpadu_bench_$$
PGB=${DB}_pgbench
for d in $DB $PGB; do bench_database $d; done
PORT=${BENCH_PORT:-18082}
bench_start $DB $PORT bench-incidents.log
bench_regions

echo "generating $ROWS incidents ..." >&2
t0=$(date +%s)
psql -d $DB -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -f bench/generate-incidents.sql
load_secs=$(( $(date +%s) - t0 ))
# the load's statistics deltas are moved into their cubes before anything is measured, as the statistics benchmark
# does: a create then pays for moving its own delta, not for a share of the load's
bench_cubes_settled $DB
psql -d $DB -Atqc "select '$API/incidents/' || id from incident tablesample system (1) limit 20000" > "$WORK/ids.txt"
cat > "$WORK/get.lua" <<LUA
local paths = {}
for line in io.lines("$WORK/ids.txt") do paths[#paths + 1] = line:gsub("^http://[^/]+", "") end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Authorization"] = "Bearer $TOKEN" })
end
LUA
cat > "$WORK/post.lua" <<LUA
local regions = {}
for line in io.lines("$WORK/regions.txt") do regions[#regions + 1] = line end
local n = 0
request = function()
  n = n + 1
  local body = '{"title": "Bentrokan warga ' .. n .. '", "categoryCode": "SENGKETA_LAHAN", "regionCode": "'
    .. regions[n % #regions + 1] .. '", "occurredFrom": "2025-06-01T02:00:00Z", "sourceKind": "PATROLI", '
    .. '"severity": 3, "classification": "PUBLIC", "impact": {"injured": 2}}'
  return wrk.format("POST", "/api/v1/incidents", { ["Authorization"] = "Bearer $TOKEN",
    ["Content-Type"] = "application/json" }, body)
end
LUA
psql -d $DB -Atqc "select code from region where level in ('KABUPATEN', 'KOTA') order by code" > "$WORK/regions.txt"
rps() { awk '/^Requests\/sec/ {print int($2)}'; }
non2xx() { awk '/Non-2xx/ {print $5} END {}' ; }

# CPU accounting: `cpu_run OUT command…` runs a load generator with its output in OUT and sets CPU_APP, CPU_LOAD
# and CPU_REST: clock ticks spent by the service, by the load generator and by the rest of the machine
TCK=$(getconf CLK_TCK)
busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
app_ticks() { awk '{print $14 + $15}' /proc/$APP_PID/stat; }
cpu_run() {
  local out=$1 b0 a0 b1 a1
  shift
  b0=$(busy); a0=$(app_ticks)
  ( "$@" > "$out" 2> /dev/null; times > "$out.times" )
  b1=$(busy); a1=$(app_ticks)
  # `times` prints the shell's, then its children's user and system time ("0m1.230s 0m0.450s")
  CPU_LOAD=$(tail -1 "$out.times" | awk -v t="$TCK" '{n = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]); n += (a[1] * 60 + a[2]) * t } print int(n)}')
  CPU_APP=$((a1 - a0)); CPU_REST=$((b1 - b0 - CPU_APP - CPU_LOAD)); [ $CPU_REST -ge 0 ] || CPU_REST=0
}
# CPU ticks spent by the service's JIT compiler threads (the name follows the ')' that closes the thread name)
jit_ticks() {
  for t in /proc/$APP_PID/task/*; do
    case "$(cat "$t/comm" 2> /dev/null)" in "C1 Compiler"* | "C2 Compiler"*) sed 's/.*) //' "$t/stat" 2> /dev/null ;; esac
  done | awk '{n += $12 + $13} END {print n + 0}'
}
# `warm NAME command…` repeats a load of ROUND seconds until WARMUP seconds have passed and the compilers used under
# 3 % of a core in each of the last two rounds, or MAX_WARMUP seconds have passed; the seconds go into the table
WARMED=""
warm() {
  local name=$1 spent=0 quiet=0 j0 j1
  shift
  while :; do
    j0=$(jit_ticks); "$@" > /dev/null 2>&1; j1=$(jit_ticks); spent=$((spent + ROUND))
    if [ $(( (j1 - j0) * 100 )) -lt $(( TCK * ROUND * 3 )) ]; then quiet=$((quiet + 1)); else quiet=0; fi
    { [ $spent -ge "$WARMUP" ] && [ $quiet -ge 2 ]; } && break
    [ $spent -ge "$MAX_WARMUP" ] && break
  done
  WARMED="$WARMED${WARMED:+, }$name $spent s"
}
# microseconds of CPU per request: per TICKS REQUESTS
per() { awk -v t="$1" -v n="$2" -v k="$TCK" 'BEGIN {printf "%d", (n > 0 ? t * 1000000 / k / n : 0)}'; }

# warm up, then measure (BENCH_MEASURES picks some of get, list and post; the others print as -)
get_rps=- pg_s=- pg_own=- live_rps=- get_err=- get_cpu=(- - -) pg_s_cpu=(- - -)
list_err=- p50=- p95=- p99=-
post_rps=- pg_n=- post_err=- post_cpu=(- - -) pg_n_cpu=(- - -)
ab_on=() ab_off=() ab_on_cpu=() ab_off_cpu=()
# a / b to two places, or - when either was not measured
ratio() { if [ "$1" = - ] || [ "$2" = - ]; then echo -; else printf '%.2f' "$(echo "$1 / $2" | bc -l)"; fi; }
measuring() { [[ ",$MEASURES," == *",$1,"* ]]; }
pgbench -i -q -s 10 $PGB > /dev/null 2>&1
if measuring get; then
  warm "GET" wrk -t2 -c$CLIENTS -d${ROUND}s -s "$WORK/get.lua" "http://localhost:$PORT"
  cpu_run "$WORK/get.out" wrk -t2 -c$CLIENTS -d${SECS}s -s "$WORK/get.lua" "http://localhost:$PORT"
  get_out=$(cat "$WORK/get.out")
  get_rps=$(echo "$get_out" | rps)
  get_err=$(echo "$get_out" | awk '/Non-2xx/ {print $4}'); get_err=${get_err:-0}
  n=$(awk '/requests in/ {print $1}' "$WORK/get.out")
  get_cpu=("$(per $CPU_APP $n)" "$(per $CPU_REST $n)" "$(per $CPU_LOAD $n)")

  # the cheapest answer of the HTTP stack: liveness (no token, no database)
  wrk -t2 -c$CLIENTS -d${ROUND}s "http://localhost:$PORT/q/health/live" > /dev/null
  live_rps=$(wrk -t2 -c$CLIENTS -d${SECS}s "http://localhost:$PORT/q/health/live" | rps)

  cpu_run "$WORK/pgs.out" pgbench -S -n -c $CLIENTS -j 2 -T $SECS $PGB
  pg_s=$(awk '/^tps/ {print int($3)}' "$WORK/pgs.out")
  n=$(awk '/actually processed/ {print $NF}' "$WORK/pgs.out")
  pg_s_cpu=("-" "$(per $CPU_REST $n)" "$(per $CPU_LOAD $n)")

  # pgbench running the service's own by-id statement, on the same sample of ids (one sub-select picks the id)
  sed -E 's#^.*/incidents/##' "$WORK/ids.txt" > "$WORK/uuids.txt"
  psql -d $DB -qc "create table bench_ids (n serial primary key, id uuid)" -c "\\copy bench_ids (id) from '$WORK/uuids.txt'"
  { echo "\\set n random(1, $(wc -l < "$WORK/uuids.txt"))"
    sed -n '/BY_ID = """/,/""";/p' src/main/java/id/terpadu/incident/IncidentViews.java | sed '1d' \
      | sed 's/where id = ?.*/where id = (select id from bench_ids where n = :n);/'; } > "$WORK/by-id.sql"
  grep -q 'bench_ids' "$WORK/by-id.sql" || { echo "cannot read the by-id statement from IncidentViews.java" >&2; exit 1; }
  pg_own=$(pgbench -M prepared -n -c $CLIENTS -j 2 -T $SECS -f "$WORK/by-id.sql" $DB 2> /dev/null | awk '/^tps/ {print int($3)}')

fi

if measuring list; then
  # list with filters at a fixed offered rate
  : > "$WORK/lists.txt"
  for region in 11 13 33 35 73 94; do
    for q in "region=$region&stage=PENGHENTIAN" "region=$region&category=POLITIK&severityMin=3" \
             "region=$region&from=2020-01-01T00:00:00Z&to=2023-01-01T00:00:00Z" "bbox=100,-1,101,0&limit=50" \
             "q=pembakaran&region=$region" "region=$region&sort=updatedAt"; do
      echo "$API/incidents?$q" >> "$WORK/lists.txt"
    done
  done
  warm "list" python3 bench/rate.py "$WORK/lists.txt" 200 $ROUND "$TOKEN"
  read -r list_ok list_err p50 p95 p99 <<< "$(python3 bench/rate.py "$WORK/lists.txt" 200 $SECS "$TOKEN")"

fi

if measuring post; then
  warm "POST" wrk -t2 -c$CLIENTS -d${ROUND}s -s "$WORK/post.lua" "http://localhost:$PORT"
  cpu_run "$WORK/post.out" wrk -t2 -c$CLIENTS -d${SECS}s -s "$WORK/post.lua" "http://localhost:$PORT"
  post_out=$(cat "$WORK/post.out")
  post_rps=$(echo "$post_out" | rps)
  post_err=$(echo "$post_out" | awk '/Non-2xx/ {print $4}'); post_err=${post_err:-0}
  n=$(awk '/requests in/ {print $1}' "$WORK/post.out")
  post_cpu=("$(per $CPU_APP $n)" "$(per $CPU_REST $n)" "$(per $CPU_LOAD $n)")
  cpu_run "$WORK/pgn.out" pgbench -N -n -c $CLIENTS -j 2 -T $SECS $PGB
  pg_n=$(awk '/^tps/ {print int($3)}' "$WORK/pgn.out")
  n=$(awk '/actually processed/ {print $NF}' "$WORK/pgn.out")
  pg_n_cpu=("-" "$(per $CPU_REST $n)" "$(per $CPU_LOAD $n)")
  if [ "${BENCH_STATISTICS_AB:-}" = 1 ] && [ "$(psql -d $DB -Atqc "select to_regclass('incident_stat_delta') is not null")" = t ]; then
    # What the statistics cost a create, in the same process on the same data: POST measured again with the triggers
    # that write the deltas switched off (the compaction then finds none to move), then on again, then off, then on:
    # alternating, so that a machine that slows down or speeds up meanwhile weighs on both alike
    post_once() {
      cpu_run "$WORK/post-ab.out" wrk -t2 -c$CLIENTS -d${SECS}s -s "$WORK/post.lua" "http://localhost:$PORT"
      n=$(awk '/requests in/ {print $1}' "$WORK/post-ab.out")
      echo "$(rps < "$WORK/post-ab.out") $(per $CPU_APP $n) $(per $CPU_REST $n)"
    }
    off_arm() { bench_stat_triggers $DB disable; bench_cubes_settled $DB; read -r r a p <<< "$(post_once)"; ab_off+=("$r"); ab_off_cpu+=("$a/$p"); }
    on_arm() { bench_stat_triggers $DB enable; bench_cubes_settled $DB; read -r r a p <<< "$(post_once)"; ab_on+=("$r"); ab_on_cpu+=("$a/$p"); }
    # off then on in odd rounds, on then off in even ones: a drift of the machine or of the JIT (the first arm follows
    # the warm-up) weighs on both arms alike over each pair of rounds
    for round in $(seq 1 "${BENCH_AB_ROUNDS:-2}"); do
      if [ $((round % 2)) = 1 ]; then off_arm; on_arm; else on_arm; off_arm; fi
    done
    bench_stat_triggers $DB enable
  fi
fi
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$APP_PID/status)

printf '\nIncidents (%s; %s rows, loaded in %s s; %s cores; %s clients; %s s per measure; warm-up until the JIT is idle: %s; PostgreSQL %s)\n\n' "$JAR" \
  "$ROWS" "$load_secs" "$(nproc)" "$CLIENTS" "$SECS" "$WARMED" "$(psql -d postgres -Atqc 'show server_version' | cut -d' ' -f1)"
printf '| %-40s | %12s | %12s | %7s | %-8s |\n' "measure" "Terpadu" "pgbench" "ratio" "goal"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------------------" "--------------" "--------------" "---------" "----------"
printf '| %-40s | %8s rps | %8s tps | %7s | %-8s |\n' "GET /incidents/{id} vs pgbench -S" "$get_rps" "$pg_s" "$(ratio $get_rps $pg_s)" ">= 0.5"
printf '| %-40s | %12s | %8s tps | %7s | %-8s |\n' "  reference: its statement in pgbench" "" "$pg_own" "$(ratio $pg_own $pg_s)" ""
printf '| %-40s | %8s rps | %12s | %7s | %-8s |\n' "  reference: GET /q/health/live" "$live_rps" "" "$(ratio $live_rps $pg_s)" ""
printf '| %-40s | %8s rps | %8s tps | %7s | %-8s |\n' "POST /incidents vs pgbench -N" "$post_rps" "$pg_n" "$(ratio $post_rps $pg_n)" ">= 0.3"
printf '| %-40s | %9s ms | %12s | %7s | %-8s |\n' "filtered list at 200 req/s offered: p50" "$p50" "" "" ""
printf '| %-40s | %9s ms | %12s | %7s | %-8s |\n' "filtered list at 200 req/s offered: p95" "$p95" "" "" "<= 20 ms"
printf '| %-40s | %9s ms | %12s | %7s | %-8s |\n' "filtered list at 200 req/s offered: p99" "$p99" "" "" ""
printf '| %-40s | %12s | %12s | %7s | %-8s |\n' "errors (GET / list / POST)" "$get_err/$list_err/$post_err" "" "" "0"
printf '| %-40s | %9s MB | %12s | %7s | %-8s |\n' "service RSS after the run" "$rss" "" "" ""
printf '\n| %-40s | %8s | %20s | %14s |\n' "CPU per request (microseconds)" "service" "PostgreSQL + kernel" "load generator"
printf '|%s|%s|%s|%s|\n' "------------------------------------------" "----------" "----------------------" "----------------"
printf '| %-40s | %8s | %20s | %14s |\n' "GET /incidents/{id} (wrk)" "${get_cpu[@]}"
printf '| %-40s | %8s | %20s | %14s |\n' "pgbench -S" "${pg_s_cpu[@]}"
printf '| %-40s | %8s | %20s | %14s |\n' "POST /incidents (wrk)" "${post_cpu[@]}"
printf '| %-40s | %8s | %20s | %14s |\n' "pgbench -N" "${pg_n_cpu[@]}"
if [ ${#ab_on[@]} -gt 0 ]; then
  printf '\nPOST /incidents with and without the statistics triggers, alternating in the same process (%s s each)\n\n' "$SECS"
  printf '| %-12s | %12s | %12s | %12s | %-40s |\n' "round" "with" "without" "with/without" "CPU per request, with; without (service/PostgreSQL+kernel, us)"
  printf '|%s|%s|%s|%s|%s|\n' "--------------" "--------------" "--------------" "--------------" "------------------------------------------"
  for i in "${!ab_on[@]}"; do
    printf '| %-12s | %8s rps | %8s rps | %12s | %-40s |\n' "$((i + 1))" "${ab_on[$i]}" "${ab_off[$i]}" \
      "$(ratio "${ab_on[$i]}" "${ab_off[$i]}")" "${ab_on_cpu[$i]}; ${ab_off_cpu[$i]}"
  done
fi
