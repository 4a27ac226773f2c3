"""Writes a Hugo site with pages equivalent to mizan's for a workspace:
one page per law per language (the text of both languages, with a table of
contents from its headings), one page per article per language, and one
page per provision per language. Each page says its language (`<html
lang>`), and only article and provision pages are marked
`data-pagefind-body`, so that the Pagefind command line run after Hugo
indexes what mizan's search indexes: each article once per language, and
each provision. Used by bench/site.sh only."""
import os
import re
import sys

ws, site = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(site, "layouts", "_default"), exist_ok=True)
with open(os.path.join(site, "hugo.toml"), "w") as f:
    f.write('baseURL = "/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
            '[markup.tableOfContents]\nstartLevel = 1\nendLevel = 3\n')
with open(os.path.join(site, "layouts", "_default", "baseof.html"), "w") as f:
    f.write('<!DOCTYPE html><html lang="{{ .Params.lang | default "en" }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
            '<link rel="stylesheet" href="/site.css"></head><body><header><nav><a href="/">Home</a></nav>'
            '</header>{{ if .Params.search }}<main data-pagefind-body>{{ else }}<main>{{ end }}'
            '{{ block "main" . }}{{ end }}</main><footer>footer</footer></body></html>')
with open(os.path.join(site, "layouts", "_default", "single.html"), "w") as f:
    f.write('{{ define "main" }}<h1>{{ .Title }}</h1><nav>{{ .TableOfContents }}</nav>{{ .Content }}{{ end }}')
with open(os.path.join(site, "layouts", "_default", "list.html"), "w") as f:
    f.write('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
            '{{ .Title }}</a></li>{{ end }}</ul>{{ end }}')

front = re.compile(r"^---\n.*?\n---\n", re.S)
title_re = re.compile(r"^title: (.*)$", re.M)
# An article heading in either language (`#### Art. 3`, `#### المادة 3`).
article_re = re.compile(r"^#+ (?:Art\.|Article|المادة|مادة)\b.*$", re.M)
corpus = os.path.join(ws, "corpus", "kw")
bodies = {}
for name in sorted(os.listdir(corpus)):
    if not name.endswith(".md"):
        continue
    slug, lang = name[:-3].rsplit(".", 1)
    text = open(os.path.join(corpus, name), encoding="utf-8").read()
    m = title_re.search(text)
    bodies.setdefault(slug, {})[lang] = (m.group(1).strip('"') if m else slug, front.sub("", text, count=1))


def write(path, title, body, lang, search):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write('---\ntitle: "%s"\nlang: %s\nsearch: %s\n---\n\n%s'
                % (title.replace('"', "'"), lang, "true" if search else "false", body))


def articles(body):
    """Each article's heading and text (up to the next heading)."""
    heads = list(article_re.finditer(body))
    for h in heads:
        rest = body[h.end():]
        nxt = re.search(r"^#", rest, re.M)
        yield h.group(0).lstrip("#").strip(), rest[: nxt.start() if nxt else len(rest)].strip()


for lang in ("en", "ar"):
    for slug, exprs in bodies.items():
        title, body = exprs.get(lang) or next(iter(exprs.values()))
        both = "\n\n".join(b for _, b in exprs.values())
        write(os.path.join(site, "content", lang, "works", slug + ".md"), title, both, lang, False)
        for i, (heading, text) in enumerate(articles(body)):
            write(os.path.join(site, "content", lang, "works", slug, f"art-{i}.md"),
                  heading, text, lang, True)
    std = os.path.join(ws, "standards")
    for name in sorted(os.listdir(std)):
        text = open(os.path.join(std, name), encoding="utf-8").read()
        for i, block in enumerate(text.split("\n  - id: ")[1:]):
            pid = block.split("\n", 1)[0].strip()
            write(os.path.join(site, "content", lang, "standards", name[:-5], pid + ".md"),
                  pid, "## Summary\n\n" + block, lang, True)
