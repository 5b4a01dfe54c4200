//! The figure extractor: every figure's span holds its text, its values are
//! finite and non-negative, its qualifier is one of the normalised set.
//! The check is `brief::fuzzing::figures`, which `tests/it/fuzz_regressions.rs`
//! replays on stable.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(failure) = brief::fuzzing::figures(data) {
        panic!("{failure}");
    }
});
