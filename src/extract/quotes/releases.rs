//! How government media releases attribute a quotation that stands in a
//! paragraph of its own: a label above it (`Quotes attributable to the
//! Premier, Ann Other:`) or a credit line below it (`— Jane Roe, Minister
//! for Skills`, `- Senator Doe`). News prose rarely writes either, so both
//! need a paragraph that holds nothing but the label or the credit.

use super::attribute::words;
use super::mention::{self, Mention, Who};
use crate::extract::lower::lower;

/// The sieve for a quotation under an "attributable to" label.
pub const ATTRIBUTABLE: &str = "attributable-to";
/// The sieve for a quotation over a credit line.
pub const CREDIT: &str = "credit-below";

/// Titles of address that open a credit but are not part of the name.
const ADDRESS: &[&str] = &["the honourable ", "the hon. ", "the hon ", "hon. ", "hon "];

/// The person a label paragraph names: `Attributable to Minister Jane Roe:`,
/// `Quotes attributable to the Premier, Ann Other:`.
pub fn attributable(para: &str) -> Option<Mention> {
    let label = para.trim().strip_suffix(':')?;
    let lowered = lower(label);
    let at = lowered.find("attributable to ")?;
    // Only the label's own words may stand before "attributable to".
    let lead = &lowered[..at];
    if !matches!(
        lead.trim(),
        "" | "quotes" | "quote" | "comments" | "comment" | "statement"
    ) {
        return None;
    }
    let who = &label[at + "attributable to ".len()..];
    // "Ann Other, Director of X": the name before the role; "the Premier,
    // Ann Other": the name after it.
    let first = who.split(", ").next().unwrap_or(who);
    named(first).or_else(|| named(who.rsplit_once(", ")?.1))
}

/// The person a credit paragraph names: `— Jane Roe, Minister for X`.
/// A Markdown list item's dash is gone before extraction reads it, so a
/// credit without one is read too, but only in its full form: a name of
/// two words or more, a comma, and a role or body in capitals, with no
/// sentence's full stop.
pub fn credit(para: &str) -> Option<Mention> {
    let t = para.trim();
    if t.len() > 160 || t.contains(['“', '”', '"']) {
        return None;
    }
    if let Some(rest) = ['—', '–', '―', '-'].iter().find_map(|d| t.strip_prefix(*d)) {
        let rest = rest.trim_start();
        let (name, role) = rest.split_once(", ").unwrap_or((rest, ""));
        return named(name).map(|m| with_role(m, role));
    }
    let (name, role) = t.split_once(", ")?;
    let full = name.split_whitespace().count() >= 2;
    let capital = role.chars().next().is_some_and(char::is_uppercase);
    if !full || !capital || t.ends_with('.') || t.split_whitespace().count() > 12 {
        return None;
    }
    named(name).map(|m| with_role(m, role))
}

/// A credit's office after the name ("Minister of Indigenous Services"),
/// kept as the speaker's role when the name came without one and the
/// office holds a noun of office; "the Minister said" later means them.
fn with_role(mut m: Mention, role: &str) -> Mention {
    let role = role.trim().trim_end_matches(['.', ',']);
    let head = mention::role_head(role);
    if m.role.is_none()
        && head.is_some()
        && role.starts_with(char::is_uppercase)
        && role.split(' ').count() <= 8
    {
        m.role = Some(role.to_string());
        m.role_head = head;
    }
    m
}

/// The sieve for a quotation in a statement whose heading names its author.
pub const STATEMENT: &str = "statement-author";

