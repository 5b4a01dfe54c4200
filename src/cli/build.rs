//! `brief build`: compile specs to Markdown, one file per audience.

use std::path::PathBuf;
use std::time::Instant;

use crate::compile::{Compiler, write_atomically};

use super::specs::{self, SpecArgs};
use super::{CorpusArgs, Outcome, report};

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub specs: SpecArgs,
    /// Build only this audience
    #[arg(long, value_name = "ID")]
    pub audience: Option<String>,
    /// Output directory [default: `out/` in the project root]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

pub fn run(args: BuildArgs) -> Outcome {
    let (today, spec_paths) = match specs::start(&args.specs) {
        Ok(started) => started,
        Err(outcome) => return outcome,
    };
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| specs::project_root().join("out"));
    let mut compiler = Compiler::new(args.corpus.corpus.clone(), today);
    specs::run(&mut compiler, &spec_paths, |compiler, prepared| {
        let started = Instant::now();
        let outputs = match compiler.outputs(prepared, args.audience.as_deref()) {
            Ok(o) => o,
            Err(d) => {
                report(&[d]);
                return Outcome::InputErrors;
            }
        };
        let mut outcome = Outcome::Ok;
        for output in outputs {
            let path = out_dir.join(&output.relative);
            match write_atomically(&path, output.markdown.as_bytes()) {
                Ok(()) => println!(
                    "built {} → {} in {} ms",
                    prepared.spec.path.display(),
                    path.display(),
                    started.elapsed().as_millis()
                ),
                Err(e) => {
                    eprintln!(
                        "error: cannot write `{}`: {}",
                        path.display(),
                        crate::corpus::io_reason(&e)
                    );
                    outcome = Outcome::UsageOrIo;
                }
            }
        }
        outcome
    })
}
