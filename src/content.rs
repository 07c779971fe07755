//! Reading `content/`: find the Markdown files, decode them, and split the `---` front matter from the body.
//!
//! Everything here is about bytes and positions: a [`SourceFile`] keeps its decoded text and where the
//! front matter and the body sit in it, so later steps can point a caret at the right line of the
//! `.md` file. Reading the front matter's YAML is `yaml.rs`'s job, what it *means* `measure.rs`'s.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use crate::diag::{self, Finding, Source};
use crate::{portable, t};

/// What a content file becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `content/measures/*.md`
    Measure,
    /// any other `.md` under `content/` (about, contacts, analysis text, ...)
    Page,
}

/// A content file, decoded, with its front matter located.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, `/`-separated, as messages print it.
    pub rel: String,
    /// File name without `.md`: the page's slug before normalisation.
    pub stem: String,
    pub kind: Kind,
    pub src: Source,
    /// Byte range of the YAML between the fences.
    pub front_matter: Range<usize>,
    /// Byte range of the Markdown after the closing fence.
    pub body: Range<usize>,
}

impl SourceFile {
    /// The decoded text of the whole file (LF line ends, no BOM).
    pub fn text(&self) -> &str {
        self.src.inner()
    }

    pub fn front_matter_text(&self) -> &str {
        &self.text()[self.front_matter.clone()]
    }

    pub fn body_text(&self) -> &str {
        &self.text()[self.body.clone()]
    }

    /// 1-based line on which the body starts, so Markdown findings can be placed.
    pub fn body_line(&self) -> usize {
        diag::line_col(self.text(), self.body.start).0
    }
}

/// Lists the Markdown files under `root/content`, sorted by path; unreadable entries and names
/// Windows cannot hold ([`portable`]) become findings.
pub fn discover(root: &Path) -> (Vec<(PathBuf, Kind)>, Vec<Finding>) {
    let content = root.join("content");
    let measures = content.join("measures");
    let mut files = Vec::new();
    let mut findings = Vec::new();
    if !content.is_dir() {
        findings.push(
            Finding::error("content", t!("content-no-folder")).help(t!("content-no-folder.help")),
        );
        return (files, findings);
    }
    let mut outside = Vec::new();
    // Every file and folder under content/ (attachments too) must keep its name on Windows.
    let mut names = portable::Names::default();
    for entry in walk_inside(&content, &mut outside) {
        let found = match entry {
            Ok(entry) => {
                let rel = diag::display_path(root, entry.path());
                if entry.depth() > 0 && !rel.split('/').any(|c| c.starts_with('.')) {
                    names.check(&rel, !entry.file_type().is_dir());
                }
                markdown_file(root, &entry)
            }
            Err(e) => Err(unreadable(root, &e)),
        };
        match found {
            Ok(Some(path)) if path.starts_with(&measures) => files.push((path, Kind::Measure)),
            Ok(Some(path)) => files.push((path, Kind::Page)),
            Ok(None) => {}
            Err(f) => findings.push(f),
        }
    }
    findings.extend(outside.iter().map(|path| link_outside(root, path)));
    findings.extend(names.into_findings());
    (files, findings)
}

/// Walks `content` sorted by name, following links only while they stay inside it; the links
/// that lead out are put in `outside`.
fn walk_inside<'a>(
    content: &Path,
    outside: &'a mut Vec<PathBuf>,
) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> + 'a {
    // Links are followed only while they stay inside content/: one to / would walk the whole
    // disk, one to a key file would print its first line in a message.
    let inside = content
        .canonicalize()
        .unwrap_or_else(|_| content.to_path_buf());
    WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            let leaves = e.path_is_symlink()
                && e.path()
                    .canonicalize()
                    .is_ok_and(|real| !real.starts_with(&inside));
            if leaves {
                outside.push(e.path().to_path_buf());
            }
            !leaves
        })
}

