# The Enumerable protocol (Enum, for) and its built-in implementations,
# for a program's own types to implement and for direct calls such as
# Enumerable.reduce(list, ...). The natives handle the built-in types
# directly and dispatch here for anything else.
defprotocol Enumerable do
  def count(enumerable)
  def member?(enumerable, element)
  def reduce(enumerable, acc, fun)
  def slice(enumerable)
end

defimpl Enumerable, for: List do
  def count(list), do: {:ok, length(list)}
  def member?(list, element), do: {:ok, Enum.member?(list, element)}
  def slice(_list), do: {:error, __MODULE__}

  def reduce(_list, {:halt, acc}, _fun), do: {:halted, acc}
  def reduce(list, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(list, &1, fun)}
  def reduce([], {:cont, acc}, _fun), do: {:done, acc}
  def reduce([h | t], {:cont, acc}, fun), do: reduce(t, fun.(h, acc), fun)
end

defimpl Enumerable, for: Map do
  def count(map), do: {:ok, map_size(map)}

  def member?(map, {key, value}) do
    case map do
      %{^key => ^value} -> {:ok, true}
      _ -> {:ok, false}
    end
  end

  def member?(_map, _other), do: {:ok, false}
  def slice(_map), do: {:error, __MODULE__}
  def reduce(map, acc, fun), do: Enumerable.List.reduce(Map.to_list(map), acc, fun)
end

defimpl Enumerable, for: Function do
  def count(_function), do: {:error, __MODULE__}
  def member?(_function, _value), do: {:error, __MODULE__}
  def slice(_function), do: {:error, __MODULE__}
  def reduce(function, acc, fun) when is_function(function, 2), do: function.(acc, fun)
end

