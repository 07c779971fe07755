//! The OIT checklist end to end: fixture sites with known evidence are built and checked by the real
//! `prongsai` binary, and the scores, pages, exports and findings are compared with numbers derived
//! by hand in the comments (criteria.md §2: item 0/100, sub-indicator = mean of its items,
//! indicator = mean of its sub-indicators, OIT = mean of indicators 9 and 10).
//!
//! Fixtures: `oit-scores` (clean, one stale item), `oit-faults` (one planted fault per kind),
//! `oit-override` (a site's own criteria for a year prongsai does not ship), `oit-2568` and
//! `oit-2569` (the restructured lists of 28 and 26 items), `oit-2570` (a year prongsai ships no
//! list for: the 2569 list stands in).

mod common;

use std::path::Path;

use common::{copy_site, fixture, internal_links_resolve, prongsai, read, stderr};
use serde_json::Value;

/// The checklist JSON export of a built site.
fn checklist(public: &Path, year: i32) -> Value {
    serde_json::from_str(&read(&public.join(format!("oit/ita-{year}.json")))).unwrap()
}

fn close(a: &Value, b: f64) -> bool {
    (a.as_f64().unwrap() - b).abs() < 1e-9
}

/// Sub-indicator scores of indicator `n`, in order.
fn subs(list: &Value, n: usize) -> Vec<f64> {
    list["indicators"][n]["sub_indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["score"].as_f64().unwrap())
        .collect()
}

fn item<'a>(list: &'a Value, code: &str) -> &'a Value {
    list["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["sub_indicators"].as_array().unwrap())
        .flat_map(|s| s["items"].as_array().unwrap())
        .find(|i| i["code"] == code)
        .unwrap_or_else(|| panic!("{code} not in the checklist"))
}

// The oit-scores fixture scores as derived by hand for ITA 2566.
#[test]
fn fixture_scores_are_the_hand_derived_ones() {
    let site = copy_site(&fixture("oit-scores"));
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let list = checklist(&site.path().join("public"), 2566);
    // 9.1 has 10 items (O1-O10); O1-O9 are listed undated, O10 is missing: 9/10 = 90.
    // 9.2 has 8 items (O11-O18); only O11 (dated 1 Nov 2022, FY2566): 1/8 = 12.5.
    // 9.3 has 4 items (O19-O22), none listed: 0.
    // 9.4 has 4 items (O23-O26); O23 and O24 are dated in FY2566, O26 is dated
    //     30 Sep 2022 = FY2565, so it needs attention and scores 0: 2/4 = 50.
    // 9.5 has 4 items (O27-O30), none: 0.
    assert_eq!(subs(&list, 0), [90.0, 12.5, 0.0, 50.0, 0.0]);
    // Indicator 9 = (90 + 12.5 + 0 + 50 + 0) / 5 = 30.5 (a plain mean of items would be 12/33).
    assert!(close(&list["indicators"][0]["score"], 30.5));
    // 10.1 has 8 items (O31-O38); O31 is dated 5 Oct 2022 (FY2566) and O38, an annual-results
    //      item, covers FY2565 as it must: 2/8 = 25.
    // 10.2 has 5 items (O39-O43); O42 (a page) and O43 (a measure), both dated in FY2566: 2/5 = 40.
    assert_eq!(subs(&list, 1), [25.0, 40.0]);
    // Indicator 10 = (25 + 40) / 2 = 32.5; OIT = (30.5 + 32.5) / 2 = 31.5, below the pass mark 85.
    assert!(close(&list["indicators"][1]["score"], 32.5));
    assert!(close(&list["score"], 31.5));
    assert_eq!(list["pass"], false);
    // 9 + 1 + 2 + 2 + 2 = 16 disclosed, O26 needs attention, 43 - 17 = 26 missing.
    assert_eq!(
        (
            &list["disclosed"],
            &list["needs_attention"],
            &list["missing"]
        ),
        (&Value::from(16), &Value::from(1), &Value::from(26))
    );
    assert_eq!(item(&list, "O26")["status"], "needs_attention");
    assert_eq!(item(&list, "O10")["status"], "missing");
    assert_eq!(item(&list, "O38")["required_year"], 2565);
}

