//! Excerpts keep their source's lists and emphasis, and nothing else: the
//! real binary on `tests/fixtures/excerpt`, whose excerpted section has a
//! bulleted list with a nested one, a list numbered from 4, emphasis and
//! strong text, and links, images, code, HTML, maths and Typst markup that
//! must come out as text. The Markdown is read back with pandoc, the PDF
//! with pdftotext.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use crate::common::{brief, fixture, text};

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn pandoc(path: &Path, to: &str) -> String {
    let out = Command::new("pandoc")
        .args(["-f", "markdown", "-t", to, "--wrap=none"])
        .arg(path)
        .output()
        .expect("pandoc is installed (.ci/run installs it)");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn an_excerpt_keeps_lists_and_emphasis_and_nothing_else() {
    let dir = fixture("excerpt");
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let md = dir.path().join("out/rules/brief.md");
    insta::assert_snapshot!("excerpt", std::fs::read_to_string(&md).unwrap());
    let json: serde_json::Value = serde_json::from_str(&pandoc(&md, "json")).unwrap();
    let quotes: Vec<&serde_json::Value> = json["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["t"] == "BlockQuote")
        .collect();
    assert_eq!(quotes.len(), 1, "one block quote: the excerpt");
    // The excerpt's blocks, without the attribution line (last) and its note.
    let body = quotes[0]["c"].as_array().unwrap();
    let mut found = BTreeMap::new();
    body[..body.len() - 1]
        .iter()
        .for_each(|b| common::pandoc_counts(b, &mut found));
    let n = |t: &str| found.get(t).copied().unwrap_or(0);
    // The list, the list nested in it, and the list numbered on from 4.
    assert_eq!(n("BulletList"), 2, "{found:?}");
    assert_eq!(n("OrderedList"), 1, "{found:?}");
    // *three*, *daily*, *religious*; **no exceptions**, **twice**.
    assert_eq!(n("Emph"), 3, "{found:?}");
    assert_eq!(n("Strong"), 2 + 1, "the heading is strong too: {found:?}");
    for markup in [
        "RawInline",
        "RawBlock",
        "Link",
        "Image",
        "Code",
        "Math",
        "Cite",
        "Note",
    ] {
        assert_eq!(n(markup), 0, "pandoc found {markup}: {found:?}");
    }
    // The numbered list starts at 4, as in the source.
    let ordered = body.iter().find(|b| b["t"] == "OrderedList").unwrap();
    assert_eq!(ordered["c"][0][0], 4, "{ordered}");

    let plain = pandoc(&md, "plain");
    for literal in [
        "See [the decree](javascript:alert(1)), ![seal](file:///etc/passwd) and `art. 5`.",
        "an <b>ombudsman</b> [^1] with $x$ @cite #set page(width: 1pt) \\ within a week.",
    ] {
        assert!(plain.contains(literal), "missing {literal:?} in\n{plain}");
    }

    let pdf = dir.path().join("out/rules/brief.pdf");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (.ci/run installs poppler-utils)");
    let shown: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    for line in [
        "From June, shelters must follow three rules, the ministry said, and no exceptions will be granted:",
        "• Every shelter keeps a daily register.",
        "• Staff check papers twice a week:",
        "‣ on Mondays, and",
        "• Families stay together.",
        "4. Children attend the local school.",
        "5. Meals follow religious needs. See [the decree](javascript:alert(1)), ![seal](file:///etc/passwd) and `art. 5`.",
        "6. Complaints go to an <b>ombudsman</b> [^1] with $x$ @cite #set page(width: 1pt) \\ within a week.",
    ] {
        assert!(
            shown.iter().any(|l| l == line),
            "missing {line:?} in\n{shown:#?}"
        );
    }
    assert!(
        !shown.iter().any(|l| l.contains('*')),
        "a literal star in\n{shown:#?}"
    );
}

/// The Typst source of the fixture's excerpt: emphasis as `emph(..)` and
/// `strong(..)` around string literals, lists as `list(..)`/`enum(..)`.
#[test]
fn the_excerpt_typst_source_matches_its_snapshot() {
    let dir = fixture("excerpt");
    let mut compiler =
        brief::compile::Compiler::new(None, chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap());
    let prepared = compiler
        .prepare(&dir.path().join("briefs/rules.yaml"))
        .unwrap();
    let outputs = compiler.outputs(&prepared, None, None).unwrap();
    let typst = &brief::render::typst::source::main_file(
        &outputs[0].brief,
        &prepared.template.import,
        &outputs[0].keywords,
    );
    let call = &typst[typst.find("#brief-excerpt(").unwrap()..];
    let call = &call[..call.find("\n)\n").unwrap() + 3];
    insta::assert_snapshot!("excerpt_typst", call);
}
