//! Paths as a person names them.

use std::path::{Path, PathBuf};

/// `path` relative to `base`, with `..` where it lies outside: how a user
/// would type a path from the working directory, and how the manifest names
/// a corpus from the output directory so a project can move. Both must be
/// absolute, or both relative to the same place.
pub fn relative_to(path: &Path, base: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix(base) {
        return rest.to_path_buf();
    }
    let mut up = PathBuf::new();
    for ancestor in base.ancestors().skip(1) {
        up.push("..");
        if let Ok(rest) = path.strip_prefix(ancestor) {
            return up.join(rest);
        }
    }
    path.to_path_buf()
}

/// The project a spec belongs to, for the sandbox: the nearest directory
/// above it that holds a `briefs/` directory (the spec's own directory when
/// none does), as an absolute path.
pub fn project_of(spec: &Path) -> PathBuf {
    let dir = spec.parent().unwrap_or(Path::new(""));
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.ancestors()
        .find(|d| d.join("briefs").is_dir())
        .unwrap_or(&dir)
        .to_path_buf()
}

/// Why `path` is not inside `root`, if it is not: it names a place outside
/// (`..`, an absolute path), or a symbolic link on the way leads outside.
/// A path that does not exist is judged by its words alone.
pub fn outside(root: &Path, path: &Path) -> Option<String> {
    outside_of(root, path, "the project")
}

/// [`outside`], with the name of what `root` is, for the message.
pub fn outside_of(root: &Path, path: &Path, what: &str) -> Option<String> {
    let dot = |p: &Path| {
        if p.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            p.to_path_buf()
        }
    };
    let (root, path) = (&dot(root), &dot(path));
    let root_abs = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let path_abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if !normalize(&path_abs).starts_with(normalize(&root_abs)) {
        return Some(format!("`{}` is outside {what}", path.display()));
    }
    let (Ok(root_real), Ok(real)) = (root.canonicalize(), path.canonicalize()) else {
        return None;
    };
    (!real.starts_with(&root_real)).then(|| {
        format!(
            "`{}` is a symbolic link (or goes through one) to `{}`, outside {what}",
            path.display(),
            real.display()
        )
    })
}

/// `path` with `.` and `..` resolved by their words, without asking the file
/// system (an absolute path in, an absolute path out).
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_root_are_named() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path().join("project");
        let inside = root.join("corpus");
        let away = dir.path().join("away");
        for d in [&inside, &away] {
            std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(outside(&root, &inside), None);
        assert_eq!(outside(&root, &root.join("briefs/../corpus")), None);
        assert_eq!(outside(&root, &root.join("missing/../x")), None);
        for path in [
            root.join("../away"),
            root.join("corpus/../../away"),
            PathBuf::from("/etc"),
        ] {
            let reason = outside(&root, &path).unwrap_or_default();
            assert!(reason.ends_with("` is outside the project"), "{reason}");
        }
        #[cfg(unix)]
        {
            let link = root.join("link");
            std::os::unix::fs::symlink(&away, &link).unwrap_or_else(|e| panic!("{e}"));
            let reason = outside(&root, &link.join(".")).unwrap_or_default();
            assert!(reason.contains("is a symbolic link"), "{reason}");
            assert!(outside(&root, &link).is_some());
        }
    }

    #[test]
    fn the_project_of_a_spec_holds_its_briefs() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir_all(dir.path().join("briefs/sub")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(project_of(&dir.path().join("briefs/t.yaml")), dir.path());
        assert_eq!(
            project_of(&dir.path().join("briefs/sub/t.yaml")),
            dir.path()
        );
        let lone = dir.path().join("briefs/sub");
        assert_eq!(project_of(&lone.join("x/t.yaml")), dir.path());
    }
}
