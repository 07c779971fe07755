//! The build as a short list of named steps, and the only code that writes the output folder.
//!
//! `load` (site.yaml, content files, front matter, Markdown) -> `check` (slugs, links between
//! files, OIT evidence) -> `render::plan` (every page's context) -> render and write in one
//! parallel pass into the back buffer, each page also handed to the search indexer -> the search
//! index written into the same back buffer -> swap. Findings from every step are collected first;
//! `public/` is only touched when there is no error.
//!
//! Writing is atomic and incremental: the new site is synced into a back buffer beside the output
//! folder (`.public.prongsai` next to `public/`, which holds the build before the current one), only
//! files whose bytes differ are written, and then the two folders are swapped in one rename
//! (`renameat2(RENAME_EXCHANGE)` on Linux). A reader of `public/` sees the old site or the new one,
//! never a mix, and no build deletes and rewrites thousands of files. `build` renders each page
//! straight into the back buffer (render and write in one parallel pass), so the rendered site is
//! never in memory whole; `compile` keeps it in memory for `serve`. A lock on the output's parent
//! folder lets one build write at a time.

use std::borrow::{Borrow, Cow};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, SourceFile};
use crate::diag::{Finding, Findings};
use crate::markdown;
use crate::measure::{self, Doc, Measure, Page};
use crate::oit;
use crate::opendata;
use crate::render::{self, Output, RESERVED, Renderer};
use crate::search;
use crate::theme;

/// The loaded, validated site: configuration and every measure and page.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    /// Shared with the parse cache, so a rebuild neither copies nor compares unchanged measures.
    pub measures: Vec<Arc<Measure>>,
    pub pages: Vec<Page>,
    /// The OIT checklist of the fiscal year (None when there are no criteria for it).
    pub oit: Option<oit::Checklist>,
}

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

/// What a build did.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Findings,
    /// Set when the output was written.
    pub written: Option<WriteStats>,
    pub measures: usize,
    pub pages: usize,
    pub seconds: f64,
    /// Time the search index took (0 when skipped).
    pub search_seconds: f64,
}

/// How many files the write step touched.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    pub files: usize,
    pub written: usize,
    pub removed: usize,
}

/// Builds the site: every step, then the atomic write when nothing is in error. Pages are
/// rendered and written in one parallel pass, so the site is never held in memory whole.
pub fn build(opts: &Options) -> Report {
    let start = Instant::now();
    let (site, mut findings) = load(&opts.root, opts.base_url.as_deref());
    let mut report = Report::default();
    if let Some(site) = site.as_ref() {
        report.measures = site.measures.len();
        report.pages = site.pages.len();
    }
    if let Some(site) = site.filter(|_| !findings.has_errors()) {
        let out = opts.out_dir();
        let searched = opts.search.then_some(&mut report.search_seconds);
        match render_and_write(&site, &out, searched, &mut findings) {
            Ok(stats) => report.written = Some(stats),
            Err(Failed::Render(f)) => findings.extend(f),
            Err(Failed::Io(e)) => findings.push(write_finding(&out, &e)),
        }
    }
    findings.sort();
    report.findings = findings;
    report.seconds = start.elapsed().as_secs_f64();
    report
}

/// Why a write did not happen.
enum Failed {
    /// A template or a file of the site could not be rendered or read.
    Render(Vec<Finding>),
    Io(io::Error),
}

