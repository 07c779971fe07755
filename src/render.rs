//! Pages in memory: the minijinja environment (site `templates/` over the built-in theme), the Thai
//! filters, and a [`Plan`] of [`Job`]s rendered one [`Output`] at a time, with the [`Memo`] that
//! lets `serve` reuse pages whose inputs did not change. What each page holds is
//! [`view`](crate::view)'s; nothing here touches `public/`.
//!
//! Templates get plain data: `site` (the organisation and the counts, built once), `root` (the
//! relative path back to the site root, so the site works under any sub-path) and the page's own data.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use minijinja::value::Kwargs;
use minijinja::{AutoEscape, Environment, Value};

use crate::config::Config;
use crate::diag::Finding;
use crate::measure::{INDICATORS, Status, slugify};
use crate::output::Output;
use crate::routes::Route;
use crate::t;
use crate::thai::{self, Digits};
use crate::theme;

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
            crate::escape::html_to(out, s).map_err(Into::into)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// Steps (minijinja instructions) one page may take: the theme's largest page takes between 1
/// and 5 million at 10,000 measures, so this leaves room for 100,000.
const TEMPLATE_FUEL: u64 = 50_000_000;

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
        // A template that loops for ever (or for a billion steps) must end the build with its
        // name, not hang it and the preview's rebuilds.
        env.set_fuel(Some(TEMPLATE_FUEL));
        let digits = config.digits;
        register_filters(&mut env, digits);
        env.add_function("url_for", url_for);
        let (templates, mut findings) = templates(root);
        let mut sources = format!("digits={digits:?}\0");
        for (name, (rel, text)) in templates {
            sources.push_str(&name);
            sources.push('\0');
            sources.push_str(&text);
            sources.push('\0');
            if let Err(e) = env.add_template_owned(name, text.clone()) {
                findings.push(template_finding(&rel, &text, &e));
            }
        }
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
            let at = e
                .line()
                .map(|l| format!(" {}", t!("build-template-line", line = l)))
                .unwrap_or_default();
            if e.kind() == minijinja::ErrorKind::OutOfFuel {
                return Finding::error(
                    format!("templates/{name}"),
                    t!("build-template-too-long", at = at, steps = TEMPLATE_FUEL),
                )
                .help(t!("build-template-too-long.help"));
            }
            let detail = e.detail().map_or_else(|| e.to_string(), str::to_string);
            Finding::error(
                format!("templates/{name}"),
                t!("build-template-error", at = at, detail = detail),
            )
            .help(t!("build-template-error.help"))
        })
    }
}

/// The theme's templates with the site's own `templates/` over them, by name: (where it came
/// from, its text). Templates that cannot be read are findings.
fn templates(root: &Path) -> (BTreeMap<String, (String, String)>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut templates: BTreeMap<String, (String, String)> = theme::TEMPLATES
        .iter()
        .map(|(n, s)| {
            let from = format!("themes/default/templates/{n}");
            (n.to_string(), (from, s.to_string()))
        })
        .collect();
    let dir = root.join("templates");
    if !dir.is_dir() {
        return (templates, findings);
    }
    for entry in walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        // Links and pipes too: the gate says why they are not read.
        .filter(|e| !e.file_type().is_dir())
    {
        let name = crate::diag::display_path(&dir, entry.path());
        let rel = crate::diag::display_path(root, entry.path());
        match crate::content::read_checked(entry.path(), root, crate::content::MAX_FILE_BYTES)
            .map_err(|r| r.message())
            .and_then(|b| crate::content::decode(&rel, &b).map_err(|f| f.message))
        {
            Ok(text) => {
                templates.insert(name, (rel, text));
            }
            Err(e) => findings.push(Finding::error(
                rel,
                t!("build-template-unreadable", error = e.to_string()),
            )),
        }
    }
    (templates, findings)
}

