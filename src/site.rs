//! The build as a short list of named steps: [`load`] (site.yaml, content files, front matter,
//! Markdown, cross-file checks, the OIT checklist) -> [`plan`] (every file of the site, planned)
//! -> make each file at its turn -> [`output`] writes them into `public/` atomically.
//!
//! `build` and `serve` are one assembly line: [`build`] streams each planned file into the
//! output folder as it is made (the site is never in memory whole), [`compile`] collects them for
//! `serve`, reusing with its [`Cache`] what did not change. Every page is handed to the search
//! indexer as it is made on both. Findings from every step are collected first; `public/` is only
//! touched when there is no error.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, SourceFile};
use crate::diag::{Finding, Findings};
use crate::markdown;
use crate::measure::{self, Doc, Measure, Page};
pub use crate::model::Site;
use crate::oit;
use crate::opendata;
use crate::output::{self, Failed, Output, WriteStats};
use crate::render::{self, Plan, Renderer};
use crate::routes::{self, Route};
use crate::search;
use crate::t;
use crate::theme;
use crate::view;

/// What `build` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site folder (holding site.yaml and content/).
    pub root: PathBuf,
    /// Output folder; `root/public` when None.
    pub out: Option<PathBuf>,
    /// Replaces site.yaml's base_url.
    pub base_url: Option<String>,
    /// Builds the search index (`build --no-search` turns it off).
    pub search: bool,
}