/// The finding for an entry the walk could not read.
fn unreadable(root: &Path, e: &walkdir::Error) -> Finding {
    let path = e
        .path()
        .map(|p| diag::display_path(root, p))
        .unwrap_or_else(|| "content".into());
    let why = if e.loop_ancestor().is_some() {
        t!("content-link-loop")
    } else {
        e.io_error()
            .map_or_else(|| e.to_string(), |io| io.to_string())
    };
    Finding::error(path, t!("content-unreadable", why = why)).help(t!("content-unreadable.help"))
}

/// The entry's path when it is a content file; None for folders, other files, hidden files and
/// editor backups; a finding for a `.md` that cannot be read as one.
fn markdown_file(root: &Path, entry: &walkdir::DirEntry) -> Result<Option<PathBuf>, Finding> {
    let path = entry.path();
    if path.extension().and_then(|e| e.to_str()) != Some("md") || entry.file_type().is_dir() {
        return Ok(None);
    }
    if !entry.file_type().is_file() {
        // A pipe or device would block or never end when read.
        return Err(
            Finding::error(diag::display_path(root, path), t!("content-not-a-file"))
                .help(t!("content-not-a-file.help")),
        );
    }
    let Some(name) = entry.file_name().to_str() else {
        return Err(
            Finding::error(diag::display_path(root, path), t!("content-name-not-utf8"))
                .help(t!("content-name-not-utf8.help")),
        );
    };
    if name.starts_with('.') || name.starts_with('~') || name.ends_with('~') {
        return Ok(None); // editor backups and hidden files
    }
    if let Some(why) = bad_name(name) {
        return Err(Finding::error(
            diag::display_path(root, path),
            t!("content-bad-name", why = why),
        )
        .help(t!("content-bad-name.help")));
    }
    Ok(Some(path.to_path_buf()))
}

/// Why a file or folder name is one the site cannot carry, if it is, as what follows "the file"
/// in a message ("has the name `CON`, ..."): a name Windows reserves
/// (`CON`, `NUL.pdf`, ...) or drops the end of (a trailing dot or space, which also makes a web
/// host see another extension), or one holding control, invisible or direction-changing
/// characters (two names that look the same, or a name that shows another extension).
pub fn bad_name(name: &str) -> Option<String> {
    const RESERVED: &[&str] = &["CON", "PRN", "AUX", "NUL"];
    let stem = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end()
        .to_ascii_uppercase();
    let numbered = |p: &str| {
        stem.strip_prefix(p)
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
    };
    if RESERVED.contains(&stem.as_str()) || numbered("COM") || numbered("LPT") {
        return Some(t!("content-name-reserved", name = stem));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some(t!("content-name-trailing-dot"));
    }
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
    };
    name.chars().find(|c| hidden(*c)).map(|c| {
        t!(
            "content-name-hidden-char",
            code = format!("{:04X}", c as u32)
        )
    })
}

/// A name as Windows and macOS compare names, and as a reader sees it: composed (NFC: `é`
/// typed as one character or as `e` and an accent), with Thai marks above and below a letter,
/// and SARA AM, in one order (`น้ำ` typed tone mark first or SARA AM first). Two files with one
/// key are one file there, and look the same on the page.
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let marks =
        |c: char| matches!(c, '\u{0E31}' | '\u{0E33}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}');
    let mut out: Vec<char> = Vec::with_capacity(name.len());
    let mut run = 0;
    for c in name.nfc() {
        out.push(c);
        if marks(c) {
            run += 1;
            let at = out.len() - run;
            out[at..].sort_unstable();
        } else {
            run = 0;
        }
    }
    out.into_iter().collect()
}

/// The finding for a link that leads out of content/.
fn link_outside(root: &Path, path: &Path) -> Finding {
    Finding::error(diag::display_path(root, path), t!("content-link-outside"))
        .help(t!("content-link-outside.help"))
}

/// Content files larger than this are refused before they are read: a measure page is text, and
/// a file this big is a document or a mistake that would only slow every build.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// Front matter larger than this is refused before it is parsed: it holds short fields.
pub const MAX_FRONT_MATTER_BYTES: usize = 256 << 10;

