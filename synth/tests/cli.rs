//! The `brief-synth` binary: what it writes where, and what it says.

use std::process::Command;

#[test]
fn writes_a_project_and_says_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_brief-synth"))
        .args(["--docs", "40", "--specs", "3", "--out", "corpus"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.starts_with("wrote 40 documents, "), "{stderr}");
    // Specs go beside the corpus by default, naming it relative to themselves.
    assert!(stderr.contains("\nwrote 3 specs ("), "{stderr}");
    assert!(stderr.contains(" to corpus/../briefs in "), "{stderr}");
    let spec = std::fs::read_to_string(dir.path().join("briefs/spec-003.yaml")).unwrap();
    assert!(spec.contains("\ncorpus: ../corpus\n"), "{spec}");
    assert!(dir.path().join("corpus/doc-00040.md").is_file());
    assert!(!dir.path().join("corpus/doc-00041.md").exists());
}

#[test]
fn refuses_a_size_too_small_for_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_brief-synth"))
        .args(["--docs", "1", "--size", "100", "--out", "corpus"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--size must be at least 500 bytes"),
        "{stderr}"
    );
    assert!(!dir.path().join("corpus").exists());
}
