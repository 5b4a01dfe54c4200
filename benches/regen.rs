//! Regeneration benchmark (issue 5): in a generated project of 10,000
//! documents and 100 specs, time a full `brief build`, a no-op rebuild
//! (target: under 200 ms), and a rebuild after one document changes, checking
//! that only the outputs that depend on it are rebuilt.
//!
//! `cargo bench --bench regen [-- --docs N --specs N --runs N --seed N --readers K --keep]`,
//! or the same through `BRIEF_BENCH_DOCS`, `BRIEF_BENCH_SPECS`,
//! `BRIEF_BENCH_RUNS`, `BRIEF_BENCH_SEED` and `BRIEF_BENCH_READERS`;
//! `BRIEF_BENCH_BIN` runs another `brief` binary than the one Cargo built.
//!
//! A plain `main` rather than a harness: what matters is the wall time of
//! whole `brief build` processes, as a user runs them, and which outputs each
//! one rebuilt, which statistical micro-benchmark harnesses do not report.
//!
//! What a build rebuilt is read from its stdout: the last line is a summary
//! like `3 rebuilt, 197 up to date in 41 ms` (outputs: one per spec and
//! audience), and each rebuilt output is announced by a line
//! `rebuilding <spec path> (<audience>): <reason>`. A build without the
//! summary (before incremental builds) is still timed, and reported as such.

// A report for the person running it: `println!` is disallowed only for the CLI.
#![allow(clippy::disallowed_macros)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use brief::corpus::{Corpus, load_file};
use brief::extract::{extract, extract_all};
use brief_synth::specs::{self, GeneratedSpec, SpecOptions, Wide};
use brief_synth::{self as synth, SynthOptions};

mod common;
use common::{Options, cpu_model};

/// The no-op rebuild target from the issue.
const NOOP_TARGET: Duration = Duration::from_millis(200);
/// The date every spec is written for; `brief` reads it as today.
const TODAY: &str = specs::SPEC_DATE;
/// Who says the quotation appended to a changed document.
const NEW_SPEAKER: &str = "Marta Lindqvist";

#[derive(Debug)]
struct Config {
    synth: SynthOptions,
    specs: usize,
    runs: usize,
    /// Change a document named by this many specs (or the nearest count).
    readers: usize,
    keep: bool,
    brief: PathBuf,
}

fn main() {
    let config = match Config::from_args_and_env() {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!(
                "usage: cargo bench --bench regen -- [--docs N] [--specs N] [--runs N] [--seed N] [--readers K] [--keep]"
            );
            std::process::exit(2);
        }
    };
    self_check();
    let tmp = tempfile::Builder::new()
        .prefix("regen-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary project directory");
    let root = tmp.path().to_path_buf();
    let project = Project::generate(&config, &root);
    project.describe(&config);

    let full = build(&config, &root);
    let outputs = project.outputs();
    println!();
    println!(
        "full     {:>9.3} s  {} ({} outputs expected)",
        full.wall.as_secs_f64(),
        full.summary_text(),
        outputs
    );
    let on_disk = project.outputs_on_disk(&root);
    if on_disk != outputs {
        println!("         only {on_disk} of {outputs} outputs have both their .md and .pdf");
    }

    let noop: Vec<Build> = (0..config.runs).map(|_| build(&config, &root)).collect();
    let times = Times::of(noop.iter().map(|b| b.wall));
    println!(
        "no-op    {:>9.1} ms min, {:.1} median, {:.1} max over {} runs  {}",
        ms(times.min),
        ms(times.median),
        ms(times.max),
        config.runs,
        noop.last().map_or(String::new(), Build::summary_text)
    );
    let rebuilt: usize = noop
        .iter()
        .filter_map(|b| b.summary.as_ref())
        .map(|s| s.rebuilt)
        .sum();
    if rebuilt > 0 {
        println!("         NOT a no-op: the runs rebuilt {rebuilt} outputs between them");
    }

    for change in project.changes(&config) {
        println!();
        change.apply(&root);
        let result = build(&config, &root);
        change.report(&project, &result, &root);
    }
    let after = build(&config, &root);
    println!();
    println!(
        "no-op    {:>9.1} ms after the changes  {}",
        ms(after.wall),
        after.summary_text()
    );

    println!();
    let met = times.median < NOOP_TARGET && rebuilt == 0;
    println!(
        "target   no-op rebuild < {} ms: median {:.1} ms: {}",
        NOOP_TARGET.as_millis(),
        ms(times.median),
        if met { "PASS" } else { "NOT MET" }
    );
    if config.keep {
        let kept = tmp.keep();
        println!("project  kept in {}", kept.display());
    }
}

