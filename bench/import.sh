#!/usr/bin/env bash
# Times `mizan import` of generated Arabic Word files (issue: a 1,000-article
# Word file in under 1 s), at 1,000 and 10,000 articles so the table shows
# how the time grows. The files come from `examples/import_fixture.rs`: a
# title, a preamble, two issuing articles, then the articles in chapters of
# 50, their headings in three of the gazette's forms, every paragraph split
# into runs of 24 characters as a word processor splits them. The timed
# command reads the zip and the XML, finds the structure, writes the statute
# file and reads it back as `check` would.
#
# Usage: bench/import.sh [SIZES...]  (sizes are ignored: the benchmark has
# its own two; accepted so that bench/run can call every stage alike).
# Appends a Markdown table to $RESULTS (default: stdout).
set -euo pipefail
cd "$(dirname "$0")/.."
need=(); command -v hyperfine >/dev/null || need+=(hyperfine); [ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi
cargo build --release --locked --quiet --bin mizan --example import_fixture
mizan="$PWD/target/release/mizan"
fixture="$PWD/target/release/examples/import_fixture"
out=${RESULTS:-/dev/stdout}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
rss() {
  /usr/bin/time -v -o "$dir/time.txt" "$@" >/dev/null 2>&1
  awk '/Maximum resident/ {printf "%.0f MB", $6 / 1024}' "$dir/time.txt"
}
rows=()
for n in 1000 10000; do
  "$fixture" "$n" "$dir/law-$n.docx"
  cmd="$mizan import $dir/law-$n.docx --work /akn/kw/act/2099/$n --out $dir/law-$n.ar.md --force"
  $cmd 2>/dev/null
  found=$(grep -c '^## ' "$dir/law-$n.ar.md")
  if [ "$found" != $((n + 2)) ]; then
    echo "bench/import.sh: import found $found article headings, expected $((n + 2))" >&2
    exit 1
  fi
  hyperfine --warmup 2 --runs 20 -N --export-json "$dir/h-$n.json" "$cmd" >&2
  median=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][0]["median"] * 1000)' "$dir/h-$n.json")
  rows+=("$(awk -v n="$n" -v kb="$(($(stat -c %s "$dir/law-$n.docx") / 1024))" -v m="$median" -v r="$(rss $cmd)" \
    'BEGIN { printf "| %d | %d KB | %.1f ms | %.3f ms | %s |", n, kb, m, m / n, r }')")
done
{
  echo "### import"
  echo
  echo "\`mizan import\` of a generated Arabic Word file (medians; goal: 1,000 articles in under 1 s)."
  echo
  echo "| articles | .docx size | mizan import | per article | peak RSS |"
  echo "|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
} >>"$out"
