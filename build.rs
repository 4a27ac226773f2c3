//! Compiles the site templates (`templates/*.html`) into the binary, and
//! links it with packed relocations where the platform has them.

fn main() {
    minijinja_embed::embed_templates!("templates", &[".html", ".xml"][..]);
    // Start-up: the binary holds some 73,000 relative relocations, which
    // the dynamic loader applies one at a time at every start (about a
    // tenth of a `mizan search` at 100,000 articles). Packed (RELR), they
    // cost a fraction of that. Needs GNU ld 2.38 or lld to link, and glibc
    // 2.36 or later to run (Debian 12 and later).
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
