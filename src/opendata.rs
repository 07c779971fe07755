//! Files for machines: `measures.json`, `measures.csv` (UTF-8 with BOM, formula-safe), the JSON
//! Schema of the front matter, the Atom feed, `sitemap.xml` and `robots.txt`.
//!
//! Each is made by [`file`] when the build writes it; addresses are asked of [`routes`]. The fields
//! of the JSON and CSV are documented in the README ("Open data"). HTML pages are not made here.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::escape::{self, csv_cell};
use crate::measure::{Measure, Page};
use crate::model::Site;
use crate::routes;

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
        url: format!("{base}{}", routes::measure(&m.slug)),
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

/// Each measure's lines, kept by `serve` while the measure is unchanged (by identity: the memo
/// holds the measure, so its address is never reused while it is a key here).
#[derive(Debug, Default)]
pub struct Memo {
    base: String,
    lines: HashMap<usize, (Arc<Measure>, Arc<Lines>)>,
    /// The lines of the site's measures, in site order (made by [`Memo::update`]).
    current: Vec<Arc<Lines>>,
}

impl Memo {
    /// Makes the lines of every measure of `site`, keeping those the memo already holds.
    pub fn update(&mut self, site: &Site) {
        let base = &site.config.base_url;
        let key = |m: &Arc<Measure>| Arc::as_ptr(m) as usize;
        let same_base = self.base == *base;
        let lines: Vec<Arc<Lines>> = site
            .measures
            .par_iter()
            .map(|m| match self.lines.get(&key(m)) {
                Some((_, l)) if same_base => l.clone(),
                _ => Arc::new(Lines::new(m, base)),
            })
            .collect();
        self.base = base.clone();
        self.lines = site
            .measures
            .iter()
            .zip(&lines)
            .map(|(m, l)| (key(m), (m.clone(), l.clone())))
            .collect();
        self.current = lines;
    }
}

