//! The search index: Pagefind, run in process over the rendered pages before they are written, so
//! the index always matches the pages it points to and lands in `public/` in the same atomic swap.
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

use crate::render::Output;

/// Folder of the index under the site root, as Pagefind names it.
pub const BUNDLE: &str = "pagefind";

/// Builds the index of the HTML `outputs`; returns the index files (paths under [`BUNDLE`]).
#[cfg(feature = "search")]
pub fn index(outputs: &[Output]) -> Result<Vec<Output>, String> {
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .force_language("th".to_string())
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
        for o in outputs.iter().filter(|o| is_indexed(&o.path)) {
            let html = crate::thai::to_arabic_digits(&String::from_utf8_lossy(&o.bytes));
            index
                .add_html_file(Some(o.path.clone()), None, html)
                .await
                .map_err(|e| format!("{}: {e}", o.path))?;
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
pub fn index(_outputs: &[Output]) -> Result<Vec<Output>, String> {
    Ok(Vec::new())
}

/// Pagefind's own ready-made UIs, which the theme does not use (it has its own Thai search page).
#[cfg(feature = "search")]
fn is_unused_ui(name: &str) -> bool {
    name.starts_with("pagefind-")
        && (name.contains("ui.") || name.starts_with("pagefind-highlight"))
        || name.starts_with("playground")
}

/// Whether a page can hold a search region: HTML pages other than the 404 page.
#[cfg(feature = "search")]
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
        .unwrap();
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
}
