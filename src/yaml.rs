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
use crate::t;

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
    /// How a message names it: "line 5: {name} cannot be read here".
    pub fn name(self) -> String {
        match self {
            FileKind::Site => t!("yaml-kind-site"),
            FileKind::FrontMatter => t!("yaml-kind-front-matter"),
            FileKind::Disclosures => t!("yaml-kind-disclosures"),
            FileKind::Criteria => t!("yaml-kind-criteria"),
        }
    }

    /// Where a rule holds, in the parser's own (English) error: "YAML tags are not used in {place}".
    fn place(self) -> &'static str {
        match self {
            FileKind::Criteria => "criteria files",
            FileKind::Site => "site.yaml",
            FileKind::FrontMatter => "front matter",
            FileKind::Disclosures => "content/disclosures.yaml",
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
        let line = diag::line_col(src.inner(), range.start + at).0;
        return Err(Finding::at(
            src,
            range.start + at,
            1,
            t!("yaml-too-deep", line = line, max = MAX_FLOW_DEPTH),
        )
        .help(t!("yaml-too-deep.help")));
    }
    let value = parse(kind, yaml).map_err(|e| finding(kind, src, range.start, &e, keys))?;
    match curly_key(&value) {
        Some(key) => Err(curly_quoted_key(src, range, &key)),
        None => Ok(value),
    }
}

/// A mapping key anywhere in `value` that starts with a curly quote: text pasted from Word in
/// `“…”` holding a `: ` (`- “ขั้นที่ 1: สำรวจ”`), which YAML reads as a key and its value.
fn curly_key(value: &Value) -> Option<String> {
    match value {
        Value::Mapping(m) => m.iter().find_map(|(k, v)| match k {
            Value::String(s) if s.starts_with(CURLY) => Some(s.clone()),
            _ => curly_key(v),
        }),
        Value::Sequence(items) => items.iter().find_map(curly_key),
        _ => None,
    }
}

/// Opening quotes Word and LINE type in place of `"` and `'`.
const CURLY: &[char] = &[
    '\u{201C}', '\u{201D}', '\u{201E}', '\u{2018}', '\u{2019}', '\u{00AB}', '\u{00BB}',
];

/// The finding for [`curly_key`]'s `key`: on the line that holds it, not on the key above whose
/// value it spoils.
fn curly_quoted_key(src: &Source, range: Range<usize>, key: &str) -> Finding {
    let text: &str = src.inner();
    let mut offset = range.start;
    for line in text[range.clone()].split_inclusive('\n') {
        let body = line.trim_start();
        let body = body.strip_prefix("- ").unwrap_or(body).trim_start();
        if body.starts_with(key) || (body.starts_with(CURLY) && body.contains(':')) {
            let at = offset + line.len() - body.len();
            let n = diag::line_col(text, at).0;
            let len = body.trim_end().len().max(1);
            return Finding::at(src, at, len, t!("yaml-curly-quotes", line = n))
                .help(t!("yaml-curly-quotes.help"));
        }
        offset += line.len();
    }
    let n = diag::line_col(text, range.start).0;
    Finding::at(src, range.start, 1, t!("yaml-curly-quotes", line = n))
        .help(t!("yaml-curly-quotes.help"))
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
                "{CONTROL} (U+{:04X}, written as an escape)",
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
                return Err(serde::de::Error::custom(format!("{DUPLICATE}{key}")));
            }
            let v = map.next_value_seed(self)?;
            out.insert(k, v);
        }
        Ok(Value::Mapping(out))
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, _: A) -> Result<Value, A::Error> {
        Err(serde::de::Error::custom(format!(
            "{TAGS} in {}",
            self.kind.place()
        )))
    }
}

/// How the reader's own errors begin, so [`finding`] knows them.
const CONTROL: &str = "control characters are not allowed";
const DUPLICATE: &str = "duplicate entry with key ";
const TAGS: &str = "YAML tags (`!name value`) are not used";

