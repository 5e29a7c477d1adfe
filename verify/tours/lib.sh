#!/bin/sh
# Shared by the tours in this folder: sourced by them, not run. POSIX sh and curl only (sed, grep, tr, paste and date are
# the POSIX tools every system has). See docs/tours.md.
#
#   call 201 POST /agencies -d '{...}'   one request; stops the tour unless the answer has the expected status
#   need AGENCY id                       AGENCY = the first "id" of that answer; stops the tour when it is empty
#   field name                           prints the first value of a field of the last answer (or nothing)
#   expect 'what' '"role":"KETUA"'       stops the tour unless the last answer contains the text
#   keep alerts.atom                     keeps a copy of the last answer
#
# A stop names the step, the request, the HTTP status and the answer, and the tour exits non-zero. Every file a
# tour writes goes to target/tours/<tour>/ of the repository (answers, headers, exports, a trace of the requests).

set -eu

TERPADU_URL=${TERPADU_URL:-http://localhost:8080}
# The answers' language: the service answers in Indonesian unless asked; the tours ask for English, which their checks
# read (TOUR_LANGUAGE=id shows the Indonesian answers; the checks of problem wording then stop the tour).
TOUR_LANGUAGE=${TOUR_LANGUAGE:-en}
API=${TERPADU_URL%/}/api/v1
TOUR=$(basename "$0" .sh)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/target/tours/$TOUR
mkdir -p "$OUT"
ANSWER=$OUT/answer
HEADERS=$OUT/answer.headers
TRACE=$OUT/trace.log
: > "$TRACE"
: > "$OUT/curl.log"
# Unique to this run, for what must differ between runs (Idempotency-Keys are kept 24 hours per caller).
# shellcheck disable=SC2034 # used by the tours
RUN=$(date +%s)-$$
STEP="start"
PASSED=0
STATUS=""
AUTH=""
HINT=""
STARTED=$(date +%s)

step() { # the step of the tour that the next requests belong to
  STEP=$1
  echo "-- $STEP"
}

fail() { # message: stops the tour, naming the step, the last request's status and its answer
  echo "FAIL [$TOUR] $STEP: $1" >&2
  if [ -n "$STATUS" ]; then
    echo "     HTTP status: $STATUS" >&2
    if [ -s "$ANSWER" ]; then
      printf '     answer: ' >&2
      cut -c 1-2000 "$ANSWER" | head -n 20 >&2
      echo >&2
    fi
  fi
  if [ -n "${HINT:-}" ]; then
    echo "     $HINT" >&2
  fi
  echo "     (requests of this run: $TRACE)" >&2
  exit 1
}

call() { # expected status, method, path under /api/v1 (or a full URL), curl options (-d, -H, -G --data-urlencode …)
  _expected=$1 _method=$2 _path=$3
  shift 3
  case $_path in
    http://* | https://*) _url=$_path ;;
    *) _url=$API$_path ;;
  esac
  : > "$ANSWER"
  : > "$HEADERS"
  STATUS=$(curl -sS -o "$ANSWER" -D "$HEADERS" -w '%{http_code}' -X "$_method" "$_url" \
    ${AUTH:+-H} ${AUTH:+"$AUTH"} -H 'Content-Type: application/json' -H "Accept-Language: $TOUR_LANGUAGE" \
    "$@" 2>> "$OUT/curl.log") || STATUS=000
  echo "$STATUS $_method $_path" >> "$TRACE"
  if [ "$STATUS" = 000 ]; then
    fail "$_method $_path: no answer from $TERPADU_URL (is the service running? set TERPADU_URL): $(tail -n 1 "$OUT/curl.log")"
  fi
  if [ "$STATUS" != "$_expected" ]; then
    fail "$_method $_path: expected HTTP $_expected, got $STATUS"
  fi
  PASSED=$((PASSED + 1))
  echo "ok   $STATUS $_method $_path"
}

field() { # name: the first value of that field in the last answer (a string without its quotes, or a number, true…)
  # The answer is one line of JSON: its text after the field's first occurrence becomes line 2.
  sed "s/\"$1\":/\\
/" "$ANSWER" | sed -n '2{
s/^"\([^"]*\)".*/\1/p
t
s/^\([^,}]*\).*/\1/p
}'
}

