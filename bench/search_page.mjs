// Times the site's search page in headless Chromium (Debian's, driven by
// playwright-core from tests/browser/node_modules; never a downloaded
// browser): from submitting a query to its results listed, on a site
// already built (`mizan build --out SITE`), served by a small static
// server of this script's own on 127.0.0.1. The first query of a fresh
// browser profile loads the language's search shards (their entry and
// metadata files and filters, every bundle merged by `mergeIndex`); the
// queries after it only load the index chunks their words need.
//
// Each query set is run ROUNDS times, each round in a fresh profile, with
// no network limit and then with an emulated connection (40 ms round trip,
// 20 Mbit/s down), as a reader away from the server has; its first query
// once submitted as soon as the page has loaded (as a link with `?q=`
// does) and once typed at ten characters a second, timed from its Enter.
//
// Usage: node bench/search_page.mjs SITE [ROUNDS]   (default 3)
// Prints, per condition and query: the median and range in milliseconds,
// and the number of requests the page made.
import { createServer } from "node:http";
import { createReadStream, mkdtempSync, rmSync, statSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../tests/browser/package.json"));
const { chromium } = require("playwright-core");

const site = resolve(process.argv[2] || "");
const rounds = Number(process.argv[3] || 3);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = join(site, path);
  if (!file.startsWith(site)) { res.writeHead(403).end(); return; }
  try {
    const st = statSync(file);
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] || "application/octet-stream",
      "content-length": st.size,
    });
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const shards = (lang) =>
  readdirSync(join(site, "pagefind")).filter((d) => d.startsWith(lang + "-")).length;

// [language, queries]: the first query of each set is the cold one.
const SETS = [
  ["en", ["recruitment agency", "passport", "harboured", "organised criminal group"]],
  ["ar", ["جواز سفر", "الاستقدام", "الأجر الشهري"]],
];
const CONDITIONS = [
  ["no network limit", null],
  ["40 ms, 20 Mbit/s", { offline: false, latency: 40, downloadThroughput: 2.5e6, uploadThroughput: 1.25e6 }],
];

// Submits `query` on the open search page and resolves to the time in
// milliseconds (the page's clock) until the results are listed.
async function timeQuery(page, query) {
  return page.evaluate((q) => new Promise((ok) => {
    const status = document.getElementById("search-status");
    const input = document.getElementById("q");
    const form = document.getElementById("search-form");
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      const s = status.textContent;
      if (s && s !== "…") { obs.disconnect(); ok(performance.now() - t0); }
    });
    obs.observe(status, { childList: true, characterData: true, subtree: true });
    input.value = q;
    form.requestSubmit();
  }), query);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (t) => `${median(t).toFixed(0)} ms (${Math.min(...t).toFixed(0)}–${Math.max(...t).toFixed(0)})`;

// One round in a fresh profile: the page opened, then each query in turn,
// the first typed (at ten characters a second, as a reader types) when
// `typed`, else submitted as soon as the page has loaded. Resolves to the
// times and the number of requests.
async function round(lang, queries, net, typed) {
  const profile = mkdtempSync(join(tmpdir(), "serve-fast-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
      "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = browser.pages()[0] || await browser.newPage();
    if (net) {
      const cdp = await browser.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", net);
    }
    let n = 0;
    page.on("request", () => n++);
    await page.goto(`${origin}/${lang}/search/index.html?in=${lang}`, { waitUntil: "load" });
    const times = [];
    for (let i = 0; i < (typed ? 1 : queries.length); i++) {
      if (typed) await page.type("#q", queries[i], { delay: 100 });
      times.push(await timeQuery(page, queries[i]));
    }
    return { times, requests: n };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

console.log(`site ${site}: ${shards("en")} English shards, ${shards("ar")} Arabic shards`);
for (const [label, net] of CONDITIONS) {
  for (const [lang, queries] of SETS) {
    const times = queries.map(() => []);
    const typedTimes = [];
    const requests = [];
    for (let r = 0; r < rounds; r++) {
      const at = await round(lang, queries, net, false);
      at.times.forEach((t, i) => times[i].push(t));
      requests.push(at.requests);
      typedTimes.push((await round(lang, queries, net, true)).times[0]);
    }
    console.log(`${label}\t${lang}\tfirst, typed\t${queries[0]}\t${fmt(typedTimes)}`);
    for (let i = 0; i < queries.length; i++) {
      console.log(`${label}\t${lang}\t${i === 0 ? "first, at once" : "next"}\t${queries[i]}\t${fmt(times[i])}`);
    }
    console.log(`${label}\t${lang}\trequests per round: ${requests.join(", ")}`);
  }
}
server.close();
