//! What an operation does, as data: the action a heading names, with the
//! articles, paragraphs and words it names and where each is written.

use std::ops::Range;

use serde::{Serialize, Serializer};

use crate::ids::ArticleNumber;

/// An article named in an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleTarget {
    pub number: ArticleNumber,
    /// Where the reference (`Article 2 bis`) lies.
    pub span: Range<usize>,
}

impl ArticleTarget {
    pub fn eid(&self) -> String {
        self.number.eid()
    }
}

impl Serialize for ArticleTarget {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.eid())
    }
}

/// A paragraph named by its number inside an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphNumber {
    pub num: usize,
    #[serde(skip)]
    pub span: Range<usize>,
}

/// Quoted words of a substitution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quoted {
    /// The words between the quotes, white space collapsed.
    pub text: String,
    /// Where the quotation lies, quotes included.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// Which occurrences of the words a substitution replaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Occurrence {
    /// The words must occur exactly once.
    Only,
    /// The n-th occurrence (from 1).
    Nth {
        n: usize,
        #[serde(skip)]
        span: Range<usize>,
    },
    All,
}

/// What one operation does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Action {
    ReplaceArticle {
        article: ArticleTarget,
    },
    InsertArticle {
        article: ArticleTarget,
        after: ArticleTarget,
    },
    RepealArticle {
        article: ArticleTarget,
    },
    RenumberArticle {
        article: ArticleTarget,
        to: ArticleTarget,
    },
    Substitute {
        article: ArticleTarget,
        find: Quoted,
        with: Quoted,
        occurrence: Occurrence,
    },
    ReplaceParagraph {
        article: ArticleTarget,
        paragraph: ParagraphNumber,
    },
    InsertParagraph {
        article: ArticleTarget,
        after: ParagraphNumber,
    },
    RepealParagraph {
        article: ArticleTarget,
        paragraph: ParagraphNumber,
    },
}

impl Action {
    /// The article the operation acts on (for an insertion, the new one).
    pub fn article(&self) -> &ArticleTarget {
        match self {
            Action::ReplaceArticle { article }
            | Action::InsertArticle { article, .. }
            | Action::RepealArticle { article }
            | Action::RenumberArticle { article, .. }
            | Action::Substitute { article, .. }
            | Action::ReplaceParagraph { article, .. }
            | Action::InsertParagraph { article, .. }
            | Action::RepealParagraph { article, .. } => article,
        }
    }

    /// Whether the heading is followed by new text (an article or paragraphs).
    pub fn takes_text(&self) -> bool {
        matches!(
            self,
            Action::ReplaceArticle { .. }
                | Action::InsertArticle { .. }
                | Action::ReplaceParagraph { .. }
                | Action::InsertParagraph { .. }
        )
    }

    /// Whether the new text is a whole article (which may carry a title).
    pub fn takes_article(&self) -> bool {
        matches!(
            self,
            Action::ReplaceArticle { .. } | Action::InsertArticle { .. }
        )
    }

    /// Operations that need no words, and so apply to the expressions in
    /// every language: repealing and renumbering an article.
    pub fn is_structural(&self) -> bool {
        matches!(
            self,
            Action::RepealArticle { .. } | Action::RenumberArticle { .. }
        )
    }

    /// The same operation, ignoring spans and the language it is written in.
    pub fn same_as(&self, other: &Action) -> bool {
        match (self, other) {
            (Action::RepealArticle { article: a }, Action::RepealArticle { article: b }) => {
                a.eid() == b.eid()
            }
            (
                Action::RenumberArticle { article: a, to: x },
                Action::RenumberArticle { article: b, to: y },
            ) => a.eid() == b.eid() && x.eid() == y.eid(),
            _ => false,
        }
    }

    /// What the operation does, as a phrase: `substitutes words in Article 13`.
    pub fn describe(&self) -> String {
        let n = &self.article().number.display;
        match self {
            Action::ReplaceArticle { .. } => format!("replaces Article {n}"),
            Action::InsertArticle { .. } => format!("inserts Article {n}"),
            Action::RepealArticle { .. } => format!("repeals Article {n}"),
            Action::RenumberArticle { to, .. } => {
                format!("renumbers Article {n} as Article {}", to.number.display)
            }
            Action::Substitute { .. } => format!("substitutes words in Article {n}"),
            Action::ReplaceParagraph { paragraph, .. } => {
                format!("replaces paragraph {} of Article {n}", paragraph.num)
            }
            Action::InsertParagraph { after, .. } => {
                format!(
                    "inserts a paragraph after paragraph {} of Article {n}",
                    after.num
                )
            }
            Action::RepealParagraph { paragraph, .. } => {
                format!("repeals paragraph {} of Article {n}", paragraph.num)
            }
        }
    }

    /// A short name for messages (`repeal`, `substitution`).
    pub fn name(&self) -> &'static str {
        match self {
            Action::ReplaceArticle { .. } => "replacement of the article",
            Action::InsertArticle { .. } => "insertion of the article",
            Action::RepealArticle { .. } => "repeal of the article",
            Action::RenumberArticle { .. } => "renumbering of the article",
            Action::Substitute { .. } => "substitution",
            Action::ReplaceParagraph { .. } => "replacement of a paragraph",
            Action::InsertParagraph { .. } => "insertion of a paragraph",
            Action::RepealParagraph { .. } => "repeal of a paragraph",
        }
    }
}
