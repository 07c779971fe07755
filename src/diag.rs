//! Findings about the site's files: what is wrong, where (file, line, column), and how to fix it.
//!
//! A [`Finding`] is a value, not an early return: every step collects them into [`Findings`] and the
//! build decides at the end whether it may write. This module also prints them (with miette's
//! graphical handler: a caret under the spot) and as JSON. It owns no file reading.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan,
};
use serde::Serialize;

/// How bad a finding is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A source file's text shared by all findings about it, for the caret snippet.
pub type Source = Arc<NamedSource<Arc<str>>>;

/// Wraps a file's (decoded) text so findings can point into it.
pub fn source(name: &str, text: Arc<str>) -> Source {
    Arc::new(NamedSource::new(printable(name), text))
}

/// Characters a terminal would act on rather than show, or would show as nothing: controls
/// (escape sequences), the bidirectional overrides that make text display in another order than
/// it is, and the zero-width ones that make two names look the same.
fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// `s` with every [`unprintable`] character written as `\u{..}`.
fn printable(s: &str) -> String {
    if !s.chars().any(unprintable) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if unprintable(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Findings at places in one file that are drawn; the rest are counted.
const MAX_SHOWN_PER_FILE: usize = 50;

/// Longest stretch of text (the line and its neighbours) a finding prints as its snippet.
const MAX_SNIPPET_BYTES: usize = 4096;

/// One problem in one place.
#[derive(Debug, Clone)]
pub struct Finding {
    pub severity: Severity,
    /// The file, relative to the site root, with `/` separators.
    pub file: String,
    /// 1-based line and column (in characters), 0 when the finding is about the whole file.
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    src: Option<Source>,
    span: Option<SourceSpan>,
}

impl Finding {
    /// An error about a whole file (no position).
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            col: 0,
            message: message.into(),
            help: None,
            src: None,
            span: None,
        }
    }

    /// An error at byte `offset` (length `len`) of `src`, whose text is the file's whole text.
    pub fn at(src: &Source, offset: usize, len: usize, message: impl Into<String>) -> Self {
        let text = src.inner();
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let end = floor_char_boundary(text, (offset + len).min(text.len()));
        let (line, col) = line_col(text, offset);
        // The snippet shows the line and one on each side; a megabyte-long line would flood the
        // terminal, so then the finding keeps only its file:line:col.
        let from = text[..offset]
            .rfind('\n')
            .map_or(0, |i| text[..i].rfind('\n').map_or(0, |j| j + 1));
        let to = text[offset..]
            .match_indices('\n')
            .nth(1)
            .map_or(text.len(), |(i, _)| offset + i);
        let snippet = to - from <= MAX_SNIPPET_BYTES && !text[from..to].chars().any(unprintable);
        Finding {
            severity: Severity::Error,
            file: src.name().to_string(),
            line,
            col,
            message: message.into(),
            help: None,
            src: snippet.then(|| src.clone()),
            span: snippet.then(|| SourceSpan::new(offset.into(), end - offset)),
        }
    }

    /// The same finding with a hint on how to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same finding as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// `file:line:col` (or just `file`), as editors and the serve overlay link it.
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.col)
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

impl std::error::Error for Finding {}

impl Diagnostic for Finding {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.src.as_deref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(crate::t!("diag-here")),
            span,
        ))))
    }
}

/// All findings of one run, in the order of files and lines.
#[derive(Debug, Default, Clone)]
pub struct Findings(Vec<Finding>);

impl Findings {
    pub fn push(&mut self, f: Finding) {
        self.0.push(f);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Finding>) {
        self.0.extend(other);
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn errors(&self) -> usize {
        self.0
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.0.iter()
    }

    /// Sorts by file, line and column, so output does not depend on thread timing.
    /// The sort is stable: findings at one place keep the order they were found in (the
    /// checklist's item order, for example), which does not depend on threads either.
    pub fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    }

    /// Every finding drawn with its snippet and caret, each followed by a blank line. The count
    /// line is [`Findings::summary`]'s, printed by the caller.
    pub fn render(&self, color: bool) -> String {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let help_style = theme.styles.help;
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_context_lines(1)
            .with_width(if color { 100 } else { 1000 })
            // Wrapping asks ICU4X for Thai word breaks, which it lacks: it would print
            // "ICU4X data error" lines into the output. Terminals wrap long lines themselves.
            .with_wrap_lines(false);
        let mut out = String::new();
        // Past this many findings at places in one file the rest are the same fault again (a
        // list repeated by aliases, a pasted block): they are counted, not drawn. Findings about
        // a whole file (one per checklist item, at most) are always drawn.
        let mut shown: (&str, usize) = ("", 0);
        let mut hidden = std::collections::BTreeMap::<&str, usize>::new();
        for f in &self.0 {
            if shown.0 != f.file {
                shown = (&f.file, 0);
            }
            shown.1 += usize::from(f.line > 0);
            if shown.1 > MAX_SHOWN_PER_FILE {
                *hidden.entry(&f.file).or_default() += 1;
                continue;
            }
            // Names and values come from the files: escape codes in them must not reach the terminal.
            // Paths are printed the way the user's system writes them (`\` on Windows).
            let f = &Finding {
                file: os_path(&printable(&f.file)).into_owned(),
                message: printable(&f.message),
                help: f.help.as_deref().map(printable),
                src: f.src.as_ref().map(|s| match os_path(s.name()) {
                    std::borrow::Cow::Borrowed(_) => s.clone(),
                    std::borrow::Cow::Owned(name) => {
                        Arc::new(NamedSource::new(name, s.inner().clone()))
                    }
                }),
                ..f.clone()
            };
            if f.src.is_none() {
                // Without a snippet miette would not print the file name at all.
                let kind = if f.severity == Severity::Error {
                    crate::t!("diag-error")
                } else {
                    crate::t!("diag-warning")
                };
                out.push_str(&format!("{kind}: {}: {}\n", f.location(), f.message));
                if let Some(h) = &f.help {
                    out.push_str(&format!("  {}: {h}\n", crate::t!("diag-help")));
                }
                out.push('\n');
                continue;
            }
            // miette writes its own English "help:" before the help; the help line is written
            // here instead, the way miette writes it, with the word in the chosen language.
            let bare = Finding {
                help: None,
                ..f.clone()
            };
            let _ = handler.render_report(&mut out, &bare);
            if let Some(h) = &f.help {
                let label = format!("  {}: ", crate::t!("diag-help"));
                out.push_str(&help_style.style(label).to_string());
                // Later lines line up under the first, as miette indents them.
                for (i, line) in h.split_terminator('\n').enumerate() {
                    if i > 0 {
                        out.push('\n');
                        if !line.trim().is_empty() {
                            out.push_str("        ");
                        }
                    }
                    out.push_str(line);
                }
                out.push('\n');
            }
            out.push('\n');
        }
        for (file, n) in hidden {
            let line = crate::t!("findings-not-shown", file = printable(file), count = n);
            out.push_str(&line);
            out.push_str("\n\n");
        }
        out
    }

