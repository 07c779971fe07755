//! Pages in memory: the minijinja environment (site `templates/` over the built-in theme), the Thai
//! filters, and one [`Output`] per file of the site. Nothing here touches `public/`.
//!
//! Templates get plain data: `site` (the organisation and the counts, built once), `root` (the
//! relative path back to the site root, so the site works under any sub-path) and the page's own data.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use minijinja::value::{DynObject, Enumerator, Object, ObjectRepr, Serde};
use minijinja::{AutoEscape, Environment, Value, context};
use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::diag::Finding;
use crate::measure::{Assessment, INDICATORS, Measure, Page, Status, slugify};
use crate::oit;
use crate::site::Site;
use crate::thai;
use crate::theme;

/// One file of the built site: where it goes under `public/` and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Relative path with `/` separators, e.g. `measures/m-1/index.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Section folders the generator owns; a page may not take these names.
pub const RESERVED: &[&str] = &[
    "measures",
    "assessment",
    "units",
    "years",
    "report",
    "oit",
    "static",
    "files",
    "search",
];

/// The template environment with filters registered, built once per build.
pub struct Renderer {
    env: Environment<'static>,
    /// Every template's name and text, and the digits setting: what pages depend on besides
    /// their context (see [`Memo`]).
    sources: String,
}

/// Escapes strings for HTML the way a browser needs (`& < > " '`), leaving `/` alone so URLs
/// stay readable; everything else goes to minijinja's own formatter.
fn html_formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(s) if !value.is_safe() && matches!(state.auto_escape(), AutoEscape::Html) => {
            let mut last = 0;
            for (i, b) in s.bytes().enumerate() {
                let rep = match b {
                    b'&' => "&amp;",
                    b'<' => "&lt;",
                    b'>' => "&gt;",
                    b'"' => "&quot;",
                    b'\'' => "&#39;",
                    _ => continue,
                };
                out.write_str(&s[last..i])?;
                out.write_str(rep)?;
                last = i + 1;
            }
            out.write_str(&s[last..]).map_err(Into::into)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

impl Renderer {
    /// Loads the theme's templates, then the site's own `templates/` over them.
    pub fn new(root: &Path, config: &Config) -> Result<Renderer, Vec<Finding>> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".xml") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        env.set_formatter(html_formatter);
        let mut findings = Vec::new();
        let mut templates: BTreeMap<String, (String, String)> = theme::TEMPLATES
            .iter()
            .map(|(n, s)| {
                (
                    n.to_string(),
                    (format!("themes/default/templates/{n}"), s.to_string()),
                )
            })
            .collect();
        let dir = root.join("templates");
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir)
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                if !entry.file_type().is_file() {
                    continue;
                }
                let name = crate::diag::display_path(&dir, entry.path());
                let rel = crate::diag::display_path(root, entry.path());
                match std::fs::read(entry.path())
                    .map_err(|e| e.to_string())
                    .and_then(|b| crate::content::decode(&rel, &b).map_err(|f| f.message))
                {
                    Ok(text) => {
                        templates.insert(name, (rel, text));
                    }
                    Err(e) => {
                        findings.push(Finding::error(rel, format!("cannot read template: {e}")))
                    }
                }
            }
        }
        let digits = config.thai_digits();
        let mut sources = format!("digits={digits}\0");
        for (name, (rel, text)) in templates {
            sources.push_str(&name);
            sources.push('\0');
            sources.push_str(&text);
            sources.push('\0');
            if let Err(e) = env.add_template_owned(name, text.clone()) {
                findings.push(template_finding(&rel, &text, &e));
            }
        }
        let d = move |s: String| if digits { thai::to_thai_digits(&s) } else { s };
        env.add_filter("num", move |x: f64, decimals: Option<usize>| {
            thai::format_number(x, decimals.unwrap_or(0), digits)
        });
        env.add_filter("digits", move |s: Value| d(s.to_string()));
        env.add_filter("thai_date", move |iso: String| {
            thai::parse_date(&iso)
                .map(|dt| thai::format_date(dt, digits))
                .unwrap_or(iso)
        });
        env.add_filter("thai_date_long", move |iso: String| {
            thai::parse_date(&iso)
                .map(|dt| thai::format_date_long(dt, digits))
                .unwrap_or(iso)
        });
        env.add_filter("status_label", |key: String| {
            Status::ALL
                .into_iter()
                .find(|s| s.key() == key)
                .map_or(key, |s| s.label().to_string())
        });
        env.add_filter("indicator_title", |n: usize| {
            INDICATORS.get(n.wrapping_sub(1)).copied().unwrap_or("")
        });
        env.add_filter("slug", |s: String| slugify(&s));
        env.add_filter("url_path", |s: String| url_path(&s));
        env.add_filter("filesize", move |n: u64| {
            let (v, unit) = match n {
                n if n >= 1 << 20 => (n as f64 / (1 << 20) as f64, "MB"),
                n if n >= 1 << 10 => (n as f64 / (1 << 10) as f64, "KB"),
                n => (n as f64, "ไบต์"),
            };
            format!(
                "{} {unit}",
                thai::format_number(v, if unit == "ไบต์" { 0 } else { 1 }, digits)
            )
        });
        if findings.is_empty() {
            Ok(Renderer { env, sources })
        } else {
            Err(findings)
        }
    }

    fn render(&self, template: &str, ctx: Value) -> Result<String, Finding> {
        let tmpl = self
            .env
            .get_template(template)
            .map_err(|e| Finding::error(template, e.to_string()))?;
        tmpl.render(ctx).map_err(|e| {
            let name = e.name().unwrap_or(template).to_string();
            let line = e.line().map(|l| format!(" (line {l})")).unwrap_or_default();
            Finding::error(format!("templates/{name}"), format!("template error{line}: {}", e.detail().unwrap_or(&e.to_string())))
                .help("fix the template named here; `prongsai build` uses the built-in theme for templates your site does not override")
        })
    }
}

