//! The hostile corpus: every case in `tests/fixtures/hostile/<case>/` is built by the real binary, all
//! at once, each with a time limit, and must end with its exit code and its messages, without a
//! panic and (when it fails) with the published `public/` byte for byte as it was.
//!
//! A case folder holds `expected.txt` and, when they are small text, its content files; the shared
//! `hostile/site.yaml` is used when the case has none. Big, binary, symlinked and oddly named files
//! are made here at test time by [`generate`] (so the repository stays small and checks out on any
//! system). `expected.txt`: `# what the case is`, then `exit N` (default 1), `within Ns` (the build
//! must end within N seconds), `page PATH` (must exist in public/ after a successful build),
//! `only build` (the fault shows only when pages are rendered, so `check` may pass),
//! `absent TEXT` (must not be in the output), and any other line is text the output must contain,
//! locations (`file:line:col`) first.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Locale, broken_links, copy_dir, snapshot};

const MEASURE: &str = "---\ntitle: มาตรการทดสอบ\nassessment: IIT\nindicator: 4\nstatus: done\n---\n\nเนื้อหาของมาตรการ\n";

/// A case may take this long in a debug build on a busy machine; more means it hangs.
const CASE_TIMEOUT: Duration = Duration::from_secs(60);

fn hostile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn symlink(root: &Path, target: &str, rel: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, path).unwrap();
}

/// A named pipe at `rel`, in place of any file there: reading it would block for ever.
fn mkfifo(root: &Path, rel: &str) {
    let path = root.join(rel);
    let _ = std::fs::remove_file(&path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

/// A file `len` bytes long that uses no disk.
fn sparse(root: &Path, rel: &str, len: u64) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::File::create(path).unwrap().set_len(len).unwrap();
}

/// Bytes that look random but are the same on every run.
fn noise(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u8
        })
        .collect()
}

