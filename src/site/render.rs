//! Rendering: the minijinja environment, its templates and filters.
//!
//! Templates live in `templates/` at the repository root and are compiled
//! into the binary (minijinja-embed, from `build.rs`). A workspace overrides
//! any single one by placing a file of the same name in its own
//! `templates/` folder; an override that does not compile is a diagnostic
//! naming its file and line. `.html` templates are auto-escaped: corpus
//! text can never become markup.

use std::collections::BTreeMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior};

use crate::corpus::Lang;
use crate::diag::{Code, Diagnostic, Diagnostics, Sources};
use crate::settings::Numerals;
use crate::workspace::Rules;

use super::model::Page;

/// The templates compiled into the binary, by name.
fn embedded() -> BTreeMap<String, String> {
    let mut env = Environment::new();
    minijinja_embed::load_templates!(&mut env);
    env.templates()
        .map(|(name, t)| (name.to_owned(), t.source().to_owned()))
        .collect()
}

/// The template environment of one build.
pub struct Renderer {
    env: Environment<'static>,
    /// A hash of every template's source, so that pages are rendered again
    /// when any template changes.
    pub fingerprint: u64,
}

/// The language of the page being rendered.
pub(super) fn page_lang(state: &State<'_, '_>) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::from_code))
        .unwrap_or(Lang::EN)
}

/// The digits of the page being rendered (`numerals` in its context).
pub(super) fn page_numerals(state: &State<'_, '_>) -> Numerals {
    match state.lookup("numerals").as_ref().and_then(Value::as_str) {
        Some("arabic-indic") => Numerals::ArabicIndic,
        Some("western") => Numerals::Western,
        _ => page_lang(state).def().numerals,
    }
}

/// The message `key` in the page's language, with its `{name}` values
/// filled in from the keyword arguments: numbers in the page's digits, HTML
/// a template built (a `set` block) as it is, anything else escaped.
fn t(state: &State<'_, '_>, key: &str, kwargs: Kwargs) -> Result<Value, Error> {
    let lang = page_lang(state);
    // A language's name: in itself for the language menu (`lang.ar`), in
    // the page's language elsewhere (`langname.ar`); from the files.
    if let Some(named) = key.strip_prefix("lang.").and_then(Lang::from_code) {
        return Ok(Value::from(named.def().name.as_str()));
    }
    if let Some(named) = key.strip_prefix("langname.").and_then(Lang::from_code) {
        return Ok(Value::from(lang.name_of(named)));
    }
    let text = lang.text(key).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("no message `{key}` in the English language file (i18n/en.toml)"),
        )
    })?;
    let mut out = text.to_owned();
    // The language file writes Arabic numbers in Arabic-Indic digits; a page
    // set to Western digits gets them in those.
    if page_numerals(state) == Numerals::Western && lang.def().numerals == Numerals::ArabicIndic {
        out = crate::text::ascii_digits(&out).replace('٫', ".");
    }
    let mut out = esc(&out).to_string();
    for name in kwargs.args() {
        let v: Value = kwargs.get(name)?;
        let s = match v.as_i64() {
            Some(n) if n >= 0 => crate::lang::number(page_numerals(state), n as u64),
            _ if v.is_safe() => v.to_string(),
            _ => esc(&v.to_string()).to_string(),
        };
        out = out.replace(&format!("{{{name}}}"), &s);
    }
    Ok(Value::from_safe_string(out))
}

fn num(state: &State<'_, '_>, v: Value) -> String {
    let numerals = page_numerals(state);
    match v.as_i64() {
        Some(n) if n >= 0 => crate::lang::number(numerals, n as u64),
        _ => match f64::try_from(v.clone()) {
            Ok(x) if x.is_finite() => crate::lang::decimal(numerals, x),
            _ => crate::lang::digits(numerals, &v.to_string()).into_owned(),
        },
    }
}

fn pct(state: &State<'_, '_>, v: Value) -> String {
    if v.is_none() || v.is_undefined() {
        return "–".to_owned();
    }
    let f = f64::try_from(v).unwrap_or(0.0);
    crate::lang::percent(page_numerals(state), f)
}

fn date(state: &State<'_, '_>, v: Value) -> String {
    let s = v.to_string();
    match s.parse::<crate::date::Date>() {
        Ok(d) => crate::lang::date(page_lang(state), page_numerals(state), d),
        Err(_) => s,
    }
}

