//! `phial --dump-ast FILE`: parse a file (or stdin) and print its AST as
//! S-expressions, or its syntax errors. The terminal and file I/O of it
//! lives here, in the binary; phial-syntax only parses and renders.
//! Not an argument parser.

use std::io::{IsTerminal, Read, Write};

use phial_syntax::{dump_ast, parse};

/// Reads `path_or_dash` (`-` is stdin), prints the AST dump to stdout and
/// returns 0; on a syntax error (an incomplete input is one too) prints each
/// rendered diagnostic to stderr — coloured only when stderr is a terminal and
/// `NO_COLOR` is unset — and returns 1.
pub fn dump_ast_cli(path_or_dash: &str) -> i32 {
    let (file, source) = if path_or_dash == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("** (File.Error) could not read stdin: {e}");
            return 1;
        }
        ("nofile".to_string(), s)
    } else {
        match std::fs::read_to_string(path_or_dash) {
            Ok(s) => (path_or_dash.to_string(), s),
            Err(_) => {
                eprintln!("No file named {path_or_dash}");
                return 1;
            }
        }
    };
    match parse(&source).into_result() {
        Ok(exprs) => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(dump_ast(&exprs).as_bytes());
            0
        }
        Err(errors) => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            for e in errors {
                eprintln!("{}", e.render(&file, &source, color));
            }
            1
        }
    }
}
