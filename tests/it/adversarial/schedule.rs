//! `brief schedule`, editions and `brief diff` against a wrong clock and a
//! damaged or interrupted output directory (issue 13, item 9 and part of
//! 13): an edition made in the future, a deleted `latest/`, a damaged
//! `edition.json`, an edition left half-made, dates out of range.
//!
//! The project has one brief, `voices`: weekly (Monday 07:00 UTC), with
//! `on_new_data` and a `what_changed` section.

use std::path::Path;
use std::process::Output;

use crate::common::{brief, command, fixture, text};

fn project() -> tempfile::TempDir {
    let dir = fixture("regen");
    let d = dir.path();
    std::fs::remove_file(d.join("briefs/beta-only.yaml")).unwrap();
    std::fs::remove_file(d.join("briefs/by-id.yaml")).unwrap();
    std::fs::write(
        d.join("briefs/voices.yaml"),
        "title: Li Ming's voice\ndate: today\nschedule: \"0 7 * * MON\"\non_new_data: true\nsections:\n  - id: voices\n    title: Voices\n    blocks:\n      - quotes:\n          - speaker: Li Ming\n  - id: changes\n    title: What changed\n    what_changed: true\n",
    )
    .unwrap();
    dir
}

/// `brief schedule --once --now NOW --no-pdf`.
fn schedule(dir: &Path, now: &str) -> Output {
    brief(dir, &["schedule", "--once", "--now", now, "--no-pdf"])
}

/// [`schedule`], which must succeed; its stdout.
fn schedule_ok(dir: &Path, now: &str) -> String {
    let out = schedule(dir, now);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// Every entry of `out/voices/editions/`, hidden ones included.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("out/voices/editions"))
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn trigger(dir: &Path, edition: &str) -> String {
    let path = dir.join(format!("out/voices/editions/{edition}/edition.json"));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    json["trigger"].as_str().unwrap().to_string()
}

/// Item 9: an edition made by `--now` in the future (or before the clock was
/// set back) used to block the schedule until then, while each run said
/// "not due; next at" a time that had already passed.
#[test]
fn an_edition_in_the_future_is_a_warning_and_the_schedule_goes_on_from_now() {
    let dir = project();
    let d = dir.path();
    schedule_ok(d, "2035-03-05T08:00:00Z");
    assert_eq!(entries(d), ["2035-03-05"]);

    let out = schedule(d, "2025-03-24T08:00:00Z");
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "warning: edition `2035-03-05` of `voices` was made at 2035-03-05T08:00:00+00:00, after now (2025-03-24T08:00:00+00:00); the schedule goes on from now\n --> out/voices/editions/2035-03-05\n"
        ),
        "{stderr}"
    );
    assert!(
        stdout.contains(
            "briefs/voices.yaml: new edition out/voices/editions/2025-03-24 (scheduled `0 7 * * MON (UTC)`, due at 2025-03-24T07:00:00+00:00)"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("not due"), "{stdout}");
    // The new edition says what changed since nothing before it, not since
    // the edition of 2035.
    let latest = std::fs::read_to_string(d.join("out/voices/latest/brief.md")).unwrap();
    assert!(!latest.contains("2035"), "{latest}");

    // Half an hour later it is not due again, and says when it will be.
    let stdout = schedule_ok(d, "2025-03-24T08:30:00Z");
    assert!(
        stdout.contains("briefs/voices.yaml: not due; next at 2025-03-31T07:00:00+00:00"),
        "{stdout}"
    );
    assert_eq!(entries(d), ["2025-03-24", "2035-03-05"]);
}

