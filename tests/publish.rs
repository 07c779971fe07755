//! `prongsai publish` against real servers started here: OpenSSH's SFTP and vsftpd (FTP, and
//! FTPS with a self-signed certificate the site trusts explicitly), each on a free port of
//! 127.0.0.1 with a throwaway user and folder, stopped (with every session process) when the
//! test ends; and a folder destination. Each destination must equal `public/` after a first
//! publish, an edit, a deletion and an interruption, and the failures clerks meet must say what
//! to do and leave the published site as it was.
//!
//! Servers and users need root (CI runs as root): without root, or without a server binary
//! (`.ci/run` installs them), a case prints one line saying so and passes.

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{Locale, Tmpfs, snapshot};
use prongsai::publish::manifest::{self, Manifest};

/// Where a test publishes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Folder,
    Sftp,
    Ftp,
    Ftps,
}

/// A destination ready to publish to: its url, the folder on this machine that holds what was
/// published, and the server and user behind it (dropped last: the server stops, then the user
/// goes).
struct Dest {
    kind: Kind,
    url: String,
    dir: PathBuf,
    server: Option<Server>,
    user: Option<User>,
    password: String,
    /// The FTPS certificate the site trusts, copied into the site as `host.pem`.
    cert: Option<PathBuf>,
    scratch: tempfile::TempDir,
}

static SEQ: AtomicUsize = AtomicUsize::new(0);

fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

/// A destination of `kind`, or None (said on one line) when this machine cannot run it.
fn dest(kind: Kind) -> Option<Dest> {
    let scratch = tempfile::tempdir().unwrap();
    if kind == Kind::Folder {
        let dir = scratch.path().join("www");
        std::fs::create_dir(&dir).unwrap();
        return Some(Dest {
            kind,
            url: dir.display().to_string(),
            dir,
            server: None,
            user: None,
            password: String::new(),
            cert: None,
            scratch,
        });
    }
    let binary = if kind == Kind::Sftp {
        "/usr/sbin/sshd"
    } else {
        "/usr/sbin/vsftpd"
    };
    if !is_root() || !Path::new(binary).exists() {
        eprintln!(
            "skipped {kind:?}: needs root and {binary} (.ci/run installs openssh-server and vsftpd)"
        );
        return None;
    }
    let user = User::new(scratch.path());
    let dir = user.home.join("www");
    std::fs::create_dir(&dir).unwrap();
    chown(&dir, &user.name);
    let port = free_port();
    let (server, cert) = match kind {
        Kind::Sftp => (Server::sshd(scratch.path(), port, &user.name, "a"), None),
        _ => {
            let (server, cert) = Server::vsftpd(scratch.path(), port, kind == Kind::Ftps);
            (server, cert)
        }
    };
    let scheme = format!("{kind:?}").to_lowercase();
    Some(Dest {
        kind,
        url: format!("{scheme}://{}@127.0.0.1:{port}/www/", user.name),
        dir,
        server: Some(server),
        password: user.password.clone(),
        user: Some(user),
        cert,
        scratch,
    })
}

impl Dest {
    /// A copy of the example site (the repository's) that publishes here.
    fn site(&self) -> tempfile::TempDir {
        let site = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        common::copy_dir(&repo.join("content"), &site.path().join("content"));
        let mut yaml = common::read(&repo.join("site.yaml"));
        yaml.push_str(&format!("publish:\n  url: '{}'\n", self.url));
        if let Some(cert) = &self.cert {
            std::fs::copy(cert, site.path().join("host.pem")).unwrap();
            yaml.push_str("  certificate: host.pem\n");
        }
        std::fs::write(site.path().join("site.yaml"), yaml).unwrap();
        site
    }

    /// `prongsai publish ARGS` in `site`, with this destination's password and known hosts.
    fn command(&self, site: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_prongsai"));
        cmd.arg("publish")
            .args(args)
            .current_dir(site)
            .env("NO_COLOR", "1")
            .locale("C.UTF-8")
            .env("PRONGSAI_PASSWORD", &self.password)
            .env("XDG_CONFIG_HOME", self.scratch.path().join("config"))
            .stdin(Stdio::null());
        cmd
    }