/// One of the machine-readable files ([`routes::DATA_FILES`]), made on its own: `build` makes
/// each at its turn in the write pass, so they are never all in memory at once. With a memo
/// (updated for this site), each measure's part is taken from it instead of made again.
pub fn file(site: &Site, name: &str, memo: Option<&Memo>) -> Vec<u8> {
    let base = &site.config.base_url;
    let lines = memo.map(|m| m.current.as_slice());
    let order = order(site);
    let measure = |i: usize| &*site.measures[i];
    match name {
        "measures.json" => json_lines(
            order.iter(),
            lines.map(|l| l.iter().map(|l| l.json.len() + 4).sum()),
            |out, &i| match lines {
                Some(l) => out.extend_from_slice(l[i].json.as_bytes()),
                None => serde_json::to_writer(out, &record(measure(i), base))
                    .expect("records serialise"),
            },
        ),
        "measures.csv" => {
            let mut csv = csv_header();
            csv.reserve(lines.map_or(0, |l| l.iter().map(|l| l.csv.len()).sum()));
            for &i in &order {
                match lines {
                    Some(l) => csv.push_str(&l[i].csv),
                    None => csv.push_str(&csv_row(&record(measure(i), base))),
                }
            }
            csv.into_bytes()
        }
        "measures.schema.json" => SCHEMA.as_bytes().to_vec(),
        "atom.xml" => {
            let fresh: Vec<(String, String, String)> = match lines {
                Some(_) => Vec::new(),
                None => site
                    .measures
                    .iter()
                    .map(|m| measure_entry(m, base))
                    .collect(),
            };
            let pages = page_entries(site);
            let measures: Vec<(&str, &str, &str)> = match lines {
                Some(l) => l
                    .iter()
                    .map(|l| (l.updated.as_str(), l.url.as_str(), l.entry.as_str()))
                    .collect(),
                None => fresh
                    .iter()
                    .map(|(u, l, e)| (u.as_str(), l.as_str(), e.as_str()))
                    .collect(),
            };
            let entries = measures
                .into_iter()
                .chain(
                    pages
                        .iter()
                        .map(|(u, l, e)| (u.as_str(), l.as_str(), e.as_str())),
                )
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
    size: Option<usize>,
    mut write: impl FnMut(&mut Vec<u8>, T),
) -> Vec<u8> {
    // The size when the lines are made already: 30 MB at 10,000 measures, not grown by doubling.
    let mut json = Vec::with_capacity(size.unwrap_or(0) + 3);
    json.push(b'[');
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
    let url = format!("{base}{}", routes::measure(&m.slug));
    let entry = atom_entry(&updated, &url, &m.title, &summary);
    (updated, url, entry)
}

/// The BOM and the header row of measures.csv.
fn csv_header() -> String {
    let mut csv = String::from("\u{feff}");
    let names: Vec<&str> = COLUMNS.iter().map(|(name, _)| *name).collect();
    csv.push_str(&names.join(","));
    csv.push_str("\r\n");
    csv
}

/// A column of measures.csv: its name and how a record's cell is written.
type Column = (&'static str, fn(&Record) -> String);

/// The CSV columns, in order, each with its cell (list fields joined with " | "): the one list of
/// measures.csv's shape. They are the JSON record's fields but the body.
const COLUMNS: &[Column] = &[
    ("url", |r| r.url.clone()),
    ("slug", |r| r.slug.into()),
    ("title", |r| r.title.into()),
    ("fiscal_year", |r| r.fiscal_year.to_string()),
    ("assessment", |r| r.assessment.into()),
    ("indicator", |r| r.indicator.to_string()),
    ("indicator_title", |r| r.indicator_title.into()),
    ("score", |r| {
        r.score.map(|s| format!("{s:.2}")).unwrap_or_default()
    }),
    ("target", |r| r.target.to_string()),
    ("status", |r| r.status.into()),
    ("status_label", |r| r.status_label.into()),
    ("methods", |r| r.methods.join(" | ")),
    ("results", |r| r.results.join(" | ")),
    ("responsible", |r| r.responsible.join(" | ")),
    ("period", |r| r.period.unwrap_or("").into()),
    ("period_start", |r| {
        r.period_start.clone().unwrap_or_default()
    }),
    ("period_end", |r| r.period_end.clone().unwrap_or_default()),
    ("follow_up", |r| r.follow_up.unwrap_or("").into()),
    ("oit", |r| r.oit.join(" | ")),
    ("date", |r| r.date.clone().unwrap_or_default()),
    ("attachments", |r| r.attachments.join(" | ")),
    ("source", |r| r.source.into()),
];

/// One row of measures.csv, with its line end.
fn csv_row(r: &Record) -> String {
    let cells: Vec<String> = COLUMNS.iter().map(|(_, cell)| csv_cell(&cell(r))).collect();
    let mut row = cells.join(",");
    row.push_str("\r\n");
    row
}

/// Allows every crawler; names the sitemap when `base_url` is absolute, as robots.txt requires.
fn robots(base: &str) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if base.contains("://") {
        out.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
    }
    out
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
        escape::html(title),
        escape::html(url),
        escape::html(url),
        escape::html(summary)
    )
}

/// The pages' feed entries: date, address, entry.
fn page_entries(site: &Site) -> Vec<(String, String, String)> {
    let c = &site.config;
    site.pages
        .iter()
        .map(|p: &Page| {
            let upd = updated(p.date.map(|d| d.iso()), c.fiscal_year);
            let url = format!(
                "{}{}",
                c.base_url,
                routes::Route::Page(p.slug.clone()).dir()
            );
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
        escape::html(c.site_title()),
        escape::html(base),
        escape::html(base),
        escape::html(base),
        escape::html(&c.name),
    );
    for (_, _, entry) in entries {
        out.push_str(entry);
    }
    out.push_str("</feed>\n");
    out
}

/// Every page of the site, as the site's routes list them (all but the 404 page).
fn sitemap(site: &Site) -> String {
    let base = &site.config.base_url;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for route in site.routes().iter().filter(|r| r.in_sitemap()) {
        out.push_str("  <url><loc>");
        escape::html_to(&mut out, base).expect("writing into a String cannot fail");
        escape::html_to(&mut out, &route.dir()).expect("writing into a String cannot fail");
        out.push_str("</loc></url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// JSON Schema (draft 2020-12) of a measure's front matter, as `prongsai check` accepts it.
pub const SCHEMA: &str = include_str!("measures.schema.json");

#[cfg(test)]
mod tests {
    use super::*;

    // measures.csv has a column for every field of a measures.json record but its HTML body,
    // in the same order.
    #[test]
    fn csv_columns_are_the_json_fields_but_the_body() {
        let m = crate::measure::Measure::sample(4, 95.6);
        let json = serde_json::to_value(record(&m, "https://x.go.th/")).unwrap();
        let fields: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut want: Vec<&str> = fields.into_iter().filter(|k| *k != "body_html").collect();
        let mut columns: Vec<&str> = COLUMNS.iter().map(|(n, _)| *n).collect();
        want.sort_unstable();
        columns.sort_unstable();
        assert_eq!(columns, want);
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
