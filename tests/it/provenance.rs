//! `brief check` verifies built outputs against the corpus as it is now:
//! every quote still verbatim in its source, every figure still in its
//! sentence; what is not is reported at the spec line that asked for it.
//! Fixture: tests/fixtures/regen (`by-id` cites alpha's quote and figure by
//! id, `voices` selects Li Ming's quotes in every document).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Duration;

use crate::common::{brief, command, fixture, text};

fn build(dir: &Path) {
    let out = brief(dir, &["build", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

fn edit(path: &Path, from: &str, to: &str) {
    let body = std::fs::read_to_string(path).unwrap();
    assert!(body.contains(from), "{from}");
    std::fs::write(path, body.replace(from, to)).unwrap();
}

#[test]
fn a_fresh_build_checks_clean_and_says_what_it_verified() {
    let dir = fixture("regen");
    build(dir.path());
    let out = brief(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "ok briefs/by-id.yaml: 1 sections, 2 notes from 1 sources\n  out: 1 built output; 2 of 2 quotes and figures still stand in the corpus\n"
        ),
        "{stdout}"
    );
    // Before any build there is nothing to verify, and no line about it.
    let fresh = fixture("regen");
    let out = brief(fresh.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!text(&out.stdout).contains("built output"));
}

#[test]
fn changed_and_withdrawn_sources_are_reported_by_spec_line() {
    let dir = fixture("regen");
    let d = dir.path();
    build(d);
    // Edits that keep every printed word are not a problem.
    edit(
        &d.join("corpus/alpha.md"),
        "said Li Ming, a former worker.",
        "said Li Ming, a former worker at the plant.\n\nA new paragraph.",
    );
    let out = brief(d, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    edit(&d.join("corpus/alpha.md"), "factory closed", "plant closed");
    edit(
        &d.join("corpus/alpha.md"),
        "counted more than 3,000 arrivals",
        "counted more than 3,000 new arrivals",
    );
    std::fs::remove_file(d.join("corpus/gamma.md")).unwrap();
    let out = brief(d, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let expected = [
        // by-id no longer resolves (its quote's id went with its words),
        // and its built output is still verified.
        "error: `out/by-id/brief.md` shows quote `alpha/q-we-left-because-the-factory`, but `corpus/alpha.md` no longer says “We left because the factory closed and nothing came after it”\n --> briefs/by-id.yaml:7:18\n",
        "error: `out/by-id/brief.md` shows figure `alpha/f-more-than-3000` (“more than 3,000”), but `corpus/alpha.md` no longer has the sentence it stood in: “Officials counted more than 3,000 arrivals in May 2024.”\n --> briefs/by-id.yaml:8:34\n",
        "error: `out/voices/brief.md` shows quote `alpha/q-we-left-because-the-factory`, but `corpus/alpha.md` no longer says “We left because the factory closed and nothing came after it”\n --> briefs/voices.yaml:8:13\n",
        "error: `out/voices/brief.md` shows quote `gamma/q-nobody-here-asks-what-you`, but the corpus has no document `gamma` any more\n --> briefs/voices.yaml:8:13\n",
    ];
    for e in expected {
        assert!(stderr.contains(e), "missing:\n{e}\nin:\n{stderr}");
    }
    assert_eq!(stderr.matches("error: `out/").count(), 4, "{stderr}");
    assert!(
        stderr.contains("help: the source changed after this output was built: run `brief build`")
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("out: 1 built output; 1 of 1 quotes and figures still stand"));
    assert!(stdout.contains("out: 1 built output; 0 of 2 quotes and figures still stand"));

    // Rebuilding from the corpus as it is makes the check clean again
    // (by-id must first be pointed at the quote's new id).
    edit(
        &d.join("briefs/by-id.yaml"),
        "alpha/q-we-left-because-the-factory",
        "alpha/q-we-left-because-the-plant",
    );
    build(d);
    let out = brief(d, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn check_reads_outputs_only_between_builds() {
    let dir = fixture("regen");
    let d = dir.path();
    build(d);
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(d.join("out/.brief.lock"))
        .unwrap();
    lock.lock().unwrap();
    let mut check = command(d, &["check"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    assert!(
        check.try_wait().unwrap().is_none(),
        "check read the outputs while a build held them"
    );
    drop(lock);
    assert_eq!(check.wait().unwrap().code(), Some(0));
}
