//! File names every place the site travels to can hold: the clerk's Windows computer (NTFS), a
//! zip, and web hosts that ignore case (IIS, and most Windows and macOS hosting).
//!
//! A site folder made on Linux can hold `A.md` beside `a.md`, `con.md`, `name.` or a path of 300
//! characters; copied to Windows, one file silently overwrites another, or the copy fails. So each
//! such name is an error at its file, in every build, wherever it is built. This module only
//! judges names (`/`-separated paths relative to the site folder); `content::discover` and
//! `site` walk the folders and hand them in. All its messages are in [`Problem::text`].

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{self, Finding};
use crate::t;

/// Longest path a file of the site may have, relative to the site folder, in the UTF-16 units
/// Windows counts. Windows allows 260 for the whole path (`C:\...`, the site folder, `public\`
/// and the file); this leaves about 50 for where the clerk keeps the site folder.
pub const MAX_PATH_UNITS: usize = 200;

/// Names Windows keeps for devices, in any case and with any extension (`con.md`, `Aux.pdf`).
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Characters a Windows file name cannot hold.
const FORBIDDEN: &[char] = &['<', '>', ':', '"', '|', '?', '*', '\\'];

/// Why a name cannot travel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A device name Windows keeps (`con`, `aux`, `nul`, `com1`, ...), with any extension.
    Reserved(String),
    /// A name ending in a dot or a space, which Windows drops.
    TrailingDotOrSpace,
    /// A character Windows refuses in names (or a control character).
    Forbidden(char),
    /// The path is longer than [`MAX_PATH_UNITS`].
    TooLong(usize),
    /// Another file's path differs from this one only in upper and lower case.
    CaseTwin(String),
}

impl Problem {
    /// The message and the fix, in the words the clerk reads.
    pub fn text(&self) -> (String, String) {
        match self {
            Problem::Reserved(stem) => (
                t!("portable-reserved", name = stem.as_str()),
                t!("portable-reserved.help", name = stem.as_str()),
            ),
            Problem::TrailingDotOrSpace => (
                t!("portable-trailing-dot"),
                t!("portable-trailing-dot.help"),
            ),
            Problem::Forbidden(c) => {
                let c = if c.is_control() {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                };
                (
                    t!("portable-forbidden", char = c),
                    t!("portable-forbidden.help"),
                )
            }
            Problem::TooLong(units) => (
                t!("portable-too-long", length = *units, max = MAX_PATH_UNITS),
                t!("portable-too-long.help"),
            ),
            Problem::CaseTwin(other) => (
                t!(
                    "portable-case-twin",
                    other = diag::os_path(other).into_owned()
                ),
                t!("portable-case-twin.help"),
            ),
        }
    }
}

/// What is wrong with one file or folder name on Windows, if anything.
pub fn name_problem(name: &str) -> Option<Problem> {
    if let Some(c) = name
        .chars()
        .find(|&c| FORBIDDEN.contains(&c) || c.is_ascii_control())
    {
        return Some(Problem::Forbidden(c));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some(Problem::TrailingDotOrSpace);
    }
    // Windows reads `con.md` and `con .md` as the device too.
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    RESERVED
        .iter()
        .any(|r| r.eq_ignore_ascii_case(stem))
        .then(|| Problem::Reserved(stem.to_string()))
}

/// The names of one walk of the site's folders, checked as they come; findings at the end.
#[derive(Debug, Default)]
pub struct Names {
    /// Each file's path folded to one case, with the path as first seen.
    folded: HashMap<String, String>,
    findings: Vec<Finding>,
}

