//! What an editor checks on the shipped briefs' pages: no corpus id and no
//! empty cell anywhere a reader looks, short notes that are short in the
//! PDF, key points, and the warning for an excerpt longer than a brief
//! should quote.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use crate::common::{brief, project, repo, text, write_spec};

fn shipped() -> tempfile::TempDir {
    project(&[
        (&repo().join("briefs"), "briefs"),
        (&repo().join("corpus"), "corpus"),
    ])
}

/// The corpus's document ids: names of files, never part of a citation.
fn corpus_ids() -> Vec<String> {
    std::fs::read_dir(repo().join("corpus"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            p.file_stem().unwrap().to_string_lossy().into_owned()
        })
        .collect()
}

#[test]
fn no_note_attribution_or_cell_shows_a_corpus_id_or_is_empty() {
    let dir = shipped();
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ids = corpus_ids();
    assert_eq!(ids.len(), 5, "{ids:?}");
    let mut outputs = 0;
    for brief_dir in ["asylum-under-xi", "overland-route"] {
        for entry in std::fs::read_dir(dir.path().join("out").join(brief_dir)).unwrap() {
            let path = entry.unwrap().path();
            let shown = match path.extension().and_then(|e| e.to_str()) {
                Some("md") => std::fs::read_to_string(&path).unwrap(),
                Some("pdf") => common::pdftotext_layout(&path),
                _ => continue,
            };
            outputs += 1;
            for line in shown.lines() {
                // Notes, attribution lines, table rows and the sources list.
                let cited = line.starts_with("[^")
                    || line.starts_with("> —")
                    || line.starts_with('|')
                    || line.starts_with("- ")
                    || line.trim_start().starts_with('—');
                if !cited {
                    continue;
                }
                for id in &ids {
                    assert!(
                        !line.contains(id.as_str()) || line.contains("https://"),
                        "{}: `{id}` in {line:?}",
                        path.display()
                    );
                }
                assert!(!line.contains("Untitled corpus document"), "{line}");
                if line.starts_with('|') && !line.starts_with("|---") {
                    let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").collect();
                    assert!(
                        cells.iter().all(|c| !c.trim().is_empty()),
                        "{}: an empty cell in {line:?}",
                        path.display()
                    );
                }
            }
        }
    }
    assert_eq!(outputs, 8, "four Markdown files and four PDFs");
    // A figure list's parts are parted in the PDF as in the Markdown.
    let listed = common::pdftotext_layout(&dir.path().join("out/overland-route/researchers.pdf"));
    assert!(
        listed.contains("4,271: Chinese nationals; Between October 2022 and February 2023; Essay on low-income Chinese"),
        "{listed}"
    );
}

#[test]
fn later_notes_in_the_pdf_are_short() {
    let dir = shipped();
    let out = brief(dir.path(), &["build", "briefs/asylum-under-xi.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = common::pdftotext_layout(&dir.path().join("out/asylum-under-xi/press.pdf"));
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    let full = "Huang Liling, “Mass Exodus?";
    // The first note in full, once; every later one "Huang, “Mass Exodus?” para. N."
    assert_eq!(shown.matches(full).count(), 1, "{shown}");
    let short = shown.matches("Huang, “Mass Exodus?” para.").count();
    assert!(short >= 10, "{short} short notes:\n{shown}");
    assert!(
        !shown.contains("Exodus?”."),
        "a period after a title ending in ?"
    );
    // The table's Source column gives the short form, the When column the
    // source's words for a period the source does not date.
    assert!(shown.contains("WHEN"), "{shown}");
    assert!(shown.contains("(undated source)"), "{shown}");
    // The from/to figure's cell (it wraps after the arrow in the PDF).
    assert!(shown.contains("15,362 →"), "{shown}");
    assert!(
        shown.contains("Chinese asylum claims abroad passed over 1.158 million1 under"),
        "{shown}"
    );
}

#[test]
fn key_points_come_first_with_their_notes() {
    let dir = shipped();
    let out = brief(
        dir.path(),
        &["build", "briefs/asylum-under-xi.yaml", "--no-pdf"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = std::fs::read_to_string(dir.path().join("out/asylum-under-xi/press.md")).unwrap();
    let points = md.find("## Key points\n\n- ").expect("a key points list");
    assert!(points < md.find("## Summary").unwrap(), "{md}");
    assert!(
        md.contains("- Chinese asylum claims abroad passed over 1.158 million[^1] under"),
        "{md}"
    );
}

#[test]
fn a_long_excerpt_is_a_warning_unless_the_spec_says_long() {
    let dir = shipped();
    let spec = |long: &str| {
        format!(
            "title: T\ndate: 2025-03-03\nsections:\n  - id: s\n    title: S\n    blocks:\n      - excerpt: {{doc: mass-exodus, paragraphs: 1-12{long}}}\n"
        )
    };
    write_spec(dir.path(), &spec(""));
    let out = brief(dir.path(), &["check", "briefs/t.yaml"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: this excerpt of `mass-exodus` is 922 words, more than the 400 a brief usually quotes\n --> briefs/t.yaml:7:24"),
        "{stderr}"
    );
    assert!(stderr.contains("`long: true`"), "{stderr}");
    write_spec(dir.path(), &spec(", long: true"));
    let out = brief(dir.path(), &["check", "briefs/t.yaml"]);
    assert!(
        !text(&out.stderr).contains("words, more than"),
        "{}",
        text(&out.stderr)
    );
    write_spec(dir.path(), &spec(", long: yes please"));
    let out = brief(dir.path(), &["check", "briefs/t.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
}

#[test]
fn a_template_s_colours_and_fonts_draw_its_charts() {
    let dir = shipped();
    let builtin = std::fs::read_to_string(repo().join("templates/brief.typ")).unwrap();
    let own = builtin.replace(
        "#let accent = rgb(\"#1d3557\")",
        "#let accent = rgb(\"#8a1c1c\")",
    );
    assert_ne!(own, builtin, "the built-in template names its accent");
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/brief.typ"), own).unwrap();
    let out = brief(dir.path(), &["build", "briefs/asylum-under-xi.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let svg = std::fs::read_to_string(
        dir.path()
            .join("out/asylum-under-xi/charts/press/scale-1.svg"),
    )
    .unwrap();
    assert!(svg.contains("fill=\"#8a1c1c\""), "{svg}");
    assert!(!svg.contains("#1d3557"), "{svg}");
    assert!(svg.contains("'Libertinus Serif'"), "{svg}");
}
