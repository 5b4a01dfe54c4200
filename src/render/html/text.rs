//! Corpus and spec text as HTML text: escaped, and each run of Chinese,
//! Japanese or Korean marked with its language, so a screen reader speaks
//! it in the right voice and a browser picks a font that draws it.

use std::fmt::Write as _;

/// `text` escaped for HTML element content and attribute values alike
/// (`&`, `<`, `>`, `"`, `'`), with CJK runs in `<span lang="…">`.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (run, lang) in crate::render::cjk::runs(text) {
        match lang {
            Some(lang) => {
                let _ = write!(out, "<span lang=\"{lang}\">");
                escape_into(&mut out, run);
                out.push_str("</span>");
            }
            None => escape_into(&mut out, run),
        }
    }
    out
}

/// Whether `url` is a web address (`http:`/`https:`, any case): the only
/// links the page makes to anything outside itself.
pub fn is_web(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// `text` escaped, with no language marks: for attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no business in a page; a reader shows
            // nothing for them, so neither do we (the PDF does the same).
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_comes_out_literal() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{7}b\u{202e}c"), "ab\u{202e}c");
    }

    #[test]
    fn cjk_runs_carry_their_language() {
        assert_eq!(
            html("Wang Shoufeng (王守峰) said"),
            "Wang Shoufeng (<span lang=\"zh\">王守峰</span>) said"
        );
        assert_eq!(
            html("116万人 left in 2023年."),
            "116<span lang=\"zh\">万人</span> left in 2023<span lang=\"zh\">年</span>."
        );
        assert_eq!(
            html("「ひらがな」"),
            "「<span lang=\"ja\">ひらがな」</span>"
        );
        assert_eq!(html("한국어 text"), "<span lang=\"ko\">한국어</span> text");
        assert_eq!(html("plain"), "plain");
    }
}
