//! What the author wrote in front matter, turned into what it means: [`Measure`]s and [`Page`]s.
//!
//! The YAML is read into a plain mapping first and then field by field, so one file can report
//! several mistakes at once (an unknown key *and* a bad status), each with a caret on its own line.
//! The ITA vocabulary the fields use (assessments, indicators, statuses) lives here too.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_yaml::{Mapping, Value};

use crate::config::Config;
use crate::content::{self, Kind, SourceFile};
use crate::diag::{Finding, did_you_mean};
use crate::t;
use crate::thai::{self, Date, MonthRange};
use crate::yaml::{self, FileKind, key_span};

/// The three ITA instruments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Assessment {
    IIT,
    EIT,
    OIT,
}

impl Assessment {
    pub const ALL: [Assessment; 3] = [Assessment::IIT, Assessment::EIT, Assessment::OIT];

    /// "IIT", "EIT" or "OIT".
    pub fn code(self) -> &'static str {
        match self {
            Assessment::IIT => "IIT",
            Assessment::EIT => "EIT",
            Assessment::OIT => "OIT",
        }
    }

    /// The instrument's Thai name as NACC writes it.
    pub fn title(self) -> &'static str {
        match self {
            Assessment::IIT => "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
            Assessment::EIT => "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
            Assessment::OIT => "แบบตรวจการเปิดเผยข้อมูลสาธารณะ",
        }
    }

    /// The English name.
    pub fn title_en(self) -> &'static str {
        match self {
            Assessment::IIT => "Internal Integrity and Transparency Assessment",
            Assessment::EIT => "External Integrity and Transparency Assessment",
            Assessment::OIT => "Open Data Integrity and Transparency Assessment",
        }
    }

    /// The indicators (1-10) that belong to this instrument.
    pub fn indicators(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Assessment::IIT => 1..=5,
            Assessment::EIT => 6..=8,
            Assessment::OIT => 9..=10,
        }
    }

    /// The assessment an indicator belongs to.
    pub fn of_indicator(n: u8) -> Option<Assessment> {
        Assessment::ALL
            .into_iter()
            .find(|a| a.indicators().contains(&n))
    }
}

/// The ten ITA indicators' Thai names, indexed by number - 1.
pub const INDICATORS: [&str; 10] = [
    "การปฏิบัติหน้าที่",
    "การใช้งบประมาณ",
    "การใช้อำนาจ",
    "การใช้ทรัพย์สินของราชการ",
    "การแก้ไขปัญหาการทุจริต",
    "คุณภาพการดำเนินงาน",
    "ประสิทธิภาพการสื่อสาร",
    "การปรับปรุงระบบการทำงาน",
    "การเปิดเผยข้อมูล",
    "การป้องกันการทุจริต",
];

/// Whether a measure has been carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    InProgress,
    NotDone,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Done, Status::InProgress, Status::NotDone];

    /// The key written in front matter.
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::InProgress => "in_progress",
            Status::NotDone => "not_done",
        }
    }

    /// The Thai label, as in the seed report's columns.
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "ดำเนินการแล้ว",
            Status::InProgress => "อยู่ระหว่างดำเนินการ",
            Status::NotDone => "ยังไม่ดำเนินการ",
        }
    }

    fn parse(s: &str) -> Option<Status> {
        let s = s.trim();
        Status::ALL
            .into_iter()
            .find(|st| st.key().eq_ignore_ascii_case(s) || st.label() == s)
    }
}

/// A file copied next to the page that links it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    /// Path under `content/`, `/`-separated; also its path in the built site.
    pub path: String,
    /// File name shown as the link text.
    pub name: String,
    pub bytes: u64,
}

