//! The built site in a real browser: `tests/fixtures/thai-search` (47 Thai measures) is built by the
//! real binary, served under the sub-path `/ita/` by a small static server in this process, and
//! `node tests/browser/run.mjs` drives headless Chromium over it: the Thai search quality queries
//! (`tests/browser/queries.json`), axe-core and the Nu HTML Checker on every page type, 375 px
//! without sideways scrolling, the report printed to an A4 landscape PDF, and a crawl for broken
//! links. What node prints is passed through; its exit status is the test's.
//!
//! Needs node, chromium, Java and pdftotext, and `npm ci` in tests/browser; `.ci/run` installs them.
//! When one is missing the test fails and says how to install it: it never passes silently.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

const PREFIX: &str = "/ita/";
const INSTALL: &str = "apt-get install -y chromium default-jre-headless poppler-utils nodejs npm \
                       && (cd tests/browser && npm ci)   # or run .ci/run, which does both";

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Fails with the install line when a tool the browser tests need is missing.
fn require(tool: &str, args: &[&str]) {
    let ok = Command::new(tool)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "the browser tests need `{tool}`, which is missing or broken here; install it with:\n  {INSTALL}"
    );
}

fn content_type(path: &Path) -> &'static str {
    prongsai::serve::mime_type(&path.to_string_lossy())
}

/// The policy a careful host would send: no inline script or style, no WebAssembly.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
                   img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";

/// Answers one request from `dir`, mounted at [`PREFIX`]; unknown paths get 404.html with 404.
fn answer(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line)?;
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path);
    let file = decoded
        .strip_prefix(PREFIX)
        .filter(|rel| !rel.split('/').any(|c| c == ".."))
        .map(|rel| {
            let p = dir.join(rel);
            if p.is_dir() { p.join("index.html") } else { p }
        })
        .filter(|p| p.is_file());
    let (status, file) = match file {
        Some(f) => ("200 OK", f),
        None => ("404 Not Found", dir.join("404.html")),
    };
    let body = std::fs::read(&file)?;
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nContent-Security-Policy: {CSP}\r\nConnection: close\r\n\r\n",
        content_type(&file),
        body.len()
    )?;
    stream.write_all(&body)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(Ok(v)) = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .map(|h| u8::from_str_radix(h, 16))
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Serves `dir` on 127.0.0.1 in background threads; returns the site's address.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let _ = answer(stream, &dir);
            });
        }
    });
    format!("http://{addr}{PREFIX}")
}

/// The browser scripts' folder, after checking that node, chromium and the npm `packages` the
/// test needs are there.
fn browser_dir(packages: &[&str]) -> PathBuf {
    require("node", &["--version"]);
    require("chromium", &["--version"]);
    let dir = manifest().join("tests/browser");
    assert!(
        packages
            .iter()
            .all(|p| dir.join("node_modules").join(p).is_dir()),
        "the browser tests need their npm packages; install them with:\n  {INSTALL}"
    );
    dir
}

/// Builds the site at `root` into `tmp/public` with the real binary.
fn build(root: &Path, tmp: &Path) -> PathBuf {
    let out = tmp.join("public");
    let built = Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    out
}

/// Runs `node SCRIPT ARGS` in the browser folder and fails with `what` (after its output) when it
/// does.
fn node(dir: &Path, script: &str, args: &[&dyn AsRef<std::ffi::OsStr>], tmp: &Path, what: &str) {
    let run = Command::new("node")
        .arg(dir.join(script))
        .args(args.iter().map(|a| a.as_ref()))
        .current_dir(dir)
        .env("PRONGSAI_TMP", tmp)
        .output()
        .unwrap();
    // Captured by the test harness: shown when the test fails, or with `-- --nocapture`.
    println!("{}", String::from_utf8_lossy(&run.stdout));
    eprintln!("{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.status.success(), "{what} (details above)");
}

// In headless Chromium, the fixture site answers every Thai query with its exact expected pages,
// passes axe-core and vnu on every page type, fits 375 px, prints the report, and has no broken link.
#[test]
fn site_in_a_real_browser() {
    let dir = browser_dir(&["playwright-core", "axe-core", "vnu-jar"]);
    require("java", &["-version"]);
    require("pdftotext", &["-v"]);
    let tmp = tempfile::tempdir().unwrap();
    let out = build(&manifest().join("tests/fixtures/thai-search"), tmp.path());
    let base = serve(out.clone());
    node(
        &dir,
        "run.mjs",
        &[&base, &out],
        tmp.path(),
        "browser checks failed (rerun one with `node tests/browser/run.mjs URL DIR`)",
    );
}

// In the example site, searching ทรัพย์สิน finds the measure about the use of state property first.
#[test]
fn example_site_search_finds_state_property() {
    let dir = browser_dir(&["playwright-core"]);
    let tmp = tempfile::tempdir().unwrap();
    let base = serve(build(&manifest(), tmp.path()));
    node(
        &dir,
        "example.mjs",
        &[&base],
        tmp.path(),
        "example site search failed",
    );
}

// `prongsai serve` in a real browser: an edit reloads the open page, a broken file shows the
// error box (styled and closable) under the page's Content-Security-Policy, a fix clears it;
// eight tabs of one browser all load and reload (they share one live-reload connection).
#[test]
fn live_reload_in_a_real_browser() {
    let dir = browser_dir(&["playwright-core"]);
    let site = common::copy_site(&common::fixture("minimal"));
    let mut server = Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        // The to-do box is checked in Thai, as the clerk sees it.
        .env("PRONGSAI_LANG", "th")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {first:?}"))
        .to_string();
    let site_path = site.path().to_path_buf();
    // Kill the server whether or not the checks pass.
    let result = std::panic::catch_unwind(|| {
        node(
            &dir,
            "live.mjs",
            &[&url, &site_path],
            &site_path,
            "live-reload checks failed",
        )
    });
    let _ = server.kill();
    let _ = server.wait();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}
