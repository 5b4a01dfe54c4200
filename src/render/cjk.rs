//! Runs of Chinese, Japanese or Korean in corpus and spec text, with their
//! language. Every format that marks CJK text (the HTML page's `lang`, the
//! Word document's East Asian font and language) splits text the same way,
//! so a run one format marks the other does too.

/// `text` cut into runs, each with its language when it is CJK (`zh`,
/// `ja`, `ko`) or `None`; the runs cover the text in order.
pub fn runs(text: &str) -> Vec<(&str, Option<&'static str>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(starts_run).unwrap_or(rest.len());
        if start > 0 {
            out.push((&rest[..start], None));
        }
        rest = &rest[start..];
        if rest.is_empty() {
            break;
        }
        let end = cjk_run_end(rest);
        out.push((&rest[..end], Some(language(&rest[..end]))));
        rest = &rest[end..];
    }
    out
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
    fn runs_cover_the_text_with_their_languages() {
        assert_eq!(
            runs("Wang (王守峰) said 116万人 in 2023年."),
            [
                ("Wang (", None),
                ("王守峰", Some("zh")),
                (") said 116", None),
                ("万人", Some("zh")),
                (" in 2023", None),
                ("年", Some("zh")),
                (".", None)
            ]
        );
        assert_eq!(
            runs("「ひらがな」"),
            [("「", None), ("ひらがな」", Some("ja"))]
        );
        assert_eq!(
            runs("한국어 text"),
            [("한국어", Some("ko")), (" text", None)]
        );
        assert!(runs("").is_empty());
    }
}
