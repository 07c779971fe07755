//! What templates see, and which page gets what: the site-wide `site` value, each measure as
//! lists and its own page show it, the report's groups and analysis sentence, and [`plan`], one
//! [`Job`] per [`Route`] of the site. Addresses come from [`routes`]; rendering is
//! [`render`](crate::render)'s.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use minijinja::value::{DynObject, Enumerator, Object, ObjectRepr, Serde};
use minijinja::{Value, context};
use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::measure::{Assessment, Measure, Page, Status};
use crate::model::Site;
use crate::oit;
use crate::render::{Job, Plan, Renderer};
use crate::routes::{self, Route};
use crate::thai::{self, Digits};

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

/// A field of a measure as templates read it.
type Field = (&'static str, fn(&Measure) -> Value);

/// The fields of [`MeasureValue`], in the order of `Measure`'s serde form, each with how it is
/// read: the one list of what a template can ask of a measure.
const MEASURE_FIELDS: &[Field] = &[
    ("slug", |m| Value::from(m.slug.as_str())),
    ("source", |m| Value::from(m.source.as_str())),
    ("title", |m| Value::from(m.title.as_str())),
    ("fiscal_year", |m| Value::from(m.fiscal_year)),
    ("assessment", |m| Value::from(Serde(m.assessment))),
    ("indicator", |m| Value::from(m.indicator)),
    ("indicator_title", |m| Value::from(m.indicator_title)),
    ("score", |m| Value::from(m.score)),
    ("target", |m| Value::from(m.target)),
    ("methods", |m| Value::from(Serde(&m.methods))),
    ("results", |m| Value::from(Serde(&m.results))),
    ("responsible", |m| Value::from(Serde(&m.responsible))),
    ("period", |m| Value::from(m.period.as_deref())),
    ("period_range", |m| {
        Value::from(
            m.period_range
                .map(|r| Value::from(Serde([r.start.to_string(), r.end.to_string()]))),
        )
    }),
    ("status", |m| Value::from(Serde(m.status))),
    ("follow_up", |m| Value::from(m.follow_up.as_deref())),
    ("oit", |m| Value::from(Serde(&m.oit))),
    ("date", |m| Value::from(m.date.map(|d| d.iso()))),
    ("attachments", |m| Value::from(Serde(&m.attachments))),
    ("body", |m| Value::from(m.body.as_str())),
];

impl Object for MeasureValue {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let key = key.as_str()?;
        let (_, read) = MEASURE_FIELDS.iter().find(|(name, _)| *name == key)?;
        Some(read(&self.0))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Iter(Box::new(
            MEASURE_FIELDS.iter().map(|(name, _)| Value::from(*name)),
        ))
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
pub fn analysis(assessment: Assessment, measures: &[&Measure], digits: Digits) -> String {
    let lowest = measures
        .iter()
        .filter_map(|m| m.score.map(|s| (s, *m)))
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.indicator.cmp(&b.1.indicator)));
    let code = assessment.code();
    let Some((score, m)) = lowest else {
        return format!("{} ({code}) ไม่มีคะแนนตัวชี้วัดที่บันทึกไว้", assessment.title());
    };
    let n = |x: f64, d: usize| thai::format_number(x, d, digits);
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

/// Everything the theme needs about the whole site, serialised once. What depends on which years
/// the site holds is only read by pages of the current year (the home page, the lists): a
/// fiscal year's own pages (`years/2567/…`) never change when a new year starts.
#[derive(Serialize)]
struct SiteData<'a> {
    #[serde(flatten)]
    config: &'a Config,
    title: &'a str,
    base_path: String,
    /// The current fiscal year, as the home page shows it.
    current: YearData<'a>,
    /// Counts of every year's measures, for the lists by assessment and by unit.
    assessments: Vec<AssessmentCount>,
    units: Vec<UnitCount>,
    /// Every published fiscal year, oldest first.
    years: Vec<i32>,
    /// The pages that asked to be in the menu, by weight.
    nav_pages: Vec<NavPage<'a>>,
    /// "ปรับปรุงล่าสุด": the newest date of what each year's pages show (its measures and the
    /// evidence its checklist counts), keyed by the year as text, and under `all` the newest of
    /// the whole site's, for pages of no one year. From the content, never the clock, so a
    /// year's pages stay the same when a new year starts.
    updated: BTreeMap<String, String>,
    /// "ข้อมูล ณ วันที่" of each year's report: the newest date among the year's measures.
    as_of: BTreeMap<String, String>,
    /// Each year's OIT item codes (keyed by the year as text): where a measure's `oit:` codes
    /// link, to its year's item pages.
    oit_codes: BTreeMap<String, Vec<&'a str>>,
    generator: &'static str,
}

