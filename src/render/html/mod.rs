//! HTML: one self-contained page per output, `<audience>.html` beside the
//! Markdown. Styles are inline, charts are inline SVG with their values
//! also as a table, and the page asks nothing of the network.
//!
//! The page is the project's `templates/brief.html` (a MiniJinja template
//! with HTML auto-escaping), or the built-in copy of it: restyling needs no
//! Rust change. The template gets the brief as values that are HTML already
//! (`page.rs`): corpus and spec text escaped, so no template can print it
//! as markup. Like the Typst template, it is read only from the project's
//! own `templates/`, never through a link, and it can include nothing.

mod format;
mod marks;
mod page;
mod prose;
pub(crate) mod text;

use std::path::{Path, PathBuf};

use minijinja::{Environment, UndefinedBehavior};

use crate::brief::Brief;
use crate::diag::Diagnostic;

pub use format::HtmlFormat;
pub use page::{Page, page};

/// The default page template, built in so a project without one still gets
/// a page; a project's own `templates/brief.html` takes its place.
pub const BUILTIN_TEMPLATE: &str = include_str!("../../../templates/brief.html");

/// The file name of the page template in a project's `templates/`.
pub const TEMPLATE_NAME: &str = "brief.html";

/// Steps a template may take rendering one page (MiniJinja's fuel): far
/// more than any page needs, so a loop that never ends is an error and not
/// a build that never finishes.
const FUEL: u64 = 50_000_000;

/// A page template: its text and where it came from.
#[derive(Debug, Clone)]
pub struct PageTemplate {
    pub source: String,
    /// The project's file, or `None` for the built-in template.
    pub path: Option<PathBuf>,
}

impl PageTemplate {
    /// The project's `templates/brief.html` in `dir`, else the built-in
    /// one. A link, or a file that cannot be read, is an error naming it.
    pub fn find(dir: &Path) -> Result<PageTemplate, Diagnostic> {
        let path = dir.join(TEMPLATE_NAME);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return Ok(PageTemplate::builtin());
        };
        if !meta.file_type().is_file() {
            return Err(Diagnostic::error(format!(
                "the page template `{}` is not a regular file",
                path.display()
            ))
            .hint("templates are read only from the project's own templates/ directory, never through a link"));
        }
        match std::fs::read_to_string(&path) {
            Ok(source) => Ok(PageTemplate {
                source,
                path: Some(path),
            }),
            Err(e) => Err(Diagnostic::error(format!(
                "cannot read the page template `{}` ({})",
                path.display(),
                crate::diag::io_reason(&e)
            ))),
        }
    }

    pub fn builtin() -> PageTemplate {
        PageTemplate {
            source: BUILTIN_TEMPLATE.to_string(),
            path: None,
        }
    }
}

/// The page of `brief` through `template`; `svg(chart)` gives each chart's
/// SVG. A template error names the template's file and line.
pub fn render(
    brief: &Brief,
    template: &PageTemplate,
    svg: &dyn Fn(&crate::brief::Chart) -> Option<String>,
) -> Result<String, Diagnostic> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    // Every template is HTML, whatever its name: escape what it prints.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    let shown = template.path.as_deref().map_or_else(
        || format!("(built in) templates/{TEMPLATE_NAME}"),
        |p| p.display().to_string(),
    );
    let failed = |e: minijinja::Error| {
        template_error(&shown, &template.source, template.path.as_deref(), &e)
    };
    let compiled = env
        .template_from_named_str(TEMPLATE_NAME, &template.source)
        .map_err(failed)?;
    let page = page(brief, svg);
    compiled
        .render(minijinja::Value::from(minijinja::value::Serde(&page)))
        .map_err(failed)
}

fn template_error(
    shown: &str,
    source: &str,
    path: Option<&Path>,
    e: &minijinja::Error,
) -> Diagnostic {
    let what = e
        .detail()
        .map_or_else(|| e.kind().to_string(), str::to_string);
    let mut diag = Diagnostic::error(format!("the page template {shown} failed: {what}"));
    if let Some(path) = path {
        diag = diag.in_file(path);
        if let Some(line) = e.line() {
            diag = diag.at(source, line, 1);
        }
    }
    diag.hint("the values a page template gets are described in src/render/html/page.rs")
}
