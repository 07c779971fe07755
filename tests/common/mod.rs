//! Helpers shared by the integration tests: fixture paths, temp copies of sites, running the real
//! `prongsai` binary, tree snapshots, and a link checker for built sites.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies the folder `from` into `to` (made as needed).
pub fn copy_dir(from: &Path, to: &Path) {
    copy_filtered(from, to, |_| true);
}

fn copy_filtered(from: &Path, to: &Path, keep: impl FnMut(&walkdir::DirEntry) -> bool) {
    for entry in walkdir::WalkDir::new(from).into_iter().filter_entry(keep) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A copy of a site folder in a temp dir, so builds never write into the repository. From the
/// repository itself, build output, git and the fuzzer's folder (written while it runs) are left out.
pub fn copy_site(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_filtered(from, dir.path(), |e| {
        e.depth() != 1
            || !["target", "fuzz", ".git", "public"].contains(&&*e.file_name().to_string_lossy())
    });
    dir
}

/// "Now" for every run of the binary, so no test reads the clock: 1 October 2026, 00:00 in
/// Thailand (17:00 UTC the day before), the first moment of fiscal year 2570.
pub const NOW: i64 = 1_790_787_600;

/// Runs `prongsai ARGS` in `cwd`, without colours, at [`NOW`].
pub fn prongsai(args: &[&str], cwd: &Path) -> Output {
    prongsai_at(NOW, args, cwd)
}

/// Runs `prongsai ARGS` in `cwd` as if it were `now` (seconds since 1970, as SOURCE_DATE_EPOCH).
pub fn prongsai_at(now: i64, args: &[&str], cwd: &Path) -> Output {
    prongsai_in(now, "C.UTF-8", args, cwd)
}

/// Runs `prongsai ARGS` in `cwd` under the locale `lang` (as `LANG`, nothing overriding it).
pub fn prongsai_in(now: i64, lang: &str, args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .locale(lang)
        .env("SOURCE_DATE_EPOCH", now.to_string())
        .output()
        .unwrap()
}

/// A command run under one locale: `LANG`, with nothing that would override it (the tests read
/// the program's English under `C.UTF-8`, whatever the machine's locale).
pub trait Locale {
    fn locale(&mut self, lang: &str) -> &mut Self;
}

impl Locale for Command {
    fn locale(&mut self, lang: &str) -> &mut Self {
        self.env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("PRONGSAI_LANG")
    }
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir` with its bytes, to compare trees.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Links (`href`, `src`) in the built HTML that point inside the site but to no file, one line
/// each, and how many links were checked. Absolute paths are taken from the site root.
pub fn broken_links(public: &Path) -> (Vec<String>, usize) {
    let mut broken = Vec::new();
    let mut checked = 0;
    for (rel, bytes) in snapshot(public) {
        if rel.extension().is_none_or(|e| e != "html") || rel == Path::new("404.html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for attr in ["href=\"", "src=\""] {
            for part in html.split(attr).skip(1) {
                let url = &part[..part.find('"').unwrap()];
                let url = url.split('#').next().unwrap();
                if url.is_empty() || url.contains(':') || url.starts_with("//") {
                    continue;
                }
                let mut target = if url.starts_with('/') {
                    public.to_path_buf()
                } else {
                    public.join(&rel).parent().unwrap().to_path_buf()
                };
                for seg in url.split('/') {
                    match seg {
                        "" | "." => {}
                        ".." => {
                            target.pop();
                        }
                        s => target.push(percent_decode(
                            &s.replace("&amp;", "&").replace("&#39;", "'"),
                        )),
                    }
                }
                if url.ends_with('/') || target.is_dir() {
                    target.push("index.html");
                }
                if !target.starts_with(public) || !target.is_file() {
                    broken.push(format!(
                        "{}: link {url} -> {} leads nowhere",
                        rel.display(),
                        target.display()
                    ));
                }
                checked += 1;
            }
        }
    }
    (broken, checked)
}

/// Every link inside the built site resolves to a file; returns how many were checked.
pub fn internal_links_resolve(public: &Path) -> usize {
    let (broken, checked) = broken_links(public);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    assert!(checked > 20, "only {checked} links checked");
    checked
}

/// Decodes `%XX` escapes of a URL path segment.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(Ok(v)) = s.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16))
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

/// A tmpfs mounted for one test, unmounted when dropped; None without the right to mount.
pub struct Tmpfs(pub PathBuf);

impl Tmpfs {
    pub fn mount(at: &Path, kib: u64) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (needs root); see tests/faults.rs");
        }
        ok.then(|| Tmpfs(at.to_path_buf()))
    }

    pub fn read_only(&self) {
        let s = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(s.success());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}
