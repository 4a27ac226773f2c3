//! `mizan serve`: build the site, serve it on the loopback interface, and
//! build again when a workspace file changes.

use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use mizan::site::serve::{snapshot, start};
use mizan::site::{BuildOptions, Profile, build};

use super::build::{default_out, print_report, report_error};
use super::{Format, Outcome, load_owned};

/// How often the workspace is polled for changes.
const POLL: Duration = Duration::from_millis(400);

pub fn run(
    workspace: &Path,
    out: Option<PathBuf>,
    profile: Profile,
    bind: IpAddr,
    port: u16,
) -> io::Result<Outcome> {
    let opts = BuildOptions {
        out: default_out(workspace, out),
        profile,
    };
    let mut seen = snapshot(workspace);
    if !rebuild(workspace, &opts)? {
        return Ok(Outcome::Failure);
    }
    let server = start(opts.out.clone(), SocketAddr::new(bind, port))?;
    {
        let mut out = io::stdout().lock();
        writeln!(out, "serving http://{}/ (Ctrl-C stops)", server.addr)?;
        out.flush()?;
    }
    loop {
        std::thread::sleep(POLL);
        let now = snapshot(workspace);
        if now != seen {
            seen = now;
            rebuild(workspace, &opts)?;
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