impl Options {
    /// The output folder these options build into.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a build (or a compile for `serve`) did.
#[derive(Debug, Default)]
pub struct Report {
    /// Findings of every step, sorted.
    pub findings: Findings,
    /// `build`: set when the output was written.
    pub written: Option<WriteStats>,
    /// `compile`: every output file, sorted by path; None when there was an error.
    pub outputs: Option<Vec<Arc<Output>>>,
    pub measures: usize,
    pub pages: usize,
    pub seconds: f64,
    /// Time the search index took (0 when skipped).
    pub search_seconds: f64,
    /// `compile`: each year's OIT to-do list, for the preview (a site with no OIT evidence at
    /// all has none, as `check` says nothing of it).
    pub notes: Vec<oit::Notes>,
}

/// Builds the site: every step, then the atomic write when nothing is in error. Pages are
/// rendered and written in one parallel pass, so the site is never held in memory whole.
pub fn build(opts: &Options) -> Report {
    let start = Instant::now();
    let (site, findings) = load(&opts.root, opts.base_url.as_deref());
    let mut report = Report::new(site.as_ref(), findings);
    if let Some(f) = out_among_inputs(&opts.root, &opts.out_dir()) {
        report.findings.push(f);
    }
    if let Some(site) = site.filter(|_| !report.findings.has_errors()) {
        let out = opts.out_dir();
        match write(&site, &out, opts.search, &mut report) {
            Ok(stats) => report.written = Some(stats),
            Err(Failed::Make(f)) => report.findings.extend(f),
            Err(Failed::Io(e)) => report.findings.push(output::write_finding(&out, &e)),
        }
    }
    report.findings.sort();
    report.seconds = start.elapsed().as_secs_f64();
    report
}

/// The finding for an output folder inside one of the site's inputs (`content/`, `static/`,
/// `templates/`, `criteria/`): the next build would read the built site back as its input.
fn out_among_inputs(root: &Path, out: &Path) -> Option<Finding> {
    // The nearest folder that exists, made absolute, with the rest of the path after it.
    let real = |p: &Path| -> Option<PathBuf> {
        let p = std::path::absolute(p).ok()?;
        let base = p
            .ancestors()
            .find_map(|a| a.canonicalize().ok().map(|c| (a, c)))?;
        Some(base.1.join(p.strip_prefix(base.0).ok()?))
    };
    let out = real(out)?;
    ["content", "static", "templates", "criteria"]
        .into_iter()
        .find(|d| real(&root.join(d)).is_some_and(|d| out.starts_with(d)))
        .map(|d| {
            Finding::error(
                out.display().to_string(),
                t!("build-out-among-inputs", folder = d),
            )
            .help(t!("build-out-among-inputs.help"))
        })
}

/// Loads, checks and makes the site without writing it: what `serve` serves. With the same
/// cache, only changed files are parsed again and only files whose inputs changed are made.
pub fn compile(opts: &Options, cache: &mut Cache) -> Report {
    let start = Instant::now();
    let (site, findings) = load_cached(&opts.root, opts.base_url.as_deref(), cache);
    let mut report = Report::new(site.as_ref(), findings);
    if let Some(site) = site.filter(|_| !report.findings.has_errors()) {
        let thai = site.config.thai_digits();
        report.notes = site
            .checklists
            .iter()
            .filter(|l| l.has_evidence())
            .map(|l| oit::notes(l, thai))
            .collect();
        match collect(&site, cache, opts.search, &mut report) {
            Ok(outputs) => report.outputs = Some(outputs),
            Err(f) => report.findings.extend(f),
        }
    }
    if report.findings.has_errors() {
        report.outputs = None;
    }
    report.findings.sort();
    report.seconds = start.elapsed().as_secs_f64();
    report
}

impl Report {
    fn new(site: Option<&Site>, findings: Findings) -> Report {
        Report {
            findings,
            measures: site.map_or(0, |s| s.measures.len()),
            pages: site.map_or(0, |s| s.pages.len()),
            ..Report::default()
        }
    }
}

/// Plans the site, then makes each file straight into the back buffer of `out` and swaps it in
/// when all went well. With `search`, each page also goes to the search indexer as it is made,
/// and the index is written into the back buffer before the swap.
fn write(site: &Site, out: &Path, search: bool, report: &mut Report) -> Result<WriteStats, Failed> {
    let renderer = Renderer::new(&site.root, &site.config).map_err(Failed::Make)?;
    let plan = plan(site, &renderer, None).map_err(Failed::Make)?;
    let paths = plan.paths();
    let indexer = search.then(search::Indexer::default);
    let later: Option<output::Later> = indexer.as_ref().map(|ix| -> output::Later {
        let report = &mut *report;
        (
            routes::SEARCH_INDEX,
            Box::new(move || {
                let started = Instant::now();
                let (files, warnings) = finish_index(ix).map_err(|f| vec![f])?;
                report.search_seconds = started.elapsed().as_secs_f64();
                report.findings.extend(warnings);
                Ok(files)
            }),
        )
    });
    output::write_with(out, &paths, |i| plan.make(i, None, indexer.as_ref()), later)
}

/// Plans the site and makes every file in memory, reusing from `cache` what did not change.
fn collect(
    site: &Site,
    cache: &mut Cache,
    search: bool,
    report: &mut Report,
) -> Result<Vec<Arc<Output>>, Vec<Finding>> {
    let renderer = Renderer::new(&site.root, &site.config)?;
    let planned = plan(site, &renderer, Some(cache))?;
    let indexer = search.then(search::Indexer::default);
    let made: Vec<Result<Arc<Output>, Finding>> = {
        let reuse = cache.pages.reuse(&planned.pages);
        (0..planned.len())
            .into_par_iter()
            .map(|i| planned.make(i, Some((&reuse, &cache.data)), indexer.as_ref()))
            .collect()
    };
    let mut outputs = distinct_errors(made)?;
    let pages = outputs[planned.data..planned.data + planned.pages.jobs.len()].to_vec();
    cache.pages.keep(planned.pages, pages);
    if let Some(ix) = &indexer {
        let started = Instant::now();
        let (files, warnings) = finish_index(ix).map_err(|f| vec![f])?;
        report.search_seconds = started.elapsed().as_secs_f64();
        report.findings.extend(warnings);
        outputs.extend(files.into_iter().map(Arc::new));
    }
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

/// Every file of the site, planned but not made: the open-data files, the pages, and the files
/// read or made whole (static files, attachments, OIT exports, the marker), in the order they
/// are made (the longest to make first, so no thread is left making one while the others have
/// nothing to do).
pub struct Planned<'r> {
    site: &'r Site,
    /// How many open-data files lead the list.
    data: usize,
    pages: Plan<'r>,
    files: Vec<Arc<Output>>,
}

/// Plans every file of `site`: the open data, the pages and the other files. With a cache, what
/// it holds for unchanged inputs is reused. Two files with one path are an error.
pub fn plan<'r>(
    site: &'r Site,
    renderer: &'r Renderer,
    mut cache: Option<&mut Cache>,
) -> Result<Planned<'r>, Vec<Finding>> {
    let mut files: Vec<Arc<Output>> = other_files(site)?.into_iter().map(Arc::new).collect();
    files.extend(oit_exports(site, cache.as_deref_mut()));
    if let Some(cache) = cache.as_deref_mut() {
        cache.data.update(site);
    }
    let planned = Planned {
        site,
        data: routes::DATA_FILES.len(),
        pages: view::plan(site, renderer, cache.map(|c| &mut c.view)),
        files,
    };
    let mut paths = planned.paths();
    paths.sort_unstable();
    let clashes = output::check_paths(&paths);
    if clashes.is_empty() {
        Ok(planned)
    } else {
        Err(clashes)
    }
}

