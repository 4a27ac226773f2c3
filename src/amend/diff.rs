//! Comparing two versions of a work: first article by article (added,
//! repealed, renumbered, modified, unchanged), then word by word inside
//! each article ([`super::words`]).
//!
//! Versions of one work share article identities (lineage), so a
//! renumbered article is matched with itself even when another article
//! takes its old number. Texts with no shared history (two files) are
//! aligned by eId, then by identical text.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::corpus::{Article, Lang, Point, Work};
use crate::date::Date;
use crate::ids::{FrbrUri, PointInTime, WorkId};

use super::Amendment;
use super::consolidate::{ConsolidatedExpression, Stale};
use super::consolidate::{Version, VersionError, history, with_pending};
use super::words::{Segment, SegmentKind, whole, whole_owned};

pub use super::words::{
    Segment as DiffSegment, SegmentKind as DiffSegmentKind, new_text, old_text, redline, tokens,
};

/// What happened to an article between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleStatus {
    Added,
    Repealed,
    Renumbered,
    Modified,
    Unchanged,
}

/// One side of an aligned article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleSide {
    pub eid: String,
    /// The number as written.
    pub num: String,
    pub heading: Option<String>,
    /// A repealed article kept as a marker.
    pub repealed: bool,
}

/// One article of the alignment, with its redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleDiff {
    pub status: ArticleStatus,
    pub old: Option<ArticleSide>,
    pub new: Option<ArticleSide>,
    /// The redline of the title.
    pub heading: Vec<Segment>,
    /// The redline of the text ([`article_text`]): equal and deleted
    /// segments give the old text, equal and inserted ones the new.
    pub segments: Vec<Segment>,
}

impl ArticleDiff {
    pub fn is_change(&self) -> bool {
        self.status != ArticleStatus::Unchanged
    }
}

/// How many articles of each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub added: usize,
    pub repealed: usize,
    pub renumbered: usize,
    pub modified: usize,
    pub unchanged: usize,
}

/// Two versions of one expression (one language), compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpressionDiff {
    pub lang: Lang,
    /// Expression ids of the two sides.
    pub from: String,
    pub to: String,
    pub counts: Counts,
    pub articles: Vec<ArticleDiff>,
    /// Changes between the two versions written in another language only,
    /// which this text does not show.
    pub stale: Vec<Stale>,
}

/// What a diff holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffOptions {
    /// Only the expression in this language.
    pub lang: Option<Lang>,
    /// Give unchanged articles their text (one equal segment). Needed for a
    /// complete JSON or a unified diff with context; the inline and
    /// side-by-side forms show changed articles only and can skip it.
    pub unchanged_text: bool,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            lang: None,
            unchanged_text: true,
        }
    }
}

/// How to match articles of the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alignment {
    /// By identity through the work's history (the sides are versions of
    /// one work).
    Lineage,
    /// By eId, then by identical text (unrelated texts).
    Infer,
}

/// The text of an article as the redline compares it: each paragraph on a
/// line, each point on a line as `(label) text`, indented two spaces per
/// level of nesting.
pub fn article_text(article: &Article) -> String {
    fn line(out: &mut String, indent: usize, parts: &[&str]) {
        if !out.is_empty() {
            out.push('\n');
        }
        for _ in 0..indent {
            out.push_str("  ");
        }
        for p in parts {
            out.push_str(p);
        }
    }
    fn points(list: &[Point], depth: usize, out: &mut String) {
        for p in list {
            line(out, depth, &["(", &p.label, ") ", &p.text]);
            points(&p.points, depth + 1, out);
        }
    }
    let mut out = String::new();
    for p in &article.paragraphs {
        if !p.text.is_empty() {
            line(&mut out, 0, &[&p.text]);
        }
        points(&p.points, usize::from(!p.text.is_empty()), &mut out);
    }
    out
}

fn side(e: &ConsolidatedExpression, a: &Article) -> ArticleSide {
    ArticleSide {
        eid: a.eid.clone(),
        num: a.num.clone(),
        heading: a.heading.clone(),
        repealed: e.is_repealed(&a.eid),
    }
}

