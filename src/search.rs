//! The search index: made by prongsai itself from the pages as the build renders them, so it
//! always matches the pages it points to and lands in `public/` in the same atomic swap.
//!
//! What is searched is what the page shows: the region the theme marks `data-search-body` (measures
//! and content pages), its text read from the rendered HTML. In that region,
//! `data-search-filter="name:value"` (or `="name"`, the element's text being the value) gives the
//! search page's filters and `data-search-meta` the facts shown with a result; the first `<h1>` is
//! the title; `data-search-aside` marks facts beside the body (an excerpt comes from the body when
//! it can). Pages without a region, and pages over [`MAX_PAGE`], are not indexed.
//!
//! The index finds every page whose text holds a piece of text, without cutting Thai into words:
//! it maps each run of three characters (trigram) of the folded text (Thai digits as Arabic,
//! lower case, one space for any white space, sara am spelt one way) to the pages holding it. The
//! search page takes each word the user typed (between spaces) whole, looks up the pages holding
//! every trigram of every word, then keeps those whose text holds every word as one run
//! (`themes/default/static/search.js`). A word index would need the build and the browser to cut
//! Thai the same way; they do not (ICU4X splits จัดซื้อจัดจ้าง where Chromium does not), and such a
//! mismatch loses pages. Trigrams lose none, and tone and vowel marks count: ซื้อ does not find
//! ซ้อน.
//!
//! Cutting into words serves where a match may stand, not what it may be: the build cuts each
//! page's Thai with ICU4X's dictionary ([`crate::thai::word_breaks`]) and sends the breaks with the
//! text, so a short word (ปลา, งา) matches only where it stands as a word (not in ปลาย, งาน) while
//! a longer one still matches inside a compound (ทรัพย์ in ทรัพย์สิน); and it lists the pages' words
//! (`words.txt`), from which the search page takes the closest spelling of a query that finds
//! nothing (สังเกตุ finds สังเกต, labelled as such).
//!
//! Files, under [`BUNDLE`]: `index.json` (counts, the shard list, the first page of each chunk and a
//! version that changes with any byte of the index), the postings shards `s-*.bin`, the filters
//! `filters.bin`, the pages' text and word breaks in chunks `d-N.json` and the vocabulary
//! `words.txt`. A shard holds the trigrams that start with its prefix; a shard grown past [`SHARD`]
//! bytes is split by the next character. Postings are varints of
//! `(page - previous page) << 1 | in title` (the previous page of the first is -1).
//! This module does not render pages or write files.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::output::Output;

/// Folder of the index under the site root.
pub const BUNDLE: &str = crate::routes::SEARCH_INDEX;

/// Format of the index files; the search page refuses another.
const VERSION: u32 = 2;

/// The largest page indexed, in bytes of HTML. A real measure page is a few kilobytes; the search
/// page downloads a found page's whole text, so a longer page is left out of the index, with a
/// warning, instead of costing every phone that finds it megabytes.
pub const MAX_PAGE: usize = 512 << 10;

/// Size a postings shard may reach before it is split by the next character of its trigrams.
const SHARD: usize = 48 << 10;

/// Size of a chunk of page texts the search page downloads at once.
const CHUNK: usize = 48 << 10;

/// Collects the pages handed to it as the build renders them (from any thread) and makes the index
/// of them all at the end.
#[derive(Default)]
pub struct Indexer {
    docs: Mutex<Vec<Doc>>,
    skipped: Mutex<Vec<(String, usize)>>,
}

/// What the indexer made.
#[derive(Debug, Default)]
pub struct Index {
    /// The index files (paths under [`BUNDLE`]).
    pub files: Vec<Output>,
    /// Pages left out for their size (over [`MAX_PAGE`]): output path and size in bytes.
    pub skipped: Vec<(String, usize)>,
}

/// One page as the index knows it.
#[derive(Debug, Default, PartialEq)]
pub struct Doc {
    /// Address relative to the site root (`measures/a/`).
    pub url: String,
    /// The first `<h1>` of the region, or its `title` meta.
    pub title: String,
    /// The region's text, white space collapsed.
    pub text: String,
    /// `(name, value)` of each `data-search-filter`.
    pub filters: Vec<(String, String)>,
    /// `(name, value)` of each `data-search-meta`.
    pub meta: Vec<(String, String)>,
    /// Where Thai words part inside runs of Thai letters of `text` ([`crate::thai::word_breaks`]),
    /// in UTF-16 code units as the search page counts.
    pub breaks: Vec<u32>,
    /// `[start, end)` of the text of each `data-search-aside` element (the facts beside the body),
    /// in UTF-16 code units: a result's excerpt comes from the rest when it can.
    pub aside: Vec<(u32, u32)>,
}

impl Indexer {
    /// Takes one output when it is a page with a search region.
    pub fn add(&self, path: &str, html: &[u8]) {
        if !is_indexed(path) {
            return;
        }
        // Pages are the renderer's text; bytes that are not UTF-8 are no page of ours.
        let Ok(html) = std::str::from_utf8(html) else {
            return;
        };
        if !html.contains(REGION) {
            return;
        }
        if html.len() > MAX_PAGE {
            let mut skipped = self.skipped.lock().unwrap_or_else(|e| e.into_inner());
            skipped.push((path.to_string(), html.len()));
            return;
        }
        if let Some(doc) = extract(path, html) {
            self.docs
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(doc);
        }
    }

    /// Makes the index of every page added.
    pub fn finish(&self) -> Result<Index, String> {
        let mut docs = std::mem::take(&mut *self.docs.lock().unwrap_or_else(|e| e.into_inner()));
        docs.sort_by(|a, b| a.url.cmp(&b.url));
        let mut skipped =
            std::mem::take(&mut *self.skipped.lock().unwrap_or_else(|e| e.into_inner()));
        skipped.sort();
        if docs.len() >= 1 << 30 {
            return Err(format!(
                "{} pages are more than the index can hold",
                docs.len()
            ));
        }
        Ok(Index {
            files: files(&docs),
            skipped,
        })
    }
}

