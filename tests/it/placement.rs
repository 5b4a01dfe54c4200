//! Charts and tables that do not fit below the text before them: the text
//! that follows fills the page instead of leaving it blank, and the notes
//! still read in order.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use crate::common::{brief, project, repo, text, write_spec};

/// Analyst prose long enough to fill about half of the first page.
fn filler() -> String {
    let sentence = "The analyst's own account of the counts runs on here at some length, so that the table after it cannot fit on the first page. ";
    sentence.repeat(24)
}

/// A spec whose first section ends in an eight-row figures table that does
/// not fit on page one; the second section's paragraph (`second`) can.
fn spec(second: &str) -> String {
    let rows = [
        "f-over-1158-million",
        "f-at-least-176239",
        "f-169pct-increase",
        "f-fourteenfold-surge",
        "f-over-88000",
        "f-as-much-as-75pct",
        "f-116338",
        "f-roughly-24pct-annually",
    ]
    .map(|id| format!("          - mass-exodus/{id}\n"))
    .concat();
    format!(
        "title: Placement\ndate: 2025-03-03\nsections:\n  - id: one\n    title: First section\n    blocks:\n      - text: |\n          {}\n      - figures:\n{rows}        as: table\n  - id: two\n    title: Second section\n    blocks:\n      - text: |\n          {second}\n",
        filler()
    )
}

fn pages(dir: &std::path::Path) -> Vec<String> {
    let pdf = dir.join("out/t/brief.pdf");
    common::pdftotext_layout(&pdf)
        .split('\u{c}')
        .map(str::to_string)
        .collect()
}

/// Note marks as pdftotext prints the notes at a page's foot: "12Huang, …".
fn note_numbers(page: &str) -> Vec<usize> {
    page.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let digits: String = l.chars().take_while(char::is_ascii_digit).collect();
            let rest = &l[digits.len()..];
            (!digits.is_empty() && (rest.starts_with("Huang") || rest.starts_with('“')))
                .then(|| digits.parse().unwrap())
        })
        .collect()
}

fn shipped() -> tempfile::TempDir {
    project(&[(&repo().join("corpus"), "corpus")])
}

#[test]
fn text_after_a_table_that_moved_on_fills_the_page_and_notes_stay_in_order() {
    let dir = shipped();
    write_spec(
        dir.path(),
        &spec("The paragraph of the second section fills the gap."),
    );
    let out = brief(dir.path(), &["build", "briefs/t.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pages = pages(dir.path());
    assert!(
        pages[0].contains("paragraph of the second section fills"),
        "{}",
        pages[0]
    );
    assert!(!pages[0].contains("WHAT IT COUNTS"), "{}", pages[0]);
    assert!(pages[1].contains("WHAT IT COUNTS"), "{}", pages[1]);
    // Notes numbered as read: page by page, each after the last.
    let numbers: Vec<usize> = pages.iter().flat_map(|p| note_numbers(p)).collect();
    assert!(numbers.len() >= 8, "{numbers:?}");
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
    // The Markdown keeps the spec's order.
    let md = std::fs::read_to_string(dir.path().join("out/t/brief.md")).unwrap();
    let table = md.find("| Figure").unwrap();
    assert!(table < md.find("## Second section").unwrap(), "{md}");
}

#[test]
fn no_move_that_would_change_a_note_s_wording() {
    let dir = shipped();
    // The paragraph cites a document the table cites first: set before the
    // table, its note would be the short form of a note not yet given in full.
    write_spec(
        dir.path(),
        &spec("Another count is {{figure:mass-exodus/f-over-116-million}} in all."),
    );
    let out = brief(dir.path(), &["build", "briefs/t.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pages = pages(dir.path());
    assert!(!pages[0].contains("Another count"), "{}", pages[0]);
    assert!(pages[1].contains("WHAT IT COUNTS"), "{}", pages[1]);
}
