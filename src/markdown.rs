//! Markdown body -> HTML with pulldown-cmark: tables, footnotes, strikethrough, heading anchors that
//! keep Thai, root-relative links made relative so the site works under a sub-path, and raw HTML
//! escaped (with a warning) unless the site allows it. `javascript:` and similar links are never emitted.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{Alignment, CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::diag::{Finding, Source};
use crate::t;

/// Deepest nesting of blocks and inlines a body may have; more is refused (browsers flatten it,
/// and deep trees only cost time and stack further down).
pub const MAX_DEPTH: usize = 100;

/// Warnings listed per body; further ones are counted in one line.
const MAX_WARNINGS: usize = 20;

/// How to render one body.
pub struct Settings<'a> {
    /// Relative path from the page to the site root, e.g. `../../`.
    pub root: &'a str,
    /// Let raw HTML through.
    pub allow_html: bool,
}

/// Renders the Markdown at `body_start..` of the file `src`; findings point into that file.
pub fn render(src: &Source, body_start: usize, settings: &Settings) -> (String, Vec<Finding>) {
    let text = &src.inner()[body_start..];
    let mut warnings = Warnings::new(src, body_start);
    let mut events: Vec<Event> = Vec::with_capacity(text.len() / 16);
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, OPTIONS).into_offset_iter() {
        depth = nesting(depth, &event);
        if depth > MAX_DEPTH {
            return (String::new(), vec![too_deep(src, body_start + range.start)]);
        }
        events.push(sanitize(event, &range, settings, &mut warnings));
    }
    let findings = warnings.finish();
    prefix_footnotes(&mut events);
    add_heading_ids(&mut events);
    (to_html(events, text.len()), findings)
}

/// The Markdown extensions a body may use.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Nesting depth after `event`, given the depth before it.
fn nesting(depth: usize, event: &Event) -> usize {
    match event {
        Event::Start(_) => depth + 1,
        Event::End(_) => depth.saturating_sub(1),
        _ => depth,
    }
}

/// The finding that refuses a body nesting deeper than [`MAX_DEPTH`] at byte `offset` of `src`.
fn too_deep(src: &Source, offset: usize) -> Finding {
    Finding::at(src, offset, 1, t!("markdown-too-deep", max = MAX_DEPTH))
        .help(t!("markdown-too-deep.help"))
}

/// The warnings of one body: at most one a line and [`MAX_WARNINGS`] in all, the rest counted.
struct Warnings<'s> {
    src: &'s Source,
    body_start: usize,
    listed: Vec<Finding>,
    lines: HashSet<usize>,
    unlisted: usize,
}

impl<'s> Warnings<'s> {
    fn new(src: &'s Source, body_start: usize) -> Self {
        Warnings {
            src,
            body_start,
            listed: Vec::new(),
            lines: HashSet::new(),
            unlisted: 0,
        }
    }

    /// Warns about `len` bytes at `offset` in the body.
    fn warn(&mut self, offset: usize, len: usize, msg: String, help: String) {
        // Placing a finding scans the file up to it: keep a hostile file from making that quadratic.
        if self.lines.len() >= MAX_WARNINGS {
            self.unlisted += 1;
            return;
        }
        let f = Finding::at(self.src, self.body_start + offset, len, msg)
            .help(help)
            .warning();
        if self.lines.insert(f.line) {
            self.listed.push(f);
        }
    }

    /// The warnings listed, then one line counting the others.
    fn finish(mut self) -> Vec<Finding> {
        if self.unlisted > 0 {
            self.listed.push(
                Finding::error(
                    self.src.name(),
                    t!("markdown-more-warnings", count = self.unlisted),
                )
                .warning(),
            );
        }
        self.listed
    }
}

/// The event made safe to emit: raw HTML as text unless allowed, and the tags [`sanitize_tag`] fixes.
fn sanitize<'a>(
    event: Event<'a>,
    range: &Range<usize>,
    settings: &Settings,
    warnings: &mut Warnings,
) -> Event<'a> {
    match event {
        Event::Html(h) | Event::InlineHtml(h) if !settings.allow_html => {
            warnings.warn(
                range.start,
                range.len().min(h.trim_end().len()).max(1),
                t!("markdown-raw-html"),
                t!("markdown-raw-html.help"),
            );
            Event::Text(h)
        }
        Event::Start(tag) => Event::Start(sanitize_tag(tag, range, settings, warnings)),
        e => e,
    }
}

