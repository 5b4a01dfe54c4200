//! The calendar year a figure's period names. The period stays as the text
//! wrote it ("last year"); the year is resolved beside it, so a table can
//! sort and compare figures from articles of different dates: "this year" in
//! an article of March 2025 is 2025, "last year" 2024, "in May" 2024 (May
//! had not come yet in March), "in 2022" 2022 whatever the date.
//!
//! Only a period that is one year or lies within one gets a year: "since
//! 2012", "between 2012 and 2024", "2013 to 2023" and "the past year" (a
//! window reaching into the year before) get none.

use crate::corpus::PartialDate;

use super::Figure;
use super::lex::{Kind, tokenize};
use super::words::{self as w, Lower};

/// Sets [`Figure::year`] on each figure whose period names one year,
/// resolving relative periods against the document's date.
pub fn resolve_years(figures: &mut [Figure], published: Option<&PartialDate>) {
    for f in figures {
        if let Some(p) = &f.period {
            f.year = period_year(p, published);
        }
    }
}

/// The one year `period` names, if it names one.
pub(super) fn period_year(period: &str, published: Option<&PartialDate>) -> Option<i32> {
    let toks = tokenize(period);
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text)
        .collect();
    let has = |w: &str| words.iter().any(|x| x.eq_ignore_ascii_case(w));
    // Spans and windows: more than one year, or not the year they name.
    if [
        "since",
        "between",
        "from",
        "to",
        "until",
        "past",
        "preceding",
        "over",
    ]
    .iter()
    .any(|w| has(w))
    {
        return None;
    }
    // "2024–25": a financial year runs over two calendar years.
    if (0..toks.len()).any(|k| super::period::financial_year(&toks, k).is_some()) {
        return None;
    }
    let years: Vec<i32> = toks
        .iter()
        .filter(|t| t.kind == Kind::Num && super::count::is_year(t.text))
        .filter_map(|t| t.text.parse().ok())
        .collect();
    match years[..] {
        [y] => return Some(y),
        [_, _, ..] => return None,
        [] => {}
    }
    let date = published?;
    let followed = |a: &str, b: &str| {
        words
            .windows(2)
            .any(|p| p[0].eq_ignore_ascii_case(a) && p[1].eq_ignore_ascii_case(b))
    };
    if followed("this", "year") || has("ytd") {
        return Some(date.year);
    }
    if followed("last", "year") || followed("previous", "year") || followed("year", "earlier") {
        return Some(date.year - 1);
    }
    if followed("next", "year") || followed("coming", "year") {
        return Some(date.year + 1);
    }
    let month_shift = |m: u32| date.month.map(|now| if m > now { -1 } else { 0 });
    if followed("this", "month") {
        return Some(date.year);
    }
    if followed("last", "month") || followed("previous", "month") {
        return date
            .month
            .map(|m| if m == 1 { date.year - 1 } else { date.year });
    }
    // "In May": the last May up to the document's date.
    let months: Vec<u32> = words
        .iter()
        .filter_map(|x| month_number(Lower::new(x).as_str()))
        .collect();
    if let [m] = months[..] {
        return month_shift(m).map(|d| date.year + d);
    }
    None
}

fn month_number(word: &str) -> Option<u32> {
    if !w::month(word) {
        return None;
    }
    w::MONTH_NAMES
        .iter()
        .position(|m| *m == word)
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn march_2025() -> PartialDate {
        PartialDate {
            year: 2025,
            month: Some(3),
            day: Some(14),
        }
    }

    #[test]
    fn relative_periods_resolve_against_the_date() {
        let d = march_2025();
        for (period, want) in [
            ("this year", Some(2025)),
            ("in the first two months of this year", Some(2025)),
            ("last year", Some(2024)),
            ("the previous year", Some(2024)),
            ("next year", Some(2026)),
            ("in 2022", Some(2022)),
            ("In June 2023", Some(2023)),
            ("in fiscal year 2023", Some(2023)),
            ("In May", Some(2024)),
            ("in February", Some(2025)),
            ("last month", Some(2025)),
            ("since 2012", None),
            ("between 2012 and 2024", None),
            ("2013 to the first six months of 2023", None),
            ("over the past year", None),
            ("in the first quarter", None),
            ("in recent decades", None),
        ] {
            assert_eq!(period_year(period, Some(&d)), want, "{period:?}");
        }
    }

    #[test]
    fn without_a_date_only_stated_years() {
        assert_eq!(period_year("last year", None), None);
        assert_eq!(period_year("In May", None), None);
        assert_eq!(period_year("in 2021", None), Some(2021));
    }

    #[test]
    fn january_last_month_is_the_year_before() {
        let d = PartialDate {
            year: 2025,
            month: Some(1),
            day: None,
        };
        assert_eq!(period_year("last month", Some(&d)), Some(2024));
    }
}