/// Files a case needs that are not committed: big, binary, linked or oddly named ones.
fn generate(case: &str, root: &Path) {
    const A: &str = "content/measures/a.md";
    let utf16 = |big_endian: bool| {
        let mut b: Vec<u8> = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in MEASURE.encode_utf16() {
            b.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        b
    };
    match case {
        "crlf" => write(root, A, MEASURE.replace('\n', "\r\n")),
        "lone-cr" => write(root, A, MEASURE.replace('\n', "\r")),
        "bom-before-fence" => write(root, A, format!("\u{FEFF}{MEASURE}")),
        "double-bom" => write(root, A, format!("\u{FEFF}\u{FEFF}{MEASURE}")),
        "invalid-utf8" => {
            let mut b = MEASURE.as_bytes().to_vec();
            let at = MEASURE.find("assessment").unwrap();
            b.splice(at..at, [0xC3, 0x28, b'\n']);
            write(root, A, b)
        }
        "windows-874" => {
            let (b, _, _) = encoding_rs::WINDOWS_874.encode(MEASURE);
            write(root, A, b)
        }
        "utf16-le-bom" => write(root, A, utf16(false)),
        "utf16-be-bom" => write(root, A, utf16(true)),
        "nul-bytes" => write(root, A, MEASURE.replace("เนื้อหา", "เนื้อ\0หา")),
        "binary-png" => {
            let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
            b.extend(noise(4096, 1));
            write(root, "content/measures/รูป.md", b)
        }
        "binary-pdf" => {
            let mut b = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
            b.extend(noise(4096, 2));
            write(root, "content/pages/report.md", b)
        }
        "binary-docx" => {
            let mut b = b"PK\x03\x04\x14\0\x06\0".to_vec();
            b.extend(noise(4096, 3));
            write(root, A, b)
        }
        "random-binary" => write(root, A, noise(65536, 4)),
        "huge-front-matter" => {
            let mut s = String::from("---\ntitle: มาตรการทดสอบ\nfollow_up: >\n");
            while s.len() < 10 << 20 {
                s.push_str("  ข้อความยาวมากในส่วนหัวของไฟล์ ซ้ำไปซ้ำมา\n");
            }
            s.push_str("---\n");
            write(root, A, s)
        }
        "huge-body" => {
            let mut s = String::from(MEASURE);
            let para = "ย่อหน้าที่ยาวมาก **ตัวหนา** และ [ลิงก์](/report/) ซ้ำไปซ้ำมา\n\n";
            s.reserve(50 << 20);
            while s.len() < 50 << 20 {
                s.push_str(para);
            }
            write(root, A, s)
        }
        "body-under-the-limit" => {
            let mut s = String::from(MEASURE);
            let para = "ย่อหน้าที่ยาวมาก **ตัวหนา** และ [ลิงก์](/report/) ซ้ำไปซ้ำมา\n\n";
            while s.len() + para.len() < 15 << 20 {
                s.push_str(para);
            }
            write(root, A, s)
        }
        "nested-lists" => write(root, A, format!("{MEASURE}\n{}ลึก\n", "- ".repeat(10_000))),
        "nested-quotes" => write(root, A, format!("{MEASURE}\n{}ลึก\n", ">".repeat(10_000))),
        "nested-emphasis" => write(
            root,
            A,
            format!(
                "{MEASURE}\n{}ลึก{}\n",
                "*_".repeat(5_000),
                "_*".repeat(5_000)
            ),
        ),
        "nested-brackets" => write(
            root,
            A,
            format!(
                "{MEASURE}\n{}x{}\n",
                "[".repeat(10_000),
                "](/)".repeat(10_000)
            ),
        ),
        "many-headings" => write(
            root,
            A,
            format!("{MEASURE}\n{}", "## หัวข้อ\n\n".repeat(50_000)),
        ),
        "many-raw-html" => write(
            root,
            A,
            format!("{MEASURE}\n{}", "<b>x</b>\n\n".repeat(100_000)),
        ),
        "many-unknown-keys" => {
            let keys: String = (0..20_000).map(|i| format!("k{i}: {i}\n")).collect();
            write(
                root,
                A,
                MEASURE.replacen("---\n\n", &format!("{keys}---\n\n"), 1),
            )
        }
        "quadratic-alias-bomb" => {
            // A wide anchor and many aliases to it: few jumps, each copying a big node.
            let wide: String = "x,".repeat(20_000);
            let aliases: String = "*a,".repeat(20_000);
            write(
                root,
                A,
                format!("---\ntitle: x\nmethods: &a [{wide}]\nresults: [{aliases}]\n---\n"),
            )
        }
        "disclosures-alias-bomb" | "criteria-alias-bomb" => {
            // The quadratic bomb above, in the two YAML files beside the content files.
            write(root, A, MEASURE);
            let (rel, wide, many) = if case == "disclosures-alias-bomb" {
                ("content/disclosures.yaml", "O1", "O2")
            } else {
                ("criteria/ita-2566.yaml", "year", "indicators")
            };
            let bomb = format!(
                "{wide}: &a [{}]\n{many}: [{}]\n",
                "x,".repeat(20_000),
                "*a,".repeat(20_000)
            );
            write(root, rel, bomb)
        }
        "deep-yaml" => write(
            root,
            A,
            format!(
                "---\ntitle: {}x{}\n---\n",
                "[".repeat(10_000),
                "]".repeat(10_000)
            ),
        ),
        "deep-flow-yaml" => write(
            root,
            A,
            format!(
                "---\ntitle: x\nmethods: {}x{}\n---\n",
                "[".repeat(120_000),
                "]".repeat(120_000)
            ),
        ),
        "thai-file-name" => {
            write(root, "content/measures/การใช้ทรัพย์สิน ของราชการ.md", MEASURE);
            write(
                root,
                "content/หน้า เกี่ยวกับเรา.md",
                "---\ntitle: เกี่ยวกับเรา\n---\nดู [มาตรการ](/measures/การใช้ทรัพย์สิน-ของราชการ/)\n",
            );
        }
        "punctuation-file-names" => {
            // Only characters Windows allows in names (`windows-forbidden-characters` has the rest).
            for name in ["a#1", "what!", "100%", "with space", "q&a", "a'b,c", "[x]"] {
                write(root, &format!("content/measures/{name}.md"), MEASURE);
            }
            for name in ["รายงาน #1+.pdf", "100% done.pdf", "a&b c.pdf"] {
                write(root, &format!("content/files/{name}"), "%PDF-1.7\n");
            }
            write(
                root,
                "content/pages/files-page.md",
                "---\ntitle: เอกสาร\nattachments:\n  - \"files/รายงาน #1+.pdf\"\n  - files/100% done.pdf\n  - files/a&b c.pdf\n---\n",
            );
        }
        "case-twins" => {
            write(root, "content/measures/A.md", MEASURE);
            write(root, "content/measures/a.md", MEASURE);
            for name in ["Plan.pdf", "plan.pdf"] {
                write(root, &format!("content/files/{name}"), "%PDF-1.7\n");
            }
        }
        "windows-reserved-names" => {
            write(root, "content/measures/con.md", MEASURE);
            write(root, "content/files/AUX.pdf", "%PDF-1.7\n");
            write(root, "content/nul", "");
            write(root, "content/com1/b.md", "---\ntitle: หน้า\n---\n");
        }
        "trailing-dot-or-space" => {
            write(root, A, MEASURE);
            write(root, "content/measures/name.", MEASURE);
            write(root, "content/measures/b.md ", MEASURE);
            write(root, "content/files/report.pdf.", "%PDF-1.7\n");
        }
        "windows-forbidden-characters" => {
            for name in ["what?", "<x>"] {
                write(root, &format!("content/measures/{name}.md"), MEASURE);
            }
            write(root, "content/files/a|b.pdf", "%PDF-1.7\n");
        }
        "path-too-long" => {
            // 50 Thai letters a name (150 bytes: Linux allows 255), four deep: 220 characters.
            let folder = "โฟลเดอร์ที่ตั้งชื่อยาวมาก".repeat(2);
            write(
                root,
                &format!("content/pages/{folder}/{folder}/{folder}/{folder}.md"),
                "---\ntitle: หน้า\n---\n",
            );
        }
        "static-windows-names" => {
            write(root, A, MEASURE);
            write(root, "static/con.css", "body {}\n");
            write(root, "static/Logo.png", b"\x89PNG");
            write(root, "static/logo.png", b"\x89PNG");
        }
        "symlink-loop" => {
            write(root, A, MEASURE);
            symlink(root, "..", "content/measures/loop");
        }
        "symlink-to-root" => {
            write(root, A, MEASURE);
            symlink(root, "/", "content/measures/everything");
        }
        "symlink-to-usr" => {
            write(root, A, MEASURE);
            symlink(root, "/usr", "content/pages/usr");
        }
        "symlink-file-outside" => {
            write(root, A, MEASURE);
            symlink(root, "/etc/passwd", "content/pages/secret.md");
        }
        "non-utf8-file-name" => {
            use std::os::unix::ffi::OsStrExt;
            let (name, _, _) = encoding_rs::WINDOWS_874.encode("การใช้ทรัพย์สิน.md");
            let dir = root.join("content/measures");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(std::ffi::OsStr::from_bytes(&name)), MEASURE).unwrap();
        }
        "long-line" => write(
            root,
            A,
            format!("{MEASURE}\n<b>{}</b>\n", "ยาว".repeat(1 << 20)),
        ),
        "terminal-escapes" => {
            // Escape codes that would clear the screen and retitle the terminal, and a
            // right-to-left override, in a value, on its line, and in a file name.
            write(
                root,
                A,
                MEASURE.replace(
                    "status: done",
                    "status: \"\\e[2J\\e]0;pwned\\a\u{202e}enod\"",
                ),
            );
            write(
                root,
                "content/measures/\u{1b}[31mred.md",
                MEASURE.replace("done", "\u{1b}[2J"),
            );
        }
        "self-symlink" => symlink(root, "self.md", "content/measures/self.md"),
        "dangling-symlink" => symlink(root, "missing.md", "content/measures/gone.md"),
        "site-yaml-fifo" => mkfifo(root, "site.yaml"),
        "fifo" => mkfifo(root, "content/measures/pipe.md"),
        "disclosures-fifo" => mkfifo(root, "content/disclosures.yaml"),
        "criteria-fifo" => mkfifo(root, "criteria/ita-2566.yaml"),
        "static-fifo" => mkfifo(root, "static/pipe.css"),
        "disclosures-dev-zero" => symlink(root, "/dev/zero", "content/disclosures.yaml"),
        "disclosures-system-file" => symlink(root, "/etc/passwd", "content/disclosures.yaml"),
        "criteria-system-file" => symlink(root, "/etc/passwd", "criteria/ita-2566.yaml"),
        "static-link-outside" => symlink(root, "/etc/passwd", "static/passwd"),
        "template-link-outside" => symlink(root, "/etc/passwd", "templates/page.html"),
        "evidence-link-outside" => symlink(root, "/etc/passwd", "content/files/passwd"),
        "site-yaml-system-file" => {
            std::fs::remove_file(root.join("site.yaml")).unwrap();
            symlink(root, "/etc/passwd", "site.yaml");
        }
        "evidence-too-big" => sparse(root, "content/files/scan.pdf", 300 << 20),
        "static-too-big" => sparse(root, "static/video.mp4", 300 << 20),
        "disclosures-20000-entries" => {
            let entries: String = (0..20_000)
                .map(|i| format!("  - https://www.example.go.th/d/{i}\n"))
                .collect();
            write(root, "content/disclosures.yaml", format!("O1:\n{entries}"))
        }
        "criteria-alias-findings" => {
            // 100 items under one anchor, and 150 sub-indicators that each alias them: 15,000
            // repeated items (as many as the YAML reader's value limit lets through) from 6 KB.
            let items: String = (0..100).map(|_| "{code: O1, title: ก},").collect();
            let subs: String = (2..152)
                .map(|n| format!("  - {{code: '9.{n}', title: ข, items: *i}}\n"))
                .collect();
            write(
                root,
                "criteria/ita-2566.yaml",
                format!(
                    "year: 2566\nindicators:\n- number: 9\n  title: ก\n  sub_indicators:\n  - {{code: '9.1', title: ข, items: &i [{items}]}}\n{subs}"
                ),
            )
        }
        "canonically-equal-names" => {
            // น้ำ typed tone mark first and SARA AM first; é composed and decomposed.
            let names = [
                "\u{e19}\u{e49}\u{e33}.pdf",
                "\u{e19}\u{e33}\u{e49}.pdf",
                "caf\u{e9}.pdf",
                "cafe\u{301}.pdf",
            ];
            for n in names {
                write(root, &format!("content/files/{n}"), "%PDF-1.7\n");
            }
            let list: Vec<String> = names.iter().map(|n| format!("files/{n}")).collect();
            write(
                root,
                "content/pages/p.md",
                format!(
                    "---\ntitle: เอกสาร\nattachments: [{}]\n---\n",
                    list.join(", ")
                ),
            );
        }
        "attachment-trailing-dot" => write(root, "content/files/run.php.", "<?php ?>\n"),
        "invisible-file-names" => {
            write(root, "content/measures/a\u{200b}.md", MEASURE);
            write(root, "content/files/report\u{202e}fdp.exe", "MZ");
        }
        "unreadable-file" => {
            write(root, A, MEASURE);
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(root.join(A), std::fs::Permissions::from_mode(0o000)).unwrap();
        }
        "attachment-too-big" => {
            write(
                root,
                A,
                MEASURE.replacen("---\n\n", "attachments: [files/scan.pdf]\n---\n\n", 1),
            );
            // Sparse: 200 MB long, no disk used.
            std::fs::create_dir_all(root.join("content/files")).unwrap();
            let f = std::fs::File::create(root.join("content/files/scan.pdf")).unwrap();
            f.set_len(200 << 20).unwrap();
        }
        "attachment-symlink-outside" => {
            write(
                root,
                A,
                MEASURE.replacen("---\n\n", "attachments: [files/passwd]\n---\n\n", 1),
            );
            symlink(root, "/etc/passwd", "content/files/passwd");
        }
        _ => {}
    }
}

