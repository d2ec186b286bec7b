# ExUnit.Case: what `use ExUnit.Case` brings in, and the `test`,
# `describe`, `setup`, `setup_all` macros. Tests become functions of the
# test module named "test ..." and are listed, with their line and tags, by
# the `__ex_unit__/1` function `__before_compile__` defines. Not here:
# running them (ExUnit), the assertions (ExUnit.Assertions).
defmodule ExUnit.Case do
  defmacro __using__(opts) do
    async = Keyword.get(opts, :async, false)

    quote do
      import ExUnit.Case
      import ExUnit.Assertions
      Module.register_attribute(__MODULE__, :ex_unit_tests, accumulate: true)
      Module.register_attribute(__MODULE__, :ex_unit_setup, accumulate: true)
      Module.register_attribute(__MODULE__, :ex_unit_setup_all, accumulate: true)
      Module.register_attribute(__MODULE__, :tag, accumulate: true)
      Module.register_attribute(__MODULE__, :moduletag, accumulate: true)
      Module.register_attribute(__MODULE__, :ex_unit_describetag, accumulate: true)
      @before_compile ExUnit.Case
      ExUnit.__register__(__MODULE__, unquote(async))
    end
  end

  defmacro __before_compile__(_env) do
    quote do
      def __ex_unit__(:tests), do: Enum.reverse(@ex_unit_tests)
      def __ex_unit__(:setup), do: Enum.reverse(@ex_unit_setup)
      def __ex_unit__(:setup_all), do: Enum.reverse(@ex_unit_setup_all)
      def __ex_unit__(:moduletag), do: Enum.reverse(@moduletag)
      def __ex_unit__(:describetag), do: Enum.reverse(@ex_unit_describetag)
    end
  end

  defmacro test(name, do: block) do
    ExUnit.Case.__test__(name, quote(do: _), block, __CALLER__)
  end

  defmacro test(name, context, do: block) do
    ExUnit.Case.__test__(name, context, block, __CALLER__)
  end

  defmacro test(name) do
    block = quote(do: flunk("Not implemented"))
    ExUnit.Case.__test__(name, quote(do: _), block, __CALLER__, [not_implemented: true])
  end

  defmacro describe(message, do: block) do
    items =
      case block do
        {:__block__, _, items} -> items
        item -> [item]
      end

    items = Enum.map(items, fn item -> ExUnit.Case.__in_describe__(item, message) end)
    {:__block__, [], items}
  end

  defmacro setup(block) do
    ExUnit.Case.__setup__(:ex_unit_setup, nil, block, nil, __CALLER__)
  end

  defmacro setup(context, block) do
    ExUnit.Case.__setup__(:ex_unit_setup, nil, block, context, __CALLER__)
  end

  defmacro setup_all(block) do
    ExUnit.Case.__setup__(:ex_unit_setup_all, nil, block, nil, __CALLER__)
  end

  defmacro setup_all(context, block) do
    ExUnit.Case.__setup__(:ex_unit_setup_all, nil, block, context, __CALLER__)
  end

  # A test or setup inside `describe message`: its call gets the group as
  # a hidden first argument (`{:ex_unit_describe, message, ...}`).
  def __in_describe__({:test, meta, [name | rest]}, message) do
    {:test, meta, [{:{}, [], [:ex_unit_describe, message, name]} | rest]}
  end

  def __in_describe__({:setup, meta, [block]}, message) do
    {:ex_unit_describe_setup, meta, [message, block, nil]}
  end

  def __in_describe__({:setup, meta, [context, block]}, message) do
    {:ex_unit_describe_setup, meta, [message, block, context]}
  end

  def __in_describe__({:@, meta, [{:describetag, m, [tags]}]}, message) do
    {:@, meta, [{:ex_unit_describetag, m, [{message, tags}]}]}
  end

  def __in_describe__(item, _message), do: item

  defmacro ex_unit_describe_setup(message, block, context) do
    ExUnit.Case.__setup__(:ex_unit_setup, message, block, context, __CALLER__)
  end

  def __test__(name, context, block, caller, extra \\ []) do
    {describe, name} =
      case name do
        {:{}, _, [:ex_unit_describe, d, n]} -> {d, n}
        n -> {nil, n}
      end

    full = if describe, do: "test " <> describe <> " " <> name, else: "test " <> name
    fname = String.to_atom(full)
    line = caller.line
    file = caller.file

    quote do
      # Every @tag so far (accumulated, newest first): the runner keeps
      # those added since the previous test, as Elixir clears @tag per test.
      @ex_unit_tests {unquote(fname), unquote(describe), unquote(line), unquote(file),
                      unquote(extra), @tag}
      # As Elixir's, the body is followed by `:ok`: its last call is not a
      # tail call, so a failure's trace keeps the test's own entry.
      def unquote(fname)(unquote(context)) do
        unquote(block)
        :ok
      end
    end
  end

  # `@kind value`, quoted.
  def __attr__(kind, value) do
    {:@, [], [{kind, [], [Macro.escape(value)]}]}
  end

  def __setup__(kind, describe, block, context, caller) do
    # Named as Elixir names them (a failure's trace shows the name): by
    # kind, numbered from 0 in the module.
    short = kind |> Atom.to_string() |> String.replace_prefix("ex_unit_", "")
    count = length(Module.get_attribute(caller.module, kind) || [])
    fname = String.to_atom("__ex_unit_#{short}_#{count}")

    case block do
      [do: body] ->
        context = context || quote(do: _)

        quote do
          unquote(ExUnit.Case.__attr__(kind, {describe, fname}))
          def unquote(fname)(unquote(context)), do: unquote(body)
        end

      names ->
        # `setup :name` or a list of names: a function of the module (it may
        # be private) runs them in turn.
        var = Macro.var(:context, ExUnit.Case)

        funs =
          Enum.map(List.wrap(names), fn name ->
            {:fn, [], [{:->, [], [[var], {name, [], [var]}]}]}
          end)

        quote do
          unquote(ExUnit.Case.__attr__(kind, {describe, fname}))

          def unquote(fname)(unquote(var)) do
            ExUnit.__setup_chain__(unquote(var), unquote(funs))
          end
        end
    end
  end
end
