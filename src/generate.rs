//! A deterministic generator of large synthetic workspaces, for benchmarks
//! and scale tests.
//!
//! [`generate`] writes a complete workspace of the documented shape
//! (`book/src/formats.md`): `mizan.toml`, statutes in English and Arabic under
//! `corpus/kw/`, standards under `standards/`, mappings under
//! `corpus/kw/mappings/` and amendments under `corpus/kw/amendments/`.
//!
//! The output depends only on [`GenerateOptions`]: the same options give
//! byte-identical files on every run and platform. There is no clock, no hash
//! map iteration and no threading in here; randomness comes from a splitmix64
//! stream, and every article draws from its own stream derived from the seed,
//! its work and its position, so an article's text can be regenerated on
//! demand (the amendment planner does that to pick words to substitute).
//!
//! Everything written is valid by construction: English and Arabic expressions
//! of a work carry the same article eIds in the same order; mapping entries
//! name existing articles, provisions and elements; every amendment operation
//! aims at an article that exists, a substitution's words occur in the target
//! article with the count its heading implies, new article numbers are free,
//! and no two amendments (pending or not) touch the same article.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write as _};
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

/// The slug of the pending amendment the diff benchmark uses.
pub const BENCH_AMENDMENT: &str = "bench-1000";
/// The work that amendment changes.
pub const BENCH_WORK: &str = "/akn/kw/act/2000/1000";
/// The number of articles of [`BENCH_WORK`] (per language).
pub const BENCH_ARTICLES: usize = 1000;
/// The number of existing articles [`BENCH_AMENDMENT`] names.
pub const BENCH_TOUCHED: usize = 20;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Articles per language: the English expressions hold exactly this many
    /// article headings, and the Arabic expressions the same articles.
    /// Includes the [`BENCH_WORK`] when it is at least [`BENCH_ARTICLES`].
    pub articles: usize,
    /// Provisions across all standards; `None` means `articles / 20`.
    pub provisions: Option<usize>,
    /// The seed; the same options give the same bytes.
    pub seed: u64,
}

impl GenerateOptions {
    /// Options for `articles` articles per language with the given seed.
    pub fn new(articles: usize, seed: u64) -> Self {
        GenerateOptions {
            articles,
            provisions: None,
            seed,
        }
    }

    /// The number of provisions that will be generated.
    pub fn provision_count(&self) -> usize {
        self.provisions.unwrap_or(self.articles / 20)
    }
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Works, each with an English and an Arabic expression.
    pub works: usize,
    /// Article headings per language.
    pub articles_per_language: usize,
    /// Standards files.
    pub instruments: usize,
    /// Provisions across all standards.
    pub provisions: usize,
    /// Mapping entries across all mapping files.
    pub mapping_entries: usize,
    /// Amendments with status draft, submitted, in-committee or approved.
    pub amendments_pending: usize,
    /// Amendments with status enacted.
    pub amendments_enacted: usize,
    /// Amendments rejected or withdrawn.
    pub amendments_other: usize,
    /// Amendment operations across all amendments.
    pub operations: usize,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// The work id of the 1,000-article benchmark work, if generated.
    pub bench_work: Option<String>,
}

/// Writes a synthetic workspace into `out`, which must be missing or empty.
pub fn generate(opts: &GenerateOptions, out: &Path) -> io::Result<Summary> {
    prepare_out(out)?;
    let v = Vocab::new();
    let works = plan_works(opts);
    let instruments = plan_standards(opts);
    let amendments = plan_amendments(opts, &v, &works, &instruments);

    let mut sink = Sink {
        buf: String::with_capacity(1 << 22),
        summary: Summary {
            works: works.len(),
            articles_per_language: works.iter().map(|w| w.articles.len()).sum(),
            instruments: instruments.len(),
            provisions: instruments.iter().map(|i| i.provisions.len()).sum(),
            bench_work: works
                .iter()
                .any(|w| w.bench)
                .then(|| BENCH_WORK.to_string()),
            ..Summary::default()
        },
    };

    let corpus = out.join("corpus").join("kw");
    let mappings = corpus.join("mappings");
    let amend_dir = corpus.join("amendments");
    let standards = out.join("standards");
    for dir in [&corpus, &mappings, &amend_dir, &standards] {
        fs::create_dir_all(dir).map_err(|e| with_path(e, dir))?;
    }

    write_settings(&mut sink.buf, opts);
    sink.flush(&out.join("mizan.toml"))?;

    for work in &works {
        for lang in [Lang::En, Lang::Ar] {
            write_statute(&mut sink.buf, &v, work, lang, opts.seed);
            let name = format!("{}.{}.md", work.stem(), lang.code());
            sink.flush(&corpus.join(name))?;
        }
    }

    for inst in &instruments {
        write_standard(&mut sink.buf, inst);
        sink.flush(&standards.join(format!("{}.yaml", inst.id)))?;
    }

    let gone = removed_articles(&works, &amendments);
    let mut map_rng = Rng::new(derive(opts.seed, &[4]));
    let mut first_file = true;
    for inst in &instruments {
        let entries = write_mapping(&mut sink.buf, &mut map_rng, inst, &works, &gone, first_file);
        first_file = false;
        sink.summary.mapping_entries += entries;
        sink.flush(&mappings.join(format!("{}.yaml", inst.id)))?;
    }

    for am in &amendments {
        match am.status {
            "enacted" => sink.summary.amendments_enacted += 1,
            "rejected" | "withdrawn" => sink.summary.amendments_other += 1,
            _ => sink.summary.amendments_pending += 1,
        }
        sink.summary.operations += am.ops.len();
        write_amendment(&mut sink.buf, &v, am, &works, &instruments);
        sink.flush(&amend_dir.join(format!("{}.md", am.id)))?;
    }

    Ok(sink.summary)
}

// ---------------------------------------------------------------------------
// Output

struct Sink {
    buf: String,
    summary: Summary,
}

impl Sink {
    /// Writes the buffer to `path` and clears it.
    fn flush(&mut self, path: &Path) -> io::Result<()> {
        let file = File::create(path).map_err(|e| with_path(e, path))?;
        let mut w = BufWriter::with_capacity(1 << 16, file);
        w.write_all(self.buf.as_bytes())
            .and_then(|()| w.flush())
            .map_err(|e| with_path(e, path))?;
        self.summary.files += 1;
        self.summary.bytes += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }
}

fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn prepare_out(out: &Path) -> io::Result<()> {
    match fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{}: the output folder is not empty; choose a new or empty folder",
                        out.display()
                    ),
                ));
            }
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(out).map_err(|e| with_path(e, out))
        }
        Err(e) => Err(with_path(e, out)),
    }
}

/// `write!` into a `String` cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

/// A YAML double-quoted scalar.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------------------
// Randomness

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A seed for one purpose, derived from the user's seed and a path of numbers.
fn derive(seed: u64, path: &[u64]) -> u64 {
    let mut h = mix(seed ^ 0x6D69_7A61_6E5F_6765);
    for &p in path {
        h = mix(h.wrapping_add(GOLDEN) ^ mix(p.wrapping_add(GOLDEN)));
    }
    h
}

