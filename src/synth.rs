//! Synthetic corpora, for benchmarks and scale tests.
//!
//! Random words would not exercise the extractors: sentence splitting, quote
//! attribution and figure parsing all depend on how reporters actually write.
//! So documents are recombined from the shipped articles' own paragraphs and
//! sentences, with the people in them renamed and the digits of their numbers
//! changed. Numbers keep their format ("24,000" stays a grouped thousand, "70%"
//! a percentage, "1.16 million" two decimals of a million) and quotes keep
//! their attribution, so the extractors meet the same shapes they meet in the
//! real corpus, in quantity. Metadata varies and is sometimes incomplete, and a
//! few documents are Chinese, because real corpora are like that.
//!
//! Document `i` depends only on the seed, the target size and `i`, never on
//! the document count or on its neighbours: a 100-document corpus is a prefix
//! of the 10,000-document one, documents are generated in parallel, and a
//! problem seen in one document reproduces from its number alone.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io;
use std::path::Path;
use std::sync::LazyLock;

use rayon::prelude::*;

use crate::extract::text;

pub const DEFAULT_DOCS: usize = 10_000;
pub const DEFAULT_BYTES_PER_DOC: usize = 5_000;
pub const DEFAULT_SEED: u64 = 1;

/// What to generate. The same options always give byte-identical documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    pub docs: usize,
    /// Whole-file size to aim for; every document lands within ±30% of it
    /// (for targets of 2 KB and more: below that one paragraph can overshoot).
    pub target_bytes_per_doc: usize,
    pub seed: u64,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            docs: DEFAULT_DOCS,
            target_bytes_per_doc: DEFAULT_BYTES_PER_DOC,
            seed: DEFAULT_SEED,
        }
    }
}

/// One generated file, in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthDoc {
    /// The id the corpus will know it by (its file stem).
    pub id: String,
    pub file_name: String,
    pub text: String,
}

/// What [`write_corpus`] left on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
    /// Generated files of an earlier, larger run that were deleted.
    pub removed: usize,
}

/// Every document of the corpus, in order.
pub fn generate(opts: &SynthOptions) -> Vec<SynthDoc> {
    (0..opts.docs)
        .into_par_iter()
        .map(|i| document(opts, i))
        .collect()
}

