//! prongsai builds a Thai local government's integrity and transparency (ITA) website from one
//! Markdown file per measure.
//!
//! The pipeline runs one way. [`config`] reads `site.yaml`; [`content`] finds and splits the
//! Markdown files, and [`portable`] refuses names Windows cannot hold; [`measure`] turns front matter into measures and pages; [`markdown`] renders
//! bodies; every YAML text passes the one bounded reader in [`yaml`]. [`oit`] scores the OIT
//! checklist against the evidence. [`model`] is the loaded site all of that makes, and
//! [`routes`] owns every address in it. The output makers read the model: [`view`] and
//! [`render`] make the pages from the [`theme`]'s templates, [`opendata`] the machine-readable
//! files, [`search`] the search index. [`site`] runs these steps as one assembly line and hands
//! every file to [`output`], the only code that writes `public/`; [`serve`] runs the same line on
//! every change and serves the result from memory; [`publish`] sends what the build wrote to the web host,
//! only what changed. Every problem is a [`diag::Finding`] with file, line and
//! a fix; [`exit`] names the exit status of every command.

// A Finding is large (it carries its source snippet), but it is a value of the cold path: boxing
// every one would cost more readability than the bytes it saves.
#![allow(clippy::result_large_err)]

pub mod config;
pub mod content;
pub mod diag;
pub mod escape;
pub mod exit;
pub mod i18n;
pub mod markdown;
pub mod measure;
pub mod model;
pub mod oit;
pub mod opendata;
pub mod output;
pub mod portable;
pub mod publish;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod thai;
pub mod theme;
pub mod view;
pub mod yaml;
