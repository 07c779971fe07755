//! Text made safe for the formats the site writes: HTML and XML text and attribute values, and
//! CSV cells. The one place each rule lives; the renderer, the open data, the OIT exports and the
//! preview's error box all use it.

use std::fmt;

/// Writes `s` into `out` with the characters HTML and XML give meaning (`& < > " '`) escaped;
/// `/` is left alone so addresses stay readable.
pub fn html_to(out: &mut impl fmt::Write, s: &str) -> fmt::Result {
    let bytes = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none is below 0x40: the five to escape all are, and no byte
        // of a Thai or Latin letter is, so most of a page's text is passed over a word at a time.
        if let Some(word) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            const ONES: u64 = 0x0101_0101_0101_0101;
            if w.wrapping_sub(ONES * 0x40) & !w & (ONES * 0x80) == 0 {
                i += 8;
                continue;
            }
        }
        let rep = match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => {
                i += 1;
                continue;
            }
        };
        out.write_str(&s[last..i])?;
        out.write_str(rep)?;
        i += 1;
        last = i;
    }
    out.write_str(&s[last..])
}

/// `s` escaped for HTML and XML text and attribute values.
///
/// ```
/// assert_eq!(prongsai::escape::html("<a href=\"x\">ก & ข</a>"), "&lt;a href=&quot;x&quot;&gt;ก &amp; ข&lt;/a&gt;");
/// ```
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    html_to(&mut out, s).expect("writing into a String cannot fail");
    out
}

/// Quotes a CSV cell when needed, and defuses text a spreadsheet would run as a formula
/// (a leading `= + - @`, tab or carriage return gets a `'` in front).
///
/// ```
/// assert_eq!(prongsai::escape::csv_cell("=1+1"), "'=1+1");
/// assert_eq!(prongsai::escape::csv_cell("ก, ข"), "\"ก, ข\"");
/// assert_eq!(prongsai::escape::csv_cell("-5.5"), "-5.5");
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

/// Tags that run or load something when a browser meets them.
const LIVE_TAGS: &[&str] = &[
    "script", "iframe", "object", "embed", "style", "svg", "math", "base", "form", "meta", "link",
];

/// URL schemes that run script or smuggle content in.
const SCRIPT_SCHEMES: &[&str] = &["javascript:", "vbscript:", "data:", "file:"];

/// Something live found by [`live_markup`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Live<'h> {
    /// An opening tag of [`LIVE_TAGS`]: its name and the whole tag's text.
    Tag { name: String, tag: &'h str },
    /// An event (`on…`) or `style` attribute, by name, in the tag `tag`.
    Attribute { name: String, tag: &'h str },
    /// An `href` or `src` whose value starts with a script scheme.
    Url { attr: String, value: &'h str },
}

impl std::fmt::Display for Live<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Live::Tag { name, .. } => write!(f, "<{name}>"),
            Live::Attribute { name, tag } => write!(f, "attribute {name} in <{tag}>"),
            Live::Url { attr, value } => write!(f, "{attr}=\"{value}\""),
        }
    }
}

/// Everything live in HTML whose text is escaped (so every literal `<` opens a tag): tags that
/// run or load something, event and style attributes outside quotes, script URLs. The check the
/// Markdown tests, the security tests and the fuzzer run; each lets through what its pages may
/// hold (the theme's own scripts, say).
pub fn live_markup(html: &str) -> Vec<Live<'_>> {
    let mut found = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if LIVE_TAGS.contains(&name.as_str()) {
            found.push(Live::Tag { name, tag });
        }
        let mut rest = tag;
        while let Some(eq) = rest.find('=') {
            let attr = rest[..eq]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let after = &rest[eq + 1..];
            let (value, next) = match after.strip_prefix('"') {
                Some(v) => v.split_once('"').unwrap_or((v, "")),
                None => after.split_once(' ').unwrap_or((after, "")),
            };
            if attr.starts_with("on") || attr == "style" {
                found.push(Live::Attribute { name: attr, tag });
            } else if attr == "href" || attr == "src" {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if SCRIPT_SCHEMES.iter().any(|s| v.starts_with(s)) {
                    found.push(Live::Url { attr, value });
                }
            }
            rest = next;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // The word-at-a-time scan escapes exactly what a byte-by-byte one does, wherever the
        // special characters fall against the eight-byte steps.
        #[test]
        fn html_escapes_what_a_byte_by_byte_escaper_does(s in "[ก-ฮa-z0-9 &<>\"'/=\\n]{0,40}") {
            let mut slow = String::new();
            for c in s.chars() {
                match c {
                    '&' => slow.push_str("&amp;"),
                    '<' => slow.push_str("&lt;"),
                    '>' => slow.push_str("&gt;"),
                    '"' => slow.push_str("&quot;"),
                    '\'' => slow.push_str("&#39;"),
                    c => slow.push(c),
                }
            }
            proptest::prop_assert_eq!(html(&s), slow);
        }
    }

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

    // Live tags, event and style attributes and script URLs are each found; closing tags, escaped
    // text and plain links are not.
    #[test]
    fn live_markup_is_found_and_inert_markup_is_not() {
        let live = live_markup(
            "<p onclick=\"x\">a</p><SCRIPT>b</script><a href=\" java\tscript:c\">d</a><td style=\"e\">",
        );
        let shown: Vec<String> = live.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "attribute onclick in <p onclick=\"x\">",
                "<script>",
                "href=\" java\tscript:c\"",
                "attribute style in <td style=\"e\">",
            ]
        );
        assert!(
            live_markup("<p>&lt;script&gt;</p><a href=\"https://x\">y</a></script>").is_empty()
        );
    }

    // Every character HTML gives meaning is escaped, quotes of both kinds included, and nothing
    // else is touched.
    #[test]
    fn html_escapes_exactly_the_five_characters() {
        assert_eq!(html("'\"&<>"), "&#39;&quot;&amp;&lt;&gt;");
        assert_eq!(html("files/รายงาน.pdf?a=1"), "files/รายงาน.pdf?a=1");
    }
}
