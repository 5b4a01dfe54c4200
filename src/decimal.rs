//! Numbers as decimal digits, so a figure prints what its source wrote.
//!
//! A figure's value is an `f64`, but what the reader sees must be the
//! source's number, digit for digit: "30,000,000,000,000,000,000,000
//! dollars" prints as that, not as the largest `u64` (what `as u64` gave).
//! So printing goes from the digits, never through an integer type: a
//! value's shortest decimal that reads back as the same `f64` (Rust's
//! `{:e}`), which is the source's own digits for every number brief accepts.
//!
//! That holds because brief accepts only numbers an `f64` carries exactly:
//! at most [`MAX_DIGITS`] significant digits (every such decimal survives a
//! round trip through `f64`) and within its range. Readers of the corpus
//! (figures in prose, cells of a data file) call [`exact`] and refuse the
//! rest, so no source number is ever printed rounded.

use std::fmt;

/// Significant digits an `f64` always carries exactly (C's `DBL_DIG`): any
/// decimal with at most this many reads back, printed shortest, as written.
pub const MAX_DIGITS: usize = 15;

/// A decimal number: `digits × 10^exp`. `digits` has no leading or
/// trailing zeros, and is empty for zero (so equal numbers compare equal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal {
    negative: bool,
    digits: String,
    exp: i64,
}

/// Where the leading digit may sit for the number to be written out in
/// full: from 0.000000001 to 36 integer digits. Past that, a number is
/// written `1.7 × 10³⁰⁸` (the same digits, but a chart axis or a list can
/// hold it).
const POSITIONAL: std::ops::RangeInclusive<i64> = -9..=35;

impl Decimal {
    /// `digits` (ASCII digits, leading and trailing zeros allowed) `× 10^exp`.
    pub fn new(negative: bool, digits: &str, exp: i64) -> Decimal {
        let trimmed = digits.trim_start_matches('0');
        let kept = trimmed.trim_end_matches('0');
        let exp = exp.saturating_add((trimmed.len() - kept.len()) as i64);
        Decimal {
            negative: negative && !kept.is_empty(),
            digits: kept.to_string(),
            exp: if kept.is_empty() { 0 } else { exp },
        }
    }

    /// `n × 10^exp`, for values computed from integers (an axis' ticks).
    pub fn from_int(n: i128, exp: i64) -> Decimal {
        Decimal::new(n < 0, &n.unsigned_abs().to_string(), exp)
    }

    /// The shortest decimal that reads back as `v`; `None` for infinity and
    /// NaN, which no source states.
    pub fn of(v: f64) -> Option<Decimal> {
        if !v.is_finite() {
            return None;
        }
        // `{:e}` is the shortest round-trip form: "1.7e308", "3e22", "0e0".
        let text = format!("{:e}", v.abs());
        let (mantissa, power) = text.split_once('e')?;
        let power: i64 = power.parse().ok()?;
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        Some(Decimal::new(
            v.is_sign_negative(),
            &format!("{whole}{fraction}"),
            power - fraction.len() as i64,
        ))
    }

