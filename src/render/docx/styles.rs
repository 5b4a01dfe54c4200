//! The styles the document uses (`word/styles.xml`): the built-in set, or
//! a house `templates/reference.docx`'s own, as pandoc's `--reference-doc`
//! does. A reference that lacks a style the brief uses gets the built-in
//! definition of that one style added, so every paragraph still has its
//! look (Word would otherwise fall back to Normal without a word).

/// The built-in styles: Normal, Title, Subtitle, Heading 1–3, Quote,
/// caption, footnote text and reference, Hyperlink, List Paragraph, and the
/// Brief Table table style with its header row.
pub const BUILTIN: &str = include_str!("styles.xml");

/// Every style id the document refers to.
pub const USED: &[&str] = &[
    "Normal",
    "Title",
    "Subtitle",
    "Byline",
    "Heading1",
    "Heading2",
    "Heading3",
    "Quote",
    "QuoteAttribution",
    "Caption",
    "TableCaption",
    "TableText",
    "Figure",
    "ListParagraph",
    "FootnoteText",
    "FootnoteReference",
    "Hyperlink",
    "BriefTable",
];

/// The built-in definition of style `id` (`<w:style …>…</w:style>`).
fn builtin(id: &str) -> Option<&'static str> {
    let key = format!("w:styleId=\"{id}\"");
    let at = BUILTIN.find(&key)?;
    let start = BUILTIN[..at].rfind("<w:style ")?;
    let end = at + BUILTIN[at..].find("</w:style>")? + "</w:style>".len();
    Some(&BUILTIN[start..end])
}

/// `reference` (a reference document's styles part) with the built-in
/// definition of every used style it does not define added before its end;
/// `None` when it has no `</w:styles>` to add them before.
pub fn complete(reference: &str) -> Option<String> {
    let end = reference.rfind("</w:styles>")?;
    let mut added = String::new();
    for id in USED {
        let defined = reference.contains(&format!("w:styleId=\"{id}\""))
            || reference.contains(&format!("w:styleId='{id}'"));
        if !defined && let Some(def) = builtin(id) {
            added.push_str(def);
        }
    }
    let mut out = reference.to_string();
    out.insert_str(end, &added);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_used_style_is_built_in() {
        for id in USED {
            assert!(builtin(id).is_some(), "{id}");
        }
        assert!(builtin("Nope").is_none());
    }

    #[test]
    fn a_reference_keeps_its_styles_and_gets_the_missing_ones() {
        let reference = "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:rPr><w:rFonts w:ascii=\"Impact\"/></w:rPr></w:style></w:styles>";
        let out = complete(reference).unwrap_or_default();
        assert!(out.contains("Impact"));
        assert_eq!(out.matches("w:styleId=\"Heading1\"").count(), 1);
        assert_eq!(out.matches("w:styleId=\"FootnoteText\"").count(), 1);
        assert!(out.ends_with("</w:styles>"));
        assert!(complete("<w:styles>").is_none());
    }
}
