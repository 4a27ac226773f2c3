#!/usr/bin/env bash
# Benchmarks `mizan build` on generated workspaces (articles per language):
# a full build into an empty folder, a rebuild with nothing changed, and a
# rebuild after editing one article; and the pair a user would pick instead:
# Hugo (the Debian package) building equivalent Markdown pages, then the
# Pagefind command line (npm package `pagefind`, pinned below) indexing them
# for search, as mizan's build does. One run each, timed with
# /usr/bin/time, which also gives the peak memory.
#
#   bash bench/site.sh                  # 10,000 and 100,000 articles
#   bash bench/site.sh 10000            # one size
#
# Appends a Markdown table to $RESULTS (default: stdout). Release builds
# only. Work files go to bench/work/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-${SIZES:-10000 100000}}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
work=bench/work
mkdir -p "$work"
need=()
command -v hugo >/dev/null 2>&1 || need+=(hugo)
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "bench/site.sh: please install ${need[*]} (Debian packages)" >&2; exit 1
  fi
fi
out_md=${RESULTS:-/dev/stdout}

# The Pagefind command line, the same version as the library mizan builds
# its search index with.
pagefind_version=1.6.0
pagefind=$work/node/node_modules/.bin/pagefind
if [ ! -x "$pagefind" ] || [ "$("$pagefind" --version 2>/dev/null)" != "pagefind $pagefind_version" ]; then
  npm install --silent --no-audit --no-fund --prefix "$work/node" "pagefind@$pagefind_version" >/dev/null
fi

cargo build --release --locked --quiet --workspace --bins
mizan=target/release/mizan
generate=target/release/mizan-generate

# Runs a command once, its output to file $1; prints "seconds peak-RSS-KB".
timed() {
  local to=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$to"
  cat "$work/time.txt"
}

{
  echo "### site"
  echo
  echo "One run each. Pages are HTML pages written (both languages). Hugo builds"
  echo "equivalent Markdown pages: one per law per language with both languages'"
  echo "text and a table of contents, one per article per language and one per"
  echo "provision per language. Pagefind (its command line, $("$pagefind" --version))"
  echo "then indexes Hugo's article and provision pages, the records mizan's search"
  echo "index holds. mizan's full build includes its search index; \"peer\" is Hugo"
  echo "followed by Pagefind, and \"peer / mizan\" over 1 means mizan is faster."
  echo
  echo "| articles | pages | full build | ms/page | peak RSS | no change | one article edited | full / edited | Hugo pages | Hugo | Hugo ms/page | Hugo peak RSS | Pagefind | Pagefind peak RSS | peer (Hugo + Pagefind) | peer / mizan |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >>"$out_md"
# Every full build (and Hugo's) goes into a folder no earlier step of the
# run deleted anything from just before: on a file system without a
# journal (this reference machine's ext4), creating a file scans past
# every inode deleted in the last minutes, and a build right after
# deleting a site of the same size took twice as long (the Limits chapter
# has the figures). bench/run deletes earlier runs' outputs at its start,
# minutes before this stage, and these outputs at its end. So the full
# builds and the peers run first, at every size; the rebuilds, whose swap
# deletes the folders of the site they replace, run after them.
declare -A full full_rss pages hpages hugo_s hugo_rss pf_s pf_rss
for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  if [ ! -f "$ws/mizan.toml" ]; then
    rm -rf "$ws"
    "$generate" --articles "$n" --out "$ws" >/dev/null
  fi
  out="$work/site-$n"
  hugo_site="$work/hugo-$n"
  # Left by a run of this script alone (bench/run deleted them long before).
  rm -rf "$out" "$work/.site-$n".* "$hugo_site"

  read -r "full[$n]" "full_rss[$n]" < <(timed "$work/full-$n.json" "$mizan" --workspace "$ws" build --out "$out" --format json)
  pages[$n]=$(python3 -c "import json;print(json.load(open('$work/full-$n.json'))['pages'])")

  # Hugo on equivalent pages: one Markdown page per law per language (both
  # languages' text, as mizan's side-by-side pages carry) with a table of
  # contents, and one page per provision per language.
  python3 bench/hugo_pages.py "$ws" "$hugo_site"
  hpages[$n]=$(find "$hugo_site/content" -name '*.md' | wc -l)
  read -r "hugo_s[$n]" "hugo_rss[$n]" < <(timed /dev/null hugo --quiet --source "$hugo_site" --destination "$PWD/$hugo_site/public")
  read -r "pf_s[$n]" "pf_rss[$n]" < <(timed /dev/null "$pagefind" --site "$hugo_site/public" --quiet)
done

for n in "${sizes[@]}"; do
  ws="$work/ws-$n"
  out="$work/site-$n"
  read -r same _ < <(timed "$work/same-$n.json" "$mizan" --workspace "$ws" build --out "$out" --format json)

  # Edit one article: change one word in the first English statute.
  laws=("$ws"/corpus/kw/*.en.md)
  law=${laws[0]}
  cp "$law" "$work/law-backup.md"
  python3 - "$law" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
# The first article's heading (a chapter's or a section's comes first in
# the generated laws), then the end of the article's first paragraph.
i = re.compile(r"^#+ (?:Art\.|Article) \d+", re.M).search(s, s.index("\n---", 4)).start()
j = s.index("\n\n", s.index("\n", i) + 1)
s = s[:j] + " (edited for the benchmark)" + s[j:]
open(p, "w", encoding="utf-8").write(s)
PY
  read -r edit _ < <(timed "$work/edit-$n.json" "$mizan" --workspace "$ws" build --out "$out" --format json)
  cp "$work/law-backup.md" "$law"

  python3 - "$n" "${pages[$n]}" "${full[$n]}" "${full_rss[$n]}" "$same" "$edit" "${hpages[$n]}" "${hugo_s[$n]}" "${hugo_rss[$n]}" "${pf_s[$n]}" "${pf_rss[$n]}" >>"$out_md" <<'PY'
import sys
n, pages, full, full_rss, same, edit, hpages, hugo, hugo_rss, pf, pf_rss = sys.argv[1:]
n, pages, hpages = int(n), int(pages), int(hpages)
full, same, edit, hugo, pf = map(float, (full, same, edit, hugo, pf))
mb = lambda kb: f"{int(kb) / 1024:.0f} MB"
print(f"| {n:,} | {pages:,} | {full:.2f} s | {1000 * full / pages:.2f} | {mb(full_rss)} | {same:.2f} s | "
      f"{edit:.2f} s | {full / edit:.1f}x | {hpages:,} | {hugo:.2f} s | {1000 * hugo / hpages:.2f} | {mb(hugo_rss)} | "
      f"{pf:.2f} s | {mb(pf_rss)} | {hugo + pf:.2f} s | {(hugo + pf) / full:.2f}x |")
PY
  python3 - "$work/full-$n.json" "$work/edit-$n.json" >&2 <<'PY'
import json, sys
for name in sys.argv[1:]:
    r = json.load(open(name))
    steps = ", ".join(f"{t['step']} {t['seconds']:.2f}" for t in r["timings"])
    print(f"  {name}: {r['pages']} pages, {r['rendered']} rendered, "
          f"{r['records']} records, {r['search_indexed']}/{r['search_shards']} shards indexed; {steps}")
PY
done
echo >>"$out_md"
