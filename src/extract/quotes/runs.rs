//! Quotations that run over several paragraphs.
//!
//! Journalists quote a long answer paragraph by paragraph: each paragraph
//! opens with a quotation mark, and only the last one closes it. A paragraph
//! that ends inside a quotation, followed by one that opens with a mark, is
//! therefore one quotation continuing, and every part of it has the same
//! speaker, wherever the attribution stands: in the first paragraph
//! (`“A …` / `“B.”`, she said in the first) or in a later one
//! (`“A …` / `“B,” she said.`). Each paragraph's part stays its own quote
//! with its own verbatim span; `continues` links it to the part before.

use super::Quote;
use super::attribute::Speaker;
use super::scan::Marked;

/// The sieve name of a part attributed through its run.
pub const SIEVE: &str = "runs-on";

/// A paragraph's last quote, left open: the run goes on from it.
pub struct OpenQuote {
    /// Its index in the output.
    pub index: usize,
    /// The speaker it was given, if named.
    pub speaker: Option<(Speaker, String)>,
    /// The mark that opened it.
    pub mark: char,
}

/// The run of quotation still open at the end of the last paragraph.
#[derive(Debug, Default)]
pub struct Runs {
    open: Option<Run>,
    /// Whether the current paragraph continues `open`.
    continuing: bool,
}

#[derive(Debug)]
struct Run {
    /// The paragraph that ended inside the quotation.
    para: usize,
    /// The run's quotes so far, as indices into the output.
    members: Vec<usize>,
    /// The first speaker any part of the run was given.
    speaker: Option<(Speaker, String)>,
    /// The mark that opened the quotation left open. A continuation opens
    /// with the same kind of mark: an excerpt set off by a straight `"`
    /// and followed by a paragraph opening with `“` is a block quotation
    /// that quotes someone else, not one quotation running on.
    mark: char,
}

impl Runs {
    /// Called at each paragraph's start: whether the paragraph continues the
    /// open run, which it does when it directly follows the paragraph left
    /// open and opens with the same quotation mark.
    pub fn begin(&mut self, number: usize, text: &str, marks: &[Marked]) -> bool {
        let opening = marks
            .first()
            .filter(|m| text[..m.open.start].trim().is_empty())
            .and_then(|m| text[m.open.clone()].chars().next());
        self.continuing = self
            .open
            .as_ref()
            .is_some_and(|r| r.para + 1 == number && opening == Some(r.mark));
        if !self.continuing {
            self.open = None;
        }
        self.continuing
    }

    /// The quote a paragraph's first quotation continues, if it does.
    pub fn link(&self, first_of_paragraph: bool) -> Option<usize> {
        if !(self.continuing && first_of_paragraph) {
            return None;
        }
        self.open.as_ref()?.members.last().copied()
    }

    /// The speaker the run has been given so far.
    pub fn speaker(&self) -> Option<&(Speaker, String)> {
        self.open.as_ref()?.speaker.as_ref()
    }

    /// Records a part that continues the run. When the part names the
    /// speaker and the earlier parts had none (the attribution comes last),
    /// the earlier parts take it too.
    pub fn extend(&mut self, out: &mut [Quote], index: usize, named: Option<(Speaker, String)>) {
        let Some(run) = self.open.as_mut() else {
            return;
        };
        if run.speaker.is_none()
            && let Some((speaker, _)) = &named
        {
            for &m in &run.members {
                let q = &mut out[m];
                if q.speaker.is_none() && q.speaker_description.is_none() {
                    super::assign(q, speaker.clone(), String::new(), SIEVE);
                }
            }
            run.speaker = named;
        }
        run.members.push(index);
    }

