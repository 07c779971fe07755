//! The security fixture: a site whose every value is markup, script URLs and template syntax
//! (`tests/fixtures/security/`). The built HTML must hold none of it as live markup: no script,
//! no event attribute, no `javascript:` link, no template evaluated, and the Content-Security-
//! Policy of the theme on every page, which the theme satisfies with no inline script or style.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use prongsai::escape::Live;

use common::copy_dir;

/// The fixture in a temp dir, with file names that try to break out of an attribute (`<`, `>`
/// and `"` are refused as names Windows cannot hold: see `markup_in_file_names_is_refused`).
fn attack_site() -> tempfile::TempDir {
    attack_site_named(
        "img src=x onerror=alert(1)' x='",
        "' onload='alert(1)&amp;",
        "x' onerror='alert(1)&.pdf",
    )
}

/// The fixture in a temp dir with its measure, page and attachment given these names.
fn attack_site_named(measure: &str, page: &str, file: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/security");
    copy_dir(&fixture, dir.path());
    let content = dir.path().join("content");
    let text = std::fs::read_to_string(content.join("measures/attack.md")).unwrap();
    std::fs::remove_file(content.join("measures/attack.md")).unwrap();
    std::fs::write(
        content.join(format!("measures/{measure}.md")),
        text.replace(ATTACHMENT, file),
    )
    .unwrap();
    std::fs::rename(
        content.join("pages/attack.md"),
        content.join(format!("pages/{page}.md")),
    )
    .unwrap();
    std::fs::create_dir_all(content.join("files")).unwrap();
    std::fs::write(content.join("files").join(file), "%PDF-1.7\n").unwrap();
    dir
}

/// The attachment's name as the fixture's measure lists it.
const ATTACHMENT: &str = "<x onerror=alert(1)>.pdf";

fn build(root: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .arg("build")
        .current_dir(root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn html_files(dir: &Path) -> Vec<(PathBuf, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.path().strip_prefix(dir).unwrap().to_path_buf(), text)
        })
        .collect()
}

/// Problems in one page: everything live but the theme's own scripts (from its static folder),
/// search forms, chart (`<svg>`), style sheet and meta tags.
fn unsafe_markup(html: &str) -> Vec<String> {
    prongsai::escape::live_markup(html)
        .into_iter()
        .filter(|l| match l {
            Live::Tag { name, tag } => match name.as_str() {
                "script" => !(tag.contains(" src=\"") && tag.contains("static/")),
                "form" => !tag.contains("role=\"search\""),
                "svg" | "meta" | "link" => false,
                _ => true,
            },
            _ => true,
        })
        .map(|l| l.to_string())
        .collect()
}