/// Builds the index of the HTML `outputs` at once (what `serve` serves).
pub fn index<O: std::borrow::Borrow<Output> + Sync>(outputs: &[O]) -> Result<Index, String> {
    let indexer = Indexer::default();
    outputs.par_iter().for_each(|o| {
        let o = o.borrow();
        indexer.add(&o.path, &o.bytes);
    });
    indexer.finish()
}

/// Whether a page can hold a search region: HTML pages other than the 404 page.
fn is_indexed(path: &str) -> bool {
    path.ends_with(".html") && path != "404.html"
}

/// The attribute that marks a page's search region.
const REGION: &str = "data-search-body";

// ------------------------------------------------------------------------------------------------
// Reading a page

/// Reads the search region of the page at output `path`; None when it has none.
///
/// This reads the markup prongsai's templates and Markdown renderer write (quoted attributes,
/// escaped text); raw HTML a site allows in its bodies may be sloppier, and costs at worst some
/// words of that page in the index, never another page's.
pub fn extract(path: &str, html: &str) -> Option<Doc> {
    let at = html.find(REGION)?;
    let open = html[..at].rfind('<')?;
    let mut reader = Reader::new(path);
    let mut i = open;
    while i < html.len() {
        let Some(lt) = html[i..].find('<').map(|p| p + i) else {
            reader.push_html(&html[i..]);
            break;
        };
        reader.push_html(&html[i..lt]);
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |p| lt + p + 3);
            continue;
        }
        let Some(tag) = Tag::parse(rest) else {
            reader.push_html("<");
            i = lt + 1;
            continue;
        };
        i = lt + tag.len;
        if !tag.end && matches!(tag.name.as_str(), "script" | "style" | "template") {
            i = end_of_raw_text(html, i, &tag.name);
            continue;
        }
        if !is_inline(&tag.name) {
            reader.space();
        }
        if !tag.end {
            reader.open(&tag);
        } else if reader.close(&tag) {
            break;
        }
    }
    reader.finish()
}

/// Where the end tag of the raw-text element `name` (script, style, template) opened before
/// byte `from` of `html` starts; the end of `html` when it has none.
fn end_of_raw_text(html: &str, from: usize, name: &str) -> usize {
    let close = format!("</{name}");
    find_ignore_case(&html[from..], &close).map_or(html.len(), |p| from + p)
}

/// What [`extract`] knows part way through a page.
struct Reader {
    doc: Doc,
    text: Text,
    /// The region's element and how many of its kind are open.
    region: Option<(String, usize)>,
    captures: Vec<Capture>,
    h1_seen: bool,
    /// Byte ranges of the region's text in `data-search-aside` elements.
    asides: Vec<(usize, usize)>,
}

impl Reader {
    fn new(path: &str) -> Self {
        Reader {
            doc: Doc {
                url: path.strip_suffix("index.html").unwrap_or(path).to_string(),
                ..Doc::default()
            },
            text: Text::default(),
            region: None,
            captures: Vec::new(),
            h1_seen: false,
            asides: Vec::new(),
        }
    }

    /// Adds HTML text to the region's text and every open capture.
    fn push_html(&mut self, html: &str) {
        self.text.push_html(html, &mut self.captures);
    }

    /// A break between blocks.
    fn space(&mut self) {
        self.text.space(&mut self.captures);
    }

    /// A start tag: the region's first, a nested one, or one that starts a capture.
    fn open(&mut self, tag: &Tag) {
        match &mut self.region {
            None => self.region = Some((tag.name.clone(), 1)),
            Some((name, depth)) if *name == tag.name && !tag.void => *depth += 1,
            _ => {}
        }
        for c in self.captures.iter_mut().filter(|c| c.tag == tag.name) {
            c.depth += !tag.void as usize;
        }
        let start = self.text.s.len();
        let capture = |kind: Kind| Capture {
            kind,
            tag: tag.name.clone(),
            depth: 1,
            text: Text::default(),
            start,
        };
        for (attr, value) in &tag.attrs {
            let kind: fn(String) -> Kind = match attr.as_str() {
                "data-search-filter" => Kind::Filter,
                "data-search-meta" => Kind::Meta,
                _ => continue,
            };
            match value.split_once(':') {
                Some((name, v)) => Capture::field(
                    kind(name.trim().to_string()),
                    v.trim().to_string(),
                    &mut self.doc,
                ),
                None if !tag.void => self.captures.push(capture(kind(value.trim().to_string()))),
                None => {}
            }
        }
        if !tag.void && tag.attrs.iter().any(|(a, _)| a == "data-search-aside") {
            self.captures.push(capture(Kind::Aside));
        }
        if tag.name == "h1" && !self.h1_seen && !tag.void {
            self.h1_seen = true;
            self.captures.push(capture(Kind::Title));
        }
    }

    /// An end tag: finishes the captures it closes; true when it closes the region.
    fn close(&mut self, tag: &Tag) -> bool {
        for c in self.captures.iter_mut().filter(|c| c.tag == tag.name) {
            c.depth -= 1;
        }
        let end = self.text.s.len();
        for c in self.captures.extract_if(.., |c| c.depth == 0) {
            c.finish(end, &mut self.doc, &mut self.asides);
        }
        if let Some((name, depth)) = &mut self.region
            && *name == tag.name
        {
            *depth -= 1;
            return *depth == 0;
        }
        false
    }

    /// The page read; None when no region was found.
    fn finish(mut self) -> Option<Doc> {
        self.region?;
        let text = self.text.finish();
        // An offset taken just before sara am was folded may be past a character's start.
        let units = |mut byte: usize| {
            byte = byte.min(text.len());
            while !text.is_char_boundary(byte) {
                byte -= 1;
            }
            text[..byte].encode_utf16().count() as u32
        };
        self.doc.aside = self
            .asides
            .iter()
            .map(|&(a, b)| (units(a), units(b)))
            .collect();
        self.doc.breaks = crate::thai::word_breaks(&text);
        self.doc.text = text;
        Some(self.doc)
    }
}

