//! The checklist's downloads: `oit/ita-YYYY.csv` (UTF-8 with BOM, for Excel; cells written by
//! [`crate::escape::csv_cell`], the one CSV cell writer) and `oit/ita-YYYY.json`. Only their bytes:
//! the checklist page is `render.rs`'s, and writing files is `site.rs`'s.

use crate::escape::csv_cell;
use crate::output::Output;

use super::Checklist;

/// The CSV and JSON exports of the checklist: `oit/ita-YYYY.csv` (UTF-8 with BOM, for Excel) and
/// `oit/ita-YYYY.json`.
pub fn exports(list: &Checklist, dir: &str) -> Vec<Output> {
    let mut csv = String::from("\u{FEFF}");
    let header = [
        "ข้อ",
        "ชื่อข้อ",
        "ตัวชี้วัดย่อย",
        "สถานะ",
        "คะแนน",
        "URL หลักฐาน",
        "หน้ารายการ",
        "วิธีเข้าถึงจากหน้าหลัก",
        "หมายเหตุ",
    ];
    push_row(&mut csv, header.iter().map(|s| s.to_string()));
    for item in list.items() {
        let urls: Vec<&str> = item.evidence.iter().map(|e| e.absolute.as_str()).collect();
        let steps: Vec<String> = item
            .evidence
            .iter()
            .filter(|e| !e.steps.is_empty())
            .map(|e| e.steps.join(" > "))
            .collect();
        push_row(
            &mut csv,
            [
                item.item.code.clone(),
                item.item.title.clone(),
                item.sub_indicator.clone(),
                item.status_label.to_string(),
                format!("{}", item.score as u32),
                urls.join("\n"),
                item.page_url.clone(),
                steps.join("\n"),
                item.why.clone().unwrap_or_default(),
            ],
        );
    }
    let json = serde_json::to_string_pretty(list).unwrap_or_default();
    vec![
        Output {
            path: format!("{dir}{}", list.csv),
            bytes: csv.into_bytes(),
        },
        Output {
            path: format!("{dir}{}", list.json),
            bytes: (json + "\n").into_bytes(),
        },
    ]
}

/// One CSV line, each cell quoted only when it must be and defused against formulas.
fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|c| csv_cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}
