//! Helpers shared by the integration tests: fixture paths, a temp copy of a site, running the real
//! `prongsai` binary, and a link checker for built sites.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy of a site folder in a temp dir, so builds never write into the repository.
pub fn copy_site(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_entry(|e| !matches!(e.file_name().to_str(), Some("target" | ".git" | "public")))
    {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

/// Runs `prongsai ARGS` in `cwd`, without colours.
pub fn prongsai(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every relative `href` in the built HTML files resolves to a file of the site; returns how many
/// links were checked.
pub fn internal_links_resolve(public: &Path) -> usize {
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(public) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(public).unwrap();
        if entry.path().extension().and_then(|e| e.to_str()) != Some("html")
            || rel == Path::new("404.html")
        {
            continue;
        }
        let html = read(entry.path());
        for part in html.split("href=\"").skip(1) {
            let url = &part[..part.find('"').unwrap()];
            let url = url.split('#').next().unwrap();
            if url.is_empty() || url.contains(':') || url.starts_with("//") {
                continue;
            }
            let mut target = entry.path().parent().unwrap().to_path_buf();
            for seg in url.split('/') {
                match seg {
                    "" | "." => {}
                    ".." => {
                        target.pop();
                    }
                    s => target.push(s),
                }
            }
            if url.ends_with('/') || target.is_dir() {
                target.push("index.html");
            }
            assert!(
                target.starts_with(public) && target.is_file(),
                "{}: link {url} -> {} does not exist",
                rel.display(),
                target.display()
            );
            checked += 1;
        }
    }
    checked
}
