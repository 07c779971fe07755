//! The OIT checklist: the ITA criteria as data, the evidence a site holds for each item, and the
//! scores computed the way NACC computes them. Findings are values.
//!
//! The criteria of each fiscal year ship inside the binary (`src/criteria/ita-YYYY.yaml`); a site may
//! put its own `criteria/ita-YYYY.yaml` beside `site.yaml` to override a year or add one. Evidence
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

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_yaml::Value;

use crate::config::Config;
use crate::content;
use crate::diag::{self, Finding, Source, did_you_mean};
use crate::measure::{Attachment, Measure, Page};
use crate::output::Output;
use crate::routes;
use crate::thai::{self, Date};

/// The pass mark of every ITA indicator and of the OIT as a whole.
pub const PASS_MARK: f64 = 85.0;

/// Where a site lists evidence that no page of the site holds.
pub const DISCLOSURES: &str = "content/disclosures.yaml";

/// The criteria shipped with prongsai, by fiscal year.
const BUILTIN: &[(i32, &str)] = &[
    (2565, include_str!("criteria/ita-2565.yaml")),
    (2566, include_str!("criteria/ita-2566.yaml")),
    (2567, include_str!("criteria/ita-2567.yaml")),
    (2568, include_str!("criteria/ita-2568.yaml")),
];

// ---------------------------------------------------------------------------------------------
// Criteria

/// Which fiscal year an item's evidence must be dated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum YearRule {
    /// The assessed fiscal year (most items).
    #[default]
    Current,
    /// The year before (annual results reports such as O13 in 2566).
    Previous,
    /// Any year (standing information).
    Any,
}

/// One year's OIT item list, as in `src/criteria/ita-YYYY.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    /// The ITA fiscal year (Buddhist Era) the list is for.
    pub year: i32,
    /// Other years the same list applies to.
    #[serde(default)]
    pub also_applies_to: Vec<i32>,
    /// False when the list is known to be partial.
    #[serde(default = "yes")]
    pub complete: bool,
    /// A caveat shown on the checklist page.
    #[serde(default)]
    pub note: Option<String>,
    /// Indicators 9 and 10.
    pub indicators: Vec<Indicator>,
}

/// An OIT indicator (9 or 10).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// 9 or 10.
    pub number: u8,
    /// Thai title.
    pub title: String,
    /// English gloss.
    #[serde(default)]
    pub title_en: String,
    /// Its sub-indicators, in order.
    pub sub_indicators: Vec<SubIndicator>,
}

/// A sub-indicator (9.1 ... 10.2).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubIndicator {
    /// "9.1", "10.2", ...
    pub code: String,
    /// Thai title.
    pub title: String,
    /// English gloss.
    #[serde(default)]
    pub title_en: String,
    /// False when the sources do not confirm its title or its items.
    #[serde(default = "yes")]
    pub verified: bool,
    /// Its items, in order.
    pub items: Vec<Item>,
}

/// One OIT item (O1 ... O43).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// "O1" ... "O43".
    pub code: String,
    /// Thai title as NACC words it.
    pub title: String,
    /// English gloss.
    #[serde(default)]
    pub title_en: String,
    /// The group heading LAO pages print above it.
    #[serde(default)]
    pub group: Option<String>,
    /// What the evidence must show.
    #[serde(default)]
    pub requires: Vec<String>,
    /// Practice or wording notes.
    #[serde(default)]
    pub note: Option<String>,
    /// Which fiscal year the evidence must be dated in.
    #[serde(default)]
    pub year: YearRule,
    /// False when the sources do not confirm the item or one of its requirements.
    #[serde(default = "yes")]
    pub verified: bool,
}

fn yes() -> bool {
    true
}

const CRITERIA_KEYS: &[&str] = &[
    "year",
    "also_applies_to",
    "complete",
    "note",
    "indicators",
    "number",
    "title",
    "title_en",
    "sub_indicators",
    "code",
    "verified",
    "items",
    "group",
    "requires",
];

