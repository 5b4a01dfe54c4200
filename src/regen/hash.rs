//! Content hashes. Freshness is decided by what files say, never by their
//! modification times: a checkout, a copy or an editor's touch changes times
//! without changing content, and a clock skew can hide a real change.

use std::path::Path;

pub fn of(bytes: &[u8]) -> String {
    short(blake3::hash(bytes))
}

/// 128 bits of BLAKE3 in hex: collisions are out of reach for any corpus,
/// and the manifest stays half the size of full 256-bit digests.
fn short(hash: blake3::Hash) -> String {
    hash.to_hex()[..32].to_string()
}

/// One hash over several named parts, each framed by its length so that
/// moving bytes from one part to the next changes the hash.
#[derive(Debug, Default)]
pub struct Hasher(blake3::Hasher);

impl Hasher {
    pub fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn finish(&self) -> String {
        short(self.0.finalize())
    }
}

/// Every regular file under `dir` by relative path and content, except hidden
/// ones (an editor's `.brief.typ.swp` must not rebuild every brief; the
/// corpus skips them too). A missing directory hashes
/// as empty. Unreadable files are hashed by their error, so they count as a
/// change rather than being skipped.
pub fn of_dir(dir: &Path) -> String {
    let mut hasher = Hasher::default();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        hasher.part(relative.to_string_lossy().as_bytes());
        match std::fs::read(entry.path()) {
            Ok(bytes) => hasher.part(&bytes),
            Err(e) => hasher.part(e.to_string().as_bytes()),
        };
    }
    hasher.finish()
}
