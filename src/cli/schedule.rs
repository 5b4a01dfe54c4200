//! `brief schedule`: regenerate the briefs that are due, as dated editions.
//!
//! A brief is due when its `schedule` has a time after its last edition and
//! at or before now, or, with `on_new_data: true`, when what it was built
//! from changed since its last edition (a new matching document, an edited
//! source, a new spec or template). The clock is read once per run, here,
//! or replaced by `--now`; the pipeline below only ever sees that instant.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};

use crate::diag::Diagnostic;
use crate::edition::store::{self, Listing};
use crate::regen::Reason;
use crate::spec::{self, Spec};

use crate::build::{Due, Engine, Mode};

use super::build::BuildArgs;
use super::events::Printer;
use super::specs;
use super::{Outcome, report};

#[derive(Debug, clap::Args)]
pub struct ScheduleArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Regenerate what is due now, then exit (for cron, systemd timers, CI)
    #[arg(long)]
    pub once: bool,
    /// Act as if it were this time (RFC 3339, e.g. 2025-03-10T07:30:00Z;
    /// years 1970 to 4999)
    #[arg(long, value_name = "TIME", value_parser = parse_now)]
    pub now: Option<DateTime<Utc>>,
    /// Without --once: how often to look for new data, in seconds (1 to
    /// 86400, a day; a scheduled time wakes it anyway)
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 60,
        value_parser = clap::value_parser!(u64).range(1..=86_400)
    )]
    pub poll: u64,
}

fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    crate::clock::parse_instant("--now", text)
}

/// The clock (or `BRIEF_NOW`), or the outcome to exit with when it is not
/// a time a schedule can be read at.
fn clock() -> Result<DateTime<Utc>, Outcome> {
    crate::clock::checked_now().map_err(|e| {
        report(&[Diagnostic::error(e)]);
        Outcome::UsageOrIo
    })
}

pub fn run(args: ScheduleArgs) -> Outcome {
    let (once, fixed, poll) = (args.once, args.now, args.poll.max(1));
    let specs = args.build.specs.specs.clone();
    let options = super::build::options(&args.build, "brief schedule", Mode::Latest);
    let mut builder = Scheduler {
        engine: Engine::new(options),
        specs,
    };
    if once {
        let now = match fixed.map_or_else(clock, Ok) {
            Ok(now) => now,
            Err(outcome) => return outcome,
        };
        return run_once(&mut builder, now).0;
    }
    // Long-running: one pass now, then sleep until the next scheduled time
    // (or the next look for new data), and again.
    loop {
        let now = match clock() {
            Ok(now) => now,
            Err(outcome) => return outcome,
        };
        say!(
            "[{}] checking schedules",
            now.format("%Y-%m-%d %H:%M:%S UTC")
        );
        let (_, next) = run_once(&mut builder, now);
        crate::render::typst::evict_cache(10);
        let poll_at = now + chrono::Duration::seconds(poll as i64);
        let wake = next.map_or(poll_at, |n| n.min(poll_at));
        let wait = (wake - crate::clock::now()).to_std().unwrap_or_default();
        std::thread::sleep(wait.max(Duration::from_secs(1)));
    }
}

/// Regenerates every due brief once; prints one line per scheduled brief.
/// Returns the outcome and the earliest scheduled time after `now`.
fn run_once(builder: &mut Scheduler, now: DateTime<Utc>) -> (Outcome, Option<DateTime<Utc>>) {
    // Deciding what is due reads the editions, and filing one writes them:
    // the whole pass holds the output directory, not only each build.
    if let Err(outcome) = builder.engine.hold(&mut Printer) {
        return (outcome, None);
    }
    let result = pass(builder, now);
    builder.engine.release();
    result
}

fn pass(builder: &mut Scheduler, now: DateTime<Utc>) -> (Outcome, Option<DateTime<Utc>>) {
    let paths = match specs::find(&super::specs::SpecArgs {
        specs: builder.specs.clone(),
    }) {
        Ok(p) => p,
        Err(d) => {
            report(&[d]);
            return (Outcome::UsageOrIo, None);
        }
    };
    let (paths, refused) = specs::claim(&paths, builder.engine.out_dir());
    let mut outcome = if refused > 0 {
        Outcome::InputErrors
    } else {
        Outcome::Ok
    };
    let mut earliest: Option<DateTime<Utc>> = None;
    // Due specs grouped by their edition date (today in their timezone), so
    // each group shares one corpus load.
    let mut due: BTreeMap<NaiveDate, Vec<(PathBuf, String, String)>> = BTreeMap::new();
    for path in &paths {
        let spec = match spec::load(path) {
            Ok(s) => s,
            Err(_) => {
                // Building it reports why, with the usual diagnostics.
                let mut o = Outcome::Ok;
                let corpus = builder.engine.options.corpus.clone();
                let mut compiler = crate::compile::Compiler::new(corpus, now.date_naive());
                specs::prepare(&mut compiler, path, &mut o);
                outcome = outcome.max(o);
                continue;
            }
        };
        if spec.schedule.is_none() && !spec.on_new_data {
            if !builder.specs.is_empty() {
                say!(
                    "{}: has no `schedule` and no `on_new_data`; skipped",
                    path.display()
                );
            }
            continue;
        }
        let next = spec.schedule.as_ref().and_then(|s| s.value.next_after(now));
        if let Some(n) = next {
            earliest = Some(earliest.map_or(n, |e| e.min(n)));
        }
        let date = match &spec.schedule {
            Some(s) => now.with_timezone(&s.value.timezone()).date_naive(),
            None => now.date_naive(),
        };
        let editions = look_at_editions(builder, &spec.name, now);
        match why_due(builder, path, &spec, now, date, &editions) {
            Some(trigger) => {
                due.entry(date)
                    .or_default()
                    .push((path.clone(), spec.name.clone(), trigger))
            }
            None => {
                let next = next
                    .map(|t| format!("; next at {}", t.to_rfc3339()))
                    .unwrap_or_default();
                say!("{}: not due{next}", path.display());
            }
        }
    }
    for (date, group) in due {
        outcome = outcome.max(regenerate(builder, date, now, &group));
    }
    (outcome, earliest)
}

