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

  def pop_in(data, keys), do: get_and_update_in(data, keys, fn _ -> :pop end)
end
