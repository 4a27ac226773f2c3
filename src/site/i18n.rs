//! The site's interface text, in English and Arabic, from one catalogue.
//!
//! Every word the site itself says (menus, headings, labels, the names of
//! statuses and themes) lives in [`MESSAGES`], once, with both languages side
//! by side, so a translator reviews one table and no template carries a
//! string of its own. Templates ask for a key with `t("key")`; a key missing
//! here fails the build (and a test checks every key the templates use).
//!
//! The helpers below write numbers, sizes and dates the way each language's
//! readers expect, in the digits `mizan.toml` sets for the language
//! ([`Numerals`]; Arabic-Indic `١٢٣` for Arabic by default) and with Arabic
//! month names and units on Arabic pages; corpus text is never touched.

use std::borrow::Cow;

use crate::corpus::Lang;
use crate::date::Date;
use crate::settings::Numerals;
use crate::text::arabic_indic_digits;

/// One interface message in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    pub key: &'static str,
    pub en: &'static str,
    pub ar: &'static str,
}

impl Message {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ar => self.ar,
        }
    }
}

macro_rules! messages {
    ($($key:literal => $en:literal, $ar:literal;)*) => {
        /// The catalogue, sorted by key (a test checks the order).
        pub const MESSAGES: &[Message] = &[$(Message { key: $key, en: $en, ar: $ar }),*];
    };
}

