//! Files replaced whole or not at all, only inside their output directory,
//! and never through a link.
//!
//! Every file `brief` writes into an output directory (Markdown, PDF, SVG,
//! Typst source, manifests, edition records) goes through an [`OutDir`]:
//!
//! - **Only inside.** Each directory on the way from the output directory to
//!   the file is opened relative to the one before with `O_NOFOLLOW`, so a
//!   symbolic link planted anywhere below the output directory (a
//!   subdirectory, the file itself, the temporary) is refused, never
//!   followed. Checking paths first and opening them later would leave a
//!   window in which a link could be swapped in; opening relative to held
//!   directories does not.
//! - **Whole or not at all.** The bytes go to a temporary file created with
//!   `O_CREAT | O_EXCL` (a name that exists, link or not, is never opened)
//!   in brief's own directory `.brief-tmp/`, are synced to disk, and then
//!   renamed over the target. A rename replaces a link rather than writing
//!   through it, and is atomic: a reader, or a `brief` killed at any
//!   instant, sees the previous complete file or the new one. The directory
//!   is synced after the rename, so the new name survives a power loss.
//! - **Several files together.** [`OutDir::stage`] writes and syncs every
//!   temporary of an output (charts, Markdown, PDF) before it renames any,
//!   so a full disk or an unwritable file fails before anything is
//!   replaced. Between the renames a kill can still leave new Markdown
//!   beside the old PDF; the manifest records each file's hash, and `brief
//!   check` and the next build find and repair exactly that.
//! - **Cleaning up only what is ours.** Temporaries live only in
//!   `.brief-tmp/`, so the clean-up after a killed build
//!   ([`OutDir::remove_stale_temporaries`]) empties that directory and
//!   touches nothing else: a user's `.budget.2024.tmp` anywhere in the
//!   output directory is not brief's.
//!
//! The output directory itself is the user's choice (`--out`) and is opened
//! as named; the sandbox check that the default `out/` is not a link out of
//! the project happens before (`cli::build`).

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Write};
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rustix::fs::{AtFlags, CWD, FileType, Mode, OFlags};

/// brief's own directory for temporaries, inside each output directory.
pub const TEMP_DIR: &str = ".brief-tmp";

/// An output directory, held open so that everything below it is reached
/// relative to it.
#[derive(Debug)]
pub struct OutDir {
    path: PathBuf,
    fd: OwnedFd,
}

/// Temporaries written and synced, waiting to be renamed into place by
/// [`Staged::commit`]; dropped without a commit, they are removed and
/// nothing was replaced.
#[derive(Debug)]
pub struct Staged {
    temp_dir: OwnedFd,
    files: Vec<StagedFile>,
    /// Whether the temporaries are still there to remove.
    pending: bool,
}

#[derive(Debug)]
struct StagedFile {
    temp_name: OsString,
    dir: OwnedFd,
    name: OsString,
    /// The directory's path below the output directory, to sync each once.
    parent: PathBuf,
}

/// Numbers the temporaries of one process, so two files staged at once
/// never race for one name.
static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

impl OutDir {
    /// Opens (creating it if missing) the output directory at `path`.
    pub fn open(path: &Path) -> io::Result<OutDir> {
        std::fs::create_dir_all(path)?;
        Ok(OutDir {
            path: path.to_path_buf(),
            fd: open_as_named(path)?,
        })
    }

