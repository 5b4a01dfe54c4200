//! The one place that reads the clock. Everything else takes the date as an
//! argument, so output depends only on inputs and tests can fix "today".

use chrono::NaiveDate;

/// `BRIEF_TODAY` (YYYY-MM-DD) when set, else the local date.
pub fn today() -> Result<NaiveDate, String> {
    match std::env::var("BRIEF_TODAY") {
        Ok(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| format!("BRIEF_TODAY must be a date like 2025-06-01, not `{text}`")),
        #[allow(clippy::disallowed_methods)]
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}

/// The current instant: `BRIEF_NOW` (RFC 3339) when set, else the system
/// clock. Long-running commands read it once per cycle and pass it down.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    if let Ok(text) = std::env::var("BRIEF_NOW")
        && let Ok(t) = chrono::DateTime::parse_from_rfc3339(text.trim())
    {
        return t.with_timezone(&chrono::Utc);
    }
    #[allow(clippy::disallowed_methods)]
    chrono::Utc::now()
}

/// The local time of day, for the timestamps on `brief watch`'s status
/// lines. Never part of an output: only the date is, and `BRIEF_TODAY` fixes
/// that.
pub fn time_of_day() -> chrono::NaiveTime {
    #[allow(clippy::disallowed_methods)]
    chrono::Local::now().time()
}
