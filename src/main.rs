//! The `prongsai` command: parse the CLI, call the library, print findings, return the exit code.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use prongsai::{scaffold, serve, site};

/// Build a Thai local government's integrity and transparency (ITA) website from Markdown files.
#[derive(Parser)]
#[command(name = "prongsai", version, about, long_about = None)]
struct Cli {
    /// Print only errors and warnings.
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (only when every file is valid; public/ is replaced atomically).
    Build {
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
    },
    /// Check every file and report all problems; writes nothing. Exit 0 clean, 1 findings, 2 could not run.
    Check {
        /// The site folder, holding site.yaml and content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Treat OIT evidence dated outside its fiscal year ("needs attention") as an error.
        #[arg(long)]
        strict: bool,
    },
    /// Preview the site in a browser, rebuilding and reloading on every change (Ctrl-C stops).
    Serve {
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
    },
    /// Create a new site in DIR with an example measure and instructions.
    Init {
        /// Folder to create (must be empty or missing).
        dir: PathBuf,
    },
    /// Create a new content file from a template with every field explained.
    New {
        #[command(subcommand)]
        what: New,
    },
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
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            no_search,
        } => {
            let opts = site::Options {
                root,
                out,
                base_url,
                search: !no_search,
            };
            let report = site::build(&opts);
            eprint!("{}", report.findings.render(color));
            match report.written {
                Some(w) => {
                    if !cli.quiet {
                        eprintln!(
                            "built {} measures and {} pages into {} in {:.2} s{} ({} files, {} written, {} removed{})",
                            report.measures,
                            report.pages,
                            opts.out_dir().display(),
                            report.seconds,
                            if report.search_seconds > 0.0 {
                                format!(", search index {:.2} s of it", report.search_seconds)
                            } else {
                                String::new()
                            },
                            w.files,
                            w.written,
                            w.removed,
                            warnings(&report.findings),
                        );
                    }
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!(
                        "build failed: {} error(s){}; {} was left as it was",
                        report.findings.errors(),
                        warnings(&report.findings),
                        opts.out_dir().display()
                    );
                    ExitCode::from(1)
                }
            }
        }
        Command::Check {
            root,
            format,
            strict,
        } => {
            if !root.join("site.yaml").is_file() {
                eprintln!(
                    "error: {} holds no site.yaml; run in a site folder or pass --root DIR",
                    root.display()
                );
                return ExitCode::from(2);
            }
            let (site, mut findings) = site::load(&root, None);
            if let Some(site) = &site
                && let Some(list) = &site.oit
            {
                let thai = site.config.thai_digits();
                findings.extend(prongsai::oit::report(list, &root, strict, thai));
            }
            findings.sort();
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&findings.to_json()).unwrap_or_default()
                ),
                Format::Text => {
                    eprint!("{}", findings.render(color));
                    if !cli.quiet || findings.has_errors() {
                        eprintln!(
                            "{} error(s), {} warning(s)",
                            findings.errors(),
                            findings.warnings()
                        );
                    }
                }
            }
            if findings.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Serve {
            root,
            port,
            bind,
            open,
            poll,
            search,
        } => {
            let opts = serve::Options {
                root,
                port,
                bind,
                open,
                poll,
                color,
                quiet: cli.quiet,
                search,
            };
            match serve::run(opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Init { dir } => match scaffold::init(&dir) {
            Ok(files) => {
                if !cli.quiet {
                    for f in files {
                        println!("created {}", f.display());
                    }
                    println!("next: cd {} && prongsai build", dir.display());
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::New {
            what: New::Measure { title, name, root },
        } => {
            let year = prongsai::config::Config::load(&root)
                .map(|c| c.fiscal_year)
                .unwrap_or(2566);
            match scaffold::new_measure(&root, &title, name.as_deref(), year) {
                Ok(path) => {
                    if !cli.quiet {
                        println!("created {}", path.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

fn warnings(findings: &prongsai::diag::Findings) -> String {
    match findings.warnings() {
        0 => String::new(),
        n => format!(", {n} warning(s)"),
    }
}
