// The search page: reads ?q= (and the filters) from the address, looks the words up in the index
// `prongsai build` writes to search-index/ (see src/search.rs for its files), and lists the pages
// that hold every word, with the matches highlighted. No inline script and no WebAssembly, so a
// strict Content-Security-Policy (script-src 'self') holds.
//
// The index maps each run of three characters of a page's folded text (Thai digits as Arabic,
// lower case, sara am spelt one way) to the pages holding it. Each word the user typed (between
// spaces) is matched whole, never cut: the candidates are the pages holding every three-character
// run of every word (a shorter word: any run starting with it), and a candidate is shown when its
// text holds every word as one run. A Thai word of three letters or fewer must start and end on a
// word break of the page (sent with its text, cut by ICU4X at build time), so ปลา does not find
// ปลาย; a longer one matches inside a compound (ทรัพย์ in ทรัพย์สิน); a Latin word or a number
// must stand alone. Tone and vowel marks count: ซื้อ does not find ซ้อน. Names in
// static/synonyms.json (and the site's static/synonyms-site.json) find each other: YouTube, ยูทูบ.
// Pages whose title holds the words come first. When nothing is found, the closest spelling among
// the pages' words (search-index/words.txt) is searched instead and shown as such.

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
    if (m.format !== 2) throw new Error(`search index format ${m.format}`);
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
  if (typeof word !== "string") return intersect(await Promise.all(word.pieces.map(candidates)));
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
  for (let i = 0; i + 3 <= chars.length; i++) if (chars[i] !== " ") keys.add(chars.slice(i, i + 3).join(""));
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
const NIKHAHIT = "\u0E4D";
const SARA_AA = "\u0E32";
const SARA_AM = "\u0E33";
const isTone = (c) => c >= "\u0E48" && c <= "\u0E4B";
// ํ, า and a tone mark in any order as the tone mark then ำ (as text copied from PDFs spells ต่ำ);
// the same steps as thai::push_folding_sara_am, which folds the pages' text.
function foldSaraAm(s) {
  if (!s.includes(NIKHAHIT) && !s.includes(SARA_AM)) return s;
  const out = [];
  const pair = (a, b) => (a === NIKHAHIT && b === SARA_AA) || (a === SARA_AA && b === NIKHAHIT);
  for (const c of s) {
    out.push(c);
    if (c !== NIKHAHIT && c !== SARA_AA && !isTone(c)) continue;
    const n = out.length;
    const [x, y, z] = [out[n - 3], out[n - 2], out[n - 1]];
    let drop = 0;
    let tone = "";
    if (isTone(z) && pair(x, y)) [drop, tone] = [3, z];
    else if (isTone(y) && pair(x, z)) [drop, tone] = [3, y];
    else if (isTone(x) && pair(y, z)) [drop, tone] = [3, x];
    else if (pair(y, z)) drop = 2;
    else if (y === SARA_AM && isTone(z)) [drop, tone] = [2, z];
    else continue;
    out.length = n - drop;
    out.push(tone + SARA_AM);
  }
  return out.join("");
}
// As the index spells it: Arabic digits, lower case, sara am as one character.
const fold = (s) => foldSaraAm(toArabic(s).toLowerCase());

const isThai = (c) => c !== undefined && ((c >= "\u0E01" && c <= "\u0E3A") || (c >= "\u0E40" && c <= "\u0E4E"));
// Thai marks written above or below a letter (vowels, tone marks, ์): not counted as letters.
const isMark = (c) => c === "\u0E31" || (c >= "\u0E34" && c <= "\u0E3A") || (c >= "\u0E47" && c <= "\u0E4E");
const isLatin = (c) => c !== undefined && /[a-z0-9]/.test(c);
const letters = (w) => [...w].filter((c) => !isMark(c)).length;
// A Thai word of three letters or fewer (ปลา, งา) matches only where it stands as a word; a longer
// one also inside a compound (ทรัพย์ in ทรัพย์สิน).
const isShortThai = (w) => [...w].every(isThai) && letters(w) <= 3;

// The word breaks of a page as a Set of offsets (see encode_breaks in src/search.rs).
const GAPS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-";
function breaks(doc) {
  if (!doc.breakSet) {
    doc.breakSet = new Set();
    let at = 0;
    for (const c of doc.b || "") {
      if (c === "_") at += 63;
      else doc.breakSet.add((at += GAPS.indexOf(c)));
    }
  }
  return doc.breakSet;
}
// Whether a word may start or end at offset i of the page's folded text t.
const boundary = (doc, t, i) =>
  i <= 0 || i >= t.length || !isThai(t[i - 1]) || !isThai(t[i]) || breaks(doc).has(i);

