# Kernel functions that take a function argument. Not here: the natives
# (kernel.rs), special forms and macros (the compiler).
defmodule Kernel do
  def then(value, fun), do: fun.(value)

  def tap(value, fun) do
    fun.(value)
    value
  end

  # The nested-data functions over the Access protocol (Access.get/2 is
  # a builtin, the accessor functions live in access.ex).
  def get_in(data, [h]) when is_function(h), do: h.(:get, data, fn x -> x end)
  def get_in(data, [h | t]) when is_function(h), do: h.(:get, data, &get_in(&1, t))
  def get_in(nil, [_]), do: nil
  def get_in(nil, [_ | t]), do: get_in(nil, t)
  def get_in(data, [h]), do: Access.get(data, h)
  def get_in(data, [h | t]), do: get_in(Access.get(data, h), t)

  def put_in(data, [_ | _] = keys, value) do
    elem(get_and_update_in(data, keys, fn _ -> {nil, value} end), 1)
  end

  def update_in(data, [_ | _] = keys, fun) when is_function(fun, 1) do
    elem(get_and_update_in(data, keys, fn x -> {nil, fun.(x)} end), 1)
  end

  def get_and_update_in(data, [h], fun) when is_function(h), do: h.(:get_and_update, data, fun)

  def get_and_update_in(data, [h | t], fun) when is_function(h) do
    h.(:get_and_update, data, &get_and_update_in(&1, t, fun))
  end

  def get_and_update_in(data, [h], fun), do: Access.get_and_update(data, h, fun)

  def get_and_update_in(data, [h | t], fun) do
    Access.get_and_update(data, h, &get_and_update_in(&1, t, fun))
  end

  def pop_in(nil, [key | _]) do
    raise ArgumentError, "could not pop key #{inspect(key)} on a nil value"
  end

  def pop_in(data, [_ | _] = keys), do: pop_in_data(data, keys)

  # A missing step ends the walk: there is nothing to pop below it.
  defp pop_in_data(nil, [_ | _]), do: :pop
  defp pop_in_data(data, [fun]) when is_function(fun), do: fun.(:get_and_update, data, fn _ -> :pop end)
  defp pop_in_data(data, [fun | t]) when is_function(fun), do: fun.(:get_and_update, data, &pop_in_data(&1, t))
  defp pop_in_data(data, [key]), do: Access.pop(data, key)
  defp pop_in_data(data, [key | t]), do: Access.get_and_update(data, key, &pop_in_data(&1, t))
end
