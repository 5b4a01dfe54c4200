//! Splits a Markdown file into its YAML front matter and body, and parses the front matter.

use crate::diag::Diagnostic;
use crate::suggest::hint;

use super::document::Metadata;
use super::schema::{ALIASES, metadata_fields};

/// A file cut at its front matter: the YAML (if any) and where the body starts.
#[derive(Debug)]
pub struct Split<'a> {
    /// The YAML between the `---` lines, and its byte offset in the file.
    pub yaml: Option<(&'a str, usize)>,
    pub body_offset: usize,
}

/// Finds a leading `---` … `---` (or `...`) block. An opening line without a
/// closing one is an error: silently reading YAML as body text would publish it.
pub fn split(text: &str) -> Result<Split<'_>, (usize, String)> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Ok(Split {
            yaml: None,
            body_offset: 0,
        });
    }
    let yaml_start = first_line_end;
    let mut pos = yaml_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            return Ok(Split {
                yaml: Some((&text[yaml_start..pos], yaml_start)),
                body_offset: end,
            });
        }
        pos = end;
    }
    Err((
        0,
        "front matter starts with `---` but has no closing `---` line".into(),
    ))
}

/// Parses front matter YAML into metadata; errors point into the whole file.
pub fn parse(file_text: &str, yaml: &str, yaml_offset: usize) -> Result<Metadata, Diagnostic> {
    if yaml.trim().is_empty() {
        return Ok(Metadata::default());
    }
    if let Some(meta) = super::simple_yaml::parse(yaml) {
        return Ok(meta);
    }
    let first_line = crate::diag::line_column(file_text, yaml_offset).0;
    let mut meta = serde_saphyr::from_str::<Metadata>(yaml).map_err(|err| {
        let message = yaml_message(&err.without_snippet().to_string());
        let mut diag = Diagnostic::error(format!("invalid front matter: {message}"));
        if let Some(loc) = err.location() {
            let line = first_line + loc.line() as usize - 1;
            diag = diag.at(file_text, line, loc.column() as usize);
        }
        if let Some(field) = unknown_field(&message) {
            let fields = metadata_fields();
            diag = diag.hint(hint(field, fields.iter().copied(), || {
                format!("front matter fields are: {}", fields.join(", "))
            }));
        }
        if let Some(field) = duplicate_field(&message) {
            // The YAML parser refuses a key given twice, so a field filled
            // twice was given under two names.
            let names: Vec<&str> = ALIASES
                .iter()
                .filter(|(_, f)| *f == field)
                .map(|(alias, _)| *alias)
                .chain([field])
                .collect();
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            diag.message = format!(
                "invalid front matter: {} are the same field; give one",
                quoted.join(" and ")
            );
            // The parser gives no position for it: the second key is the one.
            let second = yaml
                .lines()
                .enumerate()
                .filter_map(|(i, line)| {
                    let key = line.trim_start();
                    let named = names.iter().any(|n| {
                        key.strip_prefix(n)
                            .is_some_and(|rest| rest.trim_start().starts_with(':'))
                    });
                    named.then_some((i, line.len() - key.len() + 1))
                })
                .nth(1);
            if let Some((i, column)) = second {
                diag = diag.at(file_text, first_line + i, column);
            }
        }
        diag
    })?;
    // `corrections:` keeps its positions to this point, to be checked here
    // (and its ids once the document is extracted) with file lines.
    meta.corrections.read_raw(file_text, first_line)?;
    Ok(meta)
}

/// Drops the parser's own position suffix (we print positions ourselves) and
/// its advice about parser options, which an author cannot act on. Shared
/// with spec parsing: both read YAML with serde-saphyr.
pub fn yaml_message(message: &str) -> String {
    if let Some(limit) = message.strip_prefix("budget breached: ") {
        return budget_message(limit);
    }
    if message.starts_with("tabs disallowed") {
        return "a tab in the indentation: YAML indents with spaces only".into();
    }
    if message.starts_with("recursion limit exceeded") {
        return format!("nested more than {MAX_FLOW_DEPTH} levels deep");
    }
    let message = match message.rfind(" at line ") {
        Some(i) if message[i..].contains("column") => &message[..i],
        _ => message,
    };
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest);
        return format!("duplicate key `{key}`");
    }
    // serde lists every expected field; our hint says it better.
    match message.find(", expected one of") {
        Some(i) if message.starts_with("unknown field") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

/// serde-saphyr's default limits, which `brief` keeps: YAML that passes
/// them parses in well under a second and a few hundred megabytes at most.
const MAX_DEPTH: usize = 64;
const MAX_FLOW_DEPTH: usize = 255;
const MAX_NODES: usize = 250_000;
const MAX_ALIASES: usize = 50_000;

/// A parser limit in words, instead of the parser's `Nodes { nodes: 250001 }`
/// (Rust debug output) and the positions after it, which we print ourselves.
fn budget_message(breach: &str) -> String {
    let kind = breach.split([' ', '{']).next().unwrap_or_default();
    match kind {
        "Depth" => format!("nested more than {MAX_DEPTH} levels deep"),
        "Nodes" | "Events" | "RecordedAnchorEvents" | "RecordedAnchorBytes" => {
            format!("too large: more than {MAX_NODES} values once aliases (`*name`) are expanded")
        }
        "Aliases" => format!("too many aliases (`*name`): more than {MAX_ALIASES}"),
        "Anchors" => format!("too many anchors (`&name`): more than {MAX_ALIASES}"),
        "ScalarBytes" => "too large: its text values add up to more than 64 MiB".into(),
        "Documents" => "too many YAML documents (`---` separators)".into(),
        _ => format!("too large for the YAML parser's limits ({kind})"),
    }
}

fn duplicate_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("duplicate field `")?;
    rest.split('`').next()
}

fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split('`').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parser's limits, triggered for real, read as sentences without
    /// debug output or the parser's own positions.
    #[test]
    fn parser_limits_are_named_in_words() {
        let message = |yaml: &str| {
            let err = serde_saphyr::from_str::<serde::de::IgnoredAny>(yaml).unwrap_err();
            yaml_message(&err.without_snippet().to_string())
        };
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (name, prev) in ('b'..='h').zip('a'..) {
            let refs = vec![format!("*{prev}"); 10].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let block: String = (0..100).map(|i| format!("{}-\n", " ".repeat(i))).collect();
        for (yaml, expected) in [
            (
                bomb.as_str(),
                "too large: more than 250000 values once aliases (`*name`) are expanded",
            ),
            (block.as_str(), "nested more than 64 levels deep"),
            (&"[".repeat(1000), "nested more than 255 levels deep"),
            (
                "a:\n\t- b\n",
                "a tab in the indentation: YAML indents with spaces only",
            ),
        ] {
            assert_eq!(message(yaml), expected);
        }
    }

    #[test]
    fn splits_front_matter() {
        let cases: [(&str, Option<&str>, usize); 5] = [
            ("---\ntitle: a\n---\nbody", Some("title: a\n"), 17),
            ("---\r\ntitle: a\r\n---\r\nbody", Some("title: a\r\n"), 20),
            ("---\ntitle: a\n...\nbody", Some("title: a\n"), 17),
            ("no front matter\n---\n", None, 0),
            ("---\n---\n", Some(""), 8),
        ];
        for (text, yaml, body) in cases {
            let split = split(text).unwrap();
            assert_eq!(split.yaml.map(|y| y.0), yaml, "{text:?}");
            assert_eq!(split.body_offset, body, "{text:?}");
        }
        assert!(split("---\ntitle: a\nbody").is_err());
    }

    #[test]
    fn unknown_field_points_at_line_and_suggests() {
        let text = "---\ntitle: A\ntitel: B\n---\n";
        let diag = parse(text, "title: A\ntitel: B\n", 4).unwrap_err();
        assert_eq!(
            diag.to_string(),
            "error: invalid front matter: unknown field `titel`\n  |\n3 | titel: B\n  | ^\n  = help: did you mean `title`?\n"
        );
    }

    #[test]
    fn duplicate_keys_and_bad_dates_are_errors() {
        let text = "---\ntitle: A\ntitle: B\n---\n";
        let diag = parse(text, "title: A\ntitle: B\n", 4).unwrap_err();
        assert_eq!(diag.message, "invalid front matter: duplicate key `title`");
        assert_eq!(diag.position, Some((3, 1)));

        let text = "---\npublished: May 2023\n---\n";
        let diag = parse(text, "published: May 2023\n", 4).unwrap_err();
        assert!(
            diag.message.contains("expected a date like"),
            "{}",
            diag.message
        );
        assert_eq!(diag.position.map(|p| p.0), Some(2));
    }

    #[test]
    fn corrections_keep_their_file_positions() {
        let text = "---\ntitle: A\ncorrections:\n  q-we-go:\n    speaker: Li\n    role: null\n  d/f-12:\n    label: arrests\n---\n";
        let yaml = &text[4..text.len() - 4];
        let meta = parse(text, yaml, 4).unwrap();
        let items = &meta.corrections.items;
        assert_eq!(items.len(), 2);
        assert_eq!(
            (items[0].id.as_str(), items[0].line, items[0].column),
            ("q-we-go", 4, 3)
        );
        assert_eq!(items[0].speaker, Some(Some("Li".into())));
        assert_eq!(items[0].role, Some(None));
        assert_eq!(items[0].source_line, "  q-we-go:");
        assert_eq!(items[1].label, Some(Some("arrests".into())));

        let bad = text.replace("role: null", "rol: x");
        let diag = parse(&bad, &bad[4..bad.len() - 4], 4).unwrap_err();
        assert_eq!(
            diag.to_string(),
            "error: invalid front matter: unknown key `rol` in the correction of `q-we-go`\n  |\n6 |     rol: x\n  |     ^\n  = help: did you mean `role`?\n"
        );
    }

    /// `date:` (Quarto, Hugo, Jekyll) is `published`; both at once is an
    /// error naming both, at the second.
    #[test]
    fn date_is_published_and_both_is_an_error() {
        for yaml in [
            "date: 2023-10\n",
            "date: \"2023-10\"\n",
            "date: 2023-10 # c\n",
        ] {
            let meta = parse("", yaml, 0).unwrap_or_else(|d| panic!("{d}"));
            assert_eq!(
                meta.published.map(|d| d.to_string()).as_deref(),
                Some("2023-10")
            );
        }
        let text = "---\ntitle: A\npublished: 2023\ndate: 2023-10\n---\n";
        let diag = parse(text, &text[4..text.len() - 4], 4).unwrap_err();
        assert_eq!(
            diag.message,
            "invalid front matter: `date` and `published` are the same field; give one"
        );
        assert_eq!(diag.position.map(|p| p.0), Some(4), "{diag}");
    }

    #[test]
    fn accepts_partial_dates_and_translations() {
        let yaml = "published: 2023\noriginal:\n  outlet: VOA\n  url: https://example.org\n";
        let meta = parse("", yaml, 0).unwrap();
        assert_eq!(meta.published.unwrap().to_string(), "2023");
        assert_eq!(meta.original.unwrap().outlet.as_deref(), Some("VOA"));
    }
}
