#!/usr/bin/env bash
# Attachment benchmark, against the packaged service on its embedded PostgreSQL and file store, next to dd on the same
# disk in the same run:
#   - one resumable upload (tus) of a large video in one PATCH: MB/s from the first byte sent to the attachment being
#     AVAILABLE (received, put together, hashed, detected, cleaned, stored), next to `dd` copying the same file on the
#     same disk (goal: >= 0.5 of dd), and the service's live heap during such an upload (what full collections
#     asked for twice a second leave, from the JVM's GC log, in a second upload that is not timed) against its live
#     heap when idle (goal: within 64 MB);
#     the service's CPU seconds for it (user and system) are printed too. A 64 MB upload goes first, unmeasured, as a
#     running service has already compiled its upload path: the first one in a fresh JVM pays for the JIT compiler;
#   - 50 phones sending a 4 MB photo each at once (multipart, one request each): p50, p95, errors (goal: 0).
# Needs curl, python3, a JDK with jcmd (the photos are made by bench/Photos.java) and free disk for twice the video.
#
#   bench/attachments.sh [video MB, default 1024] [photos, default 50]
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-1024}
PHOTOS=${2:-50}
for tool in curl python3 java jcmd dd; do command -v $tool > /dev/null || { echo "needs $tool" >&2; exit 2; }; done
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
PORT=${BENCH_PORT:-18085}
WORK=$(mktemp -d -p "$PWD/target" bench-attachments.XXXX)
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# One benchmark caller sends far more than a real one may: budgets and allowances it never reaches.
TERPADU_EMBEDDED_DB_DATA_DIR="$WORK/pgdata" TERPADU_ATTACHMENTS_FOLDER="$WORK/files" QUARKUS_HTTP_PORT=$PORT \
  TERPADU_DEV_TOKENS_ENABLED=true MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/dev-keys/DEVELOPMENT-ONLY-public.pem \
  QUARKUS_LOG_LEVEL=WARN TERPADU_RATE_LIMIT_READS_LIMIT=1000000000 TERPADU_RATE_LIMIT_WRITES_LIMIT=1000000000 \
  TERPADU_ATTACHMENTS_MAX_BYTES_PER_AGENCY_PER_DAY=1T TERPADU_ATTACHMENTS_MAX_SIZE_BY_KIND_VIDEO=4G \
  QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=4G TERPADU_ATTACHMENTS_MAX_PER_RECORD=1000 \
  java -Xmx512m -Xlog:gc:file=target/bench-attachments-gc.log -jar target/quarkus-app/quarkus-run.jar > target/bench-attachments.log 2>&1 &
APP_PID=$!
until curl -fsS "http://localhost:$PORT/q/health/ready" > /dev/null 2>&1; do
  kill -0 $APP_PID 2> /dev/null || { cat target/bench-attachments.log; exit 1; }
  sleep 0.2
done
API="http://localhost:$PORT/api/v1"
TOKEN=$(curl -s -X POST "$API/dev/tokens" -H 'Content-Type: application/json' \
  -d '{"subject": "bench", "roles": ["COORDINATOR"], "regionScope": ["13"], "ttlMinutes": 600}' \
  | sed -nE 's/.*"accessToken":"([^"]+)".*/\1/p')
INCIDENT=$(curl -s -X POST "$API/incidents" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"title": "Bentrokan (bench)", "categoryCode": "SENGKETA_LAHAN", "regionCode": "13.77",
       "occurredFrom": "2024-10-12T09:30:00Z", "sourceKind": "PATROLI", "severity": 3, "classification": "RESTRICTED"}' \
  | sed -nE 's/.*"id":"([^"]+)".*/\1/p')

