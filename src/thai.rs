//! Thai digits, Buddhist Era years, Thai month names, fiscal years and the date and number
//! forms a clerk types (`๑๐ มี.ค. ๖๖`, `ก.พ. - มี.ค.๖๖`, `๙๕.๖๐`).
//!
//! Pure functions only: nothing here knows about files or findings; callers turn a
//! [`DateError`] into a message with a file and line.

use std::fmt;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

/// Years between the Buddhist Era and the Common Era: 2566 BE is 2023 CE.
pub const BE_OFFSET: i32 = 543;

/// The Buddhist Era years a measure, a document or a site can be dated in.
///
/// ```
/// assert!(prongsai::thai::BE_YEARS.contains(&2566));
/// assert!(!prongsai::thai::BE_YEARS.contains(&3105));
/// ```
pub const BE_YEARS: RangeInclusive<i32> = 2400..=2700;

/// How numbers and years are printed: site.yaml's `digits`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Digits {
    /// ๐๑๒๓ (as in the seed report)
    #[default]
    Thai,
    /// 0123
    Arabic,
}

impl Digits {
    /// `s` with its Arabic digits written in this digit set.
    ///
    /// ```
    /// use prongsai::thai::Digits;
    /// assert_eq!(Digits::Thai.apply(2566.to_string()), "๒๕๖๖");
    /// assert_eq!(Digits::Arabic.apply("2566".into()), "2566");
    /// ```
    pub fn apply(self, s: String) -> String {
        match self {
            Digits::Thai => to_thai_digits(&s),
            Digits::Arabic => s,
        }
    }
}

/// Full Thai month names, January first.
pub const MONTHS_FULL: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

/// Thai month abbreviations as the Royal Institute writes them, January first.
pub const MONTHS_ABBR: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];

const THAI_ZERO: u32 = '๐' as u32;

/// Writes every ASCII digit as a Thai digit.
///
/// ```
/// assert_eq!(prongsai::thai::to_thai_digits("95.60"), "๙๕.๖๐");
/// ```
pub fn to_thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(THAI_ZERO + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Writes every Thai digit as an ASCII digit.
///
/// ```
/// assert_eq!(prongsai::thai::to_arabic_digits("๒๕๖๖"), "2566");
/// ```
pub fn to_arabic_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '๐'..='๙' => char::from_u32('0' as u32 + (c as u32 - THAI_ZERO)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Spells sara am (ำ) one way: nikhahit (ํ) and sara aa (า) in any order, with or without a tone
/// mark among them or after them, as text copied from Thai PDFs often has it, become the tone
/// mark then ำ. The search page folds a query the same way.
///
/// ```
/// use prongsai::thai::fold_sara_am;
/// assert_eq!(fold_sara_am("ต\u{0E4D}\u{0E48}\u{0E32}"), "ต่ำ");
/// assert_eq!(fold_sara_am("ต\u{0E32}\u{0E4D}\u{0E48}"), "ต่ำ");
/// assert_eq!(fold_sara_am("ประจ\u{0E4D}\u{0E32}ปี"), "ประจำปี");
/// assert_eq!(fold_sara_am("ต่ำ ตา น\u{0E4D} า"), "ต่ำ ตา น\u{0E4D} า");
/// ```
pub fn fold_sara_am(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folding_sara_am(&mut out, c);
    }
    out
}

/// Adds `c` to `out`, folding sara am as [`fold_sara_am`] does (for text read a character at a
/// time).
#[inline]
pub fn push_folding_sara_am(out: &mut String, c: char) {
    const NIKHAHIT: char = '\u{0E4D}';
    const SARA_AA: char = '\u{0E32}';
    const SARA_AM: char = '\u{0E33}';
    let is_tone = |c: char| ('\u{0E48}'..='\u{0E4B}').contains(&c);
    out.push(c);
    if !(c == NIKHAHIT || c == SARA_AA || is_tone(c)) {
        return;
    }
    let mut tail = out.chars().rev();
    let (last, before, third) = (tail.next(), tail.next(), tail.next());
    let pair = |a: Option<char>, b: Option<char>| {
        matches!(
            (a, b),
            (Some(NIKHAHIT), Some(SARA_AA)) | (Some(SARA_AA), Some(NIKHAHIT))
        )
    };
    let (drop, tone) = match (third, before, last) {
        // ํ, า and a tone mark in any order.
        (x, Some(y), Some(t)) if is_tone(t) && pair(x, Some(y)) => (3, t),
        (x, Some(t), Some(y)) if is_tone(t) && pair(x, Some(y)) => (3, t),
        (Some(t), x, y) if is_tone(t) && pair(x, y) => (3, t),
        (_, x, y) if pair(x, y) => (2, '\0'),
        // ำ then a tone mark: the tone mark goes first.
        (_, Some(SARA_AM), Some(t)) if is_tone(t) => (2, t),
        _ => return,
    };
    for _ in 0..drop {
        out.pop();
    }
    if tone != '\0' {
        out.push(tone);
    }
    out.push(SARA_AM);
}

/// Whether `c` is a Thai letter or mark (a character a Thai word is made of; not a Thai digit,
/// ฿ or a sign).
pub fn is_thai_letter(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E3A}' | '\u{0E40}'..='\u{0E4E}')
}