    /// Publishes `site`; SFTP host keys are accepted by their fingerprint, as a script would.
    fn publish(&self, site: &Path) -> Output {
        let mut args = vec![];
        let fp;
        if let Some(s) = self.server.as_ref().filter(|_| self.kind == Kind::Sftp) {
            fp = s.fingerprint.clone();
            args = vec!["--accept-host-key", fp.as_str()];
        }
        self.command(site, &args).output().unwrap()
    }

    /// What the destination holds, as published: its files but the manifest and `others`.
    fn published(&self, others: &[&str]) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut tree = snapshot(&self.dir);
        tree.remove(Path::new(manifest::NAME));
        for o in others {
            tree.remove(Path::new(o));
        }
        tree
    }
}

/// The built site as it should be published (without the build marker).
fn built(site: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut tree = snapshot(&site.join("public"));
    tree.remove(Path::new(".prongsai-build"));
    tree
}

/// Asserts two trees are equal, naming the paths that differ (not their bytes).
fn same(got: &BTreeMap<PathBuf, Vec<u8>>, want: &BTreeMap<PathBuf, Vec<u8>>, what: &str) {
    let differ: Vec<String> = got
        .keys()
        .chain(want.keys())
        .filter(|p| got.get(*p) != want.get(*p))
        .map(|p| p.display().to_string())
        .collect();
    assert!(differ.is_empty(), "{what}: these files differ: {differ:?}");
}

/// The counts of the closing line "sent N files, deleted M files".
fn counts(o: &Output) -> (usize, usize) {
    let text = common::stderr(o);
    let line = text
        .lines()
        .find(|l| l.starts_with("sent "))
        .unwrap_or_else(|| panic!("no summary in:\n{text}"));
    let words: Vec<&str> = line.split(' ').collect();
    (words[1].parse().unwrap(), words[4].parse().unwrap())
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "publish failed ({:?}):\n{}",
        o.status.code(),
        common::stderr(o)
    );
}

/// Files of `after` that are new or differ from `before`, and files of `before` gone in `after`.
fn changes(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
) -> (usize, usize) {
    let changed = after
        .iter()
        .filter(|(p, b)| before.get(*p) != Some(b))
        .count();
    let gone = before.keys().filter(|p| !after.contains_key(*p)).count();
    (changed, gone)
}

/// The routine of a clerk: a first publish, an edited measure, a deleted measure. The
/// destination equals `public/` after each; only what changed is sent; the host's own files stay.
fn routine(kind: Kind) {
    let Some(d) = dest(kind) else { return };
    let site = d.site();
    let o = d.publish(site.path());
    ok(&o);
    let first = built(site.path());
    assert_eq!(counts(&o), (first.len(), 0));
    same(
        &d.published(&[]),
        &first,
        &format!("{kind:?}: first publish"),
    );

    // The host's own files, beside and among the published ones.
    std::fs::write(d.dir.join("host-own.txt"), "the host's").unwrap();
    std::fs::write(d.dir.join("measures/host-note.txt"), "the host's").unwrap();
    let own = ["host-own.txt", "measures/host-note.txt"];

    let again = d.publish(site.path());
    ok(&again);
    assert_eq!(counts(&again), (0, 0), "{kind:?}: nothing changed");

    let measure = site.path().join("content/measures/eit-work-system.md");
    let text = common::read(&measure);
    std::fs::write(&measure, text + "\nแก้ไขเพิ่มเติม: ประชุมทบทวนขั้นตอนการปฏิบัติงาน\n").unwrap();
    let o = d.publish(site.path());
    ok(&o);
    let edited = built(site.path());
    let (changed, gone) = changes(&first, &edited);
    assert!(changed > 0 && changed < first.len() / 4, "{changed}");
    assert_eq!(
        counts(&o),
        (changed, gone),
        "{kind:?}: only the changed files"
    );
    same(
        &d.published(&own),
        &edited,
        &format!("{kind:?}: after the edit"),
    );

    std::fs::remove_file(&measure).unwrap();
    let o = d.publish(site.path());
    ok(&o);
    let deleted = built(site.path());
    let (changed, gone) = changes(&edited, &deleted);
    assert_eq!(gone, 1, "deleting a measure removes its page");
    assert_eq!(
        counts(&o),
        (changed, 1),
        "{kind:?}: the page deleted, nothing else"
    );
    assert!(!d.dir.join("measures/eit-work-system").exists());
    same(
        &d.published(&own),
        &deleted,
        &format!("{kind:?}: after the deletion"),
    );
    for f in own {
        assert!(
            d.dir.join(f).is_file(),
            "{kind:?}: the host's {f} was deleted"
        );
    }
}