/// Renders every page straight into the back buffer and swaps it in when all went well. With
/// `search` (where to put the seconds spent waiting for it), each page also goes to the search
/// indexer as it is rendered, and the index is written into the back buffer before the swap;
/// warnings about it go to `findings`.
fn render_and_write(
    site: &Site,
    out: &Path,
    search: Option<&mut f64>,
    findings: &mut Findings,
) -> Result<WriteStats, Failed> {
    let renderer = Renderer::new(&site.root, &site.config).map_err(Failed::Render)?;
    let mut files = files(site).map_err(Failed::Render)?;
    files.extend(site.oit.iter().flat_map(oit::exports));
    let plan = render::plan(site, &renderer, None);
    // The open-data files (each made at its turn and dropped once written: they are tens of
    // megabytes at 10,000 measures), then the pages, then the other files. The longest to make
    // come first, so no thread is left making one while the others have nothing to do.
    let data = opendata::FILES.len();
    let paths: Vec<&str> = opendata::FILES
        .iter()
        .copied()
        .chain(plan.jobs.iter().map(|j| j.path.as_str()))
        .chain(files.iter().map(|o| o.path.as_str()))
        .collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    let clashes = check_paths(&sorted);
    if !clashes.is_empty() {
        return Err(Failed::Render(clashes));
    }
    let pages = plan.jobs.len();
    let indexer = search.is_some().then(search::Indexer::default);
    let later: Option<Later> = match (search, &indexer) {
        (Some(seconds), Some(ix)) => Some((
            search::BUNDLE,
            Box::new(move || {
                let started = Instant::now();
                let index = ix.finish().map_err(|e| vec![index_finding(&e)])?;
                *seconds = started.elapsed().as_secs_f64();
                findings.extend(index.skipped.iter().map(skipped_finding));
                Ok(index.files)
            }),
        )),
        _ => None,
    };
    write_with(
        out,
        &paths,
        |i| {
            if i < data {
                Ok(Cow::Owned(opendata::file(site, paths[i])))
            } else if i < data + pages {
                let page = plan.render(&plan.jobs[i - data])?;
                if let Some(ix) = &indexer {
                    ix.add(&page.path, &page.bytes);
                }
                Ok(Cow::Owned(page.bytes))
            } else {
                Ok(Cow::Borrowed(files[i - data - pages].bytes.as_slice()))
            }
        },
        later,
    )
}

/// The warning for a page too long for the search index.
fn skipped_finding((path, size): &(String, usize)) -> Finding {
    Finding::error(
        path,
        format!(
            "this page is too long for the search index ({:.1} MB; the limit is {} KB), so search does not find it",
            *size as f64 / 1e6,
            search::MAX_PAGE >> 10
        ),
    )
    .help("split the text into several pages, or attach the long document as a PDF")
    .warning()
}

/// The finding for a search index that could not be built.
fn index_finding(e: &str) -> Finding {
    Finding::error(
        "search index",
        format!("cannot build the search index: {e}"),
    )
    .help("build with --no-search to publish the site without search, and report this")
}

/// The site rendered in memory, before anything is written.
#[derive(Debug, Default)]
pub struct Compiled {
    /// Every output file, sorted by path; None when there was an error.
    pub outputs: Option<Vec<Arc<Output>>>,
    /// Findings of every step, sorted.
    pub findings: Findings,
    pub measures: usize,
    pub pages: usize,
}

/// Loads, checks and renders the site without writing it: what `serve` serves. With the same
/// cache, only changed files are parsed again and only pages whose inputs changed are rendered.
pub fn compile(opts: &Options, cache: &mut Cache) -> Compiled {
    let (site, mut findings) = load_cached(&opts.root, opts.base_url.as_deref(), cache);
    let mut compiled = Compiled::default();
    if let Some(site) = &site {
        compiled.measures = site.measures.len();
        compiled.pages = site.pages.len();
    }
    compiled.outputs = site
        .as_ref()
        .filter(|_| !findings.has_errors())
        .and_then(|site| match render(site, &mut cache.memo) {
            Ok(mut o) if opts.search => match index(&mut o) {
                Ok(warnings) => {
                    findings.extend(warnings);
                    Some(o)
                }
                Err(f) => {
                    findings.push(f);
                    None
                }
            },
            Ok(o) => Some(o),
            Err(f) => {
                findings.extend(f);
                None
            }
        })
        .filter(|_| !findings.has_errors());
    findings.sort();
    compiled.findings = findings;
    compiled
}