/// The Thai filters templates use: `num`, `digits`, `thai_date`, `thai_date_long`,
/// `status_label`, `status_badge`, `numbered`, `indicator_title`, `slug`, `url_path`, `filesize`.
fn register_filters(env: &mut Environment, digits: Digits) {
    // `numbered` and `status_badge` are the markup of the macros of the same names, made here: a
    // macro call costs the template engine more than the rest of a report's row, and a report
    // calls `numbered` twice for every measure.
    env.add_filter("numbered", move |items: Value| {
        let mut out = String::new();
        for (i, item) in items.try_iter().into_iter().flatten().enumerate() {
            if i == 0 {
                out.push_str("<ol class=\"numbered\">");
            }
            out.push_str("<li><span class=\"n\" aria-hidden=\"true\">");
            out.push_str(&digits.apply((i + 1).to_string()));
            out.push_str(".</span> ");
            markup_to(&mut out, &item);
            out.push_str("</li>");
        }
        if !out.is_empty() {
            out.push_str("</ol>");
        }
        Value::from_safe_string(out)
    });
    env.add_filter("status_badge", |status: Value| {
        let mut out = String::from("<span class=\"status status-");
        markup_to(&mut out, &status);
        out.push_str("\">");
        out.push_str(&status_label(&status.to_string()));
        out.push_str("</span>");
        Value::from_safe_string(out)
    });
    env.add_filter("num", move |x: f64, decimals: Option<usize>| {
        thai::format_number(x, decimals.unwrap_or(0), digits)
    });
    env.add_filter("digits", move |s: Value| digits.apply(s.to_string()));
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
    env.add_filter("status_label", |key: String| status_label(&key));
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
        let decimals = if unit == "ไบต์" { 0 } else { 1 };
        format!("{} {unit}", thai::format_number(v, decimals, digits))
    });
}

/// A status's Thai label (`done` → ดำเนินการแล้ว), or the key itself when it is none.
fn status_label(key: &str) -> String {
    Status::ALL
        .into_iter()
        .find(|s| s.key() == key)
        .map_or_else(|| key.to_string(), |s| s.label().to_string())
}

/// `value` as a template prints it: its text escaped, or as it is when it is already markup.
fn markup_to(out: &mut String, value: &Value) {
    if value.is_safe() {
        out.push_str(&value.to_string());
    } else {
        crate::escape::html_to(out, &value.to_string()).expect("writing into a String cannot fail");
    }
}

/// `url_for(kind, key, year=…)` in templates: the address of a page of the site, relative to
/// its root, asked of [`routes`](crate::routes) (`{{ root }}{{ url_for("measure", m.slug) }}`).
/// Kinds: `home`, `report`, `measures`, `assessments`, `assessment` (code), `units`, `unit` (name
/// or address), `years`, `year` (the year), `measure` (address), `page` (address), `oit`,
/// `oit_item` (code), `search`. `report`, `oit` and `oit_item` take `year=` for a fiscal year's own
/// page (`years/2567/report/`); without it (or with `none`) they give the current year's.
fn url_for(kind: &str, key: Option<Value>, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let year: Option<i32> = kwargs.get("year")?;
    kwargs.assert_all_used()?;
    let key = key.map(|k| k.to_string()).unwrap_or_default();
    let route = match kind {
        "home" => Route::Home,
        "report" => Route::Report(year),
        "measures" => Route::Measures,
        "assessments" => Route::Assessments,
        "assessment" => Route::Assessment(
            crate::measure::Assessment::ALL
                .into_iter()
                .find(|a| a.code().eq_ignore_ascii_case(&key))
                .ok_or_else(|| url_error(kind, &key))?,
        ),
        "units" => Route::Units,
        "unit" => Route::Unit(slugify(&key)),
        "years" => Route::Years,
        "year" => Route::Year(key.parse().map_err(|_| url_error(kind, &key))?),
        "measure" => Route::Measure(key),
        "page" => Route::Page(key),
        "oit" => Route::Oit(year),
        "oit_item" => Route::OitItem(year, key),
        "search" => Route::Search,
        _ => return Err(url_error(kind, &key)),
    };
    Ok(route.dir())
}

fn url_error(kind: &str, key: &str) -> minijinja::Error {
    minijinja::Error::new(
        minijinja::ErrorKind::InvalidOperation,
        t!("build-url-for", kind = kind, key = key),
    )
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
    let detail = e.detail().map_or_else(|| e.to_string(), str::to_string);
    let msg = t!("build-template-syntax", detail = detail);
    let src = crate::diag::source(rel, text.into());
    match e.range() {
        Some(r) => Finding::at(&src, r.start, r.len(), msg),
        None => {
            let off = crate::diag::line_offset(text, e.line().unwrap_or(1));
            Finding::at(&src, off, 1, msg)
        }
    }
}

/// The names a page's template starts with: `site`, `root` and the job's own. Templates ask for
/// `site` and `root` dozens of times a page; a match answers without searching a map.
#[derive(Debug)]
struct Top {
    site: Value,
    root: Value,
    page: Value,
}

