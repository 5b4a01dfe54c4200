//! `brief-synth --specs` writes a whole project whose every spec passes
//! `brief check`: the regeneration benchmark (benches/regen.rs) relies on it.

use std::process::Command;

use crate::common::{brief, text};

#[test]
fn generated_specs_pass_brief_check() {
    let dir = tempfile::tempdir().unwrap();
    let synth = Command::new(env!("CARGO_BIN_EXE_brief-synth"))
        .args(["--docs", "1000", "--out", "corpus", "--specs", "100"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = text(&synth.stderr);
    assert!(synth.status.success(), "{stderr}");
    assert!(
        stderr.contains("\nwrote 100 specs (129 outputs) to corpus/../briefs in "),
        "{stderr}"
    );
    let spec = std::fs::read_to_string(dir.path().join("briefs/spec-001.yaml")).unwrap();
    assert!(
        spec.contains("\ndate: 2025-03-03\ncorpus: ../corpus\n"),
        "{spec}"
    );

    let check = brief(dir.path(), &["check"]);
    let (stdout, stderr) = (text(&check.stdout), text(&check.stderr));
    assert_eq!(check.status.code(), Some(0), "{stdout}\n{stderr}");
    let ok: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("ok briefs/spec-"))
        .collect();
    assert_eq!(ok.len(), 100, "{stdout}");
    assert!(ok[99].starts_with("ok briefs/spec-100.yaml: "), "{stdout}");
    // The corpus's own warnings (documents without front matter or too thin
    // to cite well, and the quotations whose marks the shuffled sentences
    // leave unpaired) are
    // expected; the specs raise none, not even an empty `allow_empty` query.
    let other: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning") || l.starts_with("error"))
        .filter(|l| !l.starts_with("warning: no front matter"))
        .filter(|l| !l.starts_with("warning: quotation left out"))
        // Like a hand-collected corpus, some generated documents state no
        // outlet or URL: `brief check` says which cited ones.
        .filter(|l| {
            !(l.starts_with("warning: cited in briefs/spec-") && l.contains("no outlet or URL"))
        })
        .collect();
    assert!(other.is_empty(), "{stderr}");
}
