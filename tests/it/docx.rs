//! The Word document (`--format docx`), read back by real clients: pandoc
//! reads it (headings, block quotes and footnotes as the Markdown has
//! them), LibreOffice converts it to PDF, and the package itself is checked
//! part by part (well-formed XML, content types, relationships, one Word
//! footnote per note).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use resvg::usvg::roxmltree;

use crate::common::{
    brief, fixture, pandoc_elements, pandoc_json, project, repo, text, write_spec,
};

/// The shipped project, built as Markdown and Word.
fn shipped_documents() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = shipped_project();
    let out = brief(dir.path(), &["build", "--format", "md,docx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let docs = with_extension(&dir.path().join("out"), "docx");
    (dir, docs)
}

fn shipped_project() -> tempfile::TempDir {
    project(&[
        (&repo().join("briefs"), "briefs"),
        (&repo().join("corpus"), "corpus"),
        (&repo().join("templates"), "templates"),
    ])
}

fn with_extension(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(with_extension(&path, extension));
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The words of a pandoc element, spaces normalised.
fn words(value: &serde_json::Value) -> String {
    fn walk(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::Object(map) => match map.get("t").and_then(|v| v.as_str()) {
                Some("Str") => out.push_str(map["c"].as_str().unwrap_or_default()),
                Some("Space" | "SoftBreak" | "LineBreak") => out.push(' '),
                _ => map.values().for_each(|v| walk(v, out)),
            },
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    walk(value, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The notes of a brief's Markdown in order of first use, as pandoc reads
/// each: pandoc gives a note per mark, so each label's first mark counts.
fn markdown_notes(md: &Path) -> Vec<String> {
    let source = std::fs::read_to_string(md).unwrap();
    let mut labels = Vec::new();
    for line in source.lines() {
        let body = if line.starts_with("[^") {
            continue;
        } else {
            line
        };
        for (i, _) in body.match_indices("[^") {
            if i > 0 && body.as_bytes()[i - 1] == b'\\' {
                continue;
            }
            let rest = &body[i + 2..];
            labels.push(rest[..rest.find(']').unwrap()].to_string());
        }
    }
    let json = pandoc_json(md, "markdown-smart");
    let mut notes = Vec::new();
    pandoc_elements(&json, "Note", &mut notes);
    assert_eq!(notes.len(), labels.len(), "{}", md.display());
    let mut seen = BTreeSet::new();
    labels
        .iter()
        .zip(notes)
        .filter(|(label, _)| seen.insert(label.to_string()))
        .map(|(_, note)| words(note))
        .collect()
}

/// The text of the headers pandoc finds.
fn headers(json: &serde_json::Value) -> Vec<String> {
    let mut found = Vec::new();
    pandoc_elements(json, "Header", &mut found);
    found.iter().map(|h| words(&h["c"][2])).collect()
}

#[test]
fn pandoc_reads_the_headings_quotes_and_notes_of_the_markdown() {
    let (_dir, docs) = shipped_documents();
    assert_eq!(docs.len(), 4, "{docs:?}");
    for doc in &docs {
        let name = doc.display();
        let md = doc.with_extension("md");
        let docx = pandoc_json(doc, "docx");
        let markdown = pandoc_json(&md, "markdown-smart");
        // The Markdown's title heading is the document's title; its other
        // headings are the document's, in order.
        let mut md_headers = headers(&markdown);
        let title = md_headers.remove(0);
        assert_eq!(words(&docx["meta"]["title"]), title, "{name}");
        assert_eq!(headers(&docx), md_headers, "{name}");
        let mut quotes = (Vec::new(), Vec::new());
        pandoc_elements(&docx, "BlockQuote", &mut quotes.0);
        pandoc_elements(&markdown, "BlockQuote", &mut quotes.1);
        assert!(!quotes.1.is_empty(), "{name}");
        assert_eq!(quotes.0.len(), quotes.1.len(), "{name}");
        // Word's footnotes: one per note, in order, with the note's text.
        let mut notes = Vec::new();
        pandoc_elements(&docx, "Note", &mut notes);
        let notes: Vec<String> = notes.iter().map(|n| words(n)).collect();
        assert_eq!(notes, markdown_notes(&md), "{name}");
    }
}

/// Every entry of the zip archive `path`, by name.
fn entries(path: &Path) -> Vec<String> {
    let out = Command::new("unzip")
        .arg("-Z1")
        .arg(path)
        .output()
        .expect("unzip is installed");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout).lines().map(str::to_string).collect()
}

fn entry(path: &Path, name: &str) -> String {
    // unzip reads names as patterns: `[` opens a character class.
    let pattern = name.replace('[', "[[]");
    let out = Command::new("unzip")
        .arg("-p")
        .arg(path)
        .arg(pattern)
        .output()
        .unwrap();
    assert!(out.status.success(), "{name}: {}", text(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

#[test]
fn the_package_is_well_formed_and_complete() {
    let (_dir, docs) = shipped_documents();
    for doc in &docs {
        let name = doc.display();
        let parts = entries(doc);
        assert_eq!(parts[0], "[Content_Types].xml", "{name}");
        // Every XML part is well-formed.
        let mut xml = std::collections::BTreeMap::new();
        for part in &parts {
            if part.ends_with(".xml") || part.ends_with(".rels") {
                let text = entry(doc, part);
                roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("{part} in {name}: {e}"));
                xml.insert(part.clone(), text);
            }
        }
        // Content types cover every part.
        let types = roxmltree::Document::parse(&xml["[Content_Types].xml"]).unwrap();
        let defaults: BTreeSet<&str> = types
            .descendants()
            .filter(|n| n.has_tag_name("Default"))
            .map(|n| n.attribute("Extension").unwrap())
            .collect();
        let overrides: BTreeSet<&str> = types
            .descendants()
            .filter(|n| n.has_tag_name("Override"))
            .map(|n| n.attribute("PartName").unwrap())
            .collect();
        for part in parts.iter().filter(|p| *p != "[Content_Types].xml") {
            let extension = part.rsplit('.').next().unwrap();
            assert!(
                overrides.contains(format!("/{part}").as_str()) || defaults.contains(extension),
                "{part} has no content type in {name}"
            );
        }
        for o in &overrides {
            assert!(
                parts.contains(&o[1..].to_string()),
                "{o} overridden but absent in {name}"
            );
        }
        // Every relationship's target is a part of the package.
        for (part, text) in xml.iter().filter(|(p, _)| p.ends_with(".rels")) {
            let base = part.trim_end_matches(".rels").replace("_rels/", "");
            let dir = Path::new(&base)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            let rels = roxmltree::Document::parse(text).unwrap();
            for r in rels
                .descendants()
                .filter(|n| n.has_tag_name("Relationship"))
            {
                let target = r.attribute("Target").unwrap();
                if r.attribute("TargetMode") == Some("External") {
                    assert!(target.starts_with("http"), "{target} in {name}");
                    continue;
                }
                let resolved = dir.join(target).to_string_lossy().into_owned();
                assert!(
                    parts.contains(&resolved),
                    "{part}: {resolved} missing in {name}"
                );
            }
        }
        // One footnote per note, each referenced once; every reference's
        // footnote exists; a note used again is a cross-reference to it.
        let md = std::fs::read_to_string(doc.with_extension("md")).unwrap();
        let definitions = md.lines().filter(|l| l.starts_with("[^")).count();
        let footnotes = roxmltree::Document::parse(&xml["word/footnotes.xml"]).unwrap();
        let ids: Vec<&str> = footnotes
            .descendants()
            .filter(|n| n.has_tag_name((W, "footnote")) && n.attribute((W, "type")).is_none())
            .map(|n| n.attribute((W, "id")).unwrap())
            .collect();
        assert_eq!(ids.len(), definitions, "{name}");
        let body = roxmltree::Document::parse(&xml["word/document.xml"]).unwrap();
        let references: Vec<&str> = body
            .descendants()
            .filter(|n| n.has_tag_name((W, "footnoteReference")))
            .map(|n| n.attribute((W, "id")).unwrap())
            .collect();
        assert_eq!(references, ids, "{name}");
        let bookmarks: BTreeSet<&str> = body
            .descendants()
            .filter(|n| n.has_tag_name((W, "bookmarkStart")))
            .map(|n| n.attribute((W, "name")).unwrap())
            .collect();
        let cross: Vec<&str> = body
            .descendants()
            .filter(|n| n.has_tag_name((W, "instrText")))
            .map(|n| n.text().unwrap())
            .collect();
        assert!(!cross.is_empty(), "{name}");
        for field in cross {
            let target = field.split_whitespace().nth(1).unwrap();
            assert!(bookmarks.contains(target), "{field} in {name}");
        }
        // Every chart is a picture with its title as alternative text.
        let pictures: Vec<&str> = body
            .descendants()
            .filter(|n| n.tag_name().name() == "docPr")
            .map(|n| n.attribute("descr").unwrap())
            .collect();
        let charts = md.matches("![").count();
        assert_eq!(pictures.len(), charts, "{name}");
        for p in &pictures {
            assert!(p.contains("chart of"), "{p} in {name}");
        }
        // CJK runs name their East Asian font and language.
        let cjk_runs = body
            .descendants()
            .filter(|n| {
                n.has_tag_name((W, "lang")) && n.attribute((W, "eastAsia")) == Some("zh-CN")
            })
            .count();
        assert_eq!(
            cjk_runs > 0,
            md.contains('习') || md.contains('中'),
            "{name}"
        );
        // The document's properties are the brief's, dated by it.
        let core = roxmltree::Document::parse(&xml["docProps/core.xml"]).unwrap();
        let property = |name: &str| {
            core.descendants()
                .find(|n| n.tag_name().name() == name)
                .and_then(|n| n.text())
                .map(str::to_string)
        };
        let title = md.lines().next().unwrap().trim_start_matches("# ");
        assert_eq!(property("title").as_deref(), Some(title), "{name}");
        let author = md.contains(" · Brief Example Team · ");
        assert_eq!(
            property("creator").as_deref(),
            author.then_some("Brief Example Team"),
            "{name}"
        );
        let created = property("created").unwrap();
        assert_eq!(property("modified"), Some(created.clone()), "{name}");
        let date = chrono::NaiveDate::parse_from_str(&created[..10], "%Y-%m-%d").unwrap();
        assert!(
            md.contains(&date.format(" %-d %B %Y").to_string()),
            "{created} is not the brief's date in {name}"
        );
    }
}

#[test]
fn libreoffice_converts_every_document_and_finds_the_notes() {
    let (dir, docs) = shipped_documents();
    // Each under a name of its own: two specs have a `policymakers`.
    let named = dir.path().join("named");
    std::fs::create_dir_all(&named).unwrap();
    let copies: Vec<PathBuf> = docs
        .iter()
        .map(|doc| {
            let spec = doc.parent().unwrap().file_name().unwrap().to_string_lossy();
            let copy = named.join(format!(
                "{spec}-{}",
                doc.file_name().unwrap().to_string_lossy()
            ));
            std::fs::copy(doc, &copy).unwrap();
            copy
        })
        .collect();
    let pdfs = dir.path().join("pdf");
    let profile = dir.path().join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdfs)
        .args(&copies)
        .output()
        .expect("soffice is installed (libreoffice-writer-nogui)");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut cjk = false;
    for (doc, copy) in docs.iter().zip(&copies) {
        let pdf = pdfs.join(copy.with_extension("pdf").file_name().unwrap());
        let read = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(
            read.status.success(),
            "{}: {}",
            pdf.display(),
            text(&read.stderr)
        );
        let page: String = text(&read.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for note in markdown_notes(&doc.with_extension("md")) {
            let start: String = note.chars().take(40).collect();
            assert!(
                page.contains(&start),
                "note {start:?} not in {}",
                pdf.display()
            );
        }
        cjk |= page.contains("习近平") || page.contains("中共当局");
    }
    assert!(cjk, "no CJK quote in any converted document");
}

#[test]
fn two_builds_give_the_same_bytes() {
    let (_a, first) = shipped_documents();
    let (_b, second) = shipped_documents();
    assert_eq!(first.len(), second.len());
    for (a, b) in first.iter().zip(&second) {
        assert!(
            std::fs::read(a).unwrap() == std::fs::read(b).unwrap(),
            "{}",
            a.display()
        );
    }
}

#[test]
fn hostile_text_comes_out_literal_in_word() {
    let dir = fixture("hostile");
    let out = brief(dir.path(), &["build", "--format", "md,docx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = dir.path().join("out/hostile/all.docx");
    // pandoc takes the Title paragraph for the document's title, which its
    // plain text leaves out: the title is checked there.
    let json = pandoc_json(&doc, "docx");
    let plain = format!(
        "{}\n{}\n{}",
        words(&json["meta"]["title"]),
        words(&json["meta"]["subtitle"]),
        crate::common::pandoc_plain(&doc, "docx")
    );
    for literal in crate::common::HOSTILE_TYPED {
        assert!(plain.contains(literal), "missing {literal:?} in\n{plain}");
    }
    let mut raw = Vec::new();
    pandoc_elements(&json, "RawInline", &mut raw);
    pandoc_elements(&json, "RawBlock", &mut raw);
    pandoc_elements(&json, "Image", &mut raw);
    assert!(raw.is_empty(), "{raw:?}");
    let mut links = Vec::new();
    pandoc_elements(&json, "Link", &mut links);
    for link in links {
        let url = link["c"][2][0].as_str().unwrap();
        assert_eq!(url, "https://evil.example/a?b=c&d=e", "{link}");
    }
    for part in entries(&doc) {
        if part.ends_with(".xml") || part.ends_with(".rels") {
            roxmltree::Document::parse(&entry(&doc, &part))
                .unwrap_or_else(|e| panic!("{part}: {e}"));
        }
    }
}

/// A small project with one spec, and `reference` as its reference.docx.
fn small_project(reference: Option<&[u8]>) -> tempfile::TempDir {
    let dir = project(&[(&repo().join("tests/fixtures/selectors/corpus"), "corpus")]);
    write_spec(
        dir.path(),
        "title: Small <T>\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hi.\n",
    );
    if let Some(reference) = reference {
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/reference.docx"), reference).unwrap();
    }
    dir
}

/// pandoc's own reference.docx with Heading 1 set in `font`.
fn reference_with_heading_font(font: &str) -> Vec<u8> {
    let work = tempfile::tempdir().unwrap();
    let out = Command::new("pandoc")
        .args([
            "-o",
            "ref.docx",
            "--print-default-data-file",
            "reference.docx",
        ])
        .current_dir(work.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let unpacked = work.path().join("x");
    let out = Command::new("unzip")
        .args(["-q", "ref.docx", "-d", "x"])
        .current_dir(work.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let styles_path = unpacked.join("word/styles.xml");
    let styles = std::fs::read_to_string(&styles_path).unwrap();
    let at = styles.find("w:styleId=\"Heading1\"").unwrap();
    let rpr = at + styles[at..].find("<w:rPr>").unwrap() + "<w:rPr>".len();
    let mut changed = styles.clone();
    changed.insert_str(
        rpr,
        &format!("<w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\"/>"),
    );
    std::fs::write(&styles_path, changed).unwrap();
    let out = Command::new("zip")
        .args(["-q", "-r", "-X", "../house.docx", "."])
        .current_dir(&unpacked)
        .output()
        .expect("zip is installed");
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::read(work.path().join("house.docx")).unwrap()
}

#[test]
fn a_reference_docx_restyles_the_document() {
    let dir = small_project(Some(&reference_with_heading_font("Liberation Mono")));
    let out = brief(dir.path(), &["build", "--format", "docx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = dir.path().join("out/t/brief.docx");
    let styles = entry(&doc, "word/styles.xml");
    let parsed = roxmltree::Document::parse(&styles).unwrap();
    let style = |id: &str| {
        parsed
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
    };
    let heading = style("Heading1").unwrap();
    let fonts = heading
        .descendants()
        .find(|n| n.has_tag_name((W, "rFonts")))
        .unwrap();
    assert_eq!(fonts.attribute((W, "ascii")), Some("Liberation Mono"));
    // pandoc's reference has no table style of ours: the built-in one is added.
    assert!(style("BriefTable").is_some());
    assert!(entries(&doc).contains(&"word/theme/theme1.xml".to_string()));
    let json = pandoc_json(&doc, "docx");
    assert_eq!(headers(&json), ["S"]);
}

#[test]
fn a_broken_reference_docx_is_an_error_and_keeps_the_last_document() {
    let dir = small_project(None);
    let out = brief(dir.path(), &["build", "--format", "md,docx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = dir.path().join("out/t/brief.docx");
    let good = std::fs::read(&doc).unwrap();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/reference.docx"),
        b"PK\x03\x04 not really",
    )
    .unwrap();
    let out = brief(dir.path(), &["build", "--format", "md,docx"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("templates/reference.docx"), "{stderr}");
    assert_eq!(std::fs::read(&doc).unwrap(), good);
}

#[test]
fn builds_are_incremental_and_clean_up_the_document() {
    let dir = small_project(None);
    let out = brief(dir.path(), &["build", "--format", "md,docx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let files = crate::common::files_under(&dir.path().join("out/t"));
    assert_eq!(files.keys().collect::<Vec<_>>(), ["brief.docx", "brief.md"]);
    let out = brief(dir.path(), &["build", "--format", "md,docx"]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("0 rebuilt, 1 up to date"), "{stdout}");
    let out = brief(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = brief(dir.path(), &["build", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let files = crate::common::files_under(&dir.path().join("out/t"));
    assert_eq!(files.keys().collect::<Vec<_>>(), ["brief.md"]);
}
