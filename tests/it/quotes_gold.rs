//! Accuracy of quote extraction on the shipped corpus, against a hand-checked list.
//!
//! The list was made by reading the five articles, not from the extractor's
//! output: every direct quotation of four or more words (and shorter ones
//! with a verb of speech beside them), the words it starts with, and the
//! speaker the text attributes it to. A quote the text leaves unattributed
//! has speaker `None`; an unnamed speaker carries the text's description.

// A report for the person running it: `println!` is disallowed only for the CLI.
#![allow(clippy::disallowed_macros)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use brief::corpus::Corpus;
use brief::extract::{Quote, extract};

/// (document, the quote's first words, speaker, description of an unnamed speaker)
const GOLD: &[(&str, &str, Option<&str>, Option<&str>)] = &[
    (
        "fleeing-xi-jinping",
        "of the 1.3 million people in the United States",
        Some("New York Times"),
        None,
    ),
    // "The piece listed …": the NYT piece named in the sentence before.
    (
        "fleeing-xi-jinping",
        "harsh restrictions related to the coronavirus pandemic",
        Some("New York Times"),
        None,
    ),
    (
        "fleeing-xi-jinping",
        "the largest reason for me is the political environment",
        Some("Mark Xu"),
        None,
    ),
    (
        "fleeing-xi-jinping",
        "in 2023, more than 500,000 migrants crossed",
        Some("Al Jazeera"),
        None,
    ),
    // A section title of the Al Jazeera story: Al Jazeera's words.
    (
        "fleeing-xi-jinping",
        "Why we want to go to the United States",
        Some("Al Jazeera"),
        None,
    ),
    // ‘…” with mismatched marks, after “…,” he said: one quote in two parts.
    (
        "fleeing-xi-jinping",
        "There are major problems in our country’s economy … We have no choice",
        Some("Wu Xiaohua"),
        None,
    ),
    // A paragraph of quotation alone continues the previous speaker.
    (
        "fleeing-xi-jinping",
        "Our requirements are very simple",
        Some("Wu Xiaohua"),
        None,
    ),
    (
        "fleeing-xi-jinping",
        "I sold everything that I had … We were treated like caged animals.",
        Some("Huang"),
        None,
    ),
    (
        "fleeing-xi-jinping",
        "is a sign of declining trust in the government.",
        Some("Ai Weiwei"),
        None,
    ),
    // The paragraph after "CNN ran The ‘walking route’ … on January 8, 2024."
    (
        "fleeing-xi-jinping",
        "In the first 11 months of 2023, more than 31,000",
        Some("CNN"),
        None,
    ),
    (
        "fleeing-xi-jinping",
        "We are Christians",
        None,
        Some("one neatly dressed middle-aged man"),
    ),
    (
        "low-income-exodus",
        "tell China’s story well.",
        Some("Xi Jinping"),
        None,
    ),
    (
        "run-movement",
        "Why do so many people want to leave?",
        Some("Zhang Jun"),
        None,
    ),
    (
        "run-movement",
        "We can’t afford to offend them",
        Some("Zhang Jun"),
        None,
    ),
    (
        "run-movement",
        "This society is pretty distorted – it’s not like it used to be in the past … Back then",
        Some("Zhang Jun"),
        None,
    ),
    (
        "run-movement",
        "Today’s China is no place for humans",
        Some("Zhang Jun"),
        None,
    ),
    (
        "run-movement",
        "Who would want to leave their hometown",
        Some("Zhang Jun"),
        None,
    ),
    (
        "run-movement",
        "Here, anyone can find a job",
        Some("Zhang Jun"),
        None,
    ),
    // In the account of Kedi, who "said he had decided to leave" just before.
    ("run-movement", "fell off a cliff", Some("Kedi"), None),
    (
        "run-movement",
        "I was born in 1987, and my family hails from a rural area, where people’s thinking is pretty conservative … My family",
        Some("Kedi"),
        None,
    ),
    (
        "run-movement",
        "I couldn’t stand going on these blind dates [they set up with women]",
        Some("Kedi"),
        None,
    ),
    (
        "run-movement",
        "As to those countries which posed",
        Some("European Central Bank"),
        None,
    ),
    (
        "police-stations-abroad",
        "abide by American law",
        Some("Jie Lijian"),
        None,
    ),
    (
        "police-stations-abroad",
        "Last year it was very easy to find a job",
        Some("Jie Lijian"),
        None,
    ),
    // Holds a stray “ before "evidence".
    (
        "police-stations-abroad",
        "According to my observations, about 70%",
        Some("Jie Lijian"),
        None,
    ),
    // Opens, nests “police stations”, and never closes; no one is credited.
    (
        "police-stations-abroad",
        "Chinese “police stations” have also been identified",
        None,
        None,
    ),
    (
        "mass-exodus",
        "Last year, a police officer … warned me",
        Some("Wang Shoufeng"),
        None,
    ),
    (
        "mass-exodus",
        "My Chinese Dream is that China should transform",
        Some("Wang Shoufeng"),
        None,
    ),
    (
        "mass-exodus",
        "The Chinese authorities (中共当局) have tightened",
        Some("Laura Harth"),
        None,
    ),
    (
        "mass-exodus",
        "This wave of mass exodus is consistent",
        Some("Laura Harth"),
        None,
    ),
    (
        "mass-exodus",
        "More and more, even before China’s economic downturn",
        Some("Laura Harth"),
        None,
    ),
    (
        "mass-exodus",
        "What has happened to me is the stark embodiment",
        None,
        Some("Another Chinese entrepreneur"),
    ),
    (
        "mass-exodus",
        "The extent of corruption among local authorities",
        None,
        Some("Another Chinese entrepreneur"),
    ),
];

