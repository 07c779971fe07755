//! The Windows program, tested and not only built: `prongsai.exe`, cross-compiled for
//! x86_64-pc-windows-gnu as `scripts/dist.sh` ships it, runs under Debian's wine and makes the
//! same bytes as the Linux binary, says the same findings (with Windows paths), works in a folder
//! with Thai names, spaces and CRLF files, and its double-click launchers run.
//!
//! It needs the Rust target, MinGW and wine64 (`.ci/run` installs them); when one is missing every
//! test prints one line saying so and passes. Debian's wine 8 lacks `bcryptprimitives.dll`, which
//! every Windows 10 and 11 has (Rust's standard library imports `ProcessPrng` from it), so the
//! exe runs beside a stand-in built here from `tests/wine/bcryptprimitives.c`, which never ships.
//! The first run builds the release exe (a few minutes); wine keeps its prefix in the target dir.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use common::{Locale, NOW, snapshot};

const TARGET: &str = "x86_64-pc-windows-gnu";
const WINE: &str = "/usr/lib/wine/wine64";
const MINGW: &str = "x86_64-w64-mingw32-gcc";

/// The target dir this test binary was built in (its binary is `<dir>/debug/prongsai`).
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_prongsai"))
        .ancestors()
        .nth(2)
        .unwrap()
        .to_path_buf()
}

/// A folder holding `prongsai.exe` and the stand-in DLL, made once for all tests; None, with one
/// line printed, when the machine lacks a piece.
fn windows_dir() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let sysroot = Command::new("rustc")
            .args(["--print", "sysroot"])
            .output()
            .ok()?;
        let sysroot = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
        let missing = [
            (!sysroot.join("lib/rustlib").join(TARGET).is_dir())
                .then_some("the Rust target (rustup target add x86_64-pc-windows-gnu)"),
            Command::new(MINGW)
                .arg("--version")
                .output()
                .is_err()
                .then_some("MinGW (apt-get install gcc-mingw-w64-x86-64)"),
            (!Path::new(WINE).is_file()).then_some("wine (apt-get install wine64)"),
        ];
        if let Some(what) = missing.into_iter().flatten().next() {
            println!("skipped: the Windows program is not tested here: no {what}");
            return None;
        }
        Some(prepare())
    });
    dir.as_deref()
}

/// Builds the release exe and the stand-in DLL into `<target>/windows-test/`, and readies wine.
fn prepare() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let built = Command::new(cargo)
        .args(["build", "--release", "--locked", "--target", TARGET])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target_dir())
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", common::stderr(&built));
    let dir = target_dir().join("windows-test");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        target_dir().join(TARGET).join("release/prongsai.exe"),
        dir.join("prongsai.exe"),
    )
    .unwrap();
    let shim = Command::new(MINGW)
        .args(["-shared", "-O2", "-o"])
        .arg(dir.join("bcryptprimitives.dll"))
        .arg(root.join("tests/wine/bcryptprimitives.c"))
        .arg("-ladvapi32")
        .output()
        .unwrap();
    assert!(shim.status.success(), "{}", common::stderr(&shim));
    // The first start makes the wine prefix; once, before the tests start wine side by side.
    let boot = wine(&dir).args(["cmd", "/c", "exit"]).output().unwrap();
    assert!(boot.status.success(), "{}", common::stderr(&boot));
    dir
}

/// `wine64` with its own prefix, quiet, at the tests' fixed "now".
fn wine(dir: &Path) -> Command {
    let mut cmd = Command::new(WINE);
    cmd.current_dir(dir)
        .env("WINEPREFIX", target_dir().join("wine-prefix"))
        .env("WINEDEBUG", "-all")
        // No dialogs offering to install wine's Mono and Gecko.
        .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
        .env("NO_COLOR", "1")
        // The program's messages in English, which the tests read; wine's own locale stays.
        .env("PRONGSAI_LANG", "en")
        .env("SOURCE_DATE_EPOCH", NOW.to_string())
        .stdin(Stdio::null());
    cmd
}

/// `prongsai.exe ARGS` under wine, in `cwd`.
fn exe(dir: &Path, args: &[&str], cwd: &Path) -> Output {
    let mut cmd = wine(dir);
    cmd.arg(dir.join("prongsai.exe"))
        .args(args)
        .current_dir(cwd);
    cmd.output().unwrap()
}

/// A new site made by the Linux binary's `init` in `parent/name`.
fn init(parent: &Path, name: &str) -> PathBuf {
    let o = common::prongsai(&["init", name], parent);
    assert!(o.status.success(), "{}", common::stderr(&o));
    parent.join(name)
}

