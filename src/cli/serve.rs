//! `mizan serve`: build the site, serve it on the loopback interface, and
//! build again when a workspace file changes.

use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use mizan::site::serve::{snapshot, start};
use mizan::site::{BuildOptions, Profile, build};

use super::build::{build_failed, default_out, print_report};
use super::{CliError, CliResult, Format, load_owned, report};

/// How often the workspace is polled for changes.
const POLL: Duration = Duration::from_millis(400);

pub fn run(
    workspace: &Path,
    out: Option<PathBuf>,
    profile: Profile,
    bind: IpAddr,
    port: u16,
) -> CliResult {
    let opts = BuildOptions {
        out: default_out(workspace, out),
        profile,
    };
    let mut seen = snapshot(workspace);
    rebuild(workspace, &opts)?;
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
            // A failed rebuild is reported and the previous site served.
            match rebuild(workspace, &opts) {
                Err(CliError::Io(e)) => return Err(CliError::Io(e)),
                Err(e) => {
                    report(&e.note("still serving the previous site"));
                }
                Ok(()) => {}
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