/// Compares two versions of one expression.
pub fn compare(
    old: &ConsolidatedExpression,
    new: &ConsolidatedExpression,
    how: Alignment,
    options: &DiffOptions,
) -> ExpressionDiff {
    let olds = &old.expression.articles;
    let news = &new.expression.articles;
    // pair[j] = index in `olds` matched with news[j].
    let mut pair: Vec<Option<usize>> = vec![None; news.len()];
    let mut taken = vec![false; olds.len()];
    match how {
        Alignment::Lineage => {
            pair = old.align_by_lineage(new);
            for i in pair.iter().flatten() {
                taken[*i] = true;
            }
        }
        Alignment::Infer => {
            let by_eid: HashMap<&str, usize> = olds
                .iter()
                .enumerate()
                .map(|(i, a)| (a.eid.as_str(), i))
                .collect();
            for (j, a) in news.iter().enumerate() {
                if let Some(&i) = by_eid.get(a.eid.as_str()) {
                    pair[j] = Some(i);
                    taken[i] = true;
                }
            }
            let mut by_text: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, a) in olds.iter().enumerate() {
                if !taken[i] {
                    by_text.entry(article_text(a)).or_default().push(i);
                }
            }
            for (j, a) in news.iter().enumerate() {
                if pair[j].is_some() {
                    continue;
                }
                if let Some(list) = by_text.get_mut(&article_text(a))
                    && !list.is_empty()
                {
                    let i = list.remove(0);
                    pair[j] = Some(i);
                    taken[i] = true;
                }
            }
        }
    }
    let mut articles = Vec::with_capacity(news.len().max(olds.len()));
    let mut next_old = 0;
    let flush_removed = |upto: usize, articles: &mut Vec<ArticleDiff>, next_old: &mut usize| {
        while *next_old < upto {
            let i = *next_old;
            *next_old += 1;
            if !taken[i] {
                articles.push(removed(old, &olds[i]));
            }
        }
    };
    for (j, b) in news.iter().enumerate() {
        match pair[j] {
            Some(i) => {
                flush_removed(i, &mut articles, &mut next_old);
                next_old = next_old.max(i + 1);
                articles.push(matched(old, &olds[i], new, b, options.unchanged_text));
            }
            None => articles.push(added(new, b)),
        }
    }
    flush_removed(olds.len(), &mut articles, &mut next_old);
    let mut counts = Counts::default();
    for a in &articles {
        match a.status {
            ArticleStatus::Added => counts.added += 1,
            ArticleStatus::Repealed => counts.repealed += 1,
            ArticleStatus::Renumbered => counts.renumbered += 1,
            ArticleStatus::Modified => counts.modified += 1,
            ArticleStatus::Unchanged => counts.unchanged += 1,
        }
    }
    let stale = new
        .stale
        .iter()
        .filter(|s| !old.stale.contains(s))
        .cloned()
        .collect();
    ExpressionDiff {
        lang: new.lang(),
        from: old.expression.id(),
        to: new.expression.id(),
        counts,
        articles,
        stale,
    }
}

fn heading_redline(old: Option<&str>, new: Option<&str>) -> Vec<Segment> {
    match (old, new) {
        (None, None) => Vec::new(),
        (Some(o), None) => whole(SegmentKind::Delete, o),
        (None, Some(n)) => whole(SegmentKind::Insert, n),
        (Some(o), Some(n)) => redline(o, n),
    }
}

fn removed(e: &ConsolidatedExpression, a: &Article) -> ArticleDiff {
    ArticleDiff {
        status: ArticleStatus::Repealed,
        old: Some(side(e, a)),
        new: None,
        heading: heading_redline(a.heading.as_deref(), None),
        segments: whole_owned(SegmentKind::Delete, article_text(a)),
    }
}

fn added(e: &ConsolidatedExpression, a: &Article) -> ArticleDiff {
    ArticleDiff {
        status: ArticleStatus::Added,
        old: None,
        new: Some(side(e, a)),
        heading: heading_redline(None, a.heading.as_deref()),
        segments: whole_owned(SegmentKind::Insert, article_text(a)),
    }
}

