//! Tables in a body: a Markdown pipe table, or plain text with a line per
//! row and columns set apart by tabs or runs of spaces. Government releases
//! and op-eds put their key numbers in such tables; read as prose, a table's
//! rows run together and its cells lose the headers that say what they are.
//!
//! This module only finds the shape (rows and cell spans); the figure rules
//! read the cells (`extract::figures::table`), and `corpus add` keeps a
//! plain-text table a table when it writes Markdown.

use std::ops::Range;

/// At most this many words in a cell of a plain-text table: a longer run is
/// prose with two spaces after a full stop, not a cell.
const MAX_CELL_WORDS: usize = 8;

/// A quick test that `text` may be a table, before [`rows`] reads it: more
/// than one line, and a pipe first or a tab or two spaces in its first line.
pub fn may_be_table(text: &str) -> bool {
    // Asked of every paragraph that may hold a figure, nearly all one line:
    // the `memchr` crate's SIMD search finds that out fastest.
    let Some(newline) = memchr::memchr(b'\n', text.as_bytes()) else {
        return false;
    };
    let first = text[..newline].trim();
    first.starts_with('|') || first.contains('\t') || first.contains("  ")
}

/// The rows of a table block (delimiter rows left out), each a list of cell
/// spans relative to `text`, trimmed; `None` unless `text` is a table of at
/// least two rows and two columns.
pub fn rows(text: &str) -> Option<Vec<Vec<Range<usize>>>> {
    if !text.contains('\n') {
        return None;
    }
    if text.trim_start().starts_with('|') {
        return pipe_rows(text);
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let cells = plain_cells(line, pos)?;
        out.push(cells);
        pos += line.len() + 1;
    }
    plausible(text, &out).then_some(out)
}

/// Cells of one plain-text row starting at byte `offset`: separated by a
/// tab or by two or more spaces. `None` for a line that is no row (one cell,
/// or a cell as long as a sentence).
pub fn plain_cells(line: &str, offset: usize) -> Option<Vec<Range<usize>>> {
    let bytes = line.as_bytes();
    let mut cells = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r') {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        let start = i;
        let mut end = i;
        while i < bytes.len() {
            match bytes[i] {
                b'\t' | b'\r' => break,
                b' ' if bytes.get(i + 1).is_none_or(|&b| b == b' ' || b == b'\t') => break,
                _ => {
                    i += 1;
                    end = i;
                }
            }
        }
        if line[start..end].split_whitespace().count() > MAX_CELL_WORDS {
            return None;
        }
        cells.push(offset + start..offset + end);
    }
    (cells.len() >= 2).then_some(cells)
}

/// `| a | b |` rows; the `|---|:--:|` row after the header is required.
fn pipe_rows(text: &str) -> Option<Vec<Vec<Range<usize>>>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut delimiter = false;
    for (k, line) in text.split('\n').enumerate() {
        let offset = pos;
        pos += line.len() + 1;
        let trimmed = line.trim();
        if !trimmed.starts_with('|') {
            return None;
        }
        if trimmed
            .bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
        {
            delimiter |= k == 1;
            continue;
        }
        let mut cells = Vec::new();
        let mut start = offset + line.find('|')? + 1;
        let bytes = text.as_bytes();
        let mut i = start;
        let end = offset + line.len();
        while i < end {
            // `\|` is a pipe inside a cell.
            if bytes[i] == b'|' && bytes[i - 1] != b'\\' {
                cells.push(trimmed_range(text, start..i));
                start = i + 1;
            }
            i += 1;
        }
        if start < end && !text[start..end].trim().is_empty() {
            cells.push(trimmed_range(text, start..end));
        }
        out.push(cells);
    }
    (delimiter && plausible(text, &out)).then_some(out)
}

fn trimmed_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..r.end - trail
}

/// Two rows or more, of two cells or more, about as wide as each other
/// (a header may leave the corner out), and a digit in some cell.
fn plausible(text: &str, rows: &[Vec<Range<usize>>]) -> bool {
    let widest = rows.iter().map(Vec::len).max().unwrap_or(0);
    rows.len() >= 2
        && widest >= 2
        && rows.iter().all(|r| r.len() + 1 >= widest && r.len() >= 2)
        && rows
            .iter()
            .flatten()
            .any(|c| text[c.clone()].bytes().any(|b| b.is_ascii_digit()))
}

/// The lines of a plain-text body that form tables, as byte ranges of
/// whole runs of lines (first line's start to last line's end).
pub fn plain_runs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let mut pos = 0;
    let close = |run: &mut Option<Range<usize>>, out: &mut Vec<Range<usize>>| {
        if let Some(r) = run.take()
            && rows(&body[r.clone()]).is_some()
        {
            out.push(r);
        }
    };
    for line in body.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let start = pos;
        pos += line.len();
        let separated = text.trim().contains('\t') || text.trim().contains("  ");
        if separated && plain_cells(text, 0).is_some() {
            let lead = text.len() - text.trim_start().len();
            let end = start + text.trim_end().len();
            match &mut run {
                Some(r) => r.end = end,
                None => run = Some(start + lead..end),
            }
        } else {
            close(&mut run, &mut out);
        }
    }
    close(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Option<Vec<Vec<&str>>> {
        rows(text).map(|rows| {
            rows.iter()
                .map(|r| r.iter().map(|c| &text[c.clone()]).collect())
                .collect()
        })
    }

    #[test]
    fn pipe_tables() {
        let t = "| Region | 2023 | 2024 |\n|---|---:|---:|\n| North | 1,200 | 1,450 |\n| South \\| East | 980 | 1,010 |";
        assert_eq!(
            cells(t).unwrap(),
            [
                vec!["Region", "2023", "2024"],
                vec!["North", "1,200", "1,450"],
                vec!["South \\| East", "980", "1,010"],
            ]
        );
        // No delimiter row: prose with pipes.
        assert!(cells("| a | 1 |\n| b | 2 |").is_none());
    }

    #[test]
    fn plain_tables() {
        let t = "Region\t2023\t2024\nNorth\t1,200\t1,450\nSouth East   980     1,010";
        assert_eq!(
            cells(t).unwrap(),
            [
                vec!["Region", "2023", "2024"],
                vec!["North", "1,200", "1,450"],
                vec!["South East", "980", "1,010"],
            ]
        );
    }

    #[test]
    fn prose_is_no_table() {
        for prose in [
            "The minister spoke.  Then she left the room and went to the press conference in the city.\nIt was 2023.  Nothing else happened on that particular day in the capital city at all.",
            "One line only\twith a tab 5",
            "Wrapped prose with 12 numbers\nover two lines of text",
            "Names  only\nAnd  more",
        ] {
            assert!(cells(prose).is_none(), "{prose:?}");
        }
    }

    #[test]
    fn runs_in_a_body() {
        let body = "Intro line.\nRegion    2023    2024\nNorth     1,200   1,450\nSouth     980     1,010\nClosing line.\n";
        let runs = plain_runs(body);
        assert_eq!(runs.len(), 1);
        assert_eq!(
            &body[runs[0].clone()],
            "Region    2023    2024\nNorth     1,200   1,450\nSouth     980     1,010"
        );
    }
}
