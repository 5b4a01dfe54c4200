//! A house `templates/reference.docx`: its styles (and theme and font
//! table, when it has them) replace the built-in ones, as pandoc's
//! `--reference-doc` does; its text is ignored. Read like every template:
//! only from the project's own `templates/`, never through a link. A file
//! that is not a Word document with well-formed styles is an error naming
//! it, so a broken house style never yields a document in the wrong look.

use std::path::{Path, PathBuf};

use resvg::usvg::roxmltree;

use super::zip;
use crate::diag::Diagnostic;

/// The file name in a project's `templates/`.
pub const NAME: &str = "reference.docx";

/// The parts taken from a reference document.
#[derive(Debug, Clone)]
pub struct Reference {
    pub path: PathBuf,
    /// `word/styles.xml`, with the brief's missing styles added.
    pub styles: String,
    /// `word/theme/theme1.xml`.
    pub theme: Option<Vec<u8>>,
    /// `word/fontTable.xml`.
    pub font_table: Option<Vec<u8>>,
}

/// The project's `templates/reference.docx` in `dir`, if there is one.
pub fn find(dir: &Path) -> Result<Option<Reference>, Diagnostic> {
    let path = dir.join(NAME);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Ok(None);
    };
    let failed = |why: String| {
        Diagnostic::error(format!(
            "cannot use the Word reference document `{}`: {why}",
            path.display()
        ))
        .in_file(&path)
        .hint("save a Word document with the house styles as templates/reference.docx, or remove it to use the built-in styles")
    };
    if !meta.file_type().is_file() {
        return Err(failed("it is not a regular file".into()).hint(
            "templates are read only from the project's own templates/ directory, never through a link",
        ));
    }
    let bytes = std::fs::read(&path).map_err(|e| failed(crate::diag::io_reason(&e)))?;
    let part = |name: &str| -> Result<Option<Vec<u8>>, Diagnostic> {
        let Some(data) = zip::read(&bytes, name).map_err(&failed)? else {
            return Ok(None);
        };
        let text =
            std::str::from_utf8(&data).map_err(|_| failed(format!("its {name} is not UTF-8")))?;
        roxmltree::Document::parse(text)
            .map_err(|e| failed(format!("its {name} is not well-formed XML ({e})")))?;
        Ok(Some(data))
    };
    let styles = part("word/styles.xml")?
        .ok_or_else(|| failed("it has no styles (word/styles.xml)".into()))?;
    let styles = String::from_utf8(styles).unwrap_or_default();
    let styles = super::styles::complete(&styles)
        .ok_or_else(|| failed("its word/styles.xml is not a styles part".into()))?;
    Ok(Some(Reference {
        styles,
        theme: part("word/theme/theme1.xml")?,
        font_table: part("word/fontTable.xml")?,
        path: path.clone(),
    }))
}
