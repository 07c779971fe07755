//! The findings of `prongsai check` about the checklist: once per site, what the item list itself
//! leaves open (another year's list standing in, a grouping or items the sources do not confirm);
//! then per item, items with no evidence and evidence dated outside the year its item asks for.
//! The build does not print these, and the public pages say none of them; faults in the files
//! themselves are `evidence.rs`'s findings.

use std::path::Path;

use serde::Serialize;

use crate::diag::Finding;
use crate::thai;

use super::{BUILTIN_FROM, Checklist, DISCLOSURES, Status, site_file};

/// The findings of `prongsai check` about the checklist: the list's [`caveats`], items with no
/// evidence (warnings) and evidence dated outside the year its item asks for (warnings; errors
/// with `strict`).
///
/// A page's stale date is placed by reading its file again, which only `check` pays for.
pub fn report(list: &Checklist, root: &Path, strict: bool, thai_digits: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !list.has_evidence() {
        return findings;
    }
    let d = |n: i32| {
        if thai_digits {
            thai::to_thai_digits(&n.to_string())
        } else {
            n.to_string()
        }
    };
    findings.extend(caveats(list, d));
    for item in list.items() {
        let code = &item.item.code;
        if item.status == Status::Missing {
            findings.push(
                Finding::error(DISCLOSURES, format!("{code} {}: no evidence (no page claims it and {DISCLOSURES} does not list it)", item.item.title))
                    .help(format!("list the document under `{code}:` in {DISCLOSURES}, or add `oit: [{code}]` to the page that discloses it"))
                    .warning(),
            );
        }
        for e in item.evidence.iter().filter(|e| !e.fresh) {
            let (Some(fy), Some(req)) = (e.fiscal_year, item.required_year) else {
                continue;
            };
            let msg = format!(
                "{code}: evidence `{}` is of fiscal year {fy}, the item asks for {req}{}",
                e.title,
                if item.status == Status::NeedsAttention {
                    " (the item needs attention and scores 0)"
                } else {
                    ""
                }
            );
            let help = format!(
                "link the document of ปีงบประมาณ {} (or set `fiscal_year:` on the entry if the date is not the year it covers)",
                d(req)
            );
            let at =
                e.at.clone()
                    .or_else(|| crate::content::locate(root, &e.source, "date", None));
            let mut f = match at {
                Some((src, off, len)) => Finding::at(&src, off, len, msg),
                None => Finding::error(&e.source, msg),
            }
            .help(help);
            if !strict {
                f = f.warning();
            }
            findings.push(f);
        }
    }
    findings
}

/// The clerk's to-do list of one year's checklist, as `serve`'s preview shows it over the OIT
/// pages (never written to the output): what the list itself leaves open, and each item not yet
/// disclosed with why and what it needs.
#[derive(Debug, Clone, Serialize)]
pub struct Notes {
    pub year: i32,
    /// What `check` says once about the item list (another year's list standing in, unconfirmed
    /// groupings and items), each with how to settle it.
    pub caveats: Vec<String>,
    pub todo: Vec<Todo>,
}

/// One item not yet disclosed.
#[derive(Debug, Clone, Serialize)]
pub struct Todo {
    pub code: String,
    pub title: String,
    pub status_label: &'static str,
    pub why: Option<String>,
    pub requires: Vec<String>,
    /// Whether the sources confirm the item's title and requirements.
    pub verified: bool,
}

/// The to-do list of `list` (see [`Notes`]).
pub fn notes(list: &Checklist, thai_digits: bool) -> Notes {
    let d = |n: i32| {
        if thai_digits {
            thai::to_thai_digits(&n.to_string())
        } else {
            n.to_string()
        }
    };
    let caveats = caveats(list, d)
        .into_iter()
        .map(|f| match f.help {
            Some(help) => format!("{} ({help})", f.message),
            None => f.message,
        })
        .collect();
    let todo = list
        .items()
        .filter(|i| i.status != Status::Disclosed)
        .map(|i| Todo {
            code: i.item.code.clone(),
            title: i.item.title.clone(),
            status_label: i.status_label,
            why: i.why.clone(),
            requires: i.item.requires.clone(),
            verified: i.item.verified,
        })
        .collect();
    Notes {
        year: list.year,
        caveats,
        todo,
    }
}