/// A file path as a URL path: characters that would end or change the URL (space, `#`, `?`, `%`,
/// quotes, `\\`) are percent-encoded; Thai and other letters stay readable.
///
/// ```
/// assert_eq!(prongsai::render::url_path("files/รายงาน #1?.pdf"), "files/รายงาน%20%231%3F.pdf");
/// ```
pub fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_ascii_alphanumeric()
            || "/-._~!$&'()*+,;=:@".contains(c)
            || !c.is_ascii() && !c.is_control() && !c.is_whitespace()
        {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

fn template_finding(rel: &str, text: &str, e: &minijinja::Error) -> Finding {
    let msg = format!(
        "template syntax error: {}",
        e.detail().unwrap_or(&e.to_string())
    );
    let src = crate::diag::source(rel, text.into());
    match e.range() {
        Some(r) => Finding::at(&src, r.start, r.len(), msg),
        None => {
            let off = crate::diag::line_offset(text, e.line().unwrap_or(1));
            Finding::at(&src, off, 1, msg)
        }
    }
}

/// A measure as list pages show it: no body, so lists stay small.
#[derive(Serialize)]
struct Summary<'a> {
    slug: &'a str,
    title: &'a str,
    fiscal_year: i32,
    assessment: Assessment,
    indicator: u8,
    score: Option<f64>,
    status: Status,
    responsible: &'a [String],
    period: Option<&'a str>,
    date: Option<String>,
    oit: &'a [String],
}

/// A measure as templates see it (`m.title`, `m.methods`, ...): the same values as its serde form,
/// each made when a template reads it, so a build never holds a second copy of every measure.
#[derive(Debug)]
struct MeasureValue(Arc<Measure>);

/// The fields of [`MeasureValue`], in the order of `Measure`'s serde form.
const MEASURE_FIELDS: &[&str] = &[
    "slug",
    "source",
    "title",
    "fiscal_year",
    "assessment",
    "indicator",
    "indicator_title",
    "score",
    "target",
    "methods",
    "results",
    "responsible",
    "period",
    "period_range",
    "status",
    "follow_up",
    "oit",
    "date",
    "attachments",
    "body",
];

