# Code.env_for_eval/1 (from options and from __ENV__) and Code.eval_quoted_with_env/3 carrying bindings and known variables from one evaluation to the next
env = Code.env_for_eval([])
IO.inspect {env.file, env.line, env.module, env.function, env.aliases, env.context, env.requires, env.versioned_vars}
env = Code.env_for_eval(file: "x.ex", line: 7)
IO.inspect {env.file, env.line}
{v, b, env2} = Code.eval_quoted_with_env(Code.string_to_quoted!("a = 1 + 2"), [], env)
IO.inspect {v, b, env2.file, env2.versioned_vars}
{v, b, env3} = Code.eval_quoted_with_env(Code.string_to_quoted!("c = a * 2"), b, env2)
IO.inspect {v, b, env3.versioned_vars}
IO.inspect Code.env_for_eval(__ENV__).file == __ENV__.file
IO.inspect Code.env_for_eval(__ENV__).line == __ENV__.line
{v, b, _} = Code.eval_quoted_with_env(Code.string_to_quoted!("x + y"), [x: 1, y: 2], Code.env_for_eval([]))
IO.inspect {v, b}
IO.inspect Code.env_for_eval(file: "y.ex", module: Foo) |> Map.take([:file, :module])
