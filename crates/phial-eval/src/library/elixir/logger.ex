# Logger: the logging macros (`debug` ... `emergency`, `warn`, `log`),
# process metadata and levels, and the VM-wide configuration (primary and
# module levels, the console backend's format, metadata keys, level and
# device), kept in `:persistent_term` so that every process and the VM's
# own Rust code see one configuration (see `internal/phial_logger.rs` for
# the keys). Events are written by the calling process as soon as they
# pass, so they interleave with `IO.puts` as Elixir's output does after
# `Logger.flush/0`. Not here: backends other than the console (only
# `:console` can be added, removed or configured), translators (accepted,
# never called), compile-time purging.
defmodule Logger do
  @levels [:emergency, :alert, :critical, :error, :warning, :notice, :info, :debug]
  @metadata_key :"$logger_metadata$"
  @process_level_key :logger_level
  @valid_options [
    :compile_time_application,
    :compile_time_purge_level,
    :compile_time_purge_matching,
    :sync_threshold,
    :truncate,
    :level,
    :utc_log,
    :discard_threshold,
    :translator_inspect_opts
  ]

  # The macros: the message (and its metadata) is evaluated only when the
  # level lets the event through.
  defmacro emergency(message_or_fun), do: macro_log(:emergency, message_or_fun, [], __CALLER__)
  defmacro emergency(message_or_fun, metadata), do: macro_log(:emergency, message_or_fun, metadata, __CALLER__)
  defmacro alert(message_or_fun), do: macro_log(:alert, message_or_fun, [], __CALLER__)
  defmacro alert(message_or_fun, metadata), do: macro_log(:alert, message_or_fun, metadata, __CALLER__)
  defmacro critical(message_or_fun), do: macro_log(:critical, message_or_fun, [], __CALLER__)
  defmacro critical(message_or_fun, metadata), do: macro_log(:critical, message_or_fun, metadata, __CALLER__)
  defmacro error(message_or_fun), do: macro_log(:error, message_or_fun, [], __CALLER__)
  defmacro error(message_or_fun, metadata), do: macro_log(:error, message_or_fun, metadata, __CALLER__)
  defmacro warning(message_or_fun), do: macro_log(:warning, message_or_fun, [], __CALLER__)
  defmacro warning(message_or_fun, metadata), do: macro_log(:warning, message_or_fun, metadata, __CALLER__)
  defmacro warn(message_or_fun), do: macro_log(:warning, message_or_fun, [], __CALLER__)
  defmacro warn(message_or_fun, metadata), do: macro_log(:warning, message_or_fun, metadata, __CALLER__)
  defmacro notice(message_or_fun), do: macro_log(:notice, message_or_fun, [], __CALLER__)
  defmacro notice(message_or_fun, metadata), do: macro_log(:notice, message_or_fun, metadata, __CALLER__)
  defmacro info(message_or_fun), do: macro_log(:info, message_or_fun, [], __CALLER__)
  defmacro info(message_or_fun, metadata), do: macro_log(:info, message_or_fun, metadata, __CALLER__)
  defmacro debug(message_or_fun), do: macro_log(:debug, message_or_fun, [], __CALLER__)
  defmacro debug(message_or_fun, metadata), do: macro_log(:debug, message_or_fun, metadata, __CALLER__)
  defmacro log(level, message_or_fun), do: macro_log(level, message_or_fun, [], __CALLER__)
  defmacro log(level, message_or_fun, metadata), do: macro_log(level, message_or_fun, metadata, __CALLER__)

  defp macro_log(level, data, metadata, caller) do
    location =
      case caller do
        %{module: module, function: {fun, arity}, file: file, line: line} when module != nil ->
          %{mfa: {module, fun, arity}, file: String.to_charlist(Path.expand(file)), line: line}

        _ ->
          %{}
      end

    quoted_metadata =
      if Keyword.keyword?(metadata) do
        {:%{}, [], metadata}
      else
        quote do
          Enum.into(unquote(metadata), %{})
        end
      end

    quote do
      case Logger.__should_log__(unquote(level), __MODULE__) do
        nil ->
          :ok

        level ->
          Logger.__do_log__(
            level,
            unquote(data),
            unquote(Macro.escape(location)),
            unquote(quoted_metadata)
          )
      end
    end
  end

  # Metadata of the calling process.

  def metadata(keyword) do
    case Process.get(@metadata_key) do
      nil ->
        reset_metadata(keyword)

      map when is_map(map) ->
        metadata =
          Enum.reduce(keyword, map, fn
            {k, nil}, acc -> Map.delete(acc, k)
            {k, v}, acc -> Map.put(acc, k, v)
          end)

        Process.put(@metadata_key, metadata)
        :ok
    end
  end

  def metadata() do
    case Process.get(@metadata_key) do
      nil -> []
      map when is_map(map) -> Map.to_list(map)
    end
  end

  def reset_metadata(keyword \\ []) do
    Process.put(@metadata_key, for({_k, v} = elem <- keyword, v != nil, into: %{}, do: elem))
    :ok
  end

  # Levels: the process's, the modules', the primary one.

  def enable(pid) when pid == self(), do: delete_process_level(pid)
  def disable(pid) when pid == self(), do: put_process_level(pid, :none)
  def enabled?(pid) when pid == self(), do: get_process_level(pid) != :none

  def put_process_level(pid, level) when pid == self() do
    Process.put(@process_level_key, erlang_level(level))
    :ok
  end

  def get_process_level(pid) when pid == self(), do: Process.get(@process_level_key, nil)

  def delete_process_level(pid) when pid == self() do
    Process.delete(@process_level_key)
    :ok
  end

  def level(), do: :persistent_term.get({Logger, :level}, :debug)

  def compare_levels(left, right) do
    :phial_logger.compare_levels(erlang_level(left), erlang_level(right))
  end

  def configure(options) do
    options = Keyword.take(options, @valid_options)

    Enum.each(options, fn
      {:level, level} ->
        level = erlang_level(level)

        # As `:logger.set_primary_config/2`: an unknown level is refused
        # (and the refusal ignored).
        if :phial_logger.valid_level?(level) do
          :persistent_term.put({Logger, :level}, level)
        end

      {:utc_log, utc?} ->
        :persistent_term.put({Logger, :utc_log}, utc? == true)

      {:truncate, n} ->
        :persistent_term.put({Logger, :truncate}, n)

      {:translator_inspect_opts, opts} ->
        :persistent_term.put({Logger, :translator_inspect_opts}, opts)

      _ ->
        :ok
    end)

    :ok
  end

  def flush(), do: :ok

  def put_module_level(mod, level) when is_atom(mod), do: put_module_level([mod], level)

  # `:logger.set_module_level/2` itself: `:warn` is not translated.
  def put_module_level(mods, level) when is_list(mods) do
    if :phial_logger.valid_level?(level) do
      levels = Enum.reduce(mods, module_levels(), &Map.put(&2, &1, level))
      :persistent_term.put({Logger, :module_levels}, levels)
      :ok
    else
      {:error, {:invalid_level, level}}
    end
  end

  def get_module_level(mod) when is_atom(mod), do: get_module_level([mod])

  def get_module_level(mods) when is_list(mods) do
    for {m, _} = entry <- Enum.sort(module_levels()), m in mods, do: entry
  end

  def delete_module_level(mod) when is_atom(mod), do: delete_module_level([mod])

  def delete_module_level(mods) when is_list(mods) do
    :persistent_term.put({Logger, :module_levels}, Map.drop(module_levels(), mods))
    :ok
  end

  def delete_all_module_levels() do
    :persistent_term.erase({Logger, :module_levels})
    :ok
  end

  # phial has no applications: none of them is ever loaded.
  def put_application_level(appname, _level) when is_atom(appname),
    do: {:error, {:not_loaded, appname}}

  def delete_application_level(appname) when is_atom(appname),
    do: {:error, {:not_loaded, appname}}

  defp module_levels(), do: :persistent_term.get({Logger, :module_levels}, %{})

  # Backends: only the console exists.

  def add_backend(backend, opts \\ []) do
    _ = if opts[:flush], do: flush()

    if console?(backend) do
      console = console()

      if console.enabled do
        {:error, :already_present}
      else
        :persistent_term.put({Logger, :console}, %{console | enabled: true})
        {:ok, self()}
      end
    else
      {:error, {{:EXIT, {:undef, [{backend, :init, [backend], []}]}}, backend}}
    end
  end

  def remove_backend(backend, opts \\ []) do
    _ = if opts[:flush], do: flush()
    console = console()

    if console?(backend) and console.enabled do
      :persistent_term.put({Logger, :console}, %{console | enabled: false})
      :ok
    else
      {:error, :not_found}
    end
  end

  def add_translator({mod, fun} = translator) when is_atom(mod) and is_atom(fun) do
    translators = :persistent_term.get({Logger, :translators}, [])
    :persistent_term.put({Logger, :translators}, [translator | List.delete(translators, translator)])
    :ok
  end

  def remove_translator({mod, fun} = translator) when is_atom(mod) and is_atom(fun) do
    translators = :persistent_term.get({Logger, :translators}, [])
    :persistent_term.put({Logger, :translators}, List.delete(translators, translator))
    :ok
  end

  def configure_backend(backend, options) when is_list(options) do
    if console?(backend) and console().enabled do
      console = console()
      config = Keyword.merge(console.options, options, fn
        :colors, v1, v2 -> Keyword.merge(v1, v2)
        _, _v1, v2 -> v2
      end)

      try do
        format =
          case Keyword.get(config, :format) do
            {mod, fun} when is_atom(mod) and is_atom(fun) -> {mod, fun}
            nil -> :phial_logger.compile_format("\n$time $metadata[$level] $message\n")
            text -> :phial_logger.compile_format(text)
          end

        metadata =
          case Keyword.get(config, :metadata, []) do
            :all -> :all
            keys -> keys
          end

        :persistent_term.put({Logger, :console}, %{
          console
          | options: config,
            format: format,
            metadata: metadata,
            level: Keyword.get(config, :level),
            device: Keyword.get(config, :device, :user)
        })

        :ok
      rescue
        e ->
          # Elixir's console handler crashes on a bad format and is removed.
          IO.puts(:stderr, ":gen_event handler Logger.Backends.Console installed in Logger terminating")
          IO.puts(:stderr, "** (exit) an exception was raised:\n    " <> Exception.format(:error, e, []))
          :persistent_term.put({Logger, :console}, %{console | enabled: false})
          {:error, {:EXIT, {e, []}}}
      end
    else
      {:error, :bad_module}
    end
  end

  defp console?(backend), do: backend in [:console, Logger.Backends.Console]

  defp console() do
    :persistent_term.get({Logger, :console}, %{
      options: [],
      format: :phial_logger.compile_format("\n$time $metadata[$level] $message\n"),
      metadata: [],
      level: nil,
      device: :user,
      enabled: true
    })
  end

  # Logging.

  def bare_log(level, message_or_fun, metadata \\ []) do
    case __should_log__(level, nil) do
      nil -> :ok
      level -> __do_log__(level, message_or_fun, %{}, Map.new(metadata))
    end
  end

  def __should_log__(level, module) do
    level = erlang_level(level)

    if :phial_logger.allow(level, module) do
      level
    end
  end

  def __do_log__(level, fun, location, metadata)
      when is_function(fun, 0) and is_map(location) and is_map(metadata) do
    case fun.() do
      {msg, meta} -> __do_log__(level, msg, location, Enum.into(meta, metadata))
      msg -> __do_log__(level, msg, location, metadata)
    end
  end

  def __do_log__(level, msg, location, metadata)
      when level in @levels and is_map(location) and is_map(metadata) do
    if is_binary(msg) or is_list(msg) or is_map(msg) do
      emit(level, msg, location, metadata)
    else
      IO.warn(
        "passing #{inspect(msg)} to Logger is deprecated, expected a map, a keyword list, " <>
          "a string, a list of strings, or a zero-arity anonymous function"
      )

      emit(level, to_string(msg), location, metadata)
    end
  end

  # Erlang's logger after the macro: the process level (a primary filter,
  # so it applies after a lazy message was built), the metadata merged
  # (location, then the process's, then the call's), the report turned
  # into text, then the console.
  defp emit(level, msg, location, metadata) do
    process_level = Process.get(@process_level_key)

    if process_level != nil and :phial_logger.compare_levels(level, process_level) == :lt do
      :ok
    else
      metadata =
        case metadata do
          %{domain: domain} when is_list(domain) -> %{metadata | domain: [:elixir | domain]}
          _ -> Map.put(metadata, :domain, [:elixir])
        end

      process_metadata = Process.get(@metadata_key) || %{}
      meta = location |> Map.merge(process_metadata) |> Map.merge(metadata)
      meta = Map.merge(%{pid: self()}, meta)

      meta =
        case meta do
          %{mfa: {mod, fun, arity}} ->
            Map.merge(%{module: mod, function: "#{fun}/#{arity}"}, meta)

          _ ->
            meta
        end

      meta =
        case meta do
          %{file: file} when is_list(file) -> %{meta | file: List.to_string(file)}
          _ -> meta
        end

      message = message_text(msg)
      console = console()

      case console do
        %{enabled: true, format: {mod, fun}} ->
          md = [erl_level: level] ++ Map.to_list(meta)
          md = if console.metadata == :all, do: md, else: take_metadata(md, console.metadata)
          out = apply(mod, fun, [level, message, :phial_logger.timestamp(), md])
          :phial_logger.write(level, out)

        _ ->
          pairs =
            for {k, v} <- [erl_level: level] ++ Map.to_list(meta),
                text = format_metadata(k, v),
                do: {k, text}

          :phial_logger.emit(level, message, pairs)
      end
    end

    :ok
  end

  defp take_metadata(md, keys) do
    for k <- keys, Keyword.has_key?(md, k), do: {k, Keyword.get(md, k)}
  end

  defp message_text(msg) when is_map(msg), do: inspect(Map.to_list(msg), translator_opts())
  defp message_text([h | _] = msg) when is_tuple(h), do: inspect(msg, translator_opts())
  defp message_text(msg), do: msg

  defp translator_opts(), do: :persistent_term.get({Logger, :translator_inspect_opts}, [])

  # `Logger.Formatter`'s text for a metadata value; nil leaves it out.
  defp format_metadata(:time, _), do: nil
  defp format_metadata(:gl, _), do: nil
  defp format_metadata(:report_cb, _), do: nil
  defp format_metadata(_, nil), do: nil
  defp format_metadata(_, string) when is_binary(string), do: string
  defp format_metadata(_, integer) when is_integer(integer), do: Integer.to_string(integer)
  defp format_metadata(_, float) when is_float(float), do: Float.to_string(float)
  defp format_metadata(_, pid) when is_pid(pid), do: String.replace_prefix(inspect(pid), "#PID", "")

  defp format_metadata(_, atom) when is_atom(atom) do
    case Atom.to_string(atom) do
      "Elixir." <> rest -> rest
      "nil" -> ""
      binary -> binary
    end
  end

  defp format_metadata(_, ref) when is_reference(ref),
    do: String.replace_prefix(inspect(ref), "#Reference", "")

  defp format_metadata(:file, file) when is_list(file), do: file

  defp format_metadata(:domain, [head | tail]) when is_atom(head) do
    Enum.map_intersperse([head | tail], ?., &Atom.to_string/1)
  end

  defp format_metadata(key, {mod, fun, arity})
       when key in [:mfa, :initial_call] and is_atom(mod) and is_atom(fun) and is_integer(arity) do
    "#{inspect(mod)}.#{fun}/#{arity}"
  end

  defp format_metadata(_, list) when is_list(list), do: nil

  defp format_metadata(_, other) do
    case String.Chars.impl_for(other) do
      nil -> nil
      impl -> impl.to_string(other)
    end
  end

  defp erlang_level(:warn), do: :warning
  defp erlang_level(other), do: other
end
