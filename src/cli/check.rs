//! `brief check`: validate specs against the corpus without writing anything.

use crate::compile::Compiler;

use super::specs::{self, SpecArgs};
use super::{CorpusArgs, Outcome};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub specs: SpecArgs,
    /// List what each selector matched
    #[arg(long, short)]
    pub verbose: bool,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

pub fn run(args: CheckArgs) -> Outcome {
    let (today, spec_paths) = match specs::start(&args.specs) {
        Ok(started) => started,
        Err(outcome) => return outcome,
    };
    let mut compiler = Compiler::new(args.corpus.corpus.clone(), today);
    specs::run(&mut compiler, &spec_paths, |_, prepared| {
        let spec = &prepared.spec;
        let brief = &prepared.check.brief;
        let mut out = format!(
            "ok {}: {} sections, {} notes from {} sources\n",
            spec.path.display(),
            brief.sections.len(),
            brief.notes.len(),
            brief.sources.len()
        );
        if args.verbose {
            for m in &prepared.check.matches {
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
        super::print(&out);
        Outcome::Ok
    })
}
