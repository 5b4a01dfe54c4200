//! Places a subject reader takes for a person: "Florida voted …", "China
//! said …". A pronoun is never given one of them as its person (see
//! `State::pronoun`).

use crate::extract::wordmap::WordSet;

/// US states and the countries and regions US and British political news
/// name most, lowercase.
const PLACES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "puerto rico",
    "america",
    "united states",
    "britain",
    "united kingdom",
    "england",
    "scotland",
    "wales",
    "ireland",
    "canada",
    "mexico",
    "china",
    "japan",
    "india",
    "russia",
    "ukraine",
    "france",
    "germany",
    "italy",
    "spain",
    "europe",
    "asia",
    "africa",
    "israel",
    "iran",
    "iraq",
    "syria",
    "afghanistan",
    "pakistan",
    "turkey",
    "egypt",
    "libya",
    "cuba",
    "venezuela",
    "brazil",
    "australia",
    "korea",
    "north korea",
    "south korea",
    "taiwan",
    "hong kong",
    "beijing",
    "moscow",
    "london",
    "paris",
    "brussels",
    "berlin",
    "tokyo",
    "washington dc",
];

static PLACE: WordSet<256> = WordSet::of_lowercase(PLACES);

/// Whether `name` is one of [`PLACES`], in any case.
pub fn is_place(name: &str) -> bool {
    PLACE.get_folded(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::is_place;

    #[test]
    fn places_in_any_case_and_people_not() {
        for p in ["Florida", "New Hampshire", "CHINA", "iowa"] {
            assert!(is_place(p), "{p}");
        }
        for p in ["Ted Cruz", "Obama", "Sanders", "Florida Man"] {
            assert!(!is_place(p), "{p}");
        }
    }
}
