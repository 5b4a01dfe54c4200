//! The vocabulary of amounts: number words, scales, fractions, currencies,
//! measures, rates, changes, time units and months. Each is a closed list
//! looked up by a lowercased word: short ones by `match`, the longer ones in
//! a hash table ([`WordMap`]), so a lookup costs a few comparisons and the
//! extractor stays fast enough to run on every paragraph of a corpus.

use crate::extract::wordmap::{WordMap, WordSet};

/// A word in lowercase for the lists below. They are consulted for every
/// word near a number, so this must not allocate: a word already in
/// lowercase (most are) is borrowed, others are folded into a stack buffer.
pub(super) enum Lower<'a> {
    Same(&'a str),
    Folded([u8; 24], usize),
}

impl<'a> Lower<'a> {
    /// Words longer than the buffer or outside ASCII match nothing, which is
    /// right: no word in these lists is either.
    pub fn new(word: &'a str) -> Lower<'a> {
        let bytes = word.as_bytes();
        if bytes.len() > 24 || !word.is_ascii() {
            return Lower::Same("");
        }
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Lower::Same(word);
        }
        let mut buf = [0u8; 24];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        Lower::Folded(buf, bytes.len())
    }

    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Folded(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or(""),
        }
    }
}

/// `one` … `ninety`: the words a written-out number is built from, below a hundred.
pub(super) fn small_number(w: &str) -> Option<f64> {
    SMALL_NUMBERS_MAP.get(w)
}

/// [`small_number`] of a word in any case, without making its lowercase
/// copy: the framing scan asks it of every word of a paragraph.
pub(super) fn small_number_folded(w: &str) -> Option<f64> {
    SMALL_NUMBERS_MAP.get_folded(w)
}

static SMALL_NUMBERS_MAP: WordMap<f64, 64> = WordMap::new(SMALL_NUMBERS);

/// The words of [`small_number`]; a table so that [`super::gate`] can build
/// its quick filter from the same list.
pub(super) const SMALL_NUMBERS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Multipliers after a number ("1.16 million"). Plurals ("millions") are
/// deliberately absent: they are the vague quantities the brief must not print.
pub(super) fn scale(w: &str) -> Option<f64> {
    SCALES_MAP.get(w)
}

static SCALES_MAP: WordMap<f64, 16> = WordMap::new(SCALES);

pub(super) const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
];

/// Abbreviated scales written as a word after a number: "2 bn people",
/// "10 mln". Single letters ("m", "k") are too often units to count here;
/// after a currency they are read by [`money_suffix_scale`].
pub(super) fn scale_abbreviation(w: &str) -> Option<f64> {
    Some(match w {
        "mn" | "mln" | "mil" => 1e6,
        "bn" | "bln" => 1e9,
        "tn" | "trn" | "tln" => 1e12,
        _ => return None,
    })
}