impl Criteria {
    /// Reads one criteria file; `name` is how messages name it.
    pub fn parse(name: &str, text: &str) -> Result<Criteria, Vec<Finding>> {
        let src = diag::source(name, Arc::from(text));
        let criteria: Criteria = serde_yaml::from_str(text)
            .map_err(|e| vec![content::yaml_finding(&src, 0, &e, CRITERIA_KEYS)])?;
        let mut findings = Vec::new();
        let mut seen = HashSet::new();
        let at_code = |code: &str, nth: usize| {
            let needle = format!("code: {code}");
            let off = text
                .match_indices(&needle)
                .nth(nth)
                .map_or(0, |(i, _)| i + 6);
            (off, code.len())
        };
        for ind in &criteria.indicators {
            if !(9..=10).contains(&ind.number) {
                let off = text.find(&format!("number: {}", ind.number)).unwrap_or(0);
                findings.push(
                    Finding::at(
                        &src,
                        off,
                        10,
                        format!("indicator {} is not an OIT indicator", ind.number),
                    )
                    .help("OIT has indicators 9 (การเปิดเผยข้อมูล) and 10 (การป้องกันการทุจริต)"),
                );
            }
            for sub in &ind.sub_indicators {
                if sub.items.is_empty() {
                    let (off, len) = at_code(&format!("'{}'", sub.code), 0);
                    findings.push(
                        Finding::at(
                            &src,
                            off,
                            len,
                            format!("sub-indicator {} has no items", sub.code),
                        )
                        .help("list its items under `items:` or delete the sub-indicator"),
                    );
                }
                for item in &sub.items {
                    if !is_code(&item.code) {
                        let (off, len) = at_code(&item.code, 0);
                        findings.push(
                            Finding::at(
                                &src,
                                off,
                                len,
                                format!("`{}` is not an OIT item code", item.code),
                            )
                            .help("write codes like O1, O42"),
                        );
                    } else if !seen.insert(item.code.clone()) {
                        let (off, len) = at_code(&item.code, 1);
                        findings.push(
                            Finding::at(
                                &src,
                                off,
                                len,
                                format!("item {} is listed twice", item.code),
                            )
                            .help("each item code appears once in a year's criteria"),
                        );
                    }
                }
            }
        }
        if findings.is_empty() {
            Ok(criteria)
        } else {
            Err(findings)
        }
    }

    /// The criteria prongsai ships for `year`, if any.
    pub fn builtin(year: i32) -> Option<Criteria> {
        BUILTIN.iter().find_map(|(y, text)| {
            let c = Criteria::parse(&format!("src/criteria/ita-{y}.yaml"), text).ok()?;
            (c.year == year || c.also_applies_to.contains(&year)).then_some(c)
        })
    }

    /// The site's `criteria/ita-YYYY.yaml` if it has one, else the built-in list; with where it came from.
    pub fn load(root: &Path, year: i32) -> Result<Option<(Criteria, String)>, Vec<Finding>> {
        let rel = format!("criteria/ita-{year}.yaml");
        let path = root.join(&rel);
        if path.is_file() {
            let bytes = std::fs::read(&path)
                .map_err(|e| vec![Finding::error(&rel, format!("cannot read: {e}"))])?;
            let text = content::decode(&rel, &bytes).map_err(|f| vec![f])?;
            let c = Criteria::parse(&rel, &text)?;
            if c.year != year && !c.also_applies_to.contains(&year) {
                let src = diag::source(&rel, Arc::from(text.as_str()));
                let (off, len) = content::key_span(&text, 0, "year").unwrap_or((0, 1));
                return Err(vec![
                    Finding::at(
                        &src,
                        off,
                        len,
                        format!("the file is named for {year} but says `year: {}`", c.year),
                    )
                    .help(format!("write `year: {year}`, or rename the file")),
                ]);
            }
            return Ok(Some((c, rel)));
        }
        Ok(Criteria::builtin(year).map(|c| (c, "prongsai".to_string())))
    }

    /// Every item, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.indicators
            .iter()
            .flat_map(|i| &i.sub_indicators)
            .flat_map(|s| &s.items)
    }

    /// The item with `code`.
    pub fn item(&self, code: &str) -> Option<&Item> {
        self.items().find(|i| i.code == code)
    }
}

/// Whether `s` is written like an item code (O followed by a number without leading zero).
fn is_code(s: &str) -> bool {
    s.len() > 1
        && s.starts_with('O')
        && s[1..].chars().all(|c| c.is_ascii_digit())
        && !s[1..].starts_with('0')
}

/// An item code as authors write it (`o 42`, `O๔๒`) in its canonical form (`O42`).
pub fn normalize_code(s: &str) -> String {
    thai::to_arabic_digits(&s.replace(' ', "")).to_ascii_uppercase()
}

// ---------------------------------------------------------------------------------------------
// Evidence

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

fn ser_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&d.iso()),
        None => s.serialize_none(),
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

