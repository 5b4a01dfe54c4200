//! The package: every part of the Word document, its content types and
//! relationships, and the document properties, zipped in a fixed order.

use std::fmt::Write as _;

use super::body::Body;
use super::reference::Reference;
use super::rels::Rels;
use super::xml::escape;
use crate::brief::Brief;

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// The document's parts: the body and notes written, the styles (the
/// reference's or the built-in ones).
#[derive(Debug)]
pub struct Parts<'a> {
    pub brief: &'a Brief,
    pub keywords: &'a [String],
    pub body: Body,
    pub footnotes: String,
    pub footnote_rels: Rels,
    pub reference: Option<&'a Reference>,
}

/// The `.docx` file of `parts`.
pub fn zip(parts: Parts) -> Vec<u8> {
    let Parts {
        brief,
        keywords,
        mut body,
        footnotes,
        footnote_rels,
        reference,
    } = parts;
    // (part name, content type or None for a default one, bytes)
    let mut entries: Vec<(String, Option<String>, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, kind: Option<String>, bytes: Vec<u8>| {
        entries.push((name.to_string(), kind, bytes));
    };
    let styles = reference.map_or_else(|| super::styles::BUILTIN.to_string(), |r| r.styles.clone());
    body.rels.part("styles", "styles", "styles.xml");
    body.rels.part("numbering", "numbering", "numbering.xml");
    body.rels.part("footnotes", "footnotes", "footnotes.xml");
    body.rels.part("settings", "settings", "settings.xml");
    let theme = reference.and_then(|r| r.theme.clone());
    let font_table = reference.and_then(|r| r.font_table.clone());
    if theme.is_some() {
        body.rels.part("theme", "theme", "theme/theme1.xml");
    }
    if font_table.is_some() {
        body.rels.part("fontTable", "fontTable", "fontTable.xml");
    }

    add("[Content_Types].xml", None, Vec::new());
    add("_rels/.rels", None, root_rels().into_bytes());
    add(
        "docProps/core.xml",
        Some("application/vnd.openxmlformats-package.core-properties+xml".into()),
        core(brief, keywords).into_bytes(),
    );
    add(
        "docProps/app.xml",
        Some("application/vnd.openxmlformats-officedocument.extended-properties+xml".into()),
        app(brief).into_bytes(),
    );
    add(
        "word/document.xml",
        Some(format!("{WML}.document.main+xml")),
        super::document::xml(&body).into_bytes(),
    );
    add(
        "word/_rels/document.xml.rels",
        None,
        body.rels.xml().into_bytes(),
    );
    add(
        "word/styles.xml",
        Some(format!("{WML}.styles+xml")),
        styles.into_bytes(),
    );
    add(
        "word/numbering.xml",
        Some(format!("{WML}.numbering+xml")),
        body.numbering.xml().into_bytes(),
    );
    add(
        "word/footnotes.xml",
        Some(format!("{WML}.footnotes+xml")),
        footnotes.into_bytes(),
    );
    if !footnote_rels.is_empty() {
        add(
            "word/_rels/footnotes.xml.rels",
            None,
            footnote_rels.xml().into_bytes(),
        );
    }
    add(
        "word/settings.xml",
        Some(format!("{WML}.settings+xml")),
        super::footnotes::settings().into_bytes(),
    );
    if let Some(theme) = theme {
        add(
            "word/theme/theme1.xml",
            Some("application/vnd.openxmlformats-officedocument.theme+xml".into()),
            theme,
        );
    }
    if let Some(font_table) = font_table {
        add(
            "word/fontTable.xml",
            Some(format!("{WML}.fontTable+xml")),
            font_table,
        );
    }
    for (file, png) in &body.images {
        add(&format!("word/media/{file}"), None, png.clone());
    }
    let types = content_types(&entries);
    entries[0].2 = types.into_bytes();
    let files: Vec<(String, Vec<u8>)> = entries.into_iter().map(|(n, _, b)| (n, b)).collect();
    super::zip::write(&files)
}

/// `[Content_Types].xml`: defaults for relationships, XML and PNG, and the
/// type of every XML part by name.
fn content_types(entries: &[(String, Option<String>, Vec<u8>)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>",
    );
    for (name, kind, _) in entries {
        if let Some(kind) = kind {
            let _ = write!(
                out,
                "<Override PartName=\"/{name}\" ContentType=\"{kind}\"/>"
            );
        }
    }
    out.push_str("</Types>");
    out
}

fn root_rels() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"document\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"core\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"app\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"
    )
}

/// The document properties: title, subject (the subtitle), creator (the
/// brief's author), keywords (the cited documents' tags, as the PDF's),
/// and the brief's date as created and modified, never the clock's.
fn core(brief: &Brief, keywords: &[String]) -> String {
    let date = brief.date.format("%Y-%m-%dT00:00:00Z");
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    let _ = write!(out, "<dc:title>{}</dc:title>", escape(&brief.title));
    if let Some(subtitle) = &brief.subtitle {
        let _ = write!(out, "<dc:subject>{}</dc:subject>", escape(subtitle));
    }
    if let Some(author) = &brief.author {
        let _ = write!(out, "<dc:creator>{}</dc:creator>", escape(author));
    }
    if !keywords.is_empty() {
        let _ = write!(
            out,
            "<cp:keywords>{}</cp:keywords>",
            escape(&keywords.join(", "))
        );
    }
    let _ = write!(
        out,
        "<dc:language>en</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified></cp:coreProperties>"
    );
    out
}

/// The application properties: what made the file, and the organisation.
fn app(brief: &Brief) -> String {
    let company = brief
        .organisation
        .as_deref()
        .map(|o| format!("<Company>{}</Company>", escape(o)))
        .unwrap_or_default();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>brief</Application>{company}</Properties>"
    )
}