/// One fiscal year's counts and score chart: what the home page shows of the current year.
#[derive(Serialize)]
struct YearData<'a> {
    year: i32,
    measure_count: usize,
    assessments: Vec<AssessmentCount>,
    statuses: Vec<StatusCount>,
    scores: Vec<ScoreBar<'a>>,
    /// The target every bar of the score chart shares (None when their targets differ: each bar
    /// then marks its own).
    score_target: Option<f64>,
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

/// A measure as templates see it, made once per parse.
#[derive(Clone)]
pub struct Values {
    measure: Arc<Measure>,
    /// For lists (no body).
    summary: Value,
    /// Whole, for its own page and the report.
    full: Value,
    /// Its own page.
    job: Job,
}

impl Values {
    fn new(m: &Arc<Measure>, base_path: &str) -> Values {
        let full = Value::from_object(MeasureValue(m.clone()));
        let route = Route::Measure(m.slug.clone());
        let job = Job::new(
            &route,
            base_path,
            "measure.html",
            context! {
                page => page_ctx(&m.title, "measure", &route, Some(m.fiscal_year)),
                measure => full.clone(),
            },
        );
        Values {
            measure: m.clone(),
            summary: summary(m),
            full,
            job,
        }
    }
}

/// What the last plan was made from, kept by `serve` so a rebuild makes again only the values of
/// measures that changed and the OIT pages when the checklist changed.
#[derive(Default)]
pub struct Memo {
    /// Per parsed measure, in site order: its values, shared with the next plan while the parse
    /// cache hands out the same measure (by identity: the memo keeps it alive, so no other
    /// measure can have its address).
    measures: Vec<Values>,
    /// The OIT checklists and their pages' jobs.
    oit: Option<(Vec<oit::Checklist>, i32, Vec<Job>)>,
}

/// `page`, as every template sees it: title, kind, address, and the fiscal year it is about
/// (none for pages of no one year).
fn page_ctx(title: &str, kind: &str, route: &Route, year: Option<i32>) -> Value {
    context! { title => title, kind => kind, path => route.dir(), year => year }
}

/// Plans every page of the site, one job per route. With a memo, the values of measures and
/// the OIT pages equal to the memo's are taken from it, and this plan's are left in it.
pub fn plan<'r>(site: &Site, renderer: &'r Renderer, memo: Option<&mut Memo>) -> Plan<'r> {
    let base_path = site.config.base_path();
    let values = measure_values(site, memo.as_deref(), &base_path);
    let current = site.current_year();
    let oit = match memo.as_deref() {
        Some(Memo {
            oit: Some((lists, year, jobs)),
            ..
        }) if *lists == site.checklists && *year == current => jobs.clone(),
        _ => oit_jobs(site, &base_path),
    };
    let view = View::new(site, &values);
    let jobs: Vec<Job> = site
        .routes()
        .par_iter()
        .filter_map(|route| view.job(route, &oit))
        .collect();
    let site_value = view.site;
    if let Some(memo) = memo {
        memo.oit = Some((site.checklists.clone(), current, oit));
        memo.measures = values;
    }
    Plan::new(renderer, site_value, jobs)
}

/// The site as the plan reads it: the `site` value and the indexes pages are looked up in.
struct View<'a> {
    site: Value,
    config: &'a Config,
    base_path: String,
    measures: &'a [Arc<Measure>],
    values: &'a [Values],
    /// Every published fiscal year, oldest first.
    years: Vec<i32>,
    units: BTreeMap<String, &'a str>,
    by_slug: HashMap<&'a str, usize>,
    pages: HashMap<&'a str, &'a Page>,
}