fn digits(state: &State<'_, '_>, v: Value) -> String {
    crate::lang::digits(page_numerals(state), &v.to_string()).into_owned()
}

/// A file size in bytes, in the page's units and digits (`١٠٦ ك.ب`).
fn size(state: &State<'_, '_>, v: Value) -> String {
    let bytes = v.as_i64().and_then(|n| u64::try_from(n).ok()).unwrap_or(0);
    crate::lang::size(page_lang(state), page_numerals(state), bytes)
}

/// A mark that tells statuses apart without colour (greyscale print).
fn mark(status: &str) -> &'static str {
    match status {
        "full" => "●",
        "partial" => "◐",
        "missing" => "○",
        "conflict" => "✕",
        "not-applicable" => "–",
        _ => "?",
    }
}

/// HTML-escapes text: `&`, `<`, `>`, `"` and `'`, which is all that can end
/// text or a quoted attribute. (`/` is left as it is, unlike minijinja's
/// default, so paths in links stay readable.) Bidi embedding, override and
/// isolate controls (U+202A..U+202E, U+2066..U+2069) are left out: a
/// right-to-left override in a title would make it read backwards, and the
/// page marks direction itself (`check` warns about them in the data).
pub struct Escaped<'a>(pub &'a str);

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, b) in s.bytes().enumerate() {
            let (rep, len) = match b {
                b'&' => ("&amp;", 1),
                b'<' => ("&lt;", 1),
                b'>' => ("&gt;", 1),
                b'"' => ("&quot;", 1),
                b'\'' => ("&#39;", 1),
                0xE2 if s[i..]
                    .chars()
                    .next()
                    .is_some_and(crate::text::is_bidi_control) =>
                {
                    ("", 3)
                }
                _ => continue,
            };
            f.write_str(&s[last..i])?;
            f.write_str(rep)?;
            last = i + len;
        }
        f.write_str(&s[last..])
    }
}

fn esc(s: &str) -> Escaped<'_> {
    Escaped(s)
}

/// Writes values into templates: strings escaped by [`Escaped`] in HTML
/// templates, everything else as minijinja does.
fn formatter(
    out: &mut minijinja::Output<'_>,
    state: &mut State<'_, '_>,
    value: &Value,
) -> Result<(), Error> {
    if matches!(state.auto_escape(), minijinja::AutoEscape::Html)
        && !value.is_safe()
        && let Some(s) = value.as_str()
    {
        return write!(out, "{}", Escaped(s))
            .map_err(|_| Error::new(ErrorKind::WriteFailure, "cannot write"));
    }
    minijinja::escape_formatter(out, state, value)
}

/// A status as a mark and a word: `● Full`. Unknown statuses are an error.
fn status(state: &State<'_, '_>, v: Value) -> Result<Value, Error> {
    let s = v.as_str().unwrap_or("").to_owned();
    let word = page_lang(state)
        .text(&format!("status.{s}"))
        .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, format!("unknown status `{s}`")))?;
    Ok(Value::from_safe_string(format!(
        r#"<span class="status st-{s}"><span class="status-mark" aria-hidden="true">{}</span> {}</span>"#,
        mark(&s),
        esc(word)
    )))
}

/// Text in a language: marked with `lang` and `dir` when it differs from
/// the page's language, and followed by an "English only" label when it
/// stands in for a text the page's language lacks.
fn txt(state: &State<'_, '_>, v: Value) -> Result<Value, Error> {
    let text = v.get_attr("text")?;
    let text = text.as_str().unwrap_or("");
    let lang = v.get_attr("lang")?;
    let lang = lang.as_str().unwrap_or("en");
    let mut out = in_lang(state, text, lang);
    out.push_str(&only_in_label(state, &v)?);
    Ok(Value::from_safe_string(out))
}

fn in_lang(state: &State<'_, '_>, text: &str, lang: &str) -> String {
    if lang == page_lang(state).code() {
        esc(text).to_string()
    } else {
        format!(
            r#"<span lang="{}" dir="{}">{}</span>"#,
            esc(lang),
            super::model::dir_of(lang),
            esc(text)
        )
    }
}

