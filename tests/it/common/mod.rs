//! Helpers shared by the integration tests: run the real binary on a
//! temporary copy of a fixture project.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `brief` in `dir` with the corpus default, a fixed "today" and a
/// fixed terminal width for tables.
pub fn brief(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("brief runs")
}

/// `brief ARGS` in `dir` as [`brief`] runs it, for a test that spawns it
/// and watches or kills it while it runs.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_brief"));
    c.args(args)
        .current_dir(dir)
        .env_remove("BRIEF_CORPUS")
        .env("BRIEF_TODAY", "2025-03-03")
        .env("COLUMNS", "200");
    c
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary project holding copies of the named directories.
pub fn project(parts: &[(&Path, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (from, name) in parts {
        copy_dir(from, &dir.path().join(name));
    }
    dir
}

/// Writes a one-off spec, `briefs/t.yaml`, into a test project.
pub fn write_spec(dir: &Path, spec: &str) {
    std::fs::create_dir_all(dir.join("briefs")).unwrap();
    std::fs::write(dir.join("briefs/t.yaml"), spec).unwrap();
}

/// A temporary copy of `tests/fixtures/<name>` (its corpus and briefs).
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// Every file under `dir`, by its path relative to `dir`, with its bytes:
/// what tests compare before and after a run.
pub fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                found.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    found
}

/// The text of a PDF as `pdftotext -layout` reads it: what a reader sees,
/// columns kept apart.
pub fn pdftotext_layout(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// What the hostile fixture (`tests/fixtures/hostile`) types into its spec
/// and document, as a reader must see it in every format: literally.
pub const HOSTILE_TYPED: [&str; 6] = [
    "Brief *with* [^9] <b>markup</b> | pipes",
    "# not a heading",
    "<i>Org</i> & [co]",
    "We *never* said [^1] or <b>this</b> | that \\ slash, and `code` ~too~ $x$ @cite",
    "Section <em>one</em> ## [x]",
    "> not a quote [^7]",
];

/// The text pandoc reads from `path` (in format `from`), unwrapped.
pub fn pandoc_plain(path: &Path, from: &str) -> String {
    let out = Command::new("pandoc")
        .args(["-f", from, "-t", "plain", "--wrap=none"])
        .arg(path)
        .output()
        .expect("pandoc is installed");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// pandoc's reading of `path` (in format `from`), as JSON.
pub fn pandoc_json(path: &Path, from: &str) -> serde_json::Value {
    let out = Command::new("pandoc")
        .args(["-f", from, "-t", "json"])
        .arg(path)
        .output()
        .expect("pandoc is installed");
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every pandoc element of type `t` in `value` (pandoc's JSON), outermost
/// first.
pub fn pandoc_elements<'a>(
    value: &'a serde_json::Value,
    t: &str,
    found: &mut Vec<&'a serde_json::Value>,
) {
    match value {
        serde_json::Value::Object(map) => {
            if map.get("t").and_then(|v| v.as_str()) == Some(t) {
                found.push(value);
            }
            map.values().for_each(|v| pandoc_elements(v, t, found));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| pandoc_elements(v, t, found)),
        _ => {}
    }
}

/// How many elements of each pandoc type `value` (pandoc's JSON) holds,
/// added to `counts`.
pub fn pandoc_counts(value: &serde_json::Value, counts: &mut BTreeMap<String, usize>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(t)) = map.get("t") {
                *counts.entry(t.clone()).or_default() += 1;
            }
            map.values().for_each(|v| pandoc_counts(v, counts));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| pandoc_counts(v, counts)),
        _ => {}
    }
}
