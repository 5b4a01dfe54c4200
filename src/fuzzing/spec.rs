//! The spec reader on arbitrary bytes: it must return, not panic or hang, and
//! every diagnostic must point at a line and column that exist in the input,
//! since `brief check` prints that line with a caret under the column.

use std::path::Path;

use super::ensure;
use crate::diag::Diagnostic;
use crate::spec::{self, LoadError, yaml};

/// Reads `data` (lossily decoded, as a spec file with stray bytes would be
/// reported) as a spec and checks the diagnostics it returns.
pub fn spec(data: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(data).into_owned();
    // `spec::parse` drops a byte-order mark before reading; positions are in what is left.
    let source = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();

    if let Err(e) = yaml::parse(&source)
        && let (Some(line), Some(column)) = (e.line, e.column)
    {
        in_source(&source, line, column).map_err(|m| format!("YAML error {e:?}: {m}"))?;
    }

    let path = Path::new("briefs/fuzz.yaml");
    let first = spec::parse(path, text.clone());
    let diagnostics = match &first {
        Ok(spec) => {
            ensure(lines(&spec.source) == lines(&source), || {
                "the spec's source is not the text it was read from".into()
            })?;
            &spec.warnings
        }
        Err(LoadError::Io(d)) => return Err(format!("parsing text reported an I/O error: {d}")),
        Err(LoadError::Invalid { diagnostics, .. }) => {
            ensure(diagnostics.iter().any(Diagnostic::is_error), || {
                format!("rejected without an error: {diagnostics:?}")
            })?;
            diagnostics
        }
    };
    for d in diagnostics {
        check_diagnostic(&source, d).map_err(|m| format!("{m}\n{d:?}"))?;
    }
    // Reading is a pure function of the text: the same input, the same report.
    let again = spec::parse(path, text);
    let same = match (&first, &again) {
        (Ok(a), Ok(b)) => a.warnings == b.warnings,
        (
            Err(LoadError::Invalid { diagnostics: a, .. }),
            Err(LoadError::Invalid { diagnostics: b, .. }),
        ) => a == b,
        _ => false,
    };
    ensure(same, || "a second read gave a different result".into())
}

fn check_diagnostic(source: &str, d: &Diagnostic) -> Result<(), String> {
    ensure(!d.message.trim().is_empty(), || "empty message".into())?;
    ensure(
        d.file.as_deref() == Some(Path::new("briefs/fuzz.yaml")),
        || "diagnostic does not name the spec".into(),
    )?;
    // Rendering walks the source line to place the caret; it must not panic.
    let shown = d.to_string();
    ensure(shown.contains(&d.message), || {
        "rendered text lost the message".into()
    })?;
    let Some((line, column)) = d.position else {
        return Ok(());
    };
    in_source(source, line, column)?;
    // `None` for the empty line after a final line break: there is nothing to show.
    let expected =
        Some(lines(source)[line - 1]).filter(|l| !l.is_empty() || line < lines(source).len());
    ensure(d.source_line.as_deref() == expected, || {
        format!(
            "caret line {:?} is not line {line} of the input",
            d.source_line
        )
    })
}

/// The lines of `source` as YAML and a text editor count them: a line ends
/// at `\r\n`, `\n` or a lone `\r`. After a final break comes an empty line.
fn lines(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            out.push(&source[start..i]);
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(&source[start..]);
    out
}

/// Whether 1-based `line` and character `column` exist in `source`: a line
/// of the text (or the empty line after a final break), and a column at
/// most one past its last character.
fn in_source(source: &str, line: usize, column: usize) -> Result<(), String> {
    let lines = lines(source);
    ensure(line >= 1 && line <= lines.len(), || {
        format!("line {line} is outside the input's {} lines", lines.len())
    })?;
    let width = lines[line - 1].chars().count();
    ensure(column >= 1 && column <= width + 1, || {
        format!("column {column} is outside line {line}, which has {width} characters")
    })
}