impl Planned<'_> {
    /// How many files are planned.
    pub fn len(&self) -> usize {
        self.data + self.pages.jobs.len() + self.files.len()
    }

    /// Whether nothing is planned (never: a site has a home page).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The path of every planned file, in order.
    pub fn paths(&self) -> Vec<&str> {
        routes::DATA_FILES
            .iter()
            .copied()
            .chain(self.pages.jobs.iter().map(|j| j.path.as_str()))
            .chain(self.files.iter().map(|o| o.path.as_str()))
            .collect()
    }

    /// Makes file `i` (on any thread): with what `serve` kept of the last build, a page or
    /// open-data line whose inputs did not change is taken from it. Each page goes to `indexer`.
    pub fn make(
        &self,
        i: usize,
        kept: Option<(&render::Reuse, &opendata::Memo)>,
        indexer: Option<&search::Indexer>,
    ) -> Result<Arc<Output>, Finding> {
        let pages = self.pages.jobs.len();
        if i < self.data {
            let name = routes::DATA_FILES[i];
            let bytes = opendata::file(self.site, name, kept.map(|k| k.1));
            return Ok(Arc::new(Output {
                path: name.to_string(),
                bytes,
            }));
        }
        if i < self.data + pages {
            let page = self.pages.page(i - self.data, kept.map(|k| k.0))?;
            if let Some(ix) = indexer {
                ix.add(&page.path, &page.bytes);
            }
            return Ok(page);
        }
        Ok(self.files[i - self.data - pages].clone())
    }
}