impl Object for MeasureValue {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let m = &self.0;
        Some(match key.as_str()? {
            "slug" => Value::from(m.slug.as_str()),
            "source" => Value::from(m.source.as_str()),
            "title" => Value::from(m.title.as_str()),
            "fiscal_year" => Value::from(m.fiscal_year),
            "assessment" => Value::from(Serde(m.assessment)),
            "indicator" => Value::from(m.indicator),
            "indicator_title" => Value::from(m.indicator_title),
            "score" => Value::from(m.score),
            "target" => Value::from(m.target),
            "methods" => Value::from(Serde(&m.methods)),
            "results" => Value::from(Serde(&m.results)),
            "responsible" => Value::from(Serde(&m.responsible)),
            "period" => Value::from(m.period.as_deref()),
            "period_range" => Value::from(m.period_range.map(|r| {
                let ym = |y: thai::YearMonth| format!("{:04}-{:02}", y.year, y.month);
                Value::from(Serde([ym(r.start), ym(r.end)]))
            })),
            "status" => Value::from(Serde(m.status)),
            "follow_up" => Value::from(m.follow_up.as_deref()),
            "oit" => Value::from(Serde(&m.oit)),
            "date" => Value::from(m.date.map(|d| d.iso())),
            "attachments" => Value::from(Serde(&m.attachments)),
            "body" => Value::from(m.body.as_str()),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(MEASURE_FIELDS)
    }

    /// Equal measures are equal values (what lets `serve` reuse a page rendered from one).
    fn custom_cmp(self: &Arc<Self>, other: &DynObject) -> Option<std::cmp::Ordering> {
        let other = other.downcast_ref::<MeasureValue>()?;
        (Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0).then_some(std::cmp::Ordering::Equal)
    }
}

fn summary(m: &Measure) -> Value {
    Value::from(Serde(Summary {
        slug: &m.slug,
        title: &m.title,
        fiscal_year: m.fiscal_year,
        assessment: m.assessment,
        indicator: m.indicator,
        score: m.score,
        status: m.status,
        responsible: &m.responsible,
        period: m.period.as_deref(),
        date: m.date.map(|d| d.iso()),
        oit: &m.oit,
    }))
}

/// The sentence that opens each assessment's part of the report, computed from the scores:
/// the lowest-scoring indicator among the measures, its score, and whether it passes the target.
pub fn analysis(assessment: Assessment, measures: &[&Measure], thai_digits: bool) -> String {
    let lowest = measures
        .iter()
        .filter_map(|m| m.score.map(|s| (s, *m)))
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.indicator.cmp(&b.1.indicator)));
    let code = assessment.code();
    let Some((score, m)) = lowest else {
        return format!("{} ({code}) ไม่มีคะแนนตัวชี้วัดที่บันทึกไว้", assessment.title());
    };
    let n = |x: f64, d: usize| thai::format_number(x, d, thai_digits);
    let verdict = if score >= m.target {
        "แต่ผ่านเกณฑ์เป้าหมาย"
    } else {
        "และยังไม่ผ่านเกณฑ์เป้าหมาย"
    };
    format!(
        "{} ({code}) พบว่า ผลคะแนนของตัวชี้วัดที่ {} {} คือ {} คะแนน มีค่าต่ำสุดของ {code} {verdict} ({} คะแนนขึ้นไป)",
        assessment.title(),
        n(m.indicator as f64, 0),
        m.indicator_title,
        n(score, 2),
        n(m.target, 0),
    )
}

/// Everything the theme needs about the whole site, serialised once.
#[derive(Serialize)]
struct SiteData<'a> {
    #[serde(flatten)]
    config: &'a Config,
    title: &'a str,
    base_path: String,
    measure_count: usize,
    assessments: Vec<AssessmentCount>,
    statuses: Vec<StatusCount>,
    units: Vec<UnitCount>,
    years: Vec<i32>,
    nav_pages: Vec<NavPage<'a>>,
    scores: Vec<ScoreBar<'a>>,
    /// Each OIT item's page (`O1` -> `oit/o1/`): where a measure's `oit:` codes link.
    oit_pages: BTreeMap<&'a str, &'a str>,
    generator: &'static str,
}

#[derive(Serialize)]
struct AssessmentCount {
    code: &'static str,
    slug: String,
    title: &'static str,
    title_en: &'static str,
    count: usize,
    done: usize,
}

#[derive(Serialize)]
struct StatusCount {
    key: &'static str,
    label: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct UnitCount {
    name: String,
    slug: String,
    count: usize,
}

#[derive(Serialize)]
struct NavPage<'a> {
    title: &'a str,
    slug: &'a str,
}

