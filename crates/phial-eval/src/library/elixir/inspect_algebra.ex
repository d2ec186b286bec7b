# Inspect.Algebra: documents in Elixir's representation, for a program's
# own Inspect implementations. Not here: laying a document out (the
# :phial natives to_doc/doc_to_string, over pretty.rs).
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
