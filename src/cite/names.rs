//! Personal names → family and given parts, so that a short note can say
//! "Huang" or "Smith" and a bibliography can file "Smith, Jon" under S.
//!
//! Front matter gives a name as one string. It is read as:
//! - `Family, Given` (one comma): taken at its word;
//! - a name in Han, kana or hangul script: printed as written (hayagriva
//!   prints such names family-first without a space, and the CSL rules
//!   for splitting them are out of reach of a string);
//! - a romanised Chinese or Korean name, family first ("Huang Liling",
//!   "Moon Jae-in"): the first word is a common family name and every other
//!   word is made of syllables of the romanisation. Japanese names in
//!   English text are usually given-first and are read as such;
//! - an organisation or team ("China Thought Express editorial team"):
//!   printed as written, never inverted;
//! - otherwise given names first, family name last, with its lower-case
//!   particles ("van", "de") and a suffix ("Jr.", "III") kept with it.
//!
//! When the reading is wrong, `Family, Given` in the front matter settles it.

use hayagriva::types::Person;

/// A name as the notes, the short notes and the bibliography print it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Name {
    /// Printed as written everywhere (organisations, single words, CJK script).
    Literal(String),
    /// Given names first in a note, inverted in a bibliography.
    Western {
        family: String,
        given: String,
        suffix: Option<String>,
    },
    /// Family name first everywhere, never inverted with a comma.
    FamilyFirst { family: String, given: String },
}

impl Name {
    pub fn parse(s: &str) -> Name {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some((family, given)) = s.split_once(',')
            && !given.contains(',')
            && !family.trim().is_empty()
            && !given.trim().is_empty()
        {
            let given = given.trim();
            // "King, Jr." is a suffix, not a given name.
            if !is_suffix(given) {
                return Name::Western {
                    family: family.trim().to_string(),
                    given: given.to_string(),
                    suffix: None,
                };
            }
        }
        if s.chars().any(is_cjk_script) || is_organisation(&s) {
            return Name::Literal(s);
        }
        let words: Vec<&str> = s.split(' ').collect();
        if words.len() < 2 || !words.iter().all(|w| looks_like_name_word(w)) {
            return Name::Literal(s);
        }
        if is_family_first(&words) {
            return Name::FamilyFirst {
                family: words[0].to_string(),
                given: words[1..].join(" "),
            };
        }
        western(&words).unwrap_or(Name::Literal(s))
    }

    /// The person for notes and for sorting. A family-first name carries its
    /// given names as a suffix: hayagriva then prints "Huang Liling" in full
    /// notes and "Huang" in short ones (its CSL engine knows family-first
    /// order only for names in CJK script).
    pub fn person(&self) -> Person {
        match self {
            Name::Literal(s) => literal(s),
            Name::Western {
                family,
                given,
                suffix,
            } => Person {
                given_name: Some(given.clone()),
                suffix: suffix.clone(),
                comma_suffix: suffix.is_some(),
                ..literal(family)
            },
            Name::FamilyFirst { family, given } => Person {
                suffix: Some(given.clone()),
                ..literal(family)
            },
        }
    }

    /// The person for the bibliography, where Chicago inverts Western names
    /// ("Smith, Jon") but prints Chinese and Korean ones as written
    /// ("Huang Liling", CMOS 18 8.14–8.15).
    pub fn bibliography_person(&self) -> Person {
        match self {
            Name::FamilyFirst { family, given } => literal(&format!("{family} {given}")),
            other => other.person(),
        }
    }
}

/// A name without a given-name part, which hayagriva prints as it is.
pub(super) fn literal(s: &str) -> Person {
    Person {
        name: s.to_string(),
        given_name: None,
        prefix: None,
        suffix: None,
        comma_suffix: false,
        alias: None,
    }
}

/// Given names first: the last word (with the lower-case particles before
/// it, and the suffix after it set apart) is the family name.
fn western(words: &[&str]) -> Option<Name> {
    let (mut words, suffix) = match words.split_last() {
        Some((last, rest)) if is_suffix(last) && rest.len() >= 2 => (rest.to_vec(), Some(*last)),
        _ => (words.to_vec(), None),
    };
    // "Martin Luther King, Jr.": the comma before the suffix stays behind.
    if suffix.is_some()
        && let Some(last) = words.last_mut()
    {
        *last = last.trim_end_matches(',');
    }
    let mut start = words.len() - 1;
    while start > 1 && is_particle(words[start - 1]) {
        start -= 1;
    }
    if start == 0 {
        return None;
    }
    Some(Name::Western {
        family: words[start..].join(" "),
        given: words[..start].join(" "),
        suffix: suffix.map(str::to_string),
    })
}

