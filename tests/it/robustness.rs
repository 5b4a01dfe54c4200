//! Random and hostile input never panics, and every span still points at its text.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use brief::corpus::load_file;
use brief::extract::extract;

/// Characters that stress the parsers: every kind of quotation mark, digits and
/// separators, currency, CJK, Markdown and YAML syntax, line breaks.
const ALPHABET: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    ":",
    "?",
    "—",
    "–",
    "-",
    "0",
    "1",
    "5",
    "9",
    ",000",
    ".5",
    "%",
    "$",
    "US$",
    "¥",
    "€",
    "yuan",
    "million",
    "billion",
    "percent",
    "times",
    "fold",
    "from",
    "to",
    "more than",
    "about",
    "nearly",
    "said",
    "he",
    "she",
    "Zhang",
    "Jun",
    "Li",
    "the bank",
    "according to",
    "习近平",
    "联合国",
    "#",
    "##",
    "---",
    ">",
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "|",
    "\\",
    "<b>",
    "`",
    "\t",
    "\r\n",
    "é",
    "🙂",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: deterministic, so a failure reproduces.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn check(name: &str, bytes: &[u8]) {
    let Ok(loaded) = load_file(Path::new(name), bytes) else {
        return;
    };
    let doc = loaded.document;
    let ex = extract(&doc);
    for q in &ex.quotes {
        assert!(q.start <= q.end && q.end <= doc.body.len(), "{name}: {q:?}");
        for p in &q.parts {
            assert_eq!(&doc.body[p.start..p.end], p.text);
        }
        if q.parts.is_empty() {
            assert_eq!(&doc.body[q.start..q.end], q.text);
        }
    }
    for f in &ex.figures {
        assert_eq!(&doc.body[f.start..f.end], f.text, "{name}");
    }
    for p in &ex.paragraphs {
        assert!(p.start <= p.end && p.end <= doc.body.len());
    }
}

#[test]
fn random_documents_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..3000 {
        let len = (rng.next() % 200) as usize;
        let mut text = String::new();
        if i % 3 == 0 {
            text.push_str("---\ntitle: x\n---\n");
        }
        for _ in 0..len {
            text.push_str(ALPHABET[(rng.next() % ALPHABET.len() as u64) as usize]);
        }
        check(if i % 2 == 0 { "r.md" } else { "r.txt" }, text.as_bytes());
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let len = (rng.next() % 300) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        check("b.md", &bytes);
    }
}

#[test]
fn hostile_front_matter_is_an_error_not_a_hang() {
    let bomb = "---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\nbody\n";
    let deep = format!(
        "---\ntags: {}{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let tabs = "---\ntitle:\tx\n\tauthor: y\n---\n";
    for input in [bomb, deep.as_str(), tabs] {
        assert!(load_file(Path::new("h.md"), input.as_bytes()).is_err());
    }
}
