//! Word's own footnotes (`word/footnotes.xml`): the separator and
//! continuation separator Word expects first (ids -1 and 0, as Word writes
//! them), then one footnote per note of the brief, its id the note's
//! number, in the FootnoteText style with Word's own number mark. Word
//! numbers them by where their references stand; the body references the
//! notes in the brief's order, so the numbers are the brief's.

use std::fmt::Write as _;

use super::rels::Rels;
use super::runs;
use crate::brief::Note;

const NAMESPACES: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// The footnotes part, and the relationships its links need: the brief's
/// notes, then the analyst's own (`analyst`: label and paragraphs, ids
/// from `analyst_base`); one used but never defined is an empty note.
pub fn xml(
    notes: &[Note],
    analyst: &[(String, Option<String>)],
    analyst_base: usize,
) -> (String, Rels) {
    let mut rels = Rels::default();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes {NAMESPACES}>\
         <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for note in notes {
        let _ = write!(
            out,
            "<w:footnote w:id=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>{}</w:p></w:footnote>",
            note.number,
            runs::rich(&note.text, &mut rels)
        );
    }
    for (k, (_, paragraphs)) in analyst.iter().enumerate() {
        let _ = write!(
            out,
            "<w:footnote w:id=\"{}\">{}</w:footnote>",
            analyst_base + k,
            paragraphs.as_deref().unwrap_or("<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r></w:p>")
        );
    }
    out.push_str("</w:footnotes>");
    (out, rels)
}

/// `word/settings.xml`: the separators' ids and Word 2013's layout rules.
pub fn settings() -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>".to_string()
}