/// Writes the corpus as `doc-00001.md` … into `dir` (created if missing).
///
/// Generated files beyond `opts.docs` left by an earlier run are deleted, so
/// the directory always holds exactly the corpus asked for; other files are
/// left alone. Documents are generated and written one at a time per thread,
/// so memory stays small whatever the corpus size.
pub fn write_corpus(opts: &SynthOptions, dir: &Path) -> io::Result<Written> {
    std::fs::create_dir_all(dir)?;
    let bytes = (0..opts.docs)
        .into_par_iter()
        .map(|i| {
            let doc = document(opts, i);
            std::fs::write(dir.join(&doc.file_name), &doc.text)?;
            Ok::<u64, io::Error>(doc.text.len() as u64)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    let wanted: HashSet<String> = (0..opts.docs).map(|i| file_name(opts, i)).collect();
    let mut removed = 0;
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_generated_name(name) && !wanted.contains(name) {
            std::fs::remove_file(dir.join(name))?;
            removed += 1;
        }
    }
    Ok(Written {
        files: opts.docs,
        bytes,
        removed,
    })
}

/// The file name of document `index` (0-based); numbered from 1 and padded so
/// that name order is document order.
pub fn file_name(opts: &SynthOptions, index: usize) -> String {
    format!("{}.md", doc_id(opts, index))
}

fn doc_id(opts: &SynthOptions, index: usize) -> String {
    let width = opts.docs.to_string().len().max(5);
    format!("doc-{:0width$}", index + 1)
}

fn is_generated_name(name: &str) -> bool {
    name.strip_prefix("doc-")
        .and_then(|r| r.strip_suffix(".md"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Generates document `index` (0-based) alone.
pub fn document(opts: &SynthOptions, index: usize) -> SynthDoc {
    let bank = &*BANK;
    let mut rng = Rng::for_doc(opts.seed, index);
    let id = doc_id(opts, index);
    let zh = rng.chance(0.02);
    let date = Date::random(&mut rng);
    let names = PEOPLE
        .iter()
        .map(|p| NewName::draw(&mut rng, p.kind))
        .collect();
    let mut ctx = Ctx {
        rng,
        names,
        year: date.year,
        used: Used::default(),
    };

    let target = opts.target_bytes_per_doc as f64;
    let mut text = String::with_capacity(opts.target_bytes_per_doc * 5 / 4 + 256);
    let mut author = None;
    // A few files have no front matter at all, as hand-collected corpora do.
    if !ctx.rng.chance(0.01) {
        author = front_matter(&mut text, &id, index, zh, date, &mut ctx);
        text.push('\n');
    }
    let goal = (target * (0.8 + 0.4 * ctx.rng.unit())) as usize;
    let limit = (target * 1.25) as usize;
    let body = if zh {
        Body {
            paragraphs: &[],
            sentences: &bank.zh_sentences,
            headings: &bank.zh_headings,
            joiner: "",
        }
    } else {
        Body {
            paragraphs: &bank.paragraphs,
            sentences: &bank.sentences,
            headings: &bank.headings,
            joiner: " ",
        }
    };
    write_body(&mut text, &body, &mut ctx, goal, limit, author.as_deref());
    SynthDoc {
        file_name: format!("{id}.md"),
        id,
        text,
    }
}

// ---------------------------------------------------------------------------
// Randomness

/// SplitMix64: tiny, fast, and stable across platforms and crate versions,
/// which a generator of reproducible benchmark input needs more than quality.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    /// An independent stream per document, so documents need no shared state.
    fn for_doc(seed: u64, index: usize) -> Rng {
        let mut base = Rng(seed);
        let base = base.next();
        let mut rng = Rng(base ^ (index as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

// ---------------------------------------------------------------------------
// The source material

const SOURCES: [&str; 5] = [
    include_str!("../corpus/fleeing-xi-jinping.md"),
    include_str!("../corpus/low-income-exodus.md"),
    include_str!("../corpus/mass-exodus.md"),
    include_str!("../corpus/police-stations-abroad.md"),
    include_str!("../corpus/run-movement.md"),
];

/// Headlines in the shipped articles' style, for titles with numbers and names
/// in them (the articles' own titles have few).
const EXTRA_TITLES: &[&str] = &[
    "More than 24,000 Chinese nationals crossed into the U.S. in the 12 months to September",
    "Chinese asylum seekers near 1.16 million under Xi Jinping",
    "Arrests of Chinese migrants at the border rise 70% in a month",
    "Why Chinese migrants risk the Darien Gap",
    "Zhang Jun: ‘No way to survive’ in China",
    "Wang Shoufeng fled to Germany. He says 1.4 billion people share his dream",
    "UNHCR: 176,239 Chinese sought asylum abroad last year",
    "Chinese ‘police stations’ abroad: Italy would host 11",
];

/// The few Chinese documents are built from these: sentences from the shipped
/// articles in Chinese, so CJK sentence splitting, CJK quotes (“…” after 说)
/// and numbers glued to CJK units (116万人, 2023年5月) are exercised too.
const ZH_SENTENCES: &[&str] = &[
    "据保护卫士援引联合国难民署的数据，习近平2012年上台以来，中国寻求海外庇护的人数已接近116万人。",
    "去年一年，至少有176,239名中国人寻求庇护，创下历史新高。",
    "与2019年相比，这一数字增长了169%。",
    "王守峰对美国之音说：“去年一位警察警告我必须逃走，否则国安会罗织罪名。”",
    "他回忆说，他在安阳经营建筑劳务公司近20年，手下有几十名工人。",
    "2023年5月，河南当局以违反慈善法为由冻结了他公司的账户，导致150万元工程款无法收回。",
    "许志勇等人权律师仍在狱中。",
    "2021年，超过88,000名中国人在美国定居，占流亡者总数的75%。",
    "劳拉·哈思表示：“这一波大逃亡与我们观察到的趋势一致。”",
    "在2023年的前11个月，超过31,000名中国公民在从墨西哥非法越境时被执法部门拦截。",
    "张军说：“为什么这么多人想离开？因为在那里活不下去。”",
    "许多人从厄瓜多尔出发，穿越达连隘口前往美国边境。",
    "据巴拿马移民数据，今年前9个月约有15,000名中国公民经过巴拿马。",
    "界立建说，大约70%的人是出于经济原因偷渡到美国的。",
    "一名匿名企业家说：“当我从那个梦中醒来，我发现自己的家庭被摧毁，生活一片废墟。”",
    "他于2024年9月24日抵达德国，目前正在申请政治庇护。",
    "习近平任内，中国人寻求海外庇护的人数逐年攀升。",
    "王守峰说：“我的中国梦是，14亿人每人手握一张选票，选出我们的政府。”",
    "新冠疫情期间严厉的封控措施，让许多人下定决心离开中国。",
    "美国海关与边境保护局的数据显示，9月份逮捕的中国公民超过4,000人，比上个月增加了70%。",
    "在截至9月30日的12个月里，超过24,000名中国公民经由南美和中美洲陆路前往美国。",
    "这场运动在中国被称为“润”。",
    "张军当时想：“我们得罪不起他们，但躲得起吗？”",
    "他从朋友那里借了20万元，踏上了前往美国的路。",
    "可迪说：“我1987年出生，家在农村，那里的人思想很保守。”",
    "他现在在洛杉矶一家按摩店工作，每月收入超过5,000美元。",
    "欧洲央行的一份报告发现，超过40%在华跨国公司计划在未来几年迁出中国。",
    "界立建说：“去年找工作很容易，但现在工资在下降，很多人失业。”",
    "据报道，意大利有11个所谓的“海外警察站”，数量居欧洲之首。",
    "联合国数据显示，寻求政治庇护的中国人从2013年的近25,000人增加到2023年上半年的逾120,000人。",
    "黄女士说：“我卖掉了所有的东西。我们像笼子里的动物一样被对待。”",
    "一名中年男子简单地说：“我们是基督徒。”",
    "许多人在抖音和快手上分享“走线”的经验和攻略。",
];

const ZH_HEADINGS: &[&str] = &[
    "从建筑承包商到流亡者：王守峰的故事",
    "数据揭示大逃亡的规模",
    "跨境镇压与中共的严酷统治",
    "“走线”之路",
];

const ZH_TITLES: &[&str] = &[
    "大逃亡?习近平任内中国寻求海外庇护人数直逼116万人",
    "“润学”兴起：越来越多中国人选择离开",
    "达连隘口上的中国移民",
    "美国边境逮捕中国公民人数一个月内上升70%",
];

/// How a person is named at one place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Full,
    Surname,
    Given,
    Cjk,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Chinese,
    Western,
}

/// A private person named in the shipped articles, with every way the text
/// names them. Each document renames them consistently, so "Zhang Jun" and a
/// later "Zhang" stay one speaker. Public figures (Xi Jinping, Hu Jintao,
/// Ai Weiwei) keep their names: briefs are about them.
#[derive(Debug)]
struct Person {
    kind: Kind,
    names: &'static [(&'static str, Form)],
}

const PEOPLE: &[Person] = &[
    Person {
        kind: Kind::Chinese,
        names: &[
            ("Zhang Jun", Form::Full),
            ("Zhang", Form::Surname),
            ("张军", Form::Cjk),
        ],
    },
    Person {
        kind: Kind::Chinese,
        names: &[
            ("Wang Shoufeng", Form::Full),
            ("Wang", Form::Surname),
            ("王守峰", Form::Cjk),
        ],
    },
    Person {
        kind: Kind::Chinese,
        names: &[("Huang Liling", Form::Full), ("黄丽玲", Form::Cjk)],
    },
    // The migrant who gave only her surname.
    Person {
        kind: Kind::Chinese,
        names: &[("Huang", Form::Surname)],
    },
    Person {
        kind: Kind::Western,
        names: &[("Mark Xu", Form::Full)],
    },
    Person {
        kind: Kind::Chinese,
        names: &[("Xu Zhiyong", Form::Full), ("许志勇", Form::Cjk)],
    },
    Person {
        kind: Kind::Chinese,
        names: &[("Zhou Shifeng", Form::Full), ("周世峰", Form::Cjk)],
    },
    Person {
        kind: Kind::Chinese,
        names: &[("Wu Xiaohua", Form::Full), ("Xiaohua", Form::Given)],
    },
    Person {
        kind: Kind::Western,
        names: &[("Laura Harth", Form::Full), ("Harth", Form::Surname)],
    },
    Person {
        kind: Kind::Chinese,
        names: &[
            ("Jie Lijian", Form::Full),
            ("Jie", Form::Surname),
            ("界立建", Form::Cjk),
        ],
    },
    // A nickname, which the text uses like a given name.
    Person {
        kind: Kind::Chinese,
        names: &[("Kedi", Form::Given), ("可迪", Form::Cjk)],
    },
    Person {
        kind: Kind::Western,
        names: &[("Luisetta Mudie", Form::Full)],
    },
    Person {
        kind: Kind::Western,
        names: &[("Eugene Whong", Form::Full)],
    },
];

const SURNAMES: &[(&str, &str)] = &[
    ("Li", "李"),
    ("Wang", "王"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Zhao", "赵"),
    ("Huang", "黄"),
    ("Zhou", "周"),
    ("Wu", "吴"),
    ("Xu", "徐"),
    ("Sun", "孙"),
    ("Hu", "胡"),
    ("Zhu", "朱"),
    ("Gao", "高"),
    ("Lin", "林"),
    ("He", "何"),
    ("Guo", "郭"),
    ("Ma", "马"),
    ("Luo", "罗"),
    ("Liang", "梁"),
    ("Song", "宋"),
    ("Zheng", "郑"),
    ("Xie", "谢"),
    ("Han", "韩"),
    ("Tang", "唐"),
    ("Feng", "冯"),
    ("Yu", "于"),
    ("Dong", "董"),
    ("Xiao", "萧"),
    ("Cheng", "程"),
    ("Cao", "曹"),
    ("Yuan", "袁"),
    ("Deng", "邓"),
    ("Shen", "沈"),
    ("Peng", "彭"),
    ("Jiang", "蒋"),
    ("Cai", "蔡"),
];

const GIVEN_NAMES: &[(&str, &str)] = &[
    ("Wei", "伟"),
    ("Fang", "芳"),
    ("Min", "敏"),
    ("Jing", "静"),
    ("Lei", "磊"),
    ("Jun", "军"),
    ("Yong", "勇"),
    ("Yan", "艳"),
    ("Jie", "杰"),
    ("Tao", "涛"),
    ("Ming", "明"),
    ("Chao", "超"),
    ("Xiuying", "秀英"),
    ("Xiaohong", "晓红"),
    ("Guiying", "桂英"),
    ("Haiyan", "海燕"),
    ("Jianhua", "建华"),
    ("Zhiqiang", "志强"),
    ("Xiaoming", "小明"),
    ("Lijuan", "丽娟"),
    ("Yufei", "宇飞"),
    ("Wenjie", "文杰"),
    ("Jianguo", "建国"),
    ("Shufen", "淑芬"),
    ("Hao", "浩"),
    ("Yuting", "雨婷"),
    ("Zihan", "子涵"),
    ("Haoran", "浩然"),
    ("Mingyu", "明宇"),
    ("Dongmei", "冬梅"),
    ("Guohua", "国华"),
    ("Chunlan", "春兰"),
    ("Xin", "鑫"),
    ("Bo", "波"),
    ("Peng", "鹏"),
    ("Hui", "辉"),
];

const WESTERN_FIRST: &[&str] = &[
    "Laura", "Mark", "David", "Sarah", "Michael", "Emily", "James", "Anna", "Thomas", "Maria",
    "Daniel", "Sophie", "Peter", "Rachel", "John", "Claire", "Robert", "Elena", "Kevin", "Grace",
    "Olivia", "Martin", "Julia", "Simon", "Helen", "Paul", "Nina", "Adam", "Chloé", "Jonas",
];

const WESTERN_LAST: &[&str] = &[
    "Harth",
    "Smith",
    "Johnson",
    "Brown",
    "Miller",
    "Davis",
    "Wilson",
    "Moore",
    "Taylor",
    "Anderson",
    "Jackson",
    "White",
    "Harris",
    "Martin",
    "Clark",
    "Lewis",
    "Walker",
    "Hall",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Rossi",
    "Müller",
    "Dubois",
    "García",
    "Kowalski",
    "O’Brien",
];

/// Outlets and the domains their URLs use.
const OUTLETS: &[(&str, &str)] = &[
    ("Radio Free Asia", "rfa.org"),
    ("Voice of America", "voanews.com"),
    ("AsiaNews", "asianews.it"),
    ("The Diplomat", "thediplomat.com"),
    ("Al Jazeera", "aljazeera.com"),
    ("CNN", "cnn.com"),
    ("The New York Times", "nytimes.com"),
    ("Reuters", "reuters.com"),
    ("South China Morning Post", "scmp.com"),
    ("China Digital Times", "chinadigitaltimes.net"),
    ("Nikkei Asia", "asia.nikkei.com"),
    ("The Guardian", "theguardian.com"),
    ("BBC News", "bbc.com"),
    ("Safeguard Defenders", "safeguarddefenders.com"),
    ("China Thought Express", "chinathought.example.org"),
    ("Today Latest News", "todaylatestnews.example.com"),
];

const ZH_OUTLETS: &[(&str, &str)] = &[
    ("美国之音", "voachinese.com"),
    ("自由亚洲电台", "rfa.org/mandarin"),
    ("中国数字时代", "chinadigitaltimes.net/chinese"),
    ("端传媒", "theinitium.com"),
];

const TAGS: &[&str] = &[
    "emigration",
    "asylum",
    "run-movement",
    "darien-gap",
    "united-states",
    "economy",
    "low-income",
    "infiltration",
    "transnational-repression",
    "statistics",
    "germany",
    "ecuador",
    "panama",
    "covid-19",
    "human-rights",
    "police-stations",
    "border",
    "europe",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// ---------------------------------------------------------------------------
// Templates: the source text cut into literal text, names and numbers

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Num {
    /// Moves by a year or two, never past the document's own date.
    Year(u16),
    Month,
    Day,
    /// A count or measure: redrawn with the same number of integer digits,
    /// decimals and digit grouping, and about as round as the original.
    Quantity {
        digits: u8,
        decimals: u8,
        grouped: bool,
        zeros: u8,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Text(&'static str),
    Name(usize, Form),
    Number(Num),
}

#[derive(Debug, Default)]
struct Template {
    pieces: Vec<Piece>,
    /// The source paragraph it comes from, so a document does not repeat
    /// a paragraph it already holds some sentences of, or the reverse.
    group: usize,
}

/// The source cut up once, on first use.
#[derive(Debug)]
struct Bank {
    paragraphs: Vec<Template>,
    sentences: Vec<Template>,
    headings: Vec<Template>,
    titles: Vec<Template>,
    zh_sentences: Vec<Template>,
    zh_headings: Vec<Template>,
    zh_titles: Vec<Template>,
}

static BANK: LazyLock<Bank> = LazyLock::new(Bank::build);

impl Bank {
    fn build() -> Bank {
        let mut patterns: Vec<(&'static str, usize, Form)> = PEOPLE
            .iter()
            .enumerate()
            .flat_map(|(slot, p)| p.names.iter().map(move |&(n, f)| (n, slot, f)))
            .collect();
        // Longest first, so "Wang Shoufeng" wins over "Wang".
        patterns.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        let parse = |s: &'static str| parse_template(s, &patterns);
        let in_group = |s: &'static str, group: usize| Template {
            group,
            ..parse_template(s, &patterns)
        };

        let mut bank = Bank {
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            headings: Vec::new(),
            titles: EXTRA_TITLES.iter().map(|s| parse(s)).collect(),
            zh_sentences: ZH_SENTENCES
                .iter()
                .enumerate()
                .map(|(k, s)| in_group(s, k))
                .collect(),
            zh_headings: ZH_HEADINGS.iter().map(|s| parse(s)).collect(),
            zh_titles: ZH_TITLES.iter().map(|s| parse(s)).collect(),
        };
        for source in SOURCES {
            let (title, body) = split_front_matter(source);
            if let Some(title) = title {
                bank.titles.push(parse(title));
            }
            for block in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
                if let Some(heading) = block.strip_prefix("## ") {
                    bank.headings.push(parse(heading));
                    bank.titles.push(parse(heading));
                    continue;
                }
                let group = bank.paragraphs.len();
                bank.paragraphs.push(in_group(block, group));
                for sentence in sentence_units(block) {
                    // Fragments ("Share", "For More:") stay as paragraphs only.
                    if sentence.len() >= 25 {
                        bank.sentences.push(in_group(sentence, group));
                    }
                }
            }
        }
        bank
    }
}

/// The front matter's top-level title (if any) and the body.
fn split_front_matter(file: &'static str) -> (Option<&'static str>, &'static str) {
    let Some(rest) = file.strip_prefix("---\n") else {
        return (None, file);
    };
    let Some(end) = rest.find("\n---\n") else {
        return (None, file);
    };
    let title = rest[..end]
        .lines()
        .find_map(|l| l.strip_prefix("title:"))
        .map(|t| t.trim().trim_matches('"'));
    (title, &rest[end + 5..])
}

/// Sentences, except that a quotation running over several sentences stays
/// whole: cutting "“Why leave? Because …,” said Zhang." in two would leave
/// quotes without speakers and speakers without quotes.
fn sentence_units(paragraph: &'static str) -> Vec<&'static str> {
    let mut units = Vec::new();
    let mut start = None;
    let mut depth = 0i32;
    let mut straight_open = false;
    let mut last_end = 0;
    for range in text::sentences(paragraph) {
        let s = &paragraph[range.clone()];
        let from = *start.get_or_insert(range.start);
        depth += s.matches('“').count() as i32 - s.matches('”').count() as i32;
        straight_open ^= s.matches('"').count() % 2 == 1;
        last_end = range.end;
        if depth <= 0 && !straight_open {
            units.push(&paragraph[from..range.end]);
            start = None;
            depth = 0;
        }
    }
    if let Some(from) = start {
        units.push(&paragraph[from..last_end]);
    }
    units
}

fn parse_template(text: &'static str, patterns: &[(&'static str, usize, Form)]) -> Template {
    let mut pieces = Vec::new();
    let mut literal = 0;
    let mut i = 0;
    while i < text.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        match name_at(text, i, patterns).or_else(|| number_at(text, i)) {
            Some((end, piece)) => {
                if literal < i {
                    pieces.push(Piece::Text(&text[literal..i]));
                }
                pieces.push(piece);
                i = end;
                literal = end;
            }
            None => i += 1,
        }
    }
    if literal < text.len() {
        pieces.push(Piece::Text(&text[literal..]));
    }
    Template { pieces, group: 0 }
}

fn name_at(
    text: &str,
    i: usize,
    patterns: &[(&'static str, usize, Form)],
) -> Option<(usize, Piece)> {
    let rest = &text[i..];
    let prev = text[..i].chars().next_back();
    patterns.iter().find_map(|&(name, slot, form)| {
        if !rest.starts_with(name) {
            return None;
        }
        // Latin names must be whole words ("Jie", not the start of "Jiedu");
        // Chinese has no word boundaries to check.
        if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let next = rest[name.len()..].chars().next();
            if prev.is_some_and(char::is_alphanumeric) || next.is_some_and(char::is_alphanumeric) {
                return None;
            }
        }
        Some((i + name.len(), Piece::Name(slot, form)))
    })
}

fn number_at(text: &str, i: usize) -> Option<(usize, Piece)> {
    let b = text.as_bytes();
    if !b[i].is_ascii_digit() {
        return None;
    }
    // Not inside a word or identifier: "COVID-19", "mid-2022", "a1", URLs.
    let prev = text[..i].chars().next_back();
    if prev.is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, '-' | '/' | '.' | ',' | '_')) {
        return None;
    }
    let word_start = text[..i].rfind(char::is_whitespace).map_or(0, |w| w + 1);
    if text[word_start..i].contains(['/', '@', ':']) {
        return None;
    }
    let digits_from = |mut j: usize| {
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut j = digits_from(i);
    let first_group = j - i;
    let mut grouped = false;
    if first_group <= 3 {
        while j + 3 < b.len()
            && b[j] == b','
            && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
            && b.get(j + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            grouped = true;
            j += 4;
        }
    }
    let int_end = j;
    let mut decimals = 0;
    if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        let end = digits_from(j + 1);
        decimals = end - j - 1;
        j = end;
    }
    let next = text[j..].chars().next();
    // "1990s", "5th", "3D": part of a word, so left alone.
    if next.is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let int: String = text[i..int_end]
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    if int.len() > 15 || (int.starts_with('0') && int.len() > 1) || int == "0" || decimals > 6 {
        return None;
    }
    let value: u64 = int.parse().ok()?;
    let plain = !grouped && decimals == 0;
    let num = match next {
        Some('月') if plain && (1..=12).contains(&value) => Num::Month,
        Some('日') if plain && (1..=31).contains(&value) => Num::Day,
        _ if plain
            && int.len() == 4
            && (1900..=2099).contains(&value)
            && next != Some('%')
            && !text[j..].starts_with(" percent") =>
        {
            Num::Year(value as u16)
        }
        _ if plain
            && int.len() <= 2
            && (1..=31).contains(&value)
            && MONTHS.iter().any(|m| text[..i].ends_with(&format!("{m} "))) =>
        {
            Num::Day
        }
        _ => Num::Quantity {
            digits: int.len() as u8,
            decimals: decimals as u8,
            grouped,
            zeros: if decimals == 0 {
                (int.len() - int.trim_end_matches('0').len()) as u8
            } else {
                0
            },
        },
    };
    Some((j, Piece::Number(num)))
}

// ---------------------------------------------------------------------------
// Rendering

#[derive(Debug)]
struct NewName {
    full: String,
    surname: &'static str,
    given: &'static str,
    cjk: String,
}

impl NewName {
    fn draw(rng: &mut Rng, kind: Kind) -> NewName {
        match kind {
            Kind::Chinese => {
                let (surname, s_cjk) = *rng.pick(SURNAMES);
                let (given, g_cjk) = *rng.pick(GIVEN_NAMES);
                NewName {
                    full: format!("{surname} {given}"),
                    surname,
                    given,
                    cjk: format!("{s_cjk}{g_cjk}"),
                }
            }
            Kind::Western => {
                let given = *rng.pick(WESTERN_FIRST);
                let surname = *rng.pick(WESTERN_LAST);
                let full = format!("{given} {surname}");
                NewName {
                    cjk: full.clone(),
                    full,
                    surname,
                    given,
                }
            }
        }
    }

    fn form(&self, form: Form) -> &str {
        match form {
            Form::Full => &self.full,
            Form::Surname => self.surname,
            Form::Given => self.given,
            Form::Cjk => &self.cjk,
        }
    }
}

/// Per-document state: the random stream, who the people are, and the year
/// the document was published (no year in it may be later).
#[derive(Debug)]
struct Ctx {
    rng: Rng,
    names: Vec<NewName>,
    year: i32,
    used: Used,
}

/// What a document already holds. A real article does not repeat itself, and
/// repeats would inflate the extractors' duplicate-id handling beyond what
/// real text asks of it. Small lists: a document uses a few dozen units.
#[derive(Debug, Default)]
struct Used {
    /// Paragraph groups used whole.
    whole: Vec<usize>,
    /// Paragraph groups any sentence was taken from.
    touched: Vec<usize>,
    sentences: Vec<usize>,
    headings: Vec<usize>,
}

/// Draws before giving up on avoiding a repeat (small banks run out).
const DRAWS: usize = 8;

impl Ctx {
    fn pick_paragraph(&mut self, paragraphs: &[Template]) -> usize {
        let mut k = 0;
        for _ in 0..DRAWS {
            k = self.rng.index(paragraphs.len());
            if !self.used.touched.contains(&paragraphs[k].group) {
                break;
            }
        }
        self.used.whole.push(paragraphs[k].group);
        self.used.touched.push(paragraphs[k].group);
        k
    }

    fn sentence_free(&self, sentences: &[Template], k: usize) -> bool {
        !self.used.sentences.contains(&k) && !self.used.whole.contains(&sentences[k].group)
    }

    /// `preferred` (the next sentence of a run) if still unused, else a random unused one.
    fn pick_sentence(&mut self, sentences: &[Template], preferred: Option<usize>) -> usize {
        let k = match preferred {
            Some(k) if self.sentence_free(sentences, k) => k,
            _ => {
                let mut k = 0;
                for _ in 0..DRAWS {
                    k = self.rng.index(sentences.len());
                    if self.sentence_free(sentences, k) {
                        break;
                    }
                }
                k
            }
        };
        self.used.sentences.push(k);
        self.used.touched.push(sentences[k].group);
        k
    }

    fn pick_heading(&mut self, headings: &[Template]) -> usize {
        let mut k = 0;
        for _ in 0..DRAWS {
            k = self.rng.index(headings.len());
            if !self.used.headings.contains(&k) {
                break;
            }
        }
        self.used.headings.push(k);
        k
    }

    fn render(&mut self, template: &Template, out: &mut String) {
        for piece in &template.pieces {
            match *piece {
                Piece::Text(s) => out.push_str(s),
                Piece::Name(slot, form) => out.push_str(self.names[slot].form(form)),
                Piece::Number(num) => self.number(num, out),
            }
        }
    }

    fn number(&mut self, num: Num, out: &mut String) {
        let rng = &mut self.rng;
        match num {
            Num::Year(y) => {
                let y = (i32::from(y) + rng.below(5) as i32 - 2).min(self.year);
                let _ = write!(out, "{y}");
            }
            Num::Month => {
                let _ = write!(out, "{}", 1 + rng.below(12));
            }
            Num::Day => {
                let _ = write!(out, "{}", 1 + rng.below(28));
            }
            Num::Quantity {
                digits,
                decimals,
                grouped,
                zeros,
            } => {
                let value = if digits <= 1 {
                    1 + rng.below(9)
                } else {
                    let low = 10u64.pow(u32::from(digits) - 1);
                    let step = 10u64.pow(u32::from(zeros.saturating_sub(1)));
                    ((low + rng.below(9 * low)) / step * step).max(low)
                };
                if grouped {
                    push_grouped(out, value);
                } else {
                    let _ = write!(out, "{value}");
                }
                if decimals > 0 {
                    out.push('.');
                    for _ in 0..decimals {
                        out.push(char::from(b'0' + rng.below(10) as u8));
                    }
                }
            }
        }
    }
}

fn push_grouped(out: &mut String, value: u64) {
    let digits = value.to_string();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
}

#[derive(Debug, Clone, Copy)]
struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// Any day from 2022 to 2025, the span the shipped articles cover.
    fn random(rng: &mut Rng) -> Date {
        let year = 2022 + rng.below(4) as i32;
        let month = 1 + rng.below(12) as u32;
        let days = match month {
            2 if year % 4 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        let day = 1 + rng.below(days) as u32;
        Date { year, month, day }
    }
}

/// Writes the front matter and returns the author, whom the body may credit.
fn front_matter(
    out: &mut String,
    id: &str,
    index: usize,
    zh: bool,
    date: Date,
    ctx: &mut Ctx,
) -> Option<String> {
    let bank = &*BANK;
    out.push_str("---\n");
    // Most files state their id; the rest fall back to the file stem.
    if ctx.rng.chance(0.7) {
        let _ = writeln!(out, "id: {id}");
    }
    let titles = if zh { &bank.zh_titles } else { &bank.titles };
    let mut title = String::new();
    let template = ctx.rng.pick(titles);
    ctx.render(template, &mut title);
    if ctx.rng.chance(0.95) {
        out.push_str("title: ");
        push_yaml_string(out, &title);
        out.push('\n');
    }
    let (outlet, domain) = *ctx.rng.pick(if zh { ZH_OUTLETS } else { OUTLETS });
    if ctx.rng.chance(0.9) {
        out.push_str("outlet: ");
        push_yaml_string(out, outlet);
        out.push('\n');
    }
    let author = ctx.rng.chance(0.7).then(|| {
        let kind = person_kind(&mut ctx.rng, zh);
        let name = NewName::draw(&mut ctx.rng, kind);
        if zh { name.cjk } else { name.full }
    });
    if let Some(author) = &author {
        out.push_str("author: ");
        push_yaml_string(out, author);
        out.push('\n');
    }
    let translated = !zh && ctx.rng.chance(0.05);
    if translated {
        let name = NewName::draw(&mut ctx.rng, Kind::Western);
        out.push_str("translator: ");
        push_yaml_string(out, &name.full);
        out.push('\n');
    }
    if ctx.rng.chance(0.05) {
        let name = NewName::draw(&mut ctx.rng, Kind::Western);
        out.push_str("editor: ");
        push_yaml_string(out, &name.full);
        out.push('\n');
    }
    match ctx.rng.below(100) {
        0..7 => {}
        7..13 => {
            let _ = writeln!(out, "published: {}", date.year);
        }
        13..27 => {
            let _ = writeln!(out, "published: {}-{:02}", date.year, date.month);
        }
        _ => {
            let _ = writeln!(
                out,
                "published: {}-{:02}-{:02}",
                date.year, date.month, date.day
            );
        }
    }
    if ctx.rng.chance(0.8) {
        let slug = match text::slug(&title, 8) {
            s if s.is_empty() => "article".to_string(),
            s => s,
        };
        let url = format!(
            "https://www.{domain}/{}/{:02}/{slug}-{}.html",
            date.year,
            date.month,
            index + 1
        );
        out.push_str("url: ");
        push_yaml_string(out, &url);
        out.push('\n');
    }
    if ctx.rng.chance(0.85) {
        let _ = writeln!(out, "language: {}", if zh { "zh" } else { "en" });
    }
    if ctx.rng.chance(0.85) {
        let count = 1 + ctx.rng.index(5);
        let mut tags: Vec<&str> = Vec::with_capacity(count);
        while tags.len() < count {
            let tag = *ctx.rng.pick(TAGS);
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let _ = writeln!(out, "tags: [{}]", tags.join(", "));
    }
    if translated && ctx.rng.chance(0.5) {
        let (outlet, _) = *ctx.rng.pick(ZH_OUTLETS);
        out.push_str("original:\n  outlet: ");
        push_yaml_string(out, outlet);
        out.push_str("\n  language: zh\n");
    }
    out.push_str("---\n");
    author
}

fn person_kind(rng: &mut Rng, zh: bool) -> Kind {
    if zh || rng.chance(0.6) {
        Kind::Chinese
    } else {
        Kind::Western
    }
}

/// A double-quoted YAML scalar: titles hold colons, quotes and `---`.
fn push_yaml_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// What a body is assembled from: whole source paragraphs (which keep
/// multi-paragraph quotation patterns), runs of sentences, and headings.
struct Body<'a> {
    paragraphs: &'a [Template],
    sentences: &'a [Template],
    headings: &'a [Template],
    /// Between sentences: a space in English, nothing in Chinese.
    joiner: &'a str,
}

/// Adds paragraphs until the file reaches `goal` bytes, never passing `limit`
/// (a paragraph that would is replaced by a single sentence, or dropped).
fn write_body(
    out: &mut String,
    body: &Body,
    ctx: &mut Ctx,
    goal: usize,
    limit: usize,
    author: Option<&str>,
) {
    match ctx.rng.below(10) {
        0 => out.push_str("Share\n\n"),
        1 | 2 if body.joiner == " " => {
            if let Some(author) = author {
                let _ = write!(out, "By {author}\n\n");
            }
        }
        _ => {}
    }
    let mut until_heading = 1 + ctx.rng.index(3);
    let mut wrote_paragraph = false;
    let mut paragraph = String::new();
    loop {
        if wrote_paragraph && out.len() >= goal {
            break;
        }
        let mut heading_at = None;
        if until_heading == 0 && goal.saturating_sub(out.len()) > 800 {
            heading_at = Some(out.len());
            out.push_str("## ");
            let heading = ctx.pick_heading(body.headings);
            ctx.render(&body.headings[heading], out);
            out.push_str("\n\n");
            until_heading = 2 + ctx.rng.index(3);
        }
        // A paragraph that would take the file further past the goal than it
        // is short of it is replaced by a sentence that fits, if one turns up:
        // sizes then centre on the goal instead of landing above it.
        let too_far = |p: &str| out.len() + p.len() + 2 > limit || out.len() + p.len() / 2 > goal;
        paragraph.clear();
        write_paragraph(&mut paragraph, body, ctx);
        let mut draws = 0;
        while wrote_paragraph && too_far(&paragraph) && draws < DRAWS {
            paragraph.clear();
            let sentence = ctx.pick_sentence(body.sentences, None);
            ctx.render(&body.sentences[sentence], &mut paragraph);
            draws += 1;
        }
        if wrote_paragraph && too_far(&paragraph) {
            if let Some(at) = heading_at {
                out.truncate(at);
            }
            break;
        }
        out.push_str(&paragraph);
        out.push_str("\n\n");
        wrote_paragraph = true;
        until_heading = until_heading.saturating_sub(1);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
}

fn write_paragraph(out: &mut String, body: &Body, ctx: &mut Ctx) {
    if !body.paragraphs.is_empty() && ctx.rng.chance(0.5) {
        let k = ctx.pick_paragraph(body.paragraphs);
        ctx.render(&body.paragraphs[k], out);
        return;
    }
    let count = 2 + ctx.rng.index(4);
    // Half the time a run of neighbouring sentences, which keeps a quote next
    // to the sentence that says who spoke it; otherwise a free mix.
    let consecutive = ctx.rng.chance(0.5);
    let mut at = None;
    for k in 0..count {
        if k > 0 {
            out.push_str(body.joiner);
        }
        let preferred = at
            .filter(|_| consecutive)
            .map(|a: usize| (a + 1) % body.sentences.len());
        let sentence = ctx.pick_sentence(body.sentences, preferred);
        ctx.render(&body.sentences[sentence], out);
        at = Some(sentence);
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::corpus::{Corpus, load_file};

    fn opts(docs: usize) -> SynthOptions {
        SynthOptions {
            docs,
            ..SynthOptions::default()
        }
    }

    #[test]
    fn same_seed_same_bytes_and_documents_do_not_depend_on_count() {
        let a = generate(&opts(60));
        let b = generate(&opts(60));
        assert_eq!(a, b);
        let prefix = generate(&opts(20));
        assert_eq!(a[..20], prefix[..]);
        let other = generate(&SynthOptions {
            seed: 2,
            ..opts(60)
        });
        assert!(a.iter().zip(&other).all(|(x, y)| x.text != y.text));
        assert_eq!(a[41], document(&opts(60), 41));
        assert_eq!(a[0].file_name, "doc-00001.md");
    }

    #[test]
    fn sizes_stay_within_thirty_percent() {
        for target in [5_000, 2_000, 20_000] {
            let docs = generate(&SynthOptions {
                docs: 300,
                target_bytes_per_doc: target,
                seed: 9,
            });
            let low = target * 7 / 10;
            let high = target * 13 / 10;
            for d in &docs {
                assert!(
                    (low..=high).contains(&d.text.len()),
                    "{} is {} bytes, target {target}",
                    d.id,
                    d.text.len()
                );
            }
            let mean = docs.iter().map(|d| d.text.len()).sum::<usize>() / docs.len();
            assert!(
                mean.abs_diff(target) < target / 10,
                "mean {mean}, target {target}"
            );
        }
    }

    #[test]
    fn every_document_loads_cleanly_and_the_corpus_varies() {
        let docs = generate(&opts(600));
        let mut no_author = 0;
        let mut zh = 0;
        let mut no_front_matter = 0;
        let mut outlets = HashSet::new();
        for d in &docs {
            let loaded = load_file(&PathBuf::from("c").join(&d.file_name), d.text.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}\n{}", d.id, d.text));
            assert_eq!(loaded.document.id, d.id);
            assert!(loaded.warnings.iter().all(|w| !w.is_error()));
            assert!(loaded.document.words > 100, "{}", d.text);
            let meta = &loaded.document.meta;
            no_author += usize::from(meta.author.is_none());
            no_front_matter += usize::from(!d.text.starts_with("---\n"));
            zh += usize::from(d.text.contains("language: zh\n"));
            outlets.extend(meta.outlet.clone());
            if let Some(date) = meta.published {
                assert!((2022..=2025).contains(&date.year), "{}", d.id);
            }
        }
        assert!(no_author > 60 && no_author < 300, "{no_author}");
        assert!(zh > 0 && no_front_matter > 0, "{zh} {no_front_matter}");
        assert!(outlets.len() > 10, "{outlets:?}");
    }

    #[test]
    fn numbers_keep_their_format_and_names_change() {
        let patterns = [("Zhang Jun", 0, Form::Full), ("Zhang", 0, Form::Surname)];
        let template = parse_template(
            "“No way,” said Zhang Jun, 50, in Wuhan. Zhang’s 24,000 of 1.16 million, a 70% rise \
             in 2012, on May 30, 2022; COVID-19 in the 1990s. 5,000 yuan ($687).",
            &patterns,
        );
        let numbers = template
            .pieces
            .iter()
            .filter(|p| matches!(p, Piece::Number(_)))
            .count();
        assert_eq!(numbers, 9, "{:?}", template.pieces);
        let mut ctx = Ctx {
            rng: Rng::for_doc(3, 0),
            names: vec![NewName::draw(&mut Rng::for_doc(3, 1), Kind::Chinese)],
            year: 2023,
            used: Used::default(),
        };
        for _ in 0..50 {
            let mut out = String::new();
            ctx.render(&template, &mut out);
            let words: Vec<&str> = out.split(' ').collect();
            let surname = ctx.names[0].surname;
            assert!(out.contains(&format!("said {surname} ")), "{out}");
            assert!(out.contains(&format!(" {surname}’s ")), "{out}");
            let shape = |w: &str| {
                w.chars()
                    .map(|c| if c.is_ascii_digit() { '9' } else { c })
                    .collect::<String>()
            };
            assert_eq!(shape(words[5]), "99,", "{out}"); // 50,
            assert_eq!(shape(words[9]), "99,999", "{out}"); // 24,000
            assert!(words[9].ends_with("00"), "{out}");
            assert_eq!(shape(words[11]), "9.99", "{out}"); // 1.16
            assert_eq!(shape(words[14]), "99%", "{out}"); // 70%
            let year: i32 = words[17].trim_end_matches(',').parse().unwrap();
            assert!((2010..=2014).contains(&year), "{out}");
            assert!(out.contains("COVID-19 in the 1990s."), "{out}");
            assert_eq!(shape(words[28]), "($999).", "{out}");
        }
    }

    #[test]
    fn quotes_spanning_sentences_stay_whole() {
        let units = sentence_units(
            "He left. “Why leave? Because there is no way,” said Zhang. “Now.” Then more.",
        );
        assert_eq!(
            units,
            [
                "He left.",
                "“Why leave? Because there is no way,” said Zhang.",
                "“Now.”",
                "Then more."
            ]
        );
    }

    #[test]
    fn writes_a_corpus_that_loads_and_prunes_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let big = write_corpus(&opts(30), dir.path()).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "kept").unwrap();
        let small = write_corpus(&opts(20), dir.path()).unwrap();
        assert_eq!((big.files, small.removed), (30, 10));
        assert!(dir.path().join("notes.txt").exists());
        std::fs::remove_file(dir.path().join("notes.txt")).unwrap();
        let corpus = Corpus::load(dir.path()).unwrap();
        assert_eq!(corpus.documents.len(), 20);
        assert!(!corpus.has_errors(), "{:?}", corpus.diagnostics);
        let on_disk: u64 = corpus
            .documents
            .iter()
            .map(|d| std::fs::metadata(&d.path).unwrap().len())
            .sum();
        assert_eq!(on_disk, small.bytes);
    }
}
