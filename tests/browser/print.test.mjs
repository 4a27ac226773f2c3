// The gap report printed as a document: Chromium prints report/index.html
// of the bundled workspace to PDF (A4), and pdftotext (poppler-utils, from
// tests/setup) reads it back: a sane page count; a first page that holds
// the cover (title, jurisdiction, assessment date, build date, revision),
// the method note and the contents, and is not half blank; running headers
// and page numbers from the second page on; every provision with its
// status, rationale, recommendation and sources. In English and Arabic.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repo, startSite } from "./harness.mjs";

let site, dir;

before(async () => {
  site = await startSite(repo);
  dir = mkdtempSync(join(tmpdir(), "mizan-print-"));
});

after(async () => {
  if (site) await site.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/// Prints `path` to PDF; returns the text of each page.
async function print(path, name) {
  const page = await site.browser.newPage();
  await page.goto(site.origin + path, { waitUntil: "load" });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  await page.close();
  const file = join(dir, name);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  // pdftotext ends every page with a form feed.
  return text.split("\f").slice(0, -1);
}

/// How far down the first page its text reaches, as a share of the height
/// inside the page margins (the page number in the bottom margin left out).
function firstPageFill(name) {
  const html = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-bbox", join(dir, name), "-"], { encoding: "utf8" });
  const height = Number(html.match(/<page width="[\d.]+" height="([\d.]+)"/)[1]);
  const bottom = height - (18 / 25.4) * 72; // the 18 mm margin of @page
  const ys = [...html.matchAll(/<word [^>]*yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y <= bottom);
  return Math.max(...ys) / bottom;
}

test("the English gap report prints as a document", async () => {
  const pages = await print("/en/report/index.html", "en.pdf");
  const n = pages.length;
  assert.ok(n >= 20 && n <= 200, `a sane page count: ${n}`);
  const first = pages[0];
  for (const s of ["GAP REPORT", "Kuwait: anti-trafficking law against", "Jurisdiction", "Kuwait",
    "Assessment date", "28 November 2026", "Built", "Revision", "mizan 0.1.0", "Method", "Contents",
    "C029 Forced Labour Convention"]) {
    assert.ok(first.includes(s), `the first page says ${s}:\n${first}`);
  }
  assert.match(first, /Revision\s+[\s\S]*\b[0-9a-f]{12}\b/, "the revision is a digest");
  const fill = firstPageFill("en.pdf");
  assert.ok(fill > 0.8, `the first page is not half blank: its text ends ${Math.round(fill * 100)}% down`);
  assert.ok(!first.includes(": gap report"), "no running header on the cover");
  for (let i = 1; i < n; i++) {
    assert.ok(pages[i].includes("international standards: gap report"), `running header on page ${i + 1}`);
    assert.ok(pages[i].includes(`Page ${i + 1} of ${n}`), `page number on page ${i + 1}`);
  }
  const all = pages.join("\n").replace(/\s+/g, " ");
  // Every provision, with its status; rationale, recommendation and sources
  // are printed whole.
  assert.ok((all.match(/ Rationale /g) || []).length >= 140, "the rationales are printed");
  for (const s of ["Art. 25: Penal offence ◐ Partial", "Exacting forced labour is a penal offence only in part",
    "Create a general offence of exacting forced labour", "ILO Committee of Experts, Direct Request on Convention No. 29",
    "Since the Constitutional Court ruling of 2019"]) {
    assert.ok(all.includes(s), `the report prints ${s}`);
  }
});

test("the Arabic gap report prints as a document, in Arabic digits", async () => {
  const pages = await print("/ar/report/index.html", "ar.pdf");
  const n = pages.length;
  assert.ok(n >= 20 && n <= 250, `a sane page count: ${n}`);
  const digits = (k) => String(k).replace(/[0-9]/g, (d) => "٠١٢٣٤٥٦٧٨٩"[d]);
  // pdftotext gives Arabic in visual order with bidi marks; compare words.
  const words = (p) => p.replace(/[\u200e\u200f\u202a-\u202e]/g, "");
  assert.ok(words(pages[0]).includes("٢٠٢٦"), "the assessment year in Arabic-Indic digits");
  const fill = firstPageFill("ar.pdf");
  assert.ok(fill > 0.8, `the first page is not half blank: its text ends ${Math.round(fill * 100)}% down`);
  const last = words(pages[n - 1]);
  assert.ok(last.includes(digits(n)), `the last page is numbered ${digits(n)}`);
});