/// Where the words of each run of Thai letters of `text` part, by ICU4X's Thai dictionary: the
/// offsets in UTF-16 code units (as a browser counts) of the breaks inside runs, ascending. The
/// ends of a run (white space, Latin, digits, punctuation) are not listed.
///
/// ```
/// // ภาษี|ที่ดิน and ปลาย|ปี
/// let text = "ภาษีที่ดิน and ปลายปี";
/// assert_eq!(prongsai::thai::word_breaks(text), [4, 19]);
/// ```
pub fn word_breaks(text: &str) -> Vec<u32> {
    use icu_segmenter::WordSegmenter;
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        // Breaks of the runs this thread has cut. The same runs come back on page after page
        // (the facts' labels, unit and indicator names, set phrases), and the dictionary is the
        // slow part of indexing: this halves its cost on a site of thousands of measures.
        static SEEN: RefCell<HashMap<Vec<u16>, Vec<u16>, foldhash::fast::FixedState>> =
            RefCell::new(HashMap::default());
    }
    let segmenter = WordSegmenter::new_dictionary(Default::default());
    let cut = |run: &[u16]| -> Vec<u16> {
        segmenter
            .segment_utf16(run)
            .filter(|&b| b > 0 && b < run.len())
            .map(|b| b as u16)
            .collect()
    };
    let units: Vec<u16> = text.encode_utf16().collect();
    let is_thai = |u: u16| char::from_u32(u as u32).is_some_and(is_thai_letter);
    let mut breaks = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if !is_thai(units[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < units.len() && is_thai(units[i]) {
            i += 1;
        }
        let run = &units[start..i];
        let at = |b: &u16| start as u32 + *b as u32;
        if run.len() > 256 {
            breaks.extend(cut(run).iter().map(at));
            continue;
        }
        SEEN.with_borrow_mut(|seen| {
            if seen.len() > 100_000 {
                seen.clear();
            }
            match seen.get(run) {
                Some(cuts) => breaks.extend(cuts.iter().map(at)),
                None => {
                    let cuts = cut(run);
                    breaks.extend(cuts.iter().map(at));
                    seen.insert(run.to_vec(), cuts);
                }
            }
        });
    }
    breaks
}

/// Converts a Buddhist Era year to the Common Era.
///
/// ```
/// assert_eq!(prongsai::thai::be_to_ce(2566), 2023);
/// ```
pub const fn be_to_ce(be: i32) -> i32 {
    be - BE_OFFSET
}

/// Converts a Common Era year to the Buddhist Era.
///
/// ```
/// assert_eq!(prongsai::thai::ce_to_be(2023), 2566);
/// ```
pub const fn ce_to_be(ce: i32) -> i32 {
    ce + BE_OFFSET
}

