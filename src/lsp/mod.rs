//! `mizan lsp`: a Language Server Protocol server for the workspace's
//! statutes, instruments, mappings and amendments, over standard input and
//! output.
//!
//! - **Diagnostics** as the user types: the workspace is loaded again from
//!   the disk and the editor's unsaved texts, reusing every file whose text
//!   did not change ([`crate::workspace::LoadCache`]), and every file's
//!   diagnostics (those of `check`, with their codes) are published.
//! - **Hover** on an article id, a provision reference, a mapping entry's
//!   provision or an amendment operation ([`hover`]).
//! - **Go to definition** and **find references** ([`navigate`]).
//! - **Completion** of article ids, provision ids, statuses and operation
//!   headings in every language ([`complete`]).
//! - **Document symbols**: a statute's containers and articles, an
//!   instrument's provisions, a mapping's entries, an amendment's operations.
//! - **Code action** "add a mapping entry" for an unassessed provision
//!   ([`actions`]).
//!
//! Messages are read and answered on one thread. A message that is not
//! JSON-RPC gets a parse error reply, an unknown method "method not found",
//! bad parameters "invalid params", and a file outside the workspace an
//! error that says so; none of them stops the server. A message's body is
//! capped at [`MAX_MESSAGE_BYTES`].

mod actions;
mod complete;
mod hover;
mod locate;
mod navigate;
mod session;
mod transport;
mod uri;

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;

use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest, References,
    Request as _,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CompletionItem, CompletionItemKind, CompletionList,
    CompletionOptions, CompletionParams, CompletionResponse, DocumentSymbol, DocumentSymbolParams,
    DocumentSymbolResponse, GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents,
    HoverParams, HoverProviderCapability, InitializeParams, InitializeResult, InsertTextFormat,
    Location, MarkupContent, MarkupKind, OneOf, PublishDiagnosticsParams, ReferenceParams,
    ServerCapabilities, ServerInfo, SymbolKind as LspSymbolKind, TextDocumentPositionParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};

pub use transport::MAX_MESSAGE_BYTES;

use locate::Target;
use navigate::{Place, Symbol, SymbolKind};
use session::{Session, offset, range};

/// Serves the workspace at `root` until the client says `exit` or closes
/// the input. Errors are those of the input and output themselves.
pub fn serve(root: PathBuf, input: impl BufRead, output: impl Write) -> io::Result<()> {
    let mut server = Server {
        session: Session::new(root),
        out: output,
        initialized: false,
        shutdown: false,
    };
    let mut input = input;
    loop {
        match transport::read(&mut input)? {
            transport::Read::End => return Ok(()),
            transport::Read::Malformed(why) => server.reply_parse_error(&why)?,
            transport::Read::Message(m) => {
                if server.handle(m)? {
                    return Ok(());
                }
            }
        }
    }
}

struct Server<W: Write> {
    session: Session,
    out: W,
    initialized: bool,
    shutdown: bool,
}

/// Why a request could not be answered: the protocol's error code and a
/// message.
type Failure = (ErrorCode, String);

impl<W: Write> Server<W> {
    /// Handles one message; `true` when the server should stop.
    fn handle(&mut self, message: Message) -> io::Result<bool> {
        match message {
            Message::Request(r) => {
                let id = r.id.clone();
                let reply = self.request(r);
                let response = match reply {
                    Ok(value) => Response::new_ok(id, value),
                    Err((code, message)) => Response::new_err(id, code as i32, message),
                };
                self.send(Message::Response(response))?;
                Ok(false)
            }
            Message::Notification(n) => self.notification(n),
            // The server sends no requests, so expects no responses.
            Message::Response(_) => Ok(false),
        }
    }

