//! Hostile and broken input, through the real binary: every case ends in a
//! clear error (file, line, column, reason) or a literal, safe rendering,
//! never a panic, a hang or unbounded memory; nothing is written outside the
//! project, and a failed build leaves earlier good outputs as they were.
//!
//! Big inputs are generated here at run time. Runs that could hang or eat
//! memory go through [`bounded`]: a deadline after which the process is
//! killed, and its peak resident memory read from `/proc/<pid>/status`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use crate::common::{brief, project, repo, text, write_spec};

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const MIB: u64 = 1024 * 1024;

/// A spec with one section and one text block, after `head` (top-level keys).
fn spec(head: &str) -> String {
    format!(
        "title: T\ndate: 2024-06-30\n{head}sections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hi.\n"
    )
}

/// A project with the three small documents of the selector fixture.
fn small_project() -> tempfile::TempDir {
    project(&[(&repo().join("tests/fixtures/selectors/corpus"), "corpus")])
}

/// stderr with the temporary directory's path replaced by `<tmp>`, so
/// messages that name absolute paths can be compared.
fn stderr_of(out: &std::process::Output, dir: &Path) -> String {
    let real = dir.canonicalize().unwrap();
    text(&out.stderr)
        .replace(&real.to_string_lossy().into_owned(), "<tmp>")
        .replace(&dir.to_string_lossy().into_owned(), "<tmp>")
}

/// Every file under `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// How a bounded run ended.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// The largest `VmHWM` (peak resident set) seen while it ran.
    peak: u64,
    took: Duration,
}

/// Runs `brief` like [`common::brief`], but kills it after `deadline` (a
/// failure: a hang) and records its peak memory.
///
/// Memory is the kernel's own high-water mark, `VmHWM` in
/// `/proc/<pid>/status`, sampled every 5 ms: it needs no tool beyond Linux
/// itself (GNU `time` is not installed on a minimal Debian; `prlimit --as`
/// caps address space, which mimalloc's reservations and memory-mapped fonts
/// inflate far beyond real use, so its failures would be noise) and no
/// `unsafe` for `getrusage`. Being a high-water mark, a sample misses only
/// growth in the last few milliseconds before exit; growth without bound
/// shows long before.
fn bounded(dir: &Path, args: &[&str], deadline: Duration) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(dir)
        .env_remove("BRIEF_CORPUS")
        .env("BRIEF_TODAY", "2025-03-03")
        .env("COLUMNS", "200")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief runs");
    // Pipes are drained on threads, so a chatty run cannot block on a full pipe.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).ok();
            text(&bytes)
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            peak = peak.max(vm_hwm(&status).unwrap_or(0));
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!(
                "`brief {}` did not finish in {deadline:?} (peak {} MiB)",
                args.join(" "),
                peak / MIB
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.code(),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
        peak,
        took: started.elapsed(),
    }
}

/// `VmHWM:   123456 kB` in bytes.
fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn assert_within(run: &Run, max_memory: u64, what: &str) {
    assert!(
        run.peak < max_memory,
        "{what}: peak memory {} MiB, more than {} MiB",
        run.peak / MIB,
        max_memory / MIB
    );
    assert!(run.peak > 0, "{what}: memory was never sampled");
}

// ---------------------------------------------------------------- YAML