fn is_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches(','),
        "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "V"
    )
}

fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "de"
            | "der"
            | "den"
            | "da"
            | "das"
            | "dos"
            | "del"
            | "della"
            | "di"
            | "du"
            | "la"
            | "le"
            | "ter"
            | "ten"
            | "bin"
            | "binti"
            | "ibn"
            | "al"
            | "el"
    )
}

/// A word a personal name can hold: a capital first (or a particle), then
/// letters, apostrophes, hyphens and the period of an initial.
fn looks_like_name_word(w: &str) -> bool {
    if is_particle(w) || is_suffix(w) {
        return true;
    }
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.' | ','))
}

/// Words that name a body of people rather than a person.
fn is_organisation(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "agency",
        "association",
        "board",
        "bureau",
        "center",
        "centre",
        "commission",
        "committee",
        "council",
        "department",
        "desk",
        "editorial",
        "editors",
        "foundation",
        "government",
        "group",
        "institute",
        "ministry",
        "network",
        "news",
        "office",
        "press",
        "reporters",
        "service",
        "staff",
        "team",
        "times",
        "university",
    ];
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
        || s.chars().any(|c| c.is_ascii_digit() || c == '&')
        || s.split(' ')
            .any(|w| w.len() >= 2 && !is_suffix(w) && w.chars().all(|c| c.is_ascii_uppercase()))
}

fn is_cjk_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // kana
        | '\u{3400}'..='\u{4DBF}' // Han extension A
        | '\u{4E00}'..='\u{9FFF}' // Han
        | '\u{AC00}'..='\u{D7AF}' // hangul
        | '\u{F900}'..='\u{FAFF}')
}

/// Common Chinese (pinyin and Wade–Giles) and Korean family names.
const FAMILY_FIRST: &[&str] = &[
    "ahn", "an", "bai", "cai", "cao", "chang", "chao", "chen", "cheng", "cheung", "chiang", "cho",
    "choi", "chou", "chow", "chu", "chung", "cui", "deng", "ding", "dong", "du", "fan", "fang",
    "feng", "fu", "gao", "gong", "guo", "han", "hao", "he", "ho", "hong", "hou", "hsu", "hu",
    "hua", "huang", "hwang", "jang", "jeon", "jeong", "jia", "jiang", "jin", "jung", "kang", "kim",
    "ko", "kong", "kuo", "kwon", "lai", "lam", "lau", "lee", "leung", "li", "liang", "liao", "lim",
    "lin", "liu", "lo", "lu", "luo", "lv", "ma", "mao", "meng", "moon", "ng", "pan", "park",
    "peng", "qian", "qin", "ren", "shao", "shen", "shi", "song", "su", "sun", "tan", "tang", "tao",
    "teng", "tian", "tsai", "wan", "wang", "wei", "wen", "wong", "woo", "wu", "xi", "xia", "xiao",
    "xie", "xiong", "xu", "xue", "yan", "yang", "yao", "ye", "yi", "yin", "yoo", "yoon", "yu",
    "yuan", "yue", "zeng", "zhang", "zhao", "zheng", "zhong", "zhou", "zhu",
];

/// "Huang Liling", "Xi Jinping", "Ma Ying-jeou", "Kim Jong Un": a common
/// family name, then one or two words that are all syllables of a
/// romanisation. "Lee Marvin" and "Kim Jones" are not ("-rvin", "-nes").
fn is_family_first(words: &[&str]) -> bool {
    let first = words[0].to_lowercase();
    (2..=3).contains(&words.len())
        && FAMILY_FIRST.binary_search(&first.as_str()).is_ok()
        && words[1..].iter().all(|w| {
            w.split('-')
                .all(|part| syllables(&part.to_lowercase()).is_some_and(|n| (1..=2).contains(&n)))
        })
}

