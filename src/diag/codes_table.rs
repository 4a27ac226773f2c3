// The table of diagnostic codes, included by `codes.rs` (see its docs):
// each code, its title, and its explanation with an example and the fix.

codes! {
    InvalidUtf8 = "M0101", "the file is not valid UTF-8", r#"
A file in the workspace holds bytes that are not UTF-8 text, often because it
was saved in a legacy encoding such as Windows-1256 or ISO-8859-6.

Example: a statute saved from an old word processor in Windows-1256.

Fix: save the file as UTF-8. The diagnostic points at the first bad byte.
"#;
    EmptyFile = "M0102", "the file is empty", r#"
A statute, amendment, instrument or mapping file has no content at all (or
only white space).

Example: `corpus/kw/act-2020-1.en.md` created and never filled in.

Fix: remove the file, or give it front matter and content.
"#;
    NoFrontMatter = "M0103", "the file does not start with YAML front matter", r#"
Statute and amendment files start with a YAML block between two `---` lines
that says which work the file is, in which language, and so on.

Example: a statute file that starts directly with `# Article 1`.

Fix: put the front matter first:

```markdown
---
work: /akn/kw/act/2013/91
lang: en
title: Law No. 91 of 2013
---
```
"#;
    UnclosedFrontMatter = "M0104", "the front matter is not closed", r#"
The file opens a YAML block with `---` but never closes it, so the whole file
would be read as metadata.

Fix: end the metadata block with a line containing only `---`.
"#;
    UnreadableFile = "M0105", "a file cannot be read", r#"
The operating system refused to read a file of the workspace (permissions,
a broken link, a folder where a file was expected). The message gives the
system's reason.

Fix: make the file readable, or remove it from the workspace.
"#;
    NoWorkspace = "M0106", "the workspace folder cannot be used", r#"
The folder given with `--workspace` (or the current folder) does not exist,
is a file, or cannot be opened (the message gives the system's reason).

Fix: pass an existing, readable folder with `--workspace DIR`.
"#;
    NoCorpus = "M0107", "the workspace has no corpus", r#"
A workspace keeps its statutes in `corpus/<cc>/`, one folder per
jurisdiction. This folder has no `corpus/`.

Example: running `mizan check` in a folder that is not a workspace.

Fix: run the command in a workspace, or pass one with `--workspace DIR`.
"#;
    InvalidYaml = "M0108", "the YAML is invalid or does not fit its format", r#"
The YAML of a file (front matter, an instrument, a mapping) cannot be read:
a syntax error, a value of the wrong type, a missing required field, or a
field the format does not have. Unknown fields are errors so that a typo is
never silently ignored.

Example: `stauts: full` in a mapping entry.

Fix: follow the message; for an unknown field, the help names the closest
known one.
"#;
    InvalidSettings = "M0109", "`mizan.toml` cannot be read", r#"
The workspace settings file is not valid TOML, or has a field mizan does not
know.

Fix: follow the message; for an unknown field, the help names the closest
known one. The book's Workspace chapter lists every setting.
"#;
    WeightOutOfRange = "M0110", "an obligation weight lies outside 0 to 1", r#"
The weights in `[gaps.weights]` say how much each kind of obligation counts
in a score. Each lies between 0 and 1.

Example: `mandatory = 2`.

Fix: give a weight between 0 and 1.
"#;
    NoLanguages = "M0111", "`languages` is empty", r#"
The workspace must name at least one language in `mizan.toml`.

Fix: `languages = ["en", "ar"]`, or the languages the corpus is written in.
"#;
    BidiControl = "M0112", "an invisible bidi control character", r#"
A file holds a bidirectional control character (a direction mark,
embedding, override or isolate). These are invisible, and can make text
display differently from what it holds (a warning; search and the site
ignore them).

Fix: remove the character; text in either direction needs none.
"#;
    MissingTranslation = "M0113", "texts of a kind are missing in a language", r#"
The workspace names its languages in `mizan.toml`, and some texts of one
kind (work titles, provision summaries, rationales...) exist in one
language but not in another (a warning, one per kind and language,
pointing at the first text without it). The summary of `check` counts the
coverage per language.

Example: a mapping whose rationales are English only, in a workspace with
`languages = ["en", "ar"]`.

Fix: write the text as a map with an entry per language:

```yaml
rationale:
  en: The rationale in English.
  ar: الأساس المنطقي بالعربية.
```
"#;
    ControlCharacter = "M0114", "a file holds control characters", r#"
A file holds control characters (such as ESC), which a terminal would obey:
they can retitle or clear it. mizan shows each as a visible sign and warns
at the first.

Fix: remove them.
"#;
    BrokenLink = "M0115", "a link to a file that does not exist", r#"
A symbolic link in the workspace points to nothing.

Fix: remove the link, or make it point to a file inside the workspace.
"#;
    LinkOutsideWorkspace = "M0116", "a link to something outside the workspace", r#"
Only files inside the workspace are read, so that no id or link can make
mizan read elsewhere. A symbolic link points outside it.

Fix: copy the file into the workspace instead of linking to it.
"#;
    SpecialFile = "M0117", "not a regular file", r#"
Where the workspace has a data file, there is a device, a socket or a
pipe, which mizan does not read.

Fix: replace it with a regular file, or remove it.
"#;
    LayoutMismatch = "M0118", "a file where a folder belongs, or the reverse", r#"
The workspace has a fixed layout: `corpus/<cc>/` and `standards/` are
folders, statutes and `mizan.toml` are files. One of them is the other
kind.

Example: `mizan.toml` created as a folder.

Fix: follow the layout in the Formats chapter.
"#;
    FolderNamedLikeFile = "M0119", "a folder named like a data file", r#"
A folder's name ends like a data file (`.md`, `.yaml`), so it looks like
one, but it is not read (a warning).

Fix: rename the folder, or remove it.
"#;
    InvalidLanguageFile = "M0120", "a language file cannot be read", r#"
A file under `languages/` describes a language: its code, its name, its
direction, its digits and the words mizan writes in it. The file is not
valid TOML, has a field mizan does not know, is named differently from its
`code`, leaves out what a new language needs (`name`, and `iso639-2`
where the code is not a common one), has a `[numbers]` table mizan
cannot use (no `grammar`, too many forms for a key, an empty word), or
has `point-letters` whose letter does not stand for the Latin letter of
its place.

Example: `languages/fr.toml` with `code = "de"`.

Fix: follow the message. The book's Languages chapter shows a whole file.
"#;
    PublishedReportInvalid = "M0121", "the last report as published cannot be read", r#"
`[gaps.last_report]` in `mizan.toml` names `file`, the last report as it was
published, so that `mizan gaps --since` can tell a reassessment from a change
of the law. The file is missing, is not JSON, or is not a gap report as
`mizan gaps --format json` writes it (version 1, `instruments`, each with
`id` and `provisions`, each with `id` and `status`).

Example: `file = "reports/2025-06-30.json"` and no such file.

Fix: keep the report as published under that name, or remove `file`.
"#;
    LangMismatch = "M0201", "the `lang` of a statute does not match its file name", r#"
A statute file's name ends in its language (`act-2013-91.ar.md`), and its
front matter says `lang:`. The two disagree.

Fix: rename the file or correct `lang`.
"#;
    InvalidEid = "M0202", "an explicit article or container id is invalid", r#"
A heading gives its id explicitly (`## Article 5 {#art_5}`), and the id does
not follow the Akoma Ntoso eId grammar (`art_5`, `art_2bis`, `chp_1`).

Fix: write the id in that grammar, or remove the attribute and let mizan
derive it from the number.
"#;
    DuplicateArticle = "M0203", "two articles with the same number", r#"
Within one expression every article has its own number, and so its own id.

Example: two headings `## Article 4` in the same statute file.

Fix: correct the second number (a later article is often `4 bis`).
"#;
    ArticleWithoutNumber = "M0204", "an article heading has no number", r#"
A heading starts with an article word (Article, المادة) but no number
follows.

Fix: write the number, for example `Article 2` or `المادة (٢)`.
"#;
    DuplicateContainer = "M0205", "two containers with the same id", r#"
Two parts, chapters or sections of one expression get the same id.

Example: two headings `# Chapter 1`.

Fix: correct the number of the second, or give it an explicit `{#chp_2}`.
"#;
    DuplicateExpression = "M0206", "a work has two files in the same language", r#"
Each work has at most one expression per language. Two files say the same
`work` and `lang`.

Fix: remove one, or correct its `work` or `lang`.
"#;
    WorkInWrongFolder = "M0207", "a statute lies in another jurisdiction's folder", r#"
A work id names its jurisdiction (`/akn/kw/...`), and the file lies in
`corpus/<cc>/` for a different `cc`.

Fix: move the file, or correct the work id.
"#;
    UnalignedArticle = "M0208", "an article has no counterpart in the other language", r#"
The English and Arabic expressions of a work are aligned by article id. An
article in one is missing from the other (a warning: translations may lag).

Fix: add the article to the other expression, or correct its number.
"#;
    ListsTooDeep = "M0209", "lists are nested too deeply", r#"
Points inside points are read as the levels of an article; past a few
levels they stop being a statute's structure, and mizan refuses them
rather than read without end.

Fix: write the deeper points as separate paragraphs or articles.
"#;
    ArticleNumberTooLong = "M0210", "an article number is too long", r#"
An article number has more digits than any statute has articles, which is
almost always a typo or a date read as a number.

Fix: check the number.
"#;
    InvalidInstrumentId = "M0301", "an instrument id is not a valid slug", r#"
Instrument ids are short lower-case slugs (`tip`, `c029`).

Fix: use lower-case letters, digits and hyphens.
"#;
    InstrumentFileName = "M0302", "an instrument id does not match its file name", r#"
The instrument `tip` lives in `standards/tip.yaml`; the id inside the file
and the file's name disagree.

Fix: rename the file or correct the id.
"#;
    InvalidParent = "M0303", "an instrument's `parent` is not a valid slug", r#"
`parent` names another instrument (a protocol's convention) by its id.

Fix: write the parent's id, for example `parent: untoc`.
"#;
    InvalidPartyCode = "M0304", "a party is not a jurisdiction code", r#"
The keys of `parties` are two-letter lower-case jurisdiction codes (ISO
3166-1 alpha-2).

Example: `KW:` or `kuwait:` instead of `kw:`.

Fix: use the two-letter lower-case code.
"#;
    InvalidProvisionId = "M0305", "a provision id is not a valid eId", r#"
Provision ids follow the Akoma Ntoso eId grammar (`art_6__para_3`).

Fix: write the id in that grammar.
"#;
    DuplicateProvision = "M0306", "two provisions with the same id", r#"
Within one instrument every provision has its own id.

Fix: correct the second id.
"#;
    InvalidElementId = "M0307", "an element id is invalid", r#"
Element ids are short lower-case names (`means`, `purpose`).

Fix: use lower-case letters, digits and hyphens or underscores.
"#;
    DuplicateElement = "M0308", "two elements of a provision with the same id", r#"
Within one provision every element has its own id.

Fix: rename the second element.
"#;
    DuplicateInstrument = "M0309", "two instruments with the same id", r#"
Two files in `standards/` define the same instrument id.

Fix: remove one, or give it its own id.
"#;
    UnknownParent = "M0310", "an instrument's parent is not in `standards/`", r#"
`parent` names an instrument the workspace does not hold (a warning: the
report still works, but cannot link the two).

Fix: add the parent instrument, or correct the id.
"#;
    InvalidGlossary = "M0311", "a glossary term cannot be read", r#"
The glossary (`glossary.yaml` at the workspace root) lists the field's
terms in each language, so that `suggest` finds an Arabic article through
an English provision and a term through its synonyms. A term names a
language that is not registered, lists an empty form or no form in a
language, is written in fewer than two languages, or has the id of another
term.

Example: a term with only `en: [shelter]`.

Fix: follow the message. The book's Searching chapter shows a whole file.
"#;
    InvalidQuestionnaire = "M0312", "a questionnaire cannot be read", r#"
A file under `questionnaires/` declares the structure of an international
questionnaire (sections, questions, and the provisions that answer each),
so that `mizan gaps --format questionnaire --questionnaire ID` arranges the
answers as the questionnaire asks. The file is not a questionnaire, a
reference is not `instrument/provision` or names a provision the workspace
does not hold, or a section or question id is used twice.

Example: `provisions: [tip/art_55]`.

Fix: follow the message. The book's Gap analysis chapter shows a whole file.
"#;
    MappingInWrongFolder = "M0401", "a mapping lies in another jurisdiction's folder", r#"
A mapping says which jurisdiction it assesses, and lies in `corpus/<cc>/mappings/`
for a different `cc`.

Fix: move the file, or correct `jurisdiction`.
"#;
    DuplicateMapping = "M0402", "two mappings of the same instrument", r#"
A jurisdiction has one mapping per instrument.

Fix: merge the two files.
"#;
    AssessedTwice = "M0403", "a provision or element is assessed twice", r#"
Two entries of one mapping assess the same provision (or the same element of
it), which would make its status ambiguous.

Fix: merge the two entries.
"#;
    UnknownStandard = "M0404", "an unknown instrument", r#"
A mapping or mapping change names an instrument that no file in
`standards/` defines.

Example: `standard: tpi` for `tip`.

Fix: correct the id; the help names the closest known one.
"#;
    UnknownProvision = "M0405", "an unknown provision", r#"
A mapping entry names a provision that its instrument does not have.

Fix: correct the provision id; the help names the closest one.
"#;
    UnknownElement = "M0406", "an unknown element of a provision", r#"
A mapping entry assesses an element (`#means`) that the provision does not
list.

Fix: correct the element name, or assess the provision as a whole.
"#;
    UnassessedWritten = "M0407", "`unassessed` written as a status", r#"
`unassessed` is what mizan reports for a provision that has no entry; it is
not a status to write.

Fix: remove the entry, or give it a real status (full, partial, missing,
conflict, not-applicable).
"#;
    NoRationale = "M0408", "a mapping entry has no rationale", r#"
Every assessment says why its status holds.

Fix: write a rationale naming the articles relied on.
"#;
    UnknownArticle = "M0409", "an unknown article in a mapping", r#"
A mapping entry cites an article that its statute does not have (or no
longer has once an amendment applies).

Fix: correct the article id; `mizan show` lists a work's articles.
"#;
    MappingStandardMismatch = "M0410", "an entry names a different instrument", r#"
An entry inside the mapping of one instrument names another instrument.

Fix: move the entry to the other instrument's mapping.
"#;
    MappingChangeWithoutStandard = "M0411", "a mapping change has no `standard`", r#"
An amendment's `mapping_changes` entry must say which instrument it
assesses.

Fix: add `standard: ID` to the entry.
"#;
    MappingFileName = "M0412", "a mapping is not in a file named for its instrument", r#"
The mapping of `tip` lives in `mappings/tip.yaml`.

Fix: rename the file, or correct `standard`.
"#;
    StatusDisagreesWithElements = "M0413", "a provision's status disagrees with its elements", r#"
A provision is assessed as a whole and element by element, and the two
give different statuses (a warning).

Fix: correct the provision's status or the elements' statuses.
"#;
    UnknownWork = "M0414", "an unknown work", r#"
A mapping entry cites an article of a work that no statute file in
`corpus/` holds.

Fix: correct the work id, or add the statute.
"#;
    GapWithoutBasis = "M0415", "a gap has no `basis`", r#"
A `partial`, `missing` or `conflict` entry of a mapping file says how far
the gap is established: `verified` (in law) or `corpus-only` (not found in
this corpus; laws outside it may meet the provision). This one does not (a
warning).

Fix: add `basis: verified` or `basis: corpus-only`.
"#;
    BasisOnFull = "M0416", "a `full` entry has a `basis`", r#"
`basis` qualifies a gap; a `full` entry has no gap to qualify (a warning).

Fix: remove `basis` from the entry.
"#;
    SourceNotWeb = "M0417", "a source's link is not http(s)", r#"
Each of an entry's `sources` links to where the source can be read, and
only web links are kept.

Example: `url: file:///home/report.pdf`.

Fix: give the address as an `http://` or `https://` link.
"#;
    SourceWithoutTitle = "M0418", "a source has an empty title", r#"
Each of an entry's `sources` has a title, shown in reports and pages.

Fix: give the source its title.
"#;
    SupervisoryBodyUncited = "M0419", "a rationale relies on a supervisory body without citing it", r#"
The rationale names a supervisory body (a committee of experts, a treaty
body), but the entry lists no `sources` (a warning).

Fix: cite the comment or report relied on under `sources:` (title, year,
url, kind).
"#;
    InvalidAmendmentId = "M0501", "an amendment id is not a valid slug", r#"
Amendment ids are lower-case slugs (`2024-bill-3`).

Fix: use lower-case letters, digits and hyphens.
"#;
    AmendmentFileName = "M0502", "an amendment id does not match its file name", r#"
The amendment `2024-bill-3` lives in `amendments/2024-bill-3.md`.

Fix: rename the file or correct the id.
"#;
    EnactedWithoutInForce = "M0503", "an enacted amendment has no `in_force` date", r#"
An enacted amendment produces a new version of the law from the date it
enters into force, so it needs that date.

Fix: add `in_force: YYYY-MM-DD`.
"#;
    NoOperations = "M0504", "an amendment has no operations", r#"
The body of an amendment is its operations, each a level-2 heading (a
warning: the amendment changes nothing).

Fix: write each change as a level-2 heading, for example `## Repeal Article 5`.
"#;
    TextBeforeOperation = "M0505", "text before the first operation", r#"
Everything in an amendment's body belongs to an operation; text before the
first heading belongs to none.

Fix: move the text below an operation heading, or into the front matter's
`note`.
"#;
    OperationLevel = "M0506", "an operation is not a level-2 heading", r#"
Operations are level-2 headings (`## Replace Article 3`).

Fix: write `## ` before the operation.
"#;
    OperationGrammar = "M0507", "an operation heading does not follow the grammar", r#"
Operation headings follow a fixed grammar, in English or Arabic: replace,
insert after, repeal, renumber, substitute words, replace or insert a
paragraph.

Example: `## Replace Article 3 before Article 4` (`before` is not a keyword).

Fix: follow the message and help; the Amendments chapter lists every form.
"#;
    OperationTakesNoText = "M0508", "an operation that takes no text has text", r#"
Repeal and renumber take no new text; text below them would be lost.

Fix: remove the text, or use `Replace Article N` to give the article new
text.
"#;
    TitleNamesOtherArticle = "M0509", "the title names another article", r#"
The text below an operation starts with an article heading whose number
differs from the article the operation is about.

Fix: make the two numbers agree.
"#;
    HeadingInsideText = "M0510", "a heading inside the new text", r#"
The new text of an article is paragraphs and lists; a heading would start a
new article or operation.

Fix: remove the heading, or make it a separate operation.
"#;
    NoNewText = "M0511", "an operation has no new text", r#"
Replace and insert need the new text below their heading.

Fix: write the new text below the heading, as paragraphs.
"#;
    LanguageNotInCorpus = "M0512", "an operation is written in a language the work lacks", r#"
An operation's keywords are in one language, and the amended work has no
text in that language.

Fix: write the operation in the language of a text the corpus holds.
"#;
    PendingConflict = "M0513", "competing drafts: two pending amendments change the same article", r#"
Two pending amendments both change one article. They are alternatives, as
competing drafts are in committee work, so this is a warning: each is
checked alone against the current text, and the site shows them side by
side on each draft's page. They cannot both be applied as written, so a
scenario (`gaps --with`, `show --with`) takes one of them.

Fix: nothing, while the committee weighs them; once it chooses, mark the
other `withdrawn` or `rejected`, or merge the two drafts.
"#;
    OverlappingOperations = "M0514", "two operations of an amendment overlap", r#"
Two operations of one amendment change the same part of the text.

Fix: merge the two operations, or make each change a different part.
"#;
    DuplicateAmendment = "M0515", "two amendments with the same id", r#"
Every amendment in a workspace has its own id.

Fix: rename one.
"#;
    AmendedWorkMissing = "M0516", "the amended work is not in the corpus", r#"
`amends` names a work that no statute file holds.

Fix: correct the work id, or add the statute.
"#;
    RepealedArticle = "M0517", "an operation targets a repealed article", r#"
The article an operation changes was repealed by an earlier amendment.

Fix: aim the operation at an article in force, or insert a new article.
"#;
    MissingArticle = "M0518", "an operation targets an article that does not exist", r#"
The article an operation names is not in the text the amendment applies to.

Example: `## Repeal Article 3 bis` when the law has Articles 1 to 3.

Fix: correct the number; the help names the closest article.
"#;
    ArticleExists = "M0519", "an inserted or renumbered article already exists", r#"
An insertion or renumbering would give an article a number that another
article already has.

Fix: give the new article a number of its own (for example with `bis`),
or renumber the other article first.
"#;
    MissingParagraph = "M0520", "an operation targets a paragraph that does not exist", r#"
Paragraphs are numbered from 1 in the order written, and the article has
fewer than the operation names.

Fix: correct the paragraph number; `mizan show` lists them.
"#;
    WordsNotFound = "M0521", "the words to substitute are not found, or are ambiguous", r#"
A substitution names words that the article does not contain, or that it
contains more than once without saying which occurrence.

Fix: copy the words exactly (the help shows the closest words), or add
`(occurrence N)` or `(all)` at the end of the heading.
"#;
    ArticleLeftEmpty = "M0522", "an operation leaves an article with no text", r#"
After the operations apply, an article has no paragraphs left.

Fix: to remove the whole article, use `Repeal Article N`.
"#;
    ChangedTwice = "M0523", "an amendment changes an assessment twice", r#"
Two mapping changes of one amendment assess the same provision or element
(a warning: the later one wins).

Fix: merge the two changes.
"#;
    ChangeByElement = "M0524", "a change assesses by element what the mapping assesses whole", r#"
A mapping change assesses one element of a provision, while the mapping
assesses the provision as a whole (a warning: the two cannot be combined).

Fix: assess the provision the same way in both.
"#;
    ScenarioUnavailable = "M0525", "a scenario's amendments cannot be applied", r#"
The amendments asked for with `--with` cannot be applied to the work they
amend (for example, it has no text to apply them to).

Fix: follow the message; `mizan check` reports the amendments' problems.
"#;
    IllustrativeNotPending = "M0526", "an illustrative draft is not pending", r#"
`illustrative: true` marks a drafting example that no body has proposed,
so it can only be a draft: it cannot be enacted, rejected or withdrawn.

Fix: keep its status `draft`, or remove `illustrative` if the amendment
was really proposed.
"#;
    ProposalInvalid = "M0527", "a proposal cannot be made of these amendments", r#"
`mizan propose` gathers pending amendments of one law into one proposal
in one language. It refuses an amendment that is enacted, rejected or
withdrawn, amendments of two different laws, two competing drafts (both
change the same article), and an amendment with no operation written in
the proposal's language. The diagnostic points at the amendment's
`amends` line.

For example `mizan propose draft-a draft-b` where both replace Article 11
is refused: the two are alternatives, not one proposal.

Fix: follow the message: propose each competing draft on its own, one
proposal per law, or write the operations in the proposal's language.
"#;
    TemplateError = "M0601", "a site template does not compile", r#"
A template in the workspace's `templates/` folder, which overrides the
built-in one, has a syntax error.

Fix: correct the template; the diagnostic points at the error.
"#;
    MemoTemplateError = "M0602", "the explanatory memorandum's template has an error", r#"
The workspace's `templates/memorandum.md`, which replaces the built-in
structure of a proposal's explanatory memorandum, names a placeholder
that does not exist (`{notse}`) or a message the language files lack
(`{t:memo.nope}`), or leaves a brace open.

Fix: use the placeholders the Proposing amendments chapter lists; the
diagnostic points at the one that is wrong.
"#;
    MalformedUri = "M0701", "a URI does not follow the Akoma Ntoso naming convention", r#"
A URI given to `show`, `resolve` or `diff` breaks the FRBR URI grammar
of the Akoma Ntoso naming convention. The diagnostic points at the
segment that is wrong: a trailing slash, a two-letter language code
(`en` instead of `eng`), a date that does not exist, an eId without its
`~`, an unknown format.

For example `/akn/kw/act/2013/91/eng/art_2` lacks the `~` that marks a
portion, and `/akn/kw/act/2013/91/` ends with a slash.

Fix: write the URI as the Formats chapter shows:
`/akn/kw/act/2013/91/eng@2013-03-17/~art_2`. The help line says what
to write instead.
"#;
    ImportUnsupported = "M0801", "a file `mizan import` cannot read", r#"
`mizan import` reads Word documents (`.docx`), plain text (`.txt`) and web
pages (`.html`, `.htm`). Other files, and the legacy binary Word format
(`.doc`, Word 97-2003), are refused before anything is written.

For example `mizan import law.doc` fails: a `.doc` file is not a
`.docx` file renamed, it is another format.

Fix: open the document in a word processor and save it as `.docx` (Word
document) or as plain text (UTF-8), then import that file.
"#;
    ImportDamaged = "M0802", "a Word document is damaged or not a Word document", r#"
A `.docx` file is a zip archive holding `word/document.xml`. This file is
not a zip archive, or the archive has no `word/document.xml`, or that part
is not well-formed XML. The diagnostic says which.

For example a text file renamed to `law.docx` is not a zip archive.

Fix: open the document in a word processor and save it again as `.docx`,
or import it as plain text.
"#;
    ImportEncrypted = "M0803", "a document is encrypted or protected by a password", r#"
The document is encrypted (Word's "Encrypt with password", or a zip entry
with a password), so its text cannot be read.

Fix: open it with its password, remove the protection (in Word: File,
Info, Protect Document, Encrypt with Password, and clear the password),
save it and import it again.
"#;
    ImportTooLarge = "M0804", "a file to import is too large", r#"
`mizan import` reads at most 16 MiB from a text or HTML file and expands
at most 64 MiB from a Word document (a small archive that expands to
gigabytes, a zip bomb, is refused without being expanded). The longest
codes of law are a few megabytes of text.

For example a 50 MB text file is refused: mizan stops reading it past
16 MiB and writes nothing.

Fix: check that the file is the law you meant; split a collection of laws
into one file per law.
"#;
    ImportNoArticles = "M0805", "a document to import has no article headings", r#"
`mizan import` found no line that starts an article (`المادة ١`, `مادة
أولى`, `Article 1`, ...), so it cannot tell where the law's articles are,
and writes nothing.

Fix: check that the file holds the text of a law; the Importing laws
chapter lists the heading forms that are recognised. A heading written as
an image or in a text box is not read: retype it as text.
"#;
}