echo "making a ${MB} MB video and ${PHOTOS} photos ..." >&2
python3 - "$WORK/video.mp4" "$MB" <<'PY'
import os, struct, sys
path, mb = sys.argv[1], int(sys.argv[2])
size = mb * 1024 * 1024
with open(path, 'wb') as f:
    f.write(bytes.fromhex('00000018667479706d70343200000000' + '69736f6d6d703432'))
    f.write(struct.pack('>I', size + 8) + b'mdat')
    chunk = os.urandom(8 * 1024 * 1024)
    for _ in range(size // len(chunk)):
        f.write(chunk)
    f.write(chunk[: size % len(chunk)])
PY
java bench/Photos.java "$WORK" "$PHOTOS"

python3 - "$API" "$TOKEN" "$INCIDENT" "$WORK" "$MB" "$PHOTOS" "$APP_PID" <<'PY'
import base64, concurrent.futures, json, os, re, struct, subprocess, sys, time, urllib.request
api, token, incident, work, mb, photos = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
pid = sys.argv[7]
tick = os.sysconf('SC_CLK_TCK')

def cpu():
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return int(fields[11]) / tick, int(fields[12]) / tick
video = os.path.join(work, 'video.mp4')
size = os.path.getsize(video)

gc_log = 'target/bench-attachments-gc.log'
def live_heaps(since=0):
    """The heap in use after each full collection the JVM logged from line `since` on (MB), and the log's length."""
    units = {'K': 1 / 1024, 'M': 1, 'G': 1024}
    lines = open(gc_log).read().splitlines()
    after = [int(m.group(1)) * units[m.group(2)]
             for m in (re.search(r'Pause Full.* [0-9]+[KMG]->([0-9]+)([KMG])\(', line) for line in lines[since:]) if m]
    return after, len(lines)

def collect():
    subprocess.run(['jcmd', pid, 'GC.run'], check=True, capture_output=True)

# dd: the same file copied on the same disk, written through to it
subprocess.run(['sync'])
t = time.monotonic()
subprocess.run(['dd', f'if={video}', f'of={work}/copy.bin', 'bs=4M', 'conv=fdatasync', 'status=none'], check=True)
dd_secs = time.monotonic() - t
os.remove(f'{work}/copy.bin')

def b64(s):
    return base64.b64encode(s.encode()).decode()
meta = ','.join(f'{k} {b64(v)}' for k, v in [('parentType', 'incident'), ('parentId', incident), ('kind', 'VIDEO'),
                                              ('title', 'Rekaman (bench)')])
def upload(path, length):
    """One tus upload in one PATCH: seconds, curl's answer, the attachment."""
    req = urllib.request.Request(api + '/uploads', method='POST', headers={
        'Authorization': 'Bearer ' + token, 'Tus-Resumable': '1.0.0', 'Upload-Length': str(length),
        'Upload-Metadata': meta})
    with urllib.request.urlopen(req) as r:
        location = r.headers['Location']
    t = time.monotonic()
    out = subprocess.run(['curl', '-sS', '-o', f'{work}/patch-answer.txt', '-w', '%{http_code}', '-X', 'PATCH',
                          location, '-H', 'Authorization: Bearer ' + token, '-H', 'Tus-Resumable: 1.0.0',
                          '-H', 'Upload-Offset: 0', '-H', 'Content-Type: application/offset+octet-stream',
                          '-H', 'Expect:', '-T', path], capture_output=True, text=True)
    secs = time.monotonic() - t
    attachment = json.load(urllib.request.urlopen(urllib.request.Request(
        api + '/attachments/' + location.rsplit('/', 1)[1], headers={'Authorization': 'Bearer ' + token})))
    return secs, out, attachment

# the warm-up: the first 64 MB of the video, as a video of its own
warm = os.path.join(work, 'warm.mp4')
with open(video, 'rb') as src, open(warm, 'wb') as dst:
    head = bytearray(src.read(32 + 64 * 1048576))
    head[24:28] = struct.pack('>I', 64 * 1048576 + 8)
    dst.write(head)
upload(warm, os.path.getsize(warm))
os.remove(warm)

user0, sys0 = cpu()
up_secs, out, attachment = upload(video, size)
user1, sys1 = cpu()
ok = out.stdout == '204' and attachment['status'] == 'AVAILABLE'

# the live heap, what a full collection leaves (the heap in use at some moment counts garbage not yet collected, and
# varies with when it is read): when idle, and during a second upload of the same file (not timed: the collections
# slow it), after a full collection asked for every half second while it runs; its last byte changed, so that it is
# not the same bytes as the first (which would make it the same attachment)
with open(video, 'r+b') as f:
    f.seek(-1, os.SEEK_END)
    last = f.read(1)[0]
    f.seek(-1, os.SEEK_END)
    f.write(bytes([last ^ 0xFF]))
collect()
idle_heap = live_heaps()[0][-1]
seen = live_heaps()[1]
with concurrent.futures.ThreadPoolExecutor(1) as pool:
    again = pool.submit(upload, video, size)
    while not again.done():
        time.sleep(0.5)
        collect()
    heap_secs, heap_out, heap_attachment = again.result()
ok = ok and heap_out.stdout == '204' and heap_attachment['status'] == 'AVAILABLE'
during = live_heaps(seen)[0][:-1]

def one(i):
    t0 = time.monotonic()
    r = subprocess.run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', api + '/attachments',
                        '-H', 'Authorization: Bearer ' + token, '-F', f'file=@{work}/photo-{i}.jpg',
                        '-F', 'parentType=incident', '-F', 'parentId=' + incident, '-F', 'kind=FOTO',
                        '-F', f'title=Foto {i}'], capture_output=True, text=True)
    return time.monotonic() - t0, r.stdout
with concurrent.futures.ThreadPoolExecutor(photos) as pool:
    t = time.monotonic()
    results = list(pool.map(one, range(1, photos + 1)))
    wall = time.monotonic() - t
lat = sorted(r[0] for r in results)
errors = sum(1 for r in results if r[1] != '201')
photo_mb = sum(os.path.getsize(f'{work}/photo-{i}.jpg') for i in range(1, photos + 1)) / photos / 1024 / 1024

print()
print(f"{'measure':<52}{'value':>14}{'reference':>14}{'ratio':>9}{'goal':>12}")
dd_rate, up_rate = size / 1048576 / dd_secs, size / 1048576 / up_secs
print(f"{'one %d MB tus upload (to AVAILABLE), MB/s' % mb:<52}{up_rate:>14.0f}{dd_rate:>14.0f}{up_rate / dd_rate:>9.2f}{'>= 0.50':>12}")
print(f"{'  its answer':<52}{out.stdout + ' ' + attachment['status']:>14}")
print(f"{'  service CPU s, user + system':<52}{'%.1f + %.1f' % (user1 - user0, sys1 - sys0):>14}")
if not ok:
    print(out.stderr, open(f'{work}/patch-answer.txt').read()[:500])
print(f"{'live heap during it (%d readings), MB above idle (%.0f MB)' % (len(during), idle_heap):<52}"
      f"{max(during, default=idle_heap) - idle_heap:>14.0f}{'':>14}{'':>9}{'<= 64':>12}")
print(f"{'%d phones, a %.1f MB photo each at once: p50 s' % (photos, photo_mb):<52}{lat[len(lat) // 2]:>14.2f}")
print(f"{'  p95 s':<52}{lat[int(len(lat) * 0.95) - 1]:>14.2f}")
print(f"{'  all done, s':<52}{wall:>14.2f}")
print(f"{'  errors':<52}{errors:>14}{'':>14}{'':>9}{'0':>12}")
PY
