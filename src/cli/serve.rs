//! `mizan serve`: take the address, build the site, serve it on the
//! loopback interface, and build again when a workspace file changes.

use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use mizan::site::serve::{Limits, bind, start};
use mizan::site::watch::Watcher;
use mizan::site::{BuildOptions, Live, Profile, build_live, updatable, update};
use mizan::workspace::{LoadCache, Overlay, Workspace};

use super::build::{build_failed, default_out, print_report};
use super::{CliError, CliResult, Format, loaded, report};

pub fn run(
    workspace: &Path,
    out: Option<PathBuf>,
    profile: Profile,
    bind_to: IpAddr,
    port: u16,
    verbose: bool,
) -> CliResult {
    let opts = BuildOptions {
        out: default_out(workspace, out),
        profile,
    };
    // The server serves a folder and updates it in place; an archive is
    // for `mizan build`.
    if mizan::atomic::is_archive(&opts.out) {
        return Err(CliError::new(format!(
            "{}: `mizan serve` writes the site into a folder; choose an --out that does not end in .zip (`mizan build --out {}` writes an archive)",
            opts.out.display(),
            opts.out.display()
        )));
    }
    // The address first: a busy port is named before minutes of building.
    let listener = bind(SocketAddr::new(bind_to, port))?;
    let mut watcher = Watcher::new(workspace, &opts.out)
        .map_err(|e| io::Error::other(format!("cannot watch {}: {e}", workspace.display())))?;
    let mut state = State {
        root: std::fs::canonicalize(workspace).unwrap_or_else(|_| workspace.to_path_buf()),
        cache: LoadCache::default(),
        live: None,
        verbose,
    };
    rebuild(workspace, &opts, &mut state, &[])?;
    let server = start(opts.out.clone(), listener, Limits::default())?;
    {
        let mut out = io::stdout().lock();
        writeln!(out, "serving http://{}/ (Ctrl-C stops)", server.addr)?;
        out.flush()?;
    }
    loop {
        match watcher.next_change() {
            // A failed rebuild is reported and the previous site served.
            Ok(changed) => match rebuild(workspace, &opts, &mut state, &changed) {
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

/// What the loop keeps between two builds: the files as last loaded, and
/// the site as last written.
struct State {
    /// The workspace's folder, links resolved (as the watcher names paths).
    root: PathBuf,
    cache: LoadCache,
    live: Option<Live>,
    verbose: bool,
}

/// Loads (again parsing only the files that changed) and updates the site
/// in place, or builds it whole when the update cannot be sure; a failure
/// leaves the previous site in place.
fn rebuild(
    workspace: &Path,
    opts: &BuildOptions,
    state: &mut State,
    changed: &[PathBuf],
) -> CliResult {
    let started = std::time::Instant::now();
    state.cache.forget(changed);
    let ws: Workspace = loaded(Workspace::load_cached(
        workspace,
        &Overlay::new(),
        &mut state.cache,
    ))?;
    let load = started.elapsed().as_secs_f64();
    let mut report = None;
    if let Some(live) = state
        .live
        .as_mut()
        .filter(|_| updatable(&state.root, changed))
    {
        // An update that fails wrote nothing; the full build says why.
        report = update(&ws, opts, live).ok().flatten();
    }
    let mut report = match report {
        Some(r) => r,
        None => {
            state.live = None;
            let (report, live) = build_live(&ws, opts).map_err(build_failed)?;
            state.live = Some(live);
            report
        }
    };
    report.timings.insert(0, ("load", load));
    print_report(&report, Format::Text, state.verbose)?;
    io::stdout().flush()?;
    Ok(())
}
