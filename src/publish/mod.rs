//! `prongsai publish`: sends the built site (the output folder) to the destination of
//! `publish.url`, only what changed, in an order that never shows a visitor a broken page.
//!
//! What the destination holds is read from its [`manifest`] (kept there, so a second computer
//! publishes correctly), compared with the output folder by size and SHA-256, and the difference
//! sent: assets and attachments first, then pages (deepest first, so a list page comes after the
//! pages it links to), then the entry points ([`routes::is_entry_point`]), and deletions of files
//! the site no longer has last. Each file is written under a temporary name and renamed over the
//! old one. Files the manifest does not list (the host's own) are never touched.
//!
//! Interrupted anywhere, the next run finishes the job: before sending, the manifest marks
//! every file about to change as unknown, and it is rewritten as files arrive, so it never claims
//! a file that did not. One [`Transport`] per kind of destination: [`folder`], [`sftp`], [`ftp`].
//! This module does not build the site (`site::build` does, first) nor read site.yaml.

pub mod folder;
pub mod ftp;
pub mod manifest;
pub mod sftp;

use std::collections::BTreeSet;
use std::fmt;
use std::io;
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::{Protocol, Remote, Target};
use crate::routes;
use crate::t;
pub use manifest::Manifest;

/// What the destination does for a publish; paths are relative to the destination's folder,
/// with `/` separators.
pub trait Transport {
    /// The whole file at `path`, or None when there is none.
    fn read(&mut self, path: &str) -> io::Result<Option<Vec<u8>>>;
    /// Writes `bytes` to `path` whole: under [`temp_name`], then renamed over `path`.
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()>;
    /// Removes the file `path`; a file already gone is no error.
    fn delete(&mut self, path: &str) -> io::Result<()>;
    /// Makes the folder `path`, whose parent exists; a folder already there is no error.
    fn mkdir(&mut self, path: &str) -> io::Result<()>;
    /// Removes the folder `path` if it is empty.
    fn rmdir(&mut self, path: &str) -> io::Result<()>;
}

/// The temporary name a file is written under before it is renamed into place.
pub fn temp_name(path: &str) -> String {
    format!("{path}.prongsai-tmp")
}

/// How to publish, besides where.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// List what would be sent and deleted; send nothing.
    pub dry_run: bool,
    /// The password (from PRONGSAI_PASSWORD or the prompt); None asks when there is a terminal.
    pub password: Option<String>,
    /// An SFTP host key fingerprint (`SHA256:...`) to accept when it is new or changed.
    pub accept_host_key: Option<String>,
    /// May ask questions on the terminal (password, host key).
    pub interactive: bool,
    /// Show the progress bar.
    pub progress: bool,
    /// The file of remembered SFTP host keys.
    pub known_hosts: PathBuf,
    /// FTPS: a certificate (PEM) to trust besides the system's.
    pub certificate: Option<PathBuf>,
}

/// Why a publish stopped: what happened, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    pub help: String,
}

impl Failure {
    /// A failure with its fix.
    pub fn new(message: impl Into<String>, help: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            help: help.into(),
        }
    }

    /// The failure of `doing` (e.g. "sending") the file `path` at `dest`, told by what the
    /// error means for the clerk: no permission, a full disk, a lost connection, or else.
    pub fn io(doing: &str, path: &str, dest: &str, e: &io::Error) -> Failure {
        use io::ErrorKind as K;
        let again = t!("publish-again");
        let error = e.to_string();
        match e.kind() {
            K::PermissionDenied | K::ReadOnlyFilesystem => Failure::new(
                t!(
                    "publish-no-permission",
                    doing = doing,
                    path = path,
                    dest = dest,
                    error = error
                ),
                t!("publish-no-permission.help", again = again),
            ),
            K::StorageFull | K::QuotaExceeded => Failure::new(
                t!(
                    "publish-disk-full",
                    doing = doing,
                    path = path,
                    dest = dest,
                    error = error
                ),
                t!("publish-disk-full.help", again = again),
            ),
            K::ConnectionReset
            | K::ConnectionAborted
            | K::BrokenPipe
            | K::UnexpectedEof
            | K::TimedOut
            | K::NotConnected
            | K::NetworkDown
            | K::NetworkUnreachable
            | K::HostUnreachable => Failure::new(
                t!(
                    "publish-connection-lost",
                    doing = doing,
                    path = path,
                    dest = dest,
                    error = error
                ),
                t!("publish-connection-lost.help", again = again),
            ),
            _ => Failure::new(
                t!(
                    "publish-io-failed",
                    doing = doing,
                    path = path,
                    dest = dest,
                    error = error
                ),
                again,
            ),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (message, help) = (self.message.as_str(), self.help.as_str());
        writeln!(f, "{}", t!("publish-error", message = message))?;
        f.write_str(&t!("publish-help", help = help))
    }
}

