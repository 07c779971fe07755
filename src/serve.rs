//! `prongsai serve`: the preview server and the watch loop.
//!
//! Serve makes the site on the same assembly line as `prongsai build` ([`site::compile`]: the same
//! plan, each file made the same way, collected in memory instead of streamed to disk), keeps the
//! last good build in memory and serves it over HTTP under the path of `base_url`. It never writes
//! `public/`: that folder stays exactly as `prongsai build` last made it (with its search index),
//! so what gets uploaded is always a whole build; on Ctrl-C serve says whether it still matches
//! the preview. A watcher (notify, debounced) sends every change of the site folder to one rebuild
//! thread; a [`site::Cache`] lets a rebuild re-parse only the Markdown files the watcher saw change
//! and re-render only the pages whose inputs changed. After a rebuild the open pages hear about it
//! through Server-Sent Events and reload themselves; while the last build failed, every page
//! carries an error box with the same findings the CLI prints.
//!
//! The live-reload script and the error box are added to HTML responses here, at serve time. Only
//! files the build produced can be served: a request is a
//! key into the build's outputs, never a path on disk, so `..`, encoded dots, backslashes,
//! absolute paths and symlinks cannot reach outside the site.

use std::collections::{HashMap, HashSet};
use std::convert::Infallible;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, RwLock, mpsc};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, FileIdMap, RecommendedCache};
use tokio::sync::watch;

use crate::config::Config;
use crate::diag::{Finding, Findings};
use crate::output::Output;
use crate::site::{self, Cache};
use crate::t;

/// What `serve` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site folder (holding site.yaml and content/).
    pub root: PathBuf,
    /// First port to try; the next free one is taken when it is in use (0: any free port).
    pub port: u16,
    /// Address to listen on; anything but loopback shows the preview to the network.
    pub bind: IpAddr,
    /// Open the preview in the default browser.
    pub open: bool,
    /// Look for changes by polling instead of file system events (network drives, WSL on /mnt/c).
    pub poll: bool,
    /// Colour in the findings printed to the terminal.
    pub color: bool,
    /// Print only errors and warnings.
    pub quiet: bool,
    /// Build the search index on every rebuild (off by default: it costs seconds at thousands of
    /// measures, and previews are about content).
    pub search: bool,
}

/// How long the watcher waits for a burst of file events to settle.
/// Editors save in well under this; a longer wait only delays the reload.
const DEBOUNCE: Duration = Duration::from_millis(20);
/// How often the watcher looks whether a burst has settled.
const DEBOUNCE_TICK: Duration = Duration::from_millis(5);
/// How often `--poll` looks at the files.
const POLL_EVERY: Duration = Duration::from_millis(500);
/// How long a connection may take to send a request's head (and may sit idle between requests).
const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections served at once: far below the files a process may open, so a flood of them
/// never starves a rebuild.
const MAX_CONNECTIONS: usize = 512;
/// How often the rebuild thread looks whether the site folder itself was replaced.
const ROOT_CHECK_EVERY: Duration = Duration::from_secs(1);
/// How many ports after `--port` are tried when it is in use.
const PORT_TRIES: u16 = 20;
/// Where pages listen for rebuilds (outside any base path, so it survives a base_url change).
const EVENTS_PATH: &str = "/__prongsai/events";
/// The live-reload script and the error box's style, served as files: the theme's
/// Content-Security-Policy refuses inline script and style.
const LIVE_JS: &str = "/__prongsai/live.js";
const LIVE_CSS: &str = "/__prongsai/live.css";
/// The clerk's OIT to-do list of each year, as JSON keyed by year (live.js shows it on OIT pages).
const NOTES_PATH: &str = "/__prongsai/notes.json";
/// Comments around what serve adds to an HTML page, so tests can take it out again.
const INJECTED_START: &str = "<!-- prongsai serve -->";
const INJECTED_END: &str = "<!-- /prongsai serve -->";

