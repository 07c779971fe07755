//! Files for machines: `measures.json`, `measures.csv` (UTF-8 with BOM, formula-safe), the JSON
//! Schema of the front matter, the Atom feed, `sitemap.xml` and `robots.txt`.
//!
//! Each is an [`Output`] in memory; `site` writes them with the pages. The fields of the JSON and
//! CSV are documented in the README ("Open data"). HTML pages are not made here.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::measure::{Measure, Page};
use crate::render::Output;
use crate::site::Site;

/// One measure as published in measures.json and measures.csv.
#[derive(Serialize)]
struct Record<'a> {
    url: String,
    slug: &'a str,
    title: &'a str,
    fiscal_year: i32,
    assessment: &'static str,
    indicator: u8,
    indicator_title: &'static str,
    score: Option<f64>,
    target: f64,
    status: &'static str,
    status_label: &'static str,
    methods: &'a [String],
    results: &'a [String],
    responsible: &'a [String],
    period: Option<&'a str>,
    period_start: Option<String>,
    period_end: Option<String>,
    follow_up: Option<&'a str>,
    oit: &'a [String],
    date: Option<String>,
    attachments: Vec<String>,
    source: &'a str,
    body_html: &'a str,
}

fn record<'a>(m: &'a Measure, base: &str) -> Record<'a> {
    Record {
        url: format!("{base}measures/{}/", m.slug),
        slug: &m.slug,
        title: &m.title,
        fiscal_year: m.fiscal_year,
        assessment: m.assessment.code(),
        indicator: m.indicator,
        indicator_title: m.indicator_title,
        score: m.score,
        target: m.target,
        status: m.status.key(),
        status_label: m.status.label(),
        methods: &m.methods,
        results: &m.results,
        responsible: &m.responsible,
        period: m.period.as_deref(),
        period_start: m.period_range.map(|r| r.start.to_string()),
        period_end: m.period_range.map(|r| r.end.to_string()),
        follow_up: m.follow_up.as_deref(),
        oit: &m.oit,
        date: m.date.map(|d| d.iso()),
        attachments: m
            .attachments
            .iter()
            .map(|a| format!("{base}{}", a.path))
            .collect(),
        source: &m.source,
        body_html: &m.body,
    }
}

/// One measure's part of each file, made once per measure (and kept by `serve` while the measure
/// is unchanged).
#[derive(Debug)]
struct Lines {
    /// Its object in measures.json, on one line.
    json: String,
    /// Its row of measures.csv, with the line end.
    csv: String,
    /// The feed entry's date and address (the feed's order) and the entry.
    updated: String,
    url: String,
    entry: String,
}

impl Lines {
    fn new(m: &Measure, base: &str) -> Lines {
        let r = record(m, base);
        let (updated, url, entry) = measure_entry(m, base);
        Lines {
            json: serde_json::to_string(&r).expect("records serialise"),
            csv: csv_row(&r),
            updated,
            url,
            entry,
        }
    }
}

/// Each measure's lines from the last render, by the measure they were made from (held, so
/// an address is never reused while it is a key here).
#[derive(Debug, Default)]
pub struct Memo {
    base: String,
    lines: HashMap<usize, (Arc<Measure>, Arc<Lines>)>,
}

/// Every machine-readable file of the site. With a memo, the lines of measures it already holds
/// are taken from it.
pub fn render(site: &Site, memo: Option<&mut Memo>) -> Vec<Output> {
    let base = &site.config.base_url;
    let key = |m: &Arc<Measure>| Arc::as_ptr(m) as usize;
    let fresh = |m: &Arc<Measure>| Arc::new(Lines::new(m, base));
    let lines: Vec<Arc<Lines>> = match &memo {
        Some(memo) if memo.base == *base => site
            .measures
            .par_iter()
            .map(|m| match memo.lines.get(&key(m)) {
                Some((_, l)) => l.clone(),
                None => fresh(m),
            })
            .collect(),
        _ => site.measures.par_iter().map(fresh).collect(),
    };
    if let Some(memo) = memo {
        memo.base = base.clone();
        memo.lines = site
            .measures
            .iter()
            .zip(&lines)
            .map(|(m, l)| (key(m), (m.clone(), l.clone())))
            .collect();
    }
    let order = order(site);
    let json = json_lines(order.iter(), |out, &i| {
        out.extend_from_slice(lines[i].json.as_bytes())
    });
    let mut csv = csv_header();
    for &i in &order {
        csv.push_str(&lines[i].csv);
    }
    let pages = page_entries(site);
    let entries = lines
        .iter()
        .map(|l| (l.updated.as_str(), l.url.as_str(), l.entry.as_str()))
        .chain(
            pages
                .iter()
                .map(|(u, l, e)| (u.as_str(), l.as_str(), e.as_str())),
        )
        .collect();
    let text = |path: &str, s: String| Output {
        path: path.into(),
        bytes: s.into_bytes(),
    };
    vec![
        Output {
            path: "measures.json".into(),
            bytes: json,
        },
        text("measures.csv", csv),
        text("measures.schema.json", SCHEMA.into()),
        text("atom.xml", atom(site, entries)),
        text("sitemap.xml", sitemap(site)),
        text("robots.txt", robots(base)),
    ]
}

