//! `site.yaml`: who the site is for and how it prints. Defaults live here; unknown keys are errors.
//!
//! Reading the file and turning its mistakes into [`Finding`]s is this module's job; what the
//! values mean for pages is the renderer's.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::content::{self, decode};
use crate::diag::{self, Finding};
use crate::t;
use crate::yaml::{self, FileKind};

pub use crate::thai::Digits;

/// Contact details printed in the footer and on the home page.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contact {
    /// Postal address.
    pub address: String,
    /// Telephone number(s), as written.
    pub phone: String,
    /// E-mail address.
    pub email: String,
    /// Main website of the organisation.
    pub website: String,
    /// Facebook page or other social channel.
    pub facebook: String,
}

/// One person who signs the printed report: name and position, as on the paper report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Signer {
    /// Full name with title, e.g. นางสาวสมใจ ใจดี.
    pub name: String,
    /// Position, e.g. ปลัดองค์การบริหารส่วนตำบลสวนหม่อน.
    pub position: String,
}

/// The signature block under the annual report (`report:` in site.yaml); each signer optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportSigners {
    /// ผู้รายงาน: who prepared the report.
    pub reporter: Option<Signer>,
    /// ผู้รับรอง: who certifies it (usually the chief executive).
    pub approver: Option<Signer>,
}

/// Where `prongsai publish` sends the built site (`publish:` in site.yaml).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Publish {
    /// `sftp://user@host:22/public_html/ita/`, `ftp://`, `ftps://`, or a folder (`\\server\www\ita`).
    pub url: String,
    /// FTPS: a certificate file (PEM, in the site folder) to trust besides the system's, for a
    /// host whose certificate is self-signed.
    pub certificate: Option<String>,
    /// Never allowed: read only to say so (the password comes from PRONGSAI_PASSWORD or a prompt).
    #[serde(skip_serializing)]
    pub password: Option<String>,
}

/// Where a `publish.url` points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A local or network folder.
    Folder(std::path::PathBuf),
    /// A host reached by SFTP, FTP or FTPS.
    Remote(Remote),
}

/// The kind of remote host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Sftp,
    Ftp,
    /// FTP secured by TLS (explicit, `AUTH TLS`).
    Ftps,
}

/// A remote destination: `sftp://user@host:22/public_html/ita/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    pub protocol: Protocol,
    /// The user name, percent-decoded (`user%40example.go.th`); empty when the address has none.
    pub user: String,
    pub host: String,
    pub port: u16,
    /// The folder, relative to the one the user logs in to (`public_html/ita`); absolute when
    /// written with two slashes (`sftp://u@h//var/www/ita/`). No slash at either end, but the
    /// leading one of an absolute folder.
    pub dir: String,
}

impl Publish {
    /// What the url names; `root` is the site folder, which a relative folder is under.
    pub fn target(&self, root: &Path) -> Result<Target, String> {
        let url = self.url.trim();
        let Some((scheme, rest)) = url.split_once("://") else {
            return Ok(Target::Folder(root.join(url)));
        };
        let (protocol, port) = match scheme.to_ascii_lowercase().as_str() {
            "sftp" => (Protocol::Sftp, 22),
            "ftp" => (Protocol::Ftp, 21),
            "ftps" => (Protocol::Ftps, 21),
            _ => return Err(t!("config-scheme", scheme = scheme)),
        };
        let (authority, dir) = rest.split_once('/').unwrap_or((rest, ""));
        let (user, host_port) = authority.rsplit_once('@').unwrap_or(("", authority));
        let (host, port) = match host_port.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(':') => (
                h,
                p.parse::<u16>().map_err(|_| t!("config-port", port = p))?,
            ),
            _ => (host_port, port),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return Err(t!("config-no-host"));
        }
        let dir = match dir.trim_end_matches('/') {
            d if d.starts_with('/') => format!("/{}", d.trim_start_matches('/')),
            d => d.to_string(),
        };
        Ok(Target::Remote(Remote {
            protocol,
            user: percent_decode(user),
            host: host.to_string(),
            port,
            dir: percent_decode(&dir),
        }))
    }
}