/// What a capture fills in when its element ends.
enum Kind {
    Title,
    Aside,
    Filter(String),
    Meta(String),
}

/// The text of an element being read for a filter, a meta or the title.
struct Capture {
    kind: Kind,
    tag: String,
    depth: usize,
    text: Text,
    /// Byte offset of the region's text where the element starts.
    start: usize,
}

impl Capture {
    /// Fills in what the element gave, the region's text being `end` bytes long at its end.
    fn finish(self, end: usize, doc: &mut Doc, asides: &mut Vec<(usize, usize)>) {
        if let Kind::Aside = self.kind {
            asides.push((self.start, end));
            return;
        }
        let value = self.text.finish();
        Capture::field(self.kind, value, doc);
    }

    fn field(kind: Kind, value: String, doc: &mut Doc) {
        match kind {
            Kind::Title if doc.title.is_empty() => doc.title = value,
            Kind::Title | Kind::Aside => {}
            Kind::Meta(name) if name == "title" => doc.title = value,
            Kind::Meta(name) => doc.meta.push((name, value)),
            Kind::Filter(name) => doc.filters.push((name, value)),
        }
    }
}

/// Text with white space collapsed to one space as it is added, and sara am (ำ) spelt one way.
#[derive(Default)]
struct Text {
    s: String,
    space: bool,
}

/// Whether a run of text (no white space) may hold a spelling of ำ to fold
/// ([`push_folding_sara_am`](crate::thai::push_folding_sara_am)): a nikhahit, ำ before a tone
/// mark, or a mark at its start that may join the text before it.
fn needs_folding(piece: &str) -> bool {
    let mark = |c: char| matches!(c, '\u{0E32}' | '\u{0E4D}' | '\u{0E48}'..='\u{0E4B}');
    piece.chars().next().is_some_and(mark)
        || piece.contains('\u{0E4D}')
        || piece.match_indices('\u{0E33}').any(|(i, _)| {
            piece[i + 3..]
                .chars()
                .next()
                .is_some_and(|c| ('\u{0E48}'..='\u{0E4B}').contains(&c))
        })
}

impl Text {
    /// Adds HTML text (entities decoded) to this text and to every open capture.
    fn push_html(&mut self, html: &str, captures: &mut [Capture]) {
        if html.is_empty() {
            return;
        }
        let decoded = decode_entities(html);
        self.push(&decoded);
        for c in captures {
            c.text.push(&decoded);
        }
    }

    fn push(&mut self, s: &str) {
        for (i, piece) in s.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if piece.is_empty() {
                continue;
            }
            if self.space && !self.s.is_empty() {
                self.s.push(' ');
            }
            self.space = false;
            if needs_folding(piece) {
                // ํ, า and a tone mark in any order look like ำ and are how text copied from many
                // Thai PDFs spells it; the search page spells a query the same way.
                for c in piece.chars() {
                    crate::thai::push_folding_sara_am(&mut self.s, c);
                }
            } else {
                self.s.push_str(piece);
            }
        }
    }

    /// A break between blocks: words on either side stay apart.
    fn space(&mut self, captures: &mut [Capture]) {
        self.space = true;
        for c in captures {
            c.text.space = true;
        }
    }

    fn finish(self) -> String {
        self.s
    }
}

/// A start or end tag at the start of `s`.
struct Tag {
    name: String,
    end: bool,
    void: bool,
    attrs: Vec<(String, String)>,
    /// Bytes of `s` the tag takes, `<` to `>`.
    len: usize,
}

impl Tag {
    fn parse(s: &str) -> Option<Tag> {
        let b = s.as_bytes();
        let end = b.get(1) == Some(&b'/');
        let start = 1 + end as usize;
        if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let name_len = b[start..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'))
            .unwrap_or(b.len() - start);
        let name = s[start..start + name_len].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut i = start + name_len;
        let mut self_closing = false;
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                self_closing = b[i] == b'/';
                i += 1;
            }
            match b.get(i) {
                None => return None,
                Some(b'>') => break,
                _ => self_closing = false,
            }
            let a = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let name_at = a..i;
            let mut value_at = i..i;
            if b.get(i) == Some(&b'=') {
                i += 1;
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let close = s[i + 1..].find(q as char)? + i + 1;
                        value_at = i + 1..close;
                        i = close + 1;
                    }
                    _ => {
                        let v = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        value_at = v..i;
                    }
                }
            }
            // Only the search's own attributes are read (`Reader::open`): the others (href,
            // class, ...) are passed over without a copy.
            let attr = &s[name_at];
            if attr
                .get(..SEARCH_ATTR.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(SEARCH_ATTR))
            {
                let value = decode_entities(&s[value_at]).into_owned();
                attrs.push((attr.to_ascii_lowercase(), value));
            }
        }
        let void = self_closing || is_void(&name);
        Some(Tag {
            name,
            end,
            void,
            attrs,
            len: i + 1,
        })
    }
}

/// What the names of the attributes that mark a page's parts for the search start with.
const SEARCH_ATTR: &str = "data-search";

