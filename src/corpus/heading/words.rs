//! The number words and issuing headings the heading reader uses, as plain
//! tables (the words that begin a heading, `Article`, `الفصل`, are the
//! languages' `[headings]` in i18n/*.toml). Arabic words
//! are written folded (`fold_arabic_keyword`: no hamza on alef, final heh
//! for teh marbuta, yeh for alef maqsura) and, for number words, without
//! the definite article, which the reader strips.

/// Headings that open the issuing articles of a law (مواد الإصدار), folded
/// and lower case, with white space collapsed.
pub const ISSUING_HEADINGS: [&str; 4] = [
    "مواد الاصدار",
    "مواد اصدار",
    "issuing articles",
    "articles of promulgation",
];

/// English units and teens, cardinal and ordinal.
pub const ENGLISH_UNITS: [(&str, u32); 38] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
];

/// English tens, cardinal and ordinal.
pub const ENGLISH_TENS: [(&str, u32); 16] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
];

/// The English hundred, cardinal and ordinal (`one hundred`, `hundredth`).
pub const ENGLISH_HUNDRED: [&str; 2] = ["hundred", "hundredth"];
/// The word joining hundreds and the rest (`one hundred and one`).
pub const ENGLISH_AND: &str = "and";

/// Arabic ordinal units, masculine and feminine (`اول`, `اولي`), and the
/// forms used only before `عشر` or a tens word (`حادي`). Also `واحد`,
/// which some write in place of `حادي`.
pub const ARABIC_UNITS: [(&str, u32); 23] = [
    ("اول", 1),
    ("اولي", 1),
    ("حادي", 1),
    ("حاديه", 1),
    ("واحد", 1),
    ("ثاني", 2),
    ("ثانيه", 2),
    ("ثالث", 3),
    ("ثالثه", 3),
    ("رابع", 4),
    ("رابعه", 4),
    ("خامس", 5),
    ("خامسه", 5),
    ("سادس", 6),
    ("سادسه", 6),
    ("سابع", 7),
    ("سابعه", 7),
    ("ثامن", 8),
    ("ثامنه", 8),
    ("تاسع", 9),
    ("تاسعه", 9),
    ("عاشر", 10),
    ("عاشره", 10),
];

/// Unit words that stand for 1 only in compounds (`الحادي عشر`,
/// `الحادية والعشرون`), never alone.
pub const ARABIC_COMPOUND_ONLY: [&str; 3] = ["حادي", "حاديه", "واحد"];

/// The ten after a unit: `الحادي عشر`, `الحادية عشرة`.
pub const ARABIC_TEEN: [&str; 2] = ["عشر", "عشره"];

/// Arabic tens, nominative and oblique (`عشرون`, `عشرين`).
pub const ARABIC_TENS: [(&str, u32); 16] = [
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("اربعون", 40),
    ("اربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
];

/// Arabic hundreds in one word, in both spellings of مائة / مئة.
pub const ARABIC_HUNDREDS: [(&str, u32); 22] = [
    ("مائه", 100),
    ("مئه", 100),
    ("مائتان", 200),
    ("مائتين", 200),
    ("مئتان", 200),
    ("مئتين", 200),
    ("ثلاثمائه", 300),
    ("ثلاثمئه", 300),
    ("اربعمائه", 400),
    ("اربعمئه", 400),
    ("خمسمائه", 500),
    ("خمسمئه", 500),
    ("ستمائه", 600),
    ("ستمئه", 600),
    ("سبعمائه", 700),
    ("سبعمئه", 700),
    ("ثمانمائه", 800),
    ("ثمانمئه", 800),
    ("ثمانيمائه", 800),
    ("ثمانيمئه", 800),
    ("تسعمائه", 900),
    ("تسعمئه", 900),
];

/// The multipliers of a hundred written apart (`ثلاث مائة`).
pub const ARABIC_HUNDRED_MULTIPLIERS: [(&str, u32); 7] = [
    ("ثلاث", 3),
    ("اربع", 4),
    ("خمس", 5),
    ("ست", 6),
    ("سبع", 7),
    ("ثمان", 8),
    ("تسع", 9),
];

/// `و` joins a unit and its tens (`الثانية والعشرون`), and a hundred and
/// what follows it (`المائة والأولى`).
pub const ARABIC_AND: &str = "و";
/// `بعد` joins a number below a hundred to its hundreds (`الأولى بعد المائة`).
pub const ARABIC_AFTER: &str = "بعد";
/// The definite article, stripped from number words.
pub const ARABIC_DEFINITE: &str = "ال";
