//! Compiles the site templates (`templates/*.html`) into the binary, and
//! links it with packed relocations where the platform has them.

fn main() {
    minijinja_embed::embed_templates!("templates", &[".html", ".xml"][..]);
    // Start-up: the binary holds some 73,000 relative relocations, which
    // the dynamic loader applies one at a time at every start (about a
    // tenth of a `mizan search` at 100,000 articles, more than `diff` of
    // one amendment spends on its work). Packed (RELR), they cost a
    // fraction of that, and the executable stays position-independent
    // (its code is still placed at random). A binary with packed
    // relocations needs glibc 2.36 or later to start, so they are asked
    // for only where the C library of the machine building (and the
    // target is that machine's) is that recent.
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let native = std::env::var("HOST").ok() == std::env::var("TARGET").ok();
    if os == "linux" && env == "gnu" && native && host_glibc().is_some_and(|v| v >= (2, 36)) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
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
