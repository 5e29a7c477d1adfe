#!/usr/bin/env bash
# PostgreSQL restarted while a load generator writes incidents. On a throwaway cluster of its own (never the
# shared server): writers POST incidents for a few seconds, PostgreSQL is stopped (pg_ctl stop -m fast), left down
# 3 s and started again, readiness is polled every 100 ms. Guarantees: errors only for requests sent while it was
# down (503 problem+json), readiness DOWN then UP within 5 s after it is back, every 201's id in the database.
#
#   verify/faults/pg-restart.sh [writers] [seconds down]
FAULT=pg-restart
source "$(dirname "$0")/lib.sh"
start_cluster
start_app
python3 -B verify/faults/faults.py restart --writers "${1:-8}" --down "${2:-3}"
