// List pages: the links above the table filter by assessment, unit or year without JavaScript;
// with it, a status menu also narrows the table in place and says how many rows are shown.
const box = document.querySelector(".status-filter");
const select = document.getElementById("status-filter");
const count = box && box.querySelector(".status-filter-count");
const rows = [...document.querySelectorAll("table.measures tbody tr[data-status]")];
const thai = (n) =>
  box && box.dataset.digits === "thai"
    ? String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)))
    : String(n);

if (box && rows.length) {
  box.hidden = false;
  select.addEventListener("change", () => {
    let shown = 0;
    for (const row of rows) {
      row.hidden = Boolean(select.value) && row.dataset.status !== select.value;
      if (!row.hidden) shown++;
    }
    count.textContent = select.value ? `แสดง ${thai(shown)} จาก ${thai(rows.length)} มาตรการ` : "";
  });
}
