#!/usr/bin/env bash
# Cost of the rate limiter's shared counter: the lease statement of RateLimiter (one INSERT ... ON CONFLICT ... DO
# UPDATE ... RETURNING on the UNLOGGED rate_limit table) under pgbench, against `pgbench -S` on the same server in
# the same run. One lease serves up to terpadu.rate-limit.lease requests (20 by default), so the cost per request is
# the lease's latency divided by that. Needs psql and pgbench and a PostgreSQL server (PGHOST/PGPORT/PGUSER, default
# 127.0.0.1:5432 postgres) on which it may create a scratch database.
#
#   bench/rate-limit.sh [seconds per measure] [clients] [lease]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
CLIENTS=${2:-16}
LEASE=${3:-20}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
for tool in psql pgbench; do command -v $tool > /dev/null || { echo "needs $tool" >&2; exit 2; }; done
DB=terpadu_ratelimit_bench_$$
WORK=$(mktemp -d)
cleanup() {
  psql -d postgres -qc "drop database if exists $DB" > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
psql -d postgres -qc "create database $DB"
psql -d $DB -q -v ON_ERROR_STOP=1 -f src/main/resources/db/migration/V13__rate_limits.sql
pgbench -i -q -s 10 $DB > /dev/null 2>&1
# the statement of RateLimiter.lease, for one hot caller (every client on the same row) and for 10,000 callers
cat > "$WORK/hot.sql" <<SQL
insert into rate_limit as r (policy, caller, window_start, used) values ('reads', 'bench-hot', cast(extract(epoch from now()) as bigint) / 60 * 60000, $LEASE)
on conflict (policy, caller, window_start) do update set used = r.used + excluded.used returning used;
SQL
cat > "$WORK/spread.sql" <<SQL
\set c random(1, 10000)
insert into rate_limit as r (policy, caller, window_start, used) values ('reads', 'bench-' || :c, cast(extract(epoch from now()) as bigint) / 60 * 60000, $LEASE)
on conflict (policy, caller, window_start) do update set used = r.used + excluded.used returning used;
SQL
measure() { # label, clients, requests one transaction serves (0: not a lease), pgbench arguments...
  local label=$1 clients=$2 serves=$3; shift 3
  local out tps lat per="—"
  out=$(pgbench -n -M prepared -c "$clients" -j 2 -T "$SECS" "$@" $DB 2>&1)
  tps=$(echo "$out" | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
  lat=$(echo "$out" | sed -nE 's/^latency average = ([0-9.]+) ms/\1/p')
  [ "$serves" -gt 0 ] && per=$(printf '%.0f' "$(echo "$tps * $serves" | bc -l)")
  printf '| %-34s | %7s | %9.0f | %8.3f | %14s |\n' "$label" "$clients" "$tps" "$lat" "$per"
}
echo "| measure (${SECS} s each)                | clients |       tps |   avg ms | requests/s fed |"
echo "|------------------------------------|---------|-----------|----------|----------------|"
measure "pgbench -S (primary-key select)" 1 0 -S
measure "lease, one hot caller" 1 "$LEASE" -f "$WORK/hot.sql"
measure "pgbench -S (primary-key select)" "$CLIENTS" 0 -S
measure "lease, one hot caller" "$CLIENTS" "$LEASE" -f "$WORK/hot.sql"
measure "lease, 10,000 callers" "$CLIENTS" "$LEASE" -f "$WORK/spread.sql"
echo "(requests/s fed: leases per second times the $LEASE requests each serves; a request that takes a lease waits"
echo " one lease's latency, the others none)"
