//! The analyst's corrections (front matter and spec) and ids that stay put,
//! through the real binary on small projects written by each test.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::common::{brief, text, write_spec};

const DOC: &str = "---
title: Border report
outlet: Example
corrections:
  q-we-will-never-go-back:
    speaker: Jane Roe
    role: activist
  f-12000:
    label: arrests at the border
---

In 2022, 84,000 people crossed the border, officials said.

The agency counted 12,000 arrests in the same year.

“We will never go back there again,” said John Doe.
";

const SPEC: &str = "title: T
date: 2024-01-01
sections:
  - id: s
    title: S
    blocks:
      - quotes:
          - id: a/q-we-will-never-go-back
      - figures:
          - id: a/f-12000
";

fn project(doc: &str, spec: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpus")).unwrap();
    std::fs::write(dir.path().join("corpus/a.md"), doc).unwrap();
    write_spec(dir.path(), spec);
    dir
}

/// `brief ARGS`: (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = brief(dir, args);
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

fn markdown(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("out/t/brief.md")).unwrap()
}

fn edit(path: &Path, from: &str, to: &str) {
    let body = std::fs::read_to_string(path).unwrap();
    assert!(body.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, body.replace(from, to)).unwrap();
}

#[test]
fn front_matter_corrections_are_listed_marked_and_printed() {
    let dir = project(DOC, SPEC);
    let (code, out, err) = run(dir.path(), &["corpus", "quotes"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("a/q-we-will-never-go-back  Jane Roe, activist (corrected)  We will never"),
        "{out}"
    );
    let (_, json, _) = run(dir.path(), &["corpus", "quotes", "--json"]);
    let quotes: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(quotes[0]["speaker"], "Jane Roe");
    assert_eq!(quotes[0]["role"], "activist");
    assert_eq!(
        quotes[0]["corrected"],
        serde_json::json!(["speaker", "role"])
    );
    let (_, json, _) = run(dir.path(), &["corpus", "figures", "--json"]);
    let figures: serde_json::Value = serde_json::from_str(&json).unwrap();
    let arrests = figures
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "a/f-12000")
        .unwrap();
    assert_eq!(arrests["label"], "arrests at the border");
    assert_eq!(arrests["corrected"], serde_json::json!(["label"]));
    let crossings = figures
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "a/f-84000");
    assert!(crossings.unwrap().get("corrected").is_none());
    let (_, table, _) = run(dir.path(), &["corpus", "figures"]);
    assert!(
        table.contains("arrests at the border (corrected)"),
        "{table}"
    );

    let (code, _, err) = run(dir.path(), &["build"]);
    assert_eq!(code, 0, "{err}");
    let md = markdown(dir.path());
    assert!(md.contains("> — Jane Roe, activist[^1]"), "{md}");
    assert!(md.contains("| 12,000 | arrests at the border | "), "{md}");
    let typst = brief(dir.path(), &["build", "--force", "--emit", "typst"]);
    assert_eq!(typst.status.code(), Some(0), "{}", text(&typst.stderr));
    let source = std::fs::read_to_string(dir.path().join("out/t/brief.typ")).unwrap();
    assert!(
        source.contains("speaker: \"Jane Roe, activist\""),
        "{source}"
    );
    assert!(
        source.contains("counts: \"arrests at the border\""),
        "{source}"
    );
}

