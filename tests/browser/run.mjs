// Browser checks of a built prongsai site, run by tests/browser.rs (or by hand):
//
//     node tests/browser/run.mjs http://127.0.0.1:PORT/ita/ path/to/public
//
// The site must be served under a sub-path. Checks, each printed as "ok" or "FAIL":
//   1. search quality: every query of queries.json gives exactly its expected pages;
//   2. the header search box works from the keyboard and the result count is announced;
//   3. axe-core finds no violation on any page type (desktop and 375 px wide), no console error
//      (CSP included), and no page scrolls sideways at 375 px;
//   4. the Nu HTML Checker (vnu) finds no error in any page type;
//   5. the report prints to an A4 landscape PDF in the bundled Sarabun font whose text holds
//      every current measure, a page number on every page, the as-of date and no table header
//      alone at the bottom of a page (read by layout, so it does not depend on the machine's fonts);
//   6. a crawl of every page under the sub-path finds no broken link, image, script or request;
//   7. Lighthouse (mobile emulation) on every page type: accessibility, best practices and SEO
//      100, performance at least 95 (LIGHTHOUSE=0 skips it).
// The last line is "N passed, M failed"; the exit status is 1 when anything failed.

import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const [base, dir] = process.argv.slice(2);
if (!base || !dir) {
  console.error("usage: node run.mjs BASE_URL PUBLIC_DIR");
  process.exit(2);
}
const prefix = new URL(base).pathname;
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const queries = JSON.parse(readFileSync(join(here, "queries.json"), "utf8")).queries;
const work = mkdtempSync(join(process.env.PRONGSAI_TMP || tmpdir(), "browser-"));

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `\n     ${detail}`}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

// Every page opened through here records console errors and failed requests.
const problems = [];
async function open(context, url) {
  const page = await context.newPage();
  page.on("console", (m) => {
    const expected404 = url.includes("no-such-page") && m.text().includes("404");
    // The browser asks the host's root for /favicon.ico, outside the site: not the site's link.
    const favicon = (m.location().url || "").endsWith("/favicon.ico");
    if (m.type() === "error" && !expected404 && !favicon) problems.push(`${url}: console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${url}: ${e.message}`));
  page.on("response", (r) => {
    const expected404 = url.includes("no-such-page");
    if (r.status() >= 400 && !(expected404 && r.url() === url))
      problems.push(`${url}: ${r.status()} ${r.url()}`);
  });
  page.on("requestfailed", (r) => problems.push(`${url}: failed ${r.url()}`));
  await page.goto(url, { waitUntil: "networkidle" });
  return page;
}

// ---------------------------------------------------------------- 1. search quality
async function results(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status").textContent;
    return s && !s.startsWith("กำลังค้นหา");
  });
  const status = await page.textContent("#search-status");
  const hrefs = await page.$$eval("#search-results a", (as) => as.map((a) => a.pathname));
  const slugs = hrefs.map((h) => h.replace(`${prefix}measures/`, "").replace(/\/$/, ""));
  return { status, slugs };
}

const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });

// Searches `q` (with `extra` address parameters): the status, the slugs in order, and the first
// result's excerpt (its text and highlighted pieces).
async function search(q, extra = "") {
  const page = await open(desktop, `${base}search/?q=${encodeURIComponent(q)}${extra}`);
  const found = await results(page);
  found.excerpt = await page.$eval("#search-results .excerpt", (p) => ({
    text: p.textContent,
    marks: [...p.querySelectorAll("mark")].map((m) => m.textContent),
  })).catch(() => ({ text: "", marks: [] }));
  // Each result's excerpt by slug, and the results shown for a close spelling.
  const each = await page.$$eval("#search-results li", (lis) =>
    lis.map((li) => ({
      href: li.querySelector("a").pathname,
      near: li.classList.contains("near"),
      text: li.querySelector(".excerpt")?.textContent || "",
      marks: [...li.querySelectorAll(".excerpt mark")].map((m) => m.textContent),
    })),
  );
  const slug = (h) => h.replace(`${prefix}measures/`, "").replace(/\/$/, "");
  found.excerpts = Object.fromEntries(each.map((r) => [slug(r.href), r]));
  found.near = each.filter((r) => r.near).map((r) => slug(r.href));
  await page.close();
  return found;
}

