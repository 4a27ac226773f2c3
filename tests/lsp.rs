//! `mizan lsp` driven over its standard input and output by scripted
//! JSON-RPC messages, as an editor drives it: open, edit, hover,
//! definition, references, completion, symbols, code action, shutdown; and
//! the protocol's errors for bad input.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use mizan::testing::files::{copy_dir, example_workspace};
use serde_json::{Value, json};

/// How long any one reply may take before the test fails (the server
/// answers in milliseconds; this only keeps a broken server from hanging
/// the suite).
const PATIENCE: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for replies.
    notifications: Vec<Value>,
}

impl Client {
    fn start(workspace: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mizan"))
            .arg("--workspace")
            .arg(workspace)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("mizan lsp starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            while let Some(m) = read_message(&mut stdout) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            messages: rx,
            next_id: 1,
            notifications: Vec::new(),
        }
    }

    fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params}).to_string();
        self.send_raw(&body);
    }

    /// Sends a request and waits for its reply (a result or an error).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let body =
            json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string();
        self.send_raw(&body);
        self.reply_to(json!(id))
    }

    fn reply_to(&mut self, id: Value) -> Value {
        loop {
            let m = self
                .messages
                .recv_timeout(PATIENCE)
                .expect("the server replies");
            if m.get("id") == Some(&id) && m.get("method").is_none() {
                return m;
            }
            self.notifications.push(m);
        }
    }

    /// The diagnostics last published for `uri`, waiting for them if none
    /// came since the last call.
    fn diagnostics_for(&mut self, uri: &str) -> Vec<Value> {
        loop {
            if let Some(i) = self.notifications.iter().rposition(|n| {
                n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
            }) {
                let n = self.notifications.remove(i);
                self.notifications
                    .retain(|m| m["method"] != "textDocument/publishDiagnostics");
                return n["params"]["diagnostics"].as_array().unwrap().clone();
            }
            let m = self
                .messages
                .recv_timeout(PATIENCE)
                .expect("diagnostics are published");
            self.notifications.push(m);
        }
    }
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let ws = ws.canonicalize().unwrap();
    (dir, ws)
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The editor position of the first `needle` in `text`, `skip` characters in.
fn position(text: &str, needle: &str, skip: usize) -> Value {
    let at = text.find(needle).expect(needle);
    let before = &text[..at];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[start..at].chars().map(char::len_utf16).sum::<usize>() + skip;
    json!({"line": line, "character": character})
}

fn initialize(c: &mut Client) -> Value {
    let reply = c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    reply
}

fn at(path: &Path, text: &str, needle: &str, skip: usize) -> Value {
    json!({
        "textDocument": {"uri": uri(path)},
        "position": position(text, needle, skip),
    })
}

