#!/usr/bin/env bash
# Webhook receivers that hang (accept and never answer) or answer 500 must not slow the API. Clients write and read
# incidents in five rounds of two 4 s phases each: two receivers answering 204 subscribed, then a hanging one and
# one answering 500; deliveries are polled every second and failed ones retried after 1 s. Guarantee: throughput
# and median write and read latency within 20 % of the healthy phases (medians of the rounds' ratios).
#
#   verify/faults/webhooks.sh [clients] [seconds per phase] [tolerance]
FAULT=webhooks
source "$(dirname "$0")/lib.sh"
start_cluster
export TERPADU_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true TERPADU_WEBHOOKS_POLL_EVERY=1s TERPADU_WEBHOOKS_POLL_DELAY=1s \
  TERPADU_WEBHOOKS_BACKOFF_BASE=1S QUARKUS_HTTP_ACCESS_LOG_ENABLED=false
start_app
python3 -B verify/faults/faults.py webhooks --ports "$(free_port),$(free_port),$(free_port)" --users "${1:-8}" \
  --seconds "${2:-4}" --tolerance "${3:-0.2}"
