//! `file:` URIs, as editors name the files they open, to and from paths.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

/// The `file:` URI of an absolute path: every byte but unreserved ones and
/// `/` percent-encoded (so Arabic file names and spaces survive).
pub fn from_path(path: &Path) -> Option<Uri> {
    let path = path.to_str()?;
    if !path.starts_with('/') {
        return None;
    }
    let mut s = String::from("file://");
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&s).ok()
}

/// The path a `file:` URI names (local host only), percent-decoded.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') || rest.contains(['?', '#']) {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(PathBuf::from(String::from_utf8(out).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_through_uris() {
        for p in [
            "/tmp/ws/corpus/kw/act-2013-91.ar.md",
            "/tmp/مساحة عمل/قانون.md",
        ] {
            let uri = from_path(Path::new(p)).unwrap();
            assert!(uri.as_str().is_ascii(), "{}", uri.as_str());
            assert_eq!(to_path(&uri).unwrap(), PathBuf::from(p));
        }
        let vscode = Uri::from_str("file:///tmp/a%20b/c.md").unwrap();
        assert_eq!(to_path(&vscode).unwrap(), PathBuf::from("/tmp/a b/c.md"));
        assert_eq!(
            to_path(&Uri::from_str("https://example.org/x").unwrap()),
            None
        );
        assert_eq!(from_path(Path::new("relative/x.md")), None);
    }
}
