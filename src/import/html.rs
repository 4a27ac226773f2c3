//! Web pages (`.html`): the text of the body, one block for each element
//! that starts a line (paragraphs, headings, list items, table cells,
//! `div`s, line breaks). Scripts, styles and the head are left out.

use scraper::{ElementRef, Html, Node};

use super::read::{Block, Place, clean};

/// Elements that start and end a block of text.
const BLOCK_ELEMENTS: [&str; 28] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "br",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "table",
    "ul",
    "ol",
    "hr",
];

/// Elements whose text is not the document's.
const SKIPPED_ELEMENTS: [&str; 5] = ["script", "style", "head", "template", "noscript"];

/// The blocks of an HTML document.
pub fn blocks(text: &str) -> Vec<Block> {
    let html = Html::parse_document(text);
    let mut walk = Walk {
        out: Vec::new(),
        current: String::new(),
    };
    walk.element(html.root_element());
    walk.flush();
    walk.out
}

struct Walk {
    out: Vec<Block>,
    current: String,
}

impl Walk {
    fn flush(&mut self) {
        let text = clean(&self.current);
        self.current.clear();
        if !text.is_empty() {
            let n = self.out.len() + 1;
            self.out.push(Block {
                text,
                place: Place::Paragraph(n),
                span: None,
            });
        }
    }

    fn element(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if SKIPPED_ELEMENTS.contains(&name) {
            return;
        }
        let block = BLOCK_ELEMENTS.contains(&name);
        if block {
            self.flush();
        }
        for child in element.children() {
            match child.value() {
                Node::Text(t) => self.current.push_str(t),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.element(e);
                    }
                }
                _ => {}
            }
        }
        if block {
            self.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_of_a_page() {
        let b = blocks(
            "<html><head><title>x</title><style>p{}</style></head><body dir=rtl>\
             <h2>المادة <span>(١)</span></h2><p>نص&nbsp;المادة<br>سطر ثان</p>\
             <table><tr><td>خلية</td><td>أخرى</td></tr></table><script>var a;</script></body></html>",
        );
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["المادة (١)", "نص المادة", "سطر ثان", "خلية", "أخرى"]
        );
        assert_eq!(b[1].place, Place::Paragraph(2));
    }
}
