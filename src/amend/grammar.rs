//! The operation grammar: what a level-2 heading of an amendment says to do.
//!
//! Each operation heading is one sentence in a fixed grammar, in English or
//! Arabic (the formats chapter lists the forms). This module reads one
//! heading's text into an [`Action`] with the span of every part, or says
//! precisely where the text leaves the grammar. It knows nothing of files or
//! statutes: spans are offsets in the heading text, which the reader shifts
//! into the file.

use std::ops::Range;

use crate::corpus::{Lang, article_reference, number_in_words};
use crate::ids::fold_arabic_keyword;
use crate::text::{ascii_digit, collapse_whitespace, did_you_mean, nearest};

use super::operation::{Action, ArticleTarget, Occurrence, ParagraphNumber, Quoted};

/// Why a heading is not an operation: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrammarError {
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

const FORMS_HELP: &str = "an operation is one of: `Replace Article N`, `Insert Article M after Article N`, \
`Repeal Article N`, `Renumber Article N as Article M`, `In Article N, substitute \"old\" with \"new\"`, \
`Replace Article N paragraph P`, `Insert paragraph after Article N paragraph P`, \
`Repeal Article N paragraph P`, or their Arabic forms (استبدال، إضافة، إلغاء، إعادة ترقيم، في المادة N، يستبدل)";

/// One word or value of an operation's form, as a language file writes it
/// (`In {article}, substitute {find} with {with}`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    /// A comma after a value, which a heading may leave out.
    Comma,
    Value(String),
}

/// One operation's form in one language.
struct Form {
    lang: Lang,
    kind: &'static str,
    tokens: Vec<Token>,
}

fn tokens(form: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for word in form.split_whitespace() {
        let (word, comma) = match word.strip_suffix([',', '،']) {
            Some(w) => (w, true),
            None => (word, false),
        };
        match word.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
            Some(name) => out.push(Token::Value(name.to_owned())),
            None if !word.is_empty() => out.push(Token::Word(word.to_owned())),
            None => {}
        }
        if comma {
            out.push(Token::Comma);
        }
    }
    out
}

/// The forms of every registered language's operations.
fn forms() -> Vec<Form> {
    let mut out = Vec::new();
    for lang in Lang::all() {
        for (kind, _) in crate::lang::OPERATIONS {
            if let Some(form) = lang.def().operations.get(*kind) {
                out.push(Form {
                    lang,
                    kind,
                    tokens: tokens(form),
                });
            }
        }
    }
    out
}

/// A word as headings compare them: without case, hamza or diacritics.
fn folded(word: &str) -> String {
    fold_arabic_keyword(&word.to_lowercase())
}

/// Reads one operation heading. Spans in the result are offsets in `text`.
///
/// The forms come from the language files (`[operations]`): every form
/// whose first word the heading begins with is tried, and the first that
/// reads the whole heading gives the operation and its language. When none
/// does, the error is the one found furthest into the heading.
pub fn parse_operation(text: &str) -> Result<(Action, Lang), GrammarError> {
    let mut c = Cursor { text, pos: 0 };
    c.skip_ws();
    let Some((first_span, first)) = c.peek_word() else {
        return Err(GrammarError {
            span: 0..text.len(),
            message: "an operation heading is empty".into(),
            help: Some(FORMS_HELP.into()),
        });
    };
    let all = forms();
    let first_folded = folded(first);
    let candidates: Vec<&Form> = all
        .iter()
        .filter(|f| matches!(f.tokens.first(), Some(Token::Word(w)) if folded(w) == first_folded))
        .filter(|f| !matches!(f.kind, "occurrence" | "all"))
        .collect();
    if candidates.is_empty() {
        let verbs: Vec<String> = all
            .iter()
            .filter(|f| !matches!(f.kind, "occurrence" | "all"))
            .filter_map(|f| match f.tokens.first() {
                Some(Token::Word(w)) => Some(w.to_lowercase()),
                _ => None,
            })
            .collect();
        let mut help = FORMS_HELP.to_owned();
        if let Some(best) = nearest(&first.to_lowercase(), verbs.iter().map(String::as_str)) {
            help = format!(
                "{} {help}",
                did_you_mean(format_args!("`{}`", capitalise(best)))
            );
        }
        return Err(GrammarError {
            span: first_span,
            message: format!("`{first}` does not begin an operation"),
            help: Some(help),
        });
    }
    // The error found furthest in; at the same place, that of a form read
    // to its end (text left over) over one that stopped short.
    let mut best: Option<((usize, bool), GrammarError)> = None;
    for form in candidates {
        let mut c = Cursor { text, pos: 0 };
        match read_form(&mut c, form, &all) {
            Ok(action) => return Ok((action, form.lang)),
            Err((e, whole)) => {
                let rank = (e.span.start, whole);
                if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                    best = Some((rank, e));
                }
            }
        }
    }
    Err(best
        .map(|(_, e)| e)
        .unwrap_or_else(|| c.expected("an operation")))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The values a form holds, as they were read.