// Where `alt` (folded) stands in the page's folded text `t`: [start, end) of each match. A Latin
// or digit end must not touch another Latin letter or digit; a short Thai word must start and end
// on a word boundary of the page.
function occurrences(doc, t, alt) {
  const found = [];
  if (typeof alt !== "string") {
    for (const m of ((alt.re.lastIndex = 0), t.matchAll(alt.re))) found.push([m.index, m.index + m[0].length]);
    return found;
  }
  const short = isShortThai(alt);
  for (let i = t.indexOf(alt); i >= 0; i = t.indexOf(alt, i + 1)) {
    const j = i + alt.length;
    if (isLatin(alt[0]) && isLatin(t[i - 1])) continue;
    if (isLatin(alt[alt.length - 1]) && isLatin(t[j])) continue;
    if (short && !(boundary(doc, t, i) && boundary(doc, t, j))) continue;
    found.push([i, j]);
  }
  return found;
}

// Each term of a query is what the user typed between spaces (or a run of them naming a synonym),
// with the spellings that count for it: `alts` are folded texts, any of which must stand in the page.
function matcher(terms) {
  const spansOf = (doc, t, term) => term.alts.flatMap((a) => occurrences(doc, t, a));
  return {
    terms,
    test: (doc, t) => terms.every((term) => term.alts.some((a) => occurrences(doc, t, a).length)),
    // [start, end) of every match, sorted and merged.
    spans(doc, t) {
      const found = terms.flatMap((term) => spansOf(doc, t, term));
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

const segmenter = new Intl.Segmenter("th", { granularity: "word" });
const escapeRe = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// ---------------------------------------------------------------- synonyms
let synonymsLoaded = null;
// Folded name -> every folded name of its group, from the theme's list and the site's own.
function synonyms() {
  if (!synonymsLoaded) {
    const load = (name) =>
      fetch(new URL(`static/${name}`, root))
        .then((res) => (res.ok ? res.json() : { synonyms: [] }))
        .then((j) => j.synonyms || [])
        .catch(() => []);
    synonymsLoaded = Promise.all([load("synonyms.json"), load("synonyms-site.json")]).then((lists) => {
      const map = new Map();
      for (const group of lists.flat()) {
        const names = group.map((n) => fold(String(n)).trim().replace(/\s+/g, " ")).filter(Boolean);
        for (const n of names) map.set(n, [...new Set([...(map.get(n) || [n]), ...names])]);
      }
      return map;
    });
  }
  return synonymsLoaded;
}

// The query's terms: its words between spaces (punctuation at their ends left out), a run of up to
// three words that names a synonym taken together.
async function parse(query) {
  const words = fold(query)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu, ""))
    .filter(Boolean);
  const names = await synonyms();
  const terms = [];
  for (let i = 0; i < words.length; ) {
    let n = Math.min(3, words.length - i);
    while (n > 1 && !names.has(words.slice(i, i + n).join(" "))) n--;
    const typed = words.slice(i, i + n).join(" ");
    terms.push({ typed, alts: names.get(typed) || [typed] });
    i += n;
  }
  return terms;
}

// The pages that may hold a term: those that may hold any of its spellings.
async function termCandidates(term) {
  const out = new Map();
  for (const found of await Promise.all(term.alts.map(candidates)))
    for (const [p, t] of found) out.set(p, out.get(p) || t);
  return out;
}

// ---------------------------------------------------------------- close spellings
// Thai letters often typed one for the other; a substitution within a group costs half.
const CONFUSED = ["ฎฏ", "ซสศษ", "ใไ", "บป", "ณน", "ทธฑฒ", "พภ", "ลฬ", "คฅ"];
const group = new Map();
CONFUSED.forEach((g, n) => [...g].forEach((c) => group.set(c, n)));
const edit = (c) => (isMark(c) ? 0.5 : 1);
function substitution(a, b) {
  if (a === b) return 0;
  if ((isMark(a) && isMark(b)) || (group.has(a) && group.get(a) === group.get(b))) return 0.5;
  return 1;
}

// The edit distance of a and b with Thai weights: a mark (tone, vowel above or below, ์) added,
// left out or swapped costs half, as does a commonly confused letter; a letter silenced by ์ (the
// การันต์ of ลายเซ็นต์) costs half with its ์, the ์ alone a quarter. Gives up (Infinity) past `max`.
function distance(a, b, max) {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 2 * max + 1) return Infinity;
  const KARAN = "\u0E4C";
  const silenced = (s, i) => (s[i + 1] === KARAN && !isMark(s[i])) || (s[i] === KARAN && !isMark(s[i - 1]));
  const cost = (s, i) => (silenced(s, i) ? 0.25 : edit(s[i]));
  let prev = [0];
  for (let j = 0; j < y.length; j++) prev.push(prev[j] + cost(y, j));
  let before = null;
  for (let i = 0; i < x.length; i++) {
    const row = [prev[0] + cost(x, i)];
    let best = row[0];
    for (let j = 0; j < y.length; j++) {
      let d = Math.min(prev[j] + substitution(x[i], y[j]), prev[j + 1] + cost(x, i), row[j] + cost(y, j));
      if (before && i > 0 && j > 0 && x[i] === y[j - 1] && x[i - 1] === y[j])
        d = Math.min(d, before[j - 1] + 0.5);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return Infinity;
    before = prev;
    prev = row;
  }
  return prev[y.length];
}

// How far a word may be from a word of the pages to be taken for it: tone marks, vowels and the
// confused letters only for four or five letters, one more letter from six, two from eight; never
// for a word of three letters or fewer (งา is not a misspelt งาน).
const allowed = (w) => {
  const n = letters(w);
  return n >= 8 ? 2 : n >= 6 ? 1 : n >= 4 ? 0.5 : 0;
};

// The word of the pages closest to `word` (the commonest of the closest), or null.
async function closest(word) {
  const max = allowed(word);
  if (!max) return null;
  const vocabulary = await file("words.txt", async (res) => (await res.text()).split("\n").filter(Boolean));
  let best = null;
  let bestDistance = Infinity;
  for (const w of vocabulary) {
    const d = distance(word, w, Math.min(max, bestDistance));
    if (d > 0 && d <= max && d < bestDistance) [best, bestDistance] = [w, d];
  }
  return best;
}

// Whether some page holds the term.
async function finds(term) {
  const m = matcher([term]);
  const ids = [...(await termCandidates(term)).keys()];
  for (let i = 0; i < ids.length; i += PAGE) {
    const docs = await Promise.all(ids.slice(i, i + PAGE).map(page));
    if (docs.some((d) => m.test(d, fold(d.text)))) return true;
  }
  return false;
}

// The close form of a query that finds nothing: each term no page may hold spelt as the closest
// word of the pages, or, for a run of words typed without spaces, its words near each other in
// one phrase. Null when there is none.
async function closeTerms(terms) {
  let changed = false;
  const out = [];
  for (const term of terms) {
    if (await finds(term)) {
      out.push(term);
      continue;
    }
    const near = await closest(term.typed);
    if (near) {
      out.push({ typed: near, alts: [near] });
      changed = true;
      continue;
    }
    const pieces = [...segmenter.segment(term.typed)].filter((s) => s.isWordLike).map((s) => s.segment);
    if (pieces.length < 2 || !pieces.every((p) => [...p].every(isThai) && letters(p) >= 2)) return null;
    // The words in order, each after the one before or one short word (ของ, และ) later.
    const re = new RegExp(pieces.map(escapeRe).join("[^ ]{0,4}?"), "g");
    out.push({ typed: term.typed, shown: pieces.join(" "), alts: [{ pieces, re }] });
    changed = true;
  }
  return changed ? out : null;
}

// Where a piece of the page's text t starting near `at` (not before `floor`) should start: after a
// space up to 30 characters back, else on the word break before it.
function startOfPiece(doc, t, at, floor) {
  const space = t.lastIndexOf(" ", at);
  if (space >= floor && at - space <= 30) return space + 1;
  while (at > floor && !boundary(doc, t, at)) at--;
  return at;
}

// A short piece of the page around its first match in the body (after the title, shown above it,
// and outside the facts beside the body when it can), starting and ending on a word boundary, with
// every match in <mark>; the start of the body when only the title or the facts hold the words.
function excerpt(doc, m) {
  const text = doc.text;
  const t = fold(text);
  const skip = doc.title && text.startsWith(doc.title) ? doc.title.length + 1 : 0;
  const aside = doc.aside || [];
  const inAside = (i) => aside.some(([a, b]) => i >= a && i < b);
  const spans = m.spans(doc, t);
  const first = spans.find(([a]) => a >= skip && !inAside(a)) || spans.find(([a]) => a >= skip);
  let body = skip;
  while (inAside(body)) body = aside.find(([a, b]) => body >= a && body < b)[1];
  if (body >= text.length) body = skip;
  while (body < text.length && text[body] === " ") body++;
  // Not before the title's end, nor in the facts when the match is not there.
  let floor = skip;
  if (first && !inAside(first[0])) for (const [, b] of aside) if (b <= first[0]) floor = Math.max(floor, b);
  while (text[floor] === " ") floor++;
  // From there when the match is near it; else a little before the match, at the start of a phrase
  // (after a space) or, when none is near, of a word.
  let from = body;
  if (first) from = first[0] - floor <= 120 ? floor : startOfPiece(doc, t, first[0] - 60, floor);
  let to = from + 200;
  if (to < text.length) to = Math.max(startOfPiece(doc, t, to, from + 100), first ? first[1] : 0);
  else to = text.length;
  while (to > from && text[to - 1] === " ") to--;
  const p = document.createElement("p");
  p.className = "excerpt";
  let at = from;
  if (from > skip && from !== body) p.append("…");
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

function item(doc, m, near) {
  const li = document.createElement("li");
  li.className = near ? "result near" : "result";
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = new URL(doc.url, root).pathname;
  a.textContent = toSite(doc.title || doc.url);
  h.append(a);
  li.append(h);
  const facts = [doc.meta.assessment, doc.meta.status].filter(Boolean);
  if (near) facts.push(`ค้นหาคำที่ใกล้เคียง: ${near}`);
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
let near = null; // the close form of the query being shown, when it found nothing itself
let token = 0;

// Reads candidates in order until `want` more pages match or none are left.
async function fill(want, mine) {
  let added = 0;
  while (added < want && pending.length) {
    const batch = pending.splice(0, PAGE);
    const docs = await Promise.all(batch.map(page));
    if (mine !== token) return;
    for (const d of docs) {
      if (!current.test(d, fold(d.text))) continue;
      list.append(item(d, current, near));
      found++;
      added++;
    }
  }
  moreWrap.hidden = pending.length === 0;
}

function announce(query) {
  const n = toSite(String(found));
  const shown = near ? `“${near}” (ค้นหาคำที่ใกล้เคียง)` : `“${query}”`;
  const none = `ไม่พบผลการค้นหาสำหรับ “${query}”`;
  status.textContent =
    found === 0
      ? `${none} ลองใช้คำอื่นหรือคำที่สั้นลง`
      : `${near ? `${none} ผลการค้นหาสำหรับ ${shown}: ` : ""}${
          pending.length === 0
            ? `พบ ${n} รายการ${near ? "" : `สำหรับ ${shown}`}`
            : `พบ ${n} รายการแรก${near ? "" : `สำหรับ ${shown}`} กดแสดงผลเพิ่มเติมเพื่อดูต่อ`
        }`;
}

// The pages that may hold every term and have every chosen filter value, titles first, then in
// the order of their addresses.
async function ranked(terms, filters) {
  const hits = intersect([
    ...(await Promise.all(terms.map(termCandidates))),
    ...[await filtered(filters)].filter(Boolean),
  ]);
  return [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([p]) => p);
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
  near = null;
  status.textContent = query ? "กำลังค้นหา…" : "";
  let terms;
  try {
    terms = await parse(query);
    if (terms.length === 0) {
      status.textContent = query ? `ไม่พบผลการค้นหาสำหรับ “${query}”` : "";
      return;
    }
    await index();
    current = matcher(terms);
    pending = await ranked(terms, filters);
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
  document.title = `ค้นหา “${query}” | ${document.title.split(" | ").pop()}`;
  await fill(PAGE, mine);
  if (mine !== token) return;
  if (found === 0) {
    // Nothing as typed: the close form of the query, shown as such.
    const close = await closeTerms(terms);
    if (mine !== token) return;
    if (close) {
      near = close.map((t) => t.shown || t.typed).join(" ");
      current = matcher(close);
      pending = await ranked(close, filters);
      if (mine !== token) return;
      await fill(PAGE, mine);
    }
  }
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
