//! The PDFs `brief build` writes, read back with real PDF tools: pdftotext,
//! pdffonts, pdfinfo and qpdf (poppler-utils and qpdf; `.ci/run` installs
//! them, with the CJK fonts the shipped corpus needs).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{brief, fixture, project, repo, text, write_spec};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

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
        let spec = spec.unwrap().path();
        // Beside the briefs' directories: the build manifest.
        if !spec.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(spec).unwrap() {
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
    squash(&plain_text(pdf))
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

/// Whitespace-normalised pdftotext output, for text that is all punctuation.
fn plain_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (.ci/run installs poppler-utils)");
    text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn hostile_corpus_text_is_printed_not_run() {
    let dir = fixture("hostile");
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pdf = dir.path().join("out/hostile/all.pdf");
    let shown = plain_text(&pdf);
    for literal in [
        r#"“Try #read("/etc/passwd") and $x^2$ then #set page(width: 1pt) or ] \ <label> @ref // comment /* block */ *strong* _emph_ = heading”"#,
        "— Eve Typst3",
        "#read(\"/etc/passwd\") $x^2$, para. 1.",
        "“#set page(width: 1pt) ] \\ <label> @ref.” #read(\"/etc/passwd\") $x^2$.",
        "“We *never* said [^1] or <b>this</b> | that \\ slash, and `code` ~too~ $x$ @cite”",
        "Brief *with* [^9] <b>markup</b> | pipes",
        "Section <em>one</em> ## [x]",
        // The excerpt `1. … *star* and _under_ …` is a Markdown list item
        // with emphasis: its number and words are shown, not its stars.
        "1. Not a list | and a star and under and [^3] and <div>html</div> and \\\\backslash &amp; and [x]: http://ref.example",
    ] {
        assert!(shown.contains(literal), "missing {literal:?} in\n{shown}");
    }
    assert!(!shown.contains("root:"), "the PDF shows a file's contents");
    let info = tool("pdfinfo", &[], &pdf);
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
}

/// A project with the selector fixture corpus, a templates/ directory with
/// the given files, and one spec per template name.
fn template_project(templates: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = project(&[(&repo().join("tests/fixtures/selectors/corpus"), "corpus")]);
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    for (name, source) in templates {
        std::fs::write(dir.path().join("templates").join(name), source).unwrap();
    }
    dir
}

fn spec_with_template(dir: &Path, template: &str) {
    write_spec(
        dir,
        &format!(
            "title: T\ndate: 2024-06-30\ntemplate: {template}\nsections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hi.\n"
        ),
    );
}

#[test]
fn template_errors_point_into_the_template() {
    let dir = template_project(&[("broken.typ", "#let brief(..args) = {\n  let x = (1, 2\n}\n")]);
    spec_with_template(dir.path(), "templates/broken.typ");
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: unclosed delimiter
 --> templates/broken.typ:2:11
  |
2 |   let x = (1, 2
  |           ^
  = help: while importing `/templates/broken.typ` at main.typ (generated):2:2
out/t/brief.md: not written (the PDF failed)
"
    );
    assert!(!dir.path().join("out/t/brief.md").exists());
}

#[test]
fn templates_cannot_read_outside_templates() {
    let dir = template_project(&[
        ("evil.typ", "#let leak = read(\"/etc/passwd\")\n"),
        ("escape.typ", "#let leak = read(\"../corpus/alpha.md\")\n"),
    ]);
    for (name, searched) in [("evil", "/etc/passwd"), ("escape", "/corpus/alpha.md")] {
        spec_with_template(dir.path(), &format!("templates/{name}.typ"));
        let out = brief(dir.path(), &["build"]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with(&format!(
                "error: file not found (searched at {searched})\n --> templates/{name}.typ:1:18\n"
            )),
            "{stderr}"
        );
        assert!(
            !stderr.contains("root:") && !stderr.contains("Alpha report"),
            "{stderr}"
        );
    }
    spec_with_template(dir.path(), "../x.typ");
    let out = brief(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: template `../x.typ` is not a `.typ` file under templates/
 --> briefs/t.yaml:3:11
  |
3 | template: ../x.typ
  |           ^
  = help: templates live in the project's templates/ directory, e.g. `template: templates/brief.typ`
briefs/t.yaml: 1 error; nothing written
"
    );
    spec_with_template(dir.path(), "templates/evl.typ");
    let out = brief(dir.path(), &["check"]);
    assert!(
        text(&out.stderr).contains("= help: did you mean `templates/evil.typ`?"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_named_template_changes_the_look() {
    let house = std::fs::read_to_string(repo().join("templates/brief.typ"))
        .unwrap()
        .replace("upper(\"Summary\")", "upper(\"Key points\")");
    let dir = template_project(&[("house.typ", &house)]);
    write_spec(
        dir.path(),
        "title: T\ndate: 2024-06-30\ntemplate: templates/house.typ\nsummary: In short.\nsections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hi.\n",
    );
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Letter-spaced small caps come out of pdftotext with stray spaces.
    let shown = plain_text(&dir.path().join("out/t/brief.pdf")).replace(' ', "");
    assert!(shown.contains("KEYPOINTSInshort."), "{shown}");
}

#[test]
fn characters_no_font_can_draw_are_named_before_they_become_boxes() {
    let dir = template_project(&[]);
    std::fs::write(
        dir.path().join("corpus/delta.md"),
        "---\ntitle: Delta\n---\n\n“The sign \u{1FAE8} was everywhere we went,” said Li Ming.\n",
    )
    .unwrap();
    write_spec(
        dir.path(),
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - quotes: [{doc: delta}]\n",
    );
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "warning: no font can draw 1 character of this brief: \u{1FAE8} (U+1FAE8); the PDF would show empty boxes\n  = help: install a font that covers them, or pass --font-path DIR\n"
    );
}

#[test]
fn emit_typst_and_pdf_standards() {
    let dir = template_project(&[]);
    spec_with_template(dir.path(), "templates/brief.typ");
    let out = brief(
        dir.path(),
        &["build", "--emit", "typst", "--pdf-standard", "a-2b"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let typ = std::fs::read_to_string(dir.path().join("out/t/brief.typ")).unwrap();
    assert!(
        typ.starts_with("// Generated by brief from the spec `t`."),
        "{typ}"
    );
    assert!(typ.contains("#import \"/templates/brief.typ\": *"));
    let pdf = dir.path().join("out/t/brief.pdf");
    let meta = tool("pdfinfo", &["-meta"], &pdf);
    assert!(meta.contains("pdfaid:part") && meta.contains('2'), "{meta}");
    tool("qpdf", &["--check"], &pdf);

    let out = brief(dir.path(), &["build", "--pdf-standard", "a2b"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("did you mean `a-2b`?"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_long_key_figures_table_repeats_its_header_on_every_page() {
    let dir = project(&[(&repo().join("corpus"), "corpus")]);
    write_spec(
        dir.path(),
        "title: Every figure\ndate: 2025-03-03\nsections:\n  - id: s\n    title: All figures\n    blocks:\n      - figures: [{doc: [fleeing-xi-jinping, low-income-exodus, mass-exodus, police-stations-abroad, run-movement]}]\n        as: table\n",
    );
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pdf = dir.path().join("out/t/brief.pdf");
    let info = tool("pdfinfo", &[], &pdf);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages >= 2, "the table should span pages:\n{info}");
    for page in 1..=pages {
        let n = page.to_string();
        let out = Command::new("pdftotext")
            .args(["-f", &n, "-l", &n, "-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let shown = text(&out.stdout).replace(' ', "");
        assert!(
            shown.contains("WHATITCOUNTS"),
            "no table header on page {page}:\n{shown}"
        );
    }
}
