//! Property checks shared by the `cargo fuzz` targets (`fuzz/`) and the
//! stable regression test (`tests/it/fuzz_regressions.rs`), so an input the
//! fuzzer keeps is replayed by `cargo test` against the very same check.
//!
//! Each check takes arbitrary bytes, runs one stage on them and returns
//! `Err` with a description when a property the stage promises does not hold
//! (a panic inside the stage is a failure too). Nothing here is used by the
//! compiler itself; it lives in the library only so both callers share it.

mod extract;
mod spec;
mod typst_markup;

pub use extract::{figures, quotes};
pub use spec::spec;
pub use typst_markup::typst_markup;

/// `Err(message)` unless `ok`; the message is built only on failure.
fn ensure(ok: bool, message: impl FnOnce() -> String) -> Result<(), String> {
    if ok { Ok(()) } else { Err(message()) }
}
