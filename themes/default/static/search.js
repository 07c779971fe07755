// The search page: reads ?q= (and the filters) from the address, asks the Pagefind index built
// by `prongsai build`, and lists the results with the match highlighted. No inline script, so a
// strict Content-Security-Policy holds (Pagefind needs 'wasm-unsafe-eval' for its WebAssembly).
//
// The index holds Arabic digits only (the build folds ๐-๙ to 0-9 before indexing), so a query in
// either kind of digits finds both; results are shown back in the site's own digits.

const root = new URL("../", import.meta.url);
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const moreWrap = document.getElementById("search-more-wrap");
const more = document.getElementById("search-more");
const thaiDigits = list.dataset.digits === "thai";
const FILTERS = ["assessment", "status", "unit", "year"];
const PAGE = 20;

const toArabic = (s) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const toSite = (s) =>
  thaiDigits ? s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d))) : s;

let pagefind = null;
async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    await pagefind.options({ exactDiacritics: true, baseUrl: root.pathname, excerptLength: 24 });
    await pagefind.init();
  }
  return pagefind;
}

// Pagefind finds candidates; a page is shown only when its text holds every word of the query
// (each word as the browser's Thai segmenter splits it: ทรัพย์ is in ทรัพย์สิน, ซื้อ is not in ซ้อน;
// Latin words and numbers must stand alone). Pagefind alone would also return near misses for a
// Thai word it does not know, and miss a compound its index split differently, so a second,
// looser candidate search (the first piece of each word) runs after the first.
const segmenter = new Intl.Segmenter("th", { granularity: "word" });
const fold = (s) => toArabic(s).toLocaleLowerCase();
const words = (query) =>
  [...segmenter.segment(fold(query))].filter((s) => s.isWordLike).map((s) => s.segment);
const isLatin = (w) => /^[a-z0-9]+$/.test(w);
const escapeRe = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function matcher(terms) {
  const patterns = terms.map((t) =>
    isLatin(t) ? new RegExp(`(?<![a-z0-9])${escapeRe(t)}(?![a-z0-9])`, "g") : new RegExp(escapeRe(t), "g"),
  );
  return {
    test: (text) => patterns.every((p) => ((p.lastIndex = 0), p.test(text))),
    // [start, end) of every match, sorted and merged.
    spans(text) {
      const found = [];
      for (const p of patterns) for (const m of ((p.lastIndex = 0), text.matchAll(p))) found.push([m.index, m.index + m[0].length]);
      found.sort((a, b) => a[0] - b[0]);
      const merged = [];
      for (const f of found) {
        const last = merged[merged.length - 1];
        if (last && f[0] <= last[1]) last[1] = Math.max(last[1], f[1]);
        else merged.push(f);
      }
      return merged;
    },
  };
}

// A short piece of the page around the first match, with every match in <mark>.
function excerpt(content, m) {
  const text = content.replace(/\s+/g, " ");
  const spans = m.spans(fold(text));
  const from = Math.max(0, (spans[0] ? spans[0][0] : 0) - 60);
  const to = Math.min(text.length, from + 200);
  const p = document.createElement("p");
  p.className = "excerpt";
  let at = from;
  if (from > 0) p.append("…");
  for (const [a, b] of spans) {
    if (b <= from || a >= to) continue;
    p.append(toSite(text.slice(at, Math.max(at, a))));
    const mark = document.createElement("mark");
    mark.textContent = toSite(text.slice(Math.max(a, at), b));
    p.append(mark);
    at = b;
  }
  p.append(toSite(text.slice(at, to)));
  if (to < text.length) p.append("…");
  return p;
}

function item(data, m) {
  const li = document.createElement("li");
  li.className = "result";
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = toSite(data.meta.title || data.url);
  h.append(a);
  li.append(h);
  const facts = [data.meta.assessment, data.meta.status].filter(Boolean);
  if (facts.length) {
    const meta = document.createElement("p");
    meta.className = "result-meta";
    meta.textContent = facts.join(" · ");
    li.append(meta);
  }
  li.append(excerpt(data.content || "", m));
  return li;
}