// A folder destination stays equal to public/ through an edit and a deletion, and only what
// changed is sent.
#[test]
fn a_folder_destination_follows_edits_and_deletions() {
    routine(Kind::Folder);
}

// An SFTP destination (OpenSSH) stays equal to public/ through an edit and a deletion.
#[test]
fn an_sftp_destination_follows_edits_and_deletions() {
    routine(Kind::Sftp);
}

// An FTP destination (vsftpd) stays equal to public/ through an edit and a deletion.
#[test]
fn an_ftp_destination_follows_edits_and_deletions() {
    routine(Kind::Ftp);
}

// An FTPS destination with a self-signed certificate the site trusts stays equal to public/.
#[test]
fn an_ftps_destination_follows_edits_and_deletions() {
    routine(Kind::Ftps);
}

/// A publish of many files stopped halfway (the server killed, or for a folder the publish
/// itself): it fails saying so, the manifest claims only files that arrived whole, and the
/// next run completes the destination.
fn interrupted(kind: Kind) {
    let Some(mut d) = dest(kind) else { return };
    let site = d.site();
    for i in 0..400 {
        let m = format!(
            "---\ntitle: มาตรการทดสอบที่ {i}\nfiscal_year: 2566\nassessment: IIT\nindicator: 1\nstatus: done\n---\nรายละเอียดของมาตรการ {i}\n"
        );
        std::fs::write(site.path().join(format!("content/measures/m-{i}.md")), m).unwrap();
    }
    let mut child = d.publish_child(site.path());
    // A folder takes files as fast as the disk: it is stopped as soon as the publish starts.
    let (wait_for, every) = match kind {
        Kind::Folder => (0, Duration::from_millis(1)),
        _ => (40, Duration::from_millis(5)),
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    while !d.dir.join(manifest::NAME).exists() || count_files(&d.dir.join("measures")) < wait_for {
        assert!(
            Instant::now() < deadline,
            "the publish never started sending"
        );
        std::thread::sleep(every);
    }
    match d.server.as_mut() {
        Some(server) => server.kill(),
        None => {
            child.kill().unwrap();
        }
    }
    let o = child.wait_with_output().unwrap();
    assert!(
        !o.status.success(),
        "{kind:?}: the publish ended before the interruption"
    );
    if kind != Kind::Folder {
        assert_eq!(o.status.code(), Some(2));
        let err = common::stderr(&o);
        assert!(err.contains("run `prongsai publish` again"), "{err}");
    }
    let text = std::fs::read_to_string(d.dir.join(manifest::NAME)).unwrap();
    let claimed = Manifest::parse(&text).unwrap();
    for (path, e) in &claimed.files {
        if let Some(hash) = &e.hash {
            let bytes = std::fs::read(d.dir.join(path)).unwrap_or_default();
            assert_eq!(
                &manifest::hash(&bytes),
                hash,
                "{kind:?}: manifest claims {path}"
            );
        }
    }
    if let Some(server) = d.server.as_mut() {
        server.restart();
    }
    let o = d.publish(site.path());
    ok(&o);
    same(
        &d.published(&[]),
        &built(site.path()),
        &format!("{kind:?}: the rerun completes"),
    );
}

impl Dest {
    /// `publish` started and left running.
    fn publish_child(&self, site: &Path) -> Child {
        let fp = self.server.as_ref().map(|s| s.fingerprint.clone());
        let args: Vec<&str> = match (&fp, self.kind) {
            (Some(fp), Kind::Sftp) => vec!["--accept-host-key", fp],
            _ => vec![],
        };
        self.command(site, &args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }
}

fn count_files(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count()
}

// The SFTP server killed mid-publish: the next publish completes the destination.
#[test]
fn an_sftp_publish_cut_off_midway_is_completed_by_the_next() {
    interrupted(Kind::Sftp);
}

// The FTP server killed mid-publish: the next publish completes the destination.
#[test]
fn an_ftp_publish_cut_off_midway_is_completed_by_the_next() {
    interrupted(Kind::Ftp);
}

// The FTPS server killed mid-publish: the next publish completes the destination.
#[test]
fn an_ftps_publish_cut_off_midway_is_completed_by_the_next() {
    interrupted(Kind::Ftps);
}

// A publish to a folder killed midway: the next publish completes the destination.
#[test]
fn a_folder_publish_killed_midway_is_completed_by_the_next() {
    interrupted(Kind::Folder);
}

/// A failure after a good publish: the message names it and what was online stays as it was.
fn refused(kind: Kind, how: &str) {
    let Some(d) = dest(kind) else { return };
    let site = d.site();
    ok(&d.publish(site.path()));
    let before = d.published(&[]);
    let big: Vec<u8> = (0..3_000_000u64).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(site.path().join("static/แผนที่.bin"), big).unwrap();
    let measure = site.path().join("content/measures/eit-work-system.md");
    std::fs::remove_file(measure).unwrap();
    let (o, expected) = match how {
        "read-only" => {
            let _lock = Locked::new(&d);
            (d.publish(site.path()), "no permission")
        }
        _ => {
            // A tmpfs holding what is published and a little more.
            let held = snapshot(&d.dir);
            let Some(disk) = Tmpfs::mount(&d.dir, 2 << 10) else {
                return;
            };
            for (path, bytes) in &held {
                let to = d.dir.join(path);
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::write(to, bytes).unwrap();
            }
            if let Some(u) = &d.user {
                chown_all(&d.dir, &u.name);
            }
            let o = d.publish(site.path());
            let after = d.published(&[]);
            drop(disk);
            // Assets may have been sent before the big file; no page nor entry point was.
            same(
                &visible(&after),
                &visible(&before),
                &format!("{kind:?}: the full disk changed the pages"),
            );
            (o, "full")
        }
    };
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{kind:?} {how}: {err}");
    assert!(err.contains(expected), "{kind:?} {how}: {err}");
    assert!(err.contains("help:"), "{err}");
    if how == "read-only" {
        same(
            &d.published(&[]),
            &before,
            &format!("{kind:?}: the failed publish changed the site"),
        );
    }
}

/// The pages and entry points of a published tree: what a visitor navigates.
fn visible(tree: &BTreeMap<PathBuf, Vec<u8>>) -> BTreeMap<PathBuf, Vec<u8>> {
    tree.iter()
        .filter(|(p, _)| {
            let p = p.to_string_lossy();
            p.ends_with(".html") || prongsai::routes::is_entry_point(&p)
        })
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect()
}

/// The destination folder made read-only for its user while it lives.
struct Locked<'a>(&'a Dest);

impl<'a> Locked<'a> {
    fn new(d: &'a Dest) -> Locked<'a> {
        chmod_all(&d.dir, "a-w");
        Locked(d)
    }
}

impl Drop for Locked<'_> {
    fn drop(&mut self) {
        chmod_all(&self.0.dir, "u+w");
    }
}

fn chmod_all(dir: &Path, mode: &str) {
    let s = Command::new("chmod")
        .args(["-R", mode])
        .arg(dir)
        .status()
        .unwrap();
    assert!(s.success());
}

// A read-only destination folder on an SFTP host says "no permission" and leaves the site.
#[test]
fn a_read_only_sftp_folder_is_refused_with_the_fix() {
    refused(Kind::Sftp, "read-only");
}

// A read-only destination folder on an FTP host says "no permission" and leaves the site.
#[test]
fn a_read_only_ftp_folder_is_refused_with_the_fix() {
    refused(Kind::Ftp, "read-only");
}

// A full disk on an SFTP host says so and leaves the published site as it was.
#[test]
fn a_full_sftp_host_is_reported_and_the_site_left_whole() {
    refused(Kind::Sftp, "quota");
}

// A full disk on an FTP host says so and leaves the published site as it was.
#[test]
fn a_full_ftp_host_is_reported_and_the_site_left_whole() {
    refused(Kind::Ftp, "quota");
}

// A full network drive says so and leaves the published site as it was.
#[test]
fn a_full_folder_is_reported_and_the_site_left_whole() {
    if is_root() {
        refused(Kind::Folder, "quota");
    } else {
        eprintln!("skipped: a full folder needs root to mount a tmpfs");
    }
}

// A new SFTP host key is never trusted silently: without a terminal the publish stops, showing
// the fingerprint; accepted by it, it is remembered; a changed key is refused with both.
#[test]
fn sftp_host_keys_are_asked_about_and_a_changed_one_is_refused() {
    let Some(mut d) = dest(Kind::Sftp) else {
        return;
    };
    let site = d.site();
    let fp = d.server.as_ref().unwrap().fingerprint.clone();
    let o = d.command(site.path(), &[]).output().unwrap();
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("is new") && err.contains(&fp), "{err}");
    assert!(err.contains(&format!("--accept-host-key {fp}")), "{err}");
    assert!(snapshot(&d.dir).is_empty(), "published to an unknown host");

    let wrong = d
        .command(site.path(), &["--accept-host-key", "SHA256:somethingelse"])
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2));
    ok(&d
        .command(site.path(), &["--accept-host-key", &fp])
        .output()
        .unwrap());
    // Remembered: no flag needed the next time.
    ok(&d.command(site.path(), &[]).output().unwrap());

    let before = d.published(&[]);
    let server = d.server.as_mut().unwrap();
    server.new_host_key();
    let new_fp = server.fingerprint.clone();
    let o = d.command(site.path(), &[]).output().unwrap();
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("CHANGED") && err.contains(&fp) && err.contains(&new_fp),
        "{err}"
    );
    same(&d.published(&[]), &before, "a changed host key");
}