/// The finding for an output folder that could not be written.
pub fn write_finding(out: &Path, e: &io::Error) -> Finding {
    Finding::error(out.display().to_string(), format!("cannot write the site: {e}"))
        .help("check that the folder is writable and the disk is not full; the previous site is left as it was")
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
    /// The last render's inputs and pages.
    memo: render::Memo,
}

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
        self.docs.clear();
        self.memo = render::Memo::default();
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
    let mut config = match Config::load(root) {
        Ok(c) => c,
        Err(f) => {
            findings.extend(f);
            return (None, findings);
        }
    };
    if let Some(url) = base_url {
        config.base_url = if url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        };
    }
    if let Some(cache) = cache.as_deref_mut() {
        let key = serde_json::to_string(&config).unwrap_or_default();
        if cache.config != key {
            cache.clear();
            cache.config = key;
        }
    }
    let (files, found) = content::discover(root);
    findings.extend(found);
    let known = cache.as_deref();
    let parsed: Vec<(&PathBuf, Option<Cached>)> = files
        .par_iter()
        .map(|(path, kind)| {
            // A file that could not be read is read again, so its finding says why.
            if let Some(cache) = known
                && !cache.changed.contains(path)
                && cache.docs.get(path).is_some_and(|c| c.read)
            {
                return (path, None);
            }
            let (read, (doc, findings)) = match content::read(root, path, *kind) {
                Ok(file) => (true, load_doc(&file, &config, root)),
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
        .collect();
    let mut site = Site {
        root: root.to_path_buf(),
        config,
        measures: Vec::new(),
        pages: Vec::new(),
        oit: None,
    };
    match cache {
        // Without a cache the parses move into the site.
        None => {
            for (_, fresh) in parsed {
                let Some(c) = fresh else { continue };
                findings.extend(c.findings);
                match c.doc {
                    Some(Parsed::Measure(m)) => site.measures.push(m),
                    Some(Parsed::Page(p)) => site.pages.push(p),
                    None => {}
                }
            }
        }
        Some(cache) => {
            let mut docs = HashMap::with_capacity(parsed.len());
            cache.parsed = parsed.iter().filter(|(_, fresh)| fresh.is_some()).count();
            for (path, fresh) in parsed {
                let Some(c) = fresh.or_else(|| cache.docs.remove(path)) else {
                    continue;
                };
                findings.extend(c.findings.iter().cloned());
                match &c.doc {
                    Some(Parsed::Measure(m)) => site.measures.push(m.clone()),
                    Some(Parsed::Page(p)) => site.pages.push(p.clone()),
                    None => {}
                }
                docs.insert(path.clone(), c);
            }
            // Files that are gone leave the cache with this swap.
            cache.docs = docs;
            cache.changed.clear();
        }
    }
    findings.extend(check(&site));
    let (list, found) = oit::check(root, &site.config, &site.measures, &site.pages);
    site.oit = list;
    findings.extend(found);
    (Some(site), findings)
}

/// Parses one file and renders its Markdown body.
fn load_doc(file: &SourceFile, config: &Config, root: &Path) -> (Option<Doc>, Vec<Finding>) {
    let (mut doc, mut findings) = measure::parse(file, config, root);
    let depth_root = if file.kind == content::Kind::Measure {
        "../../"
    } else {
        "../"
    };
    let settings = markdown::Settings {
        root: depth_root,
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

/// Checks across files: two files with one address, pages that take a section's name.
pub fn check(site: &Site) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for m in &site.measures {
        if let Some(first) = seen.insert(&m.slug, &m.source) {
            findings.push(
                Finding::error(&m.source, format!("`{}` gives the same web address (measures/{}/) as `{first}`", m.source, m.slug))
                    .help("rename one of the two files: addresses come from file names, ignoring case, spaces and punctuation"),
            );
        }
    }
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for p in &site.pages {
        if RESERVED.contains(&p.slug.as_str()) {
            findings.push(
                Finding::error(
                    &p.source,
                    format!("the page address `{}/` is used by the site itself", p.slug),
                )
                .help(format!(
                    "rename the file; these names are taken: {}",
                    RESERVED.join(", ")
                )),
            );
        } else if let Some(first) = seen.insert(&p.slug, &p.source) {
            findings.push(
                Finding::error(
                    &p.source,
                    format!(
                        "`{}` gives the same web address ({}/) as `{first}`",
                        p.source, p.slug
                    ),
                )
                .help("rename one of the two files"),
            );
        }
    }
    findings
}

/// Every output file of the site, sorted by path: rendered pages (re-rendered only where their
/// inputs differ from `memo`'s), theme and site static files, attachments, exports.
pub fn render(site: &Site, memo: &mut render::Memo) -> Result<Vec<Arc<Output>>, Vec<Finding>> {
    let renderer = Renderer::new(&site.root, &site.config)?;
    let mut files = files(site)?;
    files.extend(opendata::render(site, Some(&mut memo.opendata)));
    let plan = render::plan(site, &renderer, Some(memo));
    let mut outputs = plan.render_with(memo)?;
    outputs.extend(files.into_iter().map(Arc::new));
    outputs.extend(memo.oit_exports());
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    let paths: Vec<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let clashes = check_paths(&paths);
    if !clashes.is_empty() {
        return Err(clashes);
    }
    Ok(outputs)
}

/// The files of the site besides its pages, the open data and the OIT exports: theme and site static
/// files (the site's own win), attachments and the marker. Read from disk on every build.
fn files(site: &Site) -> Result<Vec<Output>, Vec<Finding>> {
    let mut outputs: Vec<Output> = theme::STATIC
        .iter()
        .map(|(name, bytes)| Output {
            path: format!("static/{name}"),
            bytes: bytes.to_vec(),
        })
        .collect();
    let mut findings = Vec::new();
    let own_static = site.root.join("static");
    if own_static.is_dir() {
        for entry in walkdir::WalkDir::new(&own_static)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if entry.file_type().is_file() {
                let rel = crate::diag::display_path(&own_static, entry.path());
                match std::fs::read(entry.path()) {
                    Ok(bytes) => {
                        outputs.retain(|o| o.path != format!("static/{rel}"));
                        outputs.push(Output {
                            path: format!("static/{rel}"),
                            bytes,
                        });
                    }
                    Err(e) => findings.push(Finding::error(
                        format!("static/{rel}"),
                        format!("cannot read: {e}"),
                    )),
                }
            }
        }
    }
    let attachments: BTreeSet<&str> = site
        .measures
        .iter()
        .flat_map(|m| &m.attachments)
        .chain(site.pages.iter().flat_map(|p| &p.attachments))
        .map(|a| a.path.as_str())
        .chain(
            site.oit
                .iter()
                .flat_map(|c| c.files.iter().map(String::as_str)),
        )
        .collect();
    for path in attachments {
        match std::fs::read(site.root.join("content").join(path)) {
            Ok(bytes) => outputs.push(Output {
                path: path.to_string(),
                bytes,
            }),
            Err(e) => findings.push(Finding::error(
                format!("content/{path}"),
                format!("cannot read attachment: {e}"),
            )),
        }
    }
    outputs.push(Output {
        path: MARKER.into(),
        bytes: MARKER_TEXT.as_bytes().to_vec(),
    });
    if findings.is_empty() {
        Ok(outputs)
    } else {
        Err(findings)
    }
}

/// Adds the search index of the rendered pages to them (what `serve` serves with `--search`).
pub fn index(outputs: &mut Vec<Arc<Output>>) -> Result<Vec<Finding>, Finding> {
    let index = search::index(outputs).map_err(|e| index_finding(&e))?;
    outputs.extend(index.files.into_iter().map(Arc::new));
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(index.skipped.iter().map(skipped_finding).collect())
}

/// A file in every output folder, so prongsai never replaces a folder it did not make.
pub const MARKER: &str = ".prongsai-build";
const MARKER_TEXT: &str =
    "This folder is written by prongsai; every build replaces its contents.\n";

/// The back buffer beside `out`: `.NAME.prongsai`.
pub fn back_buffer(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.prongsai"))
}

/// Writes `outputs` as the whole content of `out`, atomically (see the module docs).
pub fn write<O: Borrow<Output> + Sync>(out: &Path, outputs: &[O]) -> io::Result<WriteStats> {
    let paths: Vec<&str> = outputs.iter().map(|o| o.borrow().path.as_str()).collect();
    write_with(
        out,
        &paths,
        |i| Ok(Cow::Borrowed(outputs[i].borrow().bytes.as_slice())),
        None,
    )
    .map_err(|e| match e {
        Failed::Io(e) => e,
        Failed::Render(f) => io::Error::other(f[0].message.clone()),
    })
}

/// `write` by a caller that knows what the back buffer holds because it wrote it (serve): only
/// the files that differ from `back` are written and only the ones gone from `outputs` removed,
/// without reading the folder; then the same swap. Without `back`, a full `write`.
pub fn write_over(
    out: &Path,
    outputs: &[Arc<Output>],
    back: Option<&[Arc<Output>]>,
) -> io::Result<WriteStats> {
    let Some(back) = back
        .filter(|_| is_ours(out).unwrap_or(false) && is_ours(&back_buffer(out)).unwrap_or(false))
    else {
        return write(out, outputs);
    };
    let (stage, _lock) = prepare(out)?;
    let old: HashMap<&str, &Arc<Output>> = back.iter().map(|o| (o.path.as_str(), o)).collect();
    let written: usize = outputs
        .par_iter()
        .filter(|o| {
            !old.get(o.path.as_str())
                .is_some_and(|b| Arc::ptr_eq(b, o) || b.bytes == o.bytes)
        })
        .map(|o| write_file(&stage.join(&o.path), &o.bytes).map(|()| 1))
        .sum::<io::Result<usize>>()?;
    let new: HashSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let mut removed = 0;
    for gone in back.iter().filter(|o| !new.contains(o.path.as_str())) {
        let path = stage.join(&gone.path);
        match std::fs::remove_file(&path) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        // Folders left empty, up to the back buffer itself.
        for dir in path.ancestors().skip(1).take_while(|d| *d != stage) {
            if std::fs::remove_dir(dir).is_err() {
                break;
            }
        }
    }
    exchange(&stage, out)?;
    Ok(WriteStats {
        files: outputs.len(),
        written,
        removed,
    })
}

/// Writes one file, making its folder, or replacing a folder of that name (a page became a file).
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match std::fs::write(path, bytes) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, bytes)
        }
        Err(e) if path.is_dir() => {
            drop(e);
            std::fs::remove_dir_all(path)?;
            std::fs::write(path, bytes)
        }
        Err(e) => Err(e),
    }
}

