//! The ITA criteria as data: each fiscal year's OIT item list, read from the YAML shipped in the
//! binary (`src/criteria/ita-YYYY.yaml`) or from a site's own `criteria/ita-YYYY.yaml`, checked
//! for faults, and the rules for writing an item code. It knows nothing of evidence or scores.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::content;
use crate::diag::{self, Finding};
use crate::thai;
use crate::yaml::{self, FileKind};

/// The criteria shipped with prongsai, by fiscal year.
pub(super) const BUILTIN: &[(i32, &str)] = &[
    (2565, include_str!("../criteria/ita-2565.yaml")),
    (2566, include_str!("../criteria/ita-2566.yaml")),
    (2567, include_str!("../criteria/ita-2567.yaml")),
    (2568, include_str!("../criteria/ita-2568.yaml")),
];

/// Which fiscal year an item's evidence must be dated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum YearRule {
    /// The assessed fiscal year (most items).
    #[default]
    Current,
    /// The year before (annual results reports such as O13 in 2566).
    Previous,
    /// Any year (standing information).
    Any,
}

/// One year's OIT item list, as in `src/criteria/ita-YYYY.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    /// The ITA fiscal year (Buddhist Era) the list is for.
    pub year: i32,
    /// Other years the same list applies to.
    #[serde(default)]
    pub also_applies_to: Vec<i32>,
    /// False when the list is known to be partial.
    #[serde(default = "yes")]
    pub complete: bool,
    /// A caveat shown on the checklist page.
    #[serde(default)]
    pub note: Option<String>,
    /// Indicators 9 and 10.
    pub indicators: Vec<Indicator>,
}

/// An OIT indicator (9 or 10).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// 9 or 10.
    pub number: u8,
    /// Thai title.
    pub title: String,
    /// English gloss.
    #[serde(default)]
    pub title_en: String,
    /// Its sub-indicators, in order.
    pub sub_indicators: Vec<SubIndicator>,
}

/// A sub-indicator (9.1 ... 10.2).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubIndicator {
    /// "9.1", "10.2", ...
    pub code: String,
    /// Thai title.
    pub title: String,
    /// English gloss.
    #[serde(default)]
    pub title_en: String,
    /// False when the sources do not confirm its title or its items.
    #[serde(default = "yes")]
    pub verified: bool,
    /// Its items, in order.
    pub items: Vec<Item>,
}

/// One OIT item (O1 ... O43).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// "O1" ... "O43".
    pub code: String,
    /// Thai title as NACC words it.
    pub title: String,
    /// English gloss.
    #[serde(default)]
    pub title_en: String,
    /// The group heading LAO pages print above it.
    #[serde(default)]
    pub group: Option<String>,
    /// What the evidence must show.
    #[serde(default)]
    pub requires: Vec<String>,
    /// Practice or wording notes.
    #[serde(default)]
    pub note: Option<String>,
    /// Which fiscal year the evidence must be dated in.
    #[serde(default)]
    pub year: YearRule,
    /// False when the sources do not confirm the item or one of its requirements.
    #[serde(default = "yes")]
    pub verified: bool,
}

fn yes() -> bool {
    true
}

const CRITERIA_KEYS: &[&str] = &[
    "year",
    "also_applies_to",
    "complete",
    "note",
    "indicators",
    "number",
    "title",
    "title_en",
    "sub_indicators",
    "code",
    "verified",
    "items",
    "group",
    "requires",
];

