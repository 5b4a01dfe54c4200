//! Corpus benchmark: load and extract a generated corpus (default 10,000
//! documents of ~5 KB), on all cores and on one, and report throughput and
//! peak memory against the targets in BENCHMARKS.md.
//!
//! `cargo bench --bench corpus [-- --docs N --runs N --size BYTES --seed N]`,
//! or the same through `BRIEF_BENCH_DOCS`, `BRIEF_BENCH_RUNS`,
//! `BRIEF_BENCH_SIZE` and `BRIEF_BENCH_SEED`.
//!
//! `--once` runs a single load + extract on one thread and prints its counts,
//! without timing: the fixed workload to count instructions of, e.g.
//! `valgrind --tool=callgrind --toggle-collect='*load_and_extract*'`, which
//! stays comparable when the machine is too busy for wall-clock figures.
//!
//! Then each hostile document shape (`brief_synth::hostile`) is loaded and
//! extracted at 100 KB, 400 KB and 1.6 MB, printing seconds per MB at each
//! size: flat when extraction is linear, growing 4× a step when quadratic.
//! `--hostile` runs only that part; `--no-hostile` skips it.
//!
//! A plain `main` rather than a harness: the quantities that matter are whole
//! corpus passes of a second or so, their MB/s per core and the process's peak
//! RSS, which statistical micro-benchmark harnesses do not report.

// A report for the person running it: `println!` is disallowed only for the CLI.
#![allow(clippy::disallowed_macros)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use brief::corpus::Corpus;
use brief::extract::{Extracted, extract_all};
use brief_synth::{self as synth, SynthOptions};
use rayon::prelude::*;

mod common;
use common::{Options, cpu_model};

/// The allocator the `brief` binary uses (src/main.rs), so the benchmark
/// measures what a command does.
#[global_allocator]
static ALLOCATOR: std::alloc::System = std::alloc::System;
use mimalloc as _;

/// The per-core throughput the issue asks of load + extract.
const TARGET_MB_S_PER_CORE: f64 = 50.0;

#[derive(Debug)]
struct Config {
    synth: SynthOptions,
    runs: usize,
    once: bool,
    hostile: Hostile,
}

/// Whether to time the hostile shapes.
#[derive(Debug, PartialEq)]
enum Hostile {
    Also,
    Only,
    Skip,
}

fn main() {
    let config = match Config::from_args_and_env() {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!(
                "usage: cargo bench --bench corpus -- [--docs N] [--runs N] [--size BYTES] [--seed N]"
            );
            std::process::exit(2);
        }
    };
    if config.hostile == Hostile::Only {
        hostile();
        return;
    }
    let dir = prepare_corpus(&config.synth);
    if config.once {
        once(&dir);
        return;
    }
    let bytes = corpus_bytes(&dir);
    let mb = bytes as f64 / 1e6;
    let threads = rayon::current_num_threads();
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");

    // Memory first, before timing runs leave freed memory in the allocator:
    // the peak while the loaded corpus and its extractions are both alive.
    let rss_before = status_kib("VmRSS");
    let peak_reset = reset_peak_rss();
    let (corpus, extracted) = load_and_extract(&dir);
    let peak = status_kib("VmHWM");
    let counts = Counts::of(&corpus, &extracted);
    drop(extracted);

    let [load, extract, both] = measure(&dir, &corpus, config.runs);
    let [load_1, extract_1, both_1] = single.install(|| measure(&dir, &corpus, config.runs));

    println!(
        "corpus   {} docs, {:.1} MB ({:.0} B/doc), seed {}, in {}",
        thousands(counts.documents),
        mb,
        bytes as f64 / counts.documents.max(1) as f64,
        config.synth.seed,
        dir.display()
    );
    println!(
        "machine  {} rayon threads, {} CPUs, {}",
        threads,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model()
    );
    println!(
        "found    {} sections, {} paragraphs, {} quotes, {} figures; {} warnings, {} errors",
        thousands(counts.sections),
        thousands(counts.paragraphs),
        thousands(counts.quotes),
        thousands(counts.figures),
        thousands(counts.warnings),
        thousands(counts.errors),
    );
    println!();
    println!(
        "{:<14} {:>7} {:>8} {:>9} {:>8} {:>10}",
        "stage", "threads", "min s", "median s", "MB/s", "MB/s/core"
    );
    let rows = [
        ("load", threads, &load),
        ("extract", threads, &extract),
        ("load+extract", threads, &both),
        ("load", 1, &load_1),
        ("extract", 1, &extract_1),
        ("load+extract", 1, &both_1),
    ];
    for (stage, n, times) in rows {
        let rate = mb / times.median.as_secs_f64();
        println!(
            "{:<14} {:>7} {:>8.3} {:>9.3} {:>8.1} {:>10.1}",
            stage,
            n,
            times.min.as_secs_f64(),
            times.median.as_secs_f64(),
            rate,
            rate / n as f64
        );
    }
    println!();
    let per_core_measured = mb / both_1.median.as_secs_f64();
    let per_core_parallel = mb / both.median.as_secs_f64() / threads as f64;
    println!(
        "speedup  load+extract on {threads} threads vs 1: {:.2}x",
        both_1.median.as_secs_f64() / both.median.as_secs_f64()
    );
    println!(
        "target   >= {TARGET_MB_S_PER_CORE:.0} MB/s per core for load+extract: {:.1} MB/s on 1 thread, {:.1} MB/s/core on {threads}: {}",
        per_core_measured,
        per_core_parallel,
        if per_core_measured.min(per_core_parallel) >= TARGET_MB_S_PER_CORE {
            "met"
        } else {
            "NOT met"
        }
    );
    match (peak, rss_before) {
        (Some(peak), Some(before)) => println!(
            "memory   peak RSS {:.0} MB during load+extract ({:.2}x the corpus; {:.0} MB before){}",
            peak as f64 * 1024.0 / 1e6,
            peak as f64 * 1024.0 / bytes as f64,
            before as f64 * 1024.0 / 1e6,
            if peak_reset {
                ""
            } else {
                "; peak not resettable here, so it covers the whole process"
            }
        ),
        _ => println!("memory   peak RSS unavailable (no /proc/self/status)"),
    }
    println!("runs     {} per row; min and median wall time", config.runs);
    if config.hostile == Hostile::Also {
        println!();
        hostile();
    }
}