/// `%40` as `@` and so on; a `%` not followed by two hex digits stays as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The whole of `site.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Full Thai name, e.g. องค์การบริหารส่วนตำบลสวนหม่อน.
    pub name: String,
    /// Short name, e.g. อบต.สวนหม่อน.
    pub short_name: String,
    /// Kind of organisation: อบต., เทศบาลตำบล, เทศบาลเมือง, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// District (อำเภอ), without the word อำเภอ.
    pub district: String,
    /// Province (จังหวัด), without the word จังหวัด.
    pub province: String,
    /// Buddhist Era fiscal year the site reports on.
    pub fiscal_year: i32,
    /// Public address of the site, e.g. `https://example.go.th/ita/` (used for absolute links only).
    pub base_url: String,
    /// Page language; only `th` is supported.
    pub language: String,
    /// Thai or Arabic digits.
    pub digits: Digits,
    /// Contact details.
    pub contact: Contact,
    /// Path of a logo image inside the site's `static/` folder.
    pub logo: Option<String>,
    /// Let raw HTML in Markdown through (off: it is escaped and reported).
    pub allow_html: bool,
    /// Site title shown in the header; defaults to the organisation name.
    pub title: Option<String>,
    /// Where `prongsai publish` sends the site.
    pub publish: Option<Publish>,
    /// Who signs the annual report.
    pub report: ReportSigners,
    /// Show the OIT to-do list (items without evidence, with the hints) on the published
    /// checklist page too; off, only `serve`'s preview and `check` show it.
    pub public_oit_todo: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            name: String::new(),
            short_name: String::new(),
            kind: String::new(),
            district: String::new(),
            province: String::new(),
            fiscal_year: 0,
            base_url: "/".into(),
            language: "th".into(),
            digits: Digits::Thai,
            contact: Contact::default(),
            logo: None,
            allow_html: false,
            title: None,
            publish: None,
            report: ReportSigners::default(),
            public_oit_todo: false,
        }
    }
}

/// The keys `site.yaml` accepts at the top level.
const KEYS: &[&str] = &[
    "name",
    "short_name",
    "type",
    "district",
    "province",
    "fiscal_year",
    "base_url",
    "language",
    "digits",
    "contact",
    "logo",
    "allow_html",
    "title",
    "publish",
    "report",
    "public_oit_todo",
];

/// How to write `base_url`.
pub fn base_url_help() -> String {
    t!("config-base-url.help")
}