#[test]
fn a_session_from_open_to_shutdown() {
    let (_dir, ws) = workspace();
    let mapping = ws.join("corpus/kw/mappings/tip.yaml");
    let statute = ws.join("corpus/kw/act-2013-91.en.md");
    let amendment = ws.join("corpus/kw/amendments/victim-compensation.md");
    let standard = ws.join("standards/tip.yaml");
    let mapping_text = std::fs::read_to_string(&mapping).unwrap();
    let statute_text = std::fs::read_to_string(&statute).unwrap();
    let amendment_text = std::fs::read_to_string(&amendment).unwrap();
    let standard_text = std::fs::read_to_string(&standard).unwrap();

    let mut c = Client::start(&ws);
    let init = initialize(&mut c);
    let caps = &init["result"]["capabilities"];
    for cap in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "completionProvider",
        "documentSymbolProvider",
        "codeActionProvider",
    ] {
        assert!(!caps[cap].is_null(), "{cap} in {caps}");
    }

    // Open the mapping and break it without saving: the diagnostic comes
    // from the unsaved text, with check's code, on the line typed.
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&mapping), "languageId": "yaml", "version": 1, "text": mapping_text}}),
    );
    let broken = mapping_text.replacen("status: partial", "status: partly", 1);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&mapping), "version": 2}, "contentChanges": [{"text": broken}]}),
    );
    let diagnostics = c.diagnostics_for(&uri(&mapping));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d["severity"], 1, "an error: {d}");
    assert_eq!(d["code"], "M0108", "{d}");
    assert_eq!(
        d["range"]["start"]["line"],
        position(&broken, "status: partly", 0)["line"],
        "{d}"
    );
    // Fixed again: the file's diagnostics are cleared.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&mapping), "version": 3}, "contentChanges": [{"text": mapping_text}]}),
    );
    assert_eq!(c.diagnostics_for(&uri(&mapping)), Vec::<Value>::new());

    // Hover on an article id: its text and the provisions mapped to it.
    let hover = c.request(
        "textDocument/hover",
        at(&mapping, &mapping_text, "/akn/kw/act/2013/91/~art_1", 5),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.contains("Definitions"), "{text}");
    assert!(text.contains("recruiting, transporting"), "{text}");
    assert!(text.contains("tip/art_3__para_a#purpose"), "{text}");
    assert!(text.contains("**partial**"), "{text}");

    // Hover on a mapping entry's provision: its grade and status.
    let hover = c.request(
        "textDocument/hover",
        at(&mapping, &mapping_text, "art_6__para_6", 2),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.contains("Art. 6(6)"), "{text}");
    assert!(text.contains("status: **missing**"), "{text}");

    // Hover on an operation: the redline it makes.
    let hover = c.request(
        "textDocument/hover",
        at(
            &amendment,
            &amendment_text,
            "## In Article 2, substitute",
            5,
        ),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**at least"), "{text}");

    // Definition: from the id to the article's heading in each language.
    let def = c.request(
        "textDocument/definition",
        at(&mapping, &mapping_text, "/akn/kw/act/2013/91/~art_1", 3),
    );
    let places = def["result"].as_array().unwrap();
    assert_eq!(places.len(), 2, "English and Arabic: {def}");
    let english = places
        .iter()
        .find(|p| p["uri"] == uri(&statute))
        .expect("the English heading");
    assert_eq!(
        english["range"]["start"]["line"],
        position(&statute_text, "## Article 1:", 0)["line"]
    );

    // References: from the article's heading to what cites it.
    let refs = c.request(
        "textDocument/references",
        json!({
            "textDocument": {"uri": uri(&statute)},
            "position": position(&statute_text, "## Article 2:", 4),
            "context": {"includeDeclaration": false},
        }),
    );
    let refs = refs["result"].as_array().unwrap();
    assert!(
        refs.iter().any(|r| r["uri"] == uri(&mapping)),
        "the mapping cites Article 2: {refs:?}"
    );
    assert!(
        refs.iter().any(|r| r["uri"] == uri(&amendment)),
        "the amendment changes Article 2: {refs:?}"
    );

    // Completion: article ids, and statuses after `status:`.
    let edited = mapping_text.replacen(
        "articles: [/akn/kw/act/2013/91/~art_2]",
        "articles: [/akn/kw/act/2013/91/~art_2b]",
        1,
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&mapping), "version": 4}, "contentChanges": [{"text": edited}]}),
    );
    let done = c.request(
        "textDocument/completion",
        at(&mapping, &edited, "/akn/kw/act/2013/91/~art_2b]", 27),
    );
    let labels: Vec<&str> = done["result"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["/akn/kw/act/2013/91/~art_2bis"]);
    let done = c.request(
        "textDocument/completion",
        at(&mapping, &edited, "status: full", 8),
    );
    let labels: Vec<&str> = done["result"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"partial") && labels.contains(&"not-applicable"),
        "{labels:?}"
    );

    // Symbols: the statute's outline, chapter over articles.
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&statute)}}),
    );
    let top = symbols["result"].as_array().unwrap();
    assert_eq!(top[0]["name"], "Chapter 1: General provisions", "{top:?}");
    let articles: Vec<&str> = top[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["detail"].as_str().unwrap())
        .collect();
    assert_eq!(articles[..3], ["art_1", "art_2", "art_2bis"]);

    // The code action: take out the entry of Art. 6(6), and the provision
    // offers a skeleton entry in the mapping.
    let start = mapping_text.find("  - provision: art_6__para_6").unwrap();
    let without = mapping_text[..start].to_owned();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&mapping), "version": 5}, "contentChanges": [{"text": without}]}),
    );
    let p = position(&standard_text, "art_6__para_6", 2);
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri(&standard)},
            "range": {"start": p, "end": p},
            "context": {"diagnostics": []},
        }),
    );
    let action = &actions["result"][0];
    assert_eq!(action["title"], "Add a mapping entry for tip/art_6__para_6");
    let edit = &action["edit"]["changes"][uri(&mapping)][0];
    assert!(
        edit["newText"]
            .as_str()
            .unwrap()
            .starts_with("  - provision: art_6__para_6\n"),
        "{edit}"
    );

    let bye = c.request("shutdown", Value::Null);
    assert_eq!(bye["result"], Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success());
}