// A certificate that does not match the host name is refused, with the fix, before logging in.
#[test]
fn an_ftps_certificate_for_another_name_is_refused() {
    let Some(mut d) = dest(Kind::Ftps) else {
        return;
    };
    d.url = d.url.replace("127.0.0.1", "localhost");
    let site = d.site();
    let o = d.publish(site.path());
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("certificate") && err.contains("does not match"),
        "{err}"
    );
    assert!(snapshot(&d.dir).is_empty());
}

// A wrong password is told as such, for SFTP and FTP alike.
#[test]
fn a_wrong_password_is_told_plainly() {
    for kind in [Kind::Sftp, Kind::Ftp] {
        let Some(mut d) = dest(kind) else { return };
        d.password = "not-the-password".into();
        let site = d.site();
        let o = d.publish(site.path());
        let err = common::stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains("wrong user name or password"),
            "{kind:?}: {err}"
        );
    }
}

// A host that does not exist, and a site.yaml without a publish section, say what to fix.
#[test]
fn an_unknown_host_and_a_missing_destination_are_explained() {
    let Some(mut d) = dest(Kind::Folder) else {
        return;
    };
    d.url = "sftp://somchai@no-such-host.invalid/www/".into();
    let site = d.site();
    let o = d.publish(site.path());
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("host not found: no-such-host.invalid"),
        "{err}"
    );

    let yaml = common::read(&site.path().join("site.yaml"));
    let without = &yaml[..yaml.find("publish:").unwrap()];
    std::fs::write(site.path().join("site.yaml"), without).unwrap();
    let o = d.publish(site.path());
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("publish: { url: sftp://"), "{err}");
}

