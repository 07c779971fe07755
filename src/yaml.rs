//! The one gate every YAML text passes: `site.yaml`, front matter, `content/disclosures.yaml` and
//! the criteria files are read here with the same limits, and their faults become findings that
//! name the kind of file and point at the spot.
//!
//! The limits: at most [`MAX_YAML_NODES`] values after aliases are expanded (an alias bomb stops
//! at once instead of eating gigabytes), brackets at most [`MAX_FLOW_DEPTH`] deep (libyaml's time
//! grows with their square), no tags, no repeated keys. This module also finds keys and list
//! entries in the text, so callers can put a caret on a field. It reads no files (callers decode
//! them) and knows nothing of what the values mean: that is `config`'s, `measure`'s and `oit`'s.

use std::cell::Cell;
use std::ops::Range;

use serde::de::{DeserializeOwned, DeserializeSeed};
use serde_yaml::Value;

use crate::diag::{self, Finding, Source, did_you_mean};

/// Which kind of file a YAML text is, so its findings say which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `site.yaml`.
    Site,
    /// The block between the `---` fences of a content `.md` file.
    FrontMatter,
    /// `content/disclosures.yaml`.
    Disclosures,
    /// A criteria list, `criteria/ita-YYYY.yaml` or one shipped with prongsai.
    Criteria,
}

impl FileKind {
    /// How a message names it: "invalid {name}: ...".
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Site => "site.yaml",
            FileKind::FrontMatter => "front matter",
            FileKind::Disclosures => "content/disclosures.yaml",
            FileKind::Criteria => "criteria file",
        }
    }

    /// Where a rule holds: "YAML tags are not used in {place}".
    fn place(self) -> &'static str {
        match self {
            FileKind::Criteria => "criteria files",
            other => other.name(),
        }
    }
}

/// Most YAML nodes one file may expand to. Real files have a few hundred; the limit stops alias
/// bombs ("billion laughs"), whose aliases multiply a small text into billions of nodes, after
/// bounded time and memory. (yaml_serde limits alias jumps, but one jump may copy a large node, so a
/// quadratic bomb still gets through its limit.)
pub const MAX_YAML_NODES: usize = 100_000;

/// Deepest run of unclosed `[` and `{` the YAML may hold. libyaml's scanner takes time
/// quadratic in flow nesting (120,000 levels: over a minute), and serde stops at 128 levels anyway.
pub const MAX_FLOW_DEPTH: usize = 100;

/// Reads `range` of `src` (a whole `.yaml` file, or a front matter) into a value within the limits;
/// a fault is a finding placed in the file. `keys` are the keys the file takes, for "did you mean".
pub fn read(
    kind: FileKind,
    src: &Source,
    range: Range<usize>,
    keys: &[&str],
) -> Result<Value, Finding> {
    let yaml = &src.inner()[range.clone()];
    if let Some(at) = too_deep(yaml) {
        return Err(Finding::at(
            src,
            range.start + at,
            1,
            format!(
                "invalid {}: brackets nest more than {MAX_FLOW_DEPTH} deep",
                kind.name()
            ),
        )
        .help("write lists as `- item` lines; a run of `[` or `{` this long is a mistake"));
    }
    parse(kind, yaml).map_err(|e| finding(kind, src, range.start, &e, keys))
}

/// Reads a whole YAML file into `T`, after [`read`] has checked it within the limits (so `T`'s
/// own errors keep their line and column).
pub fn from_str<T: DeserializeOwned>(
    kind: FileKind,
    src: &Source,
    keys: &[&str],
) -> Result<T, Finding> {
    let text: &str = src.inner();
    read(kind, src, 0..text.len(), keys)?;
    serde_yaml::from_str(text).map_err(|e| finding(kind, src, 0, &e, keys))
}

/// Byte offset of the bracket where `[` and `{` nest deeper than [`MAX_FLOW_DEPTH`], if they do.
/// Counted on raw characters, quoted or not: legitimate text never opens 100 brackets in a row.
pub fn too_deep(yaml: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in yaml.bytes().enumerate() {
        match b {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => continue,
        }
        if depth > MAX_FLOW_DEPTH {
            return Some(i);
        }
    }
    None
}

