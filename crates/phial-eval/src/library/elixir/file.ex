# File's phial half: the bang versions (raising File.Error with Elixir's
# action texts), stat/lstat as %File.Stat{}, open/close over :file's
# handles, and File.Stream (stream!/1,2,3), read one line or chunk at a
# time when enumerated. The File.Stream protocol impls delegate here
# (enumerable.ex, collectable.ex).
# Not here: the functions that touch the file system (file.rs, :file).
defmodule File.Stat do
  defstruct [:size, :type, :access, :atime, :mtime, :ctime, :mode, :links,
             :major_device, :minor_device, :inode, :uid, :gid]

  def from_record({:file_info, size, type, access, atime, mtime, ctime, mode, links, major, minor, inode, uid, gid}) do
    %File.Stat{size: size, type: type, access: access, atime: atime, mtime: mtime, ctime: ctime,
      mode: mode, links: links, major_device: major, minor_device: minor, inode: inode, uid: uid, gid: gid}
  end

  def to_record(%File.Stat{} = s) do
    {:file_info, s.size, s.type, s.access, s.atime, s.mtime, s.ctime, s.mode, s.links,
     s.major_device, s.minor_device, s.inode, s.uid, s.gid}
  end
end

defmodule File.Stream do
  defstruct path: nil, modes: [], line_or_bytes: :line, raw: true, node: nil

  # Enumerable.reduce for a File.Stream: the file is opened when the
  # stream is run, and a missing one raises then, as in Elixir.
  def __reduce__(%File.Stream{path: path, line_or_bytes: unit}, acc, fun) do
    start = fn ->
      case :file.open(path, [:read]) do
        {:ok, device} -> device
        {:error, reason} -> raise File.Error, reason: reason, action: "stream", path: path
      end
    end

    next = fn device ->
      case read_next(device, unit) do
        :eof -> {:halt, device}
        data -> {[data], device}
      end
    end

    Stream.resource(start, next, &:file.close/1).(acc, fun)
  end

  defp read_next(device, :line) do
    case :file.read_line(device) do
      {:ok, line} -> line
      other -> other
    end
  end

  defp read_next(device, n) when is_integer(n) do
    case :file.read(device, n) do
      {:ok, data} -> data
      other -> other
    end
  end

  # Collectable.into for a File.Stream: written as it is collected,
  # from the start of the file unless :append is among the modes.
  def __into__(%File.Stream{path: path, modes: modes} = stream) do
    mode = if :append in modes, do: :append, else: :write

    device =
      case :file.open(path, [mode]) do
        {:ok, device} -> device
        {:error, reason} -> raise File.Error, reason: reason, action: "stream", path: path
      end

    fun = fn
      :ok, {:cont, x} ->
        :file.write(device, x)
        :ok

      :ok, :done ->
        :file.close(device)
        stream

      :ok, :halt ->
        :file.close(device)
        :ok
    end

    {:ok, fun}
  end
end