/// The generated project and what each spec depends on.
struct Project {
    specs: Vec<GeneratedSpec>,
    /// Document ids in corpus order, with their tags and named speakers.
    docs: Vec<DocInfo>,
    bytes: u64,
}

struct DocInfo {
    id: String,
    tags: Vec<String>,
    speakers: BTreeSet<String>,
}

impl Project {
    fn generate(config: &Config, root: &Path) -> Project {
        let started = Instant::now();
        let corpus_dir = root.join("corpus");
        let written = synth::write_corpus(&config.synth, &corpus_dir)
            .unwrap_or_else(|e| panic!("cannot write the corpus to {}: {e}", corpus_dir.display()));
        let corpus = Corpus::load(&corpus_dir).unwrap_or_else(|e| panic!("{}", e.0));
        let extracted = extract_all(&corpus.documents);
        let opts = SpecOptions {
            specs: config.specs,
            seed: config.synth.seed,
            corpus: PathBuf::from("../corpus"),
        };
        let specs = specs::generate_specs(&corpus, &extracted, &opts).unwrap_or_else(|e| {
            eprintln!("error: {e}");
            std::process::exit(1)
        });
        specs::write_specs(&specs, &root.join("briefs")).expect("cannot write the specs");
        let docs = corpus
            .documents
            .iter()
            .zip(&extracted)
            .map(|(d, e)| DocInfo {
                id: d.id.clone(),
                tags: d.meta.tags.clone(),
                speakers: e.quotes.iter().filter_map(|q| q.speaker.clone()).collect(),
            })
            .collect();
        eprintln!(
            "generated the project in {} in {:.1}s",
            root.display(),
            started.elapsed().as_secs_f64()
        );
        Project {
            specs,
            docs,
            bytes: written.bytes,
        }
    }

    fn outputs(&self) -> usize {
        self.specs.iter().map(|s| s.outputs.len()).sum()
    }

    /// How many specs name each document.
    fn readers(&self) -> BTreeMap<&str, usize> {
        let mut readers = BTreeMap::new();
        for s in &self.specs {
            for d in &s.named {
                *readers.entry(d.as_str()).or_default() += 1;
            }
        }
        readers
    }

    fn describe(&self, config: &Config) {
        let two = self.specs.iter().filter(|s| s.outputs.len() == 2).count();
        let wide = self.specs.iter().filter(|s| s.wide.is_some()).count();
        println!(
            "project  {} docs ({:.1} MB, seed {}), {} specs → {} outputs (.md + .pdf each); \
             {two} specs with two audiences, {wide} with a corpus-wide query",
            self.docs.len(),
            self.bytes as f64 / 1e6,
            config.synth.seed,
            self.specs.len(),
            self.outputs(),
        );
        let mut histogram: BTreeMap<usize, usize> = BTreeMap::new();
        for &k in self.readers().values() {
            *histogram.entry(k).or_default() += 1;
        }
        let named: usize = histogram.values().sum();
        let shown: Vec<String> = histogram.iter().map(|(k, n)| format!("{n}×{k}")).collect();
        println!(
            "named    {named} documents are named by a spec (documents×specs: {}); {} by none",
            shown.join(", "),
            self.docs.len() - named
        );
        println!(
            "machine  {} CPUs, {}; brief = {}",
            std::thread::available_parallelism().map_or(0, |n| n.get()),
            cpu_model(),
            config.brief.display()
        );
    }

    fn outputs_on_disk(&self, root: &Path) -> usize {
        self.specs
            .iter()
            .flat_map(|s| s.outputs.iter().map(move |o| (s, o)))
            .filter(|(s, o)| {
                let stem = o.audience.as_deref().unwrap_or("brief");
                let base = root.join("out").join(&s.name).join(stem);
                base.with_extension("md").is_file() && base.with_extension("pdf").is_file()
            })
            .count()
    }