/// Why `url` cannot be the site's address, if it cannot: every link, the feed, the sitemap and
/// robots.txt are made from it, so it is an http(s) address or a path from the root, on one
/// line, without characters that would end an HTML attribute.
pub fn check_base_url(url: &str) -> Result<(), String> {
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(t!("config-base-url-space"));
    }
    if url
        .chars()
        .any(|c| matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`'))
    {
        return Err(t!("config-base-url-quote"));
    }
    let lower = url.to_ascii_lowercase();
    let web = ["https://", "http://"].iter().any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|host| !host.is_empty() && !host.starts_with('/'))
    });
    if web || (url.starts_with('/') && !url.starts_with("//")) {
        Ok(())
    } else {
        Err(t!("config-base-url-form"))
    }
}

impl Config {
    /// Reads `root/site.yaml`; every problem comes back as a finding.
    pub fn load(root: &Path) -> Result<Config, Vec<Finding>> {
        let path = root.join("site.yaml");
        let name = "site.yaml";
        let bytes = match content::read_checked(&path, root, content::MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(content::Refused::Missing(e)) => {
                return Err(vec![
                    Finding::error(name, t!("config-unreadable", error = e.to_string()))
                        .help(t!("config-unreadable.help")),
                ]);
            }
            Err(r) => return Err(vec![r.finding(name)]),
        };
        let text: Arc<str> = decode(name, &bytes).map_err(|f| vec![f])?.into();
        let src = diag::source(name, text.clone());
        let mut config: Config = yaml::from_str(FileKind::Site, &src, KEYS).map_err(|f| vec![f])?;
        let mut findings = Vec::new();
        let at_key = |key: &str, msg: String| {
            let (off, len) = yaml::key_span(&text, 0, key).unwrap_or((0, 0));
            Finding::at(&src, off, len, msg)
        };
        if config.name.trim().is_empty() {
            findings
                .push(Finding::error(name, t!("config-no-name")).help(t!("config-no-name.help")));
        }
        if !crate::thai::BE_YEARS.contains(&config.fiscal_year) {
            findings.push(
                at_key(
                    "fiscal_year",
                    t!("config-fiscal-year", year = config.fiscal_year.to_string()),
                )
                .help(t!("config-fiscal-year.help")),
            );
        }
        if config.language != "th" {
            findings.push(
                at_key(
                    "language",
                    t!("config-language", language = config.language.as_str()),
                )
                .help(t!("config-language.help")),
            );
        }
        for (key, url) in [
            ("website", &config.contact.website),
            ("facebook", &config.contact.facebook),
        ] {
            let lower = url.trim().to_ascii_lowercase();
            if !url.is_empty() && !lower.starts_with("https://") && !lower.starts_with("http://") {
                findings.push(
                    at_key(key, t!("config-contact-url", key = key, url = url.as_str()))
                        .help(t!("config-contact-url.help")),
                );
            }
        }
        if let Err(why) = check_base_url(&config.base_url) {
            findings.push(
                at_key(
                    "base_url",
                    t!(
                        "config-base-url",
                        url = config.base_url.escape_debug().to_string(),
                        why = why
                    ),
                )
                .help(base_url_help()),
            );
        }
        if let Some(publish) = &config.publish {
            findings.extend(publish_findings(publish, &text, &src));
        }
        if config.short_name.is_empty() {
            config.short_name = config.name.clone();
        }
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        if findings.is_empty() {
            Ok(config)
        } else {
            Err(findings)
        }
    }

    /// The site's title: `title` if set, else the organisation name.
    pub fn site_title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.name)
    }

    /// Whether numbers print in Thai digits.
    pub fn thai_digits(&self) -> bool {
        self.digits == Digits::Thai
    }

    /// The path part of `base_url` ("/ita/" for `https://example.go.th/ita/`).
    pub fn base_path(&self) -> String {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        match after_scheme.find('/') {
            Some(i) if self.base_url.contains("://") => after_scheme[i..].to_string(),
            _ if self.base_url.starts_with('/') => self.base_url.clone(),
            _ => "/".to_string(),
        }
    }
}