/// Elements that never have an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements inside a line of text: their tags do not part the words around them (`ทรัพย์<b>สิน</b>`
/// is one word).
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
            | "wbr"
    )
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// Decodes the character references the templates and the Markdown renderer write (named ones of
/// HTML's five, `&nbsp;`, and numeric ones); any other `&` stays as it is.
fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|p| p + 1).filter(|&p| p <= 10);
        let c = end.and_then(|end| match &rest[1..end] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        });
        match (c, end) {
            (Some(c), Some(end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

// ------------------------------------------------------------------------------------------------
// Making the index

/// The text as it is indexed and matched: Thai digits as Arabic, lower case, white space as one
/// space, and a space at the end (so every character of the text starts a trigram). The search
/// page folds the same way.
pub fn fold(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len() / 2);
    for c in text.chars() {
        match c {
            // Thai letters have no case and are no space: most of a page, passed straight on.
            '\u{0E01}'..='\u{0E4F}' | '\u{0E5A}'..='\u{0E7F}' => out.push(c),
            '๐'..='๙' => out.push(char::from(b'0' + (c as u32 - '๐' as u32) as u8)),
            c if c.is_whitespace() => {
                if out.last() != Some(&' ') {
                    out.push(' ');
                }
            }
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    if out.last() != Some(&' ') {
        out.push(' ');
    }
    out
}

/// A trigram as a number whose order is the order of its characters.
type Key = u64;

fn key(c: &[char]) -> Key {
    (c[0] as u64) << 42 | (c[1] as u64) << 21 | c[2] as u64
}

fn key_chars(k: Key) -> [char; 3] {
    let c = |n: u64| char::from_u32((n & 0x1f_ffff) as u32).unwrap_or('\u{fffd}');
    [c(k >> 42), c(k >> 21), c(k)]
}

/// The trigrams of `text` that a query looks up: those not starting with a space (a query word
/// never does).
fn trigrams(text: &[char]) -> impl Iterator<Item = Key> + '_ {
    text.windows(3).filter(|w| w[0] != ' ').map(key)
}

/// A trigram and its encoded postings.
type Encoded = (Key, Vec<u8>);

type Fast = foldhash::fast::FixedState;

/// Postings of a run of pages: trigram -> `page << 1 | in title`, pages ascending.
fn postings(docs: &[Doc], first: u32) -> HashMap<Key, Vec<u32>, Fast> {
    let mut map: HashMap<Key, Vec<u32>, Fast> = HashMap::default();
    for (i, doc) in docs.iter().enumerate() {
        let id = first + i as u32;
        let mut title: Vec<Key> = trigrams(&fold(&doc.title)).collect();
        title.sort_unstable();
        for k in trigrams(&fold(&doc.text)) {
            let list = map.entry(k).or_default();
            if list.last().is_none_or(|last| last >> 1 != id) {
                list.push(id << 1 | title.binary_search(&k).is_ok() as u32);
            }
        }
    }
    map
}

/// The varints of a postings list.
fn encode(list: &[u32], out: &mut Vec<u8>) {
    let mut previous: i64 = -1;
    for &v in list {
        let id = (v >> 1) as i64;
        varint(((id - previous) as u64) << 1 | (v & 1) as u64, out);
        previous = id;
    }
}

/// `n` in LEB128: seven bits a byte, low first, the high bit set on all but the last.
fn varint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n & 0x7f) as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// One entry of a `.bin` file: key length (1 byte), key (UTF-8), postings length (varint), postings.
fn entry(key: &str, postings: &[u8], out: &mut Vec<u8>) {
    out.push(key.len() as u8);
    out.extend_from_slice(key.as_bytes());
    varint(postings.len() as u64, out);
    out.extend_from_slice(postings);
}

/// The index files of `docs` (sorted by address; a page's number is its place).
fn files(docs: &[Doc]) -> Vec<Output> {
    // The postings, the filters, the pages' texts and the vocabulary each read the pages on their
    // own: they are made side by side (each of the last three is one pass on one thread).
    let ((keys, filters), ((chunks, starts), words)) = rayon::join(
        || rayon::join(|| encoded_postings(docs), || filters_file(docs)),
        || rayon::join(|| text_chunks(docs), || vocabulary(docs)),
    );
    let mut out = Vec::new();
    let names = shard_files(&keys, &mut out);
    out.push(filters);
    out.extend(chunks);
    out.push(words);
    let manifest = manifest(&out, docs.len(), &names, &starts);
    out.push(manifest);
    out
}

/// Every trigram of `docs` with its encoded postings, sorted by trigram.
fn encoded_postings(docs: &[Doc]) -> Vec<Encoded> {
    // Postings of runs of pages in parallel, then joined in page order: a few runs per thread,
    // as joining two runs' maps costs about as much as making one.
    let run = docs
        .len()
        .div_ceil(4 * rayon::current_num_threads())
        .max(256);
    let runs: Vec<_> = docs
        .par_chunks(run)
        .enumerate()
        .map(|(n, docs)| postings(docs, (n * run) as u32))
        .collect();
    let mut all: HashMap<Key, Vec<u32>, Fast> = HashMap::default();
    for run in runs {
        for (k, mut list) in run {
            match all.get_mut(&k) {
                Some(to) => to.append(&mut list),
                None => {
                    all.insert(k, list);
                }
            }
        }
    }
    let mut keys: Vec<Encoded> = all
        .into_par_iter()
        .map(|(k, list)| {
            let mut bytes = Vec::new();
            encode(&list, &mut bytes);
            (k, bytes)
        })
        .collect();
    keys.par_sort_unstable_by_key(|(k, _)| *k);
    keys
}

/// Adds the postings shards of sorted `keys` to `out`; returns each shard's prefix.
fn shard_files(keys: &[Encoded], out: &mut Vec<Output>) -> Vec<String> {
    let mut shards = Vec::new();
    shard(keys, 0, &mut shards);
    let mut names = Vec::new();
    for (prefix, keys) in shards {
        let mut bytes = Vec::new();
        for (k, postings) in keys {
            entry(
                &key_chars(*k).iter().collect::<String>(),
                postings,
                &mut bytes,
            );
        }
        names.push(prefix.iter().collect::<String>());
        out.push(Output {
            path: format!("{BUNDLE}/{}", shard_file(&prefix)),
            bytes,
        });
    }
    names
}

/// `filters.bin`: "name:value" -> pages.
fn filters_file(docs: &[Doc]) -> Output {
    let mut filters: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
    for (id, doc) in docs.iter().enumerate() {
        for (name, value) in &doc.filters {
            let list = filters.entry(format!("{name}:{value}")).or_default();
            if list.last() != Some(&((id as u32) << 1)) {
                list.push((id as u32) << 1);
            }
        }
    }
    let mut bytes = Vec::new();
    for (key, list) in &filters {
        if key.len() <= 255 {
            let mut postings = Vec::new();
            encode(list, &mut postings);
            entry(key, &postings, &mut bytes);
        }
    }
    Output {
        path: format!("{BUNDLE}/filters.bin"),
        bytes,
    }
}

/// The pages' text in chunks `d-N.json`, and the first page of each chunk.
fn text_chunks(docs: &[Doc]) -> (Vec<Output>, Vec<usize>) {
    let mut out = Vec::new();
    let mut starts = Vec::new();
    let mut chunk = Vec::new();
    for (id, doc) in docs.iter().enumerate() {
        if chunk.is_empty() {
            starts.push(id);
            chunk.push(b'[');
        } else {
            chunk.push(b',');
        }
        let shown = Shown {
            url: &doc.url,
            title: &doc.title,
            meta: doc
                .meta
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
            text: &doc.text,
            breaks: encode_breaks(&doc.breaks),
            aside: &doc.aside,
        };
        serde_json::to_writer(&mut chunk, &shown).expect("page texts serialise");
        if chunk.len() >= CHUNK || id + 1 == docs.len() {
            chunk.push(b']');
            out.push(Output {
                path: format!("{BUNDLE}/d-{}.json", starts.len() - 1),
                bytes: std::mem::take(&mut chunk),
            });
        }
    }
    (out, starts)
}

/// `index.json`, over the other files `out` of an index of `pages` pages.
fn manifest(out: &[Output], pages: usize, shards: &[String], chunks: &[usize]) -> Output {
    // The version changes with any byte of the other files (it goes into their addresses, so a
    // browser never mixes a cached file of an older index with a newer one).
    let mut hasher = std::hash::DefaultHasher::new();
    for o in out {
        o.path.hash(&mut hasher);
        o.bytes.hash(&mut hasher);
    }
    let mut manifest = serde_json::json!({
        "format": VERSION,
        "version": format!("{:016x}", hasher.finish()),
        "pages": pages,
        "shards": shards,
        "chunks": chunks,
    })
    .to_string();
    manifest.push('\n');
    Output {
        path: crate::routes::SEARCH_HEAD.to_string(),
        bytes: manifest.into_bytes(),
    }
}

/// A page as the search page shows a result: written straight from the `Doc`, not copied.
#[derive(serde::Serialize)]
struct Shown<'a> {
    url: &'a str,
    title: &'a str,
    meta: std::collections::BTreeMap<&'a str, &'a str>,
    text: &'a str,
    /// [`Doc::breaks`] as [`encode_breaks`] writes them.
    #[serde(rename = "b")]
    breaks: String,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    aside: &'a [(u32, u32)],
}

/// Digits of the gaps between word breaks, one character a gap of up to 62 units.
const GAPS: &[u8; 63] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-";

/// Ascending word breaks as text, about one byte a word: each break is the gap from the one before
/// (from 0 for the first) as a digit of [`GAPS`]; a longer gap is `_` (63 further units, no break)
/// as often as needed, then the rest.
fn encode_breaks(breaks: &[u32]) -> String {
    let mut out = String::with_capacity(breaks.len());
    let mut previous = 0;
    for &b in breaks {
        let mut gap = b - previous;
        while gap >= 63 {
            out.push('_');
            gap -= 63;
        }
        out.push(GAPS[gap as usize] as char);
        previous = b;
    }
    out
}

/// Most words the vocabulary lists (the commonest are kept).
const WORDS: usize = 60_000;

/// `words.txt`: the words of the pages, one a line, the most used first, for the search
/// page to find close spellings of a query that finds nothing. A word is a Thai word as
/// [`crate::thai::word_breaks`] cuts it (of two characters or more), two such words side by side
/// (ลาย|เซ็น is one word to a reader), or a Latin word of three letters or more, all folded as
/// [`fold`] does.
fn vocabulary(docs: &[Doc]) -> Output {
    // Runs of Thai letters come back page after page (the facts, set phrases): each distinct run
    // is counted, then cut into its words once.
    let Counts(runs, latin) = docs
        .par_iter()
        .fold(Counts::default, |mut counts, doc| {
            page_runs(doc, &mut counts);
            counts
        })
        .reduce(Counts::default, |mut a, b| {
            for (run, (n, cuts)) in b.0 {
                a.0.entry(run).or_insert((0, cuts)).0 += n;
            }
            for (word, n) in b.1 {
                *a.1.entry(word).or_default() += n;
            }
            a
        });
    let mut counts = latin;
    for (run, (n, cuts)) in &runs {
        for (i, w) in cuts.windows(2).enumerate() {
            if run[w[0]..w[1]].chars().nth(1).is_some() {
                *counts.entry(Cow::Borrowed(&run[w[0]..w[1]])).or_default() += n;
            }
            if let Some(&next) = cuts.get(i + 2) {
                *counts.entry(Cow::Borrowed(&run[w[0]..next])).or_default() += n;
            }
        }
    }
    let mut words: Vec<(Cow<'_, str>, u32)> = counts.into_iter().collect();
    words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words.truncate(WORDS);
    let mut bytes = Vec::new();
    for (word, _) in words {
        bytes.extend_from_slice(word.as_bytes());
        bytes.push(b'\n');
    }
    Output {
        path: format!("{BUNDLE}/words.txt"),
        bytes,
    }
}

/// What [`vocabulary`] counts: each run of Thai letters (with the byte offsets of its words, its
/// ends included) and each Latin word, with how often it comes.
#[derive(Default)]
struct Counts<'d>(
    HashMap<&'d str, (u32, Vec<usize>), Fast>,
    HashMap<Cow<'d, str>, u32, Fast>,
);

/// Counts the runs of Thai letters and the Latin words of one page into `counts`.
fn page_runs<'d>(doc: &'d Doc, counts: &mut Counts<'d>) {
    let text = doc.text.as_str();
    // The breaks as byte offsets of the text.
    let mut breaks = doc.breaks.iter().copied().peekable();
    let mut cuts = Vec::with_capacity(doc.breaks.len());
    let mut unit = 0;
    for (byte, c) in text.char_indices() {
        while breaks.next_if(|&b| b as usize <= unit).is_some() {
            cuts.push(byte);
        }
        unit += c.len_utf16();
    }
    let mut cuts = cuts.into_iter().peekable();
    let is_thai = crate::thai::is_thai_letter;
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| is_thai(c) || c.is_ascii_alphanumeric()) {
        let from = text.len() - rest.len() + start;
        let first = rest[start..].chars().next().unwrap_or(' ');
        let len = rest[start..]
            .find(|c: char| {
                if is_thai(first) {
                    !is_thai(c)
                } else {
                    !c.is_ascii_alphanumeric()
                }
            })
            .unwrap_or(rest.len() - start);
        let to = from + len;
        rest = &text[to..];
        let run = &text[from..to];
        if !is_thai(first) {
            if run.len() >= 3 && run.bytes().any(|b| b.is_ascii_alphabetic()) {
                let word = if run.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(run.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(run)
                };
                *counts.1.entry(word).or_default() += 1;
            }
            continue;
        }
        let mut inside = Vec::new();
        while let Some(cut) = cuts.next_if(|&cut| cut < to) {
            if cut > from {
                inside.push(cut - from);
            }
        }
        counts
            .0
            .entry(run)
            .or_insert_with(|| {
                let mut cuts = vec![0];
                cuts.extend(inside);
                cuts.push(run.len());
                (0, cuts)
            })
            .0 += 1;
    }
}

