//! The five POSIX cron fields, checked here rather than left to croner: an
//! analyst who writes `0 7 * * FUNDAY` should hear which field is wrong and
//! what it takes, and croner would accept extensions (`L`, `W`, `#`, seconds,
//! years) that POSIX cron does not have and a brief does not need. What
//! passes is handed to croner in a plain numeric form it cannot misread
//! (croner replaces names as substrings, so `MONDAY` would become `1DAY`).

use crate::suggest::did_you_mean;

/// One cron field: its name in messages, its range and its names, if any.
struct Field {
    name: &'static str,
    min: u32,
    max: u32,
    /// Names for `min`, `min + 1`, …; empty for numeric fields.
    names: &'static [&'static str],
    /// How the field's names are described: "a day name (SUN-SAT)".
    names_are: &'static str,
}

const DAYS: &[&str] = &["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const MONTHS: &[&str] = &[
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

const FIELDS: [Field; 5] = [
    Field {
        name: "minute",
        min: 0,
        max: 59,
        names: &[],
        names_are: "",
    },
    Field {
        name: "hour",
        min: 0,
        max: 23,
        names: &[],
        names_are: "",
    },
    Field {
        name: "day-of-month",
        min: 1,
        max: 31,
        names: &[],
        names_are: "",
    },
    Field {
        name: "month",
        min: 1,
        max: 12,
        names: MONTHS,
        names_are: "a month name (JAN-DEC)",
    },
    // 0 and 7 are both Sunday, as in every cron.
    Field {
        name: "day-of-week",
        min: 0,
        max: 7,
        names: DAYS,
        names_are: "a day name (SUN-SAT)",
    },
];

/// The Vixie cron nicknames; `@reboot` has no meaning for a brief.
const NICKNAMES: &[(&str, &str)] = &[
    ("@yearly", "0 0 1 1 *"),
    ("@annually", "0 0 1 1 *"),
    ("@monthly", "0 0 1 * *"),
    ("@weekly", "0 0 * * 0"),
    ("@daily", "0 0 * * *"),
    ("@midnight", "0 0 * * *"),
    ("@hourly", "0 * * * *"),
];

/// What is wrong with an expression, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    fn new(message: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            hint: None,
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// A checked expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// Five numeric fields for croner, with croner's `+` on the day of week
    /// when a day must match both day fields (see [`check`]).
    pub croner: String,
    /// The hour field steps through the whole day (`*` or `*/N`): a repeated
    /// hour when the clock goes back is real time passing and runs again.
    pub hour_wildcard: bool,
    /// No day ever matches (`0 0 30 2 *`): February has no 30th.
    pub never: bool,
}

/// Checks a five-field POSIX cron expression (or a nickname like `@weekly`).
///
/// Day of month and day of week follow Vixie cron, which POSIX describes:
/// when both are restricted a day matching either runs (`0 0 1,15 * MON` is
/// the 1st, the 15th and every Monday), but a field that starts with `*`
/// (`*` or `*/2`) counts as unrestricted, and then a day must match both.
pub fn check(expr: &str) -> Result<Checked, Problem> {
    let trimmed = expr.trim();
    if trimmed.is_empty() {
        return Err(Problem::new("the cron expression is empty")
            .hint("five fields: minute hour day-of-month month day-of-week, as in `0 7 * * MON`"));
    }
    let expanded = if trimmed.starts_with('@') {
        nickname(trimmed)?
    } else {
        trimmed
    };
    let parts: Vec<&str> = expanded.split_whitespace().collect();
    if parts.len() != 5 {
        let mut problem = Problem::new(format!(
            "expected 5 fields (minute hour day-of-month month day-of-week), found {}",
            parts.len()
        ));
        if parts.len() > 5 {
            problem = problem
                .hint("seconds and years are not supported: a brief is scheduled to the minute");
        }
        return Err(problem);
    }
    let mut numeric = Vec::with_capacity(5);
    let mut masks = [0u64; 5];
    for (i, (part, field)) in parts.iter().zip(&FIELDS).enumerate() {
        let (text, mask) = field_values(field, part)?;
        numeric.push(text);
        masks[i] = mask;
    }
    let dom_star = parts[2].starts_with('*');
    let dow_star = parts[4].starts_with('*');
    // croner ignores a day field only when it is exactly `*`; Vixie ignores
    // any that starts with `*`. croner's `+` makes `*/2` behave as Vixie's.
    if (dom_star || dow_star) && parts[2] != "*" && parts[4] != "*" {
        numeric[4] = format!("+{}", numeric[4]);
    }
    let either_day = !dom_star && !dow_star;
    Ok(Checked {
        croner: numeric.join(" "),
        hour_wildcard: parts[1].starts_with('*'),
        never: !either_day && !any_month_has_a_day(masks[3], masks[2]),
    })
}

