//! Chart SVGs as a [`Format`]: one file per chart, under
//! `charts/<audience>/` beside the Markdown that links them. The PDF embeds
//! the same bytes (from [`Input::charts`], made once).

use std::path::Path;

use crate::diag::Diagnostic;
use crate::render::format::{Format, Input, Rendered};

#[derive(Debug)]
pub struct SvgFormat;

impl Format for SvgFormat {
    fn name(&self) -> &'static str {
        "svg"
    }

    fn selectable(&self) -> bool {
        false
    }

    fn label(&self) -> &'static str {
        "chart SVG"
    }

    fn render(&self, input: &Input) -> Result<Rendered, Vec<Diagnostic>> {
        let beside = input.path.parent().unwrap_or(Path::new(""));
        let files = input
            .charts(crate::render::chart::files)
            .iter()
            .map(|(name, svg)| (beside.join(name), svg.as_bytes().to_vec()))
            .collect();
        Ok(Rendered {
            files,
            ..Rendered::default()
        })
    }
}
