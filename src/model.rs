//! The loaded site: its configuration, its measures and pages, and its OIT checklist, as `site`
//! loads them and every output maker reads them. It owns no behaviour beyond plain views of that
//! data, and it is below every module that makes outputs, so data flows one way.

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
    /// The OIT checklist of the fiscal year (None when there are no criteria for it).
    pub oit: Option<oit::Checklist>,
}

impl Site {
    /// Every page the site is made of, in build order.
    pub fn routes(&self) -> Vec<Route> {
        let codes = self
            .oit
            .iter()
            .flat_map(|l| l.items())
            .map(|i| i.item.code.as_str());
        routes::all(&self.measures, &self.pages, codes)
    }
}
