#!/usr/bin/env python3
"""Bounded load test of `mizan serve` on the loopback interface.

Starts `mizan serve --port 0` on the book's example workspace, opens
SLOW slowloris connections (each sends one header line every 3 s and
never finishes its head), then runs CLIENTS concurrent clients that each
make REQUESTS requests for real pages, and reports latencies. Bounded:
every request has a 10 s timeout, the whole run stops after DEADLINE
seconds, and the server is killed at the end. Traffic goes to 127.0.0.1
only.

Usage: bench/serve_load.py [path/to/mizan] (default target/release/mizan,
else target/debug/mizan). Exit 1 if any good request failed or took 1 s
or more.
"""
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

CLIENTS, REQUESTS, SLOW, DEADLINE = 200, 5, 40, 120
PATHS = ["/en/", "/ar/", "/assets/site.css", "/en/works/act-2013-91/index.html"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    for profile in ("release", "debug"):
        p = os.path.join(ROOT, "target", profile, "mizan")
        if os.path.exists(p):
            return p
    sys.exit("build mizan first (cargo build --release)")


def request(addr, path):
    start = time.monotonic()
    with socket.create_connection(addr, timeout=10) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    return time.monotonic() - start, data.split(b" ", 2)[1] if data else b"none"


def slowloris(addr, stop):
    try:
        s = socket.create_connection(addr, timeout=10)
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        n = 0
        while not stop.is_set():
            stop.wait(3)
            s.sendall(f"X-Slow-{n}: 1\r\n".encode())
            n += 1
    except OSError:
        pass  # cut off by the server's head timeout, as it should be


def main():
    exe = binary()
    out = tempfile.mkdtemp(prefix="mizan-load-")
    server = subprocess.Popen(
        [exe, "--workspace", os.path.join(ROOT, "book/src/examples/workspace"),
         "serve", "--port", "0", "--out", os.path.join(out, "site")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        addr = None
        for line in server.stdout:
            if line.startswith("serving http://"):
                host, port = line.split("//")[1].split("/")[0].rsplit(":", 1)
                addr = (host, int(port))
                break
        if addr is None or not addr[0].startswith("127."):
            sys.exit("serve did not start on the loopback interface")
        stop = threading.Event()
        slow = [threading.Thread(target=slowloris, args=(addr, stop), daemon=True)
                for _ in range(SLOW)]
        for t in slow:
            t.start()
        time.sleep(1)
        times, failures, lock = [], [], threading.Lock()
        end_by = time.monotonic() + DEADLINE

        def client(i):
            for k in range(REQUESTS):
                if time.monotonic() > end_by:
                    return
                path = PATHS[(i + k) % len(PATHS)]
                try:
                    t, status = request(addr, path)
                    with lock:
                        times.append(t)
                        if status != b"200":
                            failures.append(f"{path}: {status!r}")
                except OSError as e:
                    with lock:
                        failures.append(f"{path}: {e}")

        started = time.monotonic()
        clients = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
        for t in clients:
            t.start()
        for t in clients:
            t.join(timeout=max(0, end_by - time.monotonic()) + 15)
        wall = time.monotonic() - started
        stop.set()
        times.sort()
        n = len(times)
        pct = lambda q: times[min(n - 1, int(q * n))] * 1000 if n else float("nan")
        print(f"{CLIENTS} clients x {REQUESTS} requests with {SLOW} slowloris connections open")
        print(f"answered: {n}, failed: {len(failures)}, wall: {wall:.2f} s, "
              f"throughput: {n / wall:.0f} requests/s")
        print(f"latency ms: p50 {pct(0.50):.1f}, p90 {pct(0.90):.1f}, "
              f"p99 {pct(0.99):.1f}, max {pct(1.0):.1f}")
        for f in failures[:10]:
            print("failure:", f)
        slow_ones = sum(1 for t in times if t >= 1.0)
        if failures or slow_ones or n < CLIENTS * REQUESTS:
            print(f"FAIL: {slow_ones} request(s) took 1 s or more")
            return 1
        print("ok: every good request answered in under 1 s")
        return 0
    finally:
        server.kill()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
