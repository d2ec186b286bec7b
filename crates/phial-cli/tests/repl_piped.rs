//! The REPL with piped stdin (`phial < session.txt`): the same evaluation as
//! at a terminal, prompts without newlines as IEx prints them, transcript
//! rules applied to the whole input.

mod support;

fn run(input: &str) -> (String, String, i32) {
    run_in(
        &std::env::current_dir().expect("a working directory"),
        input,
    )
}

/// `run` with `dir` as the working directory.
fn run_in(dir: &std::path::Path, input: &str) -> (String, String, i32) {
    support::piped_shell(dir, input)
}

#[test]
fn prompts_results_and_counter_as_iex() {
    let (out, _, rc) = run("1 + 2\nx = [1,\n2]\nfoo()\nx\n");
    assert_eq!(rc, 0);
    assert!(out.starts_with("Interactive phial ("), "{out}");
    assert!(out.contains("iex(1)> 3\niex(2)> ...(2)> [1, 2]\n"), "{out}");
    // An error does not advance the counter.
    assert!(
        out.contains("iex(3)> ** (CompileError) iex:3: undefined function foo/0 (there is no such import)\n\niex(3)> [1, 2]\niex(4)> "),
        "{out}"
    );
    assert!(out.ends_with("iex(4)> "), "{out}");
}

#[test]
fn helpers_v_pid_flush_i() {
    let (out, _, _) = run("7\nv(1) + v()\nv(-1)\nv(9)\npid(0, 5, 0)\npid(\"0.6.0\")\nsend self(), :hi\nflush()\ni(42)\n");
    assert!(out.contains("iex(2)> 14\n"), "{out}");
    assert!(out.contains("iex(3)> 14\n"), "{out}");
    assert!(
        out.contains("iex(4)> ** (RuntimeError) v(9) is out of bounds\n"),
        "{out}"
    );
    assert!(out.contains("iex(4)> #PID<0.5.0>\n"), "{out}");
    assert!(out.contains("iex(5)> #PID<0.6.0>\n"), "{out}");
    assert!(out.contains("iex(7)> :hi\n:ok\n"), "{out}");
    assert!(out.contains("Term\n  42\nData type\n  Integer\n"), "{out}");
}

