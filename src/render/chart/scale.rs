//! The value axis: round tick steps that cover the data, and numbers
//! written the way the brief's prose writes them (thousands separated).

/// The axis from `low` to `high` in steps of `step`, with zero always on it
/// (a bar's length is its value only when bars start at zero).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    pub low: f64,
    pub high: f64,
    pub step: f64,
}

impl Axis {
    /// About `ticks` round steps (1, 2, 2.5 or 5 times a power of ten)
    /// covering every value and zero.
    pub fn covering(values: &[f64], ticks: usize) -> Axis {
        let min = values.iter().copied().fold(0.0_f64, f64::min);
        let max = values.iter().copied().fold(0.0_f64, f64::max);
        let span = if max - min > 0.0 { max - min } else { 1.0 };
        let step = round_step(span / ticks.max(1) as f64);
        Axis {
            low: (min / step).floor() * step,
            high: (max / step).ceil() * step,
            step,
        }
        .at_least_one_step()
    }

    fn at_least_one_step(self) -> Axis {
        if self.high - self.low < self.step {
            Axis {
                high: self.low + self.step,
                ..self
            }
        } else {
            self
        }
    }

    /// The tick values from low to high.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.high - self.low) / self.step).round() as usize;
        (0..=n).map(|i| self.low + i as f64 * self.step).collect()
    }

    /// Where `value` falls, from 0 (low) to 1 (high).
    pub fn fraction(&self, value: f64) -> f64 {
        (value - self.low) / (self.high - self.low)
    }
}

fn round_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    let m = raw / power;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 2.5 {
        2.5
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// `176239` → "176,239"; `2.5` → "2.5"; `-1200` → "−1,200". At most two
/// decimals, as figures in the corpus are written.
pub fn number(value: f64) -> String {
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let whole = rounded.trunc() as u64;
    let cents = ((rounded - rounded.trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    if negative && (whole > 0 || cents > 0) {
        out.push('−');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    match cents {
        0 => {}
        c if c.is_multiple_of(10) => out.push_str(&format!(".{}", c / 10)),
        c => out.push_str(&format!(".{c:02}")),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_are_round_and_cover_zero_and_every_value() {
        let a = Axis::covering(&[15_362.0, 116_868.0, 176_239.0], 5);
        assert_eq!(
            a,
            Axis {
                low: 0.0,
                high: 200_000.0,
                step: 50_000.0
            }
        );
        assert_eq!(a.ticks().len(), 5);
        assert_eq!(a.fraction(100_000.0), 0.5);
        let negative = Axis::covering(&[-12.0, 30.0], 4);
        assert_eq!(
            (negative.low, negative.high, negative.step),
            (-20.0, 40.0, 20.0)
        );
        let flat = Axis::covering(&[0.0], 5);
        assert!(flat.high > flat.low);
        let small = Axis::covering(&[0.3, 0.7], 5);
        assert_eq!((small.low, small.high, small.step), (0.0, 0.8, 0.2));
    }

    #[test]
    fn numbers_read_as_the_corpus_writes_them() {
        for (value, text) in [
            (176_239.0, "176,239"),
            (1_160_000.0, "1,160,000"),
            (67.0, "67"),
            (2.5, "2.5"),
            (0.25, "0.25"),
            (-1200.0, "−1,200"),
            (999.999, "1,000"),
            (0.0, "0"),
        ] {
            assert_eq!(number(value), text, "{value}");
        }
    }
}
