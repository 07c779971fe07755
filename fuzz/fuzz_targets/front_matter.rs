//! Any bytes as a measure or page file: decode, split the front matter, parse every field, and
//! draw the findings with their carets. Nothing may panic; every failure must be a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prongsai::config::Config;
use prongsai::content::{self, Kind};
use prongsai::diag::Findings;
use prongsai::measure;

fuzz_target!(|data: &[u8]| {
    let kind = if data.first().is_some_and(|b| b & 1 == 0) {
        Kind::Measure
    } else {
        Kind::Page
    };
    let mut findings = Findings::default();
    match content::from_bytes("content/measures/fuzz.md", "fuzz", kind, data) {
        Ok(file) => {
            let (_, found) = measure::parse(
                &file,
                &Config::default(),
                std::path::Path::new("/nonexistent"),
            );
            findings.extend(found);
        }
        Err(f) => findings.push(f),
    }
    findings.sort();
    let _ = findings.render(false);
});
