//! Which formats a build writes: the spec's `formats:`, the command line's
//! `--format` over it, and the files of a format no longer chosen removed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::common::{brief, project, repo, text, write_spec};

fn spec(formats: &str) -> String {
    format!(
        "title: Formats\n{formats}\nsections:\n  - id: a\n    title: A\n    blocks:\n      - text: Hello.\n"
    )
}

fn shipped_corpus() -> tempfile::TempDir {
    project(&[(&repo().join("corpus"), "corpus")])
}

/// The files of `out/t/`, by name.
fn written(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("out/t"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_spec_chooses_its_formats() {
    let dir = shipped_corpus();
    write_spec(dir.path(), &spec("formats: [md, html]"));
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(written(dir.path()), ["brief.html", "brief.md"]);
    // Unchanged, it is fresh: the formats are part of what was recorded.
    let again = brief(dir.path(), &["build"]);
    assert!(
        text(&again.stdout).contains("0 rebuilt, 1 up to date"),
        "{}",
        text(&again.stdout)
    );
}

#[test]
fn without_formats_a_spec_gets_markdown_and_pdf() {
    let dir = shipped_corpus();
    write_spec(dir.path(), &spec(""));
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(written(dir.path()), ["brief.md", "brief.pdf"]);
}

#[test]
fn the_command_line_wins_over_the_spec() {
    let dir = shipped_corpus();
    write_spec(dir.path(), &spec("formats: [md, html]"));
    let out = brief(dir.path(), &["build", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(written(dir.path()), ["brief.pdf"]);
    let out = brief(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(written(dir.path()), ["brief.md"]);
    // Back to the spec's own choice: rebuilt, since the options changed.
    let out = brief(dir.path(), &["build"]);
    let said = text(&out.stdout);
    assert!(said.contains("the build options changed"), "{said}");
    assert_eq!(written(dir.path()), ["brief.html", "brief.md"]);
}

#[test]
fn a_format_dropped_from_the_spec_is_cleaned_up() {
    let dir = shipped_corpus();
    write_spec(dir.path(), &spec("formats: [md, html]"));
    assert_eq!(brief(dir.path(), &["build"]).status.code(), Some(0));
    write_spec(dir.path(), &spec("formats: [html]"));
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("removed out/t/brief.md (no longer built)"),
        "{said}"
    );
    assert_eq!(written(dir.path()), ["brief.html"]);
}

#[test]
fn an_unknown_format_is_an_error_at_its_position_and_keeps_the_earlier_outputs() {
    let dir = shipped_corpus();
    write_spec(dir.path(), &spec("formats: [md, html]"));
    assert_eq!(brief(dir.path(), &["build"]).status.code(), Some(0));
    let before = std::fs::read(dir.path().join("out/t/brief.html")).unwrap();
    write_spec(dir.path(), &spec("formats: [md, htm]"));
    let out = brief(dir.path(), &["build"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("unknown format `htm`"), "{stderr}");
    assert!(stderr.contains("briefs/t.yaml:2:15"), "{stderr}");
    assert!(stderr.contains("did you mean `html`?"), "{stderr}");
    assert_eq!(
        std::fs::read(dir.path().join("out/t/brief.html")).unwrap(),
        before
    );
    assert_eq!(written(dir.path()), ["brief.html", "brief.md"]);
}

#[test]
fn an_empty_list_of_formats_is_an_error() {
    let dir = shipped_corpus();
    write_spec(dir.path(), &spec("formats: []"));
    let out = brief(dir.path(), &["build"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("`formats` lists no format"), "{stderr}");
    assert!(!dir.path().join("out/t").exists());
}

#[test]
fn an_unknown_format_on_the_command_line_names_the_formats() {
    let dir = shipped_corpus();
    write_spec(dir.path(), &spec(""));
    let out = brief(dir.path(), &["build", "--format", "md,pfd"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("did you mean `pdf`?"), "{stderr}");
    assert!(
        stderr.contains("the formats are md, html, docx, pdf"),
        "{stderr}"
    );
    // The internal companions are not choices.
    assert!(
        !stderr.contains("svg") && !stderr.contains("typ,"),
        "{stderr}"
    );
}