/// Why a file of the site is not read: [`check_file`] says it before anything is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// It does not exist, or cannot be looked at.
    Missing(String),
    /// A pipe, socket, device or folder: reading it would block, never end, or fail.
    NotAFile,
    /// A link (or a path) that leads out of the folder it must stay in.
    Outside,
    /// Larger than the limit: its size in bytes.
    TooBig(u64),
}

impl Refused {
    /// What is wrong.
    pub fn message(&self) -> String {
        match self {
            Refused::Missing(e) => t!("content-refused-missing", why = e.as_str()),
            Refused::NotAFile => t!("content-refused-not-a-file"),
            Refused::Outside => t!("content-refused-outside"),
            Refused::TooBig(n) => t!("content-refused-too-big", size = mb(*n)),
        }
    }

    /// How to fix it.
    pub fn help(&self) -> String {
        match self {
            Refused::Missing(_) => t!("content-refused-missing.help"),
            Refused::NotAFile => t!("content-refused-not-a-file.help"),
            Refused::Outside => t!("content-refused-outside.help"),
            Refused::TooBig(_) => t!("content-refused-too-big.help"),
        }
    }

    /// The finding for the file `rel`.
    pub fn finding(&self, rel: &str) -> Finding {
        Finding::error(rel, self.message()).help(self.help())
    }
}

/// The one gate every file of the site passes before it is opened (content, disclosures,
/// criteria, site.yaml, templates, static files, attachments): it must be a regular file, stay
/// inside the folder `within` once its links are followed, and hold at most `max` bytes.
/// Returns its size. Nothing is opened, so a pipe cannot block and a link to a system file is
/// never read (nor echoed in a message).
pub fn check_file(path: &Path, within: &Path, max: u64) -> Result<u64, Refused> {
    let link = std::fs::symlink_metadata(path).map_err(|e| Refused::Missing(e.to_string()))?;
    if link.file_type().is_symlink() {
        let real = path
            .canonicalize()
            .map_err(|e| Refused::Missing(e.to_string()))?;
        let within = within
            .canonicalize()
            .map_err(|e| Refused::Missing(e.to_string()))?;
        if !real.starts_with(within) {
            return Err(Refused::Outside);
        }
    }
    let meta = std::fs::metadata(path).map_err(|e| Refused::Missing(e.to_string()))?;
    if !meta.is_file() {
        return Err(Refused::NotAFile);
    }
    if meta.len() > max {
        return Err(Refused::TooBig(meta.len()));
    }
    Ok(meta.len())
}

