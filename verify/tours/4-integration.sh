#!/bin/sh
# Tour 4 (docs/tours.md, docs/integration.md): what an integration script uses, for Sumatera Barat (scope 13). An API
# key, a webhook subscription, the change feed, exports, and an early warning as a CAP 1.2 alert and in the Atom feed.
# Runs against TERPADU_URL (default http://localhost:8080) and can run again on the same data: every run issues a new
# key and a new subscription and removes both at the end (the key revoked, the subscription deleted), and reports a
# new incident and a new warning. The exports, the CAP alert and the feed's cursor are written to
# target/tours/4-integration/.
#
# The webhook goes to a receiver on 127.0.0.1 (nothing needs to listen there: the tour shows the subscription and the
# deliveries queued for it, and does not wait for them). A loopback target is allowed in dev mode and in tests; the
# packaged service allows it only with TERPADU_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true (never in production).
HERE=$(dirname "$0")
# shellcheck source=verify/tours/lib.sh
. "$HERE/lib.sh"

step "The caller: the Kesbangpol secretariat of Sumatera Barat (COORDINATOR, scope 13)"
token SUMBAR kesbangpol.sumbar COORDINATOR 13
AUTH=$SUMBAR
agency KESBANGPOL13 "Badan Kesbangpol Provinsi Sumatera Barat" KESBANGPOL 13

step "An API key for the Kesbangpol dashboard: read, feed and exports of scope 13, up to RESTRICTED, for 90 days"
# Three months ahead, with the date command of any system (no date arithmetic): the same day (at most the 28th).
YEAR=$(date -u +%Y) MONTH=$(date -u +%m) DAY=$(date -u +%d)
MONTH=$((${MONTH#0} + 3)) DAY=${DAY#0}
if [ "$MONTH" -gt 12 ]; then MONTH=$((MONTH - 12)) YEAR=$((YEAR + 1)); fi
if [ "$DAY" -gt 28 ]; then DAY=28; fi
EXPIRES=$(printf '%04d-%02d-%02dT00:00:00Z' "$YEAR" "$MONTH" "$DAY")
call 201 POST /api-keys -d "{\"agencyId\": \"$KESBANGPOL13\", \"name\": \"Dasbor Kesbangpol Sumatera Barat\",
  \"regionScope\": [\"13\"], \"scopes\": [\"read\", \"feed:read\", \"export:read\"], \"classification\": \"RESTRICTED\",
  \"expiresAt\": \"$EXPIRES\"}"
need KEY_ID id
need KEY key
KEYED="X-API-Key: $KEY"
AUTH=$KEYED
call 200 GET "/incidents?region=13&limit=1"
AUTH=$SUMBAR

step "A webhook subscription: incidents and early warnings of Sumatera Barat, pushed to a receiver on 127.0.0.1"
HOOK_KEY=tour-webhook-$RUN
HOOK='{"url": "http://127.0.0.1:9000/hooks/terpadu", "eventTypes": ["incident", "early-warning"],
  "regionCode": "13", "maxClassification": "RESTRICTED"}'
HINT="A 400 for the URL? The packaged service sends webhooks to 127.0.0.1 only with TERPADU_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true"
call 201 POST /webhooks -H "Idempotency-Key: $HOOK_KEY" -d "$HOOK"
HINT=""
need HOOK_ID id
expect "the signing secret, once" '"secret":"whsec_'
call 201 POST /webhooks -H "Idempotency-Key: $HOOK_KEY" -d "$HOOK"
expect_header "a retry replays the answer" 'Idempotent-Replayed: true'
check "the replay names the same subscription" "$HOOK_ID" "$(field id)"
if grep -F -q 'whsec_' "$ANSWER"; then
  fail "the replayed answer shows the secret again"
fi
check "the replay without the secret" absent absent
call 200 GET "/webhooks/$HOOK_ID"
expect "the subscription ACTIVE" '"status":"ACTIVE"'

step "Changes to follow: the cursor of now, then a new incident and a new public early warning in Kota Pariaman"
AUTH=$KEYED
call 200 GET /feed/changes/latest
need CURSOR cursor
AUTH=$SUMBAR
call 201 POST /incidents -d '{"title": "Pengrusakan baliho paslon", "categoryCode": "POLITIK_PILKADA",
  "regionCode": "13.77", "occurredFrom": "2024-11-20T13:00:00Z", "sourceKind": "PATROLI", "severity": 2,
  "classification": "PUBLIC", "point": {"lat": -0.62, "lon": 100.12}}'
need INCIDENT id
call 201 POST /early-warnings -d '{"regionCode": "13.77", "categoryCode": "POLITIK_PILKADA",
  "title": "Seruan pengerahan massa jelang rekapitulasi suara", "indicators": ["Seruan di media sosial"],
  "likelihood": 3, "impact": 3, "sourceKind": "PATROLI", "classification": "PUBLIC"}'
