//! The build as a short list of named steps, and the only code that writes the output folder.
//!
//! `load` (site.yaml, content files, front matter, Markdown) -> `check` (slugs, links between
//! files) -> `render` (pages and open data in memory) -> `index` (search, over those pages) ->
//! `write` (atomic). Findings from every step are collected first; `public/` is only touched when
//! there is no error.
//!
//! Writing is atomic and incremental: the new site is synced into a back buffer beside the output
//! folder (`.public.prongsai` next to `public/`, which holds the build before the current one), only
//! files whose bytes differ are written, and then the two folders are swapped in one rename
//! (`renameat2(RENAME_EXCHANGE)` on Linux). A reader of `public/` sees the old site or the new one,
//! never a mix, and no build deletes and rewrites thousands of files.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, SourceFile};
use crate::diag::{Finding, Findings};
use crate::markdown;
use crate::measure::{self, Doc, Measure, Page};
use crate::opendata;
use crate::render::{self, Output, RESERVED, Renderer};
use crate::search;
use crate::theme;

/// The loaded, validated site: configuration and every measure and page.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub measures: Vec<Measure>,
    pub pages: Vec<Page>,
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

/// Builds the site: every step, then the atomic write when nothing is in error.
pub fn build(opts: &Options) -> Report {
    let start = Instant::now();
    let mut report = Report::default();
    let (site, mut findings) = load(&opts.root, opts.base_url.as_deref());
    if let Some(site) = &site {
        report.measures = site.measures.len();
        report.pages = site.pages.len();
    }
    let outputs = site
        .as_ref()
        .filter(|_| !findings.has_errors())
        .and_then(|site| match render(site) {
            Ok(o) => Some(o),
            Err(f) => {
                findings.extend(f);
                None
            }
        });
    let outputs = match outputs.filter(|_| !findings.has_errors()) {
        Some(outputs) if opts.search => {
            let started = Instant::now();
            let indexed = index(outputs, &mut findings);
            report.search_seconds = started.elapsed().as_secs_f64();
            indexed
        }
        other => other,
    };
    if let Some(outputs) = outputs.filter(|_| !findings.has_errors()) {
        match write(&opts.out_dir(), &outputs) {
            Ok(stats) => report.written = Some(stats),
            Err(e) => findings.push(
                Finding::error(opts.out_dir().display().to_string(), format!("cannot write the site: {e}"))
                    .help("check that the folder is writable and the disk is not full; the previous site is left as it was"),
            ),
        }
    }
    findings.sort();
    report.findings = findings;
    report.seconds = start.elapsed().as_secs_f64();
    report
}

/// Reads site.yaml and every content file; returns the site (None when site.yaml is unusable)
/// and all findings.
pub fn load(root: &Path, base_url: Option<&str>) -> (Option<Site>, Findings) {
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
    let (files, found) = content::discover(root);
    findings.extend(found);
    let parsed: Vec<(Option<Doc>, Vec<Finding>)> = files
        .par_iter()
        .map(|(path, kind)| match content::read(root, path, *kind) {
            Ok(file) => load_doc(&file, &config, root),
            Err(f) => (None, vec![f]),
        })
        .collect();
    let mut site = Site {
        root: root.to_path_buf(),
        config,
        measures: Vec::new(),
        pages: Vec::new(),
    };
    for (doc, f) in parsed {
        findings.extend(f);
        match doc {
            Some(Doc::Measure(m)) => site.measures.push(*m),
            Some(Doc::Page(p)) => site.pages.push(*p),
            None => {}
        }
    }
    findings.extend(check(&site));
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

/// Every output file of the site: rendered pages, theme and site static files, attachments.
pub fn render(site: &Site) -> Result<Vec<Output>, Vec<Finding>> {
    let renderer = Renderer::new(&site.root, &site.config)?;
    let mut outputs = render::render_all(site, &renderer)?;
    outputs.extend(theme::STATIC.iter().map(|(name, bytes)| Output {
        path: format!("static/{name}"),
        bytes: bytes.to_vec(),
    }));
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
    let attachments: HashSet<&str> = site
        .measures
        .iter()
        .flat_map(|m| &m.attachments)
        .chain(site.pages.iter().flat_map(|p| &p.attachments))
        .map(|a| a.path.as_str())
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
    outputs.extend(opendata::render(site));
    outputs.push(Output {
        path: MARKER.into(),
        bytes: MARKER_TEXT.as_bytes().to_vec(),
    });
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    if findings.is_empty() {
        Ok(outputs)
    } else {
        Err(findings)
    }
}

/// Adds the search index of the rendered pages to them, so both land in one swap.
pub fn index(mut outputs: Vec<Output>, findings: &mut Findings) -> Option<Vec<Output>> {
    match search::index(&outputs) {
        Ok(files) => {
            outputs.extend(files);
            outputs.sort_by(|a, b| a.path.cmp(&b.path));
            Some(outputs)
        }
        Err(e) => {
            findings.push(
                Finding::error(
                    "search index",
                    format!("cannot build the search index: {e}"),
                )
                .help("build with --no-search to publish the site without search, and report this"),
            );
            None
        }
    }
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
pub fn write(out: &Path, outputs: &[Output]) -> io::Result<WriteStats> {
    let stage = back_buffer(out);
    for dir in [out, stage.as_path()] {
        if dir.exists() && !is_ours(dir)? {
            return Err(io::Error::other(format!(
                "{} exists and was not made by prongsai; move it away or choose another output folder (--out)",
                dir.display()
            )));
        }
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::create_dir_all(&stage)?;
    let stats = sync(&stage, outputs)?;
    if out.exists() {
        exchange(&stage, out)?;
    } else {
        std::fs::rename(&stage, out)?;
    }
    Ok(stats)
}

fn is_ours(dir: &Path) -> io::Result<bool> {
    Ok(dir.join(MARKER).is_file() || std::fs::read_dir(dir)?.next().is_none())
}

/// Makes the folder `dir` hold exactly `outputs`, writing only files whose bytes differ.
fn sync(dir: &Path, outputs: &[Output]) -> io::Result<WriteStats> {
    let wanted: HashSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let mut stale = Vec::new();
    let mut stale_dirs = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).contents_first(true) {
        let entry = entry.map_err(io::Error::other)?;
        let rel = crate::diag::display_path(dir, entry.path());
        if entry.file_type().is_dir() {
            stale_dirs.push(entry.into_path());
        } else if !wanted.contains(rel.as_str()) {
            stale.push(entry.into_path());
        }
    }
    for path in &stale {
        std::fs::remove_file(path)?;
    }
    let written: usize = outputs
        .par_iter()
        .map(|o| -> io::Result<usize> {
            let path = dir.join(&o.path);
            match std::fs::read(&path) {
                Ok(old) if old == o.bytes => return Ok(0),
                _ => {}
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            if path.is_dir() {
                std::fs::remove_dir_all(&path)?;
            }
            std::fs::write(&path, &o.bytes)?;
            Ok(1)
        })
        .sum::<io::Result<usize>>()?;
    // Folders left empty by removed pages (contents_first lists children before parents).
    for d in stale_dirs {
        let _ = std::fs::remove_dir(d);
    }
    Ok(WriteStats {
        files: outputs.len(),
        written,
        removed: stale.len(),
    })
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
}
