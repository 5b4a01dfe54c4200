//! The Markdown→Typst converter: the output parses cleanly, holds only the
//! converter's calls and escaped text, and reference text arrives as string
//! literals.
//! The check is `brief::fuzzing::typst_markup`, which
//! `tests/it/fuzz_regressions.rs` replays on stable.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(failure) = brief::fuzzing::typst_markup(data) {
        panic!("{failure}");
    }
});
