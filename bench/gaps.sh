#!/usr/bin/env bash
# Times `mizan gaps --format json` (plain and with every pending amendment
# applied) on generated workspaces, against `mizan check` on the same
# workspace: the difference is the gap analysis after loading, whose target
# is under 200 ms at 100,000 articles and 5,000 provisions. The in-memory
# benchmark of the analysis alone is `cargo bench --bench gaps`.
# Usage: bench/gaps.sh [SIZES...] (article counts per language; default
# 10000 100000). Appends a Markdown table to $RESULTS (default: stdout).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
work=bench/work
mkdir -p "$work"
if ! command -v hyperfine >/dev/null; then apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; fi
cargo build --release --locked --quiet --bin mizan --example generate
mizan=target/release/mizan
out=${RESULTS:-/dev/stdout}
{
  echo "### gaps"
  echo
  echo "| articles | provisions | mizan check | gaps --format json | gaps --with all-pending --format json | analysis after load |"
  echo "|---:|---:|---:|---:|---:|---:|"
} >>"$out"
for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  [ -d "$ws" ] || target/release/examples/generate --articles "$n" --out "$ws" >/dev/null
  provisions=$(grep -h '^  - id:' "$ws"/standards/*.yaml | wc -l)
  json="$work/gaps-$n.json"
  hyperfine --warmup 2 --runs 10 --export-json "$json" \
    "$mizan --workspace $ws check" \
    "$mizan --workspace $ws gaps --format json" \
    "$mizan --workspace $ws gaps --with all-pending --format json" >/dev/null
  python3 - "$json" "$n" "$provisions" >>"$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
check, gaps, scenario = (x["median"] for x in r)
n, p = int(sys.argv[2]), int(sys.argv[3])
ms = lambda s: f"{s * 1000:.0f} ms"
print(f"| {n:,} | {p:,} | {ms(check)} | {ms(gaps)} | {ms(scenario)} | {ms(max(gaps - check, 0))} to {ms(max(scenario - check, 0))} |")
PY
done
echo >>"$out"