/// Scales glued to a bare number: "2M households", "1.2bn", "80k". A
/// lowercase "m" is left out: "a 20m vessel" is 20 metres (see
/// [`super::quantity`] for "20m people").
pub(super) fn glued_scale(w: &str) -> Option<f64> {
    Some(match w {
        "k" | "K" => 1e3,
        "M" | "mn" | "mln" | "MN" | "mil" => 1e6,
        "B" | "bn" | "bln" | "BN" => 1e9,
        "tn" | "trn" | "TN" => 1e12,
        // "2.5million contributions": the word run on, as some papers write.
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Scales written onto an amount of money: "$5bn", "$1.2m".
pub(super) fn money_suffix_scale(w: &str) -> Option<f64> {
    Some(match w {
        "k" => 1e3,
        "m" | "mn" | "mln" | "mil" => 1e6,
        "b" | "bn" | "bln" => 1e9,
        "t" | "tn" | "trn" => 1e12,
        "mm" => 1e6,
        // "$28.4million".
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Denominators of fractions in words: "two-thirds", "a quarter of".
pub(super) fn fraction(w: &str) -> Option<f64> {
    FRACTIONS_MAP.get(w)
}

static FRACTIONS_MAP: WordMap<f64, 64> = WordMap::new(FRACTIONS);

pub(super) const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// "fourteenfold", "twofold", "hundredfold" → the multiple.
pub(super) fn fold(w: &str) -> Option<f64> {
    let stem = w.strip_suffix("fold")?;
    small_number(stem).or_else(|| scale(stem))
}

/// Currency words after an amount, as ISO 4217 codes.
pub(super) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "yuan" | "renminbi" | "rmb" | "cny" => "CNY",
        "dollar" | "dollars" => super::dollar::DOLLAR,
        "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "yen" | "jpy" => "JPY",
        "hkd" => "HKD",
        "rupees" | "inr" => "INR",
        "roubles" | "rubles" | "rub" => "RUB",
        "rupee" => "INR",
        "rupiah" => "IDR",
        "ringgit" => "MYR",
        "baht" => "THB",
        "pesos" => "MXN",
        "dirhams" => "AED",
        "riyals" => "SAR",
        "shekels" => "ILS",
        "naira" => "NGN",
        // ISO codes after the amount ("2 million SEK", "10,000 CHF"), and
        // names with one currency.
        "gbp" | "sterling" => "GBP",
        "aud" => "AUD",
        "cad" => "CAD",
        "nzd" => "NZD",
        "sgd" => "SGD",
        "chf" => "CHF",
        "krw" => "KRW",
        "sek" | "kronor" | "krona" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "brl" | "reais" => "BRL",
        // Not "rand": "8 Rand Paul".
        "zar" => "ZAR",
        "pln" | "zloty" | "zlotys" => "PLN",
        "huf" | "forint" | "forints" => "HUF",
        "mxn" => "MXN",
        "twd" => "TWD",
        "thb" => "THB",
        "aed" | "dirham" => "AED",
        "sar" | "riyal" => "SAR",
        "ils" | "shekel" => "ILS",
        "ngn" => "NGN",
        "kes" => "KES",
        "egp" => "EGP",
        "uah" | "hryvnia" | "hryvnias" => "UAH",
        "pkr" => "PKR",
        "myr" => "MYR",
        "idr" => "IDR",
        "lira" | "liras" => "TRY",
        "pence" | "penny" | "pennies" => "pence",
        "cents" | "cent" => "cents",
        _ => return None,
    })
}

/// The coin of a currency written in words, for "3 dollars 50 cents": the
/// main units whose hundredths have their own word.
pub(super) fn has_hundredths(code: &str) -> bool {
    matches!(code, "USD" | "EUR" | "INR" | "RUB" | super::dollar::DOLLAR)
}

/// Currency codes written before an amount: "RMB 5,000", "USD 10".
pub(super) fn currency_code(w: &str) -> Option<&'static str> {
    CURRENCY_CODES_MAP.get(w)
}

static CURRENCY_CODES_MAP: WordMap<&str, 128> = WordMap::new(CURRENCY_CODES);

/// The codes of [`currency_code`], matched case-sensitively.
pub(super) const CURRENCY_CODES: &[(&str, &str)] = &[
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("HKD", "HKD"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("NZD", "NZD"),
    ("SGD", "SGD"),
    ("MYR", "MYR"),
    ("INR", "INR"),
    ("CHF", "CHF"),
    ("KRW", "KRW"),
    ("IDR", "IDR"),
    ("RM", "MYR"),
    ("Rs", "INR"),
    ("Rp", "IDR"),
    // Codes that share their first two letters and length with common words
    // ("SEK" and "see", "NOK" and "not") are not listed, so that the gate
    // keeps skipping those words; they are read after the amount
    // ([`currency_word`]), where news puts them.
    ("DKK", "DKK"),
    ("BRL", "BRL"),
    ("ZAR", "ZAR"),
    ("MXN", "MXN"),
    ("TWD", "TWD"),
    ("AED", "AED"),
    ("NGN", "NGN"),
    ("UAH", "UAH"),
    ("PKR", "PKR"),
    // Kenya writes "KSh 2.5 billion"; the ISO code "KES" shares its shape
    // with "key".
    ("KSh", "KES"),
    ("PLN", "PLN"),
    ("CZK", "CZK"),
    ("HUF", "HUF"),
    ("VND", "VND"),
    ("BDT", "BDT"),
    ("LKR", "LKR"),
    ("GHS", "GHS"),
    ("QAR", "QAR"),
    ("EGP", "EGP"),
    ("PHP", "PHP"),
];

/// Currency symbols. `$` and `¥` each stand for more than one currency:
/// the document decides which ([`super::dollar`], [`super::yen`]).
pub(super) fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => super::dollar::DOLLAR,
        "€" => "EUR",
        "£" => "GBP",
        "¥" | "￥" => super::yen::YEN_SIGN,
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₺" => "TRY",
        "₦" => "NGN",
        "₱" => "PHP",
        "₫" => "VND",
        "₪" => "ILS",
        "₡" => "CRC",
        "₾" => "GEL",
        "฿" => "THB",
        _ => return None,
    })
}

