//! A language's numbers in words: the `[numbers]` table of its file.
//!
//! The words are data (`units`, `tens`, `hundreds`, the joining words);
//! how they compose is one of two grammars, named by `grammar`:
//!
//! - `"english"`: `[unit hundred [and]] (tens[-unit] | unit)`, as in
//!   `one hundred and twenty-one`, `Twenty-First`, `vingt et un`. `units`
//!   lists 1, 2, … (up to 19), `tens` 20, 30, … 90, `hundred` the hundred
//!   words. In each list of forms the first is the cardinal, which
//!   composes; the others (ordinals: `first`, `twentieth`, `hundredth`)
//!   end the number. A unit of ten or more follows a tens word only where
//!   the language has no word for the next ten (`soixante-douze`).
//! - `"arabic"`: a unit and `عشرة` (`الحادية عشرة`), a unit `و` tens
//!   (`الثانية والعشرون`), a number below a hundred `بعد` its hundreds
//!   (`الأولى بعد المائة`), or hundreds `و` the rest (`المائة والأولى`);
//!   every word with or without the definite article. `units` lists 1 to
//!   10, `compound-units` the forms of a unit used only before `عشرة` or a
//!   tens word (`حادية`), `teen` the word for the ten after a unit, `tens`
//!   20 to 90, `hundreds` 100 to 900 in one word and `multipliers` the
//!   words of a hundred written apart (`ثلاث مائة`), by value.
//!
//! The first form of each list is also the one mizan writes ([`ordinal`]:
//! `مادة حادية عشرة`). Words are compared as heading words are: without
//! case, hamza or diacritics.

use std::collections::HashSet;

use serde::Deserialize;

/// How a language's number words compose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grammar {
    English,
    Arabic,
}

/// The `[numbers]` table as a file writes it: each list given replaces the
/// one of the language as registered.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NumbersFile {
    pub grammar: Option<Grammar>,
    pub units: Option<Vec<Vec<String>>>,
    pub compound_units: Option<Vec<Vec<String>>>,
    pub teen: Option<Vec<String>>,
    pub tens: Option<Vec<Vec<String>>>,
    pub hundred: Option<Vec<String>>,
    pub hundreds: Option<Vec<Vec<String>>>,
    pub multipliers: Option<Vec<Vec<String>>>,
    pub and: Option<Vec<String>>,
    pub after: Option<Vec<String>>,
    pub definite: Option<Vec<String>>,
}

/// A language's number words (as written, or folded for reading: see
/// [`NumberWords::folded`]). Lists of forms are by value: `units[0]` are
/// the words for 1, `tens[0]` for 20, `hundreds[0]` for 100.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NumberWords {
    /// None: the language reads and writes no numbers in words.
    pub grammar: Option<Grammar>,
    pub units: Vec<Vec<String>>,
    pub compound_units: Vec<Vec<String>>,
    pub teen: Vec<String>,
    pub tens: Vec<Vec<String>>,
    pub hundred: Vec<String>,
    pub hundreds: Vec<Vec<String>>,
    pub multipliers: Vec<Vec<String>>,
    pub and: Vec<String>,
    pub after: Vec<String>,
    pub definite: Vec<String>,
    /// In the folded words ([`NumberWords::folded`]; empty as written):
    /// every form of `units`, `compound_units`, `teen`, `tens`, `hundreds`
    /// and `multipliers`, the words that are a number on their own, for
    /// telling at once whether a word is one.
    pub forms: HashSet<String>,
    /// In the folded words (empty as written): the first part (before a
    /// hyphen or space) of every form of `units` and `tens`, and every
    /// `hundred` word: the words a number in the English grammar can
    /// begin with.
    pub leading: HashSet<String>,
}

/// The most forms each list of forms may have, by key: (key, most).
const LIMITS: [(&str, usize); 5] = [
    ("units", 19),
    ("compound-units", 9),
    ("tens", 8),
    ("hundreds", 9),
    ("multipliers", 9),
];

impl NumbersFile {
    /// Why the table cannot be right, and the key it concerns.
    pub fn problem(&self) -> Option<(&'static str, String)> {
        let lists = [
            ("units", &self.units),
            ("compound-units", &self.compound_units),
            ("tens", &self.tens),
            ("hundreds", &self.hundreds),
            ("multipliers", &self.multipliers),
        ];
        for ((key, list), (_, most)) in lists.into_iter().zip(LIMITS) {
            let Some(list) = list else { continue };
            if list.len() > most {
                return Some((
                    key,
                    format!(
                        "`{key}` lists {} values; it lists at most {most}, by value from the first",
                        list.len()
                    ),
                ));
            }
            if list.iter().flatten().any(|w| w.trim().is_empty()) {
                return Some((key, format!("`{key}` holds an empty word")));
            }
        }
        let words = [
            ("teen", &self.teen),
            ("hundred", &self.hundred),
            ("and", &self.and),
            ("after", &self.after),
            ("definite", &self.definite),
        ];
        for (key, list) in words {
            if list.iter().flatten().any(|w| w.trim().is_empty()) {
                return Some((key, format!("`{key}` holds an empty word")));
            }
        }
        None
    }

    /// Whether the table gives any words.
    fn has_words(&self) -> bool {
        self.units.is_some() || self.tens.is_some() || self.hundreds.is_some()
    }
}

