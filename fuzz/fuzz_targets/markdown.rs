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

/// Nothing live in the output: no tag that runs or loads something, no event attribute, no script
/// URL (`style` attributes of aligned table columns are inert under the theme's CSP).
fn assert_safe(html: &str) {
    for live in prongsai::escape::live_markup(html) {
        if !matches!(&live, prongsai::escape::Live::Attribute { name, .. } if name == "style") {
            panic!("{live} in {html:?}");
        }
    }
}
