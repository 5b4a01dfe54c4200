//! Editions on disk: `out/<brief>/editions/<name>/` holds one regeneration's
//! files and its `edition.json`; `out/<brief>/latest/` holds the newest.
//! Old editions are never touched.
//!
//! An edition appears whole or not at all: it is made in a hidden directory
//! beside the others (`.tmp-<name>`), recorded there, and renamed into place
//! ([`file`]). A run killed half-way leaves only the hidden directory, which
//! takes no name and which the next run removes ([`remove_leftovers`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::atomic::OutDir;

use super::changes::ChangeSet;
use super::inventory::Inventory;
use crate::diag::Diagnostic;

pub const FILE_NAME: &str = "edition.json";

/// The prefix of an edition being made: hidden, so nothing lists it.
const UNFINISHED: &str = ".tmp-";

/// One regeneration of a brief.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Edition {
    pub brief: String,
    /// The directory name: the edition's date, `-2`, `-3`… for more that day.
    pub name: String,
    pub date: NaiveDate,
    pub generated_at: DateTime<Utc>,
    /// Why it was made: the schedule that fell due, or the new data.
    pub trigger: String,
    /// By audience (`brief` for a spec without audiences).
    pub outputs: BTreeMap<String, EditionOutput>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EditionOutput {
    /// Relative to the edition directory.
    pub files: Vec<String>,
    pub inventory: Inventory,
    /// What is new since the previous edition.
    pub changes: ChangeSet,
}

/// An edition directory that is there but cannot be used, and why: left
/// out of every list, but never silently.
#[derive(Debug, Clone)]
pub struct Damaged {
    /// The directory name, which `brief diff --from/--to` may name.
    pub name: String,
    /// Why it cannot be used ("`edition.json` is damaged (…)").
    pub reason: String,
    /// Says so, with the file (and line) at fault.
    pub warning: Diagnostic,
}

/// A brief's editions as found on disk.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Oldest first (by the time each was made).
    pub editions: Vec<Edition>,
    pub damaged: Vec<Damaged>,
}

impl Listing {
    /// The warnings about damaged editions, to report wherever editions are
    /// listed.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.damaged.iter().map(|d| d.warning.clone()).collect()
    }

    /// The newest edition made at or before `now`. An edition made later
    /// (by `--now` in the future, or before the clock was set back) has not
    /// happened yet as far as a run at `now` can tell.
    pub fn latest_at(&self, now: DateTime<Utc>) -> Option<&Edition> {
        self.editions.iter().rfind(|e| e.generated_at <= now)
    }

    /// The newest edition dated on or before `date`.
    pub fn latest_dated(&self, date: NaiveDate) -> Option<&Edition> {
        self.editions.iter().rfind(|e| e.date <= date)
    }
}

pub fn editions_dir(out_dir: &Path, brief: &str) -> PathBuf {
    out_dir.join(brief).join("editions")
}

pub fn latest_dir(out_dir: &Path, brief: &str) -> PathBuf {
    out_dir.join(brief).join("latest")
}

/// Whether `name` is one `brief` gives an edition: `YYYY-MM-DD`, or
/// `YYYY-MM-DD-N` for the N-th (N ≥ 2) that day.
pub fn is_edition_name(name: &str) -> bool {
    let (date, count) = match name.get(10..) {
        Some("") => (name, None),
        Some(rest) => match rest.strip_prefix('-') {
            Some(n) => (&name[..10], Some(n)),
            None => return false,
        },
        None => return false,
    };
    let date_ok = NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok_and(|d| d.to_string() == date);
    let count_ok = count.is_none_or(|n| {
        !n.starts_with('0')
            && n.bytes().all(|b| b.is_ascii_digit())
            && n.parse::<u64>().is_ok_and(|n| n >= 2)
    });
    date_ok && count_ok
}