/// One bar of the home page's score chart: an indicator's prior-year score against its target.
#[derive(Serialize)]
struct ScoreBar<'a> {
    assessment: &'static str,
    indicator: u8,
    indicator_title: &'static str,
    score: f64,
    target: f64,
    pass: bool,
    measure: &'a str,
}

/// One page of the site: where it goes, its template, and the context it is rendered with.
#[derive(Clone)]
pub struct Job {
    /// Output path, e.g. `measures/m-1/index.html`.
    pub path: String,
    template: &'static str,
    /// The relative path back to the site root.
    root: String,
    ctx: Value,
}

impl Job {
    /// Whether rendering `self` makes what rendering `other` made: same template, root and
    /// context (a value shared by both compares equal at once).
    fn same_input(&self, other: &Job) -> bool {
        self.template == other.template && self.root == other.root && self.ctx == other.ctx
    }
}

/// Every page of the site, planned but not rendered: the jobs can be rendered one at a time, in
/// any order and on any thread, so a build never has to hold the whole site in memory.
pub struct Plan<'r> {
    renderer: &'r Renderer,
    /// The `site` every template sees.
    site: Value,
    pub jobs: Vec<Job>,
}

impl Plan<'_> {
    /// Renders one page; a template error comes back as a finding.
    pub fn render(&self, job: &Job) -> Result<Output, Finding> {
        // One flat map, not a merge of two: every name a template looks up is found at once.
        let mut vars: BTreeMap<Value, Value> = BTreeMap::new();
        if let Ok(keys) = job.ctx.try_iter() {
            for k in keys {
                let v = job.ctx.get_item(&k).unwrap_or_default();
                vars.insert(k, v);
            }
        }
        vars.insert(Value::from("site"), self.site.clone());
        vars.insert(Value::from("root"), Value::from(job.root.as_str()));
        let ctx = Value::from(vars);
        self.renderer.render(job.template, ctx).map(|html| Output {
            path: job.path.clone(),
            bytes: html.into_bytes(),
        })
    }

    /// Renders every page, taking from `memo` each page whose template, root and context are
    /// equal to the ones it was rendered from, and leaves this render in `memo`.
    pub fn render_with(self, memo: &mut Memo) -> Result<Vec<Arc<Output>>, Vec<Finding>> {
        if memo.templates != self.renderer.sources || memo.site != self.site {
            memo.pages.clear();
            memo.templates = self.renderer.sources.clone();
            memo.site = self.site.clone();
        }
        // Usually the pages are the same as last time, in the same order.
        let aligned = memo.pages.len() == self.jobs.len()
            && memo
                .pages
                .iter()
                .zip(&self.jobs)
                .all(|(p, j)| p.0.path == j.path);
        let index: HashMap<&str, usize> = if aligned {
            HashMap::new()
        } else {
            memo.pages
                .iter()
                .enumerate()
                .map(|(i, p)| (p.0.path.as_str(), i))
                .collect()
        };
        let rendered: Vec<Result<Arc<Output>, Finding>> = self
            .jobs
            .par_iter()
            .enumerate()
            .map(|(i, job)| {
                let last = if aligned {
                    memo.pages.get(i)
                } else {
                    index.get(job.path.as_str()).map(|&i| &memo.pages[i])
                };
                match last {
                    Some((was, out)) if job.same_input(was) => Ok(out.clone()),
                    _ => self.render(job).map(Arc::new),
                }
            })
            .collect();
        drop(index);
        let outputs = collect(rendered)?;
        memo.pages = self.jobs.into_iter().zip(outputs.iter().cloned()).collect();
        Ok(outputs)
    }
}

/// Outputs in job order, or every distinct template error.
fn collect<T>(rendered: Vec<Result<T, Finding>>) -> Result<Vec<T>, Vec<Finding>> {
    let mut outputs = Vec::with_capacity(rendered.len());
    let mut findings: Vec<Finding> = Vec::new();
    for r in rendered {
        match r {
            Ok(o) => outputs.push(o),
            Err(f) if !findings.iter().any(|g| g.message == f.message) => findings.push(f),
            Err(_) => {}
        }
    }
    if findings.is_empty() {
        Ok(outputs)
    } else {
        Err(findings)
    }
}

