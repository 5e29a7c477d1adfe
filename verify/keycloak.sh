#!/usr/bin/env bash
# A real OpenID Connect provider in front of the packaged service: Keycloak (org.keycloak:keycloak-quarkus-dist from
# Maven Central, fetched by the Maven wrapper into target/keycloak) in start-dev mode with the DEVELOPMENT-ONLY realms of
# verify/keycloak, and target/quarkus-app/quarkus-run.jar configured with two of them as allowed issuers and the first
# ADMIN by issuer and subject. It checks that production refuses a development realm unless allowed on purpose, logs
# people in (password grant of the realm's API client), creates their accounts through the first ADMIN, checks the
# rights their accounts give (role, region scope, clearance; an unknown subject is a 403 naming it; a deactivated
# account is refused on its next request), follows a person from an event to their inbox (a task given to their
# agency, its email at a real SMTP server, GreenMail, whose link they open in Chromium, log in at Keycloak through
# Swagger UI, read the task, find the entry and mark it read), rotates the realm's keys through the admin REST API (a
# new key; the old generated one disabled, and one whose private half the script generated, which signed every token
# until then, removed) and shows that new tokens work while forged ones (an altered payload, a self-signed token under
# the new key id, a fresh token signed with the removed key) do not, that the second realm (standing in for SSO ASN)
# works and that a realm not on the allow-list is refused. Prints ok/FAIL lines, a count and the time of each phase;
# exits non-zero on a failure.
#   verify/keycloak.sh                      as CI runs it (after ./mvnw verify, which built the package)
#   KC_PORT=19380 APP_PORT=19390 verify/keycloak.sh
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
KC_VERSION=${KC_VERSION:-26.4.7}
KC_PORT=${KC_PORT:-19380}
KC_MANAGEMENT_PORT=${KC_MANAGEMENT_PORT:-19381}
APP_PORT=${APP_PORT:-19390}
MAIL_SMTP_PORT=${MAIL_SMTP_PORT:-19325}
MAIL_API_PORT=${MAIL_API_PORT:-19326}
GREENMAIL=target/test-servers/greenmail.jar
OUT=target/keycloak-run
JAR=target/quarkus-app/quarkus-run.jar
KC_HOME=target/keycloak/keycloak-$KC_VERSION
KC=http://127.0.0.1:$KC_PORT
API=http://127.0.0.1:$APP_PORT/api/v1
REALM=terpadu-development-only
ASN=sso-asn-development-only
UNLISTED=unlisted-development-only
ISSUER=$KC/realms/$REALM
ASN_ISSUER=$KC/realms/$ASN
ADMIN_SUBJECT=0a7c1d4e-5b2f-4c3a-9e8d-1f2a3b4c5d01

if [ ! -f "$JAR" ]; then
  echo "no $JAR: build the package first (./mvnw package -DskipTests)" >&2
  exit 2
fi
for port in $KC_PORT $KC_MANAGEMENT_PORT $APP_PORT $MAIL_SMTP_PORT $MAIL_API_PORT; do
  if (echo > "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    echo "port $port is in use: stop what listens there or set KC_PORT, KC_MANAGEMENT_PORT, APP_PORT," \
      "MAIL_SMTP_PORT, MAIL_API_PORT" >&2
    exit 2
  fi
done

micros() { echo "${EPOCHREALTIME//[.,]/}"; }
since() { local d=$(($(micros) - $1)); printf '%d.%d' $((d / 1000000)) $((d / 100000 % 10)); }
STARTED=$(micros)
PHASE=$STARTED
PHASES=()
phase() { PHASES+=("$(printf '%-52s %6s s' "$1" "$(since "$PHASE")")"); PHASE=$(micros); }

KC_PID=""
APP_PID=""
MAIL_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null
  [ -n "$MAIL_PID" ] && kill "$MAIL_PID" 2> /dev/null && wait "$MAIL_PID" 2> /dev/null
  [ -n "$KC_PID" ] && kill -- "-$KC_PID" 2> /dev/null && wait "$KC_PID" 2> /dev/null
  true
}
trap cleanup EXIT