/// A brief's editions. A directory that is not a readable edition of this
/// brief (no or a damaged `edition.json`, a record of another edition, a
/// link) is listed as damaged, with a warning naming the file and why.
/// Hidden entries (editions being made) and plain files are not editions.
pub fn list(out_dir: &Path, brief: &str) -> Listing {
    let dir = editions_dir(out_dir, brief);
    let mut listing = Listing::default();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return listing;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_file() {
            continue;
        }
        match read(&path, &name, brief, &meta) {
            Ok(edition) => listing.editions.push(edition),
            Err((reason, warning)) => listing.damaged.push(Damaged {
                name,
                reason,
                warning,
            }),
        }
    }
    listing
        .editions
        .sort_by(|a, b| (a.generated_at, a.date, &a.name).cmp(&(b.generated_at, b.date, &b.name)));
    listing.damaged.sort_by(|a, b| a.name.cmp(&b.name));
    listing
}

/// Reads the edition in directory `dir` (named `name`), or says why it is
/// not one: the reason, and a warning naming the file at fault.
fn read(
    dir: &Path,
    name: &str,
    brief: &str,
    meta: &std::fs::Metadata,
) -> Result<Edition, (String, Diagnostic)> {
    let left_out = |why: String, file: &Path| {
        let warning =
            Diagnostic::warning(format!("edition `{name}` of `{brief}` is left out: {why}"))
                .in_file(file)
                .hint(format!(
                    "restore it from a backup, or remove `{}` if it is not an edition",
                    dir.display()
                ));
        (why, warning)
    };
    if !meta.is_dir() {
        return Err(left_out(
            "it is a link or a special file, not a directory".into(),
            dir,
        ));
    }
    if !is_edition_name(name) {
        return Err(left_out(
            "its name is not an edition's (a date such as 2025-03-10, or 2025-03-10-2)".into(),
            dir,
        ));
    }
    let file = dir.join(FILE_NAME);
    let bytes = match std::fs::symlink_metadata(&file).map(|m| m.is_file()) {
        Ok(true) => std::fs::read(&file),
        Ok(false) => {
            return Err(left_out(
                format!("`{FILE_NAME}` is not a plain file"),
                &file,
            ));
        }
        Err(e) => Err(e),
    };
    let bytes = bytes.map_err(|e| {
        let why = format!(
            "`{FILE_NAME}` cannot be read ({})",
            crate::diag::io_reason(&e)
        );
        left_out(why, &file)
    })?;
    let edition: Edition = serde_json::from_slice(&bytes).map_err(|e| {
        let full = e.to_string();
        let position = format!(" at line {} column {}", e.line(), e.column());
        let problem = full.strip_suffix(&position).unwrap_or(&full);
        let (why, mut warning) = left_out(format!("`{FILE_NAME}` is damaged ({problem})"), &file);
        if e.line() > 0 {
            let text = String::from_utf8_lossy(&bytes);
            warning = warning.at(&text, e.line(), e.column().max(1));
        }
        (why, warning)
    })?;
    if edition.name != name || edition.brief != brief {
        return Err(left_out(
            format!(
                "`{FILE_NAME}` records edition `{}` of `{}`, not this one",
                edition.name, edition.brief
            ),
            &file,
        ));
    }
    Ok(edition)
}

/// A name for a new edition on `date` that no entry has yet.
pub fn next_name(out_dir: &Path, brief: &str, date: NaiveDate) -> String {
    let dir = editions_dir(out_dir, brief);
    let base = date.to_string();
    let taken = |name: &str| std::fs::symlink_metadata(dir.join(name)).is_ok();
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|name| !taken(name))
        .unwrap_or(base)
}

/// Removes the editions that runs killed while making them left behind
/// (`.tmp-<name>` in the editions directory, and nothing else). Only call it
/// holding the output directory's lock, and only when the editions
/// directory is inside the output directory. Returns what was removed, and
/// a warning for what could not be.
pub fn remove_leftovers(out_dir: &Path, brief: &str) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let (mut removed, mut warnings) = (Vec::new(), Vec::new());
    let Ok(entries) = std::fs::read_dir(editions_dir(out_dir, brief)) else {
        return (removed, warnings);
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.strip_prefix(UNFINISHED).is_some_and(is_edition_name) {
            continue;
        }
        let path = entry.path();
        match remove(&path) {
            Ok(()) => removed.push(path),
            Err(e) => warnings.push(
                Diagnostic::warning(format!(
                    "cannot remove an unfinished edition: {}",
                    crate::diag::io_reason(&e)
                ))
                .in_file(&path),
            ),
        }
    }
    (removed, warnings)
}

