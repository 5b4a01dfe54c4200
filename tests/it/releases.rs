//! Speakers of government media releases: `brief corpus quotes --json` over
//! made-up releases in the styles of Australian, UK, US, Canadian and New
//! Zealand ministers', agencies' and senators' offices
//! (`tests/fixtures/releases/corpus`), against a hand-written gold list
//! (`gold.txt`: document | the quote's first words | speaker). Releases put
//! the speaker where news does not: in a label above a quotation
//! (`Quotes attributable to …:`), a paragraph of introduction (`X said:`),
//! a credit line below (`— X, Minister for …`), a role ("the Minister").

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::common::{brief, text};

#[test]
fn release_speakers_are_ninety_percent_right_with_at_most_one_wrong_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/releases");
    let out = brief(&root, &["corpus", "quotes", "--json", "--corpus", "corpus"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let quotes: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let gold = std::fs::read_to_string(root.join("gold.txt")).unwrap();
    let (mut total, mut right, mut wrong) = (0, 0, Vec::new());
    let mut missing = Vec::new();
    for line in gold
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let [doc, start, speaker]: [&str; 3] = line
            .split(" | ")
            .collect::<Vec<_>>()
            .try_into()
            .expect("document | first words | speaker");
        total += 1;
        let Some(q) = quotes
            .iter()
            .find(|q| q["doc"] == doc && q["text"].as_str().unwrap().starts_with(start))
        else {
            missing.push(line);
            continue;
        };
        match q["speaker"].as_str() {
            Some(s) if s == speaker => right += 1,
            Some(s) => wrong.push(format!("{line} → {s} ({})", q["sieve"])),
            None => {}
        }
    }
    assert!(missing.is_empty(), "quotations not found: {missing:#?}");
    // No quotation the gold does not list: labels, headings and contact
    // lines are never quotes.
    assert_eq!(quotes.len(), total, "{quotes:#?}");
    assert!(
        right * 10 >= total * 9,
        "speakers right {right}/{total}; wrong: {wrong:#?}"
    );
    assert!(wrong.len() <= 1, "wrong names: {wrong:#?}");
}