/// What a publish did (or, with `dry_run`, would do).
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Files sent, in the order sent.
    pub sent: Vec<String>,
    /// Files deleted, in the order deleted.
    pub deleted: Vec<String>,
    pub bytes: u64,
    pub seconds: f64,
    pub dry_run: bool,
}

impl Summary {
    /// The closing line: "sent 12 files, deleted 3 files, 1.2 MB in 4.0 s".
    pub fn line(&self) -> String {
        let (sent, deleted) = (self.sent.len(), self.deleted.len());
        let mb = format!("{:.1}", self.bytes as f64 / 1e6);
        if self.dry_run {
            t!(
                "publish-summary-dry-run",
                sent = sent,
                deleted = deleted,
                mb = mb
            )
        } else {
            let seconds = format!("{:.1}", self.seconds);
            t!(
                "publish-summary",
                sent = sent,
                deleted = deleted,
                mb = mb,
                seconds = seconds
            )
        }
    }
}

/// The differences between the built site and what the destination holds.
#[derive(Debug, Default, PartialEq)]
pub struct Plan {
    /// Files to send, in the order to send them.
    pub send: Vec<String>,
    /// Files to delete (listed by the manifest, gone from the site), last.
    pub delete: Vec<String>,
    /// Files a former publish was sending when it stopped: their temporary copies are removed.
    pub unfinished: Vec<String>,
}

impl Plan {
    /// Compares the built site `local` with the destination's manifest `remote`.
    pub fn new(local: &Manifest, remote: &Manifest) -> Plan {
        let mut send: Vec<String> = local
            .files
            .iter()
            .filter(|(path, e)| remote.files.get(*path) != Some(*e))
            .map(|(path, _)| path.clone())
            .collect();
        send.sort_by_cached_key(|p| order(p));
        let delete = remote
            .files
            .keys()
            .filter(|p| !local.files.contains_key(*p))
            .cloned()
            .collect();
        let unfinished = remote
            .files
            .iter()
            .filter(|(_, e)| e.hash.is_none())
            .map(|(p, _)| p.clone())
            .collect();
        Plan {
            send,
            delete,
            unfinished,
        }
    }
}

/// Where a file goes in the sending order: assets and attachments, then pages (deepest first),
/// then entry points; by path within each.
fn order(path: &str) -> (u8, std::cmp::Reverse<usize>, String) {
    let class = if routes::is_entry_point(path) {
        2
    } else if path.ends_with(".html") {
        1
    } else {
        0
    };
    let depth = path.matches('/').count();
    (class, std::cmp::Reverse(depth), path.to_string())
}

/// A readable name of the destination for messages (no password is ever in it).
pub fn describe(target: &Target) -> String {
    match target {
        Target::Folder(p) => p.display().to_string(),
        Target::Remote(r) => {
            let scheme = match r.protocol {
                Protocol::Sftp => "sftp",
                Protocol::Ftp => "ftp",
                Protocol::Ftps => "ftps",
            };
            let at = if r.user.is_empty() { "" } else { "@" };
            format!("{scheme}://{}{at}{}:{}/{}", r.user, r.host, r.port, r.dir)
        }
    }
}