#[test]
fn the_spec_corrects_too_and_wins_over_front_matter() {
    let spec = format!(
        "{SPEC}corrections:\n  a/q-we-will-never-go-back:\n    role: organiser\n  a/f-12000:\n    label: null\n"
    );
    let dir = project(DOC, &spec);
    let (code, _, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 0, "{err}");
    let md = markdown(dir.path());
    // The front matter's speaker stays; the spec's role replaces its role;
    // `label: null` removes the front matter's label (the subject shows).
    assert!(md.contains("> — Jane Roe, organiser[^"), "{md}");
    assert!(md.contains("| 12,000 | arrests | "), "{md}");
    // A speaker query reads the corrected speaker.
    let query = SPEC.replace("- id: a/q-we-will-never-go-back", "- speaker: jane roe");
    write_spec(dir.path(), &query);
    let (code, out, err) = run(dir.path(), &["check", "--verbose"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("a/q-we-will-never-go-back"), "{out}");
}

#[test]
fn unknown_ids_and_fields_are_errors_with_did_you_mean() {
    let spec = format!(
        "{SPEC}corrections:\n  a/f-1200:\n    label: x\n  a/f-84000:\n    speakr: Nobody\n  a/q-we-will-never-go-back:\n    label: other\n"
    );
    let dir = project(DOC, &spec);
    let (code, _, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "error: unknown key `speakr` in the correction of `a/f-84000`\n  --> briefs/t.yaml:15:5\n   |\n15 |     speakr: Nobody\n   |     ^\n   = help: did you mean `speaker`?\n"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "error: the spec corrects `a/f-1200`, which is no item of the corpus\n  --> briefs/t.yaml:12:3\n   |\n12 |   a/f-1200:\n   |   ^\n   = help: did you mean `a/f-12000`?\n"
        ),
        "{err}"
    );
    assert!(
        err.contains("error: `a/q-we-will-never-go-back` is a quote: `label` corrects figures only\n  --> briefs/t.yaml:16:3"),
        "{err}"
    );

    // In front matter: the file, line and column, and the id as written there.
    let doc = DOC.replace("  f-12000:", "  f-1200:");
    let dir = project(&doc, SPEC);
    let (code, _, err) = run(dir.path(), &["corpus", "figures"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "error: front matter corrects `f-1200`, which is not an item of `a`\n --> corpus/a.md:8:3\n  |\n8 |   f-1200:\n  |   ^\n  = help: did you mean `f-12000`?\n"
        ),
        "{err}"
    );
    // The build reports it too, and says something failed.
    let (code, _, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("front matter corrects `f-1200`"), "{err}");

    let doc = DOC.replace("    role: activist", "    rol: activist");
    let dir = project(&doc, SPEC);
    let (code, _, err) = run(dir.path(), &["corpus", "quotes"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "error: invalid front matter: unknown key `rol` in the correction of `q-we-will-never-go-back`\n --> corpus/a.md:7:5\n"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `role`?"), "{err}");
}

#[test]
fn a_changed_correction_rebuilds_what_shows_it() {
    let dir = project(DOC, SPEC);
    let (code, _, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = run(dir.path(), &["build", "--no-pdf"]);
    assert!(out.contains("0 rebuilt, 1 up to date"), "{out}");

    edit(
        &dir.path().join("corpus/a.md"),
        "speaker: Jane Roe",
        "speaker: Ann Lee",
    );
    let (code, out, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("rebuilding briefs/t.yaml: corpus/a.md changed"),
        "{out}"
    );
    assert!(markdown(dir.path()).contains("— Ann Lee, activist"));

    let spec = format!("{SPEC}corrections:\n  a/q-we-will-never-go-back:\n    speaker: Li Ming\n");
    write_spec(dir.path(), &spec);
    let (code, out, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("rebuilding briefs/t.yaml: the spec changed"),
        "{out}"
    );
    assert!(markdown(dir.path()).contains("— Li Ming, activist"));
}

const TWICE: &str = "---
title: Border report
outlet: Example
---

In 2022, 84,000 people crossed the border, officials said.

The agency counted 84,000 arrests in the same year.
";

fn figure_ids(dir: &Path) -> Vec<String> {
    let (_, json, err) = run(dir, &["corpus", "figures", "--json"]);
    let figures: serde_json::Value = serde_json::from_str(&json).expect(&err);
    figures
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn correcting_one_of_two_equal_figures_moves_no_id() {
    let dir = project(TWICE, SPEC);
    let ids = figure_ids(dir.path());
    assert_eq!(ids.len(), 2);
    assert!(ids.iter().all(|id| id.starts_with("a/f-84000-")), "{ids:?}");
    let (crossings, arrests) = (&ids[0], &ids[1]);
    let spec = |id: &str| {
        format!(
            "title: T\ndate: 2024-01-01\nsections:\n  - id: s\n    title: S\n    blocks:\n      - figures:\n          - id: {id}\n"
        )
    };
    write_spec(dir.path(), &spec(arrests));
    let (code, _, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 0, "{err}");
    assert!(markdown(dir.path()).contains("| 84,000 | arrests | "));

    // "84,000" corrected to "86,000" in the first sentence only.
    edit(
        &dir.path().join("corpus/a.md"),
        "In 2022, 84,000",
        "In 2022, 86,000",
    );
    assert_eq!(figure_ids(dir.path()), ["a/f-86000", "a/f-84000"]);
    // The arrests keep their id (no longer a repeat, it has the plain one
    // too); nothing warns, since it names the same sentence.
    let (code, _, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    let md = markdown(dir.path());
    assert!(md.contains("| 84,000 | arrests | "), "{md}");
    // The crossings' old id names nothing now, and is not handed to the
    // other sentence: it stops resolving.
    write_spec(dir.path(), &spec(crossings));
    let (code, _, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("error: no figure with id `{crossings}`")),
        "{err}"
    );
}

#[test]
fn check_reports_a_moved_id_before_the_next_build() {
    let one = TWICE.replace("counted 84,000 arrests", "counted 12,000 arrests");
    let spec = "title: T
date: today
sections:
  - id: s
    title: S
    blocks:
      - text: \"Crossings: {{figure:a/f-84000}}.\"
";
    let dir = project(&one, spec);
    let (code, _, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 0, "{err}");
    let (_, _, err) = run(dir.path(), &["check"]);
    assert!(!err.contains("another sentence"), "{err}");
    let path = dir.path().join("corpus/a.md");
    edit(&path, "In 2022, 84,000", "In 2022, 86,000");
    edit(&path, "counted 12,000", "counted 84,000");
    let (_, _, err) = run(dir.path(), &["check"]);
    assert!(
        err.contains(
            "warning: `a/f-84000` resolves to another sentence than in the previous build"
        ),
        "{err}"
    );
    assert!(
        err.contains("it is now: “The agency counted 84,000 arrests in the same year.”"),
        "{err}"
    );
}

#[test]
fn an_id_that_comes_to_name_another_sentence_is_reported() {
    let one = TWICE.replace("counted 84,000 arrests", "counted 12,000 arrests");
    let spec = "title: T
date: today
on_new_data: true
sections:
  - id: s
    title: S
    blocks:
      - text: \"Crossings: {{figure:a/f-84000}}.\"
  - id: changes
    title: What changed
    what_changed: true
";
    let dir = project(&one, spec);
    let (code, _, err) = run(
        dir.path(),
        &[
            "schedule",
            "--once",
            "--now",
            "2024-01-01T10:00:00Z",
            "--no-pdf",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // The crossings are corrected to 86,000, and the arrests to 84,000:
    // `a/f-84000` is now the arrests.
    let path = dir.path().join("corpus/a.md");
    edit(&path, "In 2022, 84,000", "In 2022, 86,000");
    edit(&path, "counted 12,000", "counted 84,000");
    let (code, _, err) = run(
        dir.path(),
        &[
            "schedule",
            "--once",
            "--now",
            "2024-01-02T10:00:00Z",
            "--no-pdf",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "warning: `a/f-84000` resolves to another sentence than in the previous build
 --> briefs/t.yaml:8:27
  |
8 |       - text: \"Crossings: {{figure:a/f-84000}}.\"
  |                           ^
  = help: it was: “In 2022, 84,000 people crossed the border, officials said.”
  = help: it is now: “The agency counted 84,000 arrests in the same year.”
"
        ),
        "{err}"
    );
    let latest = std::fs::read_to_string(dir.path().join("out/t/latest/brief.md")).unwrap();
    assert!(
        latest.contains("**Now in another sentence**\n\n- 84,000[^1] now stands in: “The agency counted 84,000 arrests in the same year.” (previously: “In 2022, 84,000 people crossed the border, officials said.”)"),
        "{latest}"
    );
    let (_, diff, _) = run(dir.path(), &["diff", "t"]);
    assert!(
        diff.contains("moved        a/f-84000: now in “The agency counted"),
        "{diff}"
    );
}

#[test]
fn corpus_add_makes_short_unique_ids_and_keeps_corrections() {
    let dir = project(DOC, SPEC);
    let input = dir.path().join("in.md");
    let article = "---\ntitle: U.S. reports sharp rise in people fleeing China amid ‘run’ movement\ncorrections:\n  q-we-are-leaving-for-good:\n    speaker: Li Ming\n---\n\n“We are leaving for good now,” he said.\n";
    std::fs::write(&input, article).unwrap();
    let (code, out, err) = run(dir.path(), &["corpus", "add", "in.md"]);
    assert_eq!(code, 0, "{err}");
    let id = "u-s-reports-sharp-rise-in-people";
    assert!(id.len() <= 32);
    assert!(
        out.starts_with(&format!("added corpus/{id}.md ({id}, ")),
        "{out}"
    );
    let written = std::fs::read_to_string(dir.path().join(format!("corpus/{id}.md"))).unwrap();
    assert!(
        written.contains("corrections:\n  q-we-are-leaving-for-good:\n    speaker: Li Ming\n---\n"),
        "{written}"
    );
    // Another article with the same title gets the next free id.
    std::fs::write(
        &input,
        article.replace("for good now", "for good, all of us"),
    )
    .unwrap();
    let (code, out, err) = run(dir.path(), &["corpus", "add", "in.md"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with(&format!("added corpus/{id}-2.md")), "{out}");
    let (_, quotes, _) = run(dir.path(), &["corpus", "quotes", "--doc", id]);
    assert!(quotes.contains("Li Ming (corrected)"), "{quotes}");
}

#[test]
fn a_correction_that_makes_a_query_match_rebuilds() {
    let dir = project(DOC, SPEC);
    let other = "---\ntitle: Other\n---\n\n“Nobody here wants to leave at all,” a man said.\n";
    std::fs::write(dir.path().join("corpus/b.md"), other).unwrap();
    let spec = "title: T\ndate: 2024-01-01\nsections:\n  - id: voices\n    title: V\n    blocks:\n      - quotes:\n          - {speaker: Li Ming, allow_empty: true}\n";
    write_spec(dir.path(), spec);
    let (code, _, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 0, "{err}");
    assert!(!markdown(dir.path()).contains("Nobody here"));
    // b is not cited; its front matter now names the speaker the query asks for.
    let corrected = other.replace(
        "title: Other\n",
        "title: Other\ncorrections:\n  q-nobody-here-wants-to-leave:\n    speaker: Li Ming\n",
    );
    std::fs::write(dir.path().join("corpus/b.md"), corrected).unwrap();
    let (code, out, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "rebuilding briefs/t.yaml: corpus/b.md changed what section voices can select"
        ),
        "{out}"
    );
    assert!(markdown(dir.path()).contains("— Li Ming"));
}

#[test]
fn a_label_correction_titles_the_y_axis_of_a_chart_without_one() {
    let spec = "title: T
date: 2024-01-01
sections:
  - id: s
    title: S
    blocks:
      - figures:
          - {id: a/f-12000, label: \"2022\"}
        as: bar
      - figures:
          - {id: a/f-12000, label: \"arrests\"}
          - {id: a/f-84000, label: \"crossings\"}
        as: bar
";
    let dir = project(DOC, spec);
    let (code, _, err) = run(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(code, 0, "{err}");
    let svg = |n: usize| {
        std::fs::read_to_string(dir.path().join(format!("out/t/charts/brief/s-{n}.svg"))).unwrap()
    };
    // The front matter labels the arrests figure; the chart of it alone
    // carries that label on its y-axis.
    assert!(
        svg(1).contains(">arrests at the border</text>"),
        "{}",
        svg(1)
    );
    // Two figures that count different things share no axis title.
    assert!(!svg(2).contains("arrests at the border"), "{}", svg(2));
}