messages! {
    "amend.after" => "After", "بعد";
    "amend.before" => "Before", "قبل";
    "amend.closes" => "Gaps it would close", "الفجوات التي يسدّها";
    "amend.committee_only" => "Committee only: not for publication", "للجنة فقط: غير مخصص للنشر";
    "amend.comparative" => "Comparative print", "المقارنة المتقابلة";
    "amend.current" => "Current text", "النص الحالي";
    "amend.effect" => "Effect on the assessment", "الأثر في التقييم";
    "amend.effect_col" => "Effect", "الأثر";
    "amend.enacted" => "Enacted", "تاريخ الإصدار";
    "amend.illustrative" => "Illustrative draft", "مشروع توضيحي";
    "amend.illustrative_note" => "An illustrative draft written for this assessment: no official body has proposed this text.", "مشروع توضيحي أُعدّ لهذا التقييم: لم تقترح أي جهة رسمية هذا النص.";
    "amend.in_force" => "In force from", "تاريخ النفاذ";
    "amend.kind" => "Kind", "النوع";
    "amend.legend" => "Inserted words are underlined; deleted words are struck through.", "الكلمات المضافة مسطّر تحتها، والكلمات المحذوفة مشطوبة.";
    "amend.no_changes" => "This amendment changes no mapping entry.", "لا يغيّر هذا التعديل أي بند من بنود التقييم.";
    "amend.none" => "No amendments.", "لا توجد تعديلات.";
    "amend.pending" => "Pending amendments", "التعديلات المقترحة";
    "amend.proposed" => "As it would read", "النص كما سيصبح";
    "amend.redline" => "Redline", "النص مع التعديلات";
    "amend.scores" => "Scores before and after", "الدرجات قبل التعديل وبعده";
    "amend.sponsor" => "Sponsor", "مقدّم الاقتراح";
    "amend.stale" => "Changes written only in the other language, which this text does not show yet:", "تعديلات مكتوبة باللغة الأخرى فقط، لا يظهرها هذا النص بعد:";
    "amend.submitted" => "Submitted", "تاريخ التقديم";
    "amend.targets" => "Amends", "القانون المعدَّل";
    "amend.text" => "Text of the amendment", "نص التعديل";
    "amend.visibility" => "Visibility", "النشر";
    "amendkind.bill" => "Bill", "مشروع قانون";
    "amendkind.court-ruling" => "Court ruling", "حكم قضائي";
    "amendkind.decree-law" => "Decree-law", "مرسوم بقانون";
    "amendkind.ministerial" => "Ministerial decision", "قرار وزاري";
    "amendstatus.approved" => "Approved", "أُقرّ";
    "amendstatus.draft" => "Draft", "مسودة";
    "amendstatus.enacted" => "Enacted", "صدر";
    "amendstatus.in-committee" => "In committee", "قيد الدراسة في اللجنة";
    "amendstatus.rejected" => "Rejected", "رُفض";
    "amendstatus.submitted" => "Submitted", "قُدّم";
    "amendstatus.withdrawn" => "Withdrawn", "سُحب";
    "authority.official" => "Official text", "النص الرسمي";
    "authority.unofficial-summary" => "Unofficial summary, not the official text", "ملخص غير رسمي، وليس النص الرسمي";
    "authority.unofficial-translation" => "Unofficial translation", "ترجمة غير رسمية";
    "basis.corpus-only" => "Not found in this corpus", "غير موجود في هذه المجموعة";
    "basis.verified" => "Verified in law", "ثابت في القانون";
    "change.added" => "New article", "مادة جديدة";
    "change.modified" => "Amended", "معدَّلة";
    "change.renumbered" => "Renumbered", "أُعيد ترقيمها";
    "change.repealed" => "Repealed", "ملغاة";
    "change.unchanged" => "Unchanged", "دون تغيير";
    "common.all" => "All", "الكل";
    "common.article" => "Article", "المادة";
    "common.articles" => "Articles", "المواد";
    "common.basis" => "Basis of the finding", "أساس النتيجة";
    "common.benchmark" => "Benchmark", "معيار مرجعي";
    "common.binding" => "Binding", "ملزِم";
    "common.citation" => "Provision", "الحكم";
    "common.instrument" => "Instrument", "الصك";
    "common.none" => "None", "لا يوجد";
    "common.note" => "Note", "ملاحظة";
    "common.obligation" => "Obligation", "درجة الإلزام";
    "common.rationale" => "Rationale", "الأسباب";
    "common.recommendation" => "Recommendation", "التوصية";
    "common.score" => "Score", "الدرجة";
    "common.source" => "Source", "المصدر";
    "common.sources" => "Sources", "المصادر";
    "common.status" => "Status", "الحالة";
    "common.summary" => "Summary", "الملخص";
    "common.theme" => "Theme", "المحور";
    "common.title" => "Title", "العنوان";
    "downloads.csv" => "Gap report (CSV, one row per provision and element)", "تقرير الفجوات (CSV، صف لكل حكم وعنصر)";
    "downloads.intro" => "The assessment in machine-readable form, for spreadsheets and questionnaires.", "التقييم بصيغة قابلة للمعالجة الآلية، لجداول البيانات والاستبيانات.";
    "downloads.json" => "Gap report (JSON)", "تقرير الفجوات (JSON)";
    "downloads.questionnaire" => "Questionnaire answers by theme (Markdown), with rationale and cited articles", "إجابات الاستبيانات حسب المحور (Markdown)، مع الأسباب والمواد المستشهد بها";
    "downloads.title" => "Downloads", "التنزيلات";
    "effect.closes" => "Closes the gap", "تسدّ الفجوة";
    "effect.improves" => "Improves", "تحسّن";
    "effect.reassessed" => "Reassessed", "يُعاد تقييمه";
    "effect.unchanged" => "Same status", "الحالة نفسها";
    "effect.worsens" => "Worsens", "تسوء";
    "element.element" => "Element", "العنصر";
    "element.title" => "Elements", "العناصر";
    "fallback.ar" => "Arabic only", "بالعربية فقط";
    "fallback.en" => "English only", "بالإنجليزية فقط";
    "fallback.other" => "In another language only", "بلغة أخرى فقط";
    "footer.disclaimer" => "An unofficial assessment written from public sources. The official texts are those published in the official gazette.", "تقييم غير رسمي أُعدّ من مصادر عامة. النصوص الرسمية هي المنشورة في الجريدة الرسمية.";
    "footer.made_with" => "Made with", "أُنشئ باستخدام";
    "gaps.filter" => "Filter the table", "تصفية الجدول";
    "gaps.filter_hint" => "Without scripts, every row is shown.", "تُعرض كل الصفوف عند تعطيل البرامج النصية.";
    "gaps.intro" => "Every provision of every instrument, with where the law stands against it. The status is written in words, so the table reads the same in greyscale print.", "كل حكم من أحكام كل صك، مع موقف القانون منه. الحالة مكتوبة بالكلمات، فيُقرأ الجدول كما هو عند الطباعة بالأبيض والأسود.";
    "gaps.provisions" => "Provisions", "الأحكام";
    "gaps.shown" => "Rows shown", "الصفوف المعروضة";
    "gaps.summary" => "Status by instrument", "الحالة حسب الصك";
    "gaps.title" => "Gap matrix", "مصفوفة الفجوات";
    "home.assessed" => "Assessed", "تاريخ التقييم";
    "home.benchmark_note" => "Instruments Kuwait is not party to, or soft law: measured as benchmarks of good practice.", "صكوك ليست الكويت طرفاً فيها، أو صكوك غير ملزمة: يُقاس بها بوصفها معايير للممارسة الجيدة.";
    "home.binding_note" => "Instruments Kuwait has ratified or acceded to: its law must meet them.", "صكوك صادقت عليها الكويت أو انضمت إليها: يجب أن يفي بها قانونها.";
    "home.by_theme" => "Scores by theme", "الدرجات حسب المحور";
    "home.intro" => "Where the law stands against the international standards the State has accepted, and what pending amendments would change.", "موقف القانون من المعايير الدولية التي قبلتها الدولة، وما ستغيّره التعديلات المقترحة.";
    "home.no_pending" => "No pending amendments.", "لا توجد تعديلات مقترحة.";
    "home.pending" => "Pending amendments", "التعديلات المقترحة";
    "home.pooled" => "All these instruments together", "هذه الصكوك مجتمعة";
    "home.score_note" => "The score weighs each provision by how strongly it obliges ({weights}) and credits full compliance 1 and partial 0.5. Not-applicable and unassessed provisions are counted but not scored.", "تزن الدرجة كل حكم بحسب درجة إلزامه ({weights})، وتحتسب الامتثال الكامل ١ والجزئي ٠٫٥. تُعدّ الأحكام غير المنطبقة وغير المقيّمة ولا تدخل في الدرجة.";
    "home.title" => "Dashboard", "لوحة المتابعة";
    "home.worst" => "The widest gaps", "أوسع الفجوات";
    "instrument.adopted" => "Adopted", "تاريخ الاعتماد";
    "instrument.body" => "Adopted by", "الجهة المعتمِدة";
    "instrument.in_force" => "In force", "تاريخ النفاذ";
    "instrument.kind" => "Kind", "النوع";
    "instrument.party" => "Party status", "موقف الدولة";
    "instrument.provisions" => "Provisions", "الأحكام";
    "instrument.title" => "Standards", "المعايير الدولية";
    "instrumentkind.convention" => "Convention", "اتفاقية";
    "instrumentkind.protocol" => "Protocol", "بروتوكول";
    "instrumentkind.soft-law" => "Soft law", "صك غير ملزم";
    "lang.ar" => "العربية", "العربية";
    "lang.en" => "English", "English";
    "lang.switch" => "Language", "اللغة";
    "langname.ar" => "Arabic", "العربية";
    "langname.en" => "English", "الإنجليزية";
    "nav.amendments" => "Amendments", "التعديلات";
    "nav.breadcrumb" => "Breadcrumb", "مسار التنقل";
    "nav.downloads" => "Downloads", "التنزيلات";
    "nav.gaps" => "Gap matrix", "مصفوفة الفجوات";
    "nav.home" => "Dashboard", "لوحة المتابعة";
    "nav.label" => "Main", "القائمة الرئيسية";
    "nav.search" => "Search", "البحث";
    "nav.skip" => "Skip to the content", "انتقل إلى المحتوى";
    "nav.standards" => "Standards", "المعايير";
    "nav.works" => "Laws", "القوانين";
    "obligation.consider" => "Consider", "للنظر";
    "obligation.endeavour" => "Endeavour", "السعي";
    "obligation.mandatory" => "Mandatory", "إلزامي";
    "obligation.qualified" => "Qualified", "إلزامي مشروط";
    "obligation.soft" => "Soft", "غير ملزم";
    "party.acceded" => "Acceded", "انضمت";
    "party.not-party" => "Not a party", "ليست طرفاً";
    "party.ratified" => "Ratified", "صادقت";
    "party.signed" => "Signed", "وقّعت";
    "profile.committee" => "Committee edition: contains material not for publication", "نسخة اللجنة: تتضمن مواد غير مخصصة للنشر";
    "provision.amendments" => "Pending amendments that would change it", "التعديلات المقترحة التي تغيّره";
    "provision.assessment" => "Assessment", "التقييم";
    "provision.implementing" => "Implementing articles", "المواد المنفِّذة";
    "provision.not_assessed" => "This provision has not been assessed yet.", "لم يُقيَّم هذا الحكم بعد.";
    "punct.comma" => ", ", "، ";
    "punct.period" => ". ", ". ";
    "punct.semicolon" => "; ", "؛ ";
    "resolve.found" => "Going to", "الانتقال إلى";
    "resolve.hint" => "Paste an Akoma Ntoso URI in any form: a work, an expression (a language, with a date after @), a component or a portion. The search box accepts them too. For example:", "الصق معرّف أكوما نتوسو بأي صيغة: العمل، أو التعبير (اللغة مع التاريخ بعد @)، أو المكوّن، أو الجزء. ويقبلها مربع البحث أيضاً. أمثلة:";
    "resolve.invalid" => "This is not an Akoma Ntoso URI. Example:", "هذا ليس معرّف أكوما نتوسو. مثال:";
    "resolve.label" => "Akoma Ntoso URI", "معرّف أكوما نتوسو";
    "resolve.not_found" => "No page in this site answers this URI.", "لا توجد صفحة في هذا الموقع لهذا المعرّف.";
    "resolve.submit" => "Go", "انتقال";
    "resolve.title" => "Find by URI", "البحث بالمعرّف";
    "search.count" => "Matching articles and provisions:", "عدد المواد والأحكام المطابقة:";
    "search.hint" => "Search the text of every article.", "ابحث في نصوص جميع المواد.";
    "search.http" => "Search needs the site to be served over HTTP (for example with mizan serve); it does not run from files opened directly.", "يتطلب البحث تقديم الموقع عبر HTTP (مثلاً بالأمر mizan serve)، ولا يعمل عند فتح الملفات مباشرة.";
    "search.in" => "Texts in", "النصوص باللغة";
    "search.label" => "Search the laws", "ابحث في القوانين";
    "search.no_results" => "No articles match.", "لا توجد مواد مطابقة.";
    "search.results" => "Results", "النتائج";
    "search.submit" => "Search", "بحث";
    "search.title" => "Search", "البحث";
    "sourcekind.ilo-ceacr" => "ILO Committee of Experts", "لجنة خبراء منظمة العمل الدولية";
    "sourcekind.ngo" => "NGO report", "تقرير منظمة غير حكومية";
    "sourcekind.official" => "Official source", "مصدر رسمي";
    "sourcekind.other" => "Other source", "مصدر آخر";
    "sourcekind.un-special-rapporteur" => "UN Special Rapporteur", "المقرر الخاص للأمم المتحدة";
    "sourcekind.un-treaty-body" => "UN treaty body", "هيئة معاهدات تابعة للأمم المتحدة";
    "sourcekind.us-tip-report" => "US Trafficking in Persons Report", "تقرير الولايات المتحدة عن الاتجار بالأشخاص";
    "status.conflict" => "Conflict", "تعارض";
    "status.full" => "Full", "كامل";
    "status.missing" => "Missing", "غائب";
    "status.not-applicable" => "Not applicable", "لا ينطبق";
    "status.partial" => "Partial", "جزئي";
    "status.unassessed" => "Unassessed", "لم يُقيَّم";
    "theme.cooperation" => "Cooperation", "التعاون";
    "theme.criminalization" => "Criminalization", "التجريم";
    "theme.definition" => "Definition", "التعريف";
    "theme.prevention" => "Prevention", "الوقاية";
    "theme.procedure" => "Procedure", "الإجراءات";
    "theme.protection" => "Protection", "الحماية";
    "visibility.committee" => "Committee only", "للجنة فقط";
    "visibility.public" => "Public", "عام";
    "work.amended_by" => "Amended by", "عُدِّلت بموجب";
    "work.amendments" => "Amendments to this law", "تعديلات هذا القانون";
    "work.as_of" => "text as of", "النص محدَّث حتى";
    "work.as_read" => "As read", "كما وردت";
    "work.contents" => "Contents", "المحتويات";
    "work.date" => "Signed", "تاريخ الإصدار";
    "work.extent_selection" => "This text is a selection of the law's articles.", "هذا النص مختارات من مواد القانون.";
    "work.in_force" => "In force", "تاريخ النفاذ";
    "work.in_force_from" => "In force from", "نافذة اعتباراً من";
    "work.issue" => "issue", "العدد";
    "work.mapped" => "Mapped provisions", "الأحكام المرتبطة";
    "work.missing_article" => "Not in this language", "غير متوفرة بهذه اللغة";
    "work.no_expression" => "There is no text of this law in this language; the text below is in another language.", "لا يتوفر نص لهذا القانون بهذه اللغة؛ النص أدناه بلغة أخرى.";
    "work.old_version" => "This is an earlier version of the law, no longer in force.", "هذه نسخة سابقة من القانون، لم تعد نافذة.";
    "work.parallel" => "Show both languages side by side", "اعرض اللغتين متجاورتين";
    "work.parallel_http" => "The side-by-side view reads the other language's page, which needs the site to be served over HTTP (for example with mizan serve); open that page from the language links instead.", "يقرأ العرض المتجاور صفحة اللغة الأخرى، وهذا يتطلب تقديم الموقع عبر HTTP (مثلاً بالأمر mizan serve)؛ افتح تلك الصفحة من روابط اللغات بدلاً من ذلك.";
    "work.publication" => "Published", "النشر";
    "work.repealed_by" => "Repealed by", "أُلغيت بموجب";
    "work.text" => "Text", "النص";
    "work.title" => "Laws", "القوانين";
    "work.version" => "Version", "النسخة";
    "work.version_current" => "Current text", "النص الساري";
    "work.versions" => "Versions", "النسخ";
    "workstatus.in-force" => "In force", "نافذ";
    "workstatus.partly-repealed" => "Partly repealed", "ملغى جزئياً";
    "workstatus.repealed" => "Repealed", "ملغى";
}