fn shipped() -> (Corpus, Vec<Quote>) {
    let corpus = Corpus::load(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .as_path(),
    )
    .expect("shipped corpus loads");
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    let quotes = corpus
        .documents
        .iter()
        .flat_map(|d| extract(d).quotes)
        .collect();
    (corpus, quotes)
}

#[test]
fn every_quote_found_with_its_speaker_and_nothing_else() {
    let (_, quotes) = shipped();
    let mut problems = Vec::new();
    let mut found = 0;
    for (doc, start, speaker, description) in GOLD {
        match quotes
            .iter()
            .find(|q| q.doc == *doc && q.text.starts_with(start))
        {
            None => problems.push(format!("missed: {doc}: {start}")),
            Some(q) => {
                found += 1;
                if q.speaker.as_deref() != *speaker
                    || q.speaker_description.as_deref() != *description
                {
                    problems.push(format!(
                        "wrong speaker: {}: {:?}/{:?}, expected {speaker:?}/{description:?}",
                        q.id, q.speaker, q.speaker_description
                    ));
                }
            }
        }
    }
    let extra: Vec<&Quote> = quotes
        .iter()
        .filter(|q| {
            !GOLD
                .iter()
                .any(|(doc, start, _, _)| q.doc == *doc && q.text.starts_with(start))
        })
        .collect();
    for q in &extra {
        problems.push(format!(
            "not a quote in the gold list: {}: {}",
            q.id, q.text
        ));
    }
    let right = GOLD.len()
        - problems
            .iter()
            .filter(|p| !p.starts_with("not a quote"))
            .count();
    println!(
        "quotes: recall {}/{}, precision {}/{}, speakers right {}/{}",
        found,
        GOLD.len(),
        quotes.len() - extra.len(),
        quotes.len(),
        right,
        GOLD.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Slogans in quotation marks that nobody in the text says (issue 14): the
/// “China Dream of national rejuvenation” is a phrase, not a quotation.
#[test]
fn slogans_are_not_quotes() {
    let (_, quotes) = shipped();
    for q in &quotes {
        assert!(
            !q.text.contains("Dream of national rejuvenation")
                && !q.text.contains("Dream of National Rejuvenation"),
            "a slogan listed as a quote: {}",
            q.id
        );
    }
}

#[test]
fn quotes_are_verbatim_and_spans_point_at_them() {
    let (corpus, quotes) = shipped();
    for q in &quotes {
        let body = &corpus.get(&q.doc).unwrap().body;
        if q.parts.is_empty() {
            assert_eq!(&body[q.start..q.end], q.text, "{}", q.id);
        } else {
            let joined: Vec<&str> = q.parts.iter().map(|p| &body[p.start..p.end]).collect();
            assert_eq!(joined.join(" … "), q.text, "{}", q.id);
            assert_eq!(
                (q.start, q.end),
                (q.parts[0].start, q.parts.last().unwrap().end)
            );
        }
        assert!(
            body.contains(&q.sentence),
            "{}: sentence not verbatim",
            q.id
        );
        assert!(
            q.sentence.contains(q.text.split(" … ").next().unwrap()),
            "{}",
            q.id
        );
    }
}

#[test]
fn ids_are_unique_and_stable() {
    let (_, quotes) = shipped();
    let mut ids: Vec<&str> = quotes.iter().map(|q| q.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), quotes.len());
    assert!(ids.contains(&"run-movement/q-why-do-so-many-people"));
}

/// Speakers on text brief was not written for (issue 14): PolNeAR's public
/// dev split, scored by the team's scorer, must have at least 90% of named
/// speakers right and 98% of quotations found. The set lives outside the
/// repository (`../shared/devsets`); where it, Python or PyYAML is missing
/// the test says so and passes, as on CI.
#[test]
fn polnear_dev_speakers_at_least_ninety_percent() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/devsets");
    let dev = root.join("polnear/dev");
    if !dev.join("gold.yaml").exists() {
        println!("skipped: {} is not here", dev.display());
        return;
    }
    let has_yaml = std::process::Command::new("python3")
        .args(["-c", "import yaml"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_yaml {
        println!("skipped: python3 with PyYAML is not here");
        return;
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["corpus", "quotes", "--json", "--corpus"])
        .arg(dev.join("corpus"))
        .output()
        .unwrap();
    assert!(out.status.success(), "brief corpus quotes failed");
    let json = std::env::temp_dir().join(format!("brief-polnear-dev-{}.json", std::process::id()));
    std::fs::write(&json, &out.stdout).unwrap();
    let score = std::process::Command::new("python3")
        .arg(root.join("score.py"))
        .arg("quotes")
        .arg(dev.join("gold.yaml"))
        .arg(&json)
        .args([
            "--loose-speaker",
            "--min-speaker",
            "0.90",
            "--min-recall",
            "0.98",
        ])
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&json);
    let report = String::from_utf8_lossy(&score.stdout);
    println!("{report}");
    assert!(
        score.status.success(),
        "PolNeAR dev below target: {}",
        report.lines().last().unwrap_or("")
    );
}