/// Letters glued before `$` that name which dollar it is.
pub(super) const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("U.S.", "USD"),
    ("US", "USD"),
    ("HK", "HKD"),
    ("NT", "TWD"),
    ("NZ", "NZD"),
    ("AU", "AUD"),
    ("R", "BRL"),
    ("A", "AUD"),
    ("C", "CAD"),
    ("S", "SGD"),
];

/// Letters after `$` that name which dollar it is: "$US4,100", "$A350".
pub(super) fn dollar_suffix(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" => "USD",
        "A" | "AU" => "AUD",
        "NZ" => "NZD",
        "C" => "CAD",
        "HK" => "HKD",
        "S" => "SGD",
        _ => return None,
    })
}

/// Units written glued to a number ("5km", "64GB", "400hp"), as in
/// [`measure`]; "m" is not here (metres or millions: see
/// [`super::quantity`]), nor "g" ("5G" is a network).
pub(super) fn glued_measure(w: &str) -> Option<&'static str> {
    match w {
        "km" | "kg" | "cm" | "mm" | "mg" | "gb" | "mb" | "tb" | "kb" | "hp" | "mph" | "kph"
        | "kmh" | "kw" | "mw" | "gw" | "kwh" | "mwh" | "gwh" | "twh" | "ghz" | "mhz" | "ml"
        | "lb" | "lbs" | "ft" | "ha" | "km2" | "sqkm" | "mi" => measure(w),
        // "25bps", "50bp".
        "bps" | "bp" => Some("basis points"),
        _ => None,
    }
}

/// Units of length, area, weight, speed, power, energy, volume and data,
/// normalised; a hyphenated compound ("60-square-meter") is looked up with
/// its parts joined by spaces.
pub(super) fn measure(w: &str) -> Option<&'static str> {
    Some(match w {
        "m" => "m",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "nm" | "nanometre" | "nanometres" | "nanometer" | "nanometers" => "nm",
        "mi" => "miles",
        "ft" => "feet",
        "inch" | "inches" => "inches",
        "yard" | "yards" => "yards",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "knot" | "knots" => "knots",
        "hp" | "horsepower" => "hp",
        "kw" | "kilowatt" | "kilowatts" => "kW",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "terawatt" | "terawatts" => "TW",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        "ghz" => "GHz",
        "mhz" => "MHz",
        "kb" | "kilobyte" | "kilobytes" => "KB",
        "mb" | "megabyte" | "megabytes" => "MB",
        "gb" | "gigabyte" | "gigabytes" => "GB",
        "tb" | "terabyte" | "terabytes" => "TB",
        "petabyte" | "petabytes" => "PB",
        "exabyte" | "exabytes" => "EB",
        "mg" | "milligram" | "milligrams" => "mg",
        "gram" | "grams" => "g",
        "lb" | "lbs" => "lb",
        "ounce" | "ounces" | "oz" => "oz",
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => "ml",
        "litre" | "litres" | "liter" | "liters" => "litres",
        "gallon" | "gallons" => "gallons",
        "pint" | "pints" => "pints",
        "cup" | "cups" => "cups",
        "tablespoon" | "tablespoons" | "tbsp" => "tablespoons",
        "teaspoon" | "teaspoons" | "tsp" => "teaspoons",
        "barrel" | "barrels" => "barrels",
        // An earthquake's: "a 7.1-magnitude earthquake".
        "magnitude" => "magnitude",
        "ha" => "hectares",
        "km2" | "sqkm" => "square km",
        "cubic metre" | "cubic metres" | "cubic meter" | "cubic meters" => "cubic meters",
        "celsius" => "°C",
        "fahrenheit" => "°F",
        "mile" | "miles" => "miles",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "metre" | "metres" | "meter" | "meters" => "m",
        "square meter" | "square meters" | "square metre" | "square metres" => "square meters",
        "square kilometer" | "square kilometers" | "square kilometre" | "square kilometres" => {
            "square km"
        }
        "square mile" | "square miles" => "square miles",
        "square foot" | "square feet" => "square feet",
        "hectare" | "hectares" => "hectares",
        "acre" | "acres" => "acres",
        "foot" | "feet" => "feet",
        "degree" | "degrees" => "degrees",
        "kg" | "kilogram" | "kilograms" => "kg",
        "tonne" | "tonnes" | "ton" | "tons" => "tonnes",
        _ => return None,
    })
}

/// How often a quantity is counted ("weekly earnings", "the average
/// monthly gain"): a word that modifies the noun of a statistic and is no
/// subject alone.
pub(super) fn how_often(w: &str) -> bool {
    matches!(
        w,
        "hourly" | "weekly" | "monthly" | "quarterly" | "yearly" | "daily" | "annual"
    )
}