/// The files `render` makes, in its order.
pub const FILES: [&str; 6] = [
    "measures.json",
    "measures.csv",
    "measures.schema.json",
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
];

/// One of [`FILES`], made on its own with the same bytes as `render` makes: `build` makes each at
/// its turn in the write pass, so they are never all in memory at once.
pub fn file(site: &Site, name: &str) -> Vec<u8> {
    let base = &site.config.base_url;
    let in_order = || {
        order(site)
            .into_iter()
            .map(|i| record(&site.measures[i], base))
    };
    match name {
        "measures.json" => json_lines(in_order(), |out, r| {
            serde_json::to_writer(out, &r).expect("records serialise")
        }),
        "measures.csv" => {
            let mut csv = csv_header();
            for r in in_order() {
                csv.push_str(&csv_row(&r));
            }
            csv.into_bytes()
        }
        "measures.schema.json" => SCHEMA.as_bytes().to_vec(),
        "atom.xml" => {
            let entries: Vec<(String, String, String)> = site
                .measures
                .iter()
                .map(|m| measure_entry(m, base))
                .collect();
            let pages = page_entries(site);
            let entries = entries
                .iter()
                .chain(&pages)
                .map(|(u, l, e)| (u.as_str(), l.as_str(), e.as_str()))
                .collect();
            atom(site, entries).into_bytes()
        }
        "sitemap.xml" => sitemap(site).into_bytes(),
        "robots.txt" => robots(base).into_bytes(),
        other => unreachable!("{other} is not an open-data file"),
    }
}

/// A JSON array of `items`, one to a line (each written by `write`): smaller than indented JSON
/// and still readable, line by line, in a diff or a text editor.
fn json_lines<T>(
    items: impl Iterator<Item = T>,
    mut write: impl FnMut(&mut Vec<u8>, T),
) -> Vec<u8> {
    let mut json = b"[".to_vec();
    for (n, item) in items.enumerate() {
        json.extend_from_slice(if n == 0 { b"\n  " } else { b",\n  " });
        write(&mut json, item);
    }
    json.extend_from_slice(if json.len() == 1 { b"]" } else { b"\n]" });
    json
}

/// The measures' indices in the order of measures.json and .csv: year, indicator, address.
fn order(site: &Site) -> Vec<usize> {
    let mut order: Vec<usize> = (0..site.measures.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&site.measures[a], &site.measures[b]);
        (a.fiscal_year, a.indicator, &a.slug).cmp(&(b.fiscal_year, b.indicator, &b.slug))
    });
    order
}

/// A measure's feed entry: its date, its address and the entry.
fn measure_entry(m: &Measure, base: &str) -> (String, String, String) {
    let summary = format!(
        "มาตรการ {} ตัวชี้วัดที่ {} {} ({})",
        m.assessment.code(),
        m.indicator,
        m.indicator_title,
        m.status.label()
    );
    let updated = updated(m.date.map(|d| d.iso()), m.fiscal_year);
    let url = format!("{base}measures/{}/", m.slug);
    let entry = atom_entry(&updated, &url, &m.title, &summary);
    (updated, url, entry)
}

/// The BOM and the header row of measures.csv.
fn csv_header() -> String {
    let mut csv = String::from("\u{feff}");
    csv.push_str(&CSV_COLUMNS.join(","));
    csv.push_str("\r\n");
    csv
}

/// The CSV columns, in order; list fields are joined with " | ".
pub const CSV_COLUMNS: &[&str] = &[
    "url",
    "slug",
    "title",
    "fiscal_year",
    "assessment",
    "indicator",
    "indicator_title",
    "score",
    "target",
    "status",
    "status_label",
    "methods",
    "results",
    "responsible",
    "period",
    "period_start",
    "period_end",
    "follow_up",
    "oit",
    "date",
    "attachments",
    "source",
];

/// One row of measures.csv, with its line end.
fn csv_row(r: &Record) -> String {
    let opt = |s: Option<&str>| s.unwrap_or("").to_string();
    let cells = [
        r.url.clone(),
        r.slug.into(),
        r.title.into(),
        r.fiscal_year.to_string(),
        r.assessment.into(),
        r.indicator.to_string(),
        r.indicator_title.into(),
        r.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
        r.target.to_string(),
        r.status.into(),
        r.status_label.into(),
        r.methods.join(" | "),
        r.results.join(" | "),
        r.responsible.join(" | "),
        opt(r.period),
        opt(r.period_start.as_deref()),
        opt(r.period_end.as_deref()),
        opt(r.follow_up),
        r.oit.join(" | "),
        opt(r.date.as_deref()),
        r.attachments.join(" | "),
        r.source.into(),
    ];
    let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    let mut row = line.join(",");
    row.push_str("\r\n");
    row
}