/// The month (1-12) a Thai month name or abbreviation stands for. Accepts the abbreviation with
/// or without dots and spaces (`มี.ค.`, `มีค`, `มี.ค`), and the full name.
///
/// ```
/// use prongsai::thai::month_from_thai;
/// assert_eq!(month_from_thai("มี.ค."), Some(3));
/// assert_eq!(month_from_thai("กุมภาพันธ์"), Some(2));
/// assert_eq!(month_from_thai("มกรา"), None);
/// ```
pub fn month_from_thai(s: &str) -> Option<u8> {
    let bare: String = s
        .chars()
        .filter(|c| *c != '.' && !c.is_whitespace())
        .collect();
    if bare.is_empty() {
        return None;
    }
    let strip = |m: &str| m.replace('.', "");
    (0..12)
        .find(|&i| MONTHS_FULL[i] == bare || strip(MONTHS_ABBR[i]) == bare)
        .map(|i| i as u8 + 1)
}

/// Days in a month of a Common Era year.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The Thai government fiscal year (Buddhist Era) a month falls in: it starts on 1 October,
/// so October 2022 CE is in fiscal year 2566.
fn fiscal_year_of(year: i32, month: u8) -> i32 {
    ce_to_be(year) + i32::from(month >= 10)
}

/// A calendar date; the year is kept in the Common Era.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A checked date (Common Era year).
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(month.to_string()));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Day {
                day,
                month,
                days: days_in_month(year, month),
            });
        }
        Ok(Date { year, month, day })
    }

    /// The year in the Buddhist Era.
    pub fn year_be(self) -> i32 {
        ce_to_be(self.year)
    }

    /// The Thai fiscal year (Buddhist Era) the date falls in.
    ///
    /// ```
    /// use prongsai::thai::Date;
    /// assert_eq!(Date::new(2022, 10, 1).unwrap().fiscal_year(), 2566);
    /// assert_eq!(Date::new(2023, 9, 30).unwrap().fiscal_year(), 2566);
    /// ```
    pub fn fiscal_year(self) -> i32 {
        fiscal_year_of(self.year, self.month)
    }

    /// `YYYY-MM-DD`, Common Era.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The civil date `days` days after 1 January 1970 (before it when negative), by Howard
    /// Hinnant's `civil_from_days` (eras of 400 years, years starting in March); None when the
    /// year does not fit.
    ///
    /// ```
    /// use prongsai::thai::Date;
    /// assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1).ok());
    /// assert_eq!(Date::from_unix_days(20_727), Date::new(2026, 10, 1).ok());
    /// assert_eq!(Date::from_unix_days(-1), Date::new(1969, 12, 31).ok());
    /// ```
    pub fn from_unix_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?; // days since 0000-03-01
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097); // day of the era, 0..=146_096
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // 0..=399
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of the March-based year
        let mp = (5 * doy + 2) / 153; // month from March, 0..=11
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Some(Date {
            year: i32::try_from(year).ok()?,
            month,
            day,
        })
    }

    /// The date in Thailand (UTC+7, no daylight saving) at `secs` seconds after
    /// 1970-01-01 00:00 UTC: the day a clerk there sees on the wall.
    ///
    /// ```
    /// use prongsai::thai::Date;
    /// // 17:00 UTC on 30 September 2026 is midnight of 1 October in Bangkok: fiscal year 2570.
    /// let d = Date::in_thailand(1_790_787_600).unwrap();
    /// assert_eq!((d.iso(), d.fiscal_year()), ("2026-10-01".to_string(), 2570));
    /// assert_eq!(Date::in_thailand(1_790_787_599).unwrap().fiscal_year(), 2569);
    /// ```
    pub fn in_thailand(secs: i64) -> Option<Date> {
        Date::from_unix_days(secs.checked_add(THAILAND_UTC_OFFSET)?.div_euclid(86_400))
    }
}

