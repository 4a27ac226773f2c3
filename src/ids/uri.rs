//! The FRBR URI grammar of the Akoma Ntoso naming convention (OASIS
//! AKN-NC 1.0), as Laws.Africa's tools read it: one parser and one writer
//! for every form mizan reads or writes.
//!
//! ```text
//! uri        = "/akn/" work [ "/" expression ] [ "/" components ] [ "/~" portion ] [ "." format ]
//! work       = country [ "-" locality ] "/" doctype [ "/" subtype [ "/" actor ] ] "/" date "/" number
//! date       = YYYY | YYYY-MM-DD
//! expression = language [ "@" [ date ] | ":" date ]        language: ISO 639-2 (`eng`, `ara`)
//! components = "!" name { "/" name }                       `!main`, `!schedule1`, `!main/part1`
//! portion    = eId                                         `art_2`, `chp_1__art_3`
//! format     = "xml" | "html" | "akn"
//! ```
//!
//! A portion may follow a component directly: `!main~art_2`. Text that
//! breaks the grammar is a [`UriError`] that names the offending segment
//! by its byte span, so that a renderer can point at it.

use std::fmt;
use std::ops::Range;

use std::path::Path;
use std::sync::Arc;

use crate::date::Date;
use crate::diag::{Code, Diagnostic};

use super::{WorkId, check_eid};

/// A parsed FRBR URI: the work, and what it narrows down to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FrbrUri {
    pub work: WorkId,
    pub expression: Option<Expression>,
    /// Component names, outermost first (`["main"]`, `["schedule1", "part1"]`).
    pub components: Vec<String>,
    /// The eId of a portion (`art_2`, `chp_1__art_3`).
    pub portion: Option<String>,
    pub format: Option<UriFormat>,
}

/// The expression part: a language and which version of the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Expression {
    /// ISO 639-2, three lower-case letters (`eng`, `ara`).
    pub language: String,
    pub version: PointInTime,
}

/// Which version of a work an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PointInTime {
    /// No date (`/eng`): the text as it stands now.
    Latest,
    /// `@` alone: the text as first enacted.
    Original,
    /// `@DATE`: the text in force on that date.
    At(Date),
    /// `:DATE`: the text as amended on that date.
    Amended(Date),
}

impl PointInTime {
    /// The date asked for, if any.
    pub fn date(self) -> Option<Date> {
        match self {
            PointInTime::At(d) | PointInTime::Amended(d) => Some(d),
            PointInTime::Latest | PointInTime::Original => None,
        }
    }

    /// A stable name for JSON: `latest`, `original`, `at`, `amended`.
    pub fn kind(self) -> &'static str {
        match self {
            PointInTime::Latest => "latest",
            PointInTime::Original => "original",
            PointInTime::At(_) => "at",
            PointInTime::Amended(_) => "amended",
        }
    }
}

/// A manifestation's format: the extension at the end of a URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UriFormat {
    Xml,
    Html,
    Akn,
}

impl UriFormat {
    pub const ALL: [UriFormat; 3] = [UriFormat::Xml, UriFormat::Html, UriFormat::Akn];

    pub fn extension(self) -> &'static str {
        match self {
            UriFormat::Xml => "xml",
            UriFormat::Html => "html",
            UriFormat::Akn => "akn",
        }
    }
}