/// Outputs in order, or every distinct error.
fn distinct_errors<T>(made: Vec<Result<T, Finding>>) -> Result<Vec<T>, Vec<Finding>> {
    let mut outputs = Vec::with_capacity(made.len());
    let mut findings: Vec<Finding> = Vec::new();
    for r in made {
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

/// The OIT exports of each year's checklist (in `years/2567/oit/`, the current year's also in
/// `oit/`), kept in the cache while the checklists are unchanged.
fn oit_exports(site: &Site, cache: Option<&mut Cache>) -> Vec<Arc<Output>> {
    let current = site.current_year();
    let fresh = || -> Vec<Arc<Output>> {
        let mut exports = Vec::new();
        for list in &site.checklists {
            exports.extend(oit::exports(list, &Route::Oit(Some(list.year)).dir()));
            if list.year == current {
                exports.extend(oit::exports(list, &Route::Oit(None).dir()));
            }
        }
        exports.into_iter().map(Arc::new).collect()
    };
    let Some(cache) = cache else {
        return fresh();
    };
    match &cache.exports {
        Some((kept, year, exports)) if *kept == site.checklists && *year == current => {
            exports.clone()
        }
        _ => {
            let exports = fresh();
            cache.exports = Some((site.checklists.clone(), current, exports.clone()));
            exports
        }
    }
}

/// The search index of the pages handed to `indexer`, and the warnings for pages left out.
fn finish_index(indexer: &search::Indexer) -> Result<(Vec<Output>, Vec<Finding>), Finding> {
    let index = indexer.finish().map_err(|e| index_finding(&e))?;
    let warnings = index.skipped.iter().map(skipped_finding).collect();
    Ok((index.files, warnings))
}

/// The warning for a page too long for the search index.
fn skipped_finding((path, size): &(String, usize)) -> Finding {
    Finding::error(
        path,
        t!(
            "build-search-page-too-long",
            mb = format!("{:.1}", *size as f64 / 1e6),
            kb = search::MAX_PAGE >> 10
        ),
    )
    .help(t!("build-search-page-too-long.help"))
    .warning()
}

/// The finding for a search index that could not be built.
fn index_finding(e: &str) -> Finding {
    Finding::error(
        t!("build-search-index"),
        t!("build-search-failed", error = e),
    )
    .help(t!("build-search-failed.help"))
}

/// Parsed content files kept between builds, so a rebuild parses only new files and the ones
/// named by [`Cache::changed`]: serve names every file the watcher saw change and clears the cache
/// when it lost track or anything but a Markdown file changed. `build` uses none.
#[derive(Default)]
pub struct Cache {
    /// The configuration the entries were parsed with (as JSON); another one empties the cache.
    config: String,
    docs: HashMap<PathBuf, Cached>,
    /// Files reported changed since the last load: parsed again whatever their metadata says.
    changed: HashSet<PathBuf>,
    /// How many files the last load parsed (the others came from the cache).
    parsed: usize,
    /// The last plan's measure values and OIT pages.
    view: view::Memo,
    /// The last render's pages.
    pages: render::Memo,
    /// Each measure's lines of the open-data files.
    data: opendata::Memo,
    /// The OIT checklists and current year the exports were made of, and the exports.
    exports: Option<(Vec<oit::Checklist>, i32, Vec<Arc<Output>>)>,
    /// The content files the last load found, with the findings about their names: kept while
    /// only files of it change (walking 10,000 files is a good part of a preview's rebuild).
    listing: Option<Arc<Listing>>,
}

/// What [`content::discover`] and the name checks found.
type Listing = (Vec<(PathBuf, content::Kind)>, Vec<Finding>);

#[derive(Debug)]
struct Cached {
    /// Whether the file could be read (one that could not is read again next time).
    read: bool,
    doc: Option<Parsed>,
    findings: Vec<Finding>,
}

/// A parsed file as the cache keeps it.
#[derive(Debug)]
enum Parsed {
    Measure(Arc<Measure>),
    Page(Page),
}

impl Cache {
    /// Forgets every parsed file (after a change outside the Markdown files, e.g. an attachment).
    pub fn clear(&mut self) {
        let config = std::mem::take(&mut self.config);
        *self = Cache {
            config,
            ..Cache::default()
        };
    }

    /// Marks files as changed, so the next load parses them again.
    pub fn changed<'a>(&mut self, paths: impl IntoIterator<Item = &'a PathBuf>) {
        self.changed.extend(paths.into_iter().cloned());
    }

    /// How many content files the last build parsed; the rest were reused.
    pub fn parsed(&self) -> usize {
        self.parsed
    }
}

/// Reads site.yaml and every content file; returns the site (None when site.yaml is unusable)
/// and all findings.
pub fn load(root: &Path, base_url: Option<&str>) -> (Option<Site>, Findings) {
    load_with(root, base_url, None)
}

/// `load`, reusing the parse of every file in `cache` that was not marked changed.
pub fn load_cached(
    root: &Path,
    base_url: Option<&str>,
    cache: &mut Cache,
) -> (Option<Site>, Findings) {
    load_with(root, base_url, Some(cache))
}

fn load_with(
    root: &Path,
    base_url: Option<&str>,
    mut cache: Option<&mut Cache>,
) -> (Option<Site>, Findings) {
    let mut findings = Findings::default();
    let config = match Config::load(root) {
        Ok(c) => with_base_url(c, base_url),
        Err(f) => {
            findings.extend(f);
            return (None, findings);
        }
    };
    if let Err(why) = crate::config::check_base_url(&config.base_url) {
        findings.push(
            Finding::error(
                "--base-url",
                format!("`{}` {why}", config.base_url.escape_debug()),
            )
            .help(crate::config::base_url_help()),
        );
        return (None, findings);
    }
    if let Some(cache) = cache.as_deref_mut() {
        let key = serde_json::to_string(&config).unwrap_or_default();
        if cache.config != key {
            cache.clear();
            cache.config = key;
        }
    }
    let listing = listing(root, cache.as_deref_mut());
    let (files, found) = &*listing;
    findings.extend(found.iter().cloned());
    let parsed = parse(root, &config, files, cache.as_deref());
    let mut site = Site {
        root: root.to_path_buf(),
        config,
        measures: Vec::new(),
        pages: Vec::new(),
        checklists: Vec::new(),
    };
    gather(&mut site, parsed, cache, &mut findings);
    findings.extend(check(&site));
    let (list, found) = oit::check(root, &site.config, &site.measures, &site.pages);
    site.checklists = list;
    findings.extend(found);
    (Some(site), findings)
}

/// The content files and the findings about names: those of the cache's last load when every file
/// marked changed is one of them and still there (an edit, not a file made, renamed or deleted).
fn listing(root: &Path, cache: Option<&mut Cache>) -> Arc<Listing> {
    let fresh = || {
        let (files, mut found) = content::discover(root);
        found.extend(crate::portable::check_folder(root, crate::routes::STATIC));
        Arc::new((files, found))
    };
    let Some(cache) = cache else {
        return fresh();
    };
    let kept = cache.listing.clone().filter(|listing| {
        cache
            .changed
            .iter()
            .all(|c| c.is_file() && listing.0.iter().any(|(f, _)| f == c))
    });
    let listing = kept.unwrap_or_else(fresh);
    cache.listing = Some(listing.clone());
    listing
}

/// `config` with `base_url` (from the command line) in place of its own, ending in `/`.
fn with_base_url(mut config: Config, base_url: Option<&str>) -> Config {
    if let Some(url) = base_url {
        config.base_url = if url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        };
    }
    config
}