/// Writes the files `paths` as the whole content of `out`, atomically: `bytes(i)` makes file
/// `i` when it is its turn (on any thread), so the files need not all be in memory at once.
/// When a file cannot be made, the back buffer is left half synced and `out` is not touched.
fn write_with<'a, F>(
    out: &Path,
    paths: &[&str],
    bytes: F,
    later: Option<Later>,
) -> Result<WriteStats, Failed>
where
    F: Fn(usize) -> Result<Cow<'a, [u8]>, Finding> + Sync,
{
    let (stage, _lock) = prepare(out).map_err(Failed::Io)?;
    let stats = match sync(&stage, paths, bytes, later) {
        Ok(s) => s,
        Err(Failed::Io(e)) => {
            // A half-written back buffer on a full disk would keep it full: free the space (the
            // next build writes a whole new one).
            if e.kind() == io::ErrorKind::StorageFull || e.kind() == io::ErrorKind::QuotaExceeded {
                let _ = std::fs::remove_dir_all(&stage);
            }
            return Err(Failed::Io(e));
        }
        Err(e) => return Err(e),
    };
    let swapped = if out.exists() {
        exchange(&stage, out)
    } else {
        std::fs::rename(&stage, out)
    };
    swapped.map_err(Failed::Io)?;
    Ok(stats)
}

