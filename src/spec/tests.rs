//! What the schedule keys and `what_changed` sections read into; their
//! errors, with positions, are in tests/it/spec_schedule.rs.

use std::path::Path;

use chrono::{TimeZone, Utc};

use super::*;

const SECTION: &str = "sections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hello.\n";

fn read(text: &str) -> Spec {
    match parse(Path::new("briefs/t.yaml"), text.to_string()) {
        Ok(spec) => spec,
        Err(LoadError::Invalid { diagnostics, .. }) => panic!("{diagnostics:#?}"),
        Err(LoadError::Io(d)) => panic!("{d:?}"),
    }
}

#[test]
fn schedule_timezone_and_on_new_data_are_read() {
    let spec = read(&format!(
        "title: T\nschedule: \"0 7 * * MON\"\ntimezone: Europe/Berlin\non_new_data: true\n{SECTION}"
    ));
    let schedule = spec.schedule.unwrap();
    assert_eq!((schedule.line, schedule.column), (2, 11));
    assert_eq!(schedule.value.to_string(), "0 7 * * MON (Europe/Berlin)");
    // 07:00 in Berlin in winter is 06:00 UTC; 2025-03-03 is a Monday.
    let now = Utc.with_ymd_and_hms(2025, 3, 3, 6, 30, 0).unwrap();
    assert_eq!(
        schedule.value.latest_at_or_before(now),
        Some(Utc.with_ymd_and_hms(2025, 3, 3, 6, 0, 0).unwrap())
    );
    assert!(spec.on_new_data);
    assert!(spec.warnings.is_empty());
}

#[test]
fn without_the_keys_there_is_no_schedule() {
    let spec = read(&format!("title: T\n{SECTION}"));
    assert!(spec.schedule.is_none());
    assert!(!spec.on_new_data);
    assert!(!spec.sections[0].what_changed);
}

#[test]
fn the_timezone_defaults_to_utc() {
    let spec = read(&format!(
        "title: T\nschedule: '@daily'\non_new_data: false\n{SECTION}"
    ));
    assert_eq!(spec.schedule.unwrap().value.to_string(), "@daily (UTC)");
    assert!(!spec.on_new_data);
}

#[test]
fn a_timezone_without_a_schedule_is_a_warning_not_an_error() {
    let spec = read(&format!("title: T\ntimezone: UTC\n{SECTION}"));
    assert!(spec.schedule.is_none());
    let [warning] = spec.warnings.as_slice() else {
        panic!("{:#?}", spec.warnings);
    };
    assert_eq!(warning.severity, crate::diag::Severity::Warning);
    assert_eq!(warning.message, "timezone has no effect without schedule");
    assert_eq!(warning.position, Some((2, 1)));
}

#[test]
fn a_what_changed_section_has_no_blocks() {
    let spec = read(
        "title: T\nsections:\n  - id: changes\n    title: What changed\n    what_changed: true\n  - id: s\n    title: S\n    what_changed: false\n    blocks:\n      - text: Hello.\n",
    );
    let flags: Vec<(bool, usize)> = spec
        .sections
        .iter()
        .map(|s| (s.what_changed, s.blocks.len()))
        .collect();
    assert_eq!(flags, [(true, 0), (false, 1)]);
}

/// An audience id becomes a file name, `out/<spec>/<audience>.md`: one that
/// could climb out of that directory, or that no file system accepts, is an
/// error at the id.
#[test]
fn audience_ids_that_are_not_file_names_are_errors() {
    let long = "a".repeat(101);
    for (id, reason) in [
        ("../../../tmp/pwned", "`/` is not allowed"),
        ("/etc/x", "`/` is not allowed"),
        ("..", "it starts with `.`"),
        (".hidden", "it starts with `.`"),
        ("a\\\\b", "`\\` is not allowed"),
        (long.as_str(), "it is 101 characters long, more than 100"),
    ] {
        let text = format!("title: T\naudiences:\n  \"{id}\": {{label: x}}\n{SECTION}");
        let Err(LoadError::Invalid { diagnostics, .. }) = parse(Path::new("briefs/t.yaml"), text)
        else {
            panic!("{id}: accepted");
        };
        let shown = id.replace("\\\\", "\\");
        assert_eq!(
            diagnostics[0].message,
            format!("invalid audience id `{shown}`: {reason}"),
            "{id}"
        );
        assert_eq!(diagnostics[0].position, Some((3, 3)), "{id}");
    }
    let spec = read(&format!(
        "title: T\naudiences:\n  press-2.0_x: {{label: x}}\n{SECTION}"
    ));
    assert_eq!(spec.audiences[0].id.value, "press-2.0_x");
}

/// A section id is part of its charts' file names
/// (`charts/<audience>/<section>-<n>.svg`): it follows the audience-id
/// rule, so no id can add a directory or a name another chart has.
#[test]
fn section_ids_that_are_not_file_names_are_errors() {
    let long = "a".repeat(101);
    for (id, reason) in [
        ("x/y", "`/` is not allowed"),
        ("../up", "`/` is not allowed"),
        (".hidden", "it starts with `.`"),
        ("a b", "` ` is not allowed"),
        ("é", "`é` is not allowed"),
        (long.as_str(), "it is 101 characters long, more than 100"),
    ] {
        let text = format!(
            "title: T\naudiences:\n  a: {{exclude_sections: [\"{id}\"]}}\nsections:\n  - id: \"{id}\"\n    title: S\n    blocks:\n      - text: Hi.\n"
        );
        let Err(LoadError::Invalid { diagnostics, .. }) = parse(Path::new("briefs/t.yaml"), text)
        else {
            panic!("{id}: accepted");
        };
        // One error, at the id: the audience that excludes it still finds it.
        assert_eq!(diagnostics.len(), 1, "{id}: {diagnostics:#?}");
        assert_eq!(
            diagnostics[0].message,
            format!("invalid section id `{id}`: {reason}"),
        );
        assert_eq!(diagnostics[0].position, Some((5, 9)), "{id}");
    }
    let spec = read(
        "title: T\nsections:\n  - id: x.y_2-b\n    title: S\n    blocks:\n      - text: Hi.\n",
    );
    assert_eq!(spec.sections[0].id.value, "x.y_2-b");
}

#[test]
fn an_error_after_lone_carriage_returns_points_at_its_line() {
    let text = "title: T\rsections:\r  - id: a\r    title: [\r".to_string();
    let Err(LoadError::Invalid { diagnostics, .. }) = parse(Path::new("b.yaml"), text) else {
        panic!("an unclosed list is an error")
    };
    let (line, _) = diagnostics[0].position.unwrap();
    assert_eq!(
        diagnostics[0].source_line.as_deref(),
        ["title: T", "sections:", "  - id: a", "    title: [", ""]
            .get(line - 1)
            .copied(),
        "{}",
        diagnostics[0]
    );
    assert!(line >= 4, "{}", diagnostics[0]);
}
