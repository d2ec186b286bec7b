# Macro, the part written in phial: walking quoted forms, expand/2 and the
# pipe helpers. The natives (to_string, escape, expand_once, var, the
# predicates) are in macro_.rs.
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
end
