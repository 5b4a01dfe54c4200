//! What a build keeps for the next one in its output directory: the font
//! cache (`out/.brief-fonts`, what a scan of the system's fonts learnt) and
//! the notes (`out/.brief-cites`). They must change nothing but time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::common::{brief, project, repo, text, write_spec};

const SPEC: &str =
    "title: Fonts\nsections:\n  - id: a\n    title: A\n    blocks:\n      - text: Hello, 你好.\n";

fn build(dir: &Path) {
    let out = brief(dir, &["build", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn a_build_keeps_the_font_cache_and_the_pdf_is_the_same_with_it() {
    let dir = project(&[(&repo().join("corpus"), "corpus")]);
    write_spec(dir.path(), SPEC);
    let cache = dir.path().join("out/.brief-fonts");
    let pdf = dir.path().join("out/t/brief.pdf");

    build(dir.path());
    assert!(cache.is_file(), "the first build writes the cache");
    let scanned = std::fs::read(&pdf).unwrap();
    let written = std::fs::metadata(&cache).unwrap().modified().unwrap();

    build(dir.path());
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        scanned,
        "same PDF from the cache"
    );
    let again = std::fs::metadata(&cache).unwrap().modified().unwrap();
    assert_eq!(again, written, "nothing new learnt, nothing rewritten");
}

#[test]
fn a_broken_font_cache_is_read_as_none_and_replaced() {
    let dir = project(&[(&repo().join("corpus"), "corpus")]);
    write_spec(dir.path(), SPEC);
    build(dir.path());
    let pdf = std::fs::read(dir.path().join("out/t/brief.pdf")).unwrap();
    let cache = dir.path().join("out/.brief-fonts");
    std::fs::write(&cache, b"\xbf not a cache").unwrap();
    build(dir.path());
    assert_eq!(
        std::fs::read(dir.path().join("out/t/brief.pdf")).unwrap(),
        pdf
    );
    assert_ne!(std::fs::read(&cache).unwrap(), b"\xbf not a cache");
}

#[test]
fn a_planted_link_as_the_font_cache_is_neither_followed_nor_written_through() {
    let dir = project(&[(&repo().join("corpus"), "corpus")]);
    write_spec(dir.path(), SPEC);
    let victim = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(victim.path(), b"keep me").unwrap();
    std::fs::create_dir_all(dir.path().join("out")).unwrap();
    std::os::unix::fs::symlink(victim.path(), dir.path().join("out/.brief-fonts")).unwrap();
    build(dir.path());
    assert_eq!(std::fs::read(victim.path()).unwrap(), b"keep me");
}

/// The shipped project, built as Markdown only (the notes are the same in
/// every format).
fn shipped() -> tempfile::TempDir {
    project(&[
        (&repo().join("briefs"), "briefs"),
        (&repo().join("corpus"), "corpus"),
        (&repo().join("templates"), "templates"),
    ])
}

fn markdown(dir: &Path) -> Vec<u8> {
    let out = brief(dir, &["build", "--force", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    std::fs::read(dir.join("out/overland-route/researchers.md")).unwrap()
}

#[test]
fn notes_from_the_store_are_the_notes_and_follow_an_edited_source() {
    let dir = shipped();
    let first = markdown(dir.path());
    let store = dir.path().join("out/.brief-cites");
    assert!(store.is_file(), "the first build keeps its notes");
    assert_eq!(markdown(dir.path()), first, "the same notes from the store");

    // An edited title is cited as edited, not as stored.
    let doc = dir.path().join("corpus/fleeing-xi-jinping.md");
    let text = std::fs::read_to_string(&doc).unwrap();
    let edited = text.replacen(
        "title: Growing Number of Chinese Fleeing China and Xi Jinping",
        "title: An Edited Title for This Source",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&doc, edited).unwrap();
    let after = String::from_utf8(markdown(dir.path())).unwrap();
    assert!(after.contains("An Edited Title for This Source"), "{after}");
    assert!(
        !after.contains("Growing Number of Chinese Fleeing"),
        "{after}"
    );
}
