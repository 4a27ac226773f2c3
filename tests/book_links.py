#!/usr/bin/env python3
"""Checks the book as mdBook built it: every internal link and image in every
page points at a file of the built book (and, for `page.html#id`, at an id
in that page), and no `{{#include}}` was left unexpanded. Usage:
book_links.py BUILT_BOOK_DIR. Exits 1 and names page, link and reason."""
import html.parser
import os
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "a" and attrs.get("class") == "header"):
                self.links.append(attrs[name])


def main(root):
    root = os.path.normpath(root)
    pages, problems = {}, []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                page = Page()
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                page.feed(text)
                pages[os.path.normpath(path)] = page
                if "{{#include" in text:
                    problems.append(f"{path}: an {{{{#include}}}} was not expanded")
    for path, page in sorted(pages.items()):
        for link in page.links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or url.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            # mdBook's 404 page links from the site root ("/").
            base = root if url.path.startswith("/") else os.path.dirname(path)
            target = path if not url.path else os.path.normpath(
                os.path.join(base, urllib.parse.unquote(url.path).lstrip("/")))
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            if not os.path.exists(target):
                problems.append(f"{path}: link {link}: no file {target}")
            elif url.fragment and target in pages and \
                    urllib.parse.unquote(url.fragment) not in pages[target].ids:
                problems.append(f"{path}: link {link}: no id {url.fragment!r} in {target}")
    for problem in problems:
        print(f"book: {problem}", file=sys.stderr)
    if not pages:
        print(f"book: no pages in {root}", file=sys.stderr)
        return 1
    if problems:
        return 1
    print(f"book: {len(pages)} pages, every internal link resolves")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