fn matched(
    old: &ConsolidatedExpression,
    a: &Arc<Article>,
    new: &ConsolidatedExpression,
    b: &Arc<Article>,
    unchanged_text: bool,
) -> ArticleDiff {
    let was_repealed = old.is_repealed(&a.eid);
    let is_repealed = new.is_repealed(&b.eid);
    // Most articles of a version are untouched, and shared with the
    // version before: compare the model before building any text.
    if (Arc::ptr_eq(a, b)
        || (a.eid == b.eid && a.heading == b.heading && a.paragraphs == b.paragraphs))
        && was_repealed == is_repealed
    {
        let (heading, segments) = if unchanged_text {
            (
                a.heading
                    .as_deref()
                    .map_or_else(Vec::new, |h| whole(SegmentKind::Equal, h)),
                whole_owned(SegmentKind::Equal, article_text(a)),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        return ArticleDiff {
            status: ArticleStatus::Unchanged,
            old: Some(side(old, a)),
            new: Some(side(new, b)),
            heading,
            segments,
        };
    }
    let old_text = article_text(a);
    let new_text = article_text(b);
    let same = old_text == new_text && a.heading == b.heading;
    let status = if is_repealed && !was_repealed {
        ArticleStatus::Repealed
    } else if a.eid != b.eid {
        ArticleStatus::Renumbered
    } else if same && was_repealed == is_repealed {
        ArticleStatus::Unchanged
    } else {
        ArticleStatus::Modified
    };
    ArticleDiff {
        status,
        old: Some(side(old, a)),
        new: Some(side(new, b)),
        heading: heading_redline(a.heading.as_deref(), b.heading.as_deref()),
        segments: redline(&old_text, &new_text),
    }
}

/// What an amendment is, for the header of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmendmentSummary {
    pub id: String,
    pub title: String,
    pub kind: super::AmendmentKind,
    pub status: super::AmendmentStatus,
    pub in_force: Option<crate::date::Date>,
}

/// One side of a work diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionSummary {
    pub label: String,
    pub kind: super::VersionKind,
    pub date: Option<crate::date::Date>,
    pub amendments: Vec<String>,
}

impl VersionSummary {
    pub fn of(v: &Version) -> VersionSummary {
        VersionSummary {
            label: v.label(),
            kind: v.kind,
            date: v.date,
            amendments: v.amendments.clone(),
        }
    }
}

/// Two versions of a work compared, every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkDiff {
    pub work: WorkId,
    pub title: String,
    /// The amendment whose change this is, for `mizan diff AMENDMENT`.
    pub amendment: Option<AmendmentSummary>,
    pub from: VersionSummary,
    pub to: VersionSummary,
    pub expressions: Vec<ExpressionDiff>,
}

/// Compares two versions of a work, language by language.
pub fn compare_versions(
    title: &str,
    from: &Version,
    to: &Version,
    options: &DiffOptions,
) -> WorkDiff {
    let expressions = to
        .expressions
        .iter()
        .filter(|e| options.lang.is_none_or(|l| l == e.lang()))
        .filter_map(|new| {
            let old = from.expression(new.lang())?;
            Some(compare(old, new, Alignment::Lineage, options))
        })
        .collect();
    WorkDiff {
        work: to.work.clone(),
        title: title.to_owned(),
        amendment: None,
        from: VersionSummary::of(from),
        to: VersionSummary::of(to),
        expressions,
    }
}

fn title_of(work: &Work, only: Option<Lang>) -> String {
    work.title(only.unwrap_or(Lang::EN)).to_owned()
}

/// What an amendment changes: for an enacted one, the version before it
/// took effect against the version after; for any other, the latest
/// version against the text as it would read with it.
pub fn amendment_diff(
    work: &Work,
    amendments: &[Amendment],
    amendment: &Amendment,
    options: &DiffOptions,
) -> Result<WorkDiff, VersionError> {
    amendment_diff_from(work, amendments, amendment, None, options)
}