/// The hostile sizes: each 4× the last, so quadratic work shows as 4× the time per MB.
const HOSTILE_SIZES: [usize; 3] = [100_000, 400_000, 1_600_000];

/// Loads and extracts each hostile shape at each size, on this thread, and
/// prints the time per MB: the same at every size when the work is linear.
fn hostile() {
    println!(
        "hostile  load + extract of one document, 1 thread; s/MB at {}",
        HOSTILE_SIZES.map(|b| format!("{} KB", b / 1000)).join(", ")
    );
    println!(
        "{:<24} {:>9} {:>9} {:>9} {:>7} {:>9} {:>8}",
        "shape", "s/MB", "s/MB", "s/MB", "growth", "MB/s", "quotes"
    );
    for shape in brief_synth::hostile::SHAPES {
        let mut per_mb = Vec::new();
        let mut quotes = 0;
        for bytes in HOSTILE_SIZES {
            let text = format!("---\ntitle: Hostile\n---\n\n{}\n", shape.body(bytes));
            // The best of a few runs at the small sizes: they are quick and noisy.
            let runs = if bytes < 1_000_000 { 3 } else { 1 };
            let times = time_runs(runs, || {
                let loaded = brief::corpus::load_file(Path::new("hostile.md"), text.as_bytes())
                    .unwrap_or_else(|d| panic!("{} does not load: {d:?}", shape.name));
                let extracted = brief::extract::extract(&loaded.document);
                quotes = extracted.quotes.len();
                (extracted.paragraphs.len().max(1), extracted)
            });
            per_mb.push(times.min.as_secs_f64() / (text.len() as f64 / 1e6));
        }
        println!(
            "{:<24} {:>9.4} {:>9.4} {:>9.4} {:>6.1}x {:>9.1} {:>8}",
            shape.name,
            per_mb[0],
            per_mb[1],
            per_mb[2],
            per_mb[2] / per_mb[0],
            1.0 / per_mb[2],
            thousands(quotes)
        );
    }
    println!(
        "growth   s/MB at the largest size over the smallest: about 1x when linear, 16x when quadratic"
    );
}

impl Config {
    fn from_args_and_env() -> Result<Config, String> {
        let options = Options::parse(
            &[
                ("--docs", "BRIEF_BENCH_DOCS"),
                ("--runs", "BRIEF_BENCH_RUNS"),
                ("--size", "BRIEF_BENCH_SIZE"),
                ("--seed", "BRIEF_BENCH_SEED"),
            ],
            &["--once", "--hostile", "--no-hostile"],
        )?;
        let config = Config {
            synth: SynthOptions {
                docs: options.number("--docs", synth::DEFAULT_DOCS)?,
                target_bytes_per_doc: options.number("--size", synth::DEFAULT_BYTES_PER_DOC)?,
                seed: options.number("--seed", synth::DEFAULT_SEED)?,
            },
            runs: options.number("--runs", 5)?,
            once: options.switch("--once"),
            hostile: match (options.switch("--hostile"), options.switch("--no-hostile")) {
                (true, false) => Hostile::Only,
                (false, true) => Hostile::Skip,
                (false, false) => Hostile::Also,
                (true, true) => return Err("--hostile and --no-hostile contradict".into()),
            },
        };
        if config.synth.docs == 0 || config.runs == 0 {
            return Err("--docs and --runs must be at least 1".into());
        }
        Ok(config)
    }
}

/// One load + extract on a one-thread pool, for instruction counts: the
/// counts printed show the work was done, and are the same on every run.
fn once(dir: &Path) {
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    let (corpus, extracted) = single.install(|| load_and_extract(dir));
    let counts = Counts::of(&corpus, &extracted);
    println!(
        "once     {} docs: {} sections, {} paragraphs, {} quotes, {} figures",
        thousands(counts.documents),
        thousands(counts.sections),
        thousands(counts.paragraphs),
        thousands(counts.quotes),
        thousands(counts.figures),
    );
}

