//! The template functions that draw: the pictures of the assessment
//! (`status_bars`, `heatmap`, `timeline`, from [`super::charts`]) and the
//! print margins of a document (`print_margins`). Each reads the page's
//! language and digits from the template's state.

use minijinja::value::Value;
use minijinja::{Environment, Error, State};

use crate::settings::Numerals;

use super::render::{page_lang, page_numerals};

/// Adds the functions to a template environment.
pub(super) fn register(env: &mut Environment<'static>) {
    env.add_function("status_bars", status_bars);
    env.add_function("heatmap", heatmap);
    env.add_function("timeline", timeline);
    env.add_function("print_margins", print_margins);
}

/// The style of the page being rendered, for its pictures.
fn chart_style(state: &State<'_, '_>) -> super::charts::Style {
    super::charts::Style {
        lang: page_lang(state),
        numerals: page_numerals(state),
    }
}

fn str_attr(v: &Value, name: &str) -> String {
    v.get_attr(name)
        .ok()
        .and_then(|x| x.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn score_of(v: Value) -> Option<f64> {
    if v.is_none() || v.is_undefined() {
        None
    } else {
        f64::try_from(v).ok()
    }
}

/// `status_bars(rows, id, title)`: a stacked status bar per row; each row
/// has `label` and `counts` (as the instrument rows carry them).
pub(super) fn status_bars(
    state: &State<'_, '_>,
    rows: Value,
    id: &str,
    title: &str,
) -> Result<Value, Error> {
    use super::charts::{Bar, ORDER};
    let mut bars = Vec::new();
    for r in rows.try_iter()? {
        let mut counts = [0usize; 6];
        let items = r.get_attr("counts")?.get_attr("items")?;
        for item in items.try_iter()? {
            let status = item.get_item(&Value::from(0))?;
            let n = usize::try_from(item.get_item(&Value::from(1))?).unwrap_or(0);
            if let Some(i) = ORDER
                .iter()
                .position(|s| Some(s.as_str()) == status.as_str())
            {
                counts[i] = n;
            }
        }
        bars.push(Bar {
            label: str_attr(&r, "label"),
            counts,
        });
    }
    Ok(Value::from_safe_string(super::charts::status_bars(
        id,
        title,
        &bars,
        chart_style(state),
    )))
}

/// `heatmap(rows, columns, id, title)`: rows with `label` and `cells`
/// (scores or none); `columns` are themes, named in the page's language.
pub(super) fn heatmap(
    state: &State<'_, '_>,
    rows: Value,
    columns: Value,
    id: &str,
    title: &str,
) -> Result<Value, Error> {
    let style = chart_style(state);
    let mut cols = Vec::new();
    for c in columns.try_iter()? {
        let key = format!("theme.{}", c.as_str().unwrap_or_default());
        cols.push(style.lang.t(&key).to_owned());
    }
    let mut out = Vec::new();
    for r in rows.try_iter()? {
        out.push(super::charts::HeatRow {
            label: str_attr(&r, "label"),
            cells: r.get_attr("cells")?.try_iter()?.map(score_of).collect(),
        });
    }
    Ok(Value::from_safe_string(super::charts::heatmap(
        id, title, &cols, &out, style,
    )))
}

/// `timeline(points, series, id, title)`: `points` are the columns' dates
/// (`none` for the statutes as held), `series` rows with `label` and
/// `values`.
pub(super) fn timeline(
    state: &State<'_, '_>,
    points: Value,
    series: Value,
    id: &str,
    title: &str,
) -> Result<Value, Error> {
    let style = chart_style(state);
    let pts: Vec<String> = points
        .try_iter()?
        .map(|p| {
            if p.is_none() || p.is_undefined() {
                return style.lang.t("history.as_held").to_owned();
            }
            let s = p.to_string();
            match s.parse::<crate::date::Date>() {
                Ok(d) => crate::lang::date(style.lang, style.numerals, d),
                Err(_) => s,
            }
        })
        .collect();
    let mut out = Vec::new();
    for s in series.try_iter()? {
        out.push(super::charts::Series {
            label: str_attr(&s, "label"),
            values: s.get_attr("values")?.try_iter()?.map(score_of).collect(),
        });
    }
    Ok(Value::from_safe_string(super::charts::timeline(
        id, title, &pts, &out, style,
    )))
}

/// A CSS string literal of `s` (quoted; quotes, backslashes, line breaks
/// and `<` escaped, so it can sit in a `<style>` element).
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\n' | '\r' => {
                let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\{:x} ", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `print_margins(head)`: the `<style>` element of a document made to be
/// printed: `head` at the top of every page but the first, and "Page N of
/// M" (the message `print.page_of`, in the page's digits) at the bottom.
pub(super) fn print_margins(state: &State<'_, '_>, head: &str) -> Value {
    let lang = page_lang(state);
    let style = match page_numerals(state) {
        Numerals::ArabicIndic => ", arabic-indic",
        Numerals::Western => "",
    };
    let template = lang.t("print.page_of");
    let mut content = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        let next = [("{page}", "page"), ("{pages}", "pages")]
            .iter()
            .filter_map(|(k, c)| rest.find(k).map(|i| (i, *k, *c)))
            .min_by_key(|(i, _, _)| *i);
        match next {
            Some((i, k, c)) => {
                if i > 0 {
                    content.push(css_string(&rest[..i]));
                }
                content.push(format!("counter({c}{style})"));
                rest = &rest[i + k.len()..];
            }
            None => {
                content.push(css_string(rest));
                rest = "";
            }
        }
    }
    let side = if lang.is_rtl() { "left" } else { "right" };
    Value::from_safe_string(format!(
        "<style>@media print {{ @page {{ @top-center {{ content: {}; }} @bottom-{side} {{ content: {}; }} }} @page :first {{ @top-center {{ content: none; }} }} }}</style>",
        css_string(head),
        content.join(" ")
    ))
}
