//! Lists (`word/numbering.xml`): one bulleted and one numbered definition,
//! and an instance per list, so each numbered list starts at its own first
//! number (an excerpt of items 3–4 prints "3." and "4.") instead of going
//! on from the list before.

use std::fmt::Write as _;

/// The lists of a document, in order.
#[derive(Debug, Default)]
pub struct Numbering {
    /// Per list: numbered or not, its first number, its nesting level.
    lists: Vec<(bool, u64, usize)>,
}

impl Numbering {
    /// A new list; its `w:numId`.
    pub fn list(&mut self, ordered: bool, start: u64, level: usize) -> usize {
        self.lists.push((ordered, start, level.min(8)));
        self.lists.len()
    }

    /// The `word/numbering.xml` part.
    pub fn xml(&self) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
        );
        for (id, ordered) in [(0, false), (1, true)] {
            let _ = write!(
                out,
                "<w:abstractNum w:abstractNumId=\"{id}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
            );
            for level in 0..9 {
                let indent = 720 * (level + 1);
                let (format, text) = match (ordered, level % 3) {
                    (true, _) => ("decimal", format!("%{}.", level + 1)),
                    (false, 0) => ("bullet", "•".to_string()),
                    (false, 1) => ("bullet", "◦".to_string()),
                    (false, _) => ("bullet", "▪".to_string()),
                };
                let _ = write!(
                    out,
                    "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{indent}\" w:hanging=\"360\"/></w:pPr></w:lvl>"
                );
            }
            out.push_str("</w:abstractNum>");
        }
        for (i, (ordered, start, level)) in self.lists.iter().enumerate() {
            let _ = write!(
                out,
                "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{}\"/>",
                i + 1,
                u8::from(*ordered)
            );
            if *ordered {
                let _ = write!(
                    out,
                    "<w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{}\"/></w:lvlOverride>",
                    (*start).min(u64::from(u32::MAX))
                );
            }
            out.push_str("</w:num>");
        }
        out.push_str("</w:numbering>");
        out
    }
}

/// A list paragraph's properties: item of list `num` at `level`, in
/// `style` (a list in a quote keeps the quote's style).
pub fn item_properties(style: &str, num: usize, level: usize) -> String {
    format!(
        "<w:pPr><w:pStyle w:val=\"{style}\"/><w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>",
        level.min(8)
    )
}