/// Connects to the destination.
pub fn connect(target: &Target, opts: &Options) -> Result<Box<dyn Transport>, Failure> {
    match target {
        Target::Folder(dir) => Ok(Box::new(folder::Folder::open(dir)?)),
        Target::Remote(r) if r.protocol == Protocol::Sftp => {
            Ok(Box::new(sftp::Sftp::connect(r, opts)?))
        }
        Target::Remote(r) => Ok(Box::new(ftp::Ftp::connect(r, opts)?)),
    }
}

/// Publishes the built site in `out` to `target`: see the module docs.
pub fn run(out: &Path, target: &Target, opts: &Options) -> Result<Summary, Failure> {
    let start = Instant::now();
    let dest = describe(target);
    let local = Manifest::of_folder(out).map_err(|e| {
        Failure::new(
            t!(
                "publish-cannot-read-built",
                folder = out.display().to_string(),
                error = e.to_string()
            ),
            t!("publish-cannot-read-built.help"),
        )
    })?;
    let mut transport = connect(target, opts)?;
    let remote = read_manifest(transport.as_mut(), &dest)?;
    let plan = Plan::new(&local, &remote);
    let bytes = plan.send.iter().map(|p| local.files[p].size).sum();
    let mut summary = Summary {
        bytes,
        dry_run: opts.dry_run,
        ..Summary::default()
    };
    if opts.dry_run {
        summary.sent = plan.send;
        summary.deleted = plan.delete;
        return Ok(summary);
    }
    let mut publish = Publishing {
        transport: transport.as_mut(),
        dest: &dest,
        manifest: remote,
        saved: Instant::now(),
    };
    publish.send(out, &local, &plan, opts.progress)?;
    publish.delete(&plan.delete)?;
    summary.sent = plan.send;
    summary.deleted = plan.delete;
    summary.seconds = start.elapsed().as_secs_f64();
    Ok(summary)
}

/// The destination's manifest; none is an empty one (a first publish).
fn read_manifest(t: &mut dyn Transport, dest: &str) -> Result<Manifest, Failure> {
    let bytes = t
        .read(manifest::NAME)
        .map_err(|e| Failure::io(&t!("publish-doing-reading"), manifest::NAME, dest, &e))?;
    let text = String::from_utf8_lossy(bytes.as_deref().unwrap_or_default()).into_owned();
    Manifest::parse(&text).map_err(|e| {
        Failure::new(
            t!(
                "publish-manifest-damaged",
                name = manifest::NAME,
                dest = dest,
                error = e
            ),
            t!("publish-manifest-damaged.help", name = manifest::NAME),
        )
    })
}

/// How often the manifest is saved while files are being sent.
const SAVE_EVERY: Duration = Duration::from_secs(5);

/// A publish under way: the transport and the manifest as it stands at the destination.
struct Publishing<'a> {
    transport: &'a mut dyn Transport,
    dest: &'a str,
    manifest: Manifest,
    saved: Instant,
}

