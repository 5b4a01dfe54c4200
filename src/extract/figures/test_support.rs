//! What the figure tests share: running the extractor on one paragraph with
//! the span invariant checked, and a figure's summary to compare.

use super::{Figure, find};
use crate::extract::Para;

/// Runs the extractor on `input` as paragraph 1 and checks that every
/// figure's span is its text; the statistics only, without the framing
/// quantities (durations, ages: figures with a `kind`).
pub(super) fn run(input: &str) -> Vec<Figure> {
    run_all(input)
        .into_iter()
        .filter(|f| f.kind.is_none())
        .collect()
}

/// [`run`] with the framing quantities too.
pub(super) fn run_all(input: &str) -> Vec<Figure> {
    let p = Para::new(1, 0, input);
    let figs = find(&p);
    for f in &figs {
        assert_eq!(&input[f.start..f.end], f.text, "span in {input:?}");
    }
    figs
}

/// (text, values, unit, qualifier) of a figure.
pub(super) type Summary = (String, Vec<f64>, Option<String>, Option<String>);

pub(super) fn summary(input: &str) -> Vec<Summary> {
    run(input)
        .into_iter()
        .map(|f| (f.text, f.values, f.unit, f.qualifier))
        .collect()
}