// A query with `near` lists the pages it finds only through a close spelling (labelled so, after
// any exact hit); one with `excerpt` names a result whose excerpt starts with `starts` and
// highlights exactly `marks`.
let good = 0;
for (const { q, expect, near = [], excerpt, cat = "" } of queries) {
  const { status, slugs, excerpts, near: shownNear } = await search(q);
  const sorted = (list) => [...list].sort().join(" ");
  const want = sorted(expect);
  const got = sorted(slugs);
  let ok =
    expect.length === 0 ? slugs.length === 0 && status.startsWith("ไม่พบผลการค้นหา") : want === got;
  let detail = `expected [${want}], got [${slugs.join(" ")}] (${status})`;
  if (ok && sorted(near) !== sorted(shownNear)) {
    ok = false;
    detail = `expected [${sorted(near)}] as close-spelling results, got [${sorted(shownNear)}] (${status})`;
  }
  if (ok && near.length && !status.includes("ค้นหาคำที่ใกล้เคียง")) {
    ok = false;
    detail = `close-spelling results not announced: ${status}`;
  }
  if (ok && excerpt) {
    const e = excerpts[excerpt.of] || { text: "", marks: [] };
    const text = e.text.replace(/^…/, "");
    ok = sorted(e.marks) === sorted(excerpt.marks) && text.startsWith(excerpt.starts);
    detail = `excerpt of ${excerpt.of}: expected marks [${excerpt.marks}] from "${excerpt.starts}", got ${JSON.stringify(e)}`;
  }
  if (ok) good++;
  check(`search ${cat ? `(${cat}) ` : ""}${q}`, ok, detail);
}
console.log(`search quality: ${good}/${queries.length} queries give exactly their expected pages`);

// ---------------------------------------------------------------- 2. keyboard search from the header
{
  const page = await open(desktop, base);
  await page.focus("#site-search-q");
  await page.keyboard.type("ทรัพย์สิน");
  await page.keyboard.press("Enter");
  await page.waitForURL(/search\/\?q=/);
  const { status, slugs } = await results(page);
  const live = await page.getAttribute("#search-status", "aria-live");
  check(
    "header search box by keyboard, result count announced",
    slugs.includes("m01") && /^พบ/.test(status) && live === "polite",
    `status "${status}", results ${slugs}`,
  );
  // Tab reaches the first result and it has a visible focus outline.
  await page.focus("#q");
  let outline = "";
  for (let i = 0; i < 12 && !outline; i++) {
    await page.keyboard.press("Tab");
    outline = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a.closest("#search-results")) return "";
      const s = getComputedStyle(a);
      return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? "visible" : "none";
    });
  }
  check("keyboard focus on a result is visible", outline === "visible", `outline ${outline}`);
  // Filters narrow the results and go into the address.
  await page.selectOption("#f-assessment", "OIT");
  await page.waitForURL(/assessment=OIT/);
  const filtered = await results(page);
  check("assessment filter narrows the results", filtered.slugs.length === 0 || !filtered.slugs.includes("m01"),
    `got ${filtered.slugs}`);
  await page.close();
}

// The unit filter keeps exactly the measures that unit is responsible for, and pages whose title
// holds the query come before those that only mention it (both read from the fixture's files).
// The excerpt highlights the match and does not repeat the title shown above it.
{
  const dir = join(here, "../fixtures/thai-search/content/measures");
  const measuresWhere = (re) =>
    readdirSync(dir)
      .filter((f) => re.test(readFileSync(join(dir, f), "utf8")))
      .map((f) => f.replace(/\.md$/, ""))
      .sort();
  const want = measuresWhere(/^responsible:.*กองช่าง/m);
  const { slugs } = await search("กอง", `&unit=${encodeURIComponent("กองช่าง")}`);
  check("unit filter keeps exactly that unit's measures", want.length > 0 && [...slugs].sort().join(" ") === want.join(" "),
    `expected [${want}], got [${slugs}]`);
  const titled = measuresWhere(/^title:.*ประชาชน/m);
  const ranked = await search("ประชาชน");
  const head = ranked.slugs.slice(0, titled.length).sort().join(" ");
  check("pages with the word in their title come first", titled.includes("m33") && head === titled.join(" ") &&
    ranked.slugs.length > titled.length, `titles [${titled}], got [${ranked.slugs}]`);
  const hit = await search("ประจำศูนย์");
  check("the excerpt highlights the match", hit.excerpt.marks.includes("ประจำศูนย์"), JSON.stringify(hit.excerpt));
  // ไฟ is only in m33's title: the excerpt is the start of the page after it.
  const { text } = (await search("ไฟ")).excerpt;
  check("the excerpt does not repeat the title", text !== "" && !text.includes("การป้องกันไฟป่า") && !text.startsWith("…"), text);
}

// List pages: link filters work without JavaScript; with it, the status menu narrows the table.
{
  const page = await open(desktop, base + "years/2567/");
  const links = await page.$$eval("nav.filters a", (as) => as.map((a) => a.getAttribute("href")));
  await page.selectOption("#status-filter", "not_done");
  const visible = await page.$$eval("table.measures tbody tr", (rs) => rs.filter((r) => !r.hidden).length);
  const said = await page.textContent(".status-filter-count");
  check("year page: filter links, and the status menu narrows the table", links.length >= 2 && visible === 2 && said.startsWith("แสดง"),
    `links ${links}, ${visible} rows, "${said}"`);
  await page.close();
}