impl Names {
    /// Checks the entry at `rel` (relative to the site folder, `/`-separated): its own name,
    /// and for a file its path's length and whether an earlier file differs from it only in case.
    pub fn check(&mut self, rel: &str, is_file: bool) {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let mut problems: Vec<Problem> = name_problem(name).into_iter().collect();
        if is_file {
            let units = rel.encode_utf16().count();
            if units > MAX_PATH_UNITS {
                problems.push(Problem::TooLong(units));
            }
            match self.folded.get(&rel.to_lowercase()) {
                Some(first) => problems.push(Problem::CaseTwin(first.clone())),
                None => {
                    self.folded.insert(rel.to_lowercase(), rel.to_string());
                }
            }
        }
        for p in problems {
            let (message, help) = p.text();
            self.findings.push(Finding::error(rel, message).help(help));
        }
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

/// Checks every name under `root/folder` (hidden ones aside); nothing when it does not exist.
pub fn check_folder(root: &Path, folder: &str) -> Vec<Finding> {
    let mut names = Names::default();
    for entry in walkdir::WalkDir::new(root.join(folder))
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name()))
        .flatten()
    {
        names.check(
            &diag::display_path(root, entry.path()),
            !entry.file_type().is_dir(),
        );
    }
    names.into_findings()
}

/// Hidden files and folders (`.git`, `.DS_Store`) are never published, so their names are free.
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    // Device names are refused in any case and with any extension; names merely starting
    // with one are fine.
    #[test]
    fn device_names_are_reserved_with_any_extension() {
        for name in [
            "con.md",
            "CON",
            "Aux.pdf",
            "nul",
            "com1.txt",
            "lpt9.md",
            "con .md",
            "prn.tar.gz",
        ] {
            assert!(
                matches!(name_problem(name), Some(Problem::Reserved(_))),
                "{name}"
            );
        }
        for name in [
            "console.md",
            "com10.md",
            "auxiliary",
            "nul-1.md",
            "รายงาน.pdf",
        ] {
            assert_eq!(name_problem(name), None, "{name}");
        }
    }

    // A trailing dot or space is refused; one inside the name is not.
    #[test]
    fn a_trailing_dot_or_space_is_refused() {
        assert_eq!(name_problem("name."), Some(Problem::TrailingDotOrSpace));
        assert_eq!(name_problem("name "), Some(Problem::TrailingDotOrSpace));
        assert_eq!(name_problem("with space.md"), None);
        assert_eq!(name_problem("v1.2.md"), None);
    }

    // Characters Windows refuses are named in the finding; `#`, `%`, `&` and Thai are fine.
    #[test]
    fn characters_windows_refuses_are_named() {
        assert_eq!(name_problem("what?.md"), Some(Problem::Forbidden('?')));
        assert_eq!(name_problem("a:b"), Some(Problem::Forbidden(':')));
        assert_eq!(name_problem("tab\there"), Some(Problem::Forbidden('\t')));
        assert_eq!(name_problem("รายงาน #1 100% q&a.pdf"), None);
    }

    // Two files whose paths differ only in case give one error, at the second; folders alone
    // do not count.
    #[test]
    fn files_differing_only_in_case_are_an_error_at_the_second() {
        let mut names = Names::default();
        names.check("content/Files", false);
        names.check("content/files", false);
        names.check("content/A.md", true);
        names.check("content/a.md", true);
        names.check("content/ก.md", true);
        let findings = names.into_findings();
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].file, "content/a.md");
        assert!(findings[0].message.contains("content/A.md"));
    }

    // Paths are measured in the UTF-16 units Windows counts, so a Thai path is not cut short.
    #[test]
    fn long_paths_are_measured_as_windows_counts() {
        let mut names = Names::default();
        let thai = format!("content/{}.md", "ก".repeat(MAX_PATH_UNITS - 11));
        names.check(&thai, true);
        assert!(
            names.findings.is_empty(),
            "{} units",
            thai.encode_utf16().count()
        );
        names.check(&format!("content/{}.md", "ก".repeat(MAX_PATH_UNITS)), true);
        assert!(matches!(
            names.findings[..],
            [Finding { ref message, .. }] if message.contains("characters long")
        ));
    }
}
