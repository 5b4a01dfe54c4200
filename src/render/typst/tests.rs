//! The engine end to end: small inline Typst sources and a temporary
//! templates directory, checked with poppler-utils and qpdf (`.ci/run`
//! installs them, and `fonts-noto-cjk` for the CJK tests).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;

use super::*;
use crate::diag::{Diagnostic, Severity};

fn fonts() -> Arc<Fonts> {
    Fonts::load(&[], None)
}

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()
}

fn job(main: &str, templates: &Path) -> Job {
    Job {
        main: main.to_owned(),
        files: Vec::new(),
        templates: templates.to_path_buf(),
        date: date(),
        standard: None,
    }
}

/// A project directory with `templates/` holding `files`.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("templates")).unwrap();
    for (name, text) in files {
        fs::write(dir.path().join("templates").join(name), text).unwrap();
    }
    dir
}

fn compile_ok(main: &str) -> Pdf {
    let dir = project(&[]);
    let pdf = compile(&fonts(), &job(main, &dir.path().join("templates")));
    pdf.unwrap_or_else(|diags| panic!("{}", show(&diags)))
}

/// The errors of a compilation that must fail.
fn compile_err(main: &str, dir: &Path) -> Vec<Diagnostic> {
    match compile(&fonts(), &job(main, &dir.join("templates"))) {
        Ok(_) => panic!("expected an error compiling {main:?}"),
        Err(diags) => diags,
    }
}

fn show(diags: &[Diagnostic]) -> String {
    diags.iter().map(ToString::to_string).collect()
}

