//! The value axis: round tick steps that cover the data, with every tick
//! label written from exact digits.
//!
//! Values may be anything a source states, from 10⁻³⁰⁰ to 1.7 × 10³⁰⁸, so
//! the arithmetic runs on values shifted by a power of ten to near 1: a
//! range such as −1.7 × 10³⁰⁸ … 1.7 × 10³⁰⁸ would overflow `f64` if
//! subtracted as is, and a step of 10⁻³²⁴ would underflow to zero. Ticks
//! are integers times a step of 1, 2, 2.5 or 5 times a power of ten, so
//! their labels are exact (the top tick may be 2 × 10³⁰⁸, which no `f64`
//! holds) and their positions are exact fractions.

use crate::decimal::Decimal;

pub use crate::decimal::number;

/// The axis from `low × step` to `high × step`, with zero always on it (a
/// bar's length is its value only when bars start at zero).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// The lowest and highest tick, in steps.
    low: i64,
    high: i64,
    /// The step is `step_digits × 10^(step_exp + shift)`.
    step_digits: i64,
    step_exp: i64,
    /// Values are divided by `10^shift` before any arithmetic.
    shift: i64,
}

/// One tick: its value, exactly, and where it falls from 0 (low) to 1 (high).
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: Decimal,
    pub at: f64,
}

/// Slack for values that land a rounding error off a tick (0.6 / 0.2).
const SLACK: f64 = 1e-9;

impl Axis {
    /// About `ticks` round steps covering every value and zero. Values
    /// that are not finite are left out (none reach a chart: readers
    /// refuse them).
    pub fn covering(values: &[f64], ticks: usize) -> Axis {
        let finite = || values.iter().copied().filter(|v| v.is_finite());
        let min = finite().fold(0.0_f64, f64::min);
        let max = finite().fold(0.0_f64, f64::max);
        // Zero is on the axis, so the span is at least the largest
        // magnitude: shifted, every value is below 10 and the span at
        // least 1, whatever the values' size.
        let largest = max.max(-min);
        let shift = if largest > 0.0 {
            largest.log10().floor() as i64
        } else {
            0
        };
        let (lo, hi) = (shifted(min, shift), shifted(max, shift));
        let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
        let (step_digits, step_exp) = round_step(span / ticks.max(1) as f64);
        let step = step_digits as f64 * pow10(step_exp);
        let low = (lo / step + SLACK).floor() as i64;
        let high = ((hi / step - SLACK).ceil() as i64).max(low + 1);
        Axis {
            low,
            high,
            step_digits,
            step_exp,
            shift,
        }
    }

    /// The ticks from low to high.
    pub fn ticks(&self) -> Vec<Tick> {
        let steps = (self.high - self.low) as f64;
        (self.low..=self.high)
            .map(|k| Tick {
                value: Decimal::from_int(
                    i128::from(k) * i128::from(self.step_digits),
                    self.step_exp + self.shift,
                ),
                at: (k - self.low) as f64 / steps,
            })
            .collect()
    }

    /// Where `value` falls, from 0 (low) to 1 (high); finite for every
    /// finite value.
    pub fn fraction(&self, value: f64) -> f64 {
        let step = self.step_digits as f64 * pow10(self.step_exp);
        let steps = shifted(value, self.shift) / step;
        (steps - self.low as f64) / (self.high - self.low) as f64
    }
}

/// A step near `raw` (a shifted span divided into ticks, so between 0.05
/// and 20): 1, 2, 2.5, 5 or 10 times a power of ten, as `(digits, exp)`.
fn round_step(raw: f64) -> (i64, i64) {
    let power = raw.log10().floor() as i64;
    let m = raw / pow10(power);
    if m <= 1.0 + SLACK {
        (1, power)
    } else if m <= 2.0 + SLACK {
        (2, power)
    } else if m <= 2.5 + SLACK {
        (25, power - 1)
    } else if m <= 5.0 + SLACK {
        (5, power)
    } else {
        (1, power + 1)
    }
}

