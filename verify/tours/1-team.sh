#!/bin/sh
# Tour 1 (docs/tours.md): from nothing to a team with members. The provincial team of Kepulauan Bangka Belitung
# (region 19) for 2023, run by the Kesbangpol secretariat with TNI, Polri, BIN and OPD members.
# Runs against TERPADU_URL (default http://localhost:8080) and can run again on the same data: the agencies, the
# team and its members are looked up first and created only when missing.
HERE=$(dirname "$0")
# shellcheck source=verify/tours/lib.sh
. "$HERE/lib.sh"

step "1. A token for the Kesbangpol secretariat of Kepulauan Bangka Belitung (COORDINATOR, scope 19)"
token AUTH kesbangpol.babel COORDINATOR 19

step "2. The member agencies (looked up by name in region 19, created when missing)"
agency KESBANGPOL "Badan Kesbangpol Provinsi Kepulauan Bangka Belitung" KESBANGPOL 19
agency PEMPROV "Pemerintah Provinsi Kepulauan Bangka Belitung" PEMDA 19
agency KOREM "Korem 045/Garuda Jaya" TNI 19
agency POLDA "Polda Kepulauan Bangka Belitung" POLRI 19
agency BINDA "Binda Kepulauan Bangka Belitung" BIN 19
agency DINSOS "Dinas Sosial Provinsi Kepulauan Bangka Belitung" OPD 19

step "3. The team of 2023, formed by decree in February 2023 (one team per region and year)"
team TEAM PROVINSI 19 2023 "$KESBANGPOL" \
  ', "decreeNumber": "188.44/123/KESBANGPOL/2023", "decreeDate": "2023-02-06"'
call 409 POST /teams -d "{\"level\": \"PROVINSI\", \"regionCode\": \"19\", \"year\": 2023, \"secretariatAgencyId\": \"$KESBANGPOL\"}"
expect "a second team for 19 in 2023 refused" 'already has a team for 2023'

step "4. Its members (each added unless the team already has that person)"
call 200 GET "/teams/$TEAM/members?limit=200"
cp "$ANSWER" "$OUT/members-before.json"
member() { # agency id, person, role, sub-team (JSON)
  if grep -F -q -e "\"personName\":\"$2\"" "$OUT/members-before.json"; then
    echo "     (already a member: $2)"
  else
    call 201 POST "/teams/$TEAM/members" \
      -d "{\"agencyId\": \"$1\", \"personName\": \"$2\", \"role\": \"$3\", \"subTeam\": $4}"
  fi
}
member "$PEMPROV" "Gubernur Kepulauan Bangka Belitung" KETUA null
member "$POLDA" "Kapolda Kepulauan Bangka Belitung" WAKIL_KETUA '"PENGHENTIAN"'
member "$KESBANGPOL" "Kepala Badan Kesbangpol" SEKRETARIS '"PENCEGAHAN"'
member "$KOREM" "Danrem 045/Garuda Jaya" ANGGOTA '"PENGHENTIAN"'
member "$BINDA" "Kabinda Kepulauan Bangka Belitung" ANGGOTA '"PENCEGAHAN"'
member "$DINSOS" "Kepala Dinas Sosial" ANGGOTA '"PEMULIHAN"'

step "5. Read it back: the team, its members, who changed what"
call 200 GET "/teams/$TEAM"
expect "the team's secretariat" "\"secretariatAgencyId\":\"$KESBANGPOL\""
call 200 GET "/teams/$TEAM/members?subTeam=PENGHENTIAN"
expect "Kapolda in the sub-team PENGHENTIAN" '"personName":"Kapolda Kepulauan Bangka Belitung"'
expect "Danrem in the sub-team PENGHENTIAN" '"personName":"Danrem 045/Garuda Jaya"'
call 200 GET "/teams/$TEAM/history"
expect "the team's creation in its history" '"operation":"CREATE"'

step "6. A second KETUA is refused (409), and so is a region outside the caller's scope (403)"
call 409 POST "/teams/$TEAM/members" -d "{\"agencyId\": \"$POLDA\", \"personName\": \"Wakapolda\", \"role\": \"KETUA\"}"
expect "a problem document naming the rule" 'already has a KETUA'
call 403 POST /agencies -d '{"name": "Polda Sumatera Barat", "type": "POLRI", "regionCode": "13"}'
expect "a problem document" '"status":403'

step "7. A mobile client retrying a lost request: same Idempotency-Key, same body, one record, the first answer again"
KEY=tour-kodim-$RUN
KODIM='{"name": "Kodim 0413/Bangka", "type": "TNI", "regionCode": "19"}'
call 201 POST /agencies -H "Idempotency-Key: $KEY" -d "$KODIM"
need KODIM_ID id
KODIM_ETAG=$(etag)
call 201 POST /agencies -H "Idempotency-Key: $KEY" -d "$KODIM"
expect_header "the second answer is the first one replayed" 'Idempotent-Replayed: true'
check "the replay names the same agency" "$KODIM_ID" "$(field id)"
call 422 POST /agencies -H "Idempotency-Key: $KEY" -d '{"name": "Kodim 0414/Belitung", "type": "TNI", "regionCode": "19"}'
expect "the same key with another body refused" '"status":422'
# The Kodim is not a member of the team: the tour removes it again (a DELETE names the version it read, If-Match),
# so that every run ends with the same agencies.
call 204 DELETE "/agencies/$KODIM_ID" -H "If-Match: $KODIM_ETAG"

finish
