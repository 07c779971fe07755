//! The findings of `prongsai check` about the checklist: once per site, what the item list itself
//! leaves open (another year's list standing in, a grouping or items the sources do not confirm);
//! then per item, items with no evidence and evidence dated outside the year its item asks for.
//! The build does not print these, and the public pages say none of them; faults in the files
//! themselves are `evidence.rs`'s findings.

use std::path::Path;

use serde::Serialize;

use crate::diag::Finding;
use crate::{t, thai};

use super::{BUILTIN_FROM, Checklist, DISCLOSURES, Status, site_file};

/// The findings of `prongsai check` about the checklist: the list's [`caveats`], items with no
/// evidence (warnings) and evidence dated outside the year its item asks for (warnings; errors
/// with `strict`).
///
/// A page's stale date is placed by reading its file again, which only `check` pays for. Years
/// are in Arabic digits, as every number the terminal shows.
pub fn report(list: &Checklist, root: &Path, strict: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !list.has_evidence() {
        return findings;
    }
    let d = digits(false);
    findings.extend(caveats(list, &d));
    for item in list.items() {
        let code = &item.item.code;
        if item.status == Status::Missing {
            let (title, file) = (item.item.title.as_str(), DISCLOSURES);
            findings.push(
                Finding::error(
                    DISCLOSURES,
                    t!("oit-no-evidence", code = code, title = title, file = file),
                )
                .help(t!("oit-no-evidence.help", code = code, file = file))
                .warning(),
            );
        }
        for e in item.evidence.iter().filter(|e| !e.fresh) {
            let (Some(fy), Some(req)) = (e.fiscal_year, item.required_year) else {
                continue;
            };
            let (title, year, required) = (e.title.as_str(), fy.to_string(), req.to_string());
            let msg = if item.status == Status::NeedsAttention {
                t!(
                    "oit-stale-needs-attention",
                    code = code,
                    title = title,
                    year = year,
                    required = required
                )
            } else {
                t!(
                    "oit-stale",
                    code = code,
                    title = title,
                    year = year,
                    required = required
                )
            };
            let help = t!("oit-stale-help", required = d(req));
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
    let d = digits(thai_digits);
    let caveats = caveats(list, &d)
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
            // The public page's `why` is Thai; the clerk's note is in the chosen language.
            why: match (i.status, i.required_year) {
                (Status::Missing, _) => Some(t!("oit-todo-missing", file = DISCLOSURES)),
                (_, Some(year)) => Some(t!("oit-todo-stale", year = d(year))),
                _ => i.why.clone(),
            },
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

/// How a year or a count is written in a message: in the site's digits when the messages are
/// Thai, Arabic digits in English.
fn digits(thai_digits: bool) -> impl Fn(i32) -> String {
    let thai = thai_digits && crate::i18n::lang() == crate::i18n::Lang::Th;
    move |n: i32| {
        if thai {
            thai::to_thai_digits(&n.to_string())
        } else {
            n.to_string()
        }
    }
}

/// What `check` says once about the item list itself, each a warning with how to settle it: that
/// another year's list [stands in](stand_in) for the site's year, that the list is partial, its
/// research note, and which sub-indicators and items the sources do not confirm. `d` writes a
/// number in the site's digits.
fn caveats(list: &Checklist, d: &impl Fn(i32) -> String) -> Vec<Finding> {
    let (year, from) = (list.year, list.criteria_year);
    let builtin = list.criteria_from == BUILTIN_FROM;
    // Where the clerk settles it: the site's own list, once `prongsai criteria` has written it.
    let (file, fix) = if builtin {
        let fix = t!("oit-edit-own-list", year = year, file = site_file(year));
        ("site.yaml".to_string(), fix)
    } else {
        let own = list.criteria_from.clone();
        (own.clone(), t!("oit-edit-file", file = own))
    };
    let manual = t!("oit-check-manual", year = d(from));
    let settle = t!("oit-check-and-fix", check = manual.as_str(), fix = fix);
    let warn = |msg: String, help: String| Finding::error(&file, msg).help(help).warning();
    let mut findings: Vec<Finding> = stand_in(list, d).into_iter().collect();
    if !list.complete {
        findings.push(warn(t!("oit-partial", year = from), settle.clone()));
    }
    if let Some(note) = &list.note {
        findings.push(warn(
            t!("oit-criteria-note", year = from, note = note.as_str()),
            manual,
        ));
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
            t!("oit-inferred-groups", year = from, subs = subs.join(", ")),
            settle.clone(),
        ));
    }
    let items: Vec<&str> = list
        .items()
        .filter(|i| !i.item.verified)
        .map(|i| i.item.code.as_str())
        .collect();
    if !items.is_empty() {
        findings.push(warn(
            t!(
                "oit-unconfirmed-items",
                year = from,
                count = d(items.len() as i32),
                codes = items.join(", ")
            ),
            settle,
        ));
    }
    findings
}

/// When prongsai ships no list for the site's year: which year's list stands in, and the command
/// that gives the site its own.
fn stand_in(list: &Checklist, d: &impl Fn(i32) -> String) -> Option<Finding> {
    if !list.stand_in {
        return None;
    }
    let (year, from) = (list.year, list.criteria_year);
    let msg = t!("oit-stand-in", year = d(year), from = d(from));
    let help = t!(
        "oit-stand-in.help",
        year = d(year),
        command_year = year,
        from = d(from),
        file = site_file(year)
    );
    Some(Finding::error("site.yaml", msg).help(help).warning())
}