# --- Keycloak from Maven Central, once -----------------------------------------------------------------------------
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  echo "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION (Maven wrapper)"
  ./mvnw -B -ntp -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" \
    -DoutputDirectory=target/keycloak > target/keycloak-fetch.log 2>&1 || { tail -20 target/keycloak-fetch.log; exit 1; }
  tar -xzf "target/keycloak/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C target/keycloak || exit 1
fi
phase "Keycloak $KC_VERSION at hand"

rm -rf "$OUT" "$KC_HOME/data"
mkdir -p "$OUT" "$KC_HOME/data/import"
cp verify/keycloak/*-realm.json "$KC_HOME/data/import/"
# its own process group, so that the whole of it stops on exit
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=DEVELOPMENT-ONLY-admin \
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx640m" \
  setsid "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
  --http-management-port="$KC_MANAGEMENT_PORT" --health-enabled=true --import-realm > "$OUT/keycloak.log" 2>&1 &
KC_PID=$!
READY=no
for _ in $(seq 1 "${KC_START_TIMEOUT:-300}"); do
  if curl -fsS "http://127.0.0.1:$KC_MANAGEMENT_PORT/health/ready" > /dev/null 2>&1; then READY=yes; break; fi
  kill -0 "$KC_PID" 2> /dev/null || break
  sleep 1
done
if [ "$READY" != yes ]; then
  echo "Keycloak did not become ready within ${KC_START_TIMEOUT:-300} s; the end of $OUT/keycloak.log:" >&2
  tail -40 "$OUT/keycloak.log" >&2
  exit 1
fi
phase "Keycloak started (start-dev, three realms imported)"

# --- a real SMTP server: GreenMail's standalone jar (Maven Central), every address a mailbox, read by its HTTP API ---
if [ ! -f "$GREENMAIL" ]; then
  ./mvnw -B -ntp -q process-test-resources > target/greenmail-fetch.log 2>&1 || { tail -20 target/greenmail-fetch.log; exit 1; }
fi
java -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$MAIL_SMTP_PORT" \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" -Dgreenmail.auth.disabled \
  -jar "$GREENMAIL" > "$OUT/greenmail.log" 2>&1 &
MAIL_PID=$!
READY=no
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$MAIL_API_PORT/api/service/readiness" > /dev/null 2>&1; then READY=yes; break; fi
  kill -0 "$MAIL_PID" 2> /dev/null || break
  sleep 1
done
if [ "$READY" != yes ]; then
  echo "the SMTP server did not become ready within 60 s; the end of $OUT/greenmail.log:" >&2
  tail -20 "$OUT/greenmail.log" >&2
  exit 1
fi
phase "SMTP server started (GreenMail)"

passed=0
failed=0
check() { # name, expected, actual
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); echo "FAIL $1: expected $2, got $3"; fi
}
# jget PATH: a field of the JSON on stdin (dots between keys and list indexes); empty when absent
jget() {
  python3 -c '
import json, sys
value = json.load(sys.stdin)
for key in sys.argv[1].split("."):
    if isinstance(value, list):
        value = value[int(key)] if int(key) < len(value) else None
    elif isinstance(value, dict):
        value = value.get(key)
    if value is None:
        break
print("" if value is None else (json.dumps(value, separators=(",", ":")) if isinstance(value, (list, dict)) else value))
' "$1" 2> /dev/null
}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
unb64url() { local s=${1//-/+}; s=${s//_//}; while [ $((${#s} % 4)) -ne 0 ]; do s="$s="; done; echo "$s" | openssl base64 -A -d; }
# token REALM USER: an access token by the password grant of the realm's API client
token() {
  curl -sS --max-time 20 -d grant_type=password -d client_id=terpadu-api \
    -d client_secret=DEVELOPMENT-ONLY-terpadu-api-secret -d "username=$2" -d "password=DEVELOPMENT-ONLY-$2" \
    "$KC/realms/$1/protocol/openid-connect/token" | jget access_token
}
# call METHOD PATH TOKEN [BODY]: prints the status; the body is in $OUT/body.json
call() {
  local args=(-sS --max-time 30 -o "$OUT/body.json" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $3"
    -H 'Accept-Language: en')
  [ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' -d "$4")
  curl "${args[@]}" "$API$2"
}
body() { jget "$1" < "$OUT/body.json"; }
admin_token() {
  curl -sS --max-time 20 -d grant_type=password -d client_id=admin-cli -d username=admin \
    -d password=DEVELOPMENT-ONLY-admin "$KC/realms/master/protocol/openid-connect/token" | jget access_token
}

# --- the realm signs with a key whose private half this script holds ------------------------------------------------
# Imported as an "rsa" key provider of the highest priority before anybody logs in, so that every token until the
# rotation is signed with it; after the rotation removes it, a token the script signs with it must be refused.
openssl genrsa -out "$OUT/realm-old.pem" 2048 2> /dev/null
openssl rsa -in "$OUT/realm-old.pem" -pubout -out "$OUT/realm-old.pub.pem" 2> /dev/null
KC_ADMIN=$(admin_token)
REALM_ID=$(curl -sS --max-time 20 -H "Authorization: Bearer $KC_ADMIN" "$KC/admin/realms/$REALM" | jget id)
python3 -c '
import json, sys
print(json.dumps({"name": "rsa-known", "providerId": "rsa", "providerType": "org.keycloak.keys.KeyProvider",
                  "parentId": sys.argv[1], "config": {"priority": ["150"], "enabled": ["true"], "active": ["true"],
                  "algorithm": ["RS256"], "privateKey": [open(sys.argv[2]).read()]}}))
' "$REALM_ID" "$OUT/realm-old.pem" > "$OUT/known-key.json"
KNOWN=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KC_ADMIN" \
  -H 'Content-Type: application/json' -X POST "$KC/admin/realms/$REALM/components" -d @"$OUT/known-key.json" \
  -D "$OUT/known-key.headers")
KNOWN_PROVIDER=$(sed -nE 's#^[Ll]ocation: .*/components/([^/[:space:]]+).*#\1#p' "$OUT/known-key.headers")
check "a realm key of a private key generated here is imported (admin REST API)" "201 yes" \
  "$KNOWN $([ -n "$KNOWN_PROVIDER" ] && echo yes || echo no)"
