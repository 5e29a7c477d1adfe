#!/bin/sh
# Tour 3 (docs/tours.md): the team's own work, from a rakor to an ASN neutrality case and a progress report. The
# Sumatera Barat secretariat (Kesbangpol, scope 13) after Pilkada 2024. Its team and plan are those of 2025: the
# development demo data set (loaded by dev mode on a new database) holds the team of 2024, which the tour leaves alone.
# Runs against TERPADU_URL (default http://localhost:8080) and can run again on the same data: the agencies, the
# team of 2025, its action plan, the plan's item and its B04 report are looked up first and created when missing;
# every run records a new rakor and a new neutrality case. The report moves on from where it stands (DRAFT, then
# SUBMITTED, then VERIFIED), and a verified report is shown to be final.
YEAR=2025
HERE=$(dirname "$0")
# shellcheck source=verify/tours/lib.sh
. "$HERE/lib.sh"

step "The callers, the agencies of Sumatera Barat and its team of $YEAR"
token ADMIN admin ADMIN ""
token SUMBAR kesbangpol.sumbar COORDINATOR 13
AUTH=$SUMBAR
agency KESBANGPOL13 "Badan Kesbangpol Provinsi Sumatera Barat" KESBANGPOL 13
agency BAWASLU13 "Bawaslu Provinsi Sumatera Barat" BAWASLU 13
agency BAWASLU1377 "Bawaslu Kota Pariaman" BAWASLU 13.77
team TEAM13 PROVINSI 13 "$YEAR" "$KESBANGPOL13" ""

