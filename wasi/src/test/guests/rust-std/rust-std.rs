// rust-std.rs - a WASI command written against Rust's standard library (not wasi-libc's C API): arguments, the
// environment, stdin, files and a folder listing under a preopen, the wall clock, a HashMap (whose hasher takes
// its seed from the host's random source), stderr and an exit status. Built by rustc for wasm32-wasi (preview 1)
// and made a component by jco's adapter, as build.sh says; it prints only what does not depend on the time or the
// random seed.
use std::collections::HashMap;
use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("args: {:?}", args);

    let mut vars: Vec<(String, String)> = std::env::vars().collect();
    vars.sort();
    println!("env: {:?}", vars);

    let mut input = String::new();
    match std::io::stdin().read_to_string(&mut input) {
        Ok(n) => println!("stdin: {} bytes, {} lines", n, input.lines().count()),
        Err(e) => println!("stdin: {}", e),
    }

    match std::fs::read_to_string("/data/in.txt") {
        Ok(text) => println!("in.txt: {:?}", text),
        Err(e) => println!("in.txt: {:?}", e.kind()),
    }
    let written = std::fs::write("/data/out.txt", format!("{} arguments\n", args.len()))
        .and_then(|_| std::fs::read_to_string("/data/out.txt"));
    println!("out.txt: {:?}", written.map_err(|e| e.kind()));
    match std::fs::read_dir("/data") {
        Ok(entries) => {
            let mut names: Vec<String> = entries
                .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()).unwrap_or_default())
                .collect();
            names.sort();
            println!("/data: {:?}", names);
        }
        Err(e) => println!("/data: {:?}", e.kind()),
    }
    match std::fs::metadata("/nowhere/else") {
        Ok(_) => println!("/nowhere/else: exists"),
        Err(e) => println!("/nowhere/else: {:?}", e.kind()),
    }

    let since_epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs());
    println!("the wall clock is past 2020: {}", since_epoch.map(|s| s > 1_577_836_800).unwrap_or(false));

    let squares: HashMap<u32, u32> = (0..100).map(|i| (i, i * i)).collect();
    println!("squares: {} entries, 7 -> {}", squares.len(), squares[&7]);

    writeln!(std::io::stderr(), "rust-std: done").unwrap();
    // the adapter maps every status but 0 to wasi:cli/exit's err, which a host reports as 1
    if args.iter().any(|a| a == "--fail") { ExitCode::from(3) } else { ExitCode::SUCCESS }
}