/// The message for `key`, if the catalogue has it.
pub fn lookup(key: &str) -> Option<&'static Message> {
    MESSAGES
        .binary_search_by(|m| m.key.cmp(key))
        .ok()
        .map(|i| &MESSAGES[i])
}

/// The text of `key` in `lang`, if the catalogue has it.
pub fn text(lang: Lang, key: &str) -> Option<&'static str> {
    lookup(key).map(|m| m.get(lang))
}

/// Writes the ASCII digits of `s` in `numerals`.
pub fn digits(numerals: Numerals, s: &str) -> Cow<'_, str> {
    match numerals {
        Numerals::ArabicIndic if s.bytes().any(|b| b.is_ascii_digit()) => {
            Cow::Owned(arabic_indic_digits(s))
        }
        _ => Cow::Borrowed(s),
    }
}

/// A decimal number (up to two places, no trailing zeros) in `numerals`:
/// `0.8`, `٠٫٨`.
pub fn decimal(numerals: Numerals, x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match numerals {
        Numerals::Western => s.to_owned(),
        Numerals::ArabicIndic => arabic_indic_digits(s).replace('.', "٫"),
    }
}

/// A whole number in `numerals`.
pub fn number(numerals: Numerals, n: u64) -> String {
    digits(numerals, &n.to_string()).into_owned()
}

