//! Faults while writing: the build killed with SIGKILL at random moments, two builds at once, a
//! full disk and a read-only output folder. In every case `public/` must be exactly the previous complete build
//! or the new complete build (compared by a hash of the whole tree), never a mix.
//!
//! The disk tests mount a small tmpfs, which needs root (CAP_SYS_ADMIN); without it they say so
//! and check only what needs no mount (an output path blocked by a file).

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{Locale, Tmpfs};

/// Writes a site of `measures` measures; `name` is the organisation, which every page shows, so
/// changing it changes every page.
fn make_site(root: &Path, measures: usize) {
    set_name(root, "องค์การบริหารส่วนตำบลหนึ่ง");
    let dir = root.join("content/measures");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..measures {
        let indicator = i % 10 + 1;
        let assessment =
            ["IIT", "EIT", "OIT"][usize::from(indicator > 5) + usize::from(indicator > 8)];
        let body = "รายละเอียดการดำเนินการตามมาตรการ ประชุมชี้แจงแนวทางปฏิบัติ\n\n".repeat(20);
        std::fs::write(
            dir.join(format!("m-{i:05}.md")),
            format!(
                "---\ntitle: มาตรการที่ {i}\nassessment: {assessment}\nindicator: {indicator}\nscore: {}.5\nstatus: done\nresponsible: [กอง{}]\nmethods: [จัดทำคู่มือ, ประชุมชี้แจง]\n---\n\n## ผลการดำเนินการ\n\n{body}",
                80 + indicator, // one score per indicator: two would contradict each other
                i % 40
            ),
        )
        .unwrap();
    }
}

fn set_name(root: &Path, name: &str) {
    std::fs::create_dir_all(root).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        format!("name: {name}\nfiscal_year: 2566\n"),
    )
    .unwrap();
}

fn prongsai(root: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prongsai"));
    // Without the search index: its file names hash its content, so two builds' file lists would
    // differ, and it makes each build slower; it goes through the same back buffer and swap.
    cmd.args(["build", "--quiet", "--no-search", "--out"])
        .arg(out)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .locale("C.UTF-8")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

fn build(root: &Path, out: &Path) -> (bool, String) {
    let o = prongsai(root, out).output().unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// A hash of every path and its bytes under `dir` (None when `dir` is missing).
fn tree_hash(dir: &Path) -> Option<u64> {
    if !dir.exists() {
        return None;
    }
    let mut h = std::hash::DefaultHasher::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        e.path().strip_prefix(dir).unwrap().hash(&mut h);
        if e.file_type().is_file() {
            std::fs::read(e.path()).unwrap().hash(&mut h);
        }
    }
    Some(h.finish())
}

/// Random-looking numbers without a dependency; seeded from the clock, printed for replay.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

fn entries(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// The files under `dir`, relative, sorted.
fn paths(dir: &Path) -> BTreeSet<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect()
}

/// Whether `dir` is one complete build for the organisation `name`: exactly the site's files,
/// and every page names `name` (pages of another build would name another).
fn is_build_of(dir: &Path, name: &str, files: &BTreeSet<PathBuf>) -> bool {
    paths(dir) == *files
        && files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .all(|p| std::fs::read_to_string(dir.join(p)).unwrap().contains(name))
}

// Fifty builds of a 1,000-measure site killed with SIGKILL at random moments, each round with a
// new organisation name so every page changes: public/ is always exactly the previous complete
// build (same hash) or the whole new one, and the next build finishes the job.
#[test]
fn sigkill_at_random_moments_never_leaves_a_mixed_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    make_site(&root, 1000);
    let out = dir.path().join("out/public");
    let start = Instant::now();
    let (ok, err) = build(&root, &out);
    assert!(ok, "{err}");
    let took = start.elapsed();
    let files = paths(&out);
    let back = out.with_file_name(".public.prongsai");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut rng = Lcg(seed);
    let window = took.as_millis() as u64;
    let mut published = tree_hash(&out);
    let (mut old, mut new, mut mid_write) = (0, 0, 0);
    for round in 0..50 {
        let name = format!("องค์การบริหารส่วนตำบลรอบที่ {round}");
        set_name(&root, &name);
        let back_before = tree_hash(&back);
        let mut child = prongsai(&root, &out).stderr(Stdio::null()).spawn().unwrap();
        let at = rng.below(window);
        std::thread::sleep(Duration::from_millis(at));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let now = tree_hash(&out);
        if now == published {
            old += 1;
            if tree_hash(&back) != back_before {
                mid_write += 1;
            }
        } else {
            assert!(
                is_build_of(&out, &name, &files),
                "round {round} (seed {seed}, kill at {at} ms): public/ is neither build"
            );
            published = now;
            new += 1;
        }
        // Nothing but the output and its back buffer beside it.
        let beside = entries(out.parent().unwrap());
        assert!(
            beside
                .iter()
                .all(|n| n == "public" || n == ".public.prongsai"),
            "round {round}: {beside:?}"
        );
    }
    eprintln!(
        "50 kills in a {window} ms window (seed {seed}): {old} left the previous site ({mid_write} of them while writing), {new} the new one"
    );
    // The next build completes, and swaps the previous site into the back buffer whole.
    set_name(&root, "องค์การบริหารส่วนตำบลสุดท้าย");
    let (ok, err) = build(&root, &out);
    assert!(ok, "{err}");
    assert!(is_build_of(&out, "องค์การบริหารส่วนตำบลสุดท้าย", &files));
    assert_eq!(
        tree_hash(&back),
        published,
        "the back buffer is not the previous complete build"
    );
}