# sign PAYLOAD-JSON KID KEY-PEM: a JWT signed RS256 with openssl
sign() {
  local header payload
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$2" | b64url)
  payload=$(printf '%s' "$1" | b64url)
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$3" -binary | b64url)"
}
# claims SUBJECT: the claims of a realm's access token for the API, fresh (its own iat and jti)
claims() {
  printf '{"iss":"%s","aud":["terpadu-api"],"sub":"%s","exp":%d,"iat":%d,"jti":"%s","typ":"Bearer","azp":"terpadu-api"}' \
    "$ISSUER" "$1" $(($(date +%s) + 300)) "$(date +%s)" "$(openssl rand -hex 16)"
}
phase "a realm key whose private half is known"

# --- production refuses a development realm unless allowed on purpose ----------------------------------------------
SERVICE_ARGS=(
  -Dterpadu.intake.altcha.hmac-key="$(openssl rand -hex 32)"
  -Dquarkus.http.port="$APP_PORT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.shutdown.delay=0S
  -Dterpadu.oidc.issuers.kesbangpol.url="$ISSUER" -Dterpadu.oidc.issuers.kesbangpol.audience=terpadu-api
  -Dterpadu.oidc.issuers.ssoasn.url="$ASN_ISSUER" -Dterpadu.oidc.issuers.ssoasn.audience=terpadu-api
  -Dterpadu.oidc.issuers.kesbangpol.jwks-refresh-interval=2S
  -Dterpadu.accounts.first-admin.issuer="$ISSUER" -Dterpadu.accounts.first-admin.subject="$ADMIN_SUBJECT"
  -Dterpadu.accounts.first-admin.name="Admin Nasional"
  -Dterpadu.notifications.smtp-host=127.0.0.1 -Dquarkus.mailer.host=127.0.0.1 -Dquarkus.mailer.port="$MAIL_SMTP_PORT"
  -Dquarkus.mailer.start-tls=DISABLED -Dterpadu.notifications.link-base="http://127.0.0.1:$APP_PORT")
