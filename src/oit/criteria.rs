//! The ITA criteria as data: each fiscal year's OIT item list, read from the YAML shipped in the
//! binary (`src/criteria/ita-YYYY.yaml`) or from a site's own `criteria/ita-YYYY.yaml`, checked
//! for faults, and the rules for writing an item code. It knows nothing of evidence or scores.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::content;
use crate::diag::{self, Finding};
use crate::yaml::{self, FileKind};
use crate::{t, thai};

/// The criteria shipped with prongsai, by fiscal year.
pub(super) const BUILTIN: &[(i32, &str)] = &[
    (2565, include_str!("../criteria/ita-2565.yaml")),
    (2566, include_str!("../criteria/ita-2566.yaml")),
    (2567, include_str!("../criteria/ita-2567.yaml")),
    (2568, include_str!("../criteria/ita-2568.yaml")),
    (2569, include_str!("../criteria/ita-2569.yaml")),
];

/// What [`Checklist::criteria_from`](super::Checklist) says of a list shipped inside prongsai.
pub const BUILTIN_FROM: &str = "prongsai";

/// Every shipped list, parsed once a run (a build asks for one per fiscal year, and the preview
/// on every rebuild), in [`BUILTIN`]'s order.
fn shipped() -> &'static [Criteria] {
    static SHIPPED: OnceLock<Vec<Criteria>> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        BUILTIN
            .iter()
            .map(|(y, text)| {
                Criteria::parse(&format!("src/criteria/ita-{y}.yaml"), text)
                    .expect("the shipped criteria parse (a unit test checks every year)")
            })
            .collect()
    })
}

/// Which shipped list `year` uses: its own, else the newest before it, else the oldest.
fn pick(shipped: &[Criteria], year: i32) -> usize {
    let own = shipped.iter().position(|c| c.applies_to(year));
    let before = shipped.iter().rposition(|c| c.year < year);
    own.or(before).unwrap_or(0)
}

/// Findings one criteria file reports before the rest are left out.
const MAX_FINDINGS: usize = 20;

/// A site's own criteria file for `year`, relative to the site folder.
pub fn site_file(year: i32) -> String {
    format!("criteria/ita-{year}.yaml")
}

