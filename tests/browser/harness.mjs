// What every browser test file shares: `mizan serve` of a workspace into a
// fresh folder, and Debian's Chromium (never a downloaded browser) driven by
// playwright-core with a fresh profile.
//
// Environment: MIZAN_BIN (default ../../target/debug/mizan), CHROMIUM
// (default /usr/bin/chromium).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../..");
const bin = process.env.MIZAN_BIN || join(repo, "target/debug/mizan");

/// Serves `workspace` (with `serveArgs`, e.g. `["--profile", "committee"]`)
/// and opens Chromium (with `browserOptions`, e.g. a viewport). Resolves to
/// `{ origin, browser, close }`; `close` stops both and removes their
/// folders.
export async function startSite(workspace, { serveArgs = [], browserOptions = {} } = {}) {
  const siteDir = mkdtempSync(join(tmpdir(), "mizan-browser-site-"));
  const server = spawn(bin, ["--workspace", workspace, "serve", "--port", "0", ...serveArgs, "--out", join(siteDir, "site")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const origin = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("mizan serve did not start within 120 s")), 120_000);
    let buf = "";
    server.stdout.on("data", (d) => {
      buf += d;
      const m = buf.match(/serving (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.on("exit", (code) => fail(new Error(`mizan serve exited with ${code}`)));
  });
  // A fresh profile folder for each run (playwright passes it to Chromium
  // as --user-data-dir).
  const profileDir = mkdtempSync(join(tmpdir(), "mizan-chromium-"));
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
      "--disable-gpu", "--no-first-run"],
    ...browserOptions,
  });
  const close = async () => {
    await browser.close();
    server.kill();
    for (const d of [profileDir, siteDir]) rmSync(d, { recursive: true, force: true });
  };
  return { origin, browser, close };
}
