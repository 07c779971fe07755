//! Every address of the site, in one place: the pages the build makes ([`Route`], listed by
//! [`all`]), the folders and files it writes besides pages ([`GENERATED`]), and the relative way
//! back to the site root from any of them ([`root_of`]).
//!
//! The page plan, the Markdown link depth, the OIT evidence check, the open data, the sitemap and
//! the templates (`url_for`) all ask this module, so a page kind added here is added everywhere.
//! Addresses are folders (`measures/a/`) relative to the site root; the file written for one is
//! its `index.html`. Nothing here reads files or renders pages.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::measure::{Assessment, Measure, Page};

/// The folder of the measures' pages.
pub const MEASURES: &str = "measures";
/// The folder of the lists by assessment (IIT, EIT, OIT).
pub const ASSESSMENTS: &str = "assessment";
/// The folder of the lists by responsible unit.
pub const UNITS: &str = "units";
/// The folder of the lists by fiscal year.
pub const YEARS: &str = "years";
/// The annual report.
pub const REPORT: &str = "report";
/// The OIT checklist, its item pages and its exports.
pub const OIT: &str = "oit";
/// The search page.
pub const SEARCH: &str = "search";
/// The search index's files.
pub const SEARCH_INDEX: &str = "search-index";
/// The search index's head file, which names the others (the search page reads it first).
pub const SEARCH_HEAD: &str = "search-index/index.json";
/// The theme's and the site's static files (style sheet, scripts, logo).
pub const STATIC: &str = "static";
/// Attachments (the usual folder of `content/files/`).
pub const FILES: &str = "files";
/// The site's icon at its root, where browsers look for it.
pub const FAVICON: &str = "favicon.ico";
/// The page shown for an address that does not exist (a file: web servers serve it at any depth).
pub const NOT_FOUND: &str = "404.html";
/// The machine-readable files at the site root (see `opendata`), in the order they are made.
pub const DATA_FILES: [&str; 6] = [
    "measures.json",
    "measures.csv",
    "measures.schema.json",
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
];

/// Every name the build writes at the top of the output folder besides content pages: a content
/// page may not take one (it would clash with the section, or be removed by a later build).
pub const GENERATED: &[&str] = &[
    MEASURES,
    ASSESSMENTS,
    UNITS,
    YEARS,
    REPORT,
    OIT,
    SEARCH,
    SEARCH_INDEX,
    STATIC,
    FILES,
];

/// Whether a content page may not have the address `slug/`.
pub fn is_reserved(slug: &str) -> bool {
    GENERATED.contains(&slug)
        || slug == "index.html"
        || slug == NOT_FOUND
        || slug == FAVICON
        || DATA_FILES.contains(&slug)
}

/// Whether the file `path` is where visitors and robots come in and are sent on to the other
/// files: the home page, the search index's head, the open data (feed, sitemap, lists). A
/// publish sends these after the files they point to.
pub fn is_entry_point(path: &str) -> bool {
    path == "index.html" || path == SEARCH_HEAD || DATA_FILES.contains(&path)
}

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// The annual report of a fiscal year: the current year's at `report/`, each year's at
    /// `years/2567/report/` (None: the current year's short address).
    Report(Option<i32>),
    /// Every measure.
    Measures,
    /// The three assessments, with counts.
    Assessments,
    Assessment(Assessment),
    /// The responsible units, with counts.
    Units,
    /// One unit's measures, by the unit's address.
    Unit(String),
    /// The fiscal years the site publishes, each with its pages.
    Years,
    /// One fiscal year's measures.
    Year(i32),
    /// A measure's page, by its address.
    Measure(String),
    /// A content page, by its address.
    Page(String),
    /// The OIT checklist of a fiscal year (None: the current year's, at `oit/`).
    Oit(Option<i32>),
    /// One OIT item's page, by its year and code (`O1`): the stable address an assessor is given.
    OitItem(Option<i32>, String),
    Search,
    NotFound,
}

impl Route {
    /// The page's address relative to the site root: a folder (`measures/a/`, `""` for the home
    /// page), or the 404 page's file name.
    pub fn dir(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Report(year) => format!("{}{REPORT}/", year_dir(*year)),
            Route::Measures => format!("{MEASURES}/"),
            Route::Assessments => format!("{ASSESSMENTS}/"),
            Route::Assessment(a) => format!("{ASSESSMENTS}/{}/", a.code().to_ascii_lowercase()),
            Route::Units => format!("{UNITS}/"),
            Route::Unit(slug) => format!("{UNITS}/{slug}/"),
            Route::Years => format!("{YEARS}/"),
            Route::Year(y) => year_dir(Some(*y)),
            Route::Measure(slug) => measure(slug),
            Route::Page(slug) => format!("{slug}/"),
            Route::Oit(year) => format!("{}{OIT}/", year_dir(*year)),
            Route::OitItem(year, code) => oit_item(*year, code),
            Route::Search => format!("{SEARCH}/"),
            Route::NotFound => NOT_FOUND.to_string(),
        }
    }

    /// The file the page is written to (`measures/a/index.html`).
    pub fn file(&self) -> String {
        match self {
            Route::NotFound => NOT_FOUND.to_string(),
            _ => format!("{}index.html", self.dir()),
        }
    }

    /// The relative path from the page back to the site root (`../../`); the 404 page, served at
    /// any depth, gets the site's absolute path (`base_path`, e.g. `/ita/`).
    pub fn root(&self, base_path: &str) -> String {
        match self {
            Route::NotFound => base_path.to_string(),
            _ => root_of(&self.file()),
        }
    }

    /// Whether search engines are told of it (every page but the 404 page).
    pub fn in_sitemap(&self) -> bool {
        !matches!(self, Route::NotFound)
    }
}