// The same content scored with the 2565 criteria gives other items and other numbers.
#[test]
fn switching_the_year_switches_the_item_list() {
    let site = copy_site(&fixture("oit-scores"));
    let yaml = site.path().join("site.yaml");
    std::fs::write(
        &yaml,
        read(&yaml).replace("fiscal_year: 2566", "fiscal_year: 2565"),
    )
    .unwrap();
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let list = checklist(&site.path().join("public"), 2565);
    // In 2565 O10 is the operating plan, not the privacy policy.
    assert_eq!(item(&list, "O10")["title"], "แผนดำเนินงานประจำปี");
    // 9.1 = O1-O9, all undated: 9/9 = 100.
    // 9.2 = O10-O17; O11 is dated in FY2566, after 2565: not evidence for 2565, missing, 0.
    // 9.3 = O18-O24; O23 and O24 are dated in FY2566: missing, 0.
    // 9.4 = O25-O28; O26 (FY2565) now counts: 1/4 = 25.
    // 9.5 = O29-O33; O31 is dated in FY2566: 0.
    assert_eq!(subs(&list, 0), [100.0, 0.0, 0.0, 25.0, 0.0]);
    // 10.1 = O34-O41; O38 covers FY2565: 1/8 = 12.5. 10.2 = O42-O43, both FY2566: 0.
    assert_eq!(subs(&list, 1), [12.5, 0.0]);
    // Indicator 9 = 125 / 5 = 25; indicator 10 = 12.5 / 2 = 6.25; OIT = 31.25 / 2 = 15.625.
    assert!(close(&list["indicators"][0]["score"], 25.0));
    assert!(close(&list["indicators"][1]["score"], 6.25));
    assert!(close(&list["score"], 15.625));
    // Only O43 needs attention: its measure (of site.yaml's year, 2565) is dated in FY2566. The
    // disclosures dated in FY2566 (O11, O23, O24, O31, O42) are later than 2565 and do not
    // count for it at all. 9 + 1 + 1 = 11 disclosed.
    assert_eq!(list["needs_attention"], 1);
    assert_eq!(list["disclosed"], 11);
}