/// Why a text is not an FRBR URI: a message about one segment, the byte
/// span of that segment in the text, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UriError {
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl UriError {
    fn at(span: Range<usize>, message: impl Into<String>) -> Self {
        UriError {
            span,
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl UriError {
    /// The error as a diagnostic in `path`, whose text holds the URI at
    /// byte `offset` (0 for a URI given on its own).
    pub fn diagnostic(&self, path: &Arc<Path>, offset: usize) -> Diagnostic {
        let span = offset + self.span.start..offset + self.span.end;
        let d = Diagnostic::error(Code::MalformedUri, path, Some(span), &self.message)
            .with_label("here");
        match &self.help {
            Some(h) => d.with_help(h),
            None => d,
        }
    }
}

impl fmt::Display for UriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(h) = &self.help {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

impl std::error::Error for UriError {}

/// Two-letter (ISO 639-1) and three-letter (ISO 639-2/B) codes of the
/// languages a workspace is likely to hold, for mapping one to the other.
const LANGUAGES: [(&str, &str); 12] = [
    ("ar", "ara"),
    ("en", "eng"),
    ("fr", "fre"),
    ("es", "spa"),
    ("de", "ger"),
    ("ru", "rus"),
    ("zh", "chi"),
    ("pt", "por"),
    ("it", "ita"),
    ("fa", "per"),
    ("ur", "urd"),
    ("hi", "hin"),
];

/// The ISO 639-2 code of a two-letter language code (`en` -> `eng`).
pub fn iso639_2_of(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|(a, _)| *a == code).map(|(_, b)| *b)
}

/// The two-letter code of an ISO 639-2 code (`ara` -> `ar`).
pub fn iso639_1_of(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|(_, b)| *b == code).map(|(a, _)| *a)
}

/// One `/`-separated piece of the text after `/akn/`, with its byte span.
#[derive(Clone, Copy)]
struct Segment<'a> {
    text: &'a str,
    start: usize,
}

impl Segment<'_> {
    fn span(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

const EXAMPLE: &str = "/akn/kw/act/2013/91/eng@2013-03-17/~art_2";

impl FrbrUri {
    /// Parses any FRBR URI form: work, expression, component, portion, format.
    pub fn parse(s: &str) -> Result<FrbrUri, UriError> {
        check_characters(s)?;
        strip_prefix(s)?;
        if s.ends_with('/') {
            return Err(
                UriError::at(s.len() - 1..s.len(), "a URI does not end with `/`").help(format!(
                    "remove the trailing slash: `{}`",
                    s.trim_end_matches('/')
                )),
            );
        }
        let (body, format) = split_format(s)?;
        let segments = segments(body, 5)?;
        let (work, used) = parse_work(s, &segments)?;
        let mut uri = FrbrUri {
            work,
            expression: None,
            components: Vec::new(),
            portion: None,
            format,
        };
        parse_tail(&mut uri, &segments[used..])?;
        Ok(uri)
    }

    /// The work's URI, to narrow down with the builders below.
    pub fn of(work: &WorkId) -> FrbrUri {
        FrbrUri {
            work: work.clone(),
            expression: None,
            components: Vec::new(),
            portion: None,
            format: None,
        }
    }

    /// The expression in `language` (ISO 639-2) at `version`.
    pub fn expression(mut self, language: &str, version: PointInTime) -> FrbrUri {
        self.expression = Some(Expression {
            language: language.to_owned(),
            version,
        });
        self
    }

    /// The expression as of a version date: `@DATE`, or `@` when the date
    /// is not known (the text as first enacted).
    pub fn expression_at(self, language: &str, date: Option<Date>) -> FrbrUri {
        self.expression(
            language,
            date.map_or(PointInTime::Original, PointInTime::At),
        )
    }

    pub fn component(mut self, name: &str) -> FrbrUri {
        self.components.push(name.to_owned());
        self
    }

    pub fn portion(mut self, eid: &str) -> FrbrUri {
        self.portion = Some(eid.to_owned());
        self
    }

    pub fn format(mut self, format: UriFormat) -> FrbrUri {
        self.format = Some(format);
        self
    }

    /// The manifestation's own form, as Akoma Ntoso's `FRBRuri` of a
    /// manifestation has it: the component without its `!`
    /// (`.../eng@2013-03-17/main.xml`). It parses to the same parts as
    /// the `!main.xml` form.
    pub fn manifestation_uri(&self) -> String {
        let mut out = self.expression_uri();
        if !self.components.is_empty() {
            out.push('/');
            out.push_str(&self.components.join("/"));
        }
        if let Some(f) = self.format {
            out.push('.');
            out.push_str(f.extension());
        }
        out
    }

    /// The URI of the expression, without component, portion or format:
    /// `/akn/kw/act/2013/91/eng@2013-03-17`, or the work's when there is none.
    pub fn expression_uri(&self) -> String {
        let mut out = self.work.to_string();
        if let Some(e) = &self.expression {
            out.push('/');
            out.push_str(&e.to_string());
        }
        out
    }
}

impl fmt::Display for Expression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.language)?;
        match self.version {
            PointInTime::Latest => Ok(()),
            PointInTime::Original => f.write_str("@"),
            PointInTime::At(d) => write!(f, "@{d}"),
            PointInTime::Amended(d) => write!(f, ":{d}"),
        }
    }
}