/// What `check` says once about the item list itself, each a warning with how to settle it: that
/// another year's list [stands in](stand_in) for the site's year, that the list is partial, its
/// research note, and which sub-indicators and items the sources do not confirm. `d` writes a
/// number in the site's digits.
fn caveats(list: &Checklist, d: impl Fn(i32) -> String) -> Vec<Finding> {
    let (year, from) = (list.year, list.criteria_year);
    let builtin = list.criteria_from == BUILTIN_FROM;
    // Where the clerk settles it: the site's own list, once `prongsai criteria` has written it.
    let (file, fix) = if builtin {
        let own = site_file(year);
        let fix = format!(
            "แก้ได้ในไฟล์ของเว็บไซต์เอง: สั่ง `prongsai criteria {year}` แล้วแก้ {own} / to correct it, run `prongsai criteria {year}` and edit {own}"
        );
        ("site.yaml".to_string(), fix)
    } else {
        let own = list.criteria_from.clone();
        (own.clone(), format!("แก้ใน {own} / edit {own}"))
    };
    let manual = format!(
        "ตรวจกับคู่มือการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {} ของสำนักงาน ป.ป.ช. / check against NACC's ITA {from} manual",
        d(from)
    );
    let warn = |msg: String, help: String| Finding::error(&file, msg).help(help).warning();
    let mut findings: Vec<Finding> = stand_in(list, &d).into_iter().collect();
    if !list.complete {
        findings.push(warn(
            format!(
                "ITA {from}: รายการข้อยังไม่ครบ คะแนนคิดเฉพาะข้อที่มี / the item list is partial; the score counts only the items it has"
            ),
            format!("{manual}; {fix}"),
        ));
    }
    if let Some(note) = &list.note {
        findings.push(warn(format!("ITA {from}: {note}"), manual.clone()));
    }
    let subs: Vec<&str> = list
        .indicators
        .iter()
        .flat_map(|i| &i.sub_indicators)
        .filter(|s| !s.verified)
        .map(|s| s.code.as_str())
        .collect();
    if !subs.is_empty() {
        findings.push(warn(
            format!(
                "ITA {from}: การจัดข้อเข้าตัวชี้วัดย่อย {subs} เป็นการอนุมาน คะแนนตัวชี้วัดย่อยจึงเป็นค่าประมาณ / the grouping of items into sub-indicators {subs} is inferred; sub-indicator means are approximate",
                subs = subs.join(", ")
            ),
            format!("{manual}; {fix}"),
        ));
    }
    let items: Vec<&str> = list
        .items()
        .filter(|i| !i.item.verified)
        .map(|i| i.item.code.as_str())
        .collect();
    if !items.is_empty() {
        findings.push(warn(
            format!(
                "ITA {from}: ชื่อข้อหรือองค์ประกอบของ {} ข้อยังไม่ได้รับการยืนยันจากแหล่งข้อมูล / {n} items' titles or requirements are not confirmed by the sources: {codes}",
                d(items.len() as i32),
                n = items.len(),
                codes = items.join(", ")
            ),
            format!("{manual}; {fix}"),
        ));
    }
    findings
}

/// When prongsai ships no list for the site's year: which year's list stands in, and the command
/// that gives the site its own.
fn stand_in(list: &Checklist, d: impl Fn(i32) -> String) -> Option<Finding> {
    if !list.stand_in {
        return None;
    }
    let (year, from) = (list.year, list.criteria_year);
    let msg = format!(
        "prongsai ยังไม่มีรายการข้อ OIT ของปี {} จึงใช้รายการ ITA {} แทน / prongsai has no OIT item list for {year}; the checklist uses the ITA {from} list",
        d(year),
        d(from)
    );
    let help = format!(
        "เมื่อ ป.ป.ช. ประกาศคู่มือ ITA ปี {}: สั่ง `prongsai criteria {year}` เพื่อสร้าง {own} จากรายการปี {} แล้วแก้ให้ตรงกับคู่มือ / when NACC publishes the {year} manual, run `prongsai criteria {year}` to write {own} from the {from} list and edit it to match",
        d(year),
        d(from),
        own = site_file(year)
    );
    Some(Finding::error("site.yaml", msg).help(help).warning())
}