/// Units of time. A count of them is a duration or a period, never a figure.
pub(super) fn time_unit(w: &str) -> bool {
    TIME_UNITS_SET.contains(w)
}

static TIME_UNITS_SET: WordSet<64> = WordSet::of(TIME_UNITS);

const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "semester",
    "semesters",
];

/// The singular a rate is expressed per ("per year", "a month").
pub(super) fn rate_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "year" | "annum" => "year",
        "month" => "month",
        "week" => "week",
        "day" => "day",
        "hour" => "hour",
        "capita" | "person" | "head" => "person",
        "share" => "share",
        _ => return None,
    })
}

/// A word that joins an amount to the unit it is a rate over: "a", "an",
/// "per", "each", "every" ("2,800 jobs a year", "$45 per person per year").
pub(super) fn rate_link(w: &str) -> bool {
    matches!(w, "a" | "an" | "per" | "each" | "every")
}

/// The rates of a rate: "$45 per person per year", "$120 per household a
/// month". Named here once each, as every unit is a static name.
/// Each entity of the list over a year, a month, a week and a day.
macro_rules! over_time {
    ($($entity:literal),* $(,)?) => {
        [$(
            concat!($entity, " per year"),
            concat!($entity, " per month"),
            concat!($entity, " per week"),
            concat!($entity, " per day"),
        )*]
    };
}

const RATES_OF_TIME: [&str; 60] = over_time!(
    "person",
    "household",
    "family",
    "child",
    "student",
    "pupil",
    "adult",
    "patient",
    "resident",
    "employee",
    "worker",
    "member",
    "customer",
    "taxpayer",
    "tenant",
);

/// The rate `per` over a unit of `time`: "person" and "year" give "person
/// per year", if it is one of [`RATES_OF_TIME`].
pub(super) fn rate_over_time(per: &str, time: &str) -> Option<&'static str> {
    RATES_OF_TIME.iter().copied().find(|r| {
        r.strip_prefix(per)
            .and_then(|rest| rest.strip_prefix(" per "))
            .is_some_and(|t| t == time)
    })
}

/// What else an amount may be "per": "$400 per student", "$350 per kg".
pub(super) fn per_unit(w: &str) -> Option<&'static str> {
    if let Some(r) = rate_unit(w) {
        return Some(r);
    }
    Some(match w {
        "student" => "student",
        "household" => "household",
        "family" => "family",
        "child" => "child",
        "pupil" => "pupil",
        "adult" => "adult",
        "member" => "member",
        "participant" => "participant",
        "recipient" => "recipient",
        "beneficiary" => "beneficiary",
        "applicant" => "applicant",
        "taxpayer" => "taxpayer",
        "tenant" => "tenant",
        "customer" => "customer",
        "school" => "school",
        "hospital" => "hospital",
        "center" => "center",
        "centre" => "centre",
        "business" => "business",
        "farm" => "farm",
        "home" => "home",
        "property" => "property",
        "project" => "project",
        "site" => "site",
        "bed" => "bed",
        "visit" => "visit",
        "trip" => "trip",
        "ticket" => "ticket",
        "hectare" => "hectare",
        "acre" => "acre",
        "patient" => "patient",
        "passenger" => "passenger",
        "resident" => "resident",
        "employee" => "employee",
        "worker" => "worker",
        "vehicle" => "vehicle",
        "night" => "night",
        "kg" | "kilogram" => "kg",
        "tonne" | "ton" => "tonne",
        "barrel" => "barrel",
        "litre" | "liter" => "litre",
        "gallon" => "gallon",
        "unit" => "unit",
        "dose" => "dose",
        // "The yen weakened to 155 per dollar", "5 cents per dollar": an
        // exchange rate, or a share of each unit of money.
        "dollar" => "dollar",
        "euro" => "euro",
        "pound" => "pound",
        _ => return None,
    })
}

/// Adverbs that make an amount a rate: "24% annually".
pub(super) fn rate_adverb(w: &str) -> Option<&'static str> {
    Some(match w {
        "annually" | "yearly" => "year",
        "monthly" => "month",
        "weekly" => "week",
        "daily" => "day",
        _ => return None,
    })
}

/// Words that make a percentage or multiple a change ("169% increase",
/// "15 times higher"); they stay in the figure's text so it reads alone.
pub(super) fn change_word(w: &str) -> bool {
    CHANGE_WORDS_SET.contains(w)
}

