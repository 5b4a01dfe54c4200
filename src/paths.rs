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
