//! One clause of an amending law read into the operations it makes: the
//! gazette's formulas in Arabic (`يستبدل بنص المادة (٥) … النص الآتي`,
//! `تضاف … مادة جديدة برقم (٥ مكرراً)`, `تلغى المادة …`, `يستبدل بعبارة
//! «…» الواردة في المادة … عبارة «…»`, `يضاف إلى المادة … فقرة جديدة`) and
//! their English equivalents. Matching ignores case, diacritics, tatweel
//! and hamza; numbers are read in any digits, with or without parentheses.
//! A clause no formula fits is `Unknown`, never guessed at.

use crate::corpus::{article_reference, number_in_words};
use crate::ids::{ArticleNumber, fold_arabic_keyword, parse_article_number};
use crate::text::ascii_digit;

/// Where a new paragraph goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// After the article's last paragraph (which the statute's text tells).
    End,
    /// After paragraph `n`.
    After(u32),
}

/// What a clause asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    ReplaceArticle(ArticleNumber),
    ReplaceParagraph(ArticleNumber, u32),
    InsertArticle {
        article: ArticleNumber,
        after: ArticleNumber,
    },
    Repeal(ArticleNumber),
    RepealParagraph(ArticleNumber, u32),
    Substitute {
        article: ArticleNumber,
        find: String,
        with: String,
        all: bool,
    },
    InsertParagraph(ArticleNumber, Position),
}

impl Op {
    /// Whether the operation takes the text that follows the clause.
    pub fn takes_text(&self) -> bool {
        matches!(
            self,
            Op::ReplaceArticle(_)
                | Op::ReplaceParagraph(..)
                | Op::InsertArticle { .. }
                | Op::InsertParagraph(..)
        )
    }
}

/// A clause read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// The operations it makes (one or more), and the text after the
    /// clause's colon in the same paragraph, if any.
    Ops(Vec<Op>, Option<String>),
    /// An execution or final clause (`يعمل به من تاريخ نشره`): no
    /// operation, kept as a note.
    Execution,
    /// No formula fits.
    Unknown,
}

/// The text folded for matching: lower case, no diacritics, tatweel or
/// hamza forms, one space between words.
fn fold(text: &str) -> String {
    crate::text::collapse_whitespace(&fold_arabic_keyword(&text.to_lowercase()))
}

const EXECUTION: [&str; 12] = [
    "تنفيذ هذا القانون",
    "تنفيذ هذا المرسوم",
    "يعمل به",
    "يعمل بهذا القانون",
    "ينشر في الجريده الرسميه",
    "يلغي كل حكم يخالف",
    "shall implement this law",
    "shall execute this law",
    "shall carry out this law",
    "come into force",
    "published in the official gazette",
    "any provision contrary to",
];

/// A leading list mark (`١-`, `(٢)`, `3.`, `أولاً:`, `ثانياً -`) removed.
pub fn strip_enumerator(text: &str) -> &str {
    let t = text.trim_start();
    let digits = t
        .char_indices()
        .skip_while(|(_, c)| *c == '(')
        .take_while(|(_, c)| ascii_digit(*c).is_ascii_digit())
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = digits {
        let rest = t[end..].trim_start();
        if let Some(r) = rest.strip_prefix([')', '-', '.', '–', ':']) {
            return r.trim_start();
        }
    }
    let (word, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let bare = word.trim_end_matches([':', '-', '–']);
    let folded = fold_arabic_keyword(bare);
    const ORDINALS: [&str; 10] = [
        "اولا",
        "ثانيا",
        "ثالثا",
        "رابعا",
        "خامسا",
        "سادسا",
        "سابعا",
        "ثامنا",
        "تاسعا",
        "عاشرا",
    ];
    if ORDINALS.contains(&folded.as_str()) {
        let rest = rest.trim_start();
        return rest
            .strip_prefix([':', '-', '–'])
            .unwrap_or(rest)
            .trim_start();
    }
    t
}

/// The quoted passages of `text` (`«…»`, `"…"`, `“…”`), with the byte
/// offset of each opening mark.
fn quotes(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().expect("in bounds");
        let close = match c {
            '«' => Some('»'),
            '"' => Some('"'),
            '“' => Some('”'),
            _ => None,
        };
        if let Some(close) = close {
            let body = i + c.len_utf8();
            if let Some(end) = text[body..].find(close) {
                out.push((
                    i,
                    body + end + close.len_utf8(),
                    text[body..body + end].trim().to_owned(),
                ));
                i = body + end + close.len_utf8();
                continue;
            }
        }
        i += c.len_utf8();
    }
    out
}