/// The tag made safe to emit: heading attributes other than id and class dropped unless allowed,
/// link and image addresses fixed by [`fix_url`].
fn sanitize_tag<'a>(
    tag: Tag<'a>,
    range: &Range<usize>,
    settings: &Settings,
    warnings: &mut Warnings,
) -> Tag<'a> {
    match tag {
        // `{key=value}` after a heading becomes an attribute named by the author: `onclick`
        // would run script. Only `{#id .class}` is kept (found by the markdown fuzz target).
        Tag::Heading {
            level,
            id,
            classes,
            attrs,
        } if !settings.allow_html && !attrs.is_empty() => {
            warnings.warn(
                range.start,
                range.len(),
                t!("markdown-heading-attributes"),
                t!("markdown-heading-attributes.help"),
            );
            Tag::Heading {
                level,
                id,
                classes,
                attrs: Vec::new(),
            }
        }
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Link {
            link_type,
            dest_url: fix_url(dest_url, settings.root).unwrap_or_else(|| {
                warnings.warn(
                    range.start,
                    range.len(),
                    t!("markdown-bad-link"),
                    t!("markdown-bad-link.help"),
                );
                CowStr::Borrowed("#")
            }),
            title,
            id,
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Image {
            link_type,
            dest_url: fix_url(dest_url, settings.root).unwrap_or_else(|| {
                warnings.warn(
                    range.start,
                    range.len(),
                    t!("markdown-bad-image"),
                    t!("markdown-bad-image.help"),
                );
                CowStr::Borrowed("")
            }),
            title,
            id,
        },
        t => t,
    }
}

/// The HTML of `events` (from a body of `len` bytes), each table wrapped in `div.table-wrap`.
fn to_html(events: Vec<Event>, len: usize) -> String {
    let mut out = String::with_capacity(len * 3 / 2);
    // Aligned columns: pulldown-cmark writes `style="text-align: ..."`, which the theme's CSP
    // blocks; the cells are written here with a class the theme's style sheet aligns.
    let mut align: Vec<Alignment> = Vec::new();
    let (mut cell, mut head) = (0, false);
    let wrapped = events.into_iter().flat_map(|e| match e {
        Event::Start(Tag::Table(a)) => {
            align = a;
            [
                Some(Event::Html("<div class=\"table-wrap\">".into())),
                Some(Event::Start(Tag::Table(Vec::new()))),
            ]
        }
        Event::End(TagEnd::Table) => [Some(e), Some(Event::Html("</div>".into()))],
        Event::Start(Tag::TableHead) => {
            (head, cell) = (true, 0);
            [Some(e), None]
        }
        Event::End(TagEnd::TableHead) => {
            head = false;
            [Some(e), None]
        }
        Event::Start(Tag::TableRow) => {
            cell = 0;
            [Some(e), None]
        }
        Event::Start(Tag::TableCell) => {
            let tag = if head { "th" } else { "td" };
            let class = match align.get(cell) {
                Some(Alignment::Left) => " class=\"align-left\"",
                Some(Alignment::Center) => " class=\"align-center\"",
                Some(Alignment::Right) => " class=\"align-right\"",
                _ => "",
            };
            [Some(Event::Html(format!("<{tag}{class}>").into())), None]
        }
        Event::End(TagEnd::TableCell) => {
            cell += 1;
            let tag = if head { "th" } else { "td" };
            [Some(Event::Html(format!("</{tag}>").into())), None]
        }
        e => [Some(e), None],
    });
    html::push_html(&mut out, wrapped.flatten());
    out
}

/// Ids the theme's pages and the preview's script use: a heading or footnote of a body never
/// takes one (a second `id="main"` would move the skip link, a heading `prongsai-error` would
/// break the preview's error box). A unit test checks the theme's templates against this list.
const RESERVED_IDS: &[&str] = &[
    "main",
    "top",
    "q",
    "more",
    "missing",
    "counts",
    "scores",
    "status-filter",
    "site-search-q",
    "search-form",
    "search-status",
    "search-results",
    "search-more",
    "search-more-wrap",
    "search-hint",
    "f-year",
    "f-unit",
    "f-status",
    "f-assessment",
    "chart-title",
    "chart-desc",
    "oit-chart-title",
    "oit-chart-desc",
    "legend",
    "print-report",
];

/// Whether a body may not use `id`: the theme's, the preview's (`prongsai-...`) and the
/// footnotes' (`fn-...`).
fn reserved_id(id: &str) -> bool {
    RESERVED_IDS.contains(&id) || id.starts_with("prongsai-") || id.starts_with("fn-")
}

/// Footnote names as ids of their own (`fn-NAME`), so a heading never shares one.
fn prefix_footnotes(events: &mut [Event]) {
    for e in events {
        match e {
            Event::FootnoteReference(name) | Event::Start(Tag::FootnoteDefinition(name)) => {
                *name = format!("fn-{name}").into();
            }
            _ => {}
        }
    }
}

