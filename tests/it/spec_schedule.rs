//! `brief check` on specs with the scheduling keys (`schedule`, `timezone`,
//! `on_new_data`) and `what_changed` sections: the full text of every error.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{brief, project, repo, text, write_spec};

/// `brief check` on one spec in a project with the selector fixture corpus.
fn check_spec(spec: &str) -> (Option<i32>, String) {
    let dir = project(&[(&repo().join("tests/fixtures/selectors/corpus"), "corpus")]);
    write_spec(dir.path(), spec);
    let out = brief(dir.path(), &["check", "briefs/t.yaml"]);
    (out.status.code(), text(&out.stderr))
}

const SECTION: &str = "sections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hello.\n";

#[test]
fn a_valid_schedule_checks_clean() {
    let (code, stderr) = check_spec(&format!(
        "title: T\nschedule: \"0 7 * * MON\"\ntimezone: America/New_York\non_new_data: true\n{SECTION}"
    ));
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

#[test]
fn a_bad_cron_and_a_bad_timezone_are_both_reported_at_their_values() {
    let (code, stderr) = check_spec(&format!(
        "title: T\nschedule: \"61 * * * *\"\ntimezone: Europe/Berln\n{SECTION}"
    ));
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: schedule: minute `61` is out of range 0-59
 --> briefs/t.yaml:2:11
  |
2 | schedule: \"61 * * * *\"
  |           ^
error: unknown timezone `Europe/Berln`
 --> briefs/t.yaml:3:11
  |
3 | timezone: Europe/Berln
  |           ^
  = help: did you mean `Europe/Berlin`?
briefs/t.yaml: 2 errors; nothing written
"
    );
}

#[test]
fn each_kind_of_bad_schedule_says_what_is_wrong() {
    for (schedule, message, help) in [
        (
            "0 7 * *",
            "schedule: expected 5 fields (minute hour day-of-month month day-of-week), found 4",
            "",
        ),
        (
            "0 0 7 * * MON",
            "schedule: expected 5 fields (minute hour day-of-month month day-of-week), found 6",
            "  = help: seconds and years are not supported: a brief is scheduled to the minute\n",
        ),
        (
            "0 7 * * FUNDAY",
            "schedule: day-of-week `FUNDAY` is not a number from 0 to 7 or a day name (SUN-SAT)",
            "",
        ),
        (
            "0 7 * * Monday",
            "schedule: day-of-week `Monday` is not a number from 0 to 7 or a day name (SUN-SAT)",
            "  = help: did you mean `MON`?\n",
        ),
        (
            "0 0 30 2 *",
            "schedule: `0 0 30 2 *` never runs",
            "  = help: no month it allows has the day of the month it names\n",
        ),
    ] {
        let (code, stderr) = check_spec(&format!("title: T\nschedule: '{schedule}'\n{SECTION}"));
        assert_eq!(code, Some(1), "{schedule}");
        assert_eq!(
            stderr,
            format!(
                "error: {message}
 --> briefs/t.yaml:2:11
  |
2 | schedule: '{schedule}'
  |           ^
{help}briefs/t.yaml: 1 error; nothing written
"
            )
        );
    }
}

#[test]
fn misspelt_keys_and_wrong_types() {
    let (code, stderr) = check_spec(&format!(
        "title: T\nshedule: \"0 7 * * MON\"\non_new_data: 1\nschedule: 7\ntimezone: [UTC]\n{SECTION}"
    ));
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: unknown key `shedule` in the spec
 --> briefs/t.yaml:2:1
  |
2 | shedule: \"0 7 * * MON\"
  | ^
  = help: did you mean `schedule`?
error: on_new_data: expected `true` or `false`, found the number 1
 --> briefs/t.yaml:3:14
  |
3 | on_new_data: 1
  |              ^
error: schedule: expected a string, found the number 7
 --> briefs/t.yaml:4:11
  |
4 | schedule: 7
  |           ^
error: timezone: expected a string, found a list
 --> briefs/t.yaml:5:11
  |
5 | timezone: [UTC]
  |           ^
briefs/t.yaml: 4 errors; nothing written
"
    );
}

/// A warning is not an error, but it is shown beside the errors of a spec
/// that fails.
#[test]
fn a_timezone_without_a_schedule_is_a_warning() {
    let (code, stderr) = check_spec(&format!(
        "title: T\ntimezone: UTC\non_new_dat: true\n{SECTION}"
    ));
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "warning: timezone has no effect without schedule
 --> briefs/t.yaml:2:1
  |
2 | timezone: UTC
  | ^
error: unknown key `on_new_dat` in the spec
 --> briefs/t.yaml:3:1
  |
3 | on_new_dat: true
  | ^
  = help: did you mean `on_new_data`?
briefs/t.yaml: 1 error; nothing written
"
    );
}

#[test]
fn a_what_changed_section_checks_clean() {
    let (code, stderr) = check_spec(
        "title: T\nschedule: '@weekly'\nsections:\n  - id: changes\n    title: What changed\n    what_changed: true\n  - id: s\n    title: S\n    blocks:\n      - text: Hello.\n",
    );
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

#[test]
fn what_changed_sections_have_no_blocks_and_there_is_one() {
    let (code, stderr) = check_spec(
        "title: T
sections:
  - id: changes
    title: What changed
    what_changed: true
    blocks:
      - text: Hello.
  - id: again
    title: Again
    what_changed: true
  - id: odd
    title: Odd
    what_changed: maybe
  - id: plain
    title: Plain
    what_changed: false
",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: a `what_changed` section is filled in by brief; remove `blocks`
 --> briefs/t.yaml:6:5
  |
6 |     blocks:
  |     ^
error: only one section can have `what_changed: true`
  --> briefs/t.yaml:10:5
   |
10 |     what_changed: true
   |     ^
   = help: section `changes` already has it
error: what_changed: expected `true` or `false`, found the string \"maybe\"
  --> briefs/t.yaml:13:19
   |
13 |     what_changed: maybe
   |                   ^
error: a section is missing `blocks`
  --> briefs/t.yaml:14:5
   |
14 |   - id: plain
   |     ^
briefs/t.yaml: 4 errors; nothing written
"
    );
}