// A password written in site.yaml stops the publish (and the build) at its line, with the fix.
#[test]
fn a_password_in_site_yaml_is_an_error_at_its_line() {
    let Some(d) = dest(Kind::Folder) else { return };
    let site = d.site();
    let mut yaml = common::read(&site.path().join("site.yaml"));
    yaml.push_str("  password: hunter2\n");
    let lines = yaml.lines().count();
    std::fs::write(site.path().join("site.yaml"), yaml).unwrap();
    let o = d.publish(site.path());
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("site.yaml:{lines}:")), "{err}");
    assert!(err.contains("PRONGSAI_PASSWORD"), "{err}");
    assert!(snapshot(&d.dir).is_empty());
}

// --dry-run lists what would be sent and deleted and sends nothing.
#[test]
fn a_dry_run_lists_and_sends_nothing() {
    let Some(d) = dest(Kind::Folder) else { return };
    let site = d.site();
    let o = d.command(site.path(), &["--dry-run"]).output().unwrap();
    ok(&o);
    let listed = String::from_utf8_lossy(&o.stdout);
    assert!(listed.contains("send   index.html"), "{listed}");
    assert!(common::stderr(&o).contains("nothing was sent"));
    assert!(snapshot(&d.dir).is_empty());
}

// ---- servers and users ----

