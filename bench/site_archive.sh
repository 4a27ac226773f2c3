#!/usr/bin/env bash
# Times `mizan build --out site.zip`, the whole site (every page, the
# search index, the downloads) written as one zip archive, on generated
# workspaces: one run each, timed with /usr/bin/time, which also gives the
# peak memory. This is how the site stage runs at 1,000,000 articles per
# language: as a folder it would be some 4 million files and folders and
# 37 GB on disk, and creating them is most of a folder build's time on the
# reference machine; the archive holds the same files (a test compares
# them byte for byte) in about a fifth of the space.
#
#   bash bench/site_archive.sh                  # 10,000, 100,000 and 1,000,000 articles
#   bash bench/site_archive.sh 10000            # one size
#
# Appends a Markdown table to $RESULTS (default: stdout). Work files go to
# bench/work/ (ignored by git); each archive is deleted once measured.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-${SIZES:-10000 100000 1000000}}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
work=bench/work
mkdir -p "$work"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --locked --quiet --workspace --bins
mizan=target/release/mizan
out_md=${RESULTS:-/dev/stdout}
rows=()
for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  [ -f "$ws/mizan.toml" ] || target/release/mizan-generate --articles "$n" --out "$ws" >/dev/null
  zip="$work/site-$n.zip"
  rm -f "$zip"
  # GNU time gives the peak (that of the largest process, the build);
  # bench/rss_steps.py samples the build's memory to give each step's.
  /usr/bin/time -f "%e %M" -o "$work/time.txt" \
    python3 bench/rss_steps.py "$work/zip-$n.json" -- \
    "$mizan" --workspace "$ws" build --out "$zip" --format json >"$work/steps-$n.txt"
  read -r secs rss <"$work/time.txt"
  steps_mb=$(sed -e 's/ peak=.*//' -e 's/=/ /g' "$work/steps-$n.txt" |
    awk '{for (i = 1; i < NF; i += 2) printf "%s%s %s MB", (i > 1 ? ", " : ""), $i, $(i + 1)}')
  # Read back: the central directory (zip64 past 65,535 files or 4 GiB)
  # and the entry written last, with its checksum, by another reader.
  python3 - "$zip" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
infos = z.infolist()
last = max(infos, key=lambda i: i.header_offset)
z.read(last.filename)
print(f"  {sys.argv[1]}: {len(infos):,} files read back; the last at byte {last.header_offset:,}", file=sys.stderr)
PY
  rows+=("$(python3 - "$n" "$secs" "$rss" "$(stat -c %s "$zip")" "$work/zip-$n.json" "$steps_mb" <<'PY'
import json, sys
n, secs, rss, size, report, steps_mb = sys.argv[1:]
r = json.load(open(report))
steps = {t["step"]: t["seconds"] for t in r["timings"]}
pages, secs = r["pages"], float(secs)
print(f"| {int(n):,} | {pages:,} | {r['files']:,} | {secs:.2f} s | {1000 * secs / pages:.2f} | "
      f"{int(rss) / 1024:.0f} MB | {int(size) / 1e6:,.0f} MB | {steps.get('model', 0):.1f} s | "
      f"{steps.get('pages', 0):.1f} s | {steps.get('search', 0):.1f} s | {steps_mb} |")
PY
)")
  rm -f "$zip" "$work/steps-$n.txt"
done
{
  echo "### site as an archive"
  echo
  echo "\`mizan build --out site.zip\`: the same site as the site stage builds (every"
  echo "page, the search index, the downloads) written as one zip archive rather than"
  echo "a folder. One run each; the steps are the build's own timings, and the peak"
  echo "memory within each step is sampled every 0.2 s (bench/rss_steps.py; load is"
  echo "reading the workspace, before the first step)."
  echo
  echo "| articles | pages | files | build | ms/page | peak RSS | archive | model | pages step | search step | peak memory by step |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
  echo
} >>"$out_md"