/// Characters that look like YAML's own but are not, with their name and the fix.
pub fn lookalike(c: char) -> Option<(String, String)> {
    Some(match c {
        '\u{00A0}' => (t!("yaml-lookalike-nbsp"), t!("yaml-lookalike-nbsp.help")),
        '\u{3000}' | '\u{2002}'..='\u{200A}' => (
            t!("yaml-lookalike-wide-space"),
            t!("yaml-lookalike-nbsp.help"),
        ),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => (
            t!("yaml-lookalike-invisible"),
            t!("yaml-lookalike-invisible.help"),
        ),
        '\u{FF1A}' => (
            t!("yaml-lookalike-fullwidth-colon"),
            t!("yaml-lookalike-fullwidth-colon.help"),
        ),
        '\u{FF03}' => (
            t!("yaml-lookalike-fullwidth-hash"),
            t!("yaml-lookalike-fullwidth-hash.help"),
        ),
        '\u{201C}' | '\u{201D}' => (t!("yaml-lookalike-curly"), t!("yaml-curly-quotes.help")),
        _ => return None,
    })
}

/// Spaces other than the ordinary one, which YAML does not take for indentation.
fn odd_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{3000}' | '\u{2002}'..='\u{200A}')
}

/// Debris that text pasted from Word or LINE leaves in a value YAML reads without complaint,
/// so it would be published as part of the text: where it is in `line` (byte offset and length),
/// what it is and the fix. Only the start of a value is looked at
/// (after `key: ` or `- `), and characters that never belong in text anywhere; comment lines
/// and block text (`|`) are left alone.
pub fn paste_debris(line: &str) -> Option<(usize, usize, String, String)> {
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
            t!("yaml-debris-bullet", bullet = first.to_string()),
            t!("yaml-debris-bullet.help"),
        ));
    }
    if let Some((i, c)) = line.char_indices().find(|&(_, c)| stray(c)) {
        return Some((
            i,
            c.len_utf8(),
            t!("yaml-debris-stray", code = format!("{:04X}", c as u32)),
            t!("yaml-debris-stray.help"),
        ));
    }
    let last = value.chars().last()?;
    let curly = |c| CURLY.contains(&c);
    // With a `: ` inside, YAML reads the text as a key: `read` reports that (see [`curly_key`]).
    if value.chars().count() > 1 && curly(first) && curly(last) && !value.contains(": ") {
        return Some((
            at,
            value.len(),
            t!("yaml-debris-curly", quotes = format!("{first}…{last}")),
            t!("yaml-debris-curly.help"),
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
/// it): a plain headline naming the line and what is there, and the fix. The parser's own words
/// never reach the headline; only when no plain reading fits do they follow in the help.
// Long: one branch per kind of libyaml or serde message, each with its own fix.
pub fn finding(
    kind: FileKind,
    src: &Source,
    start: usize,
    err: &serde_yaml::Error,
    keys: &[&str],
) -> Finding {
    let text: &str = src.inner();
    let Parsed {
        problem,
        mut offset,
        context,
        flow,
    } = Parsed::of(err, text, start);
    // Text pasted from Word or LINE brings look-alike characters YAML does not know; libyaml
    // notices a line late. Look on the error's line and the one before, and point at the culprit.
    if let Some(f) = lookalike_near(src, start, offset) {
        return f;
    }
    // A key without its colon is noticed on the next line; the key began where libyaml says.
    if problem.contains("could not find expected ':'") {
        let at = context.unwrap_or(offset);
        let (line_start, line) = line_around(text, at);
        return missing_colon(src, line_start, line);
    }
    // A quote or bracket never closed: its opening is the place to fix; so is a `%` line's start.
    let never_closed = problem.contains("end of stream")
        || problem.contains("did not find expected ',' or")
        || (flow && problem.contains("expected node content"));
    // An `&` or `*` with no name after it: the `&` or `*` itself.
    let bare_mark = problem.contains("alphabetic or numeric");
    if never_closed || bare_mark || problem.contains("directive") {
        offset = context.unwrap_or(offset);
    }
    if never_closed && !text[offset..].starts_with(['"', '\'', '[', '{']) {
        // libyaml did not say where the bracket opened: the last one before the fault.
        offset = text[start..offset]
            .rfind(['[', '{'])
            .map_or(offset, |i| start + i);
    }
    if problem.contains("more than one document") {
        let yaml = &text[start..];
        offset = ["\n---", "\n..."]
            .iter()
            .filter_map(|m| yaml.find(m))
            .min()
            .map_or(start, |i| start + i + 1);
    }
    let (line_start, line) = line_around(text, offset);
    let n = diag::line_col(text, offset).0;
    let len = line.len().saturating_sub(offset - line_start).clamp(1, 40);
    let here = |message: String, help: String| Finding::at(src, offset, len, message).help(help);
    let last_line_before = text[start.min(offset)..offset].lines().last().unwrap_or("");
    if line.starts_with('\t') || last_line_before.starts_with('\t') {
        let tab = if line.starts_with('\t') {
            line_start
        } else {
            offset - last_line_before.len()
        };
        let n = diag::line_col(text, tab).0;
        return Finding::at(src, tab, 1, t!("yaml-tab", line = n)).help(t!("yaml-tab.help"));
    }
    if problem.contains("mapping values are not allowed") {
        let body = line.trim_start();
        let indent = line.len() - body.len();
        let first_colon = body.find(':').map(|i| line_start + indent + i);
        // `title x` on the first line, then `status: done`: the key line before lacks its colon,
        // and libyaml read the two lines as one text until the second one's `:`.
        let before = &text[start..line_start.max(start)];
        let prev = before
            .trim_end_matches('\n')
            .rsplit('\n')
            .next()
            .unwrap_or("");
        if indent == 0
            && first_colon == Some(offset)
            && !prev.trim().is_empty()
            && !prev.contains(':')
            && !prev.starts_with([' ', '-', '#'])
        {
            let prev_start = start + before.trim_end_matches('\n').len() - prev.len();
            return missing_colon(src, prev_start, prev);
        }
        if indent > 0 && first_colon == Some(offset) {
            let key = &body[..body.find(':').unwrap_or(0)];
            return here(
                t!("yaml-indented-key", line = n, key = key),
                t!("yaml-indented-key.help", key = key),
            );
        }
        if let Some((key, value)) = line.split_once(": ") {
            let key = key.trim_start().trim_start_matches("- ");
            let fixed = format!("{key}: \"{}\"", value.trim());
            return here(
                t!("yaml-colon-in-value", line = n, key = key),
                t!("yaml-colon-in-value.help", fixed = fixed),
            );
        }
    }
    // serde's errors start with the path to the value: "indicators[0].items[1]: unknown field".
    let (path, what) = [
        "unknown field",
        "missing field",
        "invalid type",
        "invalid value",
    ]
    .iter()
    .find_map(|p| problem.find(p))
    .map_or(("", problem.as_str()), |i| {
        (problem[..i].trim_end_matches([':', ' ']), &problem[i..])
    });
    if let Some(field) = what
        .strip_prefix("unknown field `")
        .and_then(|m| m.split('`').next())
    {
        let help = match did_you_mean(field, keys.iter().copied()) {
            Some(k) => t!("yaml-unknown-key.did-you-mean", key = k),
            None => t!("yaml-unknown-key.help", keys = keys.join(", ")),
        };
        let message = t!("yaml-unknown-key", key = field);
        if let Some(k) = find_key(text, start, field) {
            return Finding::at(src, k.key.0, k.key.1, message).help(help);
        }
        return here(message, help);
    }
    if let Some(field) = what
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
    {
        return here(
            t!("yaml-missing-key", key = field),
            t!("yaml-missing-key.help", key = field),
        );
    }
    if let Some(code) = problem
        .split_once("(U+")
        .filter(|_| problem.contains(CONTROL))
        .and_then(|(_, c)| c.get(..4))
    {
        return here(
            t!("yaml-control-character", line = n, code = code),
            t!("yaml-control-character.help"),
        );
    }
    if problem.contains(TAGS) || problem.contains("tag handle") || full_tag(&problem) {
        return here(t!("yaml-tag", line = n), t!("yaml-tag.help"));
    }
    if never_closed {
        let open = text[offset..].chars().next().unwrap_or('"');
        let close = match open {
            '[' => ']',
            '{' => '}',
            c => c,
        };
        let open = open.to_string();
        let close = close.to_string();
        return here(
            t!("yaml-never-closed", line = n, open = open.as_str()),
            t!("yaml-never-closed.help", close = close),
        );
    }
    if let Some(key) = problem.strip_prefix(DUPLICATE) {
        let key = key.trim().trim_matches('"');
        // The error is placed at the start of the mapping; the fix is at the repeat.
        let at = repeat_of(text, offset, key).unwrap_or(offset);
        let (line_start, line) = line_around(text, at);
        let len = line.len().saturating_sub(at - line_start).clamp(1, 40);
        let n = diag::line_col(text, at).0;
        return Finding::at(src, at, len, t!("yaml-duplicate-key", line = n, key = key))
            .help(t!("yaml-duplicate-key.help"));
    }
    if problem.contains("recursion limit") {
        return here(
            t!("yaml-too-deep", line = n, max = MAX_FLOW_DEPTH),
            t!("yaml-too-deep.help"),
        );
    }
    if problem.contains("repetition limit") {
        return here(
            t!("yaml-too-many-values", line = n, max = MAX_YAML_NODES),
            t!("yaml-too-many-values.help"),
        );
    }
    if what.starts_with("invalid type") || what.starts_with("invalid value") {
        let key = path.rsplit('.').next().unwrap_or(path);
        let key = key.split('[').next().unwrap_or(key);
        let expected = what.rsplit_once("expected ").map_or("", |(_, e)| e);
        let number = [
            "i32", "u32", "i64", "u64", "u8", "u16", "f64", "usize", "number", "integer", "float",
        ];
        let takes = if number.iter().any(|n| expected.contains(n)) {
            t!("yaml-takes-number")
        } else if expected.contains("string") {
            t!("yaml-takes-text")
        } else if expected.contains("sequence") {
            t!("yaml-takes-list")
        } else if expected.contains("bool") {
            t!("yaml-takes-yes-no")
        } else {
            t!("yaml-takes-other")
        };
        if !key.is_empty() {
            return here(
                t!(
                    "yaml-wrong-type",
                    line = n,
                    key = key,
                    takes = takes.as_str()
                ),
                t!(
                    "yaml-wrong-type.help",
                    key = key,
                    takes = takes,
                    parser = what
                ),
            );
        }
    }
    if problem.contains("unknown escape character") {
        let escape = text[offset..].chars().take(2).collect::<String>();
        return here(
            t!("yaml-bad-escape", line = n, escape = escape),
            t!("yaml-bad-escape.help"),
        );
    }
    if problem.contains("cannot start any token")
        || problem.contains("unknown anchor")
        || bare_mark
        || problem.contains("directive")
    {
        let c = match text[offset..].chars().next().unwrap_or(' ') {
            '`' => "\"`\"".to_string(),
            c => format!("`{c}`"),
        };
        let key = line
            .split_once(": ")
            .map(|(k, _)| k.trim().trim_start_matches("- "));
        let help = match key {
            Some(key) => t!(
                "yaml-cannot-start.quote",
                fixed = format!(
                    "{key}: \"{}\"",
                    line.split_once(": ").unwrap_or_default().1.trim()
                )
            ),
            None => t!("yaml-cannot-start.help"),
        };
        return here(t!("yaml-cannot-start", line = n, char = c), help);
    }
    if problem.contains("more than one document") {
        return here(
            t!("yaml-two-documents", line = n),
            t!("yaml-two-documents.help"),
        );
    }
    if problem.contains("did not find expected key") {
        let before = text[line_start..offset].trim_end();
        if let Some(quote) = before.chars().last().filter(|c| matches!(c, '"' | '\'')) {
            return here(
                t!("yaml-after-quote", line = n, quote = quote.to_string()),
                t!("yaml-after-quote.help"),
            );
        }
        if let Some(close) = text[offset..]
            .chars()
            .next()
            .filter(|c| matches!(c, ']' | '}'))
        {
            return here(
                t!("yaml-never-opened", line = n, close = close.to_string()),
                t!("yaml-never-opened.help"),
            );
        }
    }
    if problem.contains("did not find expected key")
        || problem.contains("did not find expected '-'")
        || problem.contains("block sequence entries are not allowed")
    {
        return here(
            t!("yaml-out-of-line", line = n),
            t!("yaml-out-of-line.help"),
        );
    }
    here(
        t!("yaml-unreadable", line = n, what = kind.name()),
        t!("yaml-unreadable.help", parser = problem),
    )
}

/// Whether libyaml's `problem` is about a `!<...>` tag.
fn full_tag(problem: &str) -> bool {
    problem.contains("expected '>'") || problem.contains("URI")
}

/// What serde and libyaml say, taken apart: the problem in their words, its byte offset in the
/// file, and where the construct it was reading began (libyaml's "while scanning ... at line L").
struct Parsed {
    problem: String,
    offset: usize,
    context: Option<usize>,
    /// Whether libyaml was inside brackets (`[...]`, `{...}`).
    flow: bool,
}

impl Parsed {
    fn of(err: &serde_yaml::Error, text: &str, start: usize) -> Parsed {
        let full = err.to_string();
        let mut offset = err.location().map_or(start, |l| start + l.index());
        let (head, context) = match full.split_once(", while ") {
            Some((head, context)) => (head, Some(context)),
            None => (full.as_str(), None),
        };
        let mut problem = head.to_string();
        if let Some(i) = problem.find(" at line ") {
            problem.truncate(i);
        } else if let Some((p, at)) = head.split_once(" at position ") {
            // Scanner errors before any line is counted give a byte position in the YAML.
            let pos: String = at.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(pos) = pos.parse::<usize>() {
                offset = (start + pos).min(text.len());
            }
            problem = p.to_string();
        }
        let context = context
            .and_then(|c| c.split_once(" at line "))
            .and_then(|(_, at)| {
                let (line, col) = at.split_once(" column ")?;
                let (line, col) = (line.trim().parse::<usize>().ok()?, col.trim());
                let col: usize = col
                    .split(|c: char| !c.is_ascii_digit())
                    .next()?
                    .parse()
                    .ok()?;
                let yaml = &text[start..];
                let line_start = diag::line_offset(yaml, line);
                let col_bytes: usize = yaml[line_start..]
                    .chars()
                    .take(col.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                Some((start + line_start + col_bytes).min(text.len()))
            });
        Parsed {
            problem,
            offset: offset.min(text.len()),
            context,
            flow: full.contains("while parsing a flow"),
        }
    }
}

/// The start of the line holding byte `offset` of `text`, and the line.
fn line_around(text: &str, offset: usize) -> (usize, &str) {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (line_start, text[line_start..].lines().next().unwrap_or(""))
}

/// The look-alike character (see [`lookalike`]) on the line of `offset` or the one before, as a
/// finding on that character.
fn lookalike_near(src: &Source, start: usize, offset: usize) -> Option<Finding> {
    let text: &str = src.inner();
    let (line_start, line) = line_around(text, offset);
    let prev_start = text[..line_start.saturating_sub(1).max(start)]
        .rfind('\n')
        .map_or(start, |i| i + 1)
        .max(start)
        .min(line_start);
    let nearby = &text[prev_start..line_start + line.len()];
    // Odd spaces count only where YAML wants its own: in the indentation or after a colon.
    let suspicious = |i: usize, c: char| {
        let before = &nearby[..i];
        let line_before = &before[before.rfind('\n').map_or(0, |n| n + 1)..];
        if odd_space(c) {
            line_before.trim_start().is_empty() || line_before.ends_with(':')
        } else {
            lookalike(c).is_some()
        }
    };
    let (i, c) = nearby.char_indices().find(|&(i, c)| suspicious(i, c))?;
    let at = prev_start + i;
    let n = diag::line_col(text, at).0;
    let code = format!("{:04X}", c as u32);
    let (what, fix) = lookalike(c)?;
    let message = match c {
        '\u{201C}' | '\u{201D}' => t!("yaml-curly-quotes", line = n),
        _ => t!("yaml-lookalike", line = n, code = code, what = what),
    };
    Some(Finding::at(src, at, c.len_utf8(), message).help(fix))
}

/// A key line without its `:` (`status done`), or with the `ซ` a Thai keyboard gives for it
/// (`statusซ done`): the finding on that line, with the line as it should be written.
fn missing_colon(src: &Source, line_start: usize, line: &str) -> Finding {
    let body = line.trim_start();
    let body = body.strip_prefix("- ").unwrap_or(body);
    let at = line_start + line.len() - body.len();
    let n = diag::line_col(src.inner(), at).0;
    let word = body.split_whitespace().next().unwrap_or(body);
    let rest = body[word.len()..].trim();
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    // The key of `:` without Shift on a Thai keyboard (Kedmanee) types `ซ`.
    if let Some((key, after)) = word.split_once('ซ').filter(|(k, _)| plain(k)) {
        let value = format!("{after} {rest}");
        let fixed = format!("{key}: {}", value.trim());
        return Finding::at(
            src,
            at,
            word.len(),
            t!("yaml-thai-colon", line = n, key = key),
        )
        .help(t!("yaml-thai-colon.help", fixed = fixed));
    }
    let fixed = if rest.is_empty() {
        format!("{word}: …")
    } else {
        format!("{word}: {rest}")
    };
    Finding::at(
        src,
        at,
        word.len().max(1),
        t!("yaml-missing-colon", line = n, key = word),
    )
    .help(t!("yaml-missing-colon.help", fixed = fixed))
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
                .starts_with("Line 1: brackets nest more than 100 deep"),
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
        assert!(err.to_string().contains(DUPLICATE), "{err}");
        assert!(err.location().is_some());
        let err = parse(FileKind::FrontMatter, "title: !shell rm\n").unwrap_err();
        assert!(err.to_string().contains(TAGS), "{err}");
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

    /// The finding for `yaml` as the front matter of a content file (its first line is line 2).
    fn front_matter_finding(yaml: &str) -> Finding {
        let text = format!("---\n{yaml}---\nbody\n");
        read(
            FileKind::FrontMatter,
            &src(&text),
            4..4 + yaml.len(),
            &["title"],
        )
        .unwrap_err()
    }

    /// The parser's words that must never reach a headline.
    const JARGON: &[&str] = &[
        "scalar",
        "token",
        "mapping",
        "simple key",
        "stream",
        "context",
        "expected",
        "invalid",
    ];

    // Parser faults read as plain words naming the line to fix, never in the parser's jargon:
    // a tab, a key without its colon (or with the `ซ` a Thai keyboard types for it), curly
    // quotes from Word around text with a colon, and the other faults libyaml reports.
    #[test]
    fn parser_faults_get_plain_headlines_on_the_line_to_fix() {
        for (yaml, (line, col), headline, fix) in [
            (
                "title: x\nmethods:\n\t- a\n",
                (4, 1),
                "Line 4 starts with a tab",
                "spaces",
            ),
            (
                "title: x\n\tstatus: done\n",
                (3, 1),
                "Line 3 starts with a tab",
                "spaces",
            ),
            (
                "title: x\nstatus done\nscore: 5\n",
                (3, 1),
                "Line 3: no `:` after the key `status`",
                "write it as `status: done`",
            ),
            (
                "title: x\nstatus done\n",
                (3, 1),
                "Line 3: no `:` after the key `status`",
                "`status: done`",
            ),
            (
                "title x\nstatus: done\n",
                (2, 1),
                "Line 2: no `:` after the key `title`",
                "`title: x`",
            ),
            (
                "title: x\nstatusซ done\nscore: 5\n",
                (3, 1),
                "Line 3: no `:` after the key `status` (`ซ` was typed instead)",
                "`ซ` is the `:` key on a Thai keyboard: switch the keyboard to English and write `status: done`",
            ),
            (
                "methods:\n  - a\n  - “ขั้นที่ 1: สำรวจ”\ntitle: x\n",
                (4, 5),
                "Line 4: the text is in curly quotes",
                "straight quotes `\"…\"` or none",
            ),
            (
                "methods:\n  - “ข้อความ”: ก\n",
                (3, 5),
                "Line 3: the text is in curly quotes",
                "straight quotes",
            ),
            (
                "title: “โครงการ: ก”\nstatus: done\n",
                (2, 8),
                "Line 2: the text is in curly quotes",
                "straight quotes",
            ),
            (
                "title: \"x\nstatus: done\n",
                (2, 8),
                "Line 2: the `\"` opened here is never closed",
                "closing `\"`",
            ),
            (
                "title: [a, b\nstatus: done\n",
                (2, 8),
                "Line 2: the `[` opened here is never closed",
                "closing `]`",
            ),
            (
                "title: a: b\n",
                (2, 9),
                "Line 2: the value of `title` holds `: `",
                "`title: \"a: b\"`",
            ),
            (
                "title: x\n  status: done\n",
                (3, 9),
                "Line 3: `status` is indented",
                "beginning of the line",
            ),
            (
                "title: @x\n",
                (2, 8),
                "Line 2: a value cannot start with `@`",
                "`title: \"@x\"`",
            ),
            (
                "title: \"x\" y\n",
                (2, 12),
                "Line 2: text follows the closing `\"`",
                "inside the quotes",
            ),
            (
                "title: x\n- a\n",
                (3, 1),
                "Line 3 is not lined up with the lines above",
                "indented with spaces",
            ),
            (
                "title: x\ntitle: y\n",
                (3, 1),
                "Line 3: the key `title` is written a second time",
                "once",
            ),
            (
                "title: !shell rm\n",
                (2, 8),
                "Line 2: a value cannot start with `!`",
                "plain value",
            ),
            (
                "title: \"a\\x07b\"\n",
                (2, 8),
                "Line 2 holds an invisible control character (U+0007",
                "retype",
            ),
            (
                "title: x\nstatus\u{FF1A} done\n",
                (3, 7),
                "Line 3 holds a full-width colon `：` (U+FF1A)",
                "ordinary colon",
            ),
        ] {
            let f = front_matter_finding(yaml);
            let help = f.help.as_deref().unwrap_or("");
            assert_eq!((f.line, f.col), (line, col), "{yaml:?}: {f}");
            assert!(f.message.starts_with(headline), "{yaml:?}: {f}");
            assert!(help.contains(fix), "{yaml:?}: {help}");
            for word in JARGON {
                assert!(
                    !f.message.contains(word),
                    "{yaml:?}: jargon in `{}`",
                    f.message
                );
            }
        }
    }

    // A value of the wrong kind in a typed file says what the key takes, on the value's line;
    // a misspelt key deep in a list is still named, with the keys it could be.
    #[test]
    fn wrong_kinds_and_unknown_keys_name_the_key() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Site {
            name: String,
            fiscal_year: i32,
            #[serde(default)]
            units: Vec<Unit>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Unit {
            title: String,
        }
        let keys = &["name", "fiscal_year", "units"];
        let err = from_str::<Site>(FileKind::Site, &src("name: x\nfiscal_year: abc\n"), keys)
            .unwrap_err();
        assert_eq!(
            (err.line, err.message.as_str()),
            (2, "Line 2: `fiscal_year` takes a number")
        );
        let err = from_str::<Site>(FileKind::Site, &src("name: [a]\nfiscal_year: 1\n"), keys)
            .unwrap_err();
        assert_eq!(err.message, "Line 1: `name` takes text");
        let text = "name: x\nfiscal_year: 1\nunits:\n  - titel: a\n";
        let err = from_str::<Site>(FileKind::Site, &src(text), &["title"]).unwrap_err();
        assert_eq!(
            (err.line, err.message.as_str()),
            (4, "unknown key `titel`"),
            "{err}"
        );
        assert_eq!(err.help.as_deref(), Some("did you mean `title`?"));
    }

    // A fault with no plain reading names the kind of file in its headline, and gives the
    // parser's words in the help only.
    #[test]
    fn other_faults_name_the_kind_of_file_and_keep_the_jargon_in_the_help() {
        let text = "a: 1\n---\nb: 2\n";
        let err = read(FileKind::Site, &src(text), 0..text.len(), &[]).unwrap_err();
        assert_eq!(err.message, "Line 2: a `---` line splits the file in two");
        let text = "a: |x\n  b\n";
        for (kind, name) in [
            (FileKind::Site, "site.yaml"),
            (FileKind::FrontMatter, "the front matter"),
            (FileKind::Disclosures, "content/disclosures.yaml"),
            (FileKind::Criteria, "the criteria file"),
        ] {
            let err = read(kind, &src(text), 0..text.len(), &[]).unwrap_err();
            assert_eq!(
                err.message,
                format!("Line 1: {name} cannot be read from here on"),
                "{kind:?}"
            );
            let help = err.help.unwrap_or_default();
            assert!(help.contains("(the YAML reader says: "), "{help}");
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
