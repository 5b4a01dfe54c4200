//! Writes: nothing is written outside the project or through a link, only
//! brief's own temporaries are cleaned up, a full disk or a damaged
//! manifest loses nothing, and `brief check` finds files on disk that are
//! not the ones their build wrote.

use std::path::Path;
use std::process::Command;

use crate::common::{brief, command, fixture, text};

const VICTIM: &str = "precious\n";

/// A file outside the project that nothing may touch.
fn victim(outside: &Path) -> std::path::PathBuf {
    let path = outside.join("precious.txt");
    std::fs::write(&path, VICTIM).unwrap();
    path
}

fn assert_untouched(path: &Path) {
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        VICTIM,
        "{}",
        path.display()
    );
}

fn ok(out: &std::process::Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_planted_lock_link_is_refused_by_every_writer() {
    let project = fixture("regen");
    let outside = tempfile::tempdir().unwrap();
    let target = victim(outside.path());
    let d = project.path();
    std::fs::create_dir_all(d.join("out")).unwrap();
    std::os::unix::fs::symlink(&target, d.join("out/.brief.lock")).unwrap();
    for args in [
        &["build"][..],
        &["schedule", "--once", "--now", "2025-03-03T08:00:00Z"][..],
        &["check"][..],
    ] {
        let out = brief(d, args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("is a symbolic link, not brief's lock file"),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_untouched(&target);
    }
    // A hard link is no better.
    std::fs::remove_file(d.join("out/.brief.lock")).unwrap();
    std::fs::hard_link(&target, d.join("out/.brief.lock")).unwrap();
    let out = brief(d, &["build"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("a hard link"),
        "{}",
        text(&out.stderr)
    );
    assert_untouched(&target);
}

#[test]
fn links_planted_in_the_output_directory_are_never_written_through() {
    let project = fixture("regen");
    let outside = tempfile::tempdir().unwrap();
    let target = victim(outside.path());
    let d = project.path();
    ok(&brief(d, &["build", "--no-pdf"]));
    // The output file itself a link: replaced by the new file, not followed.
    let md = d.join("out/voices/brief.md");
    std::fs::remove_file(&md).unwrap();
    std::os::unix::fs::symlink(&target, &md).unwrap();
    ok(&brief(d, &["build", "--no-pdf"]));
    assert_untouched(&target);
    assert!(md.symlink_metadata().unwrap().file_type().is_file());

    // brief's temporary directory a link out: refused.
    std::fs::remove_dir_all(d.join("out/.brief-tmp")).unwrap();
    std::os::unix::fs::symlink(outside.path(), d.join("out/.brief-tmp")).unwrap();
    let out = brief(d, &["build", "--no-pdf", "--force"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(".brief-tmp` is a symbolic link"),
        "{}",
        text(&out.stderr)
    );
    let beside: Vec<_> = std::fs::read_dir(outside.path()).unwrap().collect();
    assert_eq!(beside.len(), 1, "only the victim stays outside");
    assert_untouched(&target);
    std::fs::remove_file(d.join("out/.brief-tmp")).unwrap();

    // A spec's output directory a link out: refused, nothing written there.
    std::fs::remove_dir_all(d.join("out/voices")).unwrap();
    std::os::unix::fs::symlink(outside.path(), d.join("out/voices")).unwrap();
    let out = brief(d, &["build", "--no-pdf", "--force"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("is a symbolic link"),
        "{}",
        text(&out.stderr)
    );
    let beside: Vec<_> = std::fs::read_dir(outside.path()).unwrap().collect();
    assert_eq!(beside.len(), 1, "only the victim stays outside");
    // The other specs were still built.
    assert!(d.join("out/beta-only/brief.md").is_file());
}

#[test]
fn only_brief_s_own_temporaries_are_cleaned_up() {
    let project = fixture("regen");
    let d = project.path();
    let keep = [
        "out/deep/.budget.2024.tmp",
        "out/.notes.1.tmp",
        "out/voices/.brief.md.4242.tmp",
    ];
    for k in keep {
        std::fs::create_dir_all(d.join(k).parent().unwrap()).unwrap();
        std::fs::write(d.join(k), "the user's\n").unwrap();
    }
    // A temporary a killed build left in brief's own directory goes.
    std::fs::create_dir_all(d.join("out/.brief-tmp")).unwrap();
    std::fs::write(d.join("out/.brief-tmp/999999.0.tmp"), "half").unwrap();
    ok(&brief(d, &["build", "--no-pdf"]));
    for k in keep {
        assert_eq!(
            std::fs::read_to_string(d.join(k)).unwrap(),
            "the user's\n",
            "{k}"
        );
    }
    assert_eq!(
        std::fs::read_dir(d.join("out/.brief-tmp")).unwrap().count(),
        0
    );
}

#[test]
fn check_finds_outputs_changed_deleted_or_mixed_and_build_repairs_them() {
    let project = fixture("regen");
    let d = project.path();
    ok(&brief(d, &["build"]));
    ok(&brief(d, &["check"]));
    let md = d.join("out/voices/brief.md");
    let pdf = d.join("out/voices/brief.pdf");
    let old_pdf = read(&pdf);

    // New Markdown beside the old PDF, as a kill between the two renames
    // leaves them: build a changed spec, then put the old PDF back.
    let spec = d.join("briefs/voices.yaml");
    let revised = std::fs::read_to_string(&spec)
        .unwrap()
        .replace("title: Li Ming's voice", "title: Li Ming's voice, revised");
    std::fs::write(&spec, revised).unwrap();
    ok(&brief(d, &["build"]));
    std::fs::write(&pdf, &old_pdf).unwrap();
    let out = brief(d, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("out/voices/brief.pdf is not the file brief built"),
        "{err}"
    );
    assert!(
        !err.contains("brief.md is not"),
        "the Markdown is as built: {err}"
    );

    // A deleted output is found too.
    std::fs::remove_file(d.join("out/beta-only/brief.md")).unwrap();
    let out = brief(d, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("out/beta-only/brief.md is missing"),
        "{}",
        text(&out.stderr)
    );

    // The next build rebuilds exactly those outputs, saying why.
    let out = brief(d, &["build"]);
    ok(&out);
    let said = text(&out.stdout);
    assert!(
        said.contains("brief.pdf is not the file brief built"),
        "{said}"
    );
    assert!(said.contains("brief.md is missing"), "{said}");
    assert!(said.contains("2 rebuilt, 1 up to date"), "{said}");
    ok(&brief(d, &["check"]));
    assert!(text(&read(&md)).contains("revised"));
}

/// A disk that fills (here a file-size limit, with SIGXFSZ ignored as a
/// full disk would not raise it) fails the write of the PDF before any file
/// of the output is replaced: the old Markdown and PDF stay, as a pair, and
/// no partial temporary is left.
#[test]
fn a_full_disk_replaces_nothing_and_leaves_no_partial_files() {
    let project = fixture("regen");
    let d = project.path();
    ok(&brief(d, &["build"]));
    let before_md = read(&d.join("out/voices/brief.md"));
    let before_pdf = read(&d.join("out/voices/brief.pdf"));
    let spec = d.join("briefs/voices.yaml");
    let revised = std::fs::read_to_string(&spec)
        .unwrap()
        .replace("title: Li Ming's voice", "title: Li Ming's voice, revised");
    std::fs::write(&spec, revised).unwrap();

    // 16 KiB: the Markdown fits, the PDF (tens of KiB) does not.
    assert!(before_pdf.len() > 16 * 1024 && before_md.len() < 16 * 1024);
    let brief_bin = command(d, &[]).get_program().to_owned();
    let out = Command::new("bash")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 16; exec \"$0\" build")
        .arg(&brief_bin)
        .current_dir(d)
        .env("BRIEF_TODAY", "2025-03-03")
        .env_remove("BRIEF_CORPUS")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("cannot write `out/voices/brief.md` and its files"),
        "{err}"
    );
    assert!(err.contains("nothing of this output was replaced"), "{err}");
    assert_eq!(read(&d.join("out/voices/brief.md")), before_md);
    assert_eq!(read(&d.join("out/voices/brief.pdf")), before_pdf);
    assert_eq!(
        std::fs::read_dir(d.join("out/.brief-tmp")).unwrap().count(),
        0
    );
    // What is on disk is still one build's pair, and the next build, with
    // room, finishes the job.
    ok(&brief(d, &["check"]));
    let out = brief(d, &["build"]);
    ok(&out);
    assert!(
        text(&out.stdout).contains("rebuilding briefs/voices.yaml"),
        "{}",
        text(&out.stdout)
    );
    ok(&brief(d, &["check"]));
}

/// A hand-damaged manifest names brief's own lock, a user's file, and paths
/// out of the output directory as files an output no longer builds: none of
/// them is removed, because brief removes only a file that is still exactly
/// what it wrote.
#[test]
fn a_damaged_manifest_cannot_make_a_build_delete_what_it_did_not_write() {
    let project = fixture("regen");
    let outside = tempfile::tempdir().unwrap();
    let target = victim(outside.path());
    let d = project.path();
    ok(&brief(d, &["build", "--no-pdf"]));
    std::fs::write(d.join("out/notes.txt"), "the user's\n").unwrap();
    let path = d.join("out/brief-manifest.json");
    let mut manifest: serde_json::Value = serde_json::from_slice(&read(&path)).unwrap();
    let lock_hash = blake3::hash(&read(&d.join("out/.brief.lock")))
        .to_hex()
        .to_string();
    let notes_hash = blake3::hash(b"the user's\n").to_hex().to_string();
    let extra = serde_json::json!([
        {"path": ".brief.lock", "hash": lock_hash},
        {"path": "notes.txt", "hash": "0000"},
        {"path": target.to_string_lossy(), "hash": blake3::hash(VICTIM.as_bytes()).to_hex().to_string()},
        {"path": "../../precious.txt", "hash": "0000"},
        {"path": "brief-manifest.json", "hash": notes_hash},
    ]);
    let files = manifest["outputs"]["voices/brief.md"]["files"]
        .as_array_mut()
        .unwrap();
    files.extend(extra.as_array().unwrap().iter().cloned());
    std::fs::write(&path, serde_json::to_vec(&manifest).unwrap()).unwrap();
    ok(&brief(d, &["build", "--no-pdf", "--force"]));
    assert!(d.join("out/.brief.lock").is_file());
    assert_eq!(
        std::fs::read_to_string(d.join("out/notes.txt")).unwrap(),
        "the user's\n"
    );
    assert_untouched(&target);
    assert!(d.join("out/brief-manifest.json").is_file());
}

#[test]
fn corpus_add_never_writes_through_a_linked_corpus() {
    let project = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let d = project.path();
    std::fs::create_dir_all(d.join("briefs")).unwrap();
    std::os::unix::fs::symlink(outside.path(), d.join("corpus")).unwrap();
    std::fs::write(d.join("new.md"), "---\ntitle: New\n---\nA new text.\n").unwrap();
    let out = brief(d, &["corpus", "add", "new.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("is a symbolic link (or goes through one)"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    // Named on the command line, the same directory is the user's choice.
    let out = brief(d, &["corpus", "add", "new.md", "--corpus", "corpus"]);
    ok(&out);
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 1);
}

#[test]
fn concurrent_adds_of_one_text_accept_exactly_one() {
    let project = fixture("regen");
    let d = project.path();
    let body = "---\ntitle: Same text\n---\nThe same words, four times at once.\n";
    for i in 0..4 {
        std::fs::write(d.join(format!("in{i}.md")), body).unwrap();
    }
    let children: Vec<_> = (0..4)
        .map(|i| {
            let name = format!("in{i}.md");
            command(d, &["corpus", "add", &name, "--id", &format!("same-{i}")])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let codes: Vec<Option<i32>> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap().status.code())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        1,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == Some(1)).count(),
        3,
        "{codes:?}"
    );
    let added = std::fs::read_dir(d.join("corpus"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("same-")
        })
        .count();
    assert_eq!(added, 1);
}
