//! Corpus and spec text as HTML text: escaped, and each run of Chinese,
//! Japanese or Korean marked with its language, so a screen reader speaks
//! it in the right voice and a browser picks a font that draws it.

use std::fmt::Write as _;

/// `text` escaped for HTML element content and attribute values alike
/// (`&`, `<`, `>`, `"`, `'`), with CJK runs in `<span lang="…">`.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(starts_run).unwrap_or(rest.len());
        escape_into(&mut out, &rest[..start]);
        rest = &rest[start..];
        if rest.is_empty() {
            break;
        }
        let end = cjk_run_end(rest);
        let run = &rest[..end];
        let _ = write!(out, "<span lang=\"{}\">", language(run));
        escape_into(&mut out, run);
        out.push_str("</span>");
        rest = &rest[end..];
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

/// CJK ideographs and kana, and Hangul, which `is_cjk` leaves out (it
/// counts words; Korean spaces its words).
fn starts_run(c: char) -> bool {
    crate::text::is_cjk(c) || is_hangul(c)
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// Where a run that starts with a CJK character ends: at the first
/// character that is neither CJK nor the punctuation and digits CJK text
/// holds (full-width forms, CJK symbols, digits between characters).
fn cjk_run_end(text: &str) -> usize {
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let joins = starts_run(c)
            || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
            || c.is_ascii_digit();
        if !joins {
            break;
        }
        end = i + c.len_utf8();
    }
    // Digits are kept only between CJK characters: "2023年" yes, "年 2023" no.
    let trimmed = text[..end].trim_end_matches(|c: char| c.is_ascii_digit());
    trimmed
        .len()
        .max(text.chars().next().map_or(0, char::len_utf8))
}

/// The run's language by its script: kana make it Japanese, Hangul Korean,
/// Han characters alone Chinese (the corpus's CJK text is Chinese; a
/// Japanese sentence without kana is rare and still drawn right by a CJK
/// font).
fn language(run: &str) -> &'static str {
    if run
        .chars()
        .any(|c| matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF))
    {
        "ja"
    } else if run.chars().any(is_hangul) {
        "ko"
    } else {
        "zh"
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