/// Bytes in use on the file system holding `dir`.
fn used_bytes(dir: &Path) -> u64 {
    let c = std::ffi::CString::new(dir.as_os_str().as_encoded_bytes()).unwrap();
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::statvfs(c.as_ptr(), &mut st) }, 0);
    (st.f_blocks - st.f_bfree) as u64 * st.f_frsize as u64
}

// The disk fills up while the new site is written: a clear error, and the previous site intact.
#[test]
fn disk_full_keeps_the_previous_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    make_site(&root, 200);
    let Some(disk) = Tmpfs::mount(&dir.path().join("disk"), 64 << 10) else {
        return;
    };
    let out = disk.0.join("public");
    let (ok, err) = build(&root, &out);
    assert!(ok, "{err}");
    let before = tree_hash(&out);
    // Shrink the disk to one copy of the site and a half: no room for the second copy a build
    // writes beside the first.
    let kib = used_bytes(&disk.0) * 3 / 2 / 1024;
    let s = Command::new("mount")
        .args(["-o", &format!("remount,size={kib}k")])
        .arg(&disk.0)
        .status()
        .unwrap();
    assert!(s.success());
    set_name(&root, "องค์การบริหารส่วนตำบลใหม่");
    let (ok, err) = build(&root, &out);
    assert!(!ok, "the second build cannot fit");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(err.contains("the previous site is left as it was"), "{err}");
    assert_eq!(tree_hash(&out), before, "public/ changed");
    assert!(
        !out.with_file_name(".public.prongsai").exists(),
        "the half-written back buffer still fills the disk"
    );
    // With room again, the next build goes through.
    Command::new("mount")
        .args(["-o", "remount,size=65536k"])
        .arg(&disk.0)
        .status()
        .unwrap();
    let (ok, err) = build(&root, &out);
    assert!(ok, "{err}");
}

// The output folder is on a read-only file system: a clear error, and the previous site intact.
#[test]
fn read_only_output_keeps_the_previous_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    make_site(&root, 20);
    let Some(disk) = Tmpfs::mount(&dir.path().join("disk"), 16 << 10) else {
        return;
    };
    let out = disk.0.join("public");
    assert!(build(&root, &out).0);
    let before = tree_hash(&out);
    disk.read_only();
    set_name(&root, "องค์การบริหารส่วนตำบลใหม่");
    let (ok, err) = build(&root, &out);
    assert!(!ok);
    assert!(err.contains("Read-only file system"), "{err}");
    assert!(err.contains("was left as it was"), "{err}");
    assert_eq!(tree_hash(&out), before, "public/ changed");
}