/// One integrity measure (มาตรการ), validated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    pub slug: String,
    /// Source file, relative to the site root.
    pub source: String,
    pub title: String,
    pub fiscal_year: i32,
    pub assessment: Assessment,
    pub indicator: u8,
    pub indicator_title: &'static str,
    pub score: Option<f64>,
    pub target: f64,
    pub methods: Vec<String>,
    pub results: Vec<String>,
    pub responsible: Vec<String>,
    /// The address of each unit of `responsible` (`units/<address>/`), made once at parse.
    #[serde(skip)]
    pub unit_slugs: Vec<String>,
    /// The period as written.
    pub period: Option<String>,
    /// The period read as months, when it could be.
    #[serde(serialize_with = "ser_range")]
    pub period_range: Option<MonthRange>,
    pub status: Status,
    pub follow_up: Option<String>,
    pub oit: Vec<String>,
    #[serde(serialize_with = "ser_date")]
    pub date: Option<Date>,
    pub attachments: Vec<Attachment>,
    /// The Markdown body as HTML (filled in by the build).
    pub body: String,
}

impl Measure {
    /// A measure of indicator `indicator` scoring `score`, with the other fields empty: for tests.
    #[cfg(test)]
    pub(crate) fn sample(indicator: u8, score: f64) -> Measure {
        Measure {
            slug: "x".into(),
            source: "x.md".into(),
            title: "x".into(),
            fiscal_year: 2566,
            assessment: Assessment::of_indicator(indicator).expect("an ITA indicator"),
            indicator,
            indicator_title: INDICATORS[indicator as usize - 1],
            score: Some(score),
            target: 85.0,
            methods: vec![],
            results: vec![],
            responsible: vec![],
            unit_slugs: vec![],
            period: None,
            period_range: None,
            status: Status::Done,
            follow_up: None,
            oit: vec![],
            date: None,
            attachments: vec![],
            body: String::new(),
        }
    }
}

/// Any other page: about, contacts, analysis text.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub slug: String,
    pub source: String,
    pub title: String,
    pub oit: Vec<String>,
    #[serde(serialize_with = "ser_date")]
    pub date: Option<Date>,
    pub attachments: Vec<Attachment>,
    /// Position in the navigation (lower first; then by title).
    pub weight: i64,
    /// Its label in the site's menu, when the page asks to be there (`menu: true` takes the
    /// title, `menu: ติดต่อเรา` a short label); None: not in the menu.
    pub menu: Option<String>,
    pub body: String,
}

/// What one content file turned into.
#[derive(Debug, Clone)]
pub enum Doc {
    Measure(Box<Measure>),
    Page(Box<Page>),
}

/// A date as its ISO text (`2023-03-31`), for the JSON forms of measures, pages and evidence.
pub(crate) fn ser_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&d.iso()),
        None => s.serialize_none(),
    }
}

fn ser_range<S: serde::Serializer>(r: &Option<MonthRange>, s: S) -> Result<S::Ok, S::Error> {
    match r {
        Some(r) => s.serialize_some(&[r.start.to_string(), r.end.to_string()]),
        None => s.serialize_none(),
    }
}

pub const MEASURE_KEYS: &[&str] = &[
    "title",
    "fiscal_year",
    "assessment",
    "indicator",
    "score",
    "target",
    "methods",
    "results",
    "responsible",
    "period",
    "status",
    "follow_up",
    "oit",
    "date",
    "attachments",
];

pub const PAGE_KEYS: &[&str] = &["title", "oit", "date", "attachments", "weight", "menu"];

/// The keys a measure cannot be published without: written but left empty, each is an error.
pub const REQUIRED: &[&str] = &["title", "assessment", "indicator", "status"];

/// Turns a split content file into a measure or page; every problem is a finding.
pub fn parse(file: &SourceFile, config: &Config, root: &Path) -> (Option<Doc>, Vec<Finding>) {
    let mut f = Fields::new(file);
    let Some(map) = f.map.take() else {
        return (None, f.findings);
    };
    f.map = Some(map);
    let slug = slugify(&file.stem);
    if slug.is_empty() {
        f.findings.push(
            Finding::error(&file.rel, t!("measure-empty-address"))
                .help(t!("measure-empty-address.help")),
        );
    }
    let doc = match file.kind {
        Kind::Measure => measure(&mut f, config, root, slug).map(|m| Doc::Measure(Box::new(m))),
        Kind::Page => page(&mut f, config, root, slug).map(|p| Doc::Page(Box::new(p))),
    };
    f.finish(if file.kind == Kind::Measure {
        MEASURE_KEYS
    } else {
        PAGE_KEYS
    });
    let ok = !f
        .findings
        .iter()
        .any(|x| x.severity == crate::diag::Severity::Error);
    (doc.filter(|_| ok), f.findings)
}

