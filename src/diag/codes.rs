//! Stable diagnostic codes, like rustc's `E0308` or ruff's `F401`: every
//! diagnostic carries one, `check --format json` reports it, text output
//! shows it, and `mizan explain CODE` prints its explanation.
//!
//! This table is the one source of truth: the book's pages under
//! `book/src/diagnostics/` are generated from it (see `book_page` and the
//! test `tests/diagnostic_codes.rs`, which fails when they differ).
//!
//! A code never changes meaning and is never reused. The first two digits
//! name the area (01 files, 02 statutes, 03 instruments, 04 mappings,
//! 05 amendments, 06 the site, 07 identifiers, 08 import). Titles and explanations are English for
//! now; a translation adds a table keyed by the same codes, so that the
//! codes stay the same in every language.

use std::fmt;

macro_rules! codes {
    ($($(#[$meta:meta])* $name:ident = $id:literal, $title:literal, $explanation:literal;)*) => {
        /// A diagnostic's stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$meta])* $name,)*
        }

        impl Code {
            /// Every code, in the order of the table (by id).
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// The code as shown: `M0203`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Code::$name => $id,)*
                }
            }

            /// A one-line title: what went wrong.
            pub fn title(self) -> &'static str {
                match self {
                    $(Code::$name => $title,)*
                }
            }

            /// What the diagnostic means, an example, and the fix (Markdown).
            pub fn explanation(self) -> &'static str {
                match self {
                    $(Code::$name => $explanation,)*
                }
            }
        }
    };
}

impl Code {
    /// The code with this id (`M0203`, case-insensitive).
    pub fn parse(id: &str) -> Option<Code> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.id().eq_ignore_ascii_case(id.trim()))
    }

    /// The book page for this code: title, then the explanation.
    pub fn book_page(self) -> String {
        format!(
            "# {}: {}\n\n{}\n",
            self.id(),
            self.title(),
            self.explanation().trim()
        )
    }

    /// The book's index of codes: one line per code, linking its page.
    pub fn book_index() -> String {
        let mut out = String::from(
            "# Diagnostic codes\n\n\
             Every diagnostic `mizan check` reports carries a stable code, shown \
             in brackets after the severity (`error[M0203]`) and as `code` in \
             `check --format json`. `mizan explain CODE` prints the page of a \
             code in the terminal. Codes never change meaning.\n\n\
             | Code | What it means |\n| --- | --- |\n",
        );
        for c in Code::ALL {
            out.push_str(&format!(
                "| [{0}](diagnostics/{0}.md) | {1} |\n",
                c.id(),
                c.title()
            ));
        }
        out
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

// The table itself, one entry per code in id order (its own file, so that
// each stays short).
include!("codes_table.rs");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_sorted_and_well_formed() {
        let ids: Vec<&str> = Code::ALL.iter().map(|c| c.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted, "ids unique and in order");
        for id in ids {
            assert!(
                id.len() == 5 && id.starts_with('M') && id[1..].bytes().all(|b| b.is_ascii_digit()),
                "{id}"
            );
        }
    }

    #[test]
    fn every_code_explains_the_fix() {
        for c in Code::ALL {
            assert!(c.explanation().contains("Fix:"), "{c}");
            assert_eq!(Code::parse(&c.id().to_lowercase()), Some(*c));
        }
        assert_eq!(Code::parse("M9999"), None);
    }
}
