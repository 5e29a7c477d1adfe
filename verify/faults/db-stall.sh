#!/usr/bin/env bash
# A database that stalls: a psql session holds the incident table under ACCESS EXCLUSIVE lock for 8 s while
# clients read and write incidents and others call endpoints that do not need the table. Guarantees: the former
# are answered 503 problem+json with Retry-After within 5 s (lock_timeout 3 s), the latter keep answering within
# 1 s, every request is answered, and after the release the same requests succeed at once with the pool idle.
#
#   verify/faults/db-stall.sh [clients] [seconds locked]
FAULT=db-stall
source "$(dirname "$0")/lib.sh"
start_cluster
start_app
python3 -B verify/faults/faults.py stall --users "${1:-8}" --stall "${2:-8}"
