//! The OIT checklist: the ITA criteria as data, the evidence a site holds for each item, and the
//! scores computed the way NACC computes them. Findings are values.
//!
//! The criteria of each fiscal year ship inside the binary (`src/criteria/ita-YYYY.yaml`); a site may
//! put its own `criteria/ita-YYYY.yaml` beside `site.yaml` to override a year or add one; a year with
//! neither uses the nearest shipped list, and `prongsai check` says which ([`report`]). Evidence
//! comes from pages' and measures' `oit:` front matter (and their attachments) and from
//! `content/disclosures.yaml`, which lists documents that live elsewhere. [`check`] turns these into a
//! [`Checklist`] plus findings about faults in the files (unknown item codes, malformed or broken
//! links, bad dates); [`report`] adds the per-item findings of `prongsai check` (items with no
//! evidence, evidence dated outside its year). Rendering the page is `render.rs`'s job; this module
//! only makes the CSV and JSON exports' bytes.
//!
//! Scoring (criteria.md §2): an item scores 100 when disclosed, else 0; a sub-indicator is the mean
//! of its items; an indicator the mean of its sub-indicators; OIT the mean of indicators 9 and 10.
//! Evidence counts when it is undated or dated in the fiscal year the item asks for (the assessed
//! year, or the previous one for annual-results items); an item whose every piece of evidence is
//! dated outside that year "needs attention" and scores 0.

//!
//! The parts: [`criteria`] (the item lists and item codes), `evidence` (what the site's files offer
//! for each item), `score` (the numbers), `report` (the per-item findings of `prongsai check`) and
//! `export` (the CSV and JSON files). This file holds the types they share and [`check`], which
//! runs them in order. Reading YAML is `yaml.rs`'s job.

mod criteria;
mod evidence;
mod export;
mod report;
mod score;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::config::Config;
use crate::diag::{Finding, Source};
use crate::measure::{Measure, Page, ser_date};
use crate::thai::Date;

pub use criteria::{
    BUILTIN_FROM, Criteria, Indicator, Item, SubIndicator, YearRule, is_code, normalize_code,
    site_file, starter, write_starter,
};
pub use export::exports;
pub use report::{Notes, Todo, notes, report};

use evidence::{Claim, Collector};

/// The pass mark of every ITA indicator and of the OIT as a whole.
pub const PASS_MARK: f64 = 85.0;

/// Where a site lists evidence that no page of the site holds.
pub const DISCLOSURES: &str = "content/disclosures.yaml";

/// Builds the checklist of every fiscal year the site publishes (each year of a measure, and
/// site.yaml's), oldest first, from its pages, measures and `content/disclosures.yaml`; faults in
/// those files come back as findings, each once.
///
/// Each year is scored against its own criteria with the evidence that can serve it: the
/// measures of that year, and pages and disclosures entries undated or dated in that year or
/// before (an older document shows as needing attention; one dated later is no evidence for an
/// earlier assessment, so a year's checklist does not change when the next year's documents come).
pub fn check(
    root: &Path,
    config: &Config,
    measures: &[Arc<Measure>],
    pages: &[Page],
) -> (Vec<Checklist>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut criteria = BTreeMap::new();
    for year in crate::routes::years(measures, config.fiscal_year) {
        match Criteria::load(root, year) {
            Ok(c) => {
                criteria.insert(year, c);
            }
            Err(f) => findings.extend(f),
        }
    }
    if criteria.is_empty() {
        return (Vec::new(), findings);
    }
    let targets = evidence::targets(root, config, measures, pages, &criteria);
    let mut ev = Collector::new(root, config, &criteria, targets);
    for m in measures {
        ev.front_matter(&Claim::measure(m));
    }
    for p in pages {
        ev.front_matter(&Claim::page(p));
    }
    ev.disclosures();
    let (claims, files, found) = ev.finish();
    findings.extend(found);
    let lists = criteria
        .iter()
        .map(|(&year, (criteria, from))| {
            let mut serving = evidence_of_year(&claims, year);
            let mut list = score::score(criteria, year, config, &mut serving);
            list.criteria_from = from.clone();
            list.files = files.clone();
            list
        })
        .collect();
    (lists, findings)
}

/// The evidence that can serve `year`'s checklist, by item code (see [`check`]).
fn evidence_of_year(
    claims: &BTreeMap<String, Vec<Evidence>>,
    year: i32,
) -> BTreeMap<String, Vec<Evidence>> {
    claims
        .iter()
        .map(|(code, evidence)| {
            let serving = evidence.iter().filter(|e| match e.serves {
                Some(y) => y == year,
                None => e.fiscal_year.is_none_or(|fy| fy <= year),
            });
            (code.clone(), serving.cloned().collect())
        })
        .collect()
}

/// `base_url` + `path`.
fn absolute(config: &Config, path: &str) -> String {
    format!("{}{}", config.base_url, path)
}

/// What a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A page of this site that claims the item.
    Page,
    /// A measure page of this site that claims the item.
    Measure,
    /// A file of this site (an attachment, or a file under content/ named in disclosures.yaml).
    File,
    /// An address outside this site.
    Link,
}

