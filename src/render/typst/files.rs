//! The sandbox: the only files a compilation can read.
//!
//! Typst code can name any path (`#read("/etc/passwd")`, `#import "../x.typ"`),
//! and corpus text must never be able to reach the host's files, so the
//! virtual file system holds exactly three things: the generated entry file
//! `/main.typ`, the other generated files (`/brief.json`, …), and the files
//! under the project's `templates/` directory as `/templates/…`. Everything
//! else is "not found", and errors name the virtual path, never a host path.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use typst::diag::{FileError, FileResult};
use typst::foundations::Bytes;
use typst::syntax::{FileId, RootedPath, VirtualPath, VirtualRoot};

use crate::diag::Diagnostic;

/// The virtual directory the templates are served under.
const TEMPLATES: &str = "templates";

/// The virtual path of the generated entry file.
const MAIN: &str = "/main.typ";

/// The files one compilation may read.
#[derive(Debug)]
pub(super) struct Files {
    /// The id of `/main.typ`.
    pub(super) main: FileId,
    /// `/main.typ` and the other generated files, by interned virtual path.
    generated: HashMap<FileId, Bytes>,
    /// The templates directory as the caller named it, for diagnostics.
    templates_shown: PathBuf,
    /// The templates directory with symlinks resolved, which every served
    /// template must lie inside; `None` if it does not exist.
    templates_real: Option<PathBuf>,
}

impl Files {
    /// Serves `main` at `/main.typ`, each generated file at its virtual path,
    /// and `templates` at `/templates`. A generated path that is not a clean
    /// absolute path (`../x`, a backslash) is a bug in the caller: an error.
    pub(super) fn new(
        main: &str,
        generated: &[(String, Vec<u8>)],
        templates: &Path,
    ) -> Result<Files, Diagnostic> {
        let invalid = |path: &str| {
            Diagnostic::error(format!("generated file `{path}` has no valid virtual path"))
                .hint("virtual paths are absolute, `/`-separated and without `..`")
        };
        let main_id = project_id(MAIN).ok_or_else(|| invalid(MAIN))?;
        let mut files = HashMap::with_capacity(generated.len() + 1);
        files.insert(main_id, Bytes::from_string(main.to_owned()));
        for (path, bytes) in generated {
            let id = project_id(path).ok_or_else(|| invalid(path))?;
            files.insert(id, Bytes::new(bytes.clone()));
        }
        Ok(Files {
            main: main_id,
            generated: files,
            templates_shown: templates.to_path_buf(),
            templates_real: templates.canonicalize().ok(),
        })
    }

    /// The bytes of a virtual file, or why it cannot be read.
    pub(super) fn load(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Other(Some(
                format!("packages are not available (brief compiles offline; copy what `{spec}` provides into templates/)").into(),
            )));
        }
        if let Some(bytes) = self.generated.get(&id) {
            return Ok(bytes.clone());
        }
        match template_relative(id.vpath()) {
            Some(relative) => self.read_template(id.vpath(), relative),
            None => Err(not_found(id.vpath())),
        }
    }

    /// Reads `/templates/<relative>` from disk, refusing anything that
    /// resolves (through symlinks) outside the templates directory.
    fn read_template(&self, vpath: &VirtualPath, relative: &str) -> FileResult<Bytes> {
        let Some(root) = &self.templates_real else {
            return Err(not_found(vpath));
        };
        if relative.is_empty() {
            return Err(FileError::IsDirectory);
        }
        let path = VirtualPath::new(relative)
            .map_err(|_| FileError::AccessDenied)?
            .realize(root)?;
        let real = path.canonicalize().map_err(|err| io_error(err, vpath))?;
        if !real.starts_with(root) {
            return Err(FileError::AccessDenied);
        }
        if real.is_dir() {
            return Err(FileError::IsDirectory);
        }
        fs::read(&real)
            .map(Bytes::new)
            .map_err(|err| io_error(err, vpath))
    }

    /// The file as the user knows it, for diagnostics: `main.typ (generated)`,
    /// `templates/brief.typ` (the templates directory as given), or the
    /// virtual path.
    pub(super) fn display(&self, id: FileId) -> PathBuf {
        if let VirtualRoot::Package(spec) = id.root() {
            return PathBuf::from(format!("{spec}{}", id.vpath().get_with_slash()));
        }
        let vpath = id.vpath();
        if self.generated.contains_key(&id) {
            return PathBuf::from(format!("{} (generated)", vpath.get_without_slash()));
        }
        match template_relative(vpath) {
            Some(relative) => self.templates_shown.join(relative),
            None => PathBuf::from(vpath.get_with_slash()),
        }
    }
}

/// The id of a clean absolute virtual path in the project, if it is one.
fn project_id(path: &str) -> Option<FileId> {
    if !path.starts_with('/') || path.split('/').any(|s| s == "..") {
        return None;
    }
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// `a/b.typ` for `/templates/a/b.typ`, `""` for `/templates`, `None` elsewhere.
fn template_relative(vpath: &VirtualPath) -> Option<&str> {
    let path = vpath.get_without_slash();
    match path.strip_prefix(TEMPLATES)? {
        "" => Some(""),
        rest => rest.strip_prefix('/'),
    }
}

/// "Not found", naming the virtual path only.
fn not_found(vpath: &VirtualPath) -> FileError {
    FileError::NotFound(PathBuf::from(vpath.get_with_slash()))
}

/// An I/O error as a file error that names the virtual path, not the host path.
fn io_error(err: io::Error, vpath: &VirtualPath) -> FileError {
    match err.kind() {
        io::ErrorKind::NotFound => not_found(vpath),
        io::ErrorKind::PermissionDenied => FileError::AccessDenied,
        kind => FileError::Other(Some(format!("{kind}").into())),
    }
}
