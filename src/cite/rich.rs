//! Formatted citation text, independent of any output format.

use hayagriva::citationberg::{FontStyle, FontWeight};
use hayagriva::{ElemChild, ElemChildren, ElemMeta};

use super::entry::PLACEHOLDER;

/// A run of formatted text; renderers escape `text` for their own format.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Run {
    pub text: String,
    pub italic: bool,
    pub bold: bool,
    pub link: Option<String>,
}

impl Run {
    /// Unformatted text.
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            italic: false,
            bold: false,
            link: None,
        }
    }

    fn same_format(&self, other: &Run) -> bool {
        self.italic == other.italic && self.bold == other.bold && self.link == other.link
    }
}

/// Formatted text as a list of runs (plain text = concatenation of run texts).
///
/// Adjacent runs never share the same formatting and no run is empty, so equal
/// text with equal formatting always has equal runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rich(pub Vec<Run>);

impl Rich {
    /// The text without formatting.
    pub fn plain(&self) -> String {
        self.0.iter().map(|r| r.text.as_str()).collect()
    }

    /// Appends a run, merging it into the previous one when they look the same.
    pub fn push(&mut self, run: Run) {
        if run.text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.same_format(&run) => last.text.push_str(&run.text),
            _ => self.0.push(run),
        }
    }

    /// Appends all runs of `other`.
    pub fn extend(&mut self, other: Rich) {
        for run in other.0 {
            self.push(run);
        }
    }

    /// Ends the text with a full stop unless it already ends a sentence (some
    /// styles end bibliography entries without one), so more can follow.
    pub fn end_sentence(&mut self) {
        let text = self.plain();
        let text = text.trim_end_matches(['”', '’', '"', '\'', ')']);
        if !text.is_empty() && !text.ends_with(['.', '!', '?']) {
            self.push(Run::plain("."));
        }
    }

    /// Takes off a closing period (a note's), so the citation can stand in
    /// a cell or a list; one inside a closing quotation mark goes too
    /// (“Title.” becomes “Title”).
    pub fn trim_final_period(&mut self) {
        let Some(last) = self.0.last_mut() else {
            return;
        };
        let t = last.text.trim_end();
        if let Some(rest) = t.strip_suffix('.') {
            last.text = rest.to_string();
        } else if let Some(rest) = t.strip_suffix(".”") {
            last.text = format!("{rest}”");
        } else {
            last.text.truncate(t.len());
        }
        self.0.retain(|r| !r.text.is_empty());
    }

    /// Takes the quotation marks from around `title`, for a descriptive
    /// title the analyst supplied: Chicago sets such a title in plain roman
    /// (CMOS 18, 14.71), as the style cannot be told to.
    pub(super) fn unquote(&mut self, title: &str) {
        let plain = self.plain();
        let Some(open) = plain.find(&format!("“{title}")) else {
            return;
        };
        let after = open + '“'.len_utf8() + title.len();
        let rest = &plain[after..];
        let gap = rest.len() - rest.trim_start_matches([',', '.']).len();
        if !rest[gap..].starts_with('”') {
            return;
        }
        // The closing mark first, so the opening one's offset still holds.
        self.remove_char_at(after + gap);
        self.remove_char_at(open);
    }

    /// Removes the character at byte `at` of the plain text.
    fn remove_char_at(&mut self, mut at: usize) {
        for run in &mut self.0 {
            if at < run.text.len() {
                run.text.remove(at);
                break;
            }
            at -= run.text.len();
        }
        self.0.retain(|r| !r.text.is_empty());
    }

    /// Flattens hayagriva's element tree into runs, cutting out the unsigned
    /// placeholder together with the delimiter the style put after it.
    ///
    /// `punctuation_in_quote` moves a period or comma that follows a closing
    /// quotation mark inside it, as the locale asks: hayagriva does so within a
    /// citation but not for the citation layout's own suffix ("“Title”.").
    pub(super) fn from_elems(children: &ElemChildren, punctuation_in_quote: bool) -> Rich {
        let mut pieces = Vec::new();
        flatten(children, &mut pieces);
        let mut rich = Rich::default();
        let mut after_placeholder = false;
        for piece in pieces {
            match piece {
                Piece::Placeholder => after_placeholder = true,
                Piece::Run(mut run) => {
                    if after_placeholder {
                        run.text = run
                            .text
                            .trim_start_matches([',', '.', ';', ':'])
                            .trim_start()
                            .to_string();
                        after_placeholder = run.text.is_empty();
                    }
                    rich.push(run);
                }
            }
        }
        if punctuation_in_quote {
            rich.punctuation_into_quotes();
        }
        rich.no_stop_after_question();
        rich
    }

    /// A title that ends in a question or exclamation mark takes no comma or
    /// period after it (CMOS 18, 6.134): “Mass Exodus?” para. 13, not
    /// “Mass Exodus?,” para. 13; ‘Death Corridor?’” not ‘Death Corridor?’.”
    fn no_stop_after_question(&mut self) {
        /// Whether `text` ends in `?` or `!` followed only by closing quotation marks.
        fn ends_asking(text: &str) -> bool {
            text.trim_end_matches(['”', '’', '"', '\''])
                .ends_with(['?', '!', '？', '！'])
        }
        for run in self.0.iter_mut().filter(|r| r.link.is_none()) {
            let mut out = String::with_capacity(run.text.len());
            let mut chars = run.text.chars().peekable();
            while let Some(c) = chars.next() {
                let ends_a_title = chars
                    .peek()
                    .is_none_or(|n| n.is_whitespace() || matches!(n, '”' | '’' | '"' | '\''));
                if matches!(c, ',' | '.') && ends_a_title && ends_asking(&out) {
                    continue;
                }
                out.push(c);
            }
            run.text = out;
        }
        for i in 1..self.0.len() {
            let (before, after) = self.0.split_at_mut(i);
            if before[i - 1].link.is_none()
                && ends_asking(&before[i - 1].text)
                && after[0].text.starts_with([',', '.'])
            {
                after[0].text.remove(0);
            }
        }
        self.0.retain(|r| !r.text.is_empty());
    }

    fn punctuation_into_quotes(&mut self) {
        for run in &mut self.0 {
            run.text = run.text.replace("”.", ".”").replace("”,", ",”");
        }
        for i in 1..self.0.len() {
            let (before, after) = self.0.split_at_mut(i);
            let (prev, next) = (&mut before[i - 1], &mut after[0]);
            if prev.link.is_none()
                && prev.text.ends_with('”')
                && let Some(p) = next.text.chars().next().filter(|c| matches!(c, '.' | ','))
            {
                prev.text.pop();
                prev.text.push(p);
                prev.text.push('”');
                next.text.remove(0);
            }
        }
        self.0.retain(|r| !r.text.is_empty());
    }
}

enum Piece {
    Run(Run),
    Placeholder,
}

fn flatten(children: &ElemChildren, out: &mut Vec<Piece>) {
    let run = |text: &str, f: &hayagriva::Formatting, link: Option<&String>| {
        Piece::Run(Run {
            text: text.to_string(),
            italic: f.font_style == FontStyle::Italic,
            bold: f.font_weight == FontWeight::Bold,
            link: link.cloned(),
        })
    };
    for child in &children.0 {
        match child {
            ElemChild::Text(t) => out.push(run(&t.text, &t.formatting, None)),
            ElemChild::Link { text, url } => out.push(run(&text.text, &text.formatting, Some(url))),
            ElemChild::Elem(e) => match &e.meta {
                Some(ElemMeta::Names(names))
                    if names
                        .iter()
                        .flat_map(|(ps, _)| ps)
                        .any(|p| p.name.starts_with(PLACEHOLDER)) =>
                {
                    out.push(Piece::Placeholder)
                }
                _ => flatten(&e.children, out),
            },
            // Only produced for math chunks, which are never created here.
            ElemChild::Markup(m) => out.push(Piece::Run(Run::plain(m.clone()))),
            ElemChild::Transparent { .. } => {}
        }
    }
}