/// Parses YAML into a value, refusing tags and stopping at [`MAX_YAML_NODES`] nodes.
pub fn parse(kind: FileKind, text: &str) -> Result<Value, serde_yaml::Error> {
    if too_deep(text).is_some() {
        return Err(serde::de::Error::custom(format!(
            "brackets nest more than {MAX_FLOW_DEPTH} deep (recursion limit exceeded)"
        )));
    }
    let budget = Cell::new(MAX_YAML_NODES);
    Bounded {
        budget: &budget,
        kind,
    }
    .deserialize(serde_yaml::Deserializer::from_str(text))
}

/// A YAML mapping key as the user wrote it: a string as is, anything else (a number, a list) in
/// YAML form, for messages and for matching the key's place in the text.
pub fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// Builds a [`Value`] node by node, spending one unit of the budget per node.
#[derive(Clone, Copy)]
struct Bounded<'a> {
    budget: &'a Cell<usize>,
    kind: FileKind,
}

impl Bounded<'_> {
    fn spend<E: serde::de::Error>(&self) -> Result<(), E> {
        match self.budget.get().checked_sub(1) {
            Some(left) => {
                self.budget.set(left);
                Ok(())
            }
            None => Err(E::custom(format!(
                "the YAML expands to more than {MAX_YAML_NODES} values (repetition limit exceeded)"
            ))),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Bounded<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Bounded<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Value, E> {
        self.spend()?;
        Ok(Value::Null)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Value, E> {
        self.spend()?;
        Ok(b.into())
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Value, E> {
        self.spend()?;
        Ok(n.into())
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Value, E> {
        self.spend()?;
        Ok(n.into())
    }

    fn visit_i128<E: serde::de::Error>(self, n: i128) -> Result<Value, E> {
        self.visit_f64(n as f64)
    }

    fn visit_u128<E: serde::de::Error>(self, n: u128) -> Result<Value, E> {
        self.visit_f64(n as f64)
    }

    fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Value, E> {
        self.spend()?;
        Ok(x.into())
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Value, E> {
        self.spend()?;
        // Written as escapes (`"\x07"`, `"\e"`), control characters pass the scanner; in a page
        // they make the feed invalid XML and in a terminal they act.
        if let Some(c) = s
            .chars()
            .find(|&c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(E::custom(format!(
                "control characters are not allowed (U+{:04X}, written as an escape)",
                c as u32
            )));
        }
        Ok(s.into())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.spend()?;
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(self)? {
            items.push(v);
        }
        Ok(Value::Sequence(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.spend()?;
        let mut out = serde_yaml::Mapping::new();
        while let Some(k) = map.next_key_seed(self)? {
            if out.contains_key(&k) {
                let key = match &k {
                    Value::String(s) => format!("{s:?}"),
                    other => key_text(other),
                };
                return Err(serde::de::Error::custom(format!(
                    "duplicate entry with key {key}"
                )));
            }
            let v = map.next_value_seed(self)?;
            out.insert(k, v);
        }
        Ok(Value::Mapping(out))
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, _: A) -> Result<Value, A::Error> {
        Err(serde::de::Error::custom(format!(
            "YAML tags (`!name value`) are not used in {}",
            self.kind.place()
        )))
    }
}

/// Characters that look like YAML's own but are not, with their name and the fix.
pub fn lookalike(c: char) -> Option<(&'static str, &'static str)> {
    const SPACES: &str =
        "replace it with an ordinary space (it was probably pasted from Word or LINE)";
    Some(match c {
        '\u{00A0}' => ("a non-breaking space", SPACES),
        '\u{3000}' | '\u{2002}'..='\u{200A}' => ("a wide space", SPACES),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => (
            "an invisible zero-width character",
            "retype the text around it by hand",
        ),
        '\u{FF1A}' => ("a full-width colon `：`", "write the ordinary colon `:`"),
        '\u{FF03}' => ("a full-width `＃`", "write the ordinary `#`"),
        '\u{201C}' | '\u{201D}' => ("a curly quote", "write the straight double quote `\"`"),
        _ => return None,
    })
}

/// Debris that text pasted from Word or LINE leaves in a value YAML reads without complaint,
/// so it would be published as part of the text: where it is in `line` (byte offset and length),
/// what it is and the fix, each in Thai and English. Only the start of a value is looked at
/// (after `key: ` or `- `), and characters that never belong in text anywhere; comment lines
/// and block text (`|`) are left alone.
pub fn paste_debris(line: &str) -> Option<(usize, usize, String, &'static str)> {
    let body = line.trim_start();
    if body.starts_with('#') {
        return None;
    }
    // Where the value starts: after `- ` (a list item) or after the key's `: `.
    let indent = line.len() - body.len();
    let start = match body.strip_prefix("- ") {
        Some(v) => Some((indent + 2, v)),
        None => body
            .find(": ")
            .map(|colon| (indent + colon + 2, &body[colon + 2..])),
    };
    let (at, value) = start.map_or((0, ""), |(at, v)| {
        (at + v.len() - v.trim_start().len(), v.trim())
    });
    let first = value.chars().next().unwrap_or(' ');
    if BULLETS.contains(&first) {
        return Some((
            at,
            first.len_utf8(),
            format!(
                "สัญลักษณ์หัวข้อย่อย `{first}` จาก Word จะแสดงบนเว็บด้วย / a Word bullet `{first}` would be published as part of the text"
            ),
            "ลบสัญลักษณ์นี้ออก รายการใน YAML ใช้ `- ` นำหน้าเท่านั้น / delete it: a YAML list item needs only the `- ` in front",
        ));
    }
    if let Some((i, c)) = line.char_indices().find(|&(_, c)| stray(c)) {
        return Some((
            i,
            c.len_utf8(),
            format!(
                "มีอักขระแปลกปลอม (U+{:04X}) ที่มากับการคัดลอก / a stray character (U+{:04X}) came with pasted text",
                c as u32, c as u32
            ),
            "ลบอักขระนี้แล้วพิมพ์ตรงนั้นใหม่ / delete it and retype the text there",
        ));
    }
    let last = value.chars().last()?;
    let curly = |c| {
        matches!(
            c,
            '\u{201C}'
                | '\u{201D}'
                | '\u{201E}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{00AB}'
                | '\u{00BB}'
        )
    };
    if value.chars().count() > 1 && curly(first) && curly(last) {
        return Some((
            at,
            value.len(),
            format!(
                "ทั้งข้อความอยู่ในเครื่องหมายคำพูดแบบโค้ง `{first}…{last}` ซึ่งจะแสดงบนเว็บด้วย / the whole value is wrapped in curly quotes `{first}…{last}`, which would be published as part of the text"
            ),
            "ลบเครื่องหมายคำพูดทั้งสองตัว หรือเปลี่ยนเป็นเครื่องหมายคำพูดตรง \" / delete both quotes, or use straight double quotes \"…\"",
        ));
    }
    None
}

/// Bullets Word and LINE put in front of list items.
const BULLETS: &[char] = &[
    '\u{2022}', '\u{25CF}', '\u{25AA}', '\u{25A0}', '\u{25E6}', '\u{25CB}', '\u{2023}', '\u{2043}',
    '\u{27A2}', '\u{2713}', '\u{2714}', '\u{F0B7}', '\u{F0A7}', '\u{F0D8}', '\u{F076}',
];

/// Characters that are never text: the replacement and object marks, and the private-use
/// characters Word's Symbol and Wingdings fonts leave behind.
fn stray(c: char) -> bool {
    matches!(c, '\u{FFFD}' | '\u{FFFC}' | '\u{E000}'..='\u{F8FF}')
}

/// A YAML error from serde as a finding placed in the file (`start` is where the YAML begins in
/// it), named for the file's kind, with a fix.
// Long: one branch per kind of libyaml or serde message, each with its own fix; split up, the
// branches would share the half-dozen positions worked out at the top.
pub fn finding(
    kind: FileKind,
    src: &Source,
    start: usize,
    err: &serde_yaml::Error,
    keys: &[&str],
) -> Finding {
    let text: &str = src.inner();
    let invalid = kind.name();
    let mut offset = err.location().map_or(start, |l| start + l.index());
    let full = err.to_string();
    let mut msg = full.clone();
    if let Some(i) = msg.find(" at line ") {
        msg.truncate(i);
    } else if let Some((problem, at)) = full.split_once(" at position ") {
        // Scanner errors before any line is counted give a byte position in the YAML.
        let pos: String = at.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(pos) = pos.parse::<usize>() {
            offset = (start + pos).min(text.len());
        }
        msg = problem.to_string();
    }
    // libyaml adds where the construct began: "..., while scanning a quoted scalar at line 1 column 8".
    // When the problem is the end of the text, that beginning is the place to fix.
    if let Some((_, context)) = full.split_once(", while ") {
        let (what, at) = context.split_once(" at line ").unwrap_or((context, ""));
        msg = format!("{msg} while {}", what.trim());
        let mut nums = at.split(" column ").map(|n| n.trim().parse::<usize>().ok());
        if let (true, Some(Some(line)), Some(Some(col))) =
            (msg.contains("end of stream"), nums.next(), nums.next())
        {
            let yaml = &text[start..];
            let line_start = diag::line_offset(yaml, line);
            let col_bytes: usize = yaml[line_start..]
                .chars()
                .take(col.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            offset = (start + line_start + col_bytes).min(text.len());
        }
    }
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let mut help =
        "check the indentation (spaces only) and put text with `:` or `#` in double quotes"
            .to_string();
    // Text pasted from Word or LINE brings look-alike characters YAML does not know; libyaml
    // notices a line late. Look on the error's line and the one before, and point at the culprit.
    let prev_start = text[..line_start.saturating_sub(1).max(start)]
        .rfind('\n')
        .map_or(start, |i| i + 1)
        .max(start);
    let nearby = &text[prev_start.min(line_start)..line_start + line.len()];
    // Odd spaces count only where YAML wants its own: in the indentation or after a colon.
    let suspicious = |i: usize, c: char| {
        let before = &nearby[..i];
        let line_before = &before[before.rfind('\n').map_or(0, |n| n + 1)..];
        match lookalike(c) {
            Some(("a non-breaking space" | "a wide space", _)) => {
                line_before.trim_start().is_empty() || line_before.ends_with(':')
            }
            other => other.is_some(),
        }
    };
    if let Some((i, c)) = nearby.char_indices().find(|&(i, c)| suspicious(i, c)) {
        let at = prev_start.min(line_start) + i;
        let (name, fix) = lookalike(c).unwrap_or_default();
        return Finding::at(
            src,
            at,
            c.len_utf8(),
            format!("invalid {invalid}: {name} (U+{:04X}) here", c as u32),
        )
        .help(fix);
    }
    if msg.contains("mapping values are not allowed")
        && let Some((key, value)) = line.split_once(": ")
    {
        help = format!(
            "text holding `: ` must be in double quotes: {key}: \"{}\"",
            value.trim()
        );
    } else if line.starts_with('\t')
        || line.contains(":\t")
        || text[start..offset.min(text.len())]
            .lines()
            .last()
            .is_some_and(|l| l.starts_with('\t'))
    {
        help = "YAML does not allow tabs for indentation: replace the tab with spaces".into();
    } else if let Some(field) = msg
        .strip_prefix("unknown field `")
        .and_then(|m| m.split('`').next())
    {
        let field = field.to_string();
        msg = format!("unknown key `{field}`");
        help = match did_you_mean(&field, keys.iter().copied()) {
            Some(k) => format!("did you mean `{k}`?"),
            None => format!("the keys are: {}", keys.join(", ")),
        };
        if let Some(k) = find_key(text, start, &field) {
            return Finding::at(src, k.key.0, k.key.1, msg).help(help);
        }
    } else if msg.contains("control characters") {
        help = "the line holds an invisible control character (an escape code?): retype the line"
            .into();
    } else if msg.contains("YAML tags") {
        help = "remove the `!...` tag and write the plain value".into();
    } else if msg.contains("end of stream") {
        help =
            "a quote or bracket opened here is never closed: add the closing `\"`, `'`, `]` or `}`"
                .into();
    } else if msg.contains("duplicate entry") || msg.contains("duplicate key") {
        help = "each key may appear once: delete or merge the repeated one".into();
        // The error is placed at the start of the mapping; the fix is at the repeat.
        if let Some(at) = msg
            .split_once("key ")
            .and_then(|(_, k)| repeat_of(text, offset, k.trim_matches('"')))
        {
            offset = at;
        }
    } else if msg.contains("recursion limit") || msg.contains("repetition limit") {
        help = "the YAML nests or repeats too deeply (anchors and aliases?): write plain values"
            .into();
    }
    let len = line.len().saturating_sub(offset - line_start).clamp(1, 40);
    Finding::at(src, offset, len, format!("invalid {invalid}: {msg}")).help(help)
}

// ---------------------------------------------------------------------------------------------
// Finding keys in the text, for carets

/// Where `key` is written the second time in the mapping whose first key is at `start`: the
/// lines with the first key's indentation, until a line indented less.
fn repeat_of(text: &str, start: usize, key: &str) -> Option<usize> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '-']).len();
    let first = text[line_start..].lines().next()?;
    let depth = indent(first);
    let mut off = line_start;
    let mut seen = 0;
    for line in text[line_start..].split_inclusive('\n') {
        let body = line.trim_end();
        if body.trim() == "---" || (!body.trim().is_empty() && indent(line) < depth) {
            break;
        }
        if indent(line) == depth && key_in_line(line, key).is_some() {
            seen += 1;
            if seen == 2 {
                return Some(off + depth);
            }
        }
        off += line.len();
    }
    None
}

/// Where a key is written: the byte span of the key, and of its value on the same line (empty
/// when the value is on the lines below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySpans {
    pub key: (usize, usize),
    pub value: (usize, usize),
}

/// The key `key` written at the start of `line` (after indentation, `- ` and a quote), with the
/// spans of the key and of its value (a ` #` comment left out), relative to the line.
fn key_in_line(line: &str, key: &str) -> Option<KeySpans> {
    let body = line.trim_start().trim_start_matches("- ").trim_start();
    let bare = body.trim_start_matches(['"', '\'']);
    let value = bare
        .strip_prefix(key)?
        .trim_start_matches(['"', '\''])
        .strip_prefix(':')?;
    let v = value.trim();
    let v = v.split(" #").next().unwrap_or(v).trim();
    let value_at = line.len() - value.len() + value.find(v).unwrap_or(0);
    Some(KeySpans {
        key: (line.len() - bare.len(), key.len()),
        value: (value_at, v.len()),
    })
}

/// The top-level key `key` of the YAML that starts at byte `start` of `text`; a front matter ends
/// at its closing `---` (a `---` on the first line only opens the document).
pub fn find_key(text: &str, start: usize, key: &str) -> Option<KeySpans> {
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        if line.trim_end() == "---" && offset > start {
            break;
        }
        if !line.starts_with([' ', '\t', '-'])
            && let Some(k) = key_in_line(line, key)
        {
            return Some(KeySpans {
                key: (offset + k.key.0, k.key.1),
                value: (offset + k.value.0, k.value.1),
            });
        }
        offset += line.len();
    }
    None
}

/// Byte span of the value of top-level `key` (or of the key when the value is on later lines),
/// searching the YAML that starts at byte `start` of `text`.
pub fn key_span(text: &str, start: usize, key: &str) -> Option<(usize, usize)> {
    let k = find_key(text, start, key)?;
    Some(if k.value.1 == 0 { k.key } else { k.value })
}

/// Byte span of the value in the `n`-th `key: value` written in `text`, block or flow style, for
/// carets in lists whose entries repeat a key (`code: O1`).
pub fn nth_value(text: &str, key: &str, value: &str, n: usize) -> Option<(usize, usize)> {
    let needle = format!("{key}: {value}");
    let (at, _) = text.match_indices(&needle).nth(n)?;
    Some((at + key.len() + 2, value.len()))
}

/// Where the n-th `- ` entry under a top-level key sits, for carets on its fields.
pub struct Entry<'a> {
    text: &'a str,
    /// Byte offset of the entry's first line (or of the key when it cannot be found).
    pub start: usize,
    end: usize,
}

impl<'a> Entry<'a> {
    /// The `n`-th entry of the list under the key at `key_off`.
    pub fn find(text: &'a str, key_off: usize, n: usize) -> Entry<'a> {
        Entry::all(text, key_off)
            .into_iter()
            .nth(n)
            .unwrap_or(Entry::at_key(text, key_off))
    }

    /// The stand-in for an entry that cannot be found (a flow list): the key at `key_off`.
    pub fn at_key(text: &'a str, key_off: usize) -> Entry<'a> {
        Entry {
            text,
            start: key_off,
            end: key_off,
        }
    }

    /// Every entry of the list under the key at `key_off`, in one pass over the list (finding
    /// each on its own would read the list once per entry: minutes for 20,000 entries).
    pub fn all(text: &'a str, key_off: usize) -> Vec<Entry<'a>> {
        let Some(nl) = text[key_off..].find('\n') else {
            return Vec::new();
        };
        let mut off = key_off + nl + 1;
        let mut starts = Vec::new();
        let mut end = text.len();
        for line in text[off..].split_inclusive('\n') {
            let t = line.trim_start();
            let top = !line.starts_with([' ', '\t', '-', '#', '\n']) && !line.trim().is_empty();
            if top {
                end = off;
                break;
            }
            if t.starts_with("- ") || t.trim_end() == "-" {
                starts.push(off + (line.len() - t.len()));
            }
            off += line.len();
        }
        let ends = starts.iter().skip(1).copied().chain([end]);
        starts
            .iter()
            .zip(ends)
            .map(|(&start, end)| Entry { text, start, end })
            .collect()
    }

    /// Where `field:` is written within the entry.
    pub fn key(&self, field: &str) -> Option<KeySpans> {
        let mut off = self.start;
        for line in self.text[self.start..self.end].split_inclusive('\n') {
            if let Some(k) = key_in_line(line, field) {
                return Some(KeySpans {
                    key: (off + k.key.0, k.key.1),
                    value: (off + k.value.0, k.value.1.max(1)),
                });
            }
            off += line.len();
        }
        None
    }

    /// Byte span of the value of `field:` within the entry.
    pub fn field(&self, field: &str) -> Option<(usize, usize)> {
        self.key(field).map(|k| k.value)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::paste_debris;

    // Word's bullets, curly quotes around a whole value and stray symbol-font characters are
    // found where they are; quotes inside a value, straight quotes and comments are not debris.
    #[test]
    fn paste_debris_is_found_at_its_place() {
        let at = |l: &str| paste_debris(l).map(|(i, n, _, _)| (i, n));
        assert_eq!(
            at("title: \u{201C}มาตรการ\u{201D}"),
            Some((7, 3 + 7 * 3 + 3))
        );
        assert_eq!(at("  - \u{2022} \"สำนักปลัด\""), Some((4, 3)));
        assert_eq!(at("responsible: \u{F0B7} กองคลัง"), Some((13, 3)));
        assert_eq!(at("period: ต.ค. 65 \u{FFFD} ก.ย. 66"), Some((20, 3)));
        assert_eq!(at("title: โครงการ \u{201C}บ้านมั่นคง\u{201D}"), None);
        assert_eq!(at("title: \"\u{201C}ยกมา\u{201D}\""), None);
        assert_eq!(at("# \u{2022} a comment"), None);
        assert_eq!(at("  - สำนักปลัด"), None);
        let (_, _, msg, fix) = paste_debris("- \u{2022} ก").unwrap();
        assert!(
            msg.contains("Word bullet") && fix.contains("`- `"),
            "{msg} {fix}"
        );
    }

    use super::*;
    use std::sync::Arc;

    /// A quadratic alias bomb under the keys `wide` and `many`: one 20,000-item list and 20,000
    /// aliases to it, 400 million values if expanded, in 100 KB of text.
    pub(crate) fn quadratic_bomb(wide: &str, many: &str) -> String {
        format!(
            "{wide}: &a [{}]\n{many}: [{}]\n",
            "x,".repeat(20_000),
            "*a,".repeat(20_000)
        )
    }

    fn src(text: &str) -> Source {
        diag::source("x.yaml", Arc::from(text))
    }

    // An alias bomb stops at the node budget, quickly, with an error that says so.
    #[test]
    fn alias_bombs_stop_at_the_node_budget() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            yaml.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let start = std::time::Instant::now();
        let err = parse(FileKind::FrontMatter, &yaml).unwrap_err();
        assert!(err.to_string().contains("repetition limit"), "{err}");
        let err = parse(FileKind::Disclosures, &quadratic_bomb("O1", "O2")).unwrap_err();
        assert!(err.to_string().contains("repetition limit"), "{err}");
        assert!(start.elapsed().as_secs() < 5);
    }

    // Deep bracket nesting is refused before libyaml, whose time grows with its square.
    #[test]
    fn deep_brackets_are_refused_quickly() {
        let yaml = format!("title: {}x{}\n", "[".repeat(120_000), "]".repeat(120_000));
        let start = std::time::Instant::now();
        assert_eq!(too_deep(&yaml), Some(7 + MAX_FLOW_DEPTH));
        assert!(parse(FileKind::FrontMatter, &yaml).is_err());
        let err = read(FileKind::Site, &src(&yaml), 0..yaml.len(), &[]).unwrap_err();
        assert!(
            err.message
                .starts_with("invalid site.yaml: brackets nest more than 100 deep"),
            "{err}"
        );
        assert!(start.elapsed().as_secs() < 2);
        assert_eq!(
            too_deep("title: \"[ข้อ 1] {ก}\"\nmethods: [[a], {b: c}]\n"),
            None
        );
    }

    // Duplicate keys and YAML tags are errors with a place in the file.
    #[test]
    fn duplicate_keys_and_tags_are_errors() {
        let err = parse(FileKind::FrontMatter, "title: a\ntitle: b\n").unwrap_err();
        assert!(err.to_string().contains("duplicate entry"), "{err}");
        assert!(err.location().is_some());
        let err = parse(FileKind::FrontMatter, "title: !shell rm\n").unwrap_err();
        assert!(
            err.to_string().contains("YAML tags") && err.to_string().contains("front matter"),
            "{err}"
        );
    }

    // Plain YAML reads as before: numbers, lists, nested maps, nulls.
    #[test]
    fn plain_yaml_reads_into_values() {
        let v = parse(
            FileKind::FrontMatter,
            "a: 1\nb: [x, 2.5]\nc: {d: ~}\ne: 99999999999999999999999\n",
        )
        .unwrap();
        assert_eq!(v["a"], Value::from(1));
        assert_eq!(v["b"][1], Value::from(2.5));
        assert!(v["c"]["d"].is_null());
        assert!(v["e"].is_f64());
    }

    // Every kind of file names itself in a syntax error, at the line of the fault.
    #[test]
    fn syntax_errors_name_the_kind_of_file() {
        let text = "a: 1\nb: c: d\n";
        for (kind, name) in [
            (FileKind::Site, "invalid site.yaml: "),
            (FileKind::FrontMatter, "invalid front matter: "),
            (FileKind::Disclosures, "invalid content/disclosures.yaml: "),
            (FileKind::Criteria, "invalid criteria file: "),
        ] {
            let err = read(kind, &src(text), 0..text.len(), &[]).unwrap_err();
            assert!(err.message.starts_with(name), "{kind:?}: {err}");
            assert_eq!(err.line, 2, "{err}");
        }
    }

    // The value of a top-level key is located for carets; a key whose value is below, the key.
    #[test]
    fn key_span_points_at_the_value() {
        let text = "---\ntitle: x\nstatus: finished # note\nmethods:\n  - a\n---\nbody: y\n";
        let (off, len) = key_span(text, 4, "status").unwrap();
        assert_eq!(&text[off..off + len], "finished");
        let (off, len) = key_span(text, 4, "methods").unwrap();
        assert_eq!(&text[off..off + len], "methods");
        assert!(
            key_span(text, 4, "body").is_none(),
            "past the closing fence"
        );
        let quoted = "---\n\"O1\": x\n";
        let k = find_key(quoted, 0, "O1").unwrap();
        assert_eq!(&quoted[k.key.0..k.key.0 + k.key.1], "O1");
    }

    // The n-th `key: value` is found in block and flow style.
    #[test]
    fn repeated_values_are_located_by_count() {
        let text = "- code: O1\n- {code: O2}\n- code: O1\n";
        assert_eq!(nth_value(text, "code", "O1", 1), Some((32, 2)));
        assert_eq!(nth_value(text, "code", "O2", 0), Some((20, 2)));
        assert_eq!(nth_value(text, "code", "O3", 0), None);
    }

    // Evidence fields are found under their entry for carets.
    #[test]
    fn entry_fields_are_located() {
        let text = "O1:\n  - url: a/\n    date: 2023-01-01\n  - url: b/\nO2:\n- url: c/\n";
        let key = find_key(text, 0, "O1").unwrap().key.0;
        let second = Entry::find(text, key, 1);
        let (off, len) = second.field("url").unwrap();
        assert_eq!(&text[off..off + len], "b/");
        assert!(second.field("date").is_none());
        let o2 = find_key(text, 0, "O2").unwrap().key.0;
        let (off, len) = Entry::find(text, o2, 0).field("url").unwrap();
        assert_eq!(&text[off..off + len], "c/");
    }
}