REFUSED_EXIT=0
timeout 90 java -Dterpadu.embedded-db.data-dir="$ROOT/$OUT/pgdata-refused" "${SERVICE_ARGS[@]}" -jar "$JAR" \
  > "$OUT/service-refused.log" 2>&1 || REFUSED_EXIT=$?
check "production refuses to start with a development realm, saying why" "exit>0 and told" \
  "$([ "$REFUSED_EXIT" -ne 0 ] && [ "$REFUSED_EXIT" -ne 124 ] && grep -q 'is a DEVELOPMENT-ONLY realm' "$OUT/service-refused.log" && echo 'exit>0 and told' || echo "exit $REFUSED_EXIT")"
phase "refusal of a development realm"

java -Dterpadu.embedded-db.data-dir="$ROOT/$OUT/pgdata" "${SERVICE_ARGS[@]}" \
  -Dterpadu.oidc.development-realms-allowed=true -jar "$JAR" > "$OUT/service.log" 2>&1 &
APP_PID=$!
READY=no
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$APP_PORT/q/health/ready" > /dev/null 2>&1; then READY=yes; break; fi
  kill -0 "$APP_PID" 2> /dev/null || break
  sleep 1
done
if [ "$READY" != yes ]; then
  echo "the service did not become ready within 120 s; the end of $OUT/service.log:" >&2
  tail -40 "$OUT/service.log" >&2
  exit 1
fi
check "the start warns that a development realm is allowed" yes \
  "$(grep -q 'DEVELOPMENT-ONLY REALM ALLOWED' "$OUT/service.log" && echo yes || echo no)"
phase "service started with two allowed issuers"

# --- people log in; the first ADMIN creates their accounts ---------------------------------------------------------
ADMIN=$(token $REALM admin.nasional)
KESBANGPOL=$(token $REALM kesbangpol.babel)
POLRES=$(token $REALM polres.bangka)
BINDA=$(token $REALM binda.babel)
check "four people of the realm log in" yes \
  "$([ -n "$ADMIN" ] && [ -n "$KESBANGPOL" ] && [ -n "$POLRES" ] && [ -n "$BINDA" ] && echo yes || echo no)"
OLD_KID=$(unb64url "$(echo "$KESBANGPOL" | cut -d. -f1)" | jget kid)
IFS=. read -r H P S <<< "$KESBANGPOL"
check "the realm signs tokens with the known key" yes \
  "$(printf '%s.%s' "$H" "$P" > "$OUT/signed.txt"; unb64url "$S" > "$OUT/signature.bin"
     openssl dgst -sha256 -verify "$OUT/realm-old.pub.pem" -signature "$OUT/signature.bin" "$OUT/signed.txt" > /dev/null 2>&1 \
     && echo yes || echo no)"
check "the first ADMIN is an account of the configured issuer and subject" "200 account ADMIN" \
  "$(call GET /me "$ADMIN") $(body source) $(body roles.0)"
check "a person without an account is refused with a 403" 403 "$(call GET /agencies "$KESBANGPOL")"
KESBANGPOL_SUB=$(body detail | sed -nE 's/.*subject ([0-9a-f-]{36}).*/\1/p')
check "the refusal names the subject to create the account for" 0a7c1d4e-5b2f-4c3a-9e8d-1f2a3b4c5d02 "$KESBANGPOL_SUB"

agency() { # name type region → id
  call POST /agencies "$ADMIN" "{\"name\": \"$1\", \"type\": \"$2\", \"regionCode\": \"$3\"}" > /dev/null
  body id
}
AG_KESBANGPOL=$(agency "Badan Kesbangpol Provinsi Kepulauan Bangka Belitung" KESBANGPOL 19)
AG_POLRES=$(agency "Polres Bangka" POLRI 19.01)
AG_BINDA=$(agency "Binda Kepulauan Bangka Belitung" BIN 19)
account() { # issuer subject name agency roles scope [token] → status; the answer in $OUT/body.json
  local agency_field=""
  [ -n "$4" ] && agency_field="\"agencyId\": \"$4\","
  local status
  status=$(call POST /accounts "${7:-$ADMIN}" "{\"issuer\": \"$1\", \"subject\": \"$2\", \"name\": \"$3\", $agency_field
    \"roles\": $5, \"regionScope\": $6, \"email\": \"$(echo "$3" | tr ' A-Z' '.a-z')@example.go.id\", \"language\": \"id\"}")

  echo "$status"
}
check "the ADMIN creates the Kesbangpol's account (COORDINATOR of 19)" 201 \
  "$(account "$ISSUER" 0a7c1d4e-5b2f-4c3a-9e8d-1f2a3b4c5d02 "Sekretariat Kesbangpol Babel" "$AG_KESBANGPOL" '["COORDINATOR"]' '["19"]')"