/// Seconds Thailand's clocks are ahead of UTC (Indochina Time, UTC+7 all year).
pub const THAILAND_UTC_OFFSET: i64 = 7 * 3600;

/// A month of a Common Era year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl YearMonth {
    /// The Thai fiscal year (Buddhist Era) the month falls in.
    pub fn fiscal_year(self) -> i32 {
        fiscal_year_of(self.year, self.month)
    }
}

/// `YYYY-MM`, the form the open data and the templates get.
///
/// ```
/// let ym = prongsai::thai::YearMonth { year: 2023, month: 3 };
/// assert_eq!(ym.to_string(), "2023-03");
/// ```
impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A span of whole months, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonthRange {
    pub start: YearMonth,
    pub end: YearMonth,
}

/// Why a date or period could not be read; the text says what was wrong and what is expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Nothing was written.
    Empty,
    /// The text is not in a date form we know.
    Form(String),
    /// The month is neither a Thai month name nor 1-12.
    Month(String),
    /// The day does not exist in that month.
    Day { day: u8, month: u8, days: u8 },
    /// The year is outside the range a measure can be in.
    Year(i64),
    /// A period ends before it starts.
    Backwards,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            DateError::Empty => crate::t!("date-empty"),
            DateError::Form(s) => crate::t!("date-form", text = s.as_str()),
            DateError::Month(s) => crate::t!("date-month", text = s.as_str()),
            DateError::Day { day, month, days } => crate::t!(
                "date-day",
                month = MONTHS_FULL
                    .get(usize::from(*month).wrapping_sub(1))
                    .copied()
                    .unwrap_or("?"),
                day = *day,
                days = *days
            ),
            DateError::Year(y) => crate::t!(
                "date-year",
                year = *y,
                first = *BE_YEARS.start(),
                last = *BE_YEARS.end()
            ),
            DateError::Backwards => crate::t!("date-backwards"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for DateError {}

/// Reads a Buddhist Era year as written: four digits, or two digits meaning 25xx.
fn be_year(s: &str) -> Result<i32, DateError> {
    let digits = to_arabic_digits(s.trim());
    let digits = digits.trim_start_matches("พ.ศ.").trim();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 6 {
        return Err(DateError::Form(s.trim().to_string()));
    }
    let n: i64 = digits.parse().map_err(|_| DateError::Form(s.to_string()))?;
    let year = if digits.len() == 2 { 2500 + n } else { n };
    i32::try_from(year)
        .ok()
        .filter(|y| BE_YEARS.contains(y))
        .ok_or(DateError::Year(year))
}

fn number(s: &str) -> Option<u32> {
    let d = to_arabic_digits(s.trim());
    if d.is_empty() || d.len() > 4 || !d.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    d.parse().ok()
}

/// Reads a date in any form a Thai clerk writes one:
/// ISO `2023-03-10` (Common Era), `๑๐ มี.ค. ๖๖`, `10 มีนาคม 2566`, `10/3/2566` (Buddhist Era).
///
/// ```
/// use prongsai::thai::{parse_date, Date};
/// let d = Date::new(2023, 3, 10).unwrap();
/// assert_eq!(parse_date("๑๐ มี.ค. ๖๖"), Ok(d));
/// assert_eq!(parse_date("10 มีนาคม 2566"), Ok(d));
/// assert_eq!(parse_date("2023-03-10"), Ok(d));
/// assert_eq!(parse_date("10/03/2566"), Ok(d));
/// assert!(parse_date("31 ก.พ. 66").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<Date, DateError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    let a = to_arabic_digits(t);
    // ISO, Common Era.
    let iso: Vec<&str> = a.split('-').collect();
    if iso.len() == 3
        && iso[0].len() == 4
        && iso
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        let year: i32 = iso[0].parse().map_err(|_| DateError::Form(t.to_string()))?;
        if !(1857..=2157).contains(&year) {
            return Err(DateError::Year(i64::from(year)));
        }
        let month = number(iso[1])
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(|| DateError::Month(iso[1].to_string()))?;
        let day = number(iso[2]).ok_or_else(|| DateError::Form(t.to_string()))?;
        return Date::new(year, month as u8, u8::try_from(day).unwrap_or(0));
    }
    // d/m/BE.
    let slash: Vec<&str> = a.split('/').collect();
    if slash.len() == 3 {
        let day = number(slash[0]).ok_or_else(|| DateError::Form(t.to_string()))?;
        let month = number(slash[1])
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(|| DateError::Month(slash[1].to_string()))?;
        let year = be_year(slash[2])?;
        return Date::new(be_to_ce(year), month as u8, u8::try_from(day).unwrap_or(0));
    }
    // Day, Thai month, BE year, with or without spaces: "๑๐ มี.ค. ๖๖", "10มี.ค.66".
    let day_end = a.find(|c: char| !c.is_ascii_digit()).unwrap_or(a.len());
    let year_start = a
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + a[i..].chars().next().map_or(1, char::len_utf8));
    if day_end == 0 || year_start >= a.len() || day_end >= year_start {
        return Err(DateError::Form(t.to_string()));
    }
    let day = number(&a[..day_end]).ok_or_else(|| DateError::Form(t.to_string()))?;
    let mut middle = a[day_end..year_start].trim();
    middle = middle.strip_suffix("พ.ศ.").unwrap_or(middle).trim();
    let month = month_from_thai(middle).ok_or_else(|| DateError::Month(middle.to_string()))?;
    let year = be_year(&a[year_start..])?;
    Date::new(be_to_ce(year), month, u8::try_from(day).unwrap_or(0))
}

