//! Scheduled regeneration with a fixed clock (`--now`): which briefs are
//! due, the editions they leave, what changed between them, and `brief diff`.
//! On the regen fixture, `voices` is weekly (Monday 07:00 UTC) with
//! `on_new_data` and a `what_changed` section, `beta-only` is daily at 07:00,
//! and `by-id` has no schedule.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::common::{brief, fixture, text};

fn project() -> tempfile::TempDir {
    let dir = fixture("regen");
    std::fs::write(
        dir.path().join("briefs/voices.yaml"),
        "title: Li Ming's voice\ndate: today\nschedule: \"0 7 * * MON\"\non_new_data: true\nsections:\n  - id: voices\n    title: Voices\n    blocks:\n      - quotes:\n          - speaker: Li Ming\n  - id: changes\n    title: What changed\n    what_changed: true\n",
    )
    .unwrap();
    let beta = dir.path().join("briefs/beta-only.yaml");
    let spec = std::fs::read_to_string(&beta).unwrap();
    std::fs::write(&beta, format!("schedule: \"0 7 * * *\"\n{spec}")).unwrap();
    dir
}

/// `brief schedule --once --now NOW` (Markdown only); stdout without the
/// per-file `built` lines.
fn schedule(dir: &Path, now: &str) -> Vec<String> {
    let out = brief(dir, &["schedule", "--once", "--now", now, "--no-pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .filter(|l| !l.starts_with("built ") && !l.contains(" rebuilt, "))
        .map(str::to_string)
        .collect()
}

fn editions(dir: &Path, brief: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("out").join(brief).join("editions"))
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn schedule_once_regenerates_exactly_the_due_briefs() {
    let dir = project();
    let d = dir.path();
    // No editions yet: both schedules have a time in the past, so both are
    // due (a brief's first edition is due at its schedule's latest time).
    assert_eq!(
        schedule(d, "2025-03-03T08:00:00Z"),
        [
            "rebuilding briefs/beta-only.yaml: scheduled `0 7 * * * (UTC)`, due at 2025-03-03T07:00:00+00:00",
            "rebuilding briefs/voices.yaml: scheduled `0 7 * * MON (UTC)`, due at 2025-03-03T07:00:00+00:00",
            "briefs/beta-only.yaml: new edition out/beta-only/editions/2025-03-03 (scheduled `0 7 * * * (UTC)`, due at 2025-03-03T07:00:00+00:00)",
            "briefs/voices.yaml: new edition out/voices/editions/2025-03-03 (scheduled `0 7 * * MON (UTC)`, due at 2025-03-03T07:00:00+00:00)",
        ]
    );
    assert!(d.join("out/voices/latest/brief.md").is_file());
    assert!(d.join("out/voices/editions/2025-03-03/brief.md").is_file());
    assert!(!d.join("out/by-id").exists());
    // Half an hour later nothing has fallen due and nothing is new.
    assert_eq!(
        schedule(d, "2025-03-03T08:30:00Z"),
        [
            "briefs/beta-only.yaml: not due; next at 2025-03-04T07:00:00+00:00",
            "briefs/voices.yaml: not due; next at 2025-03-10T07:00:00+00:00",
        ]
    );
    // The next morning only the daily brief is due.
    let lines = schedule(d, "2025-03-04T07:30:00Z");
    assert_eq!(
        lines,
        [
            "briefs/voices.yaml: not due; next at 2025-03-10T07:00:00+00:00",
            "rebuilding briefs/beta-only.yaml: scheduled `0 7 * * * (UTC)`, due at 2025-03-04T07:00:00+00:00",
            "briefs/beta-only.yaml: new edition out/beta-only/editions/2025-03-04 (scheduled `0 7 * * * (UTC)`, due at 2025-03-04T07:00:00+00:00)",
        ],
        "{lines:?}"
    );
    assert_eq!(editions(d, "beta-only"), ["2025-03-03", "2025-03-04"]);
    assert_eq!(editions(d, "voices"), ["2025-03-03"]);
    // Old editions are kept as they were.
    assert!(
        d.join("out/beta-only/editions/2025-03-03/edition.json")
            .is_file()
    );
}

#[test]
fn new_data_makes_an_edition_that_says_what_changed() {
    let dir = project();
    let d = dir.path();
    schedule(d, "2025-03-03T08:00:00Z");
    std::fs::write(
        d.join("corpus/epsilon.md"),
        "---\ntitle: Epsilon interview\n---\n\n“We would go again if we had to choose,” said Li Ming.\n",
    )
    .unwrap();
    let lines = schedule(d, "2025-03-04T06:00:00Z");
    assert_eq!(
        lines,
        [
            "briefs/beta-only.yaml: not due; next at 2025-03-04T07:00:00+00:00",
            "rebuilding briefs/voices.yaml: new data: new document corpus/epsilon.md matches section voices",
            "briefs/voices.yaml: new edition out/voices/editions/2025-03-04 (new data: new document corpus/epsilon.md matches section voices)",
        ]
    );
    let latest = std::fs::read_to_string(d.join("out/voices/latest/brief.md")).unwrap();
    let section =
        &latest[latest.find("## What changed").unwrap()..latest.find("## Sources").unwrap()];
    assert_eq!(
        section,
        "## What changed\n\nNew since the edition of 2025-03-03: 1 new source (“Epsilon interview”).\n\n**New quotes**\n\n> We would go again if we had to choose\n>\n> — Li Ming[^2]\n\n"
    );
    // The edition is dated, and its copy is the latest.
    assert_eq!(
        std::fs::read_to_string(d.join("out/voices/editions/2025-03-04/brief.md")).unwrap(),
        latest
    );
    assert!(latest.starts_with("# Li Ming's voice\n\n4 March 2025\n"));
    let out = brief(d, &["diff", "voices"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "voices: edition 2025-03-04 since 2025-03-03\n\nbrief:\n  new source   epsilon “Epsilon interview”\n  new quote    epsilon/q-we-would-go-again-if (Li Ming): “We would go again if we had to choose”\n"
    );
    let out = brief(d, &["diff", "voices", "--from", "2025-03-04"]);
    assert_eq!(
        text(&out.stdout),
        "voices: edition 2025-03-04 since 2025-03-04\n\nbrief:\n  nothing new\n"
    );
    let out = brief(d, &["diff", "voices", "--to", "2025-03-40"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: no edition `2025-03-40`\n  = help: did you mean `2025-03-04`?\n"
    );
}

#[test]
fn a_changed_figure_value_is_reported() {
    let dir = project();
    let d = dir.path();
    std::fs::write(
        d.join("briefs/town.yaml"),
        "title: Town\ndate: today\non_new_data: true\nsections:\n  - id: size\n    title: Size\n    blocks:\n      - figures:\n          - doc: gamma\n  - id: changes\n    title: What changed\n    what_changed: true\n",
    )
    .unwrap();
    schedule(d, "2025-03-03T08:00:00Z");
    let gamma = d.join("corpus/gamma.md");
    let body = std::fs::read_to_string(&gamma).unwrap();
    std::fs::write(&gamma, body.replace("12,000", "12,500")).unwrap();
    let lines = schedule(d, "2025-03-05T08:00:00Z");
    assert!(
        lines.contains(
            &"rebuilding briefs/town.yaml: new data: corpus/gamma.md changed".to_string()
        ),
        "{lines:?}"
    );
    let latest = std::fs::read_to_string(d.join("out/town/latest/brief.md")).unwrap();
    assert!(
        latest.contains("**Changed figures**\n\n- 12,500[^1] (previously: 12,000)\n"),
        "{latest}"
    );
    let out = brief(d, &["diff", "town"]);
    assert_eq!(
        text(&out.stdout),
        "town: edition 2025-03-05 since 2025-03-03\n\nbrief:\n  changed      gamma/f-12500: 12,500 (was 12,000)\n"
    );
}

#[test]
fn a_bad_now_is_a_usage_error() {
    let dir = project();
    let out = brief(dir.path(), &["schedule", "--once", "--now", "next monday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("expected an RFC 3339 time such as 2025-03-10T07:30:00Z"),
        "{}",
        text(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn an_editions_folder_linked_out_of_the_output_directory_gets_nothing() {
    let dir = project();
    let d = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.join("out/voices")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), d.join("out/voices/editions")).unwrap();
    let out = brief(
        d,
        &[
            "schedule",
            "--once",
            "--now",
            "2025-03-03T08:00:00Z",
            "--no-pdf",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("error: cannot file edition `out/voices/editions/2025-03-03`"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).unwrap().count(),
        0,
        "an edition was written through the link"
    );
    // The brief without the link still got its edition.
    assert_eq!(editions(d, "beta-only"), ["2025-03-03"]);
}

/// A spec's `formats:` holds for its scheduled editions too: every format
/// it names is filed with the edition, and `latest/` has the same files.
#[test]
fn an_edition_is_filed_in_every_format_its_spec_names() {
    let dir = project();
    let d = dir.path();
    let voices = d.join("briefs/voices.yaml");
    let spec = std::fs::read_to_string(&voices).unwrap();
    std::fs::write(&voices, format!("formats: [md, html, docx]\n{spec}")).unwrap();
    let out = brief(d, &["schedule", "--once", "--now", "2025-03-03T08:00:00Z"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for dir in ["latest", "editions/2025-03-03"] {
        for name in ["brief.md", "brief.html", "brief.docx"] {
            let file = d.join("out/voices").join(dir).join(name);
            assert!(file.is_file(), "{} missing", file.display());
        }
        assert!(!d.join("out/voices").join(dir).join("brief.pdf").exists());
    }
    let html =
        std::fs::read_to_string(d.join("out/voices/editions/2025-03-03/brief.html")).unwrap();
    assert!(html.contains("Li Ming"), "{html}");
}
