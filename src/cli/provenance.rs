//! `brief check`, second half: every built output of a spec, verified
//! against the corpus as it is now. Each quote must still be verbatim in
//! its source, each figure must still stand in its sentence; what no longer
//! does is reported at the spec line that asked for it.

use std::path::{Path, PathBuf};

use crate::compile::Loaded;
use crate::diag::Diagnostic;
use crate::regen::hash;
use crate::regen::manifest::{self, Manifest, Record};
use crate::regen::provenance::{self, Problem, Shown};
use crate::spec::Spec;

/// The manifests of an output directory: `brief build`'s and `brief
/// schedule`'s (its `latest/` outputs). Missing ones are skipped; a damaged
/// one is reported as the build reports it.
pub fn manifests(out_dir: &Path) -> (Vec<Manifest>, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    for name in [manifest::FILE_NAME, manifest::EDITIONS_FILE_NAME] {
        let path = out_dir.join(name);
        if !path.exists() {
            continue;
        }
        let (m, warning) = Manifest::load(&path);
        warnings.extend(warning);
        found.push(m);
    }
    (found, warnings)
}

/// How much was verified, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub outputs: usize,
    pub items: usize,
    pub unsupported: usize,
    /// Recorded files missing or not as built.
    pub files_wrong: usize,
}

/// Verifies every recorded output of `spec` against its corpus as loaded
/// now; returns one error per item its source no longer supports. It needs
/// only the spec's name and text, not a spec that still resolves: the ids
/// of changed quotes are gone from the corpus, which is when this matters.
pub fn check(
    out_dir: &Path,
    manifests: &[Manifest],
    spec: &Spec,
    loaded: &Loaded,
) -> (Tally, Vec<Diagnostic>) {
    let spec_hash = hash::of(spec.source.as_bytes());
    let index = loaded.index();
    let mut tally = Tally::default();
    let mut diagnostics = Vec::new();
    let prefix = format!("{}/", spec.name);
    for m in manifests {
        for (key, record) in m.outputs.iter().filter(|(k, _)| k.starts_with(&prefix)) {
            tally.outputs += 1;
            let output = out_dir.join(key);
            for reason in crate::regen::stale::verify_files(record, out_dir) {
                tally.files_wrong += 1;
                diagnostics.push(
                    Diagnostic::error(format!("built output: {reason}"))
                        .in_file(&spec.path)
                        .hint("run `brief build` to build it again; brief never shows a Markdown file and a PDF from different builds as one output"),
                );
            }
            for shown in &record.shown {
                tally.items += 1;
                let doc = index.doc_index(&shown.doc).map(|d| index.doc(d));
                let Some(problem) = provenance::verify(shown, doc) else {
                    continue;
                };
                tally.unsupported += 1;
                let source = doc.map(|d| d.path.clone());
                let mut d = Diagnostic::error(message(&output, shown, source, &problem))
                    .in_file(&spec.path)
                    .hint("the source changed after this output was built: run `brief build` to rebuild it from the corpus as it is now");
                if let Some((line, column)) = shown.at {
                    d = d.at(&spec.source, line, column);
                }
                if record.inputs.spec_hash != spec_hash {
                    d = d.hint(spec_changed(record));
                }
                diagnostics.push(d);
            }
        }
    }
    (tally, diagnostics)
}

fn message(output: &Path, shown: &Shown, source: Option<PathBuf>, problem: &Problem) -> String {
    let what = format!(
        "`{}` shows {} `{}`",
        output.display(),
        shown.kind.noun(),
        shown.id
    );
    let from = |p: &PathBuf| format!("`{}`", p.display());
    match (problem, source) {
        (Problem::DocumentGone, _) | (_, None) => format!(
            "{what}, but the corpus has no document `{}` any more",
            shown.doc
        ),
        (Problem::WordsGone(words), Some(p)) => {
            format!("{what}, but {} no longer says “{words}”", from(&p))
        }
        (Problem::SentenceGone(sentence), Some(p)) => format!(
            "{what} (“{}”), but {} no longer has the sentence it stood in: “{sentence}”",
            shown.words.join(" "),
            from(&p)
        ),
    }
}

fn spec_changed(record: &Record) -> String {
    format!(
        "`{}` has also changed since that build, so the line shown is where the item was asked for then",
        record.spec
    )
}
