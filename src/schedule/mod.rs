//! When a scheduled brief is due: a POSIX cron expression read in the
//! spec's timezone, evaluated against a clock the caller passes in (this
//! module never reads the clock, so every answer is testable).
//!
//! [`fields`] checks the expression so that errors name the field at fault;
//! croner then does the calendar search, DST included.
//!
//! Daylight saving time, as a reader of the schedule would expect:
//! - a time the clock skips (01:30 in Europe/London on the spring-forward
//!   day) runs at the first instant after the jump (02:00 BST) when the
//!   schedule names one time of day (one minute, one hour); a schedule with
//!   several hours or a step simply has no run at the skipped time;
//! - a time the clock repeats (01:30 on the fall-back day) runs once, at the
//!   first of its two instants, unless the hour field is `*` or `*/N`: then
//!   the repeated hour is real time passing, and an hourly brief runs in
//!   both.

mod fields;
#[cfg(test)]
mod tests;

use std::fmt;

use chrono::{DateTime, LocalResult, TimeZone, Utc};
use chrono_tz::Tz;
use croner::Cron;
use croner::parser::{CronParser, Seconds, Year};

use crate::suggest::did_you_mean;

/// A cron schedule in a timezone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The expression as written (trimmed), for messages and [`fmt::Display`].
    expr: String,
    tz: Tz,
    cron: Cron,
    /// See [`fields::Checked::hour_wildcard`].
    hour_wildcard: bool,
    never: bool,
}

/// Which part of a schedule is wrong, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleError {
    Cron {
        expr: String,
        problem: String,
        hint: Option<String>,
    },
    Timezone {
        name: String,
        hint: String,
    },
}

impl ScheduleError {
    /// The problem without the expression or name: a spec error shows those
    /// under its caret already.
    pub fn problem(&self) -> String {
        match self {
            ScheduleError::Cron { problem, .. } => problem.clone(),
            ScheduleError::Timezone { name, .. } => format!("unknown timezone `{name}`"),
        }
    }

    pub fn hint(&self) -> Option<&str> {
        match self {
            ScheduleError::Cron { hint, .. } => hint.as_deref(),
            ScheduleError::Timezone { hint, .. } => Some(hint),
        }
    }
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleError::Cron { expr, problem, .. } => {
                write!(f, "invalid cron expression `{expr}`: {problem}")
            }
            ScheduleError::Timezone { .. } => f.write_str(&self.problem()),
        }
    }
}

impl std::error::Error for ScheduleError {}

/// Parses a cron expression in a timezone (an IANA name; `None` is UTC).
/// The timezone is checked first: a schedule is only as right as its zone.
pub fn parse(expr: &str, timezone: Option<&str>) -> Result<Schedule, ScheduleError> {
    let tz = match timezone {
        Some(name) => self::timezone(name)?,
        None => Tz::UTC,
    };
    Schedule::new(expr, tz)
}

/// An IANA timezone name, with a "did you mean" for a near miss
/// (`Europe/Berln`, or `europe/berlin`: names are case-sensitive).
pub fn timezone(name: &str) -> Result<Tz, ScheduleError> {
    let name = name.trim();
    name.parse::<Tz>().map_err(|_| {
        let names = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name());
        let hint = match did_you_mean(name, names) {
            Some(near) => format!("did you mean `{near}`?"),
            None => {
                "a timezone is an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`"
                    .to_string()
            }
        };
        ScheduleError::Timezone {
            name: name.to_string(),
            hint,
        }
    })
}

impl Schedule {
    /// Parses a cron expression (see [`fields::check`] for the grammar and
    /// the day-of-month/day-of-week rule) to be read in `tz`.
    pub fn new(expr: &str, tz: Tz) -> Result<Schedule, ScheduleError> {
        let expr = expr.trim();
        let error = |problem: String, hint: Option<String>| ScheduleError::Cron {
            expr: expr.to_string(),
            problem,
            hint,
        };
        let checked = fields::check(expr).map_err(|p| error(p.message, p.hint))?;
        let cron = CronParser::builder()
            .seconds(Seconds::Disallowed)
            .year(Year::Disallowed)
            .build()
            .parse(&checked.croner)
            // Unreachable for what `fields::check` passes; kept as an error, not a panic.
            .map_err(|e| error(e.to_string(), None))?;
        Ok(Schedule {
            expr: expr.to_string(),
            tz,
            cron,
            hour_wildcard: checked.hour_wildcard,
            never: checked.never,
        })
    }

    /// The expression as written.
    pub fn expr(&self) -> &str {
        &self.expr
    }

    pub fn timezone(&self) -> Tz {
        self.tz
    }

    /// No date ever matches, as in `0 0 30 2 *`. Cron accepts such an
    /// expression; a spec refuses it, since the brief would never be built.
    pub fn never_runs(&self) -> bool {
        self.never
    }

    /// The most recent scheduled time at or before `now`, or `None` if there
    /// is none (an impossible schedule; croner gives up at year 1).
    pub fn latest_at_or_before(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if self.never {
            return None;
        }
        let mut from = now.with_timezone(&self.tz);
        let mut inclusive = true;
        // Each pass skips one second instant of a repeated wall-clock time;
        // a repeated range is at most a few hours of minutes.
        for _ in 0..SKIP_LIMIT {
            let found = self.cron.find_previous_occurrence(&from, inclusive).ok()?;
            if self.runs_at(&found) {
                return Some(found.with_timezone(&Utc));
            }
            from = found;
            inclusive = false;
        }
        None
    }

    /// The first scheduled time strictly after `t`, or `None` if there is none.
    pub fn next_after(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if self.never {
            return None;
        }
        let mut from = t.with_timezone(&self.tz);
        for _ in 0..SKIP_LIMIT {
            let found = self.cron.find_next_occurrence(&from, false).ok()?;
            if self.runs_at(&found) {
                return Some(found.with_timezone(&Utc));
            }
            from = found;
        }
        None
    }

    /// The scheduled time that makes a brief due at `now`: the latest
    /// occurrence at or before `now` that is strictly after `last_edition`.
    /// With no edition yet, the latest occurrence at or before `now`, if any,
    /// so the first edition is built at once. Missed occurrences collapse into
    /// one: a brief three weeks behind is built once, for the latest.
    pub fn is_due(
        &self,
        last_edition: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let latest = self.latest_at_or_before(now)?;
        match last_edition {
            Some(last) if latest <= last => None,
            _ => Some(latest),
        }
    }

    /// False for the second instant of a wall-clock time the clock repeats,
    /// unless the hours are `*` or `*/N` (see the module docs).
    fn runs_at(&self, t: &DateTime<Tz>) -> bool {
        if self.hour_wildcard {
            return true;
        }
        match self.tz.from_local_datetime(&t.naive_local()) {
            LocalResult::Ambiguous(first, _) => first == *t,
            _ => true,
        }
    }
}

/// Bounds the skipping in [`Schedule::latest_at_or_before`]: every minute of
/// a repeated range of a day, far beyond any real one.
const SKIP_LIMIT: usize = 24 * 60 + 1;

impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.expr, self.tz.name())
    }
}
