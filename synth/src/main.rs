//! Writes a synthetic corpus to a directory, and optionally briefing specs
//! over it, for benchmarking the CLI end to end and for trying `brief` on a
//! project larger than the shipped one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use brief::diag::io_reason;
use brief_synth::{self as synth, SynthOptions};
use clap::Parser;

#[derive(Debug, Parser)]
#[command(
    name = "brief-synth",
    about = "Write a synthetic corpus built from the shipped articles, and specs over it",
    after_help = "Examples:\n  brief-synth --docs 10000 --out /tmp/synth\n  brief-synth --docs 10000 --out /tmp/p/corpus --specs 100    # a project: /tmp/p/{corpus,briefs}\n\nThe same options always write byte-identical files; generated files of an\nearlier, larger run in DIR are removed, other files are left alone."
)]
struct Args {
    /// Number of documents.
    #[arg(long, default_value_t = synth::DEFAULT_DOCS)]
    docs: usize,
    /// Directory to write `doc-00001.md` … into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Seed of the generator (of the documents and of the specs).
    #[arg(long, default_value_t = synth::DEFAULT_SEED)]
    seed: u64,
    /// Approximate size of each file, in bytes (each lands within ±30%).
    #[arg(long, value_name = "BYTES", default_value_t = synth::DEFAULT_BYTES_PER_DOC)]
    size: usize,
    /// Number of briefing specs to write over the corpus (`spec-001.yaml` …).
    #[arg(long, value_name = "N", default_value_t = 0)]
    specs: usize,
    /// Directory for the specs [default: `briefs/` beside the corpus directory]
    #[arg(long, value_name = "DIR")]
    specs_out: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.size < 500 {
        eprintln!("error: --size must be at least 500 bytes (front matter alone takes ~300)");
        return ExitCode::from(2);
    }
    let opts = SynthOptions {
        docs: args.docs,
        target_bytes_per_doc: args.size,
        seed: args.seed,
    };
    let started = Instant::now();
    match synth::write_corpus(&opts, &args.out) {
        Ok(written) => {
            let removed = match written.removed {
                0 => String::new(),
                n => format!("; removed {n} stale generated files"),
            };
            eprintln!(
                "wrote {} documents, {:.1} MB, to {} in {:.2}s{removed}",
                written.files,
                written.bytes as f64 / 1e6,
                args.out.display(),
                started.elapsed().as_secs_f64()
            );
        }
        Err(e) => {
            eprintln!(
                "error: failed to write the corpus to `{}` ({})",
                args.out.display(),
                io_reason(&e)
            );
            return ExitCode::from(2);
        }
    }
    if args.specs == 0 {
        return ExitCode::SUCCESS;
    }
    let dir = args
        .specs_out
        .clone()
        .unwrap_or_else(|| args.out.join("..").join("briefs"));
    match write_specs(&args, &dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Writes the specs over the corpus just written and says what it wrote.
fn write_specs(args: &Args, dir: &Path) -> Result<(), String> {
    let started = Instant::now();
    let done = brief_synth::write_specs_over(&args.out, dir, args.specs, args.seed)?;
    let removed = match done.written.removed {
        0 => String::new(),
        n => format!("; removed {n} stale generated specs"),
    };
    eprintln!(
        "wrote {} specs ({} outputs) to {} in {:.2}s{removed}",
        done.written.files,
        done.outputs,
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