/// Quotes a CSV cell when needed, and defuses text a spreadsheet would run as a formula
/// (a leading `= + - @`, tab or carriage return gets a `'` in front).
///
/// ```
/// assert_eq!(prongsai::opendata::csv_cell("=1+1"), "'=1+1");
/// assert_eq!(prongsai::opendata::csv_cell("ก, ข"), "\"ก, ข\"");
/// assert_eq!(prongsai::opendata::csv_cell("-5.5"), "-5.5");
/// ```
pub fn csv_cell(s: &str) -> String {
    let numeric = s.parse::<f64>().is_ok();
    let risky = !numeric && s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let s = if risky {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Allows every crawler; names the sitemap when `base_url` is absolute, as robots.txt requires.
fn robots(base: &str) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if base.contains("://") {
        out.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
    }
    out
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The date of an entry for the feed: its own date, else the start of its fiscal year.
fn updated(date: Option<String>, fiscal_year: i32) -> String {
    match date {
        Some(d) => format!("{d}T00:00:00+07:00"),
        None => format!(
            "{:04}-10-01T00:00:00+07:00",
            crate::thai::be_to_ce(fiscal_year) - 1
        ),
    }
}

fn atom_entry(updated: &str, url: &str, title: &str, summary: &str) -> String {
    format!(
        "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <updated>{updated}</updated>\n    <summary>{}</summary>\n  </entry>\n",
        xml(title),
        xml(url),
        xml(url),
        xml(summary)
    )
}

/// The pages' feed entries: date, address, entry.
fn page_entries(site: &Site) -> Vec<(String, String, String)> {
    let c = &site.config;
    site.pages
        .iter()
        .map(|p: &Page| {
            let upd = updated(p.date.map(|d| d.iso()), c.fiscal_year);
            let url = format!("{}{}/", c.base_url, p.slug);
            let entry = atom_entry(&upd, &url, &p.title, &p.title);
            (upd, url, entry)
        })
        .collect()
}

/// Entries in the feed: the newest; a feed reader wants what changed, not the whole archive.
pub const FEED_ENTRIES: usize = 50;

/// The Atom feed of `entries` (date, address, entry: the measures' and the pages'): the newest
/// [`FEED_ENTRIES`], newest first.
fn atom(site: &Site, mut entries: Vec<(&str, &str, &str)>) -> String {
    let c = &site.config;
    let base = &c.base_url;
    entries.sort_by(|a, b| b.0.cmp(a.0).then(a.1.cmp(b.1)));
    entries.truncate(FEED_ENTRIES);
    let feed_updated = entries
        .first()
        .map(|e| e.0.to_string())
        .unwrap_or_else(|| updated(None, c.fiscal_year));
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"th\">\n  <title>{}</title>\n  <subtitle>มาตรการส่งเสริมคุณธรรมและความโปร่งใส</subtitle>\n  <id>{}</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}atom.xml\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{feed_updated}</updated>\n  <author><name>{}</name></author>\n  <generator>prongsai</generator>\n",
        xml(c.site_title()),
        xml(base),
        xml(base),
        xml(base),
        xml(&c.name),
    );
    for (_, _, entry) in entries {
        out.push_str(entry);
    }
    out.push_str("</feed>\n");
    out
}

fn sitemap(site: &Site) -> String {
    let base = &site.config.base_url;
    let mut urls: Vec<String> = [
        "",
        "report/",
        "measures/",
        "assessment/",
        "units/",
        "search/",
    ]
    .iter()
    .map(|p| format!("{base}{p}"))
    .collect();
    urls.extend(
        crate::measure::Assessment::ALL
            .iter()
            .map(|a| format!("{base}assessment/{}/", a.code().to_ascii_lowercase())),
    );
    urls.extend(
        site.measures
            .iter()
            .map(|m| format!("{base}measures/{}/", m.slug)),
    );
    urls.extend(site.pages.iter().map(|p| format!("{base}{}/", p.slug)));
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for u in urls {
        out.push_str(&format!("  <url><loc>{}</loc></url>\n", xml(&u)));
    }
    out.push_str("</urlset>\n");
    out
}

/// JSON Schema (draft 2020-12) of a measure's front matter, as `prongsai check` accepts it.
pub const SCHEMA: &str = include_str!("measures.schema.json");

#[cfg(test)]
mod tests {
    use super::*;

    // Cells a spreadsheet would evaluate are defused; numbers and plain Thai text are left alone.
    #[test]
    fn csv_cells_starting_with_formula_characters_are_neutralised() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+66 2 123"), "'+66 2 123");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-"), "'-");
        assert_eq!(csv_cell("95.60"), "95.60");
        assert_eq!(csv_cell("สำนักปลัด"), "สำนักปลัด");
        assert_eq!(csv_cell("a\nb"), "\"a\nb\"");
    }

    // The schema is valid JSON and names every front-matter key prongsai reads.
    #[test]
    fn schema_lists_every_measure_key() {
        let v: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
        let props = v["properties"].as_object().unwrap();
        for k in crate::measure::MEASURE_KEYS {
            assert!(props.contains_key(*k), "schema misses `{k}`");
        }
    }
}
