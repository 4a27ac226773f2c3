//! A zip archive written file by file, for an output named `….zip`: the
//! whole site as one file, to upload or send, and cheaper to write than a
//! folder of hundreds of thousands of files.
//!
//! Files are added from many threads: each compresses its file (deflate,
//! fast level) on its own thread, then appends it under a lock, so the
//! order of the entries follows the order the files were finished in (the
//! archive holds the same files with the same bytes from run to run, not
//! always in the same order). A file that is already compressed (gzip, as
//! Pagefind writes its index) is stored as it is. Zip64 records are written
//! when the archive needs them (over 65,535 files, or over 4 GiB), which
//! every current unzip tool reads.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::Mutex;

use flate2::Compression;
use flate2::write::DeflateEncoder;

use crate::date::Date;

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
const END64: u32 = 0x0606_4b50;
const LOCATOR64: u32 = 0x0706_4b50;
/// Names are UTF-8 (general purpose flag bit 11).
const UTF8: u16 = 1 << 11;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// Made by: Unix (3), version 4.5 (zip64).
const MADE_BY: u16 = (3 << 8) | 45;
/// A plain file readable by all, writable by its owner (`rw-r--r--`).
const FILE_MODE: u32 = 0o100_644 << 16;

/// One entry as the central directory lists it.
struct Entry {
    name: String,
    method: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    offset: u64,
}

struct Inner {
    file: BufWriter<File>,
    at: u64,
    entries: Vec<Entry>,
}

/// An archive being written (see the module documentation).
pub struct Writer {
    inner: Mutex<Inner>,
    /// The DOS time and date every entry carries: when the run began.
    stamp: (u16, u16),
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").finish_non_exhaustive()
    }
}

/// Whether `out` names an archive: its name ends in `.zip` (in any case).
pub fn wanted(out: &Path) -> bool {
    out.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Whether the archive at `path` was finished by this writer with the
/// comment `marker` (so a later run may replace it). Reads the end record
/// only, in the file's last 64 KiB: not the central directory, which for a
/// site of a million articles lists four million files.
pub fn has_marker(path: &Path, marker: &str) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let Ok(len) = file.seek(SeekFrom::End(0)) else {
        return false;
    };
    let from = len.saturating_sub(22 + u64::from(u16::MAX));
    let mut tail = Vec::new();
    if file.seek(SeekFrom::Start(from)).is_err() || file.read_to_end(&mut tail).is_err() {
        return false;
    }
    // The end record is the last thing in the file: its signature, 18
    // bytes, the comment's length, the comment.
    (0..tail.len().saturating_sub(21)).rev().any(|at| {
        let end = &tail[at..];
        end[..4] == END.to_le_bytes()
            && usize::from(u16::from_le_bytes([end[20], end[21]])) == end.len() - 22
            && &end[22..] == marker.as_bytes()
    })
}

impl Writer {
    pub fn create(path: &Path) -> io::Result<Writer> {
        let file = File::create_new(path)?;
        Ok(Writer {
            inner: Mutex::new(Inner {
                file: BufWriter::with_capacity(1 << 20, file),
                at: 0,
                entries: Vec::new(),
            }),
            stamp: stamp_now(),
        })
    }

