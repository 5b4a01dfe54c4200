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
            "resolve", "spec",
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
    paths(text)
        .into_iter()
        .filter(|path| path.first().is_some_and(|p| p == "crate"))
        .filter_map(|path| path.get(1).cloned())
        .collect()
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

/// Circles among the modules of one folder that are known, each with what
/// would break it. Modules that import each other can only be read, tested
/// and changed together; the list may only shrink, as [`DEBTS`] does: a new
/// circle fails the test, and so does a listed one that has changed.
const CIRCLES: &[(&str, &[&str], &str)] = &[(
    "extract::quotes",
    &[
        "as_clause",
        "attribute",
        "mention",
        "names",
        "offices",
        "sieves",
    ],
    "mention reading asks the name registry and the speaker state back; the registry's read-only questions belong below both",
)];

#[test]
fn modules_of_a_folder_import_each_other_in_one_direction() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = sibling_circles(&src);
    let mut wrong = Vec::new();
    for (parent, members) in &found {
        let listed = CIRCLES
            .iter()
            .any(|(p, m, _)| p == parent && same_members(m, members));
        if !listed {
            wrong.push(format!(
                "modules of `{parent}` import each other in a circle: {}",
                members.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
    }
    for (parent, members, _) in CIRCLES {
        if !found
            .iter()
            .any(|(p, m)| p == parent && same_members(members, m))
        {
            wrong.push(format!(
                "the circle {members:?} in `{parent}` is gone or changed: update CIRCLES"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_circle_finder_resolves_super_and_crate_paths() {
    // a → b through `super::`, b → c through `crate::`, c → a through a
    // group: one circle; d imports its parent's item, which is no circle.
    let files = [
        ("x/a.rs", "use super::b::B;\n"),
        ("x/b.rs", "fn f() { crate::x::c::g(); }\n"),
        ("x/c.rs", "use super::{a, d};\n"),
        ("x/d.rs", "use super::Item;\n"),
        ("x/mod.rs", "mod a; mod b; mod c; mod d;\n"),
    ];
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(p, _)| module_path(p)).collect();
    let mut edges = BTreeSet::new();
    for (path, text) in files {
        edges.extend(sibling_edges(&module_path(path), text, &modules));
    }
    let circles = circles(&edges);
    let expected: BTreeSet<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
    assert_eq!(circles, vec![("x".to_string(), expected)]);
}

fn same_members(listed: &[&str], found: &BTreeSet<String>) -> bool {
    listed.len() == found.len() && listed.iter().all(|m| found.contains(*m))
}

/// Every circle among sibling modules below `src/` (the top level is
/// [`FLOW`]'s): (parent module, its members).
fn sibling_circles(src: &Path) -> Vec<(String, BTreeSet<String>)> {
    let files: Vec<(String, String)> = rust_files(src)
        .into_iter()
        .filter_map(|file| {
            let rel = file.strip_prefix(src).unwrap().to_path_buf();
            if is_test_file(&rel) || top_module(&rel) == "bin" {
                return None;
            }
            let text = without_tests(&std::fs::read_to_string(&file).unwrap());
            Some((rel.to_string_lossy().replace('\\', "/"), text))
        })
        .collect();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(p, _)| module_path(p)).collect();
    let mut edges = BTreeSet::new();
    for (path, text) in &files {
        edges.extend(sibling_edges(&module_path(path), text, &modules));
    }
    circles(&edges)
        .into_iter()
        .filter(|(parent, _)| !parent.is_empty())
        .collect()
}

/// `extract/figures/count.rs` → `[extract, figures, count]`; a folder's
/// `mod.rs`, and `lib.rs`, are the folder's (the crate's) own module.
fn module_path(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// (parent, importing child, imported child) for each import in `text`
/// between two modules below a common parent.
fn sibling_edges(
    module: &[String],
    text: &str,
    modules: &BTreeSet<Vec<String>>,
) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for path in paths(text) {
        let mut target: Vec<String> = Vec::new();
        let mut parts = path.iter().peekable();
        match parts.peek().map(|s| s.as_str()) {
            Some("crate") => {
                parts.next();
            }
            Some("super") => {
                target = module.to_vec();
                while parts.peek().is_some_and(|p| *p == "super") {
                    parts.next();
                    target.pop();
                }
            }
            _ => continue,
        }
        // Follow the path while it names modules; the rest are items.
        for part in parts {
            let mut next = target.clone();
            next.push(part.clone());
            if !modules.contains(&next) {
                break;
            }
            target = next;
        }
        let common = module
            .iter()
            .zip(&target)
            .take_while(|(a, b)| a == b)
            .count();
        if common < module.len() && common < target.len() {
            out.push((
                module[..common].join("::"),
                module[common].clone(),
                target[common].clone(),
            ));
        }
    }
    out
}

/// The `crate::…` and `super::…` paths of a text, a `{…}` group's members
/// each a path of its own.
fn paths(text: &str) -> Vec<Vec<String>> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let rest = &bytes[i..];
        let starts = (rest.starts_with(b"crate::") || rest.starts_with(b"super::"))
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || bytes[i - 1] == b'_'
                    || bytes[i - 1] == b':'));
        if !starts {
            i += 1;
            continue;
        }
        let mut prefix = Vec::new();
        let mut j = i;
        loop {
            let word: String = code[j..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if word.is_empty() {
                break;
            }
            j += word.len();
            prefix.push(word);
            if code[j..].starts_with("::") {
                j += 2;
            } else {
                break;
            }
        }
        if code[j..].starts_with('{') {
            let end = code[j..].find('}').map_or(code.len(), |e| j + e);
            for member in code[j + 1..end].split(',') {
                let mut path = prefix.clone();
                path.extend(
                    member
                        .trim()
                        .split("::")
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty() && s != "self" && s != "{"),
                );
                out.push(path);
            }
            j = end;
        } else {
            out.push(prefix);
        }
        i = j.max(i + 1);
    }
    out
}

/// The strongly connected groups of more than one member, per parent
/// (Tarjan's algorithm over each parent's children).
fn circles(edges: &BTreeSet<(String, String, String)>) -> Vec<(String, BTreeSet<String>)> {
    let mut graphs: BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
    for (parent, from, to) in edges {
        let graph = graphs.entry(parent).or_default();
        graph.entry(from).or_default().insert(to);
        graph.entry(to).or_default();
    }
    let mut out = Vec::new();
    for (parent, graph) in &graphs {
        struct Walk<'a> {
            graph: &'a BTreeMap<&'a str, BTreeSet<&'a str>>,
            index: BTreeMap<&'a str, usize>,
            low: BTreeMap<&'a str, usize>,
            stack: Vec<&'a str>,
            found: Vec<BTreeSet<String>>,
        }
        fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
            let n = w.index.len();
            w.index.insert(v, n);
            w.low.insert(v, n);
            w.stack.push(v);
            for &u in &w.graph[v] {
                if !w.index.contains_key(u) {
                    visit(w, u);
                    let low = w.low[v].min(w.low[u]);
                    w.low.insert(v, low);
                } else if w.stack.contains(&u) {
                    let low = w.low[v].min(w.index[u]);
                    w.low.insert(v, low);
                }
            }
            if w.low[v] == w.index[v] {
                let mut group = BTreeSet::new();
                while let Some(u) = w.stack.pop() {
                    group.insert(u.to_string());
                    if u == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    w.found.push(group);
                }
            }
        }
        let mut walk = Walk {
            graph,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            found: Vec::new(),
        };
        for &v in graph.keys() {
            if !walk.index.contains_key(v) {
                visit(&mut walk, v);
            }
        }
        out.extend(walk.found.into_iter().map(|g| (parent.to_string(), g)));
    }
    out
}
