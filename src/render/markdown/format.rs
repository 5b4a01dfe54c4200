//! Markdown as a [`Format`]: one `.md` file per output, the file that
//! names the output.

use crate::diag::Diagnostic;
use crate::render::format::{Format, Input, Rendered};

#[derive(Debug)]
pub struct MarkdownFormat;

impl Format for MarkdownFormat {
    fn name(&self) -> &'static str {
        "md"
    }

    fn label(&self) -> &'static str {
        "Markdown"
    }

    fn render(&self, input: &Input) -> Result<Rendered, Vec<Diagnostic>> {
        Ok(Rendered {
            files: vec![(
                input.path.to_path_buf(),
                super::render(input.brief).into_bytes(),
            )],
            ..Rendered::default()
        })
    }
}
