//! Word's automatic numbering: a numbered paragraph's label (`1-`, `(أ)`,
//! `ب.`) is not in its text but in `word/numbering.xml`, as a format and a
//! pattern for each level of a list. This reads them and counts, so that
//! an imported clause keeps the label a reader of the document sees.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Letters of the Arabic alphabet in abjad order (أبجد هوز) and in the
/// dictionary order (أ ب ت ث), as Word's `arabicAbjad` and `arabicAlpha`
/// number lists.
const ABJAD: [&str; 28] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
];
const ALPHA: [&str; 28] = [
    "أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ",
    "ف", "ق", "ك", "ل", "م", "ن", "هـ", "و", "ي",
];

/// One level of a list: where it starts, how its numbers are written, and
/// the label's pattern (`%1-`, `(%2)`).
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// The lists of a document and their counters.
#[derive(Debug, Default)]
pub struct Numbering {
    /// Levels of each abstract list, by (abstract id, level).
    levels: HashMap<(String, u8), Level>,
    /// The abstract list of each list id.
    abstract_of: HashMap<String, String>,
    /// The current count at each level of each abstract list.
    counters: HashMap<String, [u32; 9]>,
}

/// The value of an element's attribute `name` (any namespace prefix).
pub fn val(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// A number in a list format.
fn format_number(n: u32, format: &str) -> String {
    let letters = |table: &[&str]| {
        let len = table.len() as u32;
        let i = (n.max(1) - 1) % len;
        table[i as usize].repeat(((n.max(1) - 1) / len + 1) as usize)
    };
    match format {
        "arabicAbjad" => letters(&ABJAD),
        "arabicAlpha" => letters(&ALPHA),
        "lowerLetter" | "upperLetter" => {
            let c = char::from(b'a' + ((n.max(1) - 1) % 26) as u8);
            let s = c.to_string().repeat(((n.max(1) - 1) / 26 + 1) as usize);
            if format == "upperLetter" {
                s.to_uppercase()
            } else {
                s
            }
        }
        "lowerRoman" | "upperRoman" => {
            let mut out = String::new();
            let mut v = n;
            for (value, numeral) in [
                (1000, "m"),
                (900, "cm"),
                (500, "d"),
                (400, "cd"),
                (100, "c"),
                (90, "xc"),
                (50, "l"),
                (40, "xl"),
                (10, "x"),
                (9, "ix"),
                (5, "v"),
                (4, "iv"),
                (1, "i"),
            ] {
                while v >= value {
                    out.push_str(numeral);
                    v -= value;
                }
            }
            if format == "upperRoman" {
                out.to_uppercase()
            } else {
                out
            }
        }
        "hindiNumbers" | "arabicIndic" => crate::text::arabic_indic_digits(&n.to_string()),
        _ => n.to_string(),
    }
}

impl Numbering {
    /// Reads `word/numbering.xml`; what cannot be read is left out (the
    /// paragraphs then have no label, as before).
    pub fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let (mut abstract_id, mut level, mut num_id) = (None::<String>, None::<u8>, None::<String>);
        while let Ok(event) = reader.read_event() {
            let (e, start) = match &event {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(e) if e.local_name().as_ref() == "lvl" => {
                    level = None;
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                "abstractNum" if start => abstract_id = val(e, "abstractNumId"),
                "lvl" if start => level = val(e, "ilvl").and_then(|v| v.parse().ok()),
                "num" if start => num_id = val(e, "numId"),
                "abstractNumId" => {
                    if let (Some(num), Some(a)) = (num_id.clone(), val(e, "val")) {
                        n.abstract_of.insert(num, a);
                    }
                }
                name @ ("start" | "numFmt" | "lvlText") => {
                    if let (Some(a), Some(l), Some(v)) = (&abstract_id, level, val(e, "val")) {
                        let entry = n.levels.entry((a.clone(), l)).or_default();
                        match name {
                            "start" => entry.start = v.parse().unwrap_or(1),
                            "numFmt" => entry.format = v,
                            _ => entry.text = v,
                        }
                    }
                }
                _ => {}
            }
        }
        n
    }

    /// The label of the next paragraph of list `num_id` at level `ilvl`,
    /// counting it; `None` for a bullet, an unknown list or no label.
    pub fn label(&mut self, num_id: &str, ilvl: u8) -> Option<String> {
        let ilvl = ilvl.min(8);
        let abstract_id = self.abstract_of.get(num_id)?.clone();
        let level = self.levels.get(&(abstract_id.clone(), ilvl))?.clone();
        let counters = self.counters.entry(abstract_id.clone()).or_default();
        let i = usize::from(ilvl);
        counters[i] = if counters[i] == 0 {
            level.start.max(1)
        } else {
            counters[i] + 1
        };
        for deeper in counters.iter_mut().skip(i + 1) {
            *deeper = 0;
        }
        let counters = *counters;
        if level.format == "bullet" || level.format == "none" || level.text.is_empty() {
            return None;
        }
        let mut label = level.text.clone();
        for k in (1..=i + 1).rev() {
            let placeholder = format!("%{k}");
            if label.contains(&placeholder) {
                let format = self
                    .levels
                    .get(&(abstract_id.clone(), (k - 1) as u8))
                    .map_or("decimal", |l| l.format.as_str());
                let count = counters[k - 1].max(1);
                label = label.replace(&placeholder, &format_number(count, format));
            }
        }
        Some(label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1-"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="arabicAbjad"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;

    #[test]
    fn labels_count_by_level() {
        let mut n = Numbering::parse(NUMBERING);
        let labels: Vec<Option<String>> = [
            ("1", 0),
            ("1", 1),
            ("1", 1),
            ("1", 0),
            ("1", 1),
            ("2", 0),
            ("9", 0),
        ]
        .iter()
        .map(|(id, l)| n.label(id, *l))
        .collect();
        assert_eq!(
            labels,
            [
                Some("1-".into()),
                Some("(أ)".into()),
                Some("(ب)".into()),
                Some("2-".into()),
                Some("(أ)".into()),
                None,
                None
            ]
        );
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(3, "upperLetter"), "C");
        assert_eq!(format_number(3, "arabicAlpha"), "ت");
        assert_eq!(format_number(12, "hindiNumbers"), "١٢");
        assert_eq!(format_number(7, "decimal"), "7");
    }
}