/// A measure's page address: `measures/a/`.
pub fn measure(slug: &str) -> String {
    format!("{MEASURES}/{slug}/")
}

/// An OIT item's page address: `oit/o1/` for the current year's `O1`, `years/2567/oit/o1/` for
/// 2567's.
pub fn oit_item(year: Option<i32>, code: &str) -> String {
    format!("{}{OIT}/{}/", year_dir(year), code.to_ascii_lowercase())
}

/// The folder of a fiscal year's own pages (`years/2567/`); `""` for the current year's short
/// addresses.
fn year_dir(year: Option<i32>) -> String {
    year.map_or_else(String::new, |y| format!("{YEARS}/{y}/"))
}

/// The OIT exports of a fiscal year, inside `oit/`: (CSV, JSON) file names.
pub fn oit_exports(year: i32) -> (String, String) {
    (format!("ita-{year}.csv"), format!("ita-{year}.json"))
}

/// The files the build makes besides pages, attachments and the site's own static files: the
/// open data, the theme's static files and the OIT exports of each year of `years`, the
/// `current` one also at its short address.
pub fn files(years: &[i32], current: i32) -> Vec<String> {
    let mut files: Vec<String> = DATA_FILES.iter().map(|f| f.to_string()).collect();
    files.push(FAVICON.to_string());
    files.extend(
        crate::theme::STATIC
            .iter()
            .map(|(name, _)| format!("{STATIC}/{name}")),
    );
    for &year in years {
        let (csv, json) = oit_exports(year);
        for scope in [Some(year), None]
            .into_iter()
            .filter(|s| s.is_some() || year == current)
        {
            let dir = Route::Oit(scope).dir();
            files.extend([format!("{dir}{csv}"), format!("{dir}{json}")]);
        }
    }
    files
}

/// The relative path from the file `path` back to the site root: one `../` per folder.
///
/// ```
/// use prongsai::routes::root_of;
/// assert_eq!(root_of("index.html"), "");
/// assert_eq!(root_of("about/index.html"), "../");
/// assert_eq!(root_of("measures/a/index.html"), "../../");
/// ```
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The responsible units by address, each with the name first written for it: names that
/// differ only in case or spacing share one page.
pub fn units(measures: &[Arc<Measure>]) -> BTreeMap<String, &str> {
    let mut units = BTreeMap::new();
    for m in measures {
        for (name, slug) in m.responsible.iter().zip(&m.unit_slugs) {
            if !units.contains_key(slug) {
                units.insert(slug.clone(), name.as_str());
            }
        }
    }
    units
}

/// The fiscal years the site publishes, in order: every year of a measure, and the `current` one.
pub fn years(measures: &[Arc<Measure>], current: i32) -> Vec<i32> {
    let mut years: BTreeSet<i32> = measures.iter().map(|m| m.fiscal_year).collect();
    years.insert(current);
    years.into_iter().collect()
}

