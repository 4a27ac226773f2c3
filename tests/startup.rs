//! How the executable is linked (`build.rs`): on Linux with glibc it is
//! linked at a fixed address, so the loader has no relocations to apply at
//! start, unless it was built with `MIZAN_PIE=1`.

/// The ELF header's object type (`e_type`): 2 is a fixed-address
/// executable, 3 a position-independent one.
fn elf_type(path: &str) -> u16 {
    use std::io::Read;
    let mut header = [0u8; 18];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .expect("read the executable's ELF header");
    assert_eq!(&header[..4], b"\x7fELF", "{path} is not an ELF file");
    u16::from_le_bytes([header[16], header[17]])
}

#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn the_executable_is_linked_at_a_fixed_address_unless_asked_otherwise() {
    let pie = option_env!("MIZAN_PIE").is_some_and(|v| !v.is_empty() && v != "0");
    let expected = if pie { 3 } else { 2 };
    assert_eq!(elf_type(env!("CARGO_BIN_EXE_mizan")), expected);
}
