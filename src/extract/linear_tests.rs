//! Extraction grows in proportion to the document on the hostile shapes
//! (`crate::synth::hostile`) that once made a pass quadratic. Each shape is
//! extracted at two sizes eight times apart: linear work takes about 8× as
//! long, a quadratic pass 30× and more at these sizes. The bound sits well
//! between, and each time is the best of a few runs, so a busy machine does
//! not fail the test; the timings themselves are the corpus benchmark's
//! (BENCHMARKS.md).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::synth::hostile::SHAPES;

/// The smaller size; the larger is eight times it.
const SMALL: usize = 100_000;

/// Time at 8× the size over time at the size, above which a pass is taken to
/// rescan: generous for linear work (8×, with cache effects up to 10–12×),
/// far below what the quadratic forms fixed here gave (≥ 25×).
const BOUND: f64 = 18.0;

/// The best of `runs` load + extract timings of the shape at `bytes`.
fn best(shape: &str, bytes: usize, runs: usize) -> Duration {
    let shape = SHAPES.iter().find(|s| s.name == shape).expect("a shape");
    let text = format!("---\ntitle: Hostile\n---\n\n{}\n", shape.body(bytes));
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            let loaded = crate::corpus::load_file(Path::new("hostile.md"), text.as_bytes())
                .expect("the shape loads");
            let extracted = super::extract(&loaded.document);
            std::hint::black_box(extracted);
            started.elapsed()
        })
        .min()
        .expect("at least one run")
}

/// Asserts that extracting the shape at 8× the size takes less than
/// [`BOUND`] times as long.
fn assert_linear(shape: &str) {
    let small = best(shape, SMALL, 5);
    let large = best(shape, 8 * SMALL, 3);
    let growth = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    assert!(
        growth < BOUND,
        "{shape}: {small:?} at {SMALL} bytes, {large:?} at 8x: {growth:.1}x, not linear"
    );
}

/// Each quote by a name not seen before: the paragraph's list of quoted
/// names was searched at every quote.
#[test]
fn new_names_extract_in_linear_time() {
    assert_linear("new-names");
}

/// The same with acronyms ("ABC said").
#[test]
fn new_acronyms_extract_in_linear_time() {
    assert_linear("new-acronyms");
}