check "the ADMIN creates the Polres's account (OFFICER of 19.01)" 201 \
  "$(account "$ISSUER" 0a7c1d4e-5b2f-4c3a-9e8d-1f2a3b4c5d03 "Operator Polres Bangka" "$AG_POLRES" '["OFFICER"]' '["19.01"]')"
POLRES_ACCOUNT=$(body id)
check "the ADMIN creates the Binda's account (OFFICER of 19)" 201 \
  "$(account "$ISSUER" 0a7c1d4e-5b2f-4c3a-9e8d-1f2a3b4c5d04 "Analis Binda Babel" "$AG_BINDA" '["OFFICER"]' '["19"]')"
phase "logins and accounts"

# --- the rights the accounts give ----------------------------------------------------------------------------------
check "the Kesbangpol's next request has its account's rights" "200 account COORDINATOR [\"19\"]" \
  "$(call GET /me "$KESBANGPOL") $(body source) $(body roles.0) $(body regionScope)"
check "the COORDINATOR creates an agency in its province" 201 \
  "$(call POST /agencies "$KESBANGPOL" '{"name": "Kesbangpol Kota Pangkal Pinang", "type": "KESBANGPOL", "regionCode": "19.71"}')"
check "the COORDINATOR creates no agency outside its scope" 403 \
  "$(call POST /agencies "$KESBANGPOL" '{"name": "Kesbangpol Kota Padang", "type": "KESBANGPOL", "regionCode": "13.71"}')"
check "the COORDINATOR grants no ADMIN" 403 \
  "$(account "$ISSUER" 0a7c1d4e-5b2f-4c3a-9e8d-1f2a3b4c5d99 "Calon Admin" "$AG_KESBANGPOL" '["ADMIN"]' '["19"]' "$KESBANGPOL")"
check "the COORDINATOR lists the accounts of its province (two besides its own)" 3 \
  "$(call GET '/accounts?limit=50' "$KESBANGPOL" > /dev/null; body items | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
check "the OFFICER of the Polres reads agencies" 200 "$(call GET /agencies "$POLRES")"
check "the OFFICER of the Polres creates no agency (its role)" 403 \
  "$(call POST /agencies "$POLRES" '{"name": "Polsek Sungailiat", "type": "POLRI", "regionCode": "19.01"}')"
check "the Binda's account reads CONFIDENTIAL (its agency is BIN)" "200 CONFIDENTIAL" \
  "$(call GET /me "$BINDA") $(body clearance)"
check "the Polres's clearance stops at RESTRICTED" "200 RESTRICTED" "$(call GET /me "$POLRES") $(body clearance)"
check "the ADMIN deactivates the Polres's account" 200 \
  "$(call POST "/accounts/$POLRES_ACCOUNT/deactivation" "$ADMIN" '{"reason": "Mutasi"}')"
check "the deactivated account's next request is refused, saying so" "403 deactivated" \
  "$(call GET /agencies "$POLRES") $(body detail | grep -o deactivated)"
check "a token newly issued to the deactivated person is refused too" 403 "$(call GET /me "$(token $REALM polres.bangka)")"
check "the ADMIN reactivates it" 200 "$(call POST "/accounts/$POLRES_ACCOUNT/reactivation" "$ADMIN" '{}')"
check "the reactivated account's next request works" 200 "$(call GET /agencies "$POLRES")"
phase "rights of the accounts"

