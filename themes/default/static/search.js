// The search page: reads ?q= (and the filters) from the address, looks the words up in the index
// `prongsai build` writes to search-index/ (see src/search.rs for its files), and lists the pages
// that hold every word, with the matches highlighted. No inline script and no WebAssembly, so a
// strict Content-Security-Policy (script-src 'self') holds.
//
// The index maps each run of three characters of a page's folded text (Thai digits as Arabic,
// lower case) to the pages holding it. A query is cut into words by the browser's Thai segmenter;
// the candidates are the pages holding every three-character run of every word (a shorter word:
// any run starting with it); a candidate is shown when its text holds every word (a Thai word
// anywhere, so ทรัพย์ finds ทรัพย์สิน; a Latin word or a number standing alone). Tone and vowel
// marks count: ซื้อ does not find ซ้อน. Pages whose title holds the words come first.

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

// ---------------------------------------------------------------- the index
const indexUrl = new URL("search-index/", root);
let manifest = null;
const files = new Map(); // file name -> Promise of its contents

async function index() {
  if (!manifest) {
    const res = await fetch(new URL("index.json", indexUrl), { cache: "no-cache" });
    if (!res.ok) throw new Error(`search index: ${res.status}`);
    const m = await res.json();
    if (m.format !== 1) throw new Error(`search index format ${m.format}`);
    manifest = m;
  }
  return manifest;
}

// A file of the index; its address carries the index version, so a cached file of an older index
// is never mixed with a newer one.
function file(name, parse) {
  if (!files.has(name)) {
    const url = new URL(`${name}?v=${manifest.version}`, indexUrl);
    files.set(
      name,
      fetch(url).then((res) => {
        if (!res.ok) throw new Error(`${name}: ${res.status}`);
        return parse(res);
      }),
    );
  }
  return files.get(name);
}

// The LEB128 varint at bytes[at]: [its value, where the next one starts].
function varint(bytes, at) {
  let n = 0;
  for (let shift = 0; ; shift += 7) {
    const b = bytes[at++];
    n += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [n, at];
  }
}

// A .bin file: entries of key length (1 byte), key (UTF-8), postings length (varint), postings.
const utf8 = new TextDecoder();
async function bin(res) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const entries = new Map();
  for (let i = 0; i < bytes.length; ) {
    const len = bytes[i++];
    const key = utf8.decode(bytes.subarray(i, i + len));
    const [size, at] = varint(bytes, i + len);
    entries.set(key, bytes.subarray(at, at + size));
    i = at + size;
  }
  return entries;
}

// Postings: varints of (page - previous page) << 1 | in title -> Map page -> in title.
function pages(postings) {
  const out = new Map();
  let page = -1;
  for (let i = 0, n; i < postings.length; ) {
    [n, i] = varint(postings, i);
    page += Math.floor(n / 2);
    out.set(page, n % 2 === 1);
  }
  return out;
}

const shardFile = (prefix) =>
  `s${[...prefix].map((c) => "-" + c.codePointAt(0).toString(16).padStart(4, "0")).join("")}.bin`;

// The pages that may hold `word` (folded): those holding each of its trigrams; for a word of one
// or two characters, those holding any trigram that starts with it.
async function candidates(word) {
  const m = await index();
  const chars = [...word];
  if (chars.length < 3) {
    const found = new Map();
    const shards = m.shards.filter((p) => p.startsWith(word) || word.startsWith(p));
    for (const entries of await Promise.all(shards.map((p) => file(shardFile(p), bin))))
      for (const [key, postings] of entries)
        if (key.startsWith(word)) for (const [p, t] of pages(postings)) found.set(p, found.get(p) || t);
    return found;
  }
  const shards = new Set(m.shards);
  const keys = new Set();
  for (let i = 0; i + 3 <= chars.length; i++) keys.add(chars.slice(i, i + 3).join(""));
  const lists = await Promise.all(
    [...keys].map(async (key) => {
      const k = [...key];
      const prefix = [3, 2, 1, 0].map((n) => k.slice(0, n).join("")).find((p) => shards.has(p));
      if (prefix === undefined) return new Map();
      const postings = (await file(shardFile(prefix), bin)).get(key);
      return postings ? pages(postings) : new Map();
    }),
  );
  return intersect(lists);
}