/// Builds, serves and rebuilds until Ctrl-C, from memory; public/ is left as it was.
pub fn run(opts: Options) -> io::Result<()> {
    let root = std::path::absolute(&opts.root)?;
    site::require_site(&root)?;
    let (notice_tx, _) = watch::channel(Notice::default());
    let (stop_tx, _) = watch::channel(false);
    let shared = Arc::new(Shared {
        bind: opts.bind,
        served: RwLock::new(Arc::new(Served::default())),
        notice: notice_tx,
        stop: stop_tx,
    });
    let (tx, rx) = mpsc::channel();
    let watcher = Watcher::start(&root, opts.poll, tx.clone())?;
    let mut builder = Builder {
        root: root.clone(),
        out: root.join("public"),
        color: opts.color,
        quiet: opts.quiet,
        search: opts.search,
        poll: opts.poll,
        cache: Cache::default(),
        shared: shared.clone(),
        watcher,
        run_id: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64 & 0xffff_ffff),
        builds: 0,
        shown: HashSet::new(),
    };
    builder.rebuild();
    let rebuilds = std::thread::Builder::new()
        .name("prongsai rebuild".into())
        .spawn({
            let tx = tx.clone();
            move || builder.run(rx, tx)
        })?;

    let listener = bind(opts.bind, opts.port)?;
    let addr = listener.local_addr()?;
    if !opts.bind.is_loopback() {
        eprintln!(
            "{}",
            t!("serve-open-to-network", address = opts.bind.to_string())
        );
    }
    let url = format!("http://{}{}", shown_addr(addr), shared.current().base);
    println!("{}", t!("serve-serving", url = url.as_str()));
    if opts.open {
        open_browser(&url);
    }

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let served = runtime.block_on(serve(listener, shared.clone()));
    let _ = tx.send(Msg::Stop);
    let _ = rebuilds.join();
    eprintln!("{}", stopped_message(&root, &shared.current(), opts.search));
    served
}

/// What Ctrl-C says about `public/`, which serve never writes: whether it still holds the site
/// as last previewed, or that `prongsai build` must run before it is uploaded.
fn stopped_message(root: &Path, served: &Served, search: bool) -> String {
    let public = crate::diag::os_path("public/");
    match &served.good {
        _ if served.error.is_some() => t!("serve-stopped-errors", public = public),
        Some(good) if public_matches(&root.join("public"), &good.outputs, search) => {
            t!("serve-stopped-same", public = public)
        }
        _ => t!("serve-stopped-changed", public = public),
    }
}

/// Whether the folder `out` holds exactly `outputs` (and the search index serve did not make).
fn public_matches(out: &Path, outputs: &[Arc<Output>], search: bool) -> bool {
    use rayon::prelude::*;
    let same = outputs
        .par_iter()
        .all(|o| std::fs::read(out.join(&o.path)).is_ok_and(|b| b == o.bytes));
    let ours: std::collections::HashSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let index = format!("{}/", crate::routes::SEARCH_INDEX);
    same && walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .all(|e| {
            let rel = crate::diag::display_path(out, e.path());
            ours.contains(rel.as_str()) || (!search && rel.starts_with(&index))
        })
}

/// The HTTP server until Ctrl-C (or SIGTERM). Each connection is driven here rather than by
/// `axum::serve`, which has neither: a connection must send its request head within
/// [`HEADER_TIMEOUT`] (half-open connections would otherwise pile up until the process runs out
/// of files, and rebuilds with it), and at most [`MAX_CONNECTIONS`] are served at once (more wait
/// in the listen queue until one ends).
async fn serve(listener: std::net::TcpListener, shared: Arc<Shared>) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let app = Router::new().fallback(handle).with_state(shared.clone());
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let signal = shutdown_signal();
    tokio::pin!(signal);
    loop {
        let slot = tokio::select! {
            _ = &mut signal => break,
            slot = slots.clone().acquire_owned() => slot.map_err(io::Error::other)?,
        };
        let stream = tokio::select! {
            _ = &mut signal => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of files, or a connection reset before it was taken: try again soon.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let mut stop = shared.stop.subscribe();
        tokio::spawn(async move {
            let _slot = slot;
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                () = async { drop(stop.wait_for(|s| *s).await) } => {
                    conn.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(Duration::from_secs(3), conn).await;
                }
            }
        });
    }
    // Ends the event streams; a slow connection may not hold the process up for long.
    let _ = shared.stop.send(true);
    let all = u32::try_from(MAX_CONNECTIONS).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(Duration::from_secs(3), slots.acquire_many(all)).await;
    Ok(())
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

/// Listens on `port`, or on the next free one when it is taken.
fn bind(ip: IpAddr, port: u16) -> io::Result<std::net::TcpListener> {
    let mut port = port;
    let last = port.saturating_add(PORT_TRIES);
    loop {
        match std::net::TcpListener::bind((ip, port)) {
            Ok(l) => return Ok(l),
            Err(e) if e.kind() == io::ErrorKind::AddrInUse && port != 0 && port < last => {
                eprintln!("{}", t!("serve-port-taken", port = port, next = port + 1));
                port += 1;
            }
            Err(e) => {
                return Err(io::Error::new(
                    e.kind(),
                    t!(
                        "serve-cannot-listen",
                        address = SocketAddr::new(ip, port).to_string(),
                        error = e.to_string()
                    ),
                ));
            }
        }
    }
}

/// The address to print: a wildcard bind is opened in a browser as localhost.
fn shown_addr(addr: SocketAddr) -> String {
    if addr.ip().is_unspecified() {
        format!("localhost:{}", addr.port())
    } else {
        addr.to_string()
    }
}

fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    if let Err(e) = cmd.arg(url).spawn() {
        eprintln!(
            "{}",
            t!("serve-no-browser", error = e.to_string(), url = url)
        );
    }
}

/// State shared by the rebuild thread and the HTTP handlers.
struct Shared {
    /// The `--bind` address: a request may name it as its host.
    bind: IpAddr,
    served: RwLock<Arc<Served>>,
    /// The latest state's version, for the event streams.
    notice: watch::Sender<Notice>,
    /// Set on Ctrl-C: ends the event streams so the server can stop.
    stop: watch::Sender<bool>,
}

impl Shared {
    fn current(&self) -> Arc<Served> {
        self.served
            .read()
            .map_or_else(|e| e.into_inner().clone(), |s| s.clone())
    }
}

/// What the server shows: the last good build and, while the last build failed, its findings.
#[derive(Default)]
struct Served {
    /// The site's path, from base_url: `/` or e.g. `/ita/`.
    base: String,
    /// The last good build (None before the first one).
    good: Option<Arc<Good>>,
    /// The findings as the CLI prints them, when the last build failed.
    error: Option<String>,
    /// Names this state; pages compare it with the one the event stream announces.
    version: String,
    /// The OIT to-do lists of the last good build, as the JSON [`NOTES_PATH`] answers.
    notes: Arc<Vec<u8>>,
}

impl Served {
    /// The bytes of the output at `path`, shared with the build, never copied: forty downloads
    /// of a 90 MB attachment hold it once.
    fn file(&self, path: &str) -> Option<Bytes> {
        let good = self.good.as_ref()?;
        let output = good.index.get(path).map(|&i| good.outputs[i].clone())?;
        Some(Bytes::from_owner(OutputBytes(output)))
    }
}

/// An output as the owner of a response body's bytes.
struct OutputBytes(Arc<Output>);

impl AsRef<[u8]> for OutputBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0.bytes
    }
}

/// A build's outputs, with an index by path.
struct Good {
    outputs: Vec<Arc<Output>>,
    /// Shared with the last build when it had the same paths in the same order.
    index: Arc<HashMap<String, usize>>,
}

impl Good {
    fn new(outputs: Vec<Arc<Output>>, last: Option<&Good>) -> Good {
        let index = match last {
            Some(last)
                if last.outputs.len() == outputs.len()
                    && last
                        .outputs
                        .iter()
                        .zip(&outputs)
                        .all(|(a, b)| a.path == b.path) =>
            {
                last.index.clone()
            }
            _ => Arc::new(
                outputs
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (o.path.clone(), i))
                    .collect(),
            ),
        };
        Good { outputs, index }
    }
}

/// What the event stream announces: `reload` after a good build, `failed` after a failed one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Notice {
    kind: &'static str,
    version: String,
}

/// Messages to the rebuild thread.
enum Msg {
    /// These paths changed (the watcher filtered out what does not count).
    Changed(Vec<PathBuf>),
    /// The watcher lost track (overflow, errors): everything is read again.
    Rescan,
    Stop,
}

/// Owns the build cache and the watcher; runs one rebuild at a time.
struct Builder {
    root: PathBuf,
    out: PathBuf,
    color: bool,
    quiet: bool,
    search: bool,
    /// `--poll`: how the watcher is made again when the site folder is replaced.
    poll: bool,
    cache: Cache,
    shared: Arc<Shared>,
    watcher: Watcher,
    run_id: u64,
    builds: u64,
    /// Where and what the last build's findings were: a rebuild prints only those that are new,
    /// so a site with a thousand warnings does not print them all again on every save.
    shown: HashSet<(String, usize, usize, String)>,
}

impl Builder {
    fn run(mut self, rx: mpsc::Receiver<Msg>, tx: mpsc::Sender<Msg>) {
        let folders = |root: &Path| [identity(root), identity(&root.join("content"))];
        let mut seen = folders(&self.root);
        // Set after the watches were made again: files the copy wrote while they were being
        // made may have gone unseen, so everything is read once more a moment later.
        let mut settle = false;
        loop {
            let msg = match rx.recv_timeout(ROOT_CHECK_EVERY) {
                Ok(msg) => msg,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
                Err(mpsc::RecvTimeoutError::Timeout) if settle => {
                    settle = false;
                    Msg::Rescan
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    // The site folder replaced (a backup restored, a zip unpacked over it): the
                    // watches still follow the old one, so they are made again.
                    let now = folders(&self.root);
                    if now == seen || now[0].is_none() {
                        continue;
                    }
                    match Watcher::start(&self.root, self.poll, tx.clone()) {
                        Ok(w) => (self.watcher, seen, settle) = (w, now, true),
                        Err(_) => continue,
                    }
                    Msg::Rescan
                }
            };
            let mut msgs = vec![msg];
            msgs.extend(rx.try_iter());
            let mut changed = Vec::new();
            let mut everything = false;
            for msg in msgs {
                match msg {
                    Msg::Stop => return,
                    Msg::Rescan => everything = true,
                    Msg::Changed(paths) => changed.extend(paths),
                }
            }
            // A new top-level folder (templates/, static/, ...) is watched from now on.
            for path in &changed {
                if path.parent() == Some(self.root.as_path()) && path.is_dir() {
                    self.watcher.watch(path, RecursiveMode::Recursive);
                }
            }
            if everything || changed.iter().any(|p| !self.is_markdown(p)) {
                self.cache.clear();
            } else {
                self.cache.changed(&changed);
            }
            if !self.quiet {
                eprintln!("{}", describe(&self.root, &changed, everything));
            }
            self.rebuild();
        }
    }