/// A fraction in 0..=1 as a whole percentage: `72%`, `٧٢٪`.
pub fn percent(numerals: Numerals, fraction: f64) -> String {
    let pct = (fraction.clamp(0.0, 1.0) * 100.0).round() as u64;
    match numerals {
        Numerals::Western => format!("{pct}%"),
        Numerals::ArabicIndic => format!("{}٪", number(numerals, pct)),
    }
}

/// A file size in the units readers of `lang` write: `106 KB`, `١٠٦ ك.ب`
/// (bytes below a kilobyte, kilobytes below a megabyte, then megabytes;
/// a kilobyte is 1,024 bytes).
pub fn size(lang: Lang, numerals: Numerals, bytes: u64) -> String {
    const KB: u64 = 1024;
    let (value, unit) = if bytes < KB {
        (bytes.to_string(), 0)
    } else if bytes < KB * KB {
        ((bytes as f64 / KB as f64).round().to_string(), 1)
    } else {
        (
            decimal(Numerals::Western, bytes as f64 / (KB * KB) as f64),
            2,
        )
    };
    let units = match lang {
        Lang::En => ["B", "KB", "MB"],
        Lang::Ar => ["بايت", "ك.ب", "م.ب"],
    };
    let value = match numerals {
        Numerals::Western => value,
        Numerals::ArabicIndic => arabic_indic_digits(&value).replace('.', "٫"),
    };
    format!("{value}\u{a0}{}", units[unit])
}