/// Reads a file that passed [`check_file`], never more than `max` bytes (it may have grown).
pub fn read_checked(path: &Path, within: &Path, max: u64) -> Result<Vec<u8>, Refused> {
    use std::io::Read;
    let size = check_file(path, within, max)?;
    let file = std::fs::File::open(path).map_err(|e| Refused::Missing(e.to_string()))?;
    // Sized from the file's length, so it is read in one go, not in growing steps.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refused::Missing(e.to_string()))?;
    if bytes.len() as u64 > max {
        return Err(Refused::TooBig(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads and splits one content file.
pub fn read(root: &Path, path: &Path, kind: Kind) -> Result<SourceFile, Finding> {
    let rel = diag::display_path(root, path);
    let bytes = match read_checked(path, &root.join("content"), MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(Refused::TooBig(size)) => {
            return Err(Finding::error(
                &rel,
                t!("content-too-big", size = mb(size), max = mb(MAX_FILE_BYTES)),
            )
            .help(t!("content-too-big.help")));
        }
        Err(r) => return Err(r.finding(&rel)),
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    from_bytes(&rel, &stem, kind, &bytes)
}

pub fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1u64 << 20) as f64)
}

/// Decodes and splits a content file's bytes; `rel` names it in messages, `stem` is its file name
/// without `.md`.
pub fn from_bytes(rel: &str, stem: &str, kind: Kind, bytes: &[u8]) -> Result<SourceFile, Finding> {
    let text: Arc<str> = decode(rel, bytes)?.into();
    let src = diag::source(rel, text);
    let (front_matter, body) = split(&src)?;
    if front_matter.len() > MAX_FRONT_MATTER_BYTES {
        return Err(Finding::at(
            &src,
            0,
            3,
            t!(
                "content-front-matter-too-big",
                size = mb(front_matter.len() as u64),
                max = MAX_FRONT_MATTER_BYTES >> 10
            ),
        )
        .help(t!("content-front-matter-too-big.help")));
    }
    Ok(SourceFile {
        rel: rel.to_string(),
        stem: stem.to_string(),
        kind,
        src,
        front_matter,
        body,
    })
}

/// Names well-known binary formats from their first bytes, so a renamed document is explained.
fn binary_kind(bytes: &[u8]) -> Option<String> {
    // i18n: content-binary-pdf content-binary-png content-binary-jpeg content-binary-gif
    // i18n: content-binary-zip content-binary-office content-binary-program
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "content-binary-pdf"),
        (b"\x89PNG", "content-binary-png"),
        (b"\xFF\xD8\xFF", "content-binary-jpeg"),
        (b"GIF8", "content-binary-gif"),
        (b"PK\x03\x04", "content-binary-zip"),
        (b"\xD0\xCF\x11\xE0", "content-binary-office"),
        (b"\x7FELF", "content-binary-program"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, id)| crate::i18n::text(id, None))
}

/// UTF-8 text from a file's bytes: a BOM is dropped and CRLF or lone CR become LF.
/// Other encodings are an error that says which encoding it looks like and how to re-save.
pub fn decode(rel: &str, bytes: &[u8]) -> Result<String, Finding> {
    let save_utf8 = || t!("content-save-as-utf8");
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Finding::error(rel, t!("content-utf16")).help(save_utf8()));
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(
            Finding::error(rel, t!("content-binary", what = what)).help(t!("content-binary.help"))
        );
    }
    // One BOM is what Notepad writes; more come from pasting one file into another.
    let mut bytes = bytes;
    while let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        bytes = rest;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let col = std::str::from_utf8(&good[line_start..]).map_or(1, |s| s.chars().count() + 1);
            let thai_in = |s: &str| {
                s.chars()
                    .filter(|c| ('\u{0E01}'..='\u{0E5B}').contains(c))
                    .count()
            };
            // Thai already read as UTF-8 means a UTF-8 file with one broken spot, not another encoding.
            let utf8_thai_before = std::str::from_utf8(good).is_ok_and(|s| thai_in(s) > 0);
            let (decoded, _, had_errors) = encoding_rs::WINDOWS_874.decode(bytes);
            let looks_thai = !utf8_thai_before
                && !had_errors
                && thai_in(&decoded) * 4 >= bytes.iter().filter(|&&b| b >= 0x80).count();
            let byte = bytes[e.valid_up_to()];
            let byte = format!("{byte:02X}");
            let (message, help) = if looks_thai {
                (t!("content-windows-874"), save_utf8())
            } else if utf8_thai_before {
                (
                    t!("content-broken-byte", byte = byte),
                    t!("content-broken-byte.help"),
                )
            } else {
                (t!("content-not-utf8", byte = byte), save_utf8())
            };
            let mut f = Finding::error(rel, message).help(help);
            (f.line, f.col) = (line, col);
            return Err(f);
        }
    };
    if let Some(i) = text.find('\0') {
        let mut f = Finding::error(rel, t!("content-nul")).help(t!("content-nul.help"));
        (f.line, f.col) = diag::line_col(text, i);
        return Err(f);
    }
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

