//! `mizan serve`: the site on the loopback interface, over hyper (HTTP/1.1)
//! with tower-http's file service, on a small tokio runtime of its own.
//!
//! Limits keep one client from starving the others: request heads are
//! capped in size and in number of fields (431 past either), a head must
//! arrive within a deadline (slow "slowloris" clients are cut off), a
//! connection that neither reads nor writes for a while is closed, and at
//! most [`Limits::max_connections`] are served at once (more wait for a
//! free place rather than being refused). GET and HEAD only; every
//! response closes its connection. A request names a file only inside
//! the site folder: `..`, hidden files and links that resolve outside it
//! are not found. Files are read at request time, so a rebuild (which
//! swaps the folder, or replaces the changed files one by one) is seen by
//! the next request.

use std::convert::Infallible;
use std::io;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::thread::JoinHandle;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, combinators::UnsyncBoxBody};
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::{Semaphore, watch};
use tokio::time::{Instant, Sleep};
use tower_http::services::ServeFile;
use tower_service::Service;

/// The bounds a server keeps.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Connections served at once; more wait in the queue.
    pub max_connections: usize,
    /// Bytes a request head may take (at least 8 KiB); more gets 431.
    pub max_head_bytes: usize,
    /// Header fields a request may have; more gets 431.
    pub max_headers: usize,
    /// Time a client has to send its whole request head.
    pub header_timeout: Duration,
    /// Time a connection may go without reading or writing a byte.
    pub idle_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 512,
            max_head_bytes: 16 * 1024,
            max_headers: 64,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
        }
    }
}