step "14. The rakor in Padang, and its decision for Bawaslu (overdue once its day has passed)"
call 201 POST /meetings -d "{\"teamId\": \"$TEAM13\",
  \"kind\": \"RUTIN\", \"title\": \"Rakor Tim Terpadu PKS: evaluasi Pilkada 2024\", \"startsAt\": \"$YEAR-02-10T02:00:00Z\",
  \"place\": \"Aula Kesbangpol Provinsi Sumatera Barat, Padang\", \"chair\": \"Kepala Badan Kesbangpol Provinsi Sumatera Barat\",
  \"agenda\": [\"Evaluasi kerawanan Pilkada 2024\", \"Netralitas ASN\"], \"attendees\": [
    {\"agencyId\": \"$BAWASLU13\", \"organisation\": \"Bawaslu Provinsi Sumatera Barat\", \"position\": \"Ketua\",
     \"attendance\": \"DIWAKILI\", \"representedBy\": \"Koordinator Divisi Pencegahan\"},
    {\"organisation\": \"Polda Sumatera Barat\", \"position\": \"Dirintelkam\", \"attendance\": \"HADIR\"}],
  \"minutes\": \"Bawaslu melaporkan grup WhatsApp 15 ASN Kota Pariaman yang mendukung salah satu pasangan calon.\"}"
need MEETING id
call 201 POST "/meetings/$MEETING/decisions" -d "{\"description\": \"Bawaslu meneruskan temuan grup WhatsApp ASN Kota Pariaman\",
  \"ownerAgencyId\": \"$BAWASLU13\", \"dueOn\": \"$YEAR-02-17\"}"
need DECISION id
call 200 GET "/meetings/$MEETING/decisions/$DECISION"
expect "the decision overdue (its day has passed)" '"overdue":true'
call 200 GET "/meeting-decisions?overdue=true&teamId=$TEAM13"
expect "the team's overdue decisions listed" '"overdue":true'

step "15. Bawaslu Kota Pariaman records its finding: 15 civil servants, each starting DITERIMA"
PERSONS=""
i=1
while [ $i -le 15 ]; do
  PERSONS="$PERSONS${PERSONS:+, }{\"name\": \"ASN Pariaman $i\", \"employer\": \"Pemerintah Kota Pariaman\", \"positionCategory\": \"PELAKSANA\"}"
  i=$((i + 1))
done
call 201 POST /neutrality-cases -d "{\"electionType\": \"PILKADA\",
  \"electionYear\": 2024, \"regionCode\": \"13.77\", \"source\": \"TEMUAN\", \"receivedOn\": \"2024-10-21\",
  \"summary\": \"Grup WhatsApp ASN Kota Pariaman mengajak mendukung salah satu pasangan calon\", \"violationForms\": [\"MEDIA_SOSIAL\"],
  \"handlingAgencyId\": \"$BAWASLU1377\", \"persons\": [$PERSONS]}"
need CASE id
# The persons' ids, one a line, in the order of the answer
sed 's/{"id":"/\
{"id":"/g' "$ANSWER" | sed -n 's/^{"id":"\([^"]*\)","name":"ASN Pariaman [0-9]*".*/\1/p' > "$OUT/persons.txt"
check "15 persons, each with an id" 15 "$(sed -n '$=' "$OUT/persons.txt")"
ids() { # first line, last line of persons.txt: those ids as JSON strings
  sed -n "$1,$2p" "$OUT/persons.txt" | sed 's/.*/"&"/' | paste -s -d , -
}
move() { # expected status, to, decidedOn, extra JSON, first person, last person
  call "$1" POST "/neutrality-cases/$CASE/transitions" \
    -d "{\"personIds\": [$(ids "$5" "$6")], \"to\": \"$2\", \"decidedOn\": \"$3\"$4}"
}
move 200 KAJIAN 2024-10-22 '' 1 15
move 400 REKOMENDASI 2024-11-04 ', "recipient": "KASN"' 11 15
expect "KASN refused: it was dissolved in 2024, BKN receives it" 'BKN'
move 200 REKOMENDASI 2024-11-04 ', "recipient": "POLRI"' 1 10
move 200 REKOMENDASI 2024-11-04 ', "recipient": "BKN"' 11 15
expect "five persons recommended to BKN" '"recipient":"BKN"'
call 200 GET "/statistics/neutrality-cases?groupBy=election,recipient&region=13"
expect "the recommendations counted by recipient" '"recipient":"POLRI"'
step "15. An analyst sees the case with masked names; the change log never holds the names"
token ANALYST analis.sumbar ANALYST 13
AUTH=$ANALYST
call 200 GET "/neutrality-cases/$CASE"
expect "masked names" '"name":"A*** P*** 1***"'
if grep -F -q 'ASN Pariaman' "$ANSWER"; then
  fail "the analyst sees a civil servant's name"
fi
AUTH=$SUMBAR
call 200 GET "/neutrality-cases/$CASE/history"
if grep -F -q 'ASN Pariaman' "$ANSWER"; then
  fail "the change log holds a civil servant's name"
fi
check "no name in the change log" absent absent

step "16. The Rencana Aksi Terpadu of $YEAR (one per team and year): an item and its B04 report"
call 200 GET "/action-plans?teamId=$TEAM13&year=$YEAR"
PLAN=$(item_id "\"teamId\":\"$TEAM13\"")
if [ -n "$PLAN" ]; then
  echo "     (found: the plan of $YEAR)"
else
  call 201 POST /action-plans -d "{\"teamId\": \"$TEAM13\", \"year\": $YEAR,
    \"title\": \"Rencana Aksi Terpadu PKS Provinsi Sumatera Barat $YEAR\"}"
  need PLAN id
fi
call 409 POST /action-plans -d "{\"teamId\": \"$TEAM13\", \"year\": $YEAR, \"title\": \"Rencana Aksi kedua\"}"
expect "a second plan for $YEAR refused" 'one Rencana Aksi Terpadu per year'
ACTIVITY="Rapat koordinasi deteksi dini menjelang Pilkada"
call 200 GET "/action-plans/$PLAN/items?stage=PENCEGAHAN&limit=200"
ITEM=$(item_id "\"activity\":\"$ACTIVITY\"")
if [ -n "$ITEM" ]; then
  echo "     (found: the item \"$ACTIVITY\")"
else
  call 201 POST "/action-plans/$PLAN/items" -d "{\"stage\": \"PENCEGAHAN\",
    \"activity\": \"$ACTIVITY\", \"indicator\": \"Rapat terlaksana\", \"targetValue\": 4,
    \"targetUnit\": \"kali\", \"responsibleAgencyId\": \"$KESBANGPOL13\", \"startsOn\": \"$YEAR-01-15\", \"endsOn\": \"$YEAR-11-30\"}"
  need ITEM id
fi
call 200 GET "/action-plans/$PLAN/reports?itemId=$ITEM&period=B04"
REPORT=$(item_id '"period":"B04"')
if [ -n "$REPORT" ]; then
  REPORT_STATUS=$(field status)
  echo "     (found: the B04 report, $REPORT_STATUS)"
else
  call 201 POST "/action-plans/$PLAN/items/$ITEM/reports" \
    -d '{"period": "B04", "realisation": 2, "obstacles": "Jadwal bergeser karena tahapan pencalonan"}'
  need REPORT id
  need REPORT_STATUS status
fi

step "16. The report is submitted by the secretariat and verified nationally; a verified report is final"
token SECRETARIAT sekretariat.sumbar COORDINATOR 13 "$KESBANGPOL13"
report() { # caller, expected status, to
  AUTH=$1
  call "$2" POST "/action-plans/$PLAN/reports/$REPORT/transitions" -d "{\"to\": \"$3\"}"
  AUTH=$SUMBAR
}
case $REPORT_STATUS in
  DRAFT | RETURNED)
    report "$SUMBAR" 403 SUBMITTED
    expect "only the team's secretariat submits" 'secretariat'
    report "$SECRETARIAT" 200 SUBMITTED
    REPORT_STATUS=SUBMITTED ;;
esac
if [ "$REPORT_STATUS" = SUBMITTED ]; then
  report "$ADMIN" 200 VERIFIED
  REPORT_STATUS=VERIFIED
fi
check "the B04 report verified" VERIFIED "$REPORT_STATUS"
report "$ADMIN" 409 RETURNED
expect "a verified report is final" 'a verified report is final'
call 200 GET "/action-plans/$PLAN/achievement"
expect "B04 achieved 50 % (2 of 4 meetings, verified)" "\"period\":\"B04\",\"startsOn\":\"$YEAR-01-01\",\"endsOn\":\"$YEAR-04-30\",\"started\":true,\"overall\":50.00"
AUTH=$ADMIN
call 200 GET "/action-plans/recap?year=$YEAR&period=B04"
expect "Sumatera Barat in the national recap" "\"planId\":\"$PLAN\""

finish