/// Reads and parses every content file in parallel, but those `cache` holds unchanged (None).
fn parse<'f>(
    root: &Path,
    config: &Config,
    files: &'f [(PathBuf, content::Kind)],
    cache: Option<&Cache>,
) -> Vec<(&'f PathBuf, Option<Cached>)> {
    files
        .par_iter()
        .map(|(path, kind)| {
            // A file that could not be read is read again, so its finding says why.
            if let Some(cache) = cache
                && !cache.changed.contains(path)
                && cache.docs.get(path).is_some_and(|c| c.read)
            {
                return (path, None);
            }
            let (read, (doc, findings)) = match content::read(root, path, *kind) {
                Ok(file) => (true, load_doc(&file, config, root)),
                Err(f) => (false, (None, vec![f])),
            };
            let doc = doc.map(|d| match d {
                Doc::Measure(m) => Parsed::Measure(Arc::from(m)),
                Doc::Page(p) => Parsed::Page(*p),
            });
            let fresh = Cached {
                read,
                doc,
                findings,
            };
            (path, Some(fresh))
        })
        .collect()
}

/// Puts the parsed files into `site` in order, taking unchanged ones from `cache` and leaving
/// the new parses in it.
fn gather(
    site: &mut Site,
    parsed: Vec<(&PathBuf, Option<Cached>)>,
    cache: Option<&mut Cache>,
    findings: &mut Findings,
) {
    let mut add = |c: &Cached| match &c.doc {
        Some(Parsed::Measure(m)) => site.measures.push(m.clone()),
        Some(Parsed::Page(p)) => site.pages.push(p.clone()),
        None => {}
    };
    let Some(cache) = cache else {
        for c in parsed.into_iter().filter_map(|(_, fresh)| fresh) {
            add(&c);
            findings.extend(c.findings);
        }
        return;
    };
    let mut docs = HashMap::with_capacity(parsed.len());
    cache.parsed = parsed.iter().filter(|(_, fresh)| fresh.is_some()).count();
    for (path, fresh) in parsed {
        let Some(c) = fresh.or_else(|| cache.docs.remove(path)) else {
            continue;
        };
        add(&c);
        findings.extend(c.findings.iter().cloned());
        docs.insert(path.clone(), c);
    }
    // Files that are gone leave the cache with this swap.
    cache.docs = docs;
    cache.changed.clear();
}

/// Parses one file and renders its Markdown body, its links made relative to its own page.
fn load_doc(file: &SourceFile, config: &Config, root: &Path) -> (Option<Doc>, Vec<Finding>) {
    let (mut doc, mut findings) = measure::parse(file, config, root);
    let route = match file.kind {
        content::Kind::Measure => Route::Measure(String::new()),
        _ => Route::Page(String::new()),
    };
    let settings = markdown::Settings {
        root: &routes::root_of(&route.file()),
        allow_html: config.allow_html,
    };
    let (html, md_findings) = markdown::render(&file.src, file.body.start, &settings);
    findings.extend(md_findings);
    match &mut doc {
        Some(Doc::Measure(m)) => m.body = html,
        Some(Doc::Page(p)) => p.body = html,
        None => {}
    }
    (doc, findings)
}

/// Checks across files: two files with one address, pages that take a section's name, two
/// scores for one indicator.
pub fn check(site: &Site) -> Vec<Finding> {
    let mut findings = two_scores(&site.root, &site.measures);
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for m in &site.measures {
        if let Some(first) = seen.insert(&m.slug, &m.source) {
            findings.push(
                Finding::error(
                    &m.source,
                    t!(
                        "build-same-address",
                        file = m.source.as_str(),
                        address = routes::measure(&m.slug),
                        first = first
                    ),
                )
                .help(t!("build-same-address.help")),
            );
        }
    }
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for p in &site.pages {
        if routes::is_reserved(&p.slug) {
            findings.push(
                Finding::error(
                    &p.source,
                    t!("build-reserved-address", address = p.slug.as_str()),
                )
                .help(t!(
                    "build-reserved-address.help",
                    names = routes::GENERATED.join(", ")
                )),
            );
        } else if let Some(first) = seen.insert(&p.slug, &p.source) {
            findings.push(
                Finding::error(
                    &p.source,
                    t!(
                        "build-same-address",
                        file = p.source.as_str(),
                        address = format!("{}/", p.slug),
                        first = first
                    ),
                )
                .help(t!("build-same-address.rename")),
            );
        }
    }
    findings
}

