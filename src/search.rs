//! The search index: Pagefind, run in process on a thread of its own over the pages as the build
//! renders them, so the index always matches the pages it points to and lands in `public/` in the
//! same atomic swap. Only pages with a search region go to it, and none over [`MAX_PAGE`].
//!
//! Pagefind's `extended` build segments Thai with ICU's dictionary. Only the regions the theme
//! marks `data-pagefind-body` (measures and content pages) are indexed; the filters (assessment,
//! indicator, status, unit, fiscal year, OIT items) come from `data-pagefind-filter` attributes in
//! those regions. The search page itself (`themes/default/static/search.js`) asks Pagefind for
//! `exactDiacritics`, so ซื้อ does not match ซ้อน. Thai digits are folded to Arabic in the copy of
//! each page given to Pagefind, and the search page folds the query the same way.
//!
//! Pagefind alone answered 34 of the 36 quality queries of `tests/browser/queries.json`: it splits
//! some compounds differently at index time (ICU4X) than the browser splits the query (Chromium's
//! ICU), so จัดซื้อจัดจ้าง found nothing, and for a Thai word it does not know it returns near
//! misses (ดาวเทียม found two unrelated pages). The search page therefore takes Pagefind's results
//! as candidates, adds those of a looser query, and shows only pages whose text holds every word of
//! the query: 36 of 36. This module does not render pages or write files.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use crate::render::Output;

/// Folder of the index under the site root, as Pagefind names it.
pub const BUNDLE: &str = "pagefind";

/// Builds the index of pages handed to it one at a time, on a thread of its own, while the build
/// renders and writes the others. Pagefind indexes one page at a time, so this overlaps its work
/// with the rest of the build; the queue is bounded, so pages waiting for it never fill the memory.
pub struct Indexer {
    queue: Mutex<Option<SyncSender<(String, String)>>>,
    worker: Mutex<Option<Worker>>,
    skipped: Mutex<Vec<(String, usize)>>,
}

/// The indexing thread; it returns the index files.
type Worker = JoinHandle<Result<Vec<Output>, String>>;

/// The largest page handed to Pagefind, in bytes of HTML. Pagefind's time grows faster than the
/// page (a 1 MB page of Thai takes seconds), and a real measure page is a few kilobytes: a longer
/// page is left out of the index, with a warning, instead of stalling the build.
pub const MAX_PAGE: usize = 512 << 10;

/// What the indexer made.
#[derive(Debug, Default)]
pub struct Index {
    /// The index files (paths under [`BUNDLE`]).
    pub files: Vec<Output>,
    /// Pages left out for their size (over [`MAX_PAGE`]): output path and size in bytes.
    pub skipped: Vec<(String, usize)>,
}

impl Indexer {
    /// Starts the indexing thread.
    pub fn start() -> Indexer {
        let (tx, rx) = sync_channel::<(String, String)>(256);
        let worker = std::thread::spawn(move || build_index(rx));
        Indexer {
            queue: Mutex::new(Some(tx)),
            worker: Mutex::new(Some(worker)),
            skipped: Mutex::new(Vec::new()),
        }
    }

    /// Hands one output to the index when it is a page that can hold a search region.
    pub fn add(&self, path: &str, html: &[u8]) {
        // Pagefind would parse a page without a search region only to leave it out: list pages
        // of a large site are megabytes each.
        if !is_indexed(path) || !has_region(html) {
            return;
        }
        if html.len() > MAX_PAGE {
            let mut skipped = self.skipped.lock().unwrap_or_else(|e| e.into_inner());
            skipped.push((path.to_string(), html.len()));
            return;
        }
        let html = crate::thai::to_arabic_digits(&String::from_utf8_lossy(html));
        let queue = self.queue.lock().unwrap_or_else(|e| e.into_inner()).clone();
        if let Some(queue) = queue {
            // A send fails only when the worker stopped on an error, which `finish` reports.
            let _ = queue.send((path.to_string(), html));
        }
    }

    /// Waits for the index of every page added.
    pub fn finish(&self) -> Result<Index, String> {
        drop(self.queue.lock().unwrap_or_else(|e| e.into_inner()).take());
        let worker = self.worker.lock().unwrap_or_else(|e| e.into_inner()).take();
        let files = match worker.map(JoinHandle::join) {
            Some(Ok(result)) => result?,
            Some(Err(_)) => return Err("the search indexer stopped unexpectedly".into()),
            None => return Err("the search index was already finished".into()),
        };
        let mut skipped =
            std::mem::take(&mut *self.skipped.lock().unwrap_or_else(|e| e.into_inner()));
        skipped.sort();
        Ok(Index { files, skipped })
    }
}