# --- Swagger UI logs in at Keycloak (authorization code with PKCE), in Chromium when it is there ---------------------
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ] && command -v node > /dev/null; then
  if [ ! -d verify/node_modules/playwright-core ]; then
    (cd verify && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) > "$OUT/npm.log" 2>&1
  fi
  node verify/browser/oidc-login.mjs "http://127.0.0.1:$APP_PORT" kesbangpol.babel DEVELOPMENT-ONLY-kesbangpol.babel \
    COORDINATOR "$CHROMIUM" > "$OUT/browser.log" 2>&1
  BROWSER_EXIT=$?
  sed 's/^/     /' "$OUT/browser.log"
  check "Swagger UI logs in at the provider and calls the API with the account's rights (screenshots in target/browser-oidc)" 0 "$BROWSER_EXIT"
  phase "Swagger UI login in Chromium"
else
  echo "skip Swagger UI login: no Chromium at $CHROMIUM or no Node.js"
fi

# --- a person's path: an event notifies them, the email's link, the login at the provider, the inbox ---------------
ADMIN=$(token $REALM admin.nasional)
POLRES_EMAIL=operator.polres.bangka@example.go.id
DUE=$(date -u -d '+3 days' +%Y-%m-%dT%H:%M:%SZ)
INCIDENT_STATUS=$(call POST /incidents "$ADMIN" '{"title": "Bentrokan nelayan di Sungailiat", "categoryCode": "SENGKETA_LAHAN",
  "regionCode": "19.01", "occurredFrom": "2024-10-12T09:30:00Z", "sourceKind": "PATROLI", "severity": 3,
  "classification": "PUBLIC", "point": {"lat": -1.85, "lon": 106.12}}')
INCIDENT=$(body id)
TASK_STATUS=$(call POST "/incidents/$INCIDENT/tasks" "$ADMIN" "{\"agencyId\": \"$AG_POLRES\",
  \"description\": \"Amankan dermaga Sungailiat\", \"dueAt\": \"$DUE\"}")
TASK=$(body id)
check "the ADMIN records an incident in Bangka and gives the Polres a task on it" "201 201" "$INCIDENT_STATUS $TASK_STATUS"
# the fan-out and the email senders run every 2 s: the email is at the SMTP server within seconds
MAIL=""
for _ in $(seq 1 60); do
  MAIL=$(curl -sS --max-time 5 "http://127.0.0.1:$MAIL_API_PORT/api/user/$POLRES_EMAIL/messages/INBOX" 2> /dev/null \
    | python3 -c '
import email, email.policy, json, re, sys
messages = json.load(sys.stdin)
if messages:
    message = email.message_from_string(messages[0]["mimeMessage"], policy=email.policy.default)
    text = message.get_body(("plain",)).get_content()
    links = re.findall(r"https?://\S+/api/v1/incidents/\S+", text)
    print(json.dumps({"count": len(messages), "subject": str(message["subject"]), "to": str(message["to"]),
                      "link": links[0] if links else "", "mime": messages[0]["mimeMessage"]}))
' 2> /dev/null)
  [ -n "$MAIL" ] && break
  sleep 1
done
echo "$MAIL" | jget mime > "$OUT/email.eml"
check "one email reaches the Polres's person at the SMTP server" "1 $POLRES_EMAIL" \
  "$(echo "$MAIL" | jget count) $(echo "$MAIL" | jget to)"
check "its subject says so in the account's language" "[Terpadu] Tugas baru untuk instansi Anda" \
  "$(echo "$MAIL" | jget subject)"
LINK=$(echo "$MAIL" | jget link)
check "its link is the task's address on this service" "http://127.0.0.1:$APP_PORT/api/v1/incidents/$INCIDENT/tasks/$TASK" "$LINK"
check "it says nothing of what the task says" no "$(grep -q 'Sungailiat' "$OUT/email.eml" && echo yes || echo no)"
if [ -x "$CHROMIUM" ] && command -v node > /dev/null; then
  node verify/browser/inbox-path.mjs "http://127.0.0.1:$APP_PORT" "$LINK" polres.bangka DEVELOPMENT-ONLY-polres.bangka \
    "$CHROMIUM" > "$OUT/browser-inbox.log" 2>&1
  BROWSER_EXIT=$?
  sed 's/^/     /' "$OUT/browser-inbox.log"
  check "the person opens the link, logs in at the provider in Swagger UI, reads the task, finds the entry in the inbox and marks it read (screenshots in target/browser-inbox)" 0 "$BROWSER_EXIT"
  POLRES=$(token $REALM polres.bangka)
  check "the service agrees: the entry is read, none of the task's is unread" "1 0" \
    "$(call GET '/me/notifications?unread=false' "$POLRES" > /dev/null; body items | python3 -c "import json,sys; print(sum(1 for e in json.load(sys.stdin) if e['path'].endswith('$TASK') and e.get('readAt')))") $(call GET '/me/notifications?unread=true' "$POLRES" > /dev/null; body items | python3 -c "import json,sys; print(sum(1 for e in json.load(sys.stdin) if e['path'].endswith('$TASK')))")"
else
  echo "skip the browser's part of the path: no Chromium at $CHROMIUM or no Node.js"
fi
phase "a person's path: email, link, login, inbox"

# --- key rotation and forged tokens ----------------------------------------------------------------------------------
# the forgery is sound: signed here with the realm's current key, it is what the realm would issue
check "a token signed here with the realm's current key is accepted (before the rotation)" "200 account" \
  "$(call GET /me "$(sign "$(claims 0a7c1d4e-5b2f-4c3a-9e8d-1f2a3b4c5d02)" "$OLD_KID" "$OUT/realm-old.pem")") $(body source)"
KC_ADMIN=$(admin_token)
OLD_PROVIDERS=$(curl -sS --max-time 20 -H "Authorization: Bearer $KC_ADMIN" \
  "$KC/admin/realms/$REALM/components?type=org.keycloak.keys.KeyProvider" \
  | python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(sys.stdin) if c["providerId"] == "rsa-generated"))')
