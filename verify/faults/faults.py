#!/usr/bin/env python3
"""Load generators and measurements of the fault scripts (standard library only). Each scenario prints a table of
what it measured, then one line per guarantee ("ok" or "FAIL"), and exits 1 when a guarantee is broken.

usage: faults.py restart|sigterm|stall|webhooks|receivers ...   (run by the verify/faults/*.sh scripts, which set
BASE, TOKEN, PSQL, PG_STOP and PG_START in the environment)"""
import argparse
import http.client
import http.server
import json
import os
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

BASE = os.environ.get("BASE", "http://127.0.0.1:8080")
TOKEN = os.environ.get("TOKEN", "")
NETLOC = urllib.parse.urlsplit(BASE).netloc
T0 = time.monotonic()


def now():
    """Seconds since this script started."""
    return time.monotonic() - T0


class Answer:
    __slots__ = ("method", "path", "start", "end", "status", "ctype", "headers", "body", "error")

    def __init__(self, method, path, start):
        self.method, self.path, self.start = method, path, start
        self.end = self.status = self.ctype = self.body = self.error = None
        self.headers = {}

    @property
    def ms(self):
        return (self.end - self.start) * 1000

    def json(self):
        try:
            return json.loads(self.body)
        except (TypeError, ValueError):
            return None

    def kind(self):
        """What the client saw: the status, or the kind of failure."""
        if self.status is not None:
            return str(self.status)
        return self.error.split(":")[0]


class Client:
    """One keep-alive connection per thread; a failed exchange closes it and the next request opens a new one."""

    def __init__(self, timeout=20):
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None, auth=True, read=True, new_connection=False):
        answer = Answer(method, path, now())
        h = {"Accept": "application/json"}
        if auth:
            h["Authorization"] = "Bearer " + TOKEN
        if body is not None:
            body = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        if new_connection:
            self.close()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(NETLOC, timeout=self.timeout)
            self.conn.request(method, path, body=body, headers=h)
            r = self.conn.getresponse()
            answer.status = r.status
            answer.headers = {k.lower(): v for k, v in r.getheaders()}
            answer.ctype = answer.headers.get("content-type", "")
            answer.body = read(r) if callable(read) else r.read()
            if answer.headers.get("connection", "").lower() == "close":
                self.close()
        except ConnectionRefusedError:
            answer.error = "refused: connection refused"
            self.close()
        except (socket.timeout, TimeoutError):
            answer.error = "timeout: no answer within %d s" % self.timeout
            self.close()
        except (OSError, http.client.HTTPException) as e:
            answer.error = "broken: %s %s" % (type(e).__name__, e)
            self.close()
        answer.end = now()
        return answer

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def problem_ok(a):
    """A 503 as promised: problem+json, Retry-After, the service-unavailable type."""
    p = a.json() or {}
    return (a.status == 503 and a.ctype.startswith("application/problem+json") and "retry-after" in a.headers
            and p.get("type") == "urn:terpadu:problem:service-unavailable")


def pct(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(len(values) * p))]


def incident_body(title):
    return {"title": title, "categoryCode": "SENGKETA_LAHAN", "regionCode": "19.71",
            "occurredFrom": "2025-06-01T02:00:00Z", "sourceKind": "PATROLI", "severity": 3,
            "classification": "PUBLIC", "description": "Laporan uji gangguan"}


def table(title, rows):
    width = max(len(r[0]) for r in rows)
    print("\n" + title)
    print("-" * len(title))
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


