//! Regeneration: deciding which outputs are out of date, and why.
//!
//! Every output directory keeps a [`manifest::Manifest`]: for each output,
//! hashes of what it was built from (spec, templates, `brief` version, date,
//! options) and its corpus dependencies ([`deps`]). A build scans the corpus
//! ([`scan`]), loads only the files whose content changed, and asks
//! [`stale::check`] of each output whether those changes reach it.

pub mod deps;
pub mod hash;
pub mod lock;
pub mod manifest;
pub mod names;
pub mod plan;
pub mod provenance;
pub mod scan;
pub mod stale;

pub use manifest::{Inputs, Manifest, Record};
pub use stale::Reason;

/// The `brief` version recorded with every output: a new version may render
/// differently, so it rebuilds everything once.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