/// Whether byte `i` lies inside one of `quoted`.
fn inside(quoted: &[(usize, usize, String)], i: usize) -> bool {
    quoted.iter().any(|(s, e, _)| i >= *s && i < *e)
}

const PLURAL_ARTICLE_WORDS: [&str; 5] = ["المادتين", "المادتان", "المواد", "بالمواد", "articles"];

/// Words that give a new article's number (`برقم (٥ مكرراً)`).
const NUMBER_WORDS: [&str; 3] = ["برقمي", "بارقام", "برقم"];

/// The article numbers `text` names outside quotes, in order, with the
/// offset of each: `المادة (٥)`, `المادتين ٣ و٤`, `Articles 3 and 4`,
/// `برقم (٥ مكرراً)`.
fn articles(text: &str) -> Vec<(usize, ArticleNumber)> {
    articles_by(text, true)
}

/// An article number, also in parentheses with its suffix (`(٥ مكرراً)`,
/// which the heading reader does not take).
fn number_at(text: &str) -> Option<(ArticleNumber, &str)> {
    let t = text.trim_start();
    if let Some(inner) = t.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && let Some((mut n, rest)) = parse_article_number(&inner[..close])
    {
        // `(٥ مكرراً (أ))`: the letter's own parentheses.
        let rest = rest.trim();
        if rest.is_empty() {
            return Some((n, &inner[close + 1..]));
        }
        if let Some(letter) = rest.strip_prefix('(') {
            let after = &inner[close + 1..];
            if let Some(end) = after.find(')')
                && let Some((m, _)) = parse_article_number(&format!("{} ({letter})", n.display))
            {
                n = m;
                return Some((n, &after[end + 1..]));
            }
        }
        if let Some((m, r)) = parse_article_number(&inner[..close].replace('(', " ")) {
            if r.trim().is_empty() {
                return Some((m, &inner[close + 1..]));
            }
        }
    }
    parse_article_number(t)
}