/// Every page of the site, in the order the build makes them. `checklists` holds each published
/// fiscal year with the codes of its OIT items (see [`years`]); `current` is site.yaml's year,
/// whose pages also have the short addresses (`report/`, `oit/`).
pub fn all(
    measures: &[Arc<Measure>],
    pages: &[Page],
    checklists: &[(i32, Vec<&str>)],
    current: i32,
) -> Vec<Route> {
    let mut routes = vec![
        Route::Home,
        Route::Report(None),
        Route::Measures,
        Route::Assessments,
    ];
    routes.extend(Assessment::ALL.map(Route::Assessment));
    routes.push(Route::Units);
    routes.extend(units(measures).into_keys().map(Route::Unit));
    routes.push(Route::Years);
    for (year, codes) in checklists {
        let y = Some(*year);
        routes.extend([Route::Year(*year), Route::Report(y), Route::Oit(y)]);
        routes.extend(codes.iter().map(|c| Route::OitItem(y, c.to_string())));
    }
    routes.extend(measures.iter().map(|m| Route::Measure(m.slug.clone())));
    routes.extend(pages.iter().map(|p| Route::Page(p.slug.clone())));
    routes.push(Route::Oit(None));
    if let Some((_, codes)) = checklists.iter().find(|(y, _)| *y == current) {
        routes.extend(codes.iter().map(|c| Route::OitItem(None, c.to_string())));
    }
    routes.push(Route::Search);
    routes.push(Route::NotFound);
    routes
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each page kind has the address the site has always published, and its root leads back.
    #[test]
    fn routes_have_their_addresses_and_roots() {
        let cases = [
            (Route::Home, "index.html", ""),
            (Route::Report(None), "report/index.html", "../"),
            (
                Route::Report(Some(2567)),
                "years/2567/report/index.html",
                "../../../",
            ),
            (Route::Years, "years/index.html", "../"),
            (
                Route::Oit(Some(2568)),
                "years/2568/oit/index.html",
                "../../../",
            ),
            (
                Route::OitItem(Some(2568), "O3".into()),
                "years/2568/oit/o3/index.html",
                "../../../../",
            ),
            (
                Route::Assessment(Assessment::EIT),
                "assessment/eit/index.html",
                "../../",
            ),
            (
                Route::Unit("สำนักปลัด".into()),
                "units/สำนักปลัด/index.html",
                "../../",
            ),
            (Route::Year(2567), "years/2567/index.html", "../../"),
            (
                Route::Measure("a".into()),
                "measures/a/index.html",
                "../../",
            ),
            (Route::Page("about".into()), "about/index.html", "../"),
            (
                Route::OitItem(None, "O12".into()),
                "oit/o12/index.html",
                "../../",
            ),
            (Route::NotFound, "404.html", "/ita/"),
        ];
        for (route, file, root) in cases {
            assert_eq!(route.file(), file, "{route:?}");
            assert_eq!(route.root("/ita/"), root, "{route:?}");
        }
    }

    // The plan of a small two-year site, as a list: the current year's short pages, every year's
    // own pages with its items, then measures, pages, the current year's checklist at `oit/`.
    #[test]
    fn the_page_plan_lists_every_page_once_in_build_order() {
        let measure = |slug: &str, year, unit: &str| {
            let mut m = Measure::sample(4, 90.0);
            m.slug = slug.into();
            m.fiscal_year = year;
            m.responsible = vec![unit.into()];
            m.unit_slugs = vec![unit.into()];
            Arc::new(m)
        };
        let measures = [measure("a", 2568, "คลัง"), measure("b", 2569, "ช่าง")];
        let lists = [(2568, vec!["O1"]), (2569, vec!["O1", "O2"])];
        let dirs: Vec<String> = all(&measures, &[], &lists, 2569)
            .iter()
            .map(Route::file)
            .collect();
        let want = [
            "index.html",
            "report/index.html",
            "measures/index.html",
            "assessment/index.html",
            "assessment/iit/index.html",
            "assessment/eit/index.html",
            "assessment/oit/index.html",
            "units/index.html",
            "units/คลัง/index.html",
            "units/ช่าง/index.html",
            "years/index.html",
            "years/2568/index.html",
            "years/2568/report/index.html",
            "years/2568/oit/index.html",
            "years/2568/oit/o1/index.html",
            "years/2569/index.html",
            "years/2569/report/index.html",
            "years/2569/oit/index.html",
            "years/2569/oit/o1/index.html",
            "years/2569/oit/o2/index.html",
            "measures/a/index.html",
            "measures/b/index.html",
            "oit/index.html",
            "oit/o1/index.html",
            "oit/o2/index.html",
            "search/index.html",
            "404.html",
        ];
        assert_eq!(dirs, want);
        assert_eq!(years(&measures, 2570), [2568, 2569, 2570]);
    }

    // Every folder a route writes at the top of the site is a reserved name, so no content
    // page can take it; content pages themselves are not.
    #[test]
    fn every_generated_section_is_reserved() {
        let all = [
            Route::Home,
            Route::Report(None),
            Route::Report(Some(2567)),
            Route::Years,
            Route::Measures,
            Route::Assessments,
            Route::Assessment(Assessment::IIT),
            Route::Units,
            Route::Unit("u".into()),
            Route::Year(2566),
            Route::Measure("m".into()),
            Route::Oit(None),
            Route::OitItem(None, "O1".into()),
            Route::OitItem(Some(2566), "O1".into()),
            Route::Search,
        ];
        for r in all.iter().filter(|r| **r != Route::Home) {
            let top = r.dir();
            let top = top.split('/').next().unwrap();
            assert!(is_reserved(top), "{top} of {r:?} is not reserved");
        }
        for name in [SEARCH_INDEX, STATIC, FILES, NOT_FOUND, "sitemap.xml"] {
            assert!(is_reserved(name), "{name}");
        }
        assert!(!is_reserved("about"));
        assert!(is_entry_point("index.html") && is_entry_point(SEARCH_HEAD));
        assert!(is_entry_point("atom.xml") && !is_entry_point("about/index.html"));
        assert!(!is_reserved("measures-2566"));
    }
}
