//! No output lost: `brief build` killed with SIGKILL at random instants of a
//! large build, many times. After every kill each output file is either the
//! previous good one or the new complete one, the manifest is one of the two
//! whole manifests (and is the new one only once every file is new), and the
//! next build finishes the job, leaving exactly what an uninterrupted build
//! leaves and no temporary files.
//!
//! Half the kills come at a random instant, half right after the build
//! changed something in `out/` for the k-th time (seen through inotify), which
//! is when a non-atomic write would leave a truncated file. (Checked: with
//! the outputs written in place, in 64 KB writes, instead of renamed into
//! place, this test failed on a truncated Markdown file.)
//!
//! The instants are random; the seed is printed, and `BRIEF_KILL_SEED=N`
//! replays a run.

// A report for the person running it: `println!` is disallowed only for the CLI.
#![allow(clippy::disallowed_macros)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::common::{brief, command, copy_dir, files_under, text};

const ROUNDS: usize = 12;
const MANIFEST: &str = "brief-manifest.json";

/// Outputs only: the lock file and the manifest are looked at separately.
fn outputs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all = files_under(dir);
    all.remove(".brief.lock");
    all.remove(MANIFEST);
    // A hint for the next build, written atomically like everything else;
    // the same in both versions of the project.
    all.remove(".brief-fonts");
    all.remove(".brief-cites");
    all
}

fn build(dir: &Path, args: &[&str]) {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = brief(dir, &all);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// A project of 200 generated documents and 12 specs (some with audiences):
/// a PDF build of a few seconds.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let opts = brief_synth::SynthOptions {
        docs: 200,
        ..Default::default()
    };
    let corpus = dir.path().join("corpus");
    brief_synth::write_corpus(&opts, &corpus).unwrap();
    brief_synth::write_specs_over(&corpus, &dir.path().join("briefs"), 12, opts.seed).unwrap();
    dir
}

/// The second version of the project: every spec's title changed, so every
/// Markdown file and PDF differs from the first build's.
fn revise(dir: &Path) {
    for entry in std::fs::read_dir(dir.join("briefs")).unwrap() {
        let path = entry.unwrap().path();
        let spec = std::fs::read_to_string(&path).unwrap();
        let revised = spec.replacen("title: \"", "title: \"Revised: ", 1);
        assert_ne!(spec, revised, "{}", path.display());
        std::fs::write(&path, revised).unwrap();
    }
}

fn seed() -> u64 {
    match std::env::var("BRIEF_KILL_SEED") {
        Ok(s) => s.parse().expect("BRIEF_KILL_SEED is a number"),
        // A test's own randomness, not a brief date: the clock rule is for
        // the product's code.
        #[allow(clippy::disallowed_methods)]
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64,
    }
}

/// xorshift64*: enough randomness for kill instants, no dependency.
fn next(state: &mut u64) -> u64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    state.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

#[test]
fn a_build_killed_at_any_instant_loses_nothing() {
    kill_rounds(project(), &[]);
}

