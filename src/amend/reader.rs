//! Reads an amendment file: the front matter, then the operations of the
//! body, each a level-2 heading in the grammar of [`super::grammar`] with
//! the new text (read like a statute's article body) below it.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::corpus::{HeadingKind, classify_heading, parse_article_body};
use crate::date::Date;
use crate::diag::{Code, Diagnostic, Diagnostics, line_col};
use crate::ids::{WorkId, check_slug};
use crate::localized::Localized;
use crate::source::split_front_matter;
use crate::standards::RawEntry;
use crate::text::collapse_whitespace;
use crate::yaml::Block;

use super::grammar::parse_operation;
use super::operation::Action;
use super::{Amendment, AmendmentKind, AmendmentStatus, NewText, Operation, Visibility};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    id: Spanned<String>,
    title: Localized,
    amends: Spanned<WorkId>,
    kind: AmendmentKind,
    status: Spanned<AmendmentStatus>,
    #[serde(default)]
    visibility: Visibility,
    #[serde(default)]
    sponsor: Option<Localized>,
    #[serde(default)]
    illustrative: Option<Spanned<bool>>,
    #[serde(default)]
    submitted: Option<Date>,
    #[serde(default)]
    enacted: Option<Date>,
    #[serde(default)]
    in_force: Option<Date>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    note: Option<Localized>,
    #[serde(default)]
    mapping_changes: Vec<RawEntry>,
}

pub fn read_amendment(path: &Arc<Path>, text: &str) -> (Option<Amendment>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let split = match split_front_matter(text, path) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let block = Block {
        yaml: &text[split.yaml.clone()],
        base: split.yaml.start,
        path,
    };
    let raw: RawMeta = match block.parse() {
        Ok(r) => r,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let id_span = block.span(&raw.id);
    if let Err(e) = check_slug(&raw.id.value) {
        diags.push(Diagnostic::error(
            Code::InvalidAmendmentId,
            path,
            Some(id_span.clone()),
            e.message,
        ));
    } else if path.file_stem().and_then(|s| s.to_str()) != Some(raw.id.value.as_str()) {
        diags.push(
            Diagnostic::error(
                Code::AmendmentFileName,
                path,
                Some(id_span.clone()),
                format!(
                    "amendment id `{}` does not match the file name",
                    raw.id.value
                ),
            )
            .with_help(format!("name the file `{}.md`", raw.id.value)),
        );
    }
    if raw.status.value == AmendmentStatus::Enacted && raw.in_force.is_none() {
        diags.push(
            Diagnostic::error(
                Code::EnactedWithoutInForce,
                path,
                Some(block.span(&raw.status)),
                "an enacted amendment needs an `in_force` date",
            )
            .with_help("add `in_force: YYYY-MM-DD`, the date from which the change applies"),
        );
    }
    if let Some(flag) = &raw.illustrative
        && flag.value
        && !raw.status.value.is_pending()
    {
        diags.push(
            Diagnostic::error(
                Code::IllustrativeNotPending,
                path,
                Some(block.span(flag)),
                "an illustrative draft cannot be enacted, rejected or withdrawn",
            )
            .with_help("`illustrative: true` marks a drafting example that no body has proposed; keep its status `draft`"),
        );
    }
    let mapping_changes = raw
        .mapping_changes
        .into_iter()
        .filter_map(|e| e.resolve(&block, None, &mut diags))
        .collect();
    let amendment = Amendment {
        path: Arc::clone(path),
        id: raw.id.value,
        title: raw.title,
        amends_span: block.span(&raw.amends),
        amends: raw.amends.value,
        kind: raw.kind,
        status: raw.status.value,
        visibility: raw.visibility,
        sponsor: raw.sponsor,
        illustrative: raw.illustrative.is_some_and(|f| f.value),
        submitted: raw.submitted,
        enacted: raw.enacted,
        in_force: raw.in_force,
        source: raw.source,
        note: raw.note,
        mapping_changes,
        operations: read_operations(path, text, split.body.clone(), &mut diags),
        body: split.body,
    };
    if amendment.operations.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::warning(
                Code::NoOperations,
                path,
                Some(id_span),
                "the amendment has no operations",
            )
            .with_help("write each change as a level-2 heading, for example `## Repeal Article 5`"),
        );
    }
    (Some(amendment), diags)
}