/// splitmix64.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// Skewed towards the front of the list, for a Zipf-like spread of terms.
    fn skewed<T: Copy>(&mut self, xs: &[T]) -> T {
        let a = self.below(xs.len());
        let b = self.below(xs.len());
        xs[a.min(b)]
    }

    /// An index into `weights`, drawn in proportion to the weights.
    fn weighted(&mut self, weights: &[usize]) -> usize {
        let total: usize = weights.iter().sum();
        let mut x = self.below(total);
        for (i, &wt) in weights.iter().enumerate() {
            if x < wt {
                return i;
            }
            x -= wt;
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------------------
// Small types

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Lang {
    En,
    Ar,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Date {
    y: u16,
    m: u8,
    d: u8,
}

impl Date {
    fn random(r: &mut Rng, y: u16) -> Date {
        Date {
            y,
            m: r.range(1, 12) as u8,
            d: r.range(1, 28) as u8,
        }
    }

    /// The same day `days` (at most 27) later, within a 28-day month.
    fn later(self, days: u8) -> Date {
        let d = self.d + days;
        if d <= 28 {
            Date { d, ..self }
        } else if self.m < 12 {
            Date {
                m: self.m + 1,
                d: d - 28,
                ..self
            }
        } else {
            Date {
                y: self.y + 1,
                m: 1,
                d: d - 28,
            }
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// An article number: a base and a suffix (none, `bis`, `bis (a)`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Num {
    base: u32,
    suffix: u8,
}

const AR_BIS_WORDS: [&str; 3] = ["مكرراً", "مكرر", "مكررا"];

impl Num {
    fn bis(self) -> Num {
        Num {
            base: self.base,
            suffix: 1,
        }
    }

    fn eid(self) -> String {
        match self.suffix {
            0 => format!("art_{}", self.base),
            1 => format!("art_{}bis", self.base),
            _ => format!("art_{}bis_a", self.base),
        }
    }

    fn en(self) -> String {
        match self.suffix {
            0 => self.base.to_string(),
            1 => format!("{} bis", self.base),
            _ => format!("{} bis (a)", self.base),
        }
    }

    /// The Arabic form without parentheses.
    fn ar(self, indic: bool, bis_word: &str) -> String {
        let n = if indic {
            indic_digits(self.base)
        } else {
            self.base.to_string()
        };
        match self.suffix {
            0 => n,
            1 => format!("{n} {bis_word}"),
            _ => format!("{n} {bis_word} (أ)"),
        }
    }
}

fn indic_digits(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c))
        .collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, s) in TABLE {
        while n >= value {
            out.push_str(s);
            n -= value;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Vocabulary. English strings are plain ASCII (plus dashes); Arabic strings
// may carry a vowelled alternative after `|`, normalised to NFC on load.

const EN_SUBJ: &[&str] = &[
    "the employer",
    "the worker",
    "the domestic worker",
    "the recruitment agency",
    "the competent authority",
    "the Ministry",
    "the court",
    "the Public Prosecution",
    "any person",
    "the victim",
    "the sponsor",
    "the labour inspector",
    "the licensee",
    "the shelter",
    "the investigating authority",
    "the Public Authority for Manpower",
];

/// Verb: base, third person singular, past participle.
const EN_VERB: &[(&str, &str, &str)] = &[
    ("pay", "pays", "paid"),
    ("retain", "retains", "retained"),
    ("confiscate", "confiscates", "confiscated"),
    ("register", "registers", "registered"),
    ("renew", "renews", "renewed"),
    ("suspend", "suspends", "suspended"),
    ("issue", "issues", "issued"),
    ("withhold", "withholds", "withheld"),
    ("transfer", "transfers", "transferred"),
    ("inspect", "inspects", "inspected"),
    ("notify", "notifies", "notified"),
    ("record", "records", "recorded"),
    ("deduct", "deducts", "deducted"),
    ("cancel", "cancels", "cancelled"),
    ("approve", "approves", "approved"),
    ("recruit", "recruits", "recruited"),
    ("transport", "transports", "transported"),
    ("harbour", "harbours", "harboured"),
    ("receive", "receives", "received"),
    ("deliver", "delivers", "delivered"),
    ("submit", "submits", "submitted"),
    ("review", "reviews", "reviewed"),
    ("return", "returns", "returned"),
    ("keep", "keeps", "kept"),
];

const EN_OBJ: &[&str] = &[
    "the passport of the worker",
    "the wage",
    "the wages due",
    "the employment contract",
    "the residence permit",
    "the travel documents",
    "the recruitment fee",
    "the licence",
    "the identity papers",
    "the end-of-service gratuity",
    "the overtime pay",
    "the monthly wage",
    "any sum",
    "the complaint",
    "the work permit",
    "the statement of the victim",
    "the personal belongings of the worker",
    "the records of the agency",
    "a copy of the contract",
    "the annual leave allowance",
    "the return ticket",
    "the medical insurance",
    "the passport",
];

const EN_MOD: &[&str] = &[
    "within seven days",
    "within thirty days",
    "without delay",
    "in accordance with this Law",
    "by a reasoned decision",
    "for the purpose of exploitation",
    "without the consent of the worker",
    "at the expense of the employer",
    "unless otherwise provided by law",
    "in cases of trafficking in persons",
    "during the probation period",
    "by coercion or deception",
    "in the manner set by the Minister",
    "before the end of the contract",
    "in Kuwaiti dinars",
    "through a bank account in Kuwait",
    "after hearing the parties",
    "on the request of the victim",
    "in respect of a child",
    "by abuse of a position of vulnerability",
];

const EN_PENALTY: &[&str] = &[
    "imprisonment for a term not exceeding three years",
    "imprisonment for fifteen years",
    "a fine of not less than one thousand dinars",
    "imprisonment for a term not exceeding one year and a fine not exceeding five hundred dinars, or either of these penalties",
    "imprisonment for life",
    "a fine not exceeding ten thousand dinars",
];

const EN_COND: &[&str] = &[
    "the victim is a child",
    "the offender is a public official",
    "the offence is committed by an organised criminal group",
    "the offence results in the death of the victim",
    "the offender uses a weapon",
    "the victim is a woman or a person with a disability",
    "the offence is repeated within five years",
];

const EN_TERMS: &[(&str, &str)] = &[
    ("child", "anyone not over eighteen years of age"),
    (
        "worker",
        "any natural person who works for a wage under the direction of an employer",
    ),
    (
        "recruitment agency",
        "any office licensed to bring workers from abroad",
    ),
    (
        "exploitation",
        "forced labour, servitude, slavery or practices similar to slavery",
    ),
    ("wage", "everything the worker receives in return for work"),
    ("Minister", "the Minister responsible for labour affairs"),
    (
        "smuggling of migrants",
        "procuring the illegal entry of a person for a financial benefit",
    ),
    (
        "victim",
        "any natural person who suffers harm from an offence under this Law",
    ),
];

const AR_SUBJ: &[&str] = &[
    "صاحب العمل|صاحِب العَمَل",
    "العامل|العامِل",
    "العامل المنزلي|العامِل المَنْزِلِيّ",
    "مكتب الاستقدام|مَكْتَب الاسْتِقْدام",
    "الجهة المختصة",
    "الوزارة|الوِزارَة",
    "المحكمة|المَحْكَمَة",
    "النيابة العامة",
    "كل شخص",
    "المجني عليه|المَجْنِيّ عَلَيْه",
    "الكفيل|الكَفِيل",
    "مفتش العمل",
    "المرخص له",
    "مركز الإيواء",
    "جهة التحقيق",
    "الهيئة العامة للقوى العاملة",
];

const AR_VERB: &[&str] = &[
    "يدفع",
    "يحتجز",
    "يسجل",
    "يجدد",
    "يوقف",
    "يصدر",
    "يحول",
    "يفتش",
    "يخطر",
    "يقيد",
    "يخصم",
    "يلغي",
    "يعتمد",
    "يستقدم",
    "ينقل",
    "يؤوي",
    "يستقبل",
    "يسلم",
    "يقدم",
    "يراجع",
    "يعيد",
    "يحفظ",
];

const AR_PAST: &[&str] = &[
    "احتجز",
    "صادر",
    "حجز",
    "استغل",
    "جند",
    "نقل",
    "آوى",
    "استقبل",
    "استقدم",
    "خصم",
    "أخفى",
    "سلب",
];

const AR_MASDAR: &[&str] = &[
    "دفع",
    "احتجاز",
    "تسجيل",
    "تجديد",
    "وقف",
    "إصدار",
    "تحويل",
    "تفتيش",
    "إخطار",
    "قيد",
    "خصم",
    "إلغاء",
    "اعتماد",
    "استقدام",
    "نقل",
    "إيواء",
    "استقبال",
    "تسليم",
    "تقديم",
    "مراجعة",
    "إعادة",
    "حفظ",
];

const AR_OBJ: &[&str] = &[
    "جواز سفر العامل|جَواز سَفَر العامِل",
    "الأجر|الأَجْر",
    "الأجور المستحقة",
    "عقد العمل|عَقْد العَمَل",
    "إذن الإقامة|إِذْن الإِقامَة",
    "وثائق السفر",
    "رسوم الاستقدام",
    "الترخيص|التَّرْخِيص",
    "أوراق الهوية",
    "مكافأة نهاية الخدمة",
    "أجر العمل الإضافي",
    "الأجر الشهري",
    "أي مبلغ",
    "الشكوى|الشَّكْوَى",
    "إذن العمل",
    "أقوال المجني عليه",
    "المتعلقات الشخصية للعامل",
    "سجلات المكتب",
    "نسخة من العقد",
    "بدل الإجازة السنوية",
    "تذكرة العودة",
    "التأمين الصحي",
    "جواز السفر|جَواز السَّفَر",
];

const AR_MOD: &[&str] = &[
    "خلال سبعة أيام",
    "خلال ثلاثين يوماً",
    "دون تأخير",
    "وفقاً لأحكام هذا القانون",
    "بقرار مسبب",
    "بغرض الاستغلال|بِغَرَض الاسْتِغْلال",
    "دون موافقة العامل",
    "على نفقة صاحب العمل",
    "ما لم ينص القانون على خلاف ذلك",
    "في جرائم الاتجار بالأشخاص|في جَرائِم الاتِّجار بالأَشْخاص",
    "خلال فترة التجربة",
    "بالإكراه أو الخداع|بالإِكْراه أو الخِداع",
    "بالطريقة التي يحددها الوزير",
    "قبل انتهاء العقد",
    "بالدينار الكويتي",
    "عن طريق حساب مصرفي في الكويت",
    "بعد سماع أقوال الطرفين",
    "بناءً على طلب المجني عليه",
    "بالنسبة إلى الطفل",
    "باستغلال حالة الضعف",
];

const AR_PENALTY: &[&str] = &[
    "بالحبس مدة لا تزيد على ثلاث سنوات|بالحَبْس مُدَّة لا تَزِيد على ثَلاث سَنَوات",
    "بالحبس خمس عشرة سنة",
    "بغرامة لا تقل عن ألف دينار|بِغَرامَة لا تَقِلّ عن أَلْف دِينار",
    "بالحبس مدة لا تزيد على سنة وبغرامة لا تجاوز خمسمائة دينار أو بإحدى هاتين العقوبتين",
    "بالحبس المؤبد",
    "بغرامة لا تجاوز عشرة آلاف دينار",
];

const AR_COND: &[&str] = &[
    "كان المجني عليه طفلاً",
    "كان الجاني موظفاً عاماً",
    "ارتكبت الجريمة من جماعة إجرامية منظمة",
    "نتج عن الجريمة وفاة المجني عليه",
    "استعمل الجاني السلاح",
    "كانت المجني عليها امرأة أو من ذوي الإعاقة",
    "عاد الجاني إلى ارتكاب الجريمة خلال خمس سنوات",
];

const AR_TERMS: &[(&str, &str)] = &[
    ("الطفل", "كل من لم يتجاوز الثامنة عشرة من عمره"),
    ("العامل", "كل شخص طبيعي يعمل لقاء أجر تحت إدارة صاحب العمل"),
    ("مكتب الاستقدام", "كل مكتب مرخص له باستقدام العمال من الخارج"),
    (
        "الاستغلال",
        "العمل الجبري أو الاستعباد أو الرق أو الممارسات الشبيهة بالرق",
    ),
    ("الأجر", "كل ما يتقاضاه العامل لقاء عمله"),
    ("الوزير", "الوزير المختص بشؤون العمل"),
    (
        "تهريب المهاجرين",
        "تدبير الدخول غير المشروع لشخص بغرض الحصول على منفعة مالية",
    ),
    (
        "المجني عليه",
        "كل شخص طبيعي لحقه ضرر من جريمة منصوص عليها في هذا القانون",
    ),
];

const AR_PUNISHED: &str = "يعاقب|يُعاقَب";

/// Article titles, English and Arabic.
const ART_TITLES: &[(&str, &str)] = &[
    ("Definitions", "تعريفات"),
    ("Scope of application", "نطاق التطبيق"),
    ("Recruitment fees", "رسوم الاستقدام"),
    ("Retention of passports", "احتجاز جوازات السفر"),
    ("Payment of wages", "دفع الأجور"),
    ("Penalties", "العقوبات"),
    ("Protection of victims", "حماية المجني عليهم"),
    ("Shelters", "مراكز الإيواء"),
    ("Compensation", "التعويض"),
    ("Inspection", "التفتيش"),
    ("Licensing of recruitment agencies", "ترخيص مكاتب الاستقدام"),
    ("Working hours", "ساعات العمل"),
    ("Weekly rest", "الراحة الأسبوعية"),
    ("Annual leave", "الإجازة السنوية"),
    ("End-of-service gratuity", "مكافأة نهاية الخدمة"),
    ("Complaints", "الشكاوى"),
    ("Jurisdiction", "الاختصاص"),
    ("Confiscation", "المصادرة"),
    ("Aggravating circumstances", "الظروف المشددة"),
    ("Exemption from penalty", "الإعفاء من العقوبة"),
    ("International cooperation", "التعاون الدولي"),
    ("Repatriation", "الإعادة إلى الوطن"),
    ("Non-punishment of victims", "عدم معاقبة المجني عليهم"),
    ("Employment contract", "عقد العمل"),
    ("Trafficking in persons", "الاتجار بالأشخاص"),
    ("Smuggling of migrants", "تهريب المهاجرين"),
    ("Forced labour", "العمل الجبري"),
    ("Residence permits", "تصاريح الإقامة"),
    ("Transfer of sponsorship", "نقل الكفالة"),
    ("Final provisions", "أحكام ختامية"),
    ("Executive regulations", "اللائحة التنفيذية"),
    ("Entry into force", "النفاذ"),
];

const CONTAINER_TITLES: &[(&str, &str)] = &[
    ("General provisions", "أحكام عامة"),
    ("Recruitment", "الاستقدام"),
    ("Employment contracts", "عقود العمل"),
    ("Wages and benefits", "الأجور والمزايا"),
    ("Offences and penalties", "الجرائم والعقوبات"),
    ("Protection of victims", "حماية المجني عليهم"),
    ("Inspection and enforcement", "التفتيش والرقابة"),
    ("Procedures", "الإجراءات"),
    ("Recruitment agencies", "مكاتب الاستقدام"),
    ("Residence", "الإقامة"),
    ("Final provisions", "أحكام ختامية"),
    ("Transitional provisions", "أحكام انتقالية"),
];

/// Work subjects: English title part, Arabic title part, English short title.
const WORK_SUBJECTS: &[(&str, &str, &str)] = &[
    (
        "Combating Trafficking in Persons and Smuggling of Migrants",
        "مكافحة الاتجار بالأشخاص وتهريب المهاجرين",
        "Anti-Trafficking Law",
    ),
    (
        "Domestic Workers",
        "العمالة المنزلية",
        "Domestic Workers Law",
    ),
    (
        "Labour in the Private Sector",
        "العمل في القطاع الأهلي",
        "Private Sector Labour Law",
    ),
    (
        "Residence of Foreigners",
        "إقامة الأجانب",
        "Aliens Residence Law",
    ),
    (
        "Recruitment Agencies",
        "مكاتب استقدام العمالة",
        "Recruitment Agencies Law",
    ),
    ("Protection of Wages", "حماية الأجور", "Wage Protection Law"),
    (
        "the Public Authority for Manpower",
        "الهيئة العامة للقوى العاملة",
        "Manpower Authority Law",
    ),
    ("the Rights of the Child", "حقوق الطفل", "Child Rights Law"),
    (
        "Criminal Procedure",
        "الإجراءات والمحاكمات الجزائية",
        "Criminal Procedure Law",
    ),
    (
        "Amending Certain Provisions of the Penal Code",
        "تعديل بعض أحكام قانون الجزاء",
        "Penal Code Amendment Law",
    ),
    (
        "Social Insurance",
        "التأمينات الاجتماعية",
        "Social Insurance Law",
    ),
    ("Passports", "جوازات السفر", "Passports Law"),
];

const EN_NUMBER_WORDS: [&str; 10] = [
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
];

const AR_ORDINALS: [&str; 10] = [
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

const EN_ART_SEPS: [&str; 4] = [": ", " - ", " – ", " — "];
const AR_ART_SEPS: [&str; 3] = [": ", " - ", " – "];

/// A word or phrase with an optional vowelled (harakat) form.
struct ArWord {
    plain: String,
    marked: Option<String>,
}

/// The Arabic vocabulary, normalised to NFC once.
struct Vocab {
    subj: Vec<ArWord>,
    obj: Vec<ArWord>,
    modif: Vec<ArWord>,
    penalty: Vec<ArWord>,
    punished: ArWord,
}

fn ar_word(src: &str) -> ArWord {
    let mut parts = src.splitn(2, '|');
    let plain = parts.next().unwrap_or_default().nfc().collect();
    let marked = parts.next().map(|m| m.nfc().collect());
    ArWord { plain, marked }
}

impl Vocab {
    fn new() -> Self {
        let list = |src: &[&str]| src.iter().map(|s| ar_word(s)).collect();
        Vocab {
            subj: list(AR_SUBJ),
            obj: list(AR_OBJ),
            modif: list(AR_MOD),
            penalty: list(AR_PENALTY),
            punished: ar_word(AR_PUNISHED),
        }
    }
}

/// Arabic letters that do not join to the following letter; tatweel never
/// follows them.
const AR_NON_JOINING: &str = "اأإآدذرزوؤةىء";

fn push_ar(r: &mut Rng, out: &mut String, w: &ArWord) {
    if let Some(marked) = &w.marked
        && r.chance(30)
    {
        out.push_str(marked);
        return;
    }
    if r.chance(3) {
        push_with_tatweel(r, out, &w.plain);
    } else {
        out.push_str(&w.plain);
    }
}

/// Stretches one joining letter of `s` with a tatweel (kashida).
fn push_with_tatweel(r: &mut Rng, out: &mut String, s: &str) {
    let chars: Vec<char> = s.chars().collect();
    let is_letter = |c: char| ('\u{0628}'..='\u{064A}').contains(&c);
    let spots: Vec<usize> = (1..chars.len())
        .filter(|&i| {
            is_letter(chars[i]) && is_letter(chars[i - 1]) && !AR_NON_JOINING.contains(chars[i - 1])
        })
        .collect();
    if spots.is_empty() {
        out.push_str(s);
        return;
    }
    let at = r.pick(&spots);
    for (i, &c) in chars.iter().enumerate() {
        if i == at {
            out.push('\u{0640}');
        }
        out.push(c);
    }
}

fn push_cap(out: &mut String, s: &str) {
    let mut chars = s.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

// ---------------------------------------------------------------------------
// Sentences

fn en_sentence(r: &mut Rng, out: &mut String) {
    let kind = r.below(100);
    if kind < 35 {
        push_cap(out, r.skewed(EN_SUBJ));
        out.push(' ');
        out.push_str(r.pick(&["shall", "shall", "may", "shall not", "must"]));
        out.push(' ');
        out.push_str(r.skewed(EN_VERB).0);
        out.push(' ');
        out.push_str(r.skewed(EN_OBJ));
        if r.chance(70) {
            out.push(' ');
            out.push_str(r.skewed(EN_MOD));
        }
    } else if kind < 55 {
        out.push_str("Whoever ");
        out.push_str(r.skewed(EN_VERB).1);
        out.push(' ');
        out.push_str(r.skewed(EN_OBJ));
        out.push(' ');
        out.push_str(r.skewed(EN_MOD));
        out.push_str(" shall be punished by ");
        out.push_str(r.pick(EN_PENALTY));
    } else if kind < 70 {
        push_cap(out, r.skewed(EN_OBJ));
        out.push_str(" may not be ");
        out.push_str(r.skewed(EN_VERB).2);
        out.push(' ');
        out.push_str(r.skewed(EN_MOD));
    } else if kind < 80 {
        push_cap(out, r.skewed(EN_SUBJ));
        out.push_str(" shall ");
        out.push_str(r.skewed(EN_VERB).0);
        out.push(' ');
        out.push_str(r.skewed(EN_OBJ));
        out.push_str(" and ");
        out.push_str(r.skewed(EN_VERB).0);
        out.push(' ');
        out.push_str(r.skewed(EN_OBJ));
        out.push(' ');
        out.push_str(r.skewed(EN_MOD));
    } else if kind < 90 {
        out.push_str("The penalty shall be doubled where ");
        out.push_str(r.pick(EN_COND));
    } else {
        out.push_str("Without prejudice to any heavier penalty, ");
        out.push_str(r.skewed(EN_SUBJ));
        out.push_str(" shall ");
        out.push_str(r.skewed(EN_VERB).0);
        out.push(' ');
        out.push_str(r.skewed(EN_OBJ));
        out.push(' ');
        out.push_str(r.skewed(EN_MOD));
    }
    out.push('.');
}

fn ar_sentence(r: &mut Rng, v: &Vocab, out: &mut String) {
    let kind = r.below(100);
    if !(35..90).contains(&kind) {
        if kind >= 90 {
            out.push_str("مع عدم الإخلال بأي عقوبة أشد، ");
        }
        out.push_str("على ");
        ar_skewed(r, out, &v.subj);
        out.push_str(" أن ");
        out.push_str(r.skewed(AR_VERB));
        out.push(' ');
        ar_skewed(r, out, &v.obj);
        if r.chance(70) {
            out.push(' ');
            ar_skewed(r, out, &v.modif);
        }
    } else if kind < 55 {
        push_ar(r, out, &v.punished);
        out.push(' ');
        ar_any(r, out, &v.penalty);
        out.push_str(" كل من ");
        out.push_str(r.skewed(AR_PAST));
        out.push(' ');
        ar_skewed(r, out, &v.obj);
        out.push(' ');
        ar_skewed(r, out, &v.modif);
    } else if kind < 70 {
        out.push_str("لا يجوز ");
        out.push_str(r.skewed(AR_MASDAR));
        out.push(' ');
        ar_skewed(r, out, &v.obj);
        out.push(' ');
        ar_skewed(r, out, &v.modif);
    } else if kind < 80 {
        out.push_str("يلتزم ");
        ar_skewed(r, out, &v.subj);
        out.push_str(" ب");
        out.push_str(r.skewed(AR_MASDAR));
        out.push(' ');
        ar_skewed(r, out, &v.obj);
        out.push_str(" و");
        out.push_str(r.skewed(AR_MASDAR));
        out.push(' ');
        ar_skewed(r, out, &v.obj);
    } else {
        out.push_str("تضاعف العقوبة إذا ");
        out.push_str(r.pick(AR_COND));
    }
    out.push('.');
}

/// Pushes a word drawn with [`Rng::skewed`].
fn ar_skewed(r: &mut Rng, out: &mut String, xs: &[ArWord]) {
    let a = r.below(xs.len());
    let b = r.below(xs.len());
    push_ar(r, out, &xs[a.min(b)]);
}

/// Pushes a word drawn uniformly.
fn ar_any(r: &mut Rng, out: &mut String, xs: &[ArWord]) {
    let i = r.below(xs.len());
    push_ar(r, out, &xs[i]);
}

fn sentences(r: &mut Rng, v: &Vocab, lang: Lang, n: usize, out: &mut String) {
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        match lang {
            Lang::En => en_sentence(r, out),
            Lang::Ar => ar_sentence(r, v, out),
        }
    }
}

// ---------------------------------------------------------------------------
// Articles: a shape shared by both languages, and text per language

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ListKind {
    /// `- item`: lettered points.
    Bullet,
    /// `1. item`: numbered points.
    Ordered,
    /// `- (a) item` in English (plain bullets in Arabic): lettered points.
    Labelled,
}

struct ListShape {
    kind: ListKind,
    items: usize,
    intro: usize,
}

struct ParaShape {
    sentences: usize,
    list: Option<ListShape>,
}

struct Shape {
    title: Option<usize>,
    paras: Vec<ParaShape>,
    /// Draws for per-article variation of the heading form.
    variant: usize,
}

impl Shape {
    /// 1-based numbers of the paragraphs that have no points.
    fn plain_paras(&self) -> Vec<usize> {
        (0..self.paras.len())
            .filter(|&i| self.paras[i].list.is_none())
            .map(|i| i + 1)
            .collect()
    }
}

fn shape(seed: u64, titled: usize) -> Shape {
    let mut r = Rng::new(derive(seed, &[0]));
    let title = r.chance(titled).then(|| r.below(ART_TITLES.len()));
    let n = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4][r.below(20)];
    let mut paras = Vec::with_capacity(n);
    for _ in 0..n {
        let list = r.chance(12).then(|| ListShape {
            kind: [ListKind::Bullet, ListKind::Ordered, ListKind::Labelled]
                [r.weighted(&[55, 25, 20])],
            items: r.range(2, 5),
            intro: r.below(3),
        });
        paras.push(ParaShape {
            sentences: [1, 1, 1, 2, 2, 3][r.below(6)],
            list,
        });
    }
    Shape {
        title,
        paras,
        variant: r.below(100),
    }
}

struct Para {
    text: String,
    points: Vec<String>,
    kind: Option<ListKind>,
}

fn article_text(v: &Vocab, seed: u64, shape: &Shape, lang: Lang) -> Vec<Para> {
    let mut r = Rng::new(derive(seed, &[1 + lang as u64]));
    shape
        .paras
        .iter()
        .map(|p| match &p.list {
            None => {
                let mut text = String::with_capacity(160);
                sentences(&mut r, v, lang, p.sentences, &mut text);
                Para {
                    text,
                    points: Vec::new(),
                    kind: None,
                }
            }
            Some(list) => list_para(&mut r, v, lang, list),
        })
        .collect()
}

fn list_para(r: &mut Rng, v: &Vocab, lang: Lang, list: &ListShape) -> Para {
    let mut text = String::new();
    let subj = r.below(EN_SUBJ.len());
    match (lang, list.intro) {
        (Lang::En, 0) => text.push_str("For the purposes of this Law:"),
        (Lang::En, 1) => {
            push_cap(&mut text, EN_SUBJ[subj]);
            text.push_str(" shall, in particular:");
        }
        (Lang::En, _) => text.push_str("The penalty shall be doubled in any of the following cases:"),
        (Lang::Ar, 0) => text.push_str(
            "في تطبيق أحكام هذا القانون، يقصد بالكلمات والعبارات الآتية المعاني المبينة قرين كل منها:",
        ),
        (Lang::Ar, 1) => {
            text.push_str("يلتزم ");
            push_ar(r, &mut text, &v.subj[subj % v.subj.len()]);
            text.push_str(" بما يأتي:");
        }
        (Lang::Ar, _) => text.push_str("تضاعف العقوبة في أي من الحالات الآتية:"),
    }
    let mut points = Vec::with_capacity(list.items);
    for i in 0..list.items {
        let mut p = String::with_capacity(100);
        match (lang, list.intro) {
            (Lang::En, 0) => {
                let (term, def) = EN_TERMS[(subj + i) % EN_TERMS.len()];
                w!(p, "{term} means {def}");
            }
            (Lang::En, 1) => {
                p.push_str(r.skewed(EN_VERB).0);
                p.push(' ');
                p.push_str(r.skewed(EN_OBJ));
                p.push(' ');
                p.push_str(r.skewed(EN_MOD));
            }
            (Lang::En, _) => {
                p.push_str("where ");
                p.push_str(EN_COND[(subj + i) % EN_COND.len()]);
            }
            (Lang::Ar, 0) => {
                let (term, def) = AR_TERMS[(subj + i) % AR_TERMS.len()];
                w!(p, "{term}: {def}");
            }
            (Lang::Ar, 1) => {
                p.push_str(r.skewed(AR_MASDAR));
                p.push(' ');
                ar_skewed(r, &mut p, &v.obj);
                p.push(' ');
                ar_skewed(r, &mut p, &v.modif);
            }
            (Lang::Ar, _) => {
                p.push_str("إذا ");
                p.push_str(AR_COND[(subj + i) % AR_COND.len()]);
            }
        }
        let last = i + 1 == list.items;
        p.push_str(match (lang, last) {
            (_, true) => ".",
            (Lang::En, false) => ";",
            (Lang::Ar, false) => "؛",
        });
        points.push(p);
    }
    Para {
        text,
        points,
        kind: Some(list.kind),
    }
}

fn push_body(out: &mut String, paras: &[Para], lang: Lang) {
    for p in paras {
        out.push('\n');
        out.push_str(&p.text);
        out.push('\n');
        if let Some(kind) = p.kind {
            out.push('\n');
            for (i, point) in p.points.iter().enumerate() {
                match (kind, lang) {
                    (ListKind::Ordered, _) => w!(out, "{}. ", i + 1),
                    (ListKind::Labelled, Lang::En) => w!(out, "- ({}) ", (b'a' + i as u8) as char),
                    _ => out.push_str("- "),
                }
                out.push_str(point);
                out.push('\n');
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Works

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Book,
    Part,
    Chapter,
    Section,
}

impl Kind {
    fn en(self) -> &'static str {
        match self {
            Kind::Book => "Book",
            Kind::Part => "Part",
            Kind::Chapter => "Chapter",
            Kind::Section => "Section",
        }
    }

    fn ar(self) -> &'static str {
        match self {
            Kind::Book => "الكتاب",
            Kind::Part => "الباب",
            Kind::Chapter => "الفصل",
            Kind::Section => "القسم",
        }
    }
}

/// A container heading, written before article `at`.
struct Header {
    at: usize,
    level: usize,
    kind: Kind,
    num: usize,
    title: Option<usize>,
}

struct Article {
    num: Num,
    seed: u64,
}

/// How the English headings of one work are written.
struct EnStyle {
    short: bool,
    sep: usize,
    titled: usize,
    /// Per container kind: 0 digits, 1 Roman numerals, 2 number words.
    numbering: [usize; 4],
}

/// How the Arabic headings of one work are written.
struct ArStyle {
    bare: bool,
    paren: bool,
    indic: bool,
    sep: usize,
    bis_word: usize,
}

struct Work {
    year: u16,
    number: u32,
    subject: usize,
    date: Date,
    published: Date,
    in_force: Date,
    issue: usize,
    partly_repealed: bool,
    depth: usize,
    headers: Vec<Header>,
    articles: Vec<Article>,
    en: EnStyle,
    ar: ArStyle,
    bench: bool,
}

impl Work {
    fn id(&self) -> String {
        format!("/akn/kw/act/{}/{}", self.year, self.number)
    }

    fn stem(&self) -> String {
        format!("act-{}-{}", self.year, self.number)
    }

    fn find(&self, n: Num) -> Option<usize> {
        self.articles.binary_search_by(|a| a.num.cmp(&n)).ok()
    }

    fn shape(&self, i: usize) -> Shape {
        shape(self.articles[i].seed, self.en.titled)
    }

    fn cite(&self, i: usize) -> String {
        format!(
            "Article {} of Law No. {} of {}",
            self.articles[i].num.en(),
            self.number,
            self.year
        )
    }
}

/// Work sizes: random in 50..=1000 (the last may be smaller), the benchmark
/// work of exactly 1,000 articles among them when `n >= 1000`.
fn plan_works(opts: &GenerateOptions) -> Vec<Work> {
    let mut r = Rng::new(derive(opts.seed, &[1]));
    let bench = opts.articles >= BENCH_ARTICLES;
    let mut remaining = opts.articles - if bench { BENCH_ARTICLES } else { 0 };
    let mut sizes = Vec::new();
    while remaining > 0 {
        let size = if remaining <= 1000 {
            remaining
        } else {
            let s = r.range(50, 1000);
            if remaining - s < 50 {
                remaining - 50
            } else {
                s
            }
        };
        sizes.push((size, false));
        remaining -= size;
    }
    if bench {
        let at = r.below(sizes.len() + 1);
        sizes.insert(at, (BENCH_ARTICLES, true));
    }
    let mut works = Vec::with_capacity(sizes.len());
    let mut number = 0u32;
    for (idx, &(size, is_bench)) in sizes.iter().enumerate() {
        number += 1 + r.below(3) as u32;
        let (year, num) = if is_bench {
            (2000, 1000)
        } else {
            let y = 1960 + r.below(60) as u16;
            (if y == 2000 { 1999 } else { y }, number)
        };
        works.push(plan_work(
            &mut r, opts.seed, idx as u64, size, year, num, is_bench,
        ));
    }
    works
}

fn plan_work(
    r: &mut Rng,
    seed: u64,
    idx: u64,
    size: usize,
    year: u16,
    number: u32,
    bench: bool,
) -> Work {
    let date = Date::random(r, year);
    let published = date.later(r.range(3, 20) as u8);
    let in_force = published.later(r.range(0, 27) as u8);
    let mut articles = Vec::with_capacity(size);
    let mut base = 0u32;
    while articles.len() < size {
        base += 1;
        let push = |suffix: u8, articles: &mut Vec<Article>| {
            let i = articles.len() as u64;
            articles.push(Article {
                num: Num { base, suffix },
                seed: derive(seed, &[2, idx, i]),
            });
        };
        push(0, &mut articles);
        if articles.len() < size && r.chance(3) {
            push(1, &mut articles);
            if articles.len() < size && r.chance(30) {
                push(2, &mut articles);
            }
        }
    }
    let depth = if bench {
        2
    } else if size < 30 {
        r.below(2)
    } else {
        [0, 1, 1, 1, 2, 2, 2, 3, 3, 3][r.below(10)]
    };
    let kinds: &[Kind] = match depth {
        0 => &[],
        1 => &[Kind::Chapter],
        2 => &[Kind::Part, Kind::Chapter],
        _ => {
            if r.chance(50) {
                &[Kind::Part, Kind::Chapter, Kind::Section]
            } else {
                &[Kind::Book, Kind::Part, Kind::Chapter]
            }
        }
    };
    let mut headers = Vec::new();
    layout(r, 0, size, kinds, 1, &mut headers);
    Work {
        year,
        number,
        subject: r.below(WORK_SUBJECTS.len()),
        date,
        published,
        in_force,
        issue: r.range(100, 1700),
        partly_repealed: r.chance(10),
        depth,
        headers,
        articles,
        en: EnStyle {
            short: r.chance(25),
            sep: r.below(EN_ART_SEPS.len()),
            titled: r.range(40, 95),
            numbering: [r.below(3), r.below(3), r.below(3), r.below(2)],
        },
        ar: ArStyle {
            bare: r.chance(35),
            paren: r.chance(50),
            indic: r.chance(60),
            sep: r.below(AR_ART_SEPS.len()),
            bis_word: r.weighted(&[70, 15, 15]),
        },
        bench,
    }
}

/// Splits articles `start..end` into containers of `kinds[0]`, nesting the
/// rest of `kinds` inside each.
fn layout(
    r: &mut Rng,
    start: usize,
    end: usize,
    kinds: &[Kind],
    level: usize,
    out: &mut Vec<Header>,
) {
    let Some((&kind, rest)) = kinds.split_first() else {
        return;
    };
    let n = end - start;
    let groups = r.range(2, 10).min(n);
    let mut cuts: Vec<usize> = (1..groups).map(|_| start + 1 + r.below(n - 1)).collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.insert(0, start);
    cuts.push(end);
    for (k, pair) in cuts.windows(2).enumerate() {
        out.push(Header {
            at: pair[0],
            level,
            kind,
            num: k + 1,
            title: r.chance(80).then(|| r.below(CONTAINER_TITLES.len())),
        });
        layout(r, pair[0], pair[1], rest, level + 1, out);
    }
}

fn write_settings(out: &mut String, opts: &GenerateOptions) {
    w!(
        out,
        "# Synthetic workspace written by the mizan generator; not real law.\n\
         # articles per language: {}, seed: {}\n\
         title = \"Synthetic workspace ({} articles, seed {})\"\n\
         jurisdiction = \"kw\"\n\
         languages = [\"en\", \"ar\"]\n\
         \n\
         [gaps.weights]\n\
         mandatory = 1.0\n\
         qualified = 0.8\n\
         consider = 0.5\n\
         endeavour = 0.5\n\
         soft = 0.25\n",
        opts.articles,
        opts.seed,
        opts.articles,
        opts.seed
    );
}

fn write_statute(out: &mut String, v: &Vocab, work: &Work, lang: Lang, seed: u64) {
    let (en_subject, ar_subject, short) = WORK_SUBJECTS[work.subject];
    let en_title = format!("Law No. {} of {} on {en_subject}", work.number, work.year);
    let ar_title = format!(
        "قانون رقم {} لسنة {} في شأن {ar_subject}",
        work.number, work.year
    );
    out.push_str("---\n");
    w!(out, "work: {}\nlang: {}\n", work.id(), lang.code());
    match lang {
        Lang::En => {
            w!(out, "title: {}\nshort_title: {}\n", q(&en_title), q(short));
            w!(out, "titles:\n  ar: {}\n", q(&ar_title));
        }
        Lang::Ar => {
            w!(out, "title: {}\n", q(&ar_title));
            w!(out, "titles:\n  en: {}\n", q(&en_title));
        }
    }
    w!(out, "date: {}\n", work.date);
    w!(
        out,
        "publication:\n  gazette: {}\n  issue: \"{}\"\n  date: {}\n",
        q(match lang {
            Lang::En => "Kuwait Al-Youm",
            Lang::Ar => "الكويت اليوم",
        }),
        work.issue,
        work.published
    );
    w!(out, "in_force: {}\n", work.in_force);
    w!(
        out,
        "status: {}\n",
        if work.partly_repealed {
            "partly-repealed"
        } else {
            "in-force"
        }
    );
    w!(
        out,
        "authority: {}\n",
        match lang {
            Lang::En => "unofficial-translation",
            Lang::Ar => "official",
        }
    );
    w!(
        out,
        "source: {}\n",
        q(&format!(
            "Synthetic text written by the mizan generator (seed {seed}); not a real law"
        ))
    );
    w!(out, "version_date: {}\n", work.in_force);
    match lang {
        Lang::En => out.push_str("note: \"Generated for benchmarks and scale tests.\"\n"),
        Lang::Ar => out.push_str("note: \"نص مولد آلياً لاختبارات الأداء.\"\n"),
    }
    out.push_str("---\n");

    let art_level = work.depth + 1;
    let mut next_header = 0;
    for (i, art) in work.articles.iter().enumerate() {
        while let Some(h) = work.headers.get(next_header).filter(|h| h.at == i) {
            write_container(out, work, h, lang);
            next_header += 1;
        }
        let shape = shape(art.seed, work.en.titled);
        out.push('\n');
        push_hashes(out, art_level);
        write_article_heading(out, work, art.num, &shape, lang);
        out.push('\n');
        let paras = article_text(v, art.seed, &shape, lang);
        push_body(out, &paras, lang);
    }
}

fn push_hashes(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push('#');
    }
    out.push(' ');
}

fn write_container(out: &mut String, work: &Work, h: &Header, lang: Lang) {
    out.push('\n');
    push_hashes(out, h.level);
    match lang {
        Lang::En => {
            out.push_str(h.kind.en());
            out.push(' ');
            let style = work.en.numbering[h.kind as usize];
            match style {
                1 => out.push_str(&roman(h.num as u32)),
                2 if h.num <= EN_NUMBER_WORDS.len() => out.push_str(EN_NUMBER_WORDS[h.num - 1]),
                _ => w!(out, "{}", h.num),
            }
            if let Some(t) = h.title {
                out.push_str(EN_ART_SEPS[work.en.sep]);
                out.push_str(CONTAINER_TITLES[t].0);
            }
        }
        Lang::Ar => {
            out.push_str(h.kind.ar());
            out.push(' ');
            if h.num <= AR_ORDINALS.len() {
                out.push_str(AR_ORDINALS[h.num - 1]);
            } else {
                w!(out, "{}", h.num);
            }
            if let Some(t) = h.title {
                out.push_str(AR_ART_SEPS[work.ar.sep]);
                out.push_str(CONTAINER_TITLES[t].1);
            }
        }
    }
    out.push('\n');
}

fn write_article_heading(out: &mut String, work: &Work, num: Num, shape: &Shape, lang: Lang) {
    // A few articles in every work depart from its usual heading form.
    let flip = shape.variant < 10;
    match lang {
        Lang::En => {
            out.push_str(if work.en.short != flip {
                "Art. "
            } else {
                "Article "
            });
            out.push_str(&num.en());
            if let Some(t) = shape.title {
                out.push_str(EN_ART_SEPS[work.en.sep]);
                out.push_str(ART_TITLES[t].0);
            }
        }
        Lang::Ar => {
            let st = &work.ar;
            out.push_str(if st.bare != flip {
                "مادة "
            } else {
                "المادة "
            });
            let indic = st.indic != (shape.variant % 10 == 3);
            if num.suffix == 0 && st.paren {
                w!(out, "({})", num.ar(indic, ""));
            } else {
                out.push_str(&num.ar(indic, AR_BIS_WORDS[st.bis_word]));
            }
            if let Some(t) = shape.title {
                out.push_str(AR_ART_SEPS[st.sep]);
                out.push_str(ART_TITLES[t].1);
            }
        }
    }
    // An explicit eId now and then; always the one the number gives.
    if shape.variant >= 98 {
        w!(out, " {{#{}}}", num.eid());
    }
}

// ---------------------------------------------------------------------------
// Standards

const THEMES: [&str; 6] = [
    "definition",
    "criminalization",
    "protection",
    "prevention",
    "cooperation",
    "procedure",
];
const OBLIGATIONS: [&str; 5] = ["mandatory", "qualified", "consider", "endeavour", "soft"];

const INSTRUMENT_TOPICS: &[(&str, &str)] = &[
    (
        "the Protection of Migrant Workers",
        "حماية العمال المهاجرين",
    ),
    ("Forced Labour", "العمل الجبري"),
    ("Trafficking in Persons", "الاتجار بالأشخاص"),
    ("Domestic Work", "العمل المنزلي"),
    ("Private Employment Agencies", "وكالات الاستخدام الخاصة"),
    ("the Worst Forms of Child Labour", "أسوأ أشكال عمل الأطفال"),
    ("Smuggling of Migrants", "تهريب المهاجرين"),
    ("the Protection of Wages", "حماية الأجور"),
    ("Labour Inspection", "تفتيش العمل"),
    (
        "Transnational Organized Crime",
        "الجريمة المنظمة عبر الوطنية",
    ),
    ("the Abolition of Forced Labour", "إلغاء العمل الجبري"),
    ("Business and Human Rights", "الأعمال التجارية وحقوق الإنسان"),
];

const PROVISION_TITLES: &[&str] = &[
    "Definition of trafficking in persons",
    "Criminalization of forced labour",
    "Protection of wages",
    "Prohibition of recruitment fees",
    "Retention of identity documents",
    "Access to remedies",
    "Compensation of victims",
    "Labour inspection",
    "Assistance to victims",
    "Non-punishment of victims",
    "Safe repatriation",
    "Regulation of recruitment agencies",
    "Hours of work and rest",
    "Written employment contracts",
    "Minimum age",
    "Shelter and housing",
    "Exchange of information",
    "Border measures",
    "Training of officials",
    "Protection of privacy",
    "Weekly rest day",
    "Complaint mechanisms",
    "Freedom to change employer",
    "Penalties proportionate to the offence",
];

const ELEMENT_IDS: &[&str] = &[
    "act",
    "means",
    "purpose",
    "penalty",
    "scope",
    "remedy",
    "notice",
    "consent",
    "fees",
    "documents",
    "wages",
    "inspection",
    "shelter",
    "information",
    "access",
    "age",
    "records",
    "contract",
];

const KEYWORDS: &[&str] = &[
    "trafficking",
    "recruitment",
    "wage",
    "passport",
    "coercion",
    "deception",
    "exploitation",
    "forced labour",
    "servitude",
    "slavery",
    "shelter",
    "compensation",
    "inspection",
    "contract",
    "recruitment fee",
    "child",
    "victim",
    "smuggling",
    "residence",
    "sponsor",
    "domestic worker",
    "confiscation",
    "penalty",
    "fine",
    "imprisonment",
    "complaint",
    "licence",
    "travel documents",
    "overtime",
    "gratuity",
];

struct Element {
    id: &'static str,
    keywords: Vec<&'static str>,
    seed: u64,
}

struct Provision {
    eid: String,
    citation: String,
    title: usize,
    theme: usize,
    obligation: usize,
    seed: u64,
    elements: Vec<Element>,
}

struct Instrument {
    id: String,
    index: usize,
    kind: &'static str,
    body: &'static str,
    topic: usize,
    adopted: Date,
    in_force: Date,
    party: &'static str,
    party_year: u16,
    provisions: Vec<Provision>,
}

fn plan_standards(opts: &GenerateOptions) -> Vec<Instrument> {
    let total = opts.provision_count();
    if total == 0 {
        return Vec::new();
    }
    let mut r = Rng::new(derive(opts.seed, &[5]));
    let count = (3 + total / 1000).clamp(3, 12).min(total);
    let mut list = Vec::with_capacity(count);
    for i in 0..count {
        let n = total / count + usize::from(i < total % count);
        let kind = ["convention", "protocol", "convention", "soft-law"][i % 4];
        let year = 1950 + r.below(70) as u16;
        let adopted = Date::random(&mut r, year);
        let in_force_year = year + 1 + r.below(3) as u16;
        let in_force = Date::random(&mut r, in_force_year);
        let party = ["ratified", "acceded", "signed", "not-party"][r.weighted(&[40, 30, 15, 15])];
        let party_year = (in_force.y.max(1962) + r.below(15) as u16).min(2024);
        let mut provisions = Vec::with_capacity(n);
        let mut art = 0usize;
        while provisions.len() < n {
            art += 1;
            let style = r.below(3);
            let paras = if style == 0 { 1 } else { r.range(2, 4) };
            for p in 1..=paras {
                if provisions.len() == n {
                    break;
                }
                let (eid, citation) = match style {
                    0 => (format!("art_{art}"), format!("Art. {art}")),
                    1 => (format!("art_{art}__para_{p}"), format!("Art. {art}({p})")),
                    _ => {
                        let l = (b'a' + p as u8 - 1) as char;
                        (format!("art_{art}__para_{l}"), format!("Art. {art}({l})"))
                    }
                };
                let k = provisions.len() as u64;
                let mut elements = Vec::new();
                if r.chance(40) {
                    let m = r.range(2, 4);
                    let first = r.below(ELEMENT_IDS.len());
                    for e in 0..m {
                        let id = ELEMENT_IDS[(first + e * 5) % ELEMENT_IDS.len()];
                        let kw_first = r.below(KEYWORDS.len());
                        let kw_n = r.range(2, 5);
                        let keywords = (0..kw_n)
                            .map(|j| KEYWORDS[(kw_first + j * 7) % KEYWORDS.len()])
                            .collect();
                        elements.push(Element {
                            id,
                            keywords,
                            seed: derive(opts.seed, &[6, i as u64, k, e as u64]),
                        });
                    }
                }
                provisions.push(Provision {
                    eid,
                    citation,
                    title: r.below(PROVISION_TITLES.len()),
                    theme: r.below(THEMES.len()),
                    obligation: r.weighted(&[50, 20, 12, 10, 8]),
                    seed: derive(opts.seed, &[7, i as u64, k]),
                    elements,
                });
            }
        }
        list.push(Instrument {
            id: format!("gen-{:02}", i + 1),
            index: i,
            kind,
            body: match kind {
                "soft-law" => "OHCHR",
                _ if i % 3 == 1 => "ILO",
                _ => "UN",
            },
            topic: i % INSTRUMENT_TOPICS.len(),
            adopted,
            in_force,
            party,
            party_year,
            provisions,
        });
    }
    list
}

fn en_clause(r: &mut Rng, out: &mut String) {
    out.push_str(r.skewed(EN_VERB).0);
    out.push(' ');
    out.push_str(r.skewed(EN_OBJ));
    out.push(' ');
    out.push_str(r.skewed(EN_MOD));
}

fn write_standard(out: &mut String, inst: &Instrument) {
    let (topic_en, topic_ar) = INSTRUMENT_TOPICS[inst.topic];
    let (kind_en, kind_ar) = match inst.kind {
        "convention" => ("Convention", "اتفاقية اصطناعية"),
        "protocol" => ("Protocol", "بروتوكول اصطناعي"),
        _ => ("Guidelines", "مبادئ توجيهية اصطناعية"),
    };
    let n = inst.index + 1;
    out.push_str("# Synthetic instrument written by the mizan generator; not a real treaty.\n");
    w!(out, "id: {}\n", inst.id);
    w!(
        out,
        "title: {}\n",
        q(&format!("Synthetic {kind_en} No. {n} on {topic_en}"))
    );
    w!(
        out,
        "short_title: {}\n",
        q(&format!("Synthetic {kind_en} {n}"))
    );
    w!(
        out,
        "titles:\n  ar: {}\n",
        q(&format!("{kind_ar} رقم {n} بشأن {topic_ar}"))
    );
    w!(out, "kind: {}\nbody: {}\n", inst.kind, inst.body);
    if inst.kind == "protocol" {
        out.push_str("parent: gen-01\n");
    }
    w!(
        out,
        "adopted: {}\nin_force: {}\n",
        inst.adopted,
        inst.in_force
    );
    out.push_str("source: \"Synthetic; generated for benchmarks\"\n");
    w!(out, "parties:\n  kw:\n    status: {}\n", inst.party);
    if inst.party != "not-party" {
        w!(out, "    year: {}\n", inst.party_year);
    }
    out.push_str("provisions:\n");
    for p in &inst.provisions {
        let mut r = Rng::new(p.seed);
        w!(out, "  - id: {}\n", p.eid);
        w!(out, "    citation: {}\n", q(&p.citation));
        w!(out, "    title: {}\n", q(PROVISION_TITLES[p.title]));
        w!(out, "    theme: {}\n", THEMES[p.theme]);
        w!(out, "    obligation: {}\n", OBLIGATIONS[p.obligation]);
        let mut summary = String::from("The State is to ");
        en_clause(&mut r, &mut summary);
        summary.push('.');
        if r.chance(50) {
            summary.push(' ');
            en_sentence(&mut r, &mut summary);
        }
        w!(out, "    summary: {}\n", q(&summary));
        if !p.elements.is_empty() {
            out.push_str("    elements:\n");
            for e in &p.elements {
                let mut r = Rng::new(e.seed);
                let mut s = String::from("The law must ");
                en_clause(&mut r, &mut s);
                s.push('.');
                w!(out, "      - id: {}\n", e.id);
                w!(out, "        summary: {}\n", q(&s));
                w!(out, "        keywords: [{}]\n", e.keywords.join(", "));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Mappings

const STATUSES: [&str; 5] = ["full", "partial", "missing", "conflict", "not-applicable"];

/// Articles no mapping may name: those an enacted amendment repeals or
/// renumbers.
fn removed_articles(works: &[Work], amendments: &[Amendment]) -> Vec<Vec<bool>> {
    let mut gone: Vec<Vec<bool>> = works
        .iter()
        .map(|w| vec![false; w.articles.len()])
        .collect();
    for am in amendments.iter().filter(|a| a.status == "enacted") {
        for op in &am.ops {
            if matches!(op.kind, OpKind::Repeal | OpKind::Renumber) {
                gone[am.work][op.art] = true;
            }
        }
    }
    gone
}

/// Writes one mapping file; returns its number of entries.
fn write_mapping(
    out: &mut String,
    r: &mut Rng,
    inst: &Instrument,
    works: &[Work],
    gone: &[Vec<bool>],
    cover_statuses: bool,
) -> usize {
    let total: usize = works.iter().map(|w| w.articles.len()).sum();
    out.push_str("# Synthetic assessment written by the mizan generator.\n");
    w!(
        out,
        "standard: {}\njurisdiction: kw\nassessed: 2026-01-15\n",
        inst.id
    );
    out.push_str("assessors: [\"Synthetic assessor\"]\n");
    out.push_str("note: \"Generated for benchmarks and scale tests.\"\n");
    out.push_str("entries:\n");
    let mut count = 0usize;
    for p in &inst.provisions {
        if !r.chance(80) {
            continue; // left unassessed
        }
        let elements: Vec<Option<&str>> = if p.elements.is_empty() {
            vec![None]
        } else {
            p.elements.iter().map(|e| Some(e.id)).collect()
        };
        for element in elements {
            if element.is_some() && !r.chance(85) {
                continue;
            }
            let status = if cover_statuses && count < STATUSES.len() {
                count
            } else {
                r.weighted(&[35, 30, 15, 10, 10])
            };
            let mut articles = Vec::new();
            if total > 0 && matches!(status, 0 | 1 | 3) {
                for _ in 0..r.range(1, 3) {
                    if let Some((wi, ai)) = random_article(r, works, gone, total) {
                        let id =
                            format!("{}/~{}", works[wi].id(), works[wi].articles[ai].num.eid());
                        if !articles.iter().any(|(_, s)| s == &id) {
                            articles.push(((wi, ai), id));
                        }
                    }
                }
            }
            let status = if articles.is_empty() && matches!(status, 0 | 1 | 3) {
                2 // nothing to rely on: missing
            } else {
                status
            };
            let cite = articles
                .first()
                .map(|&((wi, ai), _)| works[wi].cite(ai))
                .unwrap_or_default();
            let mut rationale = String::new();
            let mut recommendation = None;
            match status {
                0 => {
                    w!(
                        rationale,
                        "The obligation is met by {cite}, which regulates {} {}.",
                        r.skewed(EN_OBJ),
                        r.skewed(EN_MOD)
                    );
                }
                1 => {
                    let covered = r.below(EN_OBJ.len());
                    let missing = (covered + 1 + r.below(EN_OBJ.len() - 1)) % EN_OBJ.len();
                    w!(
                        rationale,
                        "{cite} covers {}, but {} is not addressed.",
                        EN_OBJ[covered],
                        EN_OBJ[missing]
                    );
                    recommendation = Some(format!(
                        "Amend {cite} to regulate {} {}.",
                        r.skewed(EN_OBJ),
                        r.skewed(EN_MOD)
                    ));
                }
                2 => {
                    w!(
                        rationale,
                        "No article of the assessed laws addresses {} {}.",
                        r.skewed(EN_OBJ),
                        r.skewed(EN_MOD)
                    );
                    recommendation = Some(format!(
                        "Add an article that regulates {} {}.",
                        r.skewed(EN_OBJ),
                        r.skewed(EN_MOD)
                    ));
                }
                3 => {
                    w!(
                        rationale,
                        "{cite} penalises the worker for conduct the provision protects, namely {}.",
                        r.skewed(EN_OBJ)
                    );
                    recommendation = Some(format!("Repeal the penalty in {cite}."));
                }
                _ => {
                    w!(
                        rationale,
                        "The provision concerns {}, which does not arise under Kuwaiti law.",
                        r.skewed(EN_OBJ)
                    );
                }
            }
            w!(out, "  - provision: {}\n", p.eid);
            if let Some(e) = element {
                w!(out, "    element: {e}\n");
            }
            out.push_str("    articles: [");
            for (k, (_, id)) in articles.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                out.push_str(id);
            }
            out.push_str("]\n");
            w!(out, "    status: {}\n", STATUSES[status]);
            if status != 0 {
                let basis = if articles.is_empty() {
                    "corpus-only"
                } else {
                    "verified"
                };
                w!(out, "    basis: {basis}\n");
            }
            w!(out, "    rationale: {}\n", q(&rationale));
            if let Some(rec) = recommendation {
                w!(out, "    recommendation: {}\n", q(&rec));
            }
            count += 1;
        }
    }
    if count == 0 {
        // `entries:` with nothing under it would be null; say empty.
        out.truncate(out.len() - "entries:\n".len());
        out.push_str("entries: []\n");
    }
    count
}

fn random_article(
    r: &mut Rng,
    works: &[Work],
    gone: &[Vec<bool>],
    total: usize,
) -> Option<(usize, usize)> {
    for _ in 0..20 {
        let mut x = r.below(total);
        for (wi, w) in works.iter().enumerate() {
            if x < w.articles.len() {
                if !gone[wi][x] {
                    return Some((wi, x));
                }
                break;
            }
            x -= w.articles.len();
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Amendments

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum OpKind {
    Replace,
    Insert,
    Repeal,
    Renumber,
    Substitute,
    ReplacePara,
    InsertPara,
}

const OP_KINDS: [OpKind; 7] = [
    OpKind::Replace,
    OpKind::Insert,
    OpKind::Repeal,
    OpKind::Renumber,
    OpKind::Substitute,
    OpKind::ReplacePara,
    OpKind::InsertPara,
];
const OP_WEIGHTS: [usize; 7] = [20, 12, 10, 6, 30, 12, 10];

enum Occurrence {
    /// Exactly one occurrence, no suffix.
    Only,
    Nth(usize),
    All,
}

struct Substitution {
    find: String,
    with: String,
    occurrence: Occurrence,
    quotes: (&'static str, &'static str),
}

struct Op {
    kind: OpKind,
    /// The article named (for an insertion, the one it follows).
    art: usize,
    seed: u64,
    /// A 1-based paragraph number, for paragraph operations.
    para: usize,
    subst: Option<Substitution>,
}

struct MappingChange {
    standard: usize,
    provision: usize,
    element: Option<usize>,
    article: String,
    status: &'static str,
}

struct Amendment {
    id: String,
    work: usize,
    lang: Lang,
    status: &'static str,
    kind: &'static str,
    committee: bool,
    sponsor: &'static str,
    submitted: Date,
    enacted: Option<Date>,
    ops: Vec<Op>,
    change: Option<MappingChange>,
    topic: usize,
}

const TOPICS: &[(&str, &str, &str)] = &[
    ("wages", "the protection of wages", "حماية الأجور"),
    (
        "passports",
        "the retention of passports",
        "احتجاز جوازات السفر",
    ),
    ("recruitment", "recruitment", "الاستقدام"),
    ("shelters", "shelters for victims", "مراكز الإيواء"),
    ("penalties", "penalties", "العقوبات"),
    ("inspection", "labour inspection", "تفتيش العمل"),
    ("contracts", "employment contracts", "عقود العمل"),
    ("residence", "residence permits", "تصاريح الإقامة"),
    ("victims", "the protection of victims", "حماية المجني عليهم"),
    ("fees", "recruitment fees", "رسوم الاستقدام"),
];

const SPONSORS: &[&str] = &[
    "Ministry of Social Affairs and Labour",
    "Public Authority for Manpower",
    "A group of Members of the National Assembly",
    "Ministry of Interior",
    "Ministry of Justice",
];

fn plan_amendments(
    opts: &GenerateOptions,
    v: &Vocab,
    works: &[Work],
    instruments: &[Instrument],
) -> Vec<Amendment> {
    let mut r = Rng::new(derive(opts.seed, &[3]));
    let mut used: Vec<Vec<bool>> = works
        .iter()
        .map(|w| vec![false; w.articles.len()])
        .collect();
    let mut list = Vec::new();

    if let Some(bi) = works.iter().position(|w| w.bench) {
        let mut kinds = Vec::with_capacity(BENCH_TOUCHED);
        kinds.extend([OpKind::Replace; 7]);
        kinds.extend([OpKind::Substitute; 7]);
        kinds.extend([OpKind::Insert; 3]);
        kinds.extend([OpKind::Repeal; 3]);
        let mut ops: Vec<Op> = kinds
            .into_iter()
            .filter_map(|k| try_op(&mut r, v, &works[bi], &mut used[bi], k, Lang::En))
            .collect();
        ops.sort_by_key(|o| o.art);
        list.push(Amendment {
            id: BENCH_AMENDMENT.to_string(),
            work: bi,
            lang: Lang::En,
            status: "submitted",
            kind: "bill",
            committee: false,
            sponsor: SPONSORS[0],
            submitted: Date {
                y: 2026,
                m: 1,
                d: 15,
            },
            enacted: None,
            ops,
            change: None,
            topic: 0,
        });
    }

    let targets: Vec<usize> = (0..works.len()).filter(|&i| !works[i].bench).collect();
    if targets.is_empty() {
        return list;
    }
    let count = (opts.articles / 400).max(24);
    let mut serial = 0usize;
    for i in 0..count {
        // The first amendments cover every operation in both languages, first
        // pending and then enacted; the rest are drawn at random.
        let (forced, lang, status) = if i < 14 {
            let lang = if i < 7 { Lang::En } else { Lang::Ar };
            (
                Some(OP_KINDS[i % 7]),
                lang,
                ["draft", "submitted", "in-committee", "approved"][i % 4],
            )
        } else if i < 21 {
            let lang = if i % 2 == 0 { Lang::En } else { Lang::Ar };
            (Some(OP_KINDS[i - 14]), lang, "enacted")
        } else {
            let lang = if r.chance(25) { Lang::Ar } else { Lang::En };
            let status = [
                "draft",
                "submitted",
                "in-committee",
                "approved",
                "enacted",
                "rejected",
                "withdrawn",
            ][r.weighted(&[20, 15, 10, 15, 30, 5, 5])];
            (None, lang, status)
        };
        let nops = 1 + r.below(5);
        let mut wi = targets[r.below(targets.len())];
        for _ in 0..10 {
            let free = used[wi].iter().filter(|&&u| !u).count();
            if free > nops * 3 {
                break;
            }
            wi = targets[r.below(targets.len())];
        }
        let mut ops = Vec::with_capacity(nops);
        for k in 0..nops {
            let kind = match forced {
                Some(kind) if k == 0 => kind,
                _ => OP_KINDS[r.weighted(&OP_WEIGHTS)],
            };
            if let Some(op) = try_op(&mut r, v, &works[wi], &mut used[wi], kind, lang) {
                ops.push(op);
            }
        }
        if ops.is_empty() {
            continue;
        }
        ops.sort_by_key(|o| o.art);
        serial += 1;
        let work = &works[wi];
        let topic = r.below(TOPICS.len());
        let enacted = (status == "enacted").then(|| {
            let y = work.in_force.y + 1 + r.below(2025 - work.in_force.y as usize) as u16;
            Date::random(&mut r, y.min(2025))
        });
        let kind = if status == "enacted" {
            ["bill", "decree-law", "court-ruling", "ministerial"][r.weighted(&[55, 20, 10, 15])]
        } else {
            ["bill", "decree-law", "ministerial"][r.weighted(&[70, 15, 15])]
        };
        let submitted = match enacted {
            Some(e) => Date::random(&mut r, e.y - 1),
            None => {
                let y = 2025 + r.below(2) as u16;
                Date::random(&mut r, y)
            }
        };
        let pending = matches!(status, "draft" | "submitted" | "in-committee" | "approved");
        let change = if pending && !instruments.is_empty() && r.chance(40) {
            mapping_change(&mut r, work, &ops, instruments)
        } else {
            None
        };
        list.push(Amendment {
            id: format!("amend-{serial:04}-{}", TOPICS[topic].0),
            work: wi,
            lang,
            status,
            kind,
            committee: pending && r.chance(15),
            sponsor: if kind == "court-ruling" {
                "Constitutional Court"
            } else {
                SPONSORS[r.below(SPONSORS.len())]
            },
            submitted,
            enacted,
            ops,
            change,
            topic,
        });
    }
    list
}

fn mapping_change(
    r: &mut Rng,
    work: &Work,
    ops: &[Op],
    instruments: &[Instrument],
) -> Option<MappingChange> {
    let op = ops
        .iter()
        .find(|o| !matches!(o.kind, OpKind::Repeal | OpKind::Renumber))?;
    let num = work.articles[op.art].num;
    let article = match op.kind {
        OpKind::Insert => format!("{}/~{}", work.id(), num.bis().eid()),
        _ => format!("{}/~{}", work.id(), num.eid()),
    };
    let standard = r.below(instruments.len());
    let provision = r.below(instruments[standard].provisions.len());
    let n = instruments[standard].provisions[provision].elements.len();
    Some(MappingChange {
        standard,
        provision,
        element: (n > 0).then(|| r.below(n)),
        article,
        status: if r.chance(70) { "full" } else { "partial" },
    })
}

/// Picks a free article of `work` the operation can aim at, marks it used and
/// returns the operation: random tries first, then a scan.
fn try_op(
    r: &mut Rng,
    v: &Vocab,
    work: &Work,
    used: &mut [bool],
    kind: OpKind,
    lang: Lang,
) -> Option<Op> {
    let n = work.articles.len();
    if n == 0 {
        return None;
    }
    let start = r.below(n);
    let candidates = (0..12)
        .map(|_| r.below(n))
        .collect::<Vec<_>>()
        .into_iter()
        .chain((0..n).map(|k| (start + k) % n));
    for i in candidates {
        if used[i] {
            continue;
        }
        let art = &work.articles[i];
        let seed = derive(art.seed, &[9, kind as u64]);
        let mut op = Op {
            kind,
            art: i,
            seed,
            para: 0,
            subst: None,
        };
        match kind {
            OpKind::Replace | OpKind::Repeal => {}
            OpKind::Insert | OpKind::Renumber => {
                // The new number is the free `N bis` after a plain `N`.
                if art.num.suffix != 0 || work.find(art.num.bis()).is_some() {
                    continue;
                }
            }
            OpKind::ReplacePara | OpKind::InsertPara => {
                let plain = work.shape(i).plain_paras();
                if plain.is_empty() {
                    continue;
                }
                op.para = r.pick(&plain);
            }
            OpKind::Substitute => {
                let shape = work.shape(i);
                let paras = article_text(v, art.seed, &shape, lang);
                let title = shape.title.map(|t| match lang {
                    Lang::En => ART_TITLES[t].0,
                    Lang::Ar => ART_TITLES[t].1,
                });
                let Some(s) = substitution(r, v, &paras, title, lang) else {
                    continue;
                };
                op.subst = Some(s);
            }
        }
        used[i] = true;
        return Some(op);
    }
    None
}

/// A letter, digit or Arabic mark: something a word boundary cannot split.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || ('\u{064B}'..='\u{065F}').contains(&c)
        || c == '\u{0670}'
        || c == '\u{0640}'
}

/// Occurrences of `phrase` in `text`, overlapping ones included; `None` when
/// one of them does not start and end on a word boundary.
fn count_whole(text: &str, phrase: &str) -> Option<usize> {
    let mut count = 0;
    for (pos, _) in text.char_indices() {
        if !text[pos..].starts_with(phrase) {
            continue;
        }
        let before = text[..pos].chars().next_back();
        let after = text[pos + phrase.len()..].chars().next();
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            return None;
        }
        count += 1;
    }
    Some(count)
}

fn substitution(
    r: &mut Rng,
    v: &Vocab,
    paras: &[Para],
    title: Option<&str>,
    lang: Lang,
) -> Option<Substitution> {
    let segments: Vec<&str> = paras
        .iter()
        .flat_map(|p| std::iter::once(p.text.as_str()).chain(p.points.iter().map(String::as_str)))
        .collect();
    for _ in 0..10 {
        let seg = r.pick(&segments);
        let words: Vec<&str> = seg.split(' ').collect();
        let len = [1, 2, 2, 3, 3, 3, 4, 4][r.below(8)].min(words.len());
        let start = r.below(words.len() - len + 1);
        let phrase = words[start..start + len]
            .join(" ")
            .trim_end_matches(['.', ',', ';', ':', '،', '؛'])
            .to_string();
        if phrase.chars().count() < 3
            || phrase.contains(['.', ';', ':', '؛', '"', '“', '”', '«', '»', '(', ')'])
            || (len > 1 && words[start] == words[start + len - 1])
            || title.is_some_and(|t| t.contains(phrase.as_str()))
        {
            continue;
        }
        let mut count = 0;
        let mut whole = true;
        for s in &segments {
            match count_whole(s, &phrase) {
                Some(c) => count += c,
                None => whole = false,
            }
        }
        if !whole || count == 0 {
            continue;
        }
        let occurrence = if count == 1 {
            if r.chance(85) {
                Occurrence::Only
            } else {
                Occurrence::Nth(1)
            }
        } else if r.chance(50) {
            Occurrence::All
        } else {
            Occurrence::Nth(1 + r.below(count))
        };
        let with = if len > 1 && r.chance(12) {
            String::new()
        } else {
            let mut s = String::new();
            match lang {
                Lang::En => {
                    s.push_str(if r.chance(50) {
                        r.pick(EN_OBJ)
                    } else {
                        r.pick(EN_MOD)
                    });
                }
                Lang::Ar => {
                    let list = if r.chance(50) { &v.obj } else { &v.modif };
                    s.push_str(&list[r.below(list.len())].plain);
                }
            }
            s
        };
        if with == phrase {
            continue;
        }
        let quotes = match lang {
            Lang::En => [("\"", "\""), ("“", "”"), ("«", "»")][r.weighted(&[60, 30, 10])],
            Lang::Ar => [("«", "»"), ("\"", "\"")][r.weighted(&[80, 20])],
        };
        return Some(Substitution {
            find: phrase,
            with,
            occurrence,
            quotes,
        });
    }
    None
}

/// An article reference in an amendment heading.
fn art_ref(num: Num, lang: Lang, indic: bool) -> String {
    match lang {
        Lang::En => format!("Article {}", num.en()),
        Lang::Ar => format!("المادة {}", num.ar(indic, AR_BIS_WORDS[0])),
    }
}

fn write_amendment(
    out: &mut String,
    v: &Vocab,
    am: &Amendment,
    works: &[Work],
    instruments: &[Instrument],
) {
    let work = &works[am.work];
    let mut r = Rng::new(derive(am.ops.first().map_or(0, |o| o.seed), &[10]));
    let (_, topic_en, topic_ar) = TOPICS[am.topic];
    out.push_str("---\n");
    w!(out, "id: {}\n", am.id);
    let title = match am.lang {
        Lang::En => format!(
            "Amendment of Law No. {} of {} on {topic_en}",
            work.number, work.year
        ),
        Lang::Ar => format!(
            "تعديل القانون رقم {} لسنة {} في شأن {topic_ar}",
            work.number, work.year
        ),
    };
    w!(out, "title: {}\n", q(&title));
    w!(out, "amends: {}\n", work.id());
    w!(out, "kind: {}\nstatus: {}\n", am.kind, am.status);
    w!(
        out,
        "visibility: {}\n",
        if am.committee { "committee" } else { "public" }
    );
    w!(out, "sponsor: {}\n", q(am.sponsor));
    w!(out, "submitted: {}\n", am.submitted);
    if let Some(e) = am.enacted {
        w!(out, "enacted: {e}\nin_force: {}\n", e.later(14));
    }
    out.push_str(
        "note: \"Synthetic amendment written by the mizan generator; not a real proposal.\"\n",
    );
    if let Some(c) = &am.change {
        let inst = &instruments[c.standard];
        let p = &inst.provisions[c.provision];
        out.push_str("mapping_changes:\n");
        w!(out, "  - standard: {}\n    provision: {}\n", inst.id, p.eid);
        if let Some(e) = c.element {
            w!(out, "    element: {}\n", p.elements[e].id);
        }
        w!(
            out,
            "    articles: [{}]\n    status: {}\n",
            c.article,
            c.status
        );
        w!(
            out,
            "    rationale: {}\n",
            q("Once in force, the amended article would regulate the matter.")
        );
    }
    out.push_str("---\n");

    for op in &am.ops {
        let num = work.articles[op.art].num;
        let indic = r.chance(50);
        let target = art_ref(num, am.lang, indic);
        out.push_str("\n## ");
        match (op.kind, am.lang) {
            (OpKind::Replace, Lang::En) => w!(out, "Replace {target}"),
            (OpKind::Replace, Lang::Ar) => w!(out, "استبدال {target}"),
            (OpKind::Insert, lang) => {
                let new = art_ref(num.bis(), lang, indic);
                match lang {
                    Lang::En => w!(out, "Insert {new} after {target}"),
                    Lang::Ar => w!(out, "إضافة {new} بعد {target}"),
                }
            }
            (OpKind::Repeal, Lang::En) => w!(out, "Repeal {target}"),
            (OpKind::Repeal, Lang::Ar) => w!(out, "إلغاء {target}"),
            (OpKind::Renumber, lang) => {
                let new = art_ref(num.bis(), lang, indic);
                match lang {
                    Lang::En => w!(out, "Renumber {target} as {new}"),
                    Lang::Ar => w!(out, "إعادة ترقيم {target} إلى {new}"),
                }
            }
            (OpKind::Substitute, lang) => {
                if let Some(s) = &op.subst {
                    let (open, close) = s.quotes;
                    match lang {
                        Lang::En => w!(
                            out,
                            "In {target}, substitute {open}{}{close} with {open}{}{close}",
                            s.find,
                            s.with
                        ),
                        Lang::Ar => w!(
                            out,
                            "في {target}، يستبدل {open}{}{close} بـ {open}{}{close}",
                            s.find,
                            s.with
                        ),
                    }
                    match (&s.occurrence, lang) {
                        (Occurrence::Only, _) => {}
                        (Occurrence::Nth(k), Lang::En) => w!(out, " (occurrence {k})"),
                        (Occurrence::Nth(k), Lang::Ar) => w!(out, " (المرة {k})"),
                        (Occurrence::All, Lang::En) => out.push_str(" (all)"),
                        (Occurrence::All, Lang::Ar) => out.push_str(" (الكل)"),
                    }
                }
            }
            (OpKind::ReplacePara, Lang::En) => w!(out, "Replace {target} paragraph {}", op.para),
            (OpKind::ReplacePara, Lang::Ar) => w!(out, "استبدال الفقرة {} من {target}", op.para),
            (OpKind::InsertPara, Lang::En) => {
                w!(out, "Insert paragraph after {target} paragraph {}", op.para)
            }
            (OpKind::InsertPara, Lang::Ar) => {
                w!(out, "إضافة فقرة بعد الفقرة {} من {target}", op.para)
            }
        }
        out.push('\n');
        match op.kind {
            OpKind::Replace | OpKind::Insert => {
                let shape = shape(op.seed, 60);
                if let Some(t) = shape.title {
                    let t = match am.lang {
                        Lang::En => ART_TITLES[t].0,
                        Lang::Ar => ART_TITLES[t].1,
                    };
                    w!(out, "\n### {t}\n");
                }
                push_body(out, &article_text(v, op.seed, &shape, am.lang), am.lang);
            }
            OpKind::ReplacePara | OpKind::InsertPara => {
                let mut pr = Rng::new(op.seed);
                let n = pr.range(1, 2);
                out.push('\n');
                sentences(&mut pr, v, am.lang, n, out);
                out.push('\n');
            }
            OpKind::Repeal | OpKind::Renumber | OpKind::Substitute => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_render_and_normalise() {
        let n = Num {
            base: 12,
            suffix: 2,
        };
        assert_eq!(n.eid(), "art_12bis_a");
        assert_eq!(n.en(), "12 bis (a)");
        assert_eq!(n.ar(true, "مكرراً"), "١٢ مكرراً (أ)");
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn whole_word_counting() {
        assert_eq!(count_whole("the wage and the wages", "the wage"), None);
        assert_eq!(count_whole("the wage and the wage.", "the wage"), Some(2));
        assert_eq!(count_whole("pay the wage", "wage"), Some(1));
    }

    #[test]
    fn vocabulary_is_nfc_and_free_of_markdown() {
        let v = Vocab::new();
        for w in v
            .subj
            .iter()
            .chain(&v.obj)
            .chain(&v.modif)
            .chain(&v.penalty)
        {
            for s in std::iter::once(&w.plain).chain(&w.marked) {
                assert!(unicode_normalization::is_nfc(s), "{s}");
            }
        }
        for s in EN_OBJ.iter().chain(EN_MOD).chain(EN_SUBJ) {
            assert!(!s.contains(['*', '_', '`', '[', '<', '#', '"']), "{s}");
        }
    }
}