/// Makes ready to write into `out`: refuses an output that is a file or a folder prongsai did not
/// make, takes the write lock, and makes the back buffer with its marker. Returns the back buffer
/// and the lock, held until dropped.
fn prepare(out: &Path) -> io::Result<(PathBuf, Option<std::fs::File>)> {
    let stage = back_buffer(out);
    for dir in [out, stage.as_path()] {
        if dir.exists() && !dir.is_dir() {
            return Err(io::Error::other(format!(
                "{} is a file, not a folder; move it away or choose another output folder (--out)",
                dir.display()
            )));
        }
        if dir.exists() && !is_ours(dir)? {
            return Err(io::Error::other(format!(
                "{} exists and was not made by prongsai; move it away or choose another output folder (--out)",
                dir.display()
            )));
        }
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    // One writer at a time (a build while the preview server rebuilds): two syncing one back
    // buffer would swap in a mix of both.
    let lock = lock(parent)?;
    std::fs::create_dir_all(&stage)?;
    // The marker goes in first, so a build killed while filling a new back buffer leaves a folder
    // the next build recognises as its own and finishes.
    if !stage.join(MARKER).is_file() {
        std::fs::write(stage.join(MARKER), MARKER_TEXT)?;
    }
    Ok((stage, lock))
}

/// Findings for output paths that would leave the output folder or that two outputs share (they
/// would race in the parallel write). `paths` must be sorted.
fn check_paths(paths: &[&str]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for p in paths {
        let inside = Path::new(p)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !inside || p.is_empty() {
            findings.push(Finding::error(
                *p,
                "this output would be written outside the site folder",
            ));
        }
    }
    for pair in paths.windows(2).filter(|p| p[0] == p[1]) {
        findings.push(
            Finding::error(pair[0], "two files of the site would be written to this address")
                .help("an attachment, a page or a unit name takes an address the site already uses: rename one"),
        );
    }
    findings
}

/// Holds an exclusive lock on the folder `dir` until dropped, waiting for any other holder; the
/// kernel releases it when a holder dies, so a killed build never leaves it locked.
/// (Linux only; elsewhere builds into one folder must not overlap.)
fn lock(dir: &Path) -> io::Result<Option<std::fs::File>> {
    #[cfg(target_os = "linux")]
    {
        let file = std::fs::File::open(dir)?;
        rustix::fs::flock(&file, rustix::fs::FlockOperation::LockExclusive)?;
        Ok(Some(file))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = dir;
        Ok(None)
    }
}

fn is_ours(dir: &Path) -> io::Result<bool> {
    Ok(dir.join(MARKER).is_file() || std::fs::read_dir(dir)?.next().is_none())
}

/// Files made after all the others, under one folder: the folder (e.g. `search-index/`) and what makes
/// them. `sync` leaves that folder's files alone until they are made, then syncs it too.
type Later<'a> = (
    &'a str,
    Box<dyn FnOnce() -> Result<Vec<Output>, Vec<Finding>> + 'a>,
);

