//! `brief build` and `brief check` on fixture projects: the shipped example
//! briefs (snapshots, determinism, pandoc), a hostile corpus, every kind of
//! spec error with its full text, and what a failing spec leaves behind.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use crate::common::{brief, fixture, project, repo, text, write_spec};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The shipped example project: `briefs/` and `corpus/` of this repository.
fn example_project() -> tempfile::TempDir {
    project(&[
        (&repo().join("briefs"), "briefs"),
        (&repo().join("corpus"), "corpus"),
    ])
}

/// Every Markdown file under `dir`, by relative path (tests/it/pdf.rs reads the PDFs).
fn files(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in walk(dir) {
        let rel = entry
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        out.insert(rel, std::fs::read_to_string(&entry).unwrap());
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn example_briefs_build_one_file_per_audience() {
    let dir = example_project();
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with("built ")).collect();
    assert_eq!(lines.len(), 10, "{stdout}");
    assert!(
        stdout.contains("rebuilding briefs/overland-route.yaml (researchers): not built before\n"),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("4 rebuilt, 0 up to date in "),
        "{stdout}"
    );
    for expected in [
        "built briefs/asylum-under-xi.yaml → out/asylum-under-xi/policymakers.md in ",
        "built briefs/asylum-under-xi.yaml → out/asylum-under-xi/policymakers.pdf in ",
        "built briefs/asylum-under-xi.yaml → out/asylum-under-xi/press.md in ",
        "built briefs/asylum-under-xi.yaml → out/asylum-under-xi/press.pdf in ",
        "built briefs/asylum-under-xi.yaml → out/asylum-under-xi/charts/press/scale-1.svg in ",
        "built briefs/asylum-under-xi.yaml → out/asylum-under-xi/charts/policymakers/scale-1.svg in ",
        "built briefs/overland-route.yaml → out/overland-route/policymakers.md in ",
        "built briefs/overland-route.yaml → out/overland-route/policymakers.pdf in ",
        "built briefs/overland-route.yaml → out/overland-route/researchers.md in ",
        "built briefs/overland-route.yaml → out/overland-route/researchers.pdf in ",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(expected)),
            "{expected}\n{stdout}"
        );
    }
    let outputs = files(&dir.path().join("out"));
    assert_eq!(outputs.len(), 4);
    for (name, markdown) in &outputs {
        insta::assert_snapshot!(name.replace('/', "__"), markdown);
    }
}