/// Removes a directory tree, or only the link or file at `path`: never what
/// a link points to.
fn remove(path: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path)?.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    }
}

/// Files `edition`: copies `files` (each a source path and its name in the
/// edition) and the record into a fresh hidden directory, then renames it
/// to the edition's name. On any error nothing of the edition stays, and
/// the error says which file failed. Returns the edition's directory.
///
/// The caller holds the output directory's lock, has checked that the
/// editions directory is not a link out of the output directory, and took
/// the name from [`next_name`].
pub fn file(
    out_dir: &Path,
    edition: &Edition,
    files: &[(PathBuf, String)],
) -> Result<PathBuf, Diagnostic> {
    let editions = editions_dir(out_dir, &edition.brief);
    let target = editions.join(&edition.name);
    let unfinished = editions.join(format!("{UNFINISHED}{}", edition.name));
    let fail = |what: String, e: std::io::Error| {
        Diagnostic::error(format!(
            "cannot file edition `{}`: {what}: {}",
            target.display(),
            crate::diag::io_reason(&e)
        ))
        .hint("no edition was made; the next `brief schedule` tries again")
    };
    if !is_edition_name(&edition.name) {
        return Err(Diagnostic::error(format!(
            "cannot file edition `{}`: not an edition name",
            edition.name
        )));
    }
    std::fs::create_dir_all(&editions)
        .map_err(|e| fail(format!("cannot create `{}`", editions.display()), e))?;
    if std::fs::symlink_metadata(&unfinished).is_ok() {
        remove(&unfinished).map_err(|e| {
            fail(
                format!("cannot remove the unfinished `{}`", unfinished.display()),
                e,
            )
        })?;
    }
    // Created here and now, so nothing in it can be a planted link.
    std::fs::create_dir(&unfinished)
        .map_err(|e| fail(format!("cannot create `{}`", unfinished.display()), e))?;
    let made = fill(out_dir, &unfinished, &target, edition, files, &fail);
    if made.is_err() {
        let _ = remove(&unfinished);
    }
    made.map(|()| target)
}