ROTATED=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KC_ADMIN" \
  -H 'Content-Type: application/json' -X POST "$KC/admin/realms/$REALM/components" -d "{\"name\": \"rsa-rotated\",
  \"providerId\": \"rsa-generated\", \"providerType\": \"org.keycloak.keys.KeyProvider\", \"parentId\": \"$REALM_ID\",
  \"config\": {\"priority\": [\"200\"], \"enabled\": [\"true\"], \"active\": [\"true\"], \"keySize\": [\"2048\"],
  \"algorithm\": [\"RS256\"]}}")
check "a new realm key is created through the admin REST API" 201 "$ROTATED"
DISABLED=0
for provider in $OLD_PROVIDERS; do
  curl -sS --max-time 20 -H "Authorization: Bearer $KC_ADMIN" "$KC/admin/realms/$REALM/components/$provider" \
    | python3 -c 'import json,sys; c=json.load(sys.stdin); c["config"]["enabled"]=["false"]; c["config"]["active"]=["false"]; print(json.dumps(c))' \
    > "$OUT/provider.json"
  status=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KC_ADMIN" \
    -H 'Content-Type: application/json' -X PUT "$KC/admin/realms/$REALM/components/$provider" -d @"$OUT/provider.json")
  [ "$status" = 204 ] && DISABLED=$((DISABLED + 1))
done
check "the old key is disabled" "$(echo "$OLD_PROVIDERS" | wc -w)" "$DISABLED"
check "the known key is removed from the realm" 204 \
  "$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KC_ADMIN" \
     -X DELETE "$KC/admin/realms/$REALM/components/$KNOWN_PROVIDER")"
check "the realm publishes the new key only" no \
  "$(curl -sS --max-time 20 "$ISSUER/protocol/openid-connect/certs" | grep -q "$OLD_KID" && echo yes || echo no)"