/// How many syllables of pinyin, Wade–Giles or Korean romanisation the word
/// splits into (greedy, longest first), or `None` when it does not.
fn syllables(word: &str) -> Option<usize> {
    const INITIALS: &[&str] = &[
        "zh", "ch", "sh", "ts", "tz", "hs", "kk", "tt", "pp", "ss", "jj", "b", "c", "d", "f", "g",
        "h", "j", "k", "l", "m", "n", "p", "q", "r", "s", "t", "w", "x", "y", "z", "",
    ];
    const VOWELS: &[&str] = &[
        "iao", "uai", "yeo", "yae", "wae", "ai", "ao", "ei", "ia", "ie", "io", "iu", "ou", "ua",
        "ue", "ui", "uo", "eo", "ae", "eu", "oe", "wa", "we", "wi", "wo", "ye", "ya", "yo", "yu",
        "a", "e", "i", "o", "u", "ü", "v",
    ];
    const FINALS: &[&str] = &["ng", "n", "m", "k", "l", "r", ""];
    let mut rest = word;
    let mut count = 0;
    'next: while !rest.is_empty() {
        for ini in INITIALS {
            let Some(after_initial) = rest.strip_prefix(ini) else {
                continue;
            };
            for v in VOWELS {
                let Some(after_vowel) = after_initial.strip_prefix(v) else {
                    continue;
                };
                for f in FINALS {
                    let Some(after) = after_vowel.strip_prefix(f) else {
                        continue;
                    };
                    // "r" ends a syllable only at the end of a word ("Er"),
                    // and a final must not take the next syllable's vowel.
                    if (*f == "r" && !after.is_empty())
                        || (!f.is_empty() && after.starts_with(['a', 'e', 'i', 'o', 'u']))
                    {
                        continue;
                    }
                    count += 1;
                    rest = after;
                    continue 'next;
                }
            }
        }
        return None;
    }
    Some(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The family name a parse finds; the whole name when it has no parts.
    fn family(s: &str) -> String {
        match Name::parse(s) {
            Name::Literal(s) => s.to_string(),
            Name::Western { family, .. } | Name::FamilyFirst { family, .. } => family.to_string(),
        }
    }

    #[test]
    fn family_names_are_sorted_for_the_binary_search() {
        assert!(FAMILY_FIRST.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn romanised_chinese_and_korean_names_are_family_first() {
        for (name, fam) in [
            ("Huang Liling", "Huang"),
            ("Xi Jinping", "Xi"),
            ("Wang Shoufeng", "Wang"),
            ("Ma Ying-jeou", "Ma"),
            ("Moon Jae-in", "Moon"),
            ("Kim Jong Un", "Kim"),
            ("Li Qiang", "Li"),
            ("Zhao Xiaoyan", "Zhao"),
        ] {
            assert!(
                matches!(Name::parse(name), Name::FamilyFirst { .. }),
                "{name}"
            );
            assert_eq!(family(name), fam);
        }
    }

    #[test]
    fn western_names_are_given_first() {
        for (name, fam) in [
            ("Jon Smith", "Smith"),
            ("Luisetta Mudie", "Mudie"),
            ("Lee Marvin", "Marvin"),
            ("Kim Jones", "Jones"),
            ("Shinzo Abe", "Abe"),
            ("Mary Ann O'Neill", "O'Neill"),
            ("Vincent van Gogh", "van Gogh"),
            ("Jean-Luc Picard", "Picard"),
            ("Anna de la Cruz", "de la Cruz"),
        ] {
            assert_eq!(family(name), fam, "{name}");
        }
    }

    #[test]
    fn suffixes_stay_with_the_name() {
        let n = Name::parse("Martin Luther King, Jr.");
        assert_eq!(
            n,
            Name::Western {
                family: "King".into(),
                given: "Martin Luther".into(),
                suffix: Some("Jr.".into())
            }
        );
        assert_eq!(family("John Smith III"), "Smith");
    }

    #[test]
    fn an_explicit_comma_is_taken_at_its_word() {
        assert_eq!(
            Name::parse("Liling, Huang"),
            Name::Western {
                family: "Liling".into(),
                given: "Huang".into(),
                suffix: None
            }
        );
    }

    #[test]
    fn organisations_scripts_and_single_words_are_literal() {
        for name in [
            "China Thought Express editorial team",
            "RFA Mandarin",
            "Reuters",
            "黄丽玲",
            "Staff and agencies",
            "AP & AFP",
            "the editors",
        ] {
            assert_eq!(Name::parse(name), Name::Literal(name.to_string()), "{name}");
        }
    }
}