/// The one writer: every URI mizan prints or exports is written here.
impl fmt::Display for FrbrUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.work)?;
        if let Some(e) = &self.expression {
            write!(f, "/{e}")?;
        }
        if !self.components.is_empty() {
            write!(f, "/!{}", self.components.join("/"))?;
        }
        if let Some(p) = &self.portion {
            let sep = if self.components.is_empty() { "/" } else { "" };
            write!(f, "{sep}~{p}")?;
        }
        if let Some(fm) = self.format {
            write!(f, ".{}", fm.extension())?;
        }
        Ok(())
    }
}

fn check_characters(s: &str) -> Result<(), UriError> {
    if s.is_empty() {
        return Err(UriError::at(0..0, "an empty text is not a URI")
            .help(format!("for example `{EXAMPLE}`")));
    }
    if let Some((i, c)) = s
        .char_indices()
        .find(|(_, c)| !c.is_ascii_graphic() || matches!(c, '?' | '#' | '%' | '\\'))
    {
        let what = if c.is_whitespace() {
            "a space".to_owned()
        } else {
            format!("`{c}`")
        };
        return Err(
            UriError::at(i..i + c.len_utf8(), format!("a URI cannot hold {what}"))
                .help("URIs are lower-case ASCII: letters, digits and `/ - _ @ : ! ~ .`"),
        );
    }
    // Only ASCII from here, so every span falls on a character boundary.
    if s.len() > 400 {
        return Err(UriError::at(
            400..s.len(),
            "a URI is at most 400 bytes long",
        ));
    }
    Ok(())
}

fn strip_prefix(s: &str) -> Result<&str, UriError> {
    if let Some(rest) = s.strip_prefix("/akn/") {
        return Ok(rest);
    }
    let first = s.trim_start_matches('/');
    let end = s.len() - first.len() + first.find('/').unwrap_or(first.len());
    let err = UriError::at(0..end, "an Akoma Ntoso URI starts with `/akn/`");
    Err(if let Some(rest) = s.strip_prefix("akn/") {
        err.help(format!("add the leading slash: `/akn/{rest}`"))
    } else if s.starts_with("http://") || s.starts_with("https://") {
        err.help("give the path only, from `/akn/`")
    } else {
        err.help(format!("for example `{EXAMPLE}`"))
    })
}

/// Splits a format extension off the last segment (`.../!main.xml`).
fn split_format(s: &str) -> Result<(&str, Option<UriFormat>), UriError> {
    let last = s.rfind('/').map_or(0, |i| i + 1);
    let Some(dot) = s[last..].find('.').map(|d| last + d) else {
        return Ok((s, None));
    };
    let ext = &s[dot + 1..];
    match UriFormat::ALL.into_iter().find(|f| f.extension() == ext) {
        Some(f) => Ok((&s[..dot], Some(f))),
        None => Err(UriError::at(
            dot..s.len(),
            format!("`.{ext}` is not a format of an Akoma Ntoso URI"),
        )
        .help("use `.xml`, `.html` or `.akn`")),
    }
}

/// The segments of `body` from byte `offset` (after `/akn/`); an empty
/// one (`//`) is an error.
fn segments(body: &str, offset: usize) -> Result<Vec<Segment<'_>>, UriError> {
    let mut out = Vec::new();
    let mut start = offset;
    for text in body[offset..].split('/') {
        if text.is_empty() {
            return Err(UriError::at(
                start.saturating_sub(1)..start,
                "an empty segment (`//`) in a URI",
            ));
        }
        out.push(Segment { text, start });
        start += text.len() + 1;
    }
    Ok(out)
}