/// Runs a poppler/qpdf tool on the PDF and returns its standard output.
fn tool(program: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    fs::write(&path, pdf).unwrap();
    let output = Command::new(program)
        .args(args)
        .arg(&path)
        .args(if program == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {program} ({e}); install poppler-utils and qpdf (.ci/run does)")
        });
    assert!(
        output.status.success(),
        "{program} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

// --- fonts -----------------------------------------------------------------

#[test]
fn fonts_load_once_with_embedded_and_system_cjk_faces() {
    let start = Instant::now();
    let scanned = crate::render::fonts::Fonts::scan(&[], None);
    let scan_time = start.elapsed();
    let first = fonts();
    let start = Instant::now();
    let again = fonts();
    eprintln!(
        "fonts: {} faces scanned in {scan_time:?}; cached load {:?}",
        scanned.len(),
        start.elapsed()
    );
    assert!(Arc::ptr_eq(&first, &again));
    let families = first.families();
    for family in [
        "Libertinus Serif",
        "New Computer Modern",
        "DejaVu Sans Mono",
        "Noto Serif CJK SC",
    ] {
        assert!(
            families.iter().any(|f| f == family),
            "{family} missing from {families:?}"
        );
    }
}

#[test]
fn missing_glyphs_reports_only_what_no_font_covers() {
    let fonts = fonts();
    let covered = "Refugees, said Grandi — «merci» 习近平 联合国难民署\n\tend.";
    assert_eq!(
        missing_glyphs(&fonts, covered, &["Libertinus Serif"]),
        Vec::<char>::new()
    );
    // U+1FAE8 (shaking face, Unicode 15) and a plane-16 private-use character.
    let text = "a\u{1FAE8}b\u{10FFFD}\u{1FAE8}c\u{200D}";
    let missing = vec!['\u{1FAE8}', '\u{10FFFD}'];
    assert_eq!(missing_glyphs(&fonts, text, &["Libertinus Serif"]), missing);
    assert_eq!(missing_glyphs(&fonts, text, &[]), missing);
}

// --- output ----------------------------------------------------------------

const CJK: &str = r#"#set document(title: "T", author: ("A",), keywords: ("k",))
#set text(lang: "en", font: ("Libertinus Serif", "Noto Serif CJK SC"))
= Briefing
Remarks by 习近平 on 联合国难民署 funding.#footnote[Source: a note.]
"#;

#[test]
fn cjk_text_is_typeset_and_extractable() {
    let pdf = compile_ok(CJK);
    assert_eq!(pdf.pages, 1);
    assert!(pdf.warnings.is_empty(), "{}", show(&pdf.warnings));
    let text = tool("pdftotext", &["-layout"], &pdf.bytes);
    assert!(text.contains("习近平"), "{text}");
    assert!(text.contains("联合国难民署"), "{text}");
    assert!(text.contains("Source: a note."), "{text}");
}

#[test]
fn every_font_is_embedded() {
    let pdf = compile_ok(CJK);
    let table = tool("pdffonts", &[], &pdf.bytes);
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert!(rows.len() >= 2, "{table}");
    assert!(rows.iter().any(|r| r.contains("NotoSerifCJK")), "{table}");
    for row in rows {
        // Columns: name type encoding emb sub uni object ID.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
}

#[test]
fn qpdf_finds_no_structural_problem() {
    let pdf = compile_ok(CJK);
    let report = tool("qpdf", &["--check"], &pdf.bytes);
    assert!(
        report.contains("No syntax or stream encoding errors"),
        "{report}"
    );
}

#[test]
fn document_metadata_and_creation_date_come_from_the_source_and_job() {
    let pdf = compile_ok(CJK);
    let info = tool("pdfinfo", &["-isodates"], &pdf.bytes);
    for field in [
        "Title:           T",
        "Author:          A",
        "Keywords:        k",
        "CreationDate:    2026-03-14T00:00:00Z",
        "Tagged:          yes",
        "Pages:           1",
    ] {
        assert!(info.contains(field), "{field:?} not in:\n{info}");
    }
}

#[test]
fn same_job_gives_identical_bytes() {
    let dir = project(&[]);
    let job = job(CJK, &dir.path().join("templates"));
    let first = compile(&fonts(), &job).unwrap();
    evict_cache(0);
    let second = compile(&fonts(), &job).unwrap();
    assert!(
        first.bytes == second.bytes,
        "PDF output is not reproducible"
    );
}

#[test]
fn today_is_the_job_date() {
    let pdf = compile_ok("#datetime.today().display()");
    let text = tool("pdftotext", &[], &pdf.bytes);
    assert!(text.contains("2026-03-14"), "{text}");
}

#[test]
fn pdf_a_compiles_and_declares_conformance() {
    let dir = project(&[]);
    let mut job = job(CJK, &dir.path().join("templates"));
    job.standard = Some(parse_standard("a-2b").unwrap());
    let pdf = compile(&fonts(), &job).unwrap_or_else(|d| panic!("{}", show(&d)));
    let meta = tool("pdfinfo", &["-meta"], &pdf.bytes);
    assert!(meta.contains("pdfaid:part") && meta.contains('2'), "{meta}");
    tool("qpdf", &["--check"], &pdf.bytes);
}

#[test]
fn generated_files_and_templates_are_served() {
    let dir = project(&[("brief.typ", "#let shout(x) = upper(x)\n")]);
    let mut job = job(
        "#import \"/templates/brief.typ\": shout\n#let data = json(\"/brief.json\")\n#shout(data.title)",
        &dir.path().join("templates"),
    );
    job.files.push((
        "/brief.json".into(),
        br#"{"title": "quiet please"}"#.to_vec(),
    ));
    let pdf = compile(&fonts(), &job).unwrap_or_else(|d| panic!("{}", show(&d)));
    assert!(tool("pdftotext", &[], &pdf.bytes).contains("QUIET PLEASE"));
}

#[test]
fn a_generated_file_must_have_a_clean_virtual_path() {
    let dir = project(&[]);
    let mut job = job("x", &dir.path().join("templates"));
    job.files.push(("../brief.json".into(), Vec::new()));
    let diags = compile(&fonts(), &job).unwrap_err();
    assert_eq!(
        diags[0].message,
        "generated file `../brief.json` has no valid virtual path"
    );
}

// --- the sandbox -----------------------------------------------------------

/// A project beside an `outside/secret.txt` that no compilation may read.
fn project_with_secret() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join("project/templates/sub")).unwrap();
    fs::create_dir(root.path().join("outside")).unwrap();
    let secret = root.path().join("outside/secret.txt");
    fs::write(&secret, "SECRET-CONTENT").unwrap();
    fs::write(root.path().join("outside/x.typ"), "SECRET-CONTENT").unwrap();
    (root, secret)
}

