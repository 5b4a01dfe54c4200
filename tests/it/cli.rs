//! Runs the real `brief` binary on fixture corpora.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{brief, copy_dir, repo, text};

use std::path::Path;

/// A copy of a fixture project in a temporary directory, so tests can add files.
fn project(fixture: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    copy_dir(&src, dir.path());
    dir
}

/// The fixture without its broken files.
fn clean_project(fixture: &str) -> tempfile::TempDir {
    let dir = project(fixture);
    for broken in ["copy.md", "typo.md", "notes.pdf"] {
        std::fs::remove_file(dir.path().join("corpus").join(broken)).unwrap();
    }
    dir
}

#[test]
fn broken_files_are_reported_and_the_rest_still_loads() {
    let dir = project("mixed");
    std::fs::write(dir.path().join("corpus/latin1.md"), b"caf\xe9 society\n").unwrap();
    std::fs::write(dir.path().join("corpus/image.md"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let out = brief(dir.path(), &["corpus", "list"]);
    let stderr = text(&out.stderr);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stderr}");

    // Every unusable file: path, line, reason; with a fix where there is one.
    assert!(stderr.contains(
        "error: invalid front matter: unknown field `titel`\n --> corpus/typo.md:3:1\n  |\n3 | titel: Oops\n  | ^\n  = help: did you mean `title`?\n"
    ), "{stderr}");
    assert!(
        stderr.contains("error: duplicate id `good`\n --> corpus/good.md"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= help: `corpus/copy.md` already uses it"),
        "{stderr}"
    );
    assert!(stderr.contains("error: invalid UTF-8: byte 0xe9 at offset 3 is not valid UTF-8\n --> corpus/latin1.md:1:4"), "{stderr}");
    assert!(
        stderr.contains(
            "error: binary file: contains a NUL byte, not text\n --> corpus/image.md:3:1"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: skipped: not a document (.md, .txt or .csv)\n --> corpus/notes.pdf"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: no front matter: outlet, author, published and url are unknown"),
        "{stderr}"
    );

    // The usable documents are listed; copy.md sorts first, so it owns `good`.
    let ids: Vec<&str> = stdout
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(ids, ["good", "plain"], "{stdout}");
    assert!(stdout.contains("A Plain Note Without Metadata"));
}

#[test]
fn json_contract_for_documents_quotes_and_figures() {
    let dir = clean_project("mixed");
    let out = brief(dir.path(), &["corpus", "list", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let good = &docs[0];
    assert_eq!(good["id"], "good");
    assert_eq!(good["path"], "corpus/good.md");
    assert_eq!(good["outlet"], "The Example Times");
    assert_eq!(good["published"], "2024-03");
    assert_eq!(good["tags"], serde_json::json!(["asylum"]));
    assert!(good["words"].as_u64().unwrap() > 20);
    // Unknown metadata is absent, never a placeholder.
    let plain = docs[1].as_object().unwrap();
    assert_eq!(plain.get("outlet"), None);
    assert_eq!(plain.get("author"), None);

    let out = brief(dir.path(), &["corpus", "quotes", "--json"]);
    let quotes: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let speakers: Vec<&str> = quotes
        .iter()
        .map(|q| q["speaker"].as_str().unwrap_or("null"))
        .collect();
    assert_eq!(speakers, ["Li Wei", "Li Wei", "Chen Bo"]);
    for q in &quotes {
        for key in ["id", "doc", "text", "speaker", "sentence", "start", "end"] {
            assert!(q.get(key).is_some(), "{key} missing in {q}");
        }
        // Offsets point into the document body, which `corpus show --json` returns.
        let doc = q["doc"].as_str().unwrap();
        let show = brief(dir.path(), &["corpus", "show", doc, "--json"]);
        let shown: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
        let body = shown["body"].as_str().unwrap();
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&body[s..e], q["text"].as_str().unwrap());
    }

    let out = brief(dir.path(), &["corpus", "figures", "--json"]);
    let figures: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    for f in &figures {
        for key in [
            "id",
            "doc",
            "text",
            "values",
            "unit",
            "qualifier",
            "subject",
            "period",
            "sentence",
            "start",
            "end",
        ] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
    }
}

#[test]
fn filters_select_quotes() {
    let dir = clean_project("mixed");
    let run = |args: &[&str]| {
        let mut all = vec!["corpus", "quotes", "--json"];
        all.extend_from_slice(args);
        let out = brief(dir.path(), &all);
        let quotes: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        quotes
            .iter()
            .map(|q| q["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        run(&["--speaker", "li"]),
        [
            "good/q-we-were-treated-like-caged",
            "good/q-nobody-takes-the-decision-to"
        ]
    );
    assert_eq!(
        run(&["--doc", "plain"]),
        ["plain/q-the-border-is-closed-to"]
    );
    assert_eq!(
        run(&["--match", "CAGED"]),
        ["good/q-we-were-treated-like-caged"]
    );
    assert_eq!(run(&["--speaker", "nobody"]), Vec::<String>::new());
}

#[test]
fn usage_and_io_errors_exit_2() {
    let dir = project("mixed");
    let out = brief(dir.path(), &["corpus", "show", "godo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(
            "error: no document with id `godo` in corpus\n  = help: did you mean `good`?"
        ),
        "{}",
        text(&out.stderr)
    );

    let out = brief(dir.path(), &["corpus", "list", "--corpus", "missing"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: failed to read corpus directory `missing` (not found)\n  = help: create it, or pass another directory with --corpus DIR\n"
    );

    let out = brief(dir.path(), &["corpus", "lst"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn finds_the_project_corpus_from_a_subdirectory() {
    let dir = clean_project("mixed");
    std::fs::create_dir(dir.path().join("briefs")).unwrap();
    let out = brief(&dir.path().join("briefs"), &["corpus", "list", "--json"]);
    let docs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["path"], "../corpus/good.md");
}

#[test]
fn shipped_corpus_loads_cleanly() {
    let out = brief(&repo(), &["corpus", "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    insta::assert_snapshot!(text(&out.stdout));
}

#[test]
fn shows_a_document_with_its_sections() {
    let out = brief(&repo(), &["corpus", "show", "mass-exodus"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(text(&out.stdout));
}