/// What the last render was made from, kept by `serve` so a rebuild re-renders only the pages
/// whose inputs changed. Contexts are compared by value (a value shared with the last render
/// compares equal at once), so the memo makes a rebuild faster but never different from a fresh
/// build.
#[derive(Default)]
pub struct Memo {
    /// The template sources the pages were rendered with.
    templates: String,
    site: Value,
    /// Per parsed measure, in site order: its values and its page's job, shared with the next
    /// plan while the parse cache hands out the same measure (by identity: the memo keeps it
    /// alive, so no other measure can have its address).
    measures: Vec<Values>,
    /// The OIT checklist with its pages' jobs and its exports.
    oit: Option<(oit::Checklist, Vec<Job>, Vec<Arc<Output>>)>,
    /// The last render's jobs and pages, in order.
    pages: Vec<(Job, Arc<Output>)>,
    /// The open data files' lines per measure.
    pub opendata: crate::opendata::Memo,
}

impl Memo {
    /// The OIT exports of the checklist of the last plan.
    pub fn oit_exports(&self) -> Vec<Arc<Output>> {
        self.oit
            .iter()
            .flat_map(|(_, _, e)| e.iter().cloned())
            .collect()
    }
}

/// A measure as templates see it, made once per parse.
#[derive(Clone)]
struct Values {
    measure: Arc<Measure>,
    /// For lists (no body).
    summary: Value,
    /// Whole, for its own page and the report.
    full: Value,
    /// Its own page.
    job: Job,
}

impl Values {
    fn new(m: &Arc<Measure>) -> Values {
        let full = Value::from_object(MeasureValue(m.clone()));
        let path = format!("measures/{}/", m.slug);
        let job = Job {
            path: format!("{path}index.html"),
            template: "measure.html",
            root: "../../".into(),
            ctx: context! {
                page => context! { title => &m.title, kind => "measure", path => path },
                measure => full.clone(),
            },
        };
        Values {
            measure: m.clone(),
            summary: summary(m),
            full,
            job,
        }
    }
}

