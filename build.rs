//! Compiles the site templates (`templates/*.html`) into the binary.

fn main() {
    minijinja_embed::embed_templates!("templates", &[".html", ".xml"][..]);
}
