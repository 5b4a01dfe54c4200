//! Which output directory each spec writes: `<out>/<name>/`, the name being
//! the spec's file name without `.yaml` or `.yml`. Two specs whose names
//! are one directory (`x.yaml` and `x.yml`, or `a/x.yaml` and `b/x.yaml`)
//! would overwrite each other's outputs on every build, and a name that is
//! one of brief's own files in the output directory (the manifest, the
//! lock) or a hidden one (`..`, a temporary) would break every later build
//! or write outside the directory. Neither spec of a clash is built: there
//! is no telling which one the analyst meant the directory for.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

use super::{lock, manifest};

/// The files brief keeps at the top of an output directory, beside the
/// specs' directories. Every other file it writes there is hidden (a
/// temporary is `.NAME.PID.tmp`), and hidden names are refused as a whole.
pub const RESERVED: &[&str] = &[
    manifest::FILE_NAME,
    manifest::EDITIONS_FILE_NAME,
    lock::FILE_NAME,
];

/// Why `name` cannot name a spec's output directory, if it cannot.
/// Compared without case: on macOS or Windows `Brief-Manifest.json` is the
/// manifest.
pub fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("it is empty".into());
    }
    if name.starts_with('.') {
        return Err(format!(
            "`{name}` starts with `.`, which would make its directory hidden, or the output directory itself or its parent"
        ));
    }
    // A file stem never holds a separator; a name typed on the command line
    // (`brief diff /`) may, and joined to the output directory it would
    // name another place entirely.
    if name.contains(['/', '\\', '\0']) {
        return Err(format!("`{name}` holds a path separator"));
    }
    if let Some(own) = RESERVED.iter().find(|r| r.eq_ignore_ascii_case(name)) {
        return Err(format!(
            "`{name}` is the name of brief's own `{own}` in the output directory"
        ));
    }
    Ok(())
}

/// The output directory name of the spec at `path`, or why it has none.
pub fn output_name(path: &Path) -> Result<String, String> {
    let Some(stem) = path.file_stem() else {
        return Err("it has no file name".into());
    };
    let Some(name) = stem.to_str() else {
        return Err(format!("`{}` is not valid UTF-8", stem.to_string_lossy()));
    };
    check_name(name)?;
    Ok(name.to_string())
}

/// Splits `specs` (what a command works on) into those that can have their
/// output directory in `out_dir` and one error each for those that cannot.
/// `project` are the project's other specs (`briefs/*.yaml`): they claim
/// their directories too, so building `x.yaml` alone is refused while
/// `x.yml` is there, rather than overwriting what `x.yml` built. A spec
/// named twice, by any path, is one spec.
pub fn claim(
    specs: &[PathBuf],
    project: &[PathBuf],
    out_dir: &Path,
) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut unique: Vec<&PathBuf> = Vec::new();
    for path in specs {
        let identity = identity(path);
        if !seen.contains(&identity) {
            seen.push(identity);
            unique.push(path);
        }
    }
    // Every claimant by its directory name, without case (a file system
    // that ignores case has one directory for `X` and `x`).
    let mut by_dir: BTreeMap<String, Vec<(&PathBuf, PathBuf)>> = BTreeMap::new();
    let claimants = unique
        .iter()
        .copied()
        .chain(project.iter().filter(|p| !seen.contains(&identity(p))));
    for path in claimants {
        if let Ok(name) = output_name(path)
            && path.is_file()
        {
            let list = by_dir.entry(name.to_lowercase()).or_default();
            let id = identity(path);
            if !list.iter().any(|(_, other)| *other == id) {
                list.push((path, id));
            }
        }
    }
    let mut kept = Vec::new();
    let mut refused = Vec::new();
    for path in unique {
        let name = match output_name(path) {
            Ok(name) => name,
            Err(reason) => {
                refused.push(
                    Diagnostic::error(format!(
                        "this spec's file name cannot name its output directory: {reason}"
                    ))
                    .in_file(path)
                    .hint(RENAME),
                );
                continue;
            }
        };
        let id = identity(path);
        let others: Vec<String> = by_dir
            .get(&name.to_lowercase())
            .into_iter()
            .flatten()
            .filter(|(_, other)| *other != id)
            .map(|(p, _)| format!("`{}`", p.display()))
            .collect();
        if others.is_empty() {
            kept.push(path.clone());
            continue;
        }
        refused.push(
            Diagnostic::error(format!(
                "`{}` and {} would {} write `{}`, each overwriting the other's outputs",
                path.display(),
                others.join(" and "),
                if others.len() == 1 { "both" } else { "all" },
                out_dir.join(&name).display()
            ))
            .in_file(path)
            .hint(format!("{RENAME}; names that differ only in case count as one, as they do on macOS and Windows")),
        );
    }
    (kept, refused)
}

