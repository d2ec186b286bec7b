//! Build script: generates the LALRPOP parser from the top-level `grammar/` folder.
//! It is not a place for any other code generation.
fn main() {
    lalrpop::Configuration::new()
        .set_in_dir("../../grammar")
        .emit_rerun_directives(true)
        .process()
        .expect("LALRPOP grammar failed to generate");
}
