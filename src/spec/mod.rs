//! Stage 3: briefing specs. A spec is read in two passes: YAML into a tree
//! that keeps positions ([`yaml`]), then the tree into a typed [`Spec`]
//! ([`read`]), collecting every problem on the way. Nothing here looks at the
//! corpus: ids and selections are checked when the spec is resolved.

pub mod decode;
pub mod model;
pub mod read;
#[cfg(test)]
mod tests;
pub mod yaml;

use std::path::Path;

pub use model::*;

use crate::diag::Diagnostic;

/// Why a spec could not be read at all.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read (a usage or I/O problem, exit status 2).
    Io(Diagnostic),
    /// The file was read but is not a usable spec; every problem found.
    /// `partial` is what could be read, so that the corpus-dependent checks
    /// (dangling ids, empty selections) can still run and `brief check`
    /// reports those problems in the same run.
    Invalid {
        diagnostics: Vec<Diagnostic>,
        partial: Option<Box<Spec>>,
    },
}

/// Reads and checks one spec file.
pub fn load(path: &Path) -> Result<Spec, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| {
        LoadError::Io(
            Diagnostic::error(format!("cannot read spec: {}", crate::diag::io_reason(&e)))
                .in_file(path),
        )
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let diag = Diagnostic::error("spec is not valid UTF-8")
                .in_file(path)
                .at_offset(&text, valid);
            return Err(LoadError::Invalid {
                diagnostics: vec![diag],
                partial: None,
            });
        }
    };
    parse(path, text)
}

/// Checks a spec given as text; `path` is used for diagnostics and the output name.
pub fn parse(path: &Path, text: String) -> Result<Spec, LoadError> {
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    let text = lone_carriage_returns_to_newlines(text);
    let root = match yaml::parse(&text) {
        Ok(root) => root,
        Err(e) => {
            let mut diag = Diagnostic::error(format!("invalid YAML: {}", e.message)).in_file(path);
            if let (Some(line), Some(column)) = (e.line, e.column) {
                diag = diag.at(&text, line, column);
            }
            return Err(LoadError::Invalid {
                diagnostics: vec![diag],
                partial: None,
            });
        }
    };
    let mut cx = decode::Ctx::new(path, &text);
    let read = read::spec(&mut cx, &root);
    let mut diagnostics = cx.diagnostics;
    // Reported in the order they appear in the file, as a reader fixes them.
    diagnostics.sort_by_key(|d| d.position);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    let Some(r) = read else {
        return Err(LoadError::Invalid {
            diagnostics,
            partial: None,
        });
    };
    let spec = Spec {
        path: path.to_path_buf(),
        name: spec_name(path),
        title: r.title.unwrap_or_default(),
        subtitle: r.subtitle,
        organisation: r.organisation,
        author: r.author,
        date: r.date,
        summary: r.summary,
        key_points: r.key_points,
        corpus: r.corpus,
        citation_style: r.citation_style,
        ibid: r.ibid,
        template: r.template,
        formats: r.formats,
        audiences: r.audiences,
        sections: r.sections,
        schedule: r.schedule,
        on_new_data: r.on_new_data,
        corrections: r.corrections,
        warnings: Vec::new(),
        source: text,
    };
    if !has_errors {
        Ok(Spec {
            warnings: diagnostics,
            ..spec
        })
    } else {
        Err(LoadError::Invalid {
            diagnostics,
            partial: Some(Box::new(spec)),
        })
    }
}

/// YAML ends a line at a carriage return not followed by a newline (old Mac
/// files), but diagnostics find their line by counting `\n`, so a position
/// would name a line the caret display cannot find. YAML reads either break
/// the same way, so the text is given `\n` there before it is parsed.
fn lone_carriage_returns_to_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') {
            '\n'
        } else {
            c
        });
    }
    out
}

/// The output directory name: the spec's file stem.
pub fn spec_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "brief".into())
}
