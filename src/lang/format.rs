//! Numbers, sizes and dates as a language's readers write them, in the
//! digits `mizan.toml` sets for the language ([`Numerals`]; by default the
//! language file's, Arabic-Indic `١٢٣` for Arabic); and messages with their
//! values filled in. Corpus text is never touched.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::Lang;
use crate::date::Date;
use crate::text::arabic_indic_digits;

/// A system of digits for writing numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Numerals {
    /// 0123456789, with `.` for decimals and `%`.
    Western,
    /// ٠١٢٣٤٥٦٧٨٩, with `٫` for decimals and `٪`.
    ArabicIndic,
}

/// `template` with each `{name}` replaced by its value; a name with no
/// value is left as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
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

/// A file size in the units readers of `lang` write (the messages
/// `unit.bytes`, `unit.kb`, `unit.mb`): `106 KB`, `١٠٦ ك.ب` (bytes below a
/// kilobyte, kilobytes below a megabyte, then megabytes; a kilobyte is
/// 1,024 bytes).
pub fn size(lang: Lang, numerals: Numerals, bytes: u64) -> String {
    const KB: u64 = 1024;
    let (value, unit) = if bytes < KB {
        (bytes.to_string(), "unit.bytes")
    } else if bytes < KB * KB {
        ((bytes as f64 / KB as f64).round().to_string(), "unit.kb")
    } else {
        (
            decimal(Numerals::Western, bytes as f64 / (KB * KB) as f64),
            "unit.mb",
        )
    };
    let value = match numerals {
        Numerals::Western => value,
        Numerals::ArabicIndic => arabic_indic_digits(&value).replace('.', "٫"),
    };
    format!("{value}\u{a0}{}", lang.t(unit))
}

/// A date as readers of `lang` write it, with the month names of its file
/// (English's when it gives none): `17 March 2013`, `١٧ مارس ٢٠١٣`.
pub fn date(lang: Lang, numerals: Numerals, d: Date) -> String {
    let m = usize::from(d.month.clamp(1, 12) - 1);
    let months = match &lang.def().months {
        months if months.len() == 12 => months,
        _ => &Lang::EN.def().months,
    };
    format!(
        "{} {} {}",
        number(numerals, u64::from(d.day)),
        months[m],
        number(numerals, u64::from(d.year))
    )
}
