//! One writer per output directory at a time.
//!
//! Two processes building into the same `out/` (two `brief build`s, or
//! `brief watch` and a `brief build`) would each read the manifest, build,
//! and save their own view of it, so the second save forgets the first
//! build's records. Every command that writes an output directory therefore
//! holds an exclusive lock on `out/.brief.lock` for the whole read-build-save
//! cycle; `brief check` holds a shared one while it reads outputs and the
//! manifest, so it never sees a half-finished build.
//!
//! The lock is the operating system's (`flock`), so it is released when the
//! holder exits, even on SIGKILL: a stale lock file is harmless and is never
//! deleted (deleting a lock file races with the next process that opens it).
//! The holder writes who it is into the file, so a waiting process can say
//! what it is waiting for.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use rustix::fs::{CWD, FileType, Mode, OFlags};

/// The lock file's name inside the output directory.
pub const FILE_NAME: &str = ".brief.lock";

/// Whether to wait for the current holder or give up at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    Block,
    NoWait,
}

/// A held lock; dropping it (or exiting) releases it.
#[derive(Debug)]
pub struct OutLock {
    _file: File,
}

#[derive(Debug)]
pub enum LockError {
    /// Someone else holds it and `Wait::NoWait` was asked for.
    Busy { path: PathBuf, holder: String },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Busy { path, holder } => write!(
                f,
                "`{}` is locked: {holder} is writing this output directory (not waiting, because of --no-wait)",
                path.display()
            ),
            LockError::Io { path, error } => write!(
                f,
                "cannot lock `{}`: {}",
                path.display(),
                crate::diag::io_reason(error)
            ),
        }
    }
}

/// Takes the exclusive lock on `out_dir` (created if missing) for `command`
/// (e.g. "brief build"). When another process holds it, tells `waiting`
/// and waits, unless `wait` is `NoWait`.
pub fn exclusive(
    out_dir: &Path,
    command: &str,
    wait: Wait,
    waiting: &mut dyn FnMut(&Path, &str),
) -> Result<OutLock, LockError> {
    let path = out_dir.join(FILE_NAME);
    let io = |error| LockError::Io {
        path: path.clone(),
        error,
    };
    std::fs::create_dir_all(out_dir).map_err(io)?;
    let mut file = open(out_dir, OFlags::RDWR | OFlags::CREATE).map_err(io)?;
    acquire(&mut file, &path, wait, waiting, File::try_lock, File::lock)?;
    // Who holds it, for the messages of those who wait. Best effort: the
    // lock itself is what protects the directory. Written at the start of
    // the file, whatever reading the last holder's name moved the offset to.
    let since = crate::clock::now().format("%Y-%m-%d %H:%M:%S UTC");
    let who = format!("{command} (pid {}, since {since})\n", std::process::id());
    let _ = file
        .set_len(0)
        .and_then(|()| file.write_all_at(who.as_bytes(), 0));
    Ok(OutLock { _file: file })
}

/// Takes a shared lock, for reading outputs and the manifest while no build
/// writes them. `None` when there is no output directory (nothing to read).
pub fn shared(
    out_dir: &Path,
    waiting: &mut dyn FnMut(&Path, &str),
) -> Result<Option<OutLock>, LockError> {
    let path = out_dir.join(FILE_NAME);
    let mut file = match open(out_dir, OFlags::RDONLY) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(LockError::Io { path, error }),
    };
    acquire(
        &mut file,
        &path,
        Wait::Block,
        waiting,
        File::try_lock_shared,
        File::lock_shared,
    )?;
    Ok(Some(OutLock { _file: file }))
}

/// Opens the lock file without following a link, and only if it is brief's
/// own: a regular file with no other name. A lock file that is a symbolic
/// or hard link to a file elsewhere would otherwise be truncated and
/// written, whatever it points to.
fn open(out_dir: &Path, flags: OFlags) -> std::io::Result<File> {
    let dir = if out_dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        out_dir
    };
    let fd = rustix::fs::openat(
        CWD,
        dir.join(FILE_NAME),
        flags | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK,
        Mode::from_raw_mode(0o644),
    )
    .map_err(|e| match e {
        rustix::io::Errno::LOOP => not_ours("a symbolic link"),
        e => e.into(),
    })?;
    let stat = rustix::fs::fstat(&fd)?;
    if FileType::from_raw_mode(stat.st_mode) != FileType::RegularFile {
        return Err(not_ours("not a regular file"));
    }
    if stat.st_nlink > 1 {
        return Err(not_ours("a hard link to another file"));
    }
    Ok(File::from(fd))
}

