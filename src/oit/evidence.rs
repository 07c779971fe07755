//! The evidence a site offers for each OIT item: pages' and measures' `oit:` front matter (with
//! their attachments) and the documents listed in `content/disclosures.yaml`, each checked (item
//! codes, addresses, dates) with findings placed in its file. It does not score (`score.rs`).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use serde_yaml::Value;

use crate::config::Config;
use crate::content;
use crate::diag::{self, Finding, Source, did_you_mean};
use crate::measure::{self, Attachment, Measure, Page, Status};
use crate::routes::{self, Route};
use crate::t;
use crate::thai::{self, Date};
use crate::yaml::{self, Entry, FileKind};

use super::{Criteria, DISCLOSURES, Evidence, Kind, absolute, is_code, normalize_code};

/// What a page or measure offers as evidence: the items its `oit:` names, itself and its
/// attachments.
pub(super) struct Claim<'a> {
    /// Its file, relative to the site root.
    pub source: &'a str,
    pub title: &'a str,
    /// Its path in the built site.
    pub url: String,
    pub kind: Kind,
    /// The item codes it claims.
    pub codes: &'a [String],
    pub date: Option<Date>,
    pub attachments: &'a [Attachment],
    /// The one fiscal year whose checklist it serves (a measure's year); None: any.
    pub serves: Option<i32>,
    /// A measure whose status is `not_done`: it claims items, but is no evidence yet.
    pub not_done: bool,
}

