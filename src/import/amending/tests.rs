//! Any mix of amending clauses makes a file the amendment reader accepts.

use super::*;
use crate::import::text_blocks;
use proptest::prelude::*;

/// Lines of amending laws, whole and in pieces, at random.
const LINES: [&str; 24] = [
    "مادة أولى",
    "مادة ثانية",
    "Article One",
    "Article 2",
    "يستبدل بنص المادة (٥) من القانون المشار إليه النص الآتي:",
    "«المادة (٥):",
    "نص جديد.»",
    "تضاف إلى القانون مادة جديدة برقم (٥ مكرراً) نصها الآتي:",
    "مادة (٥ مكرراً) - عنوان",
    "تلغى المادتان (٦) و(٧).",
    "يستبدل بعبارة «أ ب» الواردة في المادة (٣) عبارة «ج»",
    "يضاف إلى المادة (٣) فقرة جديدة بعد الفقرة الأولى نصها الآتي: «فقرة.»",
    "تلغى الفقرة الثانية من المادة (٤).",
    "Article 3 is replaced by the following:",
    "\"Article 3",
    "Text.\"",
    "In Article 4, the words \"a\" are replaced by \"b\".",
    "The following article is inserted after Article 4:",
    "Articles 8 and 9 are repealed.",
    "على الوزراء - كل فيما يخصه - تنفيذ هذا القانون.",
    "أمير الكويت",
    "# ) « \" ( * `",
    "يستبدل بنص البند (ب) من المادة (٢) النص الآتي:",
    "١- تلغى المادة ٣",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    /// Whatever the lines, the result is an amendment the reader
    /// accepts, or no amending law (M0805): never a file it refuses.
    #[test]
    fn any_mix_of_clauses_makes_a_file_the_reader_accepts(
        lines in prop::collection::vec(0..LINES.len(), 1..40)
    ) {
        let text: String = lines.iter().map(|i| LINES[*i]).collect::<Vec<_>>().join("\n");
        let path: Arc<Path> = Arc::from(Path::new("law.txt"));
        let options = AmendmentOptions {
            amends: Some(WorkId::parse("/akn/kw/act/2099/1").unwrap()),
            id: Some("law".into()),
            title: Some("قانون".into()),
            last_paragraphs: HashMap::from([(("ar".to_owned(), "3".to_owned()), 2)]),
            ..Default::default()
        };
        match amendment_from_blocks(&path, "law.txt", Kind::Text, text_blocks(&text), &options) {
            Ok(a) => {
                let (read, total) = a.share();
                prop_assert!(read <= total);
            }
            Err(ImportError::Unreadable(d, _)) => prop_assert_eq!(d.code, Code::ImportNoArticles),
            Err(ImportError::Invalid(d, md)) => {
                prop_assert!(false, "{text}\n---\n{md}\n---\n{:?}", d.iter().map(|d| &d.message).collect::<Vec<_>>());
            }
            Err(ImportError::Missing(m)) => prop_assert!(false, "{m:?}"),
        }
    }
}