/// Makes the folder `dir` hold exactly the files `paths` (and those of `later`), writing only
/// files whose bytes differ.
fn sync<'a, F>(
    dir: &Path,
    paths: &[&str],
    bytes: F,
    later: Option<Later>,
) -> Result<WriteStats, Failed>
where
    F: Fn(usize) -> Result<Cow<'a, [u8]>, Finding> + Sync,
{
    let wanted: HashSet<&str> = paths.iter().copied().collect();
    let later_dir = later.as_ref().map(|(d, _)| format!("{d}/"));
    let is_later = |rel: &str| later_dir.as_deref().is_some_and(|d| rel.starts_with(d));
    let mut found = Listing::default();
    list(dir, "", &mut found).map_err(Failed::Io)?;
    let mut stale: Vec<&PathBuf> = found
        .files
        .iter()
        .filter(|(rel, _)| !wanted.contains(rel.as_str()) && !is_later(rel))
        .map(|(_, path)| path)
        .collect();
    for path in &stale {
        std::fs::remove_file(path).map_err(Failed::Io)?;
    }
    // Into an empty folder (but for the marker `prepare` puts first) every file is new: there is
    // no file to compare with, and each file makes its own folder as it comes, so the 10,000
    // folders of measures are made on every thread, not one. The folders holding folders are
    // made first, in one go.
    let empty = found.files.iter().all(|(rel, _)| rel == MARKER);
    if empty {
        // `a/b/index.html` -> `a`: the folder of a file's folder.
        let upper: BTreeSet<&str> = paths
            .iter()
            .filter_map(|p| p.rsplit_once('/')?.0.rsplit_once('/'))
            .map(|(up, _)| up)
            .collect();
        for folder in upper {
            std::fs::create_dir_all(dir.join(folder)).map_err(Failed::Io)?;
        }
    }
    let put = |path: &Path, new: &[u8]| -> io::Result<usize> {
        if !empty && std::fs::read(path).is_ok_and(|old| old == new) {
            return Ok(0);
        }
        write_file(path, new)?;
        Ok(1)
    };
    let findings = Mutex::new(Vec::<Finding>::new());
    let mut written: usize = (0..paths.len())
        .into_par_iter()
        .map(|i| -> io::Result<usize> {
            match bytes(i) {
                Ok(new) => {
                    let path = dir.join(paths[i]);
                    if empty && paths[i].contains('/') {
                        match std::fs::create_dir(path.parent().unwrap_or(dir)) {
                            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
                            _ => {}
                        }
                    }
                    put(&path, &new)
                }
                Err(f) => {
                    let mut findings = findings.lock().unwrap_or_else(|e| e.into_inner());
                    if !findings.iter().any(|g| g.message == f.message) {
                        findings.push(f);
                    }
                    Ok(0)
                }
            }
        })
        .sum::<io::Result<usize>>()
        .map_err(Failed::Io)?;
    let findings = findings.into_inner().unwrap_or_else(|e| e.into_inner());
    if !findings.is_empty() {
        return Err(Failed::Render(findings));
    }
    let mut files = paths.len();
    if let Some((_, make)) = later {
        let made = make().map_err(Failed::Render)?;
        written += made
            .par_iter()
            .map(|o| put(&dir.join(&o.path), &o.bytes))
            .sum::<io::Result<usize>>()
            .map_err(Failed::Io)?;
        let made: HashSet<&str> = made.iter().map(|o| o.path.as_str()).collect();
        let gone = found
            .files
            .iter()
            .filter(|(rel, _)| is_later(rel) && !made.contains(rel.as_str()))
            .map(|(_, path)| path);
        for path in gone {
            std::fs::remove_file(path).map_err(Failed::Io)?;
            stale.push(path);
        }
        files += made.len();
    }
    // Folders left empty by removed pages, deepest first.
    let mut dirs: Vec<&Path> = stale
        .iter()
        .flat_map(|p| p.ancestors().skip(1).take_while(|d| *d != dir))
        .chain(found.empty_dirs.iter().map(PathBuf::as_path))
        .collect();
    dirs.sort_by(|a, b| (b.components().count(), a).cmp(&(a.components().count(), b)));
    dirs.dedup();
    for d in dirs {
        let _ = std::fs::remove_dir(d);
    }
    Ok(WriteStats {
        files,
        written,
        removed: stale.len(),
    })
}