    /// A Markdown file under content/: its change can only change its own parse.
    fn is_markdown(&self, path: &Path) -> bool {
        path.starts_with(self.root.join("content")) && path.extension().is_some_and(|e| e == "md")
    }

    /// Compiles the site, swaps what is served and tells the pages.
    fn rebuild(&mut self) {
        let start = Instant::now();
        let mut compiled = self.compile();
        let old = self.shared.current();
        let base = self.base_path(&old);
        self.print_new(&compiled.findings);
        let error = match &compiled.outputs {
            Some(_) => None,
            None => Some(compiled.findings.render(false)),
        };
        let same_outputs = match (&compiled.outputs, &old.good) {
            (Some(new), Some(old)) => *new == old.outputs,
            (None, _) => true,
            _ => false,
        };
        if same_outputs && error == old.error && base == old.base {
            if !self.quiet {
                let ms = start.elapsed().as_millis() as u64;
                eprintln!("{}", t!("serve-nothing-changed", ms = ms));
            }
            return;
        }
        let good = match compiled.outputs.take() {
            Some(new) if !same_outputs => Some(Arc::new(Good::new(new, old.good.as_deref()))),
            _ => old.good.clone(),
        };
        let notes = match &error {
            None => Arc::new(notes_json(&compiled.notes)),
            Some(_) => old.notes.clone(),
        };
        let fresh = self.publish(base, good, error, notes);
        self.report(&compiled, &fresh, same_outputs, start.elapsed().as_millis());
    }

    /// Prints the findings the last build did not have, and how many it had already.
    fn print_new(&mut self, findings: &Findings) {
        let key = |f: &Finding| (f.file.clone(), f.line, f.col, f.message.clone());
        let (old, new): (Vec<&Finding>, Vec<&Finding>) =
            findings.iter().partition(|f| self.shown.contains(&key(f)));
        let new: Findings = new.into_iter().cloned().collect::<Vec<_>>().into();
        eprint!("{}", new.render(self.color));
        if !old.is_empty() && !self.quiet {
            eprintln!("{}", t!("serve-findings-as-before", count = old.len()));
        }
        self.shown = findings.iter().map(key).collect();
    }

    /// The site's path from site.yaml; while it cannot be read, the one served before (or `/`).
    fn base_path(&self, old: &Served) -> String {
        Config::load(&self.root)
            .map(|c| c.base_path())
            .unwrap_or_else(|_| {
                if old.base.is_empty() {
                    "/".into()
                } else {
                    old.base.clone()
                }
            })
    }

    /// Serves `good`, with `error` over it when the build failed, under a new version, and tells
    /// the pages.
    fn publish(
        &mut self,
        base: String,
        good: Option<Arc<Good>>,
        error: Option<String>,
        notes: Arc<Vec<u8>>,
    ) -> Arc<Served> {
        self.builds += 1;
        let version = format!("{:x}-{}", self.run_id, self.builds);
        let kind = if error.is_some() { "failed" } else { "reload" };
        let fresh = Arc::new(Served {
            base,
            good,
            error,
            version: version.clone(),
            notes,
        });
        *self
            .shared
            .served
            .write()
            .unwrap_or_else(|e| e.into_inner()) = fresh.clone();
        self.shared.notice.send_replace(Notice { kind, version });
        fresh
    }

    /// Says what the build served as `fresh` did, `ms` after it started.
    fn report(&self, compiled: &site::Report, fresh: &Served, same_outputs: bool, ms: u128) {
        match (&fresh.error, &fresh.good) {
            (Some(_), Some(_)) => eprintln!(
                "{}",
                t!("serve-failed-kept", errors = compiled.findings.errors())
            ),
            (Some(_), None) => eprintln!(
                "{}",
                t!("serve-failed-first", errors = compiled.findings.errors())
            ),
            (None, Some(good)) if !same_outputs => {
                if !self.quiet {
                    eprintln!(
                        "{}",
                        t!(
                            "serve-built",
                            measures = compiled.measures,
                            pages = compiled.pages,
                            ms = ms as u64,
                            parsed = self.cache.parsed(),
                            files = good.outputs.len()
                        )
                    );
                }
            }
            _ => {
                if !self.quiet {
                    eprintln!("{}", t!("serve-fixed", ms = ms as u64));
                }
            }
        }
    }

