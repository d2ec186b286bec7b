//! The names Elixir 1.14's `Kernel` exports (functions and macros) with their
//! arities, as `quote` records them in a call's `imports:` metadata
//! (`{:+, [context: Elixir, imports: [{1, Kernel}, {2, Kernel}]], ...}`).
//! Generated from `Kernel.__info__(:functions) ++ Kernel.__info__(:macros)`
//! in Elixir 1.14. Not a list of what phial implements.

/// (name, arities), sorted by name for binary search.
pub(crate) const KERNEL_IMPORTS: &[(&str, &[u32])] = &[
    ("!", &[1]),
    ("!=", &[2]),
    ("!==", &[2]),
    ("&&", &[2]),
    ("*", &[2]),
    ("**", &[2]),
    ("+", &[1, 2]),
    ("++", &[2]),
    ("-", &[1, 2]),
    ("--", &[2]),
    ("..", &[0, 2]),
    ("..//", &[3]),
    ("/", &[2]),
    ("<", &[2]),
    ("<=", &[2]),
    ("<>", &[2]),
    ("==", &[2]),
    ("===", &[2]),
    ("=~", &[2]),
    (">", &[2]),
    (">=", &[2]),
    ("@", &[1]),
    ("abs", &[1]),
    ("alias!", &[1]),
    ("and", &[2]),
    ("apply", &[2, 3]),
    ("binary_part", &[3]),
    ("binary_slice", &[2, 3]),
    ("binding", &[0, 1]),
    ("bit_size", &[1]),
    ("byte_size", &[1]),
    ("ceil", &[1]),
    ("dbg", &[0, 1, 2]),
    ("def", &[1, 2]),
    ("defdelegate", &[2]),
    ("defexception", &[1]),
    ("defguard", &[1]),
    ("defguardp", &[1]),
    ("defimpl", &[2, 3]),
    ("defmacro", &[1, 2]),
    ("defmacrop", &[1, 2]),
    ("defmodule", &[2]),
    ("defoverridable", &[1]),
    ("defp", &[1, 2]),
    ("defprotocol", &[2]),
    ("defstruct", &[1]),
    ("destructure", &[2]),
    ("div", &[2]),
    ("elem", &[2]),
    ("exit", &[1]),
    ("floor", &[1]),
    ("function_exported?", &[3]),
    ("get_and_update_in", &[2, 3]),
    ("get_in", &[2]),
    ("hd", &[1]),
    ("if", &[2]),
    ("in", &[2]),
    ("inspect", &[1, 2]),
    ("is_atom", &[1]),
    ("is_binary", &[1]),
    ("is_bitstring", &[1]),
    ("is_boolean", &[1]),
    ("is_exception", &[1, 2]),
    ("is_float", &[1]),
    ("is_function", &[1, 2]),
    ("is_integer", &[1]),
    ("is_list", &[1]),
    ("is_map", &[1]),
    ("is_map_key", &[2]),
    ("is_nil", &[1]),
    ("is_number", &[1]),
    ("is_pid", &[1]),
    ("is_port", &[1]),
    ("is_reference", &[1]),
    ("is_struct", &[1, 2]),
    ("is_tuple", &[1]),
    ("length", &[1]),
    ("macro_exported?", &[3]),
    ("make_ref", &[0]),
    ("map_size", &[1]),
    ("match?", &[2]),
    ("max", &[2]),
    ("min", &[2]),
    ("node", &[0, 1]),
    ("not", &[1]),
    ("or", &[2]),
    ("pop_in", &[1, 2]),
    ("put_elem", &[3]),
    ("put_in", &[2, 3]),
    ("raise", &[1, 2]),
    ("rem", &[2]),
    ("reraise", &[2, 3]),
    ("round", &[1]),
    ("self", &[0]),
    ("send", &[2]),
    ("sigil_C", &[2]),
    ("sigil_D", &[2]),
    ("sigil_N", &[2]),
    ("sigil_R", &[2]),
    ("sigil_S", &[2]),
    ("sigil_T", &[2]),
    ("sigil_U", &[2]),
    ("sigil_W", &[2]),
    ("sigil_c", &[2]),
    ("sigil_r", &[2]),
    ("sigil_s", &[2]),
    ("sigil_w", &[2]),
    ("spawn", &[1, 3]),
    ("spawn_link", &[1, 3]),
    ("spawn_monitor", &[1, 3]),
    ("struct", &[1, 2]),
    ("struct!", &[1, 2]),
    ("tap", &[2]),
    ("then", &[2]),
    ("throw", &[1]),
    ("tl", &[1]),
    ("to_char_list", &[1]),
    ("to_charlist", &[1]),
    ("to_string", &[1]),
    ("trunc", &[1]),
    ("tuple_size", &[1]),
    ("unless", &[2]),
    ("update_in", &[2, 3]),
    ("use", &[1, 2]),
    ("var!", &[1, 2]),
    ("|>", &[2]),
    ("||", &[2]),
];

/// The arities `Kernel` exports `name` at, if any.
pub(crate) fn kernel_arities(name: &str) -> Option<&'static [u32]> {
    KERNEL_IMPORTS
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| KERNEL_IMPORTS[i].1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted_for_binary_search() {
        let names: Vec<&str> = super::KERNEL_IMPORTS.iter().map(|(n, _)| *n).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert_eq!(super::kernel_arities("+"), Some(&[1, 2][..]));
        assert_eq!(super::kernel_arities("if"), Some(&[2][..]));
        assert_eq!(super::kernel_arities("case"), None);
    }
}
