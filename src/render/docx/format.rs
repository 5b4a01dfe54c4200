//! Word as a [`Format`]: `<audience>.docx` beside the Markdown.

use std::time::Instant;

use super::image;
use crate::brief::Chart;
use crate::diag::Diagnostic;
use crate::render::format::{Format, Input, Rendered};

#[derive(Debug)]
pub struct DocxFormat;

impl Format for DocxFormat {
    fn name(&self) -> &'static str {
        "docx"
    }

    fn label(&self) -> &'static str {
        "Word document"
    }

    /// The charts' pictures draw their text with the build's fonts.
    fn needs_fonts(&self) -> bool {
        true
    }

    fn render(&self, input: &Input) -> Result<Rendered, Vec<Diagnostic>> {
        let reference = super::find_reference(&input.template.dir).map_err(|d| vec![d])?;
        let charts = input.charts(crate::render::chart::files);
        let start = Instant::now();
        let families = &input.chart_style.fonts;
        let db = image::database(input.resources.fonts.as_ref(), families);
        let mut warnings = Vec::new();
        let mut png = |c: &Chart| {
            let svg = charts.iter().find(|(path, _)| *path == c.file)?;
            match image::png(&svg.1, db.clone(), families.first().map(String::as_str)) {
                Ok(png) => Some(png),
                Err(why) => {
                    warnings.push(Diagnostic::warning(format!(
                        "the chart `{}` is left out of the Word document ({why}); its values are still there as a table",
                        c.file
                    )));
                    None
                }
            }
        };
        let bytes = super::render(input.brief, input.keywords, &mut png, reference.as_ref());
        Ok(Rendered {
            files: vec![(input.beside("docx"), bytes)],
            warnings,
            timings: vec![("docx", start.elapsed())],
        })
    }
}