/// Compiles `main` in the secret project and checks it fails without
/// leaking the secret or any host path; returns the first error.
fn denied(main: &str) -> Diagnostic {
    let (root, _) = project_with_secret();
    let diags = compile_err(main, &root.path().join("project"));
    let text = show(&diags);
    assert!(!text.contains("SECRET"), "{text}");
    let host = root.path().to_string_lossy().into_owned();
    assert!(
        !diags
            .iter()
            .any(|d| d.message.contains(&host) || d.hints.iter().any(|h| h.contains(&host))),
        "host path leaked: {text}"
    );
    diags.into_iter().next().unwrap()
}

#[test]
fn host_files_are_not_found() {
    let diag = denied("#read(\"/etc/passwd\")");
    assert_eq!(diag.message, "file not found (searched at /etc/passwd)");
    assert_eq!(diag.file.unwrap(), Path::new("main.typ (generated)"));
    assert_eq!(diag.position, Some((1, 7)));
}

#[test]
fn an_absolute_host_path_is_only_a_virtual_path() {
    let (root, secret) = project_with_secret();
    let main = format!("#read({:?})", secret.to_str().unwrap());
    let diags = compile_err(&main, &root.path().join("project"));
    assert!(!show(&diags).contains("SECRET-CONTENT"));
    assert!(
        diags[0]
            .message
            .starts_with("file not found (searched at /"),
        "{}",
        show(&diags)
    );
}

