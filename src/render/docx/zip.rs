//! The package's zip container, written and read here with flate2 (already
//! in the build for Typst) rather than a zip crate: a Word document needs
//! only deflated entries with no timestamps that matter, and writing them
//! ourselves makes the bytes depend on nothing but the parts. Every entry
//! is dated 1980-01-01 00:00 (zip's first date) and entries keep the order
//! given, so the same parts give the same file.
//!
//! Reading serves `templates/reference.docx`: only the entries asked for,
//! within bounds checked against the file's size, and none inflated past
//! [`MAX_ENTRY`], so a broken or hostile reference is an error, not a panic
//! or a bomb.

use std::io::{Read as _, Write as _};

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;

/// 1980-01-01 in MS-DOS date format: day 1, month 1, year 0 (1980).
const DOS_DATE: u16 = (1 << 5) | 1;

/// The largest entry read from a reference document: real styles and
/// theme parts are tens of kilobytes.
pub const MAX_ENTRY: u64 = 16 << 20;

/// `entries` (name, bytes) as a zip archive, in the order given.
pub fn write(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
        // Writing to a Vec cannot fail.
        let _ = encoder.write_all(data);
        let deflated = encoder.finish().unwrap_or_default();
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central {
                h.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            h.extend_from_slice(&20u16.to_le_bytes()); // needed to extract
            h.extend_from_slice(&0x0800u16.to_le_bytes()); // names are UTF-8
            h.extend_from_slice(&8u16.to_le_bytes()); // deflated
            h.extend_from_slice(&0u16.to_le_bytes()); // time 00:00
            h.extend_from_slice(&DOS_DATE.to_le_bytes());
            h.extend_from_slice(&crc.sum().to_le_bytes());
            h.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central {
                h.extend_from_slice(&0u16.to_le_bytes()); // comment
                h.extend_from_slice(&0u16.to_le_bytes()); // disk
                h.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(&deflated);
        central.extend(header(0x0201_4b50, true));
    }
    let start = out.len() as u32;
    let size = central.len() as u32;
    out.extend(central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the directory's disk
    let count = entries.len() as u16;
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment
    out
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The entry `name` of the archive `zip`: `Ok(None)` when there is none,
/// an error saying what is wrong when the archive cannot be read.
pub fn read(zip: &[u8], name: &str) -> Result<Option<Vec<u8>>, String> {
    let broken = || "not a zip archive (a .docx is one)".to_string();
    // The end record is in the last 22 + 65535 bytes (its comment's most).
    let from = zip.len().saturating_sub(22 + 0xFFFF);
    let end = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(zip, i) == Some(0x0605_4b50))
        .ok_or_else(broken)?;
    let count = usize::from(u16_at(zip, end + 10).ok_or_else(broken)?);
    let mut at = u32_at(zip, end + 16).ok_or_else(broken)? as usize;
    for _ in 0..count {
        if u32_at(zip, at) != Some(0x0201_4b50) {
            return Err("its central directory is broken".into());
        }
        let field = |off: usize| u32_at(zip, at + off).ok_or_else(broken);
        let short = |off: usize| u16_at(zip, at + off).map(usize::from).ok_or_else(broken);
        let method = short(10)?;
        let packed = field(20)? as usize;
        let size = u64::from(field(24)?);
        let (name_len, extra_len, comment_len) = (short(28)?, short(30)?, short(32)?);
        let local = field(42)? as usize;
        let entry = zip.get(at + 46..at + 46 + name_len).ok_or_else(broken)?;
        at += 46 + name_len + extra_len + comment_len;
        if entry != name.as_bytes() {
            continue;
        }
        if u32_at(zip, local) != Some(0x0403_4b50) {
            return Err(format!("its entry {name} is broken"));
        }
        let skip = usize::from(u16_at(zip, local + 26).ok_or_else(broken)?)
            + usize::from(u16_at(zip, local + 28).ok_or_else(broken)?);
        let start = local + 30 + skip;
        let data = zip
            .get(start..start.saturating_add(packed))
            .ok_or_else(|| format!("its entry {name} runs past the end of the file"))?;
        if size > MAX_ENTRY {
            return Err(format!("its entry {name} is too large"));
        }
        let out = match method {
            0 => data.to_vec(),
            8 => {
                let mut out = Vec::new();
                DeflateDecoder::new(data)
                    .take(MAX_ENTRY + 1)
                    .read_to_end(&mut out)
                    .map_err(|e| format!("its entry {name} cannot be inflated ({e})"))?;
                if out.len() as u64 > MAX_ENTRY {
                    return Err(format!("its entry {name} is too large"));
                }
                out
            }
            m => return Err(format!("its entry {name} uses compression method {m}")),
        };
        return Ok(Some(out));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back_and_never_changes() {
        let entries = vec![
            ("a.xml".to_string(), b"<a/>".to_vec()),
            ("word/b.xml".to_string(), vec![b'x'; 10_000]),
        ];
        let zip = write(&entries);
        assert_eq!(zip, write(&entries));
        assert_eq!(read(&zip, "a.xml"), Ok(Some(b"<a/>".to_vec())));
        assert_eq!(read(&zip, "word/b.xml"), Ok(Some(vec![b'x'; 10_000])));
        assert_eq!(read(&zip, "c.xml"), Ok(None));
    }

    #[test]
    fn broken_archives_are_errors() {
        assert!(read(b"not a zip", "a").is_err());
        let zip = write(&[("a".to_string(), b"hello".to_vec())]);
        for cut in [1, 10, 40, zip.len() - 30] {
            // Any truncation is an error or a missing entry, never a panic.
            let _ = read(&zip[cut..], "a");
            let _ = read(&zip[..zip.len() - cut.min(zip.len())], "a");
        }
        let mut flipped = zip.clone();
        flipped[35] ^= 0xFF;
        assert!(read(&flipped, "a").is_err() || read(&flipped, "a") != Ok(Some(b"hello".to_vec())));
    }
}
