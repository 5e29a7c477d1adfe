#!/usr/bin/env bash
# The long fuzzing run: the suite's FuzzTest with more requests and, by default, a fresh seed.
#   verify/fuzz.sh [requests] [seed]      e.g. verify/fuzz.sh 100000 20241128
# The seed is printed first; run again with it to repeat the same requests. The table at the end gives the
# operations covered, the requests sent by status class, 5xx, leaks and broken database invariants.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-10000}
SEED=${2:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}
echo "fuzz: $REQUESTS requests, seed $SEED"
OFFLINE=-o
[ -d "${HOME}/.m2/repository/io/quarkus" ] || OFFLINE=
exec ./mvnw -B -ntp $OFFLINE test -Dtest=FuzzTest -Dfuzz.requests="$REQUESTS" -Dfuzz.seed="$SEED" \
  -Dsurefire.failIfNoSpecifiedTests=false