/// A free TCP port on 127.0.0.1.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A throwaway system user with a password and a home folder, removed when dropped.
struct User {
    name: String,
    password: String,
    home: PathBuf,
}

impl User {
    fn new(scratch: &Path) -> User {
        let n = SEQ.fetch_add(1, Ordering::SeqCst);
        let name = format!("pst{}x{n}", std::process::id());
        let home = scratch.join("home");
        std::fs::create_dir(&home).unwrap();
        run(
            "useradd",
            &["-M", "-s", "/bin/sh", "-d", home.to_str().unwrap(), &name],
        );
        let password = format!("Pw-{n}-{}", std::process::id());
        let mut chpasswd = Command::new("chpasswd")
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(chpasswd.stdin.take().unwrap(), "{name}:{password}").unwrap();
        assert!(chpasswd.wait().unwrap().success());
        chown(&home, &name);
        // The scratch folder (0700 by tempfile) must let the user through.
        run("chmod", &["755", scratch.to_str().unwrap()]);
        User {
            name,
            password,
            home,
        }
    }
}

impl Drop for User {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.name).status();
    }
}

fn run(cmd: &str, args: &[&str]) {
    let o = Command::new(cmd).args(args).output().unwrap();
    assert!(o.status.success(), "{cmd} {args:?}: {}", common::stderr(&o));
}

fn chown(path: &Path, user: &str) {
    run("chown", &[&format!("{user}:"), path.to_str().unwrap()]);
}

fn chown_all(path: &Path, user: &str) {
    run(
        "chown",
        &["-R", &format!("{user}:"), path.to_str().unwrap()],
    );
}

/// A server process, killed with every process it started when dropped.
struct Server {
    child: Child,
    cmd: Vec<String>,
    port: u16,
    /// SFTP: the host key's SHA256 fingerprint; its key file.
    fingerprint: String,
    key: PathBuf,
}

impl Server {
    /// OpenSSH's sshd with SFTP only, password logins, for `user`.
    fn sshd(scratch: &Path, port: u16, user: &str, key_name: &str) -> Server {
        std::fs::create_dir_all("/run/sshd").unwrap();
        let key = scratch.join(format!("host-key-{key_name}"));
        run(
            "ssh-keygen",
            &["-q", "-t", "ed25519", "-N", "", "-f", key.to_str().unwrap()],
        );
        let config = scratch.join("sshd_config");
        std::fs::write(
            &config,
            format!(
                "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nPidFile none\nUsePAM no\n\
                 PasswordAuthentication yes\nKbdInteractiveAuthentication no\nPubkeyAuthentication no\n\
                 PermitRootLogin no\nStrictModes no\nAllowUsers {user}\nSubsystem sftp internal-sftp\n\
                 ForceCommand internal-sftp\nLogLevel ERROR\n",
                key.display()
            ),
        )
        .unwrap();
        let cmd = vec![
            "/usr/sbin/sshd".to_string(),
            "-D".into(),
            "-e".into(),
            "-f".into(),
            config.display().to_string(),
        ];
        let mut s = Server {
            child: spawn(&cmd),
            cmd,
            port,
            fingerprint: String::new(),
            key,
        };
        s.fingerprint = s.key_fingerprint();
        s.wait_ready();
        s
    }

