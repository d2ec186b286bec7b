# ExUnit.Assertions: the assertion macros (they expand in the test's module)
# and the plain functions their expansions call. The macros only build
# quoted code; the checks and the errors are in the `__...__` functions.
# Not here: running tests, printing failures (ExUnit).
defmodule ExUnit.Assertions do
  @operators [:==, :<, :>, :<=, :>=, :===, :=~, :!==, :!=, :in]

  defmacro assert({:=, _, [left, right]} = assertion) do
    code = Macro.to_string({:assert, [], [assertion]})
    pattern = Macro.to_string(left)
    line = __CALLER__.line
    pins = ExUnit.Assertions.__pins__(left)

    quote do
      right = unquote(right)

      case right do
        unquote(left) ->
          :ok

        _ ->
          ExUnit.Assertions.__fail__(
            [
              message: ExUnit.Assertions.__pinned__("match (=) failed", unquote(pins)),
              expr: unquote(code),
              left: {:ex_unit_code, unquote(pattern)},
              right: right
            ],
            unquote(line)
          )
      end

      unquote(left) = right
    end
  end

  defmacro assert({:match?, _, [left, right]} = assertion) do
    code = Macro.to_string({:assert, [], [assertion]})
    pattern = Macro.to_string(left)
    line = __CALLER__.line
    pins = ExUnit.Assertions.__pins__(left)

    quote do
      right = unquote(right)

      case right do
        unquote(left) ->
          true

        _ ->
          ExUnit.Assertions.__fail__(
            [
              message: ExUnit.Assertions.__pinned__("match (match?) failed", unquote(pins)),
              expr: unquote(code),
              left: {:ex_unit_code, unquote(pattern)},
              right: right
            ],
            unquote(line)
          )
      end
    end
  end

  defmacro assert({op, _, [left, right]} = assertion) when op in @operators do
    code = Macro.to_string({:assert, [], [assertion]})
    line = __CALLER__.line
    equality = op in [:<, :>, :!==, :!=]

    quote do
      left = unquote(left)
      right = unquote(right)

      ExUnit.Assertions.__operator__(
        unquote(op),
        left,
        right,
        true,
        unquote(equality),
        unquote(code),
        unquote(line)
      )
    end
  end

  defmacro assert(assertion) do
    code = Macro.to_string({:assert, [], [assertion]})
    line = __CALLER__.line
    {args, call} = ExUnit.Assertions.__call_args__(assertion)

    quote do
      value = unquote(call)

      if value do
        value
      else
        ExUnit.Assertions.__fail__(
          [
            message: "Expected truthy, got #{inspect(value)}",
            expr: unquote(code),
            args: unquote(args)
          ],
          unquote(line)
        )
      end
    end
  end

  defmacro assert(value, message) do
    line = __CALLER__.line
    code = ExUnit.Assertions.__bare_call__(:assert, [value, message])

    quote do
      value = unquote(value)

      if value do
        value
      else
        ExUnit.Assertions.__fail__([message: unquote(message), expr: unquote(code)], unquote(line))
      end
    end
  end

  defmacro refute({:match?, _, [left, right]} = assertion) do
    code = Macro.to_string({:refute, [], [assertion]})
    pattern = Macro.to_string(left)
    line = __CALLER__.line

    quote do
      right = unquote(right)

      case right do
        unquote(left) ->
          ExUnit.Assertions.__fail__(
            [
              message: "match (match?) succeeded, but should have failed",
              expr: unquote(code),
              left: {:ex_unit_code, unquote(pattern)},
              right: right
            ],
            unquote(line)
          )

        _ ->
          false
      end
    end
  end

  defmacro refute({op, _, [left, right]} = assertion) when op in @operators do
    code = Macro.to_string({:refute, [], [assertion]})
    line = __CALLER__.line
    equality = op in [:<=, :>=, :===, :==, :=~]

    quote do
      left = unquote(left)
      right = unquote(right)

      ExUnit.Assertions.__operator__(
        unquote(op),
        left,
        right,
        false,
        unquote(equality),
        unquote(code),
        unquote(line)
      )
    end
  end

  defmacro refute(assertion) do
    code = Macro.to_string({:refute, [], [assertion]})
    line = __CALLER__.line
    {args, call} = ExUnit.Assertions.__call_args__(assertion)

    quote do
      value = unquote(call)

      if value do
        ExUnit.Assertions.__fail__(
          [
            message: "Expected false or nil, got #{inspect(value)}",
            expr: unquote(code),
            args: unquote(args)
          ],
          unquote(line)
        )
      else
        false
      end
    end
  end

  defmacro refute(value, message) do
    line = __CALLER__.line
    code = ExUnit.Assertions.__bare_call__(:refute, [value, message])

    quote do
      value = unquote(value)

      if value do
        ExUnit.Assertions.__fail__([message: unquote(message), expr: unquote(code)], unquote(line))
      else
        false
      end
    end
  end

  defmacro assert_receive(pattern, timeout \\ 100, message \\ nil) do
    ExUnit.Assertions.__receive__(:assert_receive, pattern, timeout, message, __CALLER__)
  end

  defmacro assert_received(pattern, message \\ nil) do
    ExUnit.Assertions.__receive__(:assert_received, pattern, 0, message, __CALLER__)
  end

  defmacro refute_receive(pattern, timeout \\ 100, message \\ nil) do
    ExUnit.Assertions.__refute_receive__(:refute_receive, pattern, timeout, message, __CALLER__)
  end

  defmacro refute_received(pattern, message \\ nil) do
    ExUnit.Assertions.__refute_receive__(:refute_received, pattern, 0, message, __CALLER__)
  end

  # The quoted code of assert_receive/assert_received: the variables the
  # pattern binds come out of the receive, as in Elixir.
  def __receive__(kind, pattern, timeout, message, caller) do
    # Elixir shows the pattern only, not the timeout.
    code = Macro.to_string({kind, [], [pattern]})
    shown = Macro.to_string(pattern)
    line = caller.line
    vars = {:{}, [], __pattern_vars__(pattern)}
    pins = __pins__(pattern)

    quote do
      {received, unquote(vars)} =
        receive do
          unquote(pattern) = received -> {received, unquote(vars)}
        after
          unquote(timeout) ->
            ExUnit.Assertions.__receive_failed__(
              unquote(timeout),
              unquote(message),
              unquote(code),
              unquote(shown),
              unquote(line),
              unquote(pins)
            )
        end

      received
    end
  end

  defp timeout_arg(100), do: []
  defp timeout_arg(t), do: [t]

  def __refute_receive__(kind, pattern, timeout, message, caller) do
    args = if kind == :refute_received, do: [pattern], else: [pattern | timeout_arg(timeout)]
    code = Macro.to_string({kind, [], args})
    shown = Macro.to_string(pattern)
    line = caller.line

    quote do
      receive do
        unquote(pattern) = actual ->
          ExUnit.Assertions.__fail__(
            [
              message:
                unquote(message) ||
                  "Unexpectedly received message #{inspect(actual)} (which matched #{unquote(shown)})",
              expr: unquote(code)
            ],
            unquote(line)
          )
      after
        unquote(timeout) -> false
      end
    end
  end

  def __receive_failed__(timeout, message, code, shown, line, pins \\ []) do
    {:messages, messages} = Process.info(self(), :messages)
    count = length(messages)

    note =
      if count == 0 do
        "The process mailbox is empty."
      else
        "Showing #{min(count, 10)} of #{count} #{if count == 1, do: "message", else: "messages"} in the mailbox"
      end

    failed = __pinned__("Assertion failed, no matching message after #{timeout}ms", pins)
    text = message || failed <> "\n" <> note

    __fail__(
      [message: text, expr: code, context: {:mailbox, shown, Enum.take(messages, 10)}],
      line
    )
  end

  # The variables a pattern binds (not pinned ones, not `_name`), quoted.
  def __pattern_vars__(pattern) do
    {_, vars} =
      Macro.prewalk(pattern, [], fn
        {:^, _, _}, acc ->
          {:ok, acc}

        {name, _, ctx} = var, acc when is_atom(name) and is_atom(ctx) ->
          if String.starts_with?(Atom.to_string(name), "_") do
            {var, acc}
          else
            {var, [var | acc]}
          end

        node, acc ->
          {node, acc}
      end)

    vars |> Enum.reverse() |> Enum.uniq_by(fn {name, _, _} -> name end)
  end

  defmacro assert_in_delta(value1, value2, delta, message \\ nil) do
    code = ExUnit.Assertions.__bare_call__(:assert_in_delta, [value1, value2, delta] ++ List.wrap(message))
    line = __CALLER__.line

    quote do
      ExUnit.Assertions.__in_delta__(
        true,
        unquote(value1),
        unquote(value2),
        unquote(delta),
        unquote(message),
        unquote(code),
        unquote(line)
      )
    end
  end

  defmacro refute_in_delta(value1, value2, delta, message \\ nil) do
    code = ExUnit.Assertions.__bare_call__(:refute_in_delta, [value1, value2, delta] ++ List.wrap(message))
    line = __CALLER__.line

    quote do
      ExUnit.Assertions.__in_delta__(
        false,
        unquote(value1),
        unquote(value2),
        unquote(delta),
        unquote(message),
        unquote(code),
        unquote(line)
      )
    end
  end

  defmacro catch_throw(expression) do
    ExUnit.Assertions.__catch__(:throw, expression, __CALLER__)
  end

  defmacro catch_exit(expression) do
    ExUnit.Assertions.__catch__(:exit, expression, __CALLER__)
  end

  defmacro catch_error(expression) do
    ExUnit.Assertions.__catch__(:error, expression, __CALLER__)
  end

  # A call as its line would show it, without parentheses (Elixir quotes
  # the source line for these).
  def __bare_call__(name, args) do
    Atom.to_string(name) <> " " <> Enum.map_join(args, ", ", &Macro.to_string/1)
  end

  def __catch__(kind, expression, caller) do
    code = Macro.to_string({:"catch_#{kind}", [], [expression]})
    line = caller.line
    message = "Expected to catch #{kind}, got nothing"

    quote do
      caught =
        try do
          unquote(expression)
          :ex_unit_nothing_caught
        catch
          unquote(kind), what -> {:ex_unit_caught, what}
        end

      case caught do
        {:ex_unit_caught, what} ->
          what

        _ ->
          ExUnit.Assertions.__fail__([message: unquote(message), expr: unquote(code)], unquote(line))
      end
    end
  end

  def __in_delta__(positive, value1, value2, delta, message, code, line) do
    diff = abs(value1 - value2)
    holds = diff <= delta

    if holds == positive do
      true
    else
      relation = if positive, do: "less than or equal to", else: "more than"

      text =
        message ||
          "Expected the difference between #{inspect(value1)} and #{inspect(value2)} " <>
            "(#{inspect(diff)}) to be #{relation} #{inspect(delta)}"

      __fail__([message: text, expr: code], line)
    end
  end

  defmacro assert_raise(exception, function) do
    code = ExUnit.Assertions.__bare_call__(:assert_raise, [exception, function])
    line = __CALLER__.line

    quote do
      ExUnit.Assertions.__assert_raise__(
        unquote(exception),
        :ex_unit_no_message,
        unquote(function),
        unquote(code),
        unquote(line)
      )
    end
  end

  defmacro assert_raise(exception, message, function) do
    code = ExUnit.Assertions.__bare_call__(:assert_raise, [exception, message, function])
    line = __CALLER__.line

    quote do
      ExUnit.Assertions.__assert_raise__(
        unquote(exception),
        unquote(message),
        unquote(function),
        unquote(code),
        unquote(line)
      )
    end
  end

  def __assert_raise__(exception, message, function, code, line) do
    name = inspect(exception)

    outcome =
      try do
        function.()
        :ex_unit_nothing_raised
      rescue
        error -> {:raised, error, __STACKTRACE__}
      end

    case outcome do
      {:raised, %{__struct__: ^exception} = error, _} ->
        actual = Exception.message(error)

        cond do
          message == :ex_unit_no_message ->
            error

          is_binary(message) and actual == message ->
            error

          is_struct(message, Regex) and actual =~ message ->
            error

          true ->
            text =
              "Wrong message for #{name}\nexpected:\n  #{inspect(message)}\nactual:\n  #{inspect(actual)}"

            __fail__([message: text, expr: code], line)
        end

      {:raised, %{__struct__: ExUnit.AssertionError} = error, stack} ->
        reraise error, stack

      # The report shows where the other exception came from.
      {:raised, error, stack} ->
        text =
          "Expected exception #{name} but got #{inspect(error.__struct__)} (#{Exception.message(error)})"

        reraise ExUnit.AssertionError, [message: text, expr: code], stack

      :ex_unit_nothing_raised ->
        __fail__([message: "Expected exception #{name} but nothing was raised", expr: code], line)
    end
  end

  def flunk(message \\ "Flunked!") do
    raise ExUnit.AssertionError, message: message
  end

  # A call's arguments, bound once to variables so the report's
  # `arguments:` shows what the call was given (as Elixir does, not for
  # operators, special forms or calls on literals only): `{vars, code}`, or
  # no value and the assertion as it is.
  def __call_args__({root, meta, args} = expr) when is_list(args) and args != [] do
    arity = length(args)
    reserved = is_atom(root) and (Macro.special_form?(root, arity) or Macro.operator?(root, arity))
    literals = Enum.all?(args, &Macro.quoted_literal?/1)

    if reserved or literals or (is_atom(root) and root in [:fn, :&, :{}, :%{}, :__block__]) do
      {:ex_unit_no_meaningful_value, expr}
    else
      vars = Enum.map(1..arity, fn i -> Macro.var(String.to_atom("arg#{i}"), ExUnit.Assertions) end)

      call =
        {:__block__, [],
         [
           {:=, [], [{:{}, [], vars}, {:{}, [], args}]},
           {root, meta, vars}
         ]}

      {vars, call}
    end
  end

  def __call_args__(expr), do: {:ex_unit_no_meaningful_value, expr}

  # The pinned variables of a pattern, as quoted `{name, value}` pairs.
  def __pins__(pattern) do
    {_, pins} =
      Macro.prewalk(pattern, [], fn
        {:^, _, [{name, _, ctx} = var]} = node, acc when is_atom(name) and is_atom(ctx) ->
          {node, [{Atom.to_string(name), var} | acc]}

        node, acc ->
          {node, acc}
      end)

    pins |> Enum.reverse() |> Enum.uniq_by(fn {n, _} -> n end)
  end

  def __pinned__(message, []), do: message

  def __pinned__(message, pins) do
    lines = Enum.map(pins, fn {name, value} -> "\n  " <> name <> " = " <> inspect(value) end)
    message <> "\nThe following variables were pinned:" <> Enum.join(lines)
  end

  def __operator__(op, left, right, positive, equality, code, line) do
    message = if positive, do: "Assertion with ", else: "Refute with "
    message = message <> Atom.to_string(op) <> " failed"
    holds = __apply_op__(op, left, right)
    passed = if positive, do: holds, else: not holds

    cond do
      passed ->
        positive

      equality and left === right ->
        __fail__(
          [message: message <> ", both sides are exactly equal", expr: code, left: left],
          line
        )

      true ->
        __fail__([message: message, expr: code, left: left, right: right], line)
    end
  end

  defp __apply_op__(:in, left, right), do: left in right
  defp __apply_op__(:=~, left, right), do: left =~ right
  defp __apply_op__(op, left, right), do: apply(Kernel, op, [left, right]) && true

  # Raises the assertion error. Its trace starts in this module, which the
  # report leaves out, so it shows the test's line of the assertion.
  def __fail__(fields, _line) do
    raise ExUnit.AssertionError, fields
  end
end
