//! `mizan serve`: a small static file server on the loopback interface, and
//! a watcher that notices edited workspace files by polling their times.
//!
//! The server is deliberately small: GET and HEAD only, one short-lived
//! thread per connection with a bound on how many run at once, request
//! heads capped in size, reads and writes with timeouts, and no path that
//! leaves the site folder. It binds 127.0.0.1 unless told otherwise. It
//! reads files at request time, so a rebuild (which swaps the folder) is
//! seen by the next request.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

/// At most this many connections are served at once; more get 503.
pub const MAX_CONNECTIONS: usize = 32;
const MAX_HEAD: usize = 16 * 1024;
const TIMEOUT: Duration = Duration::from_secs(10);

/// A running server; [`ServerHandle::stop`] ends it.
pub struct ServerHandle {
    pub addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl ServerHandle {
    pub fn stop(mut self) {
        self.shutdown();
    }

    /// Blocks until the server stops (it runs until stopped).
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }

    fn shutdown(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        if self.thread.is_some() {
            self.shutdown();
        }
    }
}

/// Serves the files under `root` on `addr` (port 0 picks a free port).
pub fn start(root: PathBuf, addr: SocketAddr) -> io::Result<ServerHandle> {
    let listener = TcpListener::bind(addr)?;
    let addr = listener.local_addr()?;
    let stop = Arc::new(AtomicBool::new(false));
    let active = Arc::new(AtomicUsize::new(0));
    let root = Arc::new(root);
    let stop2 = Arc::clone(&stop);
    let thread = std::thread::Builder::new()
        .name("mizan-serve".into())
        .spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = conn else { continue };
                if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                    active.fetch_sub(1, Ordering::SeqCst);
                    let _ = respond_status(&mut stream, 503, "Service Unavailable", false);
                    continue;
                }
                let root = Arc::clone(&root);
                let active2 = Arc::clone(&active);
                let spawned = std::thread::Builder::new().spawn(move || {
                    let _ = handle(&root, stream);
                    active2.fetch_sub(1, Ordering::SeqCst);
                });
                if spawned.is_err() {
                    active.fetch_sub(1, Ordering::SeqCst);
                }
            }
        })?;
    Ok(ServerHandle {
        addr,
        stop,
        thread: Some(thread),
    })
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Maps a request path to a file under `root`, or `None` if it would leave
/// the folder or names nothing.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    if !decoded.starts_with('/') || decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut file = root.to_path_buf();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.starts_with('.') => return None,
            p => file.push(p),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn respond_status(stream: &mut TcpStream, code: u16, reason: &str, head: bool) -> io::Result<()> {
    let body = format!("{code} {reason}\n");
    write!(
        stream,
        "HTTP/1.1 {code} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head {
        stream.write_all(body.as_bytes())?;
    }
    stream.flush()
}

fn handle(root: &Path, mut stream: TcpStream) -> io::Result<()> {
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.set_write_timeout(Some(TIMEOUT))?;
    let mut reader = BufReader::new((&stream).take(MAX_HEAD as u64));
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read (and ignore) the headers, up to the blank line.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return respond_status(&mut stream, 400, "Bad Request", false);
    };
    let head = method == "HEAD";
    if method != "GET" && !head {
        return respond_status(&mut stream, 405, "Method Not Allowed", false);
    }
    let Some(file) = resolve(root, target) else {
        return match resolve(root, "/404.html") {
            Some(page) => send(&mut stream, &page, 404, "Not Found", head),
            None => respond_status(&mut stream, 404, "Not Found", head),
        };
    };
    send(&mut stream, &file, 200, "OK", head)
}

fn send(
    stream: &mut TcpStream,
    file: &Path,
    code: u16,
    reason: &str,
    head: bool,
) -> io::Result<()> {
    let body = std::fs::read(file)?;
    write!(
        stream,
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        content_type(file),
        body.len()
    )?;
    if !head {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The modification times and sizes of a workspace's input files.
pub type Snapshot = BTreeMap<PathBuf, (Option<SystemTime>, u64)>;

/// Takes a snapshot of what a build reads: `mizan.toml`, `corpus/`,
/// `standards/` and `templates/`.
pub fn snapshot(workspace: &Path) -> Snapshot {
    let mut out = Snapshot::new();
    let mut stack: Vec<PathBuf> = ["mizan.toml", "corpus", "standards", "templates"]
        .iter()
        .map(|p| workspace.join(p))
        .collect();
    while let Some(p) = stack.pop() {
        let Ok(meta) = std::fs::metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&p) {
                stack.extend(entries.flatten().map(|e| e.path()));
            }
        } else {
            out.insert(p, (meta.modified().ok(), meta.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(addr: SocketAddr, request: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn serves_files_and_nothing_outside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("en")).unwrap();
        std::fs::write(site.join("en/index.html"), "<p>hello</p>").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::fs::write(site.join(".mizan-site.json"), "{}").unwrap();
        let server = start(site, "127.0.0.1:0".parse().unwrap()).unwrap();
        let addr = server.addr;
        assert!(addr.ip().is_loopback());

        let ok = get(addr, "GET /en/ HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(ok.starts_with("HTTP/1.1 200 OK"), "{ok}");
        assert!(ok.contains("text/html") && ok.ends_with("<p>hello</p>"));
        let head = get(addr, "HEAD /en/index.html HTTP/1.1\r\n\r\n");
        assert!(head.starts_with("HTTP/1.1 200") && !head.contains("hello"));
        for bad in [
            "GET /../secret.txt HTTP/1.1\r\n\r\n",
            "GET /%2e%2e/secret.txt HTTP/1.1\r\n\r\n",
            "GET /.mizan-site.json HTTP/1.1\r\n\r\n",
            "GET /nothing HTTP/1.1\r\n\r\n",
        ] {
            let r = get(addr, bad);
            assert!(r.starts_with("HTTP/1.1 404"), "{bad}: {r}");
            assert!(!r.contains("secret\n") && !r.ends_with("secret"));
        }
        let post = get(addr, "POST /en/ HTTP/1.1\r\n\r\n");
        assert!(post.starts_with("HTTP/1.1 405"), "{post}");
        server.stop();
    }

    #[test]
    fn the_snapshot_changes_when_an_input_changes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("corpus/kw")).unwrap();
        let f = dir.path().join("corpus/kw/a.en.md");
        std::fs::write(&f, "one").unwrap();
        let before = snapshot(dir.path());
        std::fs::write(&f, "one and two").unwrap();
        assert_ne!(before, snapshot(dir.path()));
        assert_eq!(snapshot(dir.path()), snapshot(dir.path()));
    }
}
