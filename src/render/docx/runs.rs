//! Inline content: runs of text with their emphasis, CJK runs with an East
//! Asian font and language, hyperlinks, and a citation's rich text. Every
//! string reaches the XML through [`super::xml::escape`].

use std::fmt::Write as _;

use super::rels::Rels;
use super::xml::escape;
use crate::cite::Rich;

/// How a run of text is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub italic: bool,
    pub bold: bool,
    pub strike: bool,
    /// Inline code: a monospaced font.
    pub code: bool,
    /// Inside a hyperlink: the Hyperlink character style.
    pub link: bool,
}

/// The East Asian font and language of a CJK run, by the run's language:
/// the Noto CJK faces the PDF template sets CJK text in.
fn east_asian(lang: &str) -> (&'static str, &'static str) {
    match lang {
        "ja" => ("Noto Serif CJK JP", "ja-JP"),
        "ko" => ("Noto Serif CJK KR", "ko-KR"),
        _ => ("Noto Serif CJK SC", "zh-CN"),
    }
}

/// `text` as runs in `style`: one per stretch of CJK or other text, so a
/// CJK run names its East Asian font and language (Word picks the font for
/// a character by its script, the language decides line breaking and
/// spelling). Line breaks and tabs in corpus text are spaces.
pub fn text(text: &str, style: Style) -> String {
    let mut out = String::new();
    for (run, lang) in crate::render::cjk::runs(text) {
        let run = run.replace(['\n', '\t', '\r'], " ");
        let _ = write!(
            out,
            "<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            properties(style, lang),
            escape(&run)
        );
    }
    out
}

/// A run's `w:rPr`, its children in the schema's order.
pub fn properties(style: Style, lang: Option<&str>) -> String {
    let mut p = String::new();
    if style.link {
        p.push_str("<w:rStyle w:val=\"Hyperlink\"/>");
    }
    let east = lang.map(east_asian);
    match (style.code, east) {
        (true, Some((font, _))) => {
            let _ = write!(
                p,
                "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:eastAsia=\"{font}\" w:hint=\"eastAsia\"/>"
            );
        }
        (true, None) => p.push_str("<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/>"),
        (false, Some((font, _))) => {
            let _ = write!(p, "<w:rFonts w:eastAsia=\"{font}\" w:hint=\"eastAsia\"/>");
        }
        (false, None) => {}
    }
    if style.bold {
        p.push_str("<w:b/>");
    }
    if style.italic {
        p.push_str("<w:i/>");
    }
    if style.strike {
        p.push_str("<w:strike/>");
    }
    if let Some((_, lang)) = east {
        let _ = write!(p, "<w:lang w:eastAsia=\"{lang}\"/>");
    }
    if p.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{p}</w:rPr>")
    }
}

/// Whether `url` may be a link in the document: the web or mail, as the
/// HTML page allows; anything else (`javascript:`, a local file) is text.
pub fn linkable(url: &str) -> bool {
    let url = url.trim();
    crate::render::html::text::is_web(url) || url.to_ascii_lowercase().starts_with("mailto:")
}

/// `inner` (runs) as a hyperlink to `url` through a relationship of `rels`.
pub fn hyperlink(rels: &mut Rels, url: &str, inner: &str) -> String {
    let id = rels.link(url.trim());
    format!("<w:hyperlink r:id=\"{id}\" w:history=\"1\">{inner}</w:hyperlink>")
}

/// A citation's runs: italics and bold kept, web addresses linked.
pub fn rich(r: &Rich, rels: &mut Rels) -> String {
    let mut out = String::new();
    for run in &r.0 {
        let link = run
            .link
            .as_deref()
            .filter(|u| crate::render::html::text::is_web(u));
        let style = Style {
            italic: run.italic,
            bold: run.bold,
            link: link.is_some(),
            ..Style::default()
        };
        let runs = text(&run.text, style);
        match link {
            Some(url) => out.push_str(&hyperlink(rels, url, &runs)),
            None => out.push_str(&runs),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_runs_name_their_font_and_language() {
        let xml = text("Xi (习近平) <b>", Style::default());
        assert_eq!(
            xml,
            "<w:r><w:t xml:space=\"preserve\">Xi (</w:t></w:r>\
             <w:r><w:rPr><w:rFonts w:eastAsia=\"Noto Serif CJK SC\" w:hint=\"eastAsia\"/><w:lang w:eastAsia=\"zh-CN\"/></w:rPr><w:t xml:space=\"preserve\">习近平</w:t></w:r>\
             <w:r><w:t xml:space=\"preserve\">) &lt;b&gt;</w:t></w:r>"
        );
    }

    #[test]
    fn emphasis_keeps_the_schema_order() {
        let style = Style {
            italic: true,
            bold: true,
            link: true,
            ..Style::default()
        };
        assert_eq!(
            properties(style, Some("ja")),
            "<w:rPr><w:rStyle w:val=\"Hyperlink\"/><w:rFonts w:eastAsia=\"Noto Serif CJK JP\" w:hint=\"eastAsia\"/><w:b/><w:i/><w:lang w:eastAsia=\"ja-JP\"/></w:rPr>"
        );
    }

    #[test]
    fn only_web_and_mail_are_links() {
        assert!(linkable("https://e.org"));
        assert!(linkable("MAILTO:a@b.c"));
        assert!(!linkable("javascript:alert(1)"));
        assert!(!linkable("file:///etc/passwd"));
        assert!(!linkable("#x"));
    }
}
