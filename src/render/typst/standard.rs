//! `--pdf-standard` values: the names Typst's CLI accepts, with a
//! did-you-mean for typos.

use typst_pdf::PdfStandard;

use crate::suggest::did_you_mean;

/// Every standard typst-pdf 0.15.1 can enforce, by the name its CLI uses
/// (the `serde` name of each variant; a test keeps the two in step).
pub const STANDARDS: &[(&str, PdfStandard)] = &[
    ("1.4", PdfStandard::V_1_4),
    ("1.5", PdfStandard::V_1_5),
    ("1.6", PdfStandard::V_1_6),
    ("1.7", PdfStandard::V_1_7),
    ("2.0", PdfStandard::V_2_0),
    ("a-1b", PdfStandard::A_1b),
    ("a-1a", PdfStandard::A_1a),
    ("a-2b", PdfStandard::A_2b),
    ("a-2u", PdfStandard::A_2u),
    ("a-2a", PdfStandard::A_2a),
    ("a-3b", PdfStandard::A_3b),
    ("a-3u", PdfStandard::A_3u),
    ("a-3a", PdfStandard::A_3a),
    ("a-4", PdfStandard::A_4),
    ("a-4f", PdfStandard::A_4f),
    ("a-4e", PdfStandard::A_4e),
    ("ua-1", PdfStandard::Ua_1),
];

/// Parses a standard's name ("a-2b", "ua-1", "1.7"; case-insensitive).
///
/// The error says what was given, suggests the nearest name and lists them all.
pub fn parse_standard(s: &str) -> Result<PdfStandard, String> {
    let wanted = s.trim().to_lowercase();
    if let Some((_, standard)) = STANDARDS.iter().find(|(name, _)| *name == wanted) {
        return Ok(*standard);
    }
    let names = || STANDARDS.iter().map(|(name, _)| *name);
    let mut message = format!("unknown PDF standard `{s}`");
    if let Some(near) = did_you_mean(&wanted, names()) {
        message.push_str(&format!(" (did you mean `{near}`?)"));
    }
    let all: Vec<&str> = names().collect();
    message.push_str(&format!("; expected one of {}", all.join(", ")));
    Err(message)
}
