//! Extraction grows in proportion to the document on the hostile shapes
//! (`crate::synth::hostile`) that once made a pass quadratic. A shape is
//! extracted as one large document and as many small ones of the same total
//! size: linear work takes about as long either way (the large one up to
//! about twice as long, from cache misses), while a pass that rescans its
//! paragraph takes ten times as long and more on the large one at these
//! sizes. The two are timed alternately, best of a few rounds, so that a
//! busy machine slows both alike; the timings themselves are the corpus
//! benchmark's (BENCHMARKS.md). About 7 s in a release build; ignored in a
//! debug one, where it would take minutes.

use std::path::Path;
use std::time::{Duration, Instant};

use brief_synth::hostile::SHAPES;

/// The large document's size.
const LARGE: usize = 1_600_000;

/// How many small documents make up the same size.
const PIECES: usize = 64;

/// Time of the large document over the small ones, above which a pass is
/// taken to rescan: linear work stays near 1–2×, the quadratic forms fixed
/// here gave about 10×.
const BOUND: f64 = 4.0;

/// The time to load and extract each text as a document.
fn extract_time(texts: &[String]) -> Duration {
    let started = Instant::now();
    for text in texts {
        let loaded = crate::corpus::load_file(Path::new("hostile.md"), text.as_bytes())
            .expect("the shape loads");
        std::hint::black_box(super::extract(&loaded.document));
    }
    started.elapsed()
}

/// Asserts that extracting the shape as one large document takes less than
/// [`BOUND`] times as long as extracting it in [`PIECES`] small ones.
fn assert_linear(shape: &str) {
    let shape = SHAPES.iter().find(|s| s.name == shape).expect("a shape");
    let document = |bytes| format!("---\ntitle: Hostile\n---\n\n{}\n", shape.body(bytes));
    let small: Vec<String> = (0..PIECES).map(|_| document(LARGE / PIECES)).collect();
    let large = [document(LARGE)];
    let (mut best_small, mut best_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        best_small = best_small.min(extract_time(&small));
        best_large = best_large.min(extract_time(&large));
    }
    let growth = best_large.as_secs_f64() / best_small.as_secs_f64().max(1e-6);
    assert!(
        growth < BOUND,
        "{}: {best_large:?} as one document, {best_small:?} in {PIECES}: {growth:.1}x, not linear",
        shape.name
    );
}

/// Each quote by a name not seen before: the paragraph's list of quoted
/// names was searched at every quote.
#[test]
#[cfg_attr(debug_assertions, ignore = "timed: run with --release")]
fn new_names_extract_in_linear_time() {
    assert_linear("new-names");
}

/// The same with acronyms ("ABC said").
#[test]
#[cfg_attr(debug_assertions, ignore = "timed: run with --release")]
fn new_acronyms_extract_in_linear_time() {
    assert_linear("new-acronyms");
}

/// Thousands of figures in one sentence: linear in instructions (callgrind,
/// 3.9x per 4x of size); wall-clock growth in the benchmark at 1.6 MB came
/// from the machine (first touch of fresh huge pages, other processes).
#[test]
#[cfg_attr(debug_assertions, ignore = "timed: run with --release")]
fn figures_in_one_sentence_extract_in_linear_time() {
    assert_linear("figures-in-one-sentence");
}
