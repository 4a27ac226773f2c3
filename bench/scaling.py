"""Reads the tables bench/run has written so far and prints how each
measure grows with the number of articles: the exponent k in
time ~ articles^k between two sizes (1.00 is linear; under 1, better than
linear; over 1, worse). Only tables whose first column is `articles` and
columns given in ms, s or MB are read (`articles` or `articles per
language`: the same sizes). Used by bench/run only."""
import math
import re
import sys

UNIT = re.compile(r"^([0-9][0-9,]*(?:\.[0-9]+)?) (ms|s|MB)$")
SCALE = {"ms": 0.001, "s": 1.0, "MB": 1.0}


def tables(lines):
    stage, i = None, 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("### "):
            stage = line[4:].strip()
        if line.startswith("| articles") and i + 1 < len(lines) and lines[i + 1].startswith("|-"):
            head = [c.strip() for c in line.strip().strip("|").split("|")]
            rows, i = [], i + 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            yield stage, head, rows
            continue
        i += 1


def main(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    out = []
    for stage, head, rows in tables(lines):
        sizes = []
        for r in rows:
            try:
                sizes.append(int(r[0].replace(",", "")))
            except ValueError:
                sizes.append(None)
        for col, name in enumerate(head[1:], start=1):
            values = []
            for n, r in zip(sizes, rows):
                m = UNIT.match(r[col]) if col < len(r) else None
                if n and m:
                    values.append((n, float(m.group(1).replace(",", "")) * SCALE[m.group(2)]))
            if len(values) < 2:
                continue
            steps = []
            for (n0, v0), (n1, v1) in zip(values, values[1:]):
                if v0 > 0 and v1 > 0 and n1 > n0:
                    k = math.log(v1 / v0) / math.log(n1 / n0)
                    steps.append(f"{n0 // 1000:,}k to {n1 // 1000:,}k: {k:.2f}")
            if steps:
                out.append(f"| {stage} | {name} | {'; '.join(steps)} |")
    if not out:
        return
    print("### scaling")
    print()
    print("How each measure grows with the articles: the exponent k in")
    print("measure ~ articles^k between two sizes (1.00 is linear, under 1 better")
    print("than linear). Fixed costs (process start, loading the binary) make small")
    print("sizes look better than linear; the Limits chapter of the book explains")
    print("any stage over 1.")
    print()
    print("| stage | measure | exponent |")
    print("|---|---|---|")
    print("\n".join(out))
    print()


if __name__ == "__main__":
    main(sys.argv[1])
