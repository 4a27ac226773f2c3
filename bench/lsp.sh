#!/usr/bin/env bash
# Times `mizan lsp` on generated workspaces (issue: diagnostics after a
# one-line edit in a 100k-article workspace in under 200 ms): the first
# load, then the latency from a one-line edit of one statute (unsaved) to
# its diagnostics, median of 10 edits (bench/lsp_edit.py), and the server's
# peak memory.
#
# Usage: bench/lsp.sh SIZES...  (articles per language; bench/run passes
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
  statute=$(cd "$ws" && find corpus -name '*.en.md' -not -path '*/amendments/*' | sort | head -1)
  timeout 900 /usr/bin/time -v -o "$ws.lsp-time" python3 bench/lsp_edit.py "$mizan" "$ws" "$statute" 10 >"$ws.lsp-out"
  read -r first median min max <"$ws.lsp-out"
  rss=$(awk '/Maximum resident/ {printf "%.0f MB", $6 / 1024}' "$ws.lsp-time")
  rm -f "$ws.lsp-time" "$ws.lsp-out"
  rows+=("$(printf '| %s | %s ms | %s ms | %s–%s ms | %s |' "$n" "$first" "$median" "$min" "$max" "$rss")")
done
{
  echo "### lsp"
  echo
  echo "\`mizan lsp\`: the first load, then a one-line edit of one statute (unsaved) to its diagnostics (median of 10; goal: under 200 ms at 100k). Peak memory is that of the largest process of the run, the server."
  echo
  echo "| articles per language | first load | edit to diagnostics | range | peak RSS |"
  echo "|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
} >>"$out"
