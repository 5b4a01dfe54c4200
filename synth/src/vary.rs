//! Variation: new names for the people in the text and new digits for its
//! numbers, drawn per document.

use std::fmt::Write as _;

use super::bank::{Num, Piece, Template};
use super::data::{Form, GIVEN_NAMES, Kind, SURNAMES, WESTERN_FIRST, WESTERN_LAST};
use super::rng::Rng;

#[derive(Debug)]
pub(super) struct NewName {
    pub(super) full: String,
    surname: &'static str,
    given: &'static str,
    pub(super) cjk: String,
}

impl NewName {
    pub(super) fn draw(rng: &mut Rng, kind: Kind) -> NewName {
        match kind {
            Kind::Chinese => {
                let (surname, s_cjk) = *rng.pick(SURNAMES);
                let (given, g_cjk) = *rng.pick(GIVEN_NAMES);
                NewName {
                    full: format!("{surname} {given}"),
                    surname,
                    given,
                    cjk: format!("{s_cjk}{g_cjk}"),
                }
            }
            Kind::Western => {
                let given = *rng.pick(WESTERN_FIRST);
                let surname = *rng.pick(WESTERN_LAST);
                let full = format!("{given} {surname}");
                NewName {
                    cjk: full.clone(),
                    full,
                    surname,
                    given,
                }
            }
        }
    }

    fn form(&self, form: Form) -> &str {
        match form {
            Form::Full => &self.full,
            Form::Surname => self.surname,
            Form::Given => self.given,
            Form::Cjk => &self.cjk,
        }
    }
}

/// Per-document state: the random stream, who the people are, and the year
/// the document was published (no year in it may be later).
#[derive(Debug)]
pub(super) struct Ctx {
    pub(super) rng: Rng,
    pub(super) names: Vec<NewName>,
    pub(super) year: i32,
    pub(super) used: Used,
}

/// What a document already holds. A real article does not repeat itself, and
/// repeats would inflate the extractors' duplicate-id handling beyond what
/// real text asks of it. Small lists: a document uses a few dozen units.
#[derive(Debug, Default)]
pub(super) struct Used {
    /// Paragraph groups used whole.
    whole: Vec<usize>,
    /// Paragraph groups any sentence was taken from.
    touched: Vec<usize>,
    sentences: Vec<usize>,
    headings: Vec<usize>,
}

/// Draws before giving up on avoiding a repeat (small banks run out).
pub(super) const DRAWS: usize = 8;

impl Ctx {
    pub(super) fn pick_paragraph(&mut self, paragraphs: &[Template]) -> usize {
        let mut k = 0;
        for _ in 0..DRAWS {
            k = self.rng.index(paragraphs.len());
            if !self.used.touched.contains(&paragraphs[k].group) {
                break;
            }
        }
        self.used.whole.push(paragraphs[k].group);
        self.used.touched.push(paragraphs[k].group);
        k
    }

    fn sentence_free(&self, sentences: &[Template], k: usize) -> bool {
        !self.used.sentences.contains(&k) && !self.used.whole.contains(&sentences[k].group)
    }

    /// `preferred` (the next sentence of a run) if still unused, else a random unused one.
    pub(super) fn pick_sentence(
        &mut self,
        sentences: &[Template],
        preferred: Option<usize>,
    ) -> usize {
        let k = match preferred {
            Some(k) if self.sentence_free(sentences, k) => k,
            _ => {
                let mut k = 0;
                for _ in 0..DRAWS {
                    k = self.rng.index(sentences.len());
                    if self.sentence_free(sentences, k) {
                        break;
                    }
                }
                k
            }
        };
        self.used.sentences.push(k);
        self.used.touched.push(sentences[k].group);
        k
    }

    pub(super) fn pick_heading(&mut self, headings: &[Template]) -> usize {
        let mut k = 0;
        for _ in 0..DRAWS {
            k = self.rng.index(headings.len());
            if !self.used.headings.contains(&k) {
                break;
            }
        }
        self.used.headings.push(k);
        k
    }

    pub(super) fn render(&mut self, template: &Template, out: &mut String) {
        for piece in &template.pieces {
            match *piece {
                Piece::Text(s) => out.push_str(s),
                Piece::Name(slot, form) => out.push_str(self.names[slot].form(form)),
                Piece::Number(num) => self.number(num, out),
            }
        }
    }

    fn number(&mut self, num: Num, out: &mut String) {
        let rng = &mut self.rng;
        match num {
            Num::Year(y) => {
                let y = (i32::from(y) + rng.below(5) as i32 - 2).min(self.year);
                let _ = write!(out, "{y}");
            }
            Num::Month => {
                let _ = write!(out, "{}", 1 + rng.below(12));
            }
            Num::Day => {
                let _ = write!(out, "{}", 1 + rng.below(28));
            }
            Num::Quantity {
                digits,
                decimals,
                grouped,
                zeros,
            } => {
                let value = if digits <= 1 {
                    1 + rng.below(9)
                } else {
                    let low = 10u64.pow(u32::from(digits) - 1);
                    let step = 10u64.pow(u32::from(zeros.saturating_sub(1)));
                    ((low + rng.below(9 * low)) / step * step).max(low)
                };
                if grouped {
                    push_grouped(out, value);
                } else {
                    let _ = write!(out, "{value}");
                }
                if decimals > 0 {
                    out.push('.');
                    for _ in 0..decimals {
                        out.push(char::from(b'0' + rng.below(10) as u8));
                    }
                }
            }
        }
    }
}

fn push_grouped(out: &mut String, value: u64) {
    let digits = value.to_string();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::parse_template;

    #[test]
    fn numbers_keep_their_format_and_names_change() {
        let patterns = [("Zhang Jun", 0, Form::Full), ("Zhang", 0, Form::Surname)];
        let template = parse_template(
            "“No way,” said Zhang Jun, 50, in Wuhan. Zhang’s 24,000 of 1.16 million, a 70% rise \
             in 2012, on May 30, 2022; COVID-19 in the 1990s. 5,000 yuan ($687).",
            &patterns,
        );
        let numbers = template
            .pieces
            .iter()
            .filter(|p| matches!(p, Piece::Number(_)))
            .count();
        assert_eq!(numbers, 9, "{:?}", template.pieces);
        let mut ctx = Ctx {
            rng: Rng::for_doc(3, 0),
            names: vec![NewName::draw(&mut Rng::for_doc(3, 1), Kind::Chinese)],
            year: 2023,
            used: Used::default(),
        };
        for _ in 0..50 {
            let mut out = String::new();
            ctx.render(&template, &mut out);
            let words: Vec<&str> = out.split(' ').collect();
            let surname = ctx.names[0].surname;
            assert!(out.contains(&format!("said {surname} ")), "{out}");
            assert!(out.contains(&format!(" {surname}’s ")), "{out}");
            let shape = |w: &str| {
                w.chars()
                    .map(|c| if c.is_ascii_digit() { '9' } else { c })
                    .collect::<String>()
            };
            assert_eq!(shape(words[5]), "99,", "{out}"); // 50,
            assert_eq!(shape(words[9]), "99,999", "{out}"); // 24,000
            assert!(words[9].ends_with("00"), "{out}");
            assert_eq!(shape(words[11]), "9.99", "{out}"); // 1.16
            assert_eq!(shape(words[14]), "99%", "{out}"); // 70%
            let year: i32 = words[17].trim_end_matches(',').parse().unwrap();
            assert!((2010..=2014).contains(&year), "{out}");
            assert!(out.contains("COVID-19 in the 1990s."), "{out}");
            assert_eq!(shape(words[28]), "($999).", "{out}");
        }
    }
}
