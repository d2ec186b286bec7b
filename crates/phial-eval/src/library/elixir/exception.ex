# Exception's phial half: normalize/2,3, which turns a caught Erlang error
# into the exception `rescue` would give (the rescue does the converting).
# Not here: message/format (exception.rs).
defmodule Exception do
  def normalize(kind, payload, stacktrace \\ [])

  def normalize(:error, payload, _stacktrace) do
    if is_exception(payload) do
      payload
    else
      try do
        :erlang.error(payload)
      rescue
        e -> e
      end
    end
  end

  def normalize(_kind, payload, _stacktrace), do: payload
end
