//! Writing the files: one buffer, flushed to one file at a time, and
//! the YAML quoting the writers share.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write as _};
use std::path::Path;

use crate::Summary;

pub(crate) struct Sink {
    pub(crate) buf: String,
    pub(crate) summary: Summary,
}

impl Sink {
    /// Writes the buffer to `path` and clears it.
    pub(crate) fn flush(&mut self, path: &Path) -> io::Result<()> {
        let file = File::create(path).map_err(|e| with_path(e, path))?;
        let mut w = BufWriter::with_capacity(1 << 16, file);
        w.write_all(self.buf.as_bytes())
            .and_then(|()| w.flush())
            .map_err(|e| with_path(e, path))?;
        self.summary.files += 1;
        self.summary.bytes += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }
}

pub(crate) fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

pub(crate) fn prepare_out(out: &Path) -> io::Result<()> {
    match fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{}: the output folder is not empty; choose a new or empty folder",
                        out.display()
                    ),
                ));
            }
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(out).map_err(|e| with_path(e, out))
        }
        Err(e) => Err(with_path(e, out)),
    }
}

/// A YAML double-quoted scalar.
pub(crate) fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}
