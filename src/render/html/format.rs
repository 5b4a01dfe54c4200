//! HTML as a [`Format`]: `<audience>.html` beside the Markdown.

use crate::diag::Diagnostic;
use crate::render::format::{Format, Input, Rendered};

#[derive(Debug)]
pub struct HtmlFormat;

impl Format for HtmlFormat {
    fn name(&self) -> &'static str {
        "html"
    }

    fn label(&self) -> &'static str {
        "HTML"
    }

    fn render(&self, input: &Input) -> Result<Rendered, Vec<Diagnostic>> {
        let template = super::PageTemplate::find(&input.template.dir).map_err(|d| vec![d])?;
        let charts = input.charts(crate::render::chart::files);
        let svg = |c: &crate::brief::Chart| {
            charts
                .iter()
                .find(|(path, _)| *path == c.file)
                .map(|(_, text)| text.clone())
        };
        let page = super::render(input.brief, &template, &svg).map_err(|d| vec![d])?;
        Ok(Rendered {
            files: vec![(input.beside("html"), page.into_bytes())],
            ..Rendered::default()
        })
    }
}