/// A site's own criteria file for `year` made from the shipped list that year uses, for the clerk to
/// edit: the list's text with `year:` set to `year` under a header saying what to edit; with the
/// year of the list it was made from.
pub fn starter(year: i32) -> (String, i32) {
    let (from, text) = BUILTIN[pick(shipped(), year)];
    let mut out = format!(
        "# เกณฑ์ OIT ปีงบประมาณ พ.ศ. {year} ของเว็บไซต์นี้ / this site's OIT criteria for fiscal year {year}.\n\
         # ทำจากรายการ ITA {from} ที่มากับ prongsai (`prongsai criteria {year}`) / made from prongsai's ITA {from} list.\n\
         # เมื่อมีไฟล์นี้ prongsai ใช้ไฟล์นี้แทนรายการของโปรแกรม / while this file exists prongsai uses it instead.\n\
         # แก้ให้ตรงกับคู่มือการประเมิน ITA ปี {year} ของสำนักงาน ป.ป.ช. / edit it to match NACC's ITA {year} manual:\n\
         # - ชื่อข้อ (title) และสิ่งที่หลักฐานต้องมี (requires) / each item's title and what it requires\n\
         # - เพิ่ม ลบ หรือย้ายข้อได้ รหัสข้อ (O1, O2, ...) ห้ามซ้ำ / add, delete or move items; each code once\n\
         # - year: current = หลักฐานของปีที่ประเมิน, previous = ของปีก่อน, any = ปีใดก็ได้\n\
         #   / the fiscal year evidence must be dated in: the assessed year, the year before, or any\n\
         # - ตรวจข้อใดแล้ว ลบบรรทัด `verified: false` ของข้อนั้น / delete `verified: false` once an item is checked\n\
         # ตรวจไฟล์ด้วย / check the file with: prongsai check\n"
    );
    let body = text.lines().skip_while(|l| l.starts_with('#'));
    for line in body.filter(|l| !l.starts_with("also_applies_to:")) {
        if line.starts_with("year:") {
            out.push_str(&format!("year: {year}\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    (out, from)
}

/// Writes [`starter`] to `root`'s [`site_file`]; refuses to overwrite one. Returns the file written
/// and the year of the list it was made from.
pub fn write_starter(root: &Path, year: i32) -> io::Result<(PathBuf, i32)> {
    let path = root.join(site_file(year));
    std::fs::create_dir_all(path.parent().unwrap_or(root))?;
    let (text, from) = starter(year);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    match file {
        Ok(mut f) => f.write_all(text.as_bytes())?,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return Err(io::Error::new(
                e.kind(),
                t!("oit-criteria-exists", path = path.display().to_string()),
            ));
        }
        Err(e) => return Err(e),
    }
    Ok((path, from))
}

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
    // Long: one check per rule of the list's shape (items, codes, repeats), in the order of the
    // file; each places its own finding.
    pub fn parse(name: &str, text: &str) -> Result<Criteria, Vec<Finding>> {
        let src = diag::source(name, Arc::from(text));
        let criteria: Criteria =
            yaml::from_str(FileKind::Criteria, &src, CRITERIA_KEYS).map_err(|f| vec![f])?;
        let mut findings = Vec::new();
        let mut seen = HashSet::new();
        let (mut numbers, mut subs) = (HashSet::new(), HashSet::new());
        let at = |key: &str, value: &str, nth: usize| {
            yaml::nth_value(text, key, value, nth).unwrap_or((0, value.len()))
        };
        if criteria
            .indicators
            .iter()
            .all(|i| i.sub_indicators.iter().all(|s| s.items.is_empty()))
        {
            let (off, len) = yaml::key_span(text, 0, "indicators").unwrap_or((0, 1));
            findings.push(
                Finding::at(&src, off, len, t!("oit-criteria-empty"))
                    .help(t!("oit-criteria-empty.help")),
            );
        }
        'all: for ind in &criteria.indicators {
            if !numbers.insert(ind.number) {
                let (off, len) = at("number", &ind.number.to_string(), 1);
                findings.push(
                    Finding::at(
                        &src,
                        off,
                        len,
                        t!("oit-indicator-twice", number = ind.number),
                    )
                    .help(t!("oit-indicator-twice.help")),
                );
            }
            if !(9..=10).contains(&ind.number) {
                let (off, len) = at("number", &ind.number.to_string(), 0);
                findings.push(
                    Finding::at(
                        &src,
                        off,
                        len,
                        t!("oit-indicator-not-oit", number = ind.number),
                    )
                    .help(t!("oit-indicator-not-oit.help")),
                );
            }
            for sub in &ind.sub_indicators {
                let quoted = format!("'{}'", sub.code);
                if !subs.insert(sub.code.clone()) {
                    let (off, len) = at("code", &quoted, 1);
                    findings.push(
                        Finding::at(
                            &src,
                            off,
                            len,
                            t!("oit-sub-twice", code = sub.code.as_str()),
                        )
                        .help(t!("oit-sub-twice.help")),
                    );
                } else if sub
                    .code
                    .split_once('.')
                    .is_none_or(|(n, m)| n != ind.number.to_string() || m.parse::<u8>().is_err())
                {
                    let (off, len) = at("code", &quoted, 0);
                    findings.push(
                        Finding::at(
                            &src,
                            off,
                            len,
                            t!(
                                "oit-sub-elsewhere",
                                code = sub.code.as_str(),
                                number = ind.number
                            ),
                        )
                        .help(t!("oit-sub-elsewhere.help", number = ind.number)),
                    );
                }
                if sub.items.is_empty() {
                    let (off, len) = at("code", &quoted, 0);
                    findings.push(
                        Finding::at(
                            &src,
                            off,
                            len,
                            t!("oit-sub-empty", code = sub.code.as_str()),
                        )
                        .help(t!("oit-sub-empty.help")),
                    );
                }
                for item in &sub.items {
                    // Past this many, the rest are the same fault again (aliases repeat a
                    // list): the first ones say what to fix.
                    if findings.len() >= MAX_FINDINGS {
                        findings.push(
                            Finding::at(
                                &src,
                                0,
                                1,
                                t!("oit-criteria-too-many", count = MAX_FINDINGS),
                            )
                            .help(t!("oit-criteria-too-many.help")),
                        );
                        break 'all;
                    }
                    if !is_code(&item.code) {
                        let (off, len) = at("code", &item.code, 0);
                        findings.push(
                            Finding::at(
                                &src,
                                off,
                                len,
                                t!("oit-not-a-code", code = item.code.as_str()),
                            )
                            .help(t!("oit-not-a-code.help")),
                        );
                    } else if !seen.insert(item.code.clone()) {
                        let (off, len) = at("code", &item.code, 1);
                        findings.push(
                            Finding::at(
                                &src,
                                off,
                                len,
                                t!("oit-item-twice", code = item.code.as_str()),
                            )
                            .help(t!("oit-item-twice.help")),
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

    /// The list prongsai ships for `year`; when it ships none, the newest list before that year
    /// stands in (the oldest, for a year before them all). Check says so (`report::caveats`).
    pub fn builtin(year: i32) -> Criteria {
        let shipped = shipped();
        shipped[pick(shipped, year)].clone()
    }

    /// Whether the list is the one of `year` (its own year, or one it also applies to).
    pub fn applies_to(&self, year: i32) -> bool {
        self.year == year || self.also_applies_to.contains(&year)
    }

    /// The site's `criteria/ita-YYYY.yaml` if it has one, else the built-in list (or the one that
    /// stands in for it); with where it came from.
    pub fn load(root: &Path, year: i32) -> Result<(Criteria, String), Vec<Finding>> {
        let rel = site_file(year);
        let path = root.join(&rel);
        if path.symlink_metadata().is_ok() {
            let bytes = content::read_checked(&path, root, content::MAX_FILE_BYTES)
                .map_err(|r| vec![r.finding(&rel)])?;
            let text = content::decode(&rel, &bytes).map_err(|f| vec![f])?;
            let c = Criteria::parse(&rel, &text)?;
            if !c.applies_to(year) {
                let src = diag::source(&rel, Arc::from(text.as_str()));
                let (off, len) = yaml::key_span(&text, 0, "year").unwrap_or((0, 1));
                return Err(vec![
                    Finding::at(
                        &src,
                        off,
                        len,
                        t!("oit-criteria-year", year = year, written = c.year),
                    )
                    .help(t!("oit-criteria-year.help", year = year)),
                ]);
            }
            return Ok((c, rel));
        }
        Ok((Criteria::builtin(year), BUILTIN_FROM.to_string()))
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

    // Every shipped year parses with its item count (43 until 2567, 28 in 2568, 26 in 2569), and
    // every item of the restructured years states its evidence year rule.
    #[test]
    fn shipped_criteria_parse_with_their_item_counts() {
        let counts = [(2565, 43), (2566, 43), (2567, 43), (2568, 28), (2569, 26)];
        assert_eq!(BUILTIN.len(), counts.len());
        for ((year, text), (y, n)) in BUILTIN.iter().zip(counts) {
            let c = Criteria::parse("x", text).unwrap_or_else(|f| panic!("{year}: {}", f[0]));
            assert_eq!((c.year, *year), (y, y));
            assert!(c.complete, "{year}");
            let codes: Vec<String> = c.items().map(|i| i.code.clone()).collect();
            let expected: Vec<String> = (1..=n).map(|i| format!("O{i}")).collect();
            assert_eq!(codes, expected, "{year}");
            if *year >= 2568 {
                assert_eq!(text.matches("\n      year: ").count(), n, "{year}");
            }
        }
    }

    // The 2568 and 2569 lists carry the reference's year rules and mark what it does not confirm:
    // every inferred sub-indicator grouping and the items with a low-confidence title or rule.
    #[test]
    fn restructured_years_keep_year_rules_and_unverified_marks() {
        let (a, b) = (Criteria::builtin(2568), Criteria::builtin(2569));
        let rule = |c: &Criteria, code: &str| c.item(code).unwrap().year;
        assert_eq!(rule(&a, "O1"), YearRule::Any);
        assert_eq!(rule(&a, "O6"), YearRule::Current);
        assert_eq!(rule(&a, "O7"), YearRule::Previous);
        assert_eq!(rule(&a, "O28"), YearRule::Previous);
        assert_eq!(rule(&b, "O11"), YearRule::Current);
        assert_eq!(rule(&b, "O12"), YearRule::Previous);
        assert_eq!(rule(&b, "O20"), YearRule::Current);
        for c in [&a, &b] {
            let subs = c.indicators.iter().flat_map(|i| &i.sub_indicators);
            assert!(subs.clone().all(|s| !s.verified), "{}", c.year);
        }
        let unverified = |c: &Criteria| -> Vec<String> {
            c.items()
                .filter(|i| !i.verified)
                .map(|i| i.code.clone())
                .collect()
        };
        assert_eq!(
            unverified(&a),
            [
                "O4", "O5", "O10", "O11", "O12", "O19", "O24", "O25", "O26", "O28"
            ]
        );
        assert_eq!(
            unverified(&b),
            ["O2", "O4", "O6", "O7", "O10", "O18", "O26"]
        );
    }

    // A year prongsai ships no list for uses the newest list before it, or the oldest list for a
    // year before them all; 2564 has its own (the 2565 list applies to it).
    #[test]
    fn a_year_without_a_list_uses_the_nearest_shipped_one() {
        let year = |y| Criteria::builtin(y).year;
        assert_eq!(year(2570), 2569);
        assert_eq!(year(2575), 2569);
        assert_eq!(year(2563), 2565);
        assert_eq!(year(2564), 2565);
        assert!(Criteria::builtin(2564).applies_to(2564));
        assert!(!Criteria::builtin(2570).applies_to(2570));
    }

    // The starter file for a year is the stand-in list under that year, parses as it, and says
    // what to edit; `also_applies_to` of the list it was made from is dropped.
    #[test]
    fn starter_criteria_file_is_the_stand_in_list_for_the_year() {
        let (text, from) = starter(2570);
        assert_eq!(from, 2569);
        assert!(text.starts_with("# เกณฑ์ OIT ปีงบประมาณ พ.ศ. 2570"), "{text}");
        assert!(text.contains("edit it to match NACC's ITA 2570 manual"));
        let c = Criteria::parse("criteria/ita-2570.yaml", &text).unwrap();
        assert_eq!((c.year, c.items().count()), (2570, 26));
        let (text, from) = starter(2564);
        assert_eq!(from, 2565);
        let c = Criteria::parse("criteria/ita-2564.yaml", &text).unwrap();
        assert_eq!((c.year, c.also_applies_to.len()), (2564, 0));
    }

    // The starter is written once; a second run leaves the clerk's edited file as it is.
    #[test]
    fn starter_criteria_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = write_starter(dir.path(), 2570).unwrap();
        assert_eq!(path, dir.path().join("criteria/ita-2570.yaml"));
        let (c, from) = Criteria::load(dir.path(), 2570).unwrap();
        assert_eq!((c.year, from.as_str()), (2570, "criteria/ita-2570.yaml"));
        std::fs::write(&path, "edited").unwrap();
        let err = write_starter(dir.path(), 2570).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited");
    }

    // The years differ where the ITA changed: 2566 adds the privacy policy as O10 and No Gift as O31.
    #[test]
    fn year_lists_differ_where_the_ita_changed() {
        let (a, b) = (Criteria::builtin(2565), Criteria::builtin(2566));
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
            errs[0].message.starts_with("Line ") && !errs[0].message.contains("front matter"),
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
            errs[0].message.contains("repeat values more than"),
            "{}",
            errs[0]
        );
        assert!(start.elapsed().as_secs() < 5);
    }
}
