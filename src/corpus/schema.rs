//! The front-matter schema, read off the one type that defines it.
//!
//! `Metadata`'s serde derive is the only statement of which keys front
//! matter has: the full YAML parser, the fast path (`simple_yaml.rs`) and
//! the emitter (`emit.rs`) all go through it, and the field list the
//! "did you mean" hints offer is the derive's own (`fields`), so a field
//! added to the struct is read, written and suggested without a second list.

use std::sync::LazyLock;

use serde::de::{self, Deserialize, Deserializer, Visitor};

use super::document::Metadata;

/// Another name a front-matter key may be written under, and the field it
/// fills: `date` is what Quarto, Hugo and Jekyll write for `published`. The
/// `#[serde(alias)]` on the field is what reads it; this table only lets an
/// error name both keys when both are given (a test holds it to the derive).
pub const ALIASES: &[(&str, &str)] = &[("date", "published")];

/// Every key front matter accepts (aliases included), in the struct's order.
pub fn metadata_fields() -> &'static [&'static str] {
    static FIELDS: LazyLock<&'static [&'static str]> = LazyLock::new(fields::<Metadata>);
    &FIELDS
}

/// The keys a serde-derived struct accepts: the derive hands them to
/// `deserialize_struct`, where this deserializer keeps them and stops.
pub fn fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut found = None;
    // The error is the point: nothing is read, only the list is kept.
    let _ = T::deserialize(Introspect(&mut found));
    found.unwrap_or_default()
}

/// A deserializer with no data that records the field list it is asked for.
struct Introspect<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for Introspect<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some(fields);
        Err(de::Error::custom("fields read"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Original;

    /// The names serde writes: every field, each under its own name.
    fn written_names() -> Vec<String> {
        let meta = Metadata {
            id: Some("i".into()),
            title: Some("t".into()),
            short_title: Some("s".into()),
            title_supplied: true,
            outlet: Some("o".into()),
            author: Some("a".into()),
            translator: Some("tr".into()),
            editor: Some("e".into()),
            published: Some("2023".parse().unwrap_or_else(|e| panic!("{e}"))),
            url: Some("u".into()),
            language: Some("en".into()),
            tags: vec!["x".into()],
            original: Some(Original::default()),
            unit: Some("percent".into()),
            corrections: Default::default(),
        };
        let value = serde_json::to_value(&meta).unwrap_or_else(|e| panic!("{e}"));
        let mut names: Vec<String> = value
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        // Written only when there are some; present in every other way.
        names.push("corrections".into());
        names
    }

    /// The derive's list is every written name plus exactly the aliases,
    /// and each alias reads as the field it names.
    #[test]
    fn the_field_list_is_the_struct_and_its_aliases() {
        let fields = metadata_fields();
        let written = written_names();
        let mut extra: Vec<&str> = fields
            .iter()
            .copied()
            .filter(|f| !written.iter().any(|w| w == f))
            .collect();
        extra.sort_unstable();
        let mut aliases: Vec<&str> = ALIASES.iter().map(|(a, _)| *a).collect();
        aliases.sort_unstable();
        assert_eq!(extra, aliases);
        for w in &written {
            assert!(fields.contains(&w.as_str()), "{w} is not accepted");
        }
        for (alias, field) in ALIASES {
            let by_alias: Metadata = serde_saphyr::from_str(&format!("{alias}: 2023-10\n"))
                .unwrap_or_else(|e| panic!("{e}"));
            let by_name: Metadata = serde_saphyr::from_str(&format!("{field}: 2023-10\n"))
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(by_alias, by_name, "{alias}");
            assert_ne!(by_name, Metadata::default(), "{field}");
        }
        assert_eq!(
            super::fields::<Original>(),
            [
                "title",
                "outlet",
                "author",
                "date",
                "published",
                "url",
                "language"
            ]
        );
    }
}
