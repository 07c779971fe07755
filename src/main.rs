//! The `prongsai` command: parse the CLI, call the library, print findings, return the exit code.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use prongsai::config::Config;
use prongsai::exit::Exit;
use prongsai::i18n::{self, Lang};
use prongsai::t;
use prongsai::thai::Date;
use prongsai::{oit, publish, scaffold, serve, site};

// The command line. Every about and help line is in i18n/<lang>/cli.ftl, named after the command
// and the argument (`cli-build-about`, `cli-build-out`), and set by `localise`.
#[derive(Parser)]
#[command(name = "prongsai", version, about, long_about = None)]
struct Cli {
    #[arg(short, long, global = true)]
    quiet: bool,
    #[arg(long, global = true, value_name = "LANG", env = "PRONGSAI_LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Build(BuildArgs),
    Check(CheckArgs),
    Serve(ServeArgs),
    Publish(PublishArgs),
    Init {
        dir: PathBuf,
    },
    New {
        #[command(subcommand)]
        what: New,
    },
    Criteria(CriteriaArgs),
}

// The arguments of `build`.
#[derive(Args)]
struct BuildArgs {
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long)]
    base_url: Option<String>,
    #[arg(long)]
    no_search: bool,
}

// The arguments of `publish`.
#[derive(Args)]
struct PublishArgs {
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[arg(long)]
    dry_run: bool,
    #[arg(long, value_name = "FINGERPRINT")]
    accept_host_key: Option<String>,
}

// The arguments of `check`.
#[derive(Args)]
struct CheckArgs {
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[arg(long)]
    strict: bool,
}

// The arguments of `serve`.
#[derive(Args)]
struct ServeArgs {
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[arg(long, default_value_t = 1111)]
    port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    #[arg(long)]
    open: bool,
    #[arg(long)]
    poll: bool,
    #[arg(long)]
    search: bool,
}

/// The years `criteria` accepts: [`prongsai::thai::BE_YEARS`], as clap's range wants them.
const BE_FROM: i64 = *prongsai::thai::BE_YEARS.start() as i64;
const BE_TO: i64 = *prongsai::thai::BE_YEARS.end() as i64;

