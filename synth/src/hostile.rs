//! Hostile document bodies: shapes of text that once made extraction
//! quadratic, or could, built to any size. The corpus benchmark times each at
//! growing sizes so that growth shows (BENCHMARKS.md), and the adversarial
//! suite builds the largest under a deadline (`tests/it/adversarial/linear.rs`).
//!
//! Each body repeats a short unit, numbered where the shape needs distinct
//! text (names, ids, numbers), until it reaches the size asked for.

use std::fmt::Write;

/// A named shape of hostile body.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub name: &'static str,
    /// What the shape exercises.
    pub about: &'static str,
    make: fn(usize, &mut String),
}

impl Shape {
    /// A Markdown body of about `bytes` bytes (at most one unit more).
    pub fn body(&self, bytes: usize) -> String {
        let mut out = String::with_capacity(bytes + 256);
        let mut n = 0;
        while out.len() < bytes {
            (self.make)(n, &mut out);
            n += 1;
        }
        out
    }
}

/// `n` as a capitalised word of letters: "Baaa", "Caaa", … (names may not hold digits).
fn word(n: usize) -> String {
    let mut w: String = (0..4)
        .map(|k| char::from(b'a' + (n / 26usize.pow(k) % 26) as u8))
        .collect();
    w[..1].make_ascii_uppercase();
    w
}

/// Every hostile shape, in the order the benchmark prints them.
pub const SHAPES: &[Shape] = &[
    Shape {
        name: "short-quotes",
        about: "`\"a b c d\" ` repeated: one paragraph of thousands of four-word quotes",
        make: |_, out| out.push_str("\"a b c d\" "),
    },
    Shape {
        name: "quoted-sentences",
        about: "`“We went there on day N of it,” he said.` in one paragraph",
        make: |n, out| {
            let _ = write!(out, "“We went there on day {n} of it,” he said. ");
        },
    },
    Shape {
        name: "quoted-paragraphs",
        about: "the same, one paragraph each",
        make: |n, out| {
            let _ = write!(out, "“We went there on day {n} of it,” he said.\n\n");
        },
    },
    Shape {
        name: "new-names",
        about: "each quote by a name not seen before (every lookup fails)",
        make: |n, out| {
            let _ = write!(out, "“We went there on that day,” {} said. ", word(n));
        },
    },
    Shape {
        name: "new-acronyms",
        about: "each quote by an acronym not seen before",
        make: |n, out| {
            let w = word(n).to_ascii_uppercase();
            let _ = write!(out, "“We went there on that day,” {} said. ", &w[..3]);
        },
    },
    Shape {
        name: "the-bank-said",
        about: "`“…,” the bank said.` over and over, no bank named",
        make: |_, out| out.push_str("“We went there on that day,” the bank said. "),
    },
    Shape {
        name: "one-speaker",
        about: "many quotes by one named speaker, one paragraph each",
        make: |n, out| {
            let _ = write!(
                out,
                "“We went there on day {n} again,” Li Wei said. She left.\n\n"
            );
        },
    },
    Shape {
        name: "numbered-ids",
        about: "quotes ending in numbers take the numbered ids, then one text repeats",
        make: |n, out| {
            if n % 2 == 0 {
                let _ = write!(out, "“We will go home {},” he said. ", n / 2 + 2);
            } else {
                out.push_str("“We will go home,” he said. ");
            }
        },
    },
    Shape {
        name: "figures-in-one-sentence",
        about: "thousands of figures in one sentence",
        make: |n, out| {
            let _ = write!(out, "{} people, ", 1_000 + 7 * n);
        },
    },
    Shape {
        name: "open-marks",
        about: "a paragraph of only opening quotation marks",
        make: |_, out| out.push('“'),
    },
    Shape {
        name: "mark-pairs",
        about: "a paragraph of `“” ` and `\" `",
        make: |_, out| out.push_str("“” \" "),
    },
    Shape {
        name: "long-word",
        about: "one word as long as the document",
        make: |_, out| out.push_str("aaaaaaaaaaaaaaaa"),
    },
    Shape {
        name: "capitals",
        about: "one sentence of capitalised words, quoted now and then",
        make: |n, out| {
            let _ = write!(out, "{} ", word(n));
            if n % 16 == 15 {
                out.push_str("“Aaaa Baaa Caaa Daaa,” NYT said ");
            }
        },
    },
    Shape {
        name: "headings",
        about: "many headings with one title",
        make: |_, out| out.push_str("## More\n\ntext\n\n"),
    },
    Shape {
        name: "numbered-headings",
        about: "headings titled like the numbered ids of a repeated one",
        make: |n, out| {
            let _ = write!(out, "## More {}\n\n## More\n\n", n + 2);
        },
    },
    Shape {
        name: "deep-list",
        about: "a list nested deeper and deeper",
        make: |n, out| {
            out.push_str(&"  ".repeat(n % 256));
            out.push_str("- “We went there on that day,” he said.\n");
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_reach_the_size_asked() {
        for shape in SHAPES {
            let body = shape.body(10_000);
            assert!((10_000..11_000).contains(&body.len()), "{}", shape.name);
        }
    }
}
