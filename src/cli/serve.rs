//! `mizan serve`: take the address, build the site, serve it on the
//! loopback interface, and build again when a workspace file changes.

use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use mizan::site::serve::{Limits, bind, start};
use mizan::site::watch::Watcher;
use mizan::site::{BuildOptions, Profile, build};

use super::build::{default_out, print_report, report_error};
use super::{Format, Outcome, load_owned};

pub fn run(
    workspace: &Path,
    out: Option<PathBuf>,
    profile: Profile,
    bind_to: IpAddr,
    port: u16,
) -> io::Result<Outcome> {
    let opts = BuildOptions {
        out: default_out(workspace, out),
        profile,
    };
    // The address first: a busy port is named before minutes of building.
    let listener = bind(SocketAddr::new(bind_to, port))?;
    let mut watcher = Watcher::new(workspace, &opts.out)
        .map_err(|e| io::Error::other(format!("cannot watch {}: {e}", workspace.display())))?;
    if !rebuild(workspace, &opts)? {
        return Ok(Outcome::Failure);
    }
    let server = start(opts.out.clone(), listener, Limits::default())?;
    {
        let mut out = io::stdout().lock();
        writeln!(out, "serving http://{}/ (Ctrl-C stops)", server.addr)?;
        out.flush()?;
    }
    loop {
        match watcher.next_change() {
            Ok(_) => {
                rebuild(workspace, &opts)?;
            }
            Err(e) => {
                eprintln!("mizan: {e}; no longer rebuilding on change");
                server.wait();
                return Ok(Outcome::Failure);
            }
        }
    }
}

/// Loads and builds; on failure prints why and keeps the previous site.
fn rebuild(workspace: &Path, opts: &BuildOptions) -> io::Result<bool> {
    let Some(ws) = load_owned(workspace)? else {
        eprintln!("mizan: the site was not rebuilt; still serving the previous one");
        return Ok(false);
    };
    match build(&ws, opts) {
        Ok(report) => {
            print_report(&report, Format::Text, false)?;
            io::stdout().flush()?;
            Ok(true)
        }
        Err(e) => {
            report_error(&e);
            Ok(false)
        }
    }
}
