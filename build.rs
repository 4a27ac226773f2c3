//! Compiles the site templates (`templates/*.html`) into the binary, and
//! links the `mizan` executable at a fixed address on Linux.

fn main() {
    minijinja_embed::embed_templates!("templates", &[".html", ".xml"][..]);
    // A position-independent executable has some 73,000 addresses (the
    // tables of its dependencies) patched by the loader at every start,
    // which also copies every page they lie on: about 1 ms of the 3 ms a
    // command takes to start, more than a short command (`diff` of one
    // amendment) spends on its work. Linked at a fixed address, the
    // executable starts in about half the time; what it gives up is the
    // random placement of its own code (libraries, stack and heap are
    // still placed at random). See the book's Limits chapter.
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let gnu = std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu");
    if linux && gnu {
        println!("cargo:rustc-link-arg-bin=mizan=-no-pie");
    }
}
