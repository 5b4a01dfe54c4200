//! What the document's body collects while it is written: its XML, the
//! relationships its links and images need, its lists, its charts' images
//! and which notes it has referenced. Paragraph and table helpers every
//! block writer uses.

use std::fmt::Write as _;

use super::marks::Marks;
use super::numbering::Numbering;
use super::rels::Rels;
use super::runs;

/// The body being written.
#[derive(Debug, Default)]
pub struct Body {
    pub xml: String,
    pub rels: Rels,
    pub numbering: Numbering,
    pub marks: Marks,
    /// Each chart's PNG: its file name under `word/media/`, and bytes.
    pub images: Vec<(String, Vec<u8>)>,
    /// The first footnote id the analyst's own notes take: after the
    /// brief's notes.
    pub analyst_base: usize,
    /// The analyst's own footnotes by label, in order of first use or
    /// definition: their paragraphs once defined.
    pub analyst: Vec<(String, Option<String>)>,
}

impl Body {
    /// A paragraph in `style` holding `content` (runs).
    pub fn para(&mut self, style: &str, content: &str) {
        push_para(&mut self.xml, style, content);
    }

    /// The runs of note `n`'s mark here.
    pub fn mark(&mut self, n: usize) -> String {
        self.marks.mark(n)
    }

    /// The footnote id of the analyst's note `label`.
    fn analyst_id(&mut self, label: &str) -> usize {
        let at = match self.analyst.iter().position(|(l, _)| l == label) {
            Some(at) => at,
            None => {
                self.analyst.push((label.to_string(), None));
                self.analyst.len() - 1
            }
        };
        self.analyst_base + at
    }

    /// The runs of the mark of the analyst's note `label` here.
    pub fn analyst_mark(&mut self, label: &str) -> String {
        let id = self.analyst_id(label);
        self.marks.mark(id)
    }

    /// The paragraphs of the analyst's note `label` (a definition read).
    pub fn analyst_note(&mut self, label: &str, paragraphs: String) {
        let at = self.analyst_id(label) - self.analyst_base;
        if let Some(entry) = self.analyst.get_mut(at) {
            entry.1.get_or_insert(paragraphs);
        }
    }

    /// A heading at `level` (1–3) with plain text.
    pub fn heading(&mut self, level: usize, text: &str) {
        let style = format!("Heading{}", level.clamp(1, 3));
        let content = runs::text(text, runs::Style::default());
        self.para(&style, &content);
    }
}

/// A paragraph in `style` holding `content`.
pub fn push_para(out: &mut String, style: &str, content: &str) {
    let _ = write!(
        out,
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{content}</w:p>"
    );
}

/// A table in the brief's table style: `header` cells (runs) in a row that
/// repeats on every page, then `rows`. Columns share the text width.
pub fn table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let columns = header.len().max(1);
    let width = 9000 / columns;
    out.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"BriefTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
    for _ in 0..columns {
        let _ = write!(out, "<w:gridCol w:w=\"{width}\"/>");
    }
    out.push_str("</w:tblGrid>");
    row(out, header, true);
    for r in rows {
        row(out, r, false);
    }
    out.push_str("</w:tbl>");
}

fn row(out: &mut String, cells: &[String], header: bool) {
    out.push_str("<w:tr>");
    if header {
        out.push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    } else {
        out.push_str("<w:trPr><w:cantSplit/></w:trPr>");
    }
    for cell in cells {
        out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>");
        push_para(out, "TableText", cell);
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
}
