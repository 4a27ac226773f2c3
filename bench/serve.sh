#!/usr/bin/env bash
# Times `mizan serve` after an edit (issue: after one article is edited at
# 100k articles, the new page and its search entry are live in under 1 s):
# the first build, then from saving an edited article to its page being
# served with the edit, median of 3 edits (bench/serve_edit.py), and the
# server's peak memory.
#
# Usage: bench/serve.sh SIZES...  (articles per language; bench/run passes
# them). Appends a Markdown table to $RESULTS (default: stdout).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --locked --quiet --workspace --bins
mizan="$PWD/target/release/mizan"
out=${RESULTS:-/dev/stdout}
rows=()
for n in "$@"; do
  ws=bench/work/ws-$n
  [ -f "$ws/mizan.toml" ] || target/release/mizan-generate --articles "$n" --out "$ws" >/dev/null
  # The site goes to a folder bench/run deletes at its end, not before the
  # next size is timed (see bench/site.sh); left by a run of this script
  # alone, it is deleted here.
  site=bench/work/serve-$n
  rm -rf "$site"
  timeout 1800 /usr/bin/time -v -o "$ws.serve-time" python3 bench/serve_edit.py "$mizan" "$ws" 3 "$site" >"$ws.serve-out"
  read -r first median min max <"$ws.serve-out"
  rss=$(awk '/Maximum resident/ {printf "%.0f MB", $6 / 1024}' "$ws.serve-time")
  rm -f "$ws.serve-time" "$ws.serve-out"
  rows+=("$(printf '| %s | %s s | %s ms | %s–%s ms | %s |' "$n" "$first" "$median" "$min" "$max" "$rss")")
done
{
  echo "### serve"
  echo
  echo "\`mizan serve\`: the first build, then from saving one edited article to its page served with the edit (median of 3; the site is updated in place, its search shard written before its pages, so its search entry is live then too; goal: under 1 s at 100k). Peak memory is that of the largest process of the run, the server."
  echo
  echo "| articles per language | first build | edit to live page | range | peak RSS |"
  echo "|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
} >>"$out"
