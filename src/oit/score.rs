//! Scoring the checklist the way NACC does (criteria.md §2): an item scores 100 when disclosed,
//! else 0; a sub-indicator is the mean of its items, an indicator the mean of its sub-indicators,
//! and OIT the mean of the indicators. It judges each piece of evidence's year; it does not find
//! evidence (`evidence.rs`) or report on it (`report.rs`).

use std::collections::BTreeMap;

use crate::config::Config;
use crate::thai;

use super::{
    Checklist, Criteria, Evidence, Indicator, IndicatorResult, Item, ItemResult, PASS_MARK, Status,
    SubIndicator, SubResult, YearRule, absolute,
};

/// Scores the criteria against the evidence found, item by item; each item takes its evidence out
/// of `claims`.
pub(super) fn score(
    criteria: &Criteria,
    year: i32,
    config: &Config,
    claims: &mut BTreeMap<String, Vec<Evidence>>,
) -> Checklist {
    let mut scorer = Scorer {
        year,
        config,
        claims,
        counts: [0; 3],
    };
    let indicators: Vec<IndicatorResult> = criteria
        .indicators
        .iter()
        .map(|ind| scorer.score_indicator(ind))
        .collect();
    let [disclosed, needs_attention, missing] = scorer.counts;
    let score = mean(indicators.iter().map(|i| i.score));
    Checklist {
        year,
        complete: criteria.complete,
        note: criteria.note.clone(),
        criteria_from: String::new(),
        criteria_year: criteria.year,
        stand_in: !criteria.applies_to(year),
        pass_mark: PASS_MARK,
        score,
        pass: score >= PASS_MARK,
        total: disclosed + needs_attention + missing,
        disclosed,
        needs_attention,
        missing,
        indicators,
        csv: crate::routes::oit_exports(year).0,
        json: crate::routes::oit_exports(year).1,
        files: Vec::new(),
    }
}

/// What every item is scored against, and the count of items in each [`Status`] so far.
struct Scorer<'a> {
    /// The assessed fiscal year.
    year: i32,
    config: &'a Config,
    /// Evidence by item code, not yet given to an item.
    claims: &'a mut BTreeMap<String, Vec<Evidence>>,
    /// Items disclosed, needing attention and missing, indexed by `Status as usize`.
    counts: [usize; 3],
}

impl Scorer<'_> {
    /// An indicator: the mean of its sub-indicators.
    fn score_indicator(&mut self, ind: &Indicator) -> IndicatorResult {
        let subs: Vec<SubResult> = ind
            .sub_indicators
            .iter()
            .map(|sub| self.score_sub(sub))
            .collect();
        let score = mean(subs.iter().map(|s| s.score));
        IndicatorResult {
            number: ind.number,
            title: ind.title.clone(),
            title_en: ind.title_en.clone(),
            score,
            pass: score >= PASS_MARK,
            sub_indicators: subs,
        }
    }

    /// A sub-indicator: the mean of its items.
    fn score_sub(&mut self, sub: &SubIndicator) -> SubResult {
        let items: Vec<ItemResult> = sub
            .items
            .iter()
            .map(|item| self.score_item(&sub.code, item))
            .collect();
        SubResult {
            code: sub.code.clone(),
            title: sub.title.clone(),
            title_en: sub.title_en.clone(),
            verified: sub.verified,
            score: mean(items.iter().map(|i| i.score)),
            disclosed: items
                .iter()
                .filter(|i| i.status == Status::Disclosed)
                .count(),
            items,
        }
    }

    /// An item: 100 when some evidence is undated or dated in the year it asks for, else 0.
    fn score_item(&mut self, sub: &str, item: &Item) -> ItemResult {
        let required = match item.year {
            YearRule::Current => Some(self.year),
            YearRule::Previous => Some(self.year - 1),
            YearRule::Any => None,
        };
        let mut evidence = self.claims.remove(&item.code).unwrap_or_default();
        for e in &mut evidence {
            e.fresh = match (required, e.fiscal_year) {
                (Some(r), Some(y)) => r == y,
                _ => true,
            };
        }
        let (status, why) = if evidence.is_empty() {
            (
                Status::Missing,
                Some(
                    "ยังไม่มีหลักฐาน: ไม่มีหน้าใดระบุข้อนี้ใน oit และไม่มีในไฟล์ content/disclosures.yaml"
                        .to_string(),
                ),
            )
        } else if evidence.iter().any(|e| e.fresh) {
            (Status::Disclosed, None)
        } else {
            let y = required.map(|y| self.digits(y)).unwrap_or_default();
            (
                Status::NeedsAttention,
                Some(format!(
                    "หลักฐานทุกรายการลงวันที่นอกปีงบประมาณ พ.ศ. {y} ที่ข้อนี้กำหนด: เพิ่มเอกสารของปี {y}"
                )),
            )
        };
        self.counts[status as usize] += 1;
        let page = crate::routes::oit_item(Some(self.year), &item.code);
        ItemResult {
            item: item.clone(),
            sub_indicator: sub.to_string(),
            status,
            status_label: status.label(),
            score: if status == Status::Disclosed {
                100.0
            } else {
                0.0
            },
            required_year: required,
            why,
            evidence,
            page_url: absolute(self.config, &page),
            page,
        }
    }

    /// A year in the site's digits.
    fn digits(&self, n: i32) -> String {
        if self.config.thai_digits() {
            thai::to_thai_digits(&n.to_string())
        } else {
            n.to_string()
        }
    }
}

/// The mean of some scores (0 for none).
fn mean(xs: impl IntoIterator<Item = f64>) -> f64 {
    let (sum, n) = xs
        .into_iter()
        .fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oit::{DISCLOSURES, Kind};

    // Scores are means of means, not a plain mean of items.
    #[test]
    fn scores_are_means_of_means() {
        // Sub-indicators of 1 and 3 items; one item of the 3 disclosed:
        // sub 1 = 100, sub 2 = 33.33...; indicator = 66.66..., while the plain mean is 50.
        let c = Criteria::parse(
            "x",
            "year: 2566\nindicators:\n- number: 9\n  title: t\n  sub_indicators:\n  - code: '9.1'\n    title: a\n    items:\n    - {code: O1, title: a}\n  - code: '9.2'\n    title: b\n    items:\n    - {code: O2, title: b}\n    - {code: O3, title: c}\n    - {code: O4, title: d}\n",
        )
        .unwrap();
        let config = Config {
            fiscal_year: 2566,
            ..Config::default()
        };
        let ev = |code: &str| Evidence {
            kind: Kind::Link,
            title: code.into(),
            url: "https://x.go.th/".into(),
            internal: false,
            absolute: "https://x.go.th/".into(),
            date: None,
            fiscal_year: None,
            bytes: None,
            steps: vec![],
            source: DISCLOSURES.into(),
            fresh: true,
            serves: None,
            at: None,
        };
        let mut claims = BTreeMap::from([
            ("O1".to_string(), vec![ev("O1")]),
            ("O2".to_string(), vec![ev("O2")]),
        ]);
        let list = score(&c, 2566, &config, &mut claims);
        assert!((list.indicators[0].score - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!((list.disclosed, list.missing), (2, 2));
    }
}
