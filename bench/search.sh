#!/usr/bin/env bash
# Times the search index and queries on generated workspaces and compares a
# warm single-term query with ripgrep over the same Markdown files.
# Usage: bench/search.sh [SIZES...] (articles per language; default 100000).
# Appends a Markdown table to $RESULTS (default: stdout).
#
# For each size it reports:
# - index build: `mizan search` on a workspace without an index (load,
#   validate, build every document, index and commit), median of 3;
# - warm query, in process: criterion's median for one query on the open
#   index (benches/search.rs), the figure the 5 ms target is about;
# - warm query, command: `mizan search TERM` end to end (start the process,
#   stat every file to check freshness, open the index, search, print);
# - rg: `rg -iw TERM` over the same corpus/ Markdown files;
# - the ratio rg / mizan for both.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-100000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
term=${MIZAN_BENCH_TERM:-employer}
work=bench/work
mkdir -p "$work"
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v rg >/dev/null || need+=(ripgrep)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
cargo build --release --locked --quiet --workspace --bins
mizan=target/release/mizan
out=${RESULTS:-/dev/stdout}
{
  echo "### search"
  echo
  echo "Single term \`$term\`. Articles are per language: each is indexed in English and Arabic."
  echo
  echo "| articles | documents | index build | peak RSS (build) | index MB | warm query (in process) | warm query (command) | rg -iw | rg / in process | rg / command |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >>"$out"
for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  [ -d "$ws" ] || target/release/mizan-generate --articles "$n" --out "$ws" >/dev/null
  # Search does not index amendments: benchmark a copy without them, so the
  # figures do not depend on the amendment grammar.
  src="$ws"; ws="$work/search-ws-$n"
  copied=0
  [ -d "$ws" ] || { cp -r "$src" "$ws"; rm -rf "$ws/corpus/kw/amendments" "$ws/.mizan"; copied=1; }
  # A file changed less than 3 s before the index stamps it is stamped
  # "racy" and compared by content at every query until stamped again (see
  # the Searching chapter): let the fresh copy settle first, as a user's
  # files have, or the warm queries of a small size measure that instead.
  [ "$copied" = 0 ] || sleep 3.5
  json="$work/search-build-$n.json"
  runs=3; [ "$n" -ge 1000000 ] && runs=1
  hyperfine --runs "$runs" --prepare "rm -rf $ws/.mizan" --export-json "$json" \
    "$mizan --workspace $ws search $term --limit 1" >/dev/null
  t_build=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$json")
  # Leave a built index for the warm runs, measuring the build's memory.
  rm -rf "$ws/.mizan"
  rss=$( { /usr/bin/time -v "$mizan" --workspace "$ws" search "$term" --limit 1 >/dev/null; } 2>&1 |
    awk '/Maximum resident/ {print $6}')
  index_mb=$(du -sm "$ws/.mizan" | cut -f1)
  docs=$("$mizan" --workspace "$ws" search "" --format json --limit 1 |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  json="$work/search-query-$n.json"
  hyperfine --warmup 3 --runs 20 --export-json "$json" \
    "$mizan --workspace $ws search $term" \
    "rg -iw $term $ws/corpus" >/dev/null
  read -r t_cmd t_rg < <(python3 - "$json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(r[0]["median"], r[1]["median"])
PY
)
  MIZAN_BENCH_WORKSPACE="$ws" MIZAN_BENCH_TERM="$term" \
    cargo bench --locked --quiet --bench search -- --noplot 'search/single_term' >/dev/null 2>&1
  t_inproc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e9)' \
    target/criterion/search/single_term/new/estimates.json)
  python3 - "$n" "$docs" "$t_build" "$rss" "$index_mb" "$t_inproc" "$t_cmd" "$t_rg" >>"$out" <<'PY'
import sys
n, docs, tb, rss, imb, ti, tc, tr = sys.argv[1:]
tb, ti, tc, tr = map(float, (tb, ti, tc, tr))
print(f"| {int(n):,} | {int(docs):,} | {tb:.1f} s | {int(rss)/1024:.0f} MB | {imb} | {ti*1000:.2f} ms | {tc*1000:.1f} ms | {tr*1000:.1f} ms | {tr/ti:.0f}x | {tr/tc:.1f}x |")
PY
done
echo >>"$out"