/// A link target safe to emit: root-relative paths become page-relative; script schemes give None.
fn fix_url<'a>(url: CowStr<'a>, root: &str) -> Option<CowStr<'a>> {
    let lower: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return None;
    }
    if let Some(rest) = url.strip_prefix('/')
        && !rest.starts_with('/')
    {
        return Some(format!("{root}{rest}").into());
    }
    Some(url)
}

/// Gives every heading an id unique in the page and none of the [`reserved_id`]s: an explicit
/// `{#id}` is kept when it is free, any other heading's is made from its text.
fn add_heading_ids(events: &mut [Event]) {
    let mut used: HashSet<String> = HashSet::new();
    // The next suffix to try for each base, so a page of identical headings stays linear.
    let mut next: HashMap<String, usize> = HashMap::new();
    // Explicit ids first, so a heading's text never takes the id another heading asked for.
    for pass in [true, false] {
        for i in 0..events.len() {
            let base = match &events[i] {
                Event::Start(Tag::Heading { id: Some(id), .. }) if pass => id.to_string(),
                Event::Start(Tag::Heading { id: None, .. }) if !pass => {
                    let base = anchor(&heading_text(&events[i + 1..]));
                    if base.is_empty() {
                        "section".to_string()
                    } else {
                        base
                    }
                }
                _ => continue,
            };
            // A suffix cannot free a reserved prefix: such an id gets one of its own.
            let base = if base.starts_with("prongsai-") || base.starts_with("fn-") {
                format!("h-{base}")
            } else {
                base
            };
            let mut id = base.clone();
            let n = next.entry(base.clone()).or_insert(1);
            while used.contains(&id) || reserved_id(&id) {
                id = format!("{base}-{n}");
                *n += 1;
            }
            used.insert(id.clone());
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(id.into());
            }
        }
    }
}

