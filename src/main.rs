//! The `prongsai` command: parse the CLI, call the library, print findings, return the exit code.

/// mimalloc: the build makes and drops millions of small strings and values; glibc's and musl's
/// allocators spent about a sixth of a build in malloc and free.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use prongsai::config::Config;
use prongsai::exit::Exit;
use prongsai::i18n::{self, Lang};
use prongsai::thai::Date;
use prongsai::{oit, publish, scaffold, serve, site};

/// Build a Thai local government's integrity and transparency (ITA) website from Markdown files.
#[derive(Parser)]
#[command(name = "prongsai", version, about, long_about = None)]
struct Cli {
    /// Print only errors and warnings.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Language of messages: th or en [default: the system's].
    #[arg(long, global = true, value_name = "LANG", env = "PRONGSAI_LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (only when every file is valid; public/ is replaced atomically).
    Build(BuildArgs),
    /// Check every file and report all problems; writes nothing. Exit 0 clean, 1 errors, 2 could not run.
    Check(CheckArgs),
    /// Preview the site in a browser, rebuilding and reloading on every change (Ctrl-C stops).
    Serve(ServeArgs),
    /// Build, then send what changed to the host of `publish.url` in site.yaml (password from
    /// PRONGSAI_PASSWORD or a prompt). Exit 0 published, 1 the site has errors, 2 not published.
    Publish(PublishArgs),
    /// Create a new site in DIR with an example measure and instructions, for the fiscal year of
    /// today's date in Thailand (SOURCE_DATE_EPOCH, when set, is taken as now).
    Init {
        /// Folder to create (must be empty or missing).
        dir: PathBuf,
    },
    /// Create a new measure, or start a new fiscal year.
    New {
        #[command(subcommand)]
        what: New,
    },
    /// Write criteria/ita-YEAR.yaml, the site's own OIT item list for YEAR, from prongsai's list for
    /// that year (or the one standing in for it), to edit when NACC publishes the year's manual.
    Criteria(CriteriaArgs),
}

// The arguments of `build`.
#[derive(Args)]
struct BuildArgs {
    /// The site folder, holding site.yaml and content/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Output folder [default: ROOT/public].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Public address of the site, replacing base_url in site.yaml.
    #[arg(long)]
    base_url: Option<String>,
    /// Skip the search index (quicker builds; the search page then finds nothing).
    #[arg(long)]
    no_search: bool,
}

// The arguments of `publish`.
#[derive(Args)]
struct PublishArgs {
    /// The site folder, holding site.yaml and content/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// List what would be sent and deleted; send nothing.
    #[arg(long)]
    dry_run: bool,
    /// Trust this SFTP host key (SHA256:...) when it is new or changed, and remember it.
    #[arg(long, value_name = "FINGERPRINT")]
    accept_host_key: Option<String>,
}

// The arguments of `check`.
#[derive(Args)]
struct CheckArgs {
    /// The site folder, holding site.yaml and content/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Treat OIT evidence dated outside its fiscal year ("needs attention") as an error.
    #[arg(long)]
    strict: bool,
}

// The arguments of `serve`.
#[derive(Args)]
struct ServeArgs {
    /// The site folder, holding site.yaml and content/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Port to listen on; the next free one is used when it is taken.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Address to listen on; anything but 127.0.0.1 shows the preview to the network.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    open: bool,
    /// Poll for changes instead of waiting for file system events (network drives, WSL on /mnt/c).
    #[arg(long)]
    poll: bool,
    /// Build the search index on every rebuild, so the search page works in the preview.
    #[arg(long)]
    search: bool,
}

/// The years `criteria` accepts: [`prongsai::thai::BE_YEARS`], as clap's range wants them.
const BE_FROM: i64 = *prongsai::thai::BE_YEARS.start() as i64;
const BE_TO: i64 = *prongsai::thai::BE_YEARS.end() as i64;