/// The steps of [`file`] that can fail once its hidden directory exists.
fn fill(
    out_dir: &Path,
    unfinished: &Path,
    target: &Path,
    edition: &Edition,
    files: &[(PathBuf, String)],
    fail: &dyn Fn(String, std::io::Error) -> Diagnostic,
) -> Result<(), Diagnostic> {
    let out =
        OutDir::open(out_dir).map_err(|e| fail("cannot open the output directory".into(), e))?;
    for (from, name) in files {
        let to = unfinished.join(name);
        out.read(from)
            .and_then(|bytes| bytes.ok_or_else(|| std::io::ErrorKind::NotFound.into()))
            .map_err(|e| fail(format!("cannot read `{}`", from.display()), e))
            .and_then(|bytes| {
                out.write(&to, &bytes)
                    .map_err(|e| fail(format!("cannot write `{}`", to.display()), e))
            })?;
    }
    let mut json = serde_json::to_vec_pretty(edition)
        .map_err(|e| fail("cannot record it".into(), std::io::Error::other(e)))?;
    json.push(b'\n');
    let record = unfinished.join(FILE_NAME);
    out.write(&record, &json)
        .map_err(|e| fail(format!("cannot write `{}`", record.display()), e))?;
    // A rename would replace an empty directory of that name: refuse
    // anything there, so an edition never takes another's place.
    if std::fs::symlink_metadata(target).is_ok() {
        return Err(fail(
            "something is in its place".into(),
            std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        ));
    }
    std::fs::rename(unfinished, target).map_err(|e| {
        fail(
            format!("cannot rename `{}` into place", unfinished.display()),
            e,
        )
    })?;
    // The new name, synced like every file in it, survives a power loss.
    let editions = target.parent().unwrap_or(Path::new("."));
    std::fs::File::open(editions)
        .and_then(|dir| dir.sync_all())
        .map_err(|e| fail(format!("cannot sync `{}`", editions.display()), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition(name: &str, at: &str) -> Edition {
        Edition {
            brief: "b".into(),
            name: name.into(),
            date: name[..10].parse().unwrap(),
            generated_at: at.parse().unwrap(),
            trigger: "test".into(),
            outputs: BTreeMap::new(),
        }
    }

    #[test]
    fn edition_names() {
        for ok in ["2025-03-03", "2025-03-03-2", "2025-03-03-17", "4999-12-31"] {
            assert!(is_edition_name(ok), "{ok}");
        }
        for bad in [
            "",
            "2025-3-3",
            "2025-02-30",
            "2025-03-03-1",
            "2025-03-03-02",
            "2025-03-03-",
            "2025-03-03x",
            "2025-03-03-2x",
            "..",
            "../../etc",
            "notes",
            "+10000-01-01",
            "2025-03-03/..",
        ] {
            assert!(!is_edition_name(bad), "{bad}");
        }
    }

    #[test]
    fn a_failed_copy_leaves_no_edition_and_takes_no_name() {
        let out = tempfile::tempdir().unwrap();
        let src = out.path().join("b/latest");
        std::fs::create_dir_all(&src).unwrap();
        std::fs::write(src.join("x.md"), "# x\n").unwrap();
        let e = edition("2025-03-03", "2025-03-03T07:00:00Z");
        // The second file cannot be read: the first was already copied.
        let files = [
            (src.join("x.md"), "x.md".to_string()),
            (src.join("x.pdf"), "x.pdf".to_string()),
        ];
        let err = file(out.path(), &e, &files).unwrap_err();
        assert!(
            err.message.starts_with("cannot file edition `")
                && err.message.contains("`: cannot read `"),
            "{err}"
        );
        let editions = editions_dir(out.path(), "b");
        assert_eq!(std::fs::read_dir(&editions).unwrap().count(), 0);
        assert_eq!(next_name(out.path(), "b", e.date), "2025-03-03");
        // With the file there, the same edition is made whole.
        std::fs::write(src.join("x.pdf"), "%PDF").unwrap();
        let dir = file(out.path(), &e, &files).unwrap();
        assert_eq!(dir, editions.join("2025-03-03"));
        assert_eq!(std::fs::read(dir.join("x.pdf")).unwrap(), b"%PDF");
        let listing = list(out.path(), "b");
        assert_eq!(listing.editions.len(), 1);
        assert!(listing.damaged.is_empty());
    }

    #[test]
    fn leftovers_and_links_are_removed_without_following_them() {
        let out = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("keep"), "x").unwrap();
        let editions = editions_dir(out.path(), "b");
        std::fs::create_dir_all(editions.join(".tmp-2025-03-03")).unwrap();
        std::fs::write(editions.join(".tmp-2025-03-03/brief.md"), "half").unwrap();
        std::fs::create_dir_all(editions.join(".tmp-notes")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(elsewhere.path(), editions.join(".tmp-2025-03-04")).unwrap();
        let (removed, warnings) = remove_leftovers(out.path(), "b");
        assert!(warnings.is_empty());
        assert_eq!(removed.len(), if cfg!(unix) { 2 } else { 1 });
        assert!(!editions.join(".tmp-2025-03-03").exists());
        assert!(editions.join(".tmp-notes").exists(), "not ours: kept");
        assert!(elsewhere.path().join("keep").exists());
    }

    #[test]
    fn editions_after_now_are_not_the_latest() {
        let listing = Listing {
            editions: vec![
                edition("2025-03-03", "2025-03-03T07:00:00Z"),
                edition("2035-03-05", "2035-03-05T08:00:00Z"),
            ],
            damaged: Vec::new(),
        };
        let now = "2025-03-24T08:00:00Z".parse().unwrap();
        assert_eq!(listing.latest_at(now).unwrap().name, "2025-03-03");
        let date = NaiveDate::from_ymd_opt(2025, 3, 24).unwrap();
        assert_eq!(listing.latest_dated(date).unwrap().name, "2025-03-03");
        let before = "2025-01-01T00:00:00Z".parse().unwrap();
        assert!(listing.latest_at(before).is_none());
    }
}
