//! End-to-end: the real `prongsai serve` on a free port in a temp copy of a fixture site, spoken to
//! over plain HTTP (std TcpStream). Every wait polls with a deadline; nothing sleeps blindly.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{Locale, snapshot};

/// How long anything may take before the test fails (generous: CI machines are shared).
const DEADLINE: Duration = Duration::from_secs(20);

const MEASURE: &str = "content/measures/eit-1.md";
const MEASURE_URL: &str = "measures/eit-1/";

/// A copy of `tests/fixtures/<name>` in a temp dir.
fn copy_site(name: &str) -> tempfile::TempDir {
    common::copy_site(&common::fixture(name))
}

/// A running `prongsai serve`; killed when dropped.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`
    addr: String,
    /// The site's path, e.g. `/ita/`.
    base: String,
    stderr: Arc<Mutex<String>>,
    /// Kept so the server's stdout stays open.
    _stdout: mpsc::Receiver<String>,
}

impl Server {
    fn start(root: &Path) -> Server {
        Server::start_with(root, &[])
    }

    fn start_with(root: &Path, args: &[&str]) -> Server {
        // PRONGSAI_BIN lets `reload_latency` time a release build.
        let bin = std::env::var_os("PRONGSAI_BIN").map_or_else(
            || PathBuf::from(env!("CARGO_BIN_EXE_prongsai")),
            PathBuf::from,
        );
        let mut child = Command::new(bin)
            .arg("serve")
            .arg("--root")
            .arg(root)
            .args(if args.contains(&"--port") {
                &[][..]
            } else {
                &["--port", "0"][..]
            })
            .args(args)
            .env("NO_COLOR", "1")
            .locale("C.UTF-8")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut line = String::new();
            while err.read_line(&mut line).is_ok_and(|n| n > 0) {
                sink.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        let (tx, stdout) = mpsc::channel();
        let out = BufReader::new(child.stdout.take().unwrap());
        std::thread::spawn(move || {
            for line in out.lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let line = stdout
            .recv_timeout(DEADLINE)
            .unwrap_or_else(|_| panic!("no URL printed; stderr:\n{}", stderr.lock().unwrap()));
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        let rest = url.strip_prefix("http://").unwrap();
        let slash = rest.find('/').unwrap();
        Server {
            child,
            addr: rest[..slash].to_string(),
            base: rest[slash..].to_string(),
            stderr,
            _stdout: stdout,
        }
    }

    fn port(&self) -> u16 {
        self.addr.rsplit(':').next().unwrap().parse().unwrap()
    }

    fn log(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// GET a path under the site's base path.
    fn page(&self, rel: &str) -> Response {
        self.get(&format!("{}{rel}", self.base))
    }

    /// GET a raw request target, exactly as given.
    fn get(&self, target: &str) -> Response {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(DEADLINE)).unwrap();
        write!(
            s,
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        Response::parse(&raw)
    }

    /// Opens the live-reload event stream and reads its first (`hello`) event.
    fn events(&self) -> Events {
        self.events_hello().0
    }

    /// The live-reload event stream and the version its `hello` event announced.
    fn events_hello(&self) -> (Events, String) {
        let s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let mut w = s.try_clone().unwrap();
        write!(
            w,
            "GET /__prongsai/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut events = Events {
            reader: BufReader::new(s),
            pending: String::new(),
            decoded: String::new(),
        };
        let mut head = String::new();
        let deadline = Instant::now() + DEADLINE;
        while !head.ends_with("\r\n\r\n") {
            let mut line = String::new();
            match events.reader.read_line(&mut line) {
                Ok(0) => panic!("event stream closed during headers"),
                Ok(_) => head.push_str(&line),
                Err(_) if Instant::now() < deadline => continue,
                Err(e) => panic!("event stream: {e}"),
            }
        }
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("text/event-stream"), "{head}");
        let (kind, version) = events.next(DEADLINE);
        assert_eq!(kind, "hello");
        (events, version)
    }

    /// Asks the server to stop as Ctrl-C does and waits for it to exit.
    fn interrupt(&mut self) -> std::process::ExitStatus {
        let ok = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "server did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Response {
    fn parse(raw: &[u8]) -> Response {
        let end = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("complete response head");
        let head = String::from_utf8_lossy(&raw[..end]).to_lowercase();
        let status = head[9..12].parse().unwrap();
        Response {
            status,
            head,
            body: raw[end + 4..].to_vec(),
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.head
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
    }
}

/// The live-reload stream, chunked transfer encoding decoded by hand.
struct Events {
    reader: BufReader<TcpStream>,
    pending: String,
    decoded: String,
}

impl Events {
    /// The next event's name and data, within `wait`.
    fn next(&mut self, wait: Duration) -> (String, String) {
        let deadline = Instant::now() + wait;
        loop {
            if let Some(end) = self.decoded.find("\n\n") {
                let block: String = self.decoded.drain(..end + 2).collect();
                let mut kind = String::new();
                let mut data = String::new();
                for line in block.lines() {
                    if let Some(k) = line.strip_prefix("event: ") {
                        kind = k.into();
                    } else if let Some(d) = line.strip_prefix("data: ") {
                        data = d.into();
                    }
                }
                if !kind.is_empty() {
                    return (kind, data); // else a keep-alive comment
                }
                continue;
            }
            assert!(Instant::now() < deadline, "no event in {wait:?}");
            self.read_chunk();
        }
    }

    /// Reads the next event whose name is `kind`, skipping others.
    fn expect(&mut self, kind: &str) -> String {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let (k, data) = self.next(left);
            if k == kind {
                return data;
            }
        }
    }

    fn read_chunk(&mut self) {
        let mut line = String::new();
        match self.reader.read_line(&mut line) {
            Ok(0) => panic!("event stream closed"),
            Ok(_) => self.pending.push_str(&line),
            Err(_) => return, // read timeout: let the caller check its deadline
        }
        if !self.pending.ends_with("\r\n") {
            return;
        }
        let size_line = std::mem::take(&mut self.pending);
        let size = usize::from_str_radix(size_line.trim(), 16).unwrap_or(0);
        let mut chunk = vec![0; size + 2];
        let deadline = Instant::now() + DEADLINE;
        let mut got = 0;
        while got < chunk.len() {
            match self.reader.read(&mut chunk[got..]) {
                Ok(0) => panic!("event stream closed mid-chunk"),
                Ok(n) => got += n,
                Err(_) if Instant::now() < deadline => {}
                Err(e) => panic!("event stream: {e}"),
            }
        }
        self.decoded
            .push_str(&String::from_utf8_lossy(&chunk[..size]));
    }
}

/// The `file:line:col` of the first error `prongsai check` reports for the site.
fn check_location(root: &Path) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(["check", "--format", "json", "--root"])
        .arg(root)
        .output()
        .unwrap();
    let findings: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = findings
        .as_array()
        .and_then(|all| all.iter().find(|f| f["severity"] == "error"))
        .expect("check reports an error");
    format!("{}:{}:{}", f["file"].as_str().unwrap(), f["line"], f["col"])
}

/// Polls `f` until it returns Some, or fails after the deadline with `what`.
fn eventually<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + DEADLINE;
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} holds no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// A fresh `prongsai build` of `root` into a folder of its own, without the search index, as
/// `serve` serves by default.
fn fresh_build(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(["build", "--no-search", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out.path().join("public"))
        .env("NO_COLOR", "1")
        .locale("C.UTF-8")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    snapshot(&out.path().join("public"))
}

/// The page as the build wrote it: what serve adds before `</body>` taken out again.
fn without_injection(body: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(body);
    let (Some(start), Some(end)) = (
        text.find("<!-- prongsai serve -->"),
        text.find("<!-- /prongsai serve -->"),
    ) else {
        return body.to_vec();
    };
    let mut out = text[..start].to_string();
    out.push_str(&text[end + "<!-- /prongsai serve -->".len()..]);
    out.into_bytes()
}

/// Every output of a fresh build, fetched over HTTP, is byte for byte what the build wrote.
fn assert_serves_fresh_build(server: &Server, root: &Path) {
    let fresh = fresh_build(root);
    for (rel, bytes) in &fresh {
        let rel = rel.to_string_lossy();
        let url = rel.strip_suffix("index.html").unwrap_or(&rel);
        let res = server.page(&encode(url));
        assert_eq!(res.status, 200, "{rel}");
        assert!(
            without_injection(&res.body) == *bytes,
            "{rel} differs from a fresh build"
        );
    }
}

/// Percent-encodes what a browser would (non-ASCII bytes).
fn encode(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

// An edited measure reaches an open page as a `reload` event, and the new text is served.
#[test]
fn an_edit_arrives_as_a_reload_event_and_over_http() {
    let site = copy_site("minimal");
    let server = Server::start(site.path());
    assert_eq!(server.base, "/ita/");
    let res = server.page(MEASURE_URL);
    assert_eq!(res.status, 200);
    assert_eq!(res.header("cache-control"), Some("no-store"));
    assert!(
        res.text().contains("/__prongsai/live.js"),
        "script injected"
    );
    let script = server.get("/__prongsai/live.js");
    assert_eq!(script.status, 200);
    assert!(script.text().contains("new EventSource"));
    assert!(
        script
            .header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    let mut events = server.events();
    edit(site.path(), MEASURE, "การปรับปรุงคุณภาพ", "แก้ไขใหม่ล่าสุด");
    events.expect("reload");
    assert!(server.page(MEASURE_URL).text().contains("แก้ไขใหม่ล่าสุด"));
    // The preview is served from memory: nothing is written into the site folder.
    assert!(!site.path().join("public").exists(), "serve wrote public/");
}

// A rebuild prints the findings that are new and counts the ones printed before: a site with a
// thousand warnings does not flood the terminal on every save.
#[test]
fn a_rebuild_prints_only_new_findings() {
    let site = copy_site("minimal");
    edit(
        site.path(),
        MEASURE,
        "date: 2022-05-01",
        "date: 2022-05-01\nresults:",
    );
    let server = Server::start(site.path());
    let warning = "eit-1.md:12:1: `results` is not filled in";
    eventually("the first build's warning", || {
        server.log().contains(warning).then_some(())
    });
    let count = |log: &str| {
        log.lines()
            .filter(|l| l.contains("⚠") || l.starts_with("warning: "))
            .count()
    };
    let before = count(&server.log());
    assert_eq!(before, 1, "{}", server.log());
    let mut events = server.events();
    edit(site.path(), MEASURE, "ลดขั้นตอน", "ลดขั้นตอนการขออนุญาต");
    events.expect("reload");
    let counted = "1 finding as before";
    let log = eventually("the rebuild's count", || {
        let log = server.log();
        log.contains(counted).then_some(log)
    });
    assert_eq!(count(&log), before, "{log}");
    // A new finding is printed in full, beside the count of the old ones.
    // (An empty key changes no page: the rebuild serves the same site and sends no reload.)
    edit(site.path(), MEASURE, "results:", "results:\nperiod:");
    let log = eventually("the new warning", || {
        let log = server.log();
        log.contains("eit-1.md:13:1: `period` is not filled in")
            .then_some(log)
    });
    assert_eq!(count(&log), before + 1, "{log}");
    assert_eq!(log.matches(warning).count(), 1, "{log}");
}

// An editor that saves through a temp file and a rename triggers a rebuild; its temp and swap
// files alone do not.
#[test]
fn a_save_through_rename_is_seen_and_swap_files_are_not() {
    let site = copy_site("minimal");
    let server = Server::start(site.path());
    let mut events = server.events();
    let dir = site.path().join("content/measures");
    std::fs::write(dir.join(".eit-1.md.swp"), "swap").unwrap();
    std::fs::write(dir.join("eit-1.md~"), "backup").unwrap();
    std::fs::write(dir.join("4913"), "").unwrap();
    let text = std::fs::read_to_string(dir.join("eit-1.md")).unwrap();
    std::fs::write(
        dir.join(".eit-1.md.tmp"),
        text.replace("การปรับปรุงคุณภาพ", "บันทึกผ่านไฟล์ชั่วคราว"),
    )
    .unwrap();
    std::fs::rename(dir.join(".eit-1.md.tmp"), dir.join("eit-1.md")).unwrap();
    events.expect("reload");
    assert!(server.page(MEASURE_URL).text().contains("บันทึกผ่านไฟล์ชั่วคราว"));
    // Swap files written again, then another file saved: one rebuild, for that file only.
    std::fs::write(dir.join(".eit-1.md.swp"), "swap 2").unwrap();
    std::fs::write(dir.join("#eit-1.md#"), "emacs").unwrap();
    edit(
        site.path(),
        "content/pages/contact.md",
        "ติดต่อเรา",
        "ติดต่อ อบต.",
    );
    events.expect("reload");
    let log = server.log();
    assert!(
        !log.contains("nothing changed"),
        "a swap file triggered a rebuild:\n{log}"
    );
    for name in [".swp", "4913", "md~", "#eit-1"] {
        assert!(!log.contains(name), "{name} counted as a change:\n{log}");
    }
    assert!(
        log.contains("content/measures/eit-1.md changed; rebuilding"),
        "{log}"
    );
}

// Broken YAML puts an error box with file:line:col and the caret snippet over every page while the
// last good build is still served; fixing the file clears it by itself.
#[test]
fn broken_yaml_shows_the_error_box_and_fixing_it_clears_it() {
    let site = copy_site("minimal");
    let server = Server::start(site.path());
    let mut events = server.events();
    edit(site.path(), MEASURE, "score: 80", "score: [80");
    events.expect("failed");
    let location = check_location(site.path());
    assert!(
        location.starts_with("content/measures/eit-1.md:"),
        "{location}"
    );
    for page in ["", MEASURE_URL, "contact/"] {
        let res = server.page(page);
        assert_eq!(res.status, 200, "the last good build is still served");
        let text = res.text();
        assert!(text.contains("prongsai-error"), "{page}: no error box");
        assert!(text.contains(&location), "{page}: no {location} in\n{text}");
        assert!(text.contains("score: [80"), "{page}: no snippet");
        assert!(text.contains("การปรับปรุงคุณภาพ") || page != MEASURE_URL);
    }
    // The terminal shows the same diagnostic.
    eventually("the finding in the log", || {
        server.log().contains(&location).then_some(())
    });
    edit(site.path(), MEASURE, "score: [80", "score: 81");
    events.expect("reload");
    let text = server.page(MEASURE_URL).text();
    assert!(!text.contains("prongsai-error"), "box still there:\n{text}");
    assert!(text.contains("๘๑"), "new score shown");
}

// A deleted measure's page goes 404 and no page links to it any more.
#[test]
fn a_deleted_measure_goes_404_and_its_links_vanish() {
    let site = copy_site("minimal");
    let server = Server::start(site.path());
    assert!(server.page("measures/").text().contains("eit-1/"));
    let mut events = server.events();
    std::fs::remove_file(site.path().join(MEASURE)).unwrap();
    events.expect("reload");
    let gone = server.page(MEASURE_URL);
    assert_eq!(gone.status, 404);
    for page in ["", "measures/", "report/", "assessment/eit/"] {
        let text = server.page(page).text();
        assert!(!text.contains("eit-1/"), "{page} still links to eit-1");
    }
    assert_serves_fresh_build(&server, site.path());
}

// A renamed file moves its page to the new address.
#[test]
fn a_renamed_measure_moves_to_its_new_address() {
    let site = copy_site("minimal");
    let server = Server::start(site.path());
    let mut events = server.events();
    std::fs::rename(
        site.path().join(MEASURE),
        site.path().join("content/measures/eit-renamed.md"),
    )
    .unwrap();
    events.expect("reload");
    assert_eq!(server.page(MEASURE_URL).status, 404);
    let moved = server.page("measures/eit-renamed/");
    assert_eq!(moved.status, 200);
    assert!(moved.text().contains("การปรับปรุงคุณภาพ"));
    assert!(server.page("measures/").text().contains("eit-renamed/"));
    // Without the trailing slash: redirected to the folder, so relative links work.
    let res = server.page("measures/eit-renamed");
    assert_eq!(res.status, 302);
    assert_eq!(res.header("location"), Some("/ita/measures/eit-renamed/"));
}

// Requests that try to leave the site get 404 (or 400 when the request itself is malformed),
// never a file, and never a file through a symlink.
#[test]
fn requests_outside_the_site_get_404() {
    let site = copy_site("minimal");
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(secret.path().join("secret.txt"), "TOP-SECRET").unwrap();
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    #[cfg(unix)]
    {
        let target = secret.path().join("secret.txt");
        std::os::unix::fs::symlink(&target, site.path().join("static/leak.txt")).unwrap();
        std::os::unix::fs::symlink(secret.path(), site.path().join("static/leakdir")).unwrap();
    }
    std::fs::write(site.path().join("SECRET.md"), "TOP-SECRET").unwrap();
    let server = Server::start(site.path());
    // Links out of the site's folders are build errors (see tests/hostile), named, never read;
    // once they are removed a good build is served, and they are still asked for below.
    #[cfg(unix)]
    {
        eventually("the links to be refused", || {
            server.log().contains("static/leak.txt").then_some(())
        });
        let mut events = server.events();
        std::fs::remove_file(site.path().join("static/leak.txt")).unwrap();
        std::fs::remove_file(site.path().join("static/leakdir")).unwrap();
        events.expect("reload");
    }
    assert_eq!(server.get("/ita/").status, 200);
    let root = site.path().to_string_lossy().into_owned();
    for target in [
        "/ita/../site.yaml".to_string(),
        "/ita/../SECRET.md".into(),
        "/ita/%2e%2e/SECRET.md".into(),
        "/ita/%2E%2E/%2e%2e/etc/passwd".into(),
        "/ita/static/..%2f..%2fSECRET.md".into(),
        "/ita/%252e%252e/SECRET.md".into(),
        "/ita/..%5cSECRET.md".into(),
        "/ita/static%5c..%5c..%5cSECRET.md".into(),
        "/ita//etc/passwd".into(),
        format!("/ita/{root}/SECRET.md"),
        format!("/ita/{}", secret.path().join("secret.txt").display()),
        "/ita/static/leak.txt".into(),
        "/ita/static/leakdir/secret.txt".into(),
        "/site.yaml".into(),
        "/SECRET.md".into(),
        "/etc/passwd".into(),
        "/ita/C:/Windows/win.ini".into(),
    ] {
        let res = server.get(&target);
        assert!(
            res.status == 404 || res.status == 400,
            "{target}: status {}",
            res.status
        );
        let text = res.text();
        assert!(
            !text.contains("TOP-SECRET")
                && !text.contains("fiscal_year")
                && !text.contains("root:"),
            "{target} leaked a file"
        );
    }
    // A backslash sent raw is refused too.
    assert_ne!(server.get("/ita/..\\SECRET.md").status, 200);
    // The site itself is served with the right types.
    let pdf = server.page(&encode("files/คู่มือ.pdf"));
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    let css = server.page("static/style.css");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(server.get("/").header("location"), Some("/ita/"));
}

// CSV, JSON and SVG files of the site are served with their types.
#[test]
fn static_files_get_their_mime_types() {
    let site = copy_site("minimal");
    let static_dir = site.path().join("static");
    std::fs::create_dir_all(&static_dir).unwrap();
    std::fs::write(static_dir.join("data.csv"), "a,b\n1,2\n").unwrap();
    std::fs::write(static_dir.join("data.json"), "{}").unwrap();
    std::fs::write(static_dir.join("logo.svg"), "<svg/>").unwrap();
    let server = Server::start(site.path());
    for (file, mime) in [
        ("static/data.csv", "text/csv; charset=utf-8"),
        ("static/data.json", "application/json"),
        ("static/logo.svg", "image/svg+xml"),
    ] {
        let res = server.page(file);
        assert_eq!(res.status, 200, "{file}");
        assert_eq!(res.header("content-type"), Some(mime), "{file}");
        assert_eq!(res.header("cache-control"), Some("no-store"), "{file}");
    }
}

// The clerk's OIT to-do list is the preview's own (`/__prongsai/notes.json`, shown by live.js
// over the OIT pages): each year's items without evidence with the hint, and the list's caveats;
// the OIT page itself holds none of it, and stays as `build` makes it.
#[test]
fn the_preview_answers_the_oit_to_do_list_the_published_page_lacks() {
    let site = copy_site("minimal");
    let server = Server::start(site.path());
    let res = server.get("/__prongsai/notes.json");
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-type"), Some("application/json"));
    let notes: serde_json::Value = serde_json::from_slice(&res.body).unwrap();
    let year = &notes["2566"];
    assert_eq!(year["year"], 2566);
    let todo = year["todo"].as_array().unwrap();
    let o1 = todo
        .iter()
        .find(|t| t["code"] == "O1")
        .expect("O1 has no evidence");
    assert!(
        o1["why"]
            .as_str()
            .unwrap()
            .contains("content/disclosures.yaml"),
        "{o1}"
    );
    assert!(
        todo.iter().all(|t| t["code"] != "O5"),
        "O5 is disclosed by contact.md"
    );
    assert!(!year["caveats"].as_array().unwrap().is_empty());
    let page = server.page("oit/").text();
    assert!(page.contains("data-oit-year=\"2566\""));
    assert!(!page.contains("disclosures.yaml") && !page.contains("สิ่งที่ยังขาด"));
    assert_serves_fresh_build(&server, site.path());
}

// When the very first build fails the server starts anyway, shows the error, and serves the site
// once the file is fixed.
#[test]
fn a_failed_first_build_still_starts_the_server() {
    let site = copy_site("minimal");
    edit(site.path(), MEASURE, "status: not_done", "status: finished");
    let server = Server::start(site.path());
    let res = server.page("");
    assert_eq!(res.status, 503);
    let text = res.text();
    assert!(text.contains("content/measures/eit-1.md:10:9"), "{text}");
    assert!(text.contains("finished"), "{text}");
    assert!(
        text.contains("/__prongsai/live.js"),
        "the error page reloads itself"
    );
    assert!(!site.path().join("public").exists(), "nothing written");
    let mut events = server.events();
    edit(site.path(), MEASURE, "status: finished", "status: not_done");
    events.expect("reload");
    let res = server.page(MEASURE_URL);
    assert_eq!(res.status, 200);
    assert!(!res.text().contains("prongsai-error"));
}

// After a sequence of edits of every kind the server serves exactly what a fresh `prongsai build` of the same files makes.
#[test]
fn after_any_edits_the_site_is_byte_identical_to_a_fresh_build() {
    let site = copy_site("minimal");
    let root = site.path();
    let server = Server::start(root);
    let mut events = server.events();
    // One measure edited.
    edit(root, MEASURE, "score: 80", "score: 77");
    events.expect("reload");
    // A measure added in a new sub-folder.
    std::fs::create_dir_all(root.join("content/measures/2567")).unwrap();
    std::fs::write(
        root.join("content/measures/2567/oit-new.md"),
        "---\ntitle: มาตรการใหม่\nassessment: OIT\nindicator: 9\nstatus: done\n---\n\nเนื้อหา\n",
    )
    .unwrap();
    events.expect("reload");
    // Broken, then fixed.
    edit(root, MEASURE, "status: not_done", "status: finished");
    events.expect("failed");
    edit(root, MEASURE, "status: finished", "status: done");
    events.expect("reload");
    // A page deleted, the config changed, a template overridden in a new folder.
    std::fs::remove_file(root.join("content/pages/contact.md")).unwrap();
    events.expect("reload");
    edit(root, "site.yaml", "digits: thai", "digits: arabic");
    events.expect("reload");
    std::fs::create_dir_all(root.join("templates")).unwrap();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/404.html");
    let page = std::fs::read_to_string(base).unwrap();
    std::fs::write(
        root.join("templates/404.html"),
        page.replacen("<h1>", "<h1>overridden ", 1),
    )
    .unwrap();
    events.expect("reload");
    // The attachment removed: the measure that lists it is now in error.
    std::fs::remove_file(root.join("content/files/คู่มือ.pdf")).unwrap();
    events.expect("failed");
    std::fs::write(root.join("content/files/คู่มือ.pdf"), b"%PDF-1.4 new").unwrap();
    events.expect("reload");
    assert!(server.page("404.html").text().contains("overridden"));
    assert_serves_fresh_build(&server, root);
}

// A taken port is reported and the next free one is used.
#[test]
fn a_taken_port_is_reported_and_the_next_one_used() {
    let site = copy_site("minimal");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let server = Server::start_with(site.path(), &["--port", &port]);
    assert_ne!(server.port().to_string(), port);
    eventually("the port message", || {
        server
            .log()
            .contains(&format!("port {port} is in use"))
            .then_some(())
    });
    assert_eq!(server.page("").status, 200);
}

// Listening beyond this computer is allowed, with a warning.
#[test]
fn binding_beyond_loopback_warns() {
    let site = copy_site("minimal");
    let server = Server::start_with(site.path(), &["--bind", "0.0.0.0", "--port", "0"]);
    eventually("the warning", || {
        server
            .log()
            .contains("other computers on the network")
            .then_some(())
    });
    assert!(server.addr.starts_with("localhost:"));
}

/// `prongsai build` of `root` into its public/ (with the search index, as the clerk builds), on
/// today's clock as the server runs.
fn build(root: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(["build", "--root"])
        .arg(root)
        .env("NO_COLOR", "1")
        .locale("C.UTF-8")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// A folder's files and their bytes.
type Tree = BTreeMap<PathBuf, Vec<u8>>;

/// public/ and the back buffer beside it (when there is one), file by file.
fn published(root: &Path) -> (Tree, Option<Tree>) {
    let back = root.join(".public.prongsai");
    (
        snapshot(&root.join("public")),
        back.exists().then(|| snapshot(&back)),
    )
}

// The preview never changes what gets published: build, serve, edit, stop, and public/ (with
// its search index) and its back buffer are byte for byte what the build made; Ctrl-C exits
// with success and says to build before uploading.
#[test]
fn serve_leaves_public_exactly_as_the_last_build_made_it() {
    let site = copy_site("minimal");
    // Built twice, so a back buffer sits beside public/ too.
    build(site.path());
    build(site.path());
    let before = published(site.path());
    assert!(
        before.0.keys().any(|p| p.starts_with("search-index")),
        "the build made a search index"
    );
    let mut server = Server::start(site.path());
    let mut events = server.events();
    edit(site.path(), MEASURE, "score: 80", "score: 90");
    events.expect("reload");
    std::fs::remove_file(site.path().join("content/pages/contact.md")).unwrap();
    events.expect("reload");
    let status = server.interrupt();
    assert!(status.success(), "{status:?}");
    assert!(published(site.path()) == before, "public/ changed");
    eventually("the message to build before uploading", || {
        server
            .log()
            .contains("run `prongsai build` before you upload public/")
            .then_some(())
    });
    drop(events);
}

// Ctrl-C after a preview of what was just built says public/ can be uploaded as it is, though
// the preview made no search index.
#[test]
fn ctrl_c_after_an_unchanged_preview_says_public_is_ready() {
    let site = copy_site("minimal");
    build(site.path());
    let mut server = Server::start(site.path());
    assert_eq!(server.page("").status, 200);
    assert!(server.interrupt().success());
    eventually("the message that public/ is ready", || {
        server
            .log()
            .contains("public/ holds the site as previewed: upload it as it is")
            .then_some(())
    });
}

// Ctrl-C while the last edit is broken exits with success and says to fix it, then build.
#[test]
fn ctrl_c_after_a_broken_edit_says_to_fix_it_then_build() {
    let site = copy_site("minimal");
    let mut server = Server::start(site.path());
    let mut events = server.events();
    edit(site.path(), MEASURE, "score: 80", "score: [");
    events.expect("failed");
    assert!(server.interrupt().success());
    eventually("the message to fix the errors", || {
        server
            .log()
            .contains("fix them, then run `prongsai build` before you upload public/")
            .then_some(())
    });
    assert!(!site.path().join("public").exists(), "serve wrote public/");
    drop(events);
}

// `--poll` finds changes without file system events.
#[test]
fn poll_mode_sees_an_edit() {
    let site = copy_site("minimal");
    let server = Server::start_with(site.path(), &["--poll"]);
    let mut events = server.events();
    edit(site.path(), MEASURE, "การปรับปรุงคุณภาพ", "ผ่านการสำรวจ");
    events.expect("reload");
    assert!(server.page(MEASURE_URL).text().contains("ผ่านการสำรวจ"));
}

// Folders removed and made again, content/ itself among them, are watched again.
#[test]
fn removed_and_recreated_folders_are_watched_again() {
    let site = copy_site("minimal");
    let root = site.path();
    let server = Server::start(root);
    let mut events = server.events();
    let away = tempfile::tempdir_in(root.parent().unwrap()).unwrap();
    std::fs::rename(root.join("content"), away.path().join("content")).unwrap();
    events.expect("failed");
    std::fs::rename(away.path().join("content"), root.join("content")).unwrap();
    events.expect("reload");
    edit(root, MEASURE, "score: 80", "score: 60");
    events.expect("reload");
    assert!(server.page(MEASURE_URL).text().contains("๖๐"));
    std::fs::remove_dir_all(root.join("content/pages")).unwrap();
    events.expect("reload");
    assert_eq!(server.page("contact/").status, 404);
    std::fs::create_dir(root.join("content/pages")).unwrap();
    std::fs::write(
        root.join("content/pages/contact.md"),
        "---\ntitle: หน้าใหม่\n---\n",
    )
    .unwrap();
    events.expect("reload");
    edit(root, "content/pages/contact.md", "หน้าใหม่", "หน้าใหม่กว่า");
    events.expect("reload");
    assert!(server.page("contact/").text().contains("หน้าใหม่กว่า"));
    assert_serves_fresh_build(&server, root);
}

// Not a check but a measurement: time from saving one measure to the reload event, on the example
// site, or on the site in PRONGSAI_LATENCY_SITE (e.g. 1,000 measures from gen_corpus.py).
// `cargo build --release; PRONGSAI_BIN=target/release/prongsai cargo test --test serve -- --ignored --nocapture`
#[test]
#[ignore]
fn reload_latency() {
    let from = std::env::var_os("PRONGSAI_LATENCY_SITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let site = tempfile::tempdir().unwrap();
    std::fs::copy(from.join("site.yaml"), site.path().join("site.yaml")).unwrap();
    common::copy_dir(&from.join("content"), &site.path().join("content"));
    let measure = walkdir::WalkDir::new(site.path().join("content/measures"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .unwrap();
    let server = Server::start(site.path());
    let mut events = server.events();
    let original = std::fs::read_to_string(&measure).unwrap();
    let mut times = Vec::new();
    for i in 0..10 {
        std::fs::write(&measure, format!("{original}\nแก้ไขครั้งที่ {i}\n")).unwrap();
        let saved = Instant::now();
        events.expect("reload");
        times.push(saved.elapsed());
    }
    times.sort();
    let measures = walkdir::WalkDir::new(site.path().join("content/measures"))
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|e| e == "md")
        })
        .count();
    println!(
        "{measures} measures: save -> reload event min {:?}, median {:?}, max {:?}",
        times[0], times[5], times[9]
    );
    let log = server.log();
    println!(
        "{}",
        log.lines().rev().take(2).collect::<Vec<_>>().join("\n")
    );
}

// A restarted server announces a new version, so pages left open reload once they reconnect.
#[test]
fn a_restarted_server_announces_a_new_version() {
    let site = copy_site("minimal");
    let mut first = Server::start(site.path());
    let (_, before) = first.events_hello();
    assert!(first.interrupt().success());
    let second = Server::start(site.path());
    let (_, after) = second.events_hello();
    assert_ne!(before, after);
}

/// The resident memory of a process, in KiB (Linux).
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap()
}

/// Sends a GET for `target` on a connection of its own, reading nothing yet.
fn send_get(addr: &str, target: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    s
}

// Under load the preview keeps answering: 100 live-reload connections and 1,000 requests open at
// once (sent before any is read) all succeed while a rebuild runs; two slow clients (one that
// never finishes its request, one that never reads its answer) block nobody; the content folder
// deleted and restored shows the error box, then the site again; memory stays bounded.
#[cfg(target_os = "linux")]
#[test]
fn under_load_and_faults_the_preview_keeps_answering() {
    let site = copy_site("minimal");
    let server = Server::start(site.path());
    let pid = server.child.id();
    let rss_before = rss_kib(pid);
    let mut streams: Vec<Events> = (0..100).map(|_| server.events()).collect();

    // A client that sends half a request and waits, and one that asks and never reads.
    let mut stalled = TcpStream::connect(&server.addr).unwrap();
    write!(stalled, "GET {} HTTP/1.1\r\nHost: x\r\n", server.base).unwrap();
    let unread = send_get(&server.addr, &format!("{}report/", server.base));

    // 1,000 requests in flight at once, across the site's pages; a rebuild starts among them.
    let pages = ["", MEASURE_URL, "report/", "measures/", "contact/", "oit/"];
    let mut open: Vec<(usize, TcpStream)> = (0..1000)
        .map(|i| {
            let page = pages[i % pages.len()];
            (i, send_get(&server.addr, &format!("{}{page}", server.base)))
        })
        .collect();
    edit(site.path(), MEASURE, "การปรับปรุงคุณภาพ", "ภายใต้ภาระงาน");
    for (i, s) in &mut open {
        let mut raw = Vec::new();
        s.read_to_end(&mut raw)
            .unwrap_or_else(|e| panic!("request {i}: {e}"));
        let res = Response::parse(&raw);
        assert_eq!(res.status, 200, "request {i}");
        assert!(
            res.text().contains("</html>"),
            "request {i}: page cut short"
        );
    }
    drop(open);
    for (n, events) in streams.iter_mut().enumerate() {
        let data = events.expect("reload");
        assert!(!data.is_empty(), "stream {n}");
    }
    assert!(server.page(MEASURE_URL).text().contains("ภายใต้ภาระงาน"));

    // The content folder goes away (a sync tool, a mistaken move) and comes back.
    let content = site.path().join("content");
    let aside = site.path().join("content-away");
    std::fs::rename(&content, &aside).unwrap();
    streams[0].expect("failed");
    let res = server.page(MEASURE_URL);
    assert_eq!(res.status, 200, "the last good build is still served");
    assert!(res.text().contains("prongsai-error"), "no error box");
    std::fs::rename(&aside, &content).unwrap();
    streams[0].expect("reload");
    let text = server.page(MEASURE_URL).text();
    assert!(!text.contains("prongsai-error"), "box still there");
    assert!(text.contains("ภายใต้ภาระงาน"));

    // The slow clients are still there, and held nobody up.
    drop((stalled, unread));
    let rss_after = rss_kib(pid);
    assert!(
        rss_after < rss_before + 100 * 1024,
        "memory grew from {rss_before} KiB to {rss_after} KiB"
    );
    assert!(!server.log().contains("panicked"), "{}", server.log());
}

// While a long rebuild runs (1,500 measures), pages keep coming, each in well under a second.
#[test]
fn pages_are_answered_while_a_rebuild_runs() {
    let site = copy_site("minimal");
    let text = std::fs::read_to_string(site.path().join(MEASURE)).unwrap();
    for i in 0..1500 {
        let path = site.path().join(format!("content/measures/many-{i}.md"));
        std::fs::write(path, text.replace("ลดขั้นตอน", &format!("ขั้นตอนที่ {i}"))).unwrap();
    }
    let server = Server::start(site.path());
    let mut events = server.events();
    let reloaded = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = reloaded.clone();
    let waiter = std::thread::spawn(move || {
        events.expect("reload");
        flag.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    let started = Instant::now();
    edit(site.path(), MEASURE, "การปรับปรุงคุณภาพ", "ระหว่างสร้างใหม่");
    let mut answered = 0;
    let mut slowest = Duration::ZERO;
    while !reloaded.load(std::sync::atomic::Ordering::SeqCst) {
        assert!(started.elapsed() < DEADLINE, "no reload");
        let asked = Instant::now();
        let res = server.page("contact/");
        slowest = slowest.max(asked.elapsed());
        assert_eq!(res.status, 200);
        answered += 1;
    }
    waiter.join().unwrap();
    let rebuild = started.elapsed();
    eprintln!("{answered} pages answered during a {rebuild:?} rebuild; slowest {slowest:?}");
    assert!(
        answered >= 3,
        "only {answered} answers during a {rebuild:?} rebuild"
    );
    assert!(
        slowest < Duration::from_secs(1),
        "a page took {slowest:?} during the rebuild"
    );
    assert!(server.page(MEASURE_URL).text().contains("ระหว่างสร้างใหม่"));
}

// `serve --search` serves a search index with the pages; without it there is none.
#[test]
fn the_search_flag_serves_an_index() {
    let site = copy_site("minimal");
    let plain = Server::start(site.path());
    assert_eq!(plain.page("search-index/index.json").status, 404);
    drop(plain);
    let server = Server::start_with(site.path(), &["--search"]);
    let manifest = server.page("search-index/index.json").text();
    assert!(manifest.contains("\"pages\":3"), "{manifest}");
    assert!(
        !server
            .page("search-index/d-0.json")
            .text()
            .contains("คำใหม่ในดัชนี")
    );
    // An edit reindexes: the new word is in the index after the reload.
    let mut events = server.events();
    edit(site.path(), MEASURE, "การปรับปรุงคุณภาพ", "คำใหม่ในดัชนี");
    events.expect("reload");
    assert_ne!(server.page("search-index/index.json").text(), manifest);
    assert!(
        server
            .page("search-index/d-0.json")
            .text()
            .contains("คำใหม่ในดัชนี")
    );
}

// A `prongsai build` run by hand while the preview runs, then an edit undone: the preview serves
// a fresh build of the files, and public/ stays exactly as the build by hand made it (the preview
// never writes it).
#[test]
fn a_build_by_hand_then_an_undone_edit_leaves_public_as_a_fresh_build() {
    let site = copy_site("minimal");
    let root = site.path();
    let server = Server::start(root);
    let mut events = server.events();
    edit(root, MEASURE, "score: 80", "score: 77");
    events.expect("reload");
    build(root);
    let built = snapshot(&root.join("public"));
    edit(root, MEASURE, "score: 77", "score: 80");
    events.expect("reload");
    assert_serves_fresh_build(&server, root);
    assert_eq!(
        snapshot(&root.join("public")),
        built,
        "the preview wrote public/"
    );
}

// 1,100 connections that open and send nothing hold nobody out: a page still comes (connections
// beyond the cap wait their turn, each idle one is closed after the header timeout), a rebuild
// still runs, and every idle connection is closed by the server.
#[cfg(target_os = "linux")]
#[test]
fn half_open_connections_are_closed_and_lock_nobody_out() {
    let site = copy_site("minimal");
    let server = Server::start(site.path());
    let mut events = server.events();
    let idle: Vec<TcpStream> = (0..1100)
        .map(|_| TcpStream::connect(&server.addr).unwrap())
        .collect();
    let start = Instant::now();
    let res = server.page(MEASURE_URL);
    assert_eq!(res.status, 200);
    let waited = start.elapsed();
    edit(site.path(), MEASURE, "score: 80", "score: 78");
    events.expect("reload");
    // Each idle connection is closed by the server: its read ends.
    let mut closed = 0;
    let until = Instant::now() + DEADLINE;
    for mut s in idle {
        let left = until.saturating_duration_since(Instant::now());
        s.set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .unwrap();
        // Closed: the read ends (0 bytes, or reset); still open: it times out.
        match s.read(&mut [0; 1]) {
            Ok(0) => closed += 1,
            Err(e)
                if e.kind() != std::io::ErrorKind::WouldBlock
                    && e.kind() != std::io::ErrorKind::TimedOut =>
            {
                closed += 1
            }
            _ => {}
        }
    }
    assert_eq!(closed, 1100);
    eprintln!(
        "1,100 idle connections: a page came after {waited:.1?}, and all were closed in {:.1?}",
        start.elapsed()
    );
    assert!(!server.log().contains("panicked"), "{}", server.log());
}

// A request naming another host (a web page that pointed its own name at 127.0.0.1, DNS
// rebinding) is refused; localhost and the address itself are answered.
#[test]
fn a_request_for_another_host_is_refused() {
    let site = copy_site("minimal");
    let server = Server::start(site.path());
    let ask = |host: &str| {
        let mut s = TcpStream::connect(&server.addr).unwrap();
        s.set_read_timeout(Some(DEADLINE)).unwrap();
        write!(
            s,
            "GET {}{MEASURE_URL} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
            server.base
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        Response::parse(&raw)
    };
    let port = server.port();
    let refused = ask(&format!("rebind.example:{port}"));
    assert_eq!(refused.status, 421);
    assert!(
        !refused.text().contains("มาตรการ"),
        "no draft in the refusal"
    );
    assert_eq!(ask(&format!("localhost:{port}")).status, 200);
    assert_eq!(ask(&server.addr).status, 200);
}

// Forty slow downloads of a 90 MB attachment at once share the build's one copy of it: the
// preview's memory grows by far less than one more copy.
#[cfg(target_os = "linux")]
#[test]
fn forty_slow_downloads_share_one_copy_of_a_large_attachment() {
    let site = copy_site("minimal");
    let big: Vec<u8> = (0..90u32 << 20).map(|i| (i % 251) as u8).collect();
    std::fs::write(site.path().join("content/files/คู่มือ.pdf"), &big).unwrap();
    drop(big);
    let server = Server::start(site.path());
    let pid = server.child.id();
    let url = format!("{}files/{}", server.base, encode("คู่มือ.pdf"));
    // Read one whole download first, so the file is served (and mapped) once before counting.
    assert_eq!(server.get(&url).body.len(), 90 << 20);
    let before = rss_kib(pid);
    let mut slow: Vec<TcpStream> = (0..40).map(|_| send_get(&server.addr, &url)).collect();
    // Each reads a little, so every response is under way, then stalls.
    for s in &mut slow {
        let mut head = [0; 4096];
        assert!(s.read(&mut head).unwrap() > 0);
    }
    let peak = (0..20)
        .map(|_| {
            std::thread::sleep(Duration::from_millis(50));
            rss_kib(pid)
        })
        .max()
        .unwrap();
    let grew = peak.saturating_sub(before);
    eprintln!(
        "40 slow downloads of 90 MB: the preview grew by {} MB ({} MB before)",
        grew / 1024,
        before / 1024
    );
    assert!(grew < 60 * 1024, "memory grew by {grew} KiB");
    drop(slow);
    assert_eq!(server.page(MEASURE_URL).status, 200);
}

// A log of the preview written into the site folder (`prongsai serve > serve.log`) starts no
// rebuild: the next rebuild is the edit's.
#[test]
fn a_log_file_in_the_site_folder_starts_no_rebuild() {
    let site = copy_site("minimal");
    let root = site.path();
    let server = Server::start(root);
    let mut events = server.events();
    for i in 0..5 {
        std::fs::write(root.join("serve.log"), format!("line {i}\n")).unwrap();
    }
    edit(root, MEASURE, "score: 80", "score: 79");
    events.expect("reload");
    let log = server.log();
    assert!(!log.contains("serve.log"), "{log}");
    assert_eq!(log.matches("rebuilding").count(), 1, "{log}");
}

// The site folder replaced while the preview runs (a backup restored over it): later edits
// still reach the preview.
#[test]
fn a_replaced_site_folder_is_watched_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    common::copy_dir(&common::fixture("minimal"), &root);
    let server = Server::start(&root);
    let mut events = server.events();
    std::fs::rename(&root, dir.path().join("site-old")).unwrap();
    common::copy_dir(&common::fixture("minimal"), &root);
    edit(&root, MEASURE, "ลดขั้นตอน", "ลดขั้นตอนหลังกู้คืน");
    eventually("the restored folder's edit to be served", || {
        let page = server.page(MEASURE_URL).text();
        page.contains("ลดขั้นตอนหลังกู้คืน").then_some(())
    });
    edit(&root, MEASURE, "หลังกู้คืน", "ครั้งที่สอง");
    events.expect("reload");
    eventually("a later edit to be served", || {
        let page = server.page(MEASURE_URL).text();
        page.contains("ลดขั้นตอนครั้งที่สอง").then_some(())
    });
}
