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
        if let Some((m, r)) = parse_article_number(&inner[..close].replace('(', " "))
            && r.trim().is_empty()
        {
            return Some((m, &inner[close + 1..]));
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
            // `the second paragraph`: the word before, in the languages'
            // number words.
            let before = folded[..at].trim_end();
            let last = before.rsplit(' ').next().unwrap_or("");
            if let Some((_, n, "")) = number_in_words(last) {
                return Some(n);
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
    if let Some((base, letter)) = norm.rsplit_once('_')
        && let Some(l) = letter.chars().next()
        && l > 'a'
        && letter.len() == 1
    {
        // `5 bis (b)` follows `5 bis (a)`, in the letters it is written in.
        let prev = char::from(l as u8 - 1);
        let arabic = !display.is_ascii();
        let shown = if arabic {
            match prev {
                // The abjad's first letter is written with its hamza.
                'a' => "أ".to_owned(),
                _ => crate::ids::ABJAD[(prev as u8 - b'a') as usize].to_owned(),
            }
        } else {
            prev.to_string()
        };
        let cut = display
            .rfind(['(', ' '])
            .map_or(display, |i| display[..i].trim_end());
        let cut = cut.trim_end_matches('(').trim();
        return Some(ArticleNumber {
            normalised: format!("{base}_{prev}"),
            display: format!("{cut} ({shown})"),
        });
    }
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

const SUBSTITUTE_WORDS: [&str; 9] = [
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
const REPLACE_VERBS: [&str; 3] = ["يستبدل", "تستبدل", "استبدال"];
const SUBSTITUTE_VERBS: [&str; 4] = [
    "replaced by",
    "replaced with",
    "substituted for",
    "substitute",
];
const EVERY_OCCURRENCE: [&str; 5] = [
    "اينما وردت",
    "حيثما وردت",
    "اينما ورد",
    "wherever",
    "each time",
];
const REPEAL_VERBS: [&str; 3] = ["تلغي", "يلغي", "الغاء"];
const REPEALED: [&str; 5] = [
    "is repealed",
    "are repealed",
    "shall be repealed",
    "is hereby repealed",
    "are hereby repealed",
];
const NEW_ARTICLE: [&str; 8] = [
    "ماده جديده",
    "مادتان جديدتان",
    "مادتين جديدتين",
    "مواد جديده",
    "new article",
    "following article is inserted",
    "following article is added",
    "following articles are inserted",
];
const ADD_VERBS: [&str; 3] = ["يضاف", "تضاف", "اضافه"];
const NEW_PARAGRAPH_AR: [&str; 7] = [
    "فقره جديده",
    "بند جديد",
    "فقره اخيره",
    "فقرتان",
    "فقره ثانيه",
    "فقره ثالثه",
    "فقره رابعه",
];
const NEW_PARAGRAPH_EN: [&str; 4] = [
    "paragraph is added",
    "paragraph is inserted",
    "new paragraph",
    "paragraph shall be added",
];
const REPLACED: [&str; 8] = [
    "is replaced by",
    "are replaced by",
    "is replaced with",
    "shall be replaced with",
    "are replaced with",
    "shall be replaced by",
    "is amended to read",
    "is substituted by",
];
/// The words of a paragraph. An item (`البند (ب)`) is not a paragraph: a
/// clause naming one is left to the reader.
const PARAGRAPH_WORDS: [&str; 2] = ["الفقره", "paragraph"];

/// A clause prepared for matching.
struct Text<'a> {
    text: &'a str,
    folded: String,
    refs: Vec<(usize, ArticleNumber)>,
    quoted: Vec<(usize, usize, String)>,
    inline: Option<String>,
}

impl Text<'_> {
    fn arts(&self) -> Vec<ArticleNumber> {
        self.refs.iter().map(|(_, n)| n.clone()).collect()
    }

    fn any(&self, words: &[&str]) -> bool {
        any(&self.folded, words)
    }

    fn starts(&self, words: &[&str]) -> bool {
        starts(&self.folded, words)
    }

    fn paragraph(&self) -> Option<u32> {
        paragraph_number(&self.folded, &PARAGRAPH_WORDS)
    }

    /// Names a paragraph or item whose number cannot be read.
    fn unreadable_part(&self) -> bool {
        names_part(&self.folded) && self.paragraph().is_none()
    }
}

/// Reads one clause (its first paragraph, without a list mark).
pub fn read(text: &str) -> Reading {
    let text = strip_enumerator(text);
    let t = Text {
        text,
        folded: fold(text),
        refs: articles(text),
        quoted: quotes(text),
        inline: inline_text(text),
    };
    if t.quoted.len() >= 2
        && t.any(&SUBSTITUTE_WORDS)
        && (t.starts(&REPLACE_VERBS) || t.any(&SUBSTITUTE_VERBS))
    {
        return substitution(&t);
    }
    if t.any(&EXECUTION) && t.refs.is_empty() {
        return Reading::Execution;
    }
    if t.starts(&REPEAL_VERBS) || t.any(&REPEALED) {
        return repeal(&t);
    }
    if t.any(&NEW_ARTICLE) {
        return new_articles(&t);
    }
    if (t.starts(&ADD_VERBS) && t.any(&NEW_PARAGRAPH_AR))
        || (t.any(&NEW_PARAGRAPH_EN) && !t.any(&["replaced"]))
    {
        return new_paragraph(&t);
    }
    if (t.starts(&REPLACE_VERBS) && t.any(&["نص", "نصي", "نصوص", "بنص"])) || t.any(&REPLACED)
    {
        return replacement(&t);
    }
    if t.any(&EXECUTION) {
        return Reading::Execution;
    }
    Reading::Unknown
}

fn substitution(t: &Text<'_>) -> Reading {
    let (old, new) = substitution_pair(t.text, &t.quoted, &t.folded);
    let all = t.any(&EVERY_OCCURRENCE);
    let arts = t.arts();
    if arts.is_empty() || old.is_empty() {
        return Reading::Unknown;
    }
    let ops = arts
        .into_iter()
        .map(|article| Op::Substitute {
            article,
            find: old.clone(),
            with: new.clone(),
            all,
        })
        .collect();
    Reading::Ops(ops, None)
}

fn repeal(t: &Text<'_>) -> Reading {
    let arts = t.arts();
    if arts.is_empty() || t.unreadable_part() {
        return Reading::Unknown;
    }
    if let Some(p) = t.paragraph()
        && arts.len() == 1
    {
        return Reading::Ops(vec![Op::RepealParagraph(arts[0].clone(), p)], None);
    }
    Reading::Ops(arts.into_iter().map(Op::Repeal).collect(), None)
}

fn new_articles(t: &Text<'_>) -> Reading {
    // `بعد المادة (٥)` / `after Article 5` names where; the other numbers
    // are the new articles'.
    let lower = t.text.to_lowercase();
    let after_at = ["بعد", "after"]
        .iter()
        .filter_map(|w| lower.find(&format!("{w} ")).map(|i| i + w.len()))
        .min();
    let mut after = None;
    let mut new = Vec::new();
    for (at, n) in &t.refs {
        match after_at {
            Some(a) if *at > a && after.is_none() => after = Some(n.clone()),
            _ => new.push(n.clone()),
        }
    }
    if new.is_empty() {
        // `The following article is inserted after Article 5:` — the new
        // article's number comes from the text that follows.
        return match after {
            Some(a) => Reading::Ops(
                vec![Op::InsertArticle {
                    article: a.clone(),
                    after: a,
                }],
                t.inline.clone(),
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
    Reading::Ops(ops, t.inline.clone())
}

fn new_paragraph(t: &Text<'_>) -> Reading {
    let arts = articles_by(t.text, false);
    let [(_, article)] = &arts[..] else {
        return Reading::Unknown;
    };
    let stated = ["بعد الفقره", "after paragraph"];
    let position = if t.any(&stated) {
        match paragraph_number(&t.folded, &stated) {
            Some(p) => Position::After(p),
            None => return Reading::Unknown,
        }
    } else {
        Position::End
    };
    Reading::Ops(
        vec![Op::InsertParagraph(article.clone(), position)],
        t.inline.clone(),
    )
}

fn replacement(t: &Text<'_>) -> Reading {
    let arts = t.arts();
    if arts.is_empty() || t.unreadable_part() {
        return Reading::Unknown;
    }
    if let Some(p) = t.paragraph() {
        if arts.len() == 1 {
            return Reading::Ops(
                vec![Op::ReplaceParagraph(arts[0].clone(), p)],
                t.inline.clone(),
            );
        }
        return Reading::Unknown;
    }
    Reading::Ops(
        arts.into_iter().map(Op::ReplaceArticle).collect(),
        t.inline.clone(),
    )
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
mod tests;
