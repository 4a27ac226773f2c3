//! The one error path of the command line. A subcommand returns
//! `Result<(), CliError>`; `report` prints the error once, on stderr, in
//! one shape (diagnostics with their snippets, then `mizan: message`, its
//! notes and its help), and says which exit code it means. No subcommand
//! prints its own errors.

use std::io;
use std::process::ExitCode;

use mizan::diag::{Diagnostics, Sources, render_text};

use super::stderr_color;

/// Why a command did not succeed.
#[derive(Debug)]
pub enum CliError {
    /// The input is invalid or the operation failed: say why.
    Failed(Box<Failure>),
    /// The command printed its findings (`check`'s report), and they make
    /// the run fail; there is nothing more to say.
    Findings,
    /// Reading or writing failed (a closed pipe is not a failure).
    Io(io::Error),
}

/// What went wrong, with what helps to fix it.
#[derive(Debug, Default)]
pub struct Failure {
    pub message: String,
    /// Further facts, one line each (`mizan: ...`).
    pub notes: Vec<String>,
    /// What to do (`  help: ...`).
    pub help: Option<String>,
    /// Diagnostics to show first, with the sources their spans point into.
    pub diagnostics: Option<(Diagnostics, Sources)>,
}

pub type CliResult = Result<(), CliError>;

impl CliError {
    pub fn new(message: impl Into<String>) -> Self {
        CliError::Failed(Box::new(Failure {
            message: message.into(),
            ..Failure::default()
        }))
    }

    /// Adds help; `None` (no suggestion found) leaves the error as it is.
    pub fn help(mut self, help: impl Into<Option<String>>) -> Self {
        if let (CliError::Failed(f), Some(h)) = (&mut self, help.into()) {
            f.help = Some(h);
        }
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        if let CliError::Failed(f) = &mut self {
            f.notes.push(note.into());
        }
        self
    }

    /// Shows these diagnostics before the message.
    pub fn diagnostics(mut self, diagnostics: Diagnostics, sources: &Sources) -> Self {
        if let CliError::Failed(f) = &mut self {
            f.diagnostics = Some((diagnostics, sources.clone()));
        }
        self
    }

    /// Whether this is a closed pipe (`mizan ... | head`), which is success.
    fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Io(e)
    }
}

/// JSON written to stdout fails only when writing does (a closed pipe).
impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> Self {
        CliError::Io(io::Error::from(e))
    }
}

/// A notice that does not stop the command: `mizan: warning: ...` on stderr.
pub fn warn(message: impl std::fmt::Display) {
    eprintln!("mizan: warning: {message}");
}

/// The text `report` prints for a failure (without colour), for tests and
/// for callers that keep going (`serve`).
pub fn render(f: &Failure, color: bool) -> String {
    let mut out = String::new();
    if let Some((diagnostics, sources)) = &f.diagnostics {
        out.push_str(&render_text(diagnostics, sources, color));
    }
    out.push_str(&format!("mizan: {}\n", f.message));
    for note in &f.notes {
        out.push_str(&format!("mizan: {note}\n"));
    }
    if let Some(help) = &f.help {
        out.push_str(&format!("  help: {help}\n"));
    }
    out
}

/// Prints the error on stderr (once) and returns the exit code it means:
/// 1 for a failure, 0 for a closed pipe.
pub fn report(e: &CliError) -> ExitCode {
    if e.is_broken_pipe() {
        return ExitCode::SUCCESS;
    }
    match e {
        CliError::Failed(f) => eprint!("{}", render(f, stderr_color())),
        CliError::Findings => {}
        CliError::Io(e) => eprintln!("mizan: {e}"),
    }
    ExitCode::from(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_prints_its_message_notes_and_help_in_order() {
        let e = CliError::new("no instrument `tpi` in `standards/`")
            .note("it is in the ar text")
            .help(Some("did you mean `tip`?".to_owned()))
            .help(None::<String>);
        let CliError::Failed(f) = e else {
            panic!("a failure")
        };
        assert_eq!(
            render(&f, false),
            "mizan: no instrument `tpi` in `standards/`\n\
             mizan: it is in the ar text\n  help: did you mean `tip`?\n"
        );
    }

    #[test]
    fn a_closed_pipe_is_success() {
        let e = CliError::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!(report(&e), ExitCode::SUCCESS);
        assert_eq!(report(&CliError::Findings), ExitCode::from(1));
    }
}
