#!/bin/sh
# Tour 2 (docs/tours.md): from an early warning to a closed incident, in Kota Pangkal Pinang (19.71).
# Runs against TERPADU_URL (default http://localhost:8080) and can run again on the same data: the agencies are
# looked up (tour 1 creates them; this tour creates those it needs when missing), every run reports a new warning and
# a new incident, and the Status Keadaan Konflik of those days is declared once and found on later runs.
HERE=$(dirname "$0")
# shellcheck source=verify/tours/lib.sh
. "$HERE/lib.sh"

step "The callers: the Kesbangpol secretariat of Kepulauan Bangka Belitung (scope 19), and its agencies"
token AUTH kesbangpol.babel COORDINATOR 19
agency KESBANGPOL "Badan Kesbangpol Provinsi Kepulauan Bangka Belitung" KESBANGPOL 19
agency KOREM "Korem 045/Garuda Jaya" TNI 19
agency POLDA "Polda Kepulauan Bangka Belitung" POLRI 19
agency DINSOS "Dinas Sosial Provinsi Kepulauan Bangka Belitung" OPD 19

step "8. A patrol notices tension before the Pilkada result: an early warning (risk 4 x 3 = 12, SEDANG)"
call 201 POST /early-warnings -d '{
  "regionCode": "19.71", "categoryCode": "POLITIK_PILKADA", "title": "Ketegangan antarpendukung paslon jelang penetapan hasil",
  "indicators": ["Ujaran kebencian di grup WhatsApp", "Pengerahan massa ke KPU"], "likelihood": 4, "impact": 3,
  "sourceKind": "PATROLI", "classification": "RESTRICTED", "recommendedActions": "Patroli gabungan; dialog tokoh kedua kubu"}'
need WARNING id
expect "risk score 12" '"riskScore":12,'
expect "risk level SEDANG" '"riskLevel":"SEDANG"'

step "9. Violence breaks out: the warning is escalated into an incident (stage PENGHENTIAN), in one step"
ESCALATION='{"occurredFrom": "2024-11-28T02:00:00Z", "severity": 4, "description": "Massa membakar ban di depan kantor KPU"}'
call 201 POST "/early-warnings/$WARNING/escalate" -d "$ESCALATION"
need INCIDENT id
expect "the incident in stage PENGHENTIAN" '"stage":"PENGHENTIAN"'
call 409 POST "/early-warnings/$WARNING/escalate" -d "$ESCALATION"
expect "a second escalation refused" "already escalated into incident $INCIDENT"

step "10. What was done: Polda stops the violence, an evacuation; an activity of another stage is refused (409)"
activity() { # expected status, type, agency id, time, description
  call "$1" POST "/incidents/$INCIDENT/activities" \
    -d "{\"activityType\": \"$2\", \"agencyId\": \"$3\", \"occurredAt\": \"$4\", \"description\": \"$5\"}"
}
activity 201 PENGHENTIAN_KEKERASAN_FISIK "$POLDA" 2024-11-28T03:00:00Z "Pembubaran massa oleh Polda"
activity 201 TD_PENYELAMATAN_EVAKUASI "$DINSOS" 2024-11-28T04:00:00Z "Evakuasi warga sekitar kantor KPU"
activity 409 REKONSTRUKSI "$DINSOS" 2024-11-28T05:00:00Z "Terlalu dini: rekonstruksi adalah kegiatan pemulihan"
expect "a problem document naming the stage" 'PENGHENTIAN'

step "11. A task for Korem with a due time (an overdue task is escalated to the team one level up)"
call 201 POST "/incidents/$INCIDENT/tasks" -d "{\"agencyId\": \"$KOREM\",
  \"description\": \"Siagakan personel untuk pengamanan rekapitulasi\", \"dueAt\": \"2030-01-01T00:00:00Z\"}"

step "12. The Wali Kota declares a Status Keadaan Konflik for 30 days (at most 90; one per region at a time)"
STATUS_BODY='{"scale": "KABUPATEN_KOTA", "regionCode": "19.71", "declaredBy": "Wali Kota Pangkal Pinang",
  "decreeNumber": "300/45/2024", "consultationDate": "2024-11-28", "startsOn": "2024-11-28", "endsOn": "2024-12-27"}'
call 200 GET "/conflict-statuses?region=19.71&limit=200"
CONFLICT_STATUS=$(item_id '"regionCode":"19.71"' '"decreeNumber":"300/45/2024"' '"startsOn":"2024-11-28"')
if [ -n "$CONFLICT_STATUS" ]; then
  echo "     (found: the status of decree 300/45/2024, declared on an earlier run)"
else
  call 201 POST /conflict-statuses -d "$STATUS_BODY"
  need CONFLICT_STATUS id
fi
call 409 POST /conflict-statuses -d "$STATUS_BODY"
expect "a second status for the same days refused" 'a region has one status at a time'

step "13. Recovery, reconciliation, and closing with a summary"
transition() { # stage, reason, closing summary
  call 200 POST "/incidents/$INCIDENT/stage-transitions" -d "{\"to\": \"$1\", \"reason\": \"$2\", \"closingSummary\": \"$3\"}"
  expect "the incident in stage $1" "\"stage\":\"$1\""
}
transition PEMULIHAN "Kekerasan berhenti" ""
# an activity is judged by the stage at its occurredAt: the recovery began just now, so the talks are dated now
activity 201 PERUNDINGAN "$KESBANGPOL" "$(date -u +%Y-%m-%dT%H:%M:%S.999999Z)" "Perundingan kedua kubu difasilitasi Kesbangpol"
transition SELESAI "Kesepakatan damai" "Kedua kubu menandatangani kesepakatan damai"
call 200 GET "/incidents/$INCIDENT/stage-transitions"
expect "the way to SELESAI" '"to":"SELESAI"'
call 200 GET "/incidents/$INCIDENT"
expect "the incident closed" '"stage":"SELESAI"'
call 200 GET "/statistics/incidents?groupBy=category,stage&region=19"
expect "closed Pilkada incidents counted" '"category":"POLITIK_PILKADA","stage":"SELESAI"'

finish
