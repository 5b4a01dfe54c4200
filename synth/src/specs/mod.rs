//! Synthetic briefing specs over a synthetic corpus, for the regeneration
//! benchmark (issue 5: a no-op rebuild of 100 specs over 10,000 documents, and
//! one changed document rebuilding only the briefs that read it).
//!
//! A benchmark of incremental builds is only as good as what it knows about
//! the dependencies, so the specs are built to have a varied and *known*
//! dependency structure, and each one reports it ([`GeneratedSpec::named`],
//! [`OutputDeps::shows`], [`GeneratedSpec::wide`]):
//!
//! - every spec reads 2–5 documents by id (quotes, figures, inline references,
//!   an excerpt, a query restricted to a list of them), spread over the corpus;
//! - a few "popular" documents are read by many specs (spec *i* reads popular
//!   document *j* with a fixed chance, 30% down to 2%), the rest by one spec or
//!   none, so one change can be made to a document read by 1, 2, 5 or 30 specs;
//! - about 20% of specs also run a query over the whole corpus (by speaker, or
//!   by tag and word), which any document may fall into;
//! - about 30% have two audiences and 10% one, with caps and excluded
//!   sections, so not every output of a spec shows every document it names.
//!
//! Spec *i* depends only on the seed, *i* and the corpus, never on the spec
//! count: 20 specs are a prefix of 100. Every selector selects something (or
//! says `allow_empty: true`), so `brief check` passes on the result.

mod compose;
mod model;
mod yaml;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io;
use std::path::{Component, Path, PathBuf};

use super::Written;
use super::rng::Rng;
use brief::corpus::Corpus;
use brief::extract::Extracted;

pub const DEFAULT_SPECS: usize = 100;
/// Every spec's `date:`: the benchmark's `BRIEF_TODAY`, so `within:` is stable.
pub const SPEC_DATE: &str = "2025-03-03";

/// The chance that a spec reads popular document *j*: for 100 specs, about 30,
/// 15, 8, 5, 3 and 2 readers.
const POPULAR: [f64; 6] = [0.30, 0.15, 0.08, 0.05, 0.03, 0.02];
const CORPUS_WIDE: f64 = 0.20;
const TWO_AUDIENCES: f64 = 0.30;
const ONE_AUDIENCE: f64 = 0.10;
/// Keeps the specs' random streams apart from the documents' of the same seed.
const SALT: u64 = 0x5be0_c5ee_d5ba_11ad;

/// What to generate. The same options and corpus give byte-identical specs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecOptions {
    pub specs: usize,
    pub seed: u64,
    /// The `corpus:` each spec names, relative to the spec file (see [`relative_path`]).
    pub corpus: PathBuf,
}

/// One generated spec and what it depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedSpec {
    /// The file stem, which is also the output directory's name.
    pub name: String,
    pub file_name: String,
    pub text: String,
    /// Every document the spec names: in an id, an inline reference, an
    /// excerpt or a query's `doc:` list. A change to any other document can
    /// only matter to the spec through [`GeneratedSpec::wide`].
    pub named: BTreeSet<String>,
    /// The corpus-wide query, if the spec has one.
    pub wide: Option<Wide>,
    /// One per output, in the spec's audience order.
    pub outputs: Vec<OutputDeps>,
}

/// A query over the whole corpus: the documents it ranges over are not named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wide {
    /// `{speaker: NAME, limit: 5, order: newest}`: every document is in range.
    Speaker(String),
    /// `{speaker: NAME, within: 1y, limit: 3, allow_empty: true}`.
    RecentSpeaker(String),
    /// `{tags: [TAG], match: WORD, limit: 4}` over figures: documents with the tag.
    Tagged { tag: String, word: String },
}

/// What one output (one audience of a spec) certainly shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputDeps {
    /// `None` for a spec without audiences (its one output is `brief`).
    pub audience: Option<String>,
    /// Documents this output cites whatever the corpus holds: by inline
    /// reference, excerpt, or an id within its audience's cap. Queries'
    /// documents are not counted: what they pick depends on the corpus.
    pub shows: BTreeSet<String>,
}

