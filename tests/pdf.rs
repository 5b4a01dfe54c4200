//! The PDFs `brief build` writes, read back with real PDF tools: pdftotext,
//! pdffonts, pdfinfo and qpdf (poppler-utils and qpdf; `.ci/run` installs
//! them, with the CJK fonts the shipped corpus needs).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn brief(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(dir)
        .env_remove("BRIEF_CORPUS")
        .env("BRIEF_TODAY", "2025-03-03")
        .output()
        .expect("brief runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn tool(name: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("{name} is installed (.ci/run installs it): {e}"));
    assert!(
        out.status.success(),
        "{name} failed on {}: {}",
        path.display(),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn copy_dir(from: &Path, to: &Path) {
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

fn project(parts: &[(&Path, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (from, name) in parts {
        copy_dir(from, &dir.path().join(name));
    }
    dir
}

/// The shipped example project, built once per test that needs it.
fn built_examples() -> tempfile::TempDir {
    let dir = project(&[
        (&repo().join("briefs"), "briefs"),
        (&repo().join("corpus"), "corpus"),
        (&repo().join("templates"), "templates"),
    ]);
    let out = brief(dir.path(), &["build", "--emit", "typst"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    dir
}

/// Text for comparing what a PDF shows with what we wrote: line breaks,
/// hyphenation and spacing differ, so keep only letters, digits and CJK.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for spec in std::fs::read_dir(dir.join("out")).unwrap() {
        for file in std::fs::read_dir(spec.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "pdf") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// What the Markdown beside a PDF says must be in it: headings, quotes,
/// figures and note texts, as squashed strings; and its number of notes.
fn expected(markdown: &str) -> (Vec<String>, usize) {
    let mut wanted = Vec::new();
    let mut notes = 0;
    for line in markdown.lines() {
        let unescaped = unescape(line);
        if let Some(h) = unescaped
            .strip_prefix("## ")
            .or(unescaped.strip_prefix("# "))
        {
            wanted.push(h.to_string());
        } else if let Some(q) = unescaped.strip_prefix("> ") {
            if !q.starts_with("— ") && !q.starts_with("**") {
                wanted.push(strip_marker(q));
            }
        } else if let Some(row) = unescaped.strip_prefix("| ") {
            if let Some(cell) = row.split(" | ").next()
                && cell != "Figure"
            {
                wanted.push(cell.to_string());
            }
        } else if let Some(rest) = line.strip_prefix("[^") {
            notes += 1;
            let note = rest.split_once("]: ").unwrap().1;
            wanted.push(unescape(note).replace(['<', '>'], ""));
        }
    }
    (
        wanted
            .into_iter()
            .map(|w| squash(&w))
            .filter(|w| !w.is_empty())
            .collect(),
        notes,
    )
}

fn strip_marker(s: &str) -> String {
    match s.rfind("[^") {
        Some(i) if s[i..].ends_with(']') => s[..i].to_string(),
        _ => s.to_string(),
    }
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '*' => {}
            c => out.push(c),
        }
    }
    out
}

#[test]
fn pdfs_hold_every_heading_quote_figure_and_note() {
    let dir = built_examples();
    let pdfs = pdfs(dir.path());
    assert_eq!(pdfs.len(), 4);
    for pdf in pdfs {
        let markdown = std::fs::read_to_string(pdf.with_extension("md")).unwrap();
        let (wanted, notes) = expected(&markdown);
        assert!(wanted.len() > 20 && notes > 10, "{}", pdf.display());
        let shown = pdf_text(&pdf);
        for w in &wanted {
            assert!(shows(&shown, w), "{}: missing {w:?}", pdf.display());
        }
        assert_eq!(footnotes(&pdf), notes, "{}", pdf.display());
    }
}

/// Whether `wanted` is in the PDF's text, in order, allowing it to be cut
/// twice (a long passage can run over a page break, where pdftotext puts
/// the footnotes, page number and running header in the middle of it).
fn shows(shown: &str, wanted: &str) -> bool {
    let mut rest = wanted;
    let mut from = 0;
    for _ in 0..3 {
        if rest.is_empty() {
            return true;
        }
        // The longest head of `rest` found after `from`.
        let mut best: Option<(usize, usize)> = None;
        let mut len = rest.len();
        while len > 0 {
            if rest.is_char_boundary(len)
                && let Some(i) = shown[from..].find(&rest[..len])
            {
                best = Some((from + i, len));
                break;
            }
            len -= 1;
        }
        let Some((at, len)) = best else { return false };
        if len < rest.len() && len < 12 {
            return false;
        }
        from = at + len;
        rest = &rest[len..];
    }
    rest.is_empty()
}

/// The PDF's text as pdftotext reads it, squashed.
fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (.ci/run installs poppler-utils)");
    squash(&text(&out.stdout))
}

/// Footnotes in a PDF, counted in its structure tree: Typst tags each
/// footnote as a `/Note` element (tagged PDF is on), one per note however
/// often it is referenced, like the Markdown's definitions.
fn footnotes(pdf: &Path) -> usize {
    let json: serde_json::Value = serde_json::from_str(&tool("qpdf", &["--json"], pdf)).unwrap();
    let objects = json["qpdf"][1].as_object().expect("qpdf --json v2 objects");
    objects
        .values()
        .filter(|o| {
            let v = &o["value"];
            v["/Type"] == "/StructElem" && v["/S"] == "/Note"
        })
        .count()
}

#[test]
fn chinese_text_is_drawn_with_real_glyphs() {
    let dir = built_examples();
    let pdf = dir.path().join("out/asylum-under-xi/press.pdf");
    let shown = pdf_text(&pdf);
    assert!(shown.contains("习近平"), "no 习近平 in {shown}");
    let fonts = tool("pdffonts", &[], &pdf);
    assert!(fonts.contains("CJK"), "no CJK font:\n{fonts}");
}

#[test]
fn fonts_are_embedded_and_files_are_valid() {
    let dir = built_examples();
    for pdf in pdfs(dir.path()) {
        let fonts = tool("pdffonts", &[], &pdf);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type [encoding] emb sub uni object ID: "emb" is the 5th from the end.
            assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
        }
        tool("qpdf", &["--check"], &pdf);
        let info = tool("pdfinfo", &[], &pdf);
        let title = info
            .lines()
            .find_map(|l| l.strip_prefix("Title:"))
            .map(str::trim);
        assert!(
            matches!(title, Some("Leaving Xi's China" | "The Walking Route")),
            "{info}"
        );
    }
}

#[test]
fn pdfs_are_byte_identical_across_builds() {
    let dir = built_examples();
    let read = |d: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        pdfs(d)
            .into_iter()
            .map(|p| (p.clone(), std::fs::read(p).unwrap()))
            .collect()
    };
    let first = read(dir.path());
    std::fs::remove_dir_all(dir.path().join("out")).unwrap();
    assert!(brief(dir.path(), &["build"]).status.success());
    assert_eq!(first, read(dir.path()));
}
