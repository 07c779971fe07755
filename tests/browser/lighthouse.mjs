// Lighthouse over every page type of a served prongsai site, in mobile emulation, with the same
// Chromium as the other browser checks; run by run.mjs (section 7) and printable by hand:
//
//     node tests/browser/lighthouse.mjs http://127.0.0.1:PORT/ita/
//
// The thresholds are those of issue 15: accessibility, best practices and SEO 100, performance
// at least 95. Each page type's four scores are printed, then checked.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

/// Page types and their addresses under the site's base.
export const lighthousePages = {
  home: "",
  report: "report/",
  measure: "measures/m01/",
  "OIT checklist": "oit/",
  "OIT item": "oit/o1/",
  search: "search/?q=" + encodeURIComponent("ขยะ"),
  list: "measures/",
};

export const thresholds = { accessibility: 100, "best-practices": 100, seo: 100, performance: 95 };

/// Runs Lighthouse on each page type; returns [{kind, scores: {category: 0-100}}].
export async function runLighthouse(base, pages = lighthousePages) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const out = [];
  try {
    for (const [kind, path] of Object.entries(pages)) {
      const r = await lighthouse(base + path, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: Object.keys(thresholds),
      });
      const scores = {};
      for (const [id, c] of Object.entries(r.lhr.categories)) scores[id] = Math.round(c.score * 100);
      const failing = Object.values(r.lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
        .map((a) => a.id);
      out.push({ kind, scores, failing });
    }
  } finally {
    await chrome.kill();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runLighthouse(process.argv[2]);
  for (const r of results) console.log(r.kind.padEnd(14), JSON.stringify(r.scores), r.failing.join(" "));
}
