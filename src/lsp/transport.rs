//! The base protocol: messages framed by a `Content-Length` header, read
//! one at a time so that a bad one is answered and skipped.

use std::io::{self, BufRead, Read as _, Write};

use lsp_server::Message;

/// The largest message body read (a 10 MB buffer sent whole fits, with
/// room for JSON escapes); a longer one is skipped and answered with an
/// error rather than held in memory.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// What one read gave.
#[derive(Debug)]
pub enum Read {
    Message(Message),
    /// A message that could not be read: why. The input is positioned at
    /// the next message (or its end).
    Malformed(String),
    /// The input ended.
    End,
}

/// Reads one message.
pub fn read(input: &mut impl BufRead) -> io::Result<Read> {
    let mut length: Option<usize> = None;
    let mut bad_header: Option<String> = None;
    let mut line = Vec::new();
    let mut any = false;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(if any {
                Read::Malformed("the input ended inside a message's headers".to_owned())
            } else {
                Read::End
            });
        }
        any = true;
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("Content-Length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length `{}`", value.trim())),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("a header line without `:`: `{text}`")),
        }
    }
    if let Some(why) = bad_header {
        return Ok(Read::Malformed(why));
    }
    let Some(length) = length else {
        return Ok(Read::Malformed(
            "a message without Content-Length".to_owned(),
        ));
    };
    if length > MAX_MESSAGE_BYTES {
        // Skip the body without holding it.
        let skipped = io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
        return Ok(Read::Malformed(format!(
            "a message of {length} bytes, over the limit of {MAX_MESSAGE_BYTES} ({skipped} skipped)"
        )));
    }
    let mut body = vec![0u8; length];
    if let Err(e) = input.read_exact(&mut body) {
        if e.kind() == io::ErrorKind::UnexpectedEof {
            return Ok(Read::Malformed(
                "the input ended inside a message's body".to_owned(),
            ));
        }
        return Err(e);
    }
    let Ok(body) = String::from_utf8(body) else {
        return Ok(Read::Malformed(
            "a message body that is not UTF-8".to_owned(),
        ));
    };
    match serde_json::from_str::<Message>(&body) {
        Ok(m) => Ok(Read::Message(m)),
        Err(e) => Ok(Read::Malformed(format!("not a JSON-RPC message: {e}"))),
    }
}

/// Writes an error response with a null id (the reply to a message whose
/// id could not be read).
pub fn write_error(out: &mut impl Write, code: i32, message: &str) -> io::Result<()> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": code, "message": message },
    })
    .to_string();
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn a_bad_message_is_skipped_and_the_next_one_read() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let input = format!(
            "{}{}Content-Length: x\r\n\r\n{}",
            frame("{not json"),
            frame(good),
            frame(good)
        );
        let mut r = io::Cursor::new(input.into_bytes());
        assert!(matches!(read(&mut r).unwrap(), Read::Malformed(w) if w.contains("JSON-RPC")));
        assert!(matches!(
            read(&mut r).unwrap(),
            Read::Message(Message::Request(_))
        ));
        // A bad length: the header is reported, and reading goes on with
        // what follows it.
        assert!(
            matches!(read(&mut r).unwrap(), Read::Malformed(w) if w.contains("Content-Length"))
        );
        assert!(matches!(read(&mut r).unwrap(), Read::Message(_)));
        assert!(matches!(read(&mut r).unwrap(), Read::End));
    }

    #[test]
    fn an_oversized_length_is_skipped_without_allocating_it() {
        let input = format!("Content-Length: {}\r\n\r\nabc", usize::MAX);
        let mut r = io::Cursor::new(input.into_bytes());
        assert!(
            matches!(read(&mut r).unwrap(), Read::Malformed(w) if w.contains("over the limit"))
        );
        assert!(matches!(read(&mut r).unwrap(), Read::End));
    }
}