/// Reads one end of a period: a Thai month with an optional Buddhist Era year.
fn month_year(s: &str) -> Result<(u8, Option<i32>), DateError> {
    let a = to_arabic_digits(s.trim());
    let split = a
        .rfind(|c: char| !c.is_ascii_digit() && !c.is_whitespace())
        .map_or(0, |i| i + a[i..].chars().next().map_or(1, char::len_utf8));
    let (name, year) = a.split_at(split);
    let name = name.trim();
    let name = name.strip_suffix("พ.ศ.").unwrap_or(name).trim();
    let month = month_from_thai(name).ok_or_else(|| DateError::Month(name.to_string()))?;
    let year = if year.trim().is_empty() {
        None
    } else {
        Some(be_year(year)?)
    };
    Ok((month, year))
}

/// Reads a period of months as the seed report writes them: `ก.พ. - มี.ค.๖๖`,
/// `เม.ย.๖๖`, `ม.ค. - มิ.ย. ๒๕๖๗`, `ต.ค. ๖๕ - ก.ย. ๖๖`. A start without a year takes
/// the end's year, or the year before when its month comes later in the calendar.
///
/// ```
/// use prongsai::thai::{parse_period, YearMonth};
/// let r = parse_period("ก.พ. - มี.ค.๖๖").unwrap();
/// assert_eq!(r.start, YearMonth { year: 2023, month: 2 });
/// assert_eq!(r.end, YearMonth { year: 2023, month: 3 });
/// let r = parse_period("ต.ค. - ก.ย. ๖๖").unwrap();
/// assert_eq!(r.start, YearMonth { year: 2022, month: 10 });
/// ```
pub fn parse_period(s: &str) -> Result<MonthRange, DateError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    let parts: Vec<&str> = t.split(['-', '–', '—']).collect();
    let (start, end) = match parts.as_slice() {
        [one] => {
            let (m, y) = month_year(one)?;
            let y = y.ok_or_else(|| DateError::Form(t.to_string()))?;
            let ym = YearMonth {
                year: be_to_ce(y),
                month: m,
            };
            (ym, ym)
        }
        [a, b] => {
            let (em, ey) = month_year(b)?;
            let ey = ey.ok_or_else(|| DateError::Form(t.to_string()))?;
            let (sm, sy) = month_year(a)?;
            let sy = sy.unwrap_or(if sm > em { ey - 1 } else { ey });
            (
                YearMonth {
                    year: be_to_ce(sy),
                    month: sm,
                },
                YearMonth {
                    year: be_to_ce(ey),
                    month: em,
                },
            )
        }
        _ => return Err(DateError::Form(t.to_string())),
    };
    if start > end {
        return Err(DateError::Backwards);
    }
    Ok(MonthRange { start, end })
}