// An output path that runs through a file (no mount needed, and root cannot write there either).
#[test]
fn output_path_through_a_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    make_site(&root, 3);
    std::fs::write(dir.path().join("blocker"), "a file, not a folder").unwrap();
    let (ok, err) = build(&root, &dir.path().join("blocker/public"));
    assert!(!ok);
    assert!(err.contains("cannot write the site"), "{err}");
    let (ok, err) = build(&root, &dir.path().join("blocker"));
    assert!(!ok);
    assert!(err.contains("is a file, not a folder"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("blocker")).unwrap(),
        "a file, not a folder"
    );
}

// Two builds into one folder at once (a manual build while the preview server rebuilds): each
// waits for the other, and public/ ends as one whole build, never pages of both.
#[test]
fn concurrent_builds_never_mix() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    make_site(&root, 300);
    let out = dir.path().join("out/public");
    assert!(build(&root, &out).0);
    let files = paths(&out);
    for round in 0..6 {
        // Two site folders sharing the output, with different names on every page.
        let names = [format!("อบต.ก{round}"), format!("อบต.ข{round}")];
        let roots: Vec<PathBuf> = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let r = dir.path().join(format!("site{i}"));
                if !r.exists() {
                    make_site(&r, 300);
                }
                set_name(&r, name);
                r
            })
            .collect();
        let children: Vec<_> = roots
            .iter()
            .map(|r| prongsai(r, &out).spawn().unwrap())
            .collect();
        for c in children {
            let o = c.wait_with_output().unwrap();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        assert!(
            names.iter().any(|n| is_build_of(&out, n, &files)),
            "round {round}: public/ mixes two builds"
        );
    }
}

/// `prongsai build` run under strace with `injections` (strace `-e inject=` specs): the swap
/// then takes the path of a system without `RENAME_EXCHANGE` and meets the refused or killed
/// renames a Windows machine meets. None (after one printed line) when strace cannot run here.
fn build_injected(root: &Path, out: &Path, injections: &[&str]) -> Option<(bool, String)> {
    let mut cmd = Command::new("strace");
    cmd.args([
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        "trace=rename,renameat,renameat2",
    ]);
    for i in injections {
        cmd.args(["-e", &format!("inject={i}")]);
    }
    let o = cmd
        .arg(env!("CARGO_BIN_EXE_prongsai"))
        .args(["build", "--quiet", "--no-search", "--out"])
        .arg(out)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .locale("C.UTF-8")
        .output();
    match o {
        Ok(o) if !String::from_utf8_lossy(&o.stderr).contains("strace:") => Some((
            o.status.success(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )),
        other => {
            eprintln!("skipped: strace cannot inject faults here ({other:?})");
            None
        }
    }
}

/// No exchange: the system answers `renameat2(RENAME_EXCHANGE)` as FUSE, network drives and
/// WSL's /mnt/c do; the swap falls back to three renames.
const NO_EXCHANGE: &str = "renameat2:error=EINVAL";

// Without the atomic exchange, each rename of the three-rename swap refused in turn (as Windows
// refuses one while a PDF of the site is open) or the build killed between two of them: the
// message is true, public/ is the previous or the new build, and the next build cleans up.
#[test]
fn swap_without_exchange_survives_refused_and_killed_renames() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    make_site(&root, 5);
    let out = root.join("public");
    let parked = root.join(".public.prongsai-old");
    let (ok, err) = build(&root, &out);
    assert!(ok, "{err}");
    let files = paths(&out);
    let round = |n: usize| format!("องค์การบริหารส่วนตำบลรอบ {n}");

    // The second rename (the new site into place) refused: the previous site is put back.
    set_name(&root, &round(1));
    let before = tree_hash(&out);
    let Some((ok, err)) = build_injected(&root, &out, &[NO_EXCHANGE, "rename:error=EBUSY:when=2"])
    else {
        return;
    };
    assert!(!ok, "the build must fail");
    assert!(err.contains("left as it was"), "{err}");
    assert_eq!(tree_hash(&out), before, "public/ changed");
    assert!(!parked.exists(), "a leftover stays behind");

    // The second and the undoing third refused: public/ is gone, and the message says where the
    // previous site is; the next build puts it back first, then builds.
    let (ok, err) =
        build_injected(&root, &out, &[NO_EXCHANGE, "rename:error=EBUSY:when=2..3"]).unwrap();
    assert!(!ok);
    assert!(!out.exists());
    assert!(
        err.contains(".public.prongsai-old") && !err.contains("left as it was"),
        "{err}"
    );
    assert_eq!(tree_hash(&parked), before);
    let (ok, err) = build_injected(&root, &out, &[NO_EXCHANGE]).unwrap();
    assert!(ok, "{err}");
    assert!(is_build_of(&out, &round(1), &files));
    assert!(!parked.exists());

    // Killed between the first and the second rename: no public/ until the next build, which
    // puts the previous site back and then swaps in the new one.
    set_name(&root, &round(2));
    let before = tree_hash(&out);
    let _ = build_injected(&root, &out, &[NO_EXCHANGE, "rename:signal=KILL:when=2"]).unwrap();
    assert!(!out.exists(), "the kill came between the renames");
    assert_eq!(tree_hash(&parked), before);
    let (ok, err) = build_injected(&root, &out, &[NO_EXCHANGE]).unwrap();
    assert!(ok, "{err}");
    assert!(is_build_of(&out, &round(2), &files));
    assert!(!parked.exists());

    // The third rename (the previous site into the back buffer) refused: the new site is out,
    // and the leftover is taken up by the next build instead of failing it.
    set_name(&root, &round(3));
    let (ok, err) =
        build_injected(&root, &out, &[NO_EXCHANGE, "rename:error=EBUSY:when=3"]).unwrap();
    assert!(ok, "{err}");
    assert!(is_build_of(&out, &round(3), &files));
    assert!(parked.exists());
    set_name(&root, &round(4));
    let (ok, err) = build_injected(&root, &out, &[NO_EXCHANGE]).unwrap();
    assert!(ok, "{err}");
    assert!(is_build_of(&out, &round(4), &files));
    let beside = entries(&root);
    assert!(
        !beside
            .iter()
            .any(|n| n.contains("-old") || n.contains("swap")),
        "{beside:?}"
    );
}

