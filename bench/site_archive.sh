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
  /usr/bin/time -f "%e %M" -o "$work/time.txt" \
    "$mizan" --workspace "$ws" build --out "$zip" --format json >"$work/zip-$n.json"
  read -r secs rss <"$work/time.txt"
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
  rows+=("$(python3 - "$n" "$secs" "$rss" "$(stat -c %s "$zip")" "$work/zip-$n.json" <<'PY'
import json, sys
n, secs, rss, size, report = sys.argv[1:]
r = json.load(open(report))
steps = {t["step"]: t["seconds"] for t in r["timings"]}
pages, secs = r["pages"], float(secs)
print(f"| {int(n):,} | {pages:,} | {r['files']:,} | {secs:.2f} s | {1000 * secs / pages:.2f} | "
      f"{int(rss) / 1024:.0f} MB | {int(size) / 1e6:,.0f} MB | {steps.get('model', 0):.1f} s | "
      f"{steps.get('pages', 0):.1f} s | {steps.get('search', 0):.1f} s |")
PY
)")
  rm -f "$zip"
done
{
  echo "### site as an archive"
  echo
  echo "\`mizan build --out site.zip\`: the same site as the site stage builds (every"
  echo "page, the search index, the downloads) written as one zip archive rather than"
  echo "a folder. One run each; the steps are the build's own timings."
  echo
  echo "| articles | pages | files | build | ms/page | peak RSS | archive | model | pages step | search step |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
} >>"$out_md"