impl<'a> Claim<'a> {
    /// What a measure offers.
    pub fn measure(m: &'a Measure) -> Claim<'a> {
        Claim {
            source: &m.source,
            title: &m.title,
            url: routes::measure(&m.slug),
            kind: Kind::Measure,
            codes: &m.oit,
            date: m.date,
            attachments: &m.attachments,
            serves: Some(m.fiscal_year),
            not_done: m.status == Status::NotDone,
        }
    }

    /// What a page offers.
    pub fn page(p: &'a Page) -> Claim<'a> {
        Claim {
            source: &p.source,
            title: &p.title,
            url: Route::Page(p.slug.clone()).dir(),
            kind: Kind::Page,
            codes: &p.oit,
            date: p.date,
            attachments: &p.attachments,
            serves: None,
            not_done: false,
        }
    }
}

/// Collects evidence and findings while walking the site's files.
pub(super) struct Collector<'a> {
    root: &'a Path,
    config: &'a Config,
    /// Each published year's criteria, and where they came from.
    criteria: &'a BTreeMap<i32, (Criteria, String)>,
    /// Paths of the site's pages (`about/`) and files (`files/x.pdf`) that the build makes.
    targets: HashSet<String>,
    claims: BTreeMap<String, Vec<Evidence>>,
    files: BTreeSet<String>,
    findings: Vec<Finding>,
    /// Findings at a front matter's `oit:` key, made in [`finish`](Collector::finish): each reads
    /// its file again for the caret, so a site of thousands of measures not yet done reads them
    /// in parallel, not one by one on every save of the preview.
    at_oit: Vec<AtOit>,
    /// Item codes of the lists of unpublished years, read once each (see `known_in_year`).
    other_years: std::cell::RefCell<BTreeMap<i32, HashSet<String>>>,
}

/// A finding at the `oit:` key (or one code in it) of a front matter, not yet located.
struct AtOit {
    source: String,
    code: Option<String>,
    message: String,
    help: String,
    warning: bool,
}

impl AtOit {
    /// The finding, with a caret when the file still holds the key.
    fn finding(self, root: &Path) -> Finding {
        let f = match content::locate(root, &self.source, "oit", self.code.as_deref()) {
            Some((src, off, len)) => Finding::at(&src, off, len, self.message),
            None => Finding::error(self.source, self.message),
        };
        let f = f.help(self.help);
        if self.warning { f.warning() } else { f }
    }
}

/// The steps from the home page to a document, as written: one text split at `>`, `→` or `›`,
/// or a list.
fn steps(path: Option<Steps>) -> Vec<String> {
    let parts: Vec<String> = match path {
        None => Vec::new(),
        Some(Steps::One(s)) => s.split(['>', '→', '›']).map(str::to_string).collect(),
        Some(Steps::Many(v)) => v,
    };
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Every page and file the build makes, as site paths: each route of the site (the OIT item
/// pages of every year's `criteria` among them), the files [`routes::files`] names, the
/// attachments and the site's own `static/` files.
pub(super) fn targets(
    root: &Path,
    config: &Config,
    measures: &[Arc<Measure>],
    pages: &[Page],
    criteria: &BTreeMap<i32, (Criteria, String)>,
) -> HashSet<String> {
    let codes: Vec<(i32, Vec<&str>)> = criteria
        .iter()
        .map(|(&y, (c, _))| (y, c.items().map(|i| i.code.as_str()).collect()))
        .collect();
    let current = config.fiscal_year;
    let pages_made = routes::all(measures, pages, &codes, current);
    let mut t: HashSet<String> = pages_made.iter().map(Route::dir).collect();
    let years: Vec<i32> = criteria.keys().copied().collect();
    t.extend(routes::files(&years, current));
    for a in measures
        .iter()
        .flat_map(|m| &m.attachments)
        .chain(pages.iter().flat_map(|p| &p.attachments))
    {
        t.insert(a.path.clone());
    }
    let own_static = root.join(routes::STATIC);
    for entry in walkdir::WalkDir::new(&own_static).into_iter().flatten() {
        if entry.file_type().is_file() {
            let rel = diag::display_path(&own_static, entry.path());
            t.insert(format!("{}/{rel}", routes::STATIC));
        }
    }
    t
}

impl<'a> Collector<'a> {
    pub(super) fn new(
        root: &'a Path,
        config: &'a Config,
        criteria: &'a BTreeMap<i32, (Criteria, String)>,
        targets: HashSet<String>,
    ) -> Collector<'a> {
        Collector {
            root,
            config,
            criteria,
            targets,
            claims: BTreeMap::new(),
            files: BTreeSet::new(),
            findings: Vec::new(),
            at_oit: Vec::new(),
            other_years: Default::default(),
        }
    }

    /// The evidence by item code, the files under content/ only disclosures.yaml names, and the
    /// findings.
    pub(super) fn finish(mut self) -> (BTreeMap<String, Vec<Evidence>>, Vec<String>, Vec<Finding>) {
        use rayon::prelude::*;
        let root = self.root;
        let at_oit: Vec<Finding> = self
            .at_oit
            .into_par_iter()
            .map(|a| a.finding(root))
            .collect();
        self.findings.extend(at_oit);
        (self.claims, self.files.into_iter().collect(), self.findings)
    }

    /// The criteria a claim's codes are read against: its own year's, else the current year's.
    fn criteria_of(&self, year: Option<i32>) -> &Criteria {
        let current = self.config.fiscal_year;
        let pick = |y: i32| self.criteria.get(&y).map(|(c, _)| c);
        year.and_then(pick)
            .or_else(|| pick(current))
            .or_else(|| self.criteria.values().next_back().map(|(c, _)| c))
            .expect("check loads at least one year's criteria")
    }

    /// Whether `code` is an item of the criteria of `year`, or of any published year when the
    /// claim serves no one year (a dated page is also read against its own year's list, see
    /// `front_matter`).
    fn knows(&self, year: Option<i32>, code: &str) -> bool {
        match year {
            Some(_) => self.criteria_of(year).item(code).is_some(),
            None => self.criteria.values().any(|(c, _)| c.item(code).is_some()),
        }
    }

    fn unknown_code_help(&self, year: Option<i32>, code: &str) -> String {
        let criteria = self.criteria_of(year);
        let codes: Vec<&str> = criteria.items().map(|i| i.code.as_str()).collect();
        let range = t!(
            "oit-item-range",
            year = criteria.year,
            first = codes.first().copied().unwrap_or("-"),
            last = codes.last().copied().unwrap_or("-")
        );
        match did_you_mean(code, codes.iter().copied()) {
            Some(c) => format!("{} {range}", t!("did-you-mean", word = c)),
            None => range,
        }
    }

    /// Severity for a code the criteria do not know: an error, unless the list is known to be partial.
    fn unknown(&self, year: Option<i32>, f: Finding) -> Finding {
        if self.criteria_of(year).complete {
            f
        } else {
            f.warning()
        }
    }

    /// Evidence from a page's or measure's `oit:` list, with its attachments; a measure not yet
    /// done is none (a warning at its `oit:`), though its codes are still checked.
    pub(super) fn front_matter(&mut self, claim: &Claim) {
        if claim.codes.is_empty() {
            return;
        }
        if claim.not_done {
            self.at_oit.push(AtOit {
                source: claim.source.to_string(),
                code: None,
                message: t!("oit-not-done"),
                help: t!("oit-not-done.help"),
                warning: true,
            });
        }
        let fy = claim.date.map(Date::fiscal_year);
        for code in claim.codes {
            let dated_year_knows = claim.serves.is_none() && self.known_in_year(fy, code);
            if !self.knows(claim.serves, code) && !dated_year_knows {
                let year = self.criteria_of(claim.serves).year;
                let msg = t!("oit-not-an-item", code = code.as_str(), year = year);
                self.at_oit.push(AtOit {
                    source: claim.source.to_string(),
                    code: Some(code.clone()),
                    message: msg,
                    help: self.unknown_code_help(claim.serves, code),
                    warning: !self.criteria_of(claim.serves).complete,
                });
                continue;
            }
            if claim.not_done {
                continue;
            }
            let evidence = |kind, title: &str, url: &str, bytes| Evidence {
                kind,
                title: title.to_string(),
                url: url.to_string(),
                internal: true,
                absolute: absolute(self.config, url),
                date: claim.date,
                fiscal_year: fy,
                bytes,
                steps: Vec::new(),
                source: claim.source.to_string(),
                fresh: true,
                serves: claim.serves,
                at: None,
            };
            let mut found = vec![evidence(claim.kind, claim.title, &claim.url, None)];
            for a in claim.attachments {
                found.push(evidence(Kind::File, &a.name, &a.path, Some(a.bytes)));
            }
            self.claims.entry(code.clone()).or_default().extend(found);
        }
    }

    /// Evidence from `content/disclosures.yaml`.
    pub(super) fn disclosures(&mut self) {
        let path = self.root.join(DISCLOSURES);
        if path.symlink_metadata().is_err() {
            return;
        }
        let bytes =
            match content::read_checked(&path, &self.root.join("content"), content::MAX_FILE_BYTES)
            {
                Ok(b) => b,
                Err(r) => return self.findings.push(r.finding(DISCLOSURES)),
            };
        let text: Arc<str> = match content::decode(DISCLOSURES, &bytes) {
            Ok(t) => t.into(),
            Err(f) => return self.findings.push(f),
        };
        let src = diag::source(DISCLOSURES, text.clone());
        let map = match yaml::read(FileKind::Disclosures, &src, 0..text.len(), ENTRY_KEYS) {
            Ok(Value::Mapping(m)) => m,
            Ok(Value::Null) => return,
            Ok(_) => {
                return self.findings.push(
                    Finding::at(&src, 0, 1, t!("oit-disclosures-not-a-mapping"))
                        .help(t!("oit-disclosures-not-a-mapping.help")),
                );
            }
            Err(f) => return self.findings.push(f),
        };
        for (key, value) in map {
            let raw = yaml::key_text(&key);
            let (key_off, key_len) = yaml::find_key(&text, 0, &raw).map_or((0, 1), |k| k.key);
            let code = normalize_code(&raw);
            // A code of no published year's list may still be one of the years its documents
            // are dated in (an old year's item kept in the file): it is read against those.
            let known_now = is_code(&code) && self.knows(None, &code);
            if !is_code(&code) {
                let msg = t!("oit-not-a-code", code = raw.as_str());
                let help = self.unknown_code_help(None, &code);
                self.findings
                    .push(Finding::at(&src, key_off, key_len, msg).help(help));
                continue;
            }
            let entries: Vec<Value> = match value {
                Value::Sequence(s) => s,
                Value::Null => {
                    self.findings.push(
                        Finding::at(
                            &src,
                            key_off,
                            key_len,
                            t!("oit-no-document", code = code.as_str()),
                        )
                        .help(t!("oit-no-document.help"))
                        .warning(),
                    );
                    continue;
                }
                other => vec![other],
            };
            let mut unknown = false;
            let mut locs = Entry::all(&text, key_off).into_iter();
            for entry in entries {
                let loc = locs.next().unwrap_or(Entry::at_key(&text, key_off));
                let Some(e) = self.entry(&src, &loc, &code, entry) else {
                    continue;
                };
                if known_now || self.known_in_year(e.fiscal_year, &code) {
                    self.claims.entry(code.clone()).or_default().push(e);
                } else {
                    unknown = true;
                }
            }
            if unknown {
                let year = self.criteria_of(None).year;
                let msg = t!("oit-not-an-item", code = raw.as_str(), year = year);
                let help = self.unknown_code_help(None, &code);
                let f = Finding::at(&src, key_off, key_len, msg).help(help);
                let f = self.unknown(None, f);
                self.findings.push(f);
            }
        }
    }

    /// Whether `code` is an item of the list of `year` (a document's own year), published or not.
    fn known_in_year(&self, year: Option<i32>, code: &str) -> bool {
        let Some(y) = year else { return false };
        if let Some((c, _)) = self.criteria.get(&y) {
            return c.item(code).is_some();
        }
        // A list is read and parsed once per year, not once per document.
        let mut other = self.other_years.borrow_mut();
        let codes = other.entry(y).or_insert_with(|| {
            Criteria::load(self.root, y)
                .map(|(c, _)| c.items().map(|i| i.code.clone()).collect())
                .unwrap_or_default()
        });
        codes.contains(code)
    }

    /// One `- url: ...` entry of disclosures.yaml.
    fn entry(&mut self, src: &Source, loc: &Entry, code: &str, value: Value) -> Option<Evidence> {
        let raw = self.raw_entry(src, loc, code, value)?;
        let at = |field: &str| loc.field(field).unwrap_or((loc.start, 1));
        let url = raw.url.trim().to_string();
        let (uo, ul) = at("url");
        let (internal, site_path) = self.resolve(src, uo, ul, code, &url)?;
        let date = match raw.date {
            None => None,
            Some(s) => Some(self.entry_date(src, at("date"), code, &s.text())?),
        };
        let fiscal_year = match raw.fiscal_year {
            Some(y) => Some(self.entry_year(src, at("fiscal_year"), code, y)?),
            None => date.map(Date::fiscal_year),
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
            steps: steps(raw.path),
            source: DISCLOSURES.to_string(),
            fresh: true,
            serves: None,
            at: Some({
                let (o, l) = loc.field("date").unwrap_or((uo, ul));
                (src.clone(), o, l)
            }),
        })
    }

    /// An entry's fields as written (a bare string is its `url`); None, with a finding naming
    /// the key, when they do not read.
    fn raw_entry(
        &mut self,
        src: &Source,
        loc: &Entry,
        code: &str,
        value: Value,
    ) -> Option<RawEntry> {
        let value = match value {
            Value::String(url) => {
                let mut m = serde_yaml::Mapping::new();
                m.insert("url".into(), Value::String(url));
                Value::Mapping(m)
            }
            v => v,
        };
        let e = match serde_yaml::from_value(value) {
            Ok(r) => return Some(r),
            Err(e) => e,
        };
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        let f = if let Some(field) = msg
            .strip_prefix("unknown field `")
            .and_then(|m| m.split('`').next())
        {
            let (off, len) = loc.key(field).map_or((loc.start, 1), |k| k.key);
            let help = match did_you_mean(field, ENTRY_KEYS.iter().copied()) {
                Some(k) => t!("did-you-mean", word = k),
                None => t!("oit-entry-unknown-key.keys", keys = ENTRY_KEYS.join(", ")),
            };
            Finding::at(
                src,
                off,
                len,
                t!("oit-entry-unknown-key", key = field, code = code),
            )
            .help(help)
        } else if let Some(field) = msg
            .strip_prefix("missing field `")
            .and_then(|m| m.split('`').next())
        {
            Finding::at(
                src,
                loc.start,
                1,
                t!("oit-entry-missing-key", code = code, key = field),
            )
            .help(t!("oit-entry-unreadable.help"))
        } else {
            Finding::at(
                src,
                loc.start,
                1,
                t!("oit-entry-unreadable", code = code, error = msg.as_str()),
            )
            .help(t!("oit-entry-unreadable.help"))
        };
        self.findings.push(f);
        None
    }

    /// An entry's `date`, Thai or ISO; None, with a finding at `(off, len)`, when it does not read.
    fn entry_date(
        &mut self,
        src: &Source,
        (off, len): (usize, usize),
        code: &str,
        text: &str,
    ) -> Option<Date> {
        match thai::parse_date(text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.findings.push(
                    Finding::at(
                        src,
                        off,
                        len,
                        t!(
                            "oit-entry-date",
                            code = code,
                            date = text,
                            error = e.to_string()
                        ),
                    )
                    .help(t!("measure-date-help")),
                );
                None
            }
        }
    }