    /// Reads a number as a data file writes it: an optional sign, digits
    /// with an optional decimal point, an optional exponent (`1e20`,
    /// `2.5E-3`). Separators are the caller's to remove.
    pub fn parse(text: &str) -> Option<Decimal> {
        let (negative, rest) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (mantissa, power) = match rest.find(['e', 'E']) {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.len() + fraction.len() == 0 || !digits_only(whole) || !digits_only(fraction) {
            return None;
        }
        let power = match power {
            None => 0,
            Some(p) => {
                let (sign, digits) = match p.as_bytes().first()? {
                    b'-' => (-1, &p[1..]),
                    b'+' => (1, &p[1..]),
                    _ => (1, p),
                };
                if digits.is_empty() || !digits_only(digits) {
                    return None;
                }
                // Beyond a billion the exponent is out of any range anyway;
                // saturating keeps `1e99999999999999999999` an error, not a panic.
                let t = digits.trim_start_matches('0');
                let magnitude = if t.len() > 10 {
                    1_000_000_000
                } else {
                    t.parse::<i64>().unwrap_or(0).min(1_000_000_000)
                };
                sign * magnitude
            }
        };
        Some(Decimal::new(
            negative,
            &format!("{whole}{fraction}"),
            power - fraction.len() as i64,
        ))
    }

    pub fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// How many significant digits the number has ("30,000" has one).
    pub fn significant(&self) -> usize {
        self.digits.len()
    }

    /// The power of ten of the leading digit: 2 for 123, -3 for 0.0012.
    fn lead(&self) -> i64 {
        self.exp + self.digits.len() as i64 - 1
    }

    /// The nearest `f64` (Rust's parser rounds correctly); infinite when
    /// out of range, zero when below it.
    fn to_f64(&self) -> f64 {
        if self.is_zero() {
            return 0.0;
        }
        let sign = if self.negative { "-" } else { "" };
        format!("{sign}{}e{}", self.digits, self.exp)
            .parse()
            .unwrap_or(f64::NAN)
    }

    /// Rounds to keep `keep` significant digits, half away from zero.
    fn round_to(&self, keep: usize) -> Decimal {
        if keep >= self.digits.len() {
            return self.clone();
        }
        let mut kept: Vec<u8> = self.digits.as_bytes()[..keep].to_vec();
        let mut exp = self.exp + (self.digits.len() - keep) as i64;
        if self.digits.as_bytes()[keep] >= b'5' {
            let mut i = kept.len();
            loop {
                if i == 0 {
                    kept.insert(0, b'1');
                    break;
                }
                i -= 1;
                if kept[i] == b'9' {
                    kept[i] = b'0';
                } else {
                    kept[i] += 1;
                    break;
                }
            }
            if kept.len() > keep {
                kept.pop();
                exp += 1;
            }
        }
        Decimal::new(
            self.negative,
            std::str::from_utf8(&kept).unwrap_or("0"),
            exp,
        )
    }

    /// The number written out: thousands grouped with `separator` (none if
    /// `None`), a `−` for negatives; in scientific form outside
    /// [`POSITIONAL`].
    fn write(&self, separator: Option<char>, minus: char) -> String {
        if self.is_zero() {
            return "0".into();
        }
        let mut out = String::new();
        if self.negative {
            out.push(minus);
        }
        let lead = self.lead();
        if !POSITIONAL.contains(&lead) {
            let (first, rest) = self.digits.split_at(1);
            out.push_str(first);
            if !rest.is_empty() {
                out.push('.');
                out.push_str(rest);
            }
            out.push_str(" × 10");
            out.push_str(&superscript(lead));
            return out;
        }
        let n = self.digits.len() as i64;
        let (whole, fraction) = if self.exp >= 0 {
            (
                format!("{}{}", self.digits, "0".repeat(self.exp as usize)),
                String::new(),
            )
        } else if -self.exp < n {
            let split = (n + self.exp) as usize;
            (
                self.digits[..split].to_string(),
                self.digits[split..].to_string(),
            )
        } else {
            (
                "0".to_string(),
                format!("{}{}", "0".repeat((-self.exp - n) as usize), self.digits),
            )
        };
        for (i, c) in whole.chars().enumerate() {
            if let Some(sep) = separator
                && i > 0
                && (whole.len() - i).is_multiple_of(3)
            {
                out.push(sep);
            }
            out.push(c);
        }
        if !fraction.is_empty() {
            out.push('.');
            out.push_str(&fraction);
        }
        out
    }
}

/// The number as the brief prints it: "176,239", "−1,200", "2.5",
/// "30,000,000,000,000,000,000,000", "1.7 × 10³⁰⁸".
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.write(Some(','), '−'))
    }
}

fn superscript(n: i64) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            _ => '⁹',
        })
        .collect()
}

/// Why a number a source wrote cannot be used as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inexact {
    /// More significant digits than an `f64` carries (the count).
    Digits(usize),
    /// Beyond the largest `f64` (about 1.8 × 10³⁰⁸).
    TooLarge,
    /// Below the smallest `f64` that keeps its digits (about 10⁻³⁰⁸).
    TooSmall,
}

impl fmt::Display for Inexact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Inexact::Digits(n) => write!(
                f,
                "has {n} significant digits; brief keeps at most {MAX_DIGITS} exactly"
            ),
            Inexact::TooLarge => f.write_str("is larger than brief can hold (about 1.8 × 10³⁰⁸)"),
            Inexact::TooSmall => {
                f.write_str("is closer to zero than brief can hold exactly (about 10⁻³⁰⁸)")
            }
        }
    }
}

/// The `f64` of a number a source wrote, if it carries that number exactly:
/// printed again (shortest form) it gives the same digits.
pub fn exact(d: &Decimal) -> Result<f64, Inexact> {
    if d.significant() > MAX_DIGITS {
        return Err(Inexact::Digits(d.significant()));
    }
    let v = d.to_f64();
    if !v.is_finite() {
        return Err(Inexact::TooLarge);
    }
    // Fifteen digits always survive in the normal range; below it (and in
    // underflow to zero) the digits are lost.
    match Decimal::of(v) {
        Some(back) if back == *d => Ok(v),
        _ => Err(Inexact::TooSmall),
    }
}

