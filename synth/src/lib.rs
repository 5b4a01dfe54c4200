//! Synthetic corpora, for benchmarks and scale tests.
//!
//! Random words would not exercise the extractors: sentence splitting, quote
//! attribution and figure parsing all depend on how reporters actually write.
//! So documents are recombined from the shipped articles' own paragraphs and
//! sentences, with the people in them renamed and the digits of their numbers
//! changed. Numbers keep their format ("24,000" stays a grouped thousand, "70%"
//! a percentage, "1.16 million" two decimals of a million) and quotes keep
//! their attribution, so the extractors meet the same shapes they meet in the
//! real corpus, in quantity. Metadata varies and is sometimes incomplete, and a
//! few documents are Chinese, because real corpora are like that.
//!
//! Document `i` depends only on the seed, the target size and `i`, never on
//! the document count or on its neighbours: a 100-document corpus is a prefix
//! of the 10,000-document one, documents are generated in parallel, and a
//! problem seen in one document reproduces from its number alone.

mod bank;
mod data;
pub mod hostile;
mod project;
mod render;
mod rng;
pub mod specs;
mod vary;

use std::collections::HashSet;
use std::io;
use std::path::Path;

use rayon::prelude::*;

pub use project::{SpecsWritten, write_specs_over};
pub use specs::{GeneratedSpec, SpecOptions, generate_specs, write_specs};

use bank::BANK;
use data::PEOPLE;
use render::{Body, Date, front_matter, write_body};
use rng::Rng;
use vary::{Ctx, NewName, Used};

pub const DEFAULT_DOCS: usize = 10_000;
pub const DEFAULT_BYTES_PER_DOC: usize = 5_000;
pub const DEFAULT_SEED: u64 = 1;

/// What to generate. The same options always give byte-identical documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    pub docs: usize,
    /// Whole-file size to aim for; every document lands within ±30% of it
    /// (for targets of 2 KB and more: below that one paragraph can overshoot).
    pub target_bytes_per_doc: usize,
    pub seed: u64,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            docs: DEFAULT_DOCS,
            target_bytes_per_doc: DEFAULT_BYTES_PER_DOC,
            seed: DEFAULT_SEED,
        }
    }
}

/// One generated file, in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthDoc {
    /// The id the corpus will know it by (its file stem).
    pub id: String,
    pub file_name: String,
    pub text: String,
}

/// What [`write_corpus`] left on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
    /// Generated files of an earlier, larger run that were deleted.
    pub removed: usize,
}

/// Every document of the corpus, in order.
pub fn generate(opts: &SynthOptions) -> Vec<SynthDoc> {
    (0..opts.docs)
        .into_par_iter()
        .map(|i| document(opts, i))
        .collect()
}