/// The mean of some scores (0 for none).
fn mean(xs: impl IntoIterator<Item = f64>) -> f64 {
    let (sum, n) = xs
        .into_iter()
        .fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

// ---------------------------------------------------------------------------------------------
// The check

/// Builds the checklist of the site's fiscal year from its pages, measures and
/// `content/disclosures.yaml`; faults in those files come back as findings.
pub fn check(
    root: &Path,
    config: &Config,
    measures: &[Arc<Measure>],
    pages: &[Page],
) -> (Option<Checklist>, Vec<Finding>) {
    let mut findings = Vec::new();
    let year = config.fiscal_year;
    let (criteria, from) = match Criteria::load(root, year) {
        Ok(Some(c)) => c,
        Ok(None) => {
            let uses_oit = measures.iter().any(|m| !m.oit.is_empty())
                || pages.iter().any(|p| !p.oit.is_empty())
                || root.join(DISCLOSURES).is_file();
            if !uses_oit {
                return (None, findings);
            }
            let years: Vec<String> = BUILTIN.iter().map(|(y, _)| y.to_string()).collect();
            findings.push(
                Finding::error("site.yaml", format!("prongsai has no OIT criteria for fiscal year {year}; the OIT checklist is left out"))
                    .help(format!("criteria ship for {}; for another year put the item list in criteria/ita-{year}.yaml", years.join(", ")))
                    .warning(),
            );
            return (None, findings);
        }
        Err(f) => return (None, f),
    };
    let mut ev = Collector {
        root,
        config,
        criteria: &criteria,
        targets: targets(measures, pages),
        claims: BTreeMap::new(),
        files: BTreeSet::new(),
        findings: Vec::new(),
    };
    for m in measures {
        ev.front_matter(
            &m.source,
            &m.title,
            &format!("measures/{}/", m.slug),
            Kind::Measure,
            &m.oit,
            m.date,
            &m.attachments,
        );
    }
    for p in pages {
        ev.front_matter(
            &p.source,
            &p.title,
            &format!("{}/", p.slug),
            Kind::Page,
            &p.oit,
            p.date,
            &p.attachments,
        );
    }
    ev.disclosures();
    let Collector {
        mut claims,
        files,
        findings: found,
        ..
    } = ev;
    findings.extend(found);
    let mut list = score(&criteria, year, config, &mut claims);
    list.criteria_from = from;
    list.files = files.into_iter().collect();
    (Some(list), findings)
}

/// Scores the criteria against the evidence found, item by item.
fn score(
    criteria: &Criteria,
    year: i32,
    config: &Config,
    claims: &mut BTreeMap<String, Vec<Evidence>>,
) -> Checklist {
    let digits = |n: i32| {
        if config.thai_digits() {
            thai::to_thai_digits(&n.to_string())
        } else {
            n.to_string()
        }
    };
    let mut counts = [0usize; 3];
    let indicators: Vec<IndicatorResult> = criteria
        .indicators
        .iter()
        .map(|ind| {
            let subs: Vec<SubResult> = ind
                .sub_indicators
                .iter()
                .map(|sub| {
                    let items: Vec<ItemResult> = sub
                        .items
                        .iter()
                        .map(|item| {
                            let required = match item.year {
                                YearRule::Current => Some(year),
                                YearRule::Previous => Some(year - 1),
                                YearRule::Any => None,
                            };
                            let mut evidence = claims.remove(&item.code).unwrap_or_default();
                            for e in &mut evidence {
                                e.fresh = match (required, e.fiscal_year) {
                                    (Some(r), Some(y)) => r == y,
                                    _ => true,
                                };
                            }
                            let (status, why) = if evidence.is_empty() {
                                (Status::Missing, Some("ยังไม่มีหลักฐาน: ไม่มีหน้าใดระบุข้อนี้ใน oit และไม่มีในไฟล์ content/disclosures.yaml".to_string()))
                            } else if evidence.iter().any(|e| e.fresh) {
                                (Status::Disclosed, None)
                            } else {
                                let y = required.map(digits).unwrap_or_default();
                                (Status::NeedsAttention, Some(format!("หลักฐานทุกรายการลงวันที่นอกปีงบประมาณ พ.ศ. {y} ที่ข้อนี้กำหนด: เพิ่มเอกสารของปี {y}")))
                            };
                            counts[status as usize] += 1;
                            let page = format!("oit/{}/", item.code.to_ascii_lowercase());
                            ItemResult {
                                item: item.clone(),
                                sub_indicator: sub.code.clone(),
                                status,
                                status_label: status.label(),
                                score: if status == Status::Disclosed { 100.0 } else { 0.0 },
                                required_year: required,
                                why,
                                evidence,
                                page_url: absolute(config, &page),
                                page,
                            }
                        })
                        .collect();
                    SubResult {
                        code: sub.code.clone(),
                        title: sub.title.clone(),
                        title_en: sub.title_en.clone(),
                        verified: sub.verified,
                        score: mean(items.iter().map(|i| i.score)),
                        disclosed: items.iter().filter(|i| i.status == Status::Disclosed).count(),
                        items,
                    }
                })
                .collect();
            let score = mean(subs.iter().map(|s| s.score));
            IndicatorResult {
                number: ind.number,
                title: ind.title.clone(),
                title_en: ind.title_en.clone(),
                score,
                pass: score >= PASS_MARK,
                sub_indicators: subs,
            }
        })
        .collect();
    let score = mean(indicators.iter().map(|i| i.score));
    Checklist {
        year,
        complete: criteria.complete,
        note: criteria.note.clone(),
        criteria_from: String::new(),
        pass_mark: PASS_MARK,
        score,
        pass: score >= PASS_MARK,
        total: counts.iter().sum(),
        disclosed: counts[0],
        needs_attention: counts[1],
        missing: counts[2],
        indicators,
        csv: format!("ita-{year}.csv"),
        json: format!("ita-{year}.json"),
        files: Vec::new(),
    }
}

/// The per-item findings of `prongsai check`: items with no evidence (warnings) and evidence dated
/// outside the year its item asks for (warnings; errors with `strict`).
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
            let at = e.at.clone().or_else(|| spot(root, &e.source, "date", None));
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

/// Collects evidence and findings while walking the site's files.
struct Collector<'a> {
    root: &'a Path,
    config: &'a Config,
    criteria: &'a Criteria,
    /// Paths of the site's pages (`about/`) and files (`files/x.pdf`) that the build makes.
    targets: HashSet<String>,
    claims: BTreeMap<String, Vec<Evidence>>,
    files: BTreeSet<String>,
    findings: Vec<Finding>,
}