/// [`amendment_diff`], given for a pending amendment the text as it would
/// read (`proposed`: what [`with_pending`] gives on the latest version, as
/// checking the amendment found it), so that it is not applied again.
pub fn amendment_diff_from(
    work: &Work,
    amendments: &[Amendment],
    amendment: &Amendment,
    proposed: Option<&Version>,
    options: &DiffOptions,
) -> Result<WorkDiff, VersionError> {
    let h = history(work, amendments).map_err(VersionError::Invalid)?;
    let title = title_of(work, options.lang);
    let mut d = if amendment.in_force_from().is_some() {
        match h.around(&amendment.id) {
            Some((before, after)) => compare_versions(&title, before, after, options),
            None => {
                return Err(VersionError::Unavailable(format!(
                    "`{}` is already part of the text as read (the statute files are current to a date \
                     on or after {}), so the text before it is not held",
                    amendment.id,
                    amendment
                        .in_force
                        .map_or_else(String::new, |d| d.to_string())
                )));
            }
        }
    } else {
        match proposed {
            Some(to) => compare_versions(&title, h.latest(), to, options),
            None => {
                let to = with_pending(h.latest(), &[amendment]).map_err(VersionError::Invalid)?;
                compare_versions(&title, h.latest(), &to, options)
            }
        }
    };
    d.amendment = Some(AmendmentSummary {
        id: amendment.id.clone(),
        title: amendment.title.to_string(),
        kind: amendment.kind,
        status: amendment.status,
        in_force: amendment.in_force,
    });
    Ok(d)
}

/// Two point-in-time versions of a work compared (`None`: the latest).
pub fn versions_diff(
    work: &Work,
    amendments: &[Amendment],
    from: Option<Date>,
    to: Option<Date>,
    options: &DiffOptions,
) -> Result<WorkDiff, VersionError> {
    let h = history(work, amendments).map_err(VersionError::Invalid)?;
    let pick = |d: Option<Date>| match d {
        Some(d) => h.at(d).map_err(VersionError::Unavailable),
        None => Ok(h.latest()),
    };
    let (a, b) = (pick(from)?, pick(to)?);
    Ok(compare_versions(
        &title_of(work, options.lang),
        a,
        b,
        options,
    ))
}

