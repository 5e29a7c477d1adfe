#!/usr/bin/env bash
# Notifications benchmark: E events (default 10,000) of a task given to an agency with R people (default 5), so E×R
# inbox entries and E×R emails, through the packaged service to a real SMTP server (GreenMail's standalone jar, a
# process on 127.0.0.1), against the same SMTP server's own throughput for the same messages sent directly:
#   - the service: from the moment the events are committed (one insert, as the reminder job writes them) to every
#     inbox entry existing and every email accepted by the SMTP server (SENT, and counted in its mailboxes), with the
#     service's largest heap meanwhile (/q/metrics, sampled every 0.5 s);
#   - directly: the same number of messages of the same size, sent by Python's smtplib over as many connections as
#     the service has senders (4), one message per SMTP transaction; and the ratio of the two times.
# The events are written by SQL rather than by 10,000 API calls, so that what is measured is the notification path
# (fan-out, templates, SMTP), not the task writes (each change's outbox row is part of its own statement).
# Needs curl, psql, python3, a JDK, and a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres)
# on which it may create a scratch database. Bounded: every wait gives up after BENCH_TIMEOUT seconds (default 900).
#
#   bench/notifications.sh [events] [recipients]          # 10000 5; bench/notifications.sh 1000 is a quick run
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-10000}
PEOPLE=${2:-5}
TIMEOUT=${BENCH_TIMEOUT:-900}
SENDERS=4
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
for tool in psql curl python3 java; do command -v $tool > /dev/null || { echo "needs $tool" >&2; exit 2; }; done
JAR=${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}
[ -n "${BENCH_JAR:-}" ] || [ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
GREENMAIL=${BENCH_GREENMAIL:-target/test-servers/greenmail.jar}
[ -f "$GREENMAIL" ] || ./mvnw -B -q -ntp process-test-resources
[ -f "$JAR" ] && [ -f "$GREENMAIL" ] || { echo "no jar at $JAR or $GREENMAIL" >&2; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
DB=terpadu_bench_notifications_$$
PORT=${BENCH_PORT:-18086}
SMTP=$(free_port)
MAILAPI=$(free_port)
APP_PID=""
MAIL_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null || true
  [ -n "$MAIL_PID" ] && kill "$MAIL_PID" 2> /dev/null && wait "$MAIL_PID" 2> /dev/null || true
  psql -d postgres -qc "drop database if exists $DB" > /dev/null 2>&1 || true
}
trap cleanup EXIT
psql -d postgres -qc "create database $DB"

java -Xmx2g -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=$SMTP -Dgreenmail.api.hostname=127.0.0.1 \
  -Dgreenmail.api.port=$MAILAPI -Dgreenmail.auth.disabled -jar "$GREENMAIL" > target/bench-notifications-smtp.log 2>&1 &
MAIL_PID=$!
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" QUARKUS_HTTP_PORT=$PORT TERPADU_DEV_TOKENS_ENABLED=true \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem QUARKUS_LOG_LEVEL=WARN \
  TERPADU_RATE_LIMIT_READS_LIMIT=1000000000 TERPADU_RATE_LIMIT_WRITES_LIMIT=1000000000 \
  QUARKUS_HTTP_ACCESS_LOG_ENABLED=false TERPADU_SMTP_HOST=127.0.0.1 TERPADU_SMTP_PORT=$SMTP \
  TERPADU_SMTP_START_TLS=DISABLED TERPADU_NOTIFICATIONS_FAN_OUT_EVERY=1s TERPADU_NOTIFICATIONS_EMAIL_EVERY=1s \
  TERPADU_NOTIFICATIONS_EMAIL_SENDERS=$SENDERS TERPADU_NOTIFICATIONS_SCHEDULE_EVERY=off \
  java -Xmx512m -jar "$JAR" > target/bench-notifications.log 2>&1 &
APP_PID=$!
for i in $(seq 1 600); do
  curl -fsS "http://localhost:$PORT/q/health/ready" > /dev/null 2>&1 && curl -fsS "http://127.0.0.1:$MAILAPI/api/service/readiness" > /dev/null 2>&1 && break
  kill -0 $APP_PID 2> /dev/null || { cat target/bench-notifications.log; exit 1; }
  sleep 0.2
done
API="http://localhost:$PORT/api/v1"
TOKEN=$(curl -s -X POST "$API/dev/tokens" -H 'Content-Type: application/json' \
  -d '{"subject": "bench", "roles": ["ADMIN"], "regionScope": [], "ttlMinutes": 600}' | sed -nE 's/.*"accessToken":"([^"]+)".*/\1/p')

python3 - "$API" "$TOKEN" "$DB" "$EVENTS" "$PEOPLE" "$SMTP" "$MAILAPI" "$SENDERS" "$TIMEOUT" <<'PY'
import json, subprocess, sys, threading, time, urllib.request, smtplib, uuid
api, token, db, events, people, smtp, mailapi, senders, timeout = sys.argv[1:]
events, people, smtp, senders, timeout = int(events), int(people), int(smtp), int(senders), int(timeout)
total = events * people

def call(method, path, body=None):
    req = urllib.request.Request(api + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'})
    with urllib.request.urlopen(req) as r:
        return json.load(r)

def sql(statement):
    return subprocess.run(['psql', '-d', db, '-Atqc', statement], check=True, capture_output=True, text=True).stdout.strip()

def mailbox_total():
    n = 0
    for user in json.load(urllib.request.urlopen(f'http://127.0.0.1:{mailapi}/api/user')):
        with urllib.request.urlopen(f"http://127.0.0.1:{mailapi}/api/user/{user['email']}/messages/INBOX") as r:
            n += len(json.load(r))
    return n

def purge():
    urllib.request.urlopen(urllib.request.Request(f'http://127.0.0.1:{mailapi}/api/mail/purge', method='POST'))

heap = {'max': 0.0, 'stop': False}
def sample():
    while not heap['stop']:
        try:
            with urllib.request.urlopen(api.rsplit('/api', 1)[0] + '/q/metrics') as r:
                used = sum(float(l.rsplit(' ', 1)[1]) for l in r.read().decode().splitlines()
                           if l.startswith('jvm_memory_used_bytes{') and 'area="heap"' in l)
            heap['max'] = max(heap['max'], used / 1048576)
        except Exception:
            pass
        time.sleep(0.5)

# An agency of Kota Pariaman with its people, an incident there
agency = call('POST', '/agencies', {'name': 'Polres Pariaman (bench)', 'type': 'POLRI', 'regionCode': '13.77'})['id']
incident = call('POST', '/incidents', {'title': 'Bentrokan (bench)', 'categoryCode': 'SENGKETA_LAHAN',
                                       'regionCode': '13.77', 'occurredFrom': '2024-10-12T09:30:00Z',
                                       'sourceKind': 'PATROLI', 'severity': 3, 'classification': 'RESTRICTED'})['id']
for i in range(people):
    call('POST', '/accounts', {'issuer': 'https://terpadu.local/dev', 'subject': f'bench.officer.{i}',
                               'name': f'Petugas {i}', 'agencyId': agency, 'roles': ['OFFICER'],
                               'regionScope': ['13.77'], 'email': f'officer{i}@bench.example',
                               'language': 'id' if i % 2 == 0 else 'en'})

# A message as the service writes it, for the direct run: the same size and shape
template = ('Yth. pengguna Terpadu,\n\n- Sebuah tugas diberikan kepada instansi Anda.\n  http://localhost:8080'
            f'/api/v1/incidents/{incident}/tasks/{uuid.uuid4()}\n\nBuka tautan dengan akun Anda untuk membaca '
            'rinciannya. Email ini dikirim otomatis oleh Terpadu; atur pemberitahuan Anda di '
            'http://localhost:8080/api/v1/me/notification-preferences.\n')

def direct(worker, count):
    s = smtplib.SMTP('127.0.0.1', smtp, timeout=30)
    for n in range(count):
        to = f'officer{n % people}@bench.example'
        msg = (f'From: Terpadu <no-reply@terpadu.local>\r\nTo: {to}\r\nSubject: [Terpadu] Tugas baru untuk instansi '
               f'Anda\r\nMessage-ID: <direct-{worker}-{n}@bench>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n'
               + template)
        s.sendmail('no-reply@terpadu.local', [to], msg.encode())
    s.quit()

# 1. the SMTP server alone
t = time.monotonic()
threads = [threading.Thread(target=direct, args=(w, total // senders + (1 if w < total % senders else 0)))
           for w in range(senders)]
[th.start() for th in threads]
[th.join() for th in threads]
direct_secs = time.monotonic() - t
assert mailbox_total() == total, 'the SMTP server did not keep every direct message'
purge()

# 2. the service: E events in one transaction, then wait for every entry and every accepted email
threading.Thread(target=sample, daemon=True).start()
sql(f"""insert into notification_event (kind, entity_type, entity_id, entity_version, region_code, classification,
        agency_id, parent_type, parent_id, dedupe_key)
        select 'TASK_ASSIGNED', 'incident-task', gen_random_uuid(), 1, '13.77', 'RESTRICTED', '{agency}', 'incident',
               '{incident}', 'bench:' || g from generate_series(1, {events}) g""")
t = time.monotonic()
inbox_secs = email_secs = None
deadline = t + timeout
while time.monotonic() < deadline and (inbox_secs is None or email_secs is None):
    entries, sent = sql("select (select count(*) from notification), "
                        "(select count(*) from notification_email where status = 'SENT')").split('|')
    now = time.monotonic() - t
    if inbox_secs is None and int(entries) >= total:
        inbox_secs = now
    if email_secs is None and int(sent) >= total:
        email_secs = now
    time.sleep(0.25)
heap['stop'] = True
if inbox_secs is None or email_secs is None:
    sys.exit(f'not done within {timeout} s: {entries} entries, {sent} emails sent of {total}')
received = mailbox_total()
failed = int(sql("select count(*) from notification_email where status <> 'SENT' or attempts > 1"))

print()
print(f'notifications: {events:,} events x {people} people = {total:,} inbox entries and emails, {senders} senders')
print()
print('| | seconds | per second | ratio |')
print('|---|---|---|---|')
print(f'| SMTP server alone: {total:,} messages sent directly ({senders} connections) | {direct_secs:.1f} | {total / direct_secs:,.0f} | 1 |')
print(f'| service: every inbox entry exists | {inbox_secs:.1f} | {total / inbox_secs:,.0f} | |')
print(f'| service: every email accepted by the SMTP server | {email_secs:.1f} | {total / email_secs:,.0f} | {email_secs / direct_secs:.2f} |')
print()
print(f'messages in the SMTP server\'s mailboxes: {received:,} (expected {total:,}); emails retried or not SENT: {failed}')
print(f'service heap: largest {heap["max"]:.0f} MB during the run (-Xmx512m)')
if received != total:
    sys.exit('the SMTP server holds another number of messages than were sent')
PY