/// Plans every page of the site: the shared `site` value, then one job per page. With a memo,
/// the values of measures equal to the memo's are taken from it.
pub fn plan<'r>(site: &Site, renderer: &'r Renderer, memo: Option<&mut Memo>) -> Plan<'r> {
    let c = &site.config;
    let current: Vec<usize> = (0..site.measures.len())
        .filter(|&i| site.measures[i].fiscal_year == c.fiscal_year)
        .collect();
    // Units by address: names that differ only in case or spacing share one page (and one file).
    // Each measure's unit addresses, made once: the unit pages filter on them.
    let unit_slugs: Vec<Vec<String>> = site
        .measures
        .par_iter()
        .map(|m| m.responsible.iter().map(|u| slugify(u)).collect())
        .collect();
    let mut units: BTreeMap<&str, (&str, Vec<&Arc<Measure>>)> = BTreeMap::new();
    for (m, slugs) in site.measures.iter().zip(&unit_slugs) {
        for (u, slug) in m.responsible.iter().zip(slugs) {
            let (_, of) = units.entry(slug).or_insert((u.as_str(), Vec::new()));
            // Measures come one at a time, so a measure naming a unit twice is the last one.
            if !of.last().is_some_and(|x| std::ptr::eq(*x, m)) {
                of.push(m);
            }
        }
    }
    let years: Vec<i32> = {
        let mut y: Vec<i32> = site.measures.iter().map(|m| m.fiscal_year).collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    let mut nav: Vec<&Page> = site.pages.iter().collect();
    nav.sort_by(|a, b| (a.weight, &a.title).cmp(&(b.weight, &b.title)));
    let mut scores: Vec<ScoreBar> = current
        .iter()
        .map(|&i| &site.measures[i])
        .filter_map(|m| {
            m.score.map(|s| ScoreBar {
                assessment: m.assessment.code(),
                indicator: m.indicator,
                indicator_title: m.indicator_title,
                score: s,
                target: m.target,
                pass: s >= m.target,
                measure: &m.slug,
            })
        })
        .collect();
    scores.sort_by_key(|b| b.indicator);
    scores.dedup_by_key(|b| b.indicator);
    let data = SiteData {
        config: c,
        title: c.site_title(),
        base_path: c.base_path(),
        measure_count: site.measures.len(),
        assessments: Assessment::ALL
            .into_iter()
            .map(|a| {
                let of: Vec<_> = site.measures.iter().filter(|m| m.assessment == a).collect();
                AssessmentCount {
                    code: a.code(),
                    slug: a.code().to_ascii_lowercase(),
                    title: a.title(),
                    title_en: a.title_en(),
                    count: of.len(),
                    done: of.iter().filter(|m| m.status == Status::Done).count(),
                }
            })
            .collect(),
        statuses: Status::ALL
            .into_iter()
            .map(|s| StatusCount {
                key: s.key(),
                label: s.label(),
                count: site.measures.iter().filter(|m| m.status == s).count(),
            })
            .collect(),
        units: units
            .iter()
            .map(|(slug, (name, ms))| UnitCount {
                name: name.to_string(),
                slug: slug.to_string(),
                count: ms.len(),
            })
            .collect(),
        years: years.clone(),
        nav_pages: nav
            .iter()
            .map(|p| NavPage {
                title: &p.title,
                slug: &p.slug,
            })
            .collect(),
        scores,
        oit_pages: site
            .oit
            .iter()
            .flat_map(|l| l.items())
            .map(|i| (i.item.code.as_str(), i.page.as_str()))
            .collect(),
        generator: concat!("prongsai ", env!("CARGO_PKG_VERSION")),
    };
    let site_value = Value::from(Serde(&data));
    // Each measure as a list shows it (summary), whole (body included) and its page's job: made
    // once and shared by its page, the lists and the report.
    let values = measure_values(site, memo.as_deref());
    let summaries: Vec<&Value> = values.iter().map(|v| &v.summary).collect();
    let fulls: Vec<&Value> = values.iter().map(|v| &v.full).collect();
    let pick = |f: &dyn Fn(&Measure) -> bool| -> Value {
        Value::from(
            site.measures
                .iter()
                .zip(&summaries)
                .filter(|(m, _)| f(m))
                .map(|(_, s)| (*s).clone())
                .collect::<Vec<_>>(),
        )
    };

    let mut jobs: Vec<Job> = Vec::new();
    let mut job = |path: String, template: &'static str, root: &str, ctx: Value| {
        jobs.push(Job {
            path,
            template,
            root: root.to_string(),
            ctx,
        })
    };
    let page_ctx = |title: &str, kind: &str, path: &str| context! { title => title, kind => kind, path => path };
    job(
        "index.html".into(),
        "index.html",
        "",
        context! { page => page_ctx("หน้าแรก", "home", "") },
    );
    let groups: Vec<Value> = Assessment::ALL
        .into_iter()
        .filter_map(|a| {
            let of: Vec<usize> = current
                .iter()
                .copied()
                .filter(|&i| site.measures[i].assessment == a)
                .collect();
            let ms: Vec<&Measure> = of.iter().map(|&i| &*site.measures[i]).collect();
            (!ms.is_empty()).then(|| {
                context! {
                    code => a.code(),
                    title => a.title(),
                    title_en => a.title_en(),
                    analysis => analysis(a, &ms, c.thai_digits()),
                    measures => Value::from(of.iter().map(|&i| fulls[i].clone()).collect::<Vec<_>>()),
                }
            })
        })
        .collect();
    job(
        "report/index.html".into(),
        "report.html",
        "../",
        context! { page => page_ctx("รายงานผลการดำเนินการมาตรการ", "report", "report/"), groups => groups },
    );
    job(
        "measures/index.html".into(),
        "list.html",
        "../",
        context! {
            page => page_ctx("มาตรการทั้งหมด", "measures", "measures/"),
            measures => pick(&|_| true),
        },
    );
    job(
        "assessment/index.html".into(),
        "assessments.html",
        "../",
        context! { page => page_ctx("มาตรการตามแบบประเมิน", "assessments", "assessment/") },
    );
    for a in Assessment::ALL {
        let slug = a.code().to_ascii_lowercase();
        let path = format!("assessment/{slug}/");
        job(
            format!("{path}index.html"),
            "list.html",
            "../../",
            context! {
                page => page_ctx(&format!("{} ({})", a.title(), a.code()), "assessment", &path),
                assessment => a.code(),
                measures => pick(&|m| m.assessment == a),
            },
        );
    }
    job(
        "units/index.html".into(),
        "units.html",
        "../",
        context! { page => page_ctx("ผู้รับผิดชอบ", "units", "units/") },
    );
    for (slug, (unit, _)) in &units {
        let path = format!("units/{slug}/");
        job(
            format!("{path}index.html"),
            "list.html",
            "../../",
            context! {
                page => page_ctx(unit, "unit", &path),
                unit => *unit,
                measures => Value::from(
                    summaries
                        .iter()
                        .zip(&unit_slugs)
                        .filter(|(_, slugs)| slugs.iter().any(|s| s == slug))
                        .map(|(s, _)| (*s).clone())
                        .collect::<Vec<_>>()
                ),
            },
        );
    }
    if years.len() > 1 {
        for y in &years {
            let path = format!("years/{y}/");
            job(
                format!("{path}index.html"),
                "list.html",
                "../../",
                context! {
                    page => page_ctx(&format!("ปีงบประมาณ พ.ศ. {}", if c.thai_digits() { thai::to_thai_digits(&y.to_string()) } else { y.to_string() }), "year", &path),
                    year => y,
                    measures => pick(&|m| m.fiscal_year == *y),
                },
            );
        }
    }
    for v in &values {
        let Job {
            path,
            template,
            root,
            ctx,
        } = v.job.clone();
        job(path, template, &root, ctx);
    }
    for p in &site.pages {
        let path = format!("{}/", p.slug);
        job(
            format!("{path}index.html"),
            "page.html",
            "../",
            context! { page => page_ctx(&p.title, "page", &path), content => Value::from(Serde(p)) },
        );
    }
    let oit_jobs = match memo.as_deref() {
        Some(Memo {
            oit: Some((list, jobs, _)),
            ..
        }) if Some(list) == site.oit.as_ref() => jobs.clone(),
        _ => oit_jobs(site),
    };
    for j in &oit_jobs {
        job(j.path.clone(), j.template, &j.root, j.ctx.clone());
    }
    job(
        "search/index.html".into(),
        "search.html",
        "../",
        context! { page => page_ctx("ค้นหา", "search", "search/") },
    );
    job(
        "404.html".into(),
        "404.html",
        &c.base_path(),
        context! { page => page_ctx("ไม่พบหน้าที่ต้องการ", "404", "404.html") },
    );
    if let Some(memo) = memo {
        let keep = memo
            .oit
            .take()
            .filter(|(list, _, _)| Some(list) == site.oit.as_ref());
        memo.oit = keep.or_else(|| {
            let list = site.oit.clone()?;
            let exports = oit::exports(&list).into_iter().map(Arc::new).collect();
            Some((list, oit_jobs, exports))
        });
        memo.measures = values;
    }
    Plan {
        renderer,
        site: site_value,
        jobs,
    }
}

