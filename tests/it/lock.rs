//! Concurrent builds: one writer per output directory (`out/.brief.lock`).
//! A second `brief build` waits for the first, or with `--no-wait` says who
//! holds the directory and exits 2; two builds started together leave the
//! outputs and the manifest as one build would.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::{brief, command, fixture, text};

fn spawn_build(dir: &Path, extra: &[&str]) -> Child {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    command(dir, &args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief runs")
}

/// Holds the output directory's lock the way another `brief` would.
fn hold_lock(dir: &Path) -> std::fs::File {
    std::fs::create_dir_all(dir.join("out")).unwrap();
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("out/.brief.lock"))
        .unwrap();
    file.lock().unwrap();
    file.set_len(0).unwrap();
    file.write_all(b"brief watch (pid 4242, since 2025-03-03 07:00:00 UTC)\n")
        .unwrap();
    file
}

#[test]
fn a_held_directory_makes_build_wait_or_with_no_wait_refuse() {
    let dir = fixture("regen");
    let d = dir.path();
    let lock = hold_lock(d);

    let refused = brief(d, &["build", "--no-pdf", "--no-wait"]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains(
            "is locked: brief watch (pid 4242, since 2025-03-03 07:00:00 UTC) is writing this output directory"
        ),
        "{stderr}"
    );
    assert!(!d.join("out/voices/brief.md").exists());
    assert!(!d.join("out/brief-manifest.json").exists());

    let mut waiting = spawn_build(d, &["--no-pdf"]);
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        waiting.try_wait().unwrap().is_none(),
        "the build finished while another process held out/"
    );
    assert!(!d.join("out/voices/brief.md").exists());
    drop(lock);
    let done = waiting.wait_with_output().unwrap();
    assert_eq!(done.status.code(), Some(0), "{}", text(&done.stderr));
    assert!(
        text(&done.stderr).contains("waiting for `out/.brief.lock`: brief watch (pid 4242"),
        "{}",
        text(&done.stderr)
    );
    assert!(text(&done.stdout).contains("3 rebuilt, 0 up to date"));
    assert!(d.join("out/voices/brief.md").exists());
}

#[test]
fn two_builds_at_once_build_each_output_once() {
    let dir = fixture("regen");
    let d = dir.path();
    let a = spawn_build(d, &[]);
    let b = spawn_build(d, &[]);
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for out in [&a, &b] {
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    // Whichever came second waited, then found everything the first built
    // fresh. Without the lock both would rebuild all three and each save a
    // manifest that knows only its own view.
    let mut summaries: Vec<String> = [&a, &b]
        .iter()
        .map(|o| {
            let out = text(&o.stdout);
            let last = out.lines().last().unwrap_or_default().to_string();
            last[..last.find(" in ").unwrap_or(last.len())].to_string()
        })
        .collect();
    summaries.sort();
    assert_eq!(
        summaries,
        ["0 rebuilt, 3 up to date", "3 rebuilt, 0 up to date"],
        "\nfirst:\n{}{}\nsecond:\n{}{}",
        text(&a.stdout),
        text(&a.stderr),
        text(&b.stdout),
        text(&b.stderr)
    );
    let third = brief(d, &["build"]);
    assert!(text(&third.stdout).contains("0 rebuilt, 3 up to date"));
    // No build's temporary file is left behind.
    let leftovers: Vec<_> = walk(&d.join("out"))
        .into_iter()
        .filter(|p| p.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn schedule_holds_the_directory_for_its_whole_pass() {
    let dir = fixture("regen");
    let d = dir.path();
    let lock = hold_lock(d);
    let started = Instant::now();
    let refused = brief(
        d,
        &[
            "schedule",
            "--once",
            "--now",
            "2025-03-03T08:00:00Z",
            "--no-wait",
        ],
    );
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
    assert!(text(&refused.stderr).contains("is locked: brief watch (pid 4242"));
    assert!(started.elapsed() < Duration::from_secs(30));
    drop(lock);
}

fn walk(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            found.extend(walk(&entry.path()));
        } else {
            found.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    found
}
