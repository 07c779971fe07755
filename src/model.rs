//! The loaded site: its configuration, its measures and pages, and the OIT checklist of each
//! fiscal year it publishes, as `site` loads them and every output maker reads them. It owns no
//! behaviour beyond plain views of that data, and it is below every module that makes outputs, so
//! data flows one way.

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;
use crate::measure::{Measure, Page};
use crate::oit;
use crate::routes::{self, Route};

/// The loaded, validated site: configuration and every measure and page.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    /// Shared with the parse cache, so a rebuild neither copies nor compares unchanged measures.
    pub measures: Vec<Arc<Measure>>,
    pub pages: Vec<Page>,
    /// The OIT checklist of each published fiscal year, oldest first.
    pub checklists: Vec<oit::Checklist>,
}

impl Site {
    /// The fiscal years the site publishes, oldest first: each year of a measure and site.yaml's.
    pub fn years(&self) -> Vec<i32> {
        routes::years(&self.measures, self.config.fiscal_year)
    }

    /// The current fiscal year (site.yaml's `fiscal_year`).
    pub fn current_year(&self) -> i32 {
        self.config.fiscal_year
    }

    /// The OIT checklist of `year`.
    pub fn checklist(&self, year: i32) -> Option<&oit::Checklist> {
        self.checklists.iter().find(|l| l.year == year)
    }

    /// Every page the site is made of, in build order.
    pub fn routes(&self) -> Vec<Route> {
        let codes: Vec<(i32, Vec<&str>)> = self
            .checklists
            .iter()
            .map(|l| (l.year, l.items().map(|i| i.item.code.as_str()).collect()))
            .collect();
        routes::all(&self.measures, &self.pages, &codes, self.current_year())
    }
}