#[test]
fn bad_input_gets_the_protocols_errors_and_the_server_goes_on() {
    let (dir, ws) = workspace();
    let mut c = Client::start(&ws);

    // Before initialize: "server not initialized".
    let early = c.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    initialize(&mut c);

    // Not JSON: a parse error with a null id.
    c.send_raw("{this is not json");
    let reply = c.reply_to(Value::Null);
    assert_eq!(reply["error"]["code"], -32700, "{reply}");

    // An unknown method.
    let unknown = c.request("mizan/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");

    // Parameters of the wrong shape.
    let bad = c.request("textDocument/hover", json!({"position": "here"}));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");

    // A file outside the workspace.
    let outside = dir.path().join("elsewhere.md");
    std::fs::write(&outside, "## Article 1\n").unwrap();
    let reply = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&outside)}, "position": {"line": 0, "character": 3}}),
    );
    assert_eq!(reply["error"]["code"], -32602, "{reply}");
    assert!(
        reply["error"]["message"]
            .as_str()
            .unwrap()
            .contains("outside the workspace"),
        "{reply}"
    );

    // A 10 MB buffer: a statute of many articles, checked and answered.
    let statute = ws.join("corpus/kw/act-2013-91.en.md");
    let text = std::fs::read_to_string(&statute).unwrap();
    let mut big = text.clone();
    let mut n = 100;
    while big.len() < 10 * 1024 * 1024 {
        big.push_str(&format!(
            "\n## Article {n}: Generated\n\nWhoever recruits a person by coercion for exploitation is punished.\n"
        ));
        n += 1;
    }
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&statute), "languageId": "markdown", "version": 1, "text": big}}),
    );
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&statute)}}),
    );
    assert!(
        symbols["result"].as_array().is_some_and(|s| !s.is_empty()),
        "the big buffer is read: {}",
        symbols.to_string().chars().take(300).collect::<String>()
    );

    // Still serving.
    let bye = c.request("shutdown", Value::Null);
    assert_eq!(bye["result"], Value::Null);
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
}

/// The Drafting in an editor chapter quotes a real hover: the one this
/// test asks for (`MIZAN_BLESS=1` rewrites the quoted file; read the diff).
#[test]
fn the_chapter_quotes_a_real_hover() {
    let (_dir, ws) = workspace();
    let mapping = ws.join("corpus/kw/mappings/tip.yaml");
    let mut c = Client::start(&ws);
    initialize(&mut c);
    let reply = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&mapping)}, "position": {"line": 7, "character": 19}}),
    );
    let markdown = reply["result"]["contents"]["value"].as_str().unwrap();
    let quoted = Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/examples/lsp/hover.md");
    if std::env::var_os("MIZAN_BLESS").is_some() {
        std::fs::write(&quoted, markdown).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&quoted).unwrap_or_default(),
        markdown,
        "book/src/examples/lsp/hover.md differs from the server's hover (MIZAN_BLESS=1 rewrites it)"
    );
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
}

/// The load the server repeats after each edit: files read from the
/// editor's texts where open, the others reused from the previous load
/// while unchanged on disk, and the result the same as a fresh load.
#[test]
fn a_cached_load_sees_the_editors_text_and_the_disks_changes() {
    use mizan::workspace::{LoadCache, Overlay};
    let (_dir, ws) = workspace();
    let mut cache = LoadCache::default();
    let first = mizan::Workspace::load_cached(&ws, &Overlay::new(), &mut cache).unwrap();
    let fresh = mizan::Workspace::load(&ws).unwrap();
    assert_eq!(first.summary(), fresh.summary());

    // An unsaved edit: the mapping's text in the editor breaks it.
    let mapping = ws.join("corpus/kw/mappings/tip.yaml");
    let text = std::fs::read_to_string(&mapping).unwrap();
    let mut overlay = Overlay::new();
    overlay.insert(
        mapping.clone(),
        std::sync::Arc::from(text.replacen("status: partial", "status: partly", 1)),
    );
    let failed = mizan::Workspace::load_cached(&ws, &overlay, &mut cache).unwrap_err();
    assert!(failed.diagnostics.has_errors());

    // The editor's text mended, and a statute changed on disk meanwhile:
    // the cache does not hide the disk's change.
    overlay.insert(mapping, std::sync::Arc::from(text));
    let statute = ws.join("corpus/kw/act-2013-91.en.md");
    let law = std::fs::read_to_string(&statute).unwrap();
    std::fs::write(
        &statute,
        law.replace("## Article 2 bis", "## Article 2 quater"),
    )
    .unwrap();
    let again = mizan::Workspace::load_cached(&ws, &overlay, &mut cache);
    let fresh = mizan::Workspace::load(&ws);
    assert_eq!(
        again
            .as_ref()
            .map(|w| w.summary())
            .map_err(|f| f.diagnostics.clone()),
        fresh
            .as_ref()
            .map(|w| w.summary())
            .map_err(|f| f.diagnostics.clone()),
    );
}
