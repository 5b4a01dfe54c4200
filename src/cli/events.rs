//! The build engine's events as a terminal shows them: progress on stdout,
//! problems and waiting on stderr.

use crate::build::{Event, Sink};

use super::report;

/// Prints each event as it comes.
#[derive(Debug, Default)]
pub struct Printer;

impl Sink for Printer {
    fn event(&mut self, event: Event) {
        match event {
            Event::Diagnostics(diagnostics) => report(&diagnostics),
            Event::NothingWritten { spec, errors } => eprintln!(
                "{}: {errors} error{}; nothing written",
                spec.display(),
                if errors == 1 { "" } else { "s" }
            ),
            Event::Rebuilding {
                spec,
                audience,
                reason,
            } => {
                let audience = audience.map(|a| format!(" ({a})")).unwrap_or_default();
                say!("rebuilding {}{audience}: {reason}", spec.display());
            }
            Event::Built {
                spec,
                file,
                elapsed,
            } => say!(
                "built {} → {} in {} ms",
                spec.display(),
                file.display(),
                elapsed.as_millis()
            ),
            Event::NotWritten { output, format } => {
                eprintln!("{}: not written (the {format} failed)", output.display());
            }
            Event::Removed { file } => say!("removed {} (no longer built)", file.display()),
            Event::Waiting { lock, holder } => eprintln!(
                "waiting for `{}`: {holder} is writing this output directory",
                lock.display()
            ),
            Event::EditionFiled { spec, dir, trigger } => say!(
                "{}: new edition {} ({trigger})",
                spec.display(),
                dir.display()
            ),
            Event::NoEdition { spec } => {
                eprintln!("{}: no new edition (the build failed)", spec.display());
            }
            Event::Timing { phase, elapsed } => {
                eprintln!("timing: {phase}: {:.1} ms", elapsed.as_secs_f64() * 1000.0);
            }
        }
    }
}