#[test]
fn relative_paths_cannot_climb_out_of_the_root() {
    let diag = denied("#read(\"../Cargo.toml\")");
    assert_eq!(
        diag.message,
        "path `\"../Cargo.toml\"` would escape the project root"
    );
    assert_eq!(
        diag.hints,
        ["cannot access files outside of the project sandbox"]
    );
    for main in [
        "#import \"/templates/../../x.typ\"",
        "#read(\"/templates/../../outside/secret.txt\")",
    ] {
        let diag = denied(main);
        assert!(
            diag.message.ends_with("would escape the project root"),
            "{diag}"
        );
    }
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_templates_directory_are_refused() {
    let (root, secret) = project_with_secret();
    let templates = root.path().join("project/templates");
    std::os::unix::fs::symlink(&secret, templates.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(root.path().join("outside"), templates.join("dir")).unwrap();
    fs::write(templates.join("sub/ok.txt"), "fine").unwrap();
    std::os::unix::fs::symlink(templates.join("sub/ok.txt"), templates.join("inside.txt")).unwrap();
    let project = root.path().join("project");
    for main in [
        "#read(\"/templates/link.txt\")",
        "#read(\"/templates/dir/secret.txt\")",
        "#import \"/templates/dir/x.typ\"",
    ] {
        let diags = compile_err(main, &project);
        assert!(!show(&diags).contains("SECRET"), "{}", show(&diags));
        assert_eq!(
            diags[0].message, "failed to load file (access denied)",
            "{main}"
        );
    }
    // A link that stays inside the templates directory is fine.
    let pdf = compile(
        &fonts(),
        &job("#read(\"/templates/inside.txt\")", &templates),
    );
    assert!(pdf.is_ok(), "{}", show(&pdf.err().unwrap_or_default()));
}

#[test]
fn packages_are_not_fetched() {
    let diag = denied("#import \"@preview/cetz:0.3.0\"");
    assert!(
        diag.message.contains("packages are not available"),
        "{diag}"
    );
}

// --- diagnostics -----------------------------------------------------------

#[test]
fn a_template_syntax_error_points_into_the_template() {
    let dir = project(&[("bad.typ", "#let quote(x) = {\n  [#x\n}\n")]);
    let diags = compile_err(
        "#import \"/templates/bad.typ\": quote\n#quote[hi]",
        dir.path(),
    );
    let diag = &diags[0];
    eprintln!("{}", show(&diags));
    assert_eq!(diag.severity, Severity::Error);
    assert!(
        diag.file.as_ref().unwrap().ends_with("templates/bad.typ"),
        "{diag}"
    );
    assert!(diag.position.is_some(), "{diag}");
    assert!(
        diag.message.starts_with("unclosed") || diag.message.contains("expected"),
        "{diag}"
    );
}

#[test]
fn an_unknown_variable_in_a_template_names_it_and_the_call_site() {
    let dir = project(&[("t.typ", "#let box-it(x) = [\n  #x #undefined-thing\n]\n")]);
    let diags = compile_err(
        "#import \"/templates/t.typ\": box-it\n#box-it[hi]",
        dir.path(),
    );
    eprintln!("{}", show(&diags));
    let diag = &diags[0];
    assert_eq!(diag.message, "unknown variable: undefined-thing");
    assert!(
        diag.file.as_ref().unwrap().ends_with("templates/t.typ"),
        "{diag}"
    );
    assert_eq!(diag.position, Some((2, 7)));
    assert_eq!(diag.source_line.as_deref(), Some("  #x #undefined-thing"));
    assert!(
        diag.hints
            .iter()
            .any(|h| h == "while calling `box-it` at main.typ (generated):2:2"),
        "{diag}"
    );
}

#[test]
fn warnings_are_returned_with_the_pdf() {
    let pdf = compile_ok("#set text(font: \"No Such Font\")\nHello");
    let text = show(&pdf.warnings);
    assert!(
        pdf.warnings.iter().all(|w| w.severity == Severity::Warning),
        "{text}"
    );
    assert!(text.contains("unknown font family: no such font"), "{text}");
}

// --- standards -------------------------------------------------------------

#[test]
fn standard_names_match_typst_and_typos_get_a_suggestion() {
    for (name, standard) in STANDARDS {
        assert_eq!(serde_json::to_value(standard).unwrap(), *name);
        assert_eq!(parse_standard(name).unwrap(), *standard);
    }
    assert_eq!(parse_standard("A-2B").unwrap(), PdfStandard::A_2b);
    let err = parse_standard("a2b").unwrap_err();
    assert!(
        err.starts_with("unknown PDF standard `a2b` (did you mean `a-2b`?); expected one of 1.4,"),
        "{err}"
    );
    assert!(
        !parse_standard("pdf/x")
            .unwrap_err()
            .contains("did you mean")
    );
}

// --- performance -----------------------------------------------------------

/// Not a benchmark (debug build, dependencies at opt-level 2), but it shows
/// the order of magnitude and that a warm compile reuses Typst's cache.
#[test]
fn a_three_page_brief_compiles_quickly() {
    let mut main = String::from("#set document(title: \"Timing\")\n#set page(paper: \"a4\")\n");
    for page in 0..3 {
        if page > 0 {
            main.push_str("#pagebreak()\n");
        }
        main.push_str(&format!("= Section {page}\n"));
        for n in 0..4 {
            main.push_str(&format!(
                "#lorem(80)#footnote[Note {page}.{n}, 习近平.]\n\n"
            ));
        }
    }
    let dir = project(&[]);
    let job = job(&main, &dir.path().join("templates"));
    let cold = compile(&fonts(), &job).unwrap();
    let same = compile(&fonts(), &job).unwrap();
    let other = Job {
        main: main.replace("lorem(80)", "lorem(81)"),
        ..job
    };
    let edited = compile(&fonts(), &other).unwrap();
    assert_eq!((cold.pages, same.pages, edited.pages), (3, 3, 3));
    eprintln!(
        "3 pages: first in process {:?}; same again {:?}; edited text {:?}",
        cold.timings, same.timings, edited.timings
    );
}

#[test]
fn pdf_ua_needs_a_title_and_says_how_to_set_it() {
    let dir = project(&[]);
    let mut job = job("Hello", &dir.path().join("templates"));
    job.standard = Some(PdfStandard::Ua_1);
    let diags = compile(&fonts(), &job).unwrap_err();
    assert_eq!(diags[0].message, "PDF/UA-1 error: missing document title");
    assert_eq!(
        diags[0].hints,
        ["set the title with `set document(title: [...])`"]
    );
    job.main = CJK.to_owned();
    assert!(compile(&fonts(), &job).is_ok());
}