/// Item 13: deleting `out/<brief>/latest/` rebuilt it as an edition
/// labelled "new data", which it is not.
#[test]
fn a_deleted_latest_output_is_rebuilt_but_is_not_new_data() {
    let dir = project();
    let d = dir.path();
    schedule_ok(d, "2025-03-03T08:00:00Z");
    std::fs::remove_dir_all(d.join("out/voices/latest")).unwrap();
    let stdout = schedule_ok(d, "2025-03-04T06:00:00Z");
    assert!(
        stdout.contains(
            "rebuilding briefs/voices.yaml: latest output missing: out/voices/latest/brief.md\n"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("new data"), "{stdout}");
    assert!(d.join("out/voices/latest/brief.md").is_file());
    assert_eq!(
        trigger(d, "2025-03-04"),
        "latest output missing: out/voices/latest/brief.md"
    );
    // New data is still called so.
    std::fs::write(
        d.join("corpus/epsilon.md"),
        "---\ntitle: Epsilon interview\n---\n\n“We would go again if we had to choose,” said Li Ming.\n",
    )
    .unwrap();
    let stdout = schedule_ok(d, "2025-03-05T06:00:00Z");
    assert!(
        stdout.contains(
            "rebuilding briefs/voices.yaml: new data: new document corpus/epsilon.md matches section voices\n"
        ),
        "{stdout}"
    );
}

/// Item 13: a damaged `edition.json` silently dropped its edition from
/// `brief diff` and from the schedule's list of editions.
#[test]
fn a_damaged_edition_record_is_a_warning_and_cannot_be_compared() {
    let dir = project();
    let d = dir.path();
    schedule_ok(d, "2025-03-03T08:00:00Z");
    schedule_ok(d, "2025-03-10T08:00:00Z");
    std::fs::write(
        d.join("out/voices/editions/2025-03-03/edition.json"),
        "{\n  \"brief\": \"voices\",\n  \"name\": 12\n}\n",
    )
    .unwrap();
    let damaged = "warning: edition `2025-03-03` of `voices` is left out: `edition.json` is damaged (invalid type: integer `12`, expected a string)\n --> out/voices/editions/2025-03-03/edition.json:3:";

    let out = brief(d, &["diff", "voices"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.starts_with(damaged), "{stderr}");
    assert!(stderr.contains("3 |   \"name\": 12\n"), "{stderr}");
    assert!(
        text(&out.stdout).starts_with("voices: edition 2025-03-10 is the first\n"),
        "{}",
        text(&out.stdout)
    );

    // Naming it is an error, not a comparison with something else.
    let out = brief(d, &["diff", "voices", "--from", "2025-03-03"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: cannot compare edition `2025-03-03`: `edition.json` is damaged (invalid type: integer `12`, expected a string)\n --> out/voices/editions/2025-03-03/edition.json:3:"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());

    // The schedule lists editions too, and says so there.
    let out = schedule(d, "2025-03-10T09:00:00Z");
    assert!(
        text(&out.stderr).starts_with(damaged),
        "{}",
        text(&out.stderr)
    );

    // A record that names another edition (or a path) is not trusted.
    std::fs::write(
        d.join("out/voices/editions/2025-03-03/edition.json"),
        std::fs::read_to_string(d.join("out/voices/editions/2025-03-10/edition.json"))
            .unwrap()
            .replace("\"name\": \"2025-03-10\"", "\"name\": \"../../../x\""),
    )
    .unwrap();
    let out = brief(d, &["diff", "voices", "--to", "2025-03-03"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with(
            "error: cannot compare edition `2025-03-03`: `edition.json` records edition `../../../x` of `voices`, not this one\n"
        ),
        "{}",
        text(&out.stderr)
    );
}

/// Item 13: an edition is made in a hidden directory and renamed into place
/// whole. What a run killed half-way leaves is removed by the next run,
/// takes no name, and is never written through (even when it holds, or is,
/// a link out of the output directory).
#[cfg(unix)]
#[test]
fn a_half_made_edition_is_removed_and_takes_no_name() {
    let dir = project();
    let d = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    let victim = elsewhere.path().join("victim.md");
    std::fs::write(&victim, "precious").unwrap();
    let editions = d.join("out/voices/editions");
    let half = editions.join(".tmp-2025-03-03");
    std::fs::create_dir_all(&half).unwrap();
    std::fs::write(half.join("edition.json"), "{").unwrap();
    std::os::unix::fs::symlink(&victim, half.join("brief.md")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), editions.join(".tmp-2025-03-10")).unwrap();

    let stdout = schedule_ok(d, "2025-03-03T08:00:00Z");
    assert!(
        stdout.contains(
            "removed out/voices/editions/.tmp-2025-03-03 (an edition an interrupted run left unfinished)\n"
        ),
        "{stdout}"
    );
    assert_eq!(entries(d), ["2025-03-03"]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 1);
    assert_eq!(
        std::fs::read(editions.join("2025-03-03/brief.md")).unwrap(),
        std::fs::read(d.join("out/voices/latest/brief.md")).unwrap()
    );
    let out = brief(d, &["diff", "voices"]);
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

/// Item 13: `--now` after year 5000 reported "due at 5000-12-29" (croner's
/// last year), and `BRIEF_NOW` that was not a time was silently ignored.
/// Dates from the command line and the environment are bounded.
#[test]
fn dates_from_the_command_line_and_environment_are_bounded() {
    let dir = project();
    let d = dir.path();
    for now in ["5001-01-01T00:00:00Z", "6000-06-01T08:00:00Z"] {
        let out = schedule(d, now);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
        let year = &now[..4];
        assert!(
            text(&out.stderr).contains(&format!(
                "--now must be in the years 1970 to 4999, not {year}"
            )),
            "{}",
            text(&out.stderr)
        );
    }
    let out = schedule(d, "1969-12-31T23:59:59Z");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--now must be in the years 1970 to 4999, not 1969"));

    for (value, expected) in [
        (
            "6000-01-01T00:00:00Z",
            "error: BRIEF_NOW must be in the years 1970 to 4999, not 6000\n",
        ),
        ("next monday", "error: BRIEF_NOW: "),
    ] {
        let out = command(d, &["schedule", "--once", "--no-pdf"])
            .env("BRIEF_NOW", value)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
        assert!(
            text(&out.stderr).starts_with(expected),
            "{}",
            text(&out.stderr)
        );
    }
    let out = command(d, &["build", "--no-pdf"])
        .env("BRIEF_TODAY", "10000-01-01")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = command(d, &["build", "--no-pdf"])
        .env("BRIEF_TODAY", "5001-01-01")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: BRIEF_TODAY must be in the years 1970 to 4999, not 5001\n"
    );
    assert!(!d.join("out").exists());

    // The last moment in range works, and says only what is true.
    let stdout = schedule_ok(d, "4999-12-31T23:00:00Z");
    assert!(
        stdout.contains(
            "briefs/voices.yaml: new edition out/voices/editions/4999-12-31 (scheduled `0 7 * * MON (UTC)`, due at 4999-12-30T07:00:00+00:00)"
        ),
        "{stdout}"
    );
    let stdout = schedule_ok(d, "4999-12-31T23:59:59Z");
    assert!(stdout.contains("briefs/voices.yaml: not due\n"), "{stdout}");
}

/// The brief `brief diff` is asked about names a directory: it follows the
/// id rules, so `..` or `/` cannot lead out of the output directory.
#[test]
fn diff_takes_a_brief_name_only_by_the_id_rules() {
    let dir = project();
    let d = dir.path();
    for name in ["..", "/"] {
        let out = brief(d, &["diff", name]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stderr).starts_with(&format!("error: `{name}` is not a brief: ")),
            "{}",
            text(&out.stderr)
        );
    }
}