    fn request(&mut self, r: Request) -> Result<serde_json::Value, Failure> {
        if r.method == "initialize" {
            let params: InitializeParams = params(r.params)?;
            return self.initialize(params);
        }
        if !self.initialized {
            return Err((
                ErrorCode::ServerNotInitialized,
                "the server has not been initialized".to_owned(),
            ));
        }
        if self.shutdown {
            return Err((
                ErrorCode::InvalidRequest,
                "the server is shutting down".to_owned(),
            ));
        }
        let value = match r.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                serde_json::Value::Null
            }
            HoverRequest::METHOD => to_value(self.hover(params(r.params)?)?),
            GotoDefinition::METHOD => to_value(self.definition(params(r.params)?)?),
            References::METHOD => to_value(self.references(params(r.params)?)?),
            Completion::METHOD => to_value(self.completion(params(r.params)?)?),
            DocumentSymbolRequest::METHOD => to_value(self.symbols(params(r.params)?)?),
            CodeActionRequest::METHOD => to_value(self.code_actions(params(r.params)?)?),
            other => {
                return Err((
                    ErrorCode::MethodNotFound,
                    format!("mizan does not answer `{other}`"),
                ));
            }
        };
        Ok(value)
    }

    fn initialize(&mut self, params: InitializeParams) -> Result<serde_json::Value, Failure> {
        // The workspace is the folder `mizan lsp` was started in (or
        // `--workspace`); the client's folders are not consulted, so the
        // editor and the command line always agree on it.
        let _ = params;
        self.initialized = true;
        let capabilities = ServerCapabilities {
            text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec!["/".into(), "~".into(), "_".into(), " ".into()]),
                ..CompletionOptions::default()
            }),
            code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
            ..ServerCapabilities::default()
        };
        Ok(to_value(InitializeResult {
            capabilities,
            server_info: Some(ServerInfo {
                name: "mizan".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        }))
    }

    fn notification(&mut self, n: Notification) -> io::Result<bool> {
        match n.method.as_str() {
            "exit" => return Ok(true),
            "initialized" => {
                self.session.reload();
                self.publish()?;
            }
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                {
                    self.set_text(&p.text_document.uri, Some(p.text_document.text))?;
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                    && let Some(change) = p.content_changes.into_iter().last()
                {
                    self.set_text(&p.text_document.uri, Some(change.text))?;
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(n.params)
                {
                    let text = p.text;
                    self.set_text(&p.text_document.uri, text)?;
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                    && let Some(path) = self.session.path_of(&p.text_document.uri)
                {
                    // Closed: the disk's text is the file's text again.
                    self.session.overlay.remove(&path);
                    self.session.reload();
                    self.publish()?;
                }
            }
            // Others (`$/cancelRequest`, `workspace/didChangeConfiguration`,
            // ...) need nothing from this server.
            _ => {}
        }
        Ok(false)
    }

    /// The editor's text of a file changed (`None`: saved, text unknown).
    fn set_text(&mut self, url: &Uri, text: Option<String>) -> io::Result<()> {
        let Some(path) = self.session.path_of(url) else {
            return self.log(&format!(
                "{} is outside the workspace {}; it is not checked",
                url.as_str(),
                self.session.root.display()
            ));
        };
        if let Some(text) = text {
            self.session.overlay.insert(path, Arc::from(text));
        }
        self.session.reload();
        self.publish()
    }

    fn publish(&mut self) -> io::Result<()> {
        for (uri, diagnostics) in self.session.publish() {
            let params = PublishDiagnosticsParams {
                uri,
                diagnostics,
                version: None,
            };
            self.send(Message::Notification(Notification::new(
                PublishDiagnostics::METHOD.to_owned(),
                params,
            )))?;
        }
        Ok(())
    }

    fn log(&mut self, message: &str) -> io::Result<()> {
        self.send(Message::Notification(Notification::new(
            "window/logMessage".to_owned(),
            serde_json::json!({ "type": 3, "message": message }),
        )))
    }

    fn send(&mut self, m: Message) -> io::Result<()> {
        m.write(&mut self.out)?;
        self.out.flush()
    }

    fn reply_parse_error(&mut self, why: &str) -> io::Result<()> {
        transport::write_error(&mut self.out, ErrorCode::ParseError as i32, why)
    }

    /// The file and offset a position names, the workspace, and what is
    /// there.
    fn target(&self, at: &TextDocumentPositionParams) -> Result<Option<Target>, Failure> {
        let (path, text) = self.file(&at.text_document.uri)?;
        let Some(ws) = &self.session.workspace else {
            return Ok(None);
        };
        let offset = offset(&text, at.position);
        Ok(locate::target_at(ws, &path, &text, offset))
    }

    /// The path and text of a workspace file, or the error for a file
    /// outside it.
    fn file(&self, url: &Uri) -> Result<(PathBuf, Arc<str>), Failure> {
        let path = self.session.path_of(url).ok_or_else(|| {
            (
                ErrorCode::InvalidParams,
                format!(
                    "{} is outside the workspace {}",
                    url.as_str(),
                    self.session.root.display()
                ),
            )
        })?;
        let text = self
            .session
            .text(&path)
            .or_else(|| std::fs::read_to_string(&path).ok().map(Arc::from))
            .ok_or_else(|| {
                (
                    ErrorCode::InvalidParams,
                    format!("{} is not a file of the workspace", url.as_str()),
                )
            })?;
        Ok((path, text))
    }

    fn hover(&self, p: HoverParams) -> Result<Option<Hover>, Failure> {
        let Some(target) = self.target(&p.text_document_position_params)? else {
            return Ok(None);
        };
        let ws = self
            .session
            .workspace
            .as_ref()
            .expect("a target needs a workspace");
        Ok(hover::hover(ws, &target).map(|markdown| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: markdown,
            }),
            range: None,
        }))
    }

    fn definition(
        &self,
        p: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>, Failure> {
        let Some(target) = self.target(&p.text_document_position_params)? else {
            return Ok(None);
        };
        let ws = self
            .session
            .workspace
            .as_ref()
            .expect("a target needs a workspace");
        let places = self.locations(navigate::definition(ws, &target));
        Ok((!places.is_empty()).then_some(GotoDefinitionResponse::Array(places)))
    }

    fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>, Failure> {
        let Some(target) = self.target(&p.text_document_position)? else {
            return Ok(None);
        };
        let ws = self
            .session
            .workspace
            .as_ref()
            .expect("a target needs a workspace");
        let places = navigate::references(ws, &target, p.context.include_declaration);
        Ok(Some(self.locations(places)))
    }

    fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>, Failure> {
        let at = &p.text_document_position;
        let (path, text) = self.file(&at.text_document.uri)?;
        let Some(ws) = &self.session.workspace else {
            return Ok(None);
        };
        let (items, cut) = complete::complete(ws, &path, &text, offset(&text, at.position));
        let items = items
            .into_iter()
            .map(|c| CompletionItem {
                kind: Some(match c.kind {
                    complete::CompletionKind::Article => CompletionItemKind::REFERENCE,
                    complete::CompletionKind::Provision => CompletionItemKind::REFERENCE,
                    complete::CompletionKind::Status => CompletionItemKind::ENUM_MEMBER,
                    complete::CompletionKind::Keyword => CompletionItemKind::SNIPPET,
                }),
                insert_text_format: c.snippet.as_ref().map(|_| InsertTextFormat::SNIPPET),
                insert_text: c.snippet,
                detail: c.detail,
                label: c.label,
                ..CompletionItem::default()
            })
            .collect();
        Ok(Some(CompletionResponse::List(CompletionList {
            is_incomplete: cut,
            items,
        })))
    }

    fn symbols(&self, p: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>, Failure> {
        let (path, text) = self.file(&p.text_document.uri)?;
        let Some(ws) = &self.session.workspace else {
            return Ok(None);
        };
        let lines = session::Lines::new(&text);
        let symbols = navigate::outline(ws, &path)
            .into_iter()
            .map(|s| document_symbol(&lines, s))
            .collect();
        Ok(Some(DocumentSymbolResponse::Nested(symbols)))
    }

    fn code_actions(
        &self,
        p: CodeActionParams,
    ) -> Result<Option<Vec<CodeActionOrCommand>>, Failure> {
        let at = TextDocumentPositionParams {
            text_document: p.text_document.clone(),
            position: p.range.start,
        };
        let Some(target) = self.target(&at)? else {
            return Ok(None);
        };
        let ws = self
            .session
            .workspace
            .as_ref()
            .expect("a target needs a workspace");
        let mut out = Vec::new();
        for action in actions::actions(ws, &target) {
            let path = self.session.absolute_path(&action.path);
            let Some(text) = self.session.text(&path) else {
                continue;
            };
            let Some(uri) = uri::from_path(&path) else {
                continue;
            };
            let end = session::position(&text, text.len());
            let mut new_text = action.text;
            if !text.is_empty() && !text.ends_with('\n') {
                new_text.insert(0, '\n');
            }
            // A URI's hash and equality are those of its text, which the
            // cell inside it (a parse cache) never changes.
            #[allow(clippy::mutable_key_type)]
            let mut changes = HashMap::new();
            changes.insert(
                uri,
                vec![TextEdit {
                    range: lsp_types::Range { start: end, end },
                    new_text,
                }],
            );
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: action.title,
                kind: Some(CodeActionKind::QUICKFIX),
                edit: Some(WorkspaceEdit {
                    changes: Some(changes),
                    ..WorkspaceEdit::default()
                }),
                ..CodeAction::default()
            }));
        }
        Ok(Some(out))
    }

    fn locations(&self, places: Vec<Place>) -> Vec<Location> {
        places
            .into_iter()
            .filter_map(|p| {
                let path = self.session.absolute_path(&p.path);
                let text = self.session.text(&path)?;
                Some(Location {
                    uri: uri::from_path(&path)?,
                    range: range(&text, p.span),
                })
            })
            .collect()
    }
}

#[allow(deprecated)]
fn document_symbol(lines: &session::Lines<'_>, s: Symbol) -> DocumentSymbol {
    let r = lines.range(s.span);
    DocumentSymbol {
        name: if s.name.trim().is_empty() {
            "(untitled)".to_owned()
        } else {
            s.name
        },
        detail: s.detail,
        kind: match s.kind {
            SymbolKind::Container => LspSymbolKind::NAMESPACE,
            SymbolKind::Article => LspSymbolKind::STRUCT,
            SymbolKind::Provision => LspSymbolKind::FIELD,
            SymbolKind::Entry => LspSymbolKind::PROPERTY,
            SymbolKind::Operation => LspSymbolKind::EVENT,
        },
        tags: None,
        deprecated: None,
        range: r,
        selection_range: r,
        children: (!s.children.is_empty()).then(|| {
            s.children
                .into_iter()
                .map(|c| document_symbol(lines, c))
                .collect()
        }),
    }
}

fn params<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, Failure> {
    serde_json::from_value(value).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn to_value(v: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}
