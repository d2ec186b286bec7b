//! `cargo run -p phial-syntax --example dump -- FILE`: the `--dump-ast` hook
//! without the CLI crate, for trying inputs by hand.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "-".into());
    std::process::exit(phial_syntax::dump_ast_cli(&path));
}
