//! Inline references in the analyst's prose: `{{quote:ID}}` and `{{figure:ID}}`.

use std::ops::Range;

use crate::spec::At;

/// One `{{kind:id}}` as written, with its byte range in the prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRef {
    pub range: Range<usize>,
    pub kind: String,
    pub id: String,
}

/// Every `{{…}}` in `text`; a `{{` with no `}}` on the same line is returned
/// as an error range, since it is almost surely a typo, not prose.
pub fn scan(text: &str) -> (Vec<RawRef>, Vec<Range<usize>>) {
    let mut refs = Vec::new();
    let mut broken = Vec::new();
    let mut pos = 0;
    while let Some(i) = text[pos..].find("{{") {
        let start = pos + i;
        let line_end = text[start..].find('\n').map_or(text.len(), |j| start + j);
        let Some(j) = text[start..line_end].find("}}") else {
            broken.push(start..start + 2);
            pos = start + 2;
            continue;
        };
        let end = start + j + 2;
        let inner = text[start + 2..end - 2].trim();
        let (kind, id) = inner.split_once(':').unwrap_or(("", inner));
        refs.push(RawRef {
            range: start..end,
            kind: kind.trim().to_string(),
            id: id.trim().to_string(),
        });
        pos = end;
    }
    (refs, broken)
}

/// Where in the spec file a piece of the prose was written. The prose node
/// only knows where its value starts, and YAML may have folded or indented
/// it, so the written text is found by searching for the same characters.
/// Falls back to the node's own position when YAML escapes changed them.
pub fn position(source: &str, prose: &At<String>, range: &Range<usize>) -> (usize, usize) {
    let needle = &prose.value[range.clone()];
    let occurrence = prose.value[..range.start].matches(needle).count();
    let node_offset = offset_of(source, prose.line, prose.column);
    let found = source[node_offset..]
        .match_indices(needle)
        .nth(occurrence)
        .map(|(i, _)| node_offset + i);
    match found {
        Some(offset) => crate::diag::line_column(source, offset),
        None => (prose.line, prose.column),
    }
}

fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &source[line_start.min(source.len())..];
    let col: usize = rest
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    line_start + col
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_references_and_broken_braces() {
        let (refs, broken) = scan("More than {{figure:a/f-1}} left; {{ quote : b/q-x }}. {{oops\n");
        assert_eq!(
            refs,
            [
                RawRef {
                    range: 10..26,
                    kind: "figure".into(),
                    id: "a/f-1".into()
                },
                RawRef {
                    range: 33..52,
                    kind: "quote".into(),
                    id: "b/q-x".into()
                }
            ]
        );
        assert_eq!(broken, vec![Range { start: 54, end: 56 }]);
    }

    #[test]
    fn positions_point_into_block_scalars() {
        let source = "text: |\n  First {{figure:x}}.\n  Then {{figure:x}} again.\n";
        let prose = At {
            value: "First {{figure:x}}.\nThen {{figure:x}} again.\n".to_string(),
            line: 1,
            column: 7,
        };
        assert_eq!(position(source, &prose, &(6..18)), (2, 9));
        assert_eq!(position(source, &prose, &(25..37)), (3, 8));
    }
}