/// The author a statement's heading names: `Statement by Senator Jane Roe
/// on the Border Bill`, `Statement from Governor Luis Ortiz`, `Senator
/// Harlow Statement on Border Funding`. A joint statement has more than one
/// author and names none here.
pub fn statement_author(heading: &str) -> Option<Mention> {
    let t = heading.trim();
    if t.len() > 160 || t.contains(['“', '”', '"']) || t.ends_with(['.', '?', '!']) {
        return None;
    }
    let lowered = lower(t);
    // Only where lowercasing keeps byte offsets may `lowered` be cut where
    // `t` is.
    if lowered.len() != t.len() || lowered.contains("joint statement") {
        return None;
    }
    const OPENERS: [&str; 3] = ["statement by ", "statement from ", "statement of "];
    const ENDS: [&str; 11] = [
        " on ",
        ", ",
        " regarding ",
        " about ",
        " following ",
        " after ",
        " in response ",
        " marking ",
        " to mark ",
        ": ",
        " – ",
    ];
    let who = if let Some(o) = OPENERS.iter().find(|o| lowered.starts_with(**o)) {
        let rest = &t[o.len()..];
        let lowered_rest = &lowered[o.len()..];
        let cut = ENDS
            .iter()
            .filter_map(|e| lowered_rest.find(e))
            .min()
            .unwrap_or(rest.len());
        &rest[..cut]
    } else {
        let at = [
            " statement on ",
            " statement regarding ",
            " statement following ",
        ]
        .iter()
        .filter_map(|e| lowered.find(e))
        .min()?;
        &t[..at]
    };
    named(who)
}

/// The person who signs a statement or a letter: its last paragraph (after
/// an "ENDS" or a media contact), when that paragraph's first line is a
/// name of two words or more and at most a role after a comma ("Secretary
/// Alan Brooks", "Jane Roe, Minister for Health", "Yours sincerely, Ann
/// Ray"). Its quotations in the first person ("“…,” I told the committee")
/// are this person's. A paragraph of prose, a label or a quotation signs
/// nothing.
pub fn signature<'a>(paras: impl DoubleEndedIterator<Item = &'a str>) -> Option<Mention> {
    const CLOSINGS: [&str; 8] = [
        "yours sincerely,",
        "sincerely,",
        "yours faithfully,",
        "yours truly,",
        "best regards,",
        "kind regards,",
        "regards,",
        "respectfully,",
    ];
    let text = paras
        .rev()
        .take(3)
        .map(str::trim)
        .find(|t| !is_boilerplate(t))?;
    let line = text.lines().next()?.trim();
    // Longer than a name and an office: prose, read no further.
    if line.len() > 160 {
        return None;
    }
    let lowered = lower(line);
    let line = match CLOSINGS.iter().find(|c| lowered.starts_with(**c)) {
        // Only where lowercasing kept the byte offsets.
        Some(c) if lowered.len() == line.len() => line[c.len()..].trim_start(),
        _ => line,
    };
    let line = line.trim_start_matches(['—', '–', '―', '-']).trim_start();
    if line.len() > 120
        || line.contains(['“', '”', '"', ':', ';'])
        || line.ends_with(['.', '?', '!'])
    {
        return None;
    }
    let m = named(line.split(", ").next()?)?;
    match &m.who {
        Who::Name(n) if n.contains(' ') => Some(m),
        _ => None,
    }
}

/// The lines that close a release after its last word: "ENDS", "###",
/// "-30-", a media contact, notes to editors.
fn is_boilerplate(text: &str) -> bool {
    if text.len() > 200 {
        return false;
    }
    let lowered = lower(text);
    matches!(
        lowered.as_ref(),
        "ends" | "end" | "###" | "-30-" | "- 30 -" | "-ends-" | "— ends —"
    ) || [
        "media contact",
        "contact:",
        "media enquiries",
        "notes to editors",
        "for more information",
    ]
    .iter()
    .any(|p| lowered.starts_with(p))
}