/// `value / 10^shift`, in steps that never overflow or underflow on the
/// way (10²² is the largest power of ten an `f64` holds exactly).
fn shifted(mut value: f64, mut shift: i64) -> f64 {
    while shift > 22 {
        value /= 1e22;
        shift -= 22;
    }
    while shift < -22 {
        value *= 1e22;
        shift += 22;
    }
    if shift >= 0 {
        value / pow10(shift)
    } else {
        value * pow10(-shift)
    }
}

/// `10^n` for the small exponents the axis uses.
fn pow10(n: i64) -> f64 {
    10f64.powi(n.clamp(-300, 300) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(a: &Axis) -> Vec<String> {
        a.ticks().iter().map(|t| t.value.to_string()).collect()
    }

    #[test]
    fn axes_are_round_and_cover_zero_and_every_value() {
        let a = Axis::covering(&[15_362.0, 116_868.0, 176_239.0], 5);
        assert_eq!(labels(&a), ["0", "50,000", "100,000", "150,000", "200,000"]);
        assert_eq!(a.fraction(100_000.0), 0.5);
        let negative = Axis::covering(&[-12.0, 30.0], 4);
        assert_eq!(labels(&negative), ["−20", "0", "20", "40"]);
        let flat = Axis::covering(&[0.0], 5);
        assert_eq!(labels(&flat), ["0", "0.2"]);
        let small = Axis::covering(&[0.3, 0.7], 5);
        assert_eq!(labels(&small), ["0", "0.2", "0.4", "0.6", "0.8"]);
        let quarter = Axis::covering(&[0.6], 3);
        assert_eq!(labels(&quarter), ["0", "0.2", "0.4", "0.6"]);
    }

    /// Every tick and every value's position is finite and in order, the
    /// values lie within the axis, and the labels are exact decimals.
    fn drawable(values: &[f64]) -> Axis {
        let a = Axis::covering(values, 5);
        let ticks = a.ticks();
        assert!(
            ticks.len() >= 2 && ticks.len() <= 60,
            "{values:?}: {ticks:?}"
        );
        assert!(ticks.windows(2).all(|w| w[0].at < w[1].at));
        assert_eq!((ticks[0].at, ticks[ticks.len() - 1].at), (0.0, 1.0));
        for &v in values.iter().chain(&[0.0]) {
            let f = a.fraction(v);
            assert!(
                f.is_finite() && (-1e-6..=1.0 + 1e-6).contains(&f),
                "{v:e}: {f}"
            );
        }
        a
    }

    #[test]
    fn huge_and_tiny_ranges_are_drawable() {
        let edge = [
            0.0,
            -5.0,
            9_007_199_254_740_993.0,
            18_446_744_073_709_551_616.0,
            1e20,
            3e22,
            1.7e308,
            -1.7e308,
            f64::MAX,
            f64::MIN,
            1e-300,
            -1e-300,
            5e-324,
        ];
        for &v in &edge {
            drawable(&[v]);
            for &w in &edge {
                drawable(&[v, w]);
            }
        }
        let big = drawable(&[1e20, 1.7e308]);
        assert_eq!(
            labels(&big),
            ["0", "5 × 10³⁰⁷", "1 × 10³⁰⁸", "1.5 × 10³⁰⁸", "2 × 10³⁰⁸"]
        );
        let both = drawable(&[-1.7e308, 1.7e308]);
        assert_eq!(labels(&both)[0], "−2 × 10³⁰⁸");
        let huge = drawable(&[3e22]);
        assert_eq!(
            labels(&huge).last().unwrap(),
            "30,000,000,000,000,000,000,000"
        );
        let tiny = drawable(&[1e-300]);
        assert_eq!(labels(&tiny).last().unwrap(), "1 × 10⁻³⁰⁰");
        assert_eq!(labels(&tiny)[1], "2 × 10⁻³⁰¹");
        let past_u64 = drawable(&[18_446_744_073_709_551_616.0]);
        assert_eq!(
            labels(&past_u64).last().unwrap(),
            "20,000,000,000,000,000,000"
        );
    }
}