defimpl Enumerable, for: Range do
  def count(range), do: {:ok, Enum.count(range)}
  def member?(range, value), do: {:ok, Enum.member?(range, value)}
  def slice(_range), do: {:error, __MODULE__}

  def reduce(first..last//step, acc, fun), do: reduce(first, last, step, acc, fun)

  defp reduce(_first, _last, _step, {:halt, acc}, _fun), do: {:halted, acc}

  defp reduce(first, last, step, {:suspend, acc}, fun) do
    {:suspended, acc, &reduce(first, last, step, &1, fun)}
  end

  defp reduce(first, last, step, {:cont, acc}, fun)
       when (step > 0 and first <= last) or (step < 0 and first >= last) do
    reduce(first + step, last, step, fun.(first, acc), fun)
  end

  defp reduce(_first, _last, _step, {:cont, acc}, _fun), do: {:done, acc}
end

defimpl Enumerable, for: MapSet do
  def count(set), do: {:ok, MapSet.size(set)}
  def member?(set, x), do: {:ok, MapSet.member?(set, x)}
  def slice(_set), do: {:error, __MODULE__}
  def reduce(set, acc, fun), do: Enumerable.List.reduce(MapSet.to_list(set), acc, fun)
end

# Elixir 1.14's, over the range's iso days. The structs are spelled as
# maps so that loading this unit does not load the calendar units.
defimpl Enumerable, for: Date.Range do
  def member?(
        %{
          __struct__: Date.Range,
          first: %{calendar: calendar},
          first_in_iso_days: first_days,
          last_in_iso_days: last_days,
          step: step
        } = range,
        %{__struct__: Date, calendar: calendar} = date
      ) do
    {days, _} = Date.to_iso_days(date)

    cond do
      empty?(range) ->
        {:ok, false}

      first_days <= last_days ->
        {:ok, first_days <= days and days <= last_days and rem(days - first_days, step) == 0}

      true ->
        {:ok, last_days <= days and days <= first_days and rem(days - first_days, step) == 0}
    end
  end

  def member?(%{__struct__: Date.Range, step: _}, _), do: {:ok, false}

  def member?(
        %{__struct__: Date.Range, first_in_iso_days: first_days, last_in_iso_days: last_days} =
          date_range,
        date
      ) do
    step = if first_days <= last_days, do: 1, else: -1
    member?(Map.put(date_range, :step, step), date)
  end

  def count(range), do: {:ok, size(range)}

  def slice(
        %{
          __struct__: Date.Range,
          first_in_iso_days: first,
          first: %{calendar: calendar},
          step: step
        } = range
      ) do
    {:ok, size(range), &slice(first + &1 * step, step + &3 - 1, &2, calendar)}
  end

  def slice(
        %{__struct__: Date.Range, first_in_iso_days: first_days, last_in_iso_days: last_days} =
          date_range
      ) do
    step = if first_days <= last_days, do: 1, else: -1
    slice(Map.put(date_range, :step, step))
  end

  defp slice(current, _step, 1, calendar), do: [date_from_iso_days(current, calendar)]

  defp slice(current, step, remaining, calendar) do
    [
      date_from_iso_days(current, calendar)
      | slice(current + step, step, remaining - 1, calendar)
    ]
  end

  def reduce(
        %{
          __struct__: Date.Range,
          first_in_iso_days: first_days,
          last_in_iso_days: last_days,
          first: %{calendar: calendar},
          step: step
        },
        acc,
        fun
      ) do
    reduce(first_days, last_days, acc, fun, step, calendar)
  end

  def reduce(
        %{__struct__: Date.Range, first_in_iso_days: first_days, last_in_iso_days: last_days} =
          date_range,
        acc,
        fun
      ) do
    step = if first_days <= last_days, do: 1, else: -1
    reduce(Map.put(date_range, :step, step), acc, fun)
  end

  defp reduce(_first_days, _last_days, {:halt, acc}, _fun, _step, _calendar),
    do: {:halted, acc}

  defp reduce(first_days, last_days, {:suspend, acc}, fun, step, calendar) do
    {:suspended, acc, &reduce(first_days, last_days, &1, fun, step, calendar)}
  end

  defp reduce(first_days, last_days, {:cont, acc}, fun, step, calendar)
       when (step > 0 and first_days <= last_days) or (step < 0 and first_days >= last_days) do
    reduce(
      first_days + step,
      last_days,
      fun.(date_from_iso_days(first_days, calendar), acc),
      fun,
      step,
      calendar
    )
  end

  defp reduce(_, _, {:cont, acc}, _fun, _step, _calendar), do: {:done, acc}

  defp date_from_iso_days(days, Calendar.ISO) do
    {year, month, day} = Calendar.ISO.date_from_iso_days(days)
    %{__struct__: Date, year: year, month: month, day: day, calendar: Calendar.ISO}
  end

  defp date_from_iso_days(days, calendar) do
    {year, month, day, _, _, _, _} =
      calendar.naive_datetime_from_iso_days({days, {0, 86_400_000_000}})

    %{__struct__: Date, year: year, month: month, day: day, calendar: calendar}
  end

  defp size(%{__struct__: Date.Range, first_in_iso_days: first_days, last_in_iso_days: last_days, step: step})
       when step > 0 and first_days > last_days,
       do: 0

  defp size(%{__struct__: Date.Range, first_in_iso_days: first_days, last_in_iso_days: last_days, step: step})
       when step < 0 and first_days < last_days,
       do: 0

  defp size(%{__struct__: Date.Range, first_in_iso_days: first_days, last_in_iso_days: last_days, step: step}),
    do: abs(div(last_days - first_days, step)) + 1

  defp size(
         %{__struct__: Date.Range, first_in_iso_days: first_days, last_in_iso_days: last_days} =
           date_range
       ) do
    step = if first_days <= last_days, do: 1, else: -1
    size(Map.put(date_range, :step, step))
  end

  defp empty?(%{__struct__: Date.Range, first_in_iso_days: first_days, last_in_iso_days: last_days, step: step})
       when step > 0 and first_days > last_days,
       do: true

  defp empty?(%{__struct__: Date.Range, first_in_iso_days: first_days, last_in_iso_days: last_days, step: step})
       when step < 0 and first_days < last_days,
       do: true

  defp empty?(%{__struct__: Date.Range, step: _}), do: false

  defp empty?(
         %{__struct__: Date.Range, first_in_iso_days: first_days, last_in_iso_days: last_days} =
           date_range
       ) do
    step = if first_days <= last_days, do: 1, else: -1
    empty?(Map.put(date_range, :step, step))
  end
end

defimpl Enumerable, for: File.Stream do
  def count(_stream), do: {:error, __MODULE__}
  def member?(_stream, _x), do: {:error, __MODULE__}
  def slice(_stream), do: {:error, __MODULE__}
  def reduce(stream, acc, fun), do: File.Stream.__reduce__(stream, acc, fun)
end