/// Recorded from IEx 1.14 with the same input (`iex < input` in a folder
/// holding `a.txt` and `sub/`).
#[test]
fn bare_helpers_and_directories_as_iex() {
    let dir = std::env::temp_dir().join(format!("phial-repl-dirs-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).expect("temp dir");
    std::fs::write(dir.join("a.txt"), "").expect("temp file");
    let input = "send(self(), :hi)\nflush\nv\n1+1\nv\nv = 5\nv\nfor h <- [1,2], do: h\nfn i -> i end.(3)\npwd\nls\nls()\ncd \"sub\"\npwd()\ncd \"..\"\nls \"nope\"\n";
    let (out, _, _) = run_in(&dir, input);
    let d = dir.canonicalize().expect("canonical").display().to_string();
    let _ = std::fs::remove_dir_all(&dir);
    let want = format!(
        "iex(1)> :hi\niex(2)> :hi\n:ok\niex(3)> :ok\niex(4)> 2\niex(5)> 2\niex(6)> 5\n\
         iex(7)> 5\niex(8)> [1, 2]\niex(9)> 3\niex(10)> {d}\niex(11)> a.txt     sub       \n\
         iex(12)> a.txt     sub       \niex(13)> {d}/sub\niex(14)> {d}/sub\niex(15)> {d}\n\
         iex(16)> No such file or directory nope\niex(17)> "
    );
    assert!(out.ends_with(&want), "{out}");
}

/// Recorded from IEx 1.14: a stacktrace under a runtime error, without the
/// input's own frames; a blank line when nothing is left of it.
#[test]
fn errors_carry_stacktraces_as_iex() {
    let (out, _, _) = run("raise \"x\"\nfn -> raise \"y\" end.()\ndefmodule M do\ndef f(x), do: 1/x\nend\nM.f(:a)\n:ok\n");
    assert!(
        out.contains("iex(1)> ** (RuntimeError) x\n\niex(1)> ** (RuntimeError) y\n\niex(1)> "),
        "{out}"
    );
    assert!(
        out.contains("iex(2)> ** (ArithmeticError) bad argument in arithmetic expression\n    iex:2: M.f/1\niex(2)> :ok\n"),
        "{out}"
    );
    // Evaluated arithmetic fails in the operator's BIF, and IEx's blame
    // names the operation.
    let (out, _, _) = run("1/0\n");
    assert!(
        out.contains("iex(1)> ** (ArithmeticError) bad argument in arithmetic expression: 1 / 0\n    :erlang./(1, 0)\niex(1)> "),
        "{out}"
    );
}

#[test]
fn incomplete_input_and_iex_break() {
    let (out, _, _) = run("foo(\n#iex:break\n1 +\n2\n");
    assert!(
        out.contains("** (TokenMissingError) iex:1: incomplete expression"),
        "{out}"
    );
    assert!(out.contains("iex(1)> ...(1)> 3\n"), "{out}");
}

#[test]
fn seed_transcripts_piped_give_the_seed_results() {
    let seed = include_str!("fixtures/seed_ping.txt");
    let (out, err, rc) = run(seed);
    assert_eq!(rc, 0);
    assert!(out.contains("Got ping\n"), "{out}");
    assert!(out.contains("Got pong back\n:ok\n"), "{out}");
    assert!(!out.contains("** ("), "no error expected:\n{out}\n{err}");
    // Three inputs ran: the counter is at 4.
    assert!(out.ends_with("iex(4)> "), "{out}");
}

#[test]
fn linked_crash_restarts_the_shell_keeping_bindings() {
    let input = "x = 42
me = self()
pid = spawn_link fn -> receive do :boom -> exit(:boom) end end
pid <- :boom
self() == me
x
v(1)
";
    let (out, _, rc) = run(input);
    assert_eq!(rc, 0);
    assert!(
        out.contains("** (EXIT from #PID<")
            && out.contains("shell process exited with reason: :boom"),
        "{out}"
    );
    assert!(out.contains("false\n"), "{out}");
    assert!(out.contains("> 42\niex(7)> 42\n"), "{out}");
}

/// `h` over a module with docs. The expected text is what IEx 1.14
/// printed for the same module compiled with `elixirc` (a module typed
/// into IEx itself has no docs chunk there; phial keeps its docs).
#[test]
fn h_shows_moduledoc_doc_and_signatures() {
    let module = "defmodule Inv do\n  @moduledoc \"\"\"\n  A tiny inventory.\n\n  Items are kept in a map.\n  \"\"\"\n  @doc \"Adds `qty` units of an item.\"\n  def add(inv, sku, qty \\\\ 1), do: {inv, sku, qty}\n  @doc false\n  def hidden, do: 1\n  def f(a, %{} = m, [h | _], 3, {x, y} = pair, opts \\\\ []), do: {a, m, h, x, y, pair, opts}\n  def f(a, b), do: {a, b}\nend\n";
    let (out, _, _) = run(&format!(
        "{module}h Inv\nh Inv.add\nh Inv.hidden\nh Inv.f\nh Inv.f/2\nh Nope\n"
    ));
    let pad = |n: usize| " ".repeat(n);
    let expect = [
        format!(
            "\n{}Inv\n\nA tiny inventory.\n\nItems are kept in a map.\n\niex(",
            pad(38)
        ),
        format!(
            "\n{}def add(inv, sku, qty \\\\ 1)\n\nAdds `qty` units of an item.\n\niex(",
            pad(26)
        ),
        "No documentation for Inv.hidden was found\n".to_string(),
        format!(
            "\n{}def f(a, b)\n\n\n{}def f(a, m, list, int, pair, opts \\\\ [])\n\niex(",
            pad(34),
            pad(20)
        ),
        format!("> \n{}def f(a, b)\n\niex(", pad(34)),
        "Could not load module Nope, got: nofile\n".to_string(),
    ];
    for e in expect {
        assert!(out.contains(&e), "missing {e:?} in {out}");
    }
}

/// A syntax error inside an unfinished `fn` is reported once, when the
/// input is complete, as IEx 1.14 reports it (recorded with `iex < input`).
#[test]
fn syntax_error_in_a_multi_line_input_is_one_error() {
    let (out, _, _) = run("x = fn a ->\n  a +* 2\nend\n1\n");
    let want = "iex(1)> ...(1)> ...(1)> ** (SyntaxError) iex:2:6: syntax error before: '*'\n    |\n  2 |   a +* 2\n    |      ^\n\niex(1)> 1\niex(2)> ";
    assert!(out.ends_with(want), "{out}");
}

/// Imports and aliases made at the top of an input stay for the next ones,
/// as IEx keeps its environment (recorded with `iex < input`); `respawn()`
/// forgets them with the bindings.
#[test]
fn imports_and_aliases_stay_for_later_inputs() {
    let (out, _, _) = run(
        "import Enum\n1 + 1\nalias String, as: S\nS.upcase(\"a\")\nsum([1])\nrespawn()\nsum([1])\n",
    );
    assert!(
        out.contains("iex(1)> Enum\niex(2)> 2\niex(3)> String\niex(4)> \"A\"\niex(5)> 1\niex(6)> "),
        "{out}"
    );
    assert!(
        out.ends_with("iex(1)> ** (CompileError) iex:1: undefined function sum/1 (there is no such import)\n\niex(1)> "),
        "{out}"
    );
}

/// `h` over phial's own library: the module's `@moduledoc`, a native's
/// doc (written beside its row) by name and by arity, a doc that covers a
/// lower arity through a default, an arity with no function, a missing
/// function and a function of Kernel's phial source, laid out as IEx 1.14 lays out docs with colours off.
#[test]
fn h_shows_the_library_docs() {
    let (out, _, _) = run(
        "h Enum\nh Enum.map\nh Enum.map/2\nh Enum.join/1\nh Enum.map/3\nh Kernel.no_such\nh is_atom\nh Kernel.then\n",
    );
    let pad = |n: usize| " ".repeat(n);
    let expect = [
        format!("iex(1)> \n{}Enum\n\nEager functions over enumerables:", pad(38)),
        format!(
            "iex(2)> \n{}def map(enumerable, fun)\n\nA list of `fun` applied to each element, in order.\n\n    iex> Enum.map([1, 2, 3], fn x -> x * x end)\n    [1, 4, 9]\n\niex(3)> ",
            pad(28)
        ),
        format!(
            "iex(3)> \n{}def map(enumerable, fun)\n\nA list of `fun` applied",
            pad(28)
        ),
        format!(
            "iex(4)> \n{}def join(enumerable, joiner \\\\ \"\")\n\nThe elements turned to strings",
            pad(23)
        ),
        "iex(5)> No documentation for Enum.map/3 was found\n".to_string(),
        "iex(6)> No documentation for Kernel.no_such was found\n".to_string(),
        format!("iex(7)> \n{}def is_atom(term)\n\nWhether `term` is an atom", pad(31)),
        // A function of Kernel's phial source, its doc kept in kernel.rs.
        format!("iex(8)> \n{}def then(value, fun)\n\nCalls `fun` with `value`", pad(30)),
    ];
    for e in expect {
        assert!(out.contains(&e), "missing {e:?} in {out}");
    }
}