/// The pages and attachments the build makes, as site paths.
fn targets(measures: &[Arc<Measure>], pages: &[Page]) -> HashSet<String> {
    let mut t: HashSet<String> = ["", "report/", "measures/", "assessment/", "units/", "oit/"]
        .into_iter()
        .map(String::from)
        .collect();
    t.extend(["iit", "eit", "oit"].map(|a| format!("assessment/{a}/")));
    t.extend(measures.iter().map(|m| format!("measures/{}/", m.slug)));
    t.extend(pages.iter().map(|p| format!("{}/", p.slug)));
    for a in measures
        .iter()
        .flat_map(|m| &m.attachments)
        .chain(pages.iter().flat_map(|p| &p.attachments))
    {
        t.insert(a.path.clone());
    }
    t
}

impl Collector<'_> {
    fn unknown_code_help(&self, code: &str) -> String {
        let codes: Vec<&str> = self.criteria.items().map(|i| i.code.as_str()).collect();
        let range = format!(
            "ITA {} has items {} to {}",
            self.criteria.year,
            codes.first().copied().unwrap_or("-"),
            codes.last().copied().unwrap_or("-")
        );
        match did_you_mean(code, codes.iter().copied()) {
            Some(c) => format!("did you mean `{c}`? {range}"),
            None => range,
        }
    }

    /// Severity for a code the criteria do not know: an error, unless the list is known to be partial.
    fn unknown(&self, f: Finding) -> Finding {
        if self.criteria.complete {
            f
        } else {
            f.warning()
        }
    }

    /// Evidence from a page's or measure's `oit:` list, with its attachments.
    #[allow(clippy::too_many_arguments)]
    fn front_matter(
        &mut self,
        source: &str,
        title: &str,
        url: &str,
        kind: Kind,
        codes: &[String],
        date: Option<Date>,
        attachments: &[Attachment],
    ) {
        if codes.is_empty() {
            return;
        }
        for code in codes {
            if self.criteria.item(code).is_none() {
                let msg = format!("`{code}` is not an OIT item of ITA {}", self.criteria.year);
                let help = self.unknown_code_help(code);
                let f = match spot(self.root, source, "oit", Some(code)) {
                    Some((src, off, len)) => Finding::at(&src, off, len, msg),
                    None => Finding::error(source, msg),
                };
                let f = self.unknown(f.help(help));
                self.findings.push(f);
                continue;
            }
            let fy = date.map(Date::fiscal_year);
            // Placed lazily: only evidence found stale needs a caret (see `report`).
            let at = None;
            let base = Evidence {
                kind,
                title: title.to_string(),
                url: url.to_string(),
                internal: true,
                absolute: absolute(self.config, url),
                date,
                fiscal_year: fy,
                bytes: None,
                steps: Vec::new(),
                source: source.to_string(),
                fresh: true,
                at: at.clone(),
            };
            let list = self.claims.entry(code.clone()).or_default();
            list.push(base);
            for a in attachments {
                list.push(Evidence {
                    kind: Kind::File,
                    title: a.name.clone(),
                    url: a.path.clone(),
                    internal: true,
                    absolute: absolute(self.config, &a.path),
                    date,
                    fiscal_year: fy,
                    bytes: Some(a.bytes),
                    steps: Vec::new(),
                    source: source.to_string(),
                    fresh: true,
                    at: at.clone(),
                });
            }
        }
    }

    /// Evidence from `content/disclosures.yaml`.
    fn disclosures(&mut self) {
        let path = self.root.join(DISCLOSURES);
        let Ok(bytes) = std::fs::read(&path) else {
            return;
        };
        let text: Arc<str> = match content::decode(DISCLOSURES, &bytes) {
            Ok(t) => t.into(),
            Err(f) => return self.findings.push(f),
        };
        let src = diag::source(DISCLOSURES, text.clone());
        let map = match serde_yaml::from_str::<Value>(&text) {
            Ok(Value::Mapping(m)) => m,
            Ok(Value::Null) => return,
            Ok(_) => {
                return self.findings.push(
                    Finding::at(&src, 0, 1, "disclosures.yaml is not a list of `O1:` item codes")
                        .help("write one item code per line followed by its documents, e.g.\nO1:\n  - url: https://www.example.go.th/structure\n    title: โครงสร้าง\n    date: 2023-01-10"),
                );
            }
            Err(e) => {
                return self
                    .findings
                    .push(content::yaml_finding(&src, 0, &e, ENTRY_KEYS));
            }
        };
        for (key, value) in map {
            let raw = content::key_text(&key);
            let (key_off, key_len) = top_key(&text, &raw).unwrap_or((0, 1));
            let code = normalize_code(&raw);
            if !is_code(&code) || self.criteria.item(&code).is_none() {
                let msg = if is_code(&code) {
                    format!("`{raw}` is not an OIT item of ITA {}", self.criteria.year)
                } else {
                    format!("`{raw}` is not an OIT item code")
                };
                let f =
                    Finding::at(&src, key_off, key_len, msg).help(self.unknown_code_help(&code));
                let f = if is_code(&code) { self.unknown(f) } else { f };
                self.findings.push(f);
                continue;
            }
            let entries: Vec<Value> = match value {
                Value::Sequence(s) => s,
                Value::Null => {
                    self.findings.push(
                        Finding::at(&src, key_off, key_len, format!("{code} lists no document"))
                            .help("put `- url: ...` lines under it, or delete the line")
                            .warning(),
                    );
                    continue;
                }
                other => vec![other],
            };
            for (n, entry) in entries.into_iter().enumerate() {
                let loc = EntryLoc::find(&text, key_off, n);
                if let Some(e) = self.entry(&src, &loc, &code, entry) {
                    self.claims.entry(code.clone()).or_default().push(e);
                }
            }
        }
    }

    /// One `- url: ...` entry of disclosures.yaml.
    fn entry(
        &mut self,
        src: &Source,
        loc: &EntryLoc,
        code: &str,
        value: Value,
    ) -> Option<Evidence> {
        let value = match value {
            Value::String(url) => {
                let mut m = serde_yaml::Mapping::new();
                m.insert("url".into(), Value::String(url));
                Value::Mapping(m)
            }
            v => v,
        };
        let raw: RawEntry = match serde_yaml::from_value(value) {
            Ok(r) => r,
            Err(e) => {
                let msg = e.to_string();
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                let f = if let Some(field) = msg
                    .strip_prefix("unknown field `")
                    .and_then(|m| m.split('`').next())
                {
                    let (off, len) = loc
                        .spans(field)
                        .map_or((loc.start, 1), |(k, _)| (k, field.len()));
                    let help = match did_you_mean(field, ENTRY_KEYS.iter().copied()) {
                        Some(k) => format!("did you mean `{k}`?"),
                        None => format!("an entry takes: {}", ENTRY_KEYS.join(", ")),
                    };
                    Finding::at(
                        src,
                        off,
                        len,
                        format!("unknown key `{field}` in the evidence of {code}"),
                    )
                    .help(help)
                } else {
                    Finding::at(src, loc.start, 1, format!("the evidence of {code} cannot be read: {msg}"))
                        .help("write each document as `- url: ...` with optional `title:`, `date:`, `fiscal_year:` and `path:` lines")
                };
                self.findings.push(f);
                return None;
            }
        };
        let at = |field: &str| loc.field(field).unwrap_or((loc.start, 1));
        let url = raw.url.trim().to_string();
        let (uo, ul) = at("url");
        let (internal, site_path) = self.resolve(src, uo, ul, code, &url)?;
        let date = match raw.date {
            None => None,
            Some(s) => {
                let t = s.text();
                match thai::parse_date(&t) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        let (o, l) = at("date");
                        self.findings.push(
                            Finding::at(src, o, l, format!("{code}: date `{t}`: {e}"))
                                .help("write an ISO date (2023-03-10) or a Thai one (๑๐ มี.ค. ๖๖)"),
                        );
                        return None;
                    }
                }
            }
        };
        let fiscal_year = match raw.fiscal_year {
            Some(y) if (2400..=2700).contains(&y) => Some(y as i32),
            Some(y) => {
                let (o, l) = at("fiscal_year");
                self.findings.push(
                    Finding::at(
                        src,
                        o,
                        l,
                        format!("{code}: fiscal_year {y} is not a Buddhist Era year"),
                    )
                    .help("write the fiscal year the document covers, e.g. `fiscal_year: 2565`"),
                );
                return None;
            }
            None => date.map(Date::fiscal_year),
        };
        let steps = match raw.path {
            None => Vec::new(),
            Some(Steps::One(s)) => s
                .split(['>', '→', '›'])
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
            Some(Steps::Many(v)) => v
                .into_iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        };
        let (kind, bytes) = match &site_path {
            Some(p) if p.ends_with('/') || p.is_empty() => (Kind::Page, None),
            Some(p) => (
                Kind::File,
                std::fs::metadata(self.root.join("content").join(p))
                    .ok()
                    .map(|m| m.len()),
            ),
            None => (Kind::Link, None),
        };
        let title = raw
            .title
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| url.clone());
        let url = site_path.clone().unwrap_or(url);
        Some(Evidence {
            kind,
            title,
            absolute: if internal {
                absolute(self.config, &url)
            } else {
                url.clone()
            },
            url,
            internal,
            date,
            fiscal_year,
            bytes,
            steps,
            source: DISCLOSURES.to_string(),
            fresh: true,
            at: Some({
                let (o, l) = loc.field("date").unwrap_or((uo, ul));
                (src.clone(), o, l)
            }),
        })
    }

    /// Reads an evidence address: `Some((true, Some(path)))` for a path inside the site,
    /// `Some((false, None))` for a good outside address, None (with a finding) otherwise.
    fn resolve(
        &mut self,
        src: &Source,
        off: usize,
        len: usize,
        code: &str,
        url: &str,
    ) -> Option<(bool, Option<String>)> {
        let bad = |msg: String, help: &str| Finding::at(src, off, len, msg).help(help.to_string());
        if url.is_empty() {
            self.findings.push(bad(
                format!("{code}: the evidence has an empty url"),
                "write the document's address after `url:`",
            ));
            return None;
        }
        let own = self.config.base_url.as_str();
        let inside = if own.contains("://") && url.starts_with(own) {
            Some(&url[own.len()..])
        } else if url.contains("://") || url.contains(':') {
            None
        } else {
            Some(url)
        };
        let Some(path) = inside else {
            return match check_url(url) {
                Ok(()) => Some((false, None)),
                Err(why) => {
                    self.findings.push(bad(
                        format!("{code}: malformed address `{url}`: {why}"),
                        "write the full address as the browser shows it, starting with https://",
                    ));
                    None
                }
            };
        };
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        if first.starts_with("www.")
            || first.ends_with(".go.th")
            || first.ends_with(".com")
            || first.ends_with(".or.th")
        {
            self.findings.push(bad(
                format!("{code}: malformed address `{url}`: it has no https://"),
                &format!("write https://{}", url.trim_start_matches('/')),
            ));
            return None;
        }
        let path = path
            .split(['#', '?'])
            .next()
            .unwrap_or("")
            .trim_start_matches("./")
            .trim_start_matches('/');
        let path = path.strip_suffix("index.html").unwrap_or(path).to_string();
        if path.split('/').any(|s| s == ".." || s == ".") {
            self.findings.push(bad(
                format!("{code}: `{url}` leaves the site"),
                "write a path from the site's root, e.g. files/report.pdf or about/",
            ));
            return None;
        }
        if self.targets.contains(&path) {
            return Some((true, Some(path)));
        }
        let as_dir = format!("{path}/");
        if !path.is_empty() && self.targets.contains(&as_dir) {
            return Some((true, Some(as_dir)));
        }
        let file = self.root.join("content").join(&path);
        let is_md = [".md", ".yaml", ".yml"].iter().any(|x| path.ends_with(x));
        if !path.is_empty() && !is_md && !routes::is_reserved(first) && file.is_file() {
            self.files.insert(path.clone());
            return Some((true, Some(path)));
        }
        if !path.is_empty() && !is_md && first == "files" && file.is_file() {
            self.files.insert(path.clone());
            return Some((true, Some(path)));
        }
        let mut known: Vec<&str> = self.targets.iter().map(String::as_str).collect();
        known.sort_unstable();
        let help = match did_you_mean(&path, known.iter().copied()) {
            Some(k) => format!("did you mean `{k}`? a path inside the site names a page (about/) or a file under content/ (files/report.pdf)"),
            None => "a path inside the site names a page (about/) or a file under content/ (files/report.pdf); an outside address starts with https://".to_string(),
        };
        self.findings.push(
            Finding::at(
                src,
                off,
                len,
                format!("{code}: evidence `{url}` points to nothing the build makes"),
            )
            .help(help),
        );
        None
    }
}