/// Writes the corpus as `doc-00001.md` … into `dir` (created if missing).
///
/// Generated files beyond `opts.docs` left by an earlier run are deleted, so
/// the directory always holds exactly the corpus asked for; other files are
/// left alone. Documents are generated and written one at a time per thread,
/// so memory stays small whatever the corpus size.
pub fn write_corpus(opts: &SynthOptions, dir: &Path) -> io::Result<Written> {
    std::fs::create_dir_all(dir)?;
    let bytes = (0..opts.docs)
        .into_par_iter()
        .map(|i| {
            let doc = document(opts, i);
            std::fs::write(dir.join(&doc.file_name), &doc.text)?;
            Ok::<u64, io::Error>(doc.text.len() as u64)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    let wanted: HashSet<String> = (0..opts.docs).map(|i| file_name(opts, i)).collect();
    let removed = prune(dir, is_generated_name, |name| wanted.contains(name))?;
    Ok(Written {
        files: opts.docs,
        bytes,
        removed,
    })
}

/// The file name of document `index` (0-based); numbered from 1 and padded so
/// that name order is document order.
pub fn file_name(opts: &SynthOptions, index: usize) -> String {
    format!("{}.md", doc_id(opts, index))
}

fn doc_id(opts: &SynthOptions, index: usize) -> String {
    let width = opts.docs.to_string().len().max(5);
    format!("doc-{:0width$}", index + 1)
}

/// Removes the files in `dir` that a generator made (`generated`) but this
/// run did not (`wanted`), so a smaller run leaves no stale extras; other
/// files are left alone. Returns how many went.
fn prune(
    dir: &Path,
    generated: fn(&str) -> bool,
    wanted: impl Fn(&str) -> bool,
) -> io::Result<usize> {
    let mut removed = 0;
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        let Some(name) = name.to_str() else { continue };
        if generated(name) && !wanted(name) {
            std::fs::remove_file(dir.join(name))?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn is_generated_name(name: &str) -> bool {
    name.strip_prefix("doc-")
        .and_then(|r| r.strip_suffix(".md"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Generates document `index` (0-based) alone.
pub fn document(opts: &SynthOptions, index: usize) -> SynthDoc {
    let bank = &*BANK;
    let mut rng = Rng::for_doc(opts.seed, index);
    let id = doc_id(opts, index);
    let zh = rng.chance(0.02);
    let date = Date::random(&mut rng);
    let names = PEOPLE
        .iter()
        .map(|p| NewName::draw(&mut rng, p.kind))
        .collect();
    let mut ctx = Ctx {
        rng,
        names,
        year: date.year,
        used: Used::default(),
    };

    let target = opts.target_bytes_per_doc as f64;
    let mut text = String::with_capacity(opts.target_bytes_per_doc * 5 / 4 + 256);
    let mut author = None;
    // A few files have no front matter at all, as hand-collected corpora do.
    if !ctx.rng.chance(0.01) {
        author = front_matter(&mut text, &id, index, zh, date, &mut ctx);
        text.push('\n');
    }
    let goal = (target * (0.8 + 0.4 * ctx.rng.unit())) as usize;
    let limit = (target * 1.25) as usize;
    let body = if zh {
        Body {
            paragraphs: &[],
            sentences: &bank.zh_sentences,
            headings: &bank.zh_headings,
            joiner: "",
        }
    } else {
        Body {
            paragraphs: &bank.paragraphs,
            sentences: &bank.sentences,
            headings: &bank.headings,
            joiner: " ",
        }
    };
    write_body(&mut text, &body, &mut ctx, goal, limit, author.as_deref());
    SynthDoc {
        file_name: format!("{id}.md"),
        id,
        text,
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use brief::corpus::{Corpus, load_file};

    fn opts(docs: usize) -> SynthOptions {
        SynthOptions {
            docs,
            ..SynthOptions::default()
        }
    }

    #[test]
    fn same_seed_same_bytes_and_documents_do_not_depend_on_count() {
        let a = generate(&opts(60));
        let b = generate(&opts(60));
        assert_eq!(a, b);
        let prefix = generate(&opts(20));
        assert_eq!(a[..20], prefix[..]);
        let other = generate(&SynthOptions {
            seed: 2,
            ..opts(60)
        });
        assert!(a.iter().zip(&other).all(|(x, y)| x.text != y.text));
        assert_eq!(a[41], document(&opts(60), 41));
        assert_eq!(a[0].file_name, "doc-00001.md");
    }

    #[test]
    fn sizes_stay_within_thirty_percent() {
        for target in [5_000, 2_000, 20_000] {
            let docs = generate(&SynthOptions {
                docs: 300,
                target_bytes_per_doc: target,
                seed: 9,
            });
            let low = target * 7 / 10;
            let high = target * 13 / 10;
            for d in &docs {
                assert!(
                    (low..=high).contains(&d.text.len()),
                    "{} is {} bytes, target {target}",
                    d.id,
                    d.text.len()
                );
            }
            let mean = docs.iter().map(|d| d.text.len()).sum::<usize>() / docs.len();
            assert!(
                mean.abs_diff(target) < target / 10,
                "mean {mean}, target {target}"
            );
        }
    }

    #[test]
    fn every_document_loads_cleanly_and_the_corpus_varies() {
        let docs = generate(&opts(600));
        let mut no_author = 0;
        let mut zh = 0;
        let mut no_front_matter = 0;
        let mut outlets = HashSet::new();
        for d in &docs {
            let loaded = load_file(&PathBuf::from("c").join(&d.file_name), d.text.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}\n{}", d.id, d.text));
            assert_eq!(loaded.document.id, d.id);
            assert!(loaded.warnings.iter().all(|w| !w.is_error()));
            assert!(loaded.document.words() > 100, "{}", d.text);
            let meta = &loaded.document.meta;
            no_author += usize::from(meta.author.is_none());
            no_front_matter += usize::from(!d.text.starts_with("---\n"));
            zh += usize::from(d.text.contains("language: zh\n"));
            outlets.extend(meta.outlet.clone());
            if let Some(date) = meta.published {
                assert!((2022..=2025).contains(&date.year), "{}", d.id);
            }
        }
        assert!(no_author > 60 && no_author < 300, "{no_author}");
        assert!(zh > 0 && no_front_matter > 0, "{zh} {no_front_matter}");
        assert!(outlets.len() > 10, "{outlets:?}");
    }

    #[test]
    fn writes_a_corpus_that_loads_and_prunes_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let big = write_corpus(&opts(30), dir.path()).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "kept").unwrap();
        let small = write_corpus(&opts(20), dir.path()).unwrap();
        assert_eq!((big.files, small.removed), (30, 10));
        assert!(dir.path().join("notes.txt").exists());
        std::fs::remove_file(dir.path().join("notes.txt")).unwrap();
        let corpus = Corpus::load(dir.path()).unwrap();
        assert_eq!(corpus.documents.len(), 20);
        assert!(!corpus.has_errors(), "{:?}", corpus.diagnostics);
        let on_disk: u64 = corpus
            .documents
            .iter()
            .map(|d| std::fs::metadata(&d.path).unwrap().len())
            .sum();
        assert_eq!(on_disk, small.bytes);
    }
}
