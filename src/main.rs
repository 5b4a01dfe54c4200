//! The `brief` binary: parse arguments, run the command, map the outcome to an exit code.

use std::process::ExitCode;

/// Extraction makes many small, short-lived allocations (words, spans,
/// strings per quote and figure); mimalloc serves them in about 10% less CPU
/// time than glibc's allocator on a corpus pass (see BENCHMARKS.md).
///
/// mimalloc is linked as the process's `malloc` (its `override` feature)
/// and Rust allocates through `System`, which calls `malloc` for every
/// alignment up to 16. The crate's own `MiMalloc` calls `mi_malloc_aligned`
/// for every allocation, whose path for sizes that are not a power of two
/// is longer and hands out a larger block (48 bytes asked, 64 given):
/// 1.1% of a corpus pass's instructions.
#[global_allocator]
static ALLOCATOR: std::alloc::System = std::alloc::System;

// Linked for its `malloc`, `free` and the rest, which replace glibc's.
use mimalloc as _;

fn main() -> ExitCode {
    brief::cli::main()
}