/// The spot of front-matter `key` in the content file `source` (of `needle` within its line, when
/// given), for a caret; the file is read again, which only findings pay for.
fn spot(
    root: &Path,
    source: &str,
    key: &str,
    needle: Option<&str>,
) -> Option<(Source, usize, usize)> {
    let f = content::read(root, &root.join(source), content::Kind::Page).ok()?;
    let (off, len) = content::key_span(f.text(), f.front_matter.start, key)?;
    if let Some(n) = needle {
        let line_end = f.text()[off..]
            .find('\n')
            .map_or(f.text().len(), |i| off + i);
        let hay = f.text()[off..line_end].to_ascii_uppercase();
        if let Some(i) = hay.find(&n.to_ascii_uppercase()) {
            return Some((f.src.clone(), off + i, n.len()));
        }
    }
    Some((f.src.clone(), off, len))
}

/// Why an outside address is not one an assessor can open, if it is not.
fn check_url(url: &str) -> Result<(), String> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err("ITAS takes web addresses (https://...)".into());
    };
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return Err(format!(
            "`{scheme}:` is not a web address; ITAS takes http:// or https://"
        ));
    }
    if url.chars().any(char::is_whitespace) {
        return Err("it contains a space (copy the address from the browser's address bar)".into());
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let name = host.split(':').next().unwrap_or("");
    if name.is_empty()
        || !name.contains('.')
        || name.starts_with('.')
        || name.ends_with('.')
        || name.contains("..")
    {
        return Err(format!("`{host}` is not a host name"));
    }
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
    {
        return Err(format!(
            "the host `{host}` holds characters a host name cannot"
        ));
    }
    Ok(())
}

