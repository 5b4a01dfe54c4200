//! The command line against hostile surroundings (issue 13, items 5, 10 and
//! part of 13): the analyst's own footnotes beside generated ones, a full or
//! closed stdout, absurd numbers for options, terminal escapes in corpus
//! text, an unreadable document, `--out` naming a file.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{brief, command, fixture, repo, text, write_spec};

/// The footnotes pandoc reads in a Markdown file, in order, as plain text;
/// and the body text before the notes, whose `[n]` markers point into them.
fn pandoc_plain(md: &Path) -> (String, BTreeMap<usize, String>) {
    let out = Command::new("pandoc")
        .args(["-f", "gfm", "-t", "plain", "--wrap=none"])
        .arg(md)
        .output()
        .expect("pandoc is installed (.ci/run installs it)");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let plain = text(&out.stdout);
    // pandoc's plain writer ends the text with the notes: `[1] text`.
    let start = plain.find("\n[1] ").expect("pandoc found notes") + 1;
    let (body, notes) = plain.split_at(start);
    let mut found = BTreeMap::new();
    for line in notes.lines().filter(|l| l.starts_with('[')) {
        let (n, note) = line[1..].split_once("] ").unwrap();
        found.insert(n.parse().unwrap(), note.to_string());
    }
    (body.to_string(), found)
}

/// The note number pandoc or pdftotext shows right after `anchor` in `body`.
fn marker_after(body: &str, anchor: &str, open: &str, close: &str) -> usize {
    let at = body
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor:?} in {body}"));
    let rest = body[at + anchor.len()..]
        .strip_prefix(open)
        .unwrap_or_else(|| {
            panic!("a note marker after {anchor:?}: {body}");
        });
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    assert!(rest[digits.len()..].starts_with(close), "{rest}");
    digits.parse().unwrap()
}

/// Prose that defines `[^1]` itself, beside a figure whose generated note
/// would also be `[^1]`.
const ANALYST_NOTES: &str = "title: Notes\ndate: 2025-03-03\nsections:\n  - id: s\n    title: S\n    blocks:\n      - text: |\n          Officials counted {{figure:alpha/f-more-than-3000}} says the analyst.[^1] Mine too.[^n]\n\n          [^1]: Fabricated source\n\n          [^n]: Second remark\n      - quotes: [alpha/q-we-left-because-the-factory]\n";

