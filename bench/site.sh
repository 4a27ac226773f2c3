#!/usr/bin/env bash
# Benchmarks `mizan build` on generated workspaces of 10,000 and 100,000
# articles (per language): a full build into an empty folder, a rebuild with
# nothing changed, and a rebuild after editing one article; and Hugo (the
# Debian package) building equivalent Markdown pages, for the time per page.
#
#   bash bench/site.sh            # both sizes
#   SIZES="10000" bash bench/site.sh
#
# Release builds only. Work files go to bench/work/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 100000"}
work=bench/work
mkdir -p "$work"

if ! command -v hugo >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null
  else
    echo "bench/site.sh: please install hugo (Debian package)" >&2; exit 1
  fi
fi

cargo build --release --locked --bin mizan --example generate
mizan=target/release/mizan
generate=target/release/examples/generate

now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }

printf '%-9s %-22s %8s %8s %12s\n' articles step seconds pages "ms/page" > "$work/site-results.txt"
for n in $SIZES; do
  ws="$work/ws-$n"
  if [ ! -f "$ws/mizan.toml" ]; then
    rm -rf "$ws"
    "$generate" --articles "$n" --out "$ws" >/dev/null
  fi
  out="$work/site-$n"
  rm -rf "$out" "$work/.site-$n".*

  t0=$(now)
  "$mizan" --workspace "$ws" build --out "$out" --format json > "$work/full-$n.json"
  t1=$(now)
  pages=$(python3 -c "import json;print(json.load(open('$work/full-$n.json'))['pages'])")
  full=$(secs "$t0" "$t1")

  t0=$(now)
  "$mizan" --workspace "$ws" build --out "$out" --format json > "$work/same-$n.json"
  t1=$(now)
  same=$(secs "$t0" "$t1")

  # Edit one article: change one word in the first English statute.
  law=$(ls "$ws"/corpus/kw/*.en.md | head -1)
  cp "$law" "$work/law-backup.md"
  python3 - "$law" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
i = s.index("\n## ", s.index("\n---", 4))      # the first article heading
j = s.index("\n\n", s.index("\n", i + 1) + 1)  # end of its first paragraph
s = s[:j] + " (edited for the benchmark)" + s[j:]
open(p, "w", encoding="utf-8").write(s)
PY
  t0=$(now)
  "$mizan" --workspace "$ws" build --out "$out" --format json > "$work/edit-$n.json"
  t1=$(now)
  edit=$(secs "$t0" "$t1")
  cp "$work/law-backup.md" "$law"

  # Hugo on equivalent pages: one Markdown page per law per language (both
  # languages' text, as mizan's side-by-side pages carry) with a table of
  # contents, and one page per provision per language.
  hugo_site="$work/hugo-$n"
  rm -rf "$hugo_site"
  python3 bench/hugo_pages.py "$ws" "$hugo_site"
  hpages=$(find "$hugo_site/content" -name '*.md' | wc -l)
  t0=$(now)
  hugo --quiet --source "$hugo_site" --destination "$PWD/$hugo_site/public" >/dev/null
  t1=$(now)
  hugo_s=$(secs "$t0" "$t1")

  ms() { python3 -c "print(f'{1000 * $1 / $2:.3f}')"; }
  {
    printf '%-9s %-22s %8s %8s %12s\n' "$n" "mizan full build" "$full" "$pages" "$(ms "$full" "$pages")"
    printf '%-9s %-22s %8s %8s %12s\n' "$n" "mizan no-change" "$same" "$pages" "$(ms "$same" "$pages")"
    printf '%-9s %-22s %8s %8s %12s\n' "$n" "mizan one article" "$edit" "$pages" "$(ms "$edit" "$pages")"
    printf '%-9s %-22s %8s %8s %12s\n' "$n" "hugo full build" "$hugo_s" "$hpages" "$(ms "$hugo_s" "$hpages")"
  } >> "$work/site-results.txt"
  python3 - "$work/full-$n.json" "$work/edit-$n.json" <<'PY'
import json, sys
for name in sys.argv[1:]:
    r = json.load(open(name))
    steps = ", ".join(f"{t['step']} {t['seconds']:.2f}" for t in r["timings"])
    print(f"  {name}: {r['pages']} pages, {r['rendered']} rendered, "
          f"{r['records']} records, {r['search_indexed']}/{r['search_shards']} shards indexed; {steps}")
PY
done
cat "$work/site-results.txt"
