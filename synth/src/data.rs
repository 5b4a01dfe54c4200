//! The source material: the shipped articles, and the word lists documents
//! draw names, outlets, tags and Chinese text from.

pub(super) const SOURCES: [&str; 5] = [
    include_str!("../../corpus/fleeing-xi-jinping.md"),
    include_str!("../../corpus/low-income-exodus.md"),
    include_str!("../../corpus/mass-exodus.md"),
    include_str!("../../corpus/police-stations-abroad.md"),
    include_str!("../../corpus/run-movement.md"),
];

/// Headlines in the shipped articles' style, for titles with numbers and names
/// in them (the articles' own titles have few).
pub(super) const EXTRA_TITLES: &[&str] = &[
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
pub(super) const ZH_SENTENCES: &[&str] = &[
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

pub(super) const ZH_HEADINGS: &[&str] = &[
    "从建筑承包商到流亡者：王守峰的故事",
    "数据揭示大逃亡的规模",
    "跨境镇压与中共的严酷统治",
    "“走线”之路",
];

pub(super) const ZH_TITLES: &[&str] = &[
    "大逃亡?习近平任内中国寻求海外庇护人数直逼116万人",
    "“润学”兴起：越来越多中国人选择离开",
    "达连隘口上的中国移民",
    "美国边境逮捕中国公民人数一个月内上升70%",
];

/// How a person is named at one place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Full,
    Surname,
    Given,
    Cjk,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Chinese,
    Western,
}

/// A private person named in the shipped articles, with every way the text
/// names them. Each document renames them consistently, so "Zhang Jun" and a
/// later "Zhang" stay one speaker. Public figures (Xi Jinping, Hu Jintao,
/// Ai Weiwei) keep their names: briefs are about them.
#[derive(Debug)]
pub(super) struct Person {
    pub(super) kind: Kind,
    pub(super) names: &'static [(&'static str, Form)],
}

pub(super) const PEOPLE: &[Person] = &[
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

pub(super) const SURNAMES: &[(&str, &str)] = &[
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

pub(super) const GIVEN_NAMES: &[(&str, &str)] = &[
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

pub(super) const WESTERN_FIRST: &[&str] = &[
    "Laura", "Mark", "David", "Sarah", "Michael", "Emily", "James", "Anna", "Thomas", "Maria",
    "Daniel", "Sophie", "Peter", "Rachel", "John", "Claire", "Robert", "Elena", "Kevin", "Grace",
    "Olivia", "Martin", "Julia", "Simon", "Helen", "Paul", "Nina", "Adam", "Chloé", "Jonas",
];

pub(super) const WESTERN_LAST: &[&str] = &[
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
pub(super) const OUTLETS: &[(&str, &str)] = &[
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

pub(super) const ZH_OUTLETS: &[(&str, &str)] = &[
    ("美国之音", "voachinese.com"),
    ("自由亚洲电台", "rfa.org/mandarin"),
    ("中国数字时代", "chinadigitaltimes.net/chinese"),
    ("端传媒", "theinitium.com"),
];

pub(super) const TAGS: &[&str] = &[
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

pub(super) const MONTHS: &[&str] = &[
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
