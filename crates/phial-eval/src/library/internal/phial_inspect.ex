# Internal (:phial_inspect): how the printer asks a struct's own Inspect
# implementation for its text. Not for programs.
defmodule :phial_inspect do
  def render(term) do
    doc = Inspect.inspect(term, %Inspect.Opts{})
    :phial.doc_to_string(doc, :infinity)
  end
end
