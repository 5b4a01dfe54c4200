//! `brief check`: validate specs against the corpus, and verify the outputs
//! already built from them against the corpus as it is now. Writes nothing.

use std::path::PathBuf;

use crate::build::{Event, Sink};
use crate::compile::{Compiler, Loaded, Prepared};
use crate::diag::Diagnostic;
use crate::regen::lock;
use crate::regen::manifest::Manifest;

use super::events::Printer;
use super::provenance;
use super::specs::{self, SpecArgs};
use super::{CorpusArgs, Outcome, report};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub specs: SpecArgs,
    /// List what each selector matched
    #[arg(long, short)]
    pub verbose: bool,
    /// Output directory whose built briefs to verify [default: `out/` in
    /// the project root]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

pub fn run(args: CheckArgs) -> Outcome {
    let (today, spec_paths) = match specs::start(&args.specs) {
        Ok(started) => started,
        Err(outcome) => return outcome,
    };
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| specs::project_root().join("out"));
    if let Err(d) = specs::output_dir_usable(&out_dir) {
        report(&[d]);
        return Outcome::UsageOrIo;
    }
    // A spec refused a directory has no outputs of its own to verify.
    let (spec_paths, refused) = specs::claim(&spec_paths, &out_dir);
    // A shared lock: outputs and manifests are read as one build left them,
    // never halfway through the next.
    let mut waiting = |lock: &std::path::Path, holder: &str| {
        Printer.event(Event::Waiting {
            lock: lock.to_path_buf(),
            holder: holder.to_string(),
        });
    };
    let _lock = match lock::shared(&out_dir, &mut waiting) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::UsageOrIo;
        }
    };
    let (manifests, warnings) = provenance::manifests(&out_dir);
    report(&warnings);
    let mut compiler = Compiler::new(args.corpus.corpus.clone(), today);
    let mut outcome = if refused > 0 {
        Outcome::InputErrors
    } else {
        Outcome::Ok
    };
    // Documents already warned about as too thin to cite: once per run.
    let mut warned = std::collections::HashSet::new();
    for path in &spec_paths {
        // Built outputs are verified even when the spec no longer resolves:
        // a quote whose words changed has lost its id with them. Only a
        // spec that did not resolve is read again, to find its outputs.
        let prepared = specs::prepare(&mut compiler, path, &mut outcome);
        if let Some(prepared) = &prepared {
            super::print(&summary(prepared, args.verbose));
        }
        let reread;
        let spec = match &prepared {
            Some(prepared) => &prepared.spec,
            None => match crate::spec::load(path) {
                Ok(spec) => {
                    reread = spec;
                    &reread
                }
                Err(_) => continue,
            },
        };
        let Ok(loaded) = compiler.corpus_for(spec) else {
            continue;
        };
        if let Some(prepared) = &prepared {
            report(&moved_ids(&manifests, prepared, &loaded));
            report(&thin_sources(prepared, &loaded, &mut warned));
        }
        let (tally, unsupported) = provenance::check(&out_dir, &manifests, spec, &loaded);
        if tally.outputs > 0 {
            super::print(&format!(
                "  {}: {} built output{}; {} of {} quotes and figures still stand in the corpus\n",
                out_dir.display(),
                tally.outputs,
                if tally.outputs == 1 { "" } else { "s" },
                tally.items - tally.unsupported,
                tally.items,
            ));
        }
        report(&unsupported);
        if !unsupported.is_empty() {
            outcome = outcome.max(Outcome::InputErrors);
        }
    }
    if compiler.corpus_had_errors() {
        outcome = outcome.max(Outcome::InputErrors);
    }
    outcome
}

/// The ids the spec names that resolve to another sentence than when its
/// outputs were built: the same warning `brief build` gives, so that an
/// edited source is noticed before the next build rather than by it.
fn moved_ids(manifests: &[Manifest], prepared: &Prepared, loaded: &Loaded) -> Vec<Diagnostic> {
    let prefix = format!("{}/", prepared.spec.name);
    let Some(before) = manifests
        .iter()
        .flat_map(|m| m.outputs.iter())
        .filter(|(key, _)| key.starts_with(&prefix))
        .map(|(_, record)| record)
        .find(|record| !record.resolved.is_empty())
    else {
        return Vec::new();
    };
    let matches = &prepared.check.matches;
    let now = crate::regen::provenance::resolved(&loaded.index(), matches);
    crate::regen::provenance::moved(&before.resolved, &now, &prepared.spec, matches)
}

/// A warning for each cited document whose notes cannot lead a reader to
/// it (no title, or nowhere it was published), naming the file and what to add.
fn thin_sources(
    prepared: &Prepared,
    loaded: &Loaded,
    warned: &mut std::collections::HashSet<String>,
) -> Vec<Diagnostic> {
    let index = loaded.index();
    prepared
        .check
        .brief
        .sources
        .iter()
        .filter(|s| warned.insert(s.doc.clone()))
        .filter_map(|s| index.doc_index(&s.doc).map(|d| index.doc(d)))
        // A document the corpus already warned about (no front matter at
        // all) gets one warning, not two.
        .filter(|doc| {
            !loaded
                .corpus
                .diagnostics
                .iter()
                .any(|d| d.file.as_deref() == Some(doc.path.as_path()))
        })
        .filter_map(|doc| {
            let missing = crate::cite::too_thin(doc)?;
            Some(
                Diagnostic::warning(format!(
                    "cited in {} but states no {}: its notes cannot lead a reader to it",
                    prepared.spec.path.display(),
                    missing.join(", no ")
                ))
                .in_file(&doc.path)
                .hint(
                    "add `outlet:`, `url:`, `published:` or `title:` to its front matter \
                     (a title you describe it by takes `title_supplied: true`)",
                ),
            )
        })
        .collect()
}

/// The spec's line, and with `--verbose` what each selector matched.
fn summary(prepared: &Prepared, verbose: bool) -> String {
    let spec = &prepared.spec;
    let brief = &prepared.check.brief;
    let mut out = format!(
        "ok {}: {} sections, {} notes from {} sources\n",
        spec.path.display(),
        brief.sections.len(),
        brief.notes.len(),
        brief.sources.len()
    );
    if verbose {
        for m in prepared.check.matches.iter().filter(|m| !m.inline) {
            out.push_str(&format!(
                "  {}:{}:{}: {} {}{}",
                spec.path.display(),
                m.line,
                m.column,
                m.ids.len(),
                m.noun,
                if m.ids.len() == 1 { "" } else { "s" }
            ));
            for id in &m.ids {
                out.push_str(&format!("\n    {id}"));
            }
            out.push('\n');
        }
    }
    out
}
