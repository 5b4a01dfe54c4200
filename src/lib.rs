//! `brief` compiles policy briefs from a corpus of sources.
//!
//! The pipeline runs one way, one module per stage:
//!
//! 1. [`corpus`]: load source documents (Markdown with YAML front matter, or plain text);
//! 2. [`extract`]: find their sections, paragraphs, quotes and figures;
//! 3. (later stages) resolve briefing specs against them and render Markdown and PDF.
//!
//! [`schedule`] decides when a scheduled brief is due; it never changes what
//! the pipeline produces.
//!
//! [`diag`] carries every problem back to the user with file, line and column.

pub mod atomic;
pub mod brief;
pub mod build;
pub mod cite;
pub mod cli;
pub mod clock;
pub mod compile;
pub mod corpus;
pub mod decimal;
pub mod diag;
pub mod edition;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
pub mod paths;
pub mod period;
pub mod regen;
pub mod render;
pub mod resolve;
pub mod schedule;
pub mod spec;
pub mod suggest;
pub mod text;