fn nickname(text: &str) -> Result<&'static str, Problem> {
    let lower = text.to_ascii_lowercase();
    if let Some((_, expansion)) = NICKNAMES.iter().find(|(n, _)| *n == lower) {
        return Ok(expansion);
    }
    let names = || NICKNAMES.iter().map(|(n, _)| *n);
    let hint = match did_you_mean(&lower, names()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("nicknames are {}", names().collect::<Vec<_>>().join(", ")),
    };
    Err(Problem::new(format!("unknown nickname `{text}`")).hint(hint))
}

/// Whether some month in `months` has some day in `days` (February has a 29th
/// in leap years, and every date falls on every weekday over the years).
fn any_month_has_a_day(months: u64, days: u64) -> bool {
    const LENGTHS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12u32).any(|m| {
        months & (1 << m) != 0 && (1..=LENGTHS[(m - 1) as usize]).any(|d| days & (1 << d) != 0)
    })
}

/// One field: its numeric text for croner and the set of values it matches.
fn field_values(field: &Field, text: &str) -> Result<(String, u64), Problem> {
    let mut out = Vec::new();
    let mut mask = 0u64;
    for item in text.split(',') {
        if item.is_empty() {
            return Err(Problem::new(format!(
                "{} `{text}` has an empty list item",
                field.name
            )));
        }
        let (numeric, values) = item_values(field, item)?;
        out.push(numeric);
        mask |= values;
    }
    Ok((out.join(","), mask))
}

/// `*`, `N`, `N-M`, `*/S` or `N-M/S`.
fn item_values(field: &Field, item: &str) -> Result<(String, u64), Problem> {
    let (base, step) = match item.split_once('/') {
        Some((base, step)) => (base, Some(step_value(field, step)?)),
        None => (item, None),
    };
    let (low, high, numeric) = if base == "*" {
        (field.min, field.max, "*".to_string())
    } else if let Some((a, b)) = base.split_once('-') {
        let (low, high) = (value(field, a)?, value(field, b)?);
        if low > high {
            return Err(
                Problem::new(format!("{} range `{base}` runs backwards", field.name))
                    .hint(format!("write the smaller value first, as in `{b}-{a}`")),
            );
        }
        (low, high, format!("{low}-{high}"))
    } else {
        let v = value(field, base)?;
        if let Some(step) = step {
            return Err(
                Problem::new(format!("{} `{item}`: a step needs a range", field.name))
                    .hint(format!("write `{base}-{}/{step}` or `*/{step}`", field.max)),
            );
        }
        (v, v, v.to_string())
    };
    let step = step.unwrap_or(1);
    let mut mask = 0u64;
    for v in (low..=high).step_by(step as usize) {
        // Sunday is 0 and 7; the mask keeps one bit for it.
        let v = if field.names == DAYS && v == 7 { 0 } else { v };
        mask |= 1 << v;
    }
    let numeric = match step {
        1 => numeric,
        s => format!("{numeric}/{s}"),
    };
    Ok((numeric, mask))
}

fn step_value(field: &Field, text: &str) -> Result<u32, Problem> {
    match text.parse::<u32>() {
        Ok(s) if s >= 1 && s <= field.max => Ok(s),
        _ => Err(Problem::new(format!(
            "{} step `{text}` is not a number from 1 to {}",
            field.name, field.max
        ))),
    }
}

/// A number in the field's range, or one of its names (any case).
fn value(field: &Field, text: &str) -> Result<u32, Problem> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return match text.parse::<u32>() {
            Ok(v) if (field.min..=field.max).contains(&v) => Ok(v),
            _ => Err(Problem::new(format!(
                "{} `{text}` is out of range {}-{}",
                field.name, field.min, field.max
            ))),
        };
    }
    let upper = text.to_ascii_uppercase();
    if let Some(i) = field.names.iter().position(|n| *n == upper) {
        return Ok(field.min + i as u32);
    }
    if field.names.is_empty() {
        return Err(Problem::new(format!(
            "{} `{text}` is not a number from {} to {}",
            field.name, field.min, field.max
        )));
    }
    let problem = Problem::new(format!(
        "{} `{text}` is not a number from {} to {} or {}",
        field.name, field.min, field.max, field.names_are
    ));
    // `MONDAY`, `January`: the full name where cron takes three letters.
    let prefix = upper
        .get(..3)
        .filter(|p| upper.len() > 3 && field.names.contains(p));
    match prefix.or_else(|| did_you_mean(&upper, field.names.iter().copied())) {
        Some(name) => Err(problem.hint(format!("did you mean `{name}`?"))),
        None => Err(problem),
    }
}
