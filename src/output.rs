//! The site's files as values, and the one code that writes them into the output folder.
//!
//! An [`Output`] is a path and its bytes. [`write_with`] makes a folder hold exactly a set of
//! outputs, atomically and incrementally: the new site is synced into a back buffer beside the
//! output folder (`.public.prongsai` next to `public/`, which holds the build before the current
//! one), only files whose bytes differ are written, and then the two folders are swapped in one
//! rename (`renameat2(RENAME_EXCHANGE)` on Linux), or, where the system has no such rename, in
//! three that are each undone or finished by the next build (see [`exchange`]). A reader of
//! `public/` sees the old site or the new one, never a mix, and no build deletes and rewrites
//! thousands of files. The bytes of each
//! file are made when it is its turn (on any thread), so a build never holds the whole site in
//! memory. A lock on the output's parent folder lets one build write at a time. This module does
//! not know what a page is.

use std::borrow::Borrow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diag::Finding;

/// One file of the built site: where it goes under `public/` and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Relative path with `/` separators, e.g. `measures/m-1/index.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// How many files the write step touched.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    pub files: usize,
    pub written: usize,
    pub removed: usize,
}

/// Why a write did not happen.
pub enum Failed {
    /// A template or a file of the site could not be rendered or read.
    Make(Vec<Finding>),
    Io(io::Error),
}

/// The finding for an output folder that could not be written.
pub fn write_finding(out: &Path, e: &io::Error) -> Finding {
    let f = Finding::error(
        out.display().to_string(),
        crate::t!("build-cannot-write", error = e.to_string()),
    );
    match e.get_ref().and_then(|e| e.downcast_ref::<Stranded>()) {
        Some(s) => f.help(crate::t!(
            "build-cannot-write.stranded",
            parked = s.parked.display().to_string()
        )),
        None => f.help(crate::t!("build-cannot-write.help")),
    }
}

/// A swap that failed half way and could not be undone: the previous site is at `parked`
/// (the next build puts it back), and `public/` is missing.
#[derive(Debug)]
struct Stranded {
    parked: PathBuf,
    cause: io::Error,
}

impl std::fmt::Display for Stranded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let error = self.cause.to_string();
        f.write_str(&crate::t!("build-not-put-back", error = error))
    }
}

impl std::error::Error for Stranded {}

/// The marker file every output folder holds.
pub fn marker() -> Output {
    Output {
        path: MARKER.into(),
        bytes: MARKER_TEXT.as_bytes().to_vec(),
    }
}

/// A file in every output folder, so prongsai never replaces a folder it did not make.
pub const MARKER: &str = ".prongsai-build";
const MARKER_TEXT: &str =
    "This folder is written by prongsai; every build replaces its contents.\n";

/// Where the three-rename swap parks the previous site between its renames: `.NAME.prongsai-old`.
fn parked(out: &Path) -> PathBuf {
    let stage = back_buffer(out);
    stage.with_file_name(format!(
        "{}-old",
        stage.file_name().unwrap_or_default().to_string_lossy()
    ))
}