#[derive(Default)]
struct Values {
    article: Option<ArticleTarget>,
    other: Option<ArticleTarget>,
    paragraph: Option<ParagraphNumber>,
    find: Option<Quoted>,
    with: Option<Quoted>,
}

/// Reads `form` from the cursor: the action, or the error and whether the
/// whole form was read (so the error is text left over).
fn read_form(
    c: &mut Cursor<'_>,
    form: &Form,
    all: &[Form],
) -> Result<Action, (GrammarError, bool)> {
    let short = |e| (e, false);
    let mut v = Values::default();
    for token in &form.tokens {
        match token {
            Token::Word(w) => {
                if !c.try_word(w) {
                    return Err(short(c.expected(&format!("`{w}`"))));
                }
            }
            Token::Comma => c.optional_comma(),
            Token::Value(name) => match name.as_str() {
                "article" => v.article = Some(c.article().map_err(short)?),
                "previous" | "new" => v.other = Some(c.article().map_err(short)?),
                "paragraph" => v.paragraph = Some(c.number().map_err(short)?),
                "find" => v.find = Some(c.quoted().map_err(short)?),
                _ => v.with = Some(c.quoted().map_err(short)?),
            },
        }
    }
    let occurrence = if form.kind == "substitute" {
        c.occurrence(form.lang, all).map_err(short)?
    } else {
        Occurrence::Only
    };
    c.finish().map_err(|e| (e, true))?;
    // The file's check (`lang::file`) holds each form to its values.
    let article = v.article.expect("every form holds {article}");
    Ok(match form.kind {
        "replace-article" => Action::ReplaceArticle { article },
        "replace-paragraph" => Action::ReplaceParagraph {
            article,
            paragraph: v.paragraph.expect("checked"),
        },
        "insert-article" => Action::InsertArticle {
            article,
            after: v.other.expect("checked"),
        },
        "insert-paragraph" => Action::InsertParagraph {
            article,
            after: v.paragraph.expect("checked"),
        },
        "repeal-article" => Action::RepealArticle { article },
        "repeal-paragraph" => Action::RepealParagraph {
            article,
            paragraph: v.paragraph.expect("checked"),
        },
        "renumber-article" => Action::RenumberArticle {
            article,
            to: v.other.expect("checked"),
        },
        _ => {
            return substitution(
                article,
                v.find.expect("checked"),
                v.with.expect("checked"),
                occurrence,
            )
            .map_err(short);
        }
    })
}

fn substitution(
    article: ArticleTarget,
    find: Quoted,
    with: Quoted,
    occurrence: Occurrence,
) -> Result<Action, GrammarError> {
    if find.text.is_empty() {
        return Err(GrammarError {
            span: find.span,
            message: "there are no words to substitute".into(),
            help: Some(
                "quote the words the article has now, then the words that replace them".into(),
            ),
        });
    }
    if find.text == with.text {
        return Err(GrammarError {
            span: with.span,
            message: "the substitution replaces the words with the same words".into(),
            help: None,
        });
    }
    Ok(Action::Substitute {
        article,
        find,
        with,
        occurrence,
    })
}

/// Characters that end a word in a heading besides white space.
fn is_delimiter(c: char) -> bool {
    matches!(
        c,
        ',' | '،' | ':' | ';' | '؛' | '(' | ')' | '"' | '“' | '”' | '«' | '»'
    )
}

