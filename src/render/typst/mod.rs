//! The PDF renderer. The [`crate::brief::Brief`] becomes Typst source
//! (`source`: one semantic call per element; `markup`: the analyst's Markdown;
//! `literal`: untrusted text as string literals) that `pdf` typesets with the
//! embedded Typst engine, in process, offline.
//!
//! - `source`, `markup`, `literal`: the generated Typst.
//! - `pdf`: template choice, font coverage check, typesetting.
//! - `fonts`: fonts loaded once per process and shared by every compilation.
//! - `files`: the sandbox, the only files Typst code can read.
//! - `world`: Typst's `World` for one job (files, fonts, pinned date).
//! - `engine`: compile and export, with reproducible PDF settings.
//! - `diagnostics`: Typst's errors and warnings as [`crate::diag::Diagnostic`]s.
//! - `coverage`: characters no font can draw (Typst would print boxes silently).
//! - `standard`: `--pdf-standard` names.

mod coverage;
mod diagnostics;
mod engine;
mod excerpt;
mod files;
mod format;
mod standard;
mod world;

pub mod literal;
pub mod markup;
pub mod pdf;
pub mod placement;
pub mod source;

#[cfg(test)]
mod tests;

pub use crate::render::fonts::Fonts;
pub use coverage::missing_glyphs;
pub use engine::{Job, Laid, Pdf, Timings, compile, evict_cache, export, lay_out};
pub use format::{PdfFormat, TypstFormat};
pub use standard::{STANDARDS, parse_standard};
pub use typst_pdf::PdfStandard;