/// A brief's editions, as a pass at `now` sees them. Says which are damaged
/// and which were made after `now` (those are not the last edition: the
/// schedule goes on from now), and removes the editions that interrupted
/// runs left unfinished.
fn look_at_editions(builder: &Scheduler, brief: &str, now: DateTime<Utc>) -> Listing {
    let dir = store::editions_dir(builder.engine.out_dir(), brief);
    // Never clean up through a link out of the output directory.
    if builder
        .engine
        .linked_away(&dir.join(store::FILE_NAME))
        .is_none()
    {
        let (removed, warnings) = store::remove_leftovers(builder.engine.out_dir(), brief);
        for path in removed {
            say!(
                "removed {} (an edition an interrupted run left unfinished)",
                path.display()
            );
        }
        report(&warnings);
    }
    let listing = store::list(builder.engine.out_dir(), brief);
    report(&listing.warnings());
    for later in listing.editions.iter().filter(|e| e.generated_at > now) {
        report(&[Diagnostic::warning(format!(
            "edition `{}` of `{brief}` was made at {}, after now ({}); the schedule goes on from now",
            later.name,
            later.generated_at.to_rfc3339(),
            now.to_rfc3339()
        ))
        .in_file(dir.join(&later.name))
        .hint(
            "a clock set ahead, or `--now` in the future, made it; remove it if it is wrong",
        )]);
    }
    listing
}

/// Why a brief is due now, or `None`.
fn why_due(
    builder: &Scheduler,
    path: &std::path::Path,
    spec: &Spec,
    now: DateTime<Utc>,
    date: NaiveDate,
    editions: &Listing,
) -> Option<String> {
    if builder.engine.options.force {
        return Some("--force".into());
    }
    let last = editions.latest_at(now);
    if let Some(schedule) = &spec.schedule
        && let Some(at) = schedule.value.is_due(last.map(|e| e.generated_at), now)
    {
        return Some(format!(
            "scheduled `{}`, due at {}",
            schedule.value,
            at.to_rfc3339()
        ));
    }
    if !spec.on_new_data {
        return None;
    }
    if last.is_none() {
        return Some(if editions.editions.is_empty() {
            "new data: no edition yet".into()
        } else {
            "no edition before now".into()
        });
    }
    // A new day is not new data: the date and the edition compared with are
    // left out; everything else the output was built from counts.
    let plans = builder.engine.plan(&[path.to_path_buf()], date, true);
    let reasons: Vec<&Reason> = plans
        .iter()
        .flat_map(|p| p.outputs.iter())
        .filter_map(|o| o.reason.as_ref())
        .collect();
    if let Some(news) = reasons.iter().find(|r| r.is_new_data()) {
        return Some(format!("new data: {news}"));
    }
    // Still rebuilt, for what is true of it: a deleted `latest/` is no news.
    reasons.first().map(|r| match r {
        Reason::Missing(file) => format!("latest output missing: {}", file.display()),
        other => other.to_string(),
    })
}

/// Builds the group's `latest/` outputs, then files each fully built brief
/// as a new edition.
fn regenerate(
    builder: &mut Scheduler,
    date: NaiveDate,
    now: DateTime<Utc>,
    group: &[(PathBuf, String, String)],
) -> Outcome {
    let paths: Vec<PathBuf> = group.iter().map(|(p, _, _)| p.clone()).collect();
    builder.engine.forced = group
        .iter()
        .map(|(p, _, why)| (p.clone(), why.clone()))
        .collect::<HashMap<_, _>>();
    let summary = builder.engine.run(&paths, date, &mut Printer);
    builder.engine.forced.clear();
    let due: Vec<Due> = group
        .iter()
        .map(|(path, name, trigger)| Due {
            path: path.clone(),
            name: name.clone(),
            trigger: trigger.clone(),
        })
        .collect();
    let filed = builder.engine.file_editions(&due, date, now, &mut Printer);
    summary.outcome.max(filed)
}

/// The engine `brief schedule` drives, and the specs it was named.
#[derive(Debug)]
struct Scheduler {
    engine: Engine,
    /// The specs on the command line; none means the project's `briefs/`.
    specs: Vec<PathBuf>,
}
