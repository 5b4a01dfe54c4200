//! Incremental builds: the manifest decides what is stale, by content, and
//! says why. The fixture has three briefs with known dependencies:
//! `by-id` cites alpha by id, `beta-only` queries beta only, and `voices`
//! queries every document for quotes by Li Ming. `delta` is read by none.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::common::{brief, fixture, text};

/// `brief build --no-pdf` (PDFs are covered once, below); returns stdout.
fn build(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["build", "--no-pdf"];
    args.extend_from_slice(extra);
    let out = brief(dir, &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// The "rebuilding …" lines and the summary without its time.
fn decisions(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| !l.starts_with("built "))
        .map(|l| match l.find(" in ") {
            Some(i) if l.contains(" rebuilt, ") => l[..i].to_string(),
            _ => l.to_string(),
        })
        .collect()
}

fn append(path: &Path, text: &str) {
    let mut body = std::fs::read_to_string(path).unwrap();
    body.push_str(text);
    std::fs::write(path, body).unwrap();
}

#[test]
fn a_second_build_builds_nothing_and_force_builds_everything() {
    let dir = fixture("regen");
    let first = build(dir.path(), &[]);
    assert_eq!(
        decisions(&first),
        [
            "rebuilding briefs/beta-only.yaml: not built before",
            "rebuilding briefs/by-id.yaml: not built before",
            "rebuilding briefs/voices.yaml: not built before",
            "3 rebuilt, 0 up to date",
        ]
    );
    let before = std::fs::read(dir.path().join("out/voices/brief.md")).unwrap();
    assert_eq!(
        decisions(&build(dir.path(), &[])),
        ["0 rebuilt, 3 up to date"]
    );
    assert_eq!(
        std::fs::read(dir.path().join("out/voices/brief.md")).unwrap(),
        before
    );
    // Touching files without changing them is not a change.
    let doc = dir.path().join("corpus/alpha.md");
    std::fs::write(&doc, std::fs::read(&doc).unwrap()).unwrap();
    assert_eq!(
        decisions(&build(dir.path(), &[])),
        ["0 rebuilt, 3 up to date"]
    );
    assert_eq!(
        decisions(&build(dir.path(), &["--force"])),
        [
            "rebuilding briefs/beta-only.yaml: --force",
            "rebuilding briefs/by-id.yaml: --force",
            "rebuilding briefs/voices.yaml: --force",
            "3 rebuilt, 0 up to date",
        ]
    );
}

#[test]
fn editing_a_document_no_brief_reads_rebuilds_nothing() {
    let dir = fixture("regen");
    build(dir.path(), &[]);
    // Even a new quotation there is not one any query selects.
    append(
        &dir.path().join("corpus/delta.md"),
        "\n“The budget is smaller than it was last year,” said Wang Fang.\n",
    );
    assert_eq!(
        decisions(&build(dir.path(), &[])),
        ["0 rebuilt, 3 up to date"]
    );
}

#[test]
fn a_new_document_a_query_matches_rebuilds_only_that_brief() {
    let dir = fixture("regen");
    build(dir.path(), &[]);
    let by_id = std::fs::read(dir.path().join("out/by-id/brief.md")).unwrap();
    std::fs::write(
        dir.path().join("corpus/epsilon.md"),
        "---\ntitle: Epsilon interview\n---\n\n“We would go again if we had to choose,” said Li Ming.\n",
    )
    .unwrap();
    assert_eq!(
        decisions(&build(dir.path(), &[])),
        [
            "rebuilding briefs/voices.yaml: new document corpus/epsilon.md matches section voices",
            "1 rebuilt, 2 up to date",
        ]
    );
    let voices = std::fs::read_to_string(dir.path().join("out/voices/brief.md")).unwrap();
    assert!(
        voices.contains("We would go again if we had to choose"),
        "{voices}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("out/by-id/brief.md")).unwrap(),
        by_id
    );
}

#[test]
fn a_cited_document_changing_or_going_rebuilds_its_briefs() {
    let dir = fixture("regen");
    build(dir.path(), &[]);
    append(&dir.path().join("corpus/beta.md"), "\nA closing line.\n");
    assert_eq!(
        decisions(&build(dir.path(), &[])),
        [
            "rebuilding briefs/beta-only.yaml: corpus/beta.md changed",
            "1 rebuilt, 2 up to date",
        ]
    );
    std::fs::remove_file(dir.path().join("corpus/gamma.md")).unwrap();
    assert_eq!(
        decisions(&build(dir.path(), &[])),
        [
            "rebuilding briefs/voices.yaml: corpus/gamma.md was removed",
            "1 rebuilt, 2 up to date",
        ]
    );
}

#[test]
fn spec_template_and_missing_outputs_are_reasons_too() {
    let dir = fixture("regen");
    build(dir.path(), &[]);
    append(&dir.path().join("briefs/by-id.yaml"), "subtitle: Revised\n");
    std::fs::remove_file(dir.path().join("out/beta-only/brief.md")).unwrap();
    assert_eq!(
        decisions(&build(dir.path(), &[])),
        [
            "rebuilding briefs/beta-only.yaml: out/beta-only/brief.md is missing",
            "rebuilding briefs/by-id.yaml: the spec changed",
            "2 rebuilt, 1 up to date",
        ]
    );
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/extra.typ"), "// new\n").unwrap();
    assert_eq!(
        decisions(&build(dir.path(), &[]))[0],
        "rebuilding briefs/beta-only.yaml: the template changed"
    );
    // Another set of build options is another output.
    assert_eq!(
        decisions(&build(dir.path(), &["--emit", "typst"]))[0],
        "rebuilding briefs/beta-only.yaml: the build options changed"
    );
}

#[test]
fn a_failed_build_keeps_the_old_output_and_rebuilds_once_fixed() {
    let dir = fixture("regen");
    build(dir.path(), &[]);
    let spec = dir.path().join("briefs/beta-only.yaml");
    let good = std::fs::read_to_string(&spec).unwrap();
    let before = std::fs::read(dir.path().join("out/beta-only/brief.md")).unwrap();
    std::fs::write(&spec, good.replace("doc: beta", "doc: betta")).unwrap();
    let out = brief(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("unknown document `betta`"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        decisions(&text(&out.stdout)),
        [
            "rebuilding briefs/beta-only.yaml: the spec changed",
            "0 rebuilt, 2 up to date, 1 failed",
        ]
    );
    assert_eq!(
        std::fs::read(dir.path().join("out/beta-only/brief.md")).unwrap(),
        before
    );
    // The failed build marked the output stale, so the fixed spec rebuilds it.
    std::fs::write(&spec, &good).unwrap();
    assert_eq!(
        decisions(&build(dir.path(), &[])),
        [
            "rebuilding briefs/beta-only.yaml: its last build failed",
            "1 rebuilt, 2 up to date",
        ]
    );
}

#[test]
fn a_damaged_manifest_means_a_full_rebuild_with_a_warning() {
    let dir = fixture("regen");
    build(dir.path(), &[]);
    std::fs::write(dir.path().join("out/brief-manifest.json"), "{ not json").unwrap();
    let out = brief(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).starts_with("warning: the build manifest is damaged"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("3 rebuilt, 0 up to date"));
}

#[test]
fn pdfs_are_part_of_an_output_and_rebuild_when_missing() {
    let dir = fixture("regen");
    let out = brief(dir.path(), &["build", "briefs/voices.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    std::fs::remove_file(dir.path().join("out/voices/brief.pdf")).unwrap();
    let out = brief(dir.path(), &["build", "briefs/voices.yaml"]);
    assert_eq!(
        decisions(&text(&out.stdout)),
        [
            "rebuilding briefs/voices.yaml: out/voices/brief.pdf is missing",
            "1 rebuilt, 0 up to date",
        ]
    );
    assert!(dir.path().join("out/voices/brief.pdf").is_file());
}
