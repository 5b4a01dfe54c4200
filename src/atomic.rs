//! Files replaced whole or not at all.
//!
//! Every file `brief` writes into an output directory (Markdown, PDF, Typst
//! source, manifest, edition records) goes through [`write`]: the bytes go to
//! a hidden temporary file in the same directory, which is then renamed over
//! the old file. A rename within one directory is atomic, so a reader, or a
//! `brief` killed at any instant, sees either the previous complete file or
//! the new complete one, never a mix. A kill can leave the temporary file
//! behind; the next build, holding the output directory's lock, removes it
//! ([`remove_stale_temporaries`]).

use std::path::Path;

/// Writes `contents` to `path` atomically (see the module documentation).
pub fn write(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = dir.join(temporary_name(&name, std::process::id()));
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// `.NAME.PID.tmp`: hidden, so the watcher and scanners skip it, and tagged
/// with the writer, so two processes never share one.
fn temporary_name(name: &str, pid: u32) -> String {
    format!(".{name}.{pid}.tmp")
}

fn is_temporary_name(name: &str) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    match inner.rsplit_once('.') {
        Some((file, pid)) => {
            !file.is_empty() && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Removes the temporaries that killed writers left under `dir`. Only call
/// it while holding the directory's lock: a live writer's temporary would go
/// too. Returns how many were removed.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| is_temporary_name(&e.file_name().to_string_lossy()))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised_and_nothing_else() {
        let name = temporary_name("brief.pdf", 4242);
        assert_eq!(name, ".brief.pdf.4242.tmp");
        assert!(is_temporary_name(&name));
        for other in [
            "brief.pdf",
            ".brief.lock",
            ".x.tmp",
            ".brief.pdf.12a.tmp",
            "..1.tmp",
            "notes.2025.tmp",
        ] {
            assert!(!is_temporary_name(other), "{other}");
        }
    }

    #[test]
    fn replaces_whole_and_cleans_up_leftovers() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/a.md");
        write(&path, b"old").expect("write");
        write(&path, b"new").expect("rewrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        let leftover = dir.path().join("sub").join(temporary_name("a.md", 7));
        std::fs::write(&leftover, b"half").expect("leftover");
        std::fs::write(dir.path().join(".keep.tmp"), b"x").expect("other file");
        assert_eq!(remove_stale_temporaries(dir.path()), 1);
        assert!(!leftover.exists());
        assert!(dir.path().join(".keep.tmp").exists());
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
    }
}
