//! The per-item findings of `prongsai check`: items with no evidence and evidence dated outside
//! the year its item asks for. The build does not print these; faults in the files themselves are
//! `evidence.rs`'s findings.

use std::path::Path;

use crate::diag::Finding;
use crate::thai;

use super::{Checklist, DISCLOSURES, Status};

/// The per-item findings of `prongsai check`: items with no evidence (warnings) and evidence dated
/// outside the year its item asks for (warnings; errors with `strict`).
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
                    .or_else(|| super::evidence::spot(root, &e.source, "date", None));
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