/// A date the way Thai official documents abbreviate it: `๑๐ มี.ค. ๒๕๖๖`.
///
/// ```
/// use prongsai::thai::{format_date, Date, Digits};
/// let d = Date::new(2023, 3, 10).unwrap();
/// assert_eq!(format_date(d, Digits::Thai), "๑๐ มี.ค. ๒๕๖๖");
/// assert_eq!(format_date(d, Digits::Arabic), "10 มี.ค. 2566");
/// ```
pub fn format_date(d: Date, digits: Digits) -> String {
    let m = MONTHS_ABBR[usize::from(d.month.clamp(1, 12)) - 1];
    digits.apply(format!("{} {m} {}", d.day, d.year_be()))
}

/// A date with the full month name and พ.ศ.: `๑๐ มีนาคม พ.ศ. ๒๕๖๖`.
pub fn format_date_long(d: Date, digits: Digits) -> String {
    let m = MONTHS_FULL[usize::from(d.month.clamp(1, 12)) - 1];
    digits.apply(format!("{} {m} พ.ศ. {}", d.day, d.year_be()))
}

/// A period of months the way the seed prints it: `ก.พ. - มี.ค. ๒๕๖๖`, or with both years
/// when it crosses one.
pub fn format_month_range(r: MonthRange, digits: Digits) -> String {
    let abbr = |ym: YearMonth| MONTHS_ABBR[usize::from(ym.month.clamp(1, 12)) - 1];
    let s = if r.start == r.end {
        format!("{} {}", abbr(r.start), ce_to_be(r.start.year))
    } else if r.start.year == r.end.year {
        format!(
            "{} - {} {}",
            abbr(r.start),
            abbr(r.end),
            ce_to_be(r.end.year)
        )
    } else {
        format!(
            "{} {} - {} {}",
            abbr(r.start),
            ce_to_be(r.start.year),
            abbr(r.end),
            ce_to_be(r.end.year)
        )
    };
    digits.apply(s)
}