/// `base_url` + `path`.
fn absolute(config: &Config, path: &str) -> String {
    format!("{}{}", config.base_url, path)
}

const ENTRY_KEYS: &[&str] = &["url", "title", "date", "fiscal_year", "path"];

/// One document in disclosures.yaml, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    url: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<Scalar>,
    #[serde(default)]
    fiscal_year: Option<i64>,
    #[serde(default)]
    path: Option<Steps>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Int(i64),
    Float(f64),
    Text(String),
}

impl Scalar {
    fn text(self) -> String {
        match self {
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(x) => x.to_string(),
            Scalar::Text(t) => t,
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Steps {
    One(String),
    Many(Vec<String>),
}

/// Byte span of a top-level key `key:` in `text`.
fn top_key(text: &str, key: &str) -> Option<(usize, usize)> {
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_start_matches(['"', '\'']);
        if let Some(rest) = bare.strip_prefix(key)
            && rest.trim_start_matches(['"', '\'']).starts_with(':')
        {
            return Some((off + (line.len() - bare.len()), key.len()));
        }
        off += line.len();
    }
    None
}

/// Where the n-th `- ` entry under a top-level key sits, for carets on its fields.
struct EntryLoc<'a> {
    text: &'a str,
    /// Byte offset of the entry's first line (or of the key when it cannot be found).
    start: usize,
    end: usize,
}

impl<'a> EntryLoc<'a> {
    fn find(text: &'a str, key_off: usize, n: usize) -> EntryLoc<'a> {
        let fallback = EntryLoc {
            text,
            start: key_off,
            end: key_off,
        };
        let Some(nl) = text[key_off..].find('\n') else {
            return fallback;
        };
        let mut off = key_off + nl + 1;
        let mut starts = Vec::new();
        let mut end = text.len();
        for line in text[off..].split_inclusive('\n') {
            let t = line.trim_start();
            let top = !line.starts_with([' ', '\t', '-', '#', '\n']) && !line.trim().is_empty();
            if top {
                end = off;
                break;
            }
            if t.starts_with("- ") || t.trim_end() == "-" {
                starts.push(off + (line.len() - t.len()));
            }
            off += line.len();
        }
        match starts.get(n) {
            Some(&s) => EntryLoc {
                text,
                start: s,
                end: starts.get(n + 1).copied().unwrap_or(end),
            },
            None => fallback,
        }
    }

    /// Byte span of the value of `field:` within the entry.
    fn field(&self, field: &str) -> Option<(usize, usize)> {
        self.spans(field).map(|(_, v)| v)
    }

    /// Byte offset of the key `field` and span of its value within the entry.
    fn spans(&self, field: &str) -> Option<(usize, (usize, usize))> {
        let mut off = self.start;
        for line in self.text[self.start..self.end].split_inclusive('\n') {
            let t = line.trim_start().trim_start_matches("- ").trim_start();
            if let Some(rest) = t.strip_prefix(field)
                && let Some(v) = rest.strip_prefix(':')
            {
                let key_at = off + (line.len() - t.len());
                let value = v.trim();
                let value = value.split(" #").next().unwrap_or(value).trim();
                let v_at = key_at + field.len() + 1 + v.find(value).unwrap_or(0);
                return Some((key_at, (v_at, value.len().max(1))));
            }
            off += line.len();
        }
        None
    }
}

// ---------------------------------------------------------------------------------------------
// Exports

/// The CSV and JSON exports of the checklist: `oit/ita-YYYY.csv` (UTF-8 with BOM, for Excel) and
/// `oit/ita-YYYY.json`.
pub fn exports(list: &Checklist) -> Vec<Output> {
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
            path: format!("oit/{}", list.csv),
            bytes: csv.into_bytes(),
        },
        Output {
            path: format!("oit/{}", list.json),
            bytes: (json + "\n").into_bytes(),
        },
    ]
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|c| csv_cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One CSV cell, quoted; a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// CR) is prefixed with `'` so it shows as text.
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every shipped year parses, and each full year has 43 items with unique codes.
    #[test]
    fn shipped_criteria_parse_and_full_years_have_43_items() {
        for (year, text) in BUILTIN {
            let c = Criteria::parse("x", text).unwrap_or_else(|f| panic!("{year}: {}", f[0]));
            assert_eq!(c.year, *year);
            if c.complete {
                assert_eq!(c.items().count(), 43, "{year}");
            }
        }
        assert!(!Criteria::builtin(2568).unwrap().complete);
        assert_eq!(
            Criteria::builtin(2564).unwrap().year,
            2565,
            "2564 uses the 2565 list"
        );
        assert!(Criteria::builtin(2570).is_none());
    }