/// Measures of one fiscal year and indicator that give it different scores: the home page's
/// chart would show one and the report the other. An error at the `score:` of each measure that
/// differs from the first one scored, naming that one's file and line.
fn two_scores(root: &Path, measures: &[Arc<Measure>]) -> Vec<Finding> {
    let mut first: HashMap<(i32, u8), (&Measure, f64)> = HashMap::new();
    let mut findings = Vec::new();
    for m in measures {
        let Some(score) = m.score else { continue };
        let (f, theirs) = *first
            .entry((m.fiscal_year, m.indicator))
            .or_insert((m, score));
        // Scores are written to two decimals: 95.6 and 95.60 are one score.
        if (theirs * 100.0).round() == (score * 100.0).round() {
            continue;
        }
        // `file:line` of the first one's score.
        let there = match content::locate(root, &f.source, "score", None) {
            Some((src, off, _)) => {
                let line = crate::diag::line_col(src.inner(), off).0;
                format!("{}:{line}", f.source)
            }
            None => f.source.clone(),
        };
        let msg = t!(
            "build-two-scores",
            indicator = m.indicator,
            year = m.fiscal_year,
            score = format!("{score:.2}"),
            theirs = format!("{theirs:.2}"),
            there = there
        );
        let finding = match content::locate(root, &m.source, "score", None) {
            Some((src, off, len)) => Finding::at(&src, off, len, msg),
            None => Finding::error(&m.source, msg),
        };
        findings.push(finding.help(t!("build-two-scores.help")));
    }
    findings
}

/// Largest file a site's `static/` folder may hold, like an attachment: every build reads it.
const MAX_STATIC_BYTES: u64 = measure::MAX_ATTACHMENT_BYTES;

/// Largest the whole `static/` folder may be: a build holds it in memory.
const MAX_STATIC_TOTAL: u64 = 256 << 20;

/// The files of the site's own `static/` folder (each through the gate, the whole within
/// [`MAX_STATIC_TOTAL`]), as outputs under `static/`.
fn own_static(root: &Path) -> (Vec<Output>, Vec<Finding>) {
    let (mut outputs, mut findings) = (Vec::new(), Vec::new());
    let dir = root.join("static");
    if !dir.is_dir() {
        return (outputs, findings);
    }
    let mut total = 0;
    let entries = walkdir::WalkDir::new(&dir).sort_by_file_name().into_iter();
    // Links and pipes too: the gate says why they are not read.
    for entry in entries.flatten().filter(|e| !e.file_type().is_dir()) {
        let rel = crate::diag::display_path(&dir, entry.path());
        match content::read_checked(entry.path(), &dir, MAX_STATIC_BYTES) {
            Ok(bytes) if total + bytes.len() as u64 > MAX_STATIC_TOTAL => {
                findings.push(
                    Finding::error(
                        "static",
                        t!("build-static-too-big", size = content::mb(MAX_STATIC_TOTAL)),
                    )
                    .help(t!("build-static-too-big.help")),
                );
                break;
            }
            Ok(bytes) => {
                total += bytes.len() as u64;
                outputs.push(Output {
                    path: format!("static/{rel}"),
                    bytes,
                });
            }
            Err(r) => findings.push(r.finding(&format!("static/{rel}"))),
        }
    }
    (outputs, findings)
}