#[test]
fn tabs_in_spec_indentation_are_an_error_at_the_tab() {
    let dir = small_project();
    write_spec(dir.path(), "title: T\nsections:\n\t- id: s\n\t  title: S\n");
    let out = brief(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(text(&out.stderr));
    // A tab inside a quoted value is text, not indentation.
    write_spec(dir.path(), &spec("subtitle: \"a\\tb\"\n"));
    let out = brief(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn tabs_in_front_matter_are_an_error_and_the_rest_of_the_corpus_loads() {
    let dir = small_project();
    std::fs::write(
        dir.path().join("corpus/tabs.md"),
        "---\ntitle: x\ntags:\n\t- a\n---\nBody.\n",
    )
    .unwrap();
    let out = brief(dir.path(), &["corpus", "list"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(text(&out.stderr));
    assert_eq!(
        text(&out.stdout).lines().count(),
        4,
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn duplicate_keys_are_errors_at_the_second() {
    let dir = small_project();
    write_spec(
        dir.path(),
        "title: T\naudiences:\n  press: {label: a}\n  press: {label: b}\nsections: []\n",
    );
    let out = brief(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: invalid YAML: duplicate key `press`
 --> briefs/t.yaml:4:3
  |
4 |   press: {label: b}
  |   ^
briefs/t.yaml: 1 error; nothing written
"
    );
    std::fs::write(
        dir.path().join("corpus/dup.md"),
        "---\ntitle: a\nauthor: b\ntitle: c\n---\nBody.\n",
    )
    .unwrap();
    let out = brief(dir.path(), &["corpus", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: invalid front matter: duplicate key `title`
 --> corpus/dup.md:4:1
  |
4 | title: c
  | ^
"
    );
}

#[test]
fn wrong_types_say_what_was_expected_in_spec_and_front_matter() {
    let dir = small_project();
    write_spec(
        dir.path(),
        "title: T\ndate: 2024-06-30\naudiences: [press]\nsections:\n  - id: s\n    title: S\n    audiences: {press: yes}\n    blocks: 3\n  - hello\n",
    );
    let out = brief(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(text(&out.stderr));
    std::fs::write(
        dir.path().join("corpus/types.md"),
        "---\ntitle: x\ntags: {a: b}\n---\nBody.\n",
    )
    .unwrap();
    let out = brief(dir.path(), &["corpus", "list"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(text(&out.stderr));
}

#[test]
fn unknown_keys_suggest_the_nearest_in_spec_and_front_matter() {
    let dir = small_project();
    write_spec(
        dir.path(),
        "title: T\nsumary: S\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - excerpt: {doc: alpha, paragraph: 1}\n",
    );
    let out = brief(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(text(&out.stderr));
    std::fs::write(
        dir.path().join("corpus/keys.md"),
        "---\ntitle: x\nautor: y\n---\nBody.\n",
    )
    .unwrap();
    let out = brief(dir.path(), &["corpus", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: invalid front matter: unknown field `autor`
 --> corpus/keys.md:3:1
  |
3 | autor: y
  | ^
  = help: did you mean `author`?
"
    );
}

/// Ten anchors, each a list of ten aliases of the one before: 10^10 values
/// if expanded.
fn alias_bomb(tail: &str) -> String {
    let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (name, prev) in ('b'..='k').zip('a'..) {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        yaml.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    yaml + tail
}

#[test]
fn alias_bombs_are_refused_quickly_in_spec_and_front_matter() {
    let dir = small_project();
    write_spec(dir.path(), &alias_bomb(&spec("")));
    let run = bounded(dir.path(), &["check"], Duration::from_secs(60));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: invalid YAML: too large: more than 250000 values once aliases (`*name`) are expanded
 --> briefs/t.yaml:6:12
  |
6 | f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
  |            ^
briefs/t.yaml: 1 error; nothing written
"
    );
    assert_within(&run, 400 * MIB, "spec alias bomb");

    std::fs::remove_file(dir.path().join("briefs/t.yaml")).unwrap();
    std::fs::write(
        dir.path().join("corpus/bomb.md"),
        format!("---\n{}---\nBody.\n", alias_bomb("")),
    )
    .unwrap();
    let run = bounded(dir.path(), &["corpus", "list"], Duration::from_secs(60));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    // Front matter is read into known fields, so the bomb's first unknown
    // key stops it before any alias is expanded.
    assert!(
        run.stderr.starts_with(
            "error: invalid front matter: unknown field `a`\n --> corpus/bomb.md:2:1\n"
        ),
        "{}",
        run.stderr
    );
    assert_within(&run, 400 * MIB, "front matter alias bomb");
    assert_eq!(run.stdout.lines().count(), 4, "{}", run.stdout);
    // The same bomb inside a known field.
    let inside = alias_bomb("")
        .lines()
        .map(|l| format!("  - {}", l.split_once(": ").unwrap().1))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(
        dir.path().join("corpus/bomb.md"),
        format!("---\ntags:\n{inside}\n---\nBody.\n"),
    )
    .unwrap();
    let run = bounded(dir.path(), &["corpus", "list"], Duration::from_secs(60));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "error: invalid front matter: expected string scalar\n --> corpus/bomb.md:3:8\n"
        ),
        "{}",
        run.stderr
    );
    assert_within(&run, 400 * MIB, "front matter alias bomb in tags");
}

#[test]
fn deep_nesting_is_refused_quickly_in_spec_and_front_matter() {
    let dir = small_project();
    let flow = format!(
        "title: T\nsections: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let block: String = (0..1000)
        .map(|i| format!("{}- \n", " ".repeat(i)))
        .collect();
    for (yaml, message, at) in [
        (flow, "nested more than 255 levels deep", "2:266"),
        (
            format!("title: T\nsections:\n{block}"),
            "nested more than 64 levels deep",
            "66:64",
        ),
    ] {
        write_spec(dir.path(), &yaml);
        let run = bounded(dir.path(), &["check"], Duration::from_secs(60));
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert!(
            run.stderr
                .starts_with(&format!("error: invalid YAML: {message}\n"))
                && run.stderr.contains(&format!("--> briefs/t.yaml:{at}\n")),
            "{}",
            &run.stderr[..run.stderr.len().min(400)]
        );
        assert_within(&run, 200 * MIB, message);
    }
    std::fs::remove_file(dir.path().join("briefs/t.yaml")).unwrap();
    std::fs::write(
        dir.path().join("corpus/deep.md"),
        format!(
            "---\ntags: {}{}\n---\nBody.\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    )
    .unwrap();
    let run = bounded(dir.path(), &["corpus", "list"], Duration::from_secs(60));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "error: invalid front matter: nested more than 255 levels deep\n --> corpus/deep.md:2:"
        ),
        "{}",
        &run.stderr[..run.stderr.len().min(400)]
    );
    assert_within(&run, 200 * MIB, "deep front matter");
}

// ---------------------------------------------------------------- corpus files

#[test]
fn binary_and_invalid_utf8_documents_are_skipped_and_the_brief_still_builds() {
    let dir = small_project();
    let corpus = dir.path().join("corpus");
    std::fs::write(
        corpus.join("latin1.md"),
        b"---\ntitle: caf\xe9\n---\nBody.\n",
    )
    .unwrap();
    std::fs::write(corpus.join("image.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(corpus.join("utf16.txt"), b"\xff\xfeH\0i\0\n\0").unwrap();
    std::fs::write(
        corpus.join("cut.md"),
        &"Ends in the middle of \u{4e2d}".as_bytes()[..24],
    )
    .unwrap();
    write_spec(
        dir.path(),
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - quotes: [{doc: alpha}]\n",
    );
    let out = brief(dir.path(), &["build", "--no-pdf"]);
    // The brief is built; the unusable files make the run's status 1.
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    insta::assert_snapshot!(text(&out.stderr));
    let md = std::fs::read_to_string(dir.path().join("out/t/brief.md")).unwrap();
    assert!(md.contains("We left because the factory closed"), "{md}");
}

/// 50 MB of ordinary prose in one document: loaded, extracted and cited in
/// bounded time and memory.
#[test]
fn a_50_mb_document_builds_in_bounded_time_and_memory() {
    let dir = small_project();
    let paragraph = "Officials said that 5,000 people crossed in 2024, and “we will go on walking until we arrive,” said Li Ming. About 12 percent more came than last year.";
    let mut body = String::from("---\ntitle: Big\n---\n\n");
    let mut n = 0;
    while body.len() < 50 * 1024 * 1024 {
        n += 1;
        body.push_str(paragraph);
        body.push_str(if n % 5 == 0 {
            "\n\n## More\n\n"
        } else {
            "\n\n"
        });
    }
    std::fs::write(dir.path().join("corpus/big.md"), &body).unwrap();
    drop(body);
    write_spec(
        dir.path(),
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - quotes: [{doc: big, limit: 2}]\n      - figures: [{doc: big, limit: 2}]\n      - excerpt: {doc: big, paragraphs: 3}\n",
    );
    let run = bounded(dir.path(), &["build"], Duration::from_secs(300));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("built briefs/t.yaml → out/t/brief.pdf"),
        "{}",
        run.stdout
    );
    let md = std::fs::read_to_string(dir.path().join("out/t/brief.md")).unwrap();
    assert!(
        md.contains("> we will go on walking until we arrive"),
        "{md}"
    );
    assert_within(&run, 1536 * MIB, "50 MB document");
    eprintln!(
        "50 MB document: {:?}, peak {} MiB",
        run.took,
        run.peak / MIB
    );
}

/// One paragraph of 100,000 characters, quotes and figures inside it, ending
/// in a quotation that is never closed: extracted, quoted, excerpted and
/// typeset; the open quote runs to the end of the document.
#[test]
fn a_100000_character_paragraph_ending_in_an_unclosed_quote() {
    let dir = small_project();
    let sentence = "Officials counted 5,000 arrivals and “we walked for days,” said Li Ming. ";
    let mut body = String::from("---\ntitle: Long\n---\n\n");
    while body.chars().count() < 100_000 {
        body.push_str(sentence);
    }
    body.push_str("Then he said: “and this never ends, it goes on and on and on");
    std::fs::write(dir.path().join("corpus/long.md"), &body).unwrap();

    let out = brief(dir.path(), &["corpus", "quotes", "--doc", "long", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let quotes: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let last = quotes.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["unclosed"], true, "{last}");
    // A quotation of its own ("…,” said Li Ming. Then he said: “…"): two
    // sentences stand between it and the quote before, so it does not
    // interrupt that one, and "he" is Li Ming. It runs to the end.
    assert_eq!(
        last["text"], "and this never ends, it goes on and on and on",
        "{last}"
    );
    assert_eq!(last["speaker"], "Li Ming", "{last}");
    let body_len = body.len() - "---\ntitle: Long\n---\n".len();
    assert_eq!(last["end"], body_len, "{last}");

    write_spec(
        dir.path(),
        &format!(
            "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - quotes: [{}]\n      - excerpt: {{doc: long, paragraphs: 1}}\n      - figures: [{{doc: long, limit: 1}}]\n",
            last["id"].as_str().unwrap()
        ),
    );
    let run = bounded(dir.path(), &["build"], Duration::from_secs(120));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let md = std::fs::read_to_string(dir.path().join("out/t/brief.md")).unwrap();
    assert!(
        md.contains("and this never ends, it goes on and on and on\n"),
        "{md:.300}"
    );
    let excerpt = md.lines().find(|l| l.len() > 100_000);
    assert!(excerpt.is_some(), "the excerpt is the whole paragraph");
    assert!(dir.path().join("out/t/brief.pdf").is_file());
    assert_within(&run, 1024 * MIB, "100,000-character paragraph");
}

#[test]
fn an_empty_corpus_is_listed_empty_and_a_selector_over_it_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpus")).unwrap();
    let out = brief(dir.path(), &["corpus", "list", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "[]");
    write_spec(
        dir.path(),
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hi.\n      - quotes: [{doc: alpha}]\n",
    );
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(text(&out.stderr));
    assert!(!dir.path().join("out/t").exists());
}

#[test]
fn a_missing_corpus_directory_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    write_spec(dir.path(), &spec(""));
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "error: no corpus found: no `corpus/` directory above the spec
 --> briefs/t.yaml
  = help: add `corpus: PATH` to the spec, or pass --corpus DIR
briefs/t.yaml: 1 error; nothing written
"
    );
    let out = brief(dir.path(), &["build", "--corpus", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(text(&out.stderr));
    let out = brief(dir.path(), &["corpus", "list", "--corpus", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: failed to read corpus directory `nowhere` (not found)\n  = help: create it, or pass another directory with --corpus DIR\n"
    );
}

#[test]
fn duplicate_ids_are_errors_and_the_first_document_keeps_its_id() {
    let dir = small_project();
    std::fs::write(
        dir.path().join("corpus/zeta.md"),
        "---\nid: alpha\ntitle: Impostor\n---\n\n“We never said any of these words at all,” said Eve.\n",
    )
    .unwrap();
    write_spec(
        dir.path(),
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - quotes: [{doc: alpha}]\n  - id: s\n    title: Again\n    blocks:\n      - text: Hi.\n",
    );
    let out = brief(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(text(&out.stderr));
    assert!(!dir.path().join("out/t").exists());
    // Without the duplicate section the brief builds from the first `alpha`.
    write_spec(
        dir.path(),
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - quotes: [{doc: alpha}]\n",
    );
    let out = brief(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(1), "the duplicate still counts");
    let md = std::fs::read_to_string(dir.path().join("out/t/brief.md")).unwrap();
    assert!(
        md.contains("We left because") && !md.contains("Impostor"),
        "{md}"
    );
}

// ---------------------------------------------------------------- the sandbox

/// A project whose `briefs/good.yaml` built once; returns its outputs.
fn built_project() -> (tempfile::TempDir, BTreeMap<PathBuf, Vec<u8>>) {
    let dir = small_project();
    std::fs::create_dir_all(dir.path().join("briefs")).unwrap();
    std::fs::write(dir.path().join("briefs/good.yaml"), spec("")).unwrap();
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let outputs = snapshot(&dir.path().join("out/good"));
    (dir, outputs)
}

#[test]
fn a_spec_corpus_outside_the_project_is_refused() {
    let (dir, before) = built_project();
    let outside = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/selectors/corpus/alpha.md"),
        outside.path().join("alpha.md"),
    )
    .unwrap();
    let up = format!(
        "../{}",
        pathdiff(outside.path(), &dir.path().join("briefs"))
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linked")).unwrap();
    for (corpus, reason) in [
        ("/etc".to_string(), "corpus `/etc` is outside the project".to_string()),
        (up.clone(), format!("corpus `briefs/{up}` is outside the project")),
        ("../linked".into(), "corpus `briefs/../linked` is a symbolic link (or goes through one) to `<out>`, outside the project".into()),
    ] {
        write_spec(dir.path(), &spec(&format!("corpus: {corpus}\n")));
        let out = brief(dir.path(), &["build"]);
        assert_eq!(out.status.code(), Some(2), "{corpus}");
        let stderr = stderr_of(&out, dir.path())
            .replace(&outside.path().canonicalize().unwrap().to_string_lossy().into_owned(), "<out>");
        assert_eq!(
            stderr,
            format!(
                "error: {reason}
 --> briefs/t.yaml:3:9
  |
3 | corpus: {corpus}
  |         ^
  = help: a spec reads only a corpus inside its project (the directory that holds `briefs/`); for another, drop `corpus:` and pass --corpus DIR
briefs/t.yaml: 1 error; nothing written
"
            ),
        );
        // The good spec is still up to date and its outputs untouched.
        assert!(text(&out.stdout).contains("0 rebuilt, 1 up to date"), "{}", text(&out.stdout));
        assert_eq!(snapshot(&dir.path().join("out/good")), before);
    }
    // `corpus: ../corpus` from briefs/ is the project's own: fine.
    write_spec(dir.path(), &spec("corpus: ../corpus\n"));
    assert_eq!(brief(dir.path(), &["check"]).status.code(), Some(0));
    // --corpus is the analyst's own choice and may point anywhere.
    write_spec(dir.path(), &spec(""));
    let out = brief(
        dir.path(),
        &["check", "--corpus", &outside.path().to_string_lossy()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// `a` relative to `b`, both absolute, through their common ancestor.
fn pathdiff(a: &Path, b: &Path) -> String {
    let (a, b) = (a.canonicalize().unwrap(), b.canonicalize().unwrap());
    let common = a
        .ancestors()
        .find(|c| b.starts_with(c))
        .unwrap()
        .to_path_buf();
    let ups = b.strip_prefix(&common).unwrap().components().count();
    let mut rel = "../".repeat(ups.saturating_sub(1));
    rel.push_str(&a.strip_prefix(&common).unwrap().to_string_lossy());
    rel
}

#[cfg(unix)]
#[test]
fn project_directories_linked_out_of_the_project_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    let corpus = outside.path().join("corpus");
    common::copy_dir(&repo().join("tests/fixtures/selectors/corpus"), &corpus);
    let templates = outside.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::copy(
        repo().join("templates/brief.typ"),
        templates.join("brief.typ"),
    )
    .unwrap();

    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&corpus, dir.path().join("corpus")).unwrap();
    write_spec(dir.path(), &spec(""));
    let out = brief(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr_of(&out, dir.path()).replace(
        &outside
            .path()
            .canonicalize()
            .unwrap()
            .to_string_lossy()
            .into_owned(),
        "<out>",
    );
    assert_eq!(
        stderr,
        "error: corpus `corpus` is a symbolic link (or goes through one) to `<out>/corpus`, outside the project
 --> briefs/t.yaml
  = help: a spec reads only a corpus inside its project; for another, pass --corpus DIR
briefs/t.yaml: 1 error; nothing written
"
    );
    std::fs::remove_file(dir.path().join("corpus")).unwrap();
    common::copy_dir(
        &repo().join("tests/fixtures/selectors/corpus"),
        &dir.path().join("corpus"),
    );
    std::os::unix::fs::symlink(&templates, dir.path().join("templates")).unwrap();
    let out = brief(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = stderr_of(&out, dir.path()).replace(
        &outside
            .path()
            .canonicalize()
            .unwrap()
            .to_string_lossy()
            .into_owned(),
        "<out>",
    );
    assert!(
        stderr.starts_with("error: templates `templates` is a symbolic link (or goes through one) to `<out>/templates`, outside the project\n"),
        "{stderr}"
    );
}

#[test]
fn template_paths_out_of_templates_are_refused_at_the_spec_line() {
    let dir = small_project();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    for template in [
        "/etc/passwd",
        "templates/../../etc/x.typ",
        "../../etc/x.typ",
        "/templates/x.typ",
    ] {
        write_spec(dir.path(), &spec(&format!("template: {template}\n")));
        let out = brief(dir.path(), &["check"]);
        assert_eq!(out.status.code(), Some(1), "{template}");
        assert_eq!(
            text(&out.stderr),
            format!(
                "error: template `{template}` is not a `.typ` file under templates/
 --> briefs/t.yaml:3:11
  |
3 | template: {template}
  |           ^
  = help: templates live in the project's templates/ directory, e.g. `template: templates/brief.typ`
briefs/t.yaml: 1 error; nothing written
"
            )
        );
    }
}

/// Typst code in a template reads only `templates/`: `#read` and `#image` of
/// host files fail at the template line, and a template that is a link out
/// of `templates/` is not read.
#[test]
fn template_code_cannot_read_host_files() {
    let (dir, before) = built_project();
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(secret.path().join("secret.txt"), "SECRET-CONTENT").unwrap();
    let secret_file = secret.path().join("secret.txt");
    let cases = [
        (
            "read.typ",
            "#let x = read(\"../../etc/passwd\")\n".to_string(),
            "error: path `\"../../etc/passwd\"` would escape the project root\n --> templates/read.typ:1:15\n",
        ),
        (
            "image.typ",
            "#image(\"/etc/hostname\")\n".to_string(),
            "error: file not found (searched at /etc/hostname)\n --> templates/image.typ:1:8\n",
        ),
        (
            "abs.typ",
            format!("#read({:?})\n", secret_file.to_string_lossy()),
            "error: file not found (searched at ",
        ),
    ];
    for (name, source, expected) in &cases {
        std::fs::write(templates.join(name), source).unwrap();
        write_spec(dir.path(), &spec(&format!("template: templates/{name}\n")));
        let out = brief(dir.path(), &["build"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with(expected), "{name}: {stderr}");
        assert!(
            !stderr.contains("root:") && !stderr.contains("SECRET"),
            "{stderr}"
        );
        assert!(
            stderr.ends_with("out/t/brief.md: not written (the PDF failed)\n"),
            "{stderr}"
        );
        assert!(!dir.path().join("out/t").exists());
        assert_eq!(snapshot(&dir.path().join("out/good")), before);
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret_file, templates.join("link.typ")).unwrap();
        write_spec(dir.path(), &spec("template: templates/link.typ\n"));
        let out = brief(dir.path(), &["build"]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with("error: failed to load file (access denied)"),
            "{stderr}"
        );
        assert!(!stderr.contains("SECRET"), "{stderr}");
        assert!(!dir.path().join("out/t").exists());
    }
}

#[test]
fn excerpts_name_documents_not_paths() {
    let dir = small_project();
    write_spec(
        dir.path(),
        "title: T\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - excerpt: ../../etc/passwd\n      - excerpt: {doc: /etc/passwd, paragraphs: 1}\n      - excerpt: ../corpus/alpha#intro\n",
    );
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(text(&out.stderr));
    assert!(!dir.path().join("out").join("t").exists());
}

#[test]
fn an_audience_id_cannot_lead_an_output_out_of_its_directory() {
    let (dir, before) = built_project();
    let target = dir.path().join("pwned.md");
    write_spec(
        dir.path(),
        "title: T\ndate: 2024-06-30\naudiences:\n  ../../pwned: {label: x}\n  /tmp/pwned: {label: y}\nsections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hi.\n",
    );
    let out = brief(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(text(&out.stderr));
    assert!(!target.exists());
    assert!(
        !text(&out.stdout).contains("pwned"),
        "{}",
        text(&out.stdout)
    );
    assert!(!dir.path().join("out/t").exists());
    assert_eq!(snapshot(&dir.path().join("out/good")), before);
}

#[test]
fn out_may_be_elsewhere_but_not_through_a_link_inside_it() {
    let (dir, before) = built_project();
    // --out elsewhere is a documented choice of the analyst.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = brief(
        dir.path(),
        &[
            "build",
            "--no-pdf",
            "--out",
            &elsewhere.path().join("o").to_string_lossy(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(elsewhere.path().join("o/good/brief.md").is_file());
    #[cfg(unix)]
    {
        // A directory inside out/ that links elsewhere is not written through.
        let victim = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("briefs/t.yaml"), spec("")).unwrap();
        std::os::unix::fs::symlink(victim.path(), dir.path().join("out/t")).unwrap();
        let out = brief(dir.path(), &["build"]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        let stderr = stderr_of(&out, dir.path()).replace(
            &victim
                .path()
                .canonicalize()
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            "<victim>",
        );
        insta::assert_snapshot!(stderr);
        assert_eq!(std::fs::read_dir(victim.path()).unwrap().count(), 0);
        assert_eq!(snapshot(&dir.path().join("out/good")), before);

        // The default out/ itself linked out of the project: refused too.
        std::fs::remove_file(dir.path().join("out/t")).unwrap();
        let moved = victim.path().join("out");
        std::fs::rename(dir.path().join("out"), &moved).unwrap();
        std::os::unix::fs::symlink(&moved, dir.path().join("out")).unwrap();
        let out = brief(dir.path(), &["build", "--force"]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("is a symbolic link (or goes through one) to"),
            "{}",
            text(&out.stderr)
        );
        assert_eq!(snapshot(&moved.join("good")), before);
        assert!(!moved.join("t").exists());
    }
}

#[cfg(unix)]
#[test]
fn links_in_the_corpus_are_skipped_not_followed() {
    let dir = small_project();
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(
        secret.path().join("secret.md"),
        "---\ntitle: Secret\n---\n\n“This is the secret text of another file,” said Mallory.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        secret.path().join("secret.md"),
        dir.path().join("corpus/leak.md"),
    )
    .unwrap();
    let out = brief(dir.path(), &["corpus", "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "warning: skipped: a symbolic link\n --> corpus/leak.md\n  = help: the corpus reads only regular files and directories; copy the document in\n"
    );
    assert!(!text(&out.stdout).contains("Secret"));
}

// ---------------------------------------------------------------- markup

/// Markdown, HTML and Typst syntax in every text field of a document's front
/// matter and body and of a spec: printed literally in the Markdown (pandoc
/// finds no markup) and in the PDF (pdftotext finds the characters). The
/// analyst's prose (`summary`, `text`) is Markdown by design, so it gets
/// Typst syntax only, which must reach the PDF as text.
#[test]
fn markup_in_every_text_field_comes_out_literally() {
    let payload =
        r#"*b* _i_ [l](http://x.example) <b>h</b> #read("/etc/passwd") $x$ @r [^1] | \ `c`"#;
    let yaml = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let p = yaml(payload);
    let typst = r#"#read("/etc/passwd") #set page(width: 1pt) ] // not a comment"#;
    let t = yaml(typst);
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpus")).unwrap();
    std::fs::write(
        dir.path().join("corpus/doc.md"),
        format!(
            "---\nid: doc\ntitle: {p}\noutlet: {p}\nauthor: {p}\ntranslator: {p}\neditor: {p}\npublished: 2024-01\nurl: https://x.example/a\nlanguage: en\ntags: [{p}]\noriginal:\n  title: {p}\n  author: {p}\n  outlet: {p}\n  url: https://x.example/o\n  language: zh\n---\n\n## Heading {payload}\n\n“Every word here is {payload} and true,” said Mal Lory.\n\nThere were 7,000 {payload} people in 2024.\n"
        ),
    )
    .unwrap();
    write_spec(
        dir.path(),
        &format!(
            "title: {p}\nsubtitle: {p}\norganisation: {p}\nauthor: {p}\ndate: 2024-06-30\nsummary: {t}\naudiences:\n  all:\n    label: {p}\n    note: {p}\nsections:\n  - id: s\n    title: {p}\n    blocks:\n      - text: {t}\n      - quotes: [{{doc: doc}}]\n      - figures: [{{doc: doc}}]\n      - figures: [{{doc: doc}}]\n        as: list\n      - excerpt: {{doc: doc, paragraphs: 1}}\n"
        ),
    );
    let out = brief(dir.path(), &["build", "--emit", "typst"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let md = dir.path().join("out/t/all.md");
    let json = Command::new("pandoc")
        .args(["-f", "markdown", "-t", "json"])
        .arg(&md)
        .output()
        .expect("pandoc is installed (.ci/run installs it)");
    let json = text(&json.stdout);
    for markup in ["RawInline", "RawBlock", "Code", "Math", "Cite"] {
        assert!(
            !json.contains(&format!("\"t\":\"{markup}")),
            "pandoc found {markup}"
        );
    }
    // The only links are the document's own URLs in its notes.
    assert!(
        !json.contains("http://x.example\""),
        "a link from the payload"
    );

    let pdf = dir.path().join("out/t/all.pdf");
    let shown = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let shown = text(&shown.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let words = payload.split_whitespace().collect::<Vec<_>>().join(" ");
    let count = shown.matches(&words).count();
    // Title, subtitle, organisation, author, summary, label, note, section
    // title, text, quote, figure, excerpt and the document's fields in notes.
    assert!(count >= 12, "the payload shows {count} times in\n{shown}");
    assert!(!shown.contains("root:"));
    // Typst sets the prose's straight quotes as curly ones.
    let typst_words = typst.replace("(\"", "(“").replace("\")", "”)");
    assert_eq!(shown.matches(&typst_words).count(), 2, "{shown}");
    let typ = std::fs::read_to_string(dir.path().join("out/t/all.typ")).unwrap();
    assert!(
        !typ.contains("#read(\"/etc"),
        "unescaped Typst code in\n{typ}"
    );
}
