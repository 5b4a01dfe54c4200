//! Where a brief's Typst template comes from: the project's `templates/`
//! or the built-in copy. Every format reads it (the PDF typesets with it,
//! the charts take its colours, the HTML page looks for its own template
//! beside it), so it sits below all of them.

use std::path::PathBuf;

use super::chart_style::ChartStyle;

/// The default template, built in so a project without `templates/` still
/// gets a PDF; a project's own `templates/brief.typ` takes its place.
pub const BUILTIN_TEMPLATE: &str = include_str!("../../templates/brief.typ");

/// Where a brief's template comes from.
#[derive(Debug, Clone)]
pub struct Template {
    /// The project's templates directory as the user would name it
    /// (`templates`), served to Typst at `/templates`.
    pub dir: PathBuf,
    /// Virtual path of the template the brief imports, e.g. `/templates/brief.typ`.
    pub import: String,
    /// Serve the built-in `brief.typ`: the project has none.
    pub builtin: bool,
}

impl Template {
    /// The chart colours and fonts the template names. A project template
    /// that cannot be read here (or is a link) gives the defaults; typesetting
    /// reports the problem with the file itself.
    pub fn chart_style(&self) -> ChartStyle {
        if self.builtin {
            return ChartStyle::from_template(BUILTIN_TEMPLATE);
        }
        let name = self.import.trim_start_matches("/templates/");
        let path = self.dir.join(name);
        let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        match is_file.then(|| std::fs::read_to_string(&path)) {
            Some(Ok(text)) => ChartStyle::from_template(&text),
            _ => ChartStyle::default(),
        }
    }
}
