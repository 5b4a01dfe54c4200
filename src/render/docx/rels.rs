//! A part's relationships (`_rels/<part>.rels`): what its `r:id`s point
//! at. Links get ids in order of first use, one per address, so the same
//! brief gives the same ids.

use std::fmt::Write as _;

use super::xml::escape;

/// Where the relationship types of a document's parts are named.
const TYPES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The relationships of one part.
#[derive(Debug, Default)]
pub struct Rels {
    /// (id, type, target, external).
    entries: Vec<(String, &'static str, String, bool)>,
}

impl Rels {
    /// The id of a hyperlink to `url`.
    pub fn link(&mut self, url: &str) -> String {
        if let Some((id, ..)) = self
            .entries
            .iter()
            .find(|(_, t, target, _)| *t == "hyperlink" && target == url)
        {
            return id.clone();
        }
        let id = format!("link{}", self.entries.len() + 1);
        self.entries
            .push((id.clone(), "hyperlink", url.to_string(), true));
        id
    }

    /// A relationship to a part of the package, under a fixed id; `kind`
    /// is the type's last word (`styles`, `image`).
    pub fn part(&mut self, id: &str, kind: &'static str, target: &str) {
        self.entries
            .push((id.to_string(), kind, target.to_string(), false));
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The `.rels` part.
    pub fn xml(&self) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        );
        for (id, kind, target, external) in &self.entries {
            let _ = write!(
                out,
                "<Relationship Id=\"{id}\" Type=\"{TYPES}/{kind}\" Target=\"{}\"{}/>",
                escape(target),
                if *external {
                    " TargetMode=\"External\""
                } else {
                    ""
                }
            );
        }
        out.push_str("</Relationships>");
        out
    }
}