impl Publishing<'_> {
    /// Marks the files of `plan` as unknown in the manifest, then sends them in order, saving the
    /// manifest as they arrive.
    fn send(
        &mut self,
        out: &Path,
        local: &Manifest,
        plan: &Plan,
        progress: bool,
    ) -> Result<(), Failure> {
        for path in &plan.unfinished {
            // A former publish stopped while sending it: its temporary copy may be left.
            let _ = self.transport.delete(&temp_name(path));
        }
        if plan.send.is_empty() {
            return Ok(());
        }
        for path in &plan.send {
            let size = local.files[path].size;
            self.manifest
                .files
                .insert(path.clone(), manifest::Entry { size, hash: None });
        }
        self.save()?;
        self.make_folders(&plan.send)?;
        let bar = progress_bar(progress, plan, local);
        for (n, path) in plan.send.iter().enumerate() {
            let bytes = std::fs::read(out.join(path)).map_err(|e| {
                Failure::new(
                    t!(
                        "publish-cannot-read-file",
                        path = path.as_str(),
                        error = e.to_string()
                    ),
                    t!("publish-cannot-read-file.help"),
                )
            })?;
            self.transport
                .put(path, &bytes)
                .map_err(|e| Failure::io(&t!("publish-doing-sending"), path, self.dest, &e))?;
            self.manifest
                .files
                .insert(path.clone(), local.files[path].clone());
            bar.inc(bytes.len() as u64);
            bar.set_message(t!(
                "publish-progress",
                n = n + 1,
                total = plan.send.len(),
                path = path.as_str()
            ));
            if self.saved.elapsed() > SAVE_EVERY {
                self.save()?;
            }
        }
        bar.finish_and_clear();
        self.save()
    }

    /// Makes every folder the files `paths` need that the manifest does not show exists.
    fn make_folders(&mut self, paths: &[String]) -> Result<(), Failure> {
        let known: BTreeSet<&str> = self
            .manifest
            .files
            .iter()
            .filter(|(_, e)| e.hash.is_some())
            .flat_map(|(p, _)| ancestors(p))
            .collect();
        let needed: BTreeSet<&str> = paths.iter().flat_map(|p| ancestors(p)).collect();
        // A BTreeSet is in path order, so a folder comes before the folders inside it.
        for dir in needed.difference(&known) {
            self.transport
                .mkdir(dir)
                .map_err(|e| Failure::io(&t!("publish-doing-making-folder"), dir, self.dest, &e))?;
        }
        Ok(())
    }

    /// Deletes the files `paths`, then the folders they leave empty, then saves the manifest.
    fn delete(&mut self, paths: &[String]) -> Result<(), Failure> {
        if paths.is_empty() {
            return Ok(());
        }
        for path in paths {
            self.transport
                .delete(path)
                .map_err(|e| Failure::io(&t!("publish-doing-deleting"), path, self.dest, &e))?;
            self.manifest.files.remove(path);
            if self.saved.elapsed() > SAVE_EVERY {
                self.save()?;
            }
        }
        let mut dirs: Vec<&str> = paths.iter().flat_map(|p| ancestors(p)).collect();
        dirs.sort_by_key(|d| std::cmp::Reverse(d.len()));
        dirs.dedup();
        for dir in dirs {
            // Only an empty folder goes; one holding other files (the host's own) stays.
            let _ = self.transport.rmdir(dir);
        }
        self.save()
    }

    /// Writes the manifest as it stands to the destination.
    fn save(&mut self) -> Result<(), Failure> {
        self.transport
            .put(manifest::NAME, self.manifest.to_text().as_bytes())
            .map_err(|e| Failure::io(&t!("publish-doing-saving"), manifest::NAME, self.dest, &e))?;
        self.saved = Instant::now();
        Ok(())
    }
}

/// The folders above `path`, outermost first (`a`, `a/b` for `a/b/c.html`).
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(|(i, _)| &path[..i])
}

/// The progress bar over the bytes of `plan` (files counted in its message); hidden when `show`
/// is false.
fn progress_bar(show: bool, plan: &Plan, local: &Manifest) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let total: u64 = plan.send.iter().map(|p| local.files[p].size).sum();
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {eta} {wide_msg}")
    {
        bar.set_style(style);
    }
    bar
}

// ---- what every remote destination shares ----

/// How long a host may stay silent before the publish gives up.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A TCP connection to the host, with time limits; a host that cannot be found or reached is
/// told apart.
pub fn tcp(r: &Remote) -> Result<TcpStream, Failure> {
    let addrs: Vec<SocketAddr> = (r.host.as_str(), r.port)
        .to_socket_addrs()
        .map(Iterator::collect)
        .unwrap_or_default();
    if addrs.is_empty() {
        return Err(Failure::new(
            t!("publish-host-not-found", host = r.host.as_str()),
            t!("publish-host-not-found.help"),
        ));
    }
    let mut last = None;
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, TIMEOUT) {
            Ok(tcp) => {
                let _ = tcp.set_read_timeout(Some(TIMEOUT));
                let _ = tcp.set_write_timeout(Some(TIMEOUT));
                return Ok(tcp);
            }
            Err(e) => last = Some(e),
        }
    }
    let e = last.map(|e| e.to_string()).unwrap_or_default();
    Err(Failure::new(
        t!(
            "publish-cannot-connect",
            host = r.host.as_str(),
            port = r.port,
            error = e
        ),
        t!("publish-cannot-connect.help"),
    ))
}

