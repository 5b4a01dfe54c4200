//! Which dollar a bare "$" means. An Australian, Canadian or New Zealand
//! government writes its own dollar as "$" ("a record $3.2 billion for
//! regional hospitals"), as US news does the US dollar; printing "USD" for
//! the first is a fact the text never stated. Extraction reads "$" and
//! "dollars" as [`DOLLAR`], the dollar the text leaves unnamed, and
//! [`home`] decides per document, once, from what the document says of
//! itself: its language tag's region, the dollars it names, and the places
//! its title, outlet and opening name.
//!
//! When unsure it is the US dollar, as before: news uses "$" for it and
//! writes "A$", "C$", "NZ$" for the others.

use super::Figure;

/// The code a bare "$" or "dollars" is read as until [`resolve`] names it.
pub(super) const DOLLAR: &str = "$";

/// The default when the document says nothing of its country.
const US: &str = "USD";

/// How far into the body places are counted: a release names its
/// government, state or dateline at the top; the rest of a long article
/// would only cost time.
const OPENING: usize = 2_000;

/// Places that say which dollar a text's "$" is, per currency: a country,
/// its people, its states or provinces and its larger cities, and a wire
/// that carries only its releases. Each must be specific: "Victoria",
/// "Perth", "Wellington", "Darwin", "Sydney", "Adelaide", "Hobart" and
/// "Alberta" are also people's names or places elsewhere.
const PLACES: &[(&str, &[&str])] = &[
    (
        "AUD",
        &[
            "Australia",
            "Australian",
            "Australians",
            "NSW",
            "New South Wales",
            "Queensland",
            "Queenslanders",
            "Tasmania",
            "Tasmanian",
            "Canberra",
            "Melbourne",
            "Brisbane",
            "Northern Territory",
            "Territorians",
        ],
    ),
    (
        "CAD",
        &[
            "Canada",
            "Canadian",
            "Canadians",
            "Ottawa",
            "Ontario",
            "Quebec",
            "Québec",
            "Albertans",
            "Manitoba",
            "Saskatchewan",
            "British Columbia",
            "Nova Scotia",
            "New Brunswick",
            "Newfoundland",
            "Toronto",
            "Vancouver",
            "Montreal",
            "Montréal",
            "Calgary",
            "Edmonton",
            "Winnipeg",
            "CNW",
        ],
    ),
    (
        "NZD",
        &[
            "New Zealand",
            "New Zealanders",
            "Kiwis",
            "Aotearoa",
            "Auckland",
            "Christchurch",
        ],
    ),
    (
        US,
        &[
            "U.S.",
            "US",
            "USA",
            "United States",
            "America",
            "American",
            "Americans",
            "Washington",
            "Congress",
            "White House",
        ],
    ),
];

/// Dollars a text names, which make its bare "$" the US dollar: a wire that
/// writes "A$3 billion" writes "$2 billion" for the conversion.
const NAMED_FOREIGN: &[&str] = &["AUD", "CAD", "NZD", "SGD", "HKD", "TWD"];

/// What a document says of itself, for [`home`].
#[derive(Debug)]
pub struct Signs<'a> {
    /// The BCP 47 tag of the front matter: "en-AU" is Australian English.
    pub language: Option<&'a str>,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub body: &'a str,
}

/// Names the dollar of every figure in [`DOLLAR`]s by what the document
/// says of itself ([`home`]); a document without one reads nothing more.
pub fn settle(figures: &mut [Figure], signs: &Signs) {
    if any(figures, DOLLAR) {
        let code = home(signs, figures);
        resolve(figures, DOLLAR, code);
    }
}

/// The currency a bare "$" of the document means.
fn home(signs: &Signs, figures: &[Figure]) -> &'static str {
    if let Some(code) = signs.language.and_then(region_dollar) {
        return code;
    }
    // A text that writes "A$" or "C$" keeps "$" for the US dollar.
    let named = |code: &str| {
        figures
            .iter()
            .any(|f| f.unit.as_deref().is_some_and(|u| unit_code(u) == code))
    };
    if NAMED_FOREIGN.iter().any(|c| named(c)) {
        return US;
    }
    let opening = opening(signs.body);
    let mut counts = [0usize; 4];
    for (k, (_, places)) in PLACES.iter().enumerate() {
        for text in [signs.title, signs.outlet].into_iter().flatten() {
            // The title and the outlet say what the text is about: twice.
            counts[k] += 2 * mentions(text, places);
        }
        counts[k] += mentions(opening, places);
    }
    let us = counts[PLACES.len() - 1];
    let (best, n) = counts[..PLACES.len() - 1]
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .expect("places of at least one other dollar");
    // Named more than once, and clearly more than the United States: a US
    // article about Canadian tariffs names both.
    if *n >= 2 && *n > 2 * us {
        PLACES[best].0
    } else {
        US
    }
}

/// Sets the currency of every figure in `sign` (a currency left unnamed:
/// [`DOLLAR`], [`super::yen::YEN_SIGN`]) to `code`.
pub(super) fn resolve(figures: &mut [Figure], sign: &str, code: &str) {
    let set = |unit: &mut Option<String>| {
        if let Some(u) = unit
            && unit_code(u) == sign
        {
            u.replace_range(..sign.len(), code);
        }
    };
    for f in figures {
        set(&mut f.unit);
        if let Some(c) = &mut f.change {
            set(&mut c.unit);
        }
    }
}

/// Whether any figure is in `sign` and needs [`resolve`]: most documents
/// state no dollar, and need no places counted.
pub(super) fn any(figures: &[Figure], sign: &str) -> bool {
    figures.iter().any(|f| {
        f.unit.as_deref().is_some_and(|u| unit_code(u) == sign)
            || f.change
                .as_ref()
                .and_then(|c| c.unit.as_deref())
                .is_some_and(|u| unit_code(u) == sign)
    })
}

