//! Vocabulary. English strings are plain ASCII (plus dashes); Arabic
//! strings may carry a vowelled alternative after `|`, normalised to NFC
//! on load.

use unicode_normalization::UnicodeNormalization;

use crate::rng::Rng;

pub(crate) const EN_SUBJ: &[&str] = &[
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
pub(crate) const EN_VERB: &[(&str, &str, &str)] = &[
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

pub(crate) const EN_OBJ: &[&str] = &[
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

pub(crate) const EN_MOD: &[&str] = &[
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

pub(crate) const EN_PENALTY: &[&str] = &[
    "imprisonment for a term not exceeding three years",
    "imprisonment for fifteen years",
    "a fine of not less than one thousand dinars",
    "imprisonment for a term not exceeding one year and a fine not exceeding five hundred dinars, or either of these penalties",
    "imprisonment for life",
    "a fine not exceeding ten thousand dinars",
];

pub(crate) const EN_COND: &[&str] = &[
    "the victim is a child",
    "the offender is a public official",
    "the offence is committed by an organised criminal group",
    "the offence results in the death of the victim",
    "the offender uses a weapon",
    "the victim is a woman or a person with a disability",
    "the offence is repeated within five years",
];

pub(crate) const EN_TERMS: &[(&str, &str)] = &[
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

pub(crate) const AR_SUBJ: &[&str] = &[
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

pub(crate) const AR_VERB: &[&str] = &[
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

pub(crate) const AR_PAST: &[&str] = &[
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

pub(crate) const AR_MASDAR: &[&str] = &[
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

pub(crate) const AR_OBJ: &[&str] = &[
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

pub(crate) const AR_MOD: &[&str] = &[
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

pub(crate) const AR_PENALTY: &[&str] = &[
    "بالحبس مدة لا تزيد على ثلاث سنوات|بالحَبْس مُدَّة لا تَزِيد على ثَلاث سَنَوات",
    "بالحبس خمس عشرة سنة",
    "بغرامة لا تقل عن ألف دينار|بِغَرامَة لا تَقِلّ عن أَلْف دِينار",
    "بالحبس مدة لا تزيد على سنة وبغرامة لا تجاوز خمسمائة دينار أو بإحدى هاتين العقوبتين",
    "بالحبس المؤبد",
    "بغرامة لا تجاوز عشرة آلاف دينار",
];

pub(crate) const AR_COND: &[&str] = &[
    "كان المجني عليه طفلاً",
    "كان الجاني موظفاً عاماً",
    "ارتكبت الجريمة من جماعة إجرامية منظمة",
    "نتج عن الجريمة وفاة المجني عليه",
    "استعمل الجاني السلاح",
    "كانت المجني عليها امرأة أو من ذوي الإعاقة",
    "عاد الجاني إلى ارتكاب الجريمة خلال خمس سنوات",
];

pub(crate) const AR_TERMS: &[(&str, &str)] = &[
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

pub(crate) const AR_PUNISHED: &str = "يعاقب|يُعاقَب";

/// Article titles, English and Arabic.
pub(crate) const ART_TITLES: &[(&str, &str)] = &[
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

pub(crate) const CONTAINER_TITLES: &[(&str, &str)] = &[
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
pub(crate) const WORK_SUBJECTS: &[(&str, &str, &str)] = &[
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

pub(crate) const EN_NUMBER_WORDS: [&str; 10] = [
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
];

pub(crate) const AR_ORDINALS: [&str; 10] = [
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

pub(crate) const EN_ART_SEPS: [&str; 4] = [": ", " - ", " – ", " — "];
pub(crate) const AR_ART_SEPS: [&str; 3] = [": ", " - ", " – "];

/// A word or phrase with an optional vowelled (harakat) form.
pub(crate) struct ArWord {
    pub(crate) plain: String,
    pub(crate) marked: Option<String>,
}

/// The Arabic vocabulary, normalised to NFC once.
pub(crate) struct Vocab {
    pub(crate) subj: Vec<ArWord>,
    pub(crate) obj: Vec<ArWord>,
    pub(crate) modif: Vec<ArWord>,
    pub(crate) penalty: Vec<ArWord>,
    pub(crate) punished: ArWord,
}

pub(crate) fn ar_word(src: &str) -> ArWord {
    let mut parts = src.splitn(2, '|');
    let plain = parts.next().unwrap_or_default().nfc().collect();
    let marked = parts.next().map(|m| m.nfc().collect());
    ArWord { plain, marked }
}

impl Vocab {
    pub(crate) fn new() -> Self {
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
pub(crate) const AR_NON_JOINING: &str = "اأإآدذرزوؤةىء";

pub(crate) fn push_ar(r: &mut Rng, out: &mut String, w: &ArWord) {
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
pub(crate) fn push_with_tatweel(r: &mut Rng, out: &mut String, s: &str) {
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

pub(crate) fn push_cap(out: &mut String, s: &str) {
    let mut chars = s.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