impl<'a> View<'a> {
    fn new(site: &'a Site, values: &'a [Values]) -> View<'a> {
        let units = routes::units(&site.measures);
        let data = site_data(site, &units);
        View {
            site: Value::from(Serde(&data)),
            config: &site.config,
            base_path: site.config.base_path(),
            measures: &site.measures,
            values,
            years: site.years(),
            units,
            by_slug: site
                .measures
                .iter()
                .enumerate()
                .map(|(i, m)| (m.slug.as_str(), i))
                .collect(),
            pages: site.pages.iter().map(|p| (p.slug.as_str(), p)).collect(),
        }
    }

    /// The job of one page (None for a route the site has no data for).
    // Long: one arm per page kind, the table of what each page holds (template, title, year and
    // data); split up, a new page kind would again be added in several places.
    fn job(&self, route: &Route, oit: &[Job]) -> Option<Job> {
        let job = |template, title: &str, kind, year: Option<i32>, extra: Vec<(&str, Value)>| {
            let mut ctx: BTreeMap<&str, Value> = extra.into_iter().collect();
            ctx.insert("page", page_ctx(title, kind, route, year));
            Some(Job::new(route, &self.base_path, template, Value::from(ctx)))
        };
        let current = self.config.fiscal_year;
        match route {
            Route::Home => job(
                "index.html",
                "หน้าแรก",
                "home",
                Some(current),
                vec![(
                    "switch",
                    self.switch(None, |y| y.map_or(Route::Home, Route::Year)),
                )],
            ),
            Route::Report(scope) => {
                let year = scope.unwrap_or(current);
                job(
                    "report.html",
                    "รายงานผลการดำเนินการมาตรการ",
                    "report",
                    Some(year),
                    vec![
                        ("year", Value::from(year)),
                        ("groups", self.report_groups(year)),
                        ("switch", self.switch(*scope, Route::Report)),
                    ],
                )
            }
            Route::Measures => job(
                "list.html",
                "มาตรการทั้งหมด",
                "measures",
                None,
                self.list(|_| true),
            ),
            Route::Assessments => job(
                "assessments.html",
                "มาตรการตามแบบประเมิน",
                "assessments",
                None,
                vec![],
            ),
            Route::Assessment(a) => {
                let mut ctx = self.list(|m| m.assessment == *a);
                ctx.push(("assessment", Value::from(a.code())));
                job(
                    "list.html",
                    &format!("{} ({})", a.title(), a.code()),
                    "assessment",
                    None,
                    ctx,
                )
            }
            Route::Units => job("units.html", "ผู้รับผิดชอบ", "units", None, vec![]),
            Route::Unit(slug) => {
                let unit = *self.units.get(slug)?;
                let mut ctx = self.list(|m| m.unit_slugs.iter().any(|s| s == slug));
                ctx.push(("unit", Value::from(unit)));
                job("list.html", unit, "unit", None, ctx)
            }
            Route::Years => job(
                "years.html",
                "ปีงบประมาณ",
                "years",
                None,
                vec![(
                    "years",
                    Value::from(self.years.iter().rev().copied().collect::<Vec<_>>()),
                )],
            ),
            Route::Year(y) => {
                let mut ctx = self.list(|m| m.fiscal_year == *y);
                ctx.push(("year", Value::from(*y)));
                ctx.push((
                    "switch",
                    self.switch(Some(*y), |s| s.map_or(Route::Home, Route::Year)),
                ));
                let title = format!("ปีงบประมาณ พ.ศ. {}", self.config.digits.apply(y.to_string()));
                job("list.html", &title, "year", Some(*y), ctx)
            }
            Route::Measure(slug) => {
                Some(self.values[*self.by_slug.get(slug.as_str())?].job.clone())
            }
            Route::Page(slug) => {
                let p = self.pages.get(slug.as_str())?;
                job(
                    "page.html",
                    &p.title,
                    "page",
                    None,
                    vec![("content", Value::from(Serde(*p)))],
                )
            }
            Route::Oit(_) | Route::OitItem(..) => {
                let file = route.file();
                oit.iter().find(|j| j.path == file).cloned()
            }
            Route::Search => job("search.html", "ค้นหา", "search", None, vec![]),
            Route::NotFound => job("404.html", "ไม่พบหน้าที่ต้องการ", "404", None, vec![]),
        }
    }

    /// A year switcher for a page of `scope` (a year's own page, or None for the current year's
    /// short address): the years up to the page's own (a year's page never changes when a new
    /// year starts), each linked to its page of this kind, and the current year's short address.
    fn switch(&self, scope: Option<i32>, route: impl Fn(Option<i32>) -> Route) -> Value {
        let current = self.config.fiscal_year;
        let here = scope.unwrap_or(current);
        let years: Vec<Value> = self
            .years
            .iter()
            .rev()
            .filter(|y| scope.is_none_or(|s| **y <= s))
            .map(|&y| context! { year => y, url => route(Some(y)).dir(), here => y == here })
            .collect();
        context! { years => years, latest => scope.map(|_| route(None).dir()) }
    }

    /// A list page's context: the measures `f` keeps, grouped by fiscal year (newest first), and
    /// the statuses they have.
    fn list(&self, f: impl Fn(&Measure) -> bool) -> Vec<(&'static str, Value)> {
        let mut by_year: BTreeMap<i32, Vec<Value>> = BTreeMap::new();
        let mut statuses = [0usize; 3];
        for (m, v) in self.measures.iter().zip(self.values).filter(|(m, _)| f(m)) {
            by_year
                .entry(m.fiscal_year)
                .or_default()
                .push(v.summary.clone());
            statuses[Status::ALL.iter().position(|s| *s == m.status).unwrap_or(0)] += 1;
        }
        let count: usize = by_year.values().map(Vec::len).sum();
        let groups: Vec<Value> = by_year
            .into_iter()
            .rev()
            .map(|(year, measures)| context! { year => year, measures => measures })
            .collect();
        let statuses: Vec<StatusCount> = Status::ALL
            .into_iter()
            .zip(statuses)
            .map(|(s, count)| StatusCount {
                key: s.key(),
                label: s.label(),
                count,
            })
            .collect();
        vec![
            ("groups", Value::from(groups)),
            ("count", Value::from(count)),
            ("statuses", Value::from(Serde(statuses))),
        ]
    }

    /// The report's parts for `year`: per assessment, the year's measures whole, with the
    /// analysis sentence.
    fn report_groups(&self, year: i32) -> Value {
        let digits = self.config.digits;
        Assessment::ALL
            .into_iter()
            .filter_map(|a| {
                let of: Vec<usize> = (0..self.measures.len())
                    .filter(|&i| self.measures[i].fiscal_year == year && self.measures[i].assessment == a)
                    .collect();
                let ms: Vec<&Measure> = of.iter().map(|&i| &*self.measures[i]).collect();
                (!ms.is_empty()).then(|| {
                    context! {
                        code => a.code(),
                        title => a.title(),
                        title_en => a.title_en(),
                        analysis => analysis(a, &ms, digits),
                        measures => Value::from(of.iter().map(|&i| self.values[i].full.clone()).collect::<Vec<_>>()),
                    }
                })
            })
            .collect()
    }
}