/// The "English only" label of a [`Text`] that is a fallback (nothing
/// otherwise), in the page's language and marked with it, so that it reads
/// right inside a block of the other language.
fn only_in_label(state: &State<'_, '_>, v: &Value) -> Result<String, Error> {
    if !v.get_attr("fallback")?.is_true() {
        return Ok(String::new());
    }
    let lang = v.get_attr("lang")?;
    let page = page_lang(state);
    let key = format!("fallback.{}", lang.as_str().unwrap_or("en"));
    let label = page.message(&key).unwrap_or(page.t("fallback.other"));
    Ok(format!(
        r#" <small class="only-in" lang="{}" dir="{}">{}</small>"#,
        page.code(),
        super::model::dir(page),
        esc(label)
    ))
}

/// The "English only" label of a block's text (see [`only_in_label`]).
fn only_in(state: &State<'_, '_>, v: Value) -> Result<Value, Error> {
    Ok(Value::from_safe_string(only_in_label(state, &v)?))
}

/// ` lang=".." dir=".."` for a block holding a [`Text`] in another language
/// than the page (so an English paragraph on an Arabic page reads left to
/// right); nothing when the languages agree.
fn lang_attrs(state: &State<'_, '_>, v: Value) -> Result<Value, Error> {
    let lang = v.get_attr("lang")?;
    let lang = lang.as_str().unwrap_or("en");
    Ok(Value::from_safe_string(
        if lang == page_lang(state).code() {
            String::new()
        } else {
            format!(
                r#" lang="{}" dir="{}""#,
                esc(lang),
                super::model::dir_of(lang)
            )
        },
    ))
}

/// A redline from the amendment stage's segments: `both` marks insertions
/// `<ins>` and deletions `<del>`; `old` gives the text before (deletions
/// marked), `new` the text after (insertions marked).
fn redline(v: Value, side: &str) -> Result<Value, Error> {
    let mut out = String::new();
    for seg in v.try_iter()? {
        let kind = seg.get_attr("kind")?;
        let text = seg.get_attr("text")?;
        let text = esc(text.as_str().unwrap_or(""));
        match (kind.as_str().unwrap_or(""), side) {
            ("equal", _) => out.push_str(&text.to_string()),
            ("insert", "both" | "new") => out.push_str(&format!("<ins>{text}</ins>")),
            ("delete", "both" | "old") => out.push_str(&format!("<del>{text}</del>")),
            ("insert", "old") | ("delete", "new") => {}
            (k, s) => {
                return Err(Error::new(
                    ErrorKind::InvalidOperation,
                    format!("redline: unknown segment kind `{k}` or side `{s}`"),
                ));
            }
        }
    }
    Ok(Value::from_safe_string(out))
}

/// Text with safe URLs as links (see `site::links`).
fn linked(v: Value) -> Result<Value, Error> {
    let mut out = String::new();
    for seg in v.try_iter()? {
        let text = seg.get_attr("text")?;
        let href = seg.get_attr("href")?;
        push_segment(&mut out, text.as_str().unwrap_or(""), href.as_str());
    }
    Ok(Value::from_safe_string(out))
}

/// One piece of free text: a safe URL as a link, anything else as text.
fn push_segment(out: &mut String, text: &str, href: Option<&str>) {
    match href {
        // A URL reads left to right in any text: isolated, so that an
        // Arabic sentence around it keeps its order (and the URL its).
        Some(h) if super::links::safe_href(h) => {
            out.push_str(&format!(
                r#"<a href="{}" rel="noopener" dir="ltr" lang="en">{}</a>"#,
                esc(h),
                esc(text)
            ));
        }
        _ => out.push_str(&esc(text).to_string()),
    }
}

/// Free text (a note, a rationale) with its URLs as isolated links.
fn links(v: Value) -> Value {
    let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
    let mut out = String::new();
    for seg in super::links::linkify(&text) {
        push_segment(&mut out, seg.text, seg.href);
    }
    Value::from_safe_string(out)
}

/// A score as a bar and a percentage; a dash when nothing was scored.
fn score_bar(state: &State<'_, '_>, v: Value) -> Value {
    let numerals = page_numerals(state);
    if v.is_none() || v.is_undefined() {
        return Value::from_safe_string(
            r#"<span class="score"><span class="score-value">–</span></span>"#.to_owned(),
        );
    }
    let f = f64::try_from(v).unwrap_or(0.0).clamp(0.0, 1.0);
    Value::from_safe_string(format!(
        r#"<span class="score"><span class="score-bar" aria-hidden="true"><span class="score-fill" style="inline-size: {:.1}%"></span></span> <span class="score-value">{}</span></span>"#,
        f * 100.0,
        esc(&crate::lang::percent(numerals, f))
    ))
}

