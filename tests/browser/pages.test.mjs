// Every page type of the site, in both languages, on a phone (390 px) and
// a laptop (1366 px): no page scrolls sideways, and axe-core finds no
// serious or critical accessibility violation (contrast included). Run in
// Debian's Chromium through playwright-core, against `mizan serve` of the
// bundled workspace's committee edition, like site.test.mjs.
//
// Environment: MIZAN_BIN (default ../../target/debug/mizan), MIZAN_WORKSPACE
// (default: the repository root), CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { here, repo, startSite } from "./harness.mjs";

const require = createRequire(import.meta.url);
const workspace = process.env.MIZAN_WORKSPACE || repo;
const axePath = require.resolve("axe-core/axe.min.js");
mkdirSync(join(here, "screenshots"), { recursive: true });

// One page of each type, relative to a language root.
const PAGES = [
  ["dashboard", "index.html"],
  ["gap matrix", "gaps/index.html"],
  ["scores over time", "timeline/index.html"],
  ["since the last report", "since/index.html"],
  ["gap report for print", "report/index.html"],
  ["laws", "works/index.html"],
  ["law", "works/act-2013-91/index.html"],
  ["article", "works/act-2013-91/art_13/index.html"],
  ["article with a draft", "works/act-2015-68/art_12/index.html"],
  ["earlier version", "works/act-2013-91/2013-04-17/index.html"],
  ["standards", "standards/index.html"],
  ["instrument", "standards/tip/index.html"],
  ["provision", "standards/tip/art_6__para_6/index.html"],
  ["amendments", "amendments/index.html"],
  ["amendment", "amendments/domestic-workers-documents-and-fees/index.html"],
  ["proposal", "amendments/domestic-workers-documents-and-fees/proposal.html"],
  ["search", "search/index.html?q=labour"],
  ["downloads", "downloads/index.html"],
  ["resolver", "resolve/index.html"],
];

let site, origin, browser;

before(async () => {
  site = await startSite(workspace, { serveArgs: ["--profile", "committee"], browserOptions: {} });
  ({ origin, browser } = site);
});

after(async () => {
  if (site) await site.close();
});

async function visit(path, width) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 844 });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const response = await page.goto(origin + path, { waitUntil: "load" });
  assert.equal(response.status(), 200, path);
  if (path.includes("/search/")) {
    await page.waitForFunction(() => {
      const s = document.getElementById("search-status");
      return s && s.textContent && s.textContent !== "…";
    }, null, { timeout: 30_000 });
  }
  return { page, errors };
}

for (const width of [390, 1366]) {
  test(`no page scrolls sideways at ${width} px, in either language`, async () => {
    const wide = [];
    for (const lang of ["en", "ar"]) {
      for (const [name, rel] of PAGES) {
        const path = `/${lang}/${rel}`;
        const { page, errors } = await visit(path, width);
        const [scroll, inner] = await page.evaluate(() => [document.scrollingElement.scrollWidth, window.innerWidth]);
        if (scroll > inner) wide.push(`${lang} ${name}: ${scroll} px in ${inner} px`);
        assert.deepEqual(errors, [], path);
        await page.close();
      }
    }
    console.log(`${width} px: ${PAGES.length * 2} pages, ${wide.length} wider than the screen`);
    assert.deepEqual(wide, []);
  });
}

test("axe-core finds no serious or critical violation on any page type, in either language", async () => {
  const found = [];
  let checked = 0;
  for (const width of [390, 1366]) {
    for (const lang of ["en", "ar"]) {
      for (const [name, rel] of [["site root", "../index.html"], ...PAGES]) {
        const path = rel.startsWith("../") ? "/index.html" : `/${lang}/${rel}`;
        if (rel.startsWith("../") && lang === "ar") continue;
        const { page } = await visit(path, width);
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(async () =>
          // eslint-disable-next-line no-undef
          (await axe.run(document, { resultTypes: ["violations"] })).violations.map((v) => ({
            id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
          })));
        checked += 1;
        for (const v of result) {
          if (v.impact === "serious" || v.impact === "critical") {
            found.push(`${width} px ${lang} ${name}: ${v.id} (${v.impact}) at ${v.nodes.join(", ")}`);
          }
        }
        await page.close();
      }
    }
  }
  console.log(`axe-core: ${checked} page views, ${found.length} serious or critical violations`);
  assert.deepEqual(found, []);
});

test("on a phone the menu collapses behind a button, and the comparative print stacks its columns", async () => {
  for (const lang of ["en", "ar"]) {
    const { page, errors } = await visit(`/${lang}/amendments/domestic-workers-documents-and-fees/index.html`, 390);
    const toggle = page.locator(".nav-toggle");
    assert.ok(await toggle.isVisible(), "the menu button shows");
    assert.ok(await page.locator("#site-nav-list").isHidden(), "the menu is folded");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.ok(await page.locator("#site-nav-list").isVisible(), "the button opens it");
    const cells = page.locator("table.comparative tbody tr").first().locator("td");
    const [a, b] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
    assert.ok(b.y >= a.y + a.height - 1, `the cells are stacked (${JSON.stringify([a, b])})`);
    assert.ok(a.width > 300, `each takes the width (${a.width} px)`);
    await page.screenshot({ path: join(here, "screenshots", `amendment-${lang}-390.png`), fullPage: false });
    assert.deepEqual(errors, []);
    await page.close();
  }
  // On a laptop the menu is a row of links and the print has two columns.
  const { page } = await visit("/en/amendments/domestic-workers-documents-and-fees/index.html", 1366);
  assert.ok(await page.locator(".nav-toggle").isHidden());
  assert.ok(await page.locator("#site-nav-list").isVisible());
  const cells = page.locator("table.comparative tbody tr").first().locator("td");
  assert.equal(Math.round((await cells.nth(0).boundingBox()).y), Math.round((await cells.nth(1).boundingBox()).y));
  await page.close();
});

test("on a phone a wide table scrolls inside its box with its first column fixed", async () => {
  for (const lang of ["en", "ar"]) {
    const { page } = await visit(`/${lang}/index.html`, 390);
    // The widest table of the dashboard (the themes) is wider than a phone.
    const moved = await page.evaluate(async () => {
      const wrap = [...document.querySelectorAll(".table-wrap")].find((w) => w.scrollWidth > w.clientWidth);
      if (!wrap) return null;
      const cell = wrap.querySelector("tbody tr > :first-child");
      const other = wrap.querySelector("tbody tr > :last-child");
      const before = [cell.getBoundingClientRect().x, other.getBoundingClientRect().x];
      wrap.scrollLeft = document.documentElement.dir === "rtl" ? -wrap.scrollWidth : wrap.scrollWidth;
      await new Promise((r) => requestAnimationFrame(() => r()));
      const after = [cell.getBoundingClientRect().x, other.getBoundingClientRect().x];
      return { first: after[0] - before[0], last: after[1] - before[1] };
    });
    assert.ok(moved, `${lang}: a table of the dashboard scrolls inside its box`);
    assert.ok(Math.abs(moved.first) < 2, `${lang}: the first column stays (${moved.first} px)`);
    assert.ok(Math.abs(moved.last) > 20, `${lang}: the other columns scroll (${moved.last} px)`);
    await page.screenshot({ path: join(here, "screenshots", `dashboard-${lang}-390-scrolled.png`) });
    await page.close();
  }
});