    /// The documents to change, one build each: one named by about
    /// `config.readers` specs, the most-read one, and one no spec names but
    /// a corpus-wide query ranges over.
    fn changes(&self, config: &Config) -> Vec<Change> {
        let readers = self.readers();
        let mut changes: Vec<Change> = Vec::new();
        let mut add = |doc: &str, why: String| {
            if !changes.iter().any(|c| c.doc == doc) {
                let n = changes.len() + 1;
                changes.push(Change {
                    doc: doc.to_string(),
                    why,
                    n,
                });
            }
        };
        if let Some((doc, k)) = readers
            .iter()
            .min_by_key(|(d, k)| (k.abs_diff(config.readers), **d))
        {
            add(doc, format!("named by {k} specs"));
        }
        if let Some((doc, k)) = readers
            .iter()
            .max_by_key(|(d, k)| (**k, std::cmp::Reverse(**d)))
        {
            add(doc, format!("named by {k} specs, the most-read document"));
        }
        if let Some((doc, why)) = self.unnamed_in_range(&readers) {
            add(doc, why);
        }
        changes
    }

    /// A document no spec names, preferably one a corpus-wide query selects
    /// from (it has the query's tag, or a quote by its speaker).
    fn unnamed_in_range(&self, readers: &BTreeMap<&str, usize>) -> Option<(&str, String)> {
        let unnamed: Vec<&DocInfo> = self
            .docs
            .iter()
            .filter(|d| !readers.contains_key(d.id.as_str()))
            .collect();
        for spec in &self.specs {
            let (found, what) = match &spec.wide {
                Some(Wide::Tagged { tag, .. }) => (
                    unnamed.iter().find(|d| d.tags.contains(tag)),
                    format!("tagged `{tag}`"),
                ),
                Some(Wide::Speaker(name) | Wide::RecentSpeaker(name)) => (
                    unnamed.iter().find(|d| d.speakers.contains(name)),
                    format!("quoting {name}"),
                ),
                None => continue,
            };
            if let Some(d) = found {
                let why = format!(
                    "named by no spec; {what}, in range of {}'s corpus-wide query",
                    spec.name
                );
                return Some((d.id.as_str(), why));
            }
        }
        unnamed
            .last()
            .map(|d| (d.id.as_str(), "named by no spec".to_string()))
    }
}

/// One document changed: a new paragraph with a quotation by a named speaker.
struct Change {
    doc: String,
    why: String,
    n: usize,
}

impl Change {
    fn path(&self, root: &Path) -> PathBuf {
        root.join("corpus").join(format!("{}.md", self.doc))
    }