impl Criteria {
    /// Reads one criteria file; `name` is how messages name it.
    pub fn parse(name: &str, text: &str) -> Result<Criteria, Vec<Finding>> {
        let src = diag::source(name, Arc::from(text));
        let criteria: Criteria =
            yaml::from_str(FileKind::Criteria, &src, CRITERIA_KEYS).map_err(|f| vec![f])?;
        let mut findings = Vec::new();
        let mut seen = HashSet::new();
        let at = |key: &str, value: &str, nth: usize| {
            yaml::nth_value(text, key, value, nth).unwrap_or((0, value.len()))
        };
        for ind in &criteria.indicators {
            if !(9..=10).contains(&ind.number) {
                let (off, len) = at("number", &ind.number.to_string(), 0);
                findings.push(
                    Finding::at(
                        &src,
                        off,
                        len,
                        format!("indicator {} is not an OIT indicator", ind.number),
                    )
                    .help("OIT has indicators 9 (การเปิดเผยข้อมูล) and 10 (การป้องกันการทุจริต)"),
                );
            }
            for sub in &ind.sub_indicators {
                if sub.items.is_empty() {
                    let (off, len) = at("code", &format!("'{}'", sub.code), 0);
                    findings.push(
                        Finding::at(
                            &src,
                            off,
                            len,
                            format!("sub-indicator {} has no items", sub.code),
                        )
                        .help("list its items under `items:` or delete the sub-indicator"),
                    );
                }
                for item in &sub.items {
                    if !is_code(&item.code) {
                        let (off, len) = at("code", &item.code, 0);
                        findings.push(
                            Finding::at(
                                &src,
                                off,
                                len,
                                format!("`{}` is not an OIT item code", item.code),
                            )
                            .help("write codes like O1, O42"),
                        );
                    } else if !seen.insert(item.code.clone()) {
                        let (off, len) = at("code", &item.code, 1);
                        findings.push(
                            Finding::at(
                                &src,
                                off,
                                len,
                                format!("item {} is listed twice", item.code),
                            )
                            .help("each item code appears once in a year's criteria"),
                        );
                    }
                }
            }
        }
        if findings.is_empty() {
            Ok(criteria)
        } else {
            Err(findings)
        }
    }

    /// The criteria prongsai ships for `year`, if any.
    pub fn builtin(year: i32) -> Option<Criteria> {
        BUILTIN.iter().find_map(|(y, text)| {
            let c = Criteria::parse(&format!("src/criteria/ita-{y}.yaml"), text).ok()?;
            (c.year == year || c.also_applies_to.contains(&year)).then_some(c)
        })
    }

    /// The site's `criteria/ita-YYYY.yaml` if it has one, else the built-in list; with where it came from.
    pub fn load(root: &Path, year: i32) -> Result<Option<(Criteria, String)>, Vec<Finding>> {
        let rel = format!("criteria/ita-{year}.yaml");
        let path = root.join(&rel);
        if path.is_file() {
            let bytes = std::fs::read(&path)
                .map_err(|e| vec![Finding::error(&rel, format!("cannot read: {e}"))])?;
            let text = content::decode(&rel, &bytes).map_err(|f| vec![f])?;
            let c = Criteria::parse(&rel, &text)?;
            if c.year != year && !c.also_applies_to.contains(&year) {
                let src = diag::source(&rel, Arc::from(text.as_str()));
                let (off, len) = yaml::key_span(&text, 0, "year").unwrap_or((0, 1));
                return Err(vec![
                    Finding::at(
                        &src,
                        off,
                        len,
                        format!("the file is named for {year} but says `year: {}`", c.year),
                    )
                    .help(format!("write `year: {year}`, or rename the file")),
                ]);
            }
            return Ok(Some((c, rel)));
        }
        Ok(Criteria::builtin(year).map(|c| (c, "prongsai".to_string())))
    }

    /// Every item, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.indicators
            .iter()
            .flat_map(|i| &i.sub_indicators)
            .flat_map(|s| &s.items)
    }

    /// The item with `code`.
    pub fn item(&self, code: &str) -> Option<&Item> {
        self.items().find(|i| i.code == code)
    }
}

/// Whether `s` is written like an item code (O followed by a number without leading zero).
pub fn is_code(s: &str) -> bool {
    s.len() > 1
        && s.starts_with('O')
        && s[1..].chars().all(|c| c.is_ascii_digit())
        && !s[1..].starts_with('0')
}