    /// `ssh-keygen -lf` of the host key: `SHA256:...`.
    fn key_fingerprint(&self) -> String {
        let o = Command::new("ssh-keygen")
            .arg("-lf")
            .arg(&self.key)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&o.stdout).into_owned();
        text.split(' ').nth(1).unwrap().to_string()
    }

    /// Replaces the host key by a new one and restarts: what a changed (or spoofed) host shows.
    fn new_host_key(&mut self) {
        let _ = std::fs::remove_file(&self.key);
        let _ = std::fs::remove_file(self.key.with_extension("pub"));
        run(
            "ssh-keygen",
            &[
                "-q",
                "-t",
                "ed25519",
                "-N",
                "",
                "-f",
                self.key.to_str().unwrap(),
            ],
        );
        self.fingerprint = self.key_fingerprint();
        self.restart();
    }

    /// vsftpd for local users, with TLS required when `tls`; the certificate (for 127.0.0.1
    /// only) comes back with it.
    fn vsftpd(scratch: &Path, port: u16, tls: bool) -> (Server, Option<PathBuf>) {
        let empty = scratch.join("empty");
        std::fs::create_dir(&empty).unwrap();
        let mut config = format!(
            "listen=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port={port}\n\
             anonymous_enable=NO\nlocal_enable=YES\nwrite_enable=YES\nlocal_umask=022\n\
             pam_service_name=vsftpd\nseccomp_sandbox=NO\nbackground=NO\nuserlist_enable=NO\n\
             secure_chroot_dir={}\nxferlog_enable=NO\nvsftpd_log_file=/dev/null\n",
            empty.display()
        );
        let cert = tls.then(|| {
            let (cert, key) = (scratch.join("cert.pem"), scratch.join("key.pem"));
            run(
                "openssl",
                &[
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "2",
                    "-subj",
                    "/CN=127.0.0.1",
                    "-addext",
                    "subjectAltName=IP:127.0.0.1",
                    "-keyout",
                    key.to_str().unwrap(),
                    "-out",
                    cert.to_str().unwrap(),
                ],
            );
            config.push_str(&format!(
                "ssl_enable=YES\nrsa_cert_file={}\nrsa_private_key_file={}\nallow_anon_ssl=NO\n\
                 force_local_data_ssl=YES\nforce_local_logins_ssl=YES\nrequire_ssl_reuse=NO\n",
                cert.display(),
                key.display()
            ));
            cert
        });
        let path = scratch.join("vsftpd.conf");
        std::fs::write(&path, config).unwrap();
        let cmd = vec!["/usr/sbin/vsftpd".to_string(), path.display().to_string()];
        let s = Server {
            child: spawn(&cmd),
            cmd,
            port,
            fingerprint: String::new(),
            key: PathBuf::new(),
        };
        s.wait_ready();
        (s, cert)
    }

    /// Waits until the server accepts connections.
    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "{:?} never listened", self.cmd);
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills the server and every session process under it: a crash, or the network cut.
    fn kill(&mut self) {
        for pid in descendants(self.child.id()) {
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Kills the server and starts it again on the same port.
    fn restart(&mut self) {
        self.kill();
        self.child = spawn(&self.cmd);
        self.wait_ready();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn spawn(cmd: &[String]) -> Child {
    Command::new(&cmd[0])
        .args(&cmd[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Every process under `pid` (children, their children...), read from /proc.
fn descendants(pid: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(p) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // The command name may hold spaces and parentheses: the fields follow the last ')'.
        let after = &stat[stat.rfind(')').unwrap_or(0) + 1..];
        if let Some(ppid) = after.split_whitespace().nth(1).and_then(|s| s.parse().ok()) {
            parents.push((p, ppid));
        }
    }
    let mut found = vec![pid];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    found.remove(0);
    found
}