impl Renderer {
    /// The embedded templates, with the workspace's overrides from
    /// `<workspace>/templates/`.
    pub fn new(workspace: &Path) -> Result<Renderer, (Diagnostics, Sources)> {
        let mut sources: BTreeMap<String, (String, Option<PathBuf>)> = embedded()
            .into_iter()
            .map(|(k, v)| (k, (v, None)))
            .collect();
        let dir = workspace.join("templates");
        let mut diags = Diagnostics::new();
        let mut srcs = Sources::default();
        let rules =
            Rules::new(workspace).map_err(|d| (Diagnostics(vec![d]), Sources::default()))?;
        for name in sources.keys().cloned().collect::<Vec<_>>() {
            let path = dir.join(&name);
            match rules.read_optional(&path) {
                Ok(Some(bytes)) => match String::from_utf8(bytes) {
                    Ok(text) => {
                        sources.insert(name, (text, Some(path)));
                    }
                    Err(_) => diags.push(Diagnostic::error(
                        Code::InvalidUtf8,
                        &rules.display(&path),
                        None,
                        "the template is not valid UTF-8",
                    )),
                },
                Ok(None) => {}
                Err(d) => diags.push(d),
            }
        }
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        env.set_formatter(formatter);
        let mut hasher = std::hash::DefaultHasher::new();
        for (name, (text, path)) in sources {
            hasher.write(name.as_bytes());
            hasher.write(text.as_bytes());
            if let Err(e) = env.add_template_owned(name.clone(), text.clone()) {
                let shown: Arc<Path> = Arc::from(
                    path.as_deref()
                        .and_then(|p| p.strip_prefix(workspace).ok())
                        .map_or_else(|| PathBuf::from("templates").join(&name), Path::to_path_buf),
                );
                let span = e.line().map(|line| {
                    let start = crate::diag::offset_of(&text, line, 1);
                    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                    start..end
                });
                srcs.add(Arc::clone(&shown), Arc::from(text.as_str()));
                diags.push(
                    Diagnostic::error(
                        Code::TemplateError,
                        &shown,
                        span,
                        format!(
                            "template does not compile: {}",
                            e.detail().unwrap_or("syntax error")
                        ),
                    )
                    .with_help("fix the template, or remove it to use the built-in one"),
                );
            }
        }
        if diags.has_errors() {
            return Err((diags, srcs));
        }
        env.add_function("t", t);
        env.add_filter("num", num);
        env.add_filter("pct", pct);
        env.add_filter("date", date);
        env.add_filter("digits", digits);
        env.add_filter("size", size);
        env.add_function("status", status);
        env.add_function("txt", txt);
        env.add_function("only_in", only_in);
        env.add_function("redline", redline);
        env.add_function("lang_attrs", lang_attrs);
        env.add_function("linked", linked);
        env.add_function("links", links);
        env.add_function("score_bar", score_bar);
        super::figures::register(&mut env);
        Ok(Renderer {
            env,
            fingerprint: hasher.finish(),
        })
    }

    pub fn render(&self, page: &Page<'_>) -> Result<String, Error> {
        self.env
            .get_template(page.template)?
            .render(minijinja::value::Serde(&page.context))
    }