impl minijinja::value::Object for Top {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_str()? {
            "site" => Some(self.site.clone()),
            "root" => Some(self.root.clone()),
            _ => self.page.get_item(key).ok().filter(|v| !v.is_undefined()),
        }
    }
}

/// One page of the site: where it goes, its template, and the context it is rendered with.
#[derive(Clone)]
pub struct Job {
    /// Output path, e.g. `measures/m-1/index.html`.
    pub path: String,
    template: &'static str,
    /// The relative path back to the site root.
    pub root: String,
    ctx: Value,
}

impl Job {
    /// The job of the page at `route`, its path and root asked of the route.
    pub fn new(route: &Route, base_path: &str, template: &'static str, ctx: Value) -> Job {
        Job {
            path: route.file(),
            template,
            root: route.root(base_path),
            ctx,
        }
    }

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

impl<'r> Plan<'r> {
    /// A plan of `jobs`, each rendered with `site` as the site-wide value.
    pub fn new(renderer: &'r Renderer, site: Value, jobs: Vec<Job>) -> Plan<'r> {
        Plan {
            renderer,
            site,
            jobs,
        }
    }

    /// Renders one page; a template error comes back as a finding.
    pub fn render(&self, job: &Job) -> Result<Output, Finding> {
        let ctx = Value::from_object(Top {
            site: self.site.clone(),
            root: Value::from(job.root.as_str()),
            page: job.ctx.clone(),
        });
        self.renderer.render(job.template, ctx).map(|html| Output {
            path: job.path.clone(),
            bytes: html.into_bytes(),
        })
    }

    /// Page `i`: the memo's page when its inputs are those of job `i`, else rendered.
    pub fn page(&self, i: usize, reuse: Option<&Reuse>) -> Result<Arc<Output>, Finding> {
        let job = &self.jobs[i];
        match reuse.and_then(|r| r.last(i, job)) {
            Some((was, out)) if job.same_input(was) => Ok(out.clone()),
            _ => self.render(job).map(Arc::new),
        }
    }
}

/// The pages of the last render, kept by `serve` so a rebuild re-renders only the pages whose
/// inputs changed. Contexts are compared by value (a value shared with the last render compares
/// equal at once), so the memo makes a rebuild faster but never different from a fresh build.
#[derive(Default)]
pub struct Memo {
    /// The template sources the pages were rendered with.
    templates: String,
    site: Value,
    /// The last render's jobs and pages, in order.
    pages: Vec<(Job, Arc<Output>)>,
}

/// The memo's pages, looked up by the jobs of a new plan.
pub struct Reuse<'m> {
    pages: &'m [(Job, Arc<Output>)],
    /// Whether the plan has the memo's pages in the memo's order (the usual case).
    aligned: bool,
    index: HashMap<&'m str, usize>,
}

impl<'m> Reuse<'m> {
    /// The page rendered last time at the place or path of job `i`.
    fn last(&self, i: usize, job: &Job) -> Option<&'m (Job, Arc<Output>)> {
        if self.aligned {
            self.pages.get(i)
        } else {
            self.index.get(job.path.as_str()).map(|&i| &self.pages[i])
        }
    }
}

impl Memo {
    /// Makes the memo ready to serve `plan`: forgets every page when the templates or the site
    /// value changed.
    pub fn reuse(&mut self, plan: &Plan) -> Reuse<'_> {
        if self.templates != plan.renderer.sources || self.site != plan.site {
            self.pages.clear();
            self.templates = plan.renderer.sources.clone();
            self.site = plan.site.clone();
        }
        let aligned = self.pages.len() == plan.jobs.len()
            && self
                .pages
                .iter()
                .zip(&plan.jobs)
                .all(|(p, j)| p.0.path == j.path);
        let index = if aligned {
            HashMap::new()
        } else {
            self.pages
                .iter()
                .enumerate()
                .map(|(i, p)| (p.0.path.as_str(), i))
                .collect()
        };
        Reuse {
            pages: &self.pages,
            aligned,
            index,
        }
    }

    /// Keeps the pages just made from `plan`'s jobs, in order.
    pub fn keep(&mut self, plan: Plan, pages: impl IntoIterator<Item = Arc<Output>>) {
        self.pages = plan.jobs.into_iter().zip(pages).collect();
    }
}