/// A heading of the body: its level, the block's span and the span of its
/// text (without `#` marks), in file offsets.
struct BodyHeading {
    level: u8,
    block: Range<usize>,
    text: Range<usize>,
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The headings of `range` of `text`, with the span of each heading's text.
fn headings(text: &str, range: Range<usize>) -> Vec<BodyHeading> {
    let base = range.start;
    let source = &text[range];
    let mut out = Vec::new();
    let mut open: Option<(u8, Range<usize>, Option<Range<usize>>)> = None;
    for (event, r) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                open = Some((level_number(level), base + r.start..base + r.end, None));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, block, inner)) = open.take() {
                    let text_span = inner.unwrap_or(block.start..block.start);
                    out.push(BodyHeading {
                        level,
                        block,
                        text: text_span,
                    });
                }
            }
            _ => {
                if let Some((_, _, inner)) = open.as_mut() {
                    let span = base + r.start..base + r.end;
                    *inner = Some(match inner.take() {
                        Some(i) => i.start.min(span.start)..i.end.max(span.end),
                        None => span,
                    });
                }
            }
        }
    }
    out
}

/// Reads the operations of an amendment body lying at `body` of `text`.
fn read_operations(
    path: &Arc<Path>,
    text: &str,
    body: Range<usize>,
    diags: &mut Diagnostics,
) -> Vec<Operation> {
    let all = headings(text, body.clone());
    let ops: Vec<&BodyHeading> = all.iter().filter(|h| h.level <= 2).collect();
    let first = ops.first().map_or(body.end, |h| h.block.start);
    let before = text[body.start..first].trim();
    if !before.is_empty() {
        let start = body.start
            + (text[body.start..first].len() - text[body.start..first].trim_start().len());
        diags.push(
            Diagnostic::error(Code::TextBeforeOperation, path, Some(start..start + before.len()), "text before the first operation")
                .with_label("not part of any operation")
                .with_help("every operation is a level-2 heading (`## Repeal Article 5`); put explanations in the `note` field"),
        );
    }
    let mut out = Vec::new();
    for (i, h) in ops.iter().enumerate() {
        let end = ops.get(i + 1).map_or(body.end, |n| n.block.start);
        if h.level == 1 {
            diags.push(
                Diagnostic::error(
                    Code::OperationLevel,
                    path,
                    Some(h.text.clone()),
                    "operations are level-2 headings",
                )
                .with_help("write `## ` before the operation; level 1 is not used in an amendment"),
            );
            continue;
        }
        let heading = &text[h.text.clone()];
        let (action, lang) = match parse_operation(heading) {
            Ok(found) => shift(found, h.text.start),
            Err(e) => {
                let span = h.text.start + e.span.start..h.text.start + e.span.end;
                let mut d = Diagnostic::error(Code::OperationGrammar, path, Some(span), e.message);
                if let Some(help) = e.help {
                    d = d.with_help(help);
                }
                diags.push(d);
                continue;
            }
        };
        let rest = h.block.end..end;
        let new_text = read_new_text(path, text, (&action, lang), h, rest, diags);
        let Ok(new_text) = new_text else {
            continue;
        };
        out.push(Operation {
            action,
            lang,
            span: h.text.clone(),
            line: line_col(text, h.text.start).0,
            text: new_text,
        });
    }
    out
}

/// Moves the spans of an action from heading offsets to file offsets.
fn shift(
    (action, lang): (Action, crate::corpus::Lang),
    by: usize,
) -> (Action, crate::corpus::Lang) {
    use super::operation::{ArticleTarget, Occurrence, ParagraphNumber, Quoted};
    let a = |t: ArticleTarget| ArticleTarget {
        span: t.span.start + by..t.span.end + by,
        ..t
    };
    let p = |t: ParagraphNumber| ParagraphNumber {
        span: t.span.start + by..t.span.end + by,
        ..t
    };
    let q = |t: Quoted| Quoted {
        span: t.span.start + by..t.span.end + by,
        ..t
    };
    let action = match action {
        Action::ReplaceArticle { article } => Action::ReplaceArticle {
            article: a(article),
        },
        Action::InsertArticle { article, after } => Action::InsertArticle {
            article: a(article),
            after: a(after),
        },
        Action::RepealArticle { article } => Action::RepealArticle {
            article: a(article),
        },
        Action::RenumberArticle { article, to } => Action::RenumberArticle {
            article: a(article),
            to: a(to),
        },
        Action::Substitute {
            article,
            find,
            with,
            occurrence,
        } => Action::Substitute {
            article: a(article),
            find: q(find),
            with: q(with),
            occurrence: match occurrence {
                Occurrence::Nth { n, span } => Occurrence::Nth {
                    n,
                    span: span.start + by..span.end + by,
                },
                other => other,
            },
        },
        Action::ReplaceParagraph { article, paragraph } => Action::ReplaceParagraph {
            article: a(article),
            paragraph: p(paragraph),
        },
        Action::InsertParagraph { article, after } => Action::InsertParagraph {
            article: a(article),
            after: p(after),
        },
        Action::RepealParagraph { article, paragraph } => Action::RepealParagraph {
            article: a(article),
            paragraph: p(paragraph),
        },
    };
    (action, lang)
}