/// Builds the index of the HTML `outputs` at once (what `serve` serves).
pub fn index<O: std::borrow::Borrow<Output>>(outputs: &[O]) -> Result<Index, String> {
    let indexer = Indexer::start();
    for o in outputs {
        let o = o.borrow();
        indexer.add(&o.path, &o.bytes);
    }
    indexer.finish()
}

/// Indexes the pages that come through `pages` until it closes; returns the index files.
#[cfg(feature = "search")]
fn build_index(pages: Receiver<(String, String)>) -> Result<Vec<Output>, String> {
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .force_language("th".to_string())
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
        for (path, html) in pages {
            index
                .add_html_file(Some(path.clone()), None, html)
                .await
                .map_err(|e| format!("{path}: {e}"))?;
        }
        let files = index.get_files().await.map_err(|e| e.to_string())?;
        Ok(files
            .into_iter()
            .filter(|f| !is_unused_ui(&f.filename.to_string_lossy()))
            .map(|f| Output {
                path: format!(
                    "{BUNDLE}/{}",
                    f.filename.to_string_lossy().replace('\\', "/")
                ),
                bytes: f.contents,
            })
            .collect())
    })
}

/// Without the `search` feature there is no index; the search page says so.
#[cfg(not(feature = "search"))]
fn build_index(pages: Receiver<(String, String)>) -> Result<Vec<Output>, String> {
    pages.iter().for_each(drop);
    Ok(Vec::new())
}

/// Pagefind's own ready-made UIs, which the theme does not use (it has its own Thai search page).
#[cfg(feature = "search")]
fn is_unused_ui(name: &str) -> bool {
    name.starts_with("pagefind-")
        && (name.contains("ui.") || name.starts_with("pagefind-highlight"))
        || name.starts_with("playground")
}

/// Whether a page marks a search region (`data-pagefind-body`).
fn has_region(html: &[u8]) -> bool {
    html.windows(REGION.len()).any(|w| w == REGION)
}

const REGION: &[u8] = b"data-pagefind-body";

/// Whether a page can hold a search region: HTML pages other than the 404 page.
fn is_indexed(path: &str) -> bool {
    path.ends_with(".html") && path != "404.html"
}

#[cfg(all(test, feature = "search"))]
mod tests {
    use super::*;

    fn page(path: &str, body: &str) -> Output {
        Output {
            path: path.into(),
            bytes: format!(
                "<!doctype html><html lang=\"th\"><head><title>t</title></head><body>\
                 <main data-pagefind-body><h1>{body}</h1><p>{body}</p></main></body></html>"
            )
            .into_bytes(),
        }
    }

    // The index of Thai pages is written under pagefind/ with its entry file and Thai word index.
    #[test]
    fn thai_pages_produce_an_index_bundle() {
        let files = index(&[
            page("measures/a/index.html", "การใช้ทรัพย์สินของราชการ"),
            page("measures/b/index.html", "การจัดซื้อจัดจ้าง"),
            page("404.html", "ไม่พบหน้า"),
        ])
        .unwrap()
        .files;
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert!(names.contains(&"pagefind/pagefind.js"), "{names:?}");
        assert!(names.contains(&"pagefind/pagefind-entry.json"), "{names:?}");
        let entry = files
            .iter()
            .find(|f| f.path == "pagefind/pagefind-entry.json")
            .unwrap();
        let entry = String::from_utf8_lossy(&entry.bytes);
        assert!(entry.contains("\"th\""), "{entry}");
        assert!(entry.contains("\"page_count\":2"), "{entry}");
    }

    // Pages without a search region never reach Pagefind; a page over the size limit is left out
    // and reported, and the others are still indexed.
    #[test]
    fn pages_without_a_region_or_too_long_are_left_out() {
        let list = Output {
            path: "measures/index.html".into(),
            bytes: b"<html lang=\"th\"><body><main><h1>list</h1></main></body></html>".to_vec(),
        };
        let long = page("measures/long/index.html", &"ยาว".repeat(MAX_PAGE / 4));
        let index = index(&[page("measures/a/index.html", "ทรัพย์สิน"), list, long]).unwrap();
        assert_eq!(
            index.skipped,
            vec![("measures/long/index.html".to_string(), {
                let p = page("measures/long/index.html", &"ยาว".repeat(MAX_PAGE / 4));
                p.bytes.len()
            })]
        );
        let entry = index
            .files
            .iter()
            .find(|f| f.path == "pagefind/pagefind-entry.json")
            .unwrap();
        let entry = String::from_utf8_lossy(&entry.bytes);
        assert!(entry.contains("\"page_count\":1"), "{entry}");
    }
}