    /// Adds the file `name` (`/`-separated, relative) with `bytes`.
    pub fn add(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let mut crc = flate2::Crc::new();
        crc.update(bytes);
        let gzipped = bytes.starts_with(&[0x1f, 0x8b]);
        let deflated = if gzipped || bytes.len() < 64 {
            None
        } else {
            let mut z = DeflateEncoder::new(
                Vec::with_capacity(bytes.len() / 3 + 64),
                Compression::fast(),
            );
            z.write_all(bytes)?;
            Some(z.finish()?).filter(|d| d.len() < bytes.len())
        };
        let (method, data) = match &deflated {
            Some(d) => (DEFLATED, d.as_slice()),
            None => (STORED, bytes),
        };
        let compressed = data.len() as u64;
        let size = bytes.len() as u64;
        if compressed >= u64::from(u32::MAX) || size >= u64::from(u32::MAX) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{name}: a file of 4 GiB or more cannot go into the archive"),
            ));
        }
        let name_len = u16::try_from(name.len())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "file name too long"))?;

        let mut header = Vec::with_capacity(30 + name.len());
        put32(&mut header, LOCAL);
        put16(&mut header, 20);
        put16(&mut header, UTF8);
        put16(&mut header, method);
        put16(&mut header, self.stamp.0);
        put16(&mut header, self.stamp.1);
        put32(&mut header, crc.sum());
        put32(&mut header, compressed as u32);
        put32(&mut header, size as u32);
        put16(&mut header, name_len);
        put16(&mut header, 0);
        header.extend_from_slice(name.as_bytes());

        let mut inner = self
            .inner
            .lock()
            .map_err(|_| io::Error::other("another thread failed while writing the archive"))?;
        inner.file.write_all(&header)?;
        inner.file.write_all(data)?;
        let offset = inner.at;
        inner.at += header.len() as u64 + compressed;
        inner.entries.push(Entry {
            name: name.to_owned(),
            method,
            crc: crc.sum(),
            compressed,
            size,
            offset,
        });
        Ok(())
    }

    /// Writes the central directory and the end records, with `marker` as
    /// the archive's comment ([`has_marker`]), and flushes the archive to
    /// the disk.
    pub fn finish(self, marker: &str) -> io::Result<()> {
        let comment = u16::try_from(marker.len())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "comment too long"))?;
        let Inner {
            mut file,
            at,
            entries,
        } = self
            .inner
            .into_inner()
            .map_err(|_| io::Error::other("another thread failed while writing the archive"))?;
        let start = at;
        let mut size = 0u64;
        for e in &entries {
            let far = e.offset >= u64::from(u32::MAX);
            let mut rec = Vec::with_capacity(46 + e.name.len() + 12);
            put32(&mut rec, CENTRAL);
            put16(&mut rec, MADE_BY);
            put16(&mut rec, if far { 45 } else { 20 });
            put16(&mut rec, UTF8);
            put16(&mut rec, e.method);
            put16(&mut rec, self.stamp.0);
            put16(&mut rec, self.stamp.1);
            put32(&mut rec, e.crc);
            put32(&mut rec, e.compressed as u32);
            put32(&mut rec, e.size as u32);
            put16(&mut rec, e.name.len() as u16);
            put16(&mut rec, if far { 12 } else { 0 });
            put16(&mut rec, 0); // comment
            put16(&mut rec, 0); // disk
            put16(&mut rec, 0); // internal attributes
            put32(&mut rec, FILE_MODE);
            put32(&mut rec, if far { u32::MAX } else { e.offset as u32 });
            rec.extend_from_slice(e.name.as_bytes());
            if far {
                // The zip64 extra field: the offset alone, the one field
                // marked as not fitting above.
                put16(&mut rec, 0x0001);
                put16(&mut rec, 8);
                put64(&mut rec, e.offset);
            }
            file.write_all(&rec)?;
            size += rec.len() as u64;
        }
        let count = entries.len() as u64;
        let mut end = Vec::with_capacity(98);
        let zip64 = count >= 0xFFFF || start >= u64::from(u32::MAX) || size >= u64::from(u32::MAX);
        if zip64 {
            let record = start + size;
            put32(&mut end, END64);
            put64(&mut end, 44);
            put16(&mut end, MADE_BY);
            put16(&mut end, 45);
            put32(&mut end, 0);
            put32(&mut end, 0);
            put64(&mut end, count);
            put64(&mut end, count);
            put64(&mut end, size);
            put64(&mut end, start);
            put32(&mut end, LOCATOR64);
            put32(&mut end, 0);
            put64(&mut end, record);
            put32(&mut end, 1);
        }
        put32(&mut end, END);
        put16(&mut end, 0);
        put16(&mut end, 0);
        put16(&mut end, count.min(0xFFFF) as u16);
        put16(&mut end, count.min(0xFFFF) as u16);
        put32(&mut end, size.min(u64::from(u32::MAX)) as u32);
        put32(&mut end, start.min(u64::from(u32::MAX)) as u32);
        put16(&mut end, comment);
        end.extend_from_slice(marker.as_bytes());
        file.write_all(&end)?;
        let file = file.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()
    }
}