/// Reads a number written with Thai or Arabic digits (`๙๕.๖๐`, `95.60`, `1,234`).
/// Anything else, such as a Latin `o` among Thai digits, NaN or infinity, is `None`.
///
/// ```
/// use prongsai::thai::parse_number;
/// assert_eq!(parse_number("๙๕.๖๐"), Some(95.6));
/// assert_eq!(parse_number("๙๕.๖o"), None);
/// assert_eq!(parse_number("NaN"), None);
/// ```
pub fn parse_number(s: &str) -> Option<f64> {
    let a = to_arabic_digits(s.trim()).replace(',', "");
    let body = a.strip_prefix('-').unwrap_or(&a);
    let mut parts = body.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    a.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Prints a number with a fixed count of decimals, in Thai or Arabic digits.
///
/// ```
/// use prongsai::thai::{format_number, Digits};
/// assert_eq!(format_number(95.6, 2, Digits::Thai), "๙๕.๖๐");
/// assert_eq!(format_number(85.0, 0, Digits::Arabic), "85");
/// ```
pub fn format_number(x: f64, decimals: usize, digits: Digits) -> String {
    digits.apply(format!("{x:.decimals$}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // Every form of 10 March 2566 in the seed and in clerks' habits reads as the same date.
    #[test]
    fn the_seed_date_reads_in_every_form() {
        let d = Date::new(2023, 3, 10).unwrap();
        for s in [
            "๑๐ มี.ค. ๖๖",
            "๑๐ มี.ค.๖๖",
            "10มี.ค.66",
            "10 มีค 66",
            "10 มีนาคม พ.ศ. 2566",
            "๑๐/๐๓/๒๕๖๖",
            "2023-03-10",
            " 10 มี.ค. 2566 ",
        ] {
            assert_eq!(parse_date(s), Ok(d), "{s}");
        }
    }

    // A day that does not exist is named, with the month's length.
    #[test]
    fn thirty_first_of_february_is_an_error_that_says_why() {
        let e = parse_date("31 ก.พ. 66").unwrap_err();
        assert_eq!(e.to_string(), "กุมภาพันธ์ has no day 31 (it has 28 days)");
        assert_eq!(parse_date("29 ก.พ. 67").map(|d| d.day), Ok(29));
    }

    // A year that cannot be a Buddhist Era year of a measure is refused.
    #[test]
    fn year_3105_is_out_of_range() {
        assert_eq!(parse_date("10 มี.ค. 3105"), Err(DateError::Year(3105)));
        assert_eq!(parse_date("3105-01-01"), Err(DateError::Year(3105)));
        assert!(
            parse_date("10 มี.ค. 3105")
                .unwrap_err()
                .to_string()
                .contains("Buddhist Era")
        );
    }

    // Things that are not dates say which forms are accepted.
    #[test]
    fn garbage_is_not_a_date() {
        for s in [
            "tomorrow",
            "10",
            "มี.ค. 66",
            "10 มีนา 66",
            "2023-13-01",
            "-",
            "1/2",
        ] {
            assert!(parse_date(s).is_err(), "{s}");
        }
        assert_eq!(parse_date(""), Err(DateError::Empty));
    }

    // Every period the seed report writes reads as the months it means.
    #[test]
    fn seed_periods_read_as_month_ranges() {
        let ym = |year, month| YearMonth { year, month };
        let cases = [
            ("ก.พ. - มี.ค.๖๖", ym(2023, 2), ym(2023, 3)),
            ("ก.พ.-มี.ค.๖๖", ym(2023, 2), ym(2023, 3)),
            ("เม.ย.๖๖", ym(2023, 4), ym(2023, 4)),
            ("ม.ค. - มิ.ย. ๒๕๖๗", ym(2024, 1), ym(2024, 6)),
            ("ต.ค. ๖๕ - ก.ย. ๖๖", ym(2022, 10), ym(2023, 9)),
            ("พ.ย. - ก.พ. 2566", ym(2022, 11), ym(2023, 2)),
        ];
        for (s, start, end) in cases {
            assert_eq!(parse_period(s), Ok(MonthRange { start, end }), "{s}");
        }
        assert_eq!(parse_period("มี.ค. ๖๖ - ก.พ. ๖๖"), Err(DateError::Backwards));
        assert!(parse_period("ก.พ. - มี.ค.").is_err());
    }

    // The fiscal year turns on 1 October.
    #[test]
    fn fiscal_year_starts_in_october() {
        assert_eq!(
            YearMonth {
                year: 2022,
                month: 9
            }
            .fiscal_year(),
            2565
        );
        assert_eq!(
            YearMonth {
                year: 2022,
                month: 10
            }
            .fiscal_year(),
            2566
        );
    }

    // Numbers keep their value in either digit set and reject look-alikes.
    #[test]
    fn numbers_in_thai_and_arabic_digits() {
        assert_eq!(parse_number("๘๕"), Some(85.0));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("-1"), Some(-1.0));
        for s in ["", ".", "1.", ".5", "inf", "1e3", "๙๕.๖o", "95.6.0", "๙๕ ๖"] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    // Periods print in the seed's form.
    #[test]
    fn month_ranges_print_like_the_seed() {
        let r = parse_period("ก.พ. - มี.ค.๖๖").unwrap();
        assert_eq!(format_month_range(r, Digits::Thai), "ก.พ. - มี.ค. ๒๕๖๖");
        let r = parse_period("ต.ค. ๖๕ - ก.ย. ๖๖").unwrap();
        assert_eq!(
            format_month_range(r, Digits::Arabic),
            "ต.ค. 2565 - ก.ย. 2566"
        );
    }

    fn any_digits() -> impl Strategy<Value = Digits> {
        prop_oneof![Just(Digits::Thai), Just(Digits::Arabic)]
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (1857i32..=2157, 1u8..=12, 1u8..=31)
            .prop_filter_map("real day", |(y, m, d)| Date::new(y, m, d).ok())
    }

    proptest! {
        // Digits survive a round trip through Thai digits.
        #[test]
        fn digits_round_trip(s in "\\PC*") {
            prop_assert_eq!(to_arabic_digits(&to_thai_digits(&s)), to_arabic_digits(&s));
        }

        // Every date printed short, long or ISO, in either digit set, reads back as itself.
        #[test]
        fn dates_round_trip(d in any_date(), digits in any_digits()) {
            prop_assert_eq!(parse_date(&format_date(d, digits)), Ok(d));
            prop_assert_eq!(parse_date(&format_date_long(d, digits)), Ok(d));
            prop_assert_eq!(parse_date(&d.iso()), Ok(d));
        }

        // Every month range printed reads back as itself.
        #[test]
        fn month_ranges_round_trip(a in any_date(), b in any_date(), digits in any_digits()) {
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            let r = MonthRange { start: YearMonth { year: a.year, month: a.month }, end: YearMonth { year: b.year, month: b.month } };
            prop_assert_eq!(parse_period(&format_month_range(r, digits)), Ok(r));
        }

        // Numbers printed with two decimals read back to the same two decimals.
        #[test]
        fn numbers_round_trip(x in -1.0e6f64..1.0e6, digits in any_digits()) {
            let s = format_number(x, 2, digits);
            let back = parse_number(&s).unwrap();
            prop_assert_eq!(format_number(back, 2, Digits::Arabic), format_number(x, 2, Digits::Arabic));
        }

        // Counting days from 1970 steps through the calendar one real day at a time (together
        // with day 0 being 1970-01-01, this pins every date in the range).
        #[test]
        fn unix_days_step_one_calendar_day(n in -800_000i64..800_000) {
            let (d, next) = (Date::from_unix_days(n).unwrap(), Date::from_unix_days(n + 1).unwrap());
            let expected = Date::new(d.year, d.month, d.day + 1)
                .or_else(|_| Date::new(d.year, d.month + 1, 1))
                .unwrap_or(Date { year: d.year + 1, month: 1, day: 1 });
            prop_assert_eq!(next, expected);
        }

        // No input makes the parsers panic.
        #[test]
        fn parsers_never_panic(s in "\\PC{0,40}") {
            let _ = parse_date(&s);
            let _ = parse_period(&s);
            let _ = parse_number(&s);
        }
    }

    // Every order of nikhahit, a tone mark and sara aa after a consonant reads as the tone mark
    // then sara am, and ำ typed before its tone mark is put after it; other text is untouched.
    #[test]
    fn sara_am_in_any_order_is_folded() {
        let (n, a, t) = ('\u{0E4D}', '\u{0E32}', '\u{0E48}');
        for marks in [
            [n, t, a],
            [t, n, a],
            [n, a, t],
            [a, n, t],
            [a, t, n],
            [t, a, n],
        ] {
            let typed: String = std::iter::once('ต')
                .chain(marks)
                .chain("กว่า".chars())
                .collect();
            assert_eq!(
                fold_sara_am(&typed),
                "ต่ำกว่า",
                "{:?}",
                typed.chars().collect::<Vec<_>>()
            );
        }
        assert_eq!(fold_sara_am("ค\u{0E32}\u{0E4D}ขอ"), "คำขอ");
        assert_eq!(fold_sara_am("ต\u{0E33}\u{0E48}"), "ต่ำ");
        for kept in ["ค่า", "ตาม", "น้ำ", "กา ํ", "abc"] {
            assert_eq!(fold_sara_am(kept), kept);
        }
    }
}