    /// An entry's `fiscal_year`; None, with a finding, when it is not a Buddhist Era year.
    fn entry_year(
        &mut self,
        src: &Source,
        (off, len): (usize, usize),
        code: &str,
        year: i64,
    ) -> Option<i32> {
        match i32::try_from(year) {
            Ok(y) if thai::BE_YEARS.contains(&y) => Some(y),
            _ => {
                self.findings.push(
                    Finding::at(
                        src,
                        off,
                        len,
                        t!("oit-entry-year", code = code, year = year.to_string()),
                    )
                    .help(t!("oit-entry-year.help")),
                );
                None
            }
        }
    }

    /// Reads an evidence address: `Some((true, Some(path)))` for a path inside the site,
    /// `Some((false, None))` for a good outside address, None (with a finding) otherwise.
    // Long: the address rules in the order they are tried; each early return is one rule.
    fn resolve(
        &mut self,
        src: &Source,
        off: usize,
        len: usize,
        code: &str,
        url: &str,
    ) -> Option<(bool, Option<String>)> {
        let bad = |msg: String, help: String| Finding::at(src, off, len, msg).help(help);
        if url.is_empty() {
            self.findings.push(bad(
                t!("oit-empty-url", code = code),
                t!("oit-empty-url.help"),
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
                        t!("oit-malformed-url", code = code, url = url, why = why),
                        t!("oit-malformed-url.help"),
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
                t!(
                    "oit-malformed-url",
                    code = code,
                    url = url,
                    why = t!("oit-no-https")
                ),
                t!("oit-no-https.help", address = url.trim_start_matches('/')),
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
                t!("oit-leaves-site", code = code, url = url),
                t!("oit-leaves-site.help"),
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
        // A file under content/ (not a page source), outside the build's own folders but files/.
        let copyable = first == routes::FILES || !routes::is_reserved(first);
        if !path.is_empty() && !is_md && copyable && file.symlink_metadata().is_ok() {
            // Published as it is, like an attachment: the same gate.
            return match measure::check_attachment(self.root, &path, self.config.allow_html) {
                Ok(_) => {
                    self.files.insert(path.clone());
                    Some((true, Some(path)))
                }
                Err((why, help)) => {
                    let msg = t!("oit-evidence-refused", code = code, url = url, why = why);
                    self.findings.push(bad(msg, help));
                    None
                }
            };
        }
        let mut known: Vec<&str> = self.targets.iter().map(String::as_str).collect();
        known.sort_unstable();
        let help = match did_you_mean(&path, known.iter().copied()) {
            Some(k) => format!(
                "{} {}",
                t!("did-you-mean", word = k),
                t!("oit-points-nowhere.inside")
            ),
            None => t!("oit-points-nowhere.help"),
        };
        self.findings.push(
            Finding::at(
                src,
                off,
                len,
                t!("oit-points-nowhere", code = code, url = url),
            )
            .help(help),
        );
        None
    }
}

/// Why an outside address is not one an assessor can open, if it is not.
fn check_url(url: &str) -> Result<(), String> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(t!("oit-url-not-web"));
    };
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return Err(t!("oit-url-scheme", scheme = scheme));
    }
    if url.chars().any(char::is_whitespace) {
        return Err(t!("oit-url-space"));
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
        return Err(t!("oit-url-host", host = host));
    }
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
    {
        return Err(t!("oit-url-host-chars", host = host));
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

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

    fn check_disclosures(text: &str) -> Vec<Finding> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join(DISCLOSURES), text).unwrap();
        let config = Config {
            fiscal_year: 2566,
            ..Config::default()
        };
        super::super::check(dir.path(), &config, &[], &[]).1
    }

    // A syntax error in disclosures.yaml names that file, and an alias bomb in it is refused at
    // once (it used to run for over a minute and take 7 GB).
    #[test]
    fn disclosures_faults_name_the_file_and_bombs_are_refused() {
        let found = check_disclosures("O1:\n  - url: [https://x.go.th/\n");
        assert!(found[0].message.starts_with("Line 2: "), "{}", found[0]);
        let start = std::time::Instant::now();
        let found = check_disclosures(&crate::yaml::tests::quadratic_bomb("O1", "O2"));
        assert!(
            found[0].message.contains("repeat values more than"),
            "{}",
            found[0]
        );
        assert!(start.elapsed().as_secs() < 5);
    }
}
