//! The architecture, held by a test: the pipeline's modules import only
//! what comes before them in the flow (ARCHITECTURE.md, "What may import
//! what"), and nothing but the command line prints.
//!
//! A test rather than crates in a workspace: the same rule, checked in
//! seconds, without splitting a crate whose modules still share private
//! helpers, and with the few known imports against the flow written down
//! (with what would fix them) instead of hidden behind `pub` re-exports.

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module of `src/` and the modules it may import. The order
/// is the flow: foundations, then corpus → extract → spec → resolve →
/// brief → render, then the build system and the command line.
const FLOW: &[(&str, &[&str])] = &[
    ("diag", &[]),
    ("text", &[]),
    ("suggest", &[]),
    ("decimal", &[]),
    ("clock", &[]),
    ("paths", &[]),
    ("period", &[]),
    ("schedule", &["suggest"]),
    ("atomic", &["diag"]),
    ("corpus", &["decimal", "diag", "suggest", "text"]),
    ("extract", &["corpus", "decimal", "diag", "text"]),
    ("cite", &["corpus", "suggest"]),
    ("spec", &["corpus", "diag", "schedule", "suggest"]),
    ("brief", &["cite"]),
    (
        "resolve",
        &[
            "brief", "cite", "corpus", "decimal", "diag", "extract", "period", "spec", "suggest",
            "text",
        ],
    ),
    (
        "render",
        &[
            "brief", "cite", "decimal", "diag", "period", "suggest", "text",
        ],
    ),
    ("edition", &["atomic", "brief", "diag", "resolve"]),
    (
        "compile",
        &[
            "brief", "cite", "corpus", "diag", "edition", "extract", "paths", "render", "resolve",
            "spec", "suggest",
        ],
    ),
    (
        "regen",
        &[
            "atomic", "brief", "clock", "compile", "corpus", "diag", "edition", "extract", "paths",
            "render", "resolve", "spec", "text",
        ],
    ),
    (
        "build",
        &[
            "atomic", "cite", "compile", "corpus", "diag", "edition", "paths", "regen", "render",
            "resolve",
        ],
    ),
    (
        "fuzzing",
        &[
            "brief", "corpus", "diag", "extract", "render", "resolve", "spec",
        ],
    ),
    ("cli", &["*"]),
    ("lib", &["*"]),
    ("main", &["*"]),
];

/// Imports against the flow that are known, each with what would remove
/// it. The list may only shrink: a new one fails the test, and so does one
/// listed here that is gone (take it off the list).
const DEBTS: &[(&str, &str, &str)] = &[
    (
        "atomic",
        "regen",
        "the content hash (regen::hash) belongs below both",
    ),
    (
        "corpus",
        "extract",
        "`corpus add` splits tables and sections with extract's readers; they belong in corpus",
    ),
    (
        "corpus",
        "spec",
        "front-matter corrections are read with the spec's YAML decoder; it belongs below both",
    ),
    (
        "resolve",
        "render",
        "what-changed lines are written as escaped Markdown in resolve (render::escape); the model should hold them as data for each renderer",
    ),
];

#[test]
fn modules_import_only_what_comes_before_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let imports = imports(&src);
    let flow: BTreeMap<&str, &[&str]> = FLOW.iter().copied().collect();
    let mut wrong = Vec::new();
    let mut seen_debts = BTreeSet::new();
    for ((from, to), files) in &imports {
        let Some(allowed) = flow.get(from.as_str()) else {
            wrong.push(format!(
                "`src/{from}` is not in FLOW: add it where it belongs in the flow"
            ));
            continue;
        };
        if from == to || allowed.contains(&"*") || allowed.contains(&to.as_str()) {
            continue;
        }
        if DEBTS.iter().any(|(f, t, _)| f == from && t == to) {
            seen_debts.insert((from.clone(), to.clone()));
            continue;
        }
        wrong.push(format!(
            "`{from}` imports `{to}` against the flow (in {})",
            files.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    for (from, to, _) in DEBTS {
        if !seen_debts.contains(&(from.to_string(), to.to_string())) {
            wrong.push(format!(
                "`{from}` no longer imports `{to}`: take it off DEBTS"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn nothing_but_the_command_line_prints() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for file in rust_files(&src) {
        let rel = file.strip_prefix(&src).unwrap().to_path_buf();
        let top = top_module(&rel);
        if matches!(top.as_str(), "cli" | "main" | "bin") || is_test_file(&rel) {
            continue;
        }
        let text = without_tests(&std::fs::read_to_string(&file).unwrap());
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for mac in ["print!(", "println!(", "eprint!(", "eprintln!(", "dbg!("] {
                let at = code.find(mac);
                // `eprint!(` also contains `print!(`: only a macro name's start counts.
                if at.is_some_and(|i| {
                    !code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                }) {
                    found.push(format!("src/{}:{}: {}", rel.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "stages return diagnostics or events; only src/cli prints:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checker_sees_imports_in_every_form() {
    let text = "use crate::corpus::Document;\nuse crate::{diag::Diagnostic, text};\nfn f() { crate::render::one_line(\"\"); }\n// crate::cli::main\n#[cfg(test)]\nmod tests {\n    use crate::build::Engine;\n}\n";
    let found = crate_refs(&without_tests(text));
    let expected: BTreeSet<String> = ["corpus", "diag", "text", "render"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(found, expected);
}

/// (importing module, imported module) → the files where it happens.
fn imports(src: &Path) -> BTreeMap<(String, String), BTreeSet<String>> {
    let mut out: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(src) {
        let rel = file.strip_prefix(src).unwrap().to_path_buf();
        if is_test_file(&rel) || top_module(&rel) == "bin" {
            continue;
        }
        let text = without_tests(&std::fs::read_to_string(&file).unwrap());
        for to in crate_refs(&text) {
            out.entry((top_module(&rel), to))
                .or_default()
                .insert(format!("src/{}", rel.display()));
        }
    }
    out
}

/// The top-level modules a text names through `crate::`.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name = part.trim().split("::").next().unwrap_or("").trim();
                if !name.is_empty() {
                    found.insert(name.to_string());
                }
            }
        } else {
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
        rest = after;
    }
    found
}

/// The text without its inline `#[cfg(test)]` module (last in a file, by
/// rustfmt's and our habit), which may import anything. A test module in
/// a file of its own is skipped by name ([`is_test_file`]).
fn without_tests(text: &str) -> String {
    let mut from = 0;
    while let Some(i) = text[from..].find("#[cfg(test)]\nmod ") {
        let at = from + i;
        let line = text[at..].lines().nth(1).unwrap_or("");
        if line.trim_end().ends_with('{') {
            return text[..at].to_string();
        }
        from = at + 1;
    }
    text.to_string()
}

fn is_test_file(rel: &Path) -> bool {
    let name = rel.file_stem().unwrap().to_string_lossy();
    name == "tests"
        || name.starts_with("tests_")
        || name.ends_with("_tests")
        || rel.components().any(|c| c.as_os_str() == "tests")
}

fn top_module(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}