need WARNING id

step "The change feed, read with the key from the saved cursor: the new incident and warning, nothing skipped"
# An integration saves nextCursor after each page and passes it as `after` next time. A change is delivered once
# every transaction that started before it has ended, so the tour asks again for a few seconds if needed.
AUTH=$KEYED
echo "$CURSOR" > "$OUT/feed.cursor"
: > "$OUT/feed.ndjson"
tries=0
while :; do
  call 200 GET "/feed/changes?limit=200&types=incident,early-warning&after=$(cat "$OUT/feed.cursor")"
  cat "$ANSWER" >> "$OUT/feed.ndjson"
  echo >> "$OUT/feed.ndjson"
  need NEXT nextCursor
  echo "$NEXT" > "$OUT/feed.cursor"
  if grep -F -q "\"id\":\"$WARNING\"" "$OUT/feed.ndjson"; then break; fi
  if grep -F -q '"hasMore":true' "$ANSWER"; then continue; fi
  tries=$((tries + 1))
  if [ "$tries" -ge 10 ]; then break; fi
  sleep 1
done
FEED_ANSWER=$ANSWER
ANSWER=$OUT/feed.ndjson
expect "the incident's CREATE in the feed" "\"type\":\"incident\",\"id\":\"$INCIDENT\",\"operation\":\"CREATE\""
expect "the warning's CREATE in the feed" "\"type\":\"early-warning\",\"id\":\"$WARNING\",\"operation\":\"CREATE\""
ANSWER=$FEED_ANSWER

step "Exports of the incidents of Sumatera Barat: CSV with HXL hashtags, and GeoJSON"
call 200 GET "/exports/incidents?region=13&format=csv"
keep sumbar-incidents.csv
expect "the HXL hashtag row" '#adm1+code'
expect "the new incident in the CSV" "$INCIDENT"
call 200 GET "/exports/incidents?region=13&format=geojson"
keep sumbar-incidents.geojson
expect "a GeoJSON FeatureCollection" '"FeatureCollection"'
expect "the new incident as a feature" "$INCIDENT"

step "The early warning as an OASIS CAP 1.2 alert: a Draft until someone other than its author verifies it"
AUTH=$SUMBAR
call 200 GET "/early-warnings/$WARNING" -H 'Accept: application/cap+xml'
expect "a draft, not yet public" '<status>Draft</status>'
call 200 GET /alerts.atom
if grep -q "urn:terpadu:early-warning:$WARNING" "$ANSWER"; then
  echo "the unverified warning is in the Atom feed" >&2
  exit 1
fi
call 403 POST "/early-warnings/$WARNING/verification" -H 'If-Match: "0"' \
  -d '{"state": "TERVERIFIKASI", "method": "KONFIRMASI_SUMBER"}'
expect "its author may not verify it" 'urn:terpadu:problem:forbidden'
token VERIFIER sekretariat.sumbar COORDINATOR 13
AUTH=$VERIFIER
call 200 POST "/early-warnings/$WARNING/verification" -H 'If-Match: "0"' \
  -d '{"state": "TERVERIFIKASI", "method": "KONFIRMASI_SUMBER", "note": "Dikonfirmasi ke Polres Pariaman"}'
expect "published after a second person verified it" '"published":true'
AUTH=$SUMBAR
call 200 GET "/early-warnings/$WARNING" -H 'Accept: application/cap+xml'
keep warning.cap.xml
expect "a CAP 1.2 alert" 'urn:oasis:names:tc:emergency:cap:1.2'
expect "a new alert" '<msgType>Alert</msgType>'
expect "an actual one" '<status>Actual</status>'
call 200 GET /alerts.atom
keep alerts.atom
expect "the public warning in the Atom feed" "urn:terpadu:early-warning:$WARNING"
call 406 GET "/early-warnings/$WARNING" -H 'Accept: text/csv'

step "The deliveries queued for the subscription (with the change, in the same transaction); then it is deleted"
call 200 GET "/webhooks/$HOOK_ID/deliveries?limit=200"
expect "a delivery of the new incident" "\"entityId\":\"$INCIDENT\""
expect "a delivery of the new warning" "\"entityId\":\"$WARNING\""
call 200 GET "/webhooks/$HOOK_ID"
call 204 DELETE "/webhooks/$HOOK_ID" -H "If-Match: $(etag)"
call 404 GET "/webhooks/$HOOK_ID"

step "The key is revoked: the next request with it is a 401"
call 200 POST "/api-keys/$KEY_ID/revocation" -d '{"reason": "Akhir tur"}'
AUTH=$KEYED
call 401 GET "/incidents?region=13&limit=1"

finish
