// The example site (the repository's own content/): searching ทรัพย์สิน finds the measure about the
// use of state property. Run by tests/browser.rs:  node example.mjs BASE_URL
import { chromium } from "playwright-core";

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage();
await page.goto(`${base}search/?q=${encodeURIComponent("ทรัพย์สิน")}`);
await page.waitForFunction(() => {
  const s = document.getElementById("search-status").textContent;
  return s && !s.startsWith("กำลังค้นหา");
});
const hrefs = await page.$$eval("#search-results a", (as) => as.map((a) => a.pathname));
await browser.close();
const ok = hrefs[0] && hrefs[0].endsWith("/measures/iit-public-private-interest/");
console.log(`${ok ? "ok  " : "FAIL"} example site: ทรัพย์สิน finds the measure on state property (got ${hrefs.join(" ")})`);
console.log(`example: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
