//! What a build reports while it runs, as data: the engine never prints.
//! `brief build`, `watch` and `schedule` print events for a terminal; a
//! server or a test collects them.

use std::path::PathBuf;
use std::time::Duration;

use crate::diag::Diagnostic;

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Problems found (errors and warnings), in the order found.
    Diagnostics(Vec<Diagnostic>),
    /// A spec that produced nothing, after its diagnostics.
    NothingWritten { spec: PathBuf, errors: usize },
    /// An output is stale and is being built again.
    Rebuilding {
        spec: PathBuf,
        audience: Option<String>,
        reason: String,
    },
    /// A file was written.
    Built {
        spec: PathBuf,
        file: PathBuf,
        elapsed: Duration,
    },
    /// An output was not written because one of its formats failed; its
    /// files from the last good build stay.
    NotWritten {
        output: PathBuf,
        format: &'static str,
    },
    /// A file an output's previous build wrote and this one did not.
    Removed { file: PathBuf },
    /// Another process holds the output directory; the build waits.
    Waiting { lock: PathBuf, holder: String },
    /// A scheduled brief was filed as a new edition in `dir`.
    EditionFiled {
        spec: PathBuf,
        dir: PathBuf,
        trigger: String,
    },
    /// A due brief's build failed, so no edition was filed.
    NoEdition { spec: PathBuf },
    /// How long a phase took (only with [`super::BuildOptions::timings`]).
    Timing { phase: String, elapsed: Duration },
}

/// Where a build's events go.
pub trait Sink {
    fn event(&mut self, event: Event);

    /// Reports diagnostics, if there are any.
    fn diagnostics(&mut self, diagnostics: Vec<Diagnostic>) {
        if !diagnostics.is_empty() {
            self.event(Event::Diagnostics(diagnostics));
        }
    }
}

/// Collects events, for tests and callers that look at them afterwards.
impl Sink for Vec<Event> {
    fn event(&mut self, event: Event) {
        self.push(event);
    }
}
