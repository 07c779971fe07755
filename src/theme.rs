//! The built-in default theme, compiled into the binary so `prongsai` works from any folder.
//!
//! A site overrides any template by putting a file of the same name in its own `templates/`,
//! and any static file by putting one in its own `static/`.

macro_rules! files {
    ($kind:literal, $macro:ident: $($name:literal),* $(,)?) => {
        &[$(($name, $macro!(concat!("../themes/default/", $kind, "/", $name)))),*]
    };
}

/// Template name and source.
pub const TEMPLATES: &[(&str, &str)] = files!("templates", include_str:
    "base.html", "macros.html", "index.html", "report.html", "list.html", "assessments.html",
    "units.html", "measure.html", "page.html", "404.html", "oit.html", "oit-item.html",
    "search.html",
);

/// Static file name (under `static/`) and bytes.
pub const STATIC: &[(&str, &[u8])] = files!(
    "static", include_bytes: "style.css", "search.js", "filter.js", "synonyms.json",
    "synonyms-site.json",
);