/// The currency of a unit as printed: "USD" of "USD per month".
pub(super) fn unit_code(unit: &str) -> &str {
    unit.split(' ').next().unwrap_or(unit)
}

/// The dollar of a language tag's region: "en-AU", "en_CA", "fr-CA".
fn region_dollar(tag: &str) -> Option<&'static str> {
    let region = tag.split(['-', '_']).skip(1).find(|s| s.len() == 2)?;
    Some(match region.to_ascii_uppercase().as_str() {
        "AU" => "AUD",
        "CA" => "CAD",
        "NZ" => "NZD",
        "US" => US,
        "SG" => "SGD",
        "HK" => "HKD",
        "TW" => "TWD",
        _ => return None,
    })
}

/// The body's first [`OPENING`] bytes, cut at a character boundary.
pub(super) fn opening(body: &str) -> &str {
    let mut end = body.len().min(OPENING);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    &body[..end]
}

/// How many times `text` names any of `places` as whole words, as written
/// or in capitals ("OTTAWA, ON —" opens a Canadian release).
pub(super) fn mentions(text: &str, places: &[&str]) -> usize {
    let count = |p: &str| {
        text.match_indices(p)
            .filter(|(at, _)| whole_word(text, *at, p.len()))
            .count()
    };
    places
        .iter()
        .map(|p| {
            let upper = p.to_uppercase();
            count(p) + if upper == *p { 0 } else { count(&upper) }
        })
        .sum()
}

/// Whether `text[at..at + len]` is not part of a longer word: "Australians"
/// is not a second "Australian", "USAID" is not "USA".
fn whole_word(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !joins(before) && !joins(after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Para;
    use crate::extract::figures::find_unresolved;

    fn figures(body: &str) -> Vec<Figure> {
        body.split("\n\n")
            .enumerate()
            .flat_map(|(i, p)| find_unresolved(&Para::new(i + 1, 0, p)))
            .collect()
    }

    fn home_of(title: &str, outlet: Option<&str>, language: Option<&str>, body: &str) -> String {
        let figs = figures(body);
        let signs = Signs {
            language,
            title: Some(title),
            outlet,
            body,
        };
        home(&signs, &figs).to_string()
    }

    #[test]
    fn a_state_government_release_states_australian_dollars() {
        let body = "The NSW Government will invest a record $3.2 billion in regional \
                    hospitals, Premier Jane Doe announced today.\n\nPeople in regional NSW \
                    travel hundreds of kilometres for treatment.";
        assert_eq!(
            home_of(
                "Record $3.2 billion boost for regional hospitals",
                None,
                None,
                body
            ),
            "AUD"
        );
    }

    #[test]
    fn a_canadian_release_by_its_dateline_and_wire() {
        let body = "OTTAWA, ON, April 3, 2025 /CNW/ - The Minister announced $412.5 \
                    million over five years.";
        assert_eq!(home_of("Clean water", None, None, body), "CAD");
    }

    #[test]
    fn a_new_zealand_release_by_its_outlet() {
        let body = "The changes will save homeowners an estimated $180 million a year.";
        assert_eq!(
            home_of(
                "Faster consents",
                Some("New Zealand Government"),
                None,
                body
            ),
            "NZD"
        );
    }

    #[test]
    fn the_language_tag_region_decides_first() {
        let body = "The U.S. embassy said $5 million would follow.";
        assert_eq!(home_of("Grants", None, Some("en-AU"), body), "AUD");
        assert_eq!(home_of("Grants", None, Some("en"), body), "USD");
    }

    #[test]
    fn us_news_about_another_country_keeps_the_us_dollar() {
        let body = "Canada will face tariffs on $30 billion of goods, U.S. officials said. \
                    Canada said it would respond, and the United States said it would not \
                    back down.";
        assert_eq!(home_of("Tariffs on Canada", None, None, body), "USD");
        // Named once is not enough.
        let body = "The Melbourne-born chief executive was paid $12 million last year.";
        assert_eq!(home_of("Pay", None, None, body), "USD");
        // A person's name is no place.
        let body = "Sydney Sweeney earned $5 million for the film. Sweeney, whom \
                    friends call Sydney, declined to comment.";
        assert_eq!(home_of("Sydney Sweeney's pay", None, None, body), "USD");
    }

    #[test]
    fn a_text_that_names_the_other_dollar_keeps_the_bare_one_for_the_us_dollar() {
        let body = "Australia's government pledged A$3 billion ($2 billion) for \
                    Australian farmers in New South Wales and Queensland.";
        assert_eq!(home_of("Drought aid in Australia", None, None, body), "USD");
    }

    #[test]
    fn a_place_inside_a_longer_word_is_not_named() {
        assert_eq!(mentions("USAID and the USA", &["USA"]), 1);
        assert_eq!(mentions("Australians", &["Australian"]), 0);
        assert_eq!(mentions("OTTAWA, ON and Ottawa", &["Ottawa"]), 2);
    }

    #[test]
    fn resolving_sets_the_unit_and_its_rate_and_the_change() {
        let mut figs = figures("Fees rose by $5 to $35 a month.");
        assert!(any(&figs, DOLLAR), "{figs:?}");
        resolve(&mut figs, DOLLAR, "CAD");
        let f = figs
            .iter()
            .find(|f| f.text.contains("35"))
            .expect("the level");
        assert_eq!(f.unit.as_deref(), Some("CAD per month"));
        assert!(!any(&figs, DOLLAR));
    }
}
