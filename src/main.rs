//! The `brief` binary: parse arguments, run the command, map the outcome to an exit code.

use std::process::ExitCode;

/// Extraction makes many small, short-lived allocations (words, spans,
/// strings per quote and figure); mimalloc serves them in about 10% less CPU
/// time than the system allocator on a corpus pass (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    brief::cli::main()
}