    /// Called at each paragraph's end with the paragraph's last quote, if it
    /// was left open (an unclosed quote runs to its paragraph's end): the
    /// run goes on, or a new one starts, or none is open.
    pub fn end(&mut self, number: usize, open_quote: Option<OpenQuote>) {
        let Some(OpenQuote {
            index,
            speaker,
            mark,
        }) = open_quote
        else {
            self.open = None;
            return;
        };
        match self.open.as_mut() {
            Some(run) if self.continuing && run.members.last() == Some(&index) => {
                run.para = number;
            }
            _ => {
                self.open = Some(Run {
                    para: number,
                    members: vec![index],
                    speaker,
                    mark,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::quotes;

    /// Text, speaker, sieve and the index of the quote continued.
    type Row = (String, Option<String>, Option<&'static str>, Option<usize>);

    /// (text, speaker, sieve, index continued) of each quote.
    fn summary(paragraphs: &[&str]) -> Vec<Row> {
        quotes(paragraphs)
            .into_iter()
            .map(|q| (q.text, q.speaker, q.sieve, q.continues_index))
            .collect()
    }

    fn row(
        text: &str,
        speaker: Option<&str>,
        sieve: Option<&'static str>,
        continues: Option<usize>,
    ) -> Row {
        (text.into(), speaker.map(Into::into), sieve, continues)
    }

    #[test]
    fn attribution_in_the_first_paragraph_carries_on() {
        let got = summary(&[
            "Mara Quill said: “We will rebuild every school on the coast",
            "“and we will start with the ones the flood closed first.”",
            "“Nobody will wait longer than a year for a classroom.”",
        ]);
        assert_eq!(
            got,
            vec![
                row(
                    "We will rebuild every school on the coast",
                    Some("Mara Quill"),
                    Some("speaker-verb-quote"),
                    None
                ),
                row(
                    "and we will start with the ones the flood closed first.",
                    Some("Mara Quill"),
                    Some(super::SIEVE),
                    Some(0)
                ),
                row(
                    "Nobody will wait longer than a year for a classroom.",
                    Some("Mara Quill"),
                    Some("continues-paragraph"),
                    None
                ),
            ]
        );
    }

    #[test]
    fn attribution_in_a_later_paragraph_reaches_back() {
        let got = summary(&[
            "The harbour plan was approved on Monday.",
            "“The harbour has waited thirty years for this decision.",
            "“It will carry twice the freight by the end of the decade,” Tomas Brel said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Tomas Brel"));
        assert_eq!(got[0].2, Some(super::SIEVE));
        assert_eq!(got[1].1.as_deref(), Some("Tomas Brel"));
        assert_eq!(got[1].3, Some(0));
    }

    #[test]
    fn a_closed_quote_or_a_paragraph_between_ends_the_run() {
        // Closed: the next paragraph's quote is not a continuation.
        let got = summary(&[
            "“We have heard every family in the valley,” Ana Vell said.",
            "“The road reopens next week for all traffic.”",
        ]);
        assert_eq!(got[1].3, None);
        // Unclosed, but the next paragraph is not quotation: no run.
        let got = summary(&[
            "Ana Vell said: “we have heard every family in the valley",
            "Officials declined to comment on the plan.",
            "“The road reopens next week for all traffic,” a driver said.",
        ]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].3, None);
        assert_eq!(got[1].1, None);
        // An excerpt opened with a straight mark, then a paragraph opening
        // with a curly one: a block quotation quoting someone else.
        let got = summary(&[
            "\"The council met late into the night to settle the budget for the port",
            "“We cannot keep paying for dredging every year,” Ivo Kran said.",
        ]);
        assert_eq!(got[0].1, None);
        assert_eq!(got[1].3, None);
    }

    #[test]
    fn a_quote_only_paragraph_after_two_speakers_is_left_unattributed() {
        let got = summary(&[
            "“The old bridge is safe for lorries,” Ana Vell said. Ivo Kran disagreed with her on Tuesday. “It is not safe for anyone at all,” he said.",
            "“We need an independent inspection before winter.”",
        ]);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].1.as_deref(), Some("Ivo Kran"));
        assert_eq!(got[2].1, None);
        let got = summary(&[
            "“The bridge is safe for every kind of traffic,” Ana Vell said.",
            "“We will publish the inspection report before winter.”",
        ]);
        assert_eq!(got[1].1.as_deref(), Some("Ana Vell"));
        assert_eq!(got[1].2, Some("continues-paragraph"));
    }

    #[test]
    fn every_part_keeps_its_verbatim_span() {
        let paragraphs = [
            "Mara Quill said: “We will rebuild every school on the coast",
            "“and we will start with the ones the flood closed first.”",
        ];
        let body = paragraphs.join("\n\n");
        for q in quotes(&paragraphs) {
            assert_eq!(&body[q.start..q.end], q.text);
        }
    }
}
