//! The operation grammar: what a level-2 heading of an amendment says to do.
//!
//! Each operation heading is one sentence in a fixed grammar, in English or
//! Arabic (the formats chapter lists the forms). This module reads one
//! heading's text into an [`Action`] with the span of every part, or says
//! precisely where the text leaves the grammar. It knows nothing of files or
//! statutes: spans are offsets in the heading text, which the reader shifts
//! into the file.

use std::ops::Range;
use std::sync::Mutex;

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
    /// The first token, if a word, [`folded`].
    first: Option<String>,
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

/// The forms of every registered language's operations, made once for
/// the languages as registered (see [`crate::lang::generation`]): making
/// them took most of the time of reading an amendment's headings.
fn forms() -> &'static [Form] {
    static MADE: Mutex<Option<(u64, &'static [Form])>> = Mutex::new(None);
    let generation = crate::lang::generation();
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    match *made {
        Some((g, forms)) if g == generation => forms,
        _ => {
            // Left for the process's life, as a language's description is:
            // a new set only when a workspace registers a language.
            let forms: &'static [Form] = Box::leak(make_forms().into_boxed_slice());
            *made = Some((generation, forms));
            forms
        }
    }
}

fn make_forms() -> Vec<Form> {
    let mut out = Vec::new();
    for lang in Lang::all() {
        for (kind, _) in crate::lang::OPERATIONS {
            if let Some(form) = lang.operation(kind) {
                let tokens = tokens(form);
                let first = match tokens.first() {
                    Some(Token::Word(w)) => Some(folded(w)),
                    _ => None,
                };
                out.push(Form {
                    lang,
                    kind,
                    tokens,
                    first,
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
        .filter(|f| f.first.as_ref() == Some(&first_folded))
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
        match read_form(&mut c, form, all) {
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
mod tests;
