//! The `mizan` command: parses arguments, runs the library, maps the outcome
//! to an exit code (0 success, 1 invalid input or failed operation, 2 usage).

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: reading a workspace makes millions of small allocations, and
/// the system allocator spent about a sixth of `check`'s time in them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => cli::report(&e),
    }
}