/// A measure from its front matter: each field read by its own [`Fields`] method.
fn measure(f: &mut Fields, config: &Config, root: &Path, slug: String) -> Option<Measure> {
    let title = f
        .require::<String>("title", t!("measure-missing.title"))
        .map(|t| t.trim().to_string());
    let fiscal_year = f.fiscal_year(config);
    let (assessment, indicator) = f.assessment_and_indicator();
    let score = f.percent("score", t!("measure-score-help"));
    let target = f
        .percent("target", t!("measure-target-help"))
        .unwrap_or(85.0);
    let methods = f.list("methods");
    let results = f.list("results");
    let responsible = f.responsible();
    let unit_slugs = responsible.iter().map(|u| slugify(u)).collect();
    let period = f.text("period");
    let period_range = period.as_deref().and_then(|p| thai::parse_period(p).ok());
    let status = f.status();
    let follow_up = f.text("follow_up");
    let oit = f.oit();
    let date = f.date();
    let attachments = f.attachments(root, config.allow_html);
    let (assessment, indicator) = (assessment?, indicator?);
    Some(Measure {
        slug,
        source: f.file.rel.clone(),
        title: title?,
        fiscal_year: fiscal_year?,
        assessment,
        indicator,
        indicator_title: INDICATORS[indicator as usize - 1],
        score,
        target,
        methods,
        results,
        responsible,
        unit_slugs,
        period,
        period_range,
        status: status?,
        follow_up,
        oit,
        date,
        attachments,
        body: String::new(),
    })
}

fn page(f: &mut Fields, config: &Config, root: &Path, slug: String) -> Option<Page> {
    let title = f
        .require::<String>("title", t!("measure-missing.page-title"))
        .map(|t| t.trim().to_string());
    let oit = f.oit();
    let date = f.date();
    let attachments = f.attachments(root, config.allow_html);
    let weight = f.take::<i64>("weight").unwrap_or(0);
    let menu = f.menu();
    let title = title?;
    Some(Page {
        menu: menu.map(|label| label.unwrap_or_else(|| title.clone())),
        slug,
        source: f.file.rel.clone(),
        title,
        oit,
        date,
        attachments,
        weight,
        body: String::new(),
    })
}