/// The text of the heading whose events follow.
fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// An anchor from heading text: Thai letters with their vowel and tone marks kept, ASCII lower-cased,
/// spaces as `-`, punctuation dropped.
pub fn anchor(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        // Thai first: the Unicode tables `is_alphanumeric` searches cost more than the rest.
        if ('\u{0E00}'..='\u{0E7F}').contains(&c) {
            out.push(c);
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn md(body: &str, allow_html: bool) -> (String, Vec<Finding>) {
        let src = crate::diag::source("a.md", Arc::from(format!("---\ntitle: x\n---\n{body}")));
        render(
            &src,
            16,
            &Settings {
                root: "../../",
                allow_html,
            },
        )
    }

    // Heading anchors keep Thai vowel and tone marks (Hugo drops them).
    #[test]
    fn heading_anchors_keep_thai_marks() {
        let (html, _) = md("## ปัญหาและอุปสรรค\n", false);
        assert!(html.contains(r#"<h2 id="ปัญหาและอุปสรรค">"#), "{html}");
    }

    // Raw HTML is escaped and reported with its line in the .md file.
    #[test]
    fn raw_html_is_escaped_and_reported() {
        let (html, findings) = md("hello\n\n<script>alert(1)</script>\n", false);
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].line, 6);
    }

    // With allow_html the author's HTML passes through.
    #[test]
    fn raw_html_passes_when_allowed() {
        let (html, findings) = md("<b>hi</b>\n", true);
        assert!(html.contains("<b>hi</b>"), "{html}");
        assert!(findings.is_empty());
    }

    // Root-relative links work under a sub-path; script links are never emitted.
    #[test]
    fn links_are_made_relative_and_script_links_dropped() {
        let (html, findings) = md(
            "[a](/oit/) [b](javascript:alert(1)) [c](https://x.go.th/)\n",
            false,
        );
        assert!(html.contains(r#"href="../../oit/""#), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains(r#"href="https://x.go.th/""#), "{html}");
        assert_eq!(findings.len(), 1);
    }

    // Ten thousand nested lists or quotes are refused with a place, not rendered into a tree that deep.
    #[test]
    fn deep_nesting_is_refused() {
        for body in ["- ".repeat(10_000), ">".repeat(10_000)] {
            let (html, findings) = md(&format!("{body}x\n"), false);
            assert!(html.is_empty());
            assert_eq!(findings.len(), 1);
            assert!(findings[0].message.contains("more than 100 levels"));
            assert_eq!(findings[0].severity, crate::diag::Severity::Error);
        }
    }

    // Many identical headings get unique ids in linear time.
    #[test]
    fn identical_headings_get_unique_ids_quickly() {
        let start = std::time::Instant::now();
        let (html, _) = md(&"## a\n\n".repeat(20_000), false);
        assert!(html.contains(r#"<h2 id="a-19999">"#));
        assert!(start.elapsed().as_secs() < 10);
        let (html, _) = md("## b {#b-1}\n\n## b\n\n## b\n", false);
        assert_eq!(html.matches(r#"id="b-1""#).count(), 1, "{html}");
    }

    // A file full of raw HTML lists a few warnings and counts the rest.
    #[test]
    fn warnings_are_capped_per_file() {
        let (_, findings) = md(&"<b>x</b>\n\n".repeat(1000), false);
        assert_eq!(findings.len(), MAX_WARNINGS + 1);
        assert!(findings.last().unwrap().message.contains("more places"));
    }

    // Heading attributes cannot add event handlers (the markdown fuzz target's first find).
    #[test]
    fn heading_attributes_cannot_add_event_handlers() {
        let (html, findings) = md(
            "## ชื่อ {#intro .big onclick=alert(1) onmouseover=\"x\"}\n",
            false,
        );
        assert!(html.contains(r#"<h2 id="intro" class="big">"#), "{html}");
        assert!(
            !html.contains("onclick") && !html.contains("onmouseover"),
            "{html}"
        );
        assert_eq!(findings.len(), 1);
        // The fuzzer's input: an attribute name full of control characters and `$`.
        let crash =
            "<sc\n\0\0;b\0ase64,AA \n\n## h {$$$$\u{f}\u{1}\0$$$$=x onerr)$$$$d}\n\n##\nUnih\n";
        let (html, _) = md(crash, false);
        assert!(!html.contains("onerr") && !html.contains("$$$$="), "{html}");
        assert!(live_markup(&html).is_none());
        assert!(
            live_markup(r#"<h2 id="a" onclick="alert(1)">"#).is_some(),
            "the checker sees it"
        );
    }

    /// Live markup in rendered HTML, but `style` attributes: Markdown's aligned table columns
    /// write them (inert under the theme's CSP, which blocks inline style).
    fn live_markup(html: &str) -> Option<String> {
        crate::escape::live_markup(html)
            .into_iter()
            .find(|l| !matches!(l, crate::escape::Live::Attribute { name, .. } if name == "style"))
            .map(|l| l.to_string())
    }

    proptest::proptest! {
        // Whatever an author types from Markdown's own characters and script words, no live tag,
        // event attribute or script URL comes out (the markdown fuzz target's check, in every test run).
        #[test]
        fn no_markdown_makes_live_markup(body in "([\\[\\]()<>!#*_`{}=\"' \n:/.|-]|javascript|onclick|script|img|src|href|data){0,40}") {
            let (html, _) = md(&body, false);
            proptest::prop_assert!(live_markup(&html).is_none(), "{:?} -> {}", body, html);
        }
    }

    // Tables get a wrapper that scrolls on narrow screens.
    #[test]
    fn tables_are_wrapped_for_scrolling() {
        let (html, _) = md("| a | b |\n| - | - |\n| 1 | 2 |\n", false);
        assert!(html.contains("<div class=\"table-wrap\"><table>"), "{html}");
    }

    // Aligned table columns get a class the theme aligns, never a `style=` its CSP would block.
    #[test]
    fn aligned_columns_are_classes_not_styles() {
        let (html, _) = md("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n", false);
        assert!(!html.contains("style="), "{html}");
        assert!(
            html.contains(r#"<th class="align-center">b</th>"#),
            "{html}"
        );
        assert!(html.contains(r#"<td class="align-right">3</td>"#), "{html}");
    }

    // Headings never take an id of the theme, the preview or a footnote, nor one another's.
    #[test]
    fn heading_ids_avoid_the_theme_the_preview_and_footnotes() {
        let (html, _) = md(
            "# main\n\n# prongsai-error\n\n# x {#top}\n\n# fn-1\n\n# a\n\n# b {#a}\n\nnote[^1]\n\n[^1]: n\n",
            false,
        );
        for id in ["main", "prongsai-error", "top", "fn-1\"", "id=\"a\""] {
            let n = html
                .matches(&format!("id=\"{}", id.trim_start_matches("id=\"")))
                .count();
            assert!(n <= 1, "{id} twice in {html}");
        }
        assert!(html.contains(r#"<h1 id="main-1">"#), "{html}");
        assert!(html.contains(r#"<h1 id="h-prongsai-error">"#), "{html}");
        assert!(
            html.contains(r#"<h1 id="a">b</h1>"#),
            "the explicit id wins: {html}"
        );
        assert!(html.contains(r##"href="#fn-1""##), "{html}");
    }

    // Every id the theme's templates write is one a body may not take.
    #[test]
    fn every_theme_id_is_reserved() {
        for (name, text) in crate::theme::TEMPLATES {
            for part in text.split(" id=\"").skip(1) {
                let id = part.split('"').next().unwrap_or("");
                if !id.contains('{') {
                    assert!(
                        reserved_id(id),
                        "{name} uses id `{id}`, not in RESERVED_IDS"
                    );
                }
            }
        }
    }
}