    fn apply(&self, root: &Path) {
        let path = self.path(root);
        let mut text = std::fs::read_to_string(&path).expect("the document to change");
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!(
            "\n“We counted {} new arrivals in a single week, more than in any month last year,” \
             said {NEW_SPEAKER}, a researcher who has followed the route since 2021.\n",
            310 + self.n
        ));
        std::fs::write(&path, &text).expect("cannot change the document");
    }

    /// Whether the change is what it says: the document now has a quote by
    /// the new speaker (else the benchmark changed only whitespace, in effect).
    fn extracted_quote(&self, root: &Path) -> bool {
        let path = self.path(root);
        let Ok(bytes) = std::fs::read(&path) else {
            return false;
        };
        load_file(&path, &bytes).is_ok_and(|l| {
            extract(&l.document)
                .quotes
                .iter()
                .any(|q| q.speaker.as_deref() == Some(NEW_SPEAKER))
        })
    }

    fn report(&self, project: &Project, result: &Build, root: &Path) {
        let required: BTreeSet<(&str, Option<&str>)> = project
            .specs
            .iter()
            .flat_map(|s| s.outputs.iter().map(move |o| (s, o)))
            .filter(|(_, o)| o.shows.contains(&self.doc))
            .map(|(s, o)| (s.name.as_str(), o.audience.as_deref()))
            .collect();
        let allowed: BTreeMap<&str, usize> = project
            .specs
            .iter()
            .filter(|s| s.may_depend_on(&self.doc))
            .map(|s| (s.name.as_str(), s.outputs.len()))
            .collect();
        let at_most: usize = allowed.values().sum();
        let naming_outputs: usize = project
            .specs
            .iter()
            .filter(|s| s.named.contains(&self.doc))
            .map(|s| s.outputs.len())
            .sum();
        println!(
            "change   {} ({}): appended a quotation by {NEW_SPEAKER}{}",
            self.doc,
            self.why,
            if self.extracted_quote(root) {
                ""
            } else {
                " (NOT extracted as a quote)"
            }
        );
        println!(
            "         {:>9.3} s  {}",
            result.wall.as_secs_f64(),
            result.summary_text()
        );
        println!(
            "expected at least {} rebuilt (the outputs that show it), at most {at_most} (the {naming_outputs} \
             outputs of the specs naming it, and those of specs with a corpus-wide query)",
            required.len(),
        );
        let Some(summary) = &result.summary else {
            println!("check    summary line missing: cannot tell what was rebuilt");
            return;
        };
        let mut problems = Vec::new();
        let total = summary.rebuilt + summary.up_to_date;
        if total != project.outputs() {
            problems.push(format!(
                "the summary counts {total} outputs, not {}",
                project.outputs()
            ));
        }
        if summary.rebuilt < required.len() || summary.rebuilt > at_most {
            problems.push(format!(
                "{} rebuilt, outside {}..={at_most}",
                summary.rebuilt,
                required.len()
            ));
        }
        if !result.rebuilding.is_empty() {
            if result.rebuilding.len() != summary.rebuilt {
                problems.push(format!(
                    "{} `rebuilding` lines for {} rebuilt",
                    result.rebuilding.len(),
                    summary.rebuilt
                ));
            }
            let missed: Vec<String> = required
                .iter()
                .filter(|(spec, audience)| {
                    !result.rebuilding.iter().any(|(s, a)| {
                        s == spec && (audience.is_none() || a.as_deref() == *audience)
                    })
                })
                .map(|(s, a)| format!("{s} [{}]", a.unwrap_or("brief")))
                .collect();
            if !missed.is_empty() {
                problems.push(format!("not rebuilt: {}", missed.join(", ")));
            }
            let extra: BTreeSet<&str> = result
                .rebuilding
                .iter()
                .map(|(s, _)| s.as_str())
                .filter(|s| !allowed.contains_key(s))
                .collect();
            if !extra.is_empty() {
                let extra: Vec<&str> = extra.into_iter().collect();
                problems.push(format!(
                    "rebuilt without depending on it: {}",
                    extra.join(", ")
                ));
            }
        }
        if problems.is_empty() {
            println!(
                "check    ok: {} rebuilt, {} up to date",
                summary.rebuilt, summary.up_to_date
            );
        } else {
            println!("check    UNEXPECTED: {}", problems.join("; "));
        }
    }
}

/// One `brief build` process: its wall time and what it said it rebuilt.
struct Build {
    wall: Duration,
    summary: Option<Summary>,
    /// (spec file stem, audience) of each `rebuilding` line.
    rebuilding: Vec<(String, Option<String>)>,
}

impl Build {
    fn summary_text(&self) -> String {
        match &self.summary {
            Some(s) => s.line.clone(),
            None => "summary line missing".into(),
        }
    }
}

/// Runs `brief build` in the project; a failed build stops the benchmark.
fn build(config: &Config, root: &Path) -> Build {
    let started = Instant::now();
    let output = Command::new(&config.brief)
        .arg("build")
        .current_dir(root)
        .env("BRIEF_TODAY", TODAY)
        .env_remove("BRIEF_CORPUS")
        .env_remove("BRIEF_TIMINGS")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", config.brief.display()));
    let wall = started.elapsed();
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(30).collect();
        eprintln!("error: `brief build` failed ({})", output.status);
        for line in tail.into_iter().rev() {
            eprintln!("  {line}");
        }
        std::process::exit(1);
    }
    Build {
        wall,
        summary: parse_summary(&stdout),
        rebuilding: stdout.lines().filter_map(parse_rebuilding).collect(),
    }
}

