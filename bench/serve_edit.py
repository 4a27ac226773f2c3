#!/usr/bin/env python3
"""Times how long `mizan serve` takes to have an edited article live: starts
the server on a generated workspace (its first build into a fresh folder),
then REPEAT times inserts a new word into the first article of one English
statute and polls that article's page over HTTP until the word is there.
The server updates the site in place after such an edit, writing the
search shard that holds the article before its pages (a full build swaps
the whole site in), so the page being live means its search entry is too.

Usage: bench/serve_edit.py MIZAN WORKSPACE REPEAT [OUT]
Prints: first-build-seconds median-ms min-ms max-ms. The statute is put
back as it was at the end. Traffic goes to 127.0.0.1 only. The site goes
to OUT, which must not exist, and is left there (bench/run deletes it at
its end: deleting a big tree on a file system without a journal slows the
files created after it); without OUT, to a temporary folder deleted at the
end."""
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

mizan, ws, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
keep = sys.argv[4] if len(sys.argv) > 4 else None
statute = sorted(p for p in glob.glob(os.path.join(ws, "corpus", "*", "*.en.md")))[0]
original = open(statute, encoding="utf-8").read()
slug = os.path.basename(statute)[: -len(".en.md")]
# The first article heading after the front matter, and its eId.
body_at = original.index("\n---", 4)
heading = re.compile(r"^#+ (?:Art\.|Article) (\d+)[ \t]*$", re.M).search(original, body_at)
eid = "art_" + heading.group(1)
if keep:
    out = keep
else:
    out = tempfile.mkdtemp(prefix="mizan-serve-bench-")
    shutil.rmtree(out)

started = time.monotonic()
server = subprocess.Popen(
    [mizan, "--workspace", ws, "serve", "--port", "0", "--out", out],
    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    address = None
    for line in server.stdout:
        m = re.search(r"serving (http://\S+)/", line)
        if m:
            address = m.group(1)
            break
    if not address:
        sys.exit("bench/serve_edit.py: the server did not start")
    first = time.monotonic() - started
    url = f"{address}/en/works/{slug}/{eid}/"

    def page():
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return r.read().decode("utf-8")
        except OSError:
            return ""

    if not page():
        sys.exit(f"bench/serve_edit.py: {url} is not served")
    times = []
    for i in range(repeat):
        word = f"benchmarkedit{i}x{os.getpid()}"
        end = original.index("\n\n", original.index("\n", heading.end()) + 1)
        text = original[:end] + f" {word}" + original[end:]
        t0 = time.monotonic()
        with open(statute, "w", encoding="utf-8") as f:
            f.write(text)
        while word not in page():
            if time.monotonic() - t0 > 300:
                sys.exit("bench/serve_edit.py: the edit did not appear within 300 s")
            time.sleep(0.01)
        times.append(1000 * (time.monotonic() - t0))
    print(f"{first:.1f} {statistics.median(times):.0f} {min(times):.0f} {max(times):.0f}")
finally:
    with open(statute, "w", encoding="utf-8") as f:
        f.write(original)
    server.terminate()
    server.wait(timeout=30)
    if not keep:
        shutil.rmtree(out, ignore_errors=True)
