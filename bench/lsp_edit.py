#!/usr/bin/env python3
"""Times `mizan lsp` as an editor uses it (bench/lsp.sh runs this).

Starts the server on a workspace, initializes it (the first full load),
opens one statute file, then makes one-line edits and times each from the
moment the edit is sent to the moment the file's diagnostics arrive. Every
other edit gives the first article the second one's heading (a duplicate
article, an error), the next one mends it, so each edit changes what is
published. Prints: first load in ms, then the median,
minimum and maximum edit latency in ms.

Usage: lsp_edit.py MIZAN WORKSPACE STATUTE_FILE [EDITS]
"""
import json
import re
import os
import statistics
import subprocess
import sys
import time


def send(proc, message):
    body = json.dumps(message).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("the server closed its output")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def wait(proc, predicate):
    while True:
        m = receive(proc)
        if predicate(m):
            return m


def main():
    mizan, workspace, statute = sys.argv[1:4]
    edits = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    workspace = os.path.realpath(workspace)
    path = os.path.realpath(os.path.join(workspace, statute))
    uri = "file://" + path
    text = open(path, encoding="utf-8").read()
    proc = subprocess.Popen(
        [mizan, "--workspace", workspace, "lsp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    start = time.perf_counter()
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    wait(proc, lambda m: m.get("id") == 1)
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    # The first load ends with a reply to any request.
    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol",
                "params": {"textDocument": {"uri": uri}}})
    wait(proc, lambda m: m.get("id") == 2)
    first = (time.perf_counter() - start) * 1000
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    # The broken text gives the first article the heading of the second
    # (a duplicate article, an error); the mended text is the file's own.
    heads = [m for m in re.finditer(r"(?m)^#{1,6} Art(?:icle|\.)? .*$", text)][:2]
    (first_heading, first_end), (second_heading, second_end) = (m.span() for m in heads)
    broken = text[:first_heading] + text[second_heading:second_end] + text[first_end:]
    times = []
    for i in range(edits):
        new = broken if i % 2 == 0 else text
        t0 = time.perf_counter()
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": i + 2},
            "contentChanges": [{"text": new}]}})
        wait(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics"
             and m["params"]["uri"] == uri)
        times.append((time.perf_counter() - t0) * 1000)
    send(proc, {"jsonrpc": "2.0", "id": 3, "method": "shutdown", "params": None})
    wait(proc, lambda m: m.get("id") == 3)
    send(proc, {"jsonrpc": "2.0", "method": "exit", "params": None})
    proc.wait()
    print("%.0f %.1f %.1f %.1f" % (first, statistics.median(times), min(times), max(times)))


if __name__ == "__main__":
    main()
