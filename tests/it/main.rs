//! The integration tests: one binary (it links brief and Typst once),
//! a module per area. Each runs the real `brief` binary on fixture
//! projects, or the library on them, and reads the outputs back with real
//! clients (pandoc, pdftotext, qpdf). See tests/README.md.

mod common;

mod adversarial;
mod architecture;
mod build;
mod caches;
mod chart;
mod cli;
mod corpus_add;
mod corrections;
mod docx;
mod editorial;
mod excerpt;
mod figures_gold;

mod formats;
mod fuzz_regressions;
mod hostile;
mod html;
mod kill;
mod lock;
mod pdf;
mod placement;
mod provenance;
mod quotes_gold;
mod regen;
mod releases;
mod robustness;
mod schedule;
mod selectors;
mod shipped_corpus;
mod spec_schedule;
mod synth_specs;
mod watch;
