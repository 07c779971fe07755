//! End-to-end: fixture sites in `tests/fixtures/` are built by the real `prongsai` binary into a temp
//! folder, and the pages, messages and exit codes are checked.
//!
//! To add a bad-input case: make `tests/fixtures/bad/<case>/` with a site.yaml, the broken file(s) and
//! `expected.txt`, one line per text the error output must contain (locations first).

mod common;

use std::path::Path;

use common::{copy_site, fixture, internal_links_resolve, prongsai, read, snapshot, stderr};

// The bundled example site reproduces every fact of the seed report on its report page.
#[test]
fn example_site_report_holds_every_fact_of_the_seed() {
    let site = copy_site(Path::new(env!("CARGO_MANIFEST_DIR")));
    let out = prongsai(&["build", "--quiet"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let home = read(&public.join("index.html"));
    assert!(home.contains("<html lang=\"th\">"));
    assert!(home.contains("องค์การบริหารส่วนตำบลสวนหม่อน"));
    assert!(
        home.contains("มาตรการประจำปีงบประมาณ พ.ศ. ๒๕๖๖ จำนวน ๓ มาตรการ"),
        "home counts"
    );
    let report = read(&public.join("report/index.html"));
    let facts = [
        // title block
        "รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        "ขององค์การบริหารส่วนตำบลสวนหม่อน อำเภอมัญจาคีรี จังหวัดขอนแก่น",
        "ประจำปีงบประมาณ ๒๕๖๖",
        "ตามที่ได้ดำเนินการวิเคราะห์ผลการประเมิน ITA ขององค์การบริหารส่วนตำบลสวนหม่อน ปีงบประมาณ พ.ศ. ๒๕๖๕",
        // the three analysis paragraphs, computed from the scores
        "ผลคะแนนของตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ คือ ๙๕.๖๐ คะแนน มีค่าต่ำสุดของ IIT แต่ผ่านเกณฑ์เป้าหมาย (๘๕ คะแนนขึ้นไป)",
        "ผลคะแนนของตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน คือ ๙๕.๐๒ คะแนน มีค่าต่ำสุดของ EIT แต่ผ่านเกณฑ์เป้าหมาย",
        "ผลคะแนนของตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล คือ ๙๒.๕๐ คะแนน มีค่าต่ำสุดของ OIT แต่ผ่านเกณฑ์เป้าหมาย",
        // the seed's columns
        "วิธีการดำเนินการ",
        "ผลการดำเนินการ",
        "ผู้รับผิดชอบ",
        "ระยะเวลาดำเนินการ",
        "กำกับติดตามรายงานความก้าวหน้าและสรุปผล ณ สิ้นปีงบประมาณ",
        "ดำเนินการแล้ว",
        "ยังไม่ดำเนินการ",
        // measure 1
        "การสร้างฐานความคิดการแยกแยะประโยชน์ส่วนตัวและประโยชน์ส่วนรวม",
        "เสริมสร้างฐานคิดแยกแยะประโยชน์ส่วนตัว และประโยชน์ส่วนรวม",
        "จัดทำคู่มือแนวปฏิบัติในการใช้ทรัพย์สินของราชการ",
        "จัดประชุมชี้แจงแนวทางปฏิบัติในการยืมใช้ทรัพย์สินของหน่วยงาน ในการประชุมประจำเดือน เมื่อวันที่ ๑๐ มี.ค. ๖๖",
        "จัดทำสื่อแยกแยะผลประโยชน์ส่วนตัว และส่วนรวม ประชาสัมพันธ์แก่พนักงานทุกกองทราบแล้ว",
        "ก.พ. - มี.ค.๖๖",
        "รายงานผลการดำเนินการในการประชุมประจำเดือน เม.ย.๖๖",
        // measure 2
        "การปรับปรุงระบบการทำงานและเพิ่มประสิทธิภาพ",
        "จัดทำคู่มือของแต่ละงาน",
        "จัดทำคู่มือการให้บริการโดยระบุทั้งขั้นตอนและระยะเวลาที่ใช้ในแต่ละขั้นตอน",
        "จัดประชุมชี้แจงแนวทางการจัดทำคู่มือและคู่มือการให้บริการของหน่วยงาน ในการประชุมประจำเดือน เมื่อวันที่ ๑๐ มี.ค. ๖๖",
        "กองคลัง",
        "กองช่าง",
        "กองการศึกษา",
        "ก.พ.-มี.ค.๖๖",
        // measure 3
        "การเปิดเผยข้อมูลสาธารณะ",
        "แต่งตั้งคณะทำงาน",
        "ประชุมชี้แจงแนวทางการเปิดเผยข้อมูลให้ครบองค์ประกอบ",
        "รายงานตามห้วงเวลาที่กำหนด",
        "เปิดเผยข้อมูลครบถ้วนตามตัวชี้วัด",
        "ตอบตัวชี้วัดต่าง ๆ ตามระยะเวลาที่กำหนด",
        // the three instruments
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
        "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)",
    ];
    let missing: Vec<_> = facts.iter().filter(|f| !report.contains(*f)).collect();
    assert!(missing.is_empty(), "report lacks: {missing:#?}");
    // Numbered lists use Thai digits, as in the seed.
    assert!(report.contains(">๓.</span> รายงานตามห้วงเวลาที่กำหนด"));
    internal_links_resolve(&public);
}

// A small site builds every page type, keeps Thai in URLs, copies attachments and links correctly.
#[test]
fn minimal_site_builds_every_page_type() {
    let site = copy_site(&fixture("minimal"));
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("built 2 measures and 1 pages"),
        "{}",
        stderr(&out)
    );
    let p = site.path().join("public");
    for page in [
        "index.html",
        "404.html",
        "report/index.html",
        "measures/index.html",
        "measures/การใช้ทรัพย์สิน/index.html",
        "measures/eit-1/index.html",
        "assessment/index.html",
        "assessment/iit/index.html",
        "assessment/eit/index.html",
        "assessment/oit/index.html",
        "units/index.html",
        "units/สำนักปลัด/index.html",
        "units/กองคลัง/index.html",
        "years/2565/index.html",
        "years/2566/index.html",
        "contact/index.html",
        "static/style.css",
        "files/คู่มือ.pdf",
    ] {
        assert!(p.join(page).is_file(), "{page} missing");
    }
    let m = read(&p.join("measures/การใช้ทรัพย์สิน/index.html"));
    assert!(m.contains("๙๕.๖๐ คะแนน"), "score in Thai digits");
    assert!(m.contains("๑๐ มีนาคม พ.ศ. ๒๕๖๖"), "Thai date");
    assert!(
        m.contains(r#"<h2 id="ปัญหาและอุปสรรค">"#),
        "Thai heading anchor"
    );
    assert!(
        m.contains(r#"href="../../report/""#),
        "root link made relative"
    );
    assert!(m.contains("<div class=\"table-wrap\"><table>"));
    assert!(m.contains("O43"), "oit code normalised");
    assert!(m.contains(r#"href="../../files/คู่มือ.pdf""#));
    let unit = read(&p.join("units/สำนักปลัด/index.html"));
    assert!(
        unit.contains("การใช้ทรัพย์สินของราชการอย่างถูกต้อง") && unit.contains("การปรับปรุงคุณภาพการให้บริการ")
    );
    let eit = read(&p.join("assessment/eit/index.html"));
    assert!(
        eit.contains("การปรับปรุงคุณภาพการให้บริการ") && !eit.contains("การใช้ทรัพย์สินของราชการอย่างถูกต้อง")
    );
    let notfound = read(&p.join("404.html"));
    assert!(
        notfound.contains(r#"href="/ita/static/style.css""#),
        "404 links from base_url path"
    );
    internal_links_resolve(&p);
}

// Files saved by Windows Notepad (BOM, CRLF) build without a word.
#[test]
fn bom_and_crlf_files_build_silently() {
    let site = copy_site(&fixture("crlf-bom"));
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    let page = read(&site.path().join("public/measures/windows/index.html"));
    assert!(page.contains("มาตรการวินโดวส์") && page.contains("บันทึกจาก Notepad"));
}

// Every bad-input fixture fails with its message, and leaves the published site byte for byte as it was.
#[test]
fn bad_inputs_fail_with_their_message_and_leave_public_untouched() {
    let mut cases = 0;
    for entry in std::fs::read_dir(fixture("bad")).unwrap() {
        let case = entry.unwrap().path();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let site = copy_site(&case);
        // A previously published site.
        let public = site.path().join("public");
        std::fs::create_dir_all(public.join("measures/old")).unwrap();
        std::fs::write(public.join(".prongsai-build"), "x").unwrap();
        std::fs::write(public.join("index.html"), "the published site").unwrap();
        std::fs::write(public.join("measures/old/index.html"), "old page").unwrap();
        let before = snapshot(&public);
        let out = prongsai(&["build"], site.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: exit code\n{err}");
        for line in read(&case.join("expected.txt"))
            .lines()
            .filter(|l| !l.is_empty())
        {
            assert!(err.contains(line), "{name}: expected `{line}` in:\n{err}");
        }
        assert!(err.contains("left as it was"), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(snapshot(&public), before, "{name}: public/ changed");
        // check reports the same and writes nothing.
        let check = prongsai(&["check"], site.path());
        assert_eq!(check.status.code(), Some(1), "{name}: check exit code");
        cases += 1;
    }
    assert!(cases >= 20, "{cases} cases");
}

// Raw HTML in Markdown is escaped and reported as a warning with file:line; the build still succeeds.
#[test]
fn raw_html_is_a_warning_not_an_error() {
    let site = copy_site(&fixture("minimal"));
    let path = site.path().join("content/pages/contact.md");
    std::fs::write(
        &path,
        "---\ntitle: ติดต่อ\n---\n\nสวัสดี\n\n<script>alert(1)</script>\n",
    )
    .unwrap();
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("content/pages/contact.md:7:1"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("raw HTML is shown as text"),
        "{}",
        stderr(&out)
    );
    let html = read(&site.path().join("public/contact/index.html"));
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>alert"));
}

// Front-matter values are HTML-escaped in every template.
#[test]
fn front_matter_values_are_escaped() {
    let site = copy_site(&fixture("crlf-bom"));
    std::fs::write(
        site.path().join("content/measures/windows.md"),
        "---\ntitle: \"<img src=x onerror=alert(1)>\"\nassessment: OIT\nindicator: 9\nstatus: done\nresponsible: [\"<b>unit</b>\"]\n---\n",
    )
    .unwrap();
    let out = prongsai(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    for page in [
        "index.html",
        "measures/index.html",
        "measures/windows/index.html",
        "report/index.html",
    ] {
        let html = read(&site.path().join("public").join(page));
        assert!(
            !html.contains("<img src=x") && !html.contains("<b>unit</b>"),
            "{page} not escaped"
        );
    }
}

// A second build with no change rewrites no file, and a changed measure rewrites only what changed.
#[test]
fn rebuilds_write_only_what_changed() {
    let site = copy_site(&fixture("minimal"));
    for _ in 0..2 {
        assert!(
            prongsai(&["build", "--no-search"], site.path())
                .status
                .success()
        );
    }
    let out = prongsai(&["build", "--no-search"], site.path());
    assert!(
        stderr(&out).contains(" 0 written, 0 removed"),
        "{}",
        stderr(&out)
    );
    let path = site.path().join("content/measures/eit-1.md");
    std::fs::write(&path, read(&path).replace("ลดขั้นตอน", "ลดขั้นตอนการให้บริการ")).unwrap();
    // The measure's page, its year's report (years/2565/report/), measures.json and measures.csv
    // (which carry its methods); the search index, whose files change with every edit, is left
    // out of this count.
    let out = prongsai(&["build", "--no-search"], site.path());
    assert!(
        stderr(&out).contains(" 4 written, 0 removed"),
        "{}",
        stderr(&out)
    );
    assert!(
        read(&site.path().join("public/measures/eit-1/index.html")).contains("ลดขั้นตอนการให้บริการ")
    );
    std::fs::remove_file(&path).unwrap();
    let out = prongsai(&["build", "--no-search"], site.path());
    assert!(out.status.success());
    assert!(
        !site.path().join("public/measures/eit-1").exists(),
        "deleted measure's page is gone"
    );
}

// --out and --base-url work; a folder prongsai did not make is never replaced.
#[test]
fn out_folder_and_base_url_flags() {
    let site = copy_site(&fixture("minimal"));
    let out_dir = site.path().join("dist");
    let out = prongsai(
        &[
            "build",
            "--out",
            "dist",
            "--base-url",
            "https://other.go.th/x",
        ],
        site.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(&out_dir.join("404.html")).contains("href=\"/x/static/style.css\""));
    let docs = site.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("letter.txt"), "keep").unwrap();
    let out = prongsai(&["build", "--out", "docs"], site.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("was not made by prongsai"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(&docs.join("letter.txt")), "keep");
}

// An output folder inside the site's inputs (content/, static/, ...) is refused before anything
// is written, so the built site is never read back as content; a --base-url that is not a web
// address is refused too.
#[test]
fn output_inside_the_inputs_and_a_bad_base_url_are_refused() {
    let site = copy_site(&fixture("minimal"));
    for out_dir in ["content/public", "static/site", "./content/../content/x"] {
        let out = prongsai(&["build", "--out", out_dir], site.path());
        assert_eq!(out.status.code(), Some(1), "{out_dir}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("the output folder is inside"), "{err}");
        assert!(!site.path().join(out_dir).exists(), "{out_dir} was written");
    }
    let out = prongsai(&["build", "--base-url", "javascript:alert(1)"], site.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--base-url"), "{}", stderr(&out));
    assert!(!site.path().join("public").exists());
}

// check: 0 when clean, 1 with findings (JSON on request), 2 when it cannot run.
#[test]
fn check_exit_codes_and_json() {
    let site = copy_site(&fixture("minimal"));
    let out = prongsai(&["check"], site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!site.path().join("public").exists(), "check writes nothing");
    let bad = copy_site(&fixture("bad/many-errors"));
    let out = prongsai(&["check", "--format", "json"], bad.path());
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["file"], "content/measures/a.md");
    assert_eq!(items[0]["line"], 5);
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(prongsai(&["check"], empty.path()).status.code(), Some(2));
}

// Under Thai a finding prints in Thai: its message, the label under the caret and the word
// before its help, with the snippet as in English; so do findings without a snippet, and
// `check --format json` gives the same message and help.
#[test]
fn findings_print_in_thai_when_asked() {
    let bad = copy_site(&fixture("bad/unknown-status"));
    let out = prongsai(&["check", "--lang", "th"], bad.path());
    let err = stderr(&out);
    for line in [
        "× content/measures/a.md:5:9: ไม่รู้จักสถานะ `finished`",
        " 5 │ status: finished",
        "╰── ตรงนี้",
        "  วิธีแก้: เขียน done (ดำเนินการแล้ว), not_done (ยังไม่ดำเนินการ) หรือ in_progress",
    ] {
        assert!(err.contains(line), "expected `{line}` in:\n{err}");
    }
    assert!(!err.contains("help:") && !err.contains("here"), "{err}");
    let out = prongsai(&["check", "--lang", "th", "--format", "json"], bad.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["message"], "ไม่รู้จักสถานะ `finished`");
    assert!(json[0]["help"].as_str().unwrap().starts_with("เขียน done"));
    let stand_in = copy_site(&fixture("oit-2570"));
    let err = stderr(&prongsai(&["check", "--lang", "th"], stand_in.path()));
    assert!(
        err.contains("คำเตือน: site.yaml: prongsai ยังไม่มีรายการข้อ OIT ของปี 2570 จึงใช้รายการ ITA 2569 แทน\n  วิธีแก้: เมื่อ ป.ป.ช. ประกาศคู่มือ ITA ปี 2570"),
        "{err}"
    );
}

// Under a Thai locale every finding of every bad-input fixture is Thai, under `LANG=C` English:
// the same findings at the same places, each message and fix written anew, not passed through.
#[test]
fn every_bad_input_finding_is_thai_under_a_thai_locale_and_english_under_c() {
    // Text outside `code spans`: what the program wrote, not the key, value or file it quotes.
    fn own_words(s: &str) -> String {
        s.split('`').step_by(2).collect()
    }
    let thai = |s: &str| {
        own_words(s)
            .chars()
            .any(|c| ('\u{0E01}'..='\u{0E4E}').contains(&c))
    };
    let english = |s: &str| {
        let words = own_words(s);
        let mut latin = words.split_whitespace();
        latin.any(|w| w.len() > 2 && w.chars().all(|c| c.is_ascii_lowercase()))
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(fixture("bad")).unwrap() {
        let case = entry.unwrap().path();
        let site = copy_site(&case);
        let json = |lang| -> Vec<serde_json::Value> {
            let out = common::prongsai_in(
                common::NOW,
                lang,
                &["check", "--format", "json"],
                site.path(),
            );
            serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("{}: {e}", case.display()))
        };
        let (th, en) = (json("th_TH.UTF-8"), json("C"));
        assert_eq!(th.len(), en.len(), "{}", case.display());
        assert!(!th.is_empty(), "{}: no findings", case.display());
        for (t, e) in th.iter().zip(&en) {
            let at =
                |f: &serde_json::Value| (f["file"].clone(), f["line"].clone(), f["col"].clone());
            assert_eq!(at(t), at(e), "{}", case.display());
            for key in ["message", "help"] {
                let (t, e) = (t[key].as_str(), e[key].as_str());
                assert_eq!(
                    t.is_some(),
                    e.is_some(),
                    "{}: {key} in one language only",
                    case.display()
                );
                let (Some(t), Some(e)) = (t, e) else { continue };
                assert!(
                    thai(t) && t != e,
                    "{}: {key} is not Thai: {t}",
                    case.display()
                );
                assert!(english(e), "{}: {key} is not English: {e}", case.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "{checked} texts checked");
}

// Every command exits 2 with the same clear message in a folder without site.yaml, writing nothing
// there; a build whose files have an error, or new measure under a broken site.yaml, exits 1.
#[test]
fn a_folder_without_site_yaml_could_not_run_and_content_errors_exit_1() {
    let empty = tempfile::tempdir().unwrap();
    for args in [
        &["build"][..],
        &["check"],
        &["check", "--format", "json"],
        &["new", "measure", "การเปิดเผยข้อมูล"],
    ] {
        let out = prongsai(args, empty.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(
            err, "error: no site.yaml here; run in a site folder or pass --root DIR\n",
            "{args:?}"
        );
    }
    let out = prongsai(&["build", "--root", "elsewhere"], empty.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("error: no site.yaml in elsewhere; run in a site folder"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_dir(empty.path()).unwrap().count(),
        0,
        "nothing was created, least of all content/measures/"
    );
    let bad = copy_site(&fixture("bad/many-errors"));
    let out = prongsai(&["build"], bad.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("build failed: "), "{}", stderr(&out));
    // A site.yaml with an error gives new measure no fiscal year to copy: it says so and writes nothing.
    let bad = copy_site(&fixture("bad/bad-site-yaml"));
    let out = prongsai(&["new", "measure", "x"], bad.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("site.yaml:3:1"), "{}", stderr(&out));
    assert!(!bad.path().join("content/measures/measure-1.md").exists());
}

// init makes a site that builds; new measure adds a file that builds once filled in.
#[test]
fn init_and_new_measure_make_buildable_files() {
    let dir = tempfile::tempdir().unwrap();
    // 1 March 2025: fiscal year 2568, whose OIT criteria ship.
    let out = common::prongsai_at(1_740_794_400, &["init", "site"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let root = dir.path().join("site");
    assert!(read(&root.join("HOWTO.md")).contains("วิธีใช้"));
    assert!(read(&root.join("HOWTO.md")).contains("prongsai new year 2569"));
    let out = prongsai(&["build"], &root);
    assert!(out.status.success(), "init's site builds: {}", stderr(&out));
    let out = prongsai(&["new", "measure", "การเปิดเผยข้อมูล"], &root);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = root.join("content/measures/measure-2.md");
    let new = read(&path);
    for key in measure_keys() {
        assert!(new.contains(&format!("\n{key}:")), "template lacks {key}");
    }
    let filled = new
        .replace("\nassessment: ", "\nassessment: OIT")
        .replace("\nindicator: ", "\nindicator: 9");
    std::fs::write(&path, filled).unwrap();
    let out = prongsai(&["build"], &root);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(&root.join("public/measures/measure-2/index.html")).contains("การเปิดเผยข้อมูล"));
    // The commented example in disclosures.yaml is valid once the clerk removes the `# `.
    let disclosures = root.join("content/disclosures.yaml");
    let uncommented: String = read(&disclosures)
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.starts_with("O1:") || rest.starts_with("  ") => format!("{rest}\n"),
            _ => format!("{l}\n"),
        })
        .collect();
    std::fs::write(&disclosures, uncommented).unwrap();
    let out = prongsai(&["build"], &root);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(&root.join("public/oit/o1/index.html")).contains("แผนผังโครงสร้างองค์กร"));
    assert_eq!(
        prongsai(&["init", "site"], dir.path()).status.code(),
        Some(2),
        "init refuses a non-empty folder"
    );
}

fn measure_keys() -> &'static [&'static str] {
    prongsai::measure::MEASURE_KEYS
}

// init writes the fiscal year of the day it runs in Thailand (UTC+7): the last second of
// 30 September 2026 there is 2569, the first of 1 October 2570, though both are 30 September in UTC.
#[test]
fn init_writes_the_fiscal_year_of_today_in_thailand() {
    let dir = tempfile::tempdir().unwrap();
    for (now, year) in [(1_790_787_599, 2569), (common::NOW, 2570)] {
        let name = year.to_string();
        let out = common::prongsai_at(now, &["init", &name], dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        let site = dir.path().join(&name);
        assert!(
            read(&site.join("site.yaml")).contains(&format!("\nfiscal_year: {year} ")),
            "{year}"
        );
        let example = read(&site.join("content/measures/measure-1.md"));
        assert!(
            example.contains(&format!("\nfiscal_year: {year} ")),
            "{example}"
        );
    }
    // A SOURCE_DATE_EPOCH that is not a number stops init before it writes anything.
    let out = common::prongsai_at(0, &["init", "x"], dir.path());
    assert!(
        out.status.success(),
        "1 January 1970 is a date: {}",
        stderr(&out)
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(["init", "y"])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("SOURCE_DATE_EPOCH is `yesterday`"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("y").exists());
}

/// The 1-based line of `text` that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines().position(|l| l.starts_with(prefix)).unwrap() + 1
}

// new measure writes site.yaml's fiscal year and no made-up value: every key only the clerk can
// fill in is written empty, and check names each at its line, an error for a required key.
#[test]
fn new_measure_makes_up_nothing_and_check_names_each_empty_key() {
    let site = copy_site(&fixture("minimal"));
    let out = prongsai(
        &["new", "measure", "การเปิดเผยข้อมูล", "--name", "new"],
        site.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = read(&site.path().join("content/measures/new.md"));
    assert!(
        text.contains("\nfiscal_year: 2566 "),
        "site.yaml's year:\n{text}"
    );
    assert!(text.contains("\nstatus: not_done "), "{text}");
    let empty = [
        "assessment",
        "indicator",
        "score",
        "methods",
        "results",
        "responsible",
        "period",
        "follow_up",
        "oit",
        "date",
        "attachments",
    ];
    let out = prongsai(&["check"], site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for key in empty {
        let line = text
            .lines()
            .nth(line_of(&text, &format!("{key}:")) - 1)
            .unwrap();
        let value = line[key.len() + 1..].split('#').next().unwrap();
        assert!(value.trim().is_empty(), "`{key}` holds `{value}`");
        let mark = if ["assessment", "indicator"].contains(&key) {
            "×"
        } else {
            "⚠"
        };
        let at = format!(
            "{mark} content/measures/new.md:{}:1: `{key}` is not filled in",
            line_of(&text, &format!("{key}:"))
        );
        assert!(err.contains(&at), "expected `{at}` in:\n{err}");
    }
    assert!(err.contains("2 errors"), "{err}");
}

/// A copy of the example site moved to fiscal year 2569 (site.yaml and every measure), with one
/// measure file named for its year and one measure of 2568 that must not be carried over.
fn example_site_in_2569() -> tempfile::TempDir {
    let site = copy_site(Path::new(env!("CARGO_MANIFEST_DIR")));
    let to_2569 = |rel: &str| {
        let path = site.path().join(rel);
        std::fs::write(
            &path,
            read(&path)
                .replace("fiscal_year: 2566", "fiscal_year: 2569")
                // O43 (measures) of ITA 2566 is O26 in 2569's list.
                .replace("oit: [O43]", "oit: [O26]"),
        )
        .unwrap();
    };
    to_2569("site.yaml");
    for m in [
        "eit-work-system",
        "iit-public-private-interest",
        "oit-open-data",
    ] {
        to_2569(&format!("content/measures/{m}.md"));
    }
    let measures = site.path().join("content/measures");
    std::fs::rename(
        measures.join("oit-open-data.md"),
        measures.join("oit-open-data-2569.md"),
    )
    .unwrap();
    std::fs::write(
        measures.join("old-2568.md"),
        "---\ntitle: มาตรการเก่า\nfiscal_year: 2568\nassessment: IIT\nindicator: 1\nstatus: done\n---\n",
    )
    .unwrap();
    site
}

// new year 2570 sets site.yaml's fiscal_year and nothing else in it, writes one draft of 2570 per
// measure of 2569 (same plan, not_done, the rest empty, no body), leaves every other file byte for
// byte as it was, and the site then builds.
#[test]
fn new_year_carries_last_years_measures_over_as_drafts_and_changes_nothing_else() {
    let site = example_site_in_2569();
    let before = snapshot(site.path());
    let out = prongsai(&["new", "year", "2570"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("site.yaml: fiscal_year 2569 -> 2570"),
        "{said}"
    );
    assert!(
        said.contains("carried 3 measure(s) of 2569 over as drafts of 2570"),
        "{said}"
    );
    let mut after = snapshot(site.path());
    let config = after.remove(Path::new("site.yaml")).unwrap();
    let old_config = String::from_utf8(before[Path::new("site.yaml")].clone()).unwrap();
    assert_eq!(
        String::from_utf8(config).unwrap(),
        old_config.replace("\nfiscal_year: 2569\n", "\nfiscal_year: 2570\n"),
        "only the fiscal_year line changes"
    );
    let drafts: Vec<_> = [
        "eit-work-system",
        "iit-public-private-interest",
        "oit-open-data",
    ]
    .map(|m| format!("content/measures/{m}-2570.md"))
    .into_iter()
    .map(|rel| {
        let text = String::from_utf8(after.remove(Path::new(&rel)).expect(&rel)).unwrap();
        assert!(said.contains(&rel), "{rel} not named in:\n{said}");
        (rel, text)
    })
    .collect();
    let unchanged: std::collections::BTreeMap<_, _> = before
        .into_iter()
        .filter(|(p, _)| p != Path::new("site.yaml"))
        .collect();
    assert_eq!(
        after, unchanged,
        "every file of 2569 and before is byte for byte as it was"
    );
    for (rel, text) in &drafts {
        let (front, body) = text[4..].split_once("\n---\n").unwrap();
        assert_eq!(body, "", "{rel}: the body is left empty");
        let draft: serde_yaml::Value = serde_yaml::from_str(front).unwrap();
        let old_rel = rel
            .replace("-2570", "")
            .replace("oit-open-data", "oit-open-data-2569");
        let old_text = read(&site.path().join(&old_rel));
        let old: serde_yaml::Value =
            serde_yaml::from_str(old_text[4..].split_once("\n---\n").unwrap().0).unwrap();
        assert_eq!(draft["fiscal_year"], 2570, "{rel}");
        assert_eq!(draft["status"], "not_done", "{rel}");
        for key in [
            "title",
            "assessment",
            "indicator",
            "methods",
            "responsible",
            "follow_up",
        ] {
            assert_eq!(draft[key], old[key], "{rel}: {key}");
        }
        assert_eq!(draft["target"].as_f64(), Some(85.0), "{rel}");
        for key in ["results", "score", "period", "date", "oit", "attachments"] {
            assert!(draft[key].is_null(), "{rel}: `{key}` is {:?}", draft[key]);
        }
    }
    let out = prongsai(&["build"], site.path());
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("built 7 measures"), "{err}");
    assert!(
        err.contains("content/measures/oit-open-data-2570.md:8:1: `score` is not filled in"),
        "{err}"
    );
    let draft = read(
        &site
            .path()
            .join("public/measures/iit-public-private-interest-2570/index.html"),
    );
    assert!(draft.contains("การสร้างฐานความคิดการแยกแยะประโยชน์ส่วนตัวและประโยชน์ส่วนรวม"));
    // Once in 2570, a second run is refused, and so is a year that skips one.
    for (year, says) in [
        ("2570", "already at fiscal year 2570"),
        ("2572", "2572 skips 2571"),
    ] {
        let out = prongsai(&["new", "year", year], site.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
    }
}

// new year refuses, writing nothing, when a measure of the current year takes its year from
// site.yaml (changing site.yaml would move it into the new year); --no-carry only sets the year,
// and --force may skip years.
#[test]
fn new_year_refuses_to_move_a_measure_silently_and_can_skip_carrying() {
    let site = copy_site(&fixture("minimal"));
    let before = snapshot(site.path());
    let out = prongsai(&["new", "year", "2567"], site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/measures/การใช้ทรัพย์สิน.md: this measure takes its fiscal year from site.yaml (2566)"),
        "{err}"
    );
    assert!(
        err.contains("add `fiscal_year: 2566` under `title:`"),
        "{err}"
    );
    assert_eq!(snapshot(site.path()), before, "nothing was written");
    let site = example_site_in_2569();
    let out = prongsai(
        &["new", "year", "2572", "--no-carry", "--force"],
        site.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no measure of 2569 was carried over"));
    assert!(read(&site.path().join("site.yaml")).contains("\nfiscal_year: 2572\n"));
    assert!(
        !site
            .path()
            .join("content/measures/eit-work-system-2572.md")
            .exists()
    );
}

// Every command has --help.
#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--help"][..],
        &["build", "--help"],
        &["check", "--help"],
        &["init", "--help"],
        &["new", "measure", "--help"],
        &["new", "year", "--help"],
    ] {
        let out = prongsai(args, dir.path());
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage: prongsai"),
            "{args:?}"
        );
    }
}

// The open data files are published beside the pages: CSV with a BOM and Thai, JSON with every
// field, the schema, a Thai Atom feed, the sitemap and robots.txt; the search index and page too.
#[test]
fn open_data_feeds_and_search_are_published() {
    let site = copy_site(&fixture("minimal"));
    let o = prongsai(&["build"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let public = site.path().join("public");
    let csv = std::fs::read(public.join("measures.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}url,slug,title,".as_bytes()));
    let csv = String::from_utf8(csv).unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains("https://example.go.th/ita/measures/"), "{csv}");
    let json: serde_json::Value =
        serde_json::from_str(&read(&public.join("measures.json"))).unwrap();
    let first = &json.as_array().unwrap()[0];
    for key in [
        "url",
        "title",
        "fiscal_year",
        "assessment",
        "indicator",
        "status",
        "responsible",
        "oit",
        "body_html",
    ] {
        assert!(
            first.get(key).is_some(),
            "measures.json lacks `{key}`: {first}"
        );
    }
    let schema: serde_json::Value =
        serde_json::from_str(&read(&public.join("measures.schema.json"))).unwrap();
    assert_eq!(schema["type"], "object");
    let atom = read(&public.join("atom.xml"));
    assert!(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"th\">"));
    assert_eq!(atom.matches("<entry>").count(), 3, "{atom}");
    assert!(read(&public.join("sitemap.xml")).contains("<loc>https://example.go.th/ita/measures/"));
    assert!(
        read(&public.join("robots.txt")).contains("Sitemap: https://example.go.th/ita/sitemap.xml")
    );
    let home = read(&public.join("index.html"));
    assert!(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    assert!(home.contains("<meta property=\"og:description\""));
    assert!(home.contains("action=\"search/\""));
    assert!(public.join("search/index.html").is_file());
    assert!(public.join("static/search.js").is_file());
    let manifest = read(&public.join("search-index/index.json"));
    assert!(manifest.contains("\"pages\":3"), "{manifest}");
}

// `build --no-search` publishes the site without the index.
#[test]
fn no_search_flag_skips_the_index() {
    let site = copy_site(&fixture("minimal"));
    let o = prongsai(&["build", "--no-search"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!site.path().join("public/search-index").exists());
    assert!(site.path().join("public/search/index.html").is_file());
}

// A site of 60 measures: the feed holds the newest 50, newest first (a feed reader wants what
// changed, not the archive), and measures.json holds all 60, one record a line, and parses.
#[test]
fn feed_holds_the_newest_fifty_and_open_data_all() {
    let site = copy_site(&fixture("minimal"));
    let dir = site.path().join("content/measures");
    for n in 1..=60 {
        let text = format!(
            "---\ntitle: มาตรการที่ {n}\nfiscal_year: 2566\nassessment: IIT\nindicator: 1\n\
             responsible: [สำนักปลัด]\nstatus: done\ndate: 2023-{:02}-{:02}\n---\n",
            1 + n % 12,
            1 + n % 28
        );
        std::fs::write(dir.join(format!("m{n:02}.md")), text).unwrap();
    }
    let o = prongsai(&["build", "--no-search"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let public = site.path().join("public");
    let atom = read(&public.join("atom.xml"));
    let updated: Vec<&str> = atom
        .split("<entry>")
        .skip(1)
        .map(|e| {
            e.split("<updated>")
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(updated.len(), 50, "{atom}");
    assert!(updated.windows(2).all(|w| w[0] >= w[1]), "{updated:?}");
    // The 12 measures left out are all older than the oldest kept.
    let oldest = *updated.last().unwrap();
    let json = read(&public.join("measures.json"));
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(records.len(), 62);
    let dates: Vec<&str> = records.iter().filter_map(|r| r["date"].as_str()).collect();
    assert_eq!(dates.len(), 62);
    let newer = dates.iter().filter(|d| **d > &oldest[..10]).count();
    let as_new = dates.iter().filter(|d| **d >= &oldest[..10]).count();
    assert!(
        newer < 50 && as_new >= 50,
        "{newer} newer, {as_new} as new as {oldest}"
    );
    assert_eq!(json.lines().count(), 62 + 2, "one record a line:\n{json}");
}

/// The `<loc>` addresses of a built sitemap, relative to `base`.
fn sitemap_paths(public: &Path, base: &str) -> std::collections::BTreeSet<String> {
    let xml = read(&public.join("sitemap.xml"));
    xml.split("<loc>")
        .skip(1)
        .map(|s| {
            let url = &s[..s.find("</loc>").unwrap()];
            url.strip_prefix(base)
                .unwrap_or_else(|| panic!("{url} is outside {base}"))
                .to_string()
        })
        .collect()
}

/// The folder of every `index.html` under `public/`, as a site address (`units/a/`, `` for home).
fn built_pages(public: &Path) -> std::collections::BTreeSet<String> {
    walkdir::WalkDir::new(public)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() == "index.html")
        .map(|e| {
            let rel = e.path().parent().unwrap().strip_prefix(public).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            if rel.is_empty() {
                rel
            } else {
                format!("{rel}/")
            }
        })
        .collect()
}

// The sitemap lists exactly the HTML pages the build makes: the OIT checklist and every item
// page, each unit's and each year's list included (it once left out all of those).
#[test]
fn sitemap_lists_every_page_the_build_makes() {
    let example = copy_site(Path::new(env!("CARGO_MANIFEST_DIR")));
    let sites = [
        (example, "https://suanmon.example.go.th/ita/", "oit/o43/"),
        (
            copy_site(&fixture("oit-scores")),
            "https://example.go.th/ita/",
            "oit/o1/",
        ),
        (
            copy_site(&fixture("minimal")),
            "https://example.go.th/ita/",
            "years/2565/",
        ),
    ];
    for (site, base, must) in sites {
        let out = prongsai(&["build", "--no-search"], site.path());
        assert!(out.status.success(), "{}", stderr(&out));
        let public = site.path().join("public");
        let listed = sitemap_paths(&public, base);
        assert_eq!(listed, built_pages(&public));
        for page in ["", "oit/", "units/", "search/", must] {
            assert!(
                listed.contains(page),
                "{page} is not in the sitemap of {base}"
            );
        }
        assert!(!listed.iter().any(|p| p.contains("404")));
    }
}

// Evidence may point at any page or file the build makes: a unit's list, the search page, an
// OIT item page, the open data (each was once "points to nothing the build makes").
#[test]
fn evidence_may_point_at_any_page_or_file_the_build_makes() {
    let site = copy_site(&fixture("minimal"));
    std::fs::write(
        site.path().join("content/disclosures.yaml"),
        "O1:\n  - url: units/สำนักปลัด/\n    title: หน่วยงาน\nO2:\n  - url: search/\n    title: ค้นหา\nO3:\n  - url: oit/o2/\n    title: ข้อ O2\nO4:\n  - url: measures.json\n    title: ข้อมูลเปิด\n  - url: years/2565/\n    title: ปี ๒๕๖๕\n",
    )
    .unwrap();
    let out = prongsai(&["check"], site.path());
    let err = stderr(&out);
    assert!(!err.contains("points to nothing"), "{err}");
    assert!(out.status.success(), "{err}");
    std::fs::write(
        site.path().join("content/disclosures.yaml"),
        "O1:\n  - url: units/ไม่มีหน่วยนี้/\n    title: หน่วยงาน\n",
    )
    .unwrap();
    let err = stderr(&prongsai(&["check"], site.path()));
    assert!(
        err.contains("points to nothing"),
        "a page the build does not make is still refused: {err}"
    );
}

// The home chart's pass line is the measures' own target: one line where all share it, a mark
// on each bar where they differ (it was a fixed 85 while bars were coloured by their target).
#[test]
fn home_chart_marks_the_targets_the_bars_are_coloured_by() {
    let site = copy_site(&fixture("minimal"));
    let measure = site.path().join("content/measures/การใช้ทรัพย์สิน.md");
    let text = read(&measure).replace("score: \"๙๕.๖๐\"", "score: 82\ntarget: 80");
    std::fs::write(&measure, &text).unwrap();
    let out = prongsai(&["build", "--no-search"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let home = read(&site.path().join("public/index.html"));
    // 62 + 80 * 2.6: the line at 80, not at 85 (283).
    assert!(home.contains("<line x1=\"270.0\""), "{home}");
    assert!(home.contains("เกณฑ์ ๘๐"), "{home}");
    assert!(
        !home.contains("๘๕"),
        "no 85 anywhere on a home page whose target is 80"
    );
    assert!(home.contains("chart-pass"));
    // A second indicator of the year with the usual target: each bar marks its own.
    std::fs::write(
        site.path().join("content/measures/iit-2.md"),
        "---\ntitle: ข\nassessment: IIT\nindicator: 2\nscore: 84\nstatus: done\n---\n",
    )
    .unwrap();
    let out = prongsai(&["build", "--no-search"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let home = read(&site.path().join("public/index.html"));
    assert!(home.contains("เกณฑ์ของแต่ละตัวชี้วัด"), "{home}");
    assert!(
        home.contains("x1=\"283.0\"") && home.contains("x1=\"270.0\""),
        "{home}"
    );
    assert!(home.contains("chart-fail"), "84 is below its target of 85");
}

/// The pages under `dir` (a folder of a built site) with their bytes.
fn pages_under(
    public: &Path,
    dir: &str,
) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    snapshot(&public.join(dir))
}

// A site holding four fiscal years (2566-2569) publishes each year apart: its own report, OIT
// checklist (scored against that year's list: 43, 43, 28 and 26 items) and list, each page holding
// only that year's measures; the home page counts the current year only and switches years.
#[test]
fn a_site_of_four_years_publishes_each_year_apart() {
    let site = copy_site(&fixture("four-years"));
    let out = prongsai(&["build", "--no-search"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let titles = |year: &str| -> Vec<&'static str> {
        match year {
            "2566" => vec!["มาตรการเผยแพร่ข้อมูลต่อสาธารณะ ปี ๒๕๖๖"],
            "2567" => vec![
                "มาตรการป้องกันการรับสินบน ปี ๒๕๖๗",
                "มาตรการลดขั้นตอนการให้บริการ ปี ๒๕๖๗",
            ],
            "2568" => vec![
                "มาตรการป้องกันผลประโยชน์ทับซ้อน ปี ๒๕๖๘",
                "มาตรการเปิดเผยข้อมูลสาธารณะ ปี ๒๕๖๘",
            ],
            _ => vec![
                "มาตรการส่งเสริมการใช้ทรัพย์สินของราชการ ปี ๒๕๖๙",
                "มาตรการปรับปรุงระบบการทำงาน ปี ๒๕๖๙",
            ],
        }
    };
    for (year, items) in [("2566", 43), ("2567", 43), ("2568", 28), ("2569", 26)] {
        for page in [
            format!("years/{year}/report/index.html"),
            format!("years/{year}/index.html"),
        ] {
            let html = read(&public.join(&page));
            for other in ["2566", "2567", "2568", "2569"] {
                for t in titles(other) {
                    assert_eq!(html.contains(t), other == year, "{page}: {t}");
                }
            }
        }
        let list: serde_json::Value = serde_json::from_str(&read(
            &public.join(format!("years/{year}/oit/ita-{year}.json")),
        ))
        .unwrap();
        assert_eq!(list["year"], year.parse::<i32>().unwrap());
        assert_eq!(list["total"], items, "{year}");
        assert!(
            public
                .join(format!("years/{year}/oit/o1/index.html"))
                .is_file()
        );
    }
    // Each year's checklist counts that year's measures only: O43 (2567's measure) in 2567,
    // O27 (2568's) in 2568, O25 (2569's) in 2569; the undated page (O1) in every year.
    let item = |year: &str, code: &str| -> String {
        let list: serde_json::Value = serde_json::from_str(&read(
            &public.join(format!("years/{year}/oit/ita-{year}.json")),
        ))
        .unwrap();
        let items: Vec<serde_json::Value> = list["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|i| i["sub_indicators"].as_array().unwrap().clone())
            .flat_map(|s| s["items"].as_array().unwrap().clone())
            .collect();
        let it = items.iter().find(|i| i["code"] == code).unwrap();
        it["status"].as_str().unwrap().to_string()
    };
    assert_eq!(item("2567", "O43"), "disclosed");
    assert_eq!(item("2568", "O27"), "disclosed");
    assert_eq!(item("2569", "O25"), "disclosed");
    assert_eq!(
        item("2568", "O25"),
        "missing",
        "2569's measure is not 2568's evidence"
    );
    assert_eq!(item("2566", "O42"), "disclosed");
    for year in ["2566", "2567", "2568", "2569"] {
        assert_eq!(item(year, "O1"), "disclosed", "{year}");
    }
    // The current year keeps the short addresses, the same report as its own address.
    let report = read(&public.join("report/index.html"));
    assert!(report.contains("ประจำปีงบประมาณ ๒๕๖๙"));
    assert!(!report.contains(titles("2568")[0]));
    let home = read(&public.join("index.html"));
    assert!(
        home.contains("มาตรการประจำปีงบประมาณ พ.ศ. ๒๕๖๙ จำนวน ๒ มาตรการ"),
        "home counts 2569 only"
    );
    for y in ["2566", "2567", "2568", "2569"] {
        assert!(
            home.contains(&format!("href=\"years/{y}/\"")),
            "home switches to {y}"
        );
    }
    // One 2569 measure with a score: the chart shows it, not the older years' scores.
    assert!(home.contains("95.60") || home.contains("๙๕.๖๐"));
    assert!(
        !home.contains("๘๘.๐๐") && !home.contains("๙๑.๒๐"),
        "older years' scores are not charted"
    );
    let years = read(&public.join("years/index.html"));
    for y in ["๒๕๖๖", "๒๕๖๗", "๒๕๖๘", "๒๕๖๙"] {
        assert!(years.contains(&format!("ปีงบประมาณ พ.ศ. {y}")), "{y}");
    }
    let sitemap = read(&public.join("sitemap.xml"));
    assert!(sitemap.contains("ita/years/2567/oit/o43/</loc>"));
    assert!(sitemap.contains("ita/years/2568/report/</loc>"));
    assert!(internal_links_resolve(&public) > 100);
}

// Starting a new year leaves every page of the old years byte for byte as it was: their
// reports, checklists, item pages, lists and measures.
#[test]
fn old_years_pages_stay_the_same_when_a_new_year_starts() {
    let site = copy_site(&fixture("four-years"));
    assert!(
        prongsai(&["build", "--no-search"], site.path())
            .status
            .success()
    );
    let public = site.path().join("public");
    let old: Vec<_> = [
        "years/2566",
        "years/2567",
        "years/2568",
        "years/2569",
        "measures",
    ]
    .iter()
    .map(|d| pages_under(&public, d))
    .collect();
    assert!(old[0].len() > 40, "2566's checklist pages are there");
    let out = prongsai(&["new", "year", "2570"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let out = prongsai(&["build", "--no-search"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    for (dir, before) in ["years/2566", "years/2567", "years/2568", "years/2569"]
        .iter()
        .zip(&old)
    {
        assert_eq!(&pages_under(&public, dir), before, "{dir} changed");
    }
    let measures = pages_under(&public, "measures");
    for (path, bytes) in &old[4] {
        if path.starts_with("index.html") {
            continue; // the list of every measure gains the drafts
        }
        assert_eq!(
            measures.get(path),
            Some(bytes),
            "measures/{}",
            path.display()
        );
    }
    // The new year has its pages, and is the current one.
    assert!(public.join("years/2570/oit/index.html").is_file());
    assert!(read(&public.join("report/index.html")).contains("ประจำปีงบประมาณ ๒๕๗๐"));
}
