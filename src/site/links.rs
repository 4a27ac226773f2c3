//! Which text may become a link, and how.
//!
//! Corpus text is plain text, always escaped by the templates. The only
//! places a link is made from data are `source` fields and URLs written in
//! notes; this module decides, once, which of those may become `href`s: only
//! `http:`, `https:` and `mailto:` URLs, and never anything with a space, a
//! quote, an angle bracket or a control character in it. Everything else
//! (`javascript:`, `data:`, `vbscript:`, protocol-relative `//host`) stays
//! text.

use serde::Serialize;

/// A piece of free text: plain words, or a URL that is safe to link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment<'a> {
    pub text: &'a str,
    /// The `href`, when this piece is a safe URL.
    pub href: Option<&'a str>,
}

/// Whether `url` may be an `href`: an absolute `http(s)` or `mailto` URL with
/// no character that could end the attribute or hide a scheme.
pub fn safe_href(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let scheme_ok = (lower.starts_with("https://") && url.len() > "https://".len())
        || (lower.starts_with("http://") && url.len() > "http://".len())
        || (lower.starts_with("mailto:") && url.len() > "mailto:".len());
    scheme_ok
        && url.chars().all(|c| {
            !c.is_control()
                && !c.is_whitespace()
                && !matches!(
                    c,
                    '"' | '\'' | '<' | '>' | '`' | '\\' | '{' | '}' | '|' | '^'
                )
        })
}

/// Splits free text into plain pieces and safe URLs. Punctuation that ends a
/// sentence is not taken into a URL.
pub fn linkify(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let rest = &text[i..];
        let lower_starts = |p: &str| {
            rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        };
        let at_word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if at_word_start && (lower_starts("https://") || lower_starts("http://")) {
            let mut end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '«' | '»'))
                .unwrap_or(rest.len());
            while end > 0 {
                let last = rest[..end].chars().next_back().unwrap_or(' ');
                if matches!(
                    last,
                    '.' | ',' | ';' | ':' | ')' | '!' | '?' | '،' | '؛' | '۔'
                ) {
                    end -= last.len_utf8();
                } else {
                    break;
                }
            }
            let url = &rest[..end];
            if safe_href(url) {
                if plain_start < i {
                    out.push(Segment {
                        text: &text[plain_start..i],
                        href: None,
                    });
                }
                out.push(Segment {
                    text: url,
                    href: Some(url),
                });
                i += end;
                plain_start = i;
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    if plain_start < text.len() {
        out.push(Segment {
            text: &text[plain_start..],
            href: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_schemes_are_links() {
        for ok in [
            "https://example.org/a?b=c#d",
            "http://example.org",
            "mailto:someone@example.org",
        ] {
            assert!(safe_href(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "//evil.example",
            "https://x\" onmouseover=\"alert(1)",
            "https://x/<script>",
            "https://",
            "file:///etc/passwd",
            "java\nscript:alert(1)",
        ] {
            assert!(!safe_href(bad), "{bad:?}");
        }
    }

    #[test]
    fn urls_in_text_become_segments_without_trailing_punctuation() {
        let segs = linkify("See https://example.org/law. And javascript:alert(1) too.");
        assert_eq!(
            segs,
            vec![
                Segment {
                    text: "See ",
                    href: None
                },
                Segment {
                    text: "https://example.org/law",
                    href: Some("https://example.org/law")
                },
                Segment {
                    text: ". And javascript:alert(1) too.",
                    href: None
                },
            ]
        );
    }

    #[test]
    fn arabic_text_around_urls_survives() {
        let segs = linkify("ملخصات: https://a.example/x و https://b.example/");
        let links: Vec<_> = segs.iter().filter_map(|s| s.href).collect();
        assert_eq!(links, ["https://a.example/x", "https://b.example/"]);
        let joined: String = segs.iter().map(|s| s.text).collect();
        assert_eq!(joined, "ملخصات: https://a.example/x و https://b.example/");
    }
}