/// A lower-case word with single inner hyphens and digits after the first
/// letter: doctypes, subtypes, actors (`act`, `decree-law`, `amiri-decree`).
fn is_word(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 60
        && b[0].is_ascii_lowercase()
        && !s.ends_with('-')
        && !s.contains("--")
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

fn is_number(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 40
        && b[0].is_ascii_alphanumeric()
        && !s.ends_with('-')
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

fn looks_like_date(s: &str) -> bool {
    s.len() >= 4 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

fn check_date(seg: Segment<'_>) -> Result<(), UriError> {
    let t = seg.text;
    let ok = if t.len() == 4 {
        t.bytes().all(|c| c.is_ascii_digit())
    } else {
        t.len() == 10 && t.parse::<Date>().is_ok()
    };
    if ok {
        Ok(())
    } else {
        Err(
            UriError::at(seg.span(), format!("`{t}` is not a date of a work"))
                .help("write a year (`2013`) or a full date (`2013-03-17`)"),
        )
    }
}

/// The work: the first segments, up to and including the number. Returns
/// the work id and how many segments it used.
fn parse_work(s: &str, seg: &[Segment<'_>]) -> Result<(WorkId, usize), UriError> {
    let end = s.len()..s.len();
    let place = &seg[0];
    let (country, locality) = match place.text.split_once('-') {
        Some((c, l)) => (c, Some(l)),
        None => (place.text, None),
    };
    let country_ok = country.len() == 2 && country.bytes().all(|c| c.is_ascii_lowercase());
    let locality_ok = locality.is_none_or(|l| {
        !l.is_empty()
            && l.len() <= 20
            && l.bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    });
    if !country_ok || !locality_ok {
        return Err(UriError::at(
            place.span(),
            format!(
                "`{}` is not a country: expected two lower-case letters and an optional locality",
                place.text
            ),
        )
        .help("for example `kw` or `kw-xx` (ISO 3166-1 alpha-2)"));
    }
    let Some(doctype) = seg.get(1) else {
        return Err(UriError::at(
            end,
            "the URI ends after the country: the document type is missing",
        )
        .help(format!("for example `{EXAMPLE}`")));
    };
    if !is_word(doctype.text) {
        return Err(UriError::at(
            doctype.span(),
            format!("`{}` is not a document type", doctype.text),
        )
        .help("a lower-case word such as `act`, `bill` or `judgment`"));
    }
    let mut i = 2;
    while let Some(g) = seg.get(i) {
        if looks_like_date(g.text) {
            break;
        }
        if i == 4 {
            return Err(UriError::at(
                g.span(),
                format!("expected the work's date here, found `{}`", g.text),
            )
            .help("a work has at most a subtype and an actor before its date"));
        }
        if !is_word(g.text) {
            return Err(UriError::at(
                g.span(),
                format!("`{}` is neither a subtype nor a date", g.text),
            )
            .help("write a year (`2013`) or a full date (`2013-03-17`)"));
        }
        i += 1;
    }
    let Some(date) = seg.get(i) else {
        return Err(
            UriError::at(end, "the URI ends before the work's date and number")
                .help(format!("for example `{EXAMPLE}`")),
        );
    };
    check_date(*date)?;
    let Some(number) = seg.get(i + 1) else {
        return Err(UriError::at(
            end,
            "the URI ends after the date: the work's number is missing",
        )
        .help(format!("for example `{EXAMPLE}`")));
    };
    if !is_number(number.text) {
        let mut e = UriError::at(
            number.span(),
            format!("`{}` is not the number of a work", number.text),
        );
        e = if let Some((n, v)) = number.text.split_once(['@', ':']) {
            let marker = &number.text[n.len()..n.len() + 1];
            e.help(format!(
                "a version date belongs to an expression: `.../{n}/eng{marker}{v}`"
            ))
        } else {
            e.help("lower-case letters, digits and hyphens (`91`, `nn`, `5319`)")
        };
        return Err(e);
    }
    let work_end = number.start + number.text.len();
    Ok((WorkId::from_checked(&s[..work_end]), i + 2))
}

/// What follows the work: an expression, components, a portion.
fn parse_tail(uri: &mut FrbrUri, seg: &[Segment<'_>]) -> Result<(), UriError> {
    let mut rest = seg;
    if let Some(first) = rest.first()
        && first.text.starts_with(|c: char| c.is_ascii_alphabetic())
        && (2..=3).contains(&first.text.find(['@', ':']).unwrap_or(first.text.len()))
    {
        uri.expression = Some(parse_expression(*first)?);
        rest = &rest[1..];
    }
    // Components: `!main`, nested as `!schedule1/part1` (or `/!part1`).
    while let Some(g) = rest.first() {
        let name = match g.text.strip_prefix('!') {
            Some(n) => n,
            None if !uri.components.is_empty() && !g.text.starts_with('~') => g.text,
            // A manifestation names its component without `!`: `main.xml`.
            None if rest.len() == 1
                && uri.format.is_some()
                && !g.text.starts_with('~')
                && check_eid(g.text).is_err() =>
            {
                g.text
            }
            None => break,
        };
        let (name, portion) = match name.split_once('~') {
            Some((n, p)) => (n, Some(p)),
            None => (name, None),
        };
        let name_start = g.start + usize::from(g.text.starts_with('!'));
        check_component(name, g.start..name_start + name.len())?;
        uri.components.push(name.to_owned());
        rest = &rest[1..];
        if let Some(p) = portion {
            uri.portion = Some(check_portion(p, name_start + name.len() + 1)?);
            break;
        }
    }
    if uri.portion.is_none()
        && let Some(g) = rest.first()
    {
        match g.text.strip_prefix('~') {
            Some(p) => uri.portion = Some(check_portion(p, g.start + 1)?),
            None => return Err(unexpected(uri, *g)),
        }
        rest = &rest[1..];
    }
    if let Some(g) = rest.first() {
        let last = rest.last().map_or(g.start, |l| l.start + l.text.len());
        return Err(
            UriError::at(g.start..last, "nothing may follow the portion of a URI")
                .help("a portion's eId joins its parts with `__`: `~chp_1__art_3`"),
        );
    }
    Ok(())
}

/// The message for a segment that is in the wrong place or has no marker.
fn unexpected(uri: &FrbrUri, g: Segment<'_>) -> UriError {
    let t = g.text;
    if check_eid(t).is_ok() {
        return UriError::at(
            g.span(),
            format!("`{t}` looks like a portion without its `~`"),
        )
        .help(format!("write `~{t}`"));
    }
    if uri.expression.is_some()
        && t.len() <= 3 + 11
        && t.starts_with(|c: char| c.is_ascii_lowercase())
    {
        return UriError::at(g.span(), format!("a second expression `{t}`"))
            .help("a URI names one language and one date");
    }
    UriError::at(g.span(), format!("unexpected `{t}` after the work"))
        .help("after the work come an expression (`eng@2013-03-17`), a component (`!main`) and a portion (`~art_2`)")
}

fn parse_expression(g: Segment<'_>) -> Result<Expression, UriError> {
    let t = g.text;
    let lang_len = t.find(['@', ':']).unwrap_or(t.len());
    let language = &t[..lang_len];
    let lang_span = g.start..g.start + lang_len;
    if language.len() == 2
        && let Some(three) = iso639_2_of(language)
    {
        return Err(UriError::at(
            lang_span,
            format!("`{language}` is a two-letter language code"),
        )
        .help(format!(
            "Akoma Ntoso names languages in ISO 639-2: `{three}`"
        )));
    }
    if language.len() != 3 || !language.bytes().all(|c| c.is_ascii_lowercase()) {
        return Err(
            UriError::at(lang_span, format!("`{language}` is not a language code"))
                .help("an expression starts with an ISO 639-2 code: `eng`, `ara`"),
        );
    }
    let marker = t[lang_len..].chars().next();
    let date_text = t.get(lang_len + 1..).unwrap_or("");
    let date_span = g.start + lang_len + 1..g.start + t.len();
    let date = || {
        date_text.parse::<Date>().map_err(|_| {
            UriError::at(date_span.clone(), format!("`{date_text}` is not a date"))
                .help("an expression's date is written `YYYY-MM-DD`: `eng@2013-03-17`")
        })
    };
    let version = match marker {
        None => PointInTime::Latest,
        Some('@') if date_text.is_empty() => PointInTime::Original,
        Some('@') => PointInTime::At(date()?),
        Some(_) if date_text.is_empty() => {
            return Err(UriError::at(
                lang_span.end..lang_span.end + 1,
                "`:` needs the date of an amendment",
            )
            .help("write `eng:2019-04-09`, or `eng@` for the text as first enacted"));
        }
        Some(_) => PointInTime::Amended(date()?),
    };
    Ok(Expression {
        language: language.to_owned(),
        version,
    })
}

fn check_component(name: &str, span: Range<usize>) -> Result<(), UriError> {
    if super::is_lower_name(name) {
        Ok(())
    } else {
        Err(
            UriError::at(span, format!("`!{name}` is not a component name"))
                .help("a component is `!` and a lower-case name: `!main`, `!schedule1`"),
        )
    }
}

fn check_portion(eid: &str, start: usize) -> Result<String, UriError> {
    check_eid(eid).map_err(|_| {
        UriError::at(
            start.saturating_sub(1)..start + eid.len(),
            format!("`~{eid}` is not a portion"),
        )
        .help("a portion is `~` and an eId: `~art_2`, `~chp_1__art_3`, `~art_2__para_1`")
    })?;
    Ok(eid.to_owned())
}

#[cfg(test)]
mod tests;