// The checklist page: completeness per sub-indicator first, then indicator -> sub-indicator ->
// item, SVG bars, the self-assessment statement, one page per item, attachments with their size,
// site digits. The clerk's to-do list (hints, file names) is not on the published page.
#[test]
fn checklist_page_is_structured_as_the_assessment() {
    let site = copy_site(&fixture("oit-scores"));
    assert!(prongsai(&["build"], site.path()).status.success());
    let public = site.path().join("public");
    let page = read(&public.join("oit/index.html"));
    let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("page lacks {s}"));
    assert!(at("ความครบถ้วนของการเปิดเผยข้อมูล รายตัวชี้วัดย่อย") < at("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"));
    for internal in [
        "สิ่งที่ยังขาด",
        "disclosures.yaml",
        "ยังไม่ยืนยัน",
        "criteria/",
        "ยังไม่มีหลักฐาน",
    ] {
        assert!(
            !page.contains(internal),
            "the public page holds `{internal}`"
        );
    }
    assert!(at("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล") < at("ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน"));
    assert!(at("ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน") < at(r#"<tr id="O1">"#));
    assert!(page.contains("ไม่ใช่คะแนนอย่างเป็นทางการ"));
    assert!(page.contains("<svg"), "inline SVG bars");
    assert!(
        page.contains("คะแนน OIT 31.50"),
        "Arabic digits as site.yaml asks"
    );
    assert!(page.contains("เกณฑ์ผ่าน 85 คะแนน: ต่ำกว่าเกณฑ์"));
    assert!(page.contains("เปิดเผยแล้ว 9 จาก 10 ข้อ = 90.00 คะแนน"));
    assert!(page.contains("ตัวชี้วัดที่ 9 = (90.00 + 12.50 + 0.00 + 50.00 + 0.00) ÷ 5 = 30.50"));
    assert!(page.contains(r#"href="../oit/o26/""#) || page.contains(r#"href="../oit/o26/"#));
    assert!(
        page.contains("measures.pdf</a>\n    (100 ไบต์)"),
        "attachment size"
    );
    let o26 = read(&public.join("oit/o26/index.html"));
    assert!(o26.contains("ต้องตรวจสอบ") && o26.contains("https://example.go.th/ita/oit/o26/"));
    assert!(o26.contains("นอกปีงบประมาณที่ข้อนี้กำหนด"));
    let o5 = read(&public.join("oit/o5/index.html"));
    assert!(o5.contains("วิธีเข้าถึง: หน้าหลัก › ติดต่อเรา"), "how to reach it");
    assert!(
        read(&public.join("index.html")).contains(r#"href="oit/""#),
        "home links the checklist"
    );
    // A measure's `oit:` codes link to the items' pages of its own year, the stable addresses
    // assessors are given.
    let measure = read(&public.join("measures/open-data/index.html"));
    assert!(
        measure.contains(r#"<a href="../../years/2566/oit/o43/" data-search-filter="oit">O43</a>"#),
        "{measure}"
    );
    assert!(public.join("years/2566/oit/o43/index.html").is_file());
    assert!(internal_links_resolve(&public) > 100);
}

// The CSV opens in Excel with readable Thai (UTF-8 BOM), one row per item with absolute URLs;
// cells are quoted only when they hold a comma, quote or line break.
#[test]
fn csv_export_has_a_bom_and_absolute_urls() {
    let site = copy_site(&fixture("oit-scores"));
    assert!(prongsai(&["build"], site.path()).status.success());
    let bytes = std::fs::read(site.path().join("public/oit/ita-2566.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let text = String::from_utf8(bytes).unwrap();
    // A header and 43 items; a cell with two URLs spans lines inside its quotes, so count rows by CRLF.
    assert_eq!(text.matches("\r\n").count(), 44);
    assert!(text.contains(
        "O31,ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่,10.1,เปิดเผยแล้ว,100,https://example.go.th/ita/about/,"
    ));
    assert!(text.contains(
        "\r\nO42,มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน,10.2,เปิดเผยแล้ว,100,\"https://example.go.th/ita/integrity-measures/\nhttps://example.go.th/ita/files/measures.pdf\","
    ));
}

// A title that a spreadsheet would run as a formula is written as text.
#[test]
fn csv_cells_are_safe_from_formula_injection() {
    let site = copy_site(&fixture("oit-scores"));
    let path = site.path().join("content/disclosures.yaml");
    let text = read(&path).replace(
        "O1: https://www.example.go.th/structure",
        "O1:\n  - url: https://www.example.go.th/structure\n    path: \"=HYPERLINK(\\\"http://evil\\\")\"",
    );
    std::fs::write(&path, text).unwrap();
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = read(&site.path().join("public/oit/ita-2566.csv"));
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{csv}"
    );
}

// check: the clean fixture passes with warnings; --strict makes "needs attention" an error.
#[test]
fn strict_check_makes_needs_attention_an_error() {
    let site = copy_site(&fixture("oit-scores"));
    let out = prongsai(&["check"], site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("content/disclosures.yaml:35:11"), "{err}");
    assert!(err.contains("O26: evidence"), "{err}");
    assert!(
        err.contains("O10 นโยบายคุ้มครองข้อมูลส่วนบุคคล: no evidence"),
        "{err}"
    );
    // 26 missing items, one stale piece of evidence, and once each the 2566 list's inferred
    // sub-indicators (9.3, 10.2) and its unconfirmed items.
    assert!(err.contains("0 errors, 29 warnings"), "{err}");
    assert!(
        err.contains("sub-indicators 9.3, 10.2 is inferred"),
        "{err}"
    );
    let out = prongsai(&["check", "--strict", "--format", "json"], site.path());
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<&Value> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{json:#}");
    assert_eq!(errors[0]["line"], 35);
}

// check finds every planted fault, each at its file:line:col with a fix; build refuses the site.
#[test]
fn check_finds_every_planted_fault() {
    let site = copy_site(&fixture("oit-faults"));
    let out = prongsai(&["check"], site.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        // an item code the year does not have, in disclosures.yaml and in front matter
        "content/disclosures.yaml:1:1: `O44` is not an OIT item of ITA 2566",
        "content/measures/a.md:6:12: `O999` is not an OIT item of ITA 2566",
        "did you mean `O9`? ITA 2566 has items O1 to O43",
        // malformed addresses
        "content/disclosures.yaml:4:10: O1: malformed address `htps://www.example.go.th/structure`",
        "content/disclosures.yaml:17:10: O7: malformed address `www.example.go.th/news`: it has no https://",
        // a link to a page the build does not make
        "content/disclosures.yaml:6:10: O2: evidence `abuot/` points to nothing the build makes",
        "did you mean `about/`?",
        // a misspelt key and an impossible date
        "content/disclosures.yaml:9:5: unknown key `titel` in the evidence of O3",
        "did you mean `title`?",
        "content/disclosures.yaml:12:11: O5: date `31 ก.พ. 66`",
        // a date outside the year (a warning without --strict)
        "content/disclosures.yaml:15:11: O6: evidence `https://www.example.go.th/laws` is of fiscal year 2564, the item asks for 2566",
        // a page whose date is outside the year
        "content/pages/qa.md:4:7: O8: evidence `ถาม-ตอบ` is of fiscal year 2563, the item asks for 2566",
        "7 errors",
    ] {
        assert!(err.contains(expected), "expected `{expected}` in:\n{err}");
    }
    let out = prongsai(&["check", "--strict"], site.path());
    assert!(stderr(&out).contains("9 errors"), "{}", stderr(&out));
    let out = prongsai(&["build"], site.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(!site.path().join("public").exists());
}

// A site's criteria/ita-YYYY.yaml adds a year prongsai does not ship.
#[test]
fn site_criteria_override_the_shipped_ones() {
    let site = copy_site(&fixture("oit-override"));
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let list = checklist(&site.path().join("public"), 2570);
    assert_eq!(list["criteria_from"], "criteria/ita-2570.yaml");
    // 9.1 has 3 items, O1 disclosed: 100/3; indicator 9 = 33.33...
    // 10.1 has 1 item, O4, whose `year: any` accepts its 2020 date: indicator 10 = 100.
    // OIT = (100/3 + 100) / 2 = 66.66...
    assert!(close(&list["indicators"][0]["score"], 100.0 / 3.0));
    assert!(close(&list["indicators"][1]["score"], 100.0));
    assert!(close(&list["score"], (100.0 / 3.0 + 100.0) / 2.0));
    // Without the file the 2569 list stands in, with the page's evidence still counted.
    std::fs::remove_file(site.path().join("criteria/ita-2570.yaml")).unwrap();
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let list = checklist(&site.path().join("public"), 2570);
    assert_eq!(
        (&list["criteria_year"], &list["stand_in"]),
        (&Value::from(2569), &Value::from(true))
    );
    assert_eq!(item(&list, "O1")["status"], "disclosed");
}

// The example site's checklist: the numbers README derives by hand, in Thai digits.
#[test]
fn example_site_checklist_scores_as_the_readme_derives() {
    let site = copy_site(Path::new(env!("CARGO_MANIFEST_DIR")));
    let out = prongsai(&["build", "--quiet"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let list = checklist(&public, 2566);
    // 9.1: O10 missing, 9/10 = 90; 9.2: O17 missing, 7/8 = 87.5; 9.3: 4/4 = 100;
    // 9.4: O26 dated in FY2565, 3/4 = 75; 9.5: 4/4 = 100 -> indicator 9 = 452.5 / 5 = 90.5.
    assert_eq!(subs(&list, 0), [90.0, 87.5, 100.0, 75.0, 100.0]);
    // 10.1: 8/8 = 100; 10.2: O41 missing, 4/5 = 80 -> indicator 10 = 90; OIT = (90.5 + 90) / 2 = 90.25.
    assert_eq!(subs(&list, 1), [100.0, 80.0]);
    assert!(close(&list["score"], 90.25));
    let page = read(&public.join("oit/index.html"));
    assert!(page.contains("คะแนน OIT ๙๐.๒๕"), "Thai digits");
    assert!(page.contains("ผ่านเกณฑ์"));
    // Items without evidence read neutrally, with no hint about files.
    for code in ["O10", "O17", "O41"] {
        let row = &page[page.find(&format!("<tr id=\"{code}\">")).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains("ยังไม่เผยแพร่บนเว็บไซต์นี้"), "{code}: {row}");
    }
    assert!(page.contains("เปิดเผยแล้ว <strong>๓๙ จาก ๔๓ ข้อ</strong>"));
    assert!(!page.contains("disclosures.yaml") && !page.contains("สิ่งที่ยังขาด"));
    let o10 = read(&public.join("oit/o10/index.html"));
    assert!(o10.contains("ยังไม่เผยแพร่บนเว็บไซต์นี้") && !o10.contains("disclosures.yaml"));
    // The No Gift announcement named only by disclosures.yaml is copied into the site.
    assert!(public.join("files/no-gift-policy-2566.pdf").is_file());
    assert!(internal_links_resolve(&public) > 100);
}

// A site that asks for it in site.yaml shows the to-do list, with its hints, on the published
// page too; the item page then says why too.
#[test]
fn public_oit_todo_in_site_yaml_puts_the_to_do_list_on_the_published_page() {
    let site = copy_site(Path::new(env!("CARGO_MANIFEST_DIR")));
    let yaml = site.path().join("site.yaml");
    std::fs::write(&yaml, read(&yaml) + "public_oit_todo: true\n").unwrap();
    let out = prongsai(&["build", "--quiet"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let page = read(&public.join("oit/index.html"));
    let box_end = page.find("id=\"scores\"").unwrap();
    for code in ["O10", "O17", "O41", "O26"] {
        assert!(
            page[..box_end].contains(&format!(">{code} ")),
            "{code} in the to-do box"
        );
    }
    assert!(page.contains("content/disclosures.yaml"));
    assert!(read(&public.join("oit/o10/index.html")).contains("content/disclosures.yaml"));
}

// The seed site alone (no disclosures.yaml) claims O42 and O43 and shows the rest missing.
#[test]
fn seed_site_checklist_shows_o42_o43_and_the_rest_missing() {
    let site = copy_site(Path::new(env!("CARGO_MANIFEST_DIR")));
    std::fs::remove_file(site.path().join("content/disclosures.yaml")).unwrap();
    std::fs::remove_file(site.path().join("content/pages/contact.md")).unwrap();
    let out = prongsai(&["build", "--quiet"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let list = checklist(&site.path().join("public"), 2566);
    // Only 10.2 has evidence: O42 and O43 of its 5 items = 40; 10.1 = 0 -> indicator 10 = 20;
    // indicator 9 = 0 -> OIT = 10.
    assert_eq!(subs(&list, 1), [0.0, 40.0]);
    assert!(close(&list["score"], 10.0));
    assert_eq!(
        (list["disclosed"].as_u64(), list["missing"].as_u64()),
        (Some(2), Some(41))
    );
    // O43 is claimed by all three measures.
    assert_eq!(item(&list, "O43")["evidence"].as_array().unwrap().len(), 3);
}

/// Every item's (code, status) whose status is not "disclosed", in order.
fn not_disclosed(list: &Value) -> Vec<(String, String)> {
    list["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["sub_indicators"].as_array().unwrap())
        .flat_map(|s| s["items"].as_array().unwrap())
        .filter(|i| i["status"] != "disclosed")
        .map(|i| {
            let s = |v: &Value| v.as_str().unwrap().to_string();
            (s(&i["code"]), s(&i["status"]))
        })
        .collect()
}

/// `[(code, status)]` as owned strings, for comparing with [`not_disclosed`].
fn statuses(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(c, s)| (c.to_string(), s.to_string()))
        .collect()
}

// The oit-2568 fixture scores as derived by hand for ITA 2568 (28 items; FY2568 runs
// 2024-10-01 to 2025-09-30, FY2567 ends 2024-09-30).
#[test]
fn oit_2568_fixture_scores_are_the_hand_derived_ones() {
    let site = copy_site(&fixture("oit-2568"));
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let list = checklist(&site.path().join("public"), 2568);
    assert_eq!(list["total"], 28);
    assert_eq!(
        item(&list, "O28")["title"],
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    );
    // 9.1 = O1-O4: O1 and O3 pages, O2 undated, O4 dated 2024-11-15 (FY2568): 4/4 = 100.
    // 9.2 = O5-O11: O6 (measure, 2025-03-31), O8 (`year: any`, dated 2019), O9 (undated) and
    //     O11 (`fiscal_year: 2567`, the previous year it asks for) count; O7 asks for FY2567 but is
    //     dated 2024-10-20 = FY2568, so it needs attention; O5 and O10 are missing: 4/7 = 57.14...
    // 9.3 = O12-O13: O12 dated 2025-01-31, O13 missing: 1/2 = 50.
    // 9.4 = O14-O16: O14 on 2024-10-01 (first day of FY2568) and O15 on 2024-09-30 (last day of
    //     FY2567, the year before it asks for) count, O16 missing: 2/3 = 66.66...
    // 9.5 = O17-O20: O17 and O18 undated, O20 a page dated 2024-10-13, O19 missing: 3/4 = 75.
    let s9 = subs(&list, 0);
    for (got, want) in s9.iter().zip([100.0, 400.0 / 7.0, 50.0, 200.0 / 3.0, 75.0]) {
        assert!((got - want).abs() < 1e-9, "{s9:?}");
    }
    // Indicator 9 = (100 + 400/7 + 50 + 200/3 + 75) / 5 = (225 + 1200/21 + 1400/21) / 5
    //             = (4725 + 2600) / 21 / 5 = 1465/21 = 69.76...
    assert!(close(&list["indicators"][0]["score"], 1465.0 / 21.0));
    // 10.1 = O21-O26: O21 (measure, 2024-10-05), O22 (undated) and O25 (2024-10-15) count;
    //      O23, O24, O26 missing: 3/6 = 50.
    // 10.2 = O27-O28: O27 (measure, 2025-02-01) and O28 (`fiscal_year: 2567`): 2/2 = 100.
    assert_eq!(subs(&list, 1), [50.0, 100.0]);
    // Indicator 10 = (50 + 100) / 2 = 75; OIT = (1465/21 + 75) / 2 = (1465 + 1575) / 42 = 1520/21
    //             = 72.38..., below the pass mark 85.
    assert!(close(&list["indicators"][1]["score"], 75.0));
    assert!(close(&list["score"], 1520.0 / 21.0));
    assert_eq!(list["pass"], false);
    // 4 + 4 + 1 + 2 + 3 + 3 + 2 = 19 disclosed, O7 needs attention, 28 - 20 = 8 missing.
    assert_eq!(
        not_disclosed(&list),
        statuses(&[
            ("O5", "missing"),
            ("O7", "needs_attention"),
            ("O10", "missing"),
            ("O13", "missing"),
            ("O16", "missing"),
            ("O19", "missing"),
            ("O23", "missing"),
            ("O24", "missing"),
            ("O26", "missing"),
        ])
    );
    assert_eq!(
        (&list["disclosed"], &list["needs_attention"]),
        (&Value::from(19), &Value::from(1))
    );
    assert_eq!(item(&list, "O7")["required_year"], 2567);
    assert_eq!(item(&list, "O8")["required_year"], Value::Null);
}

// The oit-2569 fixture scores as derived by hand for ITA 2569 (26 items; FY2569 runs
// 2025-10-01 to 2026-09-30, FY2568 ends 2025-09-30).
#[test]
fn oit_2569_fixture_scores_are_the_hand_derived_ones() {
    let site = copy_site(&fixture("oit-2569"));
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let list = checklist(&site.path().join("public"), 2569);
    assert_eq!(list["total"], 26);
    assert_eq!(
        item(&list, "O25")["title"],
        "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"
    );
    // 9.1 = O1-O4: O1 and O3 pages, O4 dated 2025-10-20; O2 missing: 3/4 = 75.
    // 9.2 = O5-O10: O5 (2025-12-01), O6 (measure, 2026-03-31), O7 (`fiscal_year: 2568`, the year
    //     before as it asks), O8 and O10 (undated) count; O9 missing: 5/6 = 83.33...
    // 9.3 = O11-O12: O11 asks for FY2569 but is dated 2025-08-31 = FY2568, so it needs attention;
    //     O12 on 2025-09-30 (last day of FY2568, the year before it asks for): 1/2 = 50.
    // 9.4 = O13-O15: O13 on 2025-10-01 (first day of FY2569) and O15 (2026-01-15) count, O14
    //     missing: 2/3 = 66.66...
    // 9.5 = O16-O19: O16, O17 undated, O18 `fiscal_year: 2568`, O19 a page dated 2025-11-20: 4/4 = 100.
    let s9 = subs(&list, 0);
    for (got, want) in s9.iter().zip([75.0, 250.0 / 3.0, 50.0, 200.0 / 3.0, 100.0]) {
        assert!((got - want).abs() < 1e-9, "{s9:?}");
    }
    // Indicator 9 = (75 + 250/3 + 50 + 200/3 + 100) / 5 = (225 + 450/3) / 5 = 375 / 5 = 75.
    assert!(close(&list["indicators"][0]["score"], 75.0));
    // 10.1 = O20-O24: O20 (measure, 2025-10-03), O22 (2025-06-30 = FY2568, the year before as it
    //      asks) and O23 (2025-10-30) count; O21, O24 missing: 3/5 = 60.
    // 10.2 = O25-O26: O25 (measure, 2026-02-01), O26 missing: 1/2 = 50.
    assert_eq!(subs(&list, 1), [60.0, 50.0]);
    // Indicator 10 = (60 + 50) / 2 = 55; OIT = (75 + 55) / 2 = 65, below the pass mark 85.
    assert!(close(&list["indicators"][1]["score"], 55.0));
    assert!(close(&list["score"], 65.0));
    // 3 + 5 + 1 + 2 + 4 + 3 + 1 = 19 disclosed, O11 needs attention, 26 - 20 = 6 missing.
    assert_eq!(
        not_disclosed(&list),
        statuses(&[
            ("O2", "missing"),
            ("O9", "missing"),
            ("O11", "needs_attention"),
            ("O14", "missing"),
            ("O21", "missing"),
            ("O24", "missing"),
            ("O26", "missing"),
        ])
    );
    assert_eq!(
        (&list["disclosed"], &list["needs_attention"]),
        (&Value::from(19), &Value::from(1))
    );
}

// What the sources leave open is said where the clerk works: `check` names the inferred
// sub-indicator grouping and the unconfirmed items once each, and the public pages say nothing of it.
#[test]
fn unverified_criteria_are_told_by_check_and_never_on_the_public_pages() {
    let site = copy_site(&fixture("oit-2569"));
    let out = prongsai(&["check"], site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let once = |s: &str| assert_eq!(err.matches(s).count(), 1, "`{s}` once in:\n{err}");
    once(
        "the grouping of items into sub-indicators 9.1, 9.2, 9.3, 9.4, 9.5, 10.1, 10.2 is inferred; sub-indicator means are approximate",
    );
    once(
        "7 items' titles or requirements are not confirmed by the sources: O2, O4, O6, O7, O10, O18, O26",
    );
    assert!(
        err.contains("check against NACC's ITA 2569 manual"),
        "{err}"
    );
    assert!(
        err.contains("run `prongsai criteria 2569` and edit criteria/ita-2569.yaml"),
        "{err}"
    );
    assert!(
        !err.contains("stands in") && !err.contains("has no OIT item list"),
        "{err}"
    );
    assert!(prongsai(&["build"], site.path()).status.success());
    let public = site.path().join("public");
    for page in ["oit/index.html", "oit/o2/index.html", "oit/o10/index.html"] {
        let html = read(&public.join(page));
        for said in [
            "ยังไม่ยืนยัน",
            "unverified",
            "หน่วยงานรัฐแห่งหนึ่ง",
            "ยังไม่ครบ",
            "ปี ๒๕๖๘)",
        ] {
            assert!(!html.contains(said), "{page} says `{said}`");
        }
    }
}

// A year prongsai ships no list for keeps its checklist: the newest list (2569's 26 items)
// stands in, the page shows it under the site's year, and `check` names the stand-in and the
// command that gives the site its own list.
#[test]
fn a_year_without_a_shipped_list_uses_the_newest_and_check_says_so() {
    let site = copy_site(&fixture("oit-2570"));
    assert!(!site.path().join("criteria").exists());
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let list = checklist(&public, 2570);
    assert_eq!(list["total"], 26);
    assert_eq!(
        (&list["year"], &list["criteria_year"]),
        (&Value::from(2570), &Value::from(2569))
    );
    // O1 (`year: any`) and O25 (2026-10-15, FY2570) are disclosed: 9.1 = 1/4 = 25, indicator 9 =
    // 25 / 5 = 5; 10.2 = 1/2 = 50, indicator 10 = 50 / 2 = 25; OIT = (5 + 25) / 2 = 15.
    assert!(close(&list["score"], 15.0));
    assert_eq!(item(&list, "O25")["required_year"], 2570);
    let page = read(&public.join("oit/index.html"));
    assert!(page.contains("ปีงบประมาณ พ.ศ. 2570") && page.contains(r#"<tr id="O26">"#));
    assert!(public.join("oit/o26/index.html").is_file());
    let out = prongsai(&["check"], site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(
        err.matches("prongsai has no OIT item list for 2570; the checklist uses the ITA 2569 list")
            .count(),
        1,
        "{err}"
    );
    assert!(
        err.contains(
            "run `prongsai criteria 2570` to write criteria/ita-2570.yaml from the 2569 list"
        ),
        "{err}"
    );
}

// `prongsai criteria 2570` writes the site's own list from the stand-in, which the build then
// uses (same items, same scores, no stand-in); it never overwrites the file (nor does `prongsai
// criteria`, which takes site.yaml's year) and runs only in a site folder.
#[test]
fn criteria_command_writes_the_sites_own_list_once() {
    let site = copy_site(&fixture("oit-2570"));
    let out = prongsai(&["criteria", "2570"], site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let file = site.path().join("criteria/ita-2570.yaml");
    let text = read(&file);
    assert!(
        text.contains("\nyear: 2570\n") && text.contains("edit it to match NACC's ITA 2570 manual")
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("criteria/ita-2570.yaml from the ITA 2569 list")
    );
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let list = checklist(&site.path().join("public"), 2570);
    assert_eq!(list["criteria_from"], "criteria/ita-2570.yaml");
    assert_eq!(
        (&list["total"], &list["stand_in"]),
        (&Value::from(26), &Value::from(false))
    );
    assert!(close(&list["score"], 15.0));
    let err = stderr(&prongsai(&["check"], site.path()));
    assert!(!err.contains("has no OIT item list"), "{err}");
    assert!(
        err.contains("warning: criteria/ita-2570.yaml: ITA 2570: "),
        "{err}"
    );
    assert!(err.contains("edit criteria/ita-2570.yaml"), "{err}");
    // A second run refuses (exit 2) and leaves the clerk's edits alone.
    std::fs::write(
        &file,
        text.replace("title: ข้อมูลผู้บริหาร", "title: ข้อมูลผู้บริหาร (แก้แล้ว)"),
    )
    .unwrap();
    let edited = read(&file);
    // Without a year it takes site.yaml's (2570), so this is the same file again.
    let out = prongsai(&["criteria"], site.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(read(&file), edited);
    // Outside a site folder it writes nothing.
    let empty = tempfile::tempdir().unwrap();
    let out = prongsai(&["criteria", "2570"], empty.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no site.yaml here"),
        "{}",
        stderr(&out)
    );
    assert!(!empty.path().join("criteria").exists());
}

// A measure not yet done is no evidence: its `oit:` line gets a warning saying so, and the item it
// claims is not counted (the build still succeeds).
#[test]
fn a_measure_not_yet_done_is_not_evidence() {
    let site = copy_site(&fixture("oit-scores"));
    let measure = site.path().join("content/measures/open-data.md");
    std::fs::write(
        &measure,
        read(&measure).replace("status: done", "status: not_done"),
    )
    .unwrap();
    let out = prongsai(&["build"], site.path());
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("⚠ content/measures/open-data.md:6:6: a measure not yet done is not evidence"),
        "{err}"
    );
    assert!(err.contains("set status when it is done"), "{err}");
    let list = checklist(&site.path().join("public"), 2566);
    // O43 was the measure's only evidence: 10.2 falls from 2/5 = 40 to O42 alone, 1/5 = 20.
    assert_eq!(item(&list, "O43")["status"], "missing");
    assert_eq!(subs(&list, 1), [25.0, 20.0]);
}
