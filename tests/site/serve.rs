//! `mizan serve` on the loopback interface: serves the site, and rebuilds
//! it when a workspace file changes. Bounded in time: every wait has a
//! deadline, and the server process is killed at the end.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use super::common::*;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn serve_builds_serves_on_loopback_and_rebuilds_on_change() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mizan"))
        .arg("--workspace")
        .arg(&ws)
        .args(["serve", "--port", "0", "--out"])
        .arg(dir.path().join("site"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let mut lines = BufReader::new(server.0.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("serve exited").unwrap();
        if let Some(rest) = line.strip_prefix("serving http://") {
            break rest.split('/').next().unwrap().to_owned();
        }
    };
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");

    let home = get(&addr, "/en/");
    assert!(home.starts_with("HTTP/1.1 200"), "{home}");
    assert!(home.contains(r#"<html lang="en" dir="ltr">"#));
    let css = get(&addr, "/assets/site.css");
    assert!(css.contains("text/css"));

    let law = ws.join("corpus/kw/act-2013-91.en.md");
    let text = read(&law).replace(
        "Penalty for trafficking",
        "Penalty for trafficking in persons",
    );
    std::fs::write(&law, text).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let page = get(&addr, "/en/works/act-2013-91/index.html");
        if page.contains("Penalty for trafficking in persons") {
            break;
        }
        assert!(Instant::now() < deadline, "no rebuild within 60 s");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// `serve --out` inside the workspace once rebuilt forever (its own output
/// counted as an edit, and so did the build reading its inputs): after the
/// first build, nothing is rebuilt until an input changes.
#[test]
fn an_output_folder_inside_the_workspace_does_not_rebuild_forever() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mizan"))
        .arg("--workspace")
        .arg(&ws)
        .args(["serve", "--port", "0", "--out"])
        .arg(ws.join("corpus/kw/site"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let stdout = server.0.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut builds = 0;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("serve starts within 60 s");
        builds += usize::from(line.starts_with("built "));
        if line.starts_with("serving http://") {
            break;
        }
    }
    assert_eq!(builds, 1);
    // Three seconds with no edit: no build.
    let quiet_until = Instant::now() + Duration::from_secs(3);
    while let Ok(line) = rx.recv_timeout(quiet_until.saturating_duration_since(Instant::now())) {
        assert!(!line.starts_with("built "), "rebuilt with no edit: {line}");
    }
    // One edit: one build.
    let law = ws.join("corpus/kw/act-2013-91.en.md");
    std::fs::write(&law, read(&law) + "\n").unwrap();
    let line = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("a rebuild after the edit");
    assert!(line.starts_with("built "), "{line}");
}

/// A busy port is named, with the address, before anything is built.
#[test]
fn a_busy_port_is_named_before_building() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let run = mizan()
        .arg("--workspace")
        .arg(example_workspace())
        .args(["serve", "--port", &port, "--out"])
        .arg(&out)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains(&format!("cannot serve on 127.0.0.1:{port}: ")) && err.contains("--port"),
        "{err}"
    );
    assert!(!out.exists(), "built before checking the port");
}