/// The files and folders under a folder.
#[derive(Default)]
struct Listing {
    /// Path relative to the folder listed (`/`-separated), and the path itself.
    files: Vec<(String, PathBuf)>,
    /// Folders that hold nothing.
    empty_dirs: Vec<PathBuf>,
}

/// Lists `dir` (whose path relative to the listed folder is `rel`) into `out`, sub-folders in
/// parallel: a site has a folder per page.
fn list(dir: &Path, rel: &str, out: &mut Listing) -> io::Result<()> {
    let mut subdirs = Vec::new();
    let mut entries = 0;
    for entry in std::fs::read_dir(dir)? {
        entries += 1;
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let child = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if entry.file_type()?.is_dir() {
            subdirs.push((entry.path(), child));
        } else {
            out.files.push((child, entry.path()));
        }
    }
    if entries == 0 && !rel.is_empty() {
        out.empty_dirs.push(dir.to_path_buf());
    }
    let listed: Vec<io::Result<Listing>> = subdirs
        .par_iter()
        .map(|(path, child)| {
            let mut sub = Listing::default();
            list(path, child, &mut sub)?;
            Ok(sub)
        })
        .collect();
    for sub in listed {
        let sub = sub?;
        out.files.extend(sub.files);
        out.empty_dirs.extend(sub.empty_dirs);
    }
    Ok(())
}

/// Swaps the contents of two folder names in one step where the OS allows it.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    // Fallback (other systems, file systems without exchange): three renames, a brief gap.
    let tmp = a.with_extension("swap");
    std::fs::rename(b, &tmp)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&tmp, a)
}

/// Stops a command before it starts when `root` holds no site.yaml. Something of that name that
/// is not a file passes: [`Config::load`] then says what is wrong with it.
pub fn require_site(root: &Path) -> io::Result<()> {
    if root.join("site.yaml").exists() {
        return Ok(());
    }
    let place = if root == Path::new(".") || root.as_os_str().is_empty() {
        "here".to_string()
    } else {
        format!("in {}", root.display())
    };
    Err(io::Error::new(
        io::ErrorKind::NotFound,
        format!("no site.yaml {place}; run in a site folder or pass --root DIR"),
    ))
}

/// What `prongsai check` reports for the site in `root`, sorted: every finding of [`load`], then
/// the OIT checklist's per-item findings (`strict` makes stale evidence an error). Writes nothing.
pub fn check_folder(root: &Path, strict: bool) -> Findings {
    let (site, mut findings) = load(root, None);
    if let Some(site) = &site
        && let Some(list) = &site.oit
    {
        findings.extend(oit::report(list, root, strict, site.config.thai_digits()));
    }
    findings.sort();
    findings
}