#[test]
fn analyst_footnotes_never_take_a_generated_note_in_markdown() {
    let dir = fixture("regen");
    write_spec(dir.path(), ANALYST_NOTES);
    let out = brief(dir.path(), &["build", "briefs/t.yaml", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = dir.path().join("out/t/brief.md");
    let (body, notes) = pandoc_plain(&md);
    let figure = marker_after(&body, "more than 3,000", "[", "]");
    let own = marker_after(&body, "says the analyst.", "[", "]");
    let second = marker_after(&body, "Mine too.", "[", "]");
    let quote = marker_after(&body, "Li Ming", "[", "]");
    assert!(notes[&figure].starts_with("Ann Writer"), "{notes:?}");
    assert_eq!(notes[&own], "Fabricated source", "{notes:?}");
    assert_eq!(notes[&second], "Second remark", "{notes:?}");
    assert!(notes[&quote].contains("Alpha report"), "{notes:?}");
    assert_eq!(notes.len(), 4, "{notes:?}");
}

#[test]
fn analyst_footnotes_keep_their_own_text_in_the_pdf() {
    let dir = fixture("regen");
    write_spec(dir.path(), ANALYST_NOTES);
    let out = brief(dir.path(), &["build", "briefs/t.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pdf = Command::new("pdftotext")
        .args(["-raw"])
        .arg(dir.path().join("out/t/brief.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let page = text(&pdf.stdout).replace('\u{a0}', " ");
    // Typst sets each note's number as a superscript: pdftotext puts it
    // right after the text it marks, and at the start of the note's line,
    // with no space between (unlike a date's "3 March").
    let note_text = |n: usize| {
        page.lines()
            .find_map(|l| {
                l.strip_prefix(&n.to_string())
                    .filter(|t| t.starts_with(char::is_alphabetic))
            })
            .unwrap_or_else(|| panic!("note {n} in {page}"))
            .trim()
            .to_string()
    };
    let figure = marker_after(&page, "more than 3,000", "", " ");
    let own = marker_after(&page, "says the analyst.", "", " ");
    let second = marker_after(&page, "Mine too.", "", "\n");
    assert!(note_text(figure).starts_with("Ann Writer"), "{page}");
    assert_eq!(note_text(own), "Fabricated source", "{page}");
    assert_eq!(note_text(second), "Second remark", "{page}");
}

#[test]
fn a_figure_cited_inside_an_analyst_footnote_still_typesets() {
    // The footnote is never referenced: its figure's note was defined in
    // it, and every later use of that figure referred to a missing label.
    let dir = fixture("regen");
    write_spec(
        dir.path(),
        "title: Notes\ndate: 2025-03-03\nsections:\n  - id: s\n    title: S\n    blocks:\n      - text: |\n          Counted {{figure:alpha/f-more-than-3000}} again.\n\n          [^unused]: See {{figure:alpha/f-more-than-3000}}.\n",
    );
    let out = brief(dir.path(), &["build", "briefs/t.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(dir.path().join("out/t/brief.pdf").is_file());
}

/// Every file under `dir` (relative path → bytes), the lock file left out.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all = crate::common::files_under(dir);
    all.remove(".brief.lock");
    all
}

/// The output directory of an ordinary build of the regen fixture.
fn normal_build() -> BTreeMap<String, Vec<u8>> {
    let dir = fixture("regen");
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    files(&dir.path().join("out"))
}

#[test]
fn a_full_stdout_is_an_io_error_after_a_complete_build() {
    let dir = fixture("regen");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = command(dir.path(), &["build"])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: cannot write to standard output: no space left on device"),
        "{stderr}"
    );
    assert_eq!(files(&dir.path().join("out")), normal_build());
}

#[test]
fn a_stdout_closed_after_one_line_ends_quietly_after_a_complete_build() {
    let dir = fixture("regen");
    let mut child = command(dir.path(), &["build"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    assert!(first.starts_with("rebuilding "), "{first}");
    drop(reader);
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
    assert_eq!(files(&dir.path().join("out")), normal_build());
}

#[test]
fn poll_is_bounded_with_a_clear_error() {
    let dir = fixture("regen");
    for poll in ["9223372036854775807", "18446744073709551615", "0", "86401"] {
        let out = brief(dir.path(), &["schedule", "--poll", poll]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--poll {poll}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(stderr.contains("--poll"), "{stderr}");
        assert!(stderr.contains("1..=86400"), "{stderr}");
    }
    assert!(!dir.path().join("out").exists());
}

/// A corpus whose document carries terminal escape sequences and other
/// controls in its title, a quote, a figure's sentence and a heading.
fn escaping_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpus")).unwrap();
    std::fs::write(
        dir.path().join("corpus/esc.md"),
        "---\ntitle: \"Clear \\e[2J\\e]0;owned\\a title\"\noutlet: Daily\n---\n\n## Head\u{1b}[31ming\u{9b}1m\n\n“We left \u{1b}[2Jbecause\u{7f} the factory closed,” said Li Ming.\n\nOfficials counted more than 3,000 arrivals\u{1b}[8m in May 2024.\n",
    )
    .unwrap();
    dir
}

/// Whether a string somewhere in `value` holds `c`.
fn holds(value: &serde_json::Value, c: char) -> bool {
    match value {
        serde_json::Value::String(s) => s.contains(c),
        serde_json::Value::Array(items) => items.iter().any(|v| holds(v, c)),
        serde_json::Value::Object(map) => map.values().any(|v| holds(v, c)),
        _ => false,
    }
}

fn assert_no_controls(out: &str) {
    assert!(
        !out.chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{out:?}"
    );
}

#[test]
fn corpus_listings_show_control_characters_instead_of_sending_them() {
    let dir = escaping_corpus();
    for args in [
        &["corpus", "list"][..],
        &["corpus", "show", "esc"],
        &["corpus", "quotes"],
        &["corpus", "figures"],
    ] {
        let out = brief(dir.path(), args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let stdout = text(&out.stdout);
        assert_no_controls(&stdout);
        assert_no_controls(&text(&out.stderr));
        // Figures' fields stop at a control character (the extractor
        // ends a subject or period there); the others carry one.
        if args[1] != "figures" {
            assert!(stdout.contains("\\u{1b}["), "{args:?}: {stdout}");
        }
    }
    let quotes = text(&brief(dir.path(), &["corpus", "quotes"]).stdout);
    assert!(
        quotes.contains("We left \\u{1b}[2Jbecause\\u{7f} the"),
        "{quotes}"
    );
    // JSON stays exact: the same strings, escaped the JSON way.
    for args in [
        &["corpus", "quotes", "--json"][..],
        &["corpus", "show", "esc", "--json"],
        &["corpus", "list", "--json"],
    ] {
        let out = brief(dir.path(), args);
        let stdout = text(&out.stdout);
        assert_no_controls(&stdout);
        let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert!(holds(&value, '\u{1b}'), "{args:?}: {value}");
    }
    let json = text(&brief(dir.path(), &["corpus", "quotes", "--json"]).stdout);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value[0]["text"],
        "We left \u{1b}[2Jbecause\u{7f} the factory closed"
    );
}

#[test]
fn diagnostics_show_control_characters_of_the_lines_they_quote() {
    let dir = escaping_corpus();
    write_spec(
        dir.path(),
        "title: T\u{1b}[2J\ndate: 2025-03-03\nsections:\n  - id: s\n    title: S\u{1b}]0;x\u{7}\n    blocks:\n      - quotes: [esc/q-nope\u{1b}[5m]\n",
    );
    let out = brief(dir.path(), &["check"]);
    let stderr = text(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("\\u{1b}"), "{stderr}");
    assert_no_controls(&stderr);
    assert_no_controls(&text(&out.stdout));
}

#[test]
fn an_unusable_cited_document_is_named_with_its_reason_not_called_removed() {
    let dir = fixture("regen");
    assert_eq!(
        brief(dir.path(), &["build", "--no-pdf"]).status.code(),
        Some(0)
    );
    // Not text any more: the same path as a file that cannot be read.
    let alpha = dir.path().join("corpus/alpha.md");
    std::fs::write(&alpha, b"\xff\xfe\x00binary").unwrap();
    let out = brief(dir.path(), &["build", "--no-pdf"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(!stdout.contains("was removed"), "{stdout}");
    assert!(
        stdout.contains("corpus/alpha.md cannot be used ("),
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("corpus/alpha.md"));
}

#[test]
fn an_unreadable_cited_document_says_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = fixture("regen");
    assert_eq!(
        brief(dir.path(), &["build", "--no-pdf"]).status.code(),
        Some(0)
    );
    let alpha = dir.path().join("corpus/alpha.md");
    std::fs::set_permissions(&alpha, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&alpha).is_ok() {
        // Running as root, which reads any file: nothing to see here.
        eprintln!("skipped: this user reads a file of mode 000");
        return;
    }
    let out = brief(dir.path(), &["build", "--no-pdf"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stdout.contains("was removed"), "{stdout}");
    assert!(
        stdout.contains("corpus/alpha.md cannot be read (permission denied)"),
        "{stdout}"
    );
    assert!(stderr.contains("permission denied"), "{stderr}");
    assert!(stderr.contains("corpus/alpha.md"), "{stderr}");
}

#[test]
fn out_naming_a_file_is_a_usage_error_that_says_so() {
    let dir = fixture("regen");
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "mine").unwrap();
    for cmd in ["build", "check"] {
        let out = brief(dir.path(), &[cmd, "--out", "notes.txt"]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {stderr}");
        assert!(
            stderr.contains("error: the output directory `notes.txt` is a file"),
            "{cmd}: {stderr}"
        );
        assert!(stderr.contains("--out DIR"), "{stderr}");
        assert!(!stderr.contains("exists"), "{stderr}");
    }
    assert_eq!(std::fs::read(&file).unwrap(), b"mine");
}

#[test]
fn an_unknown_audience_is_a_usage_error_with_a_suggestion() {
    let dir = crate::common::project(&[
        (&repo().join("corpus"), "corpus"),
        (&repo().join("briefs"), "briefs"),
    ]);
    let out = brief(
        dir.path(),
        &[
            "build",
            "briefs/overland-route.yaml",
            "--audience",
            "reserchers",
            "--no-pdf",
        ],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("did you mean `researchers`?"), "{stderr}");
    let out = brief(dir.path(), &["build", "--audience", "nope", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}
