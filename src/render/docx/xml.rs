//! The one way corpus and spec text enters the document's XML: escaped, and
//! without the characters XML 1.0 cannot hold. A control character in an
//! XML part makes Word refuse the whole file ("unreadable content"), so
//! they are dropped, as the HTML page and the PDF drop them.

/// `text` as XML character data and attribute values alike: `&`, `<`,
/// `>`, `"` and `'` escaped (so `]]>` is `]]&gt;`), control characters
/// other than tab and line break dropped, and the two non-characters XML
/// forbids (U+FFFE, U+FFFF) with them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_never_reach_the_xml() {
        assert_eq!(
            escape("<w:t>a & b]]></w:t> \"q\" 'r'"),
            "&lt;w:t&gt;a &amp; b]]&gt;&lt;/w:t&gt; &quot;q&quot; &apos;r&apos;"
        );
        assert_eq!(
            escape("a\u{0}b\u{7}c\u{1b}d\u{fffe}e\u{85}f\tg"),
            "abcdef\tg"
        );
        assert_eq!(escape("王守峰 — ok"), "王守峰 — ok");
    }
}
