//! `brief corpus add`: the real binary adding files to a temporary project's
//! corpus, and what the corpus then holds.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::{brief, text};

/// A project whose corpus holds one document, `existing.md`.
const EXISTING: &str =
    "---\ntitle: Existing article\noutlet: VOA\n---\n\nThe existing article's only paragraph.\n";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    std::fs::write(dir.path().join("corpus/existing.md"), EXISTING).unwrap();
    dir
}

fn write(dir: &Path, name: &str, content: &str) {
    std::fs::write(dir.join(name), content).unwrap();
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// The files in the corpus directory, hidden ones too (a left-over
/// temporary file would be a bug).
fn corpus_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `brief` with `input` on standard input (as `common::brief` sets it up otherwise).
fn brief_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(dir)
        .env_remove("BRIEF_CORPUS")
        .env("BRIEF_TODAY", "2025-03-03")
        .env("COLUMNS", "200")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

const ARTICLE: &str = "Border arrivals rise again\n\nThe ministry said the number rose by 12% in 2023.\n\n“We cannot stop them all,” said Chen Bo, a border official.\n";

#[test]
fn plain_text_with_flags_becomes_a_document() {
    let dir = project();
    write(dir.path(), "arrivals.txt", ARTICLE);
    let out = brief(
        dir.path(),
        &[
            "corpus",
            "add",
            "arrivals.txt",
            "--outlet",
            "The Example Times",
            "--author",
            "Jane Doe",
            "--published",
            "2023-10-05",
            "--url",
            "https://example.org/arrivals",
            "--tag",
            "border",
            "--tag",
            "asylum",
        ],
    );
    assert_exit(&out, 0);
    assert_eq!(
        text(&out.stdout),
        "added corpus/border-arrivals-rise-again.md (border-arrivals-rise-again, 21 words, 1 quote, 1 figure)\n"
    );
    assert_eq!(text(&out.stderr), "");
    assert_eq!(
        read(dir.path(), "corpus/border-arrivals-rise-again.md"),
        "---\nid: border-arrivals-rise-again\ntitle: Border arrivals rise again\noutlet: The Example Times\nauthor: Jane Doe\npublished: 2023-10-05\nurl: https://example.org/arrivals\ntags: [border, asylum]\n---\n\nThe ministry said the number rose by 12% in 2023.\n\n“We cannot stop them all,” said Chen Bo, a border official.\n"
    );
    assert_eq!(
        corpus_files(dir.path()),
        ["border-arrivals-rise-again.md", "existing.md"]
    );

    let list = brief(dir.path(), &["corpus", "list", "--json"]);
    assert_exit(&list, 0);
    let docs: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(
        docs[0],
        serde_json::json!({
            "id": "border-arrivals-rise-again",
            "path": "corpus/border-arrivals-rise-again.md",
            "title": "Border arrivals rise again",
            "outlet": "The Example Times",
            "author": "Jane Doe",
            "published": "2023-10-05",
            "url": "https://example.org/arrivals",
            "tags": ["border", "asylum"],
            "words": 21
        })
    );
    assert_eq!(docs.as_array().unwrap().len(), 2);
}

#[test]
fn standard_input_needs_an_id_or_a_title() {
    let dir = project();
    let out = brief_stdin(
        dir.path(),
        &["corpus", "add", "-", "--id", "pasted", "--outlet", "RFA"],
        "\u{feff}A pasted paragraph.\r\n\r\nAnd another.\r\n\r\n\r\n".as_bytes(),
    );
    assert_exit(&out, 0);
    assert_eq!(
        text(&out.stdout),
        "added corpus/pasted.md (pasted, 5 words, 0 quotes, 0 figures)\n"
    );
    assert_eq!(
        read(dir.path(), "corpus/pasted.md"),
        "---\nid: pasted\noutlet: RFA\n---\n\nA pasted paragraph.\n\nAnd another.\n"
    );

    // A title (here from front matter on standard input) gives the id.
    let out = brief_stdin(
        dir.path(),
        &["corpus", "add", "-"],
        b"---\ntitle: Piped In\nauthor: Li Wei\n---\nPiped text.\n",
    );
    assert_exit(&out, 0);
    assert_eq!(
        text(&out.stdout),
        "added corpus/piped-in.md (piped-in, 2 words, 0 quotes, 0 figures)\n"
    );

    let out = brief_stdin(dir.path(), &["corpus", "add", "-"], b"No title here.\n");
    assert_exit(&out, 2);
    assert_eq!(
        text(&out.stderr),
        "error: cannot choose an id for standard input: it has no title, and standard input has no file name\n --> <stdin>\n  = help: pass --id ID\n"
    );
    assert_eq!(
        corpus_files(dir.path()),
        ["existing.md", "pasted.md", "piped-in.md"]
    );
}

#[test]
fn front_matter_is_kept_and_flags_override_it_with_a_note() {
    let dir = project();
    write(
        dir.path(),
        "report.md",
        "---\ntitle: Old headline\nauthor: Huang Liling\npublished: 2023\ntags: [asylum]\noriginal:\n  title: 大逃亡\n  language: zh\n---\n\n## The numbers\n\nOver 1.16 million sought asylum.\n",
    );
    let out = brief(
        dir.path(),
        &[
            "corpus",
            "add",
            "report.md",
            "--title",
            "Mass exodus",
            "--author",
            "Huang Liling",
            "--tag",
            "statistics",
        ],
    );
    assert_exit(&out, 0);
    assert_eq!(
        text(&out.stderr),
        "note: report.md: --title replaces `Old headline` from the front matter\n"
    );
    assert_eq!(
        text(&out.stdout),
        "added corpus/mass-exodus.md (mass-exodus, 7 words, 0 quotes, 1 figure)\n"
    );
    assert_eq!(
        read(dir.path(), "corpus/mass-exodus.md"),
        "---\nid: mass-exodus\ntitle: Mass exodus\nauthor: Huang Liling\npublished: 2023\ntags: [asylum, statistics]\noriginal:\n  title: 大逃亡\n  language: zh\n---\n\n## The numbers\n\nOver 1.16 million sought asylum.\n"
    );
}

#[test]
fn the_same_text_is_refused_even_with_other_line_endings() {
    let dir = project();
    let body = "The existing article's only paragraph.\n";
    write(dir.path(), "again.md", body);
    write(
        dir.path(),
        "crlf.md",
        &format!(
            "---\ntitle: Copy\n---\r\n\r\n{}",
            body.replace('\n', "\r\n")
        ),
    );
    let out = brief(
        dir.path(),
        &["corpus", "add", "again.md", "crlf.md", "--outlet", "X"],
    );
    assert_exit(&out, 1);
    assert_eq!(text(&out.stdout), "");
    assert_eq!(
        text(&out.stderr),
        "error: already in the corpus: the text is the same as `corpus/existing.md`\n --> again.md\n  = help: texts are compared without line endings and surrounding whitespace; nothing was added\nerror: already in the corpus: the text is the same as `corpus/existing.md`\n --> crlf.md\n  = help: texts are compared without line endings and surrounding whitespace; nothing was added\n"
    );
    assert_eq!(corpus_files(dir.path()), ["existing.md"]);
}

#[test]
fn a_taken_id_is_refused_and_the_existing_file_untouched() {
    let dir = project();
    write(dir.path(), "new.txt", "Another title\nDifferent text.\n");
    let out = brief(
        dir.path(),
        &["corpus", "add", "new.txt", "--id", "existing"],
    );
    assert_exit(&out, 1);
    assert_eq!(
        text(&out.stderr),
        "error: id `existing` is already taken by `corpus/existing.md`\n --> new.txt\n  = help: pass --id with another id (one file at a time); nothing was added\n"
    );
    assert_eq!(read(dir.path(), "corpus/existing.md"), EXISTING);

    // A file of that name that the corpus cannot load is not replaced either.
    write(
        dir.path(),
        "corpus/broken.md",
        "---\ntitel: x\n---\nBroken.\n",
    );
    let out = brief(dir.path(), &["corpus", "add", "new.txt", "--id", "broken"]);
    assert_exit(&out, 1);
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("warning: 1 problem(s) in corpus keep files out of the corpus; new documents are not compared with them\n  = help: `brief corpus list` shows them\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("error: id `broken` is already taken by `corpus/broken.md`\n --> new.txt\n  = help: pass --id with another id (one file at a time); nothing was added\n"),
        "{stderr}"
    );
    assert_eq!(
        read(dir.path(), "corpus/broken.md"),
        "---\ntitel: x\n---\nBroken.\n"
    );
    assert_eq!(corpus_files(dir.path()), ["broken.md", "existing.md"]);
}

#[test]
fn bad_flags_are_usage_errors_with_exact_messages() {
    let dir = project();
    write(dir.path(), "a.txt", "Title\nText.\n");
    let cases: [(&[&str], &str); 5] = [
        (
            &["--published", "May 2023"],
            "error: invalid --published: expected a date like 2023-10-05, 2023-10 or 2023, found `May 2023`\n",
        ),
        (
            &["--published", "2023-02-30"],
            "error: invalid --published: `2023-02-30` is not a calendar date\n",
        ),
        (
            &["--url", "example.org/a"],
            "error: invalid --url `example.org/a`: expected an http(s) URL\n  = help: give the article's address, e.g. https://example.org/article\n",
        ),
        (
            &["--id", "a/b"],
            "error: invalid --id `a/b`: `/` is not allowed\n  = help: ids are slugs: letters, digits, `-`, `_` and `.`\n",
        ),
        (
            &["--title", " "],
            "error: --title is empty\n  = help: leave --title out when the source does not state it\n",
        ),
    ];
    for (flags, message) in cases {
        let mut args = vec!["corpus", "add", "a.txt"];
        args.extend(flags);
        let out = brief(dir.path(), &args);
        assert_exit(&out, 2);
        assert_eq!(text(&out.stderr), message, "{flags:?}");
    }

    let out = brief(
        dir.path(),
        &["corpus", "add", "a.txt", "a.txt", "--id", "x"],
    );
    assert_exit(&out, 2);
    assert_eq!(
        text(&out.stderr),
        "error: --id names one document, but 2 files are given\n  = help: add them one at a time to give each an id, or leave --id out: each takes its id from its title or file name\n"
    );
    let out = brief(dir.path(), &["corpus", "add", "-", "-"]);
    assert_exit(&out, 2);
    assert_eq!(
        text(&out.stderr),
        "error: `-` (standard input) is given more than once\n  = help: standard input can be read only once\n"
    );
    assert_eq!(corpus_files(dir.path()), ["existing.md"]);
}

#[test]
fn a_hostile_title_round_trips() {
    let dir = project();
    let title = "\"Title: with # hash\" and 'quotes' - *x*";
    write(
        dir.path(),
        "hostile.md",
        "Body *with* markup: # not a heading.\n",
    );
    let out = brief(
        dir.path(),
        &[
            "corpus",
            "add",
            "hostile.md",
            "--title",
            title,
            "--author=- dash",
            "--tag",
            "a, b",
        ],
    );
    assert_exit(&out, 0);
    let path = dir.path().join("corpus/title-with-hash-and-quotes-x.md");
    let written = std::fs::read(&path).unwrap();
    assert_eq!(
        text(&written),
        "---\nid: title-with-hash-and-quotes-x\ntitle: \"\\\"Title: with # hash\\\" and 'quotes' - *x*\"\nauthor: \"- dash\"\ntags: [\"a, b\"]\n---\n\nBody *with* markup: # not a heading.\n"
    );
    let loaded = brief::corpus::load_file(&path, &written).unwrap();
    let doc = loaded.document;
    assert_eq!(doc.id, "title-with-hash-and-quotes-x");
    assert_eq!(
        doc.meta,
        brief::corpus::Metadata {
            title: Some(title.into()),
            author: Some("- dash".into()),
            tags: vec!["a, b".into()],
            ..Default::default()
        }
    );
    assert_eq!(doc.body, "\nBody *with* markup: # not a heading.\n");
}

#[test]
fn a_second_file_with_the_first_files_text_is_refused() {
    let dir = project();
    write(dir.path(), "first.txt", ARTICLE);
    write(
        dir.path(),
        "second.md",
        &ARTICLE.replace('\n', "\r\n")["Border arrivals rise again\r\n".len()..],
    );
    let out = brief(
        dir.path(),
        &["corpus", "add", "first.txt", "second.md", "--outlet", "X"],
    );
    assert_exit(&out, 1);
    assert_eq!(
        text(&out.stdout),
        "added corpus/border-arrivals-rise-again.md (border-arrivals-rise-again, 21 words, 1 quote, 1 figure)\n"
    );
    assert_eq!(
        text(&out.stderr),
        "error: already in the corpus: the text is the same as `corpus/border-arrivals-rise-again.md`\n --> second.md\n  = help: texts are compared without line endings and surrounding whitespace; nothing was added\n"
    );
    assert_eq!(
        corpus_files(dir.path()),
        ["border-arrivals-rise-again.md", "existing.md"]
    );
}

#[test]
fn a_chinese_title_gives_way_to_the_file_name() {
    let dir = project();
    write(
        dir.path(),
        "voa-exodus.txt",
        "大逃亡?习近平任内中国寻求海外庇护人数直逼116万人\n美国之音报道。\n",
    );
    let out = brief(
        dir.path(),
        &["corpus", "add", "voa-exodus.txt", "--outlet", "VOA"],
    );
    assert_exit(&out, 0);
    assert_eq!(
        text(&out.stdout),
        "added corpus/voa-exodus.md (voa-exodus, 6 words, 0 quotes, 0 figures)\n"
    );
    assert_eq!(
        read(dir.path(), "corpus/voa-exodus.md"),
        "---\nid: voa-exodus\ntitle: 大逃亡?习近平任内中国寻求海外庇护人数直逼116万人\noutlet: VOA\n---\n\n美国之音报道。\n"
    );
}

#[test]
fn unusable_inputs_are_refused_like_corpus_files_and_the_rest_added() {
    let dir = project();
    std::fs::write(dir.path().join("latin1.txt"), b"Title\ncaf\xe9\n").unwrap();
    write(dir.path(), "typo.md", "---\ntitel: Oops\n---\nText.\n");
    write(dir.path(), "fine.txt", "Fine title\nFine text.\n");
    let out = brief(
        dir.path(),
        &[
            "corpus",
            "add",
            "latin1.txt",
            "typo.md",
            "missing.txt",
            "fine.txt",
            "--url",
            "https://x.org",
        ],
    );
    // A missing file is an I/O error, which outranks the refusals.
    assert_exit(&out, 2);
    assert_eq!(
        text(&out.stdout),
        "added corpus/fine-title.md (fine-title, 2 words, 0 quotes, 0 figures)\n"
    );
    assert_eq!(
        text(&out.stderr),
        "error: invalid UTF-8: byte 0xe9 at offset 9 is not valid UTF-8\n --> latin1.txt:2:4\n  |\n2 | caf\n  |    ^\n  = help: re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)\nerror: invalid front matter: unknown field `titel`\n --> typo.md:2:1\n  |\n2 | titel: Oops\n  | ^\n  = help: did you mean `title`?\nerror: failed to read (not found)\n --> missing.txt\n"
    );
}

#[test]
fn plain_text_that_markdown_reads_differently_is_flagged() {
    let dir = project();
    write(
        dir.path(),
        "lines.txt",
        "Line-per-paragraph note\nFirst line.\nSecond line.\n# Not a heading in plain text\n",
    );
    let out = brief(
        dir.path(),
        &["corpus", "add", "lines.txt", "--author", "Li"],
    );
    assert_exit(&out, 0);
    assert_eq!(
        text(&out.stderr),
        "warning: plain text is stored as Markdown, which reads it as 2 paragraphs and 1 heading instead of 3 (one per line)\n --> corpus/line-per-paragraph-note.md\n  = help: each line is stored as a paragraph of its own, but Markdown reads a line that starts with `#`, `-`, `>` or `1.` as structure; check with `brief corpus show line-per-paragraph-note`\n"
    );
}

#[test]
fn a_corpus_document_cannot_be_added_to_its_own_corpus() {
    let dir = project();
    let out = brief(dir.path(), &["corpus", "add", "corpus/existing.md"]);
    assert_exit(&out, 1);
    assert_eq!(
        text(&out.stderr),
        "error: already in the corpus: this file is the document `existing`\n --> corpus/existing.md\n  = help: to give it front matter, move it out of the corpus directory and add it from there\n"
    );
    assert_eq!(read(dir.path(), "corpus/existing.md"), EXISTING);
}

#[test]
fn without_citation_metadata_a_warning_says_so() {
    let dir = project();
    write(dir.path(), "bare.md", "Just text.\n");
    let out = brief(
        dir.path(),
        &["corpus", "add", "bare.md", "--corpus", "corpus"],
    );
    assert_exit(&out, 0);
    assert_eq!(
        text(&out.stderr),
        "warning: outlet, author, published and url are unknown and will be left out of citations\n --> corpus/bare.md\n  = help: pass the ones the source states: --outlet, --author, --published, --url\n"
    );
    assert_eq!(
        read(dir.path(), "corpus/bare.md"),
        "---\nid: bare\n---\n\nJust text.\n"
    );
}

#[test]
fn plain_text_lines_stay_paragraphs_in_the_stored_markdown() {
    let dir = project();
    write(
        dir.path(),
        "lines.txt",
        "Lines of a release\nFirst line.\nSecond line.\n    Indented third line.\n",
    );
    let out = brief(
        dir.path(),
        &["corpus", "add", "lines.txt", "--author", "Li"],
    );
    assert_exit(&out, 0);
    // Three paragraphs, as the `.txt` has: no warning, and the stored body
    // keeps them apart.
    assert!(
        !text(&out.stderr).contains("reads it as"),
        "{}",
        text(&out.stderr)
    );
    let stored = std::fs::read_to_string(dir.path().join("corpus/lines-of-a-release.md")).unwrap();
    assert!(
        stored.ends_with("First line.\n\nSecond line.\n\nIndented third line.\n"),
        "{stored}"
    );
}