// ---------------------------------------------------------------- 3. axe, console, 375 px
const pageTypes = {
  home: "",
  report: "report/",
  measures: "measures/",
  measure: "measures/m01/",
  assessments: "assessment/",
  assessment: "assessment/iit/",
  units: "units/",
  unit: "units/" + readdirFirst("units") + "/",
  year: "years/2567/",
  page: "about/",
  search: "search/?q=" + encodeURIComponent("ขยะ"),
  "search, no match": "search/?q=" + encodeURIComponent("ดาวเทียม"),
  "404": "no-such-page/",
};
if (existsSync(join(dir, "oit/index.html"))) pageTypes["OIT checklist"] = "oit/";
if (existsSync(join(dir, "oit/o1/index.html"))) pageTypes["OIT item"] = "oit/o1/";

function readdirFirst(sub) {
  const html = readFileSync(join(dir, sub, "index.html"), "utf8");
  const m = html.match(new RegExp(`href="(?:\\.\\./)?${sub}/([^"/]+)/"`)) || html.match(/href="([^".\/][^"/]*)\/"/);
  return m ? m[1] : "";
}

const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
for (const [kind, path] of Object.entries(pageTypes)) {
  for (const [label, context] of [["desktop", desktop], ["375 px", phone]]) {
    const before = problems.length;
    const page = await open(context, base + path);
    if (path.startsWith("search/")) await results(page);
    await page.evaluate(axeSource);
    const axe = await page.evaluate(() =>
      axe.run(document, { resultTypes: ["violations"] }).then((r) =>
        r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(" ")}`),
      ),
    );
    check(`axe ${kind} (${label})`, axe.length === 0, axe.join("\n     "));
    if (label === "375 px") {
      const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      check(`no sideways scroll at 375 px: ${kind}`, sw <= iw, `scrollWidth ${sw} > ${iw}`);
    }
    const mine = problems.slice(before);
    check(`no console error or failed request: ${kind} (${label})`, mine.length === 0, mine.join("\n     "));
    await page.close();
  }
}
// 200 % zoom: the text reflows within a 640 px window without sideways scrolling.
{
  const zoom = await browser.newContext({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });
  const page = await open(zoom, base + "report/");
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check("report readable at 200 % text size without sideways scroll", sw <= iw, `scrollWidth ${sw} > ${iw}`);
  await zoom.close();
}

// ---------------------------------------------------------------- 4. vnu
{
  const files = Object.entries(pageTypes)
    .filter(([, p]) => !p.includes("?") && p !== "no-such-page/")
    .map(([, p]) => join(dir, p, "index.html"))
    .concat([join(dir, "404.html"), join(dir, "search/index.html")]);
  const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
  let out = "";
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", "--format", "gnu", ...files], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    out = `${e.stdout || ""}${e.stderr || ""}`.trim();
  }
  check(`vnu: no HTML error in ${files.length} pages`, out === "", out.split("\n").slice(0, 20).join("\n     "));
}

// ---------------------------------------------------------------- 5. report as PDF
{
  const page = await open(desktop, base + "report/");
  const pdf = join(work, "report.pdf");
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.close();
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const size = info.match(/Page size:\s+([\d.]+) x ([\d.]+)/);
  const landscape = size && Math.abs(+size[1] - 841.89) < 2 && Math.abs(+size[2] - 595.28) < 2;
  check("report PDF is A4 landscape", landscape, size ? size[0] : info);
  const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
  check("report PDF sets its text in the bundled Sarabun", /Sarabun/.test(fonts), fonts);
  // Each page's text blocks as laid out (pdftotext -bbox-layout): a table cell is a block, so a
  // title wrapped inside its cell reads whole, however the machine's fonts would wrap it.
  const pages = pdfBlocks(pdf);
  const measures = JSON.parse(readFileSync(join(dir, "measures.json"), "utf8"));
  const year = Math.max(...measures.map((m) => m.fiscal_year));
  const titles = measures.filter((m) => m.fiscal_year === year).map((m) => m.title.replace(/\s+/g, ""));
  const all = pages.flat();
  const missing = titles.filter((t) => !all.some((b) => b.includes(t)));
  check("report PDF holds every current measure", missing.length === 0, `missing: ${missing.join(", ")}`);
  const numbered = pages.filter((blocks, i) => blocks.some((b) => b.startsWith("หน้า") && b.includes("/")));
  check("report PDF numbers every page", numbered.length === pages.length, `${numbered.length} of ${pages.length}`);
  check("report PDF gives the as-of date", all.some((b) => b.includes("ข้อมูลณวันที่")));
  const orphans = pages
    .map((blocks, i) => [i + 1, blocks.some((b) => b.includes("วิธีการดำเนินการ")), blocks.some((b) => titles.some((t) => b.includes(t)))])
    .filter(([, header, row]) => header && !row)
    .map(([n]) => n);
  check("report PDF: no table header alone at the bottom of a page", orphans.length === 0, `pages ${orphans.join(", ")}`);
  const wide = await (async () => {
    const p = await open(desktop, base + "report/");
    await p.emulateMedia({ media: "print" });
    await p.setViewportSize({ width: 1047, height: 700 }); // A4 landscape less 12 mm margins, at 96 dpi
    const r = await p.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    await p.close();
    return r;
  })();
  check("report table fits the printed page width", wide[0] <= wide[1], `${wide[0]} > ${wide[1]}`);
}

/// Each page of a PDF as text read by layout (pdftotext -bbox-layout), whitespace removed: its
/// blocks, then the first table column read top to bottom (the lines left of the header
/// "วิธีการดำเนินการ"), so a measure's title wrapped inside its cell reads whole however the
/// machine's fonts would wrap it.
function pdfBlocks(pdf) {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const words = (s) => [...s.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((m) => m[1]).join("")
    .replaceAll("&amp;", "&").replaceAll("&quot;", '"').replace(/\s+/g, "");
  return xml.split(/<page /).slice(1).map((page) => {
    const blocks = page.split(/<block /).slice(1).map(words);
    const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)]
      .map((m) => ({ x: +m[1], y: +m[2], right: +m[3], text: words(m[4]) }));
    const header = lines.find((l) => l.text.includes("วิธีการดำเนินการ"));
    if (header) {
      const column = lines.filter((l) => l.right < header.x && l.y > header.y).sort((a, b) => a.y - b.y || a.x - b.x);
      blocks.push(column.map((l) => l.text).join(""));
    }
    return blocks;
  });
}

// ---------------------------------------------------------------- 6. crawl under the sub-path
{
  const seen = new Set();
  const broken = [];
  const queue = [base];
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await fetch(url);
    if (res.status !== 200) {
      broken.push(`${res.status} ${url}`);
      continue;
    }
    if (!(res.headers.get("content-type") || "").startsWith("text/html")) continue;
    const html = await res.text();
    for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const raw = m[1].replaceAll("&amp;", "&");
      if (/^(mailto|tel|https?):/.test(raw) && !raw.startsWith(new URL(base).origin)) continue;
      const target = new URL(raw, url);
      target.hash = "";
      if (target.origin !== new URL(base).origin) continue;
      if (!target.pathname.startsWith(prefix)) {
        broken.push(`outside ${prefix}: ${raw} in ${url}`);
        continue;
      }
      queue.push(target.href);
    }
  }
  check(`crawl of ${seen.size} addresses under ${prefix}: nothing broken`, broken.length === 0, broken.slice(0, 20).join("\n     "));
  const measures = JSON.parse(readFileSync(join(dir, "measures.json"), "utf8"));
  check("crawl reached every measure", measures.every((m) => seen.has(`${base}measures/${m.slug}/`)));
}

// ---------------------------------------------------------------- open data as a browser gets it
{
  const csv = Buffer.from(await (await fetch(`${base}measures.csv`)).arrayBuffer());
  check("measures.csv starts with a UTF-8 BOM and holds Thai", csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf && csv.toString("utf8").includes("ทรัพย์สิน"));
  const atom = await (await fetch(`${base}atom.xml`)).text();
  check("atom.xml is an Atom feed in Thai", atom.includes('xmlns="http://www.w3.org/2005/Atom"') && atom.includes('xml:lang="th"'));
}

// ---------------------------------------------------------------- 7. Lighthouse
if (process.env.LIGHTHOUSE !== "0") {
  const { runLighthouse, lighthousePages, thresholds } = await import("./lighthouse.mjs");
  let results = await runLighthouse(base);
  // Performance is timed on a shared machine: a page below it is measured once more.
  const slow = results.filter((r) => r.scores.performance < thresholds.performance).map((r) => r.kind);
  if (slow.length) {
    const again = await runLighthouse(base, Object.fromEntries(slow.map((k) => [k, lighthousePages[k]])));
    results = results.map((r) => again.find((a) => a.kind === r.kind) || r);
  }
  for (const r of results) {
    const low = Object.entries(thresholds).filter(([c, min]) => r.scores[c] < min);
    check(`lighthouse ${r.kind}: ${JSON.stringify(r.scores)}`, low.length === 0,
      `below: ${low.map(([c, min]) => `${c} ${r.scores[c]} < ${min}`).join(", ")}; failing audits: ${r.failing.join(" ")}`);
  }
}

check("no console error or failed request on any page visited (search included)", problems.length === 0,
  problems.slice(0, 20).join("\n     "));
writeFileSync(join(work, "problems.txt"), problems.join("\n"));
await browser.close();
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