/// The generated corpus under the target directory, reused when a previous
/// run left one generated by the same parameters and the same generator code
/// (a fingerprint of the generated text tells; generating in memory to check
/// costs well under a second, unlike rewriting 10,000 files).
fn prepare_corpus(opts: &SynthOptions) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "synth-corpus/docs{}-size{}-seed{}",
        opts.docs, opts.target_bytes_per_doc, opts.seed
    ));
    // Hidden, so the corpus loader skips it.
    let marker = dir.join(".fingerprint");
    let fingerprint = format!("{:016x}\n", fingerprint(opts));
    if std::fs::read_to_string(&marker).is_ok_and(|m| m == fingerprint) {
        eprintln!("reusing the corpus in {}", dir.display());
        return dir;
    }
    let started = Instant::now();
    let _ = std::fs::remove_file(&marker);
    let written = synth::write_corpus(opts, &dir)
        .unwrap_or_else(|e| panic!("cannot write the corpus to {}: {e}", dir.display()));
    std::fs::write(&marker, fingerprint).expect("cannot write the corpus fingerprint");
    eprintln!(
        "generated {} documents ({:.1} MB) in {} in {:.2}s",
        written.files,
        written.bytes as f64 / 1e6,
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    dir
}

/// FNV-1a over every generated document, combined in order.
fn fingerprint(opts: &SynthOptions) -> u64 {
    fn fnv(bytes: &[u8], mut hash: u64) -> u64 {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        hash
    }
    let basis = 0xcbf2_9ce4_8422_2325;
    let hashes: Vec<u64> = (0..opts.docs)
        .into_par_iter()
        .map(|i| {
            let doc = synth::document(opts, i);
            fnv(doc.text.as_bytes(), fnv(doc.file_name.as_bytes(), basis))
        })
        .collect();
    hashes.iter().fold(basis, |h, d| fnv(&d.to_le_bytes(), h))
}

/// Bytes of the documents as stored, the measure every MB/s figure divides.
fn corpus_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".md"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// Times the three stages, each over `runs` runs, on the current rayon pool.
fn measure(dir: &Path, corpus: &Corpus, runs: usize) -> [Times; 3] {
    let load = time_runs(runs, || {
        let corpus = load_corpus(dir);
        (corpus.documents.len(), corpus)
    });
    let extract = time_runs(runs, || {
        let extracted = extract_all(&corpus.documents);
        (extracted.len(), extracted)
    });
    let both = time_runs(runs, || {
        let (corpus, extracted) = load_and_extract(dir);
        (corpus.documents.len(), (corpus, extracted))
    });
    [load, extract, both]
}

fn load_corpus(dir: &Path) -> Corpus {
    let corpus = Corpus::load(dir).unwrap_or_else(|e| panic!("{}", e.0));
    assert!(
        !corpus.has_errors(),
        "the generated corpus has errors: {:?}",
        corpus.diagnostics.iter().find(|d| d.is_error())
    );
    corpus
}

/// Never inlined: `--once` is counted by toggling callgrind on this symbol.
#[inline(never)]
fn load_and_extract(dir: &Path) -> (Corpus, Vec<Extracted>) {
    let corpus = load_corpus(dir);
    let extracted = extract_all(&corpus.documents);
    (corpus, extracted)
}

#[derive(Debug)]
struct Times {
    min: Duration,
    median: Duration,
}

/// Times `runs` calls of `work`. What it returns is dropped outside the timed
/// span: freeing a corpus is not part of loading one. The count it returns
/// must be non-zero, so the work cannot be skipped as unused.
fn time_runs<T>(runs: usize, mut work: impl FnMut() -> (usize, T)) -> Times {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let (n, result) = work();
        times.push(started.elapsed());
        assert!(n > 0);
        drop(std::hint::black_box(result));
    }
    times.sort();
    Times {
        min: times[0],
        median: times[times.len() / 2],
    }
}

#[derive(Debug, Default)]
struct Counts {
    documents: usize,
    sections: usize,
    paragraphs: usize,
    quotes: usize,
    figures: usize,
    warnings: usize,
    errors: usize,
}

impl Counts {
    fn of(corpus: &Corpus, extracted: &[Extracted]) -> Counts {
        let errors = corpus.diagnostics.iter().filter(|d| d.is_error()).count();
        Counts {
            documents: corpus.documents.len(),
            sections: extracted.iter().map(|e| e.sections.len()).sum(),
            paragraphs: extracted.iter().map(|e| e.paragraphs.len()).sum(),
            quotes: extracted.iter().map(|e| e.quotes.len()).sum(),
            figures: extracted.iter().map(|e| e.figures.len()).sum(),
            warnings: corpus.diagnostics.len() - errors,
            errors,
        }
    }
}

/// A field of `/proc/self/status`, in KiB.
fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|line| {
        let rest = line.strip_prefix(field)?.strip_prefix(':')?;
        rest.trim().trim_end_matches("kB").trim().parse().ok()
    })
}

/// Resets VmHWM to the current RSS (Linux 4.0+), so the peak reported is the
/// measured work's and not the corpus generation's.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
