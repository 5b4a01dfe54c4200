//! Publication dates as sources state them: a year, a month or a day.
//!
//! Articles often give only "October 2023"; recording a made-up day would be
//! inventing metadata, so the precision is part of the value.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A date known to the year, month or day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// The earliest calendar day the date can mean, for ordering and date windows.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The latest calendar day the date can mean.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => NaiveDate::from_ymd_opt(self.year, m, 1)
                .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                .and_then(|d| d.pred_opt()),
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        PartialDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = String;

    /// Accepts `YYYY`, `YYYY-MM` and `YYYY-MM-DD`, and checks the day exists.
    fn from_str(s: &str) -> Result<Self, String> {
        let expected = || format!("expected a date like 2023-10-05, 2023-10 or 2023, found `{s}`");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, String> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| expected())
            } else {
                Err(expected())
            }
        };
        let year = num(parts[0], 4)? as i32;
        let date = match parts.len() {
            1 => PartialDate {
                year,
                month: None,
                day: None,
            },
            2 => PartialDate {
                year,
                month: Some(num(parts[1], 2)?),
                day: None,
            },
            3 => PartialDate {
                year,
                month: Some(num(parts[1], 2)?),
                day: Some(num(parts[2], 2)?),
            },
            _ => return Err(expected()),
        };
        let valid = match (date.month, date.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d).is_some(),
            (Some(m), None) => (1..=12).contains(&m),
            _ => true,
        };
        if valid {
            Ok(date)
        } else {
            Err(format!("`{s}` is not a calendar date"))
        }
    }
}

/// The name a date gives serde, so the front-matter writer (`emit.rs`) can
/// tell a date from a string that looks like one and leave it unquoted.
pub(super) const SERDE_NAME: &str = "PartialDate";

/// As its text (`2023-10`); a newtype to serde, which JSON writes as the
/// bare string.
impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(SERDE_NAME, &self.to_string())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    /// YAML reads `published: 2023` as a number, so numbers are accepted as years.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date like 2023-10-05, 2023-10 or 2023")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PartialDate, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PartialDate, E> {
                self.visit_str(&v.to_string())
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_rejects_the_rest() {
        let cases = [
            ("2023", Ok("2023")),
            ("2023-10", Ok("2023-10")),
            ("2023-10-05", Ok("2023-10-05")),
            ("2024-02-29", Ok("2024-02-29")),
            ("2023-02-29", Err("`2023-02-29` is not a calendar date")),
            ("2023-13", Err("`2023-13` is not a calendar date")),
            (
                "23-10-05",
                Err("expected a date like 2023-10-05, 2023-10 or 2023, found `23-10-05`"),
            ),
            (
                "October 2023",
                Err("expected a date like 2023-10-05, 2023-10 or 2023, found `October 2023`"),
            ),
            (
                "2023-1-5",
                Err("expected a date like 2023-10-05, 2023-10 or 2023, found `2023-1-5`"),
            ),
        ];
        for (input, want) in cases {
            let got = input.parse::<PartialDate>().map(|d| d.to_string());
            assert_eq!(
                got,
                want.map(str::to_owned).map_err(str::to_owned),
                "{input}"
            );
        }
    }

    #[test]
    fn month_precision_spans_the_whole_month() {
        let d: PartialDate = "2024-02".parse().unwrap();
        assert_eq!(d.first_day().to_string(), "2024-02-01");
        assert_eq!(d.last_day().to_string(), "2024-02-29");
        let y: PartialDate = "2023".parse().unwrap();
        assert_eq!(y.last_day().to_string(), "2023-12-31");
    }

    #[test]
    fn orders_less_precise_dates_first() {
        let a: PartialDate = "2023".parse().unwrap();
        let b: PartialDate = "2023-01".parse().unwrap();
        assert!(a < b);
    }
}
