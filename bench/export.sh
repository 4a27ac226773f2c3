#!/usr/bin/env bash
# Times `mizan export akn` and `mizan export ndjson` on generated workspaces,
# against `cp -r` of the same workspace (the I/O floor: reading every source
# file and writing as many bytes), and reports output size and peak memory.
# Usage: bench/export.sh [SIZES...] (article counts per language; default
# 10000 100000). Appends a Markdown table to $RESULTS (default: stdout).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
work=bench/work
mkdir -p "$work"
need=(); command -v hyperfine >/dev/null || need+=(hyperfine); [ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi
cargo build --release --locked --quiet --workspace --bins
mizan=target/release/mizan
out=${RESULTS:-/dev/stdout}
{
  echo "### export"
  echo
  echo "| articles | documents | export akn (median) | AKN MB | export ndjson (median) | NDJSON MB | cp -r (median) | peak RSS (akn) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
} >>"$out"
for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  [ -d "$ws" ] || target/release/mizan-generate --articles "$n" --out "$ws" >/dev/null
  json="$work/export-$n.json"
  akn="$work/export-akn-$n"
  nd="$work/export-$n.ndjson"
  copy="$work/export-copy-$n"
  hyperfine --warmup 1 --runs 5 --export-json "$json" \
    "$mizan --workspace $ws export akn --out $akn" \
    "$mizan --workspace $ws export ndjson --out $nd" >/dev/null
  hyperfine --warmup 1 --runs 5 --export-json "$json.cp" \
    --prepare "rm -rf $copy" "cp -r $ws $copy" >/dev/null
  read -r t_akn t_nd t_cp < <(python3 - "$json" "$json.cp" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
c = json.load(open(sys.argv[2]))["results"]
print(r[0]["median"], r[1]["median"], c[0]["median"])
PY
)
  docs=$(find "$akn" -name main.xml | wc -l)
  akn_mb=$(du -sm "$akn" | cut -f1)
  nd_mb=$(du -sm "$nd" | cut -f1)
  rss=$( { /usr/bin/time -v "$mizan" --workspace "$ws" export akn --out "$akn" >/dev/null; } 2>&1 | awk '/Maximum resident/ {print $6}')
  python3 - "$n" "$docs" "$t_akn" "$akn_mb" "$t_nd" "$nd_mb" "$t_cp" "$rss" >>"$out" <<'PY'
import sys
n, docs, ta, amb, tn, nmb, tc, rss = sys.argv[1:]
ms = lambda t: f"{float(t)*1000:.0f} ms"
print(f"| {int(n):,} | {docs} | {ms(ta)} | {amb} | {ms(tn)} | {nmb} | {ms(tc)} | {int(rss)/1024:.0f} MB |")
PY
  rm -rf "$copy"
done
echo >>"$out"
