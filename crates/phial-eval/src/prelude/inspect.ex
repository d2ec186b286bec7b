# Inspect as a real protocol, Inspect.Opts and Inspect.Algebra, so a
# program's structs can print themselves. The printer (a native) handles
# every built-in type itself and hands a struct with its own
# implementation to :phial_inspect.render/1.

defmodule Inspect.Opts do
  defstruct base: :decimal,
            binaries: :infer,
            char_lists: :infer,
            charlists: :infer,
            custom_options: [],
            inspect_fun: nil,
            limit: 50,
            pretty: false,
            printable_limit: 4096,
            safe: true,
            structs: true,
            syntax_colors: [],
            width: 80
end

defprotocol Inspect do
  @fallback_to_any true
  def inspect(term, opts)
end

defimpl Inspect, for: [Integer, Float, Atom, BitString, List, Tuple, Map, Function, PID, Reference, Any] do
  def inspect(term, opts), do: :phial.to_doc(term, opts)
end

defmodule Inspect.Algebra do
  def empty, do: :doc_nil
  def string(s) when is_binary(s), do: {:doc_string, s, String.length(s)}
  def concat(docs) when is_list(docs), do: fold_doc(docs, &concat(&1, &2))
  def concat(left, right), do: {:doc_cons, left, right}
  def nest(doc, level), do: nest(doc, level, :always)
  def nest(doc, 0, _mode), do: doc
  def nest(doc, level, mode), do: {:doc_nest, doc, level, mode}
  def break(string \\ " "), do: {:doc_break, string, :strict}
  def flex_break(string \\ " "), do: {:doc_break, string, :flex}
  def glue(left, string \\ " ", right), do: concat(left, concat(break(string), right))
  def flex_glue(left, string \\ " ", right), do: concat(left, concat(flex_break(string), right))
  def group(doc, mode \\ :self), do: {:doc_group, doc, mode}
  def line, do: :doc_line
  def line(left, right), do: concat(left, concat(:doc_line, right))
  def space(left, right), do: concat(left, concat(" ", right))
  def color(doc, _key, _opts), do: doc
  def force_unfit(doc), do: {:doc_force, doc}
  def next_break_fits(doc, mode \\ :enabled), do: {:doc_fits, doc, mode}
  def collapse_lines(max), do: {:doc_collapse, max}
  def to_doc(term, opts), do: :phial.to_doc(term, opts)

  def format(doc, width), do: :phial.doc_to_string(doc, width)

  def fold_doc([], _fun), do: :doc_nil
  def fold_doc([doc], _fun), do: doc
  def fold_doc([doc | docs], fun), do: fun.(doc, fold_doc(docs, fun))

  def container_doc(left, collection, right, opts, fun, options \\ []) do
    separator = Keyword.get(options, :separator, ",")

    case collection do
      [] ->
        concat(left, right)

      _ ->
        docs = Enum.map(collection, fn item -> fun.(item, opts) end)
        joined = fold_doc(docs, fn doc, acc -> concat(doc, concat(separator <> " ", acc)) end)
        group(concat(left, concat(nest(joined, 1), right)))
    end
  end
end

defmodule :phial_inspect do
  def render(term) do
    doc = Inspect.inspect(term, %Inspect.Opts{})
    :phial.doc_to_string(doc, :infinity)
  end
end
