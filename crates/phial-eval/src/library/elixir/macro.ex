# Macro, the part written in phial: walking quoted forms (traverse, path,
# the prewalker/postwalker enumerables), expand/2, expand_literal/2,
# struct!/2, validate/1, the pipe helpers and unescaping (which calls the
# caller's mapping function). The natives (to_string, escape, expand_once,
# var, the predicates, classify_atom, inspect_atom) are in macro_.rs.
defmodule Macro do
  def expand(ast, env) do
    expanded = Macro.expand_once(ast, env)

    if expanded === ast do
      ast
    else
      expand(expanded, env)
    end
  end

  def prewalk(ast, fun) do
    elem(traverse(ast, nil, fn x, a -> {fun.(x), a} end, fn x, a -> {x, a} end), 0)
  end

  def prewalk(ast, acc, fun), do: traverse(ast, acc, fun, fn x, a -> {x, a} end)

  def postwalk(ast, fun) do
    elem(traverse(ast, nil, fn x, a -> {x, a} end, fn x, a -> {fun.(x), a} end), 0)
  end

  def postwalk(ast, acc, fun), do: traverse(ast, acc, fn x, a -> {x, a} end, fun)

  def traverse(ast, acc, pre, post) do
    {ast, acc} = pre.(ast, acc)
    do_traverse(ast, acc, pre, post)
  end

  defp do_traverse({form, meta, args}, acc, pre, post) when is_atom(form) and is_list(args) do
    {args, acc} = traverse_args(args, acc, pre, post)
    post.({form, meta, args}, acc)
  end

  defp do_traverse({form, meta, args}, acc, pre, post) when is_list(args) do
    {form, acc} = pre.(form, acc)
    {form, acc} = do_traverse(form, acc, pre, post)
    {args, acc} = traverse_args(args, acc, pre, post)
    post.({form, meta, args}, acc)
  end

  defp do_traverse({left, right}, acc, pre, post) do
    {left, acc} = pre.(left, acc)
    {left, acc} = do_traverse(left, acc, pre, post)
    {right, acc} = pre.(right, acc)
    {right, acc} = do_traverse(right, acc, pre, post)
    post.({left, right}, acc)
  end

  defp do_traverse(list, acc, pre, post) when is_list(list) do
    {list, acc} = traverse_args(list, acc, pre, post)
    post.(list, acc)
  end

  defp do_traverse(x, acc, _pre, post), do: post.(x, acc)

  defp traverse_args(args, acc, pre, post) do
    Enum.map_reduce(args, acc, fn x, acc ->
      {x, acc} = pre.(x, acc)
      do_traverse(x, acc, pre, post)
    end)
  end

  def pipe(expr, {:&, _, _} = call_args, _integer) do
    raise ArgumentError, "cannot pipe #{Macro.to_string(expr)} into #{Macro.to_string(call_args)}"
  end

  def pipe(expr, {call, line, atom}, integer) when is_atom(atom) do
    {call, line, List.insert_at([], integer, expr)}
  end

  def pipe(expr, {call, line, args}, integer) when is_list(args) do
    {call, line, List.insert_at(args, integer, expr)}
  end

  def unpipe(expr), do: :lists.reverse(unpipe(expr, []))

  defp unpipe({:|>, _, [left, right]}, acc), do: unpipe(right, unpipe(left, acc))
  defp unpipe(other, acc), do: [{other, 0} | acc]

  def update_meta(quoted, fun) do
    case quoted do
      {left, meta, right} when is_list(meta) -> {left, fun.(meta), right}
      other -> other
    end
  end

  # path/2: the nodes from the first one `fun` accepts up to the root,
  # or nil when none is accepted.
  def path(ast, fun) when is_function(fun, 1), do: path_of(ast, [], fun)

  defp path_of({form, _, args} = ast, acc, fun) when is_atom(form) do
    acc = [ast | acc]
    if fun.(ast), do: acc, else: path_of_args(args, acc, fun)
  end

  defp path_of({form, _, args} = ast, acc, fun) do
    acc = [ast | acc]
    if fun.(ast), do: acc, else: path_of(form, acc, fun) || path_of_args(args, acc, fun)
  end

  defp path_of({left, right} = ast, acc, fun) do
    acc = [ast | acc]
    if fun.(ast), do: acc, else: path_of(left, acc, fun) || path_of(right, acc, fun)
  end

  defp path_of(list, acc, fun) when is_list(list) do
    acc = [list | acc]
    if fun.(list), do: acc, else: path_of_list(list, acc, fun)
  end

  defp path_of(ast, acc, fun) do
    if fun.(ast), do: [ast | acc]
  end

  defp path_of_args(args, acc, fun) when is_list(args), do: path_of_list(args, acc, fun)
  defp path_of_args(_atom, _acc, _fun), do: nil

  defp path_of_list([], _acc, _fun), do: nil
  defp path_of_list([x | rest], acc, fun), do: path_of(x, acc, fun) || path_of_list(rest, acc, fun)

  # The walkers are enumerables written as reducer functions; `todo` is
  # the nodes still to visit, so nothing is walked before it is asked for.
  def prewalker(ast), do: &pre_walk([ast], &1, &2)

  defp pre_walk(_todo, {:halt, acc}, _fun), do: {:halted, acc}
  defp pre_walk(todo, {:suspend, acc}, fun), do: {:suspended, acc, &pre_walk(todo, &1, fun)}
  defp pre_walk([], {:cont, acc}, _fun), do: {:done, acc}

  defp pre_walk([node | rest], {:cont, acc}, fun) do
    pre_walk(children(node) ++ rest, fun.(node, acc), fun)
  end

  def postwalker(ast), do: &post_walk([ast], make_ref(), &1, &2)

  defp post_walk(_todo, _mark, {:halt, acc}, _fun), do: {:halted, acc}

  defp post_walk(todo, mark, {:suspend, acc}, fun) do
    {:suspended, acc, &post_walk(todo, mark, &1, fun)}
  end

  defp post_walk([], _mark, {:cont, acc}, _fun), do: {:done, acc}

  # A node is emitted once its children are done: {mark, node} stands
  # for "emit node now".
  defp post_walk([{mark, node} | rest], mark, {:cont, acc}, fun) do
    post_walk(rest, mark, fun.(node, acc), fun)
  end

  defp post_walk([node | rest], mark, {:cont, acc} = cont, fun) do
    case children(node) do
      [] -> post_walk(rest, mark, fun.(node, acc), fun)
      kids -> post_walk(kids ++ [{mark, node} | rest], mark, cont, fun)
    end
  end

  defp children({form, meta, args}) when is_atom(form) and is_list(meta) do
    if is_atom(args), do: [], else: args
  end

  defp children({form, meta, args}) when is_list(meta) do
    if is_atom(args), do: [form], else: [form | args]
  end

  defp children({left, right}), do: [left, right]
  defp children(list) when is_list(list), do: list
  defp children(_), do: []

  def validate(expr) do
    case invalid_part(expr) do
      nil -> :ok
      error -> error
    end
  end

  defp invalid_part({left, right}), do: invalid_part(left) || invalid_part(right)

  defp invalid_part({left, meta, right}) when is_list(meta) and (is_atom(right) or is_list(right)) do
    invalid_part(left) || invalid_part(right)
  end

  defp invalid_part(list) when is_list(list), do: Enum.find_value(list, &invalid_part/1)

  defp invalid_part(term) when is_pid(term) or is_atom(term) or is_number(term) or is_binary(term), do: nil

  # Only a capture of a named function (which has no environment) can be
  # quoted.
  defp invalid_part(fun) when is_function(fun) do
    if Function.info(fun, :type) == {:type, :external} do
      nil
    else
      {:error, fun}
    end
  end

  defp invalid_part(other), do: {:error, other}

  def generate_unique_arguments(0, context) when is_atom(context), do: []

  def generate_unique_arguments(amount, context) when is_integer(amount) and amount > 0 and is_atom(context) do
    for i <- 1..amount, do: Macro.unique_var(String.to_atom("arg#{i}"), context)
  end

  def expand_literal(ast, env) do
    if Macro.quoted_literal?(ast) do
      Macro.prewalk(ast, fn
        {:__aliases__, _, _} = alias -> Macro.expand(alias, env)
        other -> other
      end)
    else
      ast
    end
  end

  def struct!(module, env) when is_atom(module) do
    if Code.ensure_loaded?(module) and function_exported?(module, :__struct__, 0) do
      module.__struct__()
    else
      file = (env && env.file) || "nofile"
      line = (env && env.line) || 0

      raise CompileError,
        file: file,
        line: line,
        description: "#{inspect(module)}.__struct__/1 is undefined, cannot expand struct #{inspect(module)}. " <>
          "Make sure the struct name is correct. If the struct name exists and is correct but it still cannot be found, " <>
          "you likely have cyclic module usage in your code"
    end
  end

  # Unescaping works on code points: a \\x escape gives the code point of
  # its byte value.
  def unescape_string(string), do: unescape_string(string, &unescape_map/1)

  def unescape_string(string, map) when is_binary(string) do
    string |> String.to_charlist() |> unescape(map, []) |> List.to_string()
  end

  def unescape_tokens(tokens), do: Enum.map(tokens, &if(is_binary(&1), do: unescape_string(&1), else: &1))

  def unescape_tokens(tokens, map) do
    Enum.map(tokens, &if(is_binary(&1), do: unescape_string(&1, map), else: &1))
  end

  defp unescape([], _map, acc), do: :lists.reverse(acc)

  defp unescape([?\\, ?x | rest], map, acc) do
    if map.(:hex), do: unescape_hex(rest, map, acc), else: unescape(rest, map, [?x, ?\\ | acc])
  end

  defp unescape([?\\, ?u | rest], map, acc) do
    if map.(:unicode), do: unescape_unicode(rest, map, acc), else: unescape(rest, map, [?u, ?\\ | acc])
  end

  defp unescape([?\\, ?\n | rest], map, acc) do
    if map.(:newline), do: unescape(rest, map, acc), else: unescape(rest, map, [?\n, ?\\ | acc])
  end

  defp unescape([?\\, ?\r, ?\n | rest], map, acc) do
    if map.(:newline), do: unescape(rest, map, acc), else: unescape(rest, map, [?\n, ?\r, ?\\ | acc])
  end

  defp unescape([?\\, c | rest], map, acc) do
    case map.(c) do
      false -> unescape(rest, map, [c, ?\\ | acc])
      other -> unescape(rest, map, [other | acc])
    end
  end

  defp unescape([c | rest], map, acc), do: unescape(rest, map, [c | acc])

  defp unescape_hex([a, b | rest], map, acc) when a in ?0..?9 or a in ?a..?f or a in ?A..?F do
    if b in ?0..?9 or b in ?a..?f or b in ?A..?F do
      unescape(rest, map, [List.to_integer([a, b], 16) | acc])
    else
      unescape([b | rest], map, [List.to_integer([a], 16) | acc])
    end
  end

  defp unescape_hex([a | rest], map, acc) when a in ?0..?9 or a in ?a..?f or a in ?A..?F do
    unescape(rest, map, [List.to_integer([a], 16) | acc])
  end

  defp unescape_hex(_rest, _map, _acc) do
    raise ArgumentError, "invalid hex escape character, expected \\xHH where H is a hexadecimal digit"
  end

  defp unescape_unicode([?{ | rest], map, acc) do
    {digits, rest} = Enum.split_while(rest, &hex_digit?/1)

    case rest do
      [?} | rest] when digits != [] and length(digits) <= 6 ->
        unescape(rest, map, [unicode_point(List.to_integer(digits, 16)) | acc])

      _ ->
        raise ArgumentError, "invalid Unicode escape character, expected \\uHHHH or \\u{H*} where H is a hexadecimal digit"
    end
  end

  defp unescape_unicode([a, b, c, d | rest], map, acc) do
    if Enum.all?([a, b, c, d], &hex_digit?/1) do
      unescape(rest, map, [unicode_point(List.to_integer([a, b, c, d], 16)) | acc])
    else
      raise ArgumentError, "invalid Unicode escape character, expected \\uHHHH or \\u{H*} where H is a hexadecimal digit"
    end
  end

  defp unescape_unicode(_rest, _map, _acc) do
    raise ArgumentError, "invalid Unicode escape character, expected \\uHHHH or \\u{H*} where H is a hexadecimal digit"
  end

  defp unicode_point(n) when n in 0xD800..0xDFFF or n > 0x10FFFF do
    raise ArgumentError, "invalid or reserved Unicode code point \\u{#{Integer.to_string(n, 16)}}"
  end

  defp unicode_point(n), do: n

  defp hex_digit?(c), do: c in ?0..?9 or c in ?a..?f or c in ?A..?F

  defp unescape_map(:newline), do: true
  defp unescape_map(:unicode), do: true
  defp unescape_map(:hex), do: true
  defp unescape_map(?0), do: 0
  defp unescape_map(?a), do: ?\a
  defp unescape_map(?b), do: ?\b
  defp unescape_map(?d), do: ?\d
  defp unescape_map(?e), do: ?\e
  defp unescape_map(?f), do: ?\f
  defp unescape_map(?n), do: ?\n
  defp unescape_map(?r), do: ?\r
  defp unescape_map(?s), do: ?\s
  defp unescape_map(?t), do: ?\t
  defp unescape_map(?v), do: ?\v
  defp unescape_map(c), do: c

  # dbg/3 (Kernel.dbg's default backend): code that evaluates `code` once
  # (each step of a pipeline kept) and hands the texts and values to
  # __dbg__/3, which prints them. Phial prints no ANSI colours (its output
  # is never a terminal Elixir would colour).
  def dbg(code, options, %{__struct__: Macro.Env} = env) do
    header = dbg_header(env)

    quote do
      to_debug = unquote(dbg_debuggable(code))
      Macro.__dbg__(unquote(header), to_debug, unquote(options))
    end
  end

  defp dbg_debuggable({:|>, _, _} = pipeline) do
    [first | rest] = asts = for {ast, 0} <- Macro.unpipe(pipeline), do: ast
    value = Macro.unique_var(:value, __MODULE__)
    values = Macro.unique_var(:values, __MODULE__)
    texts = Enum.map(asts, &Macro.to_string/1)

    steps =
      Enum.flat_map(rest, fn step ->
        [
          quote(do: unquote(value) = unquote(Macro.pipe(value, step, 0))),
          quote(do: unquote(values) = [unquote(value) | unquote(values)])
        ]
      end)

    start = [quote(do: unquote(value) = unquote(first)), quote(do: unquote(values) = [unquote(value)])]
    finish = quote(do: {:pipe, unquote(texts), :lists.reverse(unquote(values))})
    {:__block__, [], start ++ steps ++ [finish]}
  end

  defp dbg_debuggable(ast), do: quote(do: {:value, unquote(Macro.to_string(ast)), unquote(ast)})

  # "[file:line: where]", where as a stacktrace entry names it.
  defp dbg_header(env) do
    file = if env.file, do: String.to_charlist(Path.relative_to_cwd(env.file))
    location = [file: file, line: env.line]

    entry =
      cond do
        is_nil(env.module) -> {:elixir_compiler, :__FILE__, 1, location}
        is_nil(env.function) -> {env.module, :__MODULE__, 0, location}
        true -> {env.module, elem(env.function, 0), elem(env.function, 1), location}
      end

    "[" <> Exception.format_stacktrace_entry(entry) <> "]"
  end

  def __dbg__(header, to_debug, options) do
    {location?, options} = Keyword.pop(options, :print_location, true)
    options = Keyword.merge([width: 80, pretty: true], Keyword.delete(options, :syntax_colors))
    {text, result} = dbg_text(to_debug, options)
    IO.write(if location?, do: [header, "\n", text, "\n"], else: [text, "\n"])
    result
  end

  defp dbg_text({:pipe, texts, values}, options) do
    [{first_text, first_value} | rest] = Enum.zip(texts, values)
    first = [first_text, " #=> ", inspect(first_value, options), ?\n]
    rest = for {text, value} <- rest, do: ["|> ", text, " #=> ", inspect(value, options), ?\n]
    {[first | rest], List.last(values)}
  end

  defp dbg_text({:value, text, value}, options) do
    {[text, " #=> ", inspect(value, options), ?\n], value}
  end
end
