//! The words around a number that decide whether it counts something:
//! labels and names before it ("Top 10"), verbs that count ("would host
//! 11"), determiners that refer back ("the two countries"), and the function
//! words and verbs that end the noun phrase a count counts.

use crate::extract::wordmap::WordSet;

/// Words after which a number is a label, not a quantity: "Top 10", "Article 23".
pub(super) fn label(w: &str) -> bool {
    LABELS_SET.contains(w)
}

static LABELS_SET: WordSet<128> = WordSet::of(LABELS);

const LABELS: &[&str] = &[
    "top",
    "page",
    "pages",
    "chapter",
    "section",
    "article",
    "route",
    "line",
    "room",
    "floor",
    "level",
    "grade",
    "phase",
    "stage",
    "round",
    "episode",
    "season",
    "part",
    "volume",
    "vol",
    "item",
    "step",
    "number",
    "no",
    "version",
    "gate",
    "platform",
    "flight",
    "highway",
    "table",
    "figure",
    "appendix",
    "clause",
    "paragraph",
    "rule",
    "category",
    "class",
    "model",
    "series",
    "unit",
    "district",
    "block",
    "building",
    "bus",
    "channel",
    "code",
    "ward",
    "division",
    "exit",
    "apartment",
    "suite",
    "box",
    "tel",
    "phone",
    "call",
    "ext",
    "ranked",
    "rank",
    "ranks",
    "aged",
    "age",
];

/// Verbs whose bare-number object is a count: "Italy would host 11".
pub(super) fn count_verb(w: &str) -> bool {
    COUNT_VERBS_SET.contains(w)
}

static COUNT_VERBS_SET: WordSet<128> = WordSet::of(COUNT_VERBS);

const COUNT_VERBS: &[&str] = &[
    "host",
    "hosts",
    "hosted",
    "reach",
    "reached",
    "reaches",
    "total",
    "totaled",
    "totalled",
    "totaling",
    "totalling",
    "numbered",
    "numbering",
    "saw",
    "recorded",
    "registered",
    "killed",
    "arrested",
    "detained",
    "apprehended",
    "deported",
    "exceeded",
    "surpassed",
    "topped",
    "counted",
    "identified",
    "found",
    "received",
    // Verbs of news reports whose bare object is how many people or things:
    // "wounded 30", "released 90", "employs 400".
    "wounded",
    "injured",
    "released",
    "freed",
    "rescued",
    "evacuated",
    "displaced",
    "hospitalised",
    "hospitalized",
    "infected",
    "vaccinated",
    "charged",
    "convicted",
    "employs",
    "employed",
    "employing",
    "hired",
    "admitted",
    "welcomed",
    "attracted",
    "drew",
    "housed",
    "treated",
];

/// Determiners and possessives that make a small written number referential
/// ("the two countries", "his three children"), not a count worth stating.
pub(super) fn referential(w: &str) -> bool {
    REFERENTIALS_SET.contains(w)
}

static REFERENTIALS_SET: WordSet<64> = WordSet::of(REFERENTIALS);

const REFERENTIALS: &[&str] = &[
    "the", "these", "those", "its", "his", "her", "their", "our", "my", "your", "all", "both",
    "each", "every", "any", "which", "whose", "first", "last", "other", "next", "another", "only",
];

/// Function words: a capitalised one before a number starts a sentence
/// ("Some 15 …"); any other capitalised word there makes a name ("Windows 11").
pub(super) fn function_word(w: &str) -> bool {
    stop_word(w) || FUNCTION_WORDS_SET.contains(w)
}

static FUNCTION_WORDS_SET: WordSet<64> = WordSet::of(FUNCTION_WORDS);

const FUNCTION_WORDS: &[&str] = &[
    "some",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "around",
    "under",
    "over",
    "approaching",
    "close",
    "estimated",
    "least",
    "most",
    "exactly",
    "precisely",
    "another",
    "yet",
];

/// Words that cannot begin or continue the noun phrase a count counts.
pub(super) fn stop_word(w: &str) -> bool {
    STOP_WORDS_SET.contains(w)
}

static STOP_WORDS_SET: WordSet<512> = WordSet::of(STOP_WORDS);