const RENAME: &str = "rename the spec file: its name without `.yaml` or `.yml` names its directory in the output directory";

/// The file a path names, whatever path names it; the path itself when it
/// cannot be resolved (a missing file is reported when it is read).
fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brief_s_own_files_and_hidden_names_are_not_output_names() {
        for (file, reason) in [
            (
                "briefs/brief-manifest.json.yaml",
                "brief's own `brief-manifest.json`",
            ),
            (
                "briefs/Brief-Editions.JSON.yml",
                "brief's own `brief-editions.json`",
            ),
            ("briefs/.brief.lock.yaml", "starts with `.`"),
            ("briefs/...yaml", "`..` starts with `.`"),
            ("briefs/..yaml", "`.` starts with `.`"),
            ("briefs/.x.yaml.1.tmp.yaml", "starts with `.`"),
            ("/", "it has no file name"),
        ] {
            let got = output_name(Path::new(file));
            assert!(
                got.as_ref().is_err_and(|e| e.contains(reason)),
                "{file}: {got:?}"
            );
        }
        for file in [
            "briefs/x.yaml",
            "briefs/report v1.2.yml",
            "b/brief.yaml",
            "b/manifest.yaml",
        ] {
            assert!(output_name(Path::new(file)).is_ok(), "{file}");
        }
    }

    #[test]
    fn names_typed_on_the_command_line_hold_no_separator() {
        for name in ["/", "a/b", "x\\y", "/etc"] {
            let got = check_name(name);
            assert!(
                got.as_ref().is_err_and(|e| e.contains("path separator")),
                "{name}: {got:?}"
            );
        }
    }

    /// The lock and the manifests are the files `brief` keeps beside the
    /// specs' directories: each must be refused as a spec name.
    #[test]
    fn every_file_brief_keeps_in_the_output_directory_is_reserved() {
        for own in [
            manifest::FILE_NAME,
            manifest::EDITIONS_FILE_NAME,
            lock::FILE_NAME,
        ] {
            assert!(check_name(own).is_err(), "{own}");
        }
    }

    #[test]
    fn specs_sharing_a_directory_are_all_refused_and_the_rest_kept() {
        let dir = tempfile::tempdir().unwrap();
        let briefs = dir.path().join("briefs");
        std::fs::create_dir_all(briefs.join("sub")).unwrap();
        let names = [
            "x.yaml",
            "x.yml",
            "sub/x.yaml",
            "y.yaml",
            "Z.yaml",
            "z.yml",
            "w.yaml",
        ];
        for name in names {
            std::fs::write(briefs.join(name), "title: T\n").unwrap();
        }
        let path = |n: &str| briefs.join(n);
        let specs: Vec<PathBuf> = [
            "x.yaml",
            "x.yml",
            "sub/x.yaml",
            "y.yaml",
            "Z.yaml",
            "y.yaml",
        ]
        .iter()
        .map(|n| path(n))
        .chain([dir.path().join("briefs/../briefs/y.yaml")])
        .collect();
        let project = vec![path("z.yml"), path("w.yaml"), path("y.yaml")];
        let (kept, refused) = claim(&specs, &project, Path::new("out"));
        assert_eq!(kept, vec![path("y.yaml")]);
        let files: Vec<_> = refused.iter().map(|d| d.file.clone().unwrap()).collect();
        assert_eq!(
            files,
            [
                path("x.yaml"),
                path("x.yml"),
                path("sub/x.yaml"),
                path("Z.yaml")
            ]
        );
        let first = &refused[0].message;
        assert!(
            first.contains(&format!("`{}`", path("x.yml").display())),
            "{first}"
        );
        assert!(
            first.contains(&format!("`{}`", path("sub/x.yaml").display())),
            "{first}"
        );
        assert!(
            first.ends_with("would all write `out/x`, each overwriting the other's outputs"),
            "{first}"
        );
        assert!(
            refused[3]
                .message
                .contains(&format!("`{}`", path("z.yml").display()))
        );
    }
}