/// The `site` value every template sees.
fn site_data<'a>(site: &'a Site, units: &BTreeMap<String, &'a str>) -> SiteData<'a> {
    let c = &site.config;
    let mut nav: Vec<&Page> = site.pages.iter().filter(|p| p.menu.is_some()).collect();
    nav.sort_by(|a, b| (a.weight, &a.title).cmp(&(b.weight, &b.title)));
    let all: Vec<&Measure> = site.measures.iter().map(|m| &**m).collect();
    SiteData {
        config: c,
        title: c.site_title(),
        base_path: c.base_path(),
        current: year_data(site, c.fiscal_year),
        assessments: assessment_counts(&all),
        units: units
            .iter()
            .map(|(slug, name)| UnitCount {
                name: name.to_string(),
                slug: slug.clone(),
                count: all.iter().filter(|m| m.unit_slugs.contains(slug)).count(),
            })
            .collect(),
        years: site.years(),
        nav_pages: nav
            .iter()
            .map(|p| NavPage {
                title: p.menu.as_deref().unwrap_or(&p.title),
                slug: &p.slug,
            })
            .collect(),
        updated: updated_dates(site),
        as_of: newest_by_year(site.measures.iter().map(|m| (m.fiscal_year, m.date))),
        oit_codes: site
            .checklists
            .iter()
            .map(|l| {
                (
                    l.year.to_string(),
                    l.items().map(|i| i.item.code.as_str()).collect(),
                )
            })
            .collect(),
        generator: concat!("prongsai ", env!("CARGO_PKG_VERSION")),
    }
}