/// The mistakes of a `publish:` section: no address, or a password written in the file.
fn publish_findings(publish: &Publish, text: &str, src: &diag::Source) -> Vec<Finding> {
    let publish_at = yaml::key_span(text, 0, "publish").map_or(0, |(off, _)| off);
    let at = |key: &str, msg: String| {
        // The keys of `publish:` are nested: the first one written after it is the one.
        let off = text[publish_at..]
            .find(&format!("{key}:"))
            .map_or(publish_at, |i| publish_at + i);
        let len = if off == publish_at { 0 } else { key.len() };
        Finding::at(src, off, len, msg)
    };
    let mut findings = Vec::new();
    if publish.password.is_some() {
        findings.push(at("password", t!("config-password")).help(t!("config-password.help")));
    }
    let authority = publish
        .url
        .split_once("://")
        .map(|(_, rest)| rest.split('/').next().unwrap_or(""));
    if authority
        .and_then(|a| a.rsplit_once('@'))
        .is_some_and(|(user, _)| user.contains(':'))
    {
        findings.push(at("url", t!("config-password-in-url")).help(t!("config-password.help")));
    }
    if let Err(e) = publish.target(Path::new(".")) {
        findings.push(
            at("url", t!("config-publish-url", error = e)).help(t!("config-publish-url.help")),
        );
    }
    if publish.url.trim().is_empty() {
        findings.push(
            at("publish", t!("config-publish-no-url")).help(t!("config-publish-no-url.help")),
        );
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(yaml: &str) -> Result<Config, Vec<Finding>> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), yaml).unwrap();
        Config::load(dir.path())
    }

    // A minimal site.yaml gets Thai digits, language th and a root base_url.
    #[test]
    fn minimal_config_takes_defaults() {
        let c = load("name: อบต.ทดสอบ\nfiscal_year: 2566\n").unwrap();
        assert_eq!(c.digits, Digits::Thai);
        assert_eq!(c.base_url, "/");
        assert_eq!(c.short_name, "อบต.ทดสอบ");
    }

    // A misspelt key fails with the line and a suggestion.
    #[test]
    fn misspelt_key_is_an_error_with_a_suggestion() {
        let errs = load("name: x\nfiscal_year: 2566\nprovnce: ขอนแก่น\n").unwrap_err();
        let text = errs[0].to_string();
        assert!(text.contains("site.yaml:3"), "{text}");
        assert!(
            errs[0].help.as_deref().unwrap_or("").contains("province"),
            "{:?}",
            errs[0].help
        );
    }

    // A syntax error in site.yaml says site.yaml (not "front matter"), and an alias bomb in it is
    // refused at once instead of expanding to gigabytes.
    #[test]
    fn site_yaml_faults_name_site_yaml_and_bombs_are_refused() {
        let errs = load("name: x\nfiscal_year: [2566\n").unwrap_err();
        assert!(
            errs[0].message.starts_with("Line 2: ") && !errs[0].message.contains("front matter"),
            "{}",
            errs[0]
        );
        let start = std::time::Instant::now();
        let errs = load(&crate::yaml::tests::quadratic_bomb("name", "title")).unwrap_err();
        assert!(
            errs[0].message.contains("repeat values more than"),
            "{}",
            errs[0]
        );
        assert!(start.elapsed().as_secs() < 5);
    }

    // A password in the publish section, as a key or inside the address, is an error at its line
    // with the fix; the address alone is accepted.
    #[test]
    fn a_password_in_the_publish_section_is_an_error() {
        let errs = load(
            "name: x\nfiscal_year: 2566\npublish:\n  url: sftp://u@h/ita/\n  password: secret\n",
        )
        .unwrap_err();
        assert!(errs[0].to_string().contains("site.yaml:5"), "{}", errs[0]);
        assert!(
            errs[0]
                .help
                .as_deref()
                .unwrap()
                .contains("PRONGSAI_PASSWORD")
        );
        let errs = load("name: x\nfiscal_year: 2566\npublish: { url: 'ftp://u:secret@h/ita/' }\n")
            .unwrap_err();
        assert!(errs[0].message.contains("password"), "{}", errs[0]);
        let c =
            load("name: x\nfiscal_year: 2566\npublish: { url: 'sftp://u@h:22/ita/' }\n").unwrap();
        assert_eq!(c.publish.unwrap().url, "sftp://u@h:22/ita/");
    }

    // Every kind of destination is read from its address: user, host, port and folder.
    #[test]
    fn publish_urls_name_their_destination() {
        let target = |url: &str| {
            let p = Publish {
                url: url.into(),
                ..Publish::default()
            };
            p.target(Path::new("/site"))
        };
        let remote = |protocol, user: &str, host: &str, port, dir: &str| {
            Ok(Target::Remote(Remote {
                protocol,
                user: user.into(),
                host: host.into(),
                port,
                dir: dir.into(),
            }))
        };
        assert_eq!(
            target("sftp://somchai@host.example:2222/public_html/ita/"),
            remote(
                Protocol::Sftp,
                "somchai",
                "host.example",
                2222,
                "public_html/ita"
            )
        );
        assert_eq!(
            target("ftp://a%40b.go.th@ftp.b.go.th/"),
            remote(Protocol::Ftp, "a@b.go.th", "ftp.b.go.th", 21, "")
        );
        assert_eq!(
            target("FTPS://u@h//var/www/ita"),
            remote(Protocol::Ftps, "u", "h", 21, "/var/www/ita")
        );
        assert_eq!(
            target("/mnt/web/ita"),
            Ok(Target::Folder("/mnt/web/ita".into()))
        );
        assert_eq!(target("web"), Ok(Target::Folder("/site/web".into())));
        assert!(target("http://h/ita/").unwrap_err().contains("http://"));
        assert!(target("sftp://u@h:99999/").unwrap_err().contains("99999"));
    }

    // The base path is what the site is served under.
    #[test]
    fn base_path_is_the_path_of_base_url() {
        let mut c =
            load("name: x\nfiscal_year: 2566\nbase_url: https://example.go.th/ita\n").unwrap();
        assert_eq!(c.base_path(), "/ita/");
        c.base_url = "https://example.go.th/".into();
        assert_eq!(c.base_path(), "/");
    }
}