fn put16(v: &mut Vec<u8>, n: u16) {
    v.extend_from_slice(&n.to_le_bytes());
}

fn put32(v: &mut Vec<u8>, n: u32) {
    v.extend_from_slice(&n.to_le_bytes());
}

fn put64(v: &mut Vec<u8>, n: u64) {
    v.extend_from_slice(&n.to_le_bytes());
}

/// The time every entry of an archive made now carries: the build's
/// ([`crate::date::build_time`], `SOURCE_DATE_EPOCH` when it is set, as
/// the pages are dated), so an archive can be reproduced file for file.
fn stamp_now() -> (u16, u16) {
    dos_time(u64::try_from(crate::date::build_time()).unwrap_or(0))
}

/// `secs` after 1970 (UTC) as a DOS time and date, the two 16-bit fields
/// of a zip entry; a time before 1980, which they cannot hold, as
/// 1 January 1980.
fn dos_time(secs: u64) -> (u16, u16) {
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let date = i64::try_from(days).ok().and_then(Date::from_unix_days);
    let Some(date) = date.filter(|d| d.year >= 1980) else {
        return (0, (1 << 5) | 1);
    };
    let year = (date.year - 1980).min(127);
    let time = ((rest / 3_600) << 11) | (((rest % 3_600) / 60) << 5) | ((rest % 60) / 2);
    let day = (year << 9) | (u16::from(date.month) << 5) | u16::from(date.day);
    (time as u16, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn dos_times_are_the_civil_date_and_time() {
        let at = dos_time;
        // 2026-12-04 21:47:46 UTC.
        let (time, date) = at(1_796_420_866);
        assert_eq!(date >> 9, 2026 - 1980);
        assert_eq!((date >> 5) & 0xF, 12);
        assert_eq!(date & 0x1F, 4);
        assert_eq!(time >> 11, 21);
        assert_eq!((time >> 5) & 0x3F, 47);
        assert_eq!((time & 0x1F) * 2, 46);
        // 29 February 2024, and a time before 1980.
        let (_, leap) = at(1_709_164_800);
        assert_eq!((leap >> 5 & 0xF, leap & 0x1F), (2, 29));
        assert_eq!(at(0), (0, (1 << 5) | 1));
    }

    /// What the writer adds, another reader (the zip crate) reads back
    /// byte for byte: deflated text, a stored gzip stream, a tiny file,
    /// Arabic names; and with more than 65,535 files, through the zip64
    /// end records.
    #[test]
    fn an_archive_reads_back_file_for_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("site.zip");
        let w = Writer::create(&path).unwrap();
        let page = "<p>المادة ١ — Article 1</p>\n".repeat(200);
        let gzip = [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5];
        w.add("ar/works/قانون/index.html", page.as_bytes()).unwrap();
        w.add("pagefind/en-0/fragment/a.pf_fragment", &gzip)
            .unwrap();
        w.add("robots.txt", b"x").unwrap();
        for i in 0..70_000 {
            w.add(&format!("n/{i}"), b"").unwrap();
        }
        w.finish(".mizan-site.json").unwrap();

        let mut a = zip::ZipArchive::new(File::open(&path).unwrap()).unwrap();
        assert_eq!(a.len(), 70_003);
        let mut read = |name: &str| {
            let mut f = a.by_name(name).unwrap();
            let method = f.compression();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            (method, v)
        };
        let (method, bytes) = read("ar/works/قانون/index.html");
        assert_eq!(method, zip::CompressionMethod::Deflated);
        assert_eq!(bytes, page.as_bytes());
        let (method, bytes) = read("pagefind/en-0/fragment/a.pf_fragment");
        assert_eq!(method, zip::CompressionMethod::Stored);
        assert_eq!(bytes, gzip);
        assert_eq!(read("robots.txt").1, b"x");
        assert_eq!(read("n/69999").1, b"");
        assert_eq!(a.comment(), b".mizan-site.json");
        assert!(has_marker(&path, ".mizan-site.json"));
        assert!(!has_marker(&path, "n/5"));
        assert!(!has_marker(&path, ".mizan-site"));
    }
}
