// The mizan site in a real browser: Debian's Chromium driven by
// playwright-core (which never downloads a browser of its own), against
// `mizan serve` on 127.0.0.1. Screenshots go to tests/browser/screenshots/.
//
// Environment: MIZAN_BIN (default ../../target/debug/mizan), MIZAN_WORKSPACE
// (default: the repository root, the bundled workspace), CHROMIUM
// (default /usr/bin/chromium).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { here, repo, startSite } from "./harness.mjs";

const workspace = process.env.MIZAN_WORKSPACE || repo;
const shots = join(here, "screenshots");
mkdirSync(shots, { recursive: true });

let site, origin, browser;
const foreign = [];

before(async () => {
  site = await startSite(workspace, { serveArgs: ["--profile", "committee"], browserOptions: { viewport: { width: 1280, height: 900 } } });
  ({ origin, browser } = site);
});

after(async () => {
  if (site) await site.close();
  assert.deepEqual(foreign, [], "the site requested other hosts");
});

async function open(path, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  const context = { close: () => page.close() };
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) foreign.push(u);
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(origin + path, { waitUntil: "load" });
  return { page, context, errors };
}

test("the home page renders the dashboard", async () => {
  const { page, context, errors } = await open("/en/index.html");
  assert.equal(await page.title() !== "", true);
  assert.equal(await page.locator("h1").count(), 1);
  assert.ok(await page.locator("table.instruments tbody tr").count() > 0, "an instrument table");
  assert.ok(await page.locator("#h-worst").isVisible());
  await page.screenshot({ path: join(shots, "home-en.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the first Tab reaches the skip link, and it moves focus to the content", async () => {
  const { page, context } = await open("/en/index.html");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement.className);
  assert.equal(focused, "skip-link");
  assert.ok(await page.locator(".skip-link").isVisible(), "a visible skip link when focused");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => location.hash), "#main");
  await context.close();
});

test("an Arabic page is right to left, mirrored", async () => {
  const { page, context } = await open("/ar/index.html");
  assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("main")).direction), "rtl");
  await page.screenshot({ path: join(shots, "home-ar.png"), fullPage: true });
  await context.close();

  // A law with Arabic text: the contents sit on the right of the text.
  const law = await open("/ar/works/act-2013-91/index.html");
  const toc = await law.page.locator("nav.toc").boundingBox();
  const text = await law.page.locator("#statute").boundingBox();
  assert.ok(toc.x > text.x, `contents (${toc.x}) should be right of the text (${text.x})`);
  assert.equal(await law.page.evaluate(() => document.querySelector("#statute").getAttribute("lang")), "ar");
  await law.page.screenshot({ path: join(shots, "statute-ar.png") });
  // The side-by-side view reads the English text from the English page:
  // each article gets its English twin beside it, without duplicate ids.
  await law.page.locator("#parallel-toggle").check();
  const twin = law.page.locator('#art_2 .article-other[lang="en"]');
  await twin.waitFor({ state: "visible", timeout: 10_000 });
  assert.match(await twin.locator(".other-heading").textContent(), /Article 2/);
  const [twinBox, ownBox] = [await twin.boundingBox(), await law.page.locator("#art_2 .article-text").boundingBox()];
  assert.ok(twinBox.x < ownBox.x, "on an Arabic page the English text sits left of the Arabic");
  assert.equal(await law.page.evaluate(() => document.querySelectorAll("#statute [id]").length),
    await law.page.evaluate(() => new Set([...document.querySelectorAll("#statute [id]")].map((e) => e.id)).size));
  assert.equal(await law.page.locator(".view-toggle .notice").isHidden(), true);
  await law.page.screenshot({ path: join(shots, "statute-ar-parallel.png") });
  await law.context.close();
});