    // The years differ where the ITA changed: 2566 adds the privacy policy as O10 and No Gift as O31.
    #[test]
    fn year_lists_differ_where_the_ita_changed() {
        let (a, b) = (
            Criteria::builtin(2565).unwrap(),
            Criteria::builtin(2566).unwrap(),
        );
        assert_eq!(a.item("O10").unwrap().title, "แผนดำเนินงานประจำปี");
        assert_eq!(b.item("O10").unwrap().title, "นโยบายคุ้มครองข้อมูลส่วนบุคคล");
        assert!(b.item("O31").unwrap().title.contains("No Gift"));
        assert_eq!(b.item("O13").unwrap().year, YearRule::Previous);
        assert_eq!(a.item("O12").unwrap().year, YearRule::Previous);
    }

    // A site's criteria file with a repeated code or a misspelt key is refused at the spot.
    #[test]
    fn faulty_criteria_files_are_reported_where_the_fault_is() {
        let head = "year: 2570\nindicators:\n- number: 9\n  title: t\n  sub_indicators:\n  - code: '9.1'\n    title: a\n    items:\n";
        let twice =
            format!("{head}    - code: O1\n      title: a\n    - code: O1\n      title: b\n");
        let errs = Criteria::parse("criteria/ita-2570.yaml", &twice).unwrap_err();
        assert!(
            errs[0].message.contains("O1 is listed twice"),
            "{}",
            errs[0]
        );
        assert_eq!((errs[0].line, errs[0].col), (11, 13));
        let typo = format!("{head}    - code: O1\n      titel: a\n");
        let errs = Criteria::parse("criteria/ita-2570.yaml", &typo).unwrap_err();
        assert!(errs[0].message.contains("titel"), "{}", errs[0]);
        assert_eq!(errs[0].line, 10, "{}", errs[0]);
    }