    /// `site::compile` with the cache; a bug in a build step becomes a failed build, not a dead
    /// preview.
    fn compile(&mut self) -> site::Report {
        let opts = site::Options {
            root: self.root.clone(),
            out: Some(self.out.clone()),
            base_url: None,
            search: self.search,
        };
        let cache = &mut self.cache;
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| site::compile(&opts, cache)))
            .unwrap_or_else(|_| {
                self.cache = Cache::default();
                let mut compiled = site::Report::default();
                compiled.findings.push(
                    Finding::error("prongsai", t!("serve-crashed")).help(t!("serve-crashed.help")),
                );
                compiled
            })
    }
}

/// The to-do lists as JSON keyed by year: `{"2566": {"year": 2566, "caveats": […], "todo": […]}}`.
fn notes_json(notes: &[crate::oit::Notes]) -> Vec<u8> {
    let by_year: std::collections::BTreeMap<String, &crate::oit::Notes> =
        notes.iter().map(|n| (n.year.to_string(), n)).collect();
    serde_json::to_vec(&by_year).unwrap_or_else(|_| b"{}".to_vec())
}

/// One line on what triggered a rebuild.
fn describe(root: &Path, changed: &[PathBuf], everything: bool) -> String {
    if everything || changed.is_empty() {
        return t!("serve-changed-everything");
    }
    let first = crate::diag::display_path(root, &changed[0]);
    match changed.len() {
        1 => t!("serve-changed-one", file = first),
        n => t!("serve-changed-many", file = first, more = n - 1),
    }
}

/// The file watcher: native events, or polling with `--poll`.
enum Watcher {
    Native(Debouncer<notify::RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<notify::PollWatcher, FileIdMap>),
}

impl Watcher {
    /// Watches the site folder itself and every top-level folder but the output ones.
    fn start(root: &Path, poll: bool, tx: mpsc::Sender<Msg>) -> io::Result<Watcher> {
        let filter_root = root.to_path_buf();
        let handler = move |result: DebounceEventResult| {
            let msg = match result {
                Ok(events) if events.iter().any(|e| e.need_rescan()) => Msg::Rescan,
                Ok(events) => {
                    // Reads (the build's own among them) change nothing.
                    let mut paths: Vec<PathBuf> = events
                        .iter()
                        .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                        .flat_map(|e| e.paths.iter())
                        .filter(|p| counts(&filter_root, p))
                        .cloned()
                        .collect();
                    paths.sort();
                    paths.dedup();
                    if paths.is_empty() {
                        return;
                    }
                    Msg::Changed(paths)
                }
                Err(errors) => {
                    for e in errors {
                        eprintln!("{}", t!("serve-watch-failed", error = e.to_string()));
                    }
                    Msg::Rescan
                }
            };
            let _ = tx.send(msg);
        };
        let mut watcher = if poll {
            // Poll compares whole seconds of mtime: hashing the contents too catches quick saves.
            let config = notify::Config::default()
                .with_poll_interval(POLL_EVERY)
                .with_compare_contents(true);
            Watcher::Poll(
                notify_debouncer_full::new_debouncer_opt(
                    DEBOUNCE,
                    Some(DEBOUNCE_TICK),
                    handler,
                    FileIdMap::new(),
                    config,
                )
                .map_err(io::Error::other)?,
            )
        } else {
            Watcher::Native(
                notify_debouncer_full::new_debouncer(DEBOUNCE, Some(DEBOUNCE_TICK), handler)
                    .map_err(io::Error::other)?,
            )
        };
        watcher.watch(root, RecursiveMode::NonRecursive);
        for entry in std::fs::read_dir(root)?.flatten() {
            let path = entry.path();
            if path.is_dir() && counts(root, &path) {
                watcher.watch(&path, RecursiveMode::Recursive);
            }
        }
        Ok(watcher)
    }

    fn watch(&mut self, path: &Path, mode: RecursiveMode) {
        let result = match self {
            Watcher::Native(d) => d.watch(path, mode),
            Watcher::Poll(d) => d.watch(path, mode),
        };
        if let Err(e) = result {
            eprintln!(
                "{}",
                t!(
                    "serve-cannot-watch",
                    path = path.display().to_string(),
                    error = e.to_string()
                )
            );
        }
    }
}

/// The site's inputs, at the top of its folder: a change anywhere else (public/, a log file the
/// preview's own output is sent to, .git) changes nothing.
const INPUTS: &[&str] = &["site.yaml", "content", "static", "templates", "criteria"];