etag() { # the ETag of the last answer (the record's version, for If-Match), or nothing
  tr -d '\r' < "$HEADERS" | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' | head -n 1
}

need() { # variable, field: sets the variable to that field of the last answer; stops the tour when it is empty
  _value=$(field "$2")
  if [ -z "$_value" ]; then
    fail "no \"$2\" in the answer: nothing the next steps can use"
  fi
  eval "$1=\$_value"
}

expect() { # what, text: stops the tour unless the last answer contains the text
  if ! grep -F -q -e "$2" "$ANSWER"; then
    fail "expected $1 (the answer holds no $2)"
  fi
  PASSED=$((PASSED + 1))
  echo "ok   $1"
}

expect_header() { # what, header line start (case-insensitive): stops the tour unless the last answer has it
  if ! tr -d '\r' < "$HEADERS" | grep -i -q -e "^$2"; then
    fail "expected $1 (no header $2)"
  fi
  PASSED=$((PASSED + 1))
  echo "ok   $1"
}

check() { # what, expected, actual
  if [ "$2" != "$3" ]; then
    fail "expected $1: $2, got $3"
  fi
  PASSED=$((PASSED + 1))
  echo "ok   $1"
}

keep() { # file name: keeps a copy of the last answer under target/tours/<tour>/
  cp "$ANSWER" "$OUT/$1"
}

item_id() { # text…: the id of the first item of the last answer (a list) that contains every text, or nothing
  sed 's/{"id":"/\
{"id":"/g' "$ANSWER" > "$OUT/items.txt"
  for _text in "$@"; do
    grep -F -e "$_text" "$OUT/items.txt" > "$OUT/items.tmp" || true
    mv "$OUT/items.tmp" "$OUT/items.txt"
  done
  sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$OUT/items.txt" | head -n 1
}

token() { # variable, subject, role, region scope ("" for national), agency id (optional): a development token
  _scope=${4:+\"$4\"}
  _auth=$AUTH
  AUTH=""
  HINT="A 404? Development tokens are on in dev mode (./mvnw quarkus:dev); the packaged service needs TERPADU_DEV_TOKENS_ENABLED=true"
  call 201 POST /dev/tokens -d "{\"subject\": \"$2\", \"roles\": [\"$3\"], \"regionScope\": [$_scope]${5:+, \"agencyId\": \"$5\"}}"
  AUTH=$_auth
  HINT=""
  need _token accessToken
  eval "$1=\"Authorization: Bearer \$_token\""
}

agency() { # variable, name, type, region: the agency of that exact name in the region, created when there is none
  call 200 GET /agencies -G --data-urlencode "q=$2" --data-urlencode "region=$4" --data-urlencode "type=$3" \
    --data-urlencode limit=100
  _id=$(item_id "\"name\":\"$2\"")
  if [ -n "$_id" ]; then
    echo "     (found: $2)"
  else
    call 201 POST /agencies -d "{\"name\": \"$2\", \"type\": \"$3\", \"regionCode\": \"$4\"}"
    need _id id
  fi
  eval "$1=\$_id"
}

team() { # variable, level, region, year, secretariat agency id, extra JSON fields: the team of that region and year
  call 200 GET /teams -G --data-urlencode "level=$2" --data-urlencode "region=$3" --data-urlencode "year=$4"
  _id=$(item_id "\"level\":\"$2\"" "\"regionCode\":\"$3\"" "\"year\":$4,")
  if [ -n "$_id" ]; then
    echo "     (found: the $2 team of $3 for $4)"
  else
    call 201 POST /teams -d "{\"level\": \"$2\", \"regionCode\": \"$3\", \"year\": $4, \"secretariatAgencyId\": \"$5\"$6}"
    need _id id
  fi
  eval "$1=\$_id"
}

finish() { # the tour's last line, read by verify/tours.sh
  echo "tour $TOUR: $PASSED steps passed in $(($(date +%s) - STARTED)) s"
}