/// Each measure's values, taken from the memo while the cache hands out the same measure.
fn measure_values(site: &Site, memo: Option<&Memo>) -> Vec<Values> {
    let Some(memo) = memo else {
        return site.measures.par_iter().map(Values::new).collect();
    };
    let last = &memo.measures;
    // Usually the same measures in the same order; else found by address.
    let aligned = last.len() == site.measures.len();
    let index: HashMap<usize, usize> = if aligned {
        HashMap::new()
    } else {
        last.iter()
            .enumerate()
            .map(|(i, v)| (Arc::as_ptr(&v.measure) as usize, i))
            .collect()
    };
    site.measures
        .par_iter()
        .enumerate()
        .map(|(i, m)| {
            let at = if aligned {
                Some(i)
            } else {
                index.get(&(Arc::as_ptr(m) as usize)).copied()
            };
            match at.map(|i| &last[i]) {
                Some(v) if Arc::ptr_eq(&v.measure, m) => v.clone(),
                _ => Values::new(m),
            }
        })
        .collect()
}

/// The OIT checklist page (`oit/`, made even without criteria, to say so) and one page per item
/// (`oit/o1/`), the stable address an assessor can be given.
fn oit_jobs(site: &Site) -> Vec<Job> {
    let title = "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)";
    let list = site.oit.as_ref();
    let mut jobs = vec![Job {
        path: "oit/index.html".to_string(),
        template: "oit.html",
        root: "../".to_string(),
        ctx: context! {
            page => context! { title => title, kind => "oit", path => "oit/" },
            oit => list.map(|l| Value::from(Serde(l))),
        },
    }];
    for (l, item) in list.iter().flat_map(|l| l.items().map(move |i| (l, i))) {
        jobs.push(Job {
            path: format!("{}index.html", item.page),
            template: "oit-item.html",
            root: "../../".to_string(),
            ctx: context! {
                page => context! {
                    title => format!("{} {}", item.item.code, item.item.title),
                    kind => "oit-item",
                    path => &item.page,
                },
                item => Value::from(Serde(item)),
                year => l.year,
                complete => l.complete,
            },
        });
    }
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(indicator: u8, score: f64) -> Measure {
        Measure {
            slug: "x".into(),
            source: "x.md".into(),
            origin: crate::measure::Origin(crate::diag::source("x.md", "".into())),
            title: "x".into(),
            fiscal_year: 2566,
            assessment: Assessment::of_indicator(indicator).unwrap(),
            indicator,
            indicator_title: INDICATORS[indicator as usize - 1],
            score: Some(score),
            target: 85.0,
            methods: vec![],
            results: vec![],
            responsible: vec![],
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

    // Templates see the same measure through `MeasureValue` as through its serde form: every field,
    // the same values (a field added to `Measure` but not to `MeasureValue` fails here).
    #[test]
    fn measure_value_matches_the_serde_form() {
        let mut full = m(4, 95.6);
        full.methods = vec!["ก".into(), "ข".into()];
        full.results = vec!["ค".into()];
        full.responsible = vec!["สำนักปลัด".into()];
        full.period = Some("ก.พ. - มี.ค. ๖๖".into());
        full.period_range = Some(thai::MonthRange {
            start: thai::YearMonth {
                year: 2023,
                month: 2,
            },
            end: thai::YearMonth {
                year: 2023,
                month: 3,
            },
        });
        full.follow_up = Some("รายงานทุกไตรมาส".into());
        full.oit = vec!["O43".into()];
        full.date = Some(thai::Date {
            year: 2023,
            month: 3,
            day: 31,
        });
        full.attachments = vec![crate::measure::Attachment {
            path: "files/a.pdf".into(),
            name: "a.pdf".into(),
            bytes: 10,
        }];
        full.body = "<p>เนื้อหา</p>".into();
        for measure in [m(1, 50.0), full] {
            let serde = Value::from(Serde(&measure));
            let object = Value::from_object(MeasureValue(Arc::new(measure)));
            let keys: Vec<Value> = serde.try_iter().unwrap().collect();
            let fields: Vec<Value> = MEASURE_FIELDS.iter().map(|k| Value::from(*k)).collect();
            assert_eq!(keys, fields);
            for key in MEASURE_FIELDS {
                assert_eq!(
                    object.get_attr(key).unwrap(),
                    serde.get_attr(key).unwrap(),
                    "{key}"
                );
            }
            assert_eq!(object, serde.clone(), "equal as values");
        }
    }

    // The report's analysis sentence is computed: lowest indicator, its score, and the verdict.
    #[test]
    fn analysis_names_the_lowest_indicator_and_whether_it_passes() {
        let (a, b) = (m(4, 95.6), m(2, 97.0));
        let text = analysis(Assessment::IIT, &[&a, &b], true);
        assert!(
            text.contains("ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ คือ ๙๕.๖๐ คะแนน"),
            "{text}"
        );
        assert!(
            text.contains("มีค่าต่ำสุดของ IIT แต่ผ่านเกณฑ์เป้าหมาย (๘๕ คะแนนขึ้นไป)"),
            "{text}"
        );
        let low = m(9, 80.0);
        let text = analysis(Assessment::OIT, &[&low], false);
        assert!(
            text.contains("คือ 80.00 คะแนน มีค่าต่ำสุดของ OIT และยังไม่ผ่านเกณฑ์เป้าหมาย (85 คะแนนขึ้นไป)"),
            "{text}"
        );
    }
}
