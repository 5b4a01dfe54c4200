//! Diagnostics a user can act on: where (file, line, column), what went wrong,
//! and what to do about it.
//!
//! Every stage returns diagnostics as data instead of printing them, so a run
//! can report every problem at once and tests can assert the full text.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is; errors make the exit status non-zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem found in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it (relative paths stay relative).
    pub file: Option<PathBuf>,
    /// 1-based line and column (in characters) of the offending spot.
    pub position: Option<(usize, usize)>,
    /// The offending source line, shown with a caret under `position`.
    pub source_line: Option<String>,
    /// Lowercase, no trailing period: "failed to X (cause)".
    pub message: String,
    /// Suggestions ("did you mean …", "add a front matter block …").
    pub hints: Vec<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Self::new(Severity::Error, message)
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, message)
    }

    /// A file or directory that could not be read, and why in words.
    pub fn read_failed(file: impl AsRef<Path>, e: &std::io::Error) -> Self {
        Self::error(format!("failed to read ({})", io_reason(e))).in_file(file)
    }

    fn new(severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: None,
            position: None,
            source_line: None,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Points at `line`/`column` (1-based) of `source` and keeps that line for the caret display.
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self.source_line = source
            .lines()
            .nth(line.saturating_sub(1))
            .map(str::to_owned);
        self
    }

    /// Points at a byte offset in `source`.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_column(source, offset);
        self.at(source, line, column)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// 1-based line and character column of a byte offset (clamped to the text).
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

impl fmt::Display for Diagnostic {
    /// `rustc`-like layout, without colour, so the text is stable enough to assert in tests.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        let gutter = match (self.position, &self.source_line) {
            (Some((line, _)), Some(_)) => line.to_string().len(),
            _ => 1,
        };
        let pad = " ".repeat(gutter);
        if let Some(file) = &self.file {
            match self.position {
                Some((line, column)) => writeln!(f, "{pad}--> {}:{line}:{column}", file.display())?,
                None => writeln!(f, "{pad}--> {}", file.display())?,
            }
        }
        if let (Some((line, column)), Some(text)) = (self.position, &self.source_line) {
            let shown: String = text
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            let caret_pad: usize = text
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| {
                    unicode_width::UnicodeWidthChar::width(c)
                        .unwrap_or(0)
                        .max(1)
                })
                .sum();
            writeln!(f, "{pad} |")?;
            writeln!(f, "{line} | {shown}")?;
            writeln!(f, "{pad} | {}^", " ".repeat(caret_pad))?;
        }
        for hint in &self.hints {
            writeln!(f, "{pad} = help: {hint}")?;
        }
        Ok(())
    }
}

/// The OS error without its "(os error 2)" suffix, which users cannot act on.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "not found".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        // brief's own messages (a refused link, a file that is not ours)
        // name paths, whose case matters.
        std::io::ErrorKind::Other if e.raw_os_error().is_none() => e.to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s.to_lowercase(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_caret_and_hint() {
        let source = "---\ntitel: x\n---\n";
        let diag = Diagnostic::error("unknown field `titel`")
            .in_file("corpus/a.md")
            .at(source, 2, 1)
            .hint("did you mean `title`?");
        assert_eq!(
            diag.to_string(),
            "error: unknown field `titel`\n --> corpus/a.md:2:1\n  |\n2 | titel: x\n  | ^\n  = help: did you mean `title`?\n"
        );
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        assert_eq!(line_column("ab\n习近平x", 3 + 9), (2, 4));
        assert_eq!(line_column("abc", 99), (1, 4));
    }

    #[test]
    fn caret_accounts_for_wide_characters() {
        let diag = Diagnostic::warning("w").in_file("f").at("习x", 1, 2);
        assert!(diag.to_string().contains("\n  |   ^\n"), "{diag}");
    }
}