test("a search for a known term finds the article and lands on its page", async () => {
  const { page, context, errors } = await open("/en/search/index.html?q=consent");
  await page.locator("#search-results li a").first().waitFor({ timeout: 30_000 });
  // The statute's article (the standards' provisions are indexed too).
  const hit = page.locator('#search-results li a[href*="works/act-2013-91/art_"]').first();
  assert.ok(await hit.count() > 0, "no article of Law 91/2013 among the results");
  await page.screenshot({ path: join(shots, "search-en.png") });
  await hit.click();
  await page.waitForURL(/\/works\/act-2013-91\/art_[^/]+\/index\.html$/);
  const article = page.locator("section.article");
  assert.match((await article.textContent()).toLowerCase(), /consent/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the resolver page sends any URI form to its page, in the URI's language", async () => {
  for (const [uri, expected] of [
    ["/akn/kw/act/2013/91/ara@2019-04-09/~art_2", "/ar/works/act-2013-91/art_2/index.html"],
    ["/akn/kw/act/2013/91/eng@/!main~art_13", "/en/works/act-2013-91/art_13/index.html"],
    ["/akn/kw/act/2015/68/eng:2015-07-15/~chp_2__art_3", "/en/works/act-2015-68/art_3/index.html"],
    ["/akn/kw/act/2013/91/eng@2013-03-17/main.xml", "/en/works/act-2013-91/index.html"],
  ]) {
    const { page, context, errors } = await open("/en/resolve/index.html?uri=" + encodeURIComponent(uri));
    await page.waitForURL((u) => u.pathname.endsWith("/index.html") && !u.pathname.includes("/resolve/"), { timeout: 30_000 });
    const got = new URL(page.url());
    assert.equal(got.pathname + got.hash, expected, uri);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("mizan serve answers a URI path through _redirects and the resolver page", async () => {
  for (const [path, expected] of [
    ["/akn/kw/act/2013/91/~art_2", "/en/works/act-2013-91/art_2/index.html"],
    ["/akn/kw/act/2013/91/ara@2013-03-17/~art_3", "/ar/works/act-2013-91/art_3/index.html"],
  ]) {
    const { page, context, errors } = await open(path);
    await page.waitForURL((u) => u.pathname.includes("/works/"), { timeout: 30_000 });
    const got = new URL(page.url());
    assert.equal(got.pathname + got.hash, expected, path);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("the search box hands a URI to the resolver; a malformed one is explained in Arabic", async () => {
  const { page, context, errors } = await open("/ar/search/index.html?q=" + encodeURIComponent("/akn/kw/act/2013/91/ara/~art_3"));
  await page.waitForURL(/\/ar\/works\/act-2013-91\/art_3\/index.html$/, { timeout: 30_000 });
  await context.close();
  const bad = await open("/ar/resolve/index.html?uri=" + encodeURIComponent("/akn/kw/act/2013/91/"));
  assert.equal(await bad.page.locator("html").getAttribute("dir"), "rtl");
  await bad.page.locator("#resolve-status").filter({ hasText: "ليس معرّف أكوما نتوسو" }).waitFor({ timeout: 30_000 });
  assert.equal(await bad.page.locator("#uri").getAttribute("dir"), "ltr");
  await bad.page.screenshot({ path: join(shots, "resolve-ar.png") });
  assert.deepEqual(errors, []);
  assert.deepEqual(bad.errors, []);
  await bad.context.close();
});

test("an Arabic search finds Arabic text", async () => {
  const { page, context } = await open("/ar/search/index.html?q=" + encodeURIComponent("الاتجار"));
  const links = page.locator("#search-results li a");
  await links.first().waitFor({ timeout: 30_000 });
  // Provisions carry Arabic summaries too, so an article need not be first;
  // but the law's articles that use the word are among the results.
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.some((h) => /works\/act-2013-91\/art_/.test(h)), hrefs.join("\n"));
  await page.screenshot({ path: join(shots, "search-ar.png") });
  await context.close();
});

test("the gap matrix filters by theme and obligation", async () => {
  const { page, context } = await open("/en/gaps/index.html");
  const rows = page.locator("#gap-matrix tbody tr");
  const total = await rows.count();
  assert.ok(total > 0);
  await page.selectOption('select[data-filter="theme"]', "protection");
  const visible = await page.locator("#gap-matrix tbody tr:visible").count();
  assert.ok(visible > 0 && visible < total, `${visible} of ${total} rows after filtering`);
  for (const theme of await page.locator("#gap-matrix tbody tr:visible").evaluateAll((rs) => rs.map((r) => r.dataset.theme))) {
    assert.equal(theme, "protection");
  }
  assert.equal(await page.locator("#gap-count").textContent(), String(visible));
  await page.selectOption('select[data-filter="theme"]', "");
  await page.screenshot({ path: join(shots, "gaps-en.png") });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: join(shots, "gaps-en-print.png"), fullPage: true });
  await context.close();
});

test("gap matrix filters are kept in the address, and a filtered address opens filtered", async () => {
  const { page, context } = await open("/en/gaps/index.html");
  const total = await page.locator("#gap-matrix tbody tr").count();
  await page.selectOption('select[data-filter="theme"]', "protection");
  await page.selectOption('select[data-filter="status"]', "missing");
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("theme"), "protection");
  assert.equal(url.searchParams.get("status"), "missing");
  assert.equal(url.searchParams.get("obligation"), null, "only the filters chosen");
  // The other language's link carries the same view.
  const ar = await page.locator(".lang-switch a[hreflang=ar]").getAttribute("href");
  assert.match(ar, /\/ar\/gaps\/index\.html\?theme=protection&status=missing$/);
  await context.close();

  // Opened fresh from that address, the page is filtered.
  for (const path of [`/en/gaps/index.html${url.search}`, `/ar/gaps/index.html${url.search}`]) {
    const fresh = await open(path);
    assert.equal(await fresh.page.inputValue('select[data-filter="theme"]'), "protection");
    assert.equal(await fresh.page.inputValue('select[data-filter="status"]'), "missing");
    const shown = await fresh.page.locator("#gap-matrix tbody tr:visible").evaluateAll((rs) => rs.map((r) => [r.dataset.theme, r.dataset.status]));
    assert.ok(shown.length > 0 && shown.length < total, `${shown.length} of ${total} rows`);
    for (const [theme, status] of shown) assert.deepEqual([theme, status], ["protection", "missing"]);
    await fresh.context.close();
  }

  // A value the filter does not offer is ignored: every row shows.
  const odd = await open("/en/gaps/index.html?theme=%3Cscript%3E&status=missing");
  assert.equal(await odd.page.inputValue('select[data-filter="theme"]'), "");
  assert.equal(new URL(odd.page.url()).search, "?status=missing");
  await odd.context.close();
});

test("an amendment page shows insertions and deletions, inline and side by side", async () => {
  const { page, context, errors } = await open("/en/amendments/index.html");
  // Every amendment page: find one whose redline both inserts and deletes.
  const hrefs = await page.locator("table.amendments tbody a[href*='amendments/']").evaluateAll((as) => as.map((a) => a.href));
  assert.ok(hrefs.length > 0, "no amendments listed");
  let shown = null;
  for (const href of hrefs) {
    await page.goto(href);
    const ins = await page.locator(".redline-text ins").count();
    const del = await page.locator(".redline-text del").count();
    if (ins > 0 && del > 0) { shown = href; break; }
  }
  assert.ok(shown, "no amendment page shows both <ins> and <del>");
  assert.ok(await page.locator("table.comparative").count() > 0, "a comparative print");
  // Insertions are underlined and deletions struck through: not colour alone.
  assert.match(await page.locator(".redline-text ins").first().evaluate((el) => getComputedStyle(el).textDecorationLine), /underline/);
  assert.match(await page.locator(".redline-text del").first().evaluate((el) => getComputedStyle(el).textDecorationLine), /line-through/);
  await page.screenshot({ path: join(shots, "amendment-redline.png"), fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: join(shots, "amendment-redline-print.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const width of [1366, 390]) test(`search results say their type, filter by type and law, keep the query in the URL and fold spellings (${width} px)`, async () => {
  const { page, context, errors } = await open("/en/search/index.html?q=labor", { width });
  const results = page.locator("#search-results li");
  await results.first().waitFor({ timeout: 30_000 });
  // "labor" finds the texts that write "labour".
  const titles = await page.locator("#search-results .result-title").allTextContents();
  assert.ok(titles.some((t) => /Labour/.test(t)), titles.join("\n"));
  const types = new Set(await page.locator("#search-results .result-type").allTextContents());
  assert.deepEqual([...types].sort(), ["Law article", "Standard provision"]);
  // The type filter is Pagefind's, and it goes into the URL.
  await page.locator("#f-type").selectOption("provision");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("type") === "provision");
  await page.waitForFunction(() => {
    const tags = [...document.querySelectorAll("#search-results .result-type")];
    return tags.length > 0 && tags.every((t) => t.classList.contains("result-provision"));
  }, null, { timeout: 30_000 });
  assert.equal(new URL(page.url()).searchParams.get("q"), "labor");
  // A law filter leaves that law's articles only.
  await page.locator("#f-type").selectOption("article");
  await page.waitForFunction(() => {
    const tags = [...document.querySelectorAll("#search-results .result-type")];
    return tags.length > 0 && tags.every((t) => t.classList.contains("result-article"));
  }, null, { timeout: 30_000 });
  const first = await page.locator("#search-results .result-title").first().textContent();
  const law = first.slice(0, first.indexOf(": "));
  assert.ok(await page.locator(`#f-law option[value="${law}"]`).count() === 1, law);
  await page.locator("#f-type").selectOption("");
  await page.locator("#f-law").selectOption(law);
  await page.waitForFunction((l) => {
    const as = [...document.querySelectorAll("#search-results .result-title")];
    return as.length > 0 && as.every((a) => a.textContent.startsWith(l + ": "));
  }, law, { timeout: 30_000 });
  assert.equal(new URL(page.url()).searchParams.get("law"), law);
  await page.screenshot({ path: join(shots, `search-facets-en-${width}.png`) });
  // Records that hold the words as written come before those that hold
  // only their stems ("force" for "forced").
  await page.goto(origin + "/en/search/index.html?in=en&q=" + encodeURIComponent("forced labour"));
  await page.locator("#search-results li").first().waitFor({ timeout: 30_000 });
  const top = await page.locator("#search-results .result-title").allTextContents();
  assert.ok(top.slice(0, 5).every((t) => /forced labour/i.test(t)), top.join("\n"));
  assert.ok(!top.some((t) => /Entry into force/.test(t)), top.join("\n"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("an English query on an Arabic page searches the English texts, or offers them in one click", async () => {
  // Typed in the masthead's box (no language chosen): the English texts.
  const auto = await open("/ar/search/index.html?q=" + encodeURIComponent("forced labour"));
  await auto.page.locator("#search-results li").first().waitFor({ timeout: 30_000 });
  assert.equal(await auto.page.locator("#search-lang").inputValue(), "en");
  assert.deepEqual(auto.errors, []);
  await auto.context.close();
  // The Arabic texts chosen: a button offers the English ones.
  const { page, context, errors } = await open("/ar/search/index.html?in=ar&q=" + encodeURIComponent("forced labour"));
  const button = page.locator("#search-switch-button");
  await button.waitFor({ state: "visible", timeout: 30_000 });
  assert.equal(await button.textContent(), "البحث في النصوص باللغة الإنجليزية بدلاً من ذلك");
  await button.click();
  await page.locator("#search-results li").first().waitFor({ timeout: 30_000 });
  assert.equal(new URL(page.url()).searchParams.get("in"), "en");
  assert.ok(await page.locator("#search-switch").isHidden());
  await page.screenshot({ path: join(shots, "search-switch-ar.png") });
  assert.deepEqual(errors, []);
  await context.close();
});
