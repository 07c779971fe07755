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
    "search.html", "years.html",
);

/// Static file name (under `static/`) and bytes. The fonts are Sarabun (SIL OFL 1.1, licence in
/// `fonts/OFL.txt`), the Thai and Latin subsets of npm `@fontsource/sarabun` 5.3.0.
pub const STATIC: &[(&str, &[u8])] = files!("static", include_bytes:
    "style.css", "search.js", "filter.js", "print.js", "synonyms.json", "synonyms-site.json",
    "fonts/sarabun-thai-400-normal.woff2", "fonts/sarabun-thai-700-normal.woff2",
    "fonts/sarabun-latin-400-normal.woff2", "fonts/sarabun-latin-700-normal.woff2",
    "fonts/OFL.txt",
);

/// The icon of a site with no PNG logo: a plain document mark in the theme's blue, 32 px.
const DEFAULT_ICON: &[u8] = include_bytes!("../themes/default/favicon.png");

/// `favicon.ico`: the site's logo when it is a PNG (an ICO file may hold a PNG whole), else the
/// theme's plain mark. Browsers ask for `/favicon.ico` whatever the pages say.
pub fn favicon(logo: Option<&[u8]>) -> Vec<u8> {
    let png = logo
        .filter(|b| b.len() > 24 && b.starts_with(b"\x89PNG\r\n\x1a\n"))
        .unwrap_or(DEFAULT_ICON);
    // IHDR's width and height (big-endian u32 at 16 and 20); 0 in the directory means 256+.
    let side = |at: usize| {
        let n = u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
        if n >= 256 { 0 } else { n as u8 }
    };
    let mut ico = vec![0, 0, 1, 0, 1, 0, side(16), side(20), 0, 0, 1, 0, 32, 0];
    ico.extend_from_slice(&(png.len() as u32).to_le_bytes());
    ico.extend_from_slice(&22u32.to_le_bytes());
    ico.extend_from_slice(png);
    ico
}

#[cfg(test)]
mod tests {
    use super::*;

    // The icon is an ICO directory of one PNG: the theme's 32 px mark, or the site's PNG logo with
    // its own size (256 px and more written as 0, as the format says); a logo of another kind
    // gets the theme's mark.
    #[test]
    fn favicon_wraps_a_png_logo_or_the_default_mark() {
        let default = favicon(None);
        assert_eq!(&default[..8], &[0, 0, 1, 0, 1, 0, 32, 32]);
        assert_eq!(&default[22..], DEFAULT_ICON);
        let mut logo = DEFAULT_ICON.to_vec();
        logo[16..24].copy_from_slice(&[0, 0, 1, 0, 0, 0, 0, 64]);
        let ico = favicon(Some(&logo));
        assert_eq!(&ico[6..8], &[0, 64]);
        assert_eq!(
            u32::from_le_bytes(ico[14..18].try_into().unwrap()) as usize,
            logo.len()
        );
        assert_eq!(
            &favicon(Some(b"GIF89a not a png at all"))[22..],
            DEFAULT_ICON
        );
    }
}
