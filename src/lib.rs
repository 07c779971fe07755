//! prongsai builds a Thai local government's integrity and transparency (ITA) website from one
//! Markdown file per measure.
//!
//! The pipeline runs one way: [`config`] reads `site.yaml`; [`content`] finds and splits the
//! Markdown files; [`measure`] turns front matter into measures and pages; [`markdown`] renders
//! bodies; [`oit`] scores the OIT checklist against the evidence; [`render`] fills the [`theme`]'s
//! templates in memory; [`site`] runs these steps and is the only code that writes `public/`;
//! [`serve`] re-runs the same steps on every change and serves the result. Every YAML text passes
//! the one bounded reader in [`yaml`]. Every problem is a [`diag::Finding`] with file, line and a fix.

// A Finding is large (it carries its source snippet), but it is a value of the cold path: boxing
// every one would cost more readability than the bytes it saves.
#![allow(clippy::result_large_err)]

pub mod config;
pub mod content;
pub mod diag;
pub mod markdown;
pub mod measure;
pub mod oit;
pub mod opendata;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod thai;
pub mod theme;
pub mod yaml;