/// Finds the `---` fences; returns the byte ranges of the YAML and of the body.
fn split(src: &Source) -> Result<(Range<usize>, Range<usize>), Finding> {
    let text: &str = src.inner();
    let fence = |line: &str| line.trim_end() == "---";
    if text.trim().is_empty() {
        return Err(Finding::error(src.name(), t!("content-empty")).help(t!("content-empty.help")));
    }
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() == "+++" {
        return Err(Finding::at(src, 0, 3, t!("content-toml")).help(t!("content-toml.help")));
    }
    if !fence(first) {
        let hint = if text.lines().take(30).any(fence) {
            t!("content-no-opening-fence.text-above")
        } else {
            t!("content-no-opening-fence.help")
        };
        return Err(Finding::at(src, 0, first.len(), t!("content-no-opening-fence")).help(hint));
    }
    let fm_start = first.len() + 1;
    let mut offset = fm_start;
    for line in text[fm_start.min(text.len())..].split_inclusive('\n') {
        if fence(line) {
            let body_start = (offset + line.len()).min(text.len());
            check_second_block(src, body_start)?;
            return Ok((fm_start.min(text.len())..offset, body_start..text.len()));
        }
        offset += line.len();
    }
    Err(Finding::at(src, 0, 3, t!("content-never-closed")).help(t!("content-never-closed.help")))
}

/// A body that starts with another fenced YAML block means the fences were doubled.
fn check_second_block(src: &Source, body_start: usize) -> Result<(), Finding> {
    let text: &str = src.inner();
    let rest = &text[body_start..];
    let skipped = rest.len() - rest.trim_start_matches('\n').len();
    let mut lines = rest[skipped..].lines();
    if lines.next().is_some_and(|l| l.trim_end() == "---")
        && lines
            .next()
            .is_some_and(|l| l.split_once(':').is_some_and(|(k, _)| is_key(k)))
    {
        return Err(
            Finding::at(src, body_start + skipped, 3, t!("content-second-block"))
                .help(t!("content-second-block.help")),
        );
    }
    Ok(())
}