/// The files of the site besides its pages, the open data and the OIT exports: theme and site static
/// files (the site's own win), attachments and the marker. Read from disk on every build.
fn other_files(site: &Site) -> Result<Vec<Output>, Vec<Finding>> {
    let mut outputs: Vec<Output> = theme::STATIC
        .iter()
        .map(|(name, bytes)| Output {
            path: format!("{}/{name}", routes::STATIC),
            bytes: bytes.to_vec(),
        })
        .collect();
    let (own, mut findings) = own_static(&site.root);
    for o in own {
        outputs.retain(|t| t.path != o.path);
        outputs.push(o);
    }
    let attachments: BTreeSet<&str> = site
        .measures
        .iter()
        .flat_map(|m| &m.attachments)
        .chain(site.pages.iter().flat_map(|p| &p.attachments))
        .map(|a| a.path.as_str())
        .chain(
            site.checklists
                .iter()
                .flat_map(|c| c.files.iter().map(String::as_str)),
        )
        .collect();
    for path in attachments {
        // Checked when the site was loaded; checked again as it is read (it may have changed).
        let content = site.root.join("content");
        match content::read_checked(&content.join(path), &content, measure::MAX_ATTACHMENT_BYTES) {
            Ok(bytes) => outputs.push(Output {
                path: path.to_string(),
                bytes,
            }),
            Err(r) => findings.push(r.finding(&format!("content/{path}"))),
        }
    }
    let logo = site.config.logo.as_ref().and_then(|l| {
        let path = format!("{}/{}", routes::STATIC, l.trim_start_matches('/'));
        outputs.iter().find(|o| o.path == path)
    });
    outputs.push(Output {
        path: routes::FAVICON.to_string(),
        bytes: theme::favicon(logo.map(|o| o.bytes.as_slice())),
    });
    outputs.push(output::marker());
    if findings.is_empty() {
        Ok(outputs)
    } else {
        Err(findings)
    }
}

/// Stops a command before it starts when `root` holds no site.yaml. Something of that name that
/// is not a file passes: [`Config::load`] then says what is wrong with it.
pub fn require_site(root: &Path) -> io::Result<()> {
    if root.join("site.yaml").exists() {
        return Ok(());
    }
    let why = if root == Path::new(".") || root.as_os_str().is_empty() {
        t!("build-no-site-yaml-here")
    } else {
        t!("build-no-site-yaml-in", folder = root.display().to_string())
    };
    Err(io::Error::new(io::ErrorKind::NotFound, why))
}

/// What `prongsai check` reports for the site in `root`, sorted: every finding of [`load`], then
/// the OIT checklist's per-item findings (`strict` makes stale evidence an error). Writes nothing.
pub fn check_folder(root: &Path, strict: bool) -> Findings {
    let (site, mut findings) = load(root, None);
    if let Some(site) = &site
        && let Some(list) = site.checklist(site.current_year())
    {
        findings.extend(oit::report(list, root, strict));
    }
    // The site's templates and static files are read as the build would, without rendering.
    if let Some(site) = &site {
        findings.extend(Renderer::new(root, &site.config).err().unwrap_or_default());
    }
    findings.extend(own_static(root).1);
    findings.sort();
    findings
}

impl Report {
    /// The line `build` ends with: what it built into `out`, or that `out` was left as it was.
    pub fn summary(&self, out: &Path) -> String {
        let (errors, warnings) = (self.findings.errors(), self.findings.warnings());
        let shown = out.display().to_string();
        let Some(w) = self.written else {
            if let Some(parked) = output::stranded(out) {
                return t!(
                    "build-failed-stranded",
                    errors = errors,
                    warnings = warnings,
                    out = shown,
                    parked = parked.display().to_string()
                );
            }
            return t!(
                "build-failed",
                errors = errors,
                warnings = warnings,
                out = shown
            );
        };
        let seconds = format!("{:.2}", self.seconds);
        if self.search_seconds > 0.0 {
            return t!(
                "build-built-search",
                measures = self.measures,
                pages = self.pages,
                out = shown,
                seconds = seconds,
                search = format!("{:.2}", self.search_seconds),
                files = w.files,
                written = w.written,
                removed = w.removed,
                warnings = warnings
            );
        }
        t!(
            "build-built",
            measures = self.measures,
            pages = self.pages,
            out = shown,
            seconds = seconds,
            files = w.files,
            written = w.written,
            removed = w.removed,
            warnings = warnings
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A rebuild with a cache parses only the files whose bytes changed, and renders what a build
    // without a cache renders.
    #[test]
    fn cached_rebuild_parses_only_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        let opts = Options {
            root: dir.path().to_path_buf(),
            out: None,
            base_url: None,
            search: false,
        };
        let mut cache = Cache::default();
        let fresh = |cache: &mut Cache| compile(&opts, cache).outputs.unwrap();
        fresh(&mut cache);
        assert_eq!(cache.parsed(), 3);
        fresh(&mut cache);
        assert_eq!(cache.parsed(), 0);
        let measure = dir.path().join("content/measures/eit-1.md");
        let text = std::fs::read_to_string(&measure).unwrap();
        std::fs::write(&measure, text.replace("score: 80", "score: 70")).unwrap();
        cache.changed([&measure]);
        let cached = fresh(&mut cache);
        assert_eq!(cache.parsed(), 1);
        assert_eq!(cached, fresh(&mut Cache::default()));
        let config = dir.path().join("site.yaml");
        let text = std::fs::read_to_string(&config).unwrap();
        std::fs::write(&config, text.replace("digits: thai", "digits: arabic")).unwrap();
        let cached = fresh(&mut cache);
        assert_eq!(cache.parsed(), 3, "a config change parses everything");
        assert_eq!(cached, fresh(&mut Cache::default()));
    }
    // Two measures of one fiscal year and indicator must agree on its score (to two decimals);
    // the second that differs is an error naming the first. Other years and indicators are apart.
    #[test]
    fn two_scores_for_one_indicator_contradict_each_other() {
        let measure = |source: &str, year, indicator, score| {
            let mut m = Measure::sample(indicator, score);
            m.source = source.into();
            m.fiscal_year = year;
            Arc::new(m)
        };
        let agree = [
            measure("a.md", 2566, 4, 95.6),
            measure("b.md", 2566, 4, 95.60),
            measure("c.md", 2567, 4, 80.0),
            measure("d.md", 2566, 5, 80.0),
        ];
        let nowhere = Path::new("/nonexistent");
        assert!(two_scores(nowhere, &agree).is_empty());
        let found = two_scores(
            nowhere,
            &[
                agree[0].clone(),
                measure("e.md", 2566, 4, 80.0),
                measure("f.md", 2566, 4, 95.6),
            ],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].file, "e.md");
        assert!(
            found[0].message.ends_with(
                "indicator 4 of fiscal year 2566 has two scores: 80.00 here, 95.60 in a.md"
            ),
            "{}",
            found[0].message
        );
    }

