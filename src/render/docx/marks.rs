//! Note marks. A note's first use is Word's own footnote reference (Word
//! numbers it, and the note sits in `footnotes.xml`); a later use of the
//! same note is a cross-reference to that footnote (`NOTEREF`, as Word's
//! Insert Cross-reference writes it), so every note is one footnote, the
//! same notes as the Markdown's, and each later mark shows its number.

/// Which notes have been used so far.
#[derive(Debug, Default)]
pub struct Marks {
    used: Vec<bool>,
}

/// The bookmark around note `n`'s footnote reference.
fn bookmark(n: usize) -> String {
    format!("_RefNote{n}")
}

const MARK_STYLE: &str = "<w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>";

impl Marks {
    /// The runs of note `n`'s mark at this place.
    pub fn mark(&mut self, n: usize) -> String {
        if self.used.len() <= n {
            self.used.resize(n + 1, false);
        }
        let name = bookmark(n);
        if !self.used[n] {
            self.used[n] = true;
            return format!(
                "<w:bookmarkStart w:id=\"{n}\" w:name=\"{name}\"/><w:r>{MARK_STYLE}<w:footnoteReference w:id=\"{n}\"/></w:r><w:bookmarkEnd w:id=\"{n}\"/>"
            );
        }
        format!(
            "<w:r>{MARK_STYLE}<w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r>{MARK_STYLE}<w:instrText xml:space=\"preserve\"> NOTEREF {name} \\f \\h </w:instrText></w:r>\
             <w:r>{MARK_STYLE}<w:fldChar w:fldCharType=\"separate\"/></w:r>\
             <w:r>{MARK_STYLE}<w:t>{n}</w:t></w:r>\
             <w:r>{MARK_STYLE}<w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_referenced_once_then_cross_referenced() {
        let mut m = Marks::default();
        let first = m.mark(2);
        assert!(first.contains("<w:footnoteReference w:id=\"2\"/>"));
        assert!(first.contains("w:name=\"_RefNote2\""));
        let again = m.mark(2);
        assert!(!again.contains("footnoteReference"));
        assert!(again.contains("NOTEREF _RefNote2 \\f \\h"));
        assert!(again.contains("<w:t>2</w:t>"));
        assert!(m.mark(1).contains("<w:footnoteReference w:id=\"1\"/>"));
    }
}