impl NumberWords {
    /// `base` with the lists `file` gives in place of its own.
    pub fn merged(mut self, file: NumbersFile) -> Result<NumberWords, String> {
        if self.grammar.is_none() && file.grammar.is_none() && file.has_words() {
            return Err(
                "`[numbers]` gives words but no `grammar` (\"english\" or \"arabic\")".to_owned(),
            );
        }
        macro_rules! take {
            ($($field:ident),*) => {
                $(if let Some(v) = file.$field { self.$field = v; })*
            };
        }
        if file.grammar.is_some() {
            self.grammar = file.grammar;
        }
        take!(
            units,
            compound_units,
            teen,
            tens,
            hundred,
            hundreds,
            multipliers,
            and,
            after,
            definite
        );
        Ok(self)
    }

    /// The words as the reader compares them: lower case, without hamza
    /// or diacritics ([`crate::ids::fold_arabic_keyword`]).
    pub fn folded(&self) -> NumberWords {
        let word = |w: &String| crate::ids::fold_arabic_keyword(&w.trim().to_lowercase());
        let list = |l: &Vec<String>| l.iter().map(word).collect::<Vec<_>>();
        let lists = |l: &Vec<Vec<String>>| l.iter().map(list).collect::<Vec<_>>();
        let mut folded = NumberWords {
            grammar: self.grammar,
            units: lists(&self.units),
            compound_units: lists(&self.compound_units),
            teen: list(&self.teen),
            tens: lists(&self.tens),
            hundred: list(&self.hundred),
            hundreds: lists(&self.hundreds),
            multipliers: lists(&self.multipliers),
            and: list(&self.and),
            after: list(&self.after),
            definite: list(&self.definite),
            forms: HashSet::new(),
            leading: HashSet::new(),
        };
        let by_value = [
            &folded.units,
            &folded.compound_units,
            &folded.tens,
            &folded.hundreds,
            &folded.multipliers,
        ];
        let forms = by_value.into_iter().flatten().flatten();
        folded.forms = forms.chain(&folded.teen).cloned().collect();
        let starts = [&folded.units, &folded.tens]
            .into_iter()
            .flatten()
            .flatten();
        let starts = starts.filter_map(|f| f.split(['-', ' ']).find(|p| !p.is_empty()));
        folded.leading = starts
            .chain(folded.hundred.iter().map(String::as_str))
            .map(str::to_owned)
            .collect();
        folded
    }
}

/// The first form of the `i`-th entry of a list of forms.
fn first(list: &[Vec<String>], i: usize) -> Option<&str> {
    list.get(i)?.first().map(String::as_str)
}

/// `n` (1 to 999) in words, as a heading numbers an article: `مادة حادية
/// عشرة` holds `حادية عشرة`, `Article Twenty-One` holds `Twenty-One`.
/// None when the language has no words for it.
pub fn ordinal(words: &NumberWords, n: u32) -> Option<String> {
    if !(1..1000).contains(&n) {
        return None;
    }
    match words.grammar? {
        Grammar::Arabic => arabic(words, n),
        Grammar::English => english(words, n),
    }
}

fn arabic(w: &NumberWords, n: u32) -> Option<String> {
    let unit = |u: u32| first(&w.units, u as usize - 1);
    let compound = |u: u32| first(&w.compound_units, u as usize - 1).or_else(|| unit(u));
    let tens = |r: u32| first(&w.tens, r as usize / 10 - 2);
    let and = w.and.first()?;
    let below = |r: u32| -> Option<String> {
        Some(match r {
            1..=10 => unit(r)?.to_owned(),
            11..=19 => format!("{} {}", compound(r - 10)?, w.teen.first()?),
            _ if r.is_multiple_of(10) => tens(r)?.to_owned(),
            _ => format!("{} {and}{}", compound(r % 10)?, tens(r)?),
        })
    };
    let (h, r) = (n / 100, n % 100);
    let hundreds = || first(&w.hundreds, h as usize - 1);
    match (h, r) {
        (0, _) => below(r),
        (_, 0) => hundreds().map(str::to_owned),
        _ => Some(format!(
            "{} {} {}{}",
            below(r)?,
            w.after.first()?,
            w.definite.first().map_or("", String::as_str),
            hundreds()?
        )),
    }
}

fn english(w: &NumberWords, n: u32) -> Option<String> {
    let unit = |u: u32| first(&w.units, u as usize - 1);
    let below = |r: u32| -> Option<String> {
        if r == 0 {
            return Some(String::new());
        }
        if let Some(u) = unit(r) {
            return Some(u.to_owned());
        }
        // The tens word, else the one before it and a teen (`soixante-douze`).
        let ten = (r / 10).checked_sub(2)?;
        let (t, rest) = match first(&w.tens, ten as usize) {
            Some(t) => (t, r % 10),
            None => (first(&w.tens, ten.checked_sub(1)? as usize)?, r % 10 + 10),
        };
        Some(match rest {
            0 => t.to_owned(),
            u => format!("{t}-{}", unit(u)?),
        })
    };
    let (h, r) = (n / 100, n % 100);
    let text = match (h, r) {
        (0, _) => below(r)?,
        _ => {
            let hundred = format!("{} {}", unit(h)?, w.hundred.first()?);
            match r {
                0 => hundred,
                _ => match w.and.first() {
                    Some(and) => format!("{hundred} {and} {}", below(r)?),
                    None => format!("{hundred} {}", below(r)?),
                },
            }
        }
    };
    // Heading style: each word capitalised, the joining word apart.
    let and = w.and.first().map(String::as_str);
    let title = text
        .split(' ')
        .map(|word| {
            if Some(word) == and {
                return word.to_owned();
            }
            word.split('-')
                .map(capitalise)
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some(title)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