impl Report {
    /// The line `build` ends with: what it built into `out`, or that `out` was left as it was.
    pub fn summary(&self, out: &Path) -> String {
        let warnings = match self.findings.warnings() {
            0 => String::new(),
            n => format!(", {n} warning(s)"),
        };
        let Some(w) = self.written else {
            return format!(
                "build failed: {} error(s){warnings}; {} was left as it was",
                self.findings.errors(),
                out.display()
            );
        };
        let search = if self.search_seconds > 0.0 {
            format!(", search index {:.2} s of it", self.search_seconds)
        } else {
            String::new()
        };
        format!(
            "built {} measures and {} pages into {} in {:.2} s{search} ({} files, {} written, {} removed{warnings})",
            self.measures,
            self.pages,
            out.display(),
            self.seconds,
            w.files,
            w.written,
            w.removed,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(path: &str, text: &str) -> Output {
        Output {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn marker() -> Output {
        out(MARKER, MARKER_TEXT)
    }

    // A second build with the same outputs writes nothing and the folder holds exactly them.
    #[test]
    fn unchanged_rebuild_writes_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let outputs = vec![marker(), out("index.html", "a"), out("m/x/index.html", "b")];
        write(&public, &outputs).unwrap();
        write(&public, &outputs).unwrap(); // fills the back buffer
        let stats = write(&public, &outputs).unwrap();
        assert_eq!(stats.written, 0);
        assert_eq!(
            std::fs::read_to_string(public.join("m/x/index.html")).unwrap(),
            "b"
        );
    }

    // Removed pages disappear from the output, with their folders.
    #[test]
    fn removed_outputs_are_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        write(
            &public,
            &[marker(), out("index.html", "a"), out("m/x/index.html", "b")],
        )
        .unwrap();
        write(
            &public,
            &[marker(), out("index.html", "a"), out("m/x/index.html", "b")],
        )
        .unwrap();
        write(&public, &[marker(), out("index.html", "a2")]).unwrap();
        assert!(!public.join("m/x").exists());
        assert_eq!(
            std::fs::read_to_string(public.join("index.html")).unwrap(),
            "a2"
        );
    }

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

    // A first build killed while filling the back buffer leaves one the next build accepts.
    #[test]
    fn killed_first_build_is_finished_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let stage = back_buffer(&public);
        std::fs::create_dir_all(stage.join("m")).unwrap();
        std::fs::write(stage.join(MARKER), MARKER_TEXT).unwrap();
        std::fs::write(stage.join("m/half.html"), "half").unwrap();
        write(&public, &[marker(), out("index.html", "a")]).unwrap();
        assert!(!public.join("m/half.html").exists());
        assert_eq!(
            std::fs::read_to_string(public.join("index.html")).unwrap(),
            "a"
        );
    }

    // An output path that is a file is an error, and the file is kept.
    #[test]
    fn output_that_is_a_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        std::fs::write(&public, "keep").unwrap();
        let err = write(&public, &[marker()]).unwrap_err();
        assert!(err.to_string().contains("is a file, not a folder"), "{err}");
        assert_eq!(std::fs::read_to_string(&public).unwrap(), "keep");
    }

    // A write over a back buffer whose content the caller knows (serve) writes only the files
    // that differ from it, and leaves the folder a full write would.
    #[test]
    fn write_over_a_known_back_buffer_writes_only_differences() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let arcs = |o: Vec<Output>| o.into_iter().map(Arc::new).collect::<Vec<_>>();
        let first = arcs(vec![
            marker(),
            out("index.html", "a"),
            out("m/x/index.html", "b"),
        ]);
        let second = arcs(vec![
            marker(),
            out("index.html", "a2"),
            out("m/y/index.html", "c"),
        ]);
        write_over(&public, &first, None).unwrap();
        write_over(&public, &second, None).unwrap(); // the back buffer now holds `first`
        let third = arcs(vec![
            marker(),
            out("index.html", "a3"),
            out("m/x/index.html", "b"),
        ]);
        let stats = write_over(&public, &third, Some(&first)).unwrap();
        assert_eq!(
            stats.written, 1,
            "only index.html differs from the back buffer"
        );
        let tree: Vec<(String, String)> = walkdir::WalkDir::new(&public)
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = crate::diag::display_path(&public, e.path());
                (rel, std::fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        let want: Vec<(String, String)> = [
            (MARKER, MARKER_TEXT),
            ("index.html", "a3"),
            ("m/x/index.html", "b"),
        ]
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
        assert_eq!(tree, want);
        assert!(!public.join("m/y").exists());
    }

    // A folder prongsai did not make is never replaced.
    #[test]
    fn foreign_output_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("docs");
        std::fs::create_dir(&public).unwrap();
        std::fs::write(public.join("letter.txt"), "keep me").unwrap();
        assert!(write(&public, &[marker(), out("index.html", "a")]).is_err());
        assert_eq!(
            std::fs::read_to_string(public.join("letter.txt")).unwrap(),
            "keep me"
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
            "built 2 measures and 1 pages into public in 0.50 s, search index 0.25 s of it (9 files, 3 written, 1 removed, 1 warning(s))"
        );
        report.written = None;
        report.findings.push(Finding::error("a.md", "wrong"));
        assert_eq!(
            report.summary(out),
            "build failed: 1 error(s), 1 warning(s); public was left as it was"
        );
    }
}