fn closing_quote(open: char) -> Option<char> {
    match open {
        '"' => Some('"'),
        '“' => Some('”'),
        '«' => Some('»'),
        _ => None,
    }
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    /// The next word (after white space), without consuming it.
    fn peek_word(&mut self) -> Option<(Range<usize>, &str)> {
        self.skip_ws();
        let rest = self.rest();
        let end = rest
            .find(|c: char| c.is_whitespace() || is_delimiter(c))
            .unwrap_or(rest.len());
        (end > 0).then(|| (self.pos..self.pos + end, &rest[..end]))
    }

    /// A span for "here": the next word, or the end of the heading.
    fn here(&mut self) -> Range<usize> {
        self.skip_ws();
        match self.rest().chars().next() {
            Some(c) => {
                let rest = self.rest();
                let end = match rest.find(|c: char| c.is_whitespace()) {
                    Some(0) => c.len_utf8(),
                    Some(e) => e,
                    None => rest.trim_end().len(),
                };
                self.pos..self.pos + end
            }
            // At the end: the last character, whole (it may be `»`).
            None => {
                let last = self.text.char_indices().last().map_or(0, |(i, _)| i);
                last..self.text.len()
            }
        }
    }

    fn expected(&mut self, what: &str) -> GrammarError {
        let at_end = self.rest().trim().is_empty();
        let span = self.here();
        let found = &self.text[span.clone()];
        let message = if at_end {
            format!("expected {what} at the end of the heading")
        } else {
            format!("expected {what}, found `{found}`")
        };
        GrammarError {
            span,
            message,
            help: Some(FORMS_HELP.into()),
        }
    }

    /// Consumes the next word if it is `keyword` (compared without case,
    /// hamza or diacritics).
    fn try_word(&mut self, keyword: &str) -> bool {
        let save = self.pos;
        let want = folded(keyword);
        match self.peek_word() {
            Some((span, w)) if folded(w) == want => {
                self.pos = span.end;
                true
            }
            _ => {
                self.pos = save;
                false
            }
        }
    }

    /// Consumes the words of `form` (an `occurrence` or `all` form), reading
    /// its `{n}`.
    fn try_words(
        &mut self,
        form: &[Token],
    ) -> Result<Option<Option<ParagraphNumber>>, GrammarError> {
        let save = self.pos;
        let mut n = None;
        for token in form {
            match token {
                Token::Word(w) if self.try_word(w) => {}
                Token::Value(_) if n.is_none() => n = Some(self.number()?),
                Token::Comma => self.optional_comma(),
                _ => {
                    self.pos = save;
                    return Ok(None);
                }
            }
        }
        Ok(Some(n))
    }

    fn optional_comma(&mut self) {
        self.skip_ws();
        if let Some(c) = self.rest().chars().next()
            && matches!(c, ',' | '،')
        {
            self.pos += c.len_utf8();
        }
    }

    fn article(&mut self) -> Result<ArticleTarget, GrammarError> {
        self.skip_ws();
        let start = self.pos;
        let rest = self.rest();
        match article_reference(rest) {
            Some((number, after)) => {
                let consumed = rest.len() - after.len();
                let end = start + rest[..consumed].trim_end().len();
                self.pos = start + consumed;
                Ok(ArticleTarget {
                    number,
                    span: start..end,
                })
            }
            None => Err(self.expected("an article, like `Article 2` or `المادة ٢ مكرراً`")),
        }
    }

    /// A paragraph or occurrence number: digits in any script, optionally
    /// in parentheses, or a number word (`second`, `الثانية`).
    fn number(&mut self) -> Result<ParagraphNumber, GrammarError> {
        self.skip_ws();
        let start = self.pos;
        let rest = self.rest();
        let (inner, parens) = match rest.strip_prefix('(') {
            Some(r) => (r.trim_start(), true),
            None => (rest, false),
        };
        let inner_start = start + (rest.len() - inner.len());
        let digits: String = inner
            .chars()
            .map(ascii_digit)
            .take_while(char::is_ascii_digit)
            .collect();
        let (value, mut end) = if !digits.is_empty() {
            let len: usize = inner
                .chars()
                .take(digits.chars().count())
                .map(char::len_utf8)
                .sum();
            (digits.parse::<usize>().ok(), inner_start + len)
        } else if let Some((written, value, _)) = number_in_words(inner) {
            (Some(value as usize), inner_start + written.len())
        } else {
            (None, start)
        };
        let Some(value) = value.filter(|v| *v > 0) else {
            if value == Some(0) {
                return Err(GrammarError {
                    span: start..end,
                    message: "numbers here count from 1".into(),
                    help: None,
                });
            }
            return Err(self.expected("a number"));
        };
        if parens {
            let after = &self.text[end..];
            let trimmed = after.trim_start();
            match trimmed.strip_prefix(')') {
                Some(_) => end += after.len() - trimmed.len() + 1,
                None => {
                    self.pos = end;
                    return Err(self.expected("`)`"));
                }
            }
        }
        self.pos = end;
        Ok(ParagraphNumber {
            num: value,
            span: start..end,
        })
    }

    fn quoted(&mut self) -> Result<Quoted, GrammarError> {
        self.skip_ws();
        let start = self.pos;
        let Some(open) = self.rest().chars().next() else {
            return Err(self.expected("quoted words (\"…\", “…” or «…»)"));
        };
        let Some(close) = closing_quote(open) else {
            return Err(self.expected("quoted words (\"…\", “…” or «…»)"));
        };
        let inner_start = start + open.len_utf8();
        let Some(len) = self.text[inner_start..].find(close) else {
            return Err(GrammarError {
                span: start..self.text.len(),
                message: format!("the quotation is not closed: expected `{close}`"),
                help: None,
            });
        };
        let inner = &self.text[inner_start..inner_start + len];
        self.pos = inner_start + len + close.len_utf8();
        Ok(Quoted {
            text: collapse_whitespace(inner),
            span: start..self.pos,
        })
    }

    /// A substitution's optional `(occurrence N)` or `(all)`, in the words
    /// of `lang`'s file.
    fn occurrence(&mut self, lang: Lang, all: &[Form]) -> Result<Occurrence, GrammarError> {
        self.skip_ws();
        if !self.rest().starts_with('(') {
            return Ok(Occurrence::Only);
        }
        let open = self.pos;
        self.pos += 1;
        let form = |kind: &str| {
            all.iter()
                .find(|f| f.lang == lang && f.kind == kind)
                .map_or(&[][..], |f| f.tokens.as_slice())
        };
        let (nth, every) = (form("occurrence"), form("all"));
        let occurrence = if !every.is_empty() && self.try_words(every)?.is_some() {
            Occurrence::All
        } else {
            match self.try_words(nth)? {
                Some(Some(n)) if !nth.is_empty() => Occurrence::Nth {
                    n: n.num,
                    span: open..n.span.end,
                },
                _ => {
                    let written = |t: &[Token]| {
                        t.iter()
                            .map(|t| match t {
                                Token::Word(w) => w.as_str(),
                                Token::Value(_) => "N",
                                Token::Comma => ",",
                            })
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                    return Err(self.expected(&format!(
                        "`{}` or `{}`",
                        written(nth),
                        written(every)
                    )));
                }
            }
        };
        self.skip_ws();
        if !self.rest().starts_with(')') {
            return Err(self.expected("`)`"));
        }
        self.pos += 1;
        Ok(match occurrence {
            Occurrence::Nth { n, .. } => Occurrence::Nth {
                n,
                span: open..self.pos,
            },
            other => other,
        })
    }

    /// Nothing may follow the operation but a full stop or colon.
    fn finish(&mut self) -> Result<(), GrammarError> {
        self.skip_ws();
        let rest = self.rest().trim_end();
        if rest.is_empty() || rest == "." || rest == ":" {
            return Ok(());
        }
        let start = self.pos;
        Err(GrammarError {
            span: start..start + rest.len(),
            message: format!("unexpected text after the operation: `{rest}`"),
            help: Some("an operation heading is one sentence of the grammar; put notes in the `note` field".into()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(text: &str) -> Action {
        match parse_operation(text) {
            Ok((a, _)) => a,
            Err(e) => panic!("{text}: {e:?}"),
        }
    }

    fn err(text: &str) -> GrammarError {
        parse_operation(text).expect_err(text)
    }

    fn eid(t: &ArticleTarget) -> String {
        t.eid()
    }

    #[test]
    fn english_article_operations() {
        let Action::ReplaceArticle { article } = op("Replace Article 12") else {
            panic!()
        };
        assert_eq!(eid(&article), "art_12");
        assert_eq!(article.span, 8..18);
        let Action::InsertArticle { article, after } =
            op("Insert Article 2 ter after Article 2 bis")
        else {
            panic!()
        };
        assert_eq!(
            (eid(&article), eid(&after)),
            ("art_2ter".into(), "art_2bis".into())
        );
        assert!(matches!(
            op("Repeal Article 5."),
            Action::RepealArticle { .. }
        ));
        let Action::RenumberArticle { article, to } = op("Renumber Article 5 as Article 6") else {
            panic!()
        };
        assert_eq!((eid(&article), eid(&to)), ("art_5".into(), "art_6".into()));
        assert!(matches!(
            op("replace article One"),
            Action::ReplaceArticle { .. }
        ));
    }

    #[test]
    fn english_substitutions() {
        let text = "In Article 2, substitute \"fifteen years'\" with “at least fifteen years'”";
        let Action::Substitute {
            article,
            find,
            with,
            occurrence,
        } = op(text)
        else {
            panic!()
        };
        assert_eq!(eid(&article), "art_2");
        assert_eq!(find.text, "fifteen years'");
        assert_eq!(&text[find.span.clone()], "\"fifteen years'\"");
        assert_eq!(with.text, "at least fifteen years'");
        assert_eq!(occurrence, Occurrence::Only);
        let Action::Substitute {
            occurrence, with, ..
        } = op("In Article 13 substitute «may» with \"\" (occurrence 2)")
        else {
            panic!()
        };
        assert!(matches!(occurrence, Occurrence::Nth { n: 2, .. }));
        assert_eq!(with.text, "");
        let Action::Substitute { occurrence, .. } =
            op("In Article 3, substitute \"a\" with \"b\" (all)")
        else {
            panic!()
        };
        assert_eq!(occurrence, Occurrence::All);
    }

    #[test]
    fn english_paragraph_operations() {
        let Action::ReplaceParagraph { article, paragraph } = op("Replace Article 4 paragraph 2")
        else {
            panic!()
        };
        assert_eq!((eid(&article), paragraph.num), ("art_4".into(), 2));
        let Action::InsertParagraph { article, after } =
            op("Insert paragraph after Article 4 paragraph (1)")
        else {
            panic!()
        };
        assert_eq!((eid(&article), after.num), ("art_4".into(), 1));
        assert!(matches!(
            op("Repeal Article 4 paragraph 3"),
            Action::RepealParagraph { .. }
        ));
    }

    #[test]
    fn arabic_operations() {
        let (a, lang) = parse_operation("استبدال المادة ١٢").unwrap();
        assert_eq!(lang, Lang::AR);
        assert_eq!(eid(a.article()), "art_12");
        let Action::InsertArticle { article, after } = op("إضافة المادة 11 مكرراً بعد المادة 11")
        else {
            panic!()
        };
        assert_eq!(
            (eid(&article), eid(&after)),
            ("art_11bis".into(), "art_11".into())
        );
        assert!(matches!(
            op("إلغاء المادة (٥)"),
            Action::RepealArticle { .. }
        ));
        let Action::RenumberArticle { to, .. } = op("إعادة ترقيم المادة 5 إلى المادة 6")
        else {
            panic!()
        };
        assert_eq!(eid(&to), "art_6");
        let Action::ReplaceParagraph { paragraph, article } =
            op("استبدال الفقرة الثانية من المادة ٤")
        else {
            panic!()
        };
        assert_eq!((eid(&article), paragraph.num), ("art_4".into(), 2));
        let Action::InsertParagraph { after, .. } = op("إضافة فقرة بعد الفقرة ١ من المادة ٤")
        else {
            panic!()
        };
        assert_eq!(after.num, 1);
        assert!(matches!(
            op("إلغاء الفقرة 2 من المادة 4"),
            Action::RepealParagraph { .. }
        ));
    }

    #[test]
    fn a_language_file_adds_the_forms_of_its_operations() {
        let text = "code = \"zo\"\niso639-2 = \"zoo\"\nname = \"Zo\"\n\n[operations]\n\
                    replace-article = \"Swap {article}\"\n\
                    substitute = \"At {article}, trade {find} for {with}\"\n\
                    occurrence = \"time {n}\"\nall = \"every\"\n";
        let file = crate::lang::read_language_file("languages/zo.toml", text).unwrap();
        let zo = crate::lang::register(file).unwrap();
        let (action, lang) = parse_operation("Swap Article 12").unwrap();
        assert_eq!(lang, zo);
        assert!(matches!(action, Action::ReplaceArticle { .. }));
        let (action, _) = parse_operation("At Article 3 trade \"a\" for \"b\" (time 2)").unwrap();
        let Action::Substitute { occurrence, .. } = action else {
            panic!()
        };
        assert!(matches!(occurrence, Occurrence::Nth { n: 2, .. }));
        let e = err("At Article 3, trade \"a\" for \"b\" (sometimes)");
        assert_eq!(
            e.message,
            "expected `time N` or `every`, found `sometimes)`"
        );
        // The built-in languages read as before.
        assert!(matches!(
            op("Replace Article 12").article().eid().as_str(),
            "art_12"
        ));
    }

    #[test]
    fn a_form_must_hold_the_values_of_its_operation() {
        let bad = |form: &str| {
            let text = format!("code = \"zq\"\nname = \"Zq\"\n[operations]\n{form}\n");
            crate::lang::read_language_file("languages/zq.toml", &text)
                .unwrap_err()
                .message
        };
        assert!(bad("replace-article = \"Swap\"").contains("must hold {article}"));
        assert!(bad("insert-article = \"Put {article}\"").contains("{article} {previous}"));
        assert!(bad("frobnicate = \"x\"").contains("is not an operation"));
    }

    #[test]
    fn arabic_substitutions() {
        let text = "في المادة ١٣، يستبدل «خمس عشرة سنة» بـ «عشرين سنة» (المرة ٢)";
        let Action::Substitute {
            find,
            with,
            occurrence,
            ..
        } = op(text)
        else {
            panic!()
        };
        assert_eq!(find.text, "خمس عشرة سنة");
        assert_eq!(with.text, "عشرين سنة");
        assert!(matches!(occurrence, Occurrence::Nth { n: 2, .. }));
        let Action::Substitute {
            occurrence, with, ..
        } = op("في المادة 2، يستبدل «أ» ب«ب» (الكل)")
        else {
            panic!()
        };
        assert_eq!(occurrence, Occurrence::All);
        assert_eq!(with.text, "ب");
        assert!(matches!(
            op("في المادة 2 يستبدل \"أ\" بـ\"ب\""),
            Action::Substitute { .. }
        ));
    }

    /// Found by the amendment fuzzer: an error at the end of a heading that
    /// ends in a two-byte character (`»`) sliced inside that character.
    #[test]
    fn fuzz_error_at_the_end_after_a_closing_guillemet_is_whole() {
        let text = "في المادة ٩، يستبدل «الرعاية النفسية»";
        let e = err(text);
        assert!(
            e.message.ends_with("at the end of the heading"),
            "{}",
            e.message
        );
        assert_eq!(&text[e.span], "»");
    }

    #[test]
    fn errors_say_where_and_what() {
        let e = err("Replce Article 2");
        assert_eq!(e.span, 0..6);
        assert!(e.help.unwrap().starts_with("did you mean `Replace`?"));
        let text = "Insert Article 3 before Article 2";
        let e = err(text);
        assert_eq!(e.message, "expected `after`, found `before`");
        assert_eq!(&text[e.span], "before");
        let e = err("In Article 2, substitute \"x\" by \"y\"");
        assert_eq!(e.message, "expected `with`, found `by`");
        let e = err("In Article 2, substitute \"x with \"y\"");
        assert!(e.message.starts_with("expected `with`"), "{}", e.message);
        let e = err("In Article 2, substitute «x with y");
        assert_eq!(e.message, "the quotation is not closed: expected `»`");
        let e = err("Repeal Article 2 and Article 3");
        assert_eq!(
            e.message,
            "unexpected text after the operation: `and Article 3`"
        );
        let e = err("Replace Article");
        assert_eq!(
            e.message,
            "expected an article, like `Article 2` or `المادة ٢ مكرراً`, found `Article`"
        );
        let e = err("In Article 2, substitute \"\" with \"y\"");
        assert_eq!(e.message, "there are no words to substitute");
        let e = err("In Article 2, substitute \"x\" with \"y\" (occurrence 0)");
        assert_eq!(e.message, "numbers here count from 1");
        let e = err("Renumber Article 2 as");
        assert!(
            e.message.ends_with("at the end of the heading"),
            "{}",
            e.message
        );
    }
}