const MONTHS_EN: [&str; 12] = [
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

/// The month names used in Kuwait's official Arabic.
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// A date as readers of `lang` write it: `17 March 2013`, `١٧ مارس ٢٠١٣`.
pub fn date(lang: Lang, numerals: Numerals, d: Date) -> String {
    let m = usize::from(d.month.clamp(1, 12) - 1);
    let month = match lang {
        Lang::En => MONTHS_EN[m],
        Lang::Ar => MONTHS_AR[m],
    };
    format!(
        "{} {month} {}",
        number(numerals, u64::from(d.day)),
        number(numerals, u64::from(d.year))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_sorted_and_keys_are_unique() {
        for pair in MESSAGES.windows(2) {
            assert!(
                pair[0].key < pair[1].key,
                "`{}` must sort before `{}`",
                pair[0].key,
                pair[1].key
            );
        }
    }

    #[test]
    fn every_message_has_both_languages() {
        for m in MESSAGES {
            assert!(!m.en.trim().is_empty(), "{} has no English", m.key);
            assert!(!m.ar.trim().is_empty(), "{} has no Arabic", m.key);
            if m.key != "lang.en" && m.key != "punct.period" {
                assert!(
                    m.ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                    "{}: the Arabic text has no Arabic letters",
                    m.key
                );
            }
        }
    }

    #[test]
    fn numbers_and_dates_follow_the_numerals() {
        let (ai, w) = (Numerals::ArabicIndic, Numerals::Western);
        assert_eq!(number(ai, 2013), "٢٠١٣");
        assert_eq!(number(w, 2013), "2013");
        assert_eq!(percent(ai, 0.724), "٧٢٪");
        assert_eq!(percent(w, 1.5), "100%");
        assert_eq!(decimal(ai, 0.25), "٠٫٢٥");
        assert_eq!(decimal(w, 1.0), "1");
        assert_eq!(decimal(w, 0.8), "0.8");
        let d = Date::new(2013, 3, 17).unwrap();
        assert_eq!(date(Lang::Ar, ai, d), "١٧ مارس ٢٠١٣");
        assert_eq!(date(Lang::Ar, w, d), "17 مارس 2013");
        assert_eq!(date(Lang::En, w, d), "17 March 2013");
    }

    #[test]
    fn sizes_are_written_in_each_languages_units() {
        let (ai, w) = (Numerals::ArabicIndic, Numerals::Western);
        assert_eq!(size(Lang::Ar, ai, 108_710), "١٠٦\u{a0}ك.ب");
        assert_eq!(size(Lang::En, w, 108_710), "106\u{a0}KB");
        assert_eq!(size(Lang::Ar, ai, 512), "٥١٢\u{a0}بايت");
        assert_eq!(size(Lang::Ar, ai, 3 * 1024 * 1024 / 2), "١٫٥\u{a0}م.ب");
        assert_eq!(size(Lang::En, w, 1024 * 1024), "1\u{a0}MB");
    }

    #[test]
    fn lookup_finds_keys_in_each_language() {
        assert_eq!(text(Lang::Ar, "status.missing"), Some("غائب"));
        assert_eq!(text(Lang::En, "status.missing"), Some("Missing"));
        assert_eq!(text(Lang::En, "no.such.key"), None);
    }
}