    /// Names of the templates, for tests and documentation.
    pub fn template_names(&self) -> Vec<&str> {
        self.env.templates().map(|(n, _)| n).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_name<T: serde::Serialize>(v: T) -> String {
        serde_json::to_value(v)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn every_message_key_the_templates_name_is_in_the_catalogue() {
        let mut missing = Vec::new();
        let mut used = 0;
        for (name, source) in embedded() {
            for quote in ['"', '\''] {
                let open = format!("t({quote}");
                let mut rest = source.as_str();
                while let Some(i) = rest.find(&open) {
                    rest = &rest[i + open.len()..];
                    let Some(end) = rest.find(quote) else { break };
                    let key = &rest[..end];
                    // `t("status." ~ s)`: a family, checked below.
                    if !rest[end + 1..].trim_start().starts_with('~') {
                        used += 1;
                        if Lang::EN.message(key).is_none() {
                            missing.push(format!("{name}: {key}"));
                        }
                    }
                }
            }
        }
        assert!(used > 50, "only {used} keys found");
        assert!(missing.is_empty(), "not in the catalogue: {missing:?}");
    }

    #[test]
    fn every_value_of_every_enum_the_templates_translate_has_a_message() {
        use crate::amend::{AmendmentKind, AmendmentStatus};
        use crate::corpus::{Authority, WorkStatus};
        use crate::standards::{InstrumentKind, Obligation, PartyStatus, Status, Theme};
        let mut keys: Vec<String> = Vec::new();
        keys.extend(
            Status::ALL
                .iter()
                .map(|s| format!("status.{}", serde_name(s))),
        );
        keys.extend(
            Theme::ALL
                .iter()
                .map(|s| format!("theme.{}", serde_name(s))),
        );
        keys.extend(
            Obligation::ALL
                .iter()
                .map(|s| format!("obligation.{}", serde_name(s))),
        );
        for s in [
            AmendmentStatus::Draft,
            AmendmentStatus::Submitted,
            AmendmentStatus::InCommittee,
            AmendmentStatus::Approved,
            AmendmentStatus::Enacted,
            AmendmentStatus::Rejected,
            AmendmentStatus::Withdrawn,
        ] {
            keys.push(format!("amendstatus.{}", serde_name(s)));
        }
        for k in [
            AmendmentKind::Bill,
            AmendmentKind::DecreeLaw,
            AmendmentKind::CourtRuling,
            AmendmentKind::Ministerial,
        ] {
            keys.push(format!("amendkind.{}", serde_name(k)));
        }
        for a in [
            Authority::Official,
            Authority::UnofficialTranslation,
            Authority::UnofficialSummary,
        ] {
            keys.push(format!("authority.{}", serde_name(a)));
        }
        for w in [
            WorkStatus::InForce,
            WorkStatus::Repealed,
            WorkStatus::PartlyRepealed,
        ] {
            keys.push(format!("workstatus.{}", serde_name(w)));
        }
        for p in [
            PartyStatus::Ratified,
            PartyStatus::Acceded,
            PartyStatus::Signed,
            PartyStatus::NotParty,
        ] {
            keys.push(format!("party.{}", serde_name(p)));
        }
        for k in [
            InstrumentKind::Convention,
            InstrumentKind::Protocol,
            InstrumentKind::SoftLaw,
        ] {
            keys.push(format!("instrumentkind.{}", serde_name(k)));
        }
        for n in [
            "home",
            "gaps",
            "works",
            "standards",
            "amendments",
            "search",
            "downloads",
        ] {
            keys.push(format!("nav.{n}"));
        }
        let missing: Vec<_> = keys
            .iter()
            .filter(|k| Lang::EN.message(k).is_none())
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn escaping_covers_what_ends_text_or_an_attribute() {
        assert_eq!(
            Escaped(r#"<a href="x" title='y'>&</a>"#).to_string(),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(Escaped("../en/index.html").to_string(), "../en/index.html");
        // A right-to-left override never reaches the page.
        assert_eq!(
            Escaped("قانون \u{202E}cba\u{202C} — «x»").to_string(),
            "قانون cba — «x»"
        );
        assert_eq!(Escaped("\u{2067}ب\u{2069}").to_string(), "ب");
    }

    #[test]
    fn urls_in_free_text_become_isolated_links() {
        let v = links(Value::from("ملخص ثانوي (https://a.example/x) <b>."));
        assert_eq!(
            v.as_str().unwrap(),
            r#"ملخص ثانوي (<a href="https://a.example/x" rel="noopener" dir="ltr" lang="en">https://a.example/x</a>) &lt;b&gt;."#
        );
        let v = links(Value::from("javascript:alert(1)"));
        assert_eq!(v.as_str().unwrap(), "javascript:alert(1)");
    }

    #[test]
    fn the_embedded_templates_compile() {
        let dir = tempfile::tempdir().unwrap();
        let r = Renderer::new(dir.path()).unwrap_or_else(|(d, _)| panic!("{d:?}"));
        for name in [
            "base.html",
            "home.html",
            "work.html",
            "gaps.html",
            "amendment.html",
        ] {
            assert!(r.template_names().contains(&name), "{name}");
        }
    }
}