impl GeneratedSpec {
    /// Whether this spec names `doc` or runs a query that may range over it.
    pub fn may_depend_on(&self, doc: &str) -> bool {
        self.named.contains(doc) || self.wide.is_some()
    }
}

/// Generates `opts.specs` specs over a loaded and extracted corpus.
///
/// Fails when the corpus has no document with a quote, a figure and two
/// paragraphs: there is nothing a spec could read.
pub fn generate_specs(
    corpus: &Corpus,
    extracted: &[Extracted],
    opts: &SpecOptions,
) -> Result<Vec<GeneratedSpec>, String> {
    // Specs cite statistics; durations and ages (figures with a `kind`)
    // are left out, as a brief's selection leaves them out.
    let statistics: Vec<Extracted> = extracted
        .iter()
        .map(|e| {
            let mut e = e.clone();
            e.figures.retain(|f| f.kind.is_none());
            e
        })
        .collect();
    let pools = Pools::new(corpus, &statistics, opts.seed);
    if pools.usable.is_empty() {
        return Err(format!(
            "the corpus in `{}` has no document with a quote, a figure and two paragraphs to build specs from",
            corpus.root.display()
        ));
    }
    Ok((0..opts.specs)
        .map(|i| compose::spec(&pools, opts, i))
        .collect())
}

/// Writes the specs into `dir` (created if missing). Generated specs beyond
/// these left by an earlier, larger run are deleted; other files are kept.
pub fn write_specs(specs: &[GeneratedSpec], dir: &Path) -> io::Result<Written> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    for s in specs {
        std::fs::write(dir.join(&s.file_name), &s.text)?;
        bytes += s.text.len() as u64;
    }
    let wanted: HashSet<&str> = specs.iter().map(|s| s.file_name.as_str()).collect();
    let removed = super::prune(dir, is_generated_name, |name| wanted.contains(name))?;
    Ok(Written {
        files: specs.len(),
        bytes,
        removed,
    })
}

fn is_generated_name(name: &str) -> bool {
    name.strip_prefix("spec-")
        .and_then(|r| r.strip_suffix(".yaml"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `to` as seen from the directory `from`, for a spec's `corpus:`. Both must
/// exist (they are resolved, so `..` and symlinks do not confuse the result).
pub fn relative_path(from: &Path, to: &Path) -> io::Result<PathBuf> {
    let from = from.canonicalize()?;
    let to = to.canonicalize()?;
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out: PathBuf = from
        .components()
        .skip(common)
        .map(|_| Component::ParentDir)
        .collect();
    out.extend(to.components().skip(common));
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    Ok(out)
}

/// What every spec draws from, computed once per corpus.
struct Pools<'a> {
    corpus: &'a Corpus,
    extracted: &'a [Extracted],
    /// Documents a spec can read: a quote, a figure and two paragraphs.
    usable: Vec<usize>,
    popular: Vec<usize>,
    /// Usable documents that are not popular (all usable ones if none are left).
    ordinary: Vec<usize>,
    /// Full names quoted in at least three documents, sorted.
    speakers: Vec<String>,
    /// Documents with a tag and a figure whose sentence has a word to match.
    tagged: Vec<usize>,
}

impl<'a> Pools<'a> {
    fn new(corpus: &'a Corpus, extracted: &'a [Extracted], seed: u64) -> Self {
        let usable: Vec<usize> = extracted
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.quotes.is_empty() && !e.figures.is_empty())
            .filter(|(_, e)| e.paragraphs.len() >= 2)
            .map(|(d, _)| d)
            .collect();
        // Popular documents are drawn without replacement, from a stream of
        // their own, so they do not depend on the spec count.
        let mut rng = Rng::for_doc(seed ^ SALT, usize::MAX);
        let mut popular = Vec::new();
        for _ in 0..usable.len() * 4 {
            if popular.len() == POPULAR.len().min(usable.len()) {
                break;
            }
            let d = *rng.pick(&usable);
            if !popular.contains(&d) {
                popular.push(d);
            }
        }
        let ordinary: Vec<usize> = usable
            .iter()
            .copied()
            .filter(|d| !popular.contains(d))
            .collect();
        let ordinary = if ordinary.is_empty() {
            usable.clone()
        } else {
            ordinary
        };
        let mut quoted: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        for (d, e) in extracted.iter().enumerate() {
            for q in &e.quotes {
                if let Some(s) = q.speaker.as_deref().filter(|s| full_name(s)) {
                    quoted.entry(s).or_default().insert(d);
                }
            }
        }
        let speakers = quoted
            .into_iter()
            .filter(|(_, docs)| docs.len() >= 3)
            .map(|(s, _)| s.to_string())
            .collect();
        let tagged = (0..extracted.len())
            .filter(|&d| !corpus.documents[d].meta.tags.is_empty())
            .filter(|&d| extracted[d].figures.iter().any(|f| word_in(&f.sentence)))
            .collect();
        Pools {
            corpus,
            extracted,
            usable,
            popular,
            ordinary,
            speakers,
            tagged,
        }
    }

    fn id(&self, d: usize) -> &'a str {
        &self.extracted[d].doc
    }
}