/// The password: from the options (PRONGSAI_PASSWORD), else asked on the terminal.
pub fn password(r: &Remote, opts: &Options) -> Result<String, Failure> {
    if let Some(p) = &opts.password {
        return Ok(p.clone());
    }
    let no_password = || {
        Failure::new(
            t!(
                "publish-no-password",
                user = r.user.as_str(),
                host = r.host.as_str()
            ),
            t!("publish-no-password.help"),
        )
    };
    if !opts.interactive {
        return Err(no_password());
    }
    let prompt = t!(
        "publish-password-prompt",
        user = r.user.as_str(),
        host = r.host.as_str()
    );
    rpassword::prompt_password(prompt + " ").map_err(|_| no_password())
}

/// The host refused the user name and password.
pub fn wrong_password(r: &Remote) -> Failure {
    Failure::new(
        t!(
            "publish-wrong-password",
            user = r.user.as_str(),
            host = r.host.as_str()
        ),
        t!("publish-wrong-password.help"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use manifest::Entry;

    fn manifest(files: &[(&str, &str)]) -> Manifest {
        Manifest {
            files: files
                .iter()
                .map(|(p, h)| {
                    let hash = (!h.is_empty()).then(|| h.to_string());
                    (p.to_string(), Entry { size: 1, hash })
                })
                .collect(),
        }
    }

    // Only new and changed files are sent, assets before pages (deepest first) before entry
    // points; files gone from the site are deleted; files being sent when a publish stopped are
    // sent again.
    #[test]
    fn a_plan_sends_what_changed_in_a_safe_order() {
        let local = manifest(&[
            ("index.html", "1"),
            ("measures/index.html", "2"),
            ("measures/a/index.html", "3"),
            ("static/style.css", "4"),
            ("search-index/index.json", "5"),
            ("search-index/s-a.bin", "6"),
            ("about/index.html", "7"),
            ("atom.xml", "8"),
        ]);
        let remote = manifest(&[
            ("about/index.html", "7"),
            ("atom.xml", ""),
            ("measures/old/index.html", "9"),
        ]);
        let plan = Plan::new(&local, &remote);
        assert_eq!(
            plan.send,
            [
                "search-index/s-a.bin",
                "static/style.css",
                "measures/a/index.html",
                "measures/index.html",
                "search-index/index.json",
                "atom.xml",
                "index.html",
            ]
        );
        assert_eq!(plan.delete, ["measures/old/index.html"]);
        assert_eq!(plan.unfinished, ["atom.xml"]);
        assert_eq!(Plan::new(&local, &local), Plan::default());
    }

    // The summary is one line: what was sent, deleted, how much and how long.
    #[test]
    fn the_summary_is_one_line() {
        let s = Summary {
            sent: vec!["a".into(); 12],
            deleted: vec!["b".into(); 3],
            bytes: 1_200_000,
            seconds: 4.0,
            dry_run: false,
        };
        assert_eq!(s.line(), "sent 12 files, deleted 3 files, 1.2 MB in 4.0 s");
    }

    // Each kind of I/O failure gets the message the clerk can act on.
    #[test]
    fn io_failures_say_what_to_do() {
        let f = |kind| Failure::io("sending", "a.html", "ftp://h", &io::Error::from(kind));
        assert!(
            f(io::ErrorKind::PermissionDenied)
                .message
                .contains("no permission")
        );
        assert!(f(io::ErrorKind::StorageFull).message.contains("full"));
        assert!(
            f(io::ErrorKind::ConnectionReset)
                .message
                .contains("connection")
        );
        assert!(f(io::ErrorKind::ConnectionReset).help.contains("continues"));
    }
}
