//! Every selector kind, run through the real `brief check --verbose` on a
//! small fixture corpus whose dates, tags and speakers are known.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

/// The ids a quotes (or figures) block selects, as `brief check --verbose` lists them.
fn selected(kind: &str, selector: &str) -> Vec<String> {
    let (code, stdout, stderr) = check(kind, selector);
    assert_eq!(code, 0, "{stderr}");
    stdout
        .lines()
        .filter(|l| l.starts_with("    "))
        .map(|l| l.trim().to_string())
        .collect()
}

fn check(kind: &str, selector: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/selectors/corpus");
    let spec = format!(
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - {kind}:\n          - {selector}\n",
    );
    std::fs::write(dir.path().join("t.yaml"), spec).unwrap();
    // The fixture lies outside this project, so it is named with --corpus
    // (a spec's own `corpus:` must stay inside its project).
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["check", "--verbose", "t.yaml", "--corpus"])
        .arg(&fixture)
        .current_dir(dir.path())
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn id_selects_one_item() {
    assert_eq!(
        selected("quotes", "beta/q-the-police-came-to-my"),
        ["beta/q-the-police-came-to-my"]
    );
    assert_eq!(
        selected("figures", "{id: gamma/f-12000}"),
        ["gamma/f-12000"]
    );
}

#[test]
fn doc_selects_a_document_or_several() {
    assert_eq!(selected("figures", "{doc: beta}"), ["beta/f-about-40pct"]);
    assert_eq!(
        selected("quotes", "{doc: [gamma, alpha]}"),
        [
            "alpha/q-we-left-because-the-factory",
            "gamma/q-nobody-here-asks-what-you"
        ]
    );
}

#[test]
fn speaker_matches_part_of_the_name_in_any_case() {
    assert_eq!(
        selected("quotes", "{speaker: li ming}"),
        [
            "alpha/q-we-left-because-the-factory",
            "gamma/q-nobody-here-asks-what-you"
        ]
    );
}

#[test]
fn match_searches_quote_text_and_figure_sentences() {
    assert_eq!(
        selected("quotes", "{match: POLICE}"),
        ["beta/q-the-police-came-to-my"]
    );
    // "residents" is in the figure's sentence, not in the figure itself.
    assert_eq!(selected("figures", "{match: residents}"), ["gamma/f-12000"]);
}

#[test]
fn tags_select_documents_with_any_of_them() {
    assert_eq!(
        selected("figures", "{tags: [economy, repression]}"),
        ["alpha/f-more-than-3000", "beta/f-about-40pct"]
    );
}

#[test]
fn date_bounds_are_inclusive_and_partial_dates_must_fit_whole() {
    assert_eq!(
        selected("figures", "{published_after: 2024-05-10}"),
        ["alpha/f-more-than-3000"]
    );
    assert_eq!(
        selected("figures", "{published_before: 2023-11-30}"),
        ["beta/f-about-40pct"]
    );
    // beta is "2023-11": it may be from 29 or 30 November, so it is not
    // certainly before the 29th, and undated gamma never passes a date test.
    assert_eq!(
        selected(
            "figures",
            "{published_before: 2023-11-29, allow_empty: true}"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn within_counts_back_from_the_brief_date() {
    // The brief is dated 2024-06-30: alpha (2024-05-10) is within 60 days, beta is not.
    assert_eq!(
        selected("figures", "{within: 60d}"),
        ["alpha/f-more-than-3000"]
    );
    assert_eq!(
        selected("figures", "{within: 1y}"),
        ["alpha/f-more-than-3000", "beta/f-about-40pct"]
    );
    assert_eq!(
        selected("figures", "{within: 8m}"),
        ["alpha/f-more-than-3000", "beta/f-about-40pct"]
    );
    assert_eq!(
        selected("figures", "{within: 7m}"),
        ["alpha/f-more-than-3000"]
    );
}

#[test]
fn order_and_limit() {
    assert_eq!(
        selected("figures", "{order: oldest}"),
        [
            "beta/f-about-40pct",
            "alpha/f-more-than-3000",
            "gamma/f-12000"
        ]
    );
    assert_eq!(
        selected("figures", "{order: newest}"),
        [
            "alpha/f-more-than-3000",
            "beta/f-about-40pct",
            "gamma/f-12000"
        ]
    );
    assert_eq!(
        selected("figures", "{order: corpus}"),
        [
            "alpha/f-more-than-3000",
            "beta/f-about-40pct",
            "gamma/f-12000"
        ]
    );
    assert_eq!(
        selected("figures", "{order: newest, limit: 1}"),
        ["alpha/f-more-than-3000"]
    );
}

#[test]
fn an_empty_selection_is_an_error_unless_allowed() {
    let (code, _, stderr) = check("quotes", "{speaker: Nobody}");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: this selector selects no quotes\n"),
        "{stderr}"
    );
    assert!(stderr.contains("add `allow_empty: true`"), "{stderr}");

    let (code, _, stderr) = check("quotes", "{speaker: Nobody, allow_empty: true}");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: this selector selects no quotes\n"),
        "{stderr}"
    );
}