const MAX_CHECKED = 400; // candidates read at most for one query
let pending = [];
let checked = 0;
let found = 0;
let current = null;
let token = 0;

// Reads candidates in order until `want` more pages match or none are left.
async function fill(want, mine) {
  let added = 0;
  while (added < want && pending.length && checked < MAX_CHECKED) {
    const batch = pending.splice(0, Math.min(PAGE, MAX_CHECKED - checked));
    checked += batch.length;
    const datas = await Promise.all(batch.map((r) => r.data()));
    if (mine !== token) return;
    for (const d of datas) {
      if (!current.test(fold(d.content || ""))) continue;
      list.append(item(d, current));
      found++;
      added++;
    }
  }
  moreWrap.hidden = pending.length === 0 || checked >= MAX_CHECKED;
}

function announce(query) {
  const n = toSite(String(found));
  const complete = pending.length === 0 || checked >= MAX_CHECKED;
  status.textContent =
    found === 0
      ? `ไม่พบผลการค้นหาสำหรับ “${query}” ลองใช้คำอื่นหรือคำที่สั้นลง`
      : complete
        ? `พบ ${n} รายการสำหรับ “${query}”`
        : `พบ ${n} รายการแรกสำหรับ “${query}” กดแสดงผลเพิ่มเติมเพื่อดูต่อ`;
}

async function run() {
  const query = input.value.trim();
  const filters = {};
  for (const name of FILTERS) {
    const v = form.elements[name].value;
    if (v) filters[name] = v;
  }
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [k, v] of Object.entries(filters)) params.set(k, v);
  const qs = params.toString();
  history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
  const mine = ++token;
  list.replaceChildren();
  moreWrap.hidden = true;
  pending = [];
  checked = 0;
  found = 0;
  const terms = words(query);
  if (terms.length === 0) {
    status.textContent = query ? `ไม่พบผลการค้นหาสำหรับ “${query}”` : "";
    return;
  }
  status.textContent = "กำลังค้นหา…";
  current = matcher(terms);
  try {
    const pf = await engine();
    const strict = await pf.search(fold(query), { filters });
    const firsts = fold(query)
      .split(/\s+/)
      .map((w) => words(w)[0])
      .filter(Boolean)
      .join(" ");
    const loose = await pf.search(firsts, { filters });
    if (mine !== token) return;
    const seen = new Set();
    for (const r of [...strict.results, ...loose.results]) {
      if (!seen.has(r.id)) pending.push(r);
      seen.add(r.id);
    }
  } catch (e) {
    // In `prongsai serve` without --search there is no index: say how to get one.
    const preview = document.querySelector('script[src="/__prongsai/live.js"]');
    status.textContent = preview
      ? "ตัวอย่างเว็บไซต์นี้ไม่มีดัชนีค้นหา สั่ง prongsai serve --search เพื่อทดลองค้นหา / This preview has no search index: run prongsai serve --search"
      : "ค้นหาไม่ได้ในขณะนี้ ดูมาตรการทั้งหมดได้จากเมนูมาตรการ";
    if (preview) return;
    throw e;
  }
  document.title = `ค้นหา “${query}” | ${document.title.split(" | ").pop()}`;
  await fill(PAGE, mine);
  if (mine === token) announce(query);
}

async function showMore() {
  const mine = token;
  await fill(PAGE, mine);
  if (mine === token) announce(input.value.trim());
}

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
for (const name of FILTERS) {
  const v = params.get(name);
  if (v) form.elements[name].value = v;
}
form.addEventListener("submit", (e) => {
  e.preventDefault();
  run();
});
for (const name of FILTERS) form.elements[name].addEventListener("change", run);
more.addEventListener("click", showMore);
if (input.value) run();
