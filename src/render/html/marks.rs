//! Note marks and the links back to them. Each place a note is cited gets
//! a mark with an id of its own, and the note lists a link back to every
//! one, so a reader can go from the text to the note and back from any of
//! its uses. The markup is pandoc's (`footnote-ref`, `doc-noteref`,
//! `fn3`/`fnref3`), which pandoc and other HTML readers take for notes.

/// The marks made so far, per note number.
#[derive(Debug, Default)]
pub struct Marks {
    uses: Vec<Vec<String>>,
}

impl Marks {
    /// The mark of note `n` at its next use.
    pub fn mark(&mut self, n: usize) -> String {
        if self.uses.len() < n + 1 {
            self.uses.resize(n + 1, Vec::new());
        }
        let uses = &mut self.uses[n];
        let id = match uses.len() {
            0 => format!("fnref{n}"),
            k => format!("fnref{n}-{}", k + 1),
        };
        let html = format!(
            "<a href=\"#fn{n}\" class=\"footnote-ref\" id=\"{id}\" role=\"doc-noteref\" aria-label=\"Note {n}\"><sup>{n}</sup></a>"
        );
        uses.push(id);
        html
    }

    /// The ids of note `n`'s marks, in reading order.
    pub fn uses(&self, n: usize) -> &[String] {
        self.uses.get(n).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_use_has_its_own_id() {
        let mut m = Marks::default();
        assert!(m.mark(2).contains("id=\"fnref2\""));
        assert!(m.mark(1).contains("href=\"#fn1\""));
        assert!(m.mark(2).contains("id=\"fnref2-2\""));
        assert_eq!(m.uses(2), ["fnref2", "fnref2-2"]);
        assert!(m.uses(7).is_empty());
    }
}
