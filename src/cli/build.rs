//! `brief build`: compile specs to Markdown and PDF, one of each per audience.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::compile::{Compiler, Output, Prepared, write_atomically};
use crate::render::typst::pdf::typeset;
use crate::render::typst::{Fonts, PdfStandard, parse_standard};

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
    /// Also write the generated Typst source (`<audience>.typ`) beside each PDF
    #[arg(long, value_name = "WHAT", value_parser = ["typst"])]
    pub emit: Vec<String>,
    /// Make the PDFs conform to a standard: a-1b, a-2b, a-3b, ua-1, …
    #[arg(long, value_name = "STANDARD", value_parser = parse_standard)]
    pub pdf_standard: Option<PdfStandard>,
    /// More fonts: a directory searched before the system's fonts (repeatable)
    #[arg(
        long,
        value_name = "DIR",
        env = "BRIEF_FONT_PATHS",
        value_delimiter = ':'
    )]
    pub font_path: Vec<PathBuf>,
    /// Write Markdown only
    #[arg(long)]
    pub no_pdf: bool,
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
    // The two slow set-ups, citation locales and fonts, start now on other
    // threads and overlap with reading specs and the corpus; fonts are then
    // shared by every PDF of the run.
    crate::cite::warm_up();
    if !args.no_pdf {
        let dirs = args.font_path.clone();
        std::thread::spawn(move || Fonts::load(&dirs));
    }
    let mut fonts: Option<Arc<Fonts>> = None;
    specs::run(&mut compiler, &spec_paths, |compiler, prepared| {
        let started = Instant::now();
        let outputs = match compiler.outputs(prepared, args.audience.as_deref()) {
            Ok(o) => o,
            Err(d) => {
                report(&[d]);
                return Outcome::InputErrors;
            }
        };
        specs::timing("resolve and render Markdown and Typst", started);
        let mut outcome = Outcome::Ok;
        for output in outputs {
            let loading = Instant::now();
            let fonts = (!args.no_pdf).then(|| {
                fonts
                    .get_or_insert_with(|| Fonts::load(&args.font_path))
                    .clone()
            });
            specs::timing("fonts", loading);
            let this = write_output(
                &args,
                &out_dir,
                prepared,
                &output,
                fonts.as_deref(),
                started,
            );
            outcome = outcome.max(this);
        }
        outcome
    })
}

/// Writes one audience's files: Markdown, the PDF (unless `--no-pdf`) and,
/// with `--emit typst`, the PDF's source. The PDF is typeset first: if that
/// fails (a template error), nothing of this output is replaced, so the
/// Markdown and PDF on disk always match.
fn write_output(
    args: &BuildArgs,
    out_dir: &std::path::Path,
    prepared: &Prepared,
    output: &Output,
    fonts: Option<&Fonts>,
    started: Instant,
) -> Outcome {
    let md = out_dir.join(&output.relative);
    let pdf = match fonts {
        None => None,
        Some(fonts) => {
            match typeset(
                &output.brief,
                &output.typst,
                &prepared.template,
                fonts,
                args.pdf_standard,
            ) {
                Ok(typeset) => {
                    report(&typeset.warnings);
                    let t = typeset.pdf.timings;
                    if specs::timings_on() {
                        eprintln!(
                            "timing: typst compile: {:.1} ms, export: {:.1} ms",
                            t.compile.as_secs_f64() * 1000.0,
                            t.export.as_secs_f64() * 1000.0
                        );
                    }
                    Some(typeset.pdf.bytes)
                }
                Err(diagnostics) => {
                    report(&diagnostics);
                    eprintln!("{}: not written (the PDF failed)", md.display());
                    return Outcome::InputErrors;
                }
            }
        }
    };
    let mut outcome = write(&md, output.markdown.as_bytes(), prepared, started);
    if args.emit.iter().any(|e| e == "typst") {
        let typ = md.with_extension("typ");
        outcome = outcome.max(write(&typ, output.typst.as_bytes(), prepared, started));
    }
    if let Some(bytes) = pdf {
        outcome = outcome.max(write(&md.with_extension("pdf"), &bytes, prepared, started));
    }
    outcome
}

fn write(path: &std::path::Path, bytes: &[u8], prepared: &Prepared, started: Instant) -> Outcome {
    match write_atomically(path, bytes) {
        Ok(()) => {
            println!(
                "built {} → {} in {} ms",
                prepared.spec.path.display(),
                path.display(),
                started.elapsed().as_millis()
            );
            Outcome::Ok
        }
        Err(e) => {
            eprintln!(
                "error: cannot write `{}`: {}",
                path.display(),
                crate::corpus::io_reason(&e)
            );
            Outcome::UsageOrIo
        }
    }
}