    // Without site.yaml a command cannot run, and the message says where it looked and what to do.
    #[test]
    fn a_folder_without_site_yaml_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let err = require_site(dir.path()).unwrap_err().to_string();
        assert!(err.starts_with("no site.yaml in "), "{err}");
        assert!(
            err.ends_with("; run in a site folder or pass --root DIR"),
            "{err}"
        );
        std::fs::write(dir.path().join("site.yaml"), "name: x\n").unwrap();
        assert!(require_site(dir.path()).is_ok());
    }

    // The build's last line names what was built and written, and warnings only when there are some.
    #[test]
    fn build_summary_reads_as_one_line() {
        let mut report = Report {
            written: Some(WriteStats {
                files: 9,
                written: 3,
                removed: 1,
            }),
            measures: 2,
            pages: 1,
            seconds: 0.5,
            ..Report::default()
        };
        let out = Path::new("public");
        assert_eq!(
            report.summary(out),
            "built 2 measures and 1 pages into public in 0.50 s (9 files, 3 written, 1 removed)"
        );
        report
            .findings
            .push(Finding::error("a.md", "odd").warning());
        report.search_seconds = 0.25;
        assert_eq!(
            report.summary(out),
            "built 2 measures and 1 pages into public in 0.50 s, search index 0.25 s of it (9 files, 3 written, 1 removed, 1 warning)"
        );
        report.written = None;
        report.findings.push(Finding::error("a.md", "wrong"));
        assert_eq!(
            report.summary(out),
            "build failed: 1 error, 1 warning; public was left as it was"
        );
    }

    // In Thai too, warnings are counted only when there are some (Thai has no plural forms, so
    // `[0]` must come before `*[other]`, which every number matches).
    #[test]
    fn thai_build_summary_names_warnings_only_when_there_are_some() {
        use crate::i18n::{Lang, text_in};
        let failed = |warnings: usize| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("errors", 1);
            args.set("warnings", warnings);
            args.set("out", "public");
            text_in(Lang::Th, "build-failed", Some(&args))
        };
        assert_eq!(
            failed(0),
            "สร้างเว็บไซต์ไม่สำเร็จ: ข้อผิดพลาด 1 รายการ public ยังเป็นเว็บไซต์เดิม ไม่ได้เปลี่ยน"
        );
        assert_eq!(
            failed(2),
            "สร้างเว็บไซต์ไม่สำเร็จ: ข้อผิดพลาด 1 รายการ คำเตือน 2 รายการ public ยังเป็นเว็บไซต์เดิม ไม่ได้เปลี่ยน"
        );
    }
}