/// Whether a change to `path` can change the site: under one of the [`INPUTS`], and not an
/// editor's temp or swap file.
fn counts(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    match rel.components().next() {
        Some(Component::Normal(top)) if INPUTS.iter().any(|i| top == *i) => {}
        _ => return false,
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !is_editor_temp(&name)
}

/// What tells one folder from another that takes its name (a backup restored over the site):
/// device and inode on Unix, the creation time elsewhere. None while it is missing.
fn identity(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let t = meta.created().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some((t.as_secs(), u64::from(t.subsec_nanos())))
    }
}

/// Names editors give their swap, backup and save-through files.
fn is_editor_temp(name: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "~",
        ".swp",
        ".swo",
        ".swx",
        ".swpx",
        ".tmp",
        ".crswap",
        ".kate-swp",
        ".part",
    ];
    SUFFIXES.iter().any(|s| name.ends_with(s))
        || name.starts_with(".#")
        || name.starts_with(".~lock.")
        || name.starts_with(".goutputstream-")
        || name.starts_with("~$")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913" // vim checks that it may write the folder with this file
}

/// Every request: the event stream, or a file of the last good build.
async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return plain(StatusCode::METHOD_NOT_ALLOWED, t!("serve-get-only"));
    }
    if !host_allowed(req.headers().get(header::HOST), shared.bind) {
        return plain(StatusCode::MISDIRECTED_REQUEST, t!("serve-wrong-host"));
    }
    let path = req.uri().path().to_string();
    if path == EVENTS_PATH {
        return events(&shared).into_response();
    }
    if path == LIVE_JS {
        return asset("text/javascript; charset=utf-8", include_str!("live.js"));
    }
    if path == LIVE_CSS {
        return asset("text/css; charset=utf-8", include_str!("live.css"));
    }
    let served = shared.current();
    if path == NOTES_PATH {
        let mut res = Response::new(Body::from(served.notes.to_vec()));
        let headers = res.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return res;
    }
    let base = served.base.as_str();
    let found = match resolve(&path, base) {
        Resolved::Redirect(to) => return redirect(&to),
        // measures/x -> measures/x/ when that is a page: its relative links need the slash.
        Resolved::Key(key) if served.file(&format!("{key}/index.html")).is_some() => {
            return redirect(&format!("{path}/"));
        }
        Resolved::Key(key) => served.file(&key).map(|bytes| (key, bytes)),
        Resolved::Outside => None,
    };
    match found {
        Some((key, bytes)) => respond(&served, StatusCode::OK, &key, bytes),
        None if served.good.is_none() => respond(
            &served,
            StatusCode::SERVICE_UNAVAILABLE,
            "index.html",
            Bytes::from(first_failed()),
        ),
        None => match served.file("404.html").filter(|_| path.starts_with(base)) {
            Some(page) => respond(&served, StatusCode::NOT_FOUND, "404.html", page),
            None => {
                let page = format!(
                    "<!doctype html><html lang=\"{lang}\"><meta charset=\"utf-8\"><title>404</title><body>\
                     <p>{text} <a href=\"{0}\">{0}</a></p></body></html>",
                    crate::escape::html(base),
                    lang = t!("serve-html-lang"),
                    text = crate::escape::html(&t!("serve-not-found")),
                );
                respond(&served, StatusCode::NOT_FOUND, "404.html", page.into())
            }
        },
    }
}

/// Whether a request's `Host` may be answered: a loopback name, an address written as numbers
/// (the `--bind` one among them), or none (HTTP/1.0). A web page that points a name of its own
/// at 127.0.0.1 (DNS rebinding) would otherwise read the drafts.
fn host_allowed(host: Option<&HeaderValue>, bind: IpAddr) -> bool {
    let Some(host) = host else {
        return true;
    };
    let Ok(host) = host.to_str() else {
        return false;
    };
    // `name:port`, `[v6]:port`, or either without the port.
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(n, _)| n),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback() || ip == bind || bind.is_unspecified())
}

/// The page shown while there has never been a good build.
fn first_failed() -> String {
    format!(
        "<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\">\
         <title>{}</title><body></body></html>",
        t!("serve-html-lang"),
        crate::escape::html(&t!("serve-first-failed"))
    )
}

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    /// A key into the build's outputs (which may not exist).
    Key(String),
    /// The site's own address without its trailing slash, or `/` for a site under a sub-path.
    Redirect(String),
    /// Outside the site, or not a path a build can produce.
    Outside,
}