/// One document or page offered as evidence for an item.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub kind: Kind,
    pub title: String,
    /// A path inside the built site (`about/`, `files/x.pdf`) or an outside address.
    pub url: String,
    /// Whether `url` is a path inside this site.
    pub internal: bool,
    /// The absolute address (from base_url), as ITAS wants it.
    pub absolute: String,
    #[serde(serialize_with = "ser_date")]
    pub date: Option<Date>,
    /// The fiscal year the document covers: written, or the one its date falls in.
    pub fiscal_year: Option<i32>,
    /// Size of a file of this site.
    pub bytes: Option<u64>,
    /// How to reach it from the organisation's home page.
    pub steps: Vec<String>,
    /// The file that offers it.
    pub source: String,
    /// Whether it is undated or dated in the year the item asks for.
    pub fresh: bool,
    /// The one fiscal year whose checklist it serves (a measure's); None: any year from its own.
    #[serde(skip)]
    serves: Option<i32>,
    #[serde(skip)]
    at: Option<(Source, usize, usize)>,
}

/// Equal when everything a page shows is equal: the spot for findings (`at`) is left out.
impl PartialEq for Evidence {
    fn eq(&self, other: &Evidence) -> bool {
        let Evidence {
            kind,
            title,
            url,
            internal,
            absolute,
            date,
            fiscal_year,
            bytes,
            steps,
            source,
            fresh,
            serves: _,
            at: _,
        } = self;
        (
            kind,
            title,
            url,
            internal,
            absolute,
            date,
            fiscal_year,
            bytes,
            steps,
            source,
            fresh,
        ) == (
            &other.kind,
            &other.title,
            &other.url,
            &other.internal,
            &other.absolute,
            &other.date,
            &other.fiscal_year,
            &other.bytes,
            &other.steps,
            &other.source,
            &other.fresh,
        )
    }
}

/// An item's standing on the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Disclosed,
    NeedsAttention,
    Missing,
}

impl Status {
    /// The Thai label.
    pub fn label(self) -> &'static str {
        match self {
            Status::Disclosed => "เปิดเผยแล้ว",
            Status::NeedsAttention => "ต้องตรวจสอบ",
            Status::Missing => "ยังไม่เปิดเผย",
        }
    }
}

/// An item with its evidence, status and score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemResult {
    #[serde(flatten)]
    pub item: Item,
    /// The sub-indicator code it belongs to.
    pub sub_indicator: String,
    pub status: Status,
    pub status_label: &'static str,
    /// 100 or 0.
    pub score: f64,
    /// The fiscal year its evidence must be dated in (None: any).
    pub required_year: Option<i32>,
    /// What is wrong, in Thai, when it is not disclosed.
    pub why: Option<String>,
    pub evidence: Vec<Evidence>,
    /// Its own page inside the site: `oit/o1/`.
    pub page: String,
    /// The same, absolute.
    pub page_url: String,
}

/// A sub-indicator with its score (the mean of its items).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubResult {
    pub code: String,
    pub title: String,
    pub title_en: String,
    pub verified: bool,
    pub score: f64,
    pub disclosed: usize,
    pub items: Vec<ItemResult>,
}

/// An indicator with its score (the mean of its sub-indicators).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorResult {
    pub number: u8,
    pub title: String,
    pub title_en: String,
    pub score: f64,
    pub pass: bool,
    pub sub_indicators: Vec<SubResult>,
}

/// The whole checklist of one fiscal year, scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checklist {
    /// The site's fiscal year, the one assessed.
    pub year: i32,
    /// Whether the criteria are known to be complete.
    pub complete: bool,
    pub note: Option<String>,
    /// Where the criteria came from: "prongsai" or the site's `criteria/ita-YYYY.yaml`.
    pub criteria_from: String,
    /// The year of the list used: `year`, or the shipped list's when it stands in.
    pub criteria_year: i32,
    /// Whether prongsai ships no list for `year` and another year's stands in.
    pub stand_in: bool,
    pub pass_mark: f64,
    /// The mean of indicators 9 and 10.
    pub score: f64,
    pub pass: bool,
    pub total: usize,
    pub disclosed: usize,
    pub needs_attention: usize,
    pub missing: usize,
    pub indicators: Vec<IndicatorResult>,
    /// File names of the exports inside `oit/`.
    pub csv: String,
    pub json: String,
    /// Files under content/ that only disclosures.yaml names; the build copies them.
    #[serde(skip)]
    pub files: Vec<String>,
}

impl Checklist {
    /// Every item, in order.
    pub fn items(&self) -> impl Iterator<Item = &ItemResult> {
        self.indicators
            .iter()
            .flat_map(|i| &i.sub_indicators)
            .flat_map(|s| &s.items)
    }

    /// Whether the site offers any evidence at all (a site that does not keep OIT is not nagged).
    pub fn has_evidence(&self) -> bool {
        self.items().any(|i| !i.evidence.is_empty())
    }
}