sleep 2 # the configured shortest time between two fetches of an issuer's keys (jwks-refresh-interval)
NEW_TOKEN=$(token $REALM kesbangpol.babel)
NEW_KID=$(unb64url "$(echo "$NEW_TOKEN" | cut -d. -f1)" | jget kid)
check "a new token is signed with another key" yes "$([ -n "$NEW_KID" ] && [ "$NEW_KID" != "$OLD_KID" ] && echo yes || echo no)"
check "a token of the new key works (its key fetched on its unknown key id)" 200 "$(call GET /me "$NEW_TOKEN")"
# an altered payload: the ADMIN's subject under the Kesbangpol's signature
IFS=. read -r H P S <<< "$NEW_TOKEN"
ALTERED_PAYLOAD=$(unb64url "$P" | sed "s/0a7c1d4e-5b2f-4c3a-9e8d-1f2a3b4c5d02/$ADMIN_SUBJECT/" | b64url)
check "a token with an altered payload is refused" 401 "$(call GET /me "$H.$ALTERED_PAYLOAD.$S")"
check "and writes nothing" 401 "$(call POST /agencies "$H.$ALTERED_PAYLOAD.$S" '{"name": "Palsu", "type": "KESBANGPOL", "regionCode": "19"}')"
# a self-signed token: the realm's issuer, audience and new key id, the ADMIN's subject, a key of our own
openssl genrsa -out "$OUT/forger.pem" 2048 2> /dev/null
FORGED_HEADER=$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$NEW_KID" | b64url)
FORGED_PAYLOAD=$(printf '{"iss":"%s","aud":["terpadu-api"],"sub":"%s","exp":%d,"iat":%d,"typ":"Bearer","azp":"terpadu-api"}' \
  "$ISSUER" "$ADMIN_SUBJECT" $(($(date +%s) + 300)) "$(date +%s)" | b64url)
FORGED_SIGNATURE=$(printf '%s.%s' "$FORGED_HEADER" "$FORGED_PAYLOAD" | openssl dgst -sha256 -sign "$OUT/forger.pem" -binary | b64url)
check "a self-signed token under the realm's key id is refused" 401 \
  "$(call GET /me "$FORGED_HEADER.$FORGED_PAYLOAD.$FORGED_SIGNATURE")"
check "a fresh token signed with the removed key is refused" 401 \
  "$(call GET /me "$(sign "$(claims 0a7c1d4e-5b2f-4c3a-9e8d-1f2a3b4c5d02)" "$OLD_KID" "$OUT/realm-old.pem")")"
check "and a write signed with it writes nothing" "401 0" \
  "$(call POST /agencies "$(sign "$(claims "$ADMIN_SUBJECT")" "$OLD_KID" "$OUT/realm-old.pem")" \
     '{"name": "Kesbangpol Palsu", "type": "KESBANGPOL", "regionCode": "19"}') $(call GET '/agencies?q=palsu' "$ADMIN" > /dev/null; body items | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
check "the ADMIN's new token works after the rotation" 200 "$(call GET /me "$(token $REALM admin.nasional)")"
phase "key rotation and forged tokens"

# --- a second issuer (standing in for SSO ASN) and one not on the allow-list ---------------------------------------
ASN_TOKEN=$(token $ASN asn.kemendagri)
check "a person of the second issuer without an account is refused" 403 "$(call GET /me "$ASN_TOKEN")"
check "the ADMIN creates an account of the second issuer (national ANALYST)" 201 \
  "$(account "$ASN_ISSUER" 1b8d2e5f-6c3a-4d4b-8f9e-2a3b4c5d6e01 "Pegawai Kemendagri" "" '["ANALYST"]' '[]')"
check "the second issuer's person works with the account's rights" "200 ANALYST $ASN_ISSUER" \
  "$(call GET /me "$ASN_TOKEN") $(body roles.0) $(body issuer)"
check "the ANALYST writes nothing" 403 \
  "$(call POST /agencies "$ASN_TOKEN" '{"name": "Kesbangpol X", "type": "KESBANGPOL", "regionCode": "19"}')"
UNLISTED_TOKEN=$(token $UNLISTED kesbangpol.babel)
check "a realm not on the allow-list logs in at Keycloak" yes "$([ -n "$UNLISTED_TOKEN" ] && echo yes || echo no)"
check "but its tokens are refused by the service" 401 "$(call GET /me "$UNLISTED_TOKEN")"
check "even for an operation every role may call" 401 "$(call GET /agencies "$UNLISTED_TOKEN")"
phase "second issuer and an unlisted one"

echo
printf '%s\n' "${PHASES[@]}"
printf '%-52s %6s s\n' "total" "$(since "$STARTED")"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
