// Site search precision and recall (issue 15): Arabic and English queries
// against the fixture tests/fixtures/search/ (a frozen copy of Law 91/2013
// in both languages), each with the articles it must find and nothing
// else. Run in Debian's Chromium through playwright-core, against
// `mizan serve`, like site.test.mjs.
//
// A result is the article its link points at (`works/act-2013-91/art_2/`). For each query:
// precision = found and expected / found (1 when nothing is found),
// recall = found and expected / expected (1 when nothing is expected).
// Every query must reach the thresholds below; the figures of every query
// are printed.
//
// Environment: MIZAN_BIN (default ../../target/debug/mizan), CHROMIUM
// (default /usr/bin/chromium).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { repo, startSite } from "./harness.mjs";

const workspace = join(repo, "tests/fixtures/search");

const MIN_PRECISION = 1.0;
const MIN_RECALL = 1.0;

// [query, expected articles]. Arabic queries search the Arabic texts,
// English ones the English texts.
const arabic = [
  // The cases: words that occur nowhere find nothing (not the
  // articles whose point labels start with ج)...
  ["جواز", []],
  ["العمل الجبري", []],
  ["السخرة", []],
  // ...a word only in the law's title matches no article...
  ["مكافحة", []],
  // ...and a word of the title that the text also has finds only the
  // articles that have it.
  ["الاتجار", ["art_1", "art_2", "art_12"]],
  ["تهريب المهاجرين", ["art_1", "art_3"]],
  ["المصادرة", ["art_5"]],
  ["الإعدام", ["art_2", "art_8", "art_13"]],
  ["الممارسات الشبيهة", ["art_1"]],
  ["الطفل", ["art_1", "art_2"]],
  ["النيابة العامة", ["art_11", "art_12"]],
  ["شهادة زور", ["art_9"]],
  ["الشخص الاعتباري", ["art_6"]],
  ["الموانئ", ["art_3"]],
  // The plural finds the singular (السلطة، بسلطة) as well.
  ["السلطات", ["art_1", "art_2", "art_7", "art_10", "art_11"]],
  ["دينار", ["art_3", "art_4", "art_7"]],
  ["الإيواء", ["art_12"]],
  ["الجريدة الرسمية", ["art_14"]],
  ["قانون الجزاء", ["art_13"]],
  ["عاهة مستديمة", ["art_2", "art_8"]],
  ["بالإكراه", ["art_1"]],
  // Folded spellings: without hamza, with tatweel, with a joiner.
  ["الاكراه", ["art_1"]],
  ["المصـــادرة", ["art_5"]],
  ["المصا\u200dدرة", ["art_5"]],
];

const english = [
  ["passport", []],
  ["forced labour", ["art_1"]],
  // British and American spellings find each other (issue 19): the text
  // writes "labour" and "organized".
  ["forced labor", ["art_1"]],
  ["organized criminal group", ["art_1", "art_2", "art_3"]],
  ["organised criminal group", ["art_1", "art_2", "art_3"]],
  ["xylophone", []],
  ["combating", []],
  ["trafficking", ["art_1", "art_2", "art_12"]],
  // Article 12 has "a smuggled migrant".
  ["smuggling", ["art_1", "art_3", "art_12"]],
  ["confiscation", ["art_5"]],
  ["death penalty", ["art_2", "art_8", "art_13"]],
  ["slavery", ["art_1"]],
  ["child", ["art_1", "art_2"]],
  ["public prosecution", ["art_11", "art_12"]],
  ["false testimony", ["art_9"]],
  ["dissolved", ["art_6"]],
  ["travel document", ["art_1", "art_3"]],
  ["fine", ["art_3", "art_4", "art_6", "art_7"]],
  ["shelter", ["art_12"]],
  ["Official Gazette", ["art_14"]],
  ["Penal Code", ["art_13"]],
  ["permanent disability", ["art_2", "art_8"]],
  ["coercion", ["art_1"]],
  ["consent", ["art_2"]],
];

let site, origin, browser;

before(async () => {
  site = await startSite(workspace, { serveArgs: [], browserOptions: {} });
  ({ origin, browser } = site);
});

after(async () => {
  if (site) await site.close();
});

/// The articles the search page lists for `query` in the texts of `lang`.
async function search(page, lang, query) {
  const url = `${origin}/${lang}/search/index.html?in=${lang}&q=${encodeURIComponent(query)}`;
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status");
    return s && s.textContent && s.textContent !== "…";
  }, null, { timeout: 30_000 });
  const hrefs = await page.locator("#search-results li a.result-title").evaluateAll(
    (as) => as.map((a) => a.getAttribute("href")));
  return hrefs.map((h) => (h.match(/\/(art_[^/#]+)\//) || [])[1] || h);
}

function score(found, expected) {
  const hit = found.filter((x) => expected.includes(x)).length;
  return {
    precision: found.length ? hit / found.length : 1,
    recall: expected.length ? hit / expected.length : 1,
  };
}

async function run(lang, cases) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const rows = [];
  for (const [query, expected] of cases) {
    const found = await search(page, lang, query);
    rows.push({ query, expected, found, ...score(found, expected) });
  }
  await page.close();
  assert.deepEqual(errors, []);
  const mean = (k) => rows.reduce((a, r) => a + r[k], 0) / rows.length;
  console.log(`${lang}: ${rows.length} queries, mean precision ${mean("precision").toFixed(3)}, mean recall ${mean("recall").toFixed(3)}`);
  for (const r of rows) {
    console.log(`  ${r.precision.toFixed(2)} ${r.recall.toFixed(2)}  ${r.query}  found [${r.found.join(" ")}] expected [${r.expected.join(" ")}]`);
  }
  const bad = rows.filter((r) => r.precision < MIN_PRECISION || r.recall < MIN_RECALL);
  assert.deepEqual(bad.map((r) => `${r.query}: found [${r.found}] expected [${r.expected}]`), []);
}

test("at least 20 queries in each language", () => {
  assert.ok(arabic.length >= 20 && english.length >= 20);
});

test("Arabic queries find exactly the articles that hold them", async () => {
  await run("ar", arabic);
});

test("English queries find exactly the articles that hold them", async () => {
  await run("en", english);
});
