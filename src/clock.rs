//! The one place that reads the clock. Everything else takes the date as an
//! argument, so output depends only on inputs and tests can fix "today".
//!
//! Every date or time given on the command line or in the environment
//! (`--now`, `BRIEF_NOW`, `BRIEF_TODAY`) must fall in [`FIRST_YEAR`] to
//! [`LAST_YEAR`]: the schedule's calendar search (croner) only knows years up
//! to 5000 and answers with its last year for anything after, so an instant
//! outside the range would be reported as due at a date that is not now.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The first year a date from the command line or the environment may have.
pub const FIRST_YEAR: i32 = 1970;
/// The last such year: below croner's upper limit (5000), with room for a
/// schedule's next time and any timezone's offset.
pub const LAST_YEAR: i32 = 4999;

/// Why `year` is out of range for `what` (an option or variable name), or
/// `None` when it is in range.
fn out_of_range(what: &str, year: i32) -> Option<String> {
    (!(FIRST_YEAR..=LAST_YEAR).contains(&year))
        .then(|| format!("{what} must be in the years {FIRST_YEAR} to {LAST_YEAR}, not {year}"))
}

/// A date given as `what` (`BRIEF_TODAY`): YYYY-MM-DD within the range.
pub fn parse_date(what: &str, text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{what} must be a date like 2025-06-01, not `{text}`"))?;
    match out_of_range(what, date.year()) {
        Some(e) => Err(e),
        None => Ok(date),
    }
}

/// An instant given as `what` (`--now`, `BRIEF_NOW`): RFC 3339 within the
/// range.
pub fn parse_instant(what: &str, text: &str) -> Result<DateTime<Utc>, String> {
    let t = DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            format!(
                "{what}: {e}; expected an RFC 3339 time such as 2025-03-10T07:30:00Z, not `{text}`"
            )
        })?;
    match out_of_range(what, t.year()) {
        Some(e) => Err(e),
        None => Ok(t),
    }
}

/// `BRIEF_TODAY` (YYYY-MM-DD) when set, else the local date.
pub fn today() -> Result<NaiveDate, String> {
    match std::env::var("BRIEF_TODAY") {
        Ok(text) => parse_date("BRIEF_TODAY", &text),
        #[allow(clippy::disallowed_methods)]
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}

/// The current instant: `BRIEF_NOW` (RFC 3339) when set, else the system
/// clock; an error when `BRIEF_NOW` is not a time in range, or the system
/// clock is outside the range (a schedule would misread it). Long-running
/// commands read it once per cycle and pass it down.
pub fn checked_now() -> Result<DateTime<Utc>, String> {
    if let Ok(text) = std::env::var("BRIEF_NOW") {
        return parse_instant("BRIEF_NOW", &text);
    }
    #[allow(clippy::disallowed_methods)]
    let now = chrono::Utc::now();
    match out_of_range("the system clock", now.year()) {
        Some(e) => Err(e),
        None => Ok(now),
    }
}

/// The current instant for messages only (who holds a lock since when):
/// [`checked_now`], or the system clock when that is an error.
pub fn now() -> DateTime<Utc> {
    #[allow(clippy::disallowed_methods)]
    checked_now().unwrap_or_else(|_| chrono::Utc::now())
}

/// The local time of day, for the timestamps on `brief watch`'s status
/// lines. Never part of an output: only the date is, and `BRIEF_TODAY` fixes
/// that.
pub fn time_of_day() -> chrono::NaiveTime {
    #[allow(clippy::disallowed_methods)]
    chrono::Local::now().time()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_instants_are_bounded() {
        assert_eq!(
            parse_date("BRIEF_TODAY", "2025-03-03"),
            Ok(NaiveDate::from_ymd_opt(2025, 3, 3).unwrap())
        );
        assert_eq!(
            parse_date("BRIEF_TODAY", "5001-01-01"),
            Err("BRIEF_TODAY must be in the years 1970 to 4999, not 5001".into())
        );
        assert!(parse_date("BRIEF_TODAY", "0001-01-01").is_err());
        assert!(parse_date("BRIEF_TODAY", "+10000-01-01").is_err());
        assert!(parse_instant("--now", "4999-12-31T23:59:59Z").is_ok());
        assert!(parse_instant("--now", "1970-01-01T00:00:00Z").is_ok());
        assert_eq!(
            parse_instant("--now", "5000-12-30T00:00:00Z"),
            Err("--now must be in the years 1970 to 4999, not 5000".into())
        );
        // An offset that moves the instant over the edge counts in UTC.
        assert!(parse_instant("--now", "1970-01-01T00:30:00+01:00").is_err());
        let bad = parse_instant("BRIEF_NOW", "next monday").unwrap_err();
        assert!(
            bad.starts_with("BRIEF_NOW: ")
                && bad.ends_with(
                    "; expected an RFC 3339 time such as 2025-03-10T07:30:00Z, not `next monday`"
                ),
            "{bad}"
        );
    }
}
