//! Any text as a Markdown body: rendering must not panic, and with raw HTML off the output must
//! hold no tag, attribute or link the author could use to run script.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use prongsai::{diag, markdown};

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let text = format!("---\ntitle: x\n---\n{body}");
    let src = diag::source("content/measures/fuzz.md", Arc::from(text));
    let settings = markdown::Settings {
        root: "../../",
        allow_html: false,
    };
    let (html, _) = markdown::render(&src, 16, &settings);
    assert_safe(&html);
});

/// Every `<` in the output opens a tag (text is escaped): check each tag's name and attributes.
fn assert_safe(html: &str) {
    for tag in html.split('<').skip(1) {
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        let name = name.trim_start_matches('/').to_ascii_lowercase();
        assert!(
            ![
                "script", "iframe", "object", "embed", "style", "svg", "math", "base", "form",
                "meta", "link"
            ]
            .contains(&name.as_str()),
            "<{name}> in {html:?}"
        );
        // Attribute names outside quotes, and href/src values.
        let mut rest = &tag[..tag.find('>').unwrap_or(tag.len())];
        while let Some(eq) = rest.find('=') {
            let attr = rest[..eq]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            assert!(
                !attr.starts_with("on"),
                "event attribute {attr} in {html:?}"
            );
            let after = &rest[eq + 1..];
            let (value, next) = match after.strip_prefix('"') {
                Some(v) => v.split_once('"').unwrap_or((v, "")),
                None => after.split_once(' ').unwrap_or((after, "")),
            };
            if attr == "href" || attr == "src" {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:", "file:"] {
                    assert!(!v.starts_with(scheme), "{attr}={value:?} in {html:?}");
                }
            }
            rest = next;
        }
    }
}