// The arguments of `criteria`.
#[derive(Args)]
struct CriteriaArgs {
    /// The ITA fiscal year in Buddhist Era, e.g. 2570.
    #[arg(value_parser = clap::value_parser!(i32).range(BE_FROM..=BE_TO))]
    year: i32,
    /// The site folder, holding site.yaml.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

#[derive(Subcommand)]
enum New {
    /// A new measure: content/measures/measure-N.md (or --name).
    Measure {
        /// The measure's title, e.g. "การเปิดเผยข้อมูลสาธารณะ".
        title: String,
        /// File name without .md (it becomes the page's address).
        #[arg(long)]
        name: Option<String>,
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Start fiscal year YEAR (on 1 October): set fiscal_year in site.yaml, and carry last year's
    /// measures over as drafts of YEAR (results, score, dates and OIT items left empty).
    Year {
        /// The new fiscal year (Buddhist Era), the one after site.yaml's, e.g. 2570.
        year: i32,
        /// Only set the year; carry no measure over.
        #[arg(long)]
        no_carry: bool,
        /// Start a year that is not the next one (skipping years).
        #[arg(long)]
        force: bool,
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    i18n::set(language(std::env::args_os()));
    let cli = Cli::parse();
    let out = Out {
        quiet: cli.quiet,
        color: std::io::stderr().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let exit = match cli.command {
        Command::Build(args) => build(args, out),
        Command::Check(args) => check(args, out),
        Command::Serve(args) => serve(args, out),
        Command::Publish(args) => publish(args, out),
        Command::Init { dir } => init(&dir, out),
        Command::New {
            what: New::Measure { title, name, root },
        } => new_measure(&root, &title, name.as_deref(), out),
        Command::Criteria(args) => criteria(args, out),
        Command::New {
            what:
                New::Year {
                    year,
                    no_carry,
                    force,
                    root,
                },
        } => new_year(&root, year, force, !no_carry, out),
    };
    exit.into()
}

/// The language to speak, chosen before clap reads the arguments (its help and errors speak it
/// too): `--lang X` or `--lang=X`, else `PRONGSAI_LANG`, else the system's locale.
fn language(args: impl Iterator<Item = std::ffi::OsString>) -> Lang {
    let args: Vec<String> = args.filter_map(|a| a.into_string().ok()).collect();
    let flag = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).cloned(),
            Some(v) => v.strip_prefix('=').map(str::to_string),
            None => None,
        });
    flag.or_else(|| std::env::var("PRONGSAI_LANG").ok())
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_else(Lang::of_system)
}

/// How to print: `--quiet`, and colour when stderr is a terminal and NO_COLOR is unset.
#[derive(Clone, Copy)]
struct Out {
    quiet: bool,
    color: bool,
}

/// Prints why the command could not run.
fn could_not_run(e: &std::io::Error) -> Exit {
    eprintln!("error: {e}");
    Exit::CouldNotRun
}

/// `prongsai build`: the findings, then the summary line (only the failure one with --quiet).
fn build(args: BuildArgs, out: Out) -> Exit {
    let opts = site::Options {
        root: args.root,
        out: args.out,
        base_url: args.base_url,
        search: !args.no_search,
    };
    if let Err(e) = site::require_site(&opts.root) {
        return could_not_run(&e);
    }
    let report = site::build(&opts);
    eprint!("{}", report.findings.render(out.color));
    let written = report.written.is_some();
    if !written || !out.quiet {
        eprintln!("{}", report.summary(&opts.out_dir()));
    }
    if written {
        Exit::Success
    } else {
        Exit::HasErrors
    }
}

/// `prongsai check`: the findings as text or JSON; writes nothing.
fn check(args: CheckArgs, out: Out) -> Exit {
    if let Err(e) = site::require_site(&args.root) {
        return could_not_run(&e);
    }
    let findings = site::check_folder(&args.root, args.strict);
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&findings.to_json()).unwrap_or_default()
        ),
        Format::Text => {
            eprint!("{}", findings.render(out.color));
            if !out.quiet || findings.has_errors() {
                eprintln!("{}", findings.summary());
            }
        }
    }
    Exit::of(&findings)
}

/// `prongsai serve`: runs until Ctrl-C.
fn serve(args: ServeArgs, out: Out) -> Exit {
    let opts = serve::Options {
        root: args.root,
        port: args.port,
        bind: args.bind,
        open: args.open,
        poll: args.poll,
        color: out.color,
        quiet: out.quiet,
        search: args.search,
    };
    match serve::run(opts) {
        Ok(()) => Exit::Success,
        Err(e) => could_not_run(&e),
    }
}

/// Today's date in Thailand: the one place that reads the clock. SOURCE_DATE_EPOCH (seconds since
/// 1970, the reproducible-builds convention) stands in for the clock when set.
fn today() -> Result<Date, String> {
    let secs = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) if !s.trim().is_empty() => s.trim().parse::<i64>().map_err(|_| {
            format!(
                "SOURCE_DATE_EPOCH is `{s}`, not a number of seconds since 1970; unset it or fix it"
            )
        })?,
        _ => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64),
    };
    Date::in_thailand(secs)
        .filter(|d| prongsai::thai::BE_YEARS.contains(&d.fiscal_year()))
        .ok_or_else(|| format!("the date {secs} seconds after 1970 is out of range; check the clock or SOURCE_DATE_EPOCH"))
}

