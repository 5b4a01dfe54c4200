//! Stage 1: the corpus. Walks a directory of source documents and loads each
//! into a [`Document`]; a file that cannot be used is reported and skipped so
//! the rest of the corpus still loads.

pub mod add;
pub mod corrections;
pub mod data;
mod date;
mod document;
mod emit;
mod frontmatter;
mod load;
#[cfg(test)]
mod roundtrip_tests;
mod schema;
mod simple_yaml;
mod walk;
mod word_blocks;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use date::PartialDate;
pub use document::{Document, Format, Metadata, Original, count_words, has_words};
pub use frontmatter::yaml_message;
pub use load::{load_file, validate_id};
pub use schema::metadata_fields;
pub use walk::document_paths;

use crate::diag::{Diagnostic, io_reason};

/// Extensions read as documents. Anything else in the corpus directory is
/// reported once and skipped, so a stray PDF is noticed rather than ignored.
const DOCUMENT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "csv"];

/// Every usable document of a corpus, in path order, with what went wrong on the way.
#[derive(Debug)]
pub struct Corpus {
    pub root: PathBuf,
    pub documents: Vec<Document>,
    /// Errors (unusable files) and warnings (missing metadata), in path order.
    pub diagnostics: Vec<Diagnostic>,
}

/// The corpus could not be read at all (as opposed to some files being unusable).
#[derive(Debug)]
pub struct CorpusError(pub Diagnostic);

impl Corpus {
    /// Loads every document under `root` (recursively; hidden files skipped), in parallel.
    pub fn load(root: &Path) -> Result<Corpus, CorpusError> {
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(CorpusError(
                    Diagnostic::error(format!("corpus `{}` is not a directory", root.display()))
                        .hint("pass the directory that holds the documents with --corpus DIR"),
                ));
            }
            Err(e) => {
                return Err(CorpusError(
                    Diagnostic::error(format!(
                        "failed to read corpus directory `{}` ({})",
                        root.display(),
                        io_reason(&e)
                    ))
                    .hint("create it, or pass another directory with --corpus DIR"),
                ));
            }
        }
        let (files, mut diagnostics) = document_paths(root);

        let loaded: Vec<_> = files
            .par_iter()
            .map(|path| match std::fs::read(path) {
                Ok(bytes) => load_file(path, &bytes),
                Err(e) => Err(Diagnostic::read_failed(path, &e)),
            })
            .collect();

        let mut documents: Vec<Document> = Vec::with_capacity(loaded.len());
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        for result in loaded {
            match result {
                Ok(l) => {
                    diagnostics.extend(l.warnings);
                    let doc = l.document;
                    if let Some(first) = seen.get(&doc.id) {
                        diagnostics.push(
                            Diagnostic::error(format!("duplicate id `{}`", doc.id))
                                .in_file(&doc.path)
                                .hint(format!(
                                    "`{}` already uses it; ids must be unique in a corpus",
                                    first.display()
                                )),
                        );
                        continue;
                    }
                    seen.insert(doc.id.clone(), doc.path.clone());
                    documents.push(doc);
                }
                Err(d) => diagnostics.push(d),
            }
        }
        Ok(Corpus {
            root: root.to_path_buf(),
            documents,
            diagnostics,
        })
    }

    pub fn get(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link in the corpus, to a file outside it or inside, is reported and
    /// not read; the corpus directory itself may be reached through a link.
    #[cfg(unix)]
    #[test]
    fn symbolic_links_in_the_corpus_are_skipped_with_a_warning() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap_or_else(|e| panic!("{e}"));
        let secret = dir.path().join("secret.md");
        std::fs::write(&secret, "SECRET\n").unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(corpus.join("a.md"), "A.\n").unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(&secret, corpus.join("leak.md"))
            .unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(dir.path(), corpus.join("up")).unwrap_or_else(|e| panic!("{e}"));
        let (files, diagnostics) = document_paths(&corpus);
        assert_eq!(files, [corpus.join("a.md")]);
        let skipped: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.message.as_str(), d.file.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            skipped,
            [
                ("skipped: a symbolic link", corpus.join("leak.md")),
                ("skipped: a symbolic link", corpus.join("up")),
            ]
        );
        let linked = dir.path().join("linked");
        std::os::unix::fs::symlink(&corpus, &linked).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(document_paths(&linked).0, [linked.join("a.md")]);
    }
}