/// Maps a raw (still percent-encoded) request path to an output key, refusing anything that
/// could name a file outside the build.
fn resolve(raw: &str, base: &str) -> Resolved {
    let Some(path) = percent_decode(raw) else {
        return Resolved::Outside;
    };
    if (path == "/" && base != "/") || path == base.trim_end_matches('/') {
        return Resolved::Redirect(base.to_string());
    }
    let Some(rest) = path.strip_prefix(base) else {
        return Resolved::Outside;
    };
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len() - 1;
    for (i, s) in segments.iter().enumerate() {
        let bad_char = s.contains(['\\', '\0', ':']);
        if *s == ".." || *s == "." || (s.is_empty() && i != last) || bad_char {
            return Resolved::Outside;
        }
    }
    if rest.is_empty() || rest.ends_with('/') {
        return Resolved::Key(format!("{rest}index.html"));
    }
    Resolved::Key(rest.to_string())
}

/// `%XX` escapes decoded once; None for a malformed escape or text that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A response for one file, with the live-reload script (and the error box) in HTML.
fn respond(served: &Served, status: StatusCode, key: &str, bytes: Bytes) -> Response {
    let mime = mime_type(key);
    let body = if mime.starts_with("text/html") {
        Body::from(inject(&bytes, served))
    } else {
        Body::from(bytes)
    };
    let mut res = Response::new(body);
    *res.status_mut() = status;
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

/// One of the preview's own files.
fn asset(mime: &'static str, text: &'static str) -> Response {
    let mut res = plain(StatusCode::OK, text);
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    res
}

fn redirect(to: &str) -> Response {
    let mut res = plain(StatusCode::FOUND, "");
    // A header is ASCII: a Thai base path goes out percent-encoded.
    let to: String = to
        .bytes()
        .map(|b| match b {
            b if b.is_ascii_graphic() => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&to) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

fn plain(status: StatusCode, text: impl IntoResponse) -> Response {
    let mut res = (status, text).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The event stream: `hello` with the current version, then `reload` or `failed` per rebuild.
fn events(shared: &Shared) -> Response {
    // A new receiver has seen the current notice: `changed` waits for the next rebuild.
    let rx = shared.notice.subscribe();
    let stop = shared.stop.subscribe();
    let hello = Notice {
        kind: "hello",
        version: shared.current().version.clone(),
    };
    let stream = futures_util::stream::unfold(
        (rx, stop, Some(hello)),
        |(mut rx, mut stop, hello)| async move {
            if let Some(n) = hello {
                let event = Event::default().event(n.kind).data(n.version);
                return Some((Ok::<_, Infallible>(event), (rx, stop, None)));
            }
            if *stop.borrow() {
                return None;
            }
            let changed = tokio::select! {
                changed = rx.changed() => changed.is_ok(),
                _ = stop.wait_for(|s| *s) => false,
            };
            if !changed {
                return None;
            }
            let n = rx.borrow_and_update().clone();
            let event = Event::default().event(n.kind).data(n.version);
            Some((Ok(event), (rx, stop, None)))
        },
    );
    let mut res = Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The page with the live-reload script, and the error box while the last build failed,
/// before its closing `</body>`.
fn inject(html: &[u8], served: &Served) -> Vec<u8> {
    let mut add = String::from(INJECTED_START);
    add.push_str(&format!("<link rel=\"stylesheet\" href=\"{LIVE_CSS}\">"));
    if let Some(error) = &served.error {
        add.push_str(&format!(
            "<div id=\"prongsai-error\" role=\"alert\">\
<p class=\"title\"><b>{}</b></p>\
<p class=\"hint\">{}</p>\
<pre>{}</pre><button type=\"button\">{}</button></div>",
            crate::escape::html(&t!("serve-error-title")),
            crate::escape::html(&t!("serve-error-hint")),
            crate::escape::html(error),
            crate::escape::html(&t!("serve-error-close")),
        ));
    }
    add.push_str(&format!(
        "<script src=\"{LIVE_JS}\" data-version=\"{}\" data-text=\"{}\"></script>",
        crate::escape::html(&served.version),
        crate::escape::html(&live_text())
    ));
    add.push_str(INJECTED_END);
    let at = find_last_ignore_case(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + add.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(add.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The words live.js writes into the page (the to-do box), as JSON in the language chosen.
fn live_text() -> String {
    serde_json::json!({
        "label": t!("serve-notes-label"),
        "title": t!("serve-notes-title"),
        "count": t!("serve-notes-count"),
        "unverified": t!("serve-notes-unverified"),
        "requires": t!("serve-notes-requires"),
    })
    .to_string()
}

fn find_last_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    (0..=hay.len().checked_sub(needle.len())?)
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The Content-Type for a file name (by its extension).
pub fn mime_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "zip" => "application/zip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Only plain paths under the base path become output keys.
    #[test]
    fn request_paths_resolve_to_output_keys() {
        assert_eq!(
            resolve("/ita/", "/ita/"),
            Resolved::Key("index.html".into())
        );
        assert_eq!(resolve("/", "/"), Resolved::Key("index.html".into()));
        assert_eq!(
            resolve("/ita/measures/a/", "/ita/"),
            Resolved::Key("measures/a/index.html".into())
        );
        assert_eq!(
            resolve("/ita/files/%E0%B8%81.pdf", "/ita/"),
            Resolved::Key("files/ก.pdf".into())
        );
        assert_eq!(resolve("/ita", "/ita/"), Resolved::Redirect("/ita/".into()));
        assert_eq!(resolve("/", "/ita/"), Resolved::Redirect("/ita/".into()));
        assert_eq!(
            resolve("/%E0%B8%81/x.css", "/ก/"),
            Resolved::Key("x.css".into())
        );
        assert_eq!(
            resolve("/ita/measures/a", "/ita/"),
            Resolved::Key("measures/a".into())
        );
    }

    // Dots, encoded dots, backslashes, empty segments and outside paths never become keys.
    #[test]
    fn traversal_attempts_resolve_to_nothing() {
        for raw in [
            "/ita/../site.yaml",
            "/ita/%2e%2e/site.yaml",
            "/ita/%2E%2E/%2e%2e/etc/passwd",
            "/ita/static/..%2f..%2fsite.yaml",
            "/ita/..%5csite.yaml",
            "/ita/static%5c..%5c..%5csite.yaml",
            "/ita//etc/passwd",
            "/ita/C:/Windows/win.ini",
            "/ita/%00.html",
            "/ita/%zz",
            "/ita%2f..%2fsite.yaml",
            "/etc/passwd",
        ] {
            assert_eq!(resolve(raw, "/ita/"), Resolved::Outside, "{raw}");
        }
        // Double encoding decodes once, to a name no build writes.
        assert_eq!(
            resolve("/ita/%252e%252e/site.yaml", "/ita/"),
            Resolved::Key("%2e%2e/site.yaml".into())
        );
    }

    // Swap, backup and save-through files of common editors do not trigger a rebuild.
    #[test]
    fn editor_temp_files_do_not_count() {
        let root = Path::new("/site");
        for name in [
            "content/measures/.a.md.swp",
            "content/measures/a.md~",
            "content/measures/4913",
            "content/measures/.#a.md",
            "content/measures/#a.md#",
            "content/measures/a.md.tmp",
            "public/index.html",
            ".public.prongsai/index.html",
            ".git/index",
        ] {
            assert!(!counts(root, &root.join(name)), "{name}");
        }
        for name in ["content/measures/a.md", "site.yaml", "templates/base.html"] {
            assert!(counts(root, &root.join(name)), "{name}");
        }
    }

    // Only the site's own inputs count: the log `prongsai serve > serve.log` writes, a zip, a
    // note beside site.yaml never start a rebuild.
    #[test]
    fn only_the_sites_inputs_count() {
        let root = Path::new("/site");
        for name in ["serve.log", "backup.zip", "notes/todo.txt", "site.yaml.bak"] {
            assert!(!counts(root, &root.join(name)), "{name}");
        }
        for name in [
            "static/logo.png",
            "criteria/ita-2566.yaml",
            "content/disclosures.yaml",
        ] {
            assert!(counts(root, &root.join(name)), "{name}");
        }
    }

    // The preview answers loopback names and addresses, not a name a web page pointed at it.
    #[test]
    fn only_loopback_names_and_addresses_are_answered() {
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        let lan: IpAddr = "192.168.1.5".parse().unwrap();
        let ok = |h: &str, bind| host_allowed(Some(&HeaderValue::from_str(h).unwrap()), bind);
        for h in [
            "localhost:8000",
            "127.0.0.1:8000",
            "[::1]:8000",
            "app.localhost",
            "LOCALHOST.",
        ] {
            assert!(ok(h, loopback), "{h}");
        }
        for h in [
            "evil.example:8000",
            "localhost.evil.example",
            "192.168.1.5:8000",
        ] {
            assert!(!ok(h, loopback), "{h}");
        }
        assert!(ok("192.168.1.5:8000", lan), "the --bind address");
        assert!(host_allowed(None, loopback), "HTTP/1.0 sends no Host");
    }

    // The script and the error box go before </body>, whatever its case.
    #[test]
    fn script_goes_before_the_closing_body_tag() {
        let served = Served {
            version: "v1".into(),
            error: Some("a.md:1:1 <bad>".into()),
            ..Served::default()
        };
        let out = String::from_utf8(inject(b"<html><body>x</BODY></html>", &served)).unwrap();
        assert!(
            out.starts_with("<html><body>x<!-- prongsai serve -->"),
            "{out}"
        );
        assert!(
            out.ends_with("<!-- /prongsai serve --></BODY></html>"),
            "{out}"
        );
        assert!(out.contains("a.md:1:1 &lt;bad&gt;"), "{out}");
    }
}
