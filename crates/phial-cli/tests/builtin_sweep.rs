//! The "no builtin panics" sweep: generates a phial script that calls every
//! registered BIF (`phial_eval::library::entries()`) with each of a set of
//! wrong-typed arguments inside `try`, runs it with the real binary, and
//! checks that every call came back as an Elixir error or a value (the script
//! reaches its last line, exits 0, and nothing panicked).
//!
//! Not here: which error each builtin raises (the recorded cases check that).

use std::process::Command;

/// Builtins the sweep cannot call harmlessly: they end the program, start
/// processes or write to the terminal by design.
const SKIP: &[&str] = &[
    "System.halt",
    "System.stop",
    "Kernel.spawn",
    "Kernel.spawn_link",
    "Kernel.spawn_monitor",
    "Process.spawn",
    "IO.puts",
    "IO.write",
    "IO.inspect",
];

fn module_source(m: &str) -> String {
    match m.strip_prefix("Elixir.") {
        Some(alias) => alias.to_string(),
        None => format!(":{m}"),
    }
}

fn is_identifier(name: &str) -> bool {
    let body = name.trim_end_matches(['?', '!']);
    !body.is_empty()
        && body
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && body.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[test]
fn every_builtin_survives_wrong_arguments() {
    let mut body = String::new();
    let mut count = 0;
    for e in phial_eval::library::entries() {
        let module = module_source(e.module.as_str());
        let name = e.name.as_str();
        if SKIP.contains(&format!("{module}.{name}").as_str()) {
            continue;
        }
        let args = vec!["v"; e.arity as usize].join(", ");
        let call = if is_identifier(name) {
            format!("{module}.{name}({args})")
        } else {
            format!("apply({module}, :\"{name}\", [{args}])")
        };
        body.push_str(&format!("    t.(fn -> {call} end)\n"));
        count += 1;
    }
    assert!(count > 300, "only {count} builtins registered?");
    let script = format!(
        "t = fn f ->\n  try do\n    f.()\n  rescue\n    _ -> :error\n  catch\n    _, _ -> :caught\n  end\nend\n\
         bad = [:bad, {{}}, -1, \"x\", [1 | 2], %{{}}, 1.5, nil, [a: 1], {{1, 2, 3}}, 10_000_000_000_000_000_000_000]\n\
         for v <- bad do\n{body}end\nIO.puts(\"sweep done\")\n"
    );
    let dir = std::env::temp_dir().join(format!("phial_sweep_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sweep.exs");
    std::fs::write(&path, &script).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_phial"))
        .arg(&path)
        // `File` builtins given "x" make and remove files: in the sweep's
        // own folder.
        .current_dir(&dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run phial");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "a builtin panicked:\n{stderr}"
    );
    assert!(
        out.status.success() && stdout.trim_end().ends_with("sweep done"),
        "sweep did not finish (status {:?}):\nstdout tail: {}\nstderr: {stderr}",
        out.status,
        &stdout[stdout.len().saturating_sub(500)..]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
