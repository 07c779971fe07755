//! `site.yaml`: who the site is for and how it prints. Defaults live here; unknown keys are errors.
//!
//! Reading the file and turning its mistakes into [`Finding`]s is this module's job; what the
//! values mean for pages is the renderer's.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::content::decode;
use crate::diag::{self, Finding};
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
];

impl Config {
    /// Reads `root/site.yaml`; every problem comes back as a finding.
    pub fn load(root: &Path) -> Result<Config, Vec<Finding>> {
        let path = root.join("site.yaml");
        let name = "site.yaml";
        if path.exists() && !path.is_file() {
            // A pipe would block the read forever; a folder cannot be read.
            return Err(vec![
                Finding::error(name, "site.yaml is not a regular file")
                    .help("site.yaml must be an ordinary text file"),
            ]);
        }
        let bytes = std::fs::read(&path).map_err(|e| {
            vec![Finding::error(name, format!("cannot read site.yaml: {e}")).help(
                "run prongsai in the site's folder (the one holding site.yaml), pass --root DIR, or create one with `prongsai init DIR`",
            )]
        })?;
        let text: Arc<str> = decode(name, &bytes).map_err(|f| vec![f])?.into();
        let src = diag::source(name, text.clone());
        let mut config: Config = yaml::from_str(FileKind::Site, &src, KEYS).map_err(|f| vec![f])?;
        let mut findings = Vec::new();
        let at_key = |key: &str, msg: String| {
            let (off, len) = yaml::key_span(&text, 0, key).unwrap_or((0, 0));
            Finding::at(&src, off, len, msg)
        };
        if config.name.trim().is_empty() {
            findings.push(Finding::error(name, "site.yaml has no `name`").help(
                "add the organisation's full Thai name, e.g. `name: องค์การบริหารส่วนตำบลสวนหม่อน`",
            ));
        }
        if !crate::thai::BE_YEARS.contains(&config.fiscal_year) {
            findings.push(
                at_key("fiscal_year", format!("fiscal_year {} is not a Buddhist Era year", config.fiscal_year))
                    .help("write the fiscal year the site reports on in Buddhist Era, e.g. `fiscal_year: 2566`"),
            );
        }
        if config.language != "th" {
            findings.push(
                at_key(
                    "language",
                    format!("language `{}` is not supported", config.language),
                )
                .help("write `language: th`"),
            );
        }
        for (key, url) in [
            ("website", &config.contact.website),
            ("facebook", &config.contact.facebook),
        ] {
            let lower = url.trim().to_ascii_lowercase();
            if !url.is_empty() && !lower.starts_with("https://") && !lower.starts_with("http://") {
                findings.push(
                    at_key(key, format!("contact {key} `{url}` is not a web address")).help(
                        "write an address starting with https://, e.g. https://www.example.go.th/",
                    ),
                );
            }
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
            errs[0].message.starts_with("invalid site.yaml: "),
            "{}",
            errs[0]
        );
        let start = std::time::Instant::now();
        let errs = load(&crate::yaml::tests::quadratic_bomb("name", "title")).unwrap_err();
        assert!(
            errs[0].message.contains("repetition limit exceeded"),
            "{}",
            errs[0]
        );
        assert!(start.elapsed().as_secs() < 5);
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
