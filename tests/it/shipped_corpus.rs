//! The shipped corpus is the seed articles, verbatim: only structure changed
//! (title lines moved into front matter, heading lines marked as headings,
//! blank lines between paragraphs). Checked against the raw seeds when they
//! sit beside the checkout, as they do for the team and CI.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

/// Seed file → document id.
const SEEDS: &[(&str, &str)] = &[
    ("000_8d173bf18166d69f.txt", "fleeing-xi-jinping"),
    ("001_d4534c5fc5a24fff.txt", "low-income-exodus"),
    ("002_1db856abe3b9cfb4.txt", "run-movement"),
    ("003_de3c812ecb8ea389.txt", "police-stations-abroad"),
    ("004_ac5c1df36b1a6c65.txt", "mass-exodus"),
];

#[test]
fn every_seed_line_is_in_the_corpus_verbatim_and_nothing_else_is() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipped: no ../shared/seeds beside the checkout");
        return;
    }
    for (seed, id) in SEEDS {
        let raw = std::fs::read_to_string(seeds.join(seed)).unwrap();
        let doc = std::fs::read_to_string(root.join("corpus").join(format!("{id}.md"))).unwrap();
        let (front, body) = doc[4..].split_once("\n---\n").unwrap();
        let seed_lines: Vec<&str> = raw
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty())
            .collect();

        // Every body line, less its heading marker, is a seed line, in the same order.
        let body_lines: Vec<&str> = body
            .split("\n\n")
            .flat_map(|block| block.lines())
            .map(|l| l.strip_prefix("## ").unwrap_or(l))
            .filter(|l| !l.is_empty())
            .collect();
        let mut next = 0;
        for line in &body_lines {
            let at = seed_lines[next..].iter().position(|s| s == line);
            assert!(
                at.is_some(),
                "{id}: body line not in the seed (or out of order): {line}"
            );
            next += at.unwrap() + 1;
        }
        // Every seed line is in the body, or is a title kept in front matter.
        for line in &seed_lines {
            let in_front = front.lines().any(|f| f.contains(line));
            assert!(
                body_lines.contains(line) || in_front,
                "{id}: seed line lost: {line}"
            );
        }
    }
}
