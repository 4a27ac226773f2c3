//! Compiles the site templates (`templates/*.html`) into the binary,
//! compiles the built-in language files (`i18n/*.toml`) into it already
//! parsed, and links it at a fixed address on Linux (see `MIZAN_PIE`).

use std::path::PathBuf;

fn main() {
    minijinja_embed::embed_templates!("templates", &[".html", ".xml"][..]);
    languages();
    // Start-up: the binary holds some 73,000 relative relocations. As a
    // position-independent executable the dynamic loader applies them at
    // every start, copying the 400 pages they lie on (about a third of a
    // `mizan search` at 100,000 articles, and of `diff` of one
    // amendment). Linked at a fixed address (`-no-pie`) there is nothing
    // to apply; the cost is that mizan's own code and constants are not
    // placed at random (its stack, heap and libraries still are). Whoever
    // wants random placement back builds with `MIZAN_PIE=1`: the
    // relocations are then packed (RELR), which the loader applies faster,
    // where the machine building has glibc 2.36 or later (a binary with
    // them needs that glibc to start).
    println!("cargo:rerun-if-env-changed=MIZAN_PIE");
    let pie = std::env::var("MIZAN_PIE").is_ok_and(|v| !v.is_empty() && v != "0");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let native = std::env::var("HOST").ok() == std::env::var("TARGET").ok();
    if os == "linux" && env == "gnu" {
        if !pie {
            println!("cargo:rustc-link-arg-bins=-no-pie");
        } else if native && host_glibc().is_some_and(|v| v >= (2, 36)) {
            println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
        }
    }
}

/// The version of the host's glibc (`getconf GNU_LIBC_VERSION` prints
/// "glibc 2.36"), if it can tell.
fn host_glibc() -> Option<(u32, u32)> {
    let out = std::process::Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let (major, minor) = text.trim().strip_prefix("glibc ")?.split_once('.')?;
    let minor: String = minor.chars().take_while(char::is_ascii_digit).collect();
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// A language file's `[messages]` as a Rust expression: a slice of (key,
/// text) pairs in key order, which `mizan::lang` looks a message up in
/// without reading the rest of the file (a command that prints one message
/// need not make the whole language).
fn messages(table: &toml::Table) -> String {
    let mut pairs: Vec<(&str, &str)> = table
        .get("messages")
        .and_then(toml::Value::as_table)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?)))
                .collect()
        })
        .unwrap_or_default();
    pairs.sort_unstable();
    let mut out = String::from("&[\n");
    for (k, v) in pairs {
        out.push_str(&format!("    ({k:?}, {v:?}),\n"));
    }
    out.push_str("]\n");
    out
}

/// A language file's `[headings]` and `[operations]` as a Rust expression:
/// (kind, words) and (operation, form) pairs in key order, from which
/// `mizan::lang` reads headings and amendments without making the rest of
/// the language (an English statute need not make Arabic).
fn words(table: &toml::Table) -> String {
    let section = |name: &str| table.get(name).and_then(toml::Value::as_table);
    let mut out = String::from("(\n    &[\n");
    for (kind, words) in section("headings").into_iter().flatten() {
        let words: Vec<&str> = words
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(toml::Value::as_str)
            .collect();
        out.push_str(&format!("        ({kind:?}, &{words:?} as &[&str]),\n"));
    }
    out.push_str("    ],\n    &[\n");
    let mut forms: Vec<(&str, &str)> = section("operations")
        .into_iter()
        .flatten()
        .filter_map(|(op, form)| Some((op.as_str(), form.as_str()?)))
        .collect();
    forms.sort_unstable();
    for (op, form) in forms {
        out.push_str(&format!("        ({op:?}, {form:?}),\n"));
    }
    out.push_str("    ],\n)\n");
    out
}

/// The built-in language files, parsed here rather than at every start
/// (reading the two TOML files took about a millisecond of every command):
/// each `i18n/<code>.toml` is written to `$OUT_DIR/i18n/<code>.json`, the
/// same table in JSON, which `mizan::lang` reads through the same
/// `Deserialize` as the TOML (a tenth of the time). Also their
/// fingerprint (`fingerprint.rs`, see `lang::BUILT_IN_FINGERPRINT`): FNV-1a
/// 64 of each file's name and text, English and Arabic first, as
/// `lang::BUILT_IN_FILES` lists them. And each file's messages alone
/// (`<code>.messages.rs`, see [`messages`]).
fn languages() {
    println!("cargo:rerun-if-changed=i18n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("i18n");
    std::fs::create_dir_all(&out).expect("OUT_DIR/i18n");
    let mut names: Vec<String> = std::fs::read_dir("i18n")
        .expect("i18n/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort_by_key(|n| (n != "en.toml", n != "ar.toml", n.clone()));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut fnv = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for name in &names {
        let text = std::fs::read_to_string(format!("i18n/{name}")).expect("i18n file");
        let table: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("i18n/{name}: {e}"));
        let json = serde_json::to_string(&table).expect("JSON");
        std::fs::write(out.join(name.replace(".toml", ".json")), json).expect("write JSON");
        std::fs::write(
            out.join(name.replace(".toml", ".messages.rs")),
            messages(&table),
        )
        .expect("write messages");
        std::fs::write(out.join(name.replace(".toml", ".words.rs")), words(&table))
            .expect("write words");
        fnv(format!("i18n/{name}").as_bytes());
        fnv(&[0]);
        fnv(text.as_bytes());
        fnv(&[0]);
    }
    std::fs::write(out.join("fingerprint.rs"), format!("{hash}\n")).expect("write fingerprint");
}
