//! Any text through the Thai date, period and number parsers; whatever parses must print and
//! parse back to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prongsai::thai::{self, Digits};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = thai::parse_date(s) {
        for digits in [Digits::Thai, Digits::Arabic] {
            assert_eq!(
                thai::parse_date(&thai::format_date(d, digits)),
                Ok(d),
                "{s:?}"
            );
            assert_eq!(
                thai::parse_date(&thai::format_date_long(d, digits)),
                Ok(d),
                "{s:?}"
            );
        }
        assert_eq!(thai::parse_date(&d.iso()), Ok(d), "{s:?}");
    }
    if let Ok(r) = thai::parse_period(s) {
        let _ = thai::format_month_range(r, Digits::Thai);
    }
    if let Some(x) = thai::parse_number(s) {
        assert!(x.is_finite(), "{s:?}");
        let printed = thai::format_number(x, 6, Digits::Thai);
        let back = thai::parse_number(&printed).expect("a printed number parses");
        assert!(
            (back - x).abs() <= 1e-6 * x.abs().max(1.0),
            "{s:?}: {x} -> {printed} -> {back}"
        );
    }
    let arabic = thai::to_arabic_digits(s);
    assert_eq!(
        thai::to_arabic_digits(&thai::to_thai_digits(&arabic)),
        arabic
    );
});