/// A bindfs (FUSE) mount of `real` at `at`, unmounted when dropped; None (after one printed
/// line) without bindfs, /dev/fuse or the right to mount.
struct Bindfs(PathBuf);

impl Bindfs {
    fn mount(real: &Path, at: &Path) -> Option<Bindfs> {
        let ok = Path::new("/dev/fuse").exists()
            && Command::new("bindfs")
                .arg(real)
                .arg(at)
                .status()
                .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: no bindfs mount here (apt-get install bindfs fuse3, as root)");
            return None;
        }
        Some(Bindfs(at.to_path_buf()))
    }
}

impl Drop for Bindfs {
    fn drop(&mut self) {
        let _ = Command::new("fusermount").arg("-u").arg(&self.0).status();
    }
}

// On a FUSE file system, which has no RENAME_EXCHANGE (as network drives and WSL's /mnt/c),
// builds swap by three renames; a refused second rename or a kill between them leaves the
// previous site in place or restored by the next build, and no leftover.
#[test]
fn on_fuse_without_exchange_the_swap_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (real, mnt) = (dir.path().join("real"), dir.path().join("mnt"));
    std::fs::create_dir_all(&mnt).unwrap();
    make_site(&real.join("site"), 5);
    let Some(_mount) = Bindfs::mount(&real, &mnt) else {
        return;
    };
    let root = mnt.join("site");
    let out = root.join("public");
    let (ok, err) = build(&root, &out);
    assert!(ok, "{err}");
    let files = paths(&out);
    set_name(&root, "องค์การบริหารส่วนตำบลฟิวส์");
    let before = tree_hash(&out);
    let Some((ok, err)) = build_injected(&root, &out, &["rename:error=EBUSY:when=2"]) else {
        return;
    };
    assert!(!ok && err.contains("left as it was"), "{err}");
    assert_eq!(tree_hash(&out), before);
    let _ = build_injected(&root, &out, &["rename:signal=KILL:when=2"]);
    assert!(!out.exists(), "the kill came between the renames");
    let (ok, err) = build(&root, &out);
    assert!(ok, "{err}");
    assert!(is_build_of(&out, "องค์การบริหารส่วนตำบลฟิวส์", &files));
    let beside = entries(&root);
    assert!(!beside.iter().any(|n| n.ends_with("-old")), "{beside:?}");
}