/// A web-safe slug from a file name: Thai is kept as it is (never transliterated), ASCII is
/// lower-cased, spaces and `_` become `-`, and characters that break URLs (`#?%&/\"'<>` ...) are dropped.
pub fn slugify(stem: &str) -> String {
    let mut out = String::with_capacity(stem.len());
    for c in stem.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_whitespace() || c == '_' || c == '-' || c == '.' {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else if c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_control() && c != '\u{FEFF}')
        {
            out.push(c);
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A number written as YAML number or as text in Thai or Arabic digits.
#[derive(Deserialize)]
#[serde(untagged)]
enum Num {
    Int(i64),
    Float(f64),
    Text(String),
}

impl Num {
    fn float(self) -> Result<f64, String> {
        match self {
            Num::Int(i) => Ok(i as f64),
            Num::Float(x) if x.is_finite() => Ok(x),
            Num::Float(x) => Err(t!("measure-not-a-number", value = x.to_string())),
            Num::Text(text) => thai::parse_number(&text)
                .ok_or_else(|| t!("measure-not-a-number", value = text.as_str())),
        }
    }

    fn int(self) -> Result<i64, String> {
        let text = match &self {
            Num::Text(t) => t.clone(),
            Num::Int(i) => i.to_string(),
            Num::Float(x) => x.to_string(),
        };
        match self.float()? {
            x if x.fract() == 0.0 && x.abs() < 1e12 => Ok(x as i64),
            x if x.fract() == 0.0 => Err(t!("measure-too-large", value = text)),
            _ => Err(t!("measure-not-whole", value = text)),
        }
    }
}

/// One string or a list of strings.
#[derive(Deserialize)]
#[serde(untagged)]
enum List {
    One(String),
    Many(Vec<String>),
}

impl List {
    fn into_vec(self) -> Vec<String> {
        let v = match self {
            List::One(s) => vec![s],
            List::Many(v) => v,
        };
        v.into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// The paste debris of the front matter (see [`yaml::paste_debris`]), one error per line that
/// holds some, with a caret under it.
fn paste_debris(file: &SourceFile) -> Vec<Finding> {
    let start = file.front_matter.start;
    let mut offset = start;
    let mut found = Vec::new();
    for line in file.front_matter_text().split_inclusive('\n') {
        if let Some((at, len, msg, fix)) = yaml::paste_debris(line.trim_end_matches(['\n', '\r'])) {
            found.push(Finding::at(&file.src, offset + at, len, msg).help(fix));
        }
        offset += line.len();
    }
    found
}

/// Reads a front-matter mapping field by field, collecting findings placed on each key's line.
struct Fields<'a> {
    file: &'a SourceFile,
    map: Option<Mapping>,
    findings: Vec<Finding>,
}

impl<'a> Fields<'a> {
    fn new(file: &'a SourceFile) -> Self {
        let mut findings = Vec::new();
        let read = yaml::read(
            FileKind::FrontMatter,
            &file.src,
            file.front_matter.clone(),
            MEASURE_KEYS,
        );
        let map = match read {
            Ok(Value::Mapping(m)) => Some(m),
            Ok(Value::Null) => Some(Mapping::new()),
            Ok(_) => {
                findings.push(
                    Finding::at(
                        &file.src,
                        file.front_matter.start,
                        1,
                        t!("measure-not-a-mapping"),
                    )
                    .help(t!("measure-not-a-mapping.help")),
                );
                None
            }
            Err(f) => {
                findings.push(f);
                None
            }
        };
        findings.extend(paste_debris(file));
        Fields {
            file,
            map,
            findings,
        }
    }

    fn span(&self, key: &str) -> (usize, usize) {
        key_span(self.file.text(), self.file.front_matter.start, key).unwrap_or((0, 3))
    }

    fn error_at(&mut self, key: &str, msg: String, help: String) {
        let (off, len) = self.span(key);
        self.findings
            .push(Finding::at(&self.file.src, off, len, msg).help(help));
    }

    /// Removes `key` and reads it as `T`; a wrong type is a finding, and so is a key written
    /// with nothing after it (see [`Fields::not_filled_in`]).
    fn take<T: DeserializeOwned>(&mut self, key: &str) -> Option<T> {
        let v = self.map.as_mut()?.remove(key)?;
        if v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty()) {
            self.not_filled_in(key);
            return None;
        }
        match serde_yaml::from_value::<T>(v) {
            Ok(t) => Some(t),
            Err(_) => {
                let kind = match std::any::type_name::<T>() {
                    n if n.ends_with("String") => t!("measure-kind-text"),
                    n if n.ends_with("Num") || n.ends_with("i64") => t!("measure-kind-number"),
                    n if n.ends_with("List") || n.contains("Vec") => t!("measure-kind-list"),
                    _ => t!("measure-kind-other"),
                };
                // serde's own words ("invalid type: sequence, expected a string") are for
                // programmers; the help says what the key takes.
                self.error_at(
                    key,
                    t!("measure-wrong-kind", key = key),
                    t!("measure-wrong-kind.help", key = key, kind = kind),
                );
                None
            }
        }
    }

    /// A key written but left empty (`score:` and nothing after it, or `""`), as `new measure`
    /// and `new year` leave what only the clerk knows: an error for a [`REQUIRED`] key, a warning
    /// for the others (an empty one is read as not written). The caret is on the key.
    fn not_filled_in(&mut self, key: &str) {
        let text = self.file.text();
        let (off, len) = yaml::find_key(text, self.file.front_matter.start, key)
            .map_or((self.file.front_matter.start, 1), |k| k.key);
        let f = Finding::at(
            &self.file.src,
            off,
            len,
            t!("measure-not-filled-in", key = key),
        );
        self.findings.push(if REQUIRED.contains(&key) {
            f.help(t!("measure-not-filled-in.required", key = key))
        } else {
            f.help(t!("measure-not-filled-in.optional", key = key))
                .warning()
        });
    }

    /// Like [`Fields::take`], but a missing key is a finding too.
    fn require<T: DeserializeOwned>(&mut self, key: &str, help: String) -> Option<T> {
        let present = self.map.as_ref().is_some_and(|m| m.get(key).is_some());
        if !present {
            let f = Finding::at(&self.file.src, 0, 3, t!("measure-missing", key = key)).help(help);
            self.findings.push(f);
            return None;
        }
        self.take(key)
    }

    /// Keeps a converted value when `ok` holds, else records why not.
    fn check<T: std::fmt::Display>(
        &mut self,
        v: Result<T, String>,
        key: &str,
        ok: impl Fn(&T) -> bool,
        help: String,
    ) -> Option<T> {
        match v {
            Ok(v) if ok(&v) => Some(v),
            Ok(v) => {
                let msg = t!("measure-out-of-range", key = key, value = v.to_string());
                self.error_at(key, msg, help);
                None
            }
            Err(e) => {
                self.error_at(key, t!("measure-bad-value", key = key, error = e), help);
                None
            }
        }
    }

    /// `fiscal_year`, a Buddhist Era year; site.yaml's when not written.
    fn fiscal_year(&mut self, config: &Config) -> Option<i32> {
        match self.take::<Num>("fiscal_year") {
            Some(n) => self
                .check(
                    n.int(),
                    "fiscal_year",
                    |y| i32::try_from(*y).is_ok_and(|y| thai::BE_YEARS.contains(&y)),
                    t!("measure-fiscal-year-help"),
                )
                .map(|y| y as i32),
            None => Some(config.fiscal_year),
        }
    }

    /// `assessment` and `indicator`, each checked, and the indicator checked to belong to the
    /// assessment.
    fn assessment_and_indicator(&mut self) -> (Option<Assessment>, Option<u8>) {
        let assessment = self
            .require::<String>("assessment", t!("measure-missing.assessment"))
            .and_then(|a| {
                let found = Assessment::ALL
                    .into_iter()
                    .find(|x| x.code().eq_ignore_ascii_case(a.trim()));
                if found.is_none() {
                    self.error_at(
                        "assessment",
                        t!("measure-unknown-assessment", value = a.as_str()),
                        t!("measure-unknown-assessment.help"),
                    );
                }
                found
            });
        let indicator = self
            .require::<Num>("indicator", t!("measure-missing.indicator"))
            .and_then(|n| {
                self.check(
                    n.int(),
                    "indicator",
                    |i| (1..=10).contains(i),
                    t!("measure-indicator-range-help"),
                )
            })
            .map(|i| i as u8);
        if let (Some(a), Some(i)) = (assessment, indicator)
            && !a.indicators().contains(&i)
        {
            let r = a.indicators();
            let owner = Assessment::of_indicator(i).map_or("", |o| o.code());
            self.error_at(
                "indicator",
                t!(
                    "measure-indicator-elsewhere",
                    indicator = i,
                    owner = owner,
                    assessment = a.code()
                ),
                t!(
                    "measure-indicator-elsewhere.help",
                    assessment = a.code(),
                    first = *r.start(),
                    last = *r.end()
                ),
            );
        }
        (assessment, indicator)
    }

    /// A number from 0 to 100 at `key`, if written.
    fn percent(&mut self, key: &str, help: String) -> Option<f64> {
        let n = self.take::<Num>(key)?;
        self.check(n.float(), key, |s| (0.0..=100.0).contains(s), help)
    }

    /// A list of texts (or one text) at `key`; empty when not written.
    fn list(&mut self, key: &str) -> Vec<String> {
        self.take::<List>(key)
            .map(List::into_vec)
            .unwrap_or_default()
    }

    /// A text at `key`, trimmed; None when not written or blank.
    fn text(&mut self, key: &str) -> Option<String> {
        self.take::<String>(key)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    /// `responsible`: the units, each of which must make a web address.
    fn responsible(&mut self) -> Vec<String> {
        let units = self.list("responsible");
        if let Some(u) = units.iter().find(|u| slugify(u).is_empty()) {
            self.error_at(
                "responsible",
                t!("measure-unit-no-address", unit = u.as_str()),
                t!("measure-unit-no-address.help"),
            );
        }
        units
    }

    /// `menu`: whether the page is in the site's menu, and with which label (None: the title).
    fn menu(&mut self) -> Option<Option<String>> {
        match self.take::<Value>("menu")? {
            Value::Bool(true) => Some(None),
            Value::Bool(false) => None,
            Value::String(s) => Some(Some(s.trim().to_string())),
            _ => {
                self.error_at("menu", t!("measure-menu"), t!("measure-menu.help"));
                None
            }
        }
    }

    /// `status`, in English or Thai, with a guess for a misspelt one.
    fn status(&mut self) -> Option<Status> {
        let s = self.require::<String>("status", t!("measure-missing.status"))?;
        let status = Status::parse(&s);
        if status.is_none() {
            let keys = Status::ALL.map(Status::key);
            let mut help = t!("measure-unknown-status.help");
            if let Some(k) = did_you_mean(&s, keys) {
                help = format!("{} {help}", t!("did-you-mean", word = k));
            }
            self.error_at(
                "status",
                t!("measure-unknown-status", value = s.as_str()),
                help,
            );
        }
        status
    }

    fn date(&mut self) -> Option<Date> {
        let v = self.take::<Num>("date")?;
        let text = match v {
            Num::Text(t) => t,
            Num::Int(i) => i.to_string(),
            Num::Float(x) => x.to_string(),
        };
        match thai::parse_date(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error_at(
                    "date",
                    t!("measure-bad-date", error = e.to_string()),
                    t!("measure-date-help"),
                );
                None
            }
        }
    }

    fn oit(&mut self) -> Vec<String> {
        let codes = self
            .take::<List>("oit")
            .map(List::into_vec)
            .unwrap_or_default();
        let mut out = Vec::new();
        for code in codes {
            let norm = crate::oit::normalize_code(&code);
            if crate::oit::is_code(&norm) {
                if !out.contains(&norm) {
                    out.push(norm);
                }
            } else {
                self.error_at(
                    "oit",
                    t!("oit-not-a-code", code = code.as_str()),
                    t!("oit-not-a-code.help"),
                );
            }
        }
        out
    }

    fn attachments(&mut self, root: &Path, allow_html: bool) -> Vec<Attachment> {
        let paths = self
            .take::<List>("attachments")
            .map(List::into_vec)
            .unwrap_or_default();
        let mut out = Vec::new();
        for p in paths {
            let clean = clean_path(&p);
            // One spelling per file: `files//a.pdf` and `files/a.pdf` must not become two outputs.
            if out.iter().any(|a: &Attachment| a.path == clean) {
                continue;
            }
            match check_attachment(root, &p, allow_html) {
                Ok(bytes) => out.push(Attachment {
                    name: clean.rsplit('/').next().unwrap_or(&clean).to_string(),
                    path: clean,
                    bytes,
                }),
                Err((why, help)) => self.error_at(
                    "attachments",
                    t!("measure-attachment", path = p.as_str(), why = why),
                    help,
                ),
            }
        }
        out
    }

    /// Every key nobody took is unknown.
    fn finish(&mut self, known: &[&str]) {
        let Some(map) = self.map.take() else { return };
        let unknown = map.len();
        // Placing each finding scans the front matter: list a few, count the rest.
        for (k, _) in map.into_iter().take(MAX_UNKNOWN_KEYS) {
            let key = yaml::key_text(&k);
            let mut help = match did_you_mean(&key, known.iter().copied()) {
                Some(s) => t!("did-you-mean", word = s),
                None => t!("measure-unknown-key.keys", keys = known.join(", ")),
            };
            if let Some((what, fix)) = key.chars().find_map(yaml::lookalike) {
                help = t!(
                    "measure-unknown-key.lookalike",
                    what = what,
                    fix = fix,
                    help = help
                );
            }
            let (off, _) = self.span(&key);
            let off = self.file.text()[..off].rfind('\n').map_or(off, |i| i + 1);
            self.findings.push(
                Finding::at(
                    &self.file.src,
                    off,
                    key.len(),
                    t!("measure-unknown-key", key = key.as_str()),
                )
                .help(help),
            );
        }
        if unknown > MAX_UNKNOWN_KEYS {
            let more = unknown - MAX_UNKNOWN_KEYS;
            self.findings.push(
                Finding::at(
                    &self.file.src,
                    self.file.front_matter.start,
                    1,
                    t!("measure-more-unknown-keys", count = more),
                )
                .help(t!("measure-unknown-key.keys", keys = known.join(", "))),
            );
        }
    }
}

/// Attachment types a browser runs script in; refused unless the site allows raw HTML.
const SCRIPTABLE: &[&str] = &[
    "html", "htm", "xhtml", "xht", "shtml", "shtm", "svg", "svgz", "js", "mjs", "xml", "xsl",
    "xslt",
];

/// Types a web host runs as a program when asked for them (PHP on most Thai hosting): refused
/// always, since the published copy would run on the server.
const SERVER_RUN: &[&str] = &[
    "php", "php3", "php4", "php5", "php7", "php8", "phtml", "phar", "pht", "phps", "cgi", "pl",
    "py", "asp", "aspx", "ashx", "asmx", "jsp", "jspx", "htaccess", "shtml",
];

/// An attachment path as one spelling: `\` as `/`, no empty segments.
pub fn clean_path(written: &str) -> String {
    written
        .replace('\\', "/")
        .split('/')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}

/// The one gate for a file of `content/` published as it is (an attachment, or evidence named
/// in disclosures.yaml): a path inside content/ with a name every system keeps, not a kind of
/// file that runs in the browser (unless `allow_html`) or on the web host, a regular file that
/// stays inside content/, at most [`MAX_ATTACHMENT_BYTES`]. Its size, or why not (the end of a
/// sentence that starts with the file's name) and the fix.
pub fn check_attachment(
    root: &Path,
    written: &str,
    allow_html: bool,
) -> Result<u64, (String, String)> {
    let clean = clean_path(written);
    let fail = |why: String, help: String| Err((why, help));
    let absolute = written.starts_with('/') || written.starts_with('\\');
    if absolute || clean.contains(':') || clean.split('/').any(|c| c.starts_with('.')) {
        return fail(t!("measure-file-outside"), t!("measure-file-outside.help"));
    }
    if let Some(why) = clean.split('/').find_map(content::bad_name) {
        return fail(why, t!("measure-file-bad-name-help"));
    }
    let ext = clean
        .rsplit('/')
        .next()
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    let ext = ext.as_deref().unwrap_or("");
    if SERVER_RUN.contains(&ext) {
        // A web host runs these as programs when asked for them.
        return fail(
            t!("measure-file-server-program"),
            t!("measure-file-server-program.help"),
        );
    }
    if !allow_html && SCRIPTABLE.contains(&ext) {
        // Served from the site's own address, such a file's script would run as the site.
        return fail(t!("measure-file-script"), t!("measure-file-script.help"));
    }
    let content = root.join("content");
    match content::check_file(&content.join(&clean), &content, MAX_ATTACHMENT_BYTES) {
        Ok(bytes) => Ok(bytes),
        Err(content::Refused::Outside) => fail(
            t!("measure-file-link-outside"),
            t!("measure-file-link-outside.help"),
        ),
        Err(content::Refused::TooBig(n)) => fail(
            t!(
                "measure-file-too-big",
                size = n >> 20,
                max = MAX_ATTACHMENT_BYTES >> 20
            ),
            t!("measure-file-too-big.help"),
        ),
        Err(content::Refused::NotAFile) => fail(
            t!("measure-file-not-regular"),
            t!("measure-file-not-regular.help"),
        ),
        Err(content::Refused::Missing(_)) => fail(
            t!("measure-file-missing"),
            t!("measure-file-missing.help", path = clean.as_str()),
        ),
    }
}

/// Largest attachment a build copies: every build holds the site's files in memory.
pub const MAX_ATTACHMENT_BYTES: u64 = 100 << 20;

/// Unknown keys reported one by one per file.
const MAX_UNKNOWN_KEYS: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    // Thai file names stay Thai in URLs; characters that break URLs are dropped.
    #[test]
    fn slugs_keep_thai_and_drop_url_breakers() {
        assert_eq!(slugify("การใช้ทรัพย์สิน"), "การใช้ทรัพย์สิน");
        assert_eq!(slugify("My Measure #1?"), "my-measure-1");
        assert_eq!(slugify("a_b  c%"), "a-b-c");
    }

    // Every indicator belongs to exactly the instrument the ITA gives it.
    #[test]
    fn indicators_belong_to_their_instrument() {
        assert_eq!(Assessment::of_indicator(4), Some(Assessment::IIT));
        assert_eq!(Assessment::of_indicator(6), Some(Assessment::EIT));
        assert_eq!(Assessment::of_indicator(10), Some(Assessment::OIT));
        assert_eq!(Assessment::of_indicator(11), None);
    }

    /// The findings of `text` read as content/measures/a.md: (message start, line, severity).
    fn findings_of(text: &str) -> Vec<(String, usize, crate::diag::Severity)> {
        let file = crate::content::from_bytes(
            "content/measures/a.md",
            "a",
            Kind::Measure,
            text.as_bytes(),
        )
        .unwrap();
        let config = Config {
            fiscal_year: 2566,
            ..Config::default()
        };
        let (_, findings) = parse(&file, &config, Path::new("."));
        findings
            .into_iter()
            .map(|f| (f.message, f.line, f.severity))
            .collect()
    }

    // A key written with nothing after it (or "") is not filled in, at its own line: an error
    // for a required key, a warning for the others. An absent key and an explicit `[]` are not.
    #[test]
    fn keys_left_empty_are_not_filled_in() {
        use crate::diag::Severity::{Error, Warning};
        let got = findings_of(
            "---\ntitle: x\nassessment:\nindicator: 1\nstatus: done\nscore:    # later\nperiod: \"  \"\noit: []\n---\n",
        );
        let empty = |k: &str| format!("`{k}` is not filled in");
        assert_eq!(
            got,
            [
                (empty("assessment"), 3, Error),
                (empty("score"), 6, Warning),
                (empty("period"), 7, Warning),
            ]
        );
        let missing = findings_of("---\ntitle: x\nindicator: 1\nstatus: done\n---\n");
        assert_eq!(
            missing[0].0, "`assessment` is missing",
            "absent keys as before"
        );
    }

    // Status accepts the key or the Thai label.
    #[test]
    fn status_reads_keys_and_thai_labels() {
        assert_eq!(Status::parse("done"), Some(Status::Done));
        assert_eq!(Status::parse("ยังไม่ดำเนินการ"), Some(Status::NotDone));
        assert_eq!(Status::parse("finished"), None);
    }
}