    /// The counts `check` ends with: `2 errors, 1 warning`.
    pub fn summary(&self) -> String {
        crate::t!(
            "summary",
            errors = self.errors(),
            warnings = self.warnings()
        )
    }

    /// The findings as a JSON array of `{severity, file, line, col, message, help}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Array(
            self.0
                .iter()
                .map(|f| {
                    serde_json::json!({
                        "severity": f.severity, "file": f.file, "line": f.line, "col": f.col,
                        "message": f.message, "help": f.help,
                    })
                })
                .collect(),
        )
    }
}

impl From<Vec<Finding>> for Findings {
    fn from(findings: Vec<Finding>) -> Self {
        Findings(findings)
    }
}

impl IntoIterator for Findings {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// 1-based line and column (counted in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Byte offset of the start of 1-based `line` in `text` (the end of the text past the last line).
pub fn line_offset(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A path relative to `root`, with `/` separators, for messages.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A `/`-separated relative path as the user's system writes it: with `\` on Windows.
pub fn os_path(rel: &str) -> std::borrow::Cow<'_, str> {
    if cfg!(windows) {
        rel.replace('/', "\\").into()
    } else {
        rel.into()
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Escape codes in a file's name, values or text are printed as text, never sent to the terminal.
    #[test]
    fn escape_codes_never_reach_the_terminal() {
        let src = source("a\u{1b}[2J.md", Arc::from("---\nx: \u{1b}]0;t\u{7}\n---\n"));
        let mut all = Findings::default();
        all.push(Finding::at(&src, 7, 1, "bad \u{202e}value"));
        let out = all.render(false);
        assert!(!out.chars().any(unprintable), "{out:?}");
        assert!(
            out.contains("a\\u{1b}[2J.md:2:4") && out.contains("bad \\u{202e}value"),
            "{out}"
        );
    }

    // A line too long to show keeps its place but prints no snippet.
    #[test]
    fn megabyte_lines_print_no_snippet() {
        let text = format!("---\n{}\n", "ก".repeat(1 << 20));
        let f = Finding::at(&source("a.md", Arc::from(text)), 10, 1, "x");
        assert_eq!((f.line, f.src.is_none()), (2, true));
    }

    // Columns count characters, so a caret under Thai text lands where the clerk sees it.
    #[test]
    fn line_col_counts_thai_characters_not_bytes() {
        let text = "a: 1\nชื่อ: x\n";
        let off = text.find('x').unwrap();
        assert_eq!(line_col(text, off), (2, 7));
    }

    // A rendered finding names file:line:col and carries the help text under the snippet, as
    // miette writes it, lines after the first lined up under the first.
    #[test]
    fn rendered_finding_names_file_line_and_column() {
        let src = source(
            "content/measures/a.md",
            Arc::from("---\nstatus: finished\n---\n"),
        );
        let mut all = Findings::default();
        all.push(
            Finding::at(&src, 12, 8, "unknown status `finished`").help("write done\nor not_done"),
        );
        let text = all.render(false);
        assert!(text.contains("content/measures/a.md:2:9"), "{text}");
        assert!(text.contains("unknown status `finished`"), "{text}");
        assert!(text.contains("╰── here\n"), "{text}");
        assert!(
            text.ends_with("  ╰────\n  help: write done\n        or not_done\n\n"),
            "{text}"
        );
    }

    // Typos of known keys get a suggestion; unrelated words do not.
    #[test]
    fn did_you_mean_suggests_only_close_words() {
        assert_eq!(did_you_mean("scroe", ["score", "status"]), Some("score"));
        assert_eq!(did_you_mean("zzz", ["score", "status"]), None);
    }

    // A flood of findings at places in one file draws the first fifty and counts the rest;
    // findings about whole files are all drawn.
    #[test]
    fn a_flood_of_findings_in_one_file_is_counted_not_drawn() {
        let src = source("a.yaml", Arc::from("x: 1\n".repeat(1000)));
        let mut all: Vec<Finding> = (0..1000)
            .map(|i| Finding::at(&src, i * 5, 1, format!("fault {i}")))
            .collect();
        all.extend((0..60).map(|i| Finding::error("b.yaml", format!("item {i}"))));
        let mut findings = Findings::from(all);
        findings.sort();
        let out = findings.render(false);
        assert!(
            out.contains("fault 49") && !out.contains("fault 50"),
            "{out}"
        );
        assert!(out.contains("950 more findings not shown"), "{out}");
        assert!(out.contains("item 59"));
    }
}
