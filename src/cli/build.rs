//! `brief build`: compile specs to Markdown and PDF, one of each per audience,
//! rebuilding only the outputs whose inputs changed since the last build.
//! The work is the library's build engine ([`crate::build`]); this is its
//! command line: arguments in, events printed.

use std::path::PathBuf;

use crate::build::{BuildOptions, Engine, Mode, formats};
use crate::regen::lock::Wait;
use crate::render::typst::{PdfStandard, parse_standard};

use super::events::Printer;
use super::specs::{self, SpecArgs};
use super::{CorpusArgs, Outcome};

#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub specs: SpecArgs,
    /// Build only this audience
    #[arg(long, value_name = "ID")]
    pub audience: Option<String>,
    /// Output directory [default: `out/` in the project root]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Rebuild every output, fresh or not
    #[arg(long)]
    pub force: bool,
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
    #[arg(long, conflicts_with = "format")]
    pub no_pdf: bool,
    /// The formats to write, comma-separated: md (with its chart SVGs), pdf,
    /// html, docx, … [default: the spec's `formats:`, else md,pdf]
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        value_parser = format_name
    )]
    pub format: Vec<&'static str>,
    /// Fail at once, instead of waiting, when another `brief` process is
    /// writing the output directory
    #[arg(long)]
    pub no_wait: bool,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// A format name as `--format` takes it: one an analyst may select.
fn format_name(name: &str) -> Result<&'static str, String> {
    crate::render::selectable()
        .find(|n| *n == name)
        .ok_or_else(|| {
            let known: Vec<&str> = crate::render::selectable().collect();
            let list = known.join(", ");
            match crate::suggest::did_you_mean(name, known.iter().copied()) {
                Some(near) => {
                    format!("not a format (did you mean `{near}`?); the formats are {list}")
                }
                None => format!("not a format; the formats are {list}"),
            }
        })
}

pub fn run(args: BuildArgs) -> Outcome {
    let (today, spec_paths) = match specs::start(&args.specs) {
        Ok(started) => started,
        Err(outcome) => return outcome,
    };
    let mut engine = Engine::new(options(&args, "brief build", Mode::Build));
    let summary = engine.run(&spec_paths, today, &mut Printer);
    say!("{summary}");
    summary.outcome
}

/// The engine's options from the command line, the environment and the
/// defaults: the one place they meet.
pub fn options(args: &BuildArgs, command: &'static str, mode: Mode) -> BuildOptions {
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| specs::project_root().join("out"));
    // Either flag wins over every spec's own `formats:`.
    let formats = match args.format.is_empty() {
        true if args.no_pdf => Some(vec!["md"]),
        true => None,
        false => Some(formats(&args.format)),
    };
    BuildOptions {
        out_named: args.out.is_some(),
        audience: args.audience.clone(),
        force: args.force,
        formats,
        emit_typst: args.emit.iter().any(|e| e == "typst"),
        pdf_standard: args.pdf_standard,
        font_paths: args.font_path.clone(),
        wait: if args.no_wait {
            Wait::NoWait
        } else {
            Wait::Block
        },
        corpus: args.corpus.corpus.clone(),
        command,
        mode,
        timings: specs::timings_on(),
        ..BuildOptions::new(out_dir)
    }
}