/// Splits sorted `keys` into shards by prefix: all in one while it is small, else by the character
/// at `depth`, down to whole trigrams.
fn shard<'k>(keys: &'k [Encoded], depth: usize, out: &mut Vec<(Vec<char>, &'k [Encoded])>) {
    let Some((first, _)) = keys.first() else {
        return;
    };
    let size: usize = keys.iter().map(|(_, p)| p.len() + 8).sum();
    if size <= SHARD || depth == 3 {
        out.push((key_chars(*first)[..depth].to_vec(), keys));
        return;
    }
    let mut start = 0;
    while start < keys.len() {
        let c = key_chars(keys[start].0)[depth];
        let len = keys[start..]
            .iter()
            .position(|(k, _)| key_chars(*k)[depth] != c)
            .unwrap_or(keys.len() - start);
        shard(&keys[start..start + len], depth + 1, out);
        start += len;
    }
}

/// File of the shard of `prefix`: `s.bin`, `s-0e01.bin`, `s-0e01-0e32.bin`.
fn shard_file(prefix: &[char]) -> String {
    let mut name = String::from("s");
    for c in prefix {
        let _ = write!(name, "-{:04x}", *c as u32);
    }
    name.push_str(".bin");
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, body: &str) -> Output {
        Output {
            path: path.into(),
            bytes: format!(
                "<!doctype html><html lang=\"th\"><head><title>t</title></head><body>\
                 <main><article data-search-body><h1>{body}</h1><p>{body}</p></article></main></body></html>"
            )
            .into_bytes(),
        }
    }

    /// Reads a `.bin` file back: key -> (page, in title).
    fn read_bin(bytes: &[u8]) -> Vec<(String, Vec<(u32, bool)>)> {
        let mut out = Vec::new();
        let mut i = 0;
        let varint = |i: &mut usize| {
            let (mut n, mut shift) = (0u64, 0);
            loop {
                let b = bytes[*i];
                *i += 1;
                n |= ((b & 0x7f) as u64) << shift;
                shift += 7;
                if b < 0x80 {
                    return n;
                }
            }
        };
        while i < bytes.len() {
            let len = bytes[i] as usize;
            let key = String::from_utf8(bytes[i + 1..i + 1 + len].to_vec()).unwrap();
            i += 1 + len;
            let end = varint(&mut i) as usize + i;
            let mut previous: i64 = -1;
            let mut list = Vec::new();
            while i < end {
                let v = varint(&mut i);
                previous += (v >> 1) as i64;
                list.push((previous as u32, v & 1 == 1));
            }
            out.push((key, list));
        }
        out
    }

    fn file<'a>(files: &'a [Output], name: &str) -> &'a Output {
        let path = format!("{BUNDLE}/{name}");
        files.iter().find(|f| f.path == path).unwrap()
    }

    // The region's text, title, filters and meta come out of the page as it shows them: entities
    // decoded, inline tags joining words, block tags parting them, scripts and comments left out,
    // and nothing after the region's end.
    #[test]
    fn a_page_region_is_read_as_the_page_shows_it() {
        let html = r#"<html><body><header><h1>ชื่อเว็บไซต์</h1></header>
<article class="measure" data-search-body data-search-meta="kind:มาตรการ">
  <h1>การใช้ทรัพย์<b>สิน</b>ของราชการ &amp; อื่น ๆ</h1>
  <dl><dt>แบบประเมิน</dt><dd data-search-filter="assessment:IIT" data-search-meta="assessment:IIT">IIT</dd>
  <dt>สถานะ</dt><dd data-search-filter="status" data-search-meta="status">ดำเนินการ<br>แล้ว</dd>
  <dd><a data-search-filter="unit" href="x">กอง<em>คลัง</em></a>, <a data-search-filter="unit">สำนักปลัด</a></dd></dl>
  <!-- ไม่แสดง --><script>var x = "<article>";</script>
  <div><article><p>ซ้อน&#x0E01;&#3585;</p></article><img src="a.png" alt="รูป"/>ปิดท้าย</div>
</article><footer>ท้ายหน้า</footer></body></html>"#;
        let doc = extract("measures/a/index.html", html).unwrap();
        assert_eq!(doc.url, "measures/a/");
        assert_eq!(doc.title, "การใช้ทรัพย์สินของราชการ & อื่น ๆ");
        assert_eq!(
            doc.text,
            "การใช้ทรัพย์สินของราชการ & อื่น ๆ แบบประเมิน IIT สถานะ ดำเนินการ แล้ว กองคลัง, สำนักปลัด ซ้อนกก ปิดท้าย"
        );
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            doc.filters,
            pairs(&[
                ("assessment", "IIT"),
                ("status", "ดำเนินการ แล้ว"),
                ("unit", "กองคลัง"),
                ("unit", "สำนักปลัด")
            ])
        );
        assert_eq!(
            doc.meta,
            pairs(&[
                ("kind", "มาตรการ"),
                ("assessment", "IIT"),
                ("status", "ดำเนินการ แล้ว")
            ])
        );
        assert_eq!(
            extract("a/index.html", "<html><body><p>ไม่มี</p></body></html>"),
            None
        );
        // Sara am as Thai PDFs give it (nikhahit, tone mark and sara aa in any order) is indexed
        // as the tone mark then sara am; a space between keeps them apart.
        let html = "<article data-search-body><p>ประจ\u{0E4D}\u{0E32}ปี ต\u{0E4D}\u{0E48}\u{0E32} \
                    ค\u{0E32}\u{0E4D}\u{0E48} ซ\u{0E49}\u{0E4D}\u{0E32} น\u{0E4D} า</p></article>";
        assert_eq!(
            extract("a/index.html", html).unwrap().text,
            "ประจำปี ต่ำ ค่ำ ซ้ำ น\u{0E4D} า"
        );
    }

    // Broken markup never panics or reads past the page; what it costs is at most some words.
    #[test]
    fn broken_markup_is_read_without_failing() {
        for html in [
            "<article data-search-body><h1>หัว",
            "<article data-search-body><p a=\"unclosed>text",
            "<article data-search-body>< 3 <> &amp &#xZZ; &#99999999; &;</article>",
            "<article data-search-body><h1 data-search-meta=title>x</h1><p data-search-filter>y",
            "<article data-search-body=\"\"><script>never closed",
        ] {
            let doc = extract("p/index.html", html).unwrap();
            assert!(doc.text.len() <= html.len() * 2, "{html}: {doc:?}");
        }
        let doc = extract(
            "p/index.html",
            "<article data-search-body>< 3 <> &amp &#xZZ; &;</article>",
        )
        .unwrap();
        assert_eq!(doc.text, "< 3 <> &amp &#xZZ; &;");
    }

    // Every trigram of a page's folded text leads to the page, flagged when the title holds it;
    // Thai digits are indexed as Arabic and Latin as lower case; pages are numbered by address.
    #[test]
    fn postings_lead_from_each_trigram_to_its_pages() {
        let index = index(&[
            page("measures/b/index.html", "จัดซื้อจัดจ้าง ปี ๒๕๖๖"),
            page("measures/a/index.html", "การใช้ทรัพย์สิน One Stop"),
            page("404.html", "ไม่พบหน้า"),
        ])
        .unwrap();
        let manifest: serde_json::Value =
            serde_json::from_slice(&file(&index.files, "index.json").bytes).unwrap();
        assert_eq!(manifest["pages"], 2);
        assert_eq!(manifest["shards"], serde_json::json!([""]));
        let entries = read_bin(&file(&index.files, "s.bin").bytes);
        let find = |k: &str| {
            entries
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, l)| l.clone())
        };
        assert_eq!(find("ทรั"), Some(vec![(0, true)]));
        assert_eq!(find("ซื้"), Some(vec![(1, true)]));
        assert_eq!(find("256"), Some(vec![(1, true)]));
        assert_eq!(find("one"), Some(vec![(0, true)]));
        assert_eq!(find("e s"), Some(vec![(0, true)]));
        assert_eq!(find("ไม่"), None);
        let docs: serde_json::Value =
            serde_json::from_slice(&file(&index.files, "d-0.json").bytes).unwrap();
        assert_eq!(docs[0]["url"], "measures/a/");
        assert_eq!(docs[1]["title"], "จัดซื้อจัดจ้าง ปี ๒๕๖๖");
    }

    // Postings of thousands of pages come out the same whichever thread made which run, keep
    // the gaps between pages exact and mark only pages whose title holds the trigram.
    #[test]
    fn postings_of_many_pages_are_exact_and_deterministic() {
        let pages: Vec<Output> = (0..1000)
            .map(|i| {
                let word = if i % 3 == 0 {
                    "ขยะมูลฝอย"
                } else {
                    "ประปา"
                };
                let mut p = page(&format!("m/{i:04}/index.html"), word);
                if i % 7 == 0 {
                    p.bytes = String::from_utf8(p.bytes)
                        .unwrap()
                        .replace("</article>", "<p>ร้องเรียน</p></article>")
                        .into_bytes();
                }
                p
            })
            .collect();
        let a = index(&pages).unwrap();
        let b = index(&pages).unwrap();
        assert_eq!(a.files.len(), b.files.len());
        for (x, y) in a.files.iter().zip(&b.files) {
            assert_eq!((&x.path, &x.bytes), (&y.path, &y.bytes));
        }
        let all: Vec<_> = a
            .files
            .iter()
            .filter(|f| f.path.ends_with(".bin") && !f.path.ends_with("filters.bin"))
            .flat_map(|f| read_bin(&f.bytes))
            .collect();
        let find = |k: &str| all.iter().find(|(key, _)| key == k).unwrap().1.clone();
        let want: Vec<(u32, bool)> = (0..1000)
            .filter(|i| i % 7 == 0)
            .map(|i| (i, false))
            .collect();
        assert_eq!(find("ร้อ"), want);
        let want: Vec<(u32, bool)> = (0..1000)
            .filter(|i| i % 3 == 0)
            .map(|i| (i, true))
            .collect();
        assert_eq!(find("ขยะ"), want);
    }

    // A large index is split into shards by prefix; each trigram is in exactly the shard of its
    // longest listed prefix, and no shard but a single trigram's is over the limit.
    #[test]
    fn a_large_index_is_split_into_shards_by_prefix() {
        let words = ["ทรัพย์สิน", "จัดซื้อ", "ประปา", "ถนน", "สาธารณภัย", "วัคซีน"];
        let pages: Vec<Output> = (0..3000)
            .map(|i| {
                let text = format!("{} {} {i}", words[i % 6], words[(i / 6) % 6]);
                page(&format!("m/{i:04}/index.html"), &text)
            })
            .collect();
        let index = index(&pages).unwrap();
        let manifest: serde_json::Value =
            serde_json::from_slice(&file(&index.files, "index.json").bytes).unwrap();
        let shards: Vec<String> = manifest["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect();
        assert!(shards.len() > 1, "{shards:?}");
        for prefix in &shards {
            let chars: Vec<char> = prefix.chars().collect();
            let bytes = &file(&index.files, &shard_file(&chars)).bytes;
            assert!(
                bytes.len() <= SHARD || chars.len() == 3,
                "{prefix}: {}",
                bytes.len()
            );
            for (key, _) in read_bin(bytes) {
                let longest = shards
                    .iter()
                    .filter(|p| key.starts_with(p.as_str()))
                    .max_by_key(|p| p.len())
                    .unwrap();
                assert_eq!(longest, prefix, "{key}");
            }
        }
        let chunks = index
            .files
            .iter()
            .filter(|f| f.path.contains("/d-"))
            .count();
        assert_eq!(manifest["chunks"].as_array().unwrap().len(), chunks);
        assert!(chunks > 1);
    }

    // Filters list the pages holding each value; a page over the size limit is left out and
    // reported, and the others are still indexed.
    #[test]
    fn filters_and_pages_too_long() {
        let with_filter = |path: &str, unit: &str| {
            Output {
            path: path.into(),
            bytes: format!(
                "<article data-search-body><h1>x</h1><a data-search-filter=\"unit\">{unit}</a></article>"
            )
            .into_bytes(),
        }
        };
        let long = page("measures/long/index.html", &"ยาว".repeat(MAX_PAGE / 4));
        let size = long.bytes.len();
        let list = Output {
            path: "measures/index.html".into(),
            bytes: b"<html><body><main><h1>list</h1></main></body></html>".to_vec(),
        };
        let index = index(&[
            with_filter("a/index.html", "กองช่าง"),
            with_filter("b/index.html", "กองคลัง"),
            with_filter("c/index.html", "กองช่าง"),
            long,
            list,
        ])
        .unwrap();
        assert_eq!(
            index.skipped,
            vec![("measures/long/index.html".to_string(), size)]
        );
        let filters = read_bin(&file(&index.files, "filters.bin").bytes);
        assert_eq!(
            filters,
            vec![
                ("unit:กองคลัง".to_string(), vec![(1, false)]),
                ("unit:กองช่าง".to_string(), vec![(0, false), (2, false)]),
            ]
        );
    }

    // The facts marked data-search-aside are located in the text (in UTF-16 units, as the search
    // page counts), and the words of Thai runs part where ICU4X's dictionary cuts them.
    #[test]
    fn asides_and_word_breaks_are_read_with_the_text() {
        let html = "<article data-search-body><h1>ภาษีที่ดิน</h1>\
                    <dl data-search-aside><dt>ผู้รับผิดชอบ</dt><dd>กองคลัง</dd></dl>\
                    <p>ชำระได้ปลายปี</p></article>";
        let doc = extract("a/index.html", html).unwrap();
        assert_eq!(doc.text, "ภาษีที่ดิน ผู้รับผิดชอบ กองคลัง ชำระได้ปลายปี");
        let units: Vec<u16> = doc.text.encode_utf16().collect();
        let piece = |(a, b): (u32, u32)| String::from_utf16_lossy(&units[a as usize..b as usize]);
        assert_eq!(doc.aside.len(), 1);
        assert_eq!(piece(doc.aside[0]).trim(), "ผู้รับผิดชอบ กองคลัง");
        let words: Vec<String> = std::iter::once(0)
            .chain(doc.breaks.iter().copied())
            .zip(doc.breaks.iter().copied().chain([units.len() as u32]))
            .map(piece)
            .collect();
        assert!(words.iter().any(|w| w.ends_with("ปลาย")), "{words:?}");
        assert!(words.iter().any(|w| w.starts_with("ปี")), "{words:?}");
    }

    // Word breaks are written as one digit a gap, a long gap as `_` steps of 63 then the rest.
    #[test]
    fn word_breaks_are_written_as_gaps() {
        assert_eq!(encode_breaks(&[]), "");
        // Gaps 3, 4, 63 (= 63 + 0) and 131 (= 63 + 63 + 5).
        assert_eq!(encode_breaks(&[3, 7, 70, 201]), "34_0__5");
        assert_eq!(encode_breaks(&[62, 63]), "-1");
    }

    // The vocabulary holds each Thai word, each pair of neighbouring words (ลายเซ็น) and each
    // Latin word once, folded, the most used first; nothing crosses a space.
    #[test]
    fn the_vocabulary_lists_words_and_word_pairs_commonest_first() {
        let out = index(&[
            page("a/index.html", "ลงลายเซ็นรับเงิน YouTube"),
            page("b/index.html", "ลายเซ็น ปลาย"),
        ])
        .unwrap();
        let words = String::from_utf8(file(&out.files, "words.txt").bytes.clone()).unwrap();
        let words: Vec<&str> = words.lines().collect();
        assert_eq!(words[..3], ["ลาย", "ลายเซ็น", "เซ็น"], "{words:?}");
        for w in ["ลงลาย", "รับเงิน", "youtube", "ปลาย"] {
            assert!(words.contains(&w), "{w} in {words:?}");
        }
        assert!(!words.iter().any(|w| w.contains(' ')), "{words:?}");
        assert_eq!(
            words.len(),
            words.iter().collect::<std::collections::HashSet<_>>().len()
        );
    }
}