/// An article heading at the start of `text` (`مادة (٣ مكرراً) - العنوان`,
/// `Article 4 bis`): the number and the title after it.
pub fn heading(text: &str) -> Option<(ArticleNumber, Option<String>)> {
    let t = text.trim_start_matches(['«', '"', '“']).trim_start();
    let word: &str = t
        .split(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let folded = fold(word);
    if !ARTICLE_WORDS.contains(&folded.as_str()) {
        return None;
    }
    let (n, rest) = number_at(&t[word.len()..]).or_else(|| article_reference(t))?;
    let rest = rest.trim();
    let rest = rest
        .strip_prefix([':', '-', '–', '—', '.'])
        .unwrap_or(rest)
        .trim();
    Some((n, (!rest.is_empty()).then(|| rest.to_owned())))
}

const ARTICLE_WORDS: [&str; 5] = ["الماده", "ماده", "بالماده", "للماده", "article"];

/// [`articles`], with numbers after `برقم` only when `numbered`.
fn articles_by(text: &str, numbered: bool) -> Vec<(usize, ArticleNumber)> {
    let quoted = quotes(text);
    let mut out: Vec<(usize, ArticleNumber)> = Vec::new();
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            text.char_indices()
                .filter(|(_, c)| c.is_whitespace() || *c == '(' || *c == '«')
                .map(|(i, c)| i + c.len_utf8()),
        )
        .collect();
    let mut skip_to = 0;
    for start in starts {
        if start < skip_to || start >= text.len() || inside(&quoted, start) {
            continue;
        }
        let rest = &text[start..];
        let word: String = rest
            .split(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("")
            .to_owned();
        let folded = fold(&word);
        if ARTICLE_WORDS.contains(&folded.as_str())
            && let Some((n, after)) = number_at(&rest[word.len()..])
        {
            out.push((start, n));
            skip_to = text.len() - after.len();
            continue;
        }
        if let Some((n, after)) = article_reference(rest) {
            out.push((start, n));
            skip_to = text.len() - after.len();
            continue;
        }
        let bare = folded.strip_prefix('و').unwrap_or(&folded);
        let listed =
            |w: &str| PLURAL_ARTICLE_WORDS.contains(&w) || (numbered && NUMBER_WORDS.contains(&w));
        if listed(bare) || listed(folded.as_str()) {
            let mut r = &rest[word.len()..];
            while let Some((n, after)) = number_at(r) {
                out.push((text.len() - r.len(), n));
                r = after;
                // `و(٤)`, `، ٤`, `and 4`, `و ٤`.
                let t = r.trim_start();
                let t = t.strip_prefix([',', '،']).unwrap_or(t).trim_start();
                let t = t
                    .strip_prefix("and ")
                    .or_else(|| t.strip_prefix('و'))
                    .unwrap_or(t);
                if number_at(t).is_none() {
                    break;
                }
                r = t;
            }
            skip_to = text.len() - r.len();
        }
    }
    out
}

/// The number of a paragraph named after `word` (`الفقرة الثانية`,
/// `الفقرة (٢)`, `paragraph 2`, `second paragraph`) in folded text.
fn paragraph_number(folded: &str, words: &[&str]) -> Option<u32> {
    const EN: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    for w in words {
        let mut from = 0;
        while let Some(i) = folded[from..].find(w) {
            let at = from + i;
            from = at + w.len();
            let after = folded[from..].trim_start();
            let after = after.strip_prefix('(').unwrap_or(after);
            let digits: String = after
                .chars()
                .map(ascii_digit)
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(n) = digits.parse() {
                return Some(n);
            }
            if let Some((_, n, _)) = number_in_words(after) {
                return Some(n);
            }
            // `the second paragraph`: the word before.
            let before = folded[..at].trim_end();
            let last = before.rsplit(' ').next().unwrap_or("");
            if let Some(p) = EN.iter().position(|e| *e == last) {
                return Some(p as u32 + 1);
            }
        }
    }
    None
}

/// The text after the clause's colon, when the paragraph goes on after it.
fn inline_text(text: &str) -> Option<String> {
    let quoted = quotes(text);
    let colon = text
        .char_indices()
        .find(|(i, c)| *c == ':' && !inside(&quoted, *i))?
        .0;
    let rest = text[colon + 1..].trim();
    (!rest.is_empty()).then(|| rest.to_owned())
}

/// Whether a clause names a part of an article (a paragraph or an item),
/// so that reading it as the whole article would be wrong.
fn names_part(folded: &str) -> bool {
    any(
        folded,
        &["الفقره", "البند", "paragraph", "subparagraph", "item"],
    )
}

fn any(folded: &str, words: &[&str]) -> bool {
    words.iter().any(|w| folded.contains(w))
}

fn starts(folded: &str, words: &[&str]) -> bool {
    let first = folded.split(' ').next().unwrap_or("");
    let first = first
        .strip_prefix('و')
        .filter(|f| f.len() > 2)
        .unwrap_or(first);
    words.contains(&first)
}

/// The article a new article follows: `5 bis` follows `5`, `5 bis (a)`
/// follows `5 bis`, `30` follows `29`.
pub fn previous(n: &ArticleNumber) -> Option<ArticleNumber> {
    let norm = &n.normalised;
    let display = n.display.trim_start_matches('(').trim_end_matches(')');
    if let Some((base, _)) = norm.rsplit_once('_') {
        let cut = display
            .rfind(['(', ' '])
            .map_or(display, |i| display[..i].trim_end());
        return Some(ArticleNumber {
            normalised: base.to_owned(),
            display: cut.trim_end_matches('(').trim().to_owned(),
        });
    }
    let digits: String = norm.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < norm.len() {
        let shown: String = display
            .chars()
            .take_while(|c| ascii_digit(*c).is_ascii_digit())
            .collect();
        return Some(ArticleNumber {
            normalised: digits,
            display: shown,
        });
    }
    let v: u32 = digits.parse().ok()?;
    let prev = v.checked_sub(1).filter(|p| *p > 0)?;
    let arabic = display.chars().any(|c| ('٠'..='٩').contains(&c));
    let shown = if arabic {
        prev.to_string()
            .chars()
            .map(|c| char::from_u32('٠' as u32 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
            .collect()
    } else {
        prev.to_string()
    };
    Some(ArticleNumber {
        normalised: prev.to_string(),
        display: shown,
    })
}

/// Reads one clause (its first paragraph, without a list mark).
pub fn read(text: &str) -> Reading {
    let text = strip_enumerator(text);
    let f = fold(text);
    let refs = articles(text);
    let quoted = quotes(text);
    let arts = || refs.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>();

    // Substitution: two quoted passages and a word of "words".
    let substitute_words = [
        "عباره",
        "كلمه",
        "كلمات",
        "عبارتي",
        "الرقم",
        "the words",
        "the word",
        "the figure",
        "the expression",
    ];
    let replace_verbs = ["يستبدل", "تستبدل", "استبدال"];
    if quoted.len() >= 2
        && any(&f, &substitute_words)
        && (starts(&f, &replace_verbs)
            || any(
                &f,
                &[
                    "replaced by",
                    "replaced with",
                    "substituted for",
                    "substitute",
                ],
            ))
    {
        let (old, new) = substitution_pair(text, &quoted, &f);
        let all = any(
            &f,
            &[
                "اينما وردت",
                "حيثما وردت",
                "اينما ورد",
                "wherever",
                "each time",
            ],
        );
        let arts = arts();
        if !arts.is_empty() && !old.is_empty() {
            let ops = arts
                .into_iter()
                .map(|article| Op::Substitute {
                    article,
                    find: old.clone(),
                    with: new.clone(),
                    all,
                })
                .collect();
            return Reading::Ops(ops, None);
        }
        return Reading::Unknown;
    }

    if any(&f, &EXECUTION) && refs.is_empty() {
        return Reading::Execution;
    }

    let inline = inline_text(text);
    // An item (`البند (ب)`) is not a paragraph: a clause naming one is left
    // to the reader.
    let para_words = ["الفقره", "paragraph"];

    // Repeal.
    if starts(&f, &["تلغي", "يلغي", "الغاء"])
        || any(
            &f,
            &[
                "is repealed",
                "are repealed",
                "shall be repealed",
                "is hereby repealed",
                "are hereby repealed",
            ],
        )
    {
        let arts = arts();
        if arts.is_empty() || names_part(&f) && paragraph_number(&f, &para_words).is_none() {
            return Reading::Unknown;
        }
        if let Some(p) = paragraph_number(&f, &para_words)
            && arts.len() == 1
        {
            return Reading::Ops(vec![Op::RepealParagraph(arts[0].clone(), p)], None);
        }
        return Reading::Ops(arts.into_iter().map(Op::Repeal).collect(), None);
    }

    // A new article.
    let new_article = any(
        &f,
        &[
            "ماده جديده",
            "مادتان جديدتان",
            "مادتين جديدتين",
            "مواد جديده",
            "new article",
            "following article is inserted",
            "following article is added",
            "following articles are inserted",
        ],
    );
    if new_article {
        // `بعد المادة (٥)` / `after Article 5` names where; the other
        // numbers are the new articles'.
        let after_at = ["بعد", "after"]
            .iter()
            .filter_map(|w| {
                text.to_lowercase()
                    .find(&format!("{w} "))
                    .map(|i| i + w.len())
            })
            .min();
        let mut after = None;
        let mut new = Vec::new();
        for (at, n) in &refs {
            match after_at {
                Some(a) if *at > a && after.is_none() => after = Some(n.clone()),
                _ => new.push(n.clone()),
            }
        }
        if new.is_empty() {
            // `The following article is inserted after Article 5:` — the
            // new article's number comes from the text that follows.
            return match after {
                Some(a) => Reading::Ops(
                    vec![Op::InsertArticle {
                        article: a.clone(),
                        after: a,
                    }],
                    inline,
                ),
                None => Reading::Unknown,
            };
        }
        let mut ops = Vec::new();
        let mut prev = after;
        for n in new {
            let Some(p) = prev.clone().or_else(|| previous(&n)) else {
                return Reading::Unknown;
            };
            ops.push(Op::InsertArticle {
                article: n.clone(),
                after: p,
            });
            prev = Some(n);
        }
        return Reading::Ops(ops, inline);
    }

    // A new paragraph or item.
    if (starts(&f, &["يضاف", "تضاف", "اضافه"])
        && any(
            &f,
            &[
                "فقره جديده",
                "بند جديد",
                "فقره اخيره",
                "فقرتان",
                "فقره ثانيه",
                "فقره ثالثه",
                "فقره رابعه",
            ],
        ))
        || (any(
            &f,
            &[
                "paragraph is added",
                "paragraph is inserted",
                "new paragraph",
                "paragraph shall be added",
            ],
        ) && !any(&f, &["replaced"]))
    {
        let arts = articles_by(text, false);
        let [(_, article)] = &arts[..] else {
            return Reading::Unknown;
        };
        let position = if any(&f, &["بعد الفقره", "after paragraph"]) {
            match paragraph_number(&f, &["بعد الفقره", "after paragraph"]) {
                Some(p) => Position::After(p),
                None => return Reading::Unknown,
            }
        } else {
            Position::End
        };
        return Reading::Ops(vec![Op::InsertParagraph(article.clone(), position)], inline);
    }

    // Replacing a text.
    if (starts(&f, &replace_verbs) && any(&f, &["نص", "نصي", "نصوص", "بنص"]))
        || any(
            &f,
            &[
                "is replaced by",
                "are replaced by",
                "is replaced with",
                "shall be replaced with",
                "are replaced with",
                "shall be replaced by",
                "is amended to read",
                "is substituted by",
            ],
        )
    {
        let arts = arts();
        if arts.is_empty() || names_part(&f) && paragraph_number(&f, &para_words).is_none() {
            return Reading::Unknown;
        }
        if let Some(p) = paragraph_number(&f, &para_words) {
            if arts.len() == 1 {
                return Reading::Ops(vec![Op::ReplaceParagraph(arts[0].clone(), p)], inline);
            }
            return Reading::Unknown;
        }
        return Reading::Ops(arts.into_iter().map(Op::ReplaceArticle).collect(), inline);
    }

    if any(&f, &EXECUTION) {
        return Reading::Execution;
    }
    Reading::Unknown
}

/// The old and the new words of a substitution. Arabic marks the words
/// replaced with `ب` (`يستبدل بعبارة «old» … عبارة «new»`); English says
/// `"old" … replaced by "new"`, or `"new" … substituted for "old"`.
fn substitution_pair(text: &str, quoted: &[(usize, usize, String)], f: &str) -> (String, String) {
    let a = quoted[0].2.clone();
    let b = quoted[1].2.clone();
    // `«…» الواردة في المادة`: the words found in the article are the old.
    let cited = |i: usize| {
        let after = fold_arabic_keyword(text[quoted[i].1..].trim_start());
        after.starts_with("الوارد")
    };
    if cited(1) && !cited(0) {
        return (b, a);
    }
    if cited(0) {
        return (a, b);
    }
    let marked = |i: usize| {
        let before = text[..quoted[i].0].trim_end();
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let w = fold_arabic_keyword(word);
        w.starts_with("ب") && w.len() > 2 && !w.starts_with("بعد")
    };
    if marked(1) && !marked(0) {
        return (b, a);
    }
    if f.contains("substituted for") {
        return (b, a);
    }
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        match read(s) {
            Reading::Ops(ops, _) => format!("{ops:?}"),
            other => format!("{other:?}"),
        }
    }

    fn ops(s: &str) -> Vec<Op> {
        match read(s) {
            Reading::Ops(ops, _) => ops,
            other => panic!("{s}: {other:?}"),
        }
    }

    fn num(ops: &[Op]) -> Vec<String> {
        ops.iter()
            .map(|o| match o {
                Op::ReplaceArticle(a)
                | Op::Repeal(a)
                | Op::ReplaceParagraph(a, _)
                | Op::RepealParagraph(a, _)
                | Op::InsertParagraph(a, _)
                | Op::InsertArticle { article: a, .. }
                | Op::Substitute { article: a, .. } => a.normalised.clone(),
            })
            .collect()
    }

    #[test]
    fn replace_article_arabic_with_and_without_diacritics_and_parentheses() {
        for s in [
            "يستبدل بنص المادة (٥) من القانون رقم ١٢ لسنة ٢٠٢٠ المشار إليه النص الآتي:",
            "يُستبدَل بنص المادة 5 من القانون المشار إليه النص الآتي:",
            "تستبدل بنص المادة الخامسة من القانون النص التالي:",
        ] {
            let o = ops(s);
            assert!(
                matches!(&o[..], [Op::ReplaceArticle(a)] if a.normalised == "5"),
                "{s}"
            );
        }
    }

    #[test]
    fn replace_several_articles() {
        let o = ops("يستبدل بنصوص المواد (٣) و(٧) و(٩) من القانون المشار إليه النصوص الآتية:");
        assert_eq!(num(&o), ["3", "7", "9"]);
        let o = ops("Articles 3 and 4 of the Law are replaced by the following:");
        assert_eq!(num(&o), ["3", "4"]);
    }

    #[test]
    fn replace_paragraph() {
        let o = ops("يستبدل بنص الفقرة الثانية من المادة (٤) من القانون النص الآتي:");
        assert!(matches!(&o[..], [Op::ReplaceParagraph(a, 2)] if a.normalised == "4"));
        let o = ops("Paragraph 2 of Article 4 is replaced by the following:");
        assert!(matches!(&o[..], [Op::ReplaceParagraph(a, 2)] if a.normalised == "4"));
    }

    #[test]
    fn insert_article_bis_after_its_base() {
        let o = ops("تضاف إلى القانون المشار إليه مادة جديدة برقم (١٢ مكرراً) نصها الآتي:");
        match &o[..] {
            [Op::InsertArticle { article, after }] => {
                assert_eq!(article.normalised, "12bis");
                assert_eq!(after.normalised, "12");
                assert_eq!(after.display, "١٢");
            }
            other => panic!("{other:?}"),
        }
        let o = ops("يضاف إلى القانون مادة جديدة برقم 8 مكرر نصها الآتي:");
        assert_eq!(num(&o), ["8bis"]);
    }

    #[test]
    fn insert_two_articles_in_a_row() {
        let o = ops("تضاف إلى القانون مادتان جديدتان برقمي (٦ مكرراً) و(٦ مكرراً أ) نصهما الآتي:");
        match &o[..] {
            [
                Op::InsertArticle {
                    article: a,
                    after: x,
                },
                Op::InsertArticle {
                    article: b,
                    after: y,
                },
            ] => {
                assert_eq!(
                    (a.normalised.as_str(), x.normalised.as_str()),
                    ("6bis", "6")
                );
                assert_eq!(
                    (b.normalised.as_str(), y.normalised.as_str()),
                    ("6bis_a", "6bis")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn insert_article_english() {
        let o = ops("The following article is inserted after Article 7:");
        assert!(matches!(&o[..], [Op::InsertArticle { after, .. }] if after.normalised == "7"));
        let o = ops("A new Article 7 bis is inserted after Article 7 as follows:");
        match &o[..] {
            [Op::InsertArticle { article, after }] => {
                assert_eq!(article.normalised, "7bis");
                assert_eq!(after.normalised, "7");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn repeal() {
        assert_eq!(
            num(&ops("تلغى المادة (١٥) من القانون المشار إليه.")),
            ["15"]
        );
        assert_eq!(num(&ops("تُلغى المادتان ١٦ و١٧ من القانون.")), ["16", "17"]);
        assert_eq!(num(&ops("Article 20 of the Law is repealed.")), ["20"]);
        assert_eq!(
            num(&ops("Articles 21, 22 and 23 are repealed.")),
            ["21", "22", "23"]
        );
        let o = ops("تلغى الفقرة الثالثة من المادة (٩) من القانون.");
        assert!(matches!(&o[..], [Op::RepealParagraph(a, 3)] if a.normalised == "9"));
    }

    #[test]
    fn substitute_words_old_is_marked_with_ba() {
        let o = ops(
            "يستبدل بعبارة «وزير الداخلية» الواردة في المادة (٣) من القانون عبارة «الوزير المختص».",
        );
        assert!(
            matches!(&o[..], [Op::Substitute { find, with, all: false, .. }]
            if find == "وزير الداخلية" && with == "الوزير المختص")
        );
        let o = ops("يستبدل بكلمة \"شهر\" الواردة في المادة 4 كلمة \"شهرين\" أينما وردت.");
        assert!(
            matches!(&o[..], [Op::Substitute { find, with, all: true, .. }] if find == "شهر" && with == "شهرين")
        );
        let o = ops("تستبدل عبارة «الهيئة العامة» بعبارة «الإدارة» الواردة في المادة (٢).");
        assert!(
            matches!(&o[..], [Op::Substitute { find, with, .. }] if find == "الإدارة" && with == "الهيئة العامة")
        );
    }

    #[test]
    fn substitute_words_english() {
        let o = ops("In Article 6, the words \"thirty days\" are replaced by \"sixty days\".");
        assert!(
            matches!(&o[..], [Op::Substitute { find, with, .. }] if find == "thirty days" && with == "sixty days")
        );
        let o = ops(
            "In Article 6, the words “the Minister” are substituted for the words “the Director”.",
        );
        assert!(
            matches!(&o[..], [Op::Substitute { find, with, .. }] if find == "the Director" && with == "the Minister")
        );
    }

    #[test]
    fn insert_paragraph() {
        let o = ops("يضاف إلى المادة (١٠) من القانون فقرة جديدة نصها الآتي:");
        assert!(matches!(&o[..], [Op::InsertParagraph(a, Position::End)] if a.normalised == "10"));
        let o = ops("يضاف إلى المادة ١٠ بند جديد برقم (٤) نصه الآتي:");
        assert_eq!(num(&o), ["10"]);
        let o = ops("تضاف إلى المادة (١٠) فقرة جديدة بعد الفقرة الأولى نصها الآتي:");
        assert!(matches!(
            &o[..],
            [Op::InsertParagraph(_, Position::After(1))]
        ));
        let o = ops("In Article 10, the following new paragraph is added after paragraph 2:");
        assert!(matches!(
            &o[..],
            [Op::InsertParagraph(_, Position::After(2))]
        ));
    }

    #[test]
    fn execution_clauses_are_not_operations() {
        for s in [
            "على الوزراء - كل فيما يخصه - تنفيذ هذا القانون، ويعمل به من تاريخ نشره في الجريدة الرسمية.",
            "يُلغى كل حكم يخالف أحكام هذا القانون.",
            "The Ministers, each within his competence, shall implement this Law, which shall come into force on the date of its publication in the Official Gazette.",
        ] {
            assert_eq!(read(s), Reading::Execution, "{s}");
        }
    }

    #[test]
    fn an_item_is_not_read_as_its_article() {
        assert_eq!(
            n("يستبدل بنص البند (ب) من المادة (٢٣) من القانون النص الآتي:"),
            "Unknown"
        );
        assert_eq!(n("تلغى الفقرة (أ) من المادة (٢٣)."), "Unknown");
    }

    #[test]
    fn substitute_words_colloquial_order_follows_the_words_cited() {
        let o = ops("تستبدل عبارة «خمسين ديناراً» الواردة في المادة (١١) بعبارة «مائة دينار».");
        assert!(
            matches!(&o[..], [Op::Substitute { find, with, .. }] if find == "خمسين ديناراً" && with == "مائة دينار")
        );
    }

    #[test]
    fn unknown_clauses_are_not_guessed() {
        assert_eq!(
            n("تعاد صياغة الباب الثالث بما يتفق مع أحكام هذا القانون."),
            "Unknown"
        );
        assert_eq!(n("يستبدل بعبارة «أ» عبارة «ب»."), "Unknown");
    }

    #[test]
    fn enumerators_are_skipped() {
        assert_eq!(strip_enumerator("١- تلغى المادة ٣"), "تلغى المادة ٣");
        assert_eq!(
            strip_enumerator("(2) Article 3 is repealed"),
            "Article 3 is repealed"
        );
        assert_eq!(strip_enumerator("ثانياً: تلغى المادة ٣"), "تلغى المادة ٣");
    }

    #[test]
    fn inline_text_after_the_colon() {
        match read("Article 5 is replaced by the following: \"5. The fee is ten dinars.\"") {
            Reading::Ops(_, Some(t)) => assert!(t.contains("ten dinars")),
            other => panic!("{other:?}"),
        }
    }
}
