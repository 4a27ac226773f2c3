"""Runs a `mizan ... --format json` command, samples its resident memory
every 0.2 s from /proc, and prints the peak of each step of the build (the
steps and their seconds come from the command's own JSON report; the time
before the first step is the load). Used by bench/site_archive.sh.

    python3 bench/rss_steps.py OUT.json -- MIZAN ARGS...

Writes the command's JSON to OUT.json and one line to stdout:
`load=MB model=MB pages=MB ... peak=MB seconds=S`.
"""
import json
import subprocess
import sys
import time


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main():
    out, sep, *cmd = sys.argv[1:]
    assert sep == "--", "usage: rss_steps.py OUT.json -- COMMAND..."
    samples = []
    start = time.monotonic()
    with open(out, "wb") as stdout:
        proc = subprocess.Popen(cmd, stdout=stdout)
        while proc.poll() is None:
            mb = rss_mb(proc.pid)
            # Zero: the process is still being started.
            if mb:
                samples.append((time.monotonic() - start, mb))
            time.sleep(0.2)
    total = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(f"rss_steps.py: {cmd[0]} exited with {proc.returncode}")
    timings = json.load(open(out))["timings"]
    # The steps run one after another at the end of the run; what comes
    # before the first is loading the workspace.
    steps = [("load", total - sum(t["seconds"] for t in timings))]
    steps += [(t["step"], t["seconds"]) for t in timings]
    parts, at = [], 0.0
    for name, secs in steps:
        inside = [mb for t, mb in samples if at <= t < at + secs]
        if inside:
            parts.append(f"{name}={max(inside):.0f}")
        at += secs
    peak = max((mb for _, mb in samples), default=0)
    print(" ".join(parts) + f" peak={peak:.0f} seconds={total:.2f}")


main()
