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

// Copies Pagefind's excerpt (text with <mark> around matches) as text nodes and <mark> elements
// only, so nothing in it can run as HTML.
function excerpt(html) {
  const p = document.createElement("p");
  p.className = "excerpt";
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  for (const node of doc.body.childNodes) {
    if (node.nodeName === "MARK") {
      const m = document.createElement("mark");
      m.textContent = toSite(node.textContent);
      p.append(m);
    } else {
      p.append(toSite(node.textContent));
    }
  }
  return p;
}

function item(data) {
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
  li.append(excerpt(data.excerpt || ""));
  return li;
}

let shown = [];
let token = 0;

async function showMore() {
  const batch = shown.splice(0, PAGE);
  const datas = await Promise.all(batch.map((r) => r.data()));
  for (const d of datas) list.append(item(d));
  moreWrap.hidden = shown.length === 0;
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
  if (!query) {
    status.textContent = "";
    return;
  }
  status.textContent = "กำลังค้นหา…";
  let search;
  try {
    search = await (await engine()).search(toArabic(query), { filters });
  } catch (e) {
    status.textContent = "ค้นหาไม่ได้ในขณะนี้ ดูมาตรการทั้งหมดได้จากเมนูมาตรการ";
    throw e;
  }
  if (mine !== token) return;
  shown = search.results.slice();
  document.title = `ค้นหา “${query}” | ${document.title.split(" | ").pop()}`;
  if (shown.length === 0) {
    status.textContent = `ไม่พบผลการค้นหาสำหรับ “${query}” ลองใช้คำอื่นหรือคำที่สั้นลง`;
    return;
  }
  await showMore();
  if (mine !== token) return;
  status.textContent = `พบ ${toSite(String(search.results.length))} รายการสำหรับ “${query}”`;
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