// The arguments of `criteria`.
#[derive(Args)]
struct CriteriaArgs {
    #[arg(value_parser = clap::value_parser!(i32).range(BE_FROM..=BE_TO))]
    year: Option<i32>,
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

#[derive(Subcommand)]
enum New {
    Measure {
        title: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    Year {
        year: i32,
        #[arg(long)]
        no_carry: bool,
        #[arg(long)]
        force: bool,
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
    let mut cmd = command();
    let cli = match cmd
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return bad_command_line(&e, &cmd).into(),
    };
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

/// The command line clap reads, its help in the chosen language.
fn command() -> clap::Command {
    let mut cmd = Cli::command();
    // Built first, so the help flags, the `help` command and the global arguments that clap adds
    // are there to be given their text.
    cmd.build();
    localise(cmd, "cli")
}

/// `cmd` (named `id`: `cli`, `cli-build`, `cli-new-year`) and its commands with every about and
/// help from cli.ftl: `ID-about`, and `ID-ARG` for each argument, but the ones every command
/// shares (`cli-help`, `cli-root`, …). Outside English, clap's own words are replaced too.
// i18n: cli-about cli-quiet cli-lang cli-help cli-version cli-root cli-help-about
// i18n: cli-help-subcommand cli-build-about cli-build-out cli-build-base-url cli-build-no-search
// i18n: cli-check-about cli-check-format cli-check-strict cli-serve-about cli-serve-port
// i18n: cli-serve-bind cli-serve-open cli-serve-poll cli-serve-search cli-publish-about
// i18n: cli-publish-dry-run cli-publish-accept-host-key cli-init-about cli-init-dir cli-new-about
// i18n: cli-new-measure-about cli-new-measure-title cli-new-measure-name cli-new-year-about
// i18n: cli-new-year-year cli-new-year-no-carry cli-new-year-force cli-criteria-about
// i18n: cli-criteria-year
fn localise(cmd: clap::Command, id: &str) -> clap::Command {
    const SHARED: &[&str] = &["help", "version", "quiet", "lang", "root"];
    let english = i18n::lang() == Lang::En;
    let mut cmd = cmd.about(i18n::text(&format!("{id}-about"), None));
    if !english {
        cmd = cmd
            .help_template(format!(
                "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                t!("cli-usage")
            ))
            .subcommand_help_heading(t!("cli-commands"));
    }
    let cmd = cmd.mut_args(|arg| {
        let name = arg.get_id().as_str().replace('_', "-");
        let help_id = if SHARED.contains(&name.as_str()) {
            format!("cli-{name}")
        } else {
            format!("{id}-{name}")
        };
        let mut help = i18n::text(&help_id, None);
        if english {
            return arg.help(help);
        }
        // clap's notes after the help, in the language of the help.
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() && arg.get_action().takes_values() {
            help += &format!(" {}", t!("cli-values", values = values.join(", ")));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && arg.get_action().takes_values() {
            help += &format!(" {}", t!("cli-default", value = defaults.join(",")));
        }
        if let Some(env) = arg.get_env() {
            help += &format!(" {}", t!("cli-env", name = env.to_string_lossy()));
        }
        let kind = if arg.is_positional() {
            t!("cli-arguments")
        } else {
            t!("cli-options")
        };
        arg.help(help)
            .help_heading(kind)
            .hide_possible_values(true)
            .hide_default_value(true)
            .hide_env(true)
    });
    cmd.mut_subcommands(|sub| {
        // `help`'s own commands are the program's, under the same names.
        let sub_id = match sub.get_name() {
            "help" => "cli-help".to_string(),
            name if id == "cli-help" => format!("cli-{name}"),
            name => format!("{id}-{name}"),
        };
        localise(sub, &sub_id)
    })
}

/// Prints what clap could not read and returns its exit: clap's own message in English, else a
/// line in the chosen language, the usage and where to read more. Help and version are printed
/// as asked.
fn bad_command_line(e: &clap::Error, cmd: &clap::Command) -> Exit {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if i18n::lang() == Lang::En
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        let _ = e.print();
        return if e.use_stderr() {
            Exit::CouldNotRun
        } else {
            Exit::Success
        };
    }
    let context = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(s)) => s
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let headline = match e.kind() {
        ErrorKind::UnknownArgument => t!("cli-bad-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => {
            t!(
                "cli-bad-unknown-command",
                arg = context(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            t!("cli-bad-invalid-value", value = value, arg = arg)
        }
        ErrorKind::MissingRequiredArgument => {
            t!("cli-bad-missing-argument", arg = arg)
        }
        ErrorKind::MissingSubcommand => t!("cli-bad-missing-command"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            t!("cli-bad-too-many", value = value, arg = arg)
        }
        ErrorKind::ArgumentConflict => t!(
            "cli-bad-conflict",
            arg = arg,
            other = context(ContextKind::PriorArg)
        ),
        _ => t!("cli-bad-other"),
    };
    let mut out = vec![t!("cli-error", message = headline)];
    let valid = context(ContextKind::ValidValue);
    if !valid.is_empty() {
        out.push(format!("  {}", t!("cli-bad-valid-values", values = valid)));
    }
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(context)
        .find(|s| !s.is_empty());
    if let Some(suggested) = suggested {
        out.push(format!(
            "  {}",
            t!("cli-bad-suggestion", suggested = suggested)
        ));
    }
    // The command the arguments named (`prongsai new year`), for its usage.
    let mut path = vec![cmd.get_name().to_string()];
    let mut sub = cmd.clone();
    for word in std::env::args().skip(1) {
        if let Some(next) = sub.find_subcommand(&word).cloned() {
            sub = next;
            path.push(word);
        }
    }
    let usage = sub.render_usage().to_string();
    let usage = usage.trim();
    out.push(String::new());
    out.push(format!(
        "{} {}",
        t!("cli-usage"),
        usage.strip_prefix("Usage:").unwrap_or(usage).trim()
    ));
    out.push(String::new());
    out.push(t!("cli-bad-more", command = path.join(" ")));
    eprintln!("{}", out.join("\n"));
    Exit::CouldNotRun
}

/// How to print: `--quiet`, and colour when stderr is a terminal and NO_COLOR is unset.
#[derive(Clone, Copy)]
struct Out {
    quiet: bool,
    color: bool,
}

/// Prints why the command could not run.
fn could_not_run(e: &std::io::Error) -> Exit {
    eprintln!("{}", t!("cli-error", message = e.to_string()));
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
        Ok(s) if !s.trim().is_empty() => s
            .trim()
            .parse::<i64>()
            .map_err(|_| t!("cli-epoch-not-a-number", value = s.as_str()))?,
        _ => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64),
    };
    Date::in_thailand(secs)
        .filter(|d| prongsai::thai::BE_YEARS.contains(&d.fiscal_year()))
        .ok_or_else(|| t!("cli-epoch-out-of-range", seconds = secs))
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
                for p in &summary.sent {
                    println!("{}", t!("cli-dry-run-send", path = p.as_str()));
                }
                for p in &summary.deleted {
                    println!("{}", t!("cli-dry-run-delete", path = p.as_str()));
                }
            }
            if !out.quiet || summary.dry_run {
                eprintln!(
                    "{}",
                    t!(
                        "cli-published",
                        summary = summary.line(),
                        destination = publish::describe(&target)
                    )
                );
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
        eprintln!("{}", t!("cli-error", message = t!("cli-no-publish")));
        eprintln!("{}", t!("cli-hint", help = t!("cli-no-publish.help")));
        return Err(Exit::CouldNotRun);
    };
    match publish.target(root) {
        Ok(target) => Ok((target, publish)),
        Err(e) => {
            eprintln!("{}", t!("cli-error", message = e.to_string()));
            Err(Exit::HasErrors)
        }
    }
}

/// site.yaml, or its findings printed and exit 1.
fn load_config(root: &Path, out: Out) -> Result<Config, Exit> {
    Config::load(root).map_err(|findings| {
        let findings = prongsai::diag::Findings::from(findings);
        eprint!("{}", findings.render(out.color));
        eprintln!("{}", t!("cli-fix-site-yaml", summary = findings.summary()));
        Exit::HasErrors
    })
}

/// `prongsai init DIR`: a new site with an example in every folder.
fn init(dir: &Path, out: Out) -> Exit {
    let today = match today() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}", t!("cli-error", message = e));
            return Exit::CouldNotRun;
        }
    };
    match scaffold::init(dir, today.fiscal_year()) {
        Ok(files) => {
            if !out.quiet {
                for f in files {
                    println!("{}", t!("cli-created", path = f.display().to_string()));
                }
                println!("{}", t!("cli-init-next", dir = dir.display().to_string()));
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
                println!("{}", t!("cli-created", path = path.display().to_string()));
            }
            Exit::Success
        }
        Err(e) => could_not_run(&e),
    }
}

/// `prongsai criteria [YEAR]` (site.yaml's year when none is given): only in a site folder;
/// never overwrites the site's own list.
fn criteria(args: CriteriaArgs, out: Out) -> Exit {
    if let Err(e) = site::require_site(&args.root) {
        return could_not_run(&e);
    }
    let year = match args.year {
        Some(y) => y,
        None => match load_config(&args.root, out) {
            Ok(c) => c.fiscal_year,
            Err(exit) => return exit,
        },
    };
    match oit::write_starter(&args.root, year) {
        Ok((path, from)) => {
            if !out.quiet {
                println!(
                    "{}",
                    t!(
                        "cli-criteria-created",
                        path = path.display().to_string(),
                        from = from,
                        year = year
                    )
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
                "{}",
                t!("cli-new-year-not-started", summary = findings.summary())
            );
            Exit::HasErrors
        }
        Err(scaffold::Refused::Io(e)) => could_not_run(&e),
    }
}