class Verdict:
    def __init__(self):
        self.failed = 0
        self.lines = []

    def check(self, name, ok, detail=""):
        self.lines.append(("ok  " if ok else "FAIL") + " " + name + (f" ({detail})" if detail else ""))
        if not ok:
            self.failed += 1

    def finish(self):
        print()
        for line in self.lines:
            print(line)
        passed = len(self.lines) - self.failed
        print(f"guarantees: {passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)


def loop(stop, fn):
    def run():
        while not stop.is_set():
            fn()
    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def poll_readiness(stop, into, every=0.1):
    client = Client(timeout=2)

    def run():
        while not stop.is_set():
            a = client.request("GET", "/q/health/ready", auth=False)
            into.append((a.start, a.status == 200))
            time.sleep(max(0.0, every - (now() - a.start)))
    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def psql(sql):
    out = subprocess.run(os.environ["PSQL"] + " -At", shell=True, input=sql, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("psql failed: " + out.stderr.strip())
    return out.stdout.strip()


# --------------------------------------------------------------------------------------------------------------
# PostgreSQL restarted while incidents are written


def restart(args):
    answers, lock, stop = [], threading.Lock(), threading.Event()

    def writer():
        client = Client(timeout=20)

        def write():
            a = client.request("POST", "/api/v1/incidents", incident_body("Uji restart " + uuid.uuid4().hex[:8]))
            with lock:
                answers.append(a)
        return write

    ready = []
    threads = [loop(stop, writer()) for _ in range(args.writers)]
    poller = poll_readiness(stop, ready)
    time.sleep(args.before)
    t_stop = now()
    subprocess.run(os.environ["PG_STOP"], shell=True, check=True, capture_output=True)
    t_stopped = now()
    time.sleep(args.down)
    t_start = now()
    subprocess.run(os.environ["PG_START"], shell=True, check=True, capture_output=True)
    t_back = now()
    time.sleep(args.after)
    stop.set()
    for t in threads + [poller]:
        t.join(30)

    created = [a for a in answers if a.status == 201]
    ids = [(a.json() or {}).get("id") for a in created]
    errors = [a for a in answers if a.status != 201]
    before = [a for a in errors if a.end < t_stop]
    inflight = [a for a in errors if a.start < t_stop <= a.end]
    during = [a for a in errors if t_stop <= a.start < t_back]
    after = [a for a in errors if a.start >= t_back]
    kinds = {}
    for a in errors:
        key = a.kind() + (" problem+json" if a.status == 503 and problem_ok(a) else "")
        kinds[key] = kinds.get(key, 0) + 1
    down_at = next((t for t, ok in ready if t >= t_stop and not ok), None)
    up_at = next((t for t, ok in ready if t >= t_back and ok), None)
    found = int(psql("create temp table ids (id uuid);\ncopy ids from stdin;\n" + "\n".join(ids)
                     + "\n\\.\nselect count(*) from incident join ids using (id);\n").splitlines()[-1])
    last_error_end = max((a.end for a in errors), default=None)
    after_back = [a for a in created if a.start >= t_back]

    def rel(t, origin):
        return "-" if t is None else f"{t - origin:+.2f} s"

    table("PostgreSQL restart while writing incidents", [
        ("writers (threads)", args.writers),
        ("writes sent", len(answers)),
        ("answered 201", len(created)),
        ("errors", f"{len(errors)}: " + (", ".join(f"{k} x{v}" for k, v in sorted(kinds.items())) or "none")),
        ("errors answered before the stop", len(before)),
        ("errors of writes in flight at the stop", len(inflight)),
        ("errors of writes sent while it was down", len(during)),
        ("errors of writes sent after it was back", len(after)),
        ("first error, from the stop", rel(min((a.start for a in errors), default=None), t_stop)),
        ("last error answered, from back", rel(last_error_end, t_back)),
        ("pg_ctl stop -m fast took", f"{t_stopped - t_stop:.2f} s"),
        ("down (stop issued to start done)", f"{t_back - t_stop:.2f} s"),
        ("readiness DOWN, from the stop", rel(down_at, t_stop)),
        ("readiness UP, from back", rel(up_at, t_back)),
        ("201s after it was back", len(after_back)),
        ("201 ids found in the database", f"{found} of {len(ids)} ({len(set(ids))} distinct)"),
    ])
    v = Verdict()
    v.check("no error before PostgreSQL stopped", not before, f"{len(before)}")
    v.check("no error for a request sent after PostgreSQL was back", not after, f"{len(after)}")
    v.check("every error while down is a 503 problem+json with Retry-After",
            all(problem_ok(a) for a in inflight + during), ", ".join(sorted(kinds)))
    v.check("readiness went DOWN while PostgreSQL was down", down_at is not None and down_at <= t_back)
    v.check("readiness UP within 5 s after PostgreSQL was back", up_at is not None and up_at - t_back <= 5.0,
            rel(up_at, t_back))
    v.check("writes succeed again after the restart", len(after_back) > 0, f"{len(after_back)}")
    v.check("every write answered 201 is in the database", found == len(ids) == len(set(ids)) and None not in ids,
            f"{found} of {len(ids)}")
    v.finish()


# --------------------------------------------------------------------------------------------------------------
# SIGTERM under load


def sigterm(args):
    pid, expected = args.pid, args.rows
    stop, lock = threading.Event(), threading.Lock()
    exports, lists, probes, ready = [], [], [], []

    def slow_reader(r):
        """A client on a slow link: reads the export at about args.rate bytes/s, so it stays in flight."""
        chunks, size, started = [], 0, time.monotonic()
        while True:
            chunk = r.read(16384)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            ahead = size / args.rate - (time.monotonic() - started)
            if ahead > 0:
                time.sleep(ahead)
        return b"".join(chunks)

    def export():
        a = Client(timeout=60).request("GET", "/api/v1/exports/incidents?format=ndjson", read=slow_reader,
                                       headers={"Accept": "application/x-ndjson"})
        with lock:
            exports.append(a)

    def lister():
        client = Client(timeout=30)

        def one():
            a = client.request("GET", "/api/v1/incidents?limit=100")
            with lock:
                lists.append(a)
            time.sleep(0.05)
        return one

    def prober():
        """A new connection every 100 ms: when does the listener close?"""
        client = Client(timeout=5)
        while not stop.is_set():
            a = client.request("GET", "/q/health/live", auth=False, new_connection=True)
            client.close()
            probes.append(a)
            time.sleep(0.1)

    # One export at full speed first: its size sets the slow clients' rate (each then lasts about args.last s).
    first = Client(timeout=60).request("GET", "/api/v1/exports/incidents?format=ndjson",
                                       headers={"Accept": "application/x-ndjson"})
    assert first.status == 200, (first.status, first.body[:300])
    args.rate = max(64 * 1024, int(len(first.body) / args.last))
    threads = [threading.Thread(target=export, daemon=True) for _ in range(args.exports)]
    for t in threads:
        t.start()
    threads += [loop(stop, lister()) for _ in range(2)]
    threads.append(poll_readiness(stop, ready, every=0.05))
    threads.append(threading.Thread(target=prober, daemon=True))
    threads[-1].start()
    time.sleep(args.before)
    t_sig = now()
    os.kill(pid, signal.SIGTERM)
    t_exit = None
    while t_exit is None and now() - t_sig < 60:
        try:
            os.kill(pid, 0)
            time.sleep(0.02)
        except ProcessLookupError:
            t_exit = now()
    time.sleep(0.5)
    stop.set()
    for t in threads:
        t.join(65)

    down_at = next((t for t, ok in ready if t >= t_sig and not ok), None)
    closed_at = next((a.start for a in probes if a.start >= t_sig and a.error and a.kind() == "refused"), None)
    served_after_close = [a for a in probes if closed_at is not None and a.start > closed_at and a.status is not None]
    lines = [len(a.body.splitlines()) if a.body else 0 for a in exports]
    inflight = [a for a in exports if a.start < t_sig]
    list_before = [a for a in lists if a.start < t_sig]
    delay_end = t_sig + args.delay
    during_delay = [a for a in lists if t_sig <= a.start < delay_end - 0.2]
    after_delay = [a for a in lists if delay_end + 0.2 <= a.start]

    def count(answers):
        kinds = {}
        for a in answers:
            kinds[a.kind()] = kinds.get(a.kind(), 0) + 1
        return ", ".join(f"{k} x{v}" for k, v in sorted(kinds.items())) or "none"

    def rel(t):
        return "-" if t is None else f"{t - t_sig:+.2f} s"

    table("SIGTERM under load", [
        ("export at full speed", f"{len(first.body) / 1e6:.1f} MB, {first.ms / 1000:.2f} s"),
        ("in-flight exports at SIGTERM", f"{len(inflight)} (NDJSON, read at {args.rate // 1000} kB/s)"),
        ("exports: answers", count(exports)),
        ("exports: lines read / expected", ", ".join(str(n) for n in lines) + f" / {expected}"),
        ("exports: started, finished", ", ".join(f"{rel(a.start)}..{rel(a.end)}" for a in exports)),
        ("lists started before SIGTERM", count(list_before)),
        ("lists started during the delay", count(during_delay)),
        ("lists started after the delay", count(after_delay) + " (new connections at the close: refused or reset)"),
        ("readiness DOWN", rel(down_at)),
        ("shutdown delay (configured)", f"{args.delay:.1f} s"),
        ("listener closed (first refused)", rel(closed_at)),
        ("new connections served after close", len(served_after_close)),
        ("process exited", rel(t_exit)),
    ])
    v = Verdict()
    v.check("every in-flight export completed with 200 and every line",
            len(inflight) == args.exports and all(a.status == 200 and n == expected for a, n in zip(exports, lines)),
            ", ".join(f"{a.kind()}/{n}" for a, n in zip(exports, lines)))
    v.check("no list request sent before SIGTERM failed", all(a.status == 200 for a in list_before),
            count(list_before))
    v.check("requests sent during the delay are served", during_delay and all(a.status == 200 for a in during_delay),
            count(during_delay))
    v.check("readiness DOWN within 1 s of SIGTERM", down_at is not None and down_at - t_sig <= 1.0, rel(down_at))
    v.check("readiness DOWN before the listener closed", down_at is not None and closed_at is not None
            and down_at < closed_at, f"{rel(down_at)} < {rel(closed_at)}")
    # Not checked: whether the listener closed before the exports' last bytes reached their slow readers. The kernel's
    # socket buffers (several MB on loopback) hold the tail of an export the service has already written, so a client
    # cannot see when the service finished; what it can see, every line of every export, is checked above.
    v.check("new connections after close are refused", closed_at is not None and not served_after_close)
    v.check("the process exited within delay + timeout", t_exit is not None, rel(t_exit))
    v.finish()


# --------------------------------------------------------------------------------------------------------------
# A stalled database: the incident table held under an exclusive lock


def stall(args):
    client = Client()
    ids = [client.request("POST", "/api/v1/incidents", incident_body(f"Sengketa lahan {i}")).json()["id"]
           for i in range(4)]
    stop, lock = threading.Event(), threading.Lock()
    hit, other = [], []

    def baseline(n=20):
        client, out = Client(), []
        for i in range(n):
            out.append(client.request("GET", "/api/v1/agencies?limit=10"))
            out.append(client.request("GET", "/q/health/live", auth=False))
        return out

    base = baseline()
    holder = subprocess.Popen(os.environ["PSQL"] + " -At", shell=True, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    holder.stdin.write("begin;\nlock table incident in access exclusive mode;\nselect 'locked';\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "locked"
    t_lock = now()

    def incident_user(i):
        client = Client(timeout=30)

        def one():
            if i % 2:
                a = client.request("POST", "/api/v1/incidents", incident_body("Uji macet " + uuid.uuid4().hex[:8]))
            else:
                a = client.request("GET", "/api/v1/incidents/" + ids[i % len(ids)])
            with lock:
                hit.append(a)
        return one

    def bystander():
        client = Client(timeout=30)

        def one():
            for path, auth in (("/api/v1/agencies?limit=10", True), ("/q/health/live", False)):
                a = client.request("GET", path, auth=auth)
                with lock:
                    other.append(a)
            time.sleep(0.1)
        return one

    threads = [loop(stop, incident_user(i)) for i in range(args.users)] + [loop(stop, bystander())]
    time.sleep(args.stall)
    t_release = now()
    holder.stdin.write("commit;\n")
    holder.stdin.close()
    holder.wait(10)
    time.sleep(args.after)
    stop.set()
    for t in threads:
        t.join(40)
    # the service's own scheduled work (webhook polling, sweeps) may hold a session for a moment: a session stuck
    # busy or in a transaction stays so, so the pool must be seen idle once within 2 s, in one reading of both
    for _ in range(10):
        reading = psql("select coalesce(string_agg(state || ' ' || n, ', ' order by state), 'none') || '|' || "
                       "coalesce(sum(n) filter (where state <> 'idle'), 0) from ("
                       "select state, count(*) n from pg_stat_activity where datname = current_database() "
                       "and backend_type = 'client backend' and pid <> pg_backend_pid() group by state) x")
        sessions, busy = reading.rsplit('|', 1)[0], int(reading.rsplit('|', 1)[1])
        if busy == 0:
            break
        time.sleep(0.2)

    stalled = [a for a in hit if a.end < t_release]
    answered_at_release = [a for a in hit if a.start < t_release <= a.end]
    after = [a for a in hit if a.start >= t_release]
    first_ok = min((a.end for a in hit if a.end >= t_release and a.status in (200, 201)), default=None)
    during_other = [a for a in other if t_lock <= a.start and a.end <= t_release]
    worst = max((a.end for a in hit), default=0) - t_release

    def lat(answers, path):
        ms = [a.ms for a in answers if a.path.startswith(path) and a.status == 200]
        return f"p50 {pct(ms, 0.5):.1f} ms, max {max(ms, default=float('nan')):.1f} ms ({len(ms)} answers)"

    def count(answers):
        kinds = {}
        for a in answers:
            key = a.kind() + (" problem+json, Retry-After" if problem_ok(a) else "")
            kinds[key] = kinds.get(key, 0) + 1
        return ", ".join(f"{k} x{v}" for k, v in sorted(kinds.items())) or "none"

    to503 = [a.ms for a in stalled if a.status == 503]
    table("A stalled database: incident locked (ACCESS EXCLUSIVE) for %.0f s" % args.stall, [
        ("clients of the locked table", f"{args.users} (half POST, half GET by id)"),
        ("their answers during the stall", count(stalled)),
        ("time to the 503", f"min {min(to503, default=float('nan')) / 1000:.2f} s, p50 {pct(to503, 0.5) / 1000:.2f} s, "
                            f"max {max(to503, default=float('nan')) / 1000:.2f} s"),
        ("agencies before the stall", lat(base, "/api/v1/agencies")),
        ("agencies during the stall", lat(during_other, "/api/v1/agencies")),
        ("liveness before the stall", lat(base, "/q/health/live")),
        ("liveness during the stall", lat(during_other, "/q/health/live")),
        ("bystanders failing during the stall", sum(1 for a in during_other if a.status != 200)),
        ("waiting when the lock was released", count(answered_at_release)),
        ("first 2xx after the release", "-" if first_ok is None else f"{(first_ok - t_release) * 1000:.0f} ms"),
        ("requests sent after the release", count(after)),
        ("last answer, from the release", f"{worst:.2f} s"),
        ("the service's sessions afterwards", sessions),
    ])
    v = Verdict()
    v.check("every request of the locked table was answered 503 problem+json with Retry-After",
            stalled and all(problem_ok(a) for a in stalled), count(stalled))
    v.check(f"within {args.bound:.0f} s", to503 and max(to503) <= args.bound * 1000,
            f"max {max(to503, default=0) / 1000:.2f} s")
    v.check("other endpoints kept answering 200 within 1 s", during_other
            and all(a.status == 200 and a.ms < 1000 for a in during_other),
            f"max {max((a.ms for a in during_other), default=0):.0f} ms")
    v.check("after the release every request succeeds", after and all(a.status in (200, 201) for a in after),
            count(after))
    v.check("first success within 1 s of the release", first_ok is not None and first_ok - t_release <= 1.0)
    v.check("nothing hangs: every request answered", all(a.status is not None for a in hit + other))
    v.check("the pool is idle again: no session of the service busy or in a transaction", busy == 0, sessions)
    v.finish()


# --------------------------------------------------------------------------------------------------------------
# Webhook receivers that hang or fail


class Receivers:
    """Three receivers in one process: one that answers 204, one that answers 500, one that accepts and never
    answers (its connections are held open until the process ends)."""

    @staticmethod
    def serve(args):
        counts = {"ok": 0, "fail": 0, "hang": 0}
        held = []

        def handler(code, key):
            class H(http.server.BaseHTTPRequestHandler):
                protocol_version = "HTTP/1.1"

                def do_POST(self):
                    self.rfile.read(int(self.headers.get("Content-Length", 0)))
                    counts[key] += 1
                    self.send_response(code)
                    self.send_header("Content-Length", "0")
                    self.end_headers()

                def log_message(self, *a):
                    pass
            return H

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True
            request_queue_size = 256

        for port, code, key in ((args.ok_port, 204, "ok"), (args.fail_port, 500, "fail")):
            s = Server(("127.0.0.1", port), handler(code, key))
            threading.Thread(target=s.serve_forever, daemon=True).start()
        hang = socket.socket()
        hang.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        hang.bind(("127.0.0.1", args.hang_port))
        hang.listen(1024)

        def accept():
            while True:
                c, _ = hang.accept()
                counts["hang"] += 1
                held.append(c)
        threading.Thread(target=accept, daemon=True).start()
        print("listening", flush=True)

        def report(*_):
            print(json.dumps(counts), flush=True)
            sys.exit(0)
        signal.signal(signal.SIGTERM, report)
        while True:
            time.sleep(1)


def webhooks(args):
    ports = [int(p) for p in args.ports.split(",")]
    receivers = subprocess.Popen([sys.executable, __file__, "receivers", "--ok-port", str(ports[0]),
                                  "--fail-port", str(ports[1]), "--hang-port", str(ports[2])],
                                 stdout=subprocess.PIPE, text=True)
    assert receivers.stdout.readline().strip() == "listening"
    admin = Client()

    def subscribe(port):
        a = admin.request("POST", "/api/v1/webhooks", {"url": f"http://127.0.0.1:{port}/hook",
                                                       "eventTypes": ["incident"], "maxClassification": "PUBLIC"})
        assert a.status == 201, (a.status, a.body)
        return a.json()["id"]

    def unsubscribe(sid):
        etag = admin.request("GET", "/api/v1/webhooks/" + sid).headers["etag"]
        a = admin.request("DELETE", "/api/v1/webhooks/" + sid, headers={"If-Match": etag})
        assert a.status == 204, (a.status, a.body)

    def measure(seconds):
        stop, lock = threading.Event(), threading.Lock()
        writes, reads = [], []

        def user():
            client, mine = Client(timeout=30), []

            def one():
                w = client.request("POST", "/api/v1/incidents", incident_body("Uji webhook " + uuid.uuid4().hex[:8]))
                if w.status == 201:
                    mine.append(w.json()["id"])
                r = client.request("GET", "/api/v1/incidents/" + mine[-1]) if mine else None
                with lock:
                    writes.append(w)
                    if r:
                        reads.append(r)
            return one
        threads = [loop(stop, user()) for _ in range(args.users)]
        start = now()
        time.sleep(seconds)
        stop.set()
        for t in threads:
            t.join(40)
        elapsed = now() - start
        ok_w = [a.ms for a in writes if a.status == 201]
        ok_r = [a.ms for a in reads if a.status == 200]
        return {"rps": (len(ok_w) + len(ok_r)) / elapsed, "w50": pct(ok_w, 0.5), "w95": pct(ok_w, 0.95),
                "r50": pct(ok_r, 0.5), "r95": pct(ok_r, 0.95),
                "errors": sum(1 for a in writes if a.status != 201) + sum(1 for a in reads if a.status != 200)}

    def attempts_of(subs, into):
        rows = psql("select coalesce(a.error, 'HTTP ' || a.status_code), count(*) from webhook_attempt a "
                    "join webhook_delivery d on d.id = a.delivery_id where d.subscription_id in ("
                    + ", ".join(f"'{sid}'" for sid in subs) + ") group by 1")
        for line in filter(None, rows.splitlines()):
            kind, n = line.rsplit("|", 1)
            into[kind] = into.get(kind, 0) + int(n)

    measure(args.warmup)
    phases, attempts = {"healthy": [], "bad": []}, {"healthy": {}, "bad": {}}
    # The two kinds of receiver take turns in short phases, so that a drift of the machine's speed (other builds
    # share it) weighs on both alike; each figure is the median over the rounds, each ratio the median of the
    # rounds' ratios.
    for _ in range(args.rounds):
        for name, wanted in (("healthy", [ports[0], ports[0]]), ("bad", [ports[1], ports[2]])):
            subs = [subscribe(p) for p in wanted]
            time.sleep(0.5)
            phases[name].append(measure(args.seconds))
            attempts_of(subs, attempts[name])
            for sid in subs:
                unsubscribe(sid)
    receivers.send_signal(signal.SIGTERM)
    seen = json.loads(receivers.stdout.readline())
    receivers.wait(10)

    keys = ("rps", "w50", "w95", "r50", "r95")
    ratio = {k: pct([mb[k] / mh[k] for mh, mb in zip(phases["healthy"], phases["bad"])], 0.5) for k in keys}
    per_round = [f"{mb['rps'] / mh['rps']:.2f}/{mb['w50'] / mh['w50']:.2f}/{mb['r50'] / mh['r50']:.2f}"
                 for mh, mb in zip(phases["healthy"], phases["bad"])]
    h = {k: pct([m[k] for m in phases["healthy"]], 0.5) for k in keys}
    b = {k: pct([m[k] for m in phases["bad"]], 0.5) for k in keys}
    h["errors"] = sum(m["errors"] for m in phases["healthy"])
    b["errors"] = sum(m["errors"] for m in phases["bad"])
    phases = {"healthy": h, "bad": b}
    print("\nWebhook receivers that hang or fail, against healthy ones "
          f"({args.users} clients, each a POST then a GET by id; {args.seconds:.0f} s per phase, "
          f"{args.rounds} rounds, medians)")
    print(f"  {'':<34}{'requests/s':>11}{'write p50':>11}{'write p95':>11}{'read p50':>10}{'read p95':>10}{'errors':>8}")
    for name, label in (("healthy", "2 receivers answering 204"), ("bad", "1 hanging + 1 answering 500")):
        m = phases[name]
        print(f"  {label:<34}{m['rps']:>11.0f}{m['w50']:>8.1f} ms{m['w95']:>8.1f} ms{m['r50']:>7.1f} ms"
              f"{m['r95']:>7.1f} ms{m['errors']:>8}")
    print(f"  {'ratio (median of the rounds)':<34}{ratio['rps']:>11.2f}{ratio['w50']:>11.2f}{ratio['w95']:>11.2f}"
          f"{ratio['r50']:>10.2f}{ratio['r95']:>10.2f}")
    table("Rounds and deliveries", [("ratios per round (rps/w50/r50)", ", ".join(per_round)),
                         ("receivers saw", f"204: {seen['ok']}, 500: {seen['fail']}, hanging: {seen['hang']} connections"),
                         ("attempts to the healthy ones", ", ".join(f"{k} x{v}" for k, v in sorted(attempts["healthy"].items()))),
                         ("attempts to the bad ones", ", ".join(f"{k} x{v}" for k, v in sorted(attempts["bad"].items())))])
    v = Verdict()
    v.check("the bad receivers were really called", seen["fail"] > 0 and seen["hang"] > 0)
    v.check(f"throughput within {args.tolerance:.0%}", ratio["rps"] >= 1 - args.tolerance, f"{ratio['rps']:.2f}")
    v.check(f"write p50 within {args.tolerance:.0%}", ratio["w50"] <= 1 + args.tolerance, f"{ratio['w50']:.2f}")
    v.check(f"read p50 within {args.tolerance:.0%}", ratio["r50"] <= 1 + args.tolerance, f"{ratio['r50']:.2f}")
    v.check("no request failed", h["errors"] == 0 and b["errors"] == 0)
    v.finish()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="scenario", required=True)
    p = sub.add_parser("restart")
    p.add_argument("--writers", type=int, default=8)
    p.add_argument("--before", type=float, default=6)
    p.add_argument("--down", type=float, default=3)
    p.add_argument("--after", type=float, default=8)
    p = sub.add_parser("sigterm")
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--exports", type=int, default=3)
    p.add_argument("--last", type=float, default=8, help="seconds each slow export lasts")
    p.add_argument("--delay", type=float, default=5)
    p.add_argument("--before", type=float, default=1)
    p = sub.add_parser("stall")
    p.add_argument("--users", type=int, default=8)
    p.add_argument("--stall", type=float, default=8)
    p.add_argument("--after", type=float, default=3)
    p.add_argument("--bound", type=float, default=5)
    p = sub.add_parser("webhooks")
    p.add_argument("--ports", required=True)
    p.add_argument("--users", type=int, default=8)
    p.add_argument("--warmup", type=float, default=10)
    p.add_argument("--seconds", type=float, default=4)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--tolerance", type=float, default=0.2)
    p = sub.add_parser("receivers")
    p.add_argument("--ok-port", type=int, required=True)
    p.add_argument("--fail-port", type=int, required=True)
    p.add_argument("--hang-port", type=int, required=True)
    args = parser.parse_args()
    {"restart": restart, "sigterm": sigterm, "stall": stall, "webhooks": webhooks,
     "receivers": Receivers.serve}[args.scenario](args)


if __name__ == "__main__":
    main()