    /// Opens the output directory at `path` only if it exists.
    pub fn open_existing(path: &Path) -> io::Result<Option<OutDir>> {
        match open_as_named(path) {
            Ok(fd) => Ok(Some(OutDir {
                path: path.to_path_buf(),
                fd,
            })),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `path` relative to this directory: a path below it (as
    /// `out_dir.join(..)` makes) or already relative. Anything but plain
    /// names after the directory (`..`, a root) is refused.
    pub fn relative<'p>(&self, path: &'p Path) -> io::Result<&'p Path> {
        let rel = path.strip_prefix(&self.path).unwrap_or(path);
        let plain = rel.components().all(|c| matches!(c, Component::Normal(_)));
        if !plain || rel.as_os_str().is_empty() {
            return Err(io::Error::other(format!(
                "`{}` is not a file below the output directory `{}`",
                path.display(),
                self.path.display()
            )));
        }
        Ok(rel)
    }

    /// Writes one file atomically (see the module documentation).
    pub fn write(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
        self.stage(&[(path.to_path_buf(), contents)])?.commit()
    }

    /// Writes and syncs a temporary for every file, replacing none yet. On
    /// an error, the temporaries made so far are removed.
    pub fn stage<B: AsRef<[u8]>>(&self, files: &[(PathBuf, B)]) -> io::Result<Staged> {
        let temp_dir = self.temp_dir()?;
        let mut staged = Staged {
            temp_dir,
            files: Vec::new(),
            pending: true,
        };
        for (path, contents) in files {
            let rel = self.relative(path)?;
            let (dir, name) = self.parent_of(rel, true)?;
            let (temp_name, file) = create_temporary(&staged.temp_dir, "")?;
            // Recorded before writing, so a failed write is cleaned up too.
            staged.files.push(StagedFile {
                temp_name,
                dir,
                name,
                parent: rel.parent().unwrap_or(Path::new("")).to_path_buf(),
            });
            let mut file = File::from(file);
            file.write_all(contents.as_ref())
                .and_then(|()| file.sync_all())
                .map_err(|e| self.failed(rel, e))?;
        }
        Ok(staged)
    }

    /// Removes `path` if it is a regular file (not a link) whose bytes hash
    /// to `expected`, as the manifest recorded what brief wrote there.
    /// Returns whether it was removed; a file someone changed or replaced
    /// since is left alone.
    pub fn remove_if_unchanged(&self, path: &Path, expected: &str) -> io::Result<bool> {
        let Some((_, dir, name)) = self.existing(path)? else {
            return Ok(false);
        };
        match read_plain(&dir, &name)? {
            Some(bytes) if crate::regen::hash::of(&bytes) == expected => {
                rustix::fs::unlinkat(&dir, &name, AtFlags::empty())?;
                rustix::fs::fsync(&dir)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// The bytes of `path` below this directory, reached without following
    /// any link; `None` when it is missing. A link or anything but a regular
    /// file is an error that says so.
    pub fn read(&self, path: &Path) -> io::Result<Option<Vec<u8>>> {
        let Some((rel, dir, name)) = self.existing(path)? else {
            return Ok(None);
        };
        read_plain(&dir, &name).map_err(|e| self.failed(rel, e))
    }

    /// `path` made relative, the directory holding it and its name there,
    /// when every directory on the way exists (none created, no link
    /// followed); `None` when one is missing.
    fn existing<'p>(&self, path: &'p Path) -> io::Result<Option<(&'p Path, OwnedFd, OsString)>> {
        let rel = self.relative(path)?;
        match self.parent_of(rel, false) {
            Ok((dir, name)) => Ok(Some((rel, dir, name))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Removes the temporaries that killed writers left. Only call it while
    /// holding the directory's lock: a live writer's temporary would go too.
    /// Returns how many were removed.
    pub fn remove_stale_temporaries(&self) -> io::Result<usize> {
        let temp_dir = match self.open_dir(&self.fd, OsStr::new(TEMP_DIR), Path::new(TEMP_DIR)) {
            Ok(fd) => fd,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        let mut names = Vec::new();
        for entry in rustix::fs::Dir::read_from(&temp_dir)? {
            let entry = entry?;
            let name = OsStr::from_bytes(entry.file_name().to_bytes()).to_os_string();
            if name != "." && name != ".." {
                names.push(name);
            }
        }
        let mut removed = 0;
        for name in names {
            // Only files: a directory here is not one of ours.
            if rustix::fs::unlinkat(&temp_dir, &name, AtFlags::empty()).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// The directory holding `rel` and the file's name in it; directories
    /// on the way are created when `create` is set. None of them may be a
    /// link.
    fn parent_of(&self, rel: &Path, create: bool) -> io::Result<(OwnedFd, OsString)> {
        let mut parts: Vec<&OsStr> = rel.iter().collect();
        let name = parts
            .pop()
            .ok_or_else(|| io::Error::other("an empty file name"))?
            .to_os_string();
        let mut dir = rustix::io::dup(&self.fd)?;
        let mut walked = PathBuf::new();
        for part in parts {
            walked.push(part);
            if create {
                match rustix::fs::mkdirat(&dir, part, Mode::from_raw_mode(0o755)) {
                    Ok(()) | Err(rustix::io::Errno::EXIST) => {}
                    Err(e) => return Err(self.failed(&walked, e.into())),
                }
            }
            dir = self.open_dir(&dir, part, &walked)?;
        }
        Ok((dir, name))
    }

    /// Opens the directory `name` in `parent`, refusing a link.
    fn open_dir(&self, parent: &OwnedFd, name: &OsStr, shown: &Path) -> io::Result<OwnedFd> {
        rustix::fs::openat(
            parent,
            name,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .map_err(|e| match kind_of(parent, name) {
            Some(FileType::Symlink) => self.link_refused(shown),
            Some(t) if t != FileType::Directory => io::Error::other(format!(
                "`{}` is not a directory",
                self.path.join(shown).display()
            )),
            _ => self.failed(shown, e.into()),
        })
    }

    /// `.brief-tmp/`, created if missing; a link there is refused like any.
    fn temp_dir(&self) -> io::Result<OwnedFd> {
        let name = OsStr::new(TEMP_DIR);
        match rustix::fs::mkdirat(&self.fd, name, Mode::from_raw_mode(0o700)) {
            Ok(()) | Err(rustix::io::Errno::EXIST) => {}
            Err(e) => return Err(self.failed(Path::new(TEMP_DIR), e.into())),
        }
        self.open_dir(&self.fd, name, Path::new(TEMP_DIR))
    }

    fn link_refused(&self, rel: &Path) -> io::Error {
        io::Error::other(format!(
            "`{}` is a symbolic link: brief never writes through a link in its output directory; remove it",
            self.path.join(rel).display()
        ))
    }

    fn failed(&self, rel: &Path, e: io::Error) -> io::Error {
        if e.raw_os_error().is_none() {
            return e;
        }
        io::Error::new(
            e.kind(),
            format!(
                "`{}`: {}",
                self.path.join(rel).display(),
                crate::diag::io_reason(&e)
            ),
        )
    }
}

impl Staged {
    /// Renames every temporary into place, in the order staged, then syncs
    /// the directories so the new names are durable.
    pub fn commit(mut self) -> io::Result<()> {
        let files = std::mem::take(&mut self.files);
        let mut result = Ok(());
        let mut renamed = 0;
        for f in &files {
            if let Err(e) = rustix::fs::renameat(&self.temp_dir, &f.temp_name, &f.dir, &f.name) {
                result = Err(io::Error::from(e));
                break;
            }
            renamed += 1;
        }
        for f in &files[renamed..] {
            let _ = rustix::fs::unlinkat(&self.temp_dir, &f.temp_name, AtFlags::empty());
        }
        self.pending = false;
        let mut synced: Vec<&Path> = Vec::new();
        for f in &files[..renamed] {
            if !synced.contains(&f.parent.as_path()) {
                rustix::fs::fsync(&f.dir)?;
                synced.push(&f.parent);
            }
        }
        result
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if self.pending {
            for f in &self.files {
                let _ = rustix::fs::unlinkat(&self.temp_dir, &f.temp_name, AtFlags::empty());
            }
        }
    }
}

/// Creates the file `name` in the directory `dir` holding `contents`, never
/// replacing anything: the bytes go to a hidden temporary (created with
/// `O_EXCL`, so a planted link is never opened), are synced, and are then
/// hard-linked to `name`, which fails with `AlreadyExists` when the name is
/// taken, by a link too. `brief corpus add` uses it: a corpus document is
/// added, never overwritten.
pub fn create_new(dir: &Path, name: &str, contents: &[u8]) -> io::Result<()> {
    let dir = open_as_named(dir)?;
    let (temp_name, file) = create_temporary(&dir, &format!(".{name}."))?;
    let written = (|| {
        let mut file = File::from(file);
        file.write_all(contents)?;
        file.sync_all()?;
        rustix::fs::linkat(&dir, &temp_name, &dir, name, AtFlags::empty())?;
        rustix::fs::fsync(&dir)?;
        Ok(())
    })();
    let _ = rustix::fs::unlinkat(&dir, &temp_name, AtFlags::empty());
    written
}

/// A new file in `dir` under a name nobody has: `O_EXCL` fails on any
/// existing name, a planted link included, and the next number is tried.
fn create_temporary(dir: &OwnedFd, prefix: &str) -> io::Result<(OsString, OwnedFd)> {
    let pid = std::process::id();
    loop {
        let n = NEXT_TEMP.fetch_add(1, Ordering::Relaxed);
        let name = OsString::from(format!("{prefix}{pid}.{n}.tmp"));
        match rustix::fs::openat(
            dir,
            &name,
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::from_raw_mode(0o644),
        ) {
            Ok(fd) => return Ok((name, fd)),
            Err(rustix::io::Errno::EXIST) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

/// Reads a regular file without following a link at its name.
fn read_plain(dir: &OwnedFd, name: &OsStr) -> io::Result<Option<Vec<u8>>> {
    let fd = match rustix::fs::openat(
        dir,
        name,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK,
        Mode::empty(),
    ) {
        Ok(fd) => fd,
        Err(rustix::io::Errno::NOENT) => return Ok(None),
        Err(rustix::io::Errno::LOOP) => {
            return Err(io::Error::other(
                "is a symbolic link, not a file brief wrote",
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let stat = rustix::fs::fstat(&fd)?;
    if FileType::from_raw_mode(stat.st_mode) != FileType::RegularFile {
        return Err(io::Error::other("is not a regular file"));
    }
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut File::from(fd), &mut bytes)?;
    Ok(Some(bytes))
}

/// What `name` in `dir` is, without following a link.
fn kind_of(dir: &OwnedFd, name: &OsStr) -> Option<FileType> {
    rustix::fs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW)
        .ok()
        .map(|s| FileType::from_raw_mode(s.st_mode))
}

/// Opens a directory the user named (`--out DIR`, `--corpus DIR`), links
/// in its own path included: the rule against links starts below it.
fn open_as_named(path: &Path) -> io::Result<OwnedFd> {
    Ok(rustix::fs::openat(
        CWD,
        dot(path),
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

/// `.` for the empty path, which `openat` would not accept.
fn dot(path: &Path) -> &Path {
    if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out() -> (tempfile::TempDir, OutDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = OutDir::open(&dir.path().join("out")).expect("open");
        (dir, out)
    }

    #[test]
    fn replaces_whole_and_cleans_up_only_its_own_temporaries() {
        let (dir, out) = out();
        let path = out.path().join("sub/a.md");
        out.write(&path, b"old").expect("write");
        out.write(Path::new("sub/a.md"), b"new").expect("rewrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        std::fs::write(out.path().join(TEMP_DIR).join("77.0.tmp"), b"half").expect("leftover");
        std::fs::write(out.path().join("sub/.a.md.7.tmp"), b"x").expect("user file");
        assert_eq!(out.remove_stale_temporaries().expect("clean"), 1);
        assert!(out.path().join("sub/.a.md.7.tmp").exists());
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        drop(dir);
    }

    #[test]
    fn links_on_the_way_are_refused_and_a_link_at_the_name_replaced() {
        let (dir, out) = out();
        let away = dir.path().join("away");
        std::fs::create_dir_all(&away).expect("away");
        let victim = away.join("victim");
        std::fs::write(&victim, b"precious").expect("victim");
        std::os::unix::fs::symlink(&away, out.path().join("sub")).expect("link");
        let err = out.write(Path::new("sub/a.md"), b"x").expect_err("refused");
        assert!(err.to_string().contains("sub` is a symbolic link"), "{err}");
        std::os::unix::fs::symlink(&victim, out.path().join("b.md")).expect("link");
        out.write(Path::new("b.md"), b"new").expect("write");
        assert_eq!(std::fs::read(&victim).expect("read"), b"precious");
        let meta = std::fs::symlink_metadata(out.path().join("b.md")).expect("meta");
        assert!(meta.file_type().is_file());
        for bad in ["../x", "/etc/passwd", ""] {
            assert!(out.write(Path::new(bad), b"x").is_err(), "{bad}");
        }
    }

    #[test]
    fn planted_links_at_temporary_names_are_skipped_never_opened() {
        let (dir, out) = out();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"precious").expect("victim");
        let temp = out.path().join(TEMP_DIR);
        std::fs::create_dir_all(&temp).expect("temp dir");
        let pid = std::process::id();
        let next = NEXT_TEMP.load(Ordering::Relaxed);
        for n in next..next + 64 {
            std::os::unix::fs::symlink(&victim, temp.join(format!("{pid}.{n}.tmp")))
                .expect("plant");
        }
        out.write(Path::new("a.md"), b"new").expect("write");
        assert_eq!(std::fs::read(&victim).expect("read"), b"precious");
        assert_eq!(
            std::fs::read(out.path().join("a.md")).expect("read"),
            b"new"
        );
    }

    #[test]
    fn a_failed_stage_replaces_nothing_and_leaves_nothing() {
        let (_dir, out) = out();
        out.write(Path::new("a.md"), b"old").expect("write");
        std::fs::create_dir_all(out.path().join("b.pdf")).expect("a directory in the way");
        let staged = out.stage(&[
            (PathBuf::from("a.md"), b"new".to_vec()),
            (PathBuf::from("b.pdf"), b"pdf".to_vec()),
        ]);
        let staged = staged.expect("both temporaries written");
        assert!(staged.commit().is_err(), "renaming over a directory fails");
        // The first rename happened; the second's temporary is gone.
        assert_eq!(out.remove_stale_temporaries().expect("clean"), 0);
        let (_dir2, out2) = self::out();
        out2.write(Path::new("a.md"), b"old").expect("write");
        std::os::unix::fs::symlink("/nonexistent", out2.path().join("dir")).expect("link");
        let refused = out2.stage(&[
            (PathBuf::from("a.md"), b"new".to_vec()),
            (PathBuf::from("dir/b.pdf"), b"pdf".to_vec()),
        ]);
        assert!(refused.is_err());
        assert_eq!(
            std::fs::read(out2.path().join("a.md")).expect("read"),
            b"old"
        );
        assert_eq!(out2.remove_stale_temporaries().expect("clean"), 0);
    }

    #[test]
    fn removes_only_what_is_still_as_written() {
        let (_dir, out) = out();
        out.write(Path::new("a.svg"), b"chart").expect("write");
        let hash = crate::regen::hash::of(b"chart");
        std::fs::write(out.path().join("b.svg"), b"edited by hand").expect("write");
        assert!(
            !out.remove_if_unchanged(Path::new("b.svg"), &hash)
                .expect("b")
        );
        assert!(out.path().join("b.svg").exists());
        assert!(
            out.remove_if_unchanged(Path::new("a.svg"), &hash)
                .expect("a")
        );
        assert!(!out.path().join("a.svg").exists());
        assert!(
            !out.remove_if_unchanged(Path::new("gone.svg"), &hash)
                .expect("gone")
        );
    }

    #[test]
    fn create_new_never_replaces_and_never_follows() {
        let dir = tempfile::tempdir().expect("tempdir");
        create_new(dir.path(), "a.md", b"one").expect("create");
        let err = create_new(dir.path(), "a.md", b"two").expect_err("taken");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        std::os::unix::fs::symlink(dir.path().join("victim"), dir.path().join("b.md"))
            .expect("dangling link");
        let err = create_new(dir.path(), "b.md", b"two").expect_err("taken by a link");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert!(!dir.path().join("victim").exists());
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 2);
    }
}
