//! Small types of the generator's own: a language, a date and an article
//! number, each with the forms the files write. The generator shares no
//! code with mizan's reader, so that reading what it writes tests the
//! reader.

use crate::rng::Rng;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Lang {
    En,
    Ar,
}

impl Lang {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) struct Date {
    pub(crate) y: u16,
    pub(crate) m: u8,
    pub(crate) d: u8,
}

impl Date {
    pub(crate) fn random(r: &mut Rng, y: u16) -> Date {
        Date {
            y,
            m: r.range(1, 12) as u8,
            d: r.range(1, 28) as u8,
        }
    }

    /// The same day `days` (at most 27) later, within a 28-day month.
    pub(crate) fn later(self, days: u8) -> Date {
        let d = self.d + days;
        if d <= 28 {
            Date { d, ..self }
        } else if self.m < 12 {
            Date {
                m: self.m + 1,
                d: d - 28,
                ..self
            }
        } else {
            Date {
                y: self.y + 1,
                m: 1,
                d: d - 28,
            }
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// An article number: a base and a suffix (none, `bis`, `bis (a)`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) struct Num {
    pub(crate) base: u32,
    pub(crate) suffix: u8,
}

pub(crate) const AR_BIS_WORDS: [&str; 3] = ["مكرراً", "مكرر", "مكررا"];

impl Num {
    pub(crate) fn bis(self) -> Num {
        Num {
            base: self.base,
            suffix: 1,
        }
    }

    pub(crate) fn eid(self) -> String {
        match self.suffix {
            0 => format!("art_{}", self.base),
            1 => format!("art_{}bis", self.base),
            _ => format!("art_{}bis_a", self.base),
        }
    }

    pub(crate) fn en(self) -> String {
        match self.suffix {
            0 => self.base.to_string(),
            1 => format!("{} bis", self.base),
            _ => format!("{} bis (a)", self.base),
        }
    }

    /// The Arabic form without parentheses.
    pub(crate) fn ar(self, indic: bool, bis_word: &str) -> String {
        let n = if indic {
            indic_digits(self.base)
        } else {
            self.base.to_string()
        };
        match self.suffix {
            0 => n,
            1 => format!("{n} {bis_word}"),
            _ => format!("{n} {bis_word} (أ)"),
        }
    }
}

pub(crate) fn indic_digits(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c))
        .collect()
}

pub(crate) fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, s) in TABLE {
        while n >= value {
            out.push_str(s);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_render_and_normalise() {
        let n = Num {
            base: 12,
            suffix: 2,
        };
        assert_eq!(n.eid(), "art_12bis_a");
        assert_eq!(n.en(), "12 bis (a)");
        assert_eq!(n.ar(true, "مكرراً"), "١٢ مكرراً (أ)");
        assert_eq!(roman(14), "XIV");
    }
}