/// A value as the brief prints it (see [`Decimal`]'s `Display`).
///
/// A value with more than [`MAX_DIGITS`] significant digits is no number a
/// source wrote (those are refused when read) but one brief computed, a
/// share such as "two-thirds" (66.666…%): it shows two decimals, or two
/// significant digits if that keeps more.
pub fn number(v: f64) -> String {
    shown(v).map_or_else(|| "not a number".into(), |d| d.to_string())
}

/// [`number`] without thousands separators and with an ASCII minus, for
/// tables where commas separate values.
pub fn plain(v: f64) -> String {
    shown(v).map_or_else(|| "not a number".into(), |d| d.write(None, '-'))
}

fn shown(v: f64) -> Option<Decimal> {
    let d = Decimal::of(v)?;
    if d.significant() <= MAX_DIGITS {
        return Some(d);
    }
    // Digits down to the hundredths, or two, whichever is more.
    let to_hundredths = d.lead() + 3;
    let keep = to_hundredths.max(2) as usize;
    Some(d.round_to(keep))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_their_sources_write_them() {
        for (value, text) in [
            (0.0, "0"),
            (-0.0, "0"),
            (67.0, "67"),
            (176_239.0, "176,239"),
            (1_160_000.0, "1,160,000"),
            (2.5, "2.5"),
            (0.25, "0.25"),
            (-1200.0, "−1,200"),
            (999.999, "999.999"),
            (12.345, "12.345"),
            (1e20, "100,000,000,000,000,000,000"),
            (3e22, "30,000,000,000,000,000,000,000"),
            (-3e22, "−30,000,000,000,000,000,000,000"),
            (1.7e308, "1.7 × 10³⁰⁸"),
            (-1.7e308, "−1.7 × 10³⁰⁸"),
            (f64::MAX, "1.7976931348623157 × 10³⁰⁸"),
            (1e-300, "1 × 10⁻³⁰⁰"),
            (5e-324, "5 × 10⁻³²⁴"),
            (0.000_000_001, "0.000000001"),
            (1e36, "1 × 10³⁶"),
            (1e35, "100,000,000,000,000,000,000,000,000,000,000,000"),
            // 2^53 + 1 is no f64: the nearest is 2^53, printed exactly.
            (9_007_199_254_740_993.0, "9,007,199,254,740,992"),
            // 2^64, formerly printed as u64::MAX: the shortest decimal that
            // is this f64 (a source stating 2^64's 20 digits is refused).
            (18_446_744_073_709_551_616.0, "18,446,744,073,709,552,000"),
        ] {
            assert_eq!(number(value), text, "{value:e}");
        }
    }

    #[test]
    fn computed_shares_keep_two_decimals() {
        assert_eq!(number(200.0 / 3.0), "66.67");
        assert_eq!(number(100.0 / 7.0), "14.29");
        assert_eq!(number(100.0 / 3e6), "0.000033");
        assert_eq!(plain(200.0 / 3.0), "66.67");
        assert_eq!(plain(-1_200.5), "-1200.5");
    }

    #[test]
    fn numbers_beyond_what_f64_carries_are_refused() {
        let read = |s: &str| exact(&Decimal::parse(s).unwrap());
        assert_eq!(read("1e20"), Ok(1e20));
        assert_eq!(read("30000000000000000000000"), Ok(3e22));
        assert_eq!(read("1.7e308"), Ok(1.7e308));
        assert_eq!(read("-1.7e308"), Ok(-1.7e308));
        assert_eq!(read("1e-300"), Ok(1e-300));
        assert_eq!(read("0.000"), Ok(0.0));
        assert_eq!(read("123456789012345"), Ok(123_456_789_012_345.0));
        assert_eq!(read("9007199254740993"), Err(Inexact::Digits(16)));
        assert_eq!(read("18446744073709551616"), Err(Inexact::Digits(20)));
        assert_eq!(read("1.8e308"), Err(Inexact::TooLarge));
        assert_eq!(read("1e99999999999999999999"), Err(Inexact::TooLarge));
        assert_eq!(read("1e-400"), Err(Inexact::TooSmall));
        assert_eq!(read("1.23456789e-320"), Err(Inexact::TooSmall));
        for bad in ["", "-", "e5", "1e", "1.2.3", "inf", "NaN", "1e+-2", "0x10"] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn rounding_carries() {
        let d = Decimal::new(false, "9996", -2);
        assert_eq!(d.round_to(3).to_string(), "100");
        assert_eq!(Decimal::from_int(-25, 7).to_string(), "−250,000,000");
        assert_eq!(Decimal::from_int(0, 400).to_string(), "0");
    }
}