/// The generated Typst of every example output, through the library API.
#[test]
fn example_briefs_typst_source_matches_snapshots() {
    let dir = example_project();
    let mut compiler =
        brief::compile::Compiler::new(None, chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap());
    for spec in ["asylum-under-xi", "overland-route"] {
        let prepared = compiler
            .prepare(&dir.path().join(format!("briefs/{spec}.yaml")))
            .unwrap();
        for output in compiler.outputs(&prepared, None, None).unwrap() {
            let name = format!("{spec}__{}.typ", output.audience);
            let typst = brief::render::typst::source::main_file(
                &output.brief,
                &prepared.template.import,
                &output.keywords,
            );
            insta::assert_snapshot!(name, typst);
        }
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    let dir = example_project();
    assert!(brief(dir.path(), &["build"]).status.success());
    let first = files(&dir.path().join("out"));
    std::fs::remove_dir_all(dir.path().join("out")).unwrap();
    assert!(brief(dir.path(), &["build"]).status.success());
    assert_eq!(first, files(&dir.path().join("out")));
}

#[test]
fn audiences_differ_in_sections_quotes_and_notes() {
    let dir = example_project();
    assert!(brief(dir.path(), &["build"]).status.success());
    let read = |p: &str| std::fs::read_to_string(dir.path().join("out").join(p)).unwrap();
    let policy = read("asylum-under-xi/policymakers.md");
    let press = read("asylum-under-xi/press.md");
    assert!(policy.contains("## Options") && !press.contains("## Options"));
    assert!(press.contains("## In their own words") && !policy.contains("## In their own words"));
    assert!(policy.contains("**For policymakers.** Options for a response"));
    assert!(press.contains("**For the press.** Every figure"));
    let quotes = |md: &str| md.lines().filter(|l| l.starts_with("> — ")).count();
    assert!(
        quotes(&press) > quotes(&policy),
        "{} vs {}",
        quotes(&press),
        quotes(&policy)
    );
}

#[test]
fn build_flags_pick_an_audience_and_an_output_directory() {
    let dir = example_project();
    let out = brief(
        dir.path(),
        &[
            "build",
            "briefs/overland-route.yaml",
            "--audience",
            "researchers",
            "--out",
            "elsewhere",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        files(&dir.path().join("elsewhere"))
            .keys()
            .collect::<Vec<_>>(),
        ["overland-route/researchers.md"]
    );
    let out = brief(
        dir.path(),
        &[
            "build",
            "briefs/overland-route.yaml",
            "--audience",
            "reserchers",
        ],
    );
    // A usage error (issue 13): the command line asked for it, not the spec.
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: --audience reserchers: the spec has no audience `reserchers`\n --> briefs/overland-route.yaml\n  = help: did you mean `researchers`?\n"
    );
}

/// Counts what pandoc finds in a Markdown file: element name → count.
fn pandoc_elements(path: &Path) -> BTreeMap<String, usize> {
    let out = Command::new("pandoc")
        .args(["-f", "markdown", "-t", "json"])
        .arg(path)
        .output()
        .expect("pandoc is installed (.ci/run installs it)");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut counts = BTreeMap::new();
    common::pandoc_counts(&json["blocks"], &mut counts);
    counts
}

/// Footnote references (not definitions) and block quotes as we wrote them.
fn emitted(markdown: &str) -> (usize, usize) {
    let mut refs = 0;
    let mut quotes = 0;
    let mut previous = "";
    for line in markdown.lines() {
        let body = match line.strip_prefix("[^") {
            Some(rest) if rest.contains("]: ") => rest.split_once("]: ").unwrap().1,
            _ => line,
        };
        // An escaped `\[\^` never contains `[^`: only our markers count.
        refs += body.matches("[^").count();
        if line.starts_with('>') && !previous.starts_with('>') {
            quotes += 1;
        }
        previous = line;
    }
    (refs, quotes)
}

#[test]
fn pandoc_reads_every_footnote_and_block_quote_we_emit() {
    let dir = example_project();
    assert!(brief(dir.path(), &["build"]).status.success());
    for path in walk(&dir.path().join("out")) {
        let markdown = std::fs::read_to_string(&path).unwrap();
        let (refs, quotes) = emitted(&markdown);
        assert!(refs > 5 && quotes > 1, "{}", path.display());
        let found = pandoc_elements(&path);
        assert_eq!(found.get("Note"), Some(&refs), "{}", path.display());
        assert_eq!(found.get("BlockQuote"), Some(&quotes), "{}", path.display());
        assert!(found.contains_key("Table") || markdown.contains("\n- **"));
    }
}

#[test]
fn hostile_corpus_and_spec_text_come_out_literally() {
    let dir = fixture("hostile");
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let path = dir.path().join("out/hostile/all.md");
    let markdown = std::fs::read_to_string(&path).unwrap();
    insta::assert_snapshot!("hostile", markdown);

    let found = pandoc_elements(&path);
    for markup in [
        "RawInline",
        "RawBlock",
        "Image",
        "Code",
        "CodeBlock",
        "Math",
        "Cite",
        "Strikeout",
        "Subscript",
        "Superscript",
        "Span",
        "Div",
    ] {
        assert_eq!(found.get(markup), None, "pandoc found {markup}: {found:?}");
    }
    // The only links are the document's URL in its citations.
    let json = Command::new("pandoc")
        .args(["-f", "markdown", "-t", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let json = text(&json.stdout);
    let links = json.matches("\"t\":\"Link\"").count();
    let targets = json
        .matches("[\"https://evil.example/a?b=c&d=e\",\"\"]")
        .count();
    assert!(
        links > 0 && links == targets,
        "{links} links, {targets} to the document"
    );
    // The excerpt is the Markdown line `1. … *star* and _under_ …`: its list
    // item and emphasis are kept; the rest of its markup stays text (below).
    assert_eq!(found.get("OrderedList"), Some(&1), "{found:?}");
    for emphasis in ["star", "under"] {
        let emph = format!("{{\"t\":\"Emph\",\"c\":[{{\"t\":\"Str\",\"c\":\"{emphasis}\"}}]}}");
        assert!(json.contains(&emph), "no {emph} in {json}");
    }
    // Title, one section, Sources: nothing in the text became a heading.
    assert_eq!(found.get("Header"), Some(&3), "{found:?}");
    assert_eq!(found.get("Note"), Some(&emitted(&markdown).0));

    let plain = crate::common::pandoc_plain(&path, "markdown");
    for literal in crate::common::HOSTILE_TYPED.into_iter().chain([
        "1.  Not a list | and a star and under and [^3] and <div>html</div> and \\\\backslash &amp; and [x]: http://ref.example",
    ]) {
        assert!(plain.contains(literal), "missing {literal:?} in\n{plain}");
    }
}

/// `brief check` on one spec written into a project with the selector fixture corpus.
fn check_spec(spec: &str) -> (Option<i32>, String) {
    let dir = project(&[(&repo().join("tests/fixtures/selectors/corpus"), "corpus")]);
    write_spec(dir.path(), spec);
    let out = brief(dir.path(), &["check", "briefs/t.yaml"]);
    (out.status.code(), text(&out.stderr))
}

#[test]
fn bad_yaml_points_at_the_line() {
    let (code, stderr) = check_spec("title: T\nsections: [\n  - id: a\n");
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: invalid YAML: \"-\" is only valid inside a block\n --> briefs/t.yaml:3:3\n  |\n3 |   - id: a\n  |   ^\nbriefs/t.yaml: 1 error; nothing written\n"
    );
}

#[test]
fn unknown_keys_suggest_the_nearest_and_every_problem_is_reported() {
    let (code, stderr) = check_spec(
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    titel: S\n    blocks:\n      - quotes: [{speker: Li}]\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: a section is missing `title`
 --> briefs/t.yaml:4:5
  |
4 |   - id: s
  |     ^
error: unknown key `titel` in a section
 --> briefs/t.yaml:5:5
  |
5 |     titel: S
  |     ^
  = help: did you mean `title`?
error: unknown key `speker` in a selector
 --> briefs/t.yaml:7:19
  |
7 |       - quotes: [{speker: Li}]
  |                   ^
  = help: did you mean `speaker`?
briefs/t.yaml: 3 errors; nothing written
"
    );
}

#[test]
fn wrong_types_say_what_was_expected() {
    let (code, stderr) = check_spec(
        "title: T\ndate: 2024-06-30\naudiences:\n  press: {label: Press, max_quotes: many}\nsections:\n  - id: s\n    title: [S]\n    blocks:\n      - figures: [{doc: alpha, limit: -1}]\n        as: chart\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: max_quotes: expected a whole number, 0 or more, found the string \"many\"
 --> briefs/t.yaml:4:37
  |
4 |   press: {label: Press, max_quotes: many}
  |                                     ^
error: section title: expected a string, found a list
 --> briefs/t.yaml:7:12
  |
7 |     title: [S]
  |            ^
error: limit: expected a whole number, 0 or more, found the number -1
 --> briefs/t.yaml:9:39
  |
9 |       - figures: [{doc: alpha, limit: -1}]
  |                                       ^
error: as: expected `table`, `list`, `bar` or `line`, found the string \"chart\"
  --> briefs/t.yaml:10:13
   |
10 |         as: chart
   |             ^
briefs/t.yaml: 4 errors; nothing written
"
    );
}

#[test]
fn dangling_ids_point_into_the_spec_with_suggestions() {
    let (code, stderr) = check_spec(
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - quotes: [alpha/q-we-left-because-the-factroy, beta/f-about-40pct]\n      - text: |\n          See {{figure:gamma/f-1200}} and {{fig:gamma/f-12000}}.\n      - excerpt: {doc: alpha, section: intr}\n      - excerpt: {doc: alfa, paragraphs: 1}\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: no quote with id `alpha/q-we-left-because-the-factroy`
 --> briefs/t.yaml:7:18
  |
7 |       - quotes: [alpha/q-we-left-because-the-factroy, beta/f-about-40pct]
  |                  ^
  = help: did you mean `alpha/q-we-left-because-the-factory`?
error: no quote with id `beta/f-about-40pct`
 --> briefs/t.yaml:7:55
  |
7 |       - quotes: [alpha/q-we-left-because-the-factroy, beta/f-about-40pct]
  |                                                       ^
  = help: `beta/f-about-40pct` is a figure, not a quote
error: no figure with id `gamma/f-1200`
 --> briefs/t.yaml:9:15
  |
9 |           See {{figure:gamma/f-1200}} and {{fig:gamma/f-12000}}.
  |               ^
  = help: did you mean `gamma/f-12000`?
error: unknown reference kind `fig`
 --> briefs/t.yaml:9:43
  |
9 |           See {{figure:gamma/f-1200}} and {{fig:gamma/f-12000}}.
  |                                           ^
  = help: did you mean `{{figure:gamma/f-12000}}`?
error: `alpha` has no section `intr`
  --> briefs/t.yaml:10:40
   |
10 |       - excerpt: {doc: alpha, section: intr}
   |                                        ^
   = help: did you mean `intro`?
error: unknown document `alfa`
  --> briefs/t.yaml:11:24
   |
11 |       - excerpt: {doc: alfa, paragraphs: 1}
   |                        ^
   = help: did you mean `alpha`?
briefs/t.yaml: 6 errors; nothing written
"
    );
}

#[test]
fn an_empty_selection_is_an_error() {
    let (code, stderr) = check_spec(
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - quotes:\n          - speaker: Zhang\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: this selector selects no quotes
 --> briefs/t.yaml:8:13
  |
8 |           - speaker: Zhang
  |             ^
  = help: loosen the query, or add `allow_empty: true` if an empty result is expected
briefs/t.yaml: 1 error; nothing written
"
    );
}

#[test]
fn bad_dates_are_errors() {
    let (code, stderr) = check_spec(
        "title: T\ndate: 30/06/2024\nsections:\n  - id: s\n    title: S\n    blocks:\n      - figures: [{published_after: last week, within: 3 days}]\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: date: expected a date like 2025-06-01, or `today`, found the string \"30/06/2024\"
 --> briefs/t.yaml:2:7
  |
2 | date: 30/06/2024
  |       ^
error: published_after: expected a date like 2024-01-31, found the string \"last week\"
 --> briefs/t.yaml:7:37
  |
7 |       - figures: [{published_after: last week, within: 3 days}]
  |                                     ^
error: within: expected a period like `180d`, `8w`, `6m` or `1y`, found the string \"3 days\"
 --> briefs/t.yaml:7:56
  |
7 |       - figures: [{published_after: last week, within: 3 days}]
  |                                                        ^
briefs/t.yaml: 3 errors; nothing written
"
    );
}

#[test]
fn a_missing_corpus_is_reported_at_the_spec() {
    let (code, stderr) = check_spec(
        "title: T\ncorpus: ../nowhere\nsections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hello.\n",
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: corpus directory `briefs/../nowhere` does not exist
 --> briefs/t.yaml:2:9
  |
2 | corpus: ../nowhere
  |         ^
  = help: `corpus` is relative to the spec file
briefs/t.yaml: 1 error; nothing written
"
    );
}

#[test]
fn a_failing_spec_keeps_its_earlier_output_and_others_still_build() {
    let dir = example_project();
    assert!(brief(dir.path(), &["build"]).status.success());
    let before = files(&dir.path().join("out"));

    let spec = dir.path().join("briefs/asylum-under-xi.yaml");
    let good = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(
        &spec,
        good.replace("mass-exodus/f-116338", "mass-exodus/f-116339"),
    )
    .unwrap();
    std::fs::remove_dir_all(dir.path().join("out/overland-route")).unwrap();

    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("error: no figure with id `mass-exodus/f-116339`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("briefs/asylum-under-xi.yaml: 1 error; nothing written"),
        "{stderr}"
    );
    // The other spec was rebuilt; the broken one's earlier outputs are untouched.
    assert_eq!(files(&dir.path().join("out")), before);
}

#[test]
fn check_verbose_lists_matches_and_writes_nothing() {
    let dir = example_project();
    let out = brief(dir.path(), &["check", "--verbose"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("ok briefs/asylum-under-xi.yaml: 5 sections"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 quotes\n    mass-exodus/q-last-year-a-police-officer\n    mass-exodus/q-my-chinese-dream-is-that\n"),
        "{stdout}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn every_quote_in_the_examples_is_verbatim_in_its_source() {
    let dir = example_project();
    assert!(brief(dir.path(), &["build"]).status.success());
    // Markdown output joins a paragraph's lines with a space, so compare words.
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let corpus: Vec<String> = walk(&repo().join("corpus"))
        .iter()
        .map(|p| words(&std::fs::read_to_string(p).unwrap()))
        .collect();
    let mut checked = 0;
    for path in walk(&dir.path().join("out")) {
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let Some(quote) = line.strip_prefix("> ") else {
                continue;
            };
            if quote.starts_with("— ") || quote.starts_with("**") {
                continue;
            }
            let quote = unescape(
                quote
                    .trim_end_matches(|c: char| c == ']' || c.is_ascii_digit())
                    .trim_end_matches("[^"),
            );
            for part in quote.split(" … ") {
                assert!(
                    corpus.iter().any(|doc| doc.contains(part)),
                    "not verbatim: {part:?}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "{checked}");
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_spec_can_choose_another_note_style_and_a_bad_one_is_pointed_at() {
    let spec = |style: &str| {
        format!(
            "title: T\ndate: 2024-06-30\ncitation_style: {style}\nsections:\n  - id: s\n    title: S\n    blocks:\n      - quotes: [{{doc: alpha}}]\n"
        )
    };
    let (code, stderr) = check_spec(&spec("chicago-note"));
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: unknown citation style `chicago-note`; did you mean `chicago-notes`?
 --> briefs/t.yaml:3:17
  |
3 | citation_style: chicago-note
  |                 ^
briefs/t.yaml: 1 error; nothing written
"
    );

    let dir = project(&[(&repo().join("tests/fixtures/selectors/corpus"), "corpus")]);
    for style in ["chicago-notes", "modern-humanities-research-association"] {
        write_spec(dir.path(), &spec(style));
        let out = brief(dir.path(), &["build"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let md = std::fs::read_to_string(dir.path().join("out/t/brief.md")).unwrap();
        let note = md
            .lines()
            .find(|l| l.starts_with("[^1]: "))
            .unwrap()
            .to_string();
        match style {
            "chicago-notes" => assert_eq!(
                note,
                "[^1]: Ann Writer, “Alpha report: arrivals rise,” *Daily Alpha*, May 10, 2024, para. 1, <https://alpha.example/report>."
            ),
            _ => assert!(
                note.contains("Ann Writer") && note.contains("10 May 2024"),
                "{note}"
            ),
        }
    }
}

#[test]
fn date_today_comes_from_the_injected_clock() {
    let dir = project(&[(&repo().join("tests/fixtures/selectors/corpus"), "corpus")]);
    write_spec(
        dir.path(),
        "title: T\ndate: today\nsections:\n  - id: s\n    title: S\n    blocks:\n      - figures: [{within: 30d, allow_empty: true}]\n      - text: Hello.\n",
    );
    // BRIEF_TODAY is 2025-03-03 here: nothing in the fixture is that recent.
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = std::fs::read_to_string(dir.path().join("out/t/brief.md")).unwrap();
    assert!(md.contains("\n3 March 2025\n"), "{md}");
    assert!(!md.contains("| Figure |"), "{md}");
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["build"])
        .current_dir(dir.path())
        .env("BRIEF_TODAY", "2024-06-01")
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = std::fs::read_to_string(dir.path().join("out/t/brief.md")).unwrap();
    assert!(
        md.contains("\n1 June 2024\n") && md.contains("| more than 3,000 |"),
        "{md}"
    );
}

#[test]
fn shape_errors_and_dangling_ids_are_reported_in_one_run() {
    let (code, stderr) = check_spec(
        "title: T\ndate: 2024-06-30\nsubtitel: x\nsections:\n  - id: s\n    title: S\n    blocks:\n      - quotes: [alpha/q-nope]\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: unknown key `subtitel` in the spec
 --> briefs/t.yaml:3:1
  |
3 | subtitel: x
  | ^
  = help: did you mean `subtitle`?
error: no quote with id `alpha/q-nope`
 --> briefs/t.yaml:8:18
  |
8 |       - quotes: [alpha/q-nope]
  |                  ^
  = help: `brief corpus quotes --doc alpha` lists the quotes of `alpha`
briefs/t.yaml: 2 errors; nothing written
"
    );
}
