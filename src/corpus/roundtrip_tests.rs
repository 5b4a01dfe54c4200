//! Every document `corpus add` writes reads back to the same metadata.
//!
//! A property test with a small seeded generator (no dev-dependency: a
//! xorshift and a pool of hostile pieces find what proptest would here, and
//! a failure prints the file, which is the whole counterexample). Each case
//! fills every field, or leaves it out, with strings built from pieces YAML
//! treats specially: quotes, colons, `#`, line breaks, leading spaces,
//! keywords (`yes`, `null`, `~`), numbers as strings, Unicode and CJK. The
//! file goes through the emitter (`add::render`) and back through the
//! loader (`load_file`, fast path included), and the fast path, when it
//! accepts the front matter, must agree with the full parser.

use std::path::Path;

use super::add::render;
use super::corrections::{Correction, Corrections};
use super::date::PartialDate;
use super::document::{Metadata, Original};
use super::load::load_file;

/// Pieces a generated string is made of.
const PIECES: &[&str] = &[
    "a",
    "Word",
    "two words",
    " ",
    "  ",
    ":",
    ": ",
    " #",
    "#",
    "\"",
    "'",
    "''",
    "\\",
    "\n",
    "\r\n",
    "\t",
    "-",
    "- ",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&x",
    "*x",
    "!",
    "!!str ",
    "|",
    ">",
    "%",
    "@",
    "`",
    "~",
    "yes",
    "No",
    "null",
    "NULL",
    "true",
    "off",
    "y",
    "2023",
    "0x1F",
    "1e3",
    ".5",
    "-1",
    "+1",
    "12:30",
    "0999",
    "2023-10",
    "2023-10-05",
    "习近平",
    "中国",
    "端传媒",
    "é",
    "Müller",
    "😀",
    "\u{2028}",
    "\u{85}",
    "\u{feff}",
    "\u{7}",
    "\u{0}",
    "---",
    "...",
];

/// Pieces of the strings most documents have, which are written plain and
/// read by the fast path.
const TAME: &[&str] = &[
    "a",
    "Word",
    "two words",
    "习近平",
    "Müller",
    "-x",
    "'s",
    "2023",
];

/// A xorshift64*: deterministic, so a failure repeats. `tame` draws from
/// [`TAME`] instead of [`PIECES`].
struct Rng {
    state: u64,
    tame: bool,
}

impl Rng {
    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    /// One to six pieces; sometimes a single keyword or number on its own.
    fn string(&mut self) -> String {
        let pieces = if self.tame { TAME } else { PIECES };
        (0..1 + self.below(6))
            .map(|_| pieces[self.below(pieces.len())])
            .collect()
    }

    fn maybe_string(&mut self) -> Option<String> {
        (!self.chance(3)).then(|| self.string())
    }

    fn date(&mut self) -> Option<PartialDate> {
        if self.chance(3) {
            return None;
        }
        let year = 1000 + self.below(9000) as i32;
        let month = (!self.chance(3)).then(|| 1 + self.below(12) as u32);
        let day = month
            .filter(|_| self.chance(2))
            .map(|_| 1 + self.below(28) as u32);
        Some(PartialDate { year, month, day })
    }

    fn original(&mut self) -> Option<Original> {
        self.chance(2).then(|| Original {
            title: self.maybe_string(),
            outlet: self.maybe_string(),
            author: self.maybe_string(),
            published: self.date(),
            url: self.maybe_string(),
            language: self.maybe_string(),
        })
    }

    /// Corrections as the reader keeps them: ids unique and not blank,
    /// values trimmed and not empty (an empty one is an error), or `null`.
    fn corrections(&mut self) -> Corrections {
        let mut corrections = Corrections::default();
        let n = if self.tame { 0 } else { self.below(3) };
        for k in 0..n {
            let id = format!("{}{k}", self.string().trim());
            let fix = |rng: &mut Rng| -> Option<Option<String>> {
                match rng.below(3) {
                    0 => None,
                    1 => Some(None),
                    _ => Some(Some(format!("x{}x", rng.string()))),
                }
            };
            let mut c = Correction {
                id,
                speaker: fix(self),
                role: fix(self),
                label: fix(self),
                ..Correction::default()
            };
            if c.fields().is_empty() {
                c.label = Some(None);
            }
            corrections.items.push(c);
        }
        corrections
    }

    fn metadata(&mut self) -> Metadata {
        Metadata {
            id: None,
            title: self.maybe_string(),
            short_title: self.maybe_string(),
            title_supplied: self.chance(2),
            outlet: self.maybe_string(),
            author: self.maybe_string(),
            translator: self.maybe_string(),
            editor: self.maybe_string(),
            published: self.date(),
            url: self.maybe_string(),
            language: self.maybe_string(),
            tags: (0..self.below(4)).map(|_| self.string()).collect(),
            original: self.original(),
            unit: self.maybe_string(),
            corrections: self.corrections(),
        }
    }
}

#[test]
fn every_written_document_reads_back_to_the_same_metadata() {
    let mut rng = Rng {
        state: 0x9E37_79B9_7F4A_7C15,
        tame: false,
    };
    let mut fast = 0;
    for case in 0..4000 {
        rng.tame = case % 2 == 0;
        let meta = rng.metadata();
        let text = render("doc-1", &meta, "Body.\n").unwrap_or_else(|e| panic!("{e}"));
        let loaded = load_file(Path::new("c/doc-1.md"), text.as_bytes())
            .unwrap_or_else(|d| panic!("case {case}: {d}\n{text}"));
        assert_eq!(loaded.document.id, "doc-1", "{text}");
        assert_eq!(loaded.document.meta, meta, "case {case}:\n{text}");
        assert_eq!(loaded.document.body, "\nBody.\n", "{text}");

        let yaml = &text[4..text.find("\n---\n").unwrap_or(4) + 1];
        if let Some(simple) = super::simple_yaml::parse(yaml) {
            let full: Metadata = serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(simple, full, "{yaml}");
            fast += 1;
        }
    }
    // The generator must also reach the fast path, or it tests one reader.
    assert!(fast > 1000, "only {fast} cases took the fast path");
}

/// Plain values, as most documents have them, are written without quotes
/// and read by the fast path.
#[test]
fn ordinary_metadata_is_written_plainly_and_read_fast() {
    let meta = Metadata {
        title: Some("Border arrivals rise".into()),
        published: "2023-10".parse().ok(),
        tags: vec!["asylum".into(), "border".into()],
        original: Some(Original {
            outlet: Some("端传媒".into()),
            published: "2021".parse().ok(),
            ..Original::default()
        }),
        unit: Some("percent".into()),
        ..Metadata::default()
    };
    let text = render("d", &meta, "B.\n").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        text,
        "---\nid: d\ntitle: Border arrivals rise\npublished: 2023-10\ntags: [asylum, border]\noriginal:\n  outlet: 端传媒\n  published: 2021\nunit: percent\n---\n\nB.\n"
    );
    let yaml = &text[4..text.find("\n---\n").unwrap_or(4) + 1];
    let mut expected = meta;
    expected.id = Some("d".into());
    assert_eq!(super::simple_yaml::parse(yaml), Some(expected));
}