// The pages in every list; in title when in title in every list.
function intersect(lists) {
  lists.sort((a, b) => a.size - b.size);
  const [first, ...rest] = lists;
  const out = new Map();
  for (const [p, t] of first) {
    let title = t;
    if (rest.every((l) => l.has(p) && ((title = title && l.get(p)), true))) out.set(p, title);
  }
  return out;
}

// The pages that have every chosen filter value.
async function filtered(filters) {
  const names = Object.keys(filters);
  if (!names.length) return null;
  const entries = await file("filters.bin", bin);
  return intersect(names.map((n) => pages(entries.get(`${n}:${filters[n]}`) || new Uint8Array())));
}

// The text of page `id`, from the chunk that holds it.
async function page(id) {
  const m = await index();
  let lo = 0;
  let hi = m.chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m.chunks[mid] <= id) lo = mid;
    else hi = mid - 1;
  }
  const chunk = await file(`d-${lo}.json`, (res) => res.json());
  return chunk[id - m.chunks[lo]];
}

// ---------------------------------------------------------------- matching and showing
const segmenter = new Intl.Segmenter("th", { granularity: "word" });
// As the index spells it: Arabic digits, lower case, sara am as one character (not ํ + า).
const fold = (s) => toArabic(s).toLowerCase().replace(/\u0E4D\u0E32/g, "\u0E33");
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

// A short piece of the page around its first match after the title (shown above it), with every
// match in <mark>; the start of the page after the title when the title alone holds the words.
function excerpt(doc, m) {
  const text = doc.text;
  const skip = doc.title && text.startsWith(doc.title) ? doc.title.length + 1 : 0;
  const spans = m.spans(fold(text));
  const first = spans.find(([a]) => a >= skip);
  const from = first ? Math.max(skip, first[0] - 60) : skip;
  const to = Math.min(text.length, from + 200);
  const p = document.createElement("p");
  p.className = "excerpt";
  let at = from;
  if (from > skip) p.append("…");
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

function item(doc, m) {
  const li = document.createElement("li");
  li.className = "result";
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = new URL(doc.url, root).pathname;
  a.textContent = toSite(doc.title || doc.url);
  h.append(a);
  li.append(h);
  const facts = [doc.meta.assessment, doc.meta.status].filter(Boolean);
  if (facts.length) {
    const meta = document.createElement("p");
    meta.className = "result-meta";
    meta.textContent = facts.join(" · ");
    li.append(meta);
  }
  li.append(excerpt(doc, m));
  return li;
}

let pending = []; // candidate pages not read yet, in the order they are shown
let found = 0;
let current = null;
let token = 0;

// Reads candidates in order until `want` more pages match or none are left.
async function fill(want, mine) {
  let added = 0;
  while (added < want && pending.length) {
    const batch = pending.splice(0, PAGE);
    const docs = await Promise.all(batch.map(page));
    if (mine !== token) return;
    for (const d of docs) {
      if (!current.test(fold(d.text))) continue;
      list.append(item(d, current));
      found++;
      added++;
    }
  }
  moreWrap.hidden = pending.length === 0;
}

function announce(query) {
  const n = toSite(String(found));
  status.textContent =
    found === 0
      ? `ไม่พบผลการค้นหาสำหรับ “${query}” ลองใช้คำอื่นหรือคำที่สั้นลง`
      : pending.length === 0
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
  found = 0;
  const terms = words(query);
  if (terms.length === 0) {
    status.textContent = query ? `ไม่พบผลการค้นหาสำหรับ “${query}”` : "";
    return;
  }
  status.textContent = "กำลังค้นหา…";
  current = matcher(terms);
  let hits;
  try {
    await index();
    hits = intersect([
      ...(await Promise.all([...new Set(terms)].map(candidates))),
      ...[await filtered(filters)].filter(Boolean),
    ]);
  } catch (e) {
    // In `prongsai serve` without --search there is no index: say how to get one.
    const preview = document.querySelector('script[src="/__prongsai/live.js"]');
    status.textContent = preview
      ? "ตัวอย่างเว็บไซต์นี้ไม่มีดัชนีค้นหา สั่ง prongsai serve --search เพื่อทดลองค้นหา / This preview has no search index: run prongsai serve --search"
      : "ค้นหาไม่ได้ในขณะนี้ ดูมาตรการทั้งหมดได้จากเมนูมาตรการ";
    if (preview) return;
    throw e;
  }
  if (mine !== token) return;
  // Pages whose title holds the words first, then in the order of their addresses.
  pending = [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([p]) => p);
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
