# Code's phial half: the compiler options (kept VM-wide in
# :persistent_term; phial reads none of them when compiling, so they are
# only stored and given back, checked as Elixir checks them), the honest
# answers about compiled code phial does not keep, and the
# deprecated names of functions that exist under newer ones.
# Also env_for_eval/1 and eval_quoted_with_env/3 (on Code.eval_quoted).
# Not here: parsing, evaluating, requiring and loading, fetch_docs (code.rs).
defmodule Code do
  @boolean_options [:docs, :debug_info, :ignore_already_consolidated, :ignore_module_conflict,
                    :relative_paths, :warnings_as_errors]
  @list_options [:no_warn_undefined, :tracers, :parser_options]
  @defaults %{docs: true, debug_info: true, ignore_already_consolidated: false,
              ignore_module_conflict: false, relative_paths: true, warnings_as_errors: false,
              no_warn_undefined: [], tracers: [], parser_options: []}

  def format_file!(file, opts \\ []) when is_binary(file) and is_list(opts) do
    [Code.format_string!(File.read!(file), [file: file] ++ opts), ?\n]
  end

  def available_compiler_options, do: @boolean_options ++ @list_options

  def compiler_options, do: :persistent_term.get({Code, :compiler_options}, @defaults)

  def compiler_options(opts) do
    for {key, value} <- opts, into: %{} do
      previous = get_compiler_option(key)
      put_compiler_option(key, value)
      {key, previous}
    end
  end

  def get_compiler_option(key) when key in @boolean_options or key in @list_options do
    Map.fetch!(compiler_options(), key)
  end

  def put_compiler_option(key, value) when key in @boolean_options do
    unless is_boolean(value) do
      raise "compiler option #{inspect(key)} should be a boolean, got: #{inspect(value)}"
    end

    store_option(key, value)
  end

  def put_compiler_option(:no_warn_undefined, value) do
    unless value == :all or is_list(value) do
      raise "compiler option :no_warn_undefined should be a list or the atom :all, got: #{inspect(value)}"
    end

    store_option(:no_warn_undefined, value)
  end

  def put_compiler_option(key, value) when key in @list_options do
    unless is_list(value) do
      raise "compiler option #{inspect(key)} should be a list, got: #{inspect(value)}"
    end

    if key == :parser_options and not Keyword.keyword?(value) do
      raise "compiler option #{inspect(key)} should be a keyword list, got: #{inspect(value)}"
    end

    if key == :tracers and not Enum.all?(value, &is_atom/1) do
      raise "compiler option #{inspect(key)} should be a list of modules, got: #{inspect(value)}"
    end

    store_option(key, value)
  end

  def put_compiler_option(key, _value) do
    raise "unknown compiler option: #{inspect(key)}"
  end

  defp store_option(key, value) do
    :persistent_term.put({Code, :compiler_options}, Map.put(compiler_options(), key, value))
    :ok
  end

  def get_docs(_module, _kind), do: nil

  # Phial compiles no temporary modules, so there are none to purge.
  def purge_compiler_modules, do: {:ok, 0}

  # Only true inside Kernel.ParallelCompiler, which phial does not have.
  def can_await_module_compilation?, do: false

  def ensure_compiled?(module) when is_atom(module), do: match?({:module, ^module}, Code.ensure_compiled(module))

  def ensure_compiled!(module) when is_atom(module) do
    case Code.ensure_compiled(module) do
      {:module, module} -> module
      {:error, reason} -> raise ArgumentError, "could not load module #{inspect(module)} due to reason #{inspect(reason)}"
    end
  end

  def loaded_files, do: Code.required_files()

  def unload_files(files), do: Code.unrequire_files(files)

  # An environment for eval_quoted_with_env/3: the given one without its
  # compile-time tracking, or one built from options as Elixir's
  # top-level evaluation starts.
  def env_for_eval(%{__struct__: Macro.Env} = env), do: %{env | lexical_tracker: nil, tracers: []}

  def env_for_eval(opts) when is_list(opts) do
    base = %{
      __struct__: Macro.Env, aliases: [], context: nil, context_modules: [], file: "nofile",
      function: nil, functions: [], lexical_tracker: nil, line: 1, macro_aliases: [], macros: [],
      module: nil, requires: [Application, Kernel, Kernel.Typespec], tracers: [], versioned_vars: %{}
    }

    Map.merge(base, Map.new(Keyword.take(opts, [:file, :line, :module, :function, :aliases, :requires, :functions, :macros])))
  end

  # Evaluates as Code.eval_quoted/3 at the env's file and line; the env
  # returned knows the variables bound so far (the env's aliases and
  # imports are not applied: phial's eval_quoted starts from the defaults).
  def eval_quoted_with_env(quoted, binding, %{__struct__: Macro.Env} = env) when is_list(binding) do
    {value, binding} = Code.eval_quoted(quoted, binding, file: env.file, line: env.line)

    vars =
      binding
      |> :lists.reverse()
      |> Enum.reduce(env.versioned_vars, fn
        {name, _}, vars when is_atom(name) -> Map.put_new(vars, {name, nil}, map_size(vars))
        _, vars -> vars
      end)

    {value, binding, %{env | versioned_vars: vars}}
  end
end
