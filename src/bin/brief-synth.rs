//! Writes a synthetic corpus to a directory, for benchmarking the CLI end to
//! end and for trying `brief` on a corpus larger than the shipped one.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use brief::synth::{self, SynthOptions};
use clap::Parser;

#[derive(Debug, Parser)]
#[command(
    name = "brief-synth",
    about = "Write a synthetic corpus built from the shipped articles",
    after_help = "Example:\n  brief-synth --docs 10000 --out /tmp/synth\n\nThe same options always write byte-identical files; generated files of an\nearlier, larger run in DIR are removed, other files are left alone."
)]
struct Args {
    /// Number of documents.
    #[arg(long, default_value_t = synth::DEFAULT_DOCS)]
    docs: usize,
    /// Directory to write `doc-00001.md` … into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Seed of the generator.
    #[arg(long, default_value_t = synth::DEFAULT_SEED)]
    seed: u64,
    /// Approximate size of each file, in bytes (each lands within ±30%).
    #[arg(long, value_name = "BYTES", default_value_t = synth::DEFAULT_BYTES_PER_DOC)]
    size: usize,
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
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "error: failed to write the corpus to `{}` ({})",
                args.out.display(),
                brief::corpus::io_reason(&e)
            );
            ExitCode::from(2)
        }
    }
}