const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "with",
    "without",
    "into",
    "onto",
    "over",
    "under",
    "between",
    "through",
    "throughout",
    "within",
    "above",
    "below",
    "upon",
    "beyond",
    "toward",
    "towards",
    "amid",
    "as",
    "than",
    "since",
    "until",
    "after",
    "before",
    "during",
    "about",
    "around",
    "across",
    "against",
    "along",
    "among",
    "via",
    "per",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "while",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "if",
    "because",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "said",
    "says",
    "say",
    "told",
    "more",
    "less",
    "fewer",
    "times",
    "too",
    "also",
    "only",
    "just",
    "already",
    "still",
    "even",
    "alone",
    "ago",
    "later",
    "earlier",
    "now",
    "then",
    "here",
    "there",
    "it",
    "its",
    "they",
    "them",
    "he",
    "she",
    "we",
    "you",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "not",
    "no",
    "all",
    "each",
    "every",
    "both",
    "percent",
    "cent",
    "out",
    "up",
    "down",
    "off",
    "again",
    "respectively",
    "instead",
    "such",
    "what",
    "how",
    "why",
    "fled",
    "left",
    "came",
    "found",
    "comes",
    "goes",
    "makes",
    "takes",
    "gets",
    "gives",
    "seems",
    "appears",
    "went",
    "made",
    "took",
    "got",
    "saw",
    "became",
    "become",
    "remain",
    "remains",
    "sent",
    "held",
    "kept",
    "paid",
    "spent",
    "ran",
    "rose",
    "fell",
    "grew",
    "won",
    "lost",
    // Irregular pasts that end a noun phrase ("a 7.1-magnitude earthquake
    // struck", "a 20m vessel sank"); none is also a noun.
    "struck",
    "sank",
    "began",
    "broke",
    "drove",
    "flew",
    "froze",
    "gave",
    "knew",
    "shook",
    "stood",
    "stole",
    "swept",
    "threw",
    "wrote",
    "sold",
    "bought",
    "brought",
    "caught",
    "fought",
    "sought",
    "taught",
    "told",
    "met",
    "spoke",
    "want",
    "wants",
    "live",
    "lives",
    "work",
    "come",
    "go",
    "get",
    "am",
    "pm",
    "o",
    "whilst",
    "although",
    "though",
    "unless",
    "whereas",
    "despite",
    "except",
    "like",
    "plus",
    "minus",
    "equals",
    "versus",
    "vs",
];

/// Verb-like endings that close a noun phrase ("Chinese fled", "migrants
/// crossed", "Chinese seeking refuge"); a few nouns with these endings are spared.
pub(super) fn verb_like(w: &str) -> bool {
    let spared = matches!(
        w,
        "need"
            | "seed"
            | "speed"
            | "feed"
            | "bed"
            | "red"
            | "shed"
            | "building"
            | "buildings"
            // Nouns of money and sectors that figures count: "$39 billion
            // in redevelopment funding".
            | "funding"
            | "spending"
            | "housing"
            | "training"
            | "borrowing"
            | "lending"
            | "financing"
            | "heating"
            | "parking"
            | "shipping"
            | "schooling"
            | "manufacturing"
            | "mining"
            | "farming"
            | "banking"
    );
    if spared {
        return false;
    }
    (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")))
        // Short pasts the length test passes over: "Three people died".
        || matches!(w, "died" | "fled" | "led" | "sued" | "lied" | "tied")
        || (w.len() > 4
            && w.ends_with("ly")
            && !matches!(
                w,
                "family" | "supply" | "assembly" | "anomaly" | "monopoly" | "rally"
            ))
}

/// Words a figure's subject never is nor runs into: times ("today", "this
/// week"), and words that say how, not what ("total", "all").
pub(super) fn not_a_subject(w: &str) -> bool {
    NOT_SUBJECTS_SET.contains(w)
}

static NOT_SUBJECTS_SET: WordSet<128> = WordSet::of(NOT_SUBJECTS);

const NOT_SUBJECTS: &[&str] = &[
    "today",
    "overnight",
    "yesterday",
    "tomorrow",
    "tonight",
    "now",
    "currently",
    "recently",
    "annually",
    "yearly",
    "monthly",
    "weekly",
    "daily",
    "total",
    "overall",
    "altogether",
    "combined",
    "cash",
    "part",
    "nationwide",
    "worldwide",
    "globally",
    "abroad",
    "overseas",
    "last",
    "next",
    "this",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "morning",
    "afternoon",
    "evening",
    "night",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Verbs that state a change, before its size: "rose 6.2% to …".
pub(super) fn change_verb(w: &str) -> bool {
    CHANGE_VERBS_SET.contains(w)
}

static CHANGE_VERBS_SET: WordSet<256> = WordSet::of(CHANGE_VERBS);

const CHANGE_VERBS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "grew",
    "grow",
    "grows",
    "grown",
    "growing",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "declined",
    "decline",
    "declines",
    "dropped",
    "drop",
    "drops",
    "jumped",
    "jump",
    "jumps",
    "climbed",
    "climb",
    "climbs",
    "slid",
    "slides",
    "slipped",
    "slips",
    "gained",
    "gain",
    "gains",
    "lost",
    "loses",
    "surged",
    "surges",
    "soared",
    "soars",
    "plunged",
    "plunges",
    "tumbled",
    "tumbles",
    "shrank",
    "shrinks",
    "shrunk",
    "edged",
    "advanced",
    "advances",
    "dipped",
    "dips",
    "sank",
    "sinks",
    "eased",
    "eases",
    "expanded",
    "expands",
    "contracted",
    "contracts",
    "added",
    "adds",
    "cut",
    "cuts",
    "raised",
    "raises",
    // "decided to raise taxes by £26bn".
    "raise",
    "reduce",
    "boost",
    "lifted",
    "lowered",
    "reduced",
    "reduces",
    "boosted",
    "boosts",
    "slumped",
    "rebounded",
    "recovered",
    "widened",
    "narrowed",
    "swelled",
    "spiked",
    "doubled",
];