#[derive(Debug, PartialEq)]
struct Summary {
    rebuilt: usize,
    up_to_date: usize,
    /// The line as printed.
    line: String,
}

/// `3 rebuilt, 197 up to date in 41 ms`, the last line of stdout; words
/// around the numbers may change without breaking the benchmark.
fn parse_summary(stdout: &str) -> Option<Summary> {
    let line = stdout.lines().rev().find(|l| !l.trim().is_empty())?.trim();
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', '.']))
        .collect();
    let before = |i: usize| -> Option<usize> {
        words
            .get(i.checked_sub(1)?)?
            .replace([',', '_'], "")
            .parse()
            .ok()
    };
    let rebuilt = before(words.iter().position(|w| *w == "rebuilt")?)?;
    let up = words
        .windows(3)
        .position(|w| w == ["up", "to", "date"])
        .or_else(|| words.iter().position(|w| *w == "up-to-date"))?;
    Some(Summary {
        rebuilt,
        up_to_date: before(up)?,
        line: line.to_string(),
    })
}

/// `rebuilding briefs/spec-007.yaml (press): the corpus changed` → ("spec-007", Some("press")).
fn parse_rebuilding(line: &str) -> Option<(String, Option<String>)> {
    let rest = line.trim().strip_prefix("rebuilding ")?;
    let head = rest
        .split_once(": ")
        .map_or(rest, |(h, _)| h)
        .trim_end_matches(':');
    let (path, audience) = match head.split_once(" (") {
        Some((p, a)) => (p, Some(a.trim_end_matches(')').to_string())),
        None => (head, None),
    };
    let stem = Path::new(path.trim())
        .file_stem()?
        .to_string_lossy()
        .into_owned();
    Some((stem, audience))
}

/// The parsers against the documented output, so a broken parser is not
/// mistaken for a broken build.
fn self_check() {
    let summary = parse_summary("built a → b in 3 ms\n3 rebuilt, 197 up to date in 41 ms\n");
    assert_eq!(
        summary.map(|s| (s.rebuilt, s.up_to_date)),
        Some((3, 197)),
        "summary parser"
    );
    assert_eq!(
        parse_summary("built a → b in 3 ms\n"),
        None,
        "summary parser"
    );
    assert_eq!(
        parse_rebuilding("rebuilding briefs/spec-007.yaml (press): doc-00042 changed"),
        Some(("spec-007".to_string(), Some("press".to_string()))),
        "rebuilding parser"
    );
    assert_eq!(
        parse_rebuilding("rebuilding briefs/spec-008.yaml: the spec changed"),
        Some(("spec-008".to_string(), None)),
        "rebuilding parser"
    );
}

#[derive(Debug)]
struct Times {
    min: Duration,
    median: Duration,
    max: Duration,
}

impl Times {
    fn of(times: impl Iterator<Item = Duration>) -> Times {
        let mut times: Vec<Duration> = times.collect();
        times.sort();
        Times {
            min: times[0],
            median: times[times.len() / 2],
            max: times[times.len() - 1],
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

impl Config {
    fn from_args_and_env() -> Result<Config, String> {
        let options = Options::parse(
            &[
                ("--docs", "BRIEF_BENCH_DOCS"),
                ("--specs", "BRIEF_BENCH_SPECS"),
                ("--runs", "BRIEF_BENCH_RUNS"),
                ("--seed", "BRIEF_BENCH_SEED"),
                ("--readers", "BRIEF_BENCH_READERS"),
            ],
            &["--keep"],
        )?;
        let config = Config {
            synth: SynthOptions {
                docs: options.number("--docs", synth::DEFAULT_DOCS)?,
                seed: options.number("--seed", synth::DEFAULT_SEED)?,
                ..SynthOptions::default()
            },
            specs: options.number("--specs", specs::DEFAULT_SPECS)?,
            runs: options.number("--runs", 10)?,
            readers: options.number("--readers", 3)?,
            keep: options.switch("--keep"),
            brief: std::env::var("BRIEF_BENCH_BIN")
                .ok()
                .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_brief")), PathBuf::from),
        };
        if config.synth.docs == 0 || config.specs == 0 || config.runs == 0 {
            return Err("--docs, --specs and --runs must be at least 1".into());
        }
        Ok(config)
    }
}
