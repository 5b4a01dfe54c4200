//! `brief watch`: the real binary watching a copy of the regen fixture (see
//! tests/it/regen.rs for what each brief reads), edited while it runs. Each
//! test waits for what it expects with a generous timeout and says what it
//! saw when that runs out; only the "nothing happens" checks sleep.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use crate::common::{brief, command, fixture, repo, text};

/// How long to wait for something that should happen: long, so a loaded
/// machine typesetting PDFs does not fail a test.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A running `brief watch`, killed when dropped so a failed assertion
/// leaves no process behind.
struct Watch {
    child: Child,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
    /// Every line so far, for the message when a wait fails.
    seen: Vec<String>,
    errors: String,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends each line a stream gives, from a thread.
fn lines(stream: impl Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

impl Watch {
    /// Starts `brief watch ARGS` in `dir` and waits until it is watching;
    /// returns it and the rounds of its first build.
    fn start(dir: &Path, args: &[&str]) -> (Watch, Vec<String>) {
        Watch::start_saying(
            dir,
            args,
            "watching 3 specs, corpus, templates (Ctrl-C to stop)",
        )
    }

    fn start_saying(dir: &Path, args: &[&str], watching: &str) -> (Watch, Vec<String>) {
        let mut all = vec!["watch"];
        all.extend_from_slice(args);
        let mut child = command(dir, &all)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("brief runs");
        let stdout = lines(child.stdout.take().unwrap());
        let stderr = lines(child.stderr.take().unwrap());
        let mut watch = Watch {
            child,
            stdout,
            stderr,
            seen: Vec::new(),
            errors: String::new(),
        };
        let first = watch.round();
        let line = watch.line("the `watching` line");
        assert_eq!(line, watching, "{}", watch.report());
        (watch, first)
    }

    fn report(&mut self) -> String {
        self.drain_stderr();
        format!(
            "stdout so far:\n{}\nstderr so far:\n{}",
            self.seen.join("\n"),
            self.errors
        )
    }

    fn drain_stderr(&mut self) {
        while let Ok(line) = self.stderr.try_recv() {
            self.errors.push_str(&line);
            self.errors.push('\n');
        }
    }

    /// The next line on stdout, waiting for it.
    fn line(&mut self, what: &str) -> String {
        match self.stdout.recv_timeout(TIMEOUT) {
            Ok(line) => {
                self.seen.push(line.clone());
                line
            }
            Err(e) => {
                let why = match e {
                    RecvTimeoutError::Timeout => format!("no {what} within {TIMEOUT:?}"),
                    RecvTimeoutError::Disconnected => format!("brief exited before {what}"),
                };
                panic!("{why}\n{}", self.report());
            }
        }
    }

    /// The stdout lines of the next round, up to and including its status
    /// line: the "rebuilding" lines, and the status line's summary without
    /// its time of day and duration. The "built" lines are left out.
    fn round(&mut self) -> Vec<String> {
        let mut decisions = Vec::new();
        loop {
            let line = self.line("status line");
            if line.starts_with("built ") {
                continue;
            }
            if line.starts_with('[') {
                let stamp = line.get(1..9).unwrap_or_default();
                assert!(
                    line.get(9..11) == Some("] ")
                        && stamp.len() == 8
                        && stamp.chars().enumerate().all(|(i, c)| if i % 3 == 2 {
                            c == ':'
                        } else {
                            c.is_ascii_digit()
                        }),
                    "a status line starts with [HH:MM:SS]: {line}"
                );
                let summary = &line[11..];
                let end = summary.rfind(" in ").expect("a duration");
                assert!(summary.ends_with(" ms"), "{line}");
                decisions.push(summary[..end].to_string());
                return decisions;
            }
            decisions.push(line);
        }
    }

    /// Waits until stderr has shown `needle`.
    fn stderr_shows(&mut self, needle: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.errors.contains(needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(line) => {
                    self.errors.push_str(&line);
                    self.errors.push('\n');
                }
                Err(_) => panic!("stderr never showed {needle:?}\n{}", self.report()),
            }
        }
    }

    /// Asserts that stdout stays silent for `time`.
    fn quiet_for(&mut self, time: Duration) {
        if let Ok(line) = self.stdout.recv_timeout(time) {
            self.seen.push(line.clone());
            panic!("expected nothing, got {line:?}\n{}", self.report());
        }
    }
}

fn read(dir: &Path, path: &str) -> Vec<u8> {
    std::fs::read(dir.join(path)).unwrap()
}

fn write(dir: &Path, path: &str, text: &str) {
    std::fs::write(dir.join(path), text).unwrap();
}

const FIRST_BUILD: [&str; 4] = [
    "rebuilding briefs/beta-only.yaml: not built before",
    "rebuilding briefs/by-id.yaml: not built before",
    "rebuilding briefs/voices.yaml: not built before",
    "3 rebuilt, 0 up to date",
];

#[test]
fn a_broken_spec_keeps_the_last_good_pdf_and_the_fixed_spec_rebuilds() {
    let dir = fixture("regen");
    let d = dir.path();
    let (mut watch, first) = Watch::start(d, &[]);
    assert_eq!(first, FIRST_BUILD);
    let md = read(d, "out/beta-only/brief.md");
    let pdf = read(d, "out/beta-only/brief.pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let good = String::from_utf8(read(d, "briefs/beta-only.yaml")).unwrap();

    write(
        d,
        "briefs/beta-only.yaml",
        &good.replace("doc: beta", "doc: betta"),
    );
    assert_eq!(
        watch.round(),
        [
            "rebuilding briefs/beta-only.yaml: the spec changed",
            "0 rebuilt, 2 up to date, 1 failed",
        ]
    );
    watch.stderr_shows("error: unknown document `betta`");
    watch.stderr_shows("briefs/beta-only.yaml: 1 error; nothing written");
    assert_eq!(read(d, "out/beta-only/brief.md"), md);
    assert_eq!(read(d, "out/beta-only/brief.pdf"), pdf);

    // Fixed, and retitled so the new output shows it was rebuilt.
    write(
        d,
        "briefs/beta-only.yaml",
        &good.replace("title: Beta only", "title: Beta, fixed"),
    );
    assert_eq!(
        watch.round(),
        [
            "rebuilding briefs/beta-only.yaml: its last build failed",
            "1 rebuilt, 2 up to date",
        ]
    );
    let md = String::from_utf8(read(d, "out/beta-only/brief.md")).unwrap();
    assert!(md.starts_with("# Beta, fixed\n"), "{md}");
    let new_pdf = read(d, "out/beta-only/brief.pdf");
    assert!(new_pdf.starts_with(b"%PDF-") && new_pdf != pdf);
}

#[test]
fn a_broken_template_keeps_every_pdf_until_it_is_fixed() {
    let dir = fixture("regen");
    let d = dir.path();
    let template = std::fs::read_to_string(repo().join("templates/brief.typ")).unwrap();
    std::fs::create_dir_all(d.join("templates")).unwrap();
    write(d, "templates/brief.typ", &template);
    let (mut watch, _) = Watch::start(d, &[]);
    let pdf = read(d, "out/voices/brief.pdf");
    let md = read(d, "out/voices/brief.md");

    write(
        d,
        "templates/brief.typ",
        &format!("{template}\n#let broken = (1, 2\n"),
    );
    assert_eq!(
        watch.round(),
        [
            "rebuilding briefs/beta-only.yaml: the template changed",
            "rebuilding briefs/by-id.yaml: the template changed",
            "rebuilding briefs/voices.yaml: the template changed",
            "0 rebuilt, 0 up to date, 3 failed",
        ]
    );
    watch.stderr_shows("error: unclosed delimiter");
    watch.stderr_shows("out/voices/brief.md: not written (the PDF failed)");
    assert_eq!(read(d, "out/voices/brief.pdf"), pdf);
    assert_eq!(read(d, "out/voices/brief.md"), md);

    write(d, "templates/brief.typ", &template);
    assert_eq!(
        watch.round(),
        [
            "rebuilding briefs/beta-only.yaml: its last build failed",
            "rebuilding briefs/by-id.yaml: its last build failed",
            "rebuilding briefs/voices.yaml: its last build failed",
            "3 rebuilt, 0 up to date",
        ]
    );
    // The same inputs again: the same PDF, byte for byte.
    assert_eq!(read(d, "out/voices/brief.pdf"), pdf);
}

#[test]
fn new_documents_specs_and_templates_rebuild_what_they_affect() {
    let dir = fixture("regen");
    let d = dir.path();
    let (mut watch, first) = Watch::start(d, &["--no-pdf"]);
    assert_eq!(first, FIRST_BUILD);
    let by_id = read(d, "out/by-id/brief.md");

    write(
        d,
        "corpus/epsilon.md",
        "---\ntitle: Epsilon interview\n---\n\n“We would go again if we had to choose,” said Li Ming.\n",
    );
    assert_eq!(
        watch.round(),
        [
            "rebuilding briefs/voices.yaml: new document corpus/epsilon.md matches section voices",
            "1 rebuilt, 2 up to date",
        ]
    );
    let voices = String::from_utf8(read(d, "out/voices/brief.md")).unwrap();
    assert!(
        voices.contains("We would go again if we had to choose"),
        "{voices}"
    );
    assert_eq!(read(d, "out/by-id/brief.md"), by_id);

    // A new spec in briefs/ is picked up.
    let spec = String::from_utf8(read(d, "briefs/by-id.yaml")).unwrap();
    write(d, "briefs/second.yaml", &spec);
    assert_eq!(
        watch.round(),
        [
            "rebuilding briefs/second.yaml: not built before",
            "1 rebuilt, 3 up to date",
        ]
    );
    assert_eq!(read(d, "out/second/brief.md"), by_id);

    // There was no templates/ directory: it is waited for, and seen.
    std::fs::create_dir(d.join("templates")).unwrap();
    write(d, "templates/extra.typ", "// new\n");
    assert_eq!(
        watch.round(),
        [
            "rebuilding briefs/beta-only.yaml: the template changed",
            "rebuilding briefs/by-id.yaml: the template changed",
            "rebuilding briefs/second.yaml: the template changed",
            "rebuilding briefs/voices.yaml: the template changed",
            "4 rebuilt, 0 up to date",
        ]
    );
    // And watched from then on.
    write(d, "templates/extra.typ", "// changed\n");
    assert_eq!(watch.round()[4], "4 rebuilt, 0 up to date");
}

#[test]
fn a_burst_of_saves_is_one_rebuild() {
    let dir = fixture("regen");
    let d = dir.path();
    let (mut watch, _) = Watch::start(d, &["--no-pdf", "--debounce", "1000"]);
    let spec = String::from_utf8(read(d, "briefs/by-id.yaml")).unwrap();
    for n in 1..=5 {
        let draft = format!("title: Draft {n}");
        write(
            d,
            "briefs/by-id.yaml",
            &spec.replace("title: Alpha only", &draft),
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        watch.round(),
        [
            "rebuilding briefs/by-id.yaml: the spec changed",
            "1 rebuilt, 2 up to date",
        ]
    );
    let md = String::from_utf8(read(d, "out/by-id/brief.md")).unwrap();
    assert!(md.starts_with("# Draft 5\n"), "{md}");
    watch.quiet_for(Duration::from_secs(2));
}

#[cfg(unix)]
#[test]
fn its_own_outputs_never_start_a_build() {
    use std::os::unix::fs::MetadataExt;

    let dir = fixture("regen");
    let d = dir.path();
    let (mut watch, _) = Watch::start(d, &["--no-pdf"]);
    let manifest = d.join("out/brief-manifest.json");
    // Every build replaces the manifest (a new file renamed into place), so
    // the same inode afterwards means no build ran, not even a silent one.
    let inode = std::fs::metadata(&manifest).unwrap().ino();
    let mut md = read(d, "out/voices/brief.md");
    md.extend_from_slice(b"\nEdited by hand.\n");
    std::fs::write(d.join("out/voices/brief.md"), &md).unwrap();
    std::fs::write(&manifest, read(d, "out/brief-manifest.json")).unwrap();
    write(d, "out/notes.md", "scratch\n");
    std::fs::File::open(d.join("out"))
        .unwrap()
        .set_modified(std::time::UNIX_EPOCH + Duration::from_secs(1_700_000_000))
        .unwrap();
    // A log beside the project's files is not an input either.
    write(d, "watch.log", "a line\n");
    watch.quiet_for(Duration::from_millis(1500));
    assert_eq!(
        std::fs::metadata(&manifest).unwrap().ino(),
        inode,
        "a build ran"
    );
    assert_eq!(read(d, "out/voices/brief.md"), md);

    // It was watching all along. The next build it runs finds the edited
    // output not as built and rebuilds it too (as `brief check` reports it).
    let beta = String::from_utf8(read(d, "corpus/beta.md")).unwrap();
    write(d, "corpus/beta.md", &format!("{beta}\nA closing line.\n"));
    assert_eq!(
        watch.round(),
        [
            "rebuilding briefs/beta-only.yaml: corpus/beta.md changed",
            "rebuilding briefs/voices.yaml: out/voices/brief.md is not the file brief built (changed since, or left by an interrupted build)",
            "2 rebuilt, 1 up to date",
        ]
    );
}

#[test]
fn a_corpus_that_goes_away_is_waited_for_and_watched_again() {
    let dir = fixture("regen");
    let d = dir.path();
    let (mut watch, _) = Watch::start(d, &["--no-pdf"]);
    std::fs::rename(d.join("corpus"), d.join("corpus.away")).unwrap();
    assert_eq!(watch.round(), ["0 rebuilt, 0 up to date, 3 failed"]);
    watch.stderr_shows("warning: `corpus` is gone; watching for it to come back");
    watch.stderr_shows("error: no corpus found");
    // Back as it was: nothing to rebuild, but the round says it is clear.
    std::fs::rename(d.join("corpus.away"), d.join("corpus")).unwrap();
    assert_eq!(watch.round(), ["0 rebuilt, 3 up to date"]);
    edit_beta_and_see_it_rebuilt(&mut watch, d);
}

#[test]
fn polling_sees_changes_too() {
    let dir = fixture("regen");
    let d = dir.path();
    let (mut watch, _) = Watch::start_saying(
        d,
        &["--no-pdf", "--poll"],
        "watching 3 specs, corpus, templates (polling every 1 s; Ctrl-C to stop)",
    );
    edit_beta_and_see_it_rebuilt(&mut watch, d);
}

#[test]
fn usage_errors_exit_before_watching() {
    let dir = tempfile::tempdir().unwrap();
    let out = brief(dir.path(), &["watch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("error: cannot read `briefs`"),
        "{}",
        text(&out.stderr)
    );
    let out = brief(dir.path(), &["watch", "--debounce", "5"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("5 is not in 10..=60000"),
        "{}",
        text(&out.stderr)
    );
}

/// A change every test can make to show the watch is still alive: edit the
/// document only `beta-only` reads, and see just that brief rebuilt.
fn edit_beta_and_see_it_rebuilt(watch: &mut Watch, d: &Path) {
    let beta = String::from_utf8(read(d, "corpus/beta.md")).unwrap();
    write(d, "corpus/beta.md", &format!("{beta}\nA closing line.\n"));
    assert_eq!(
        watch.round(),
        [
            "rebuilding briefs/beta-only.yaml: corpus/beta.md changed",
            "1 rebuilt, 2 up to date",
        ]
    );
}

#[test]
fn a_build_beside_an_idle_watch_neither_waits_nor_rebuilds() {
    let dir = fixture("regen");
    let d = dir.path();
    let (mut watch, _) = Watch::start(d, &["--no-pdf"]);
    // The watch holds `out/.brief.lock` only while it builds.
    let out = brief(d, &["build", "--no-pdf", "--no-wait"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("0 rebuilt, 3 up to date"));
    // Its manifest write is not the watch's own output: nothing rebuilds.
    watch.quiet_for(Duration::from_millis(1500));
    edit_beta_and_see_it_rebuilt(&mut watch, d);
}
