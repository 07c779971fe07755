//! Markdown body -> HTML with pulldown-cmark: tables, footnotes, strikethrough, heading anchors that
//! keep Thai, root-relative links made relative so the site works under a sub-path, and raw HTML
//! escaped (with a warning) unless the site allows it. `javascript:` and similar links are never emitted.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::diag::{Finding, Source};

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
    Finding::at(
        src,
        offset,
        1,
        format!("the text nests lists or quotes more than {MAX_DEPTH} levels deep"),
    )
    .help("browsers cannot show this much nesting: flatten the lists or quotes")
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
    fn warn(&mut self, offset: usize, len: usize, msg: &str, help: &str) {
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
                    format!(
                        "{} more places with raw HTML or unsafe links are not listed",
                        self.unlisted
                    ),
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
                "raw HTML is shown as text, not run",
                "write it as Markdown, or set `allow_html: true` in site.yaml if this HTML is trusted",
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
                "heading attributes other than {#id .class} are dropped",
                "keep `{#id}` or `{.class}`; set `allow_html: true` in site.yaml if this markup is trusted",
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
                    "this link's address is not allowed",
                    "links may use http:, https:, mailto:, tel: or a path",
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
                    "this image's address is not allowed",
                    "images may use http:, https: or a path",
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
    let wrapped = events.into_iter().flat_map(|e| match e {
        Event::Start(Tag::Table(_)) => [
            Some(Event::Html("<div class=\"table-wrap\">".into())),
            Some(e),
        ],
        Event::End(TagEnd::Table) => [Some(e), Some(Event::Html("</div>".into()))],
        e => [Some(e), None],
    });
    html::push_html(&mut out, wrapped.flatten());
    out
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

/// Gives every heading without an explicit `{#id}` an id made from its text, unique in the page.
fn add_heading_ids(events: &mut [Event]) {
    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    // The next suffix to try for each base, so a page of identical headings stays linear.
    let mut next: HashMap<String, usize> = HashMap::new();
    for i in 0..events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            for e in &events[i + 1..] {
                match e {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let base = anchor(&text);
            let base = if base.is_empty() {
                "section".to_string()
            } else {
                base
            };
            let mut id = base.clone();
            let n = next.entry(base.clone()).or_insert(1);
            while used.contains(&id) {
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
            "## ชื่อ {#top .big onclick=alert(1) onmouseover=\"x\"}\n",
            false,
        );
        assert!(html.contains(r#"<h2 id="top" class="big">"#), "{html}");
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
}
