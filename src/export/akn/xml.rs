//! A thin layer over quick-xml's writer: elements with attributes in the
//! order given (so output is byte-identical from run to run), text that
//! is always escaped and stripped of characters XML 1.0 forbids.

use std::borrow::Cow;
use std::io;

use quick_xml::Writer;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// An XML document being written, indented by two spaces.
pub struct Xml {
    w: Writer<Vec<u8>>,
}

/// Attributes in document order; `None` values are left out.
pub type Attrs<'a> = [(&'a str, Option<&'a str>)];

/// Removes characters XML 1.0 cannot carry (most C0 controls, lone
/// surrogates cannot occur in Rust strings, U+FFFE and U+FFFF).
pub fn clean(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
    };
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| allowed(*c)).collect())
    }
}

impl Xml {
    pub fn new() -> io::Result<Xml> {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(Xml { w })
    }

    fn start<'a>(name: &'a str, attrs: &'a Attrs<'a>) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (key, value) in attrs {
            if let Some(value) = value {
                start.push_attribute((*key, clean(value).as_ref()));
            }
        }
        start
    }

    pub fn open(&mut self, name: &str, attrs: &Attrs<'_>) -> io::Result<()> {
        self.w.write_event(Event::Start(Self::start(name, attrs)))
    }

    pub fn close(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    pub fn empty(&mut self, name: &str, attrs: &Attrs<'_>) -> io::Result<()> {
        self.w.write_event(Event::Empty(Self::start(name, attrs)))
    }

    /// `<name attrs>text</name>` on one line.
    pub fn text(&mut self, name: &str, attrs: &Attrs<'_>, text: &str) -> io::Result<()> {
        self.w.write_event(Event::Start(Self::start(name, attrs)))?;
        let cleaned = clean(text);
        let escaped = partial_escape(cleaned.as_ref());
        self.w
            .write_event(Event::Text(BytesText::from_escaped(escaped.as_ref())))?;
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<outer attrs><inner>text</inner></outer>`, the common
    /// `<content><p>…</p></content>` shape.
    pub fn wrapped(
        &mut self,
        outer: &str,
        attrs: &Attrs<'_>,
        inner: &str,
        text: &str,
    ) -> io::Result<()> {
        self.open(outer, attrs)?;
        self.text(inner, &[], text)?;
        self.close(outer)
    }

    pub fn finish(self) -> Vec<u8> {
        let mut bytes = self.w.into_inner();
        bytes.push(b'\n');
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_keep_their_order_and_text_is_escaped() {
        let mut x = Xml::new().unwrap();
        x.open("a", &[("z", Some("1")), ("b", None), ("a", Some("x\"<&"))])
            .unwrap();
        x.text("p", &[], "R&D <b> \u{1}ok \"quoted\" مادة").unwrap();
        x.close("a").unwrap();
        let s = String::from_utf8(x.finish()).unwrap();
        assert_eq!(
            s,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <a z=\"1\" a=\"x&quot;&lt;&amp;\">\n  \
             <p>R&amp;D &lt;b&gt; ok \"quoted\" مادة</p>\n\
             </a>\n"
        );
    }
}