/// What a case must produce, read from its expected.txt.
#[derive(Default, Debug)]
struct Expected {
    exit: i32,
    /// The most time the build may take (a bomb that is not stopped at once runs for minutes).
    within: Option<Duration>,
    pages: Vec<String>,
    contains: Vec<String>,
    absent: Vec<String>,
    /// The fault shows only when pages are rendered, which `check` never does.
    only_build: bool,
}

fn expected(case: &Path) -> Expected {
    let text = std::fs::read_to_string(case.join("expected.txt")).unwrap();
    let mut e = Expected {
        exit: 1,
        ..Default::default()
    };
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(n) = line.strip_prefix("exit ") {
            e.exit = n.parse().unwrap();
        } else if let Some(n) = line.strip_prefix("within ") {
            let secs = n.trim_end_matches('s').parse().unwrap();
            e.within = Some(Duration::from_secs(secs));
        } else if let Some(p) = line.strip_prefix("page ") {
            e.pages.push(p.to_string());
        } else if line == "only build" {
            e.only_build = true;
        } else if let Some(t) = line.strip_prefix("absent ") {
            e.absent.push(t.to_string());
        } else {
            e.contains.push(line.to_string());
        }
    }
    e
}

fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

/// Runs `prongsai <command>` in `root`, killing it after [`CASE_TIMEOUT`]; None when it hung.
fn run(command: &str, root: &Path, as_nobody: bool) -> Option<(i32, String)> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prongsai"));
    cmd.arg(command)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .locale("C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if as_nobody {
        use std::os::unix::process::CommandExt;
        cmd.uid(65534).gid(65534);
    }
    let mut child = cmd.spawn().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut s).unwrap();
        String::from_utf8_lossy(&s).into_owned()
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some((status.code().unwrap_or(-1), reader.join().unwrap()));
        }
        if start.elapsed() > CASE_TIMEOUT {
            child.kill().unwrap();
            child.wait().unwrap();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs one case; returns its failures (empty when it passed) and how long it took.
fn run_case(case: &Path) -> (Vec<String>, Duration) {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let want = expected(case);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(case, &root);
    std::fs::remove_file(root.join("expected.txt")).unwrap();
    if !root.join("site.yaml").exists() {
        std::fs::copy(hostile().join("site.yaml"), root.join("site.yaml")).unwrap();
    }
    generate(&name, &root);
    // A previously published site, which a failed build must leave as it was.
    let public = root.join("public");
    write(&public, ".prongsai-build", "x");
    write(&public, "index.html", "the published site");
    write(&public, "measures/old/index.html", "old page");
    let before = snapshot(&public);
    // Root reads any file whatever its mode: the unreadable case runs as nobody, as a web editor would.
    let as_nobody = name == "unreadable-file" && is_root();
    if as_nobody {
        for e in walkdir::WalkDir::new(dir.path()) {
            let e = e.unwrap();
            std::os::unix::fs::lchown(e.path(), Some(65534), Some(65534)).unwrap();
        }
    }
    let start = Instant::now();
    let Some((code, err)) = run("build", &root, as_nobody) else {
        return (
            vec![format!("{name}: still running after {CASE_TIMEOUT:?}")],
            start.elapsed(),
        );
    };
    let took = start.elapsed();
    // To write a new case's expected.txt: HOSTILE_DUMP=/tmp/out cargo test --test hostile
    if let Some(dump) = std::env::var_os("HOSTILE_DUMP") {
        std::fs::create_dir_all(&dump).unwrap();
        std::fs::write(Path::new(&dump).join(&name), format!("exit {code}\n{err}")).unwrap();
    }
    let mut fails = Vec::new();
    let mut fail = |msg: String| fails.push(format!("{name}: {msg}\n--- output ---\n{err}"));
    if code != want.exit {
        fail(format!("exit code {code}, expected {}", want.exit));
    }
    if let Some(limit) = want.within
        && took > limit
    {
        fail(format!("took {took:.1?}, more than {limit:?}"));
    }
    if err.len() > 100_000 {
        fails.push(format!("{name}: {} bytes of messages", err.len()));
        return (fails, took);
    }
    if let Some(c) = err
        .chars()
        .find(|c| c.is_control() && *c != '\n' && *c != '\t')
    {
        fail(format!("the output holds the control character {c:?}"));
    }
    if err.contains("panicked") || err.contains("RUST_BACKTRACE") {
        fail("panicked".into());
    }
    for text in &want.contains {
        if !err.contains(text.as_str()) {
            fail(format!("expected `{text}` in the output"));
        }
    }
    for text in &want.absent {
        if err.contains(text.as_str()) {
            fail(format!("`{text}` must not be in the output"));
        }
    }
    if want.exit == 0 {
        for page in &want.pages {
            if !public.join(page).is_file() {
                fail(format!("{page} was not built"));
            }
        }
        if public.join("measures/old/index.html").exists() {
            fail("the old site was not replaced".into());
        }
        for broken in broken_links(&public).0 {
            fail(broken);
        }
    } else {
        if !err.contains("left as it was") {
            fail("the output does not say public/ was left as it was".into());
        }
        if snapshot(&public) != before {
            fail("public/ changed".into());
        }
        // check finds the same trouble without writing (errors found only while rendering or
        // writing, like two outputs on one path, are build's alone).
        match run("check", &root, as_nobody) {
            None => fail("check hung".into()),
            Some((_, out)) if out.contains("panicked") => fail(format!("check panicked: {out}")),
            Some((code, out))
                if code == 0 && !err.contains("two files of the site") && !want.only_build =>
            {
                fail(format!("check exit code {code}: {out}"))
            }
            Some(_) => {}
        }
    }
    (fails, took)
}

// Every hostile case ends with its exit code and messages, no panic, no hang, public/ intact on
// failure; the whole corpus runs in parallel in seconds and no build uses more than 1 GB.
#[test]
fn hostile_corpus() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(hostile())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let start = Instant::now();
    let results: Vec<(String, Vec<String>, Duration)> = std::thread::scope(|s| {
        let handles: Vec<_> = cases.iter().map(|c| s.spawn(move || run_case(c))).collect();
        cases
            .iter()
            .zip(handles)
            .map(|(c, h)| {
                let (f, t) = h.join().unwrap();
                (c.file_name().unwrap().to_string_lossy().into_owned(), f, t)
            })
            .collect()
    });
    let total = start.elapsed();
    let mut slowest: Vec<_> = results.iter().map(|(n, _, t)| (*t, n)).collect();
    slowest.sort();
    let mut log = std::io::stderr();
    let _ = writeln!(
        log,
        "{} hostile cases in {total:.1?}; slowest: {:?}",
        cases.len(),
        &slowest[slowest.len().saturating_sub(3)..]
    );
    let failures: Vec<&String> = results.iter().flat_map(|(_, f, _)| f).collect();
    assert!(
        failures.is_empty(),
        "{} failure(s):\n\n{}",
        failures.len(),
        failures
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    // The largest resident size of any build this test waited for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(
        unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) },
        0
    );
    let max_mb = usage.ru_maxrss / 1024;
    assert!(max_mb < 1024, "a build used {max_mb} MB");
}
