#!/usr/bin/env python3
"""Offers GET requests at a fixed rate (open loop) and prints latency percentiles in milliseconds.

usage: rate.py URL_FILE RATE SECONDS TOKEN
Each line of URL_FILE is a full URL; they are used round-robin. Latency is measured from the moment a request was
due, so a slow server cannot hide its queueing (no coordinated omission)."""
import http.client
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

urls = [line.strip() for line in open(sys.argv[1]) if line.strip()]
rate, seconds, token = float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
latencies, errors = [], [0]
lock = threading.Lock()
local = threading.local()


def conn(netloc):
    c = getattr(local, "c", None)
    if c is None:
        c = local.c = http.client.HTTPConnection(netloc, timeout=10)
    return c


def fire(url, due):
    parts = urllib.parse.urlsplit(url)
    try:
        c = conn(parts.netloc)
        c.request("GET", parts.path + "?" + parts.query, headers={"Authorization": "Bearer " + token})
        r = c.getresponse()
        r.read()
        ok = r.status == 200
    except Exception:
        local.c = None
        ok = False
    elapsed = (time.perf_counter() - due) * 1000
    with lock:
        if ok:
            latencies.append(elapsed)
        else:
            errors[0] += 1


start = time.perf_counter()
total = int(rate * seconds)
with ThreadPoolExecutor(max_workers=64) as pool:
    for i in range(total):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        pool.submit(fire, urls[i % len(urls)], due)
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else float("nan")
print(f"{len(latencies)} {errors[0]} {pct(0.5):.1f} {pct(0.95):.1f} {pct(0.99):.1f}")