/// A running server; [`ServerHandle::stop`] ends it.
pub struct ServerHandle {
    pub addr: SocketAddr,
    stop: watch::Sender<bool>,
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
        let _ = self.stop.send(true);
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

/// Takes the address before anything else is done, so that a busy port is
/// reported at once, naming the address.
pub fn bind(addr: SocketAddr) -> io::Result<TcpListener> {
    TcpListener::bind(addr).map_err(|e| {
        let hint = if e.kind() == io::ErrorKind::AddrInUse {
            "; another program is using it: choose another port with `--port N`"
        } else {
            ""
        };
        io::Error::new(e.kind(), format!("cannot serve on {addr}: {e}{hint}"))
    })
}

/// Serves the files under `root` on a bound listener.
pub fn start(root: PathBuf, listener: TcpListener, limits: Limits) -> io::Result<ServerHandle> {
    let addr = listener.local_addr()?;
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    let (stop, stopped) = watch::channel(false);
    let thread = std::thread::Builder::new()
        .name("mizan-serve".into())
        .spawn(move || {
            runtime.block_on(async move {
                match tokio::net::TcpListener::from_std(listener) {
                    Ok(listener) => accept_loop(listener, Arc::new(root), limits, stopped).await,
                    Err(e) => eprintln!("mizan: cannot serve: {e}"),
                }
            });
        })?;
    Ok(ServerHandle {
        addr,
        stop,
        thread: Some(thread),
    })
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    root: Arc<PathBuf>,
    limits: Limits,
    mut stopped: watch::Receiver<bool>,
) {
    let places = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    loop {
        let permit = tokio::select! {
            _ = stopped.changed() => return,
            p = Arc::clone(&places).acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => return,
            },
        };
        let stream = tokio::select! {
            _ = stopped.changed() => return,
            s = listener.accept() => match s {
                Ok((s, _)) => s,
                // Out of file descriptors and the like: wait, then go on.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let root = Arc::clone(&root);
        tokio::spawn(async move {
            let io = TokioIo::new(Idle::new(stream, limits.idle_timeout));
            let service = service_fn(move |req| respond(Arc::clone(&root), req));
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .max_buf_size(limits.max_head_bytes.max(8192))
                .max_headers(limits.max_headers)
                .keep_alive(false)
                .serve_connection(io, service)
                .await;
            drop(permit);
        });
    }
}

type Body = UnsyncBoxBody<Bytes, io::Error>;

fn plain(status: StatusCode) -> Response<Body> {
    let text = format!(
        "{} {}\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("")
    );
    let mut r = Response::new(
        Full::new(Bytes::from(text))
            .map_err(|never: Infallible| match never {})
            .boxed_unsync(),
    );
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

async fn respond(root: Arc<PathBuf>, req: Request<Incoming>) -> Result<Response<Body>, Infallible> {
    let mut response = match *req.method() {
        Method::GET | Method::HEAD => serve_path(&root, req).await,
        _ => {
            let mut r = plain(StatusCode::METHOD_NOT_ALLOWED);
            r.headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
            r
        }
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Ok(response)
}

async fn serve_path(root: &Path, req: Request<Incoming>) -> Response<Body> {
    let path = req.uri().path().to_owned();
    if let Some(to) = uri_redirect(root, &path) {
        let mut r = plain(StatusCode::FOUND);
        if let Ok(to) = HeaderValue::from_str(&to) {
            r.headers_mut().insert(header::LOCATION, to);
        }
        return r;
    }
    let found = resolve(root, &path);
    let (file, status) = match found {
        Some(Resolved::File(file)) => (file, StatusCode::OK),
        Some(Resolved::Folder) => {
            // `/en` -> `/en/`, so that the page's relative links resolve.
            let mut r = plain(StatusCode::PERMANENT_REDIRECT);
            if let Ok(to) = HeaderValue::from_str(&format!("{path}/")) {
                r.headers_mut().insert(header::LOCATION, to);
            }
            return r;
        }
        None => match resolve(root, "/404.html") {
            Some(Resolved::File(page)) => (page, StatusCode::NOT_FOUND),
            _ => return plain(StatusCode::NOT_FOUND),
        },
    };
    let (parts, _) = req.into_parts();
    let req = Request::from_parts(parts, Full::new(Bytes::new()));
    match ServeFile::new(&file).call(req).await {
        Ok(r) => {
            let mut r = r.map(|b| b.map_err(io::Error::other).boxed_unsync());
            if status != StatusCode::OK && r.status() == StatusCode::OK {
                *r.status_mut() = status;
            }
            r
        }
        Err(_) => plain(StatusCode::INTERNAL_SERVER_ERROR),
    }
}

/// Answers an Akoma Ntoso URI as a static host reading `_redirects`
/// would: a form the map lists goes to its page; any other form to the
/// resolver page of the site's first language, which narrows it.
fn uri_redirect(root: &Path, path: &str) -> Option<String> {
    let uri = percent_decode(path)?;
    if !uri.starts_with("/akn/") {
        return None;
    }
    let Some(Resolved::File(map)) = resolve(root, "/_redirects") else {
        return None;
    };
    let text = std::fs::read_to_string(map).ok()?;
    let mut first_lang = None;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split(' ');
        let (Some(from), Some(to)) = (fields.next(), fields.next()) else {
            continue;
        };
        if from == uri {
            return Some(to.to_owned());
        }
        first_lang = first_lang.or_else(|| to.get(1..3));
    }
    let encoded: String = uri
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    Some(format!("/{}/resolve/index.html?uri={encoded}", first_lang?))
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

/// What a request path names under the site folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A file (a folder's `index.html` for a path ending in `/`), links
    /// resolved, inside the folder.
    File(PathBuf),
    /// A folder asked for without the final `/`.
    Folder,
}

/// Maps a request path to what it names under `root`, or `None` if it
/// would leave the folder (by `..`, or by a link that resolves outside it),
/// names a hidden file, or names nothing.
pub fn resolve(root: &Path, target: &str) -> Option<Resolved> {
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
    let real_root = std::fs::canonicalize(root).ok()?;
    let mut real = std::fs::canonicalize(&file).ok()?;
    if !real.starts_with(&real_root) {
        return None;
    }
    if real.is_dir() {
        if !decoded.ends_with('/') {
            return Some(Resolved::Folder);
        }
        real = std::fs::canonicalize(real.join("index.html")).ok()?;
        if !real.starts_with(&real_root) {
            return None;
        }
    }
    real.is_file().then_some(Resolved::File(real))
}

/// A connection that fails with `TimedOut` when it has neither read nor
/// written a byte for its idle time.
struct Idle<T> {
    inner: T,
    limit: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl<T> Idle<T> {
    fn new(inner: T, limit: Duration) -> Self {
        Idle {
            inner,
            limit,
            deadline: Box::pin(tokio::time::sleep(limit)),
        }
    }

    fn check(&mut self, cx: &mut Context<'_>, progressed: bool) -> io::Result<()> {
        if progressed {
            let next = Instant::now() + self.limit;
            self.deadline.as_mut().reset(next);
            return Ok(());
        }
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Err(io::Error::new(io::ErrorKind::TimedOut, "idle connection")),
            Poll::Pending => Ok(()),
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Idle<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(r) => {
                let moved = buf.filled().len() > before;
                this.check(cx, moved)?;
                Poll::Ready(r)
            }
            Poll::Pending => {
                this.check(cx, false)?;
                Poll::Pending
            }
        }
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Idle<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_write(cx, buf) {
            Poll::Ready(r) => {
                this.check(cx, matches!(r, Ok(n) if n > 0))?;
                Poll::Ready(r)
            }
            Poll::Pending => {
                this.check(cx, false)?;
                Poll::Pending
            }
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;

    fn get(addr: SocketAddr, request: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    fn server(site: &Path, limits: Limits) -> ServerHandle {
        let listener = bind("127.0.0.1:0".parse().unwrap()).unwrap();
        start(site.to_path_buf(), listener, limits).unwrap()
    }

    #[test]
    fn akoma_ntoso_uris_redirect_as_the_map_says() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("en")).unwrap();
        std::fs::write(
            site.join("_redirects"),
            "# map\n/akn/kw/act/2013/91/~art_2 /en/works/act-2013-91/index.html#art_2 301\n",
        )
        .unwrap();
        let server = server(&site, Limits::default());
        let listed = get(
            server.addr,
            "GET /akn/kw/act/2013/91/~art_2 HTTP/1.1\r\nHost: x\r\n\r\n",
        );
        assert!(listed.starts_with("HTTP/1.1 302"), "{listed}");
        assert!(
            listed.contains("location: /en/works/act-2013-91/index.html#art_2\r\n"),
            "{listed}"
        );
        let other = get(
            server.addr,
            "GET /akn/kw/act/2013/91/ara@2019-04-09/~art_2 HTTP/1.1\r\nHost: x\r\n\r\n",
        );
        assert!(
            other.contains(
                "location: /en/resolve/index.html?uri=/akn/kw/act/2013/91/ara%402019-04-09/~art_2\r\n"
            ),
            "{other}"
        );
        let page = get(server.addr, "GET /en/nothing HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(page.starts_with("HTTP/1.1 404"), "{page}");
        server.stop();
    }

    #[test]
    fn serves_files_and_nothing_outside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("en")).unwrap();
        std::fs::write(site.join("en/index.html"), "<p>hello</p>").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::fs::write(site.join(".mizan-site.json"), "{}").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), site.join("pw.txt")).unwrap();
            std::os::unix::fs::symlink(dir.path(), site.join("up")).unwrap();
        }
        let server = server(&site, Limits::default());
        let addr = server.addr;
        assert!(addr.ip().is_loopback());

        let ok = get(addr, "GET /en/ HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(ok.starts_with("HTTP/1.1 200 OK"), "{ok}");
        assert!(
            ok.contains("text/html") && ok.ends_with("<p>hello</p>"),
            "{ok}"
        );
        let head = get(addr, "HEAD /en/index.html HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(
            head.starts_with("HTTP/1.1 200") && !head.contains("hello"),
            "{head}"
        );
        let folder = get(addr, "GET /en HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(
            folder.starts_with("HTTP/1.1 308") && folder.contains("location: /en/"),
            "{folder}"
        );
        for bad in [
            "GET /../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /%2e%2e/secret.txt HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /.mizan-site.json HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /pw.txt HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /up/secret.txt HTTP/1.1\r\nHost: x\r\n\r\n",
        ] {
            let r = get(addr, bad);
            assert!(r.starts_with("HTTP/1.1 404"), "{bad}: {r}");
            assert!(
                !r.contains("secret\n") && !r.ends_with("secret"),
                "{bad}: {r}"
            );
        }
        let post = get(addr, "POST /en/ HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(post.starts_with("HTTP/1.1 405"), "{post}");
        server.stop();
    }

    #[test]
    fn oversized_heads_get_431() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "home").unwrap();
        let server = server(dir.path(), Limits::default());
        let big = format!(
            "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
            "a".repeat(17 * 1024)
        );
        let r = get(server.addr, &big);
        assert!(r.starts_with("HTTP/1.1 431"), "{r}");
        let many: String = (0..100).map(|i| format!("X-{i}: 1\r\n")).collect();
        let r = get(
            server.addr,
            &format!("GET / HTTP/1.1\r\nHost: x\r\n{many}\r\n"),
        );
        assert!(r.starts_with("HTTP/1.1 431"), "{r}");
        let r = get(server.addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(r.starts_with("HTTP/1.1 200") && r.ends_with("home"), "{r}");
    }

    #[test]
    fn a_client_that_sends_nothing_is_cut_off() {
        let dir = tempfile::tempdir().unwrap();
        let limits = Limits {
            header_timeout: Duration::from_millis(300),
            ..Limits::default()
        };
        let server = server(dir.path(), limits);
        let mut s = TcpStream::connect(server.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
        let started = std::time::Instant::now();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn slow_clients_do_not_hold_up_a_good_request() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "home").unwrap();
        let server = server(dir.path(), Limits::default());
        // Forty clients that send half a head and then nothing.
        let slow: Vec<TcpStream> = (0..40)
            .map(|_| {
                let mut s = TcpStream::connect(server.addr).unwrap();
                s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n")
                    .unwrap();
                s
            })
            .collect();
        std::thread::sleep(Duration::from_millis(200));
        let started = std::time::Instant::now();
        let r = get(server.addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(r.starts_with("HTTP/1.1 200") && r.ends_with("home"), "{r}");
        // Generous: the point is that it is not queued behind them (their
        // head timeout is 10 s).
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        drop(slow);
    }

    #[test]
    fn a_busy_address_is_named() {
        let first = bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let addr = first.local_addr().unwrap();
        let e = bind(addr).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AddrInUse);
        assert!(
            e.to_string()
                .starts_with(&format!("cannot serve on {addr}: ")),
            "{e}"
        );
        assert!(e.to_string().contains("--port"), "{e}");
    }
}