fn is_key(k: &str) -> bool {
    !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The spot of front-matter `key` in the content file `rel` (of `needle` within its line, when
/// given), for a caret. The file is read again: only a finding pays for it, so a build does not
/// hold every file's text.
pub fn locate(
    root: &Path,
    rel: &str,
    key: &str,
    needle: Option<&str>,
) -> Option<(Source, usize, usize)> {
    let bytes = read_checked(&root.join(rel), root, MAX_FILE_BYTES).ok()?;
    let text = decode(rel, &bytes).ok()?;
    let origin = diag::source(rel, Arc::from(text));
    let text: &str = origin.inner();
    // A content file opens with its `---` line (content::read makes sure): the YAML follows it.
    let front_matter = text.find('\n').map_or(text.len(), |i| i + 1);
    let (off, len) = crate::yaml::key_span(text, front_matter, key)?;
    if let Some(n) = needle {
        let line_end = text[off..].find('\n').map_or(text.len(), |i| off + i);
        let hay = text[off..line_end].to_ascii_uppercase();
        if let Some(i) = hay.find(&n.to_ascii_uppercase()) {
            return Some((origin.clone(), off + i, n.len()));
        }
    }
    Some((origin, off, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_str(text: &str) -> Result<(String, String), Finding> {
        let src = diag::source("a.md", Arc::from(decode("a.md", text.as_bytes())?));
        let (fm, body) = split(&src)?;
        Ok((src.inner()[fm].to_string(), src.inner()[body].to_string()))
    }

    // The YAML and the body come apart at the fences.
    #[test]
    fn front_matter_and_body_are_split_at_the_fences() {
        let (fm, body) = split_str("---\ntitle: x\n---\n\nhello\n").unwrap();
        assert_eq!(fm, "title: x\n");
        assert_eq!(body, "\nhello\n");
    }

    // Windows files (BOM + CRLF) read exactly like Unix ones.
    #[test]
    fn bom_and_crlf_are_accepted_silently() {
        let (fm, body) = split_str("\u{FEFF}---\r\ntitle: x\r\n---\r\nhello\r\n").unwrap();
        assert_eq!(fm, "title: x\n");
        assert_eq!(body, "hello\n");
    }

    // A missing closing fence is an error that says so.
    #[test]
    fn front_matter_without_closing_fence_is_an_error() {
        let err = split_str("---\ntitle: x\nhello\n").unwrap_err();
        assert!(err.message.contains("never closed"), "{err}");
        assert_eq!(err.line, 1);
    }

    // A file with no opening fence is an error on line 1.
    #[test]
    fn file_without_opening_fence_is_an_error() {
        let err = split_str("title: x\n").unwrap_err();
        assert!(err.message.contains("does not start"), "{err}");
    }

    // Thai saved by an old Windows editor is recognised by name.
    #[test]
    fn windows_874_thai_is_named() {
        let (bytes, _, _) = encoding_rs::WINDOWS_874.encode("---\ntitle: การใช้ทรัพย์สิน\n---\n");
        let err = decode("a.md", &bytes).unwrap_err();
        assert!(err.message.contains("Windows-874"), "{err}");
        assert_eq!(err.line, 2);
    }

    // UTF-8 Thai with one broken byte is not mistaken for Windows-874.
    #[test]
    fn broken_utf8_thai_is_not_called_windows_874() {
        let mut bytes = "---\ntitle: การใช้\n".as_bytes().to_vec();
        bytes.extend([0xE0, b'x', b'\n']);
        let err = decode("a.md", &bytes).unwrap_err();
        assert!(err.message.contains("broken byte"), "{err}");
        assert_eq!((err.line, err.col), (3, 1));
    }

    // A document renamed to .md is named for what it is.
    #[test]
    fn binary_files_are_named() {
        let err = decode("a.md", b"%PDF-1.7\n\xE2\xE3").unwrap_err();
        assert!(err.message.contains("PDF document"), "{err}");
    }

    // Oversized front matter is refused before YAML sees it.
    #[test]
    fn oversized_front_matter_is_refused() {
        let text = format!("---\ntitle: {}\n---\n", "x".repeat(MAX_FRONT_MATTER_BYTES));
        let err = from_bytes("a.md", "a", Kind::Measure, text.as_bytes()).unwrap_err();
        assert!(err.message.contains("may be at most 256 KB"), "{err}");
    }

    proptest::proptest! {
        // Any bytes give a split file or a finding, never a panic; ranges lie inside the text.
        #[test]
        fn any_bytes_split_or_give_a_finding(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            if let Ok(f) = from_bytes("a.md", "a", Kind::Page, &bytes) {
                proptest::prop_assert!(f.front_matter.end <= f.body.start && f.body.end == f.text().len());
            }
        }

        // Front matter written between fences comes back out byte for byte.
        #[test]
        fn front_matter_round_trips(yaml in "([a-z]{1,8}: [^\\n\\r\\u{FEFF}-]{0,20}\n){0,6}", body in "[^\\r\\u{FEFF}]{0,60}") {
            let text = format!("---\n{yaml}---\n{body}");
            let f = from_bytes("a.md", "a", Kind::Page, text.as_bytes());
            if let Ok(f) = f {
                proptest::prop_assert_eq!(f.front_matter_text(), yaml.as_str());
            }
        }
    }

    // Names one system keeps as one file have one key: composed and decomposed accents, Thai
    // marks in either order; different names keep different keys.
    #[test]
    fn canonically_equal_names_have_one_key() {
        assert_eq!(name_key("caf\u{e9}.pdf"), name_key("cafe\u{301}.pdf"));
        assert_eq!(
            name_key("\u{e19}\u{e49}\u{e33}"),
            name_key("\u{e19}\u{e33}\u{e49}")
        );
        assert_ne!(
            name_key("\u{e19}\u{e49}\u{e33}"),
            name_key("\u{e19}\u{e48}\u{e33}")
        );
        assert_ne!(name_key("a.pdf"), name_key("A.pdf"));
    }
}