/// Builds `site` with the Linux binary into a folder of its own and with the exe into
/// `site/public`, and says both trees are byte for byte the same.
fn assert_same_build(dir: &Path, site: &Path) -> usize {
    let linux = site.parent().unwrap().join("linux-public");
    let o = common::prongsai(
        &["build", "--root", ".", "--out", &linux.to_string_lossy()],
        site,
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = exe(dir, &["build", "--root", "."], site);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let (linux, windows) = (snapshot(&linux), snapshot(&site.join("public")));
    assert_eq!(
        linux.keys().collect::<Vec<_>>(),
        windows.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &linux {
        assert!(windows[path] == *bytes, "{} differs", path.display());
    }
    linux.len()
}

// The example site that ships in the zip builds under Windows into the very bytes the Linux
// binary makes.
#[test]
fn the_windows_build_of_the_example_site_is_byte_identical_to_the_linux_build() {
    let Some(dir) = windows_dir() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let site = init(tmp.path(), "site");
    let files = assert_same_build(dir, &site);
    println!("{files} files, byte for byte the same");
}

// A site folder with a Thai name and spaces, a Thai file name with spaces, and CRLF files builds
// on Windows, the same as on Linux.
#[test]
fn a_thai_folder_with_spaces_and_crlf_files_builds_the_same_on_windows() {
    let Some(dir) = windows_dir() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let site = init(tmp.path(), "เว็บไซต์ อบต ทดสอบ");
    let measure = common::read(&site.join("content/measures/measure-1.md"));
    std::fs::write(
        site.join("content/measures/มาตรการ ที่ ๒.md"),
        measure
            .replace("มาตรการตัวอย่าง", "มาตรการที่สอง")
            .replace('\n', "\r\n"),
    )
    .unwrap();
    let yaml = common::read(&site.join("site.yaml"));
    std::fs::write(site.join("site.yaml"), yaml.replace('\n', "\r\n")).unwrap();
    assert_same_build(dir, &site);
    let pages = snapshot(&site.join("public"));
    assert!(
        pages
            .keys()
            .any(|p| p.to_string_lossy().contains("มาตรการ-ที่-๒")),
        "the Thai-named measure has a page"
    );
}

// `check` on a broken file says on Windows what it says on Linux, at the same line and column,
// with the path written the Windows way.
#[test]
fn check_gives_the_same_finding_on_windows() {
    let Some(dir) = windows_dir() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let site = init(tmp.path(), "site");
    let path = site.join("content/measures/measure-1.md");
    let text = common::read(&path);
    assert!(text.contains("status: "), "{text}");
    let broken = text.replacen("status: ", "status: finished # ", 1);
    std::fs::write(&path, broken).unwrap();
    let linux = common::prongsai(&["check", "--root", "."], &site);
    let windows = exe(dir, &["check", "--root", "."], &site);
    assert_eq!(linux.status.code(), Some(1), "{}", common::stderr(&linux));
    assert_eq!(
        windows.status.code(),
        Some(1),
        "{}",
        common::stderr(&windows)
    );
    let (linux, windows) = (common::stderr(&linux), common::stderr(&windows));
    assert!(
        windows.contains("content\\measures\\measure-1.md:"),
        "{windows}"
    );
    assert_eq!(windows.replace('\\', "/"), linux);
}

// Under a Thai locale the exe speaks Thai, as on Linux: the same finding, in the same words.
// (Wine hands the Unix locale to the program; on Windows itself the regional setting is asked.)
#[test]
fn the_exe_speaks_thai_under_a_thai_locale() {
    let Some(dir) = windows_dir() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let site = init(tmp.path(), "site");
    let path = site.join("content/measures/measure-1.md");
    let broken = common::read(&path).replacen("status: ", "status: finished # ", 1);
    std::fs::write(&path, broken).unwrap();
    let linux = common::prongsai_in(NOW, "th_TH.UTF-8", &["check", "--root", "."], &site);
    let windows = wine(dir)
        .arg(dir.join("prongsai.exe"))
        .args(["check", "--root", "."])
        .current_dir(&site)
        .locale("th_TH.UTF-8")
        .output()
        .unwrap();
    let (linux, windows) = (common::stderr(&linux), common::stderr(&windows));
    assert!(windows.contains("ไม่รู้จักสถานะ `finished`"), "{windows}");
    assert!(windows.contains("ข้อผิดพลาด 1 รายการ"), "{windows}");
    assert_eq!(windows.replace('\\', "/"), linux);
}

/// Runs a launcher of `packaging/windows/` in `stage` with cmd.exe, a key ready for its `pause`.
fn launcher(dir: &Path, stage: &Path, name: &str) -> (Option<i32>, String) {
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("packaging/windows")
            .join(name),
        stage.join(name),
    )
    .unwrap();
    let mut child = wine(dir)
        .args(["cmd", "/c", name])
        .current_dir(stage)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let _ = child.stdin.take().unwrap().write_all(b"\r\n");
    let o = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code(), text)
}

// The double-click launchers run under cmd.exe as the zip lays them out (prongsai.exe and site\
// beside them), take the branch of what happened (told apart here by the file names each
// branch's Thai text names: wine's cmd reads a batch file in the OEM code page whatever `chcp`
// says, so it garbles the Thai that Windows 10 and 11 show), wait for a key, and exit with the
// program's status.
#[test]
fn the_launchers_run_and_take_the_branch_of_what_happened() {
    let Some(dir) = windows_dir() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let stage = tmp.path().join("prongsai ทดสอบ");
    std::fs::create_dir_all(&stage).unwrap();
    for file in ["prongsai.exe", "bcryptprimitives.dll"] {
        std::fs::copy(dir.join(file), stage.join(file)).unwrap();
    }
    // No site yet: the preview says it cannot start, naming site.yaml.
    let (code, text) = launcher(dir, &stage, "1-preview.cmd");
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("no site.yaml in") && text.contains(" site.yaml)"),
        "{text}"
    );

    init(&stage, "site");
    let (code, text) = launcher(dir, &stage, "2-check.cmd");
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("0 errors") && text.contains("3-build.cmd)"),
        "{text}"
    );
    let (code, text) = launcher(dir, &stage, "3-build.cmd");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("FileZilla"), "{text}");
    assert!(stage.join("site/public/index.html").is_file());

    let measure = stage.join("site/content/measures/measure-1.md");
    let broken = common::read(&measure).replacen("status: ", "status: finished # ", 1);
    std::fs::write(&measure, broken).unwrap();
    let (code, text) = launcher(dir, &stage, "2-check.cmd");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("measure-1.md:") && text.contains(" 2-check.cmd "),
        "{text}"
    );
    let (code, text) = launcher(dir, &stage, "3-build.cmd");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains(" 3-build.cmd ") && !text.contains("FileZilla"),
        "{text}"
    );
}
