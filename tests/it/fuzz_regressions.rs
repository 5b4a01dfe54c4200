//! Replays every input kept under `tests/fuzz/<target>/` through the same
//! property check its `cargo fuzz` target runs (`brief::fuzzing`), so a crash
//! the fuzzer once found stays fixed and the checks themselves run on stable.
//! The shipped corpus, specs and fixtures are replayed too: they are the
//! fuzzers' seeds, and a check that rejects them would be a wrong check.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use brief::fuzzing;

type Check = fn(&[u8]) -> Result<(), String>;

const TARGETS: &[(&str, Check)] = &[
    ("spec", fuzzing::spec),
    ("quotes", fuzzing::quotes),
    ("figures", fuzzing::figures),
    ("typst_markup", fuzzing::typst_markup),
];

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

fn replay(check: Check, paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .filter_map(|path| {
            let bytes = std::fs::read(path).unwrap();
            check(&bytes)
                .err()
                .map(|e| format!("{}: {e}", path.display()))
        })
        .collect()
}

#[test]
fn kept_fuzz_inputs_still_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let mut failures = Vec::new();
    let mut replayed = 0;
    for (target, check) in TARGETS {
        let paths = files(&root.join(target));
        assert!(!paths.is_empty(), "no kept inputs for `{target}`");
        replayed += paths.len();
        failures.extend(replay(*check, &paths));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(replayed > 0);
}

#[test]
fn seeds_pass_every_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let documents: Vec<PathBuf> = ["corpus", "tests/fixtures"]
        .iter()
        .flat_map(|d| files(&root.join(d)))
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    let specs: Vec<PathBuf> = ["briefs", "tests/fixtures"]
        .iter()
        .flat_map(|d| files(&root.join(d)))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    let mut failures = replay(fuzzing::spec, &specs);
    failures.extend(replay(fuzzing::quotes, &documents));
    failures.extend(replay(fuzzing::figures, &documents));
    failures.extend(replay(fuzzing::typst_markup, &documents));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