    // Item codes written loosely read as the canonical code.
    #[test]
    fn item_codes_are_normalised() {
        assert_eq!(normalize_code("o 42"), "O42");
        assert_eq!(normalize_code("O๔๓"), "O43");
        assert!(is_code("O1") && !is_code("O01") && !is_code("P1") && !is_code("O"));
    }

    // Cells that a spreadsheet would run as formulas are neutralised; quotes are doubled.
    #[test]
    fn csv_cells_cannot_inject_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-1"), "\"'-1\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_cell("โครงสร้าง"), "\"โครงสร้าง\"");
    }

    // Outside addresses must be web addresses with a host name.
    #[test]
    fn malformed_urls_are_named() {
        assert!(check_url("https://www.suanmon.go.th/structure.php?id=1").is_ok());
        assert!(check_url("https://www.facebook.com/อบต.สวนหม่อน").is_ok());
        assert!(check_url("htps//www.x.go.th").is_err());
        assert!(check_url("ftp://x.go.th/a").is_err());
        assert!(check_url("https://www.x.go.th/a b.pdf").is_err());
        assert!(check_url("https://localhost/a").is_err());
    }

    // Scores are means of means, not a plain mean of items.
    #[test]
    fn scores_are_means_of_means() {
        // Sub-indicators of 1 and 3 items; one item of the 3 disclosed:
        // sub 1 = 100, sub 2 = 33.33...; indicator = 66.66..., while the plain mean is 50.
        let c = Criteria::parse(
            "x",
            "year: 2566\nindicators:\n- number: 9\n  title: t\n  sub_indicators:\n  - code: '9.1'\n    title: a\n    items:\n    - {code: O1, title: a}\n  - code: '9.2'\n    title: b\n    items:\n    - {code: O2, title: b}\n    - {code: O3, title: c}\n    - {code: O4, title: d}\n",
        )
        .unwrap();
        let config = Config {
            fiscal_year: 2566,
            ..Config::default()
        };
        let ev = |code: &str| Evidence {
            kind: Kind::Link,
            title: code.into(),
            url: "https://x.go.th/".into(),
            internal: false,
            absolute: "https://x.go.th/".into(),
            date: None,
            fiscal_year: None,
            bytes: None,
            steps: vec![],
            source: DISCLOSURES.into(),
            fresh: true,
            at: None,
        };
        let mut claims = BTreeMap::from([
            ("O1".to_string(), vec![ev("O1")]),
            ("O2".to_string(), vec![ev("O2")]),
        ]);
        let list = score(&c, 2566, &config, &mut claims);
        assert!((list.indicators[0].score - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!((list.disclosed, list.missing), (2, 2));
    }

    // Evidence fields are found under their entry for carets.
    #[test]
    fn entry_fields_are_located() {
        let text = "O1:\n  - url: a/\n    date: 2023-01-01\n  - url: b/\nO2:\n- url: c/\n";
        let key = top_key(text, "O1").unwrap().0;
        let second = EntryLoc::find(text, key, 1);
        let (off, len) = second.field("url").unwrap();
        assert_eq!(&text[off..off + len], "b/");
        assert!(second.field("date").is_none());
        let o2 = top_key(text, "O2").unwrap().0;
        let (off, len) = EntryLoc::find(text, o2, 0).field("url").unwrap();
        assert_eq!(&text[off..off + len], "c/");
    }
}