/// A version of a work named on the command line: `WORK@DATE` (mizan's
/// shorthand), `WORK` (the latest), or any expression URI
/// (`WORK/eng@DATE`, `WORK/ara:DATE`, `WORK/eng`), which also names the
/// language, and `WORK/eng@` the text as first enacted. Read by the one
/// URI parser, [`FrbrUri`].
pub fn parse_version_ref(s: &str) -> Result<(WorkId, PointInTime, Option<Lang>), String> {
    if let Some((head, date)) = s.rsplit_once('@')
        && let Ok(work) = WorkId::parse(head)
    {
        return Ok((work, PointInTime::At(date.parse::<Date>()?), None));
    }
    let uri = FrbrUri::parse(s).map_err(|e| format!("`{s}`: {e}"))?;
    if uri.portion.is_some() || !uri.components.is_empty() || uri.format.is_some() {
        return Err(format!(
            "`{s}` names part of a document: a version is a work or an expression, as `{}`",
            uri.expression_uri()
        ));
    }
    let Some(e) = uri.expression else {
        return Ok((uri.work, PointInTime::Latest, None));
    };
    let lang = Lang::from_iso639_2(&e.language).ok_or_else(|| {
        format!(
            "`{}` is not a language of the corpus: use `eng` or `ara`",
            e.language
        )
    })?;
    Ok((uri.work, e.version, Some(lang)))
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::corpus::read_expression;

    fn expr(body: &str) -> ConsolidatedExpression {
        let text = format!(
            "---\nwork: /akn/kw/act/2020/1\nlang: en\ntitle: T\ndate: 2020-01-01\nstatus: in-force\nauthority: official\nsource: s\n---\n{body}"
        );
        let path: Arc<Path> = Arc::from(Path::new("t.en.md"));
        let (e, d) = read_expression(&path, &text);
        assert!(!d.has_errors(), "{d:?}");
        ConsolidatedExpression::new(e.unwrap())
    }

    fn amendment(id: &str, status: &str, body: &str) -> Amendment {
        let text = format!(
            "---\nid: {id}\ntitle: T\namends: /akn/kw/act/2020/1\nkind: bill\n{status}---\n{body}"
        );
        let path: Arc<Path> = Arc::from(Path::new(&format!("{id}.md")));
        let (a, d) = crate::amend::read_amendment(&path, &text);
        assert!(!d.has_errors(), "{d:?}");
        a.unwrap()
    }

    /// `diff` redlines the dry run that checked a pending amendment instead
    /// of applying it again: that dry run must be the text as it would read,
    /// with or without enacted amendments before it.
    #[test]
    fn the_checked_dry_run_is_the_text_as_it_would_read() {
        let work = Work {
            id: WorkId::parse("/akn/kw/act/2020/1").unwrap(),
            expressions: vec![
                expr("## Article 1\n\nOne within 5 days.\n\n## Article 2\n\nTwo.\n").expression,
            ],
        };
        let enacted = amendment(
            "a-enacted",
            "status: enacted\nenacted: 2021-01-01\nin_force: 2021-01-01\n",
            "\n## Repeal Article 2\n",
        );
        let pending = amendment(
            "b-pending",
            "status: draft\n",
            "\n## In Article 1, substitute \"within 5 days\" with \"within 10 days\"\n",
        );
        for list in [vec![pending.clone()], vec![enacted, pending.clone()]] {
            let mut diags = crate::diag::Diagnostics::new();
            let kept = crate::amend::check(
                std::slice::from_ref(&work),
                &list,
                crate::amend::Keep::Proposed("b-pending"),
                &mut diags,
            );
            assert!(diags.is_empty(), "{diags:?}");
            let (id, proposed) = kept.proposed.expect("the dry run is kept");
            assert_eq!(id, "b-pending");
            let h = history(&work, &list).unwrap();
            assert_eq!(proposed, with_pending(h.latest(), &[&pending]).unwrap());
            let options = DiffOptions::default();
            assert_eq!(
                amendment_diff_from(&work, &list, &pending, Some(&proposed), &options),
                amendment_diff(&work, &list, &pending, &options)
            );
        }
    }

    #[test]
    fn unrelated_texts_align_by_number_then_by_text() {
        let a = expr("## Article 1\n\nOne.\n\n## Article 2\n\nTwo.\n\n## Article 3\n\nThree.\n");
        let b = expr(
            "## Article 1\n\nOne, changed.\n\n## Article 3 bis\n\nThree.\n\n## Article 4\n\nFour.\n",
        );
        let d = compare(&a, &b, Alignment::Infer, &DiffOptions::default());
        let statuses: Vec<(ArticleStatus, Option<&str>, Option<&str>)> = d
            .articles
            .iter()
            .map(|x| {
                (
                    x.status,
                    x.old.as_ref().map(|s| s.eid.as_str()),
                    x.new.as_ref().map(|s| s.eid.as_str()),
                )
            })
            .collect();
        assert_eq!(
            statuses,
            [
                (ArticleStatus::Modified, Some("art_1"), Some("art_1")),
                (ArticleStatus::Repealed, Some("art_2"), None),
                (ArticleStatus::Renumbered, Some("art_3"), Some("art_3bis")),
                (ArticleStatus::Added, None, Some("art_4")),
            ]
        );
        assert_eq!(d.counts.modified, 1);
    }

    #[test]
    fn version_refs_name_a_work_a_date_and_maybe_a_language() {
        let (w, d, l) = parse_version_ref("/akn/kw/act/2013/91@2013-03-17").unwrap();
        assert_eq!(
            (w.as_str(), d.date().map(|d| d.to_string()), l),
            ("/akn/kw/act/2013/91", Some("2013-03-17".into()), None)
        );
        let (_, d, l) = parse_version_ref("/akn/kw/act/2013/91/ara@2019-04-09").unwrap();
        assert_eq!((d.kind(), l), ("at", Some(Lang::AR)));
        assert_eq!(
            parse_version_ref("/akn/kw/act/2013/91").unwrap().1,
            PointInTime::Latest
        );
        assert!(parse_version_ref("/akn/kw/act/2013/91@2013-02-30").is_err());
        assert!(parse_version_ref("/akn/kw/act/2013/91/fra@2013-03-17").is_err());
        assert!(parse_version_ref("../x@2013-03-17").is_err());
        let (_, d, l) = parse_version_ref("/akn/kw/act/2013/91/eng:2019-04-09").unwrap();
        assert_eq!((d.kind(), l), ("amended", Some(Lang::EN)));
        assert_eq!(
            parse_version_ref("/akn/kw/act/2013/91/eng@").unwrap().1,
            PointInTime::Original
        );
        assert!(parse_version_ref("/akn/kw/act/2013/91/eng/~art_2").is_err());
    }

    #[test]
    fn article_text_puts_points_on_lines() {
        let a = expr("## Article 1\n\nIntro:\n\n- (a) one\n  - (i) deep\n- (b) two\n");
        assert_eq!(
            article_text(&a.expression.articles[0]),
            "Intro:\n  (a) one\n    (i) deep\n  (b) two"
        );
    }
}
