//! `brief-synth --specs` (`brief_synth::write_specs_over`) writes a whole project whose every spec passes
//! `brief check`: the regeneration benchmark (benches/regen.rs) relies on it.

use crate::common::{brief, text};

#[test]
fn generated_specs_pass_brief_check() {
    let dir = tempfile::tempdir().unwrap();
    let opts = brief_synth::SynthOptions {
        docs: 1000,
        ..Default::default()
    };
    let corpus = dir.path().join("corpus");
    brief_synth::write_corpus(&opts, &corpus).unwrap();
    let briefs = dir.path().join("briefs");
    let done = brief_synth::write_specs_over(&corpus, &briefs, 100, opts.seed).unwrap();
    assert_eq!((done.written.files, done.outputs), (100, 129));
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
