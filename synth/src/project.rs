//! Specs over a corpus already written, as `brief-synth --specs` makes them:
//! here rather than in the binary so tests and benchmarks build the same
//! project without running it.

use std::path::Path;

use brief::corpus::Corpus;
use brief::diag::io_reason;
use brief::extract::extract_all;

use crate::{Written, specs};

/// What [`write_specs_over`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecsWritten {
    pub written: Written,
    /// Outputs the specs build (one per audience, one for a spec without).
    pub outputs: usize,
}

/// Loads the corpus in `corpus_dir` as `brief` will, and writes `count`
/// specs over it into `dir` (created if missing), naming the corpus by a
/// path relative to `dir`.
pub fn write_specs_over(
    corpus_dir: &Path,
    dir: &Path,
    count: usize,
    seed: u64,
) -> Result<SpecsWritten, String> {
    let corpus = Corpus::load(corpus_dir).map_err(|e| e.0.message.clone())?;
    let extracted = extract_all(&corpus.documents);
    let failed = |e: std::io::Error| {
        format!(
            "failed to write the specs to `{}` ({})",
            dir.display(),
            io_reason(&e)
        )
    };
    std::fs::create_dir_all(dir).map_err(failed)?;
    let opts = specs::SpecOptions {
        specs: count,
        seed,
        corpus: specs::relative_path(dir, corpus_dir).map_err(failed)?,
    };
    let generated = specs::generate_specs(&corpus, &extracted, &opts)?;
    let written = specs::write_specs(&generated, dir).map_err(failed)?;
    let outputs = generated.iter().map(|s| s.outputs.len()).sum();
    Ok(SpecsWritten { written, outputs })
}