/// A name a query can use and prose can show as it is: two or more
/// capitalised words of letters ("Ai Weiwei", not "They" or "NYT").
fn full_name(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    words.len() >= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.'))
        })
}

/// A word of five or more ASCII letters, lowercased: long enough not to read
/// as a YAML keyword, and found again by a case-insensitive `match`.
fn words_in(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 5)
        .map(str::to_ascii_lowercase)
        .collect()
}

fn word_in(text: &str) -> bool {
    !words_in(text).is_empty()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::LazyLock;

    use super::*;
    use crate::{SynthOptions, generate};
    use brief::corpus::load_file;
    use brief::extract::extract_all;

    /// 300 generated documents, loaded and extracted once for every test.
    static CORPUS: LazyLock<(Corpus, Vec<Extracted>)> = LazyLock::new(|| {
        let docs = generate(&SynthOptions {
            docs: 300,
            ..SynthOptions::default()
        });
        let documents = docs
            .iter()
            .map(|d| {
                let path = PathBuf::from("corpus").join(&d.file_name);
                load_file(&path, d.text.as_bytes()).unwrap().document
            })
            .collect();
        let corpus = Corpus {
            root: PathBuf::from("corpus"),
            documents,
            diagnostics: Vec::new(),
        };
        let extracted = extract_all(&corpus.documents);
        (corpus, extracted)
    });

    fn specs(n: usize, seed: u64) -> Vec<GeneratedSpec> {
        let (corpus, extracted) = &*CORPUS;
        let opts = SpecOptions {
            specs: n,
            seed,
            corpus: PathBuf::from("../corpus"),
        };
        generate_specs(corpus, extracted, &opts).unwrap()
    }

    /// The `doc-NNNNN` names written anywhere in a spec.
    fn docs_in(text: &str) -> BTreeSet<String> {
        text.match_indices("doc-")
            .map(|(i, _)| &text[i..])
            .map(|rest| {
                let digits = rest[4..].bytes().take_while(u8::is_ascii_digit).count();
                rest[..4 + digits].to_string()
            })
            .filter(|d| d.len() > 4)
            .collect()
    }

    #[test]
    fn same_seed_same_specs_and_fewer_specs_are_a_prefix() {
        let forty = specs(40, 1);
        assert_eq!(forty, specs(40, 1));
        assert_eq!(forty[..20], specs(20, 1)[..]);
        let other = specs(20, 2);
        assert!(forty.iter().zip(&other).all(|(a, b)| a.text != b.text));
        assert_eq!(
            (forty[0].name.as_str(), forty[39].file_name.as_str()),
            ("spec-001", "spec-040.yaml")
        );
    }

    #[test]
    fn the_mix_and_the_reported_dependencies_match_the_text() {
        let all = specs(100, 1);
        let mut audiences = [0; 3];
        let mut readers: BTreeMap<&str, usize> = BTreeMap::new();
        for s in &all {
            let t = &s.text;
            assert!(t.contains("\ndate: 2025-03-03\ncorpus: ../corpus\n"), "{t}");
            for needed in ["{{quote:", "{{figure:", "      - excerpt:\n", "{doc: ["] {
                assert!(t.contains(needed), "{needed} in {t}");
            }
            let sections = t.matches("\n  - id: ").count();
            assert!((2..=4).contains(&sections), "{t}");
            // Every document the text names is reported, and nothing else.
            assert_eq!(s.named, docs_in(t), "{t}");
            let n = s.named.len();
            assert!((2..=5).contains(&n), "{t}");
            assert!(t.contains(&format!(", over {n} documents\"")), "{t}");
            assert_eq!(s.wide.is_some(), t.contains("id: across-the-corpus"), "{t}");
            audiences[s.outputs.iter().filter(|o| o.audience.is_some()).count()] += 1;
            for o in &s.outputs {
                assert!(!o.shows.is_empty() && o.shows.is_subset(&s.named), "{t}");
                if let Some(a) = &o.audience {
                    assert!(t.contains(&format!("\n  {a}:\n    label: ")), "{t}");
                }
            }
            for d in &s.named {
                *readers.entry(d).or_default() += 1;
            }
        }
        let wide = all.iter().filter(|s| s.wide.is_some()).count();
        assert!((12..=30).contains(&wide), "{wide} corpus-wide");
        let [_, one, two] = audiences;
        assert!(
            (20..=40).contains(&two) && (4..=18).contains(&one),
            "{audiences:?}"
        );
        // Popular documents are read by many specs, the rest by one or a few.
        let most = readers.values().max().copied().unwrap_or(0);
        assert!((18..=45).contains(&most), "{readers:?}");
        for k in [1, 2] {
            assert!(readers.values().any(|&r| r == k), "none read by {k}");
        }
        assert!(
            readers.values().any(|&r| (4..=12).contains(&r)),
            "{readers:?}"
        );
    }

    #[test]
    fn a_corpus_without_usable_documents_is_refused() {
        let corpus = Corpus {
            root: PathBuf::from("empty"),
            documents: Vec::new(),
            diagnostics: Vec::new(),
        };
        let opts = SpecOptions {
            specs: 3,
            seed: 1,
            corpus: PathBuf::from("."),
        };
        assert_eq!(
            generate_specs(&corpus, &[], &opts).unwrap_err(),
            "the corpus in `empty` has no document with a quote, a figure and two paragraphs to build specs from"
        );
    }

    #[test]
    fn writes_specs_and_prunes_stale_ones() {
        let dir = tempfile::tempdir().unwrap();
        let more = write_specs(&specs(12, 1), dir.path()).unwrap();
        std::fs::write(dir.path().join("mine.yaml"), "kept").unwrap();
        let fewer = write_specs(&specs(10, 1), dir.path()).unwrap();
        assert_eq!((more.files, fewer.files, fewer.removed), (12, 10, 2));
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), 11);
        assert_eq!(
            (names[0].as_str(), names[9].as_str(), names[10].as_str()),
            ("mine.yaml", "spec-009.yaml", "spec-010.yaml")
        );
    }

    #[test]
    fn relative_paths_between_directories() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["p/briefs", "p/corpus", "q/deep/er"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        let rel = |a: &str, b: &str| relative_path(&root.join(a), &root.join(b)).unwrap();
        assert_eq!(rel("p/briefs", "p/corpus"), PathBuf::from("../corpus"));
        assert_eq!(
            rel("p/corpus/../briefs", "p/corpus"),
            PathBuf::from("../corpus")
        );
        assert_eq!(
            rel("q/deep/er", "p/corpus"),
            PathBuf::from("../../../p/corpus")
        );
        assert_eq!(rel("p", "p/corpus"), PathBuf::from("corpus"));
        assert_eq!(rel("p", "p"), PathBuf::from("."));
        assert!(relative_path(&root.join("missing"), root).is_err());
    }
}
