// The preview in a real browser, run by tests/browser.rs (or by hand):
//
//     node tests/browser/live.mjs http://127.0.0.1:PORT/ita/ path/to/site
//
// With `prongsai serve` running on the site (a copy of tests/fixtures/minimal): an edited measure
// reloads the open page by itself; a broken file shows the error box over the page, styled and
// closable; fixing it reloads the page without the box; and the page's Content-Security-Policy
// refuses nothing the preview adds. The last line is "N passed, M failed"; exit 1 on a failure.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [base, site] = process.argv.slice(2);
if (!base || !site) {
  console.error("usage: node live.mjs BASE_URL SITE_DIR");
  process.exit(2);
}
const measure = join(site, "content/measures/eit-1.md");
const edit = (from, to) => {
  const text = readFileSync(measure, "utf8");
  if (!text.includes(from)) throw new Error(`eit-1.md holds no ${from}`);
  writeFileSync(measure, text.replace(from, to));
};

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `\n     ${detail}`}`);
}
async function step(name, fn) {
  try {
    await fn();
    check(name, true);
  } catch (e) {
    check(name, false, String(e).split("\n")[0]);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const page = await browser.newPage();
const errors = [];
// Failed requests are told by the response listener, with their address (the favicon is allowed).
page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && errors.push(`${r.status()} ${r.url()}`));
page.on("pageerror", (e) => errors.push(String(e)));
let loads = 0;
page.on("load", () => loads++);

await page.goto(base + "measures/eit-1/");
// The live-reload connection is open once the server has said hello.
await step("the live-reload script runs under the page's CSP and connects", () =>
  page.waitForFunction(() => window.prongsaiLive === "connected", null, { timeout: 10000 }),
);

await step("an edited measure reloads the open page by itself", async () => {
  const before = loads;
  edit("การปรับปรุงคุณภาพ", "ปรับปรุงใหม่ในเบราว์เซอร์");
  await page.waitForFunction(() => document.body.innerText.includes("ปรับปรุงใหม่ในเบราว์เซอร์"), null, {
    timeout: 10000,
  });
  if (loads <= before) throw new Error("the page changed without a reload");
});

await step("a broken file shows the error box over the page", async () => {
  await page.waitForFunction(() => window.prongsaiLive === "connected", null, { timeout: 10000 });
  edit("score: 80", "score: [80");
  const box = await page.waitForSelector("#prongsai-error", { timeout: 10000 });
  const style = await box.evaluate((b) => getComputedStyle(b).position);
  if (style !== "fixed") throw new Error(`the box is not laid over the page (position ${style})`);
  const text = await box.innerText();
  if (!text.includes("content/measures/eit-1.md:")) throw new Error(`no file:line in ${text}`);
  if (!text.includes("score: [80")) throw new Error("no snippet");
});

await step("the error box closes from its button", async () => {
  await page.click("#prongsai-error button");
  await page.waitForSelector("#prongsai-error", { state: "detached", timeout: 5000 });
});

await step("fixing the file reloads the page without the box", async () => {
  await page.waitForFunction(() => window.prongsaiLive === "connected", null, { timeout: 10000 });
  edit("score: [80", "score: 81");
  await page.waitForFunction(() => document.body.innerText.includes("๘๑"), null, { timeout: 10000 });
  if (await page.$("#prongsai-error")) throw new Error("the box is still there");
});

await step("the search page says how to get an index in the preview", async () => {
  await page.goto(base + "search/?q=" + encodeURIComponent("ทรัพย์สิน"));
  await page.waitForFunction(
    () => (document.querySelector("[role=status], .search-status")?.textContent || "").includes("--search"),
    null,
    { timeout: 10000 },
  );
});
await step("eight tabs of one browser all load and all reload on an edit (one shared connection)", async () => {
  // A browser opens at most six connections to one address over HTTP/1.1.
  const context = await browser.newContext();
  const tabs = [];
  for (let i = 0; i < 8; i++) {
    const tab = await context.newPage();
    await tab.goto(base + "measures/eit-1/", { timeout: 10000 });
    tabs.push(tab);
  }
  for (const tab of tabs) {
    await tab.waitForFunction(() => window.prongsaiLive === "connected", null, { timeout: 10000 });
  }
  edit("score: 81", "score: 82");
  for (const tab of tabs) {
    await tab.waitForFunction(() => document.body.innerText.includes("๘๒"), null, { timeout: 10000 });
  }
  await context.close();
});

await step("the OIT page shows the clerk's to-do box in the preview only", async () => {
  await page.goto(base + "oit/");
  const box = await page.waitForSelector("#prongsai-notes", { timeout: 10000 });
  const text = await box.innerText();
  if (!text.includes("O1 ") || !text.includes("content/disclosures.yaml"))
    throw new Error(`no O1 with its hint in ${text.slice(0, 200)}`);
  if (!text.includes("ยังไม่ยืนยัน")) throw new Error("no unverified mark");
  // The page as served (what build writes, as the serve==build test keeps it), before live.js runs.
  const published = await (await fetch(base + "oit/")).text();
  if (published.includes("prongsai-notes") || published.includes("disclosures.yaml"))
    throw new Error("public/oit/index.html holds the to-do list");
});

await step("an OIT item page shows its own to-do entry", async () => {
  await page.goto(base + "oit/o1/");
  const box = await page.waitForSelector("#prongsai-notes", { timeout: 10000 });
  const text = await box.innerText();
  if (!text.includes("O1 ") || text.includes("O2 ")) throw new Error(`not O1's alone: ${text.slice(0, 200)}`);
});

// The preview has no index (serve without --search): that one missing file is expected.
const unexpected = errors.filter((e) => !/^404 .*\/search-index\/index\.json(\?.*)?$/.test(e));
errors.length = 0;
errors.push(...unexpected);

check("the page's Content-Security-Policy refuses nothing the preview adds", errors.length === 0, errors.join(" | "));

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
