//! `brief watch`: build, then build again whenever a spec, a corpus document
//! or a template changes, until stopped.
//!
//! Watching decides only *when* to build. *What* to rebuild is the build's
//! own decision, from its manifest of content hashes, so a change rebuilds
//! just the outputs that depend on it, and a spurious event costs one build
//! that finds nothing stale and prints nothing. A broken spec or template
//! fails its build as `brief build` would (errors on stderr, the last good
//! files left in place) and watching goes on. One [`Engine`] serves every
//! round, so fonts load once.

mod backend;
mod roots;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use crate::compile::Compiler;
use crate::diag::Diagnostic;
use crate::render::typst::evict_cache;

use crate::build::{Engine, Mode, Summary};

use super::build::BuildArgs;
use super::events::Printer;
use super::specs;
use super::{Outcome, report};
use backend::{Watcher, out_of_watches, reason};
use roots::Roots;

#[derive(Debug, Clone, clap::Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Rebuild once files have been left alone this long, so an editor's
    /// burst of saves makes one rebuild
    #[arg(
        long,
        value_name = "MS",
        default_value_t = 300,
        value_parser = clap::value_parser!(u64).range(10..=60_000)
    )]
    pub debounce: u64,
    /// Look for changes by polling every second instead of asking the
    /// operating system (for network and container-mounted file systems)
    #[arg(long)]
    pub poll: bool,
}

/// Typst memoises across compilations in a process-wide cache; results
/// unused for this many rounds are dropped, as `typst watch` does.
const CACHE_ROUNDS: usize = 10;

pub fn run(args: WatchArgs) -> Outcome {
    let (today, spec_paths) = match specs::start(&args.build.specs) {
        Ok(started) => started,
        Err(outcome) => return outcome,
    };
    // The debouncer holds each event back half the wait; the other half is
    // spent below waiting for quiet, so a burst is merged however long it
    // is, as long as its saves come closer together than that.
    let half = Duration::from_millis(args.debounce / 2);
    let mut watcher = match Watcher::start(args.poll, half) {
        Ok(w) => w,
        Err(why) => {
            report(&[Diagnostic::error(format!(
                "cannot watch for changes: {why}"
            ))]);
            return Outcome::UsageOrIo;
        }
    };
    let builder = Engine::new(super::build::options(
        &args.build,
        "brief watch",
        Mode::Build,
    ));
    let mut session = Session {
        roots: Roots::new(builder.out_dir()),
        builder,
        args,
        troubled: false,
        said: BTreeSet::new(),
    };
    // Watching starts before the first build, so nothing saved during it is missed.
    session.watch(&mut watcher, &spec_paths, today);
    let summary = session.builder.run(&spec_paths, today, &mut Printer);
    evict_cache(CACHE_ROUNDS);
    session.troubled = troubled(&summary);
    status(&summary);
    // `--force` is for the first build; after it, only changes rebuild.
    session.builder.options.force = false;
    say!(
        "watching {}, {}, templates ({}Ctrl-C to stop)",
        count(spec_paths.len(), "spec", "specs"),
        match session.roots.corpora {
            0 | 1 => "corpus".to_string(),
            n => format!("{n} corpora"),
        },
        if watcher.polling() {
            format!("polling every {} s; ", backend::POLL_INTERVAL.as_secs())
        } else {
            String::new()
        }
    );
    loop {
        let restart = match wait(&watcher, &mut session, half) {
            Wake::Changed => None,
            Wake::Stopped => {
                eprintln!("warning: the file watcher stopped; starting it again");
                Some(false)
            }
            Wake::OutOfWatches => {
                eprintln!("{OUT_OF_WATCHES}");
                Some(true)
            }
        };
        if let Some(poll) = restart {
            if let Err(why) = watcher.restart(poll) {
                report(&[Diagnostic::error(format!(
                    "cannot watch for changes: {why}"
                ))]);
                return Outcome::UsageOrIo;
            }
            session.roots.forget();
        }
        session.round(&mut watcher);
    }
}

const OUT_OF_WATCHES: &str = "warning: the system's limit on watched directories is reached (fs.inotify.max_user_watches); polling every second instead";

/// What lives from one round to the next.
#[derive(Debug)]
struct Session {
    args: WatchArgs,
    builder: Engine,
    roots: Roots,
    /// Whether the last round failed something, so the round that clears
    /// it says so even when it has nothing to rebuild.
    troubled: bool,
    /// The watcher's errors reported so far: polling would repeat an
    /// unreadable file's every second.
    said: BTreeSet<String>,
}