/// The newest date of each year's measures and checklist evidence, and under `all` of the whole
/// site (its pages too), as ISO text (see `SiteData::updated`).
fn updated_dates(site: &Site) -> BTreeMap<String, String> {
    let measures = site.measures.iter().map(|m| (m.fiscal_year, m.date));
    let evidence = site.checklists.iter().flat_map(|l| {
        l.items()
            .flat_map(|i| &i.evidence)
            .map(move |e| (l.year, e.date))
    });
    let dated: Vec<(i32, Option<thai::Date>)> = measures.chain(evidence).collect();
    let mut by_year = newest_by_year(dated.iter().copied());
    let pages = site.pages.iter().map(|p| p.date);
    if let Some(all) = dated.iter().map(|d| d.1).chain(pages).flatten().max() {
        by_year.insert("all".into(), all.iso());
    }
    by_year
}

/// The newest date of each year among `dated`, keyed by the year as text.
fn newest_by_year(
    dated: impl Iterator<Item = (i32, Option<thai::Date>)>,
) -> BTreeMap<String, String> {
    let mut newest: BTreeMap<i32, thai::Date> = BTreeMap::new();
    for (year, date) in dated {
        if let Some(d) = date {
            let e = newest.entry(year).or_insert(d);
            *e = (*e).max(d);
        }
    }
    newest
        .into_iter()
        .map(|(y, d)| (y.to_string(), d.iso()))
        .collect()
}

/// The counts and score chart of the measures of `year`.
fn year_data(site: &Site, year: i32) -> YearData<'_> {
    let of: Vec<&Measure> = site
        .measures
        .iter()
        .map(|m| &**m)
        .filter(|m| m.fiscal_year == year)
        .collect();
    let scores = score_bars(&of);
    let target = scores.first().map(|b| b.target);
    YearData {
        year,
        measure_count: of.len(),
        assessments: assessment_counts(&of),
        statuses: Status::ALL
            .into_iter()
            .map(|s| StatusCount {
                key: s.key(),
                label: s.label(),
                count: of.iter().filter(|m| m.status == s).count(),
            })
            .collect(),
        score_target: target.filter(|t| scores.iter().all(|b| b.target == *t)),
        scores,
    }
}

/// Each assessment with how many of `measures` it has, and how many of those are done.
fn assessment_counts(measures: &[&Measure]) -> Vec<AssessmentCount> {
    Assessment::ALL
        .into_iter()
        .map(|a| {
            let of: Vec<_> = measures.iter().filter(|m| m.assessment == a).collect();
            AssessmentCount {
                code: a.code(),
                slug: a.code().to_ascii_lowercase(),
                title: a.title(),
                title_en: a.title_en(),
                count: of.len(),
                done: of.iter().filter(|m| m.status == Status::Done).count(),
            }
        })
        .collect()
}

/// The home chart's bars: each indicator of `measures` with a score, once, in order.
fn score_bars<'a>(measures: &[&'a Measure]) -> Vec<ScoreBar<'a>> {
    let mut scores: Vec<ScoreBar> = measures
        .iter()
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
    scores
}