fn not_ours(what: &str) -> std::io::Error {
    std::io::Error::other(format!(
        "it is {what}, not brief's lock file; brief will not write through it (remove it, and check who put it there)"
    ))
}

fn acquire(
    file: &mut File,
    path: &Path,
    wait: Wait,
    waiting: &mut dyn FnMut(&Path, &str),
    try_lock: fn(&File) -> Result<(), TryLockError>,
    lock: fn(&File) -> std::io::Result<()>,
) -> Result<(), LockError> {
    let io = |error| LockError::Io {
        path: path.to_path_buf(),
        error,
    };
    match try_lock(file) {
        Ok(()) => return Ok(()),
        Err(TryLockError::Error(e)) => return Err(io(e)),
        Err(TryLockError::WouldBlock) => {}
    }
    let holder = holder(file);
    if wait == Wait::NoWait {
        return Err(LockError::Busy {
            path: path.to_path_buf(),
            holder,
        });
    }
    waiting(path, &holder);
    lock(file).map_err(io)
}

/// What the holder wrote about itself, or a generic name when it has not
/// written yet (it writes just after locking).
fn holder(file: &mut File) -> String {
    let mut text = String::new();
    let read = file
        .rewind()
        .and_then(|()| file.take(200).read_to_string(&mut text));
    match read {
        Ok(_) if !text.trim().is_empty() => text.trim().to_string(),
        _ => "another brief process".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_without_waiting_and_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first =
            exclusive(dir.path(), "brief watch", Wait::NoWait, &mut |_, _| {}).expect("first lock");
        let second = exclusive(dir.path(), "brief build", Wait::NoWait, &mut |_, _| {});
        match second {
            Err(LockError::Busy { holder, .. }) => {
                assert!(holder.starts_with("brief watch (pid "), "{holder}");
            }
            other => panic!("expected Busy, got {other:?}"),
        }
        drop(first);
        exclusive(dir.path(), "brief build", Wait::NoWait, &mut |_, _| {})
            .expect("free after drop");
    }

    #[test]
    fn readers_share_but_exclude_writers() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(
            shared(dir.path(), &mut |_, _| {})
                .expect("no dir yet")
                .is_none()
        );
        drop(exclusive(dir.path(), "brief build", Wait::NoWait, &mut |_, _| {}).expect("lock"));
        let a = shared(dir.path(), &mut |_, _| {})
            .expect("shared")
            .expect("file exists");
        let b = shared(dir.path(), &mut |_, _| {})
            .expect("shared")
            .expect("file exists");
        assert!(matches!(
            exclusive(dir.path(), "brief build", Wait::NoWait, &mut |_, _| {}),
            Err(LockError::Busy { .. })
        ));
        drop((a, b));
        exclusive(dir.path(), "brief build", Wait::NoWait, &mut |_, _| {}).expect("free");
    }

    #[test]
    fn a_lock_file_that_is_a_link_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).expect("out");
        let victim = dir.path().join("precious.txt");
        std::fs::write(&victim, "precious\n").expect("victim");
        std::os::unix::fs::symlink(&victim, out.join(FILE_NAME)).expect("symlink");
        let err =
            exclusive(&out, "brief build", Wait::NoWait, &mut |_, _| {}).expect_err("refused");
        assert!(
            err.to_string()
                .contains("a symbolic link, not brief's lock file"),
            "{err}"
        );
        assert!(
            shared(&out, &mut |_, _| {}).is_err(),
            "readers refuse it too"
        );
        std::fs::remove_file(out.join(FILE_NAME)).expect("unlink");
        std::fs::hard_link(&victim, out.join(FILE_NAME)).expect("hard link");
        let err =
            exclusive(&out, "brief build", Wait::NoWait, &mut |_, _| {}).expect_err("refused");
        assert!(err.to_string().contains("a hard link"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&victim).expect("read"),
            "precious\n"
        );
    }

    #[test]
    fn the_holder_is_written_at_the_start_without_padding() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first =
            exclusive(dir.path(), "brief watch", Wait::NoWait, &mut |_, _| {}).expect("first");
        let waiter = {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || exclusive(&path, "brief build", Wait::Block, &mut |_, _| {}))
        };
        // The waiter reads the holder's name (moving its offset) and waits.
        std::thread::sleep(std::time::Duration::from_millis(200));
        drop(first);
        let second = waiter.join().expect("thread").expect("second");
        let text = std::fs::read(dir.path().join(FILE_NAME)).expect("read");
        assert!(!text.contains(&0), "{text:?}");
        assert!(text.starts_with(b"brief build (pid "), "{text:?}");
        drop(second);
    }
}
