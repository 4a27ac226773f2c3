#!/usr/bin/env bash
# Times `mizan check` on generated workspaces against `cat` of the same files
# (the I/O floor) and reports peak memory. Usage: bench/check.sh [SIZES...]
# (article counts per language; default 10000 100000). Appends a Markdown
# table to $RESULTS (default: stdout).
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
  echo "### check"
  echo
  echo "| articles | files | MB | mizan check (median) | cat (median) | ratio | peak RSS |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
} >>"$out"
for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  [ -d "$ws" ] || target/release/mizan-generate --articles "$n" --out "$ws" >/dev/null
  files=$(find "$ws/corpus" "$ws/standards" -type f | wc -l)
  mb=$(du -sm "$ws" | cut -f1)
  json="$work/check-$n.json"
  runs=10; [ "$n" -ge 1000000 ] && runs=3
  hyperfine --warmup 1 --runs "$runs" --export-json "$json" \
    "$mizan --workspace $ws check" \
    "find $ws/corpus $ws/standards -type f -exec cat {} + > /dev/null" >/dev/null
  read -r t_check t_cat < <(python3 - "$json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(r[0]["median"], r[1]["median"])
PY
)
  rss=$( { /usr/bin/time -v "$mizan" --workspace "$ws" check >/dev/null; } 2>&1 | awk '/Maximum resident/ {print $6}')
  python3 - "$n" "$files" "$mb" "$t_check" "$t_cat" "$rss" >>"$out" <<'PY'
import sys
n, files, mb, tc, tcat, rss = sys.argv[1:]
tc, tcat = float(tc), float(tcat)
print(f"| {int(n):,} | {files} | {mb} | {tc*1000:.0f} ms | {tcat*1000:.0f} ms | {tc/tcat:.1f}x | {int(rss)/1024:.0f} MB |")
PY
done
echo >>"$out"
