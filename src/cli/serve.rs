//! `mizan serve`: take the address, build the site, serve it on the
//! loopback interface, and build again when a workspace file changes.

use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use mizan::site::serve::{Limits, bind, start};
use mizan::site::watch::Watcher;
use mizan::site::{BuildOptions, Profile, build};

use super::build::{build_failed, default_out, print_report};
use super::{CliError, CliResult, Format, load_owned, report};

pub fn run(
    workspace: &Path,
    out: Option<PathBuf>,
    profile: Profile,
    bind_to: IpAddr,
    port: u16,
) -> CliResult {
    let opts = BuildOptions {
        out: default_out(workspace, out),
        profile,
    };
    // The address first: a busy port is named before minutes of building.
    let listener = bind(SocketAddr::new(bind_to, port))?;
    let mut watcher = Watcher::new(workspace, &opts.out)
        .map_err(|e| io::Error::other(format!("cannot watch {}: {e}", workspace.display())))?;
    rebuild(workspace, &opts)?;
    let server = start(opts.out.clone(), listener, Limits::default())?;
    {
        let mut out = io::stdout().lock();
        writeln!(out, "serving http://{}/ (Ctrl-C stops)", server.addr)?;
        out.flush()?;
    }
    loop {
        match watcher.next_change() {
            // A failed rebuild is reported and the previous site served.
            Ok(_) => match rebuild(workspace, &opts) {
                Err(CliError::Io(e)) => return Err(CliError::Io(e)),
                Err(e) => {
                    report(&e.note("still serving the previous site"));
                }
                Ok(()) => {}
            },
            Err(e) => {
                report(&CliError::new(format!(
                    "{e}; no longer rebuilding on change"
                )));
                server.wait();
                return Err(CliError::Findings);
            }
        }
    }
}

/// Loads and builds; a failure leaves the previous site in place.
fn rebuild(workspace: &Path, opts: &BuildOptions) -> CliResult {
    let ws = load_owned(workspace)?;
    let report = build(&ws, opts).map_err(build_failed)?;
    print_report(&report, Format::Text, false)?;
    io::stdout().flush()?;
    Ok(())
}