// Every value of the attack site comes out as text: no live markup, no script link, no template
// evaluated, and every page carries the CSP the theme satisfies.
#[test]
fn attack_site_builds_to_inert_html_under_a_csp() {
    let site = attack_site();
    let (ok, err) = build(site.path());
    assert!(ok, "{err}");
    assert!(err.contains("raw HTML is shown as text"), "{err}");
    assert!(err.contains("this link's address is not allowed"), "{err}");
    let public = site.path().join("public");
    let pages = html_files(&public);
    assert!(pages.len() >= 10, "{} pages", pages.len());
    let csp = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self';"#;
    for (rel, html) in &pages {
        let bad = unsafe_markup(html);
        assert!(bad.is_empty(), "{}: {bad:?}", rel.display());
        assert!(html.contains(csp), "{}: no CSP", rel.display());
        assert!(
            !html.contains("looplooploop"),
            "{}: template ran",
            rel.display()
        );
    }
    other_outputs_are_inert(&public);
    let measure = pages
        .iter()
        .find(|(p, _)| p.starts_with("measures/img-srcx-onerroralert1-x"))
        .map(|(_, h)| h.as_str())
        .expect("the measure page, at an address without quotes or =");
    // Template syntax in values and bodies is printed, not run.
    assert!(measure.contains("{{ 7*7 }} ก.พ."), "period");
    assert!(
        measure.contains("{{ site.name }} {% raw %}x{% endraw %}"),
        "method"
    );
    assert!(
        measure.contains("{{ 7*7 }} {% if true %}template{% endif %}"),
        "body"
    );
    assert!(measure.contains("&lt;script&gt;alert(&#39;measure&#39;)&lt;/script&gt;"));
    // The attachment's odd name is escaped in its link, and the file is there.
    assert!(
        measure.contains(r#"href="../../files/x&#39;%20onerror=&#39;alert(1)&amp;.pdf""#),
        "attachment link"
    );
    assert!(public.join("files/x' onerror='alert(1)&.pdf").is_file());
}

// File names holding markup (`<`, `>`, `"`) never reach a page: Windows cannot hold them, so each
// is an error at its file and nothing is written.
#[test]
fn markup_in_file_names_is_refused() {
    let site = attack_site_named(
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        ATTACHMENT,
    );
    let (ok, err) = build(site.path());
    assert!(!ok, "{err}");
    for (file, c) in [
        ("content/measures/<img src=x onerror=alert(1)>.md", '<'),
        ("content/pages/\"><svg onload=alert(1)>.md", '"'),
        ("content/files/<x onerror=alert(1)>.pdf", '<'),
    ] {
        assert!(
            err.contains(&format!("{file}: the name holds `{c}`")),
            "{file}: {err}"
        );
    }
    assert!(!site.path().join("public").exists());
}

/// JSON, CSV and XML outputs (search index, exports, sitemap, as the site grows) hold the same
/// values: JSON must parse, XML must have no live markup, no CSV cell may start a formula.
fn other_outputs_are_inert(public: &Path) {
    for e in walkdir::WalkDir::new(public) {
        let e = e.unwrap();
        let ext = e.path().extension().and_then(|x| x.to_str()).unwrap_or("");
        if !["json", "csv", "xml"].contains(&ext) {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        let at = e.path().display();
        match ext {
            "json" => {
                serde_json::from_str::<serde_json::Value>(&text)
                    .unwrap_or_else(|err| panic!("{at}: not JSON: {err}"));
            }
            "xml" => assert!(unsafe_markup(&text).is_empty(), "{at}: live markup"),
            _ => {
                for line in text.lines() {
                    for cell in line.split(',') {
                        let cell = cell.trim().trim_start_matches('"');
                        assert!(
                            !cell.starts_with(['=', '+', '-', '@']),
                            "{at}: formula cell {cell}"
                        );
                    }
                }
            }
        }
    }
}

// The theme needs no inline script or style, so its CSP can forbid both.
#[test]
fn theme_templates_have_no_inline_script_or_style() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap().to_ascii_lowercase();
        // A script element must load a file: `<script ... src=...>`.
        for script in text.split("<script").skip(1) {
            let tag = &script[..script.find('>').unwrap_or(script.len())];
            assert!(tag.contains(" src="), "{}: inline <script", path.display());
        }
        for bad in ["<style", " style=", " onclick=", " onload=", "javascript:"] {
            assert!(!text.contains(bad), "{}: {bad}", path.display());
        }
    }
}

// Contact links in site.yaml must be web addresses: a `javascript:` one is refused with its key.
#[test]
fn script_url_in_site_yaml_is_refused() {
    let site = attack_site();
    let yaml = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        format!("{text}  facebook: \"javascript:alert('fb')\"\n"),
    )
    .unwrap();
    let (ok, err) = build(site.path());
    assert!(!ok);
    assert!(
        err.contains("contact facebook `javascript:alert('fb')` is not a web address"),
        "{err}"
    );
}

// The checker itself finds live markup, so a clean result above means something.
#[test]
fn the_checker_sees_live_markup() {
    assert!(!unsafe_markup(r#"<p><img src=x onerror="alert(1)"></p>"#).is_empty());
    assert!(!unsafe_markup(r#"<a href=" javascript:alert(1)">x</a>"#).is_empty());
    assert!(!unsafe_markup("<script>alert(1)</script>").is_empty());
    assert!(
        unsafe_markup(
            r#"<p>&lt;script&gt; onerror=x</p><a title="a onerror=b" href="../x/">x</a>"#
        )
        .is_empty()
    );
}