/// Reads the text below an operation heading, lying at `range`. `Err` when
/// it cannot be used (the problem is in `diags`).
fn read_new_text(
    path: &Arc<Path>,
    text: &str,
    (action, lang): (&Action, crate::corpus::Lang),
    heading: &BodyHeading,
    range: Range<usize>,
    diags: &mut Diagnostics,
) -> Result<Option<NewText>, ()> {
    if !action.takes_text() {
        if text[range.clone()].trim().is_empty() {
            return Ok(None);
        }
        diags.push(text_not_taken(path, text, action, range));
        return Err(());
    }
    let mut body_range = range.clone();
    let mut title = None;
    let inner = headings(text, range.clone());
    let eid = action.article().eid();
    if let Some(first) = inner.first() {
        let leading = text[range.start..first.block.start].trim().is_empty();
        if leading && first.level == 3 && action.takes_article() {
            let written = collapse_whitespace(&text[first.text.clone()]);
            title = match classify_heading(&written) {
                HeadingKind::Article { number, title } => {
                    if number.eid() != eid {
                        diags.push(
                            Diagnostic::error(Code::TitleNamesOtherArticle,
                                path,
                                Some(first.text.clone()),
                                format!(
                                    "the title names Article {} but the operation is about Article {}",
                                    number.display, action.article().number.display
                                ),
                            )
                            .with_help("give only the title here (`### Compensation`), or the same number"),
                        );
                        return Err(());
                    }
                    title.map(|t| plain_heading(&t))
                }
                _ => Some(plain_heading(&written)),
            };
            body_range = first.block.end..range.end;
        }
    }
    let mut local = Diagnostics::new();
    let body = parse_article_body(path, text, body_range, &eid, lang, &mut local);
    let had_errors = local.has_errors();
    diags.extend(local);
    if had_errors {
        return Err(());
    }
    let stray = body
        .articles
        .iter()
        .skip(1)
        .map(|a| a.span.clone())
        .chain(body.containers.iter().map(|c| c.span.clone()))
        .min_by_key(|s| s.start);
    if let Some(span) = stray {
        let help = if action.takes_article() {
            "the new text of an article is paragraphs and lists, after an optional level-3 heading with its title"
        } else {
            "the new text of a paragraph is a paragraph (and its list of points)"
        };
        diags.push(
            Diagnostic::error(
                Code::HeadingInsideText,
                path,
                Some(span),
                "a heading inside the new text",
            )
            .with_label("only the operations are headings")
            .with_help(help),
        );
        return Err(());
    }
    let paragraphs = body
        .articles
        .into_iter()
        .next()
        .map(|a| a.paragraphs)
        .unwrap_or_default();
    if paragraphs.is_empty() {
        diags.push(
            Diagnostic::error(
                Code::NoNewText,
                path,
                Some(heading.text.clone()),
                "the operation has no new text",
            )
            .with_label("expected text below this heading")
            .with_help("write the new text below the heading, as paragraphs"),
        );
        return Err(());
    }
    Ok(Some(NewText {
        title,
        paragraphs,
        span: range,
    }))
}

/// The error for text below the heading of an operation that takes none
/// (a repeal, a renumbering, a substitution), lying at `range`.
fn text_not_taken(
    path: &Arc<Path>,
    text: &str,
    action: &Action,
    range: Range<usize>,
) -> Diagnostic {
    let content = text[range.clone()].trim();
    let start = range.start + (text[range.clone()].len() - text[range.clone()].trim_start().len());
    let help = match action {
        Action::Substitute { .. } => {
            "the words to put in go in the heading: `with \"new words\"`".to_owned()
        }
        other => format!(
            "this operation takes no text; to give an article new text, use `Replace {}`",
            text[other.article().span.clone()].trim()
        ),
    };
    Diagnostic::error(
        Code::OperationTakesNoText,
        path,
        Some(start..start + content.len()),
        "this operation takes no text below its heading",
    )
    .with_label("text that would be ignored")
    .with_help(help)
}

/// A title heading's text with Markdown emphasis marks removed.
fn plain_heading(text: &str) -> String {
    let mut out = String::new();
    let mut events = Parser::new_ext(text, Options::empty());
    for e in events.by_ref() {
        if let Event::Text(t) | Event::Code(t) = e {
            out.push_str(&t);
        }
    }
    collapse_whitespace(&out)
}