impl Session {
    /// One round after a change: find the specs again (new ones in
    /// `briefs/` are picked up), watch what they read now, and build.
    fn round(&mut self, watcher: &mut Watcher) {
        let today = match crate::clock::today() {
            Ok(today) => today,
            Err(e) => {
                report(&[Diagnostic::error(e)]);
                return;
            }
        };
        let spec_paths = match specs::find(&self.args.build.specs) {
            Ok(found) => found,
            Err(d) => {
                report(&[d]);
                self.watch(watcher, &[], today);
                say!("[{}] no specs to build", clock());
                self.troubled = true;
                return;
            }
        };
        self.watch(watcher, &spec_paths, today);
        let summary = self.builder.run(&spec_paths, today, &mut Printer);
        evict_cache(CACHE_ROUNDS);
        // A round that did nothing says nothing: the build's own writes and
        // files saved unchanged never show up as activity.
        let was = std::mem::replace(&mut self.troubled, troubled(&summary));
        if summary.rebuilt > 0 || self.troubled || was {
            status(&summary);
        }
    }

    /// Watches what the specs read, switching to polling if the system runs
    /// out of watches.
    fn watch(&mut self, watcher: &mut Watcher, spec_paths: &[PathBuf], today: chrono::NaiveDate) {
        let briefs = self
            .args
            .build
            .specs
            .specs
            .is_empty()
            .then(|| specs::project_root().join("briefs"));
        let compiler = Compiler::new(self.args.build.corpus.corpus.clone(), today);
        let out_dir = self.builder.out_dir().to_path_buf();
        if self
            .roots
            .update(watcher, spec_paths, briefs.as_deref(), &compiler, &out_dir)
        {
            return;
        }
        eprintln!("{OUT_OF_WATCHES}");
        match watcher.restart(true) {
            Ok(()) => {
                self.roots.forget();
                self.roots
                    .update(watcher, spec_paths, briefs.as_deref(), &compiler, &out_dir);
            }
            Err(why) => eprintln!("warning: cannot poll for changes either: {why}"),
        }
    }
}

/// Why [`wait`] returned.
#[derive(Debug)]
enum Wake {
    /// A change worth a build, and quiet since.
    Changed,
    /// The watcher's thread is gone.
    Stopped,
    /// The system cannot watch the new directories: only polling can go on.
    OutOfWatches,
}

/// Blocks until a change worth a build has been seen and files have then
/// been quiet for `quiet`.
fn wait(watcher: &Watcher, session: &mut Session, quiet: Duration) -> Wake {
    let mut deadline: Option<Instant> = None;
    loop {
        let received = match deadline {
            None => watcher
                .events
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
            Some(at) => watcher
                .events
                .recv_timeout(at.saturating_duration_since(Instant::now())),
        };
        match received {
            Ok(Ok(events)) => {
                if session.roots.take(&events) {
                    deadline = Some(Instant::now() + quiet);
                }
            }
            Ok(Err(errors)) => {
                if errors.iter().any(out_of_watches) && !watcher.polling() {
                    return Wake::OutOfWatches;
                }
                report_errors(&errors, &mut session.said);
            }
            Err(RecvTimeoutError::Timeout) => return Wake::Changed,
            Err(RecvTimeoutError::Disconnected) => return Wake::Stopped,
        }
    }
}

/// Reports each of the watcher's errors once.
fn report_errors(errors: &[notify::Error], said: &mut BTreeSet<String>) {
    for e in errors {
        let paths: Vec<String> = e
            .paths
            .iter()
            .map(|p| format!("`{}`", p.display()))
            .collect();
        let on = if paths.is_empty() {
            String::new()
        } else {
            format!(" on {}", paths.join(", "))
        };
        let message = format!("warning: watching{on}: {}", reason(e));
        if said.insert(message.clone()) {
            eprintln!("{message}");
        }
    }
}

/// Whether a build failed anything or reported errors.
fn troubled(summary: &Summary) -> bool {
    summary.failed > 0 || summary.outcome != Outcome::Ok
}

/// The status line after a round: its time of day and what it did.
fn status(summary: &Summary) {
    say!("[{}] {summary}", clock());
}

fn clock() -> String {
    crate::clock::time_of_day().format("%H:%M:%S").to_string()
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
