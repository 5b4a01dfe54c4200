//! Reading a chart point's period as a place in time, and as a kind of
//! measure: below both resolve (which labels a chart's axis) and render
//! (which places points by date).
//!
//! Periods come from the source's own words ("the end of 2012", "mid-2022",
//! "2023"), so both readings are best effort: a label that names no year is
//! simply not placed by date, and a period that says neither "mid" nor
//! "end" nor "start" is not given a measure.

/// The label's year as a number, placed within the year by the words
/// around it: "end of 2012" is 2013.0, "mid-2022" 2022.5, "2023" (a whole
/// year) 2023.5, "early 2024" or "start of 2024" 2024.0.
pub fn year_of(label: &str) -> Option<f64> {
    let year = find_year(label)?;
    let within = match measure_of(label) {
        Some(Measure::End) => 1.0,
        Some(Measure::Mid) => 0.5,
        Some(Measure::Start) => 0.0,
        None => 0.5,
    };
    Some(f64::from(year) + within)
}

/// A count taken at a point of the year, as opposed to over a whole year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Start,
    Mid,
    End,
}

impl Measure {
    pub fn describe(self) -> &'static str {
        match self {
            Measure::Start => "start of year",
            Measure::Mid => "mid-year",
            Measure::End => "end of year",
        }
    }
}

/// What kind of count a period describes; `None` when it names a year (or
/// more) without saying when in it, which is read as "over the year".
pub fn measure_of(period: &str) -> Option<Measure> {
    let lower = period.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&[
        "mid-",
        "mid ",
        "middle of",
        "midyear",
        "mid-year",
        "june 30",
        "30 june",
    ]) {
        Some(Measure::Mid)
    } else if has(&[
        "end of",
        "end-",
        "year-end",
        "year end",
        "december 31",
        "31 december",
        "late ",
    ]) {
        Some(Measure::End)
    } else if has(&[
        "start of",
        "beginning of",
        "early ",
        "january 1",
        "1 january",
    ]) {
        Some(Measure::Start)
    } else {
        None
    }
}

/// The first four-digit year from 1900 to 2099 standing alone as a word.
fn find_year(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = &bytes[i..i + 4];
        let alone_before = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let alone_after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
        let year = std::str::from_utf8(digits).ok()?.parse::<u16>().ok()?;
        (digits.iter().all(u8::is_ascii_digit)
            && alone_before
            && alone_after
            && (1900..2100).contains(&year))
        .then_some(year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_placed_within_their_year() {
        for (label, at) in [
            ("the end of 2012", Some(2013.0)),
            ("end-2012", Some(2013.0)),
            ("mid-2022", Some(2022.5)),
            ("in mid-2022", Some(2022.5)),
            ("2023", Some(2023.5)),
            ("early 2024", Some(2024.0)),
            ("last year", None),
            ("Q3", None),
            ("12345", None),
            ("room 2023b", None),
        ] {
            assert_eq!(year_of(label), at, "{label}");
        }
    }

    #[test]
    fn measures_are_read_from_the_words() {
        assert_eq!(measure_of("mid-2022"), Some(Measure::Mid));
        assert_eq!(measure_of("the end of 2012"), Some(Measure::End));
        assert_eq!(measure_of("2023"), None);
        assert_eq!(measure_of("last year"), None);
        assert_eq!(Measure::Mid.describe(), "mid-year");
    }
}