static CHANGE_WORDS_SET: WordSet<64> = WordSet::of(CHANGE_WORDS);

const CHANGE_WORDS: &[&str] = &[
    "increase",
    "rise",
    "jump",
    "surge",
    "growth",
    "gain",
    "spike",
    "drop",
    "decline",
    "decrease",
    "fall",
    "reduction",
    "cut",
    "higher",
    "lower",
    "more",
    "less",
    "fewer",
    "larger",
    "greater",
    "bigger",
    "smaller",
];

/// Capitalised plurals that name people counted as a group ("four
/// Americans", "two Democrats"); a capitalised word alone after a number is
/// otherwise a name ("Windows 11", "Three Gorges").
pub(crate) fn group_plural(w: &str) -> bool {
    GROUP_PLURALS_SET.contains(w)
}

static GROUP_PLURALS_SET: WordSet<128> = WordSet::of(GROUP_PLURALS);

const GROUP_PLURALS: &[&str] = &[
    "americans",
    "democrats",
    "republicans",
    "independents",
    "hispanics",
    "latinos",
    "latinas",
    "muslims",
    "christians",
    "catholics",
    "jews",
    "evangelicals",
    "israelis",
    "palestinians",
    "syrians",
    "iraqis",
    "afghans",
    "iranians",
    "mexicans",
    "canadians",
    "britons",
    "europeans",
    "africans",
    "asians",
    "russians",
    "ukrainians",
    "cubans",
    "haitians",
    "somalis",
    "kurds",
    "germans",
    "italians",
    "australians",
    "pakistanis",
    "saudis",
    "egyptians",
    "turks",
    "koreans",
    "marines",
];

pub(super) fn month(w: &str) -> bool {
    MONTH_NAMES_SET.contains(w)
}

static MONTH_NAMES_SET: WordSet<32> = WordSet::of(MONTH_NAMES);

pub(crate) const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Chinese scale characters after a number: "116万" is 1.16 million; they
/// multiply ("万亿" is 10¹²).
pub(super) fn cjk_scale(c: &str) -> Option<f64> {
    Some(match c {
        "十" => 1e1,
        "百" => 1e2,
        "千" => 1e3,
        "万" | "萬" => 1e4,
        "亿" | "億" => 1e8,
        _ => return None,
    })
}

/// Chinese units after a number (and its scale), as one or two characters:
/// currencies and measures. Returns the unit and how many characters it takes.
pub(super) fn cjk_unit(first: &str, second: &str) -> Option<(&'static str, bool, usize)> {
    // (name, is money, characters)
    Some(match (first, second) {
        ("元" | "块", _) => ("CNY", true, 1),
        ("人", "民") => ("CNY", true, 2),
        ("美", "元") => ("USD", true, 2),
        ("欧", "元") => ("EUR", true, 2),
        ("日", "元") => ("JPY", true, 2),
        ("港", "元" | "币") => ("HKD", true, 2),
        ("英", "镑") => ("GBP", true, 2),
        ("公", "里") | ("千", "米") => ("km", false, 2),
        ("公", "斤") => ("kg", false, 2),
        ("吨", _) => ("tonnes", false, 1),
        ("米", _) => ("m", false, 1),
        ("平", "方") => ("square meters", false, 2),
        _ => return None,
    })
}

/// Nouns a Chinese count names by one character: "116万人" (people), "户"
/// (households), "国" (countries).
pub(super) fn cjk_noun_alone(c: &str) -> bool {
    matches!(c, "人" | "户" | "家" | "国" | "所" | "起" | "例")
}

/// Classifiers, the measure words a Chinese count puts before its noun:
/// "500名学生", "两千辆车".
pub(super) fn cjk_classifier(c: &str) -> bool {
    matches!(
        c,
        "名" | "个" | "位" | "辆" | "只" | "头" | "件" | "座" | "艘" | "架" | "台" | "部" | "批"
    )
}

/// Characters after a number that make it a date, a time, an age, an
/// ordinal or a label, never a count: "2024年", "3月", "35岁", "5号".
pub(super) fn cjk_not_counted(c: &str) -> bool {
    matches!(
        c,
        "年" | "月"
            | "日"
            | "号"
            | "岁"
            | "点"
            | "时"
            | "分"
            | "秒"
            | "天"
            | "周"
            | "届"
            | "期"
            | "级"
            | "楼"
            | "层"
            | "版"
            | "条"
            | "款"
            | "章"
            | "节"
            | "季"
            | "代"
            | "世"
            | "度"
            | "小"
            | "个月"
            | "星"
            | "路"
            | "号线"
            | "倍"
    )
}