/// An item code as authors write it (`o 42`, `O๔๒`) in its canonical form (`O42`).
pub fn normalize_code(s: &str) -> String {
    thai::to_arabic_digits(&s.replace(' ', "")).to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every shipped year parses, and each full year has 43 items with unique codes.
    #[test]
    fn shipped_criteria_parse_and_full_years_have_43_items() {
        for (year, text) in BUILTIN {
            let c = Criteria::parse("x", text).unwrap_or_else(|f| panic!("{year}: {}", f[0]));
            assert_eq!(c.year, *year);
            if c.complete {
                assert_eq!(c.items().count(), 43, "{year}");
            }
        }
        assert!(!Criteria::builtin(2568).unwrap().complete);
        assert_eq!(
            Criteria::builtin(2564).unwrap().year,
            2565,
            "2564 uses the 2565 list"
        );
        assert!(Criteria::builtin(2570).is_none());
    }

    // The years differ where the ITA changed: 2566 adds the privacy policy as O10 and No Gift as O31.
    #[test]
    fn year_lists_differ_where_the_ita_changed() {
        let (a, b) = (
            Criteria::builtin(2565).unwrap(),
            Criteria::builtin(2566).unwrap(),
        );
        assert_eq!(a.item("O10").unwrap().title, "แผนดำเนินงานประจำปี");
        assert_eq!(b.item("O10").unwrap().title, "นโยบายคุ้มครองข้อมูลส่วนบุคคล");
        assert!(b.item("O31").unwrap().title.contains("No Gift"));
        assert_eq!(b.item("O13").unwrap().year, YearRule::Previous);
        assert_eq!(a.item("O12").unwrap().year, YearRule::Previous);
    }

    // A site's criteria file with a repeated code or a misspelt key is refused at the spot.
    #[test]
    fn faulty_criteria_files_are_reported_where_the_fault_is() {
        let head = "year: 2570\nindicators:\n- number: 9\n  title: t\n  sub_indicators:\n  - code: '9.1'\n    title: a\n    items:\n";
        let twice =
            format!("{head}    - code: O1\n      title: a\n    - code: O1\n      title: b\n");
        let errs = Criteria::parse("criteria/ita-2570.yaml", &twice).unwrap_err();
        assert!(
            errs[0].message.contains("O1 is listed twice"),
            "{}",
            errs[0]
        );
        assert_eq!((errs[0].line, errs[0].col), (11, 13));
        let typo = format!("{head}    - code: O1\n      titel: a\n");
        let errs = Criteria::parse("criteria/ita-2570.yaml", &typo).unwrap_err();
        assert!(errs[0].message.contains("titel"), "{}", errs[0]);
        assert_eq!(errs[0].line, 10, "{}", errs[0]);
    }

    // Item codes written loosely read as the canonical code.
    #[test]
    fn item_codes_are_normalised() {
        assert_eq!(normalize_code("o 42"), "O42");
        assert_eq!(normalize_code("O๔๓"), "O43");
        assert!(is_code("O1") && !is_code("O01") && !is_code("P1") && !is_code("O"));
    }

    // A site's criteria file with a syntax error says "criteria file"; an alias bomb in it is
    // refused at once instead of expanding to gigabytes.
    #[test]
    fn criteria_file_faults_name_the_kind_and_bombs_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("criteria/ita-2566.yaml");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "year: 2566\nindicators: [\n").unwrap();
        let errs = Criteria::load(dir.path(), 2566).unwrap_err();
        assert!(
            errs[0].message.starts_with("invalid criteria file: "),
            "{}",
            errs[0]
        );
        std::fs::write(
            &path,
            crate::yaml::tests::quadratic_bomb("year", "indicators"),
        )
        .unwrap();
        let start = std::time::Instant::now();
        let errs = Criteria::load(dir.path(), 2566).unwrap_err();
        assert!(
            errs[0].message.contains("repetition limit exceeded"),
            "{}",
            errs[0]
        );
        assert!(start.elapsed().as_secs() < 5);
    }
}