defmodule File do
  def read!(path) do
    case File.read(path) do
      {:ok, body} -> body
      {:error, reason} -> raise File.Error, reason: reason, action: "read file", path: IO.chardata_to_string(path)
    end
  end

  def write!(path, content, modes \\ []) do
    case File.write(path, content, modes) do
      :ok -> :ok
      {:error, reason} -> raise File.Error, reason: reason, action: "write to file", path: IO.chardata_to_string(path)
    end
  end

  def rm!(path), do: ok!(File.rm(path), "remove file", path)
  def rmdir!(path), do: ok!(File.rmdir(path), "remove directory", path)
  def mkdir!(path), do: ok!(File.mkdir(path), "make directory", path)
  def mkdir_p!(path), do: ok!(File.mkdir_p(path), "make directory (with -p)", path)
  def touch!(path), do: ok!(File.touch(path), "touch", path)
  def cd!(path), do: ok!(File.cd(path), "set current working directory to", path)
  def ln_s!(existing, new), do: ok!(File.ln_s(existing, new), "create symlink", new)
  def ln!(existing, new), do: ok!(File.ln(existing, new), "create hard link", new)
  def chmod!(path, mode), do: ok!(File.chmod(path, mode), "change mode for", path)

  def cd!(path, fun) do
    old = cwd!()
    cd!(path)

    try do
      fun.()
    after
      cd!(old)
    end
  end

  def ls!(path \\ ".") do
    case File.ls(path) do
      {:ok, names} -> names
      {:error, reason} -> raise File.Error, reason: reason, action: "list directory", path: IO.chardata_to_string(path)
    end
  end

  def cwd! do
    case File.cwd() do
      {:ok, dir} -> dir
      {:error, reason} -> raise File.Error, reason: reason, action: "get current working directory"
    end
  end

  def read_link!(path) do
    case File.read_link(path) do
      {:ok, target} -> target
      {:error, reason} -> raise File.Error, reason: reason, action: "read link", path: IO.chardata_to_string(path)
    end
  end

  def rm_rf!(path) do
    case File.rm_rf(path) do
      {:ok, files} -> files
      {:error, reason, _} ->
        raise File.Error, reason: reason, path: IO.chardata_to_string(path), action: "remove files and directories recursively from"
    end
  end

  def cp!(source, destination) do
    case File.cp(source, destination) do
      :ok -> :ok
      {:error, reason} ->
        raise File.CopyError, reason: reason, action: "copy",
          source: IO.chardata_to_string(source), destination: IO.chardata_to_string(destination)
    end
  end

  def copy!(source, destination) do
    case File.copy(source, destination) do
      {:ok, n} -> n
      {:error, reason} ->
        raise File.CopyError, reason: reason, action: "copy",
          source: IO.chardata_to_string(source), destination: IO.chardata_to_string(destination)
    end
  end

  def rename!(source, destination) do
    case File.rename(source, destination) do
      :ok -> :ok
      {:error, reason} ->
        raise File.RenameError, reason: reason, action: "rename",
          source: IO.chardata_to_string(source), destination: IO.chardata_to_string(destination)
    end
  end

  def stat(path, opts \\ []) do
    opts = Keyword.put_new(opts, :time, :universal)

    case :file.read_file_info(IO.chardata_to_string(path), opts) do
      {:ok, info} -> {:ok, File.Stat.from_record(info)}
      error -> error
    end
  end

  def lstat(path, opts \\ []) do
    opts = Keyword.put_new(opts, :time, :universal)

    case :file.read_link_info(IO.chardata_to_string(path), opts) do
      {:ok, info} -> {:ok, File.Stat.from_record(info)}
      error -> error
    end
  end

  def stat!(path, opts \\ []) do
    case stat(path, opts) do
      {:ok, info} -> info
      {:error, reason} -> raise File.Error, reason: reason, action: "read file stats", path: IO.chardata_to_string(path)
    end
  end

  def lstat!(path, opts \\ []) do
    case lstat(path, opts) do
      {:ok, info} -> info
      {:error, reason} -> raise File.Error, reason: reason, action: "read file stats", path: IO.chardata_to_string(path)
    end
  end

  def open(path, modes \\ [])

  def open(path, fun) when is_function(fun, 1), do: open(path, [], fun)

  def open(path, modes) when is_list(modes) do
    :file.open(IO.chardata_to_string(path), modes)
  end

  def open(path, modes, fun) when is_list(modes) and is_function(fun, 1) do
    case open(path, modes) do
      {:ok, device} ->
        try do
          {:ok, fun.(device)}
        after
          close(device)
        end

      error ->
        error
    end
  end

  def open!(path, modes \\ []) do
    case open(path, modes) do
      {:ok, device} -> device
      {:error, reason} -> raise File.Error, reason: reason, action: "open", path: IO.chardata_to_string(path)
    end
  end

  def open!(path, modes, fun) do
    case open(path, modes, fun) do
      {:ok, result} -> result
      {:error, reason} -> raise File.Error, reason: reason, action: "open", path: IO.chardata_to_string(path)
    end
  end

  def close(device), do: :file.close(device)

  def stream!(path, modes \\ [], line_or_bytes \\ :line) do
    %File.Stream{path: IO.chardata_to_string(path), modes: modes, line_or_bytes: line_or_bytes, raw: true, node: node()}
  end

  defp ok!(:ok, _action, _path), do: :ok

  defp ok!({:error, reason}, action, path) do
    raise File.Error, reason: reason, action: action, path: IO.chardata_to_string(path)
  end
end