/// Where the previous site is when a swap failed half way and `out` is missing (see [`exchange`]).
pub fn stranded(out: &Path) -> Option<PathBuf> {
    let parked = parked(out);
    (!out.exists() && parked.is_dir()).then_some(parked)
}

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
    write_with(out, &paths, |i| Ok(outputs[i].borrow()), None).map_err(|e| match e {
        Failed::Io(e) => e,
        Failed::Make(f) => io::Error::other(f[0].message.clone()),
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
pub fn write_with<F, B>(
    out: &Path,
    paths: &[&str],
    make: F,
    later: Option<Later>,
) -> Result<WriteStats, Failed>
where
    F: Fn(usize) -> Result<B, Finding> + Sync,
    B: Deref<Target = Output>,
{
    let (stage, _lock) = prepare(out).map_err(Failed::Io)?;
    let stats = match sync(&stage, paths, make, later) {
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
fn prepare(out: &Path) -> io::Result<(PathBuf, std::fs::File)> {
    let stage = back_buffer(out);
    for dir in [out, stage.as_path()] {
        if dir.exists() && !dir.is_dir() {
            return Err(io::Error::other(crate::t!(
                "build-out-is-file",
                path = dir.display().to_string()
            )));
        }
        if dir.exists() && !is_ours(dir)? {
            return Err(io::Error::other(crate::t!(
                "build-out-not-ours",
                path = dir.display().to_string()
            )));
        }
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    // One writer at a time (two builds started at once): two syncing one back
    // buffer would swap in a mix of both.
    let lock = lock(parent)?;
    recover(out)?;
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
pub fn check_paths(paths: &[&str]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for p in paths {
        let inside = Path::new(p)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !inside || p.is_empty() {
            findings.push(Finding::error(*p, crate::t!("build-output-outside")));
        }
    }
    for pair in paths.windows(2).filter(|p| p[0] == p[1]) {
        findings.push(
            Finding::error(pair[0], crate::t!("build-output-twice"))
                .help(crate::t!("build-output-twice.help")),
        );
    }
    // Two addresses that Windows, macOS and the reader's eye take for one (see `name_key`).
    let mut keys: HashMap<String, &str> = HashMap::new();
    for p in paths {
        match keys.insert(crate::content::name_key(p), p) {
            Some(first) if first != *p => findings.push(
                Finding::error(*p, crate::t!("build-output-look-alike", first = first))
                    .help(crate::t!("build-output-look-alike.help")),
            ),
            _ => {}
        }
    }
    findings
}

/// Holds an exclusive lock on the folder `dir` until dropped, waiting for any other holder; the
/// system releases it when a holder dies, so a killed build never leaves it locked. On Unix the
/// folder itself is locked; Windows cannot open a folder as a file, so there it is a
/// `.prongsai.lock` file in it.
fn lock(dir: &Path) -> io::Result<std::fs::File> {
    #[cfg(unix)]
    let file = std::fs::File::open(dir)?;
    #[cfg(not(unix))]
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".prongsai.lock"))?;
    file.lock()?;
    Ok(file)
}

/// Finishes a three-rename swap that a killed build (or one whose renames were refused) left
/// half done, from the folder it parked the previous site in: with no output folder, the
/// previous site goes back; with no back buffer it becomes one; else it is a leftover.
fn recover(out: &Path) -> io::Result<()> {
    let parked = parked(out);
    if std::fs::symlink_metadata(&parked).is_err() {
        return Ok(());
    }
    if !parked.is_dir() || !is_ours(&parked)? {
        return Err(io::Error::other(crate::t!(
            "build-parked-not-ours",
            path = parked.display().to_string()
        )));
    }
    let stage = back_buffer(out);
    if !out.exists() {
        std::fs::rename(&parked, out)
    } else if !stage.exists() {
        std::fs::rename(&parked, &stage)
    } else {
        std::fs::remove_dir_all(&parked)
    }
}

pub fn is_ours(dir: &Path) -> io::Result<bool> {
    Ok(dir.join(MARKER).is_file() || std::fs::read_dir(dir)?.next().is_none())
}

/// Files made after all the others, under one folder: the folder (e.g. `search-index/`) and what makes
/// them. `sync` leaves that folder's files alone until they are made, then syncs it too.
pub type Later<'a> = (
    &'a str,
    Box<dyn FnOnce() -> Result<Vec<Output>, Vec<Finding>> + 'a>,
);

/// Makes the folder `dir` hold exactly the files `paths` (and those of `later`), writing only
/// files whose bytes differ.
fn sync<F, B>(
    dir: &Path,
    paths: &[&str],
    make: F,
    later: Option<Later>,
) -> Result<WriteStats, Failed>
where
    F: Fn(usize) -> Result<B, Finding> + Sync,
    B: Deref<Target = Output>,
{
    let later_dir = later.as_ref().map(|(d, _)| format!("{d}/"));
    let is_later = |rel: &str| later_dir.as_deref().is_some_and(|d| rel.starts_with(d));
    let mut found = Listing::default();
    list(dir, "", &mut found).map_err(Failed::Io)?;
    let wanted: HashSet<&str> = paths.iter().copied().collect();
    let mut stale = remove(&found, |rel| !wanted.contains(rel) && !is_later(rel))?;
    // Into an empty folder (but for the marker `prepare` puts first) every file is new: there is
    // no file to compare with, and each file makes its own folder as it comes, so the 10,000
    // folders of measures are made on every thread, not one.
    let empty = found.files.iter().all(|(rel, _)| rel == MARKER);
    if empty {
        make_upper_folders(dir, paths).map_err(Failed::Io)?;
    }
    let mut written = write_all(dir, paths, make, empty)?;
    let mut files = paths.len();
    if let Some((_, make_later)) = later {
        let made = make_later().map_err(Failed::Make)?;
        written += made
            .par_iter()
            .map(|o| put(&dir.join(&o.path), &o.bytes, empty))
            .sum::<io::Result<usize>>()
            .map_err(Failed::Io)?;
        let made_paths: HashSet<&str> = made.iter().map(|o| o.path.as_str()).collect();
        stale.extend(remove(&found, |rel| {
            is_later(rel) && !made_paths.contains(rel)
        })?);
        files += made.len();
    }
    remove_empty_folders(dir, &stale, &found.empty_dirs);
    Ok(WriteStats {
        files,
        written,
        removed: stale.len(),
    })
}

/// Removes the listed files whose relative path `gone` picks; returns their paths.
fn remove(found: &Listing, gone: impl Fn(&str) -> bool) -> Result<Vec<&PathBuf>, Failed> {
    let paths: Vec<&PathBuf> = found
        .files
        .iter()
        .filter(|(rel, _)| gone(rel))
        .map(|(_, path)| path)
        .collect();
    for path in &paths {
        std::fs::remove_file(path).map_err(Failed::Io)?;
    }
    Ok(paths)
}

/// Makes the folders that hold folders (`a` of `a/b/index.html`) in one go, before the parallel
/// write makes each file's own folder.
fn make_upper_folders(dir: &Path, paths: &[&str]) -> io::Result<()> {
    let upper: BTreeSet<&str> = paths
        .iter()
        .filter_map(|p| p.rsplit_once('/')?.0.rsplit_once('/'))
        .map(|(up, _)| up)
        .collect();
    for folder in upper {
        std::fs::create_dir_all(dir.join(folder))?;
    }
    Ok(())
}

/// Writes `new` at `path` unless the file already holds it (never compared in a new folder);
/// 1 when written.
fn put(path: &Path, new: &[u8], empty: bool) -> io::Result<usize> {
    if !empty && holds(path, new) {
        return Ok(0);
    }
    write_file(path, new)?;
    Ok(1)
}

/// Whether the file at `path` holds exactly `bytes`: its size first, then its bytes a block at a
/// time (no copy of a 30 MB measures.json in memory to compare it).
fn holds(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    if file.metadata().map(|m| m.len()).ok() != Some(bytes.len() as u64) {
        return false;
    }
    let mut block = [0u8; 64 * 1024];
    let mut rest = bytes;
    loop {
        match file.read(&mut block) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && block[..n] == rest[..n] => rest = &rest[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            _ => return false,
        }
    }
}

/// Makes and writes every file of `paths` on all threads; how many were written, or every
/// distinct error of making them.
fn write_all<F, B>(dir: &Path, paths: &[&str], make: F, empty: bool) -> Result<usize, Failed>
where
    F: Fn(usize) -> Result<B, Finding> + Sync,
    B: Deref<Target = Output>,
{
    let findings = Mutex::new(Vec::<Finding>::new());
    let written: usize = (0..paths.len())
        .into_par_iter()
        .map(|i| -> io::Result<usize> {
            match make(i) {
                Ok(new) => {
                    let path = dir.join(paths[i]);
                    if empty && paths[i].contains('/') {
                        match std::fs::create_dir(path.parent().unwrap_or(dir)) {
                            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
                            _ => {}
                        }
                    }
                    put(&path, &new.bytes, empty)
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
    if findings.is_empty() {
        Ok(written)
    } else {
        Err(Failed::Make(findings))
    }
}

/// Removes the folders left empty by removed files, and those found empty, deepest first.
fn remove_empty_folders(dir: &Path, removed: &[&PathBuf], empty: &[PathBuf]) {
    let mut dirs: Vec<&Path> = removed
        .iter()
        .flat_map(|p| p.ancestors().skip(1).take_while(|d| *d != dir))
        .chain(empty.iter().map(PathBuf::as_path))
        .collect();
    dirs.sort_by(|a, b| (b.components().count(), a).cmp(&(a.components().count(), b)));
    dirs.dedup();
    for d in dirs {
        let _ = std::fs::remove_dir(d);
    }
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

/// Swaps the back buffer `stage` and the output folder `out`: in one step where the system
/// allows it (Linux's `RENAME_EXCHANGE`), else in three renames that are each undone or finished:
/// `out` is parked, `stage` takes its name, the parked site becomes the back buffer. A refused
/// first rename changes nothing; a refused second one puts the parked site back (Windows refuses
/// a rename while a program holds a file of the folder open); a build killed between them leaves
/// the parked folder, which the next build's [`recover`] puts back or reuses.
fn exchange(stage: &Path, out: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, stage, CWD, out, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    let parked = parked(out);
    std::fs::rename(out, &parked)?;
    if let Err(cause) = std::fs::rename(stage, out) {
        return match std::fs::rename(&parked, out) {
            Ok(()) => Err(cause),
            Err(_) => Err(io::Error::other(Stranded { parked, cause })),
        };
    }
    // The new site is in place; should this fail, the next build's `recover` does it.
    let _ = std::fs::rename(&parked, stage);
    Ok(())
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
