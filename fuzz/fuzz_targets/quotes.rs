//! The quote extractor: every quote's span is a char-boundary range of the body
//! holding its text (or its parts), inside its paragraph and sentence; speakers
//! non-empty.
//! The check is `brief::fuzzing::quotes`, which `tests/it/fuzz_regressions.rs`
//! replays on stable.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(failure) = brief::fuzzing::quotes(data) {
        panic!("{failure}");
    }
});