/// `prongsai init DIR`: a new site with an example in every folder, for today's fiscal year.
/// `prongsai publish`: site.yaml's destination, the build, then the publish and its summary.
fn publish(args: PublishArgs, out: Out) -> Exit {
    let opts = site::Options {
        root: args.root,
        out: None,
        base_url: None,
        search: true,
    };
    let (target, config) = match publish_target(&opts.root, out) {
        Ok(found) => found,
        Err(exit) => return exit,
    };
    let built = BuildArgs {
        root: opts.root.clone(),
        out: None,
        base_url: None,
        no_search: false,
    };
    if build(built, out) != Exit::Success {
        return Exit::HasErrors;
    }
    let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let popts = publish::Options {
        dry_run: args.dry_run,
        password: std::env::var("PRONGSAI_PASSWORD")
            .ok()
            .filter(|p| !p.is_empty()),
        accept_host_key: args.accept_host_key,
        interactive: terminal,
        progress: terminal && !out.quiet,
        known_hosts: publish::sftp::known_hosts_file(),
        certificate: config.certificate.map(|c| opts.root.join(c)),
    };
    match publish::run(&opts.out_dir(), &target, &popts) {
        Ok(summary) => {
            if summary.dry_run {
                summary
                    .sent
                    .iter()
                    .for_each(|p| println!("ส่ง / send   {p}"));
                summary
                    .deleted
                    .iter()
                    .for_each(|p| println!("ลบ / delete {p}"));
            }
            if !out.quiet || summary.dry_run {
                eprintln!("{} → {}", summary.line(), publish::describe(&target));
            }
            Exit::Success
        }
        Err(failure) => {
            eprintln!("{failure}");
            Exit::CouldNotRun
        }
    }
}

/// Where site.yaml's `publish.url` points; a site.yaml without one is told how to add it.
fn publish_target(
    root: &Path,
    out: Out,
) -> Result<(prongsai::config::Target, prongsai::config::Publish), Exit> {
    site::require_site(root).map_err(|e| could_not_run(&e))?;
    let config = load_config(root, out)?;
    let Some(publish) = config.publish else {
        eprintln!(
            "error: site.yaml ไม่ได้บอกว่าจะเผยแพร่ไปที่ใด / site.yaml does not say where to publish"
        );
        eprintln!(
            "  help: add a line such as `publish: {{ url: sftp://user@host:22/public_html/ita/ }}` (or ftp://, ftps://, or a folder); the password is never written there"
        );
        return Err(Exit::CouldNotRun);
    };
    match publish.target(root) {
        Ok(target) => Ok((target, publish)),
        Err(e) => {
            eprintln!("error: {e}");
            Err(Exit::HasErrors)
        }
    }
}

/// site.yaml, or its findings printed and exit 1.
fn load_config(root: &Path, out: Out) -> Result<Config, Exit> {
    Config::load(root).map_err(|findings| {
        let findings = prongsai::diag::Findings::from(findings);
        eprint!("{}", findings.render(out.color));
        eprintln!("{}; fix site.yaml first", findings.summary());
        Exit::HasErrors
    })
}

/// `prongsai init DIR`: a new site with an example in every folder.
fn init(dir: &Path, out: Out) -> Exit {
    let today = match today() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return Exit::CouldNotRun;
        }
    };
    match scaffold::init(dir, today.fiscal_year()) {
        Ok(files) => {
            if !out.quiet {
                for f in files {
                    println!("created {}", f.display());
                }
                println!("next: cd {} && prongsai build", dir.display());
            }
            Exit::Success
        }
        Err(e) => could_not_run(&e),
    }
}

/// `prongsai new measure`: only in a site folder, whose site.yaml gives the fiscal year.
fn new_measure(root: &Path, title: &str, name: Option<&str>, out: Out) -> Exit {
    if let Err(e) = site::require_site(root) {
        return could_not_run(&e);
    }
    let config = match load_config(root, out) {
        Ok(c) => c,
        Err(exit) => return exit,
    };
    match scaffold::new_measure(root, title, name, config.fiscal_year) {
        Ok(path) => {
            if !out.quiet {
                println!("created {}", path.display());
            }
            Exit::Success
        }
        Err(e) => could_not_run(&e),
    }
}

/// `prongsai criteria YEAR`: only in a site folder; never overwrites the site's own list.
fn criteria(args: CriteriaArgs, out: Out) -> Exit {
    if let Err(e) = site::require_site(&args.root) {
        return could_not_run(&e);
    }
    match oit::write_starter(&args.root, args.year) {
        Ok((path, from)) => {
            if !out.quiet {
                println!(
                    "created {} from the ITA {from} list; edit it to match NACC's ITA {} manual, then run prongsai check",
                    path.display(),
                    args.year
                );
            }
            Exit::Success
        }
        Err(e) => could_not_run(&e),
    }
}

/// `prongsai new year YEAR`: what it wrote and what to do next, or why it wrote nothing.
fn new_year(root: &Path, year: i32, force: bool, carry: bool, out: Out) -> Exit {
    match scaffold::new_year(root, year, force, carry) {
        Ok(done) => {
            if !out.quiet {
                print!("{}", done.summary());
            }
            Exit::Success
        }
        Err(scaffold::Refused::Files(findings)) => {
            eprint!("{}", findings.render(out.color));
            eprintln!(
                "{}; ยังไม่ได้เริ่มปีใหม่ แก้ไฟล์ก่อน / the new year was not started: fix these first",
                findings.summary()
            );
            Exit::HasErrors
        }
        Err(scaffold::Refused::Io(e)) => could_not_run(&e),
    }
}
