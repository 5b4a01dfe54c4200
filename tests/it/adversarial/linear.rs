//! Issue 13, item 6: extraction in time proportional to the document. A
//! 200 KB document of `"a b c d" ` took 35–60 s in `corpus show`, and 4 MB of
//! `“We went there on day N of it,” he said.` 90 s in every build. Each
//! hostile shape (`brief_synth::hostile`) is extracted here through the
//! binary under a deadline a quadratic pass would blow by far, while a linear
//! one takes a few seconds even in a debug build. The timings themselves are
//! the corpus benchmark's (BENCHMARKS.md), not a test's.

use std::path::Path;
use std::process::{Child, Output};
use std::time::{Duration, Instant};

use brief_synth::hostile::SHAPES;

use crate::common::{command, text};

/// Each shape's size here. At this size the quadratic passes fixed took
/// minutes in a debug build; linear, all shapes together take seconds.
const BYTES: usize = 200_000;

/// Generous for a debug build on a busy two-core machine.
const DEADLINE: Duration = Duration::from_secs(60);

/// Runs `brief ARGS` in `dir`, killing it at the deadline.
fn within_deadline(dir: &Path, args: &[&str]) -> Output {
    let started = Instant::now();
    let mut child: Child = command(dir, args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("brief runs");
    // Drained on threads, so a large output cannot block the child.
    let mut out_pipe = child.stdout.take().expect("piped");
    let mut err_pipe = child.stderr.take().expect("piped");
    let stdout = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut out_pipe, &mut b).ok();
        b
    });
    let stderr = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut err_pipe, &mut b).ok();
        b
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            child.kill().ok();
            child.wait().ok();
            panic!(
                "`brief {}` did not finish in {DEADLINE:?}: extraction is not linear",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    }
}

fn hostile_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("corpus directory");
    for shape in SHAPES {
        std::fs::write(
            corpus.join(format!("{}.md", shape.name)),
            format!("---\ntitle: {}\n---\n\n{}\n", shape.name, shape.body(BYTES)),
        )
        .expect("write the document");
    }
    dir
}

#[test]
fn every_hostile_shape_is_extracted_within_a_deadline() {
    let dir = hostile_corpus();
    // Every document, extracted in one run.
    let out = within_deadline(dir.path(), &["corpus", "quotes", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let quotes: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // The shapes of quotes by the thousand are read as quotes, not skipped.
    let count = |doc: &str| {
        quotes
            .as_array()
            .expect("an array")
            .iter()
            .filter(|q| q["doc"] == doc)
            .count()
    };
    // A unit of "short-quotes" is 10 bytes, of the others under 60.
    for (doc, unit) in [
        ("short-quotes", 10),
        ("quoted-sentences", 60),
        ("new-names", 60),
    ] {
        assert!(count(doc) >= BYTES / unit, "{doc}: {} quotes", count(doc));
    }
    let out = within_deadline(dir.path(), &["corpus", "figures", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn corpus_show_and_add_of_a_hostile_document_finish_within_a_deadline() {
    let dir = hostile_corpus();
    let out = within_deadline(dir.path(), &["corpus", "show", "short-quotes"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("quotes"),
        "{}",
        text(&out.stdout)
    );
    let new = dir.path().join("new.txt");
    let body = SHAPES
        .iter()
        .find(|s| s.name == "quoted-sentences")
        .expect("the shape")
        .body(BYTES - 1_000);
    // Shorter than the corpus's copy, which `add` would refuse as the same text.
    std::fs::write(&new, format!("Day by day\n\n{body}\n")).expect("write");
    let out = within_deadline(
        dir.path(),
        &["corpus", "add", "new.txt", "--outlet", "The Example Times"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("added "),
        "{}",
        text(&out.stdout)
    );
}
