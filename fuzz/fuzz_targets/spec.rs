//! The spec reader: no panic or hang, and every diagnostic points inside the
//! input.
//! The check is `brief::fuzzing::spec`, which `tests/it/fuzz_regressions.rs`
//! replays on stable.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(failure) = brief::fuzzing::spec(data) {
        panic!("{failure}");
    }
});