/// Builds `project`, then kills builds of its revision (see the module
/// documentation) `ROUNDS` times, checking the output directory after each.
fn kill_rounds(old: tempfile::TempDir, args: &[&str]) {
    build(old.path(), args);
    let old_out = outputs(&old.path().join("out"));
    let old_manifest = std::fs::read(old.path().join("out").join(MANIFEST)).unwrap();

    // The new complete state, from an uninterrupted build of the revision.
    let new = tempfile::tempdir().unwrap();
    copy_dir(old.path(), new.path());
    revise(new.path());
    let started = Instant::now();
    build(new.path(), args);
    let full = started.elapsed();
    let new_out = outputs(&new.path().join("out"));
    let new_manifest = std::fs::read(new.path().join("out").join(MANIFEST)).unwrap();
    assert_eq!(
        old_out.keys().collect::<Vec<_>>(),
        new_out.keys().collect::<Vec<_>>()
    );
    assert!(
        old_out.iter().all(|(k, v)| new_out[k] != *v),
        "every output changes"
    );

    let seed = seed();
    println!("BRIEF_KILL_SEED={seed}");
    let mut rng = seed | 1;
    let work = new.path();
    let mut interrupted = 0;
    for round in 0..ROUNDS {
        let out_dir = work.join("out");
        std::fs::remove_dir_all(&out_dir).unwrap();
        copy_dir(&old.path().join("out"), &out_dir);
        // Odd rounds kill at a random instant, anywhere from before the
        // first write to just after the last; even rounds right after the
        // k-th change the build makes in out/, which is while or just after
        // a file is written: where a non-atomic write would show.
        let (events, at) = if round % 2 == 0 {
            (
                Some(watch(&out_dir)),
                next(&mut rng) % (new_out.len() as u64 * 3) + 1,
            )
        } else {
            (
                None,
                next(&mut rng) % (full.as_micros() as u64 * 11 / 10 + 1),
            )
        };
        let mut killed = vec!["build"];
        killed.extend_from_slice(args);
        let mut child = command(work, &killed)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let when = match &events {
            Some((_watcher, rx)) => {
                let mut seen = 0;
                while seen < at && rx.recv_timeout(full * 2).is_ok() {
                    seen += 1;
                }
                format!("after {seen} file events")
            }
            None => {
                std::thread::sleep(Duration::from_micros(at));
                format!("after {at} µs")
            }
        };
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        drop(events);
        let context = format!("round {round}, killed {when} (BRIEF_KILL_SEED={seed})");

        let now = outputs(&out_dir);
        let mut new_files = 0;
        for (path, bytes) in &now {
            if is_temporary(path) {
                continue;
            }
            if new_out.get(path) == Some(bytes) {
                new_files += 1;
            } else {
                assert!(
                    old_out.get(path) == Some(bytes),
                    "{context}: {path} is neither the old file nor the new one ({} bytes)",
                    bytes.len()
                );
            }
        }
        for path in old_out.keys() {
            assert!(now.contains_key(path), "{context}: {path} vanished");
        }
        let manifest = std::fs::read(out_dir.join(MANIFEST)).unwrap();
        if manifest == new_manifest {
            assert_eq!(
                new_files,
                new_out.len(),
                "{context}: the new manifest describes files not yet written"
            );
        } else {
            assert_eq!(
                manifest, old_manifest,
                "{context}: the manifest is neither the old nor the new one"
            );
            if !status.success() {
                interrupted += 1;
            }
        }
        // Killed between two renames, new Markdown can stand beside the
        // old PDF. `brief check` must say so exactly then: every file on
        // disk is compared with the hash the manifest on disk recorded.
        let recorded_new = manifest == new_manifest;
        let mixed = if recorded_new {
            new_files != new_out.len()
        } else {
            new_files > 0
        };
        let check = brief(work, &["check"]);
        assert_eq!(
            check.status.code(),
            Some(if mixed { 1 } else { 0 }),
            "{context}: brief check with {new_files} of {} files new and the {} manifest:\n{}",
            new_out.len(),
            if recorded_new { "new" } else { "old" },
            text(&check.stderr)
        );
        if mixed {
            assert!(
                text(&check.stderr).contains("is not the file brief built"),
                "{context}: {}",
                text(&check.stderr)
            );
        }

        // The next build repairs everything and cleans up.
        build(work, args);
        let repaired = files_under(&out_dir);
        let leftovers: Vec<&String> = repaired.keys().filter(|p| is_temporary(p)).collect();
        assert!(leftovers.is_empty(), "{context}: left behind {leftovers:?}");
        assert!(
            outputs(&out_dir) == new_out,
            "{context}: the repaired outputs differ"
        );
        assert_eq!(
            std::fs::read(out_dir.join(MANIFEST)).unwrap(),
            new_manifest,
            "{context}: the repaired manifest differs"
        );
    }
    println!("{interrupted} of {ROUNDS} kills landed before the build finished");
    assert!(
        interrupted >= ROUNDS / 3,
        "only {interrupted} of {ROUNDS} kills landed before the build finished (BRIEF_KILL_SEED={seed})"
    );
}

/// Reports every change under `dir` as it happens (inotify on Linux).
fn watch(dir: &Path) -> (notify::RecommendedWatcher, Receiver<()>) {
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok() {
            let _ = tx.send(());
        }
    })
    .unwrap();
    watcher.watch(dir, RecursiveMode::Recursive).unwrap();
    (watcher, rx)
}

/// brief's temporaries live in `.brief-tmp/`; the older `.NAME.PID.tmp`
/// form is recognised too, so a regression to it is still caught as a
/// leftover.
fn is_temporary(path: &str) -> bool {
    if path.starts_with(".brief-tmp/") {
        return true;
    }
    let name = PathBuf::from(path);
    let name = name.file_name().unwrap().to_string_lossy().into_owned();
    name.starts_with('.') && name.ends_with(".tmp")
}
