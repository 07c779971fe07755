//! The manifest: the list of files prongsai published at a destination (path, size, SHA-256),
//! kept on the destination itself as [`NAME`], so any computer can publish there next.
//!
//! An entry whose hash is unknown (`-`) is a file being sent: prongsai may have left it, or half
//! of it under a temporary name, so the next publish sends it again, or deletes it when the site
//! no longer has it. The manifest never claims a file that did not arrive.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::output::MARKER;

/// The manifest's file name at the top of the destination.
pub const NAME: &str = ".prongsai-manifest";

/// The first line of a manifest, which says what the file is and its format.
const HEADER: &str =
    "# prongsai manifest 1: files published here by prongsai (sha256 size path); do not edit";

/// What prongsai knows of one published file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub size: u64,
    /// Lower-case hex SHA-256; None while the file is being sent.
    pub hash: Option<String>,
}

/// Every file prongsai published at a destination, by relative path (`/` separators).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub files: BTreeMap<String, Entry>,
}

impl Manifest {
    /// Reads a manifest's text; a line that is not `hash size path` is an error naming it.
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let mut files = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.splitn(3, ' ');
            let (Some(hash), Some(size), Some(path)) = (parts.next(), parts.next(), parts.next())
            else {
                return Err(crate::t!("publish-manifest-bad-line", line = n + 1));
            };
            let size = size
                .parse()
                .map_err(|_| crate::t!("publish-manifest-bad-size", line = n + 1, size = size))?;
            let hash = (hash != "-").then(|| hash.to_string());
            files.insert(unescape(path), Entry { size, hash });
        }
        Ok(Manifest { files })
    }

    /// The manifest's text, one line a file in path order.
    pub fn to_text(&self) -> String {
        let mut text = format!("{HEADER}\n");
        for (path, e) in &self.files {
            let hash = e.hash.as_deref().unwrap_or("-");
            text.push_str(&format!("{hash} {} {}\n", e.size, escape(path)));
        }
        text
    }

    /// Every file of the built site in `dir` (but the build marker), hashed on every thread.
    pub fn of_folder(dir: &Path) -> io::Result<Manifest> {
        let mut paths = Vec::new();
        for entry in walkdir::WalkDir::new(dir).min_depth(1) {
            let entry = entry.map_err(io::Error::other)?;
            if entry.file_type().is_dir() {
                continue;
            }
            let rel = entry.path().strip_prefix(dir).map_err(io::Error::other)?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            if rel != MARKER {
                paths.push(rel);
            }
        }
        let files = paths
            .into_par_iter()
            .map(|rel| {
                let bytes = std::fs::read(dir.join(&rel))?;
                let entry = Entry {
                    size: bytes.len() as u64,
                    hash: Some(hash(&bytes)),
                };
                Ok((rel, entry))
            })
            .collect::<io::Result<_>>()?;
        Ok(Manifest { files })
    }
}

/// The lower-case hex SHA-256 of `bytes`.
pub fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A path as one manifest field: `%`, line breaks written as `%25`, `%0A`, `%0D`.
fn escape(path: &str) -> String {
    path.replace('%', "%25")
        .replace('\n', "%0A")
        .replace('\r', "%0D")
}

/// The path a manifest field stands for.
fn unescape(field: &str) -> String {
    field
        .replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

#[cfg(test)]
mod tests {
    use super::*;

    // A manifest read back from its text is the same, odd paths and files being sent included.
    #[test]
    fn a_manifest_survives_its_own_text() {
        let mut m = Manifest::default();
        m.files.insert(
            "files/ประกาศ 100%\nx.pdf".into(),
            Entry {
                size: 3,
                hash: Some(hash(b"abc")),
            },
        );
        m.files.insert(
            "index.html".into(),
            Entry {
                size: 9,
                hash: None,
            },
        );
        let text = m.to_text();
        assert!(text.starts_with("# prongsai manifest 1"));
        assert!(text.contains("- 9 index.html\n"));
        assert_eq!(Manifest::parse(&text).unwrap(), m);
    }

    // A damaged line is an error that names it, not a silently shorter manifest.
    #[test]
    fn a_damaged_manifest_line_is_an_error() {
        let err = Manifest::parse("# x\nabc 12 a.html\nnonsense\n").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        assert!(Manifest::parse("abc many a.html").is_err());
    }

    // The hash is SHA-256, as `sha256sum` prints it.
    #[test]
    fn hash_is_sha256_hex() {
        assert_eq!(
            hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