/// Each measure's values, taken from the memo while the cache hands out the same measure.
fn measure_values(site: &Site, memo: Option<&Memo>, base_path: &str) -> Vec<Values> {
    let Some(memo) = memo else {
        return site
            .measures
            .par_iter()
            .map(|m| Values::new(m, base_path))
            .collect();
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
                _ => Values::new(m, base_path),
            }
        })
        .collect()
}

/// The OIT checklist pages of every year (`years/2567/oit/`, with one page per item
/// `years/2567/oit/o1/`, the stable address an assessor can be given), and the current year's
/// again at the short addresses (`oit/`, `oit/o1/`). The current year's `oit/` is made even
/// without criteria, to say so.
fn oit_jobs(site: &Site, base_path: &str) -> Vec<Job> {
    let current = site.current_year();
    let mut jobs = Vec::new();
    for list in &site.checklists {
        jobs.extend(checklist_jobs(site, Some(list), Some(list.year), base_path));
    }
    jobs.extend(checklist_jobs(
        site,
        site.checklist(current),
        None,
        base_path,
    ));
    jobs
}

/// The checklist page of `list` at the addresses of `scope` (a year's own, or None for the
/// current year's short ones), and its items' pages.
fn checklist_jobs(
    site: &Site,
    list: Option<&oit::Checklist>,
    scope: Option<i32>,
    base_path: &str,
) -> Vec<Job> {
    let title = "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)";
    let year = scope.unwrap_or(site.current_year());
    let route = Route::Oit(scope);
    let years: Vec<i32> = site.checklists.iter().map(|l| l.year).collect();
    let switch = checklist_switch(&years, scope, site.current_year());
    let mut jobs = vec![Job::new(
        &route,
        base_path,
        "oit.html",
        context! {
            page => page_ctx(title, "oit", &route, Some(year)),
            oit => list.map(|l| Value::from(Serde(l))),
            year => year,
            scope => scope,
            switch => switch,
        },
    )];
    for item in list.iter().flat_map(|l| l.items()) {
        let route = Route::OitItem(scope, item.item.code.clone());
        jobs.push(Job::new(
            &route,
            base_path,
            "oit-item.html",
            context! {
                page => page_ctx(&format!("{} {}", item.item.code, item.item.title), "oit-item", &route, Some(year)),
                item => Value::from(Serde(item)),
                year => year,
                scope => scope,
            },
        ));
    }
    jobs
}

/// The year switcher of a checklist page (see `View::switch`).
fn checklist_switch(years: &[i32], scope: Option<i32>, current: i32) -> Value {
    let here = scope.unwrap_or(current);
    let list: Vec<Value> = years
        .iter()
        .rev()
        .filter(|y| scope.is_none_or(|s| **y <= s))
        .map(|&y| context! { year => y, url => Route::Oit(Some(y)).dir(), here => y == here })
        .collect();
    context! { years => list, latest => scope.map(|_| Route::Oit(None).dir()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(indicator: u8, score: f64) -> Measure {
        Measure::sample(indicator, score)
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
            let fields: Vec<Value> = MEASURE_FIELDS
                .iter()
                .map(|(k, _)| Value::from(*k))
                .collect();
            assert_eq!(keys, fields);
            for (key, _) in MEASURE_FIELDS {
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
        let text = analysis(Assessment::IIT, &[&a, &b], Digits::Thai);
        assert!(
            text.contains("ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ คือ ๙๕.๖๐ คะแนน"),
            "{text}"
        );
        assert!(
            text.contains("มีค่าต่ำสุดของ IIT แต่ผ่านเกณฑ์เป้าหมาย (๘๕ คะแนนขึ้นไป)"),
            "{text}"
        );
        let low = m(9, 80.0);
        let text = analysis(Assessment::OIT, &[&low], Digits::Arabic);
        assert!(
            text.contains("คือ 80.00 คะแนน มีค่าต่ำสุดของ OIT และยังไม่ผ่านเกณฑ์เป้าหมาย (85 คะแนนขึ้นไป)"),
            "{text}"
        );
    }
}