/// A mention that is a name and nothing else: the whole of `text`, after
/// titles of address.
fn named(text: &str) -> Option<Mention> {
    let mut text = text.trim();
    let lowered = lower(text);
    if let Some(a) = ADDRESS.iter().find(|a| lowered.starts_with(**a)) {
        text = &text[a.len()..];
    }
    let ws = words(text);
    // "Member for Solomon", "Minister of State": an office, whose
    // lowercase words no name has but for its particles ("von der").
    let office = ws
        .iter()
        .any(|w| w.core.starts_with(char::is_lowercase) && !super::names::is_name_particle(w.core));
    if office {
        return None;
    }
    let (m, used) = mention::read(&ws, false)?;
    (matches!(m.who, Who::Name(_)) && used == ws.len()).then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(m: Option<Mention>) -> Option<String> {
        match m?.who {
            Who::Name(n) => Some(n),
            _ => None,
        }
    }

    #[test]
    fn statement_headings() {
        let cases = [
            (
                "Statement by Senator Jane Roe on the Border Bill",
                Some("Jane Roe"),
            ),
            ("Statement from Governor Luis Ortiz", Some("Luis Ortiz")),
            ("STATEMENT BY SENATOR JANE ROE ON THE BILL", None),
            (
                "Senator Dana Harlow Statement on Border Funding Bill",
                Some("Dana Harlow"),
            ),
            (
                "Statement of Ann Ray, Director: the new rule",
                Some("Ann Ray"),
            ),
            // No single named author.
            ("Joint Statement by Jane Roe and Ann Ray on Trade", None),
            ("Statement from the Secretary on the new rule", None),
            ("Statement by the Press Secretary", None),
            // A sentence, not a heading.
            ("A statement by Jane Roe was read out.", None),
        ];
        for (text, want) in cases {
            assert_eq!(name(statement_author(text)).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn signatures() {
        let cases: [(&[&str], Option<&str>); 9] = [
            (
                &["I told the committee.", "Secretary Alan Brooks"],
                Some("Alan Brooks"),
            ),
            (
                &[
                    "Yours sincerely,",
                    "Dame Margaret Hodge MP\nChair, Public Accounts Committee",
                ],
                Some("Margaret Hodge"),
            ),
            (
                &["Sincerely, Ann Ray, Minister for Health"],
                Some("Ann Ray"),
            ),
            (
                &[
                    "Jane Roe, Minister for Health",
                    "ENDS",
                    "Media contact: Jo Park 0400 000 000",
                ],
                Some("Jane Roe"),
            ),
            (&["- Senator Lou Brandt"], Some("Lou Brandt")),
            // Prose, a byline credit, a label, one word: no signature.
            (&["The committee meets again in May."], None),
            (&["Reporting by Jane Roe; Editing by Ann Ray"], None),
            (&["Read more: Jane Roe"], None),
            (&["Brooks"], None),
        ];
        for (paras, want) in cases {
            let got = name(signature(paras.iter().copied())).map(|n| clean(&n));
            assert_eq!(got.as_deref(), want, "{paras:?}");
        }
    }

    fn clean(n: &str) -> String {
        crate::extract::quotes::names::clean_name(n).into_owned()
    }

    #[test]
    fn labels_above() {
        let cases = [
            ("Attributable to Minister Kim Salter:", Some("Kim Salter")),
            (
                "Quotes attributable to the Chief Minister, Lou Brandt:",
                Some("Lou Brandt"),
            ),
            ("Comments attributable to Dr Ines Moor:", Some("Ines Moor")),
            (
                "Quotes attributable to Ana Lima, Director of the Example Agency:",
                Some("Ana Lima"),
            ),
            // Not a label: a sentence, or no colon.
            ("The delay is attributable to the rain:", None),
            ("Attributable to Minister Kim Salter", None),
        ];
        for (text, want) in cases {
            assert_eq!(name(attributable(text)).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn credits_below() {
        let cases = [
            ("— Kim Salter, Minister for Ports", Some("Kim Salter")),
            ("- Senator Lou Brandt", Some("Lou Brandt")),
            (
                "- The Honourable Ines Moor, Minister of Fisheries",
                Some("Ines Moor"),
            ),
            // A list item whose dash Markdown took away.
            ("Ines Moor, Chair of the Harbour Board", Some("Ines Moor")),
            // A list item, not a credit.
            ("- Applications open in May for every region.", None),
            ("Applications open in May, June and July.", None),
            ("— WHAT THEY SAID", None),
        ];
        for (text, want) in cases {
            assert_eq!(name(credit(text)).as_deref(), want, "{text}");
        }
        let role = |t: &str| credit(t).and_then(|m| m.role);
        assert_eq!(
            role("The Honourable Patty Hajdu, Minister of Indigenous Services").as_deref(),
            Some("Minister of Indigenous Services")
        );
        assert_eq!(
            role("— Kim Salter, Minister for Ports").as_deref(),
            Some("Minister for Ports")
        );
        // A body, not an office: no role.
        assert_eq!(role("Ines Moor, Example First Nation"), None);
    }
}
