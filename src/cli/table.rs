//! Plain-text tables for the terminal: aligned by display width (CJK counts
//! double), the widest column truncated with `…` to fit the terminal. Cells
//! are made visible (`terminal::visible`) before they are measured, so a
//! control character in corpus text neither reaches the terminal nor
//! breaks the alignment.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Renders `rows` under `headers`, at most `max_width` columns wide.
pub fn render(headers: &[&str], rows: &[Vec<String>], max_width: usize) -> String {
    let n = headers.len();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| super::terminal::visible(&c.replace(['\n', '\t'], " ")).into_owned())
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for row in &cells {
        for (i, cell) in row.iter().enumerate().take(n) {
            widths[i] = widths[i].max(cell.width());
        }
    }
    // Shrink the widest column until the table fits (never below its header).
    let gaps = 2 * n.saturating_sub(1);
    while widths.iter().sum::<usize>() + gaps > max_width {
        let (i, &w) = widths
            .iter()
            .enumerate()
            .max_by_key(|(_, w)| **w)
            .unwrap_or((0, &0));
        if w <= headers[i].width().max(8) {
            break;
        }
        widths[i] = w - 1;
    }
    let mut out = String::new();
    let header_row: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header_row).chain(cells.iter()) {
        let mut line = String::new();
        for (i, width) in widths.iter().enumerate() {
            let cell = row.get(i).map(String::as_str).unwrap_or("");
            let shown = fit(cell, *width);
            line.push_str(&shown);
            if i + 1 < n {
                line.push_str(&" ".repeat(width - shown.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Cuts `text` to `width` display columns, marking the cut with `…`.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The terminal width from `$COLUMNS`, or a width that suits a log file.
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(120)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_and_truncates_by_display_width() {
        let rows = vec![
            vec![
                "a".to_string(),
                "习近平 said a very long thing indeed".to_string(),
            ],
            vec!["bb".to_string(), "short".to_string()],
        ];
        let table = render(&["ID", "TEXT"], &rows, 20);
        assert_eq!(table, "ID  TEXT\na   习近平 said a v…\nbb  short\n");
        for line in table.lines() {
            assert!(line.width() <= 20, "{line}");
        }
    }
}
