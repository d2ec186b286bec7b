# File's phial half: the bang versions (raising File.Error with Elixir's
# action texts), stat/lstat as %File.Stat{}, open/close over :file's
# handles, and File.Stream (stream!/1,2,3), read one line or chunk at a
# time when enumerated. The File.Stream protocol impls delegate here
# (enumerable.ex, collectable.ex). Also copying (cp, cp_r, copy: cp and
# cp_r call the caller's on_conflict function), touch, write_stat, chown
# and chgrp, on :file's natives.
# Not here: the other functions that touch the file system (file.rs).
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
  @moduledoc """
  Files and directories: reading and writing whole files, streaming
  them, copying, moving, removing, and their metadata (`stat/2`). Most
  functions give `:ok` or `{:ok, value}`, and `{:error, reason}` with a
  POSIX reason atom; the `!` versions give the value or raise
  `File.Error`. Paths are relative to the current directory.

      iex> File.exists?("/no/such/file")
      false
  """

  @doc """
  Like `read/1`, giving the contents or raising `File.Error`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.read!(path)
      "hi"
  """
  def read!(path) do
    case File.read(path) do
      {:ok, body} -> body
      {:error, reason} -> raise File.Error, reason: reason, action: "read file", path: IO.chardata_to_string(path)
    end
  end

  @doc """
  Like `write/3`, giving `:ok` or raising `File.Error`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      :ok
  """
  def write!(path, content, modes \\ []) do
    case File.write(path, content, modes) do
      :ok -> :ok
      {:error, reason} -> raise File.Error, reason: reason, action: "write to file", path: IO.chardata_to_string(path)
    end
  end

  @doc """
  Like `rm/1`, raising `File.Error` on failure.

      iex> copy = Path.join(System.tmp_dir!(), "phial_doc_copy.txt")
      iex> File.write!(copy, "x")
      iex> File.rm!(copy)
      :ok
  """
  def rm!(path), do: ok!(File.rm(path), "remove file", path)
  @doc """
  Like `rmdir/1`, raising `File.Error` on failure.

      iex> dir = Path.join(System.tmp_dir!(), "phial_doc_dir")
      iex> File.rm_rf!(dir)
      iex> File.mkdir_p!(dir)
      iex> File.rmdir!(dir)
      :ok
  """
  def rmdir!(path), do: ok!(File.rmdir(path), "remove directory", path)
  @doc """
  Like `mkdir/1`, raising `File.Error` on failure.

      iex> dir = Path.join(System.tmp_dir!(), "phial_doc_dir")
      iex> File.rm_rf!(dir)
      iex> File.mkdir!(dir)
      :ok
  """
  def mkdir!(path), do: ok!(File.mkdir(path), "make directory", path)
  @doc """
  Like `mkdir_p/1`, raising `File.Error` on failure.

      iex> dir = Path.join(System.tmp_dir!(), "phial_doc_dir")
      iex> File.mkdir_p!(dir)
      :ok
  """
  def mkdir_p!(path), do: ok!(File.mkdir_p(path), "make directory (with -p)", path)
  @doc """
  Like `cd/1`, raising `File.Error` on failure.

      iex> File.cd!(".")
      :ok
  """
  def cd!(path), do: ok!(File.cd(path), "set current working directory to", path)
  @doc """
  Like `ln_s/2`, raising on failure.

      iex> link = Path.join(System.tmp_dir!(), "phial_doc_link")
      iex> File.rm(link)
      iex> File.ln_s!("phial_doc.txt", link)
      :ok
  """
  def ln_s!(existing, new), do: ok!(File.ln_s(existing, new), "create symlink", new)
  @doc """
  Like `ln/2`, raising on failure.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> link = Path.join(System.tmp_dir!(), "phial_doc_link")
      iex> File.rm(link)
      iex> File.ln!(path, link)
      :ok
  """
  def ln!(existing, new), do: ok!(File.ln(existing, new), "create hard link", new)
  @doc """
  Like `chmod/2`, raising `File.Error` on failure.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.chmod!(path, 0o600)
      :ok
  """
  def chmod!(path, mode), do: ok!(File.chmod(path, mode), "change mode for", path)

  @doc """
  Runs `fun` with `path` as the current directory, and changes back
  afterwards (also when it raises); gives what `fun` gives.

      iex> File.cd!(System.tmp_dir!(), fn -> :inside end)
      :inside
  """
  def cd!(path, fun) do
    old = cwd!()
    cd!(path)

    try do
      fun.()
    after
      cd!(old)
    end
  end

  @doc """
  Like `ls/1`, giving the names or raising `File.Error`.

      iex> dir = Path.join(System.tmp_dir!(), "phial_doc_dir")
      iex> File.rm_rf!(dir)
      iex> File.mkdir_p!(dir)
      iex> File.ls!(dir)
      []
  """
  def ls!(path \\ ".") do
    case File.ls(path) do
      {:ok, names} -> names
      {:error, reason} -> raise File.Error, reason: reason, action: "list directory", path: IO.chardata_to_string(path)
    end
  end

  @doc """
  Like `cwd/0`, giving the path or raising.

      iex> is_binary(File.cwd!())
      true
  """
  def cwd! do
    case File.cwd() do
      {:ok, dir} -> dir
      {:error, reason} -> raise File.Error, reason: reason, action: "get current working directory"
    end
  end

  @doc """
  Like `read_link/1`, giving the target or raising `File.Error`.

      iex> link = Path.join(System.tmp_dir!(), "phial_doc_link")
      iex> File.rm(link)
      iex> File.ln_s!("phial_doc.txt", link)
      iex> File.read_link!(link)
      "phial_doc.txt"
  """
  def read_link!(path) do
    case File.read_link(path) do
      {:ok, target} -> target
      {:error, reason} -> raise File.Error, reason: reason, action: "read link", path: IO.chardata_to_string(path)
    end
  end

  @doc """
  Like `rm_rf/1`, giving the removed paths or raising `File.Error`.

      iex> File.rm_rf!("/no/such/dir")
      []
  """
  def rm_rf!(path) do
    case File.rm_rf(path) do
      {:ok, files} -> files
      {:error, reason, _} ->
        raise File.Error, reason: reason, path: IO.chardata_to_string(path), action: "remove files and directories recursively from"
    end
  end

  @doc """
  Copies the contents of `source` into `destination` (at most
  `bytes_count` bytes): `{:ok, bytes_copied}` or `{:error, reason}`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> copy = Path.join(System.tmp_dir!(), "phial_doc_copy.txt")
      iex> File.copy(path, copy)
      {:ok, 2}
  """
  def copy(source, destination, bytes_count \\ :infinity) do
    :file.copy(copy_end(source), copy_end(destination), bytes_count)
  end

  @doc """
  Like `copy/3`, giving the byte count or raising `File.CopyError`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> copy = Path.join(System.tmp_dir!(), "phial_doc_copy.txt")
      iex> File.copy!(path, copy, 1)
      1
  """
  def copy!(source, destination, bytes_count \\ :infinity) do
    case copy(source, destination, bytes_count) do
      {:ok, n} -> n
      {:error, reason} ->
        raise File.CopyError, reason: reason, action: "copy",
          source: copy_end(source), destination: copy_end(destination)
    end
  end

  defp copy_end({path, modes}), do: {IO.chardata_to_string(path), modes}
  defp copy_end(path), do: IO.chardata_to_string(path)

  @doc """
  Copies the file `source_file` to `destination_file`, keeping its mode.
  An `:on_conflict` function (given source and destination) decides
  whether an existing destination is replaced.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> copy = Path.join(System.tmp_dir!(), "phial_doc_copy.txt")
      iex> File.cp(path, copy)
      :ok
  """
  def cp(source_file, destination_file, options \\ [])

  def cp(source_file, destination_file, callback) when is_function(callback, 2) do
    cp(source_file, destination_file, on_conflict: callback)
  end

  def cp(source_file, destination_file, options) when is_list(options) do
    on_conflict = Keyword.get(options, :on_conflict, fn _, _ -> true end)
    source = IO.chardata_to_string(source_file)
    destination = IO.chardata_to_string(destination_file)

    case cp_file(source, destination, on_conflict, []) do
      {:error, reason, _} -> {:error, reason}
      _ -> :ok
    end
  end

  @doc """
  Like `cp/3`, raising `File.CopyError` on failure.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> copy = Path.join(System.tmp_dir!(), "phial_doc_copy.txt")
      iex> File.cp!(path, copy)
      :ok
  """
  def cp!(source_file, destination_file, options \\ []) do
    case cp(source_file, destination_file, options) do
      :ok -> :ok
      {:error, reason} ->
        raise File.CopyError, reason: reason, action: "copy",
          source: IO.chardata_to_string(source_file), destination: IO.chardata_to_string(destination_file)
    end
  end

  @doc """
  Copies `source`, a directory with everything in it or a file, to
  `destination`: `{:ok, copied_paths}` or `{:error, reason, path}`.

      iex> dir = Path.join(System.tmp_dir!(), "phial_doc_dir")
      iex> File.rm_rf!(dir)
      iex> File.mkdir_p!(dir)
      iex> File.rm_rf!(dir <> "_copy")
      iex> File.cp_r(dir, dir <> "_copy")
      {:ok, ["/tmp/phial_doc_dir_copy"]}
  """
  def cp_r(source, destination, options \\ [])

  def cp_r(source, destination, callback) when is_function(callback, 2) do
    cp_r(source, destination, on_conflict: callback)
  end

  def cp_r(source, destination, options) when is_list(options) do
    on_conflict = Keyword.get(options, :on_conflict, fn _, _ -> true end)
    follow = Keyword.get(options, :dereference_symlinks, false)
    source = no_null_byte!(IO.chardata_to_string(source), "File.cp_r/3")
    destination = no_null_byte!(IO.chardata_to_string(destination), "File.cp_r/3")

    case cp_tree(source, destination, on_conflict, follow, []) do
      {:error, _, _} = error -> error
      copied -> {:ok, copied}
    end
  end

  @doc """
  Like `cp_r/3`, giving the copied paths or raising `File.CopyError`.

      iex> dir = Path.join(System.tmp_dir!(), "phial_doc_dir")
      iex> File.rm_rf!(dir)
      iex> File.mkdir_p!(dir)
      iex> File.rm_rf!(dir <> "_copy")
      iex> File.cp_r!(dir, dir <> "_copy")
      ["/tmp/phial_doc_dir_copy"]
  """
  def cp_r!(source, destination, options \\ []) do
    case cp_r(source, destination, options) do
      {:ok, files} -> files
      {:error, reason, file} ->
        raise File.CopyError, reason: reason, action: "copy recursively", on: file,
          source: IO.chardata_to_string(source), destination: IO.chardata_to_string(destination)
    end
  end

  defp no_null_byte!(path, function) do
    if String.contains?(path, <<0>>) do
      raise ArgumentError, "cannot execute #{function} for path with null byte, got: #{inspect(path)}"
    end

    path
  end

  # The copied paths are gathered newest first, as Elixir lists them; an
  # error stops the walk as {:error, reason, path}.
  defp cp_tree(_src, _dest, _on_conflict, _follow, {:error, _, _} = error), do: error

  defp cp_tree(src, dest, on_conflict, follow, acc) do
    case :file.read_link_info(src) do
      {:ok, info} ->
        case elem(info, 2) do
          :regular ->
            cp_file(src, dest, on_conflict, acc)

          :symlink ->
            case :file.read_link(src) do
              {:ok, link} when follow ->
                cp_tree(Path.expand(List.to_string(link), Path.dirname(src)), dest, on_conflict, follow, acc)

              {:ok, link} ->
                cp_link(List.to_string(link), src, dest, on_conflict, acc)

              {:error, reason} ->
                {:error, reason, src}
            end

          :directory ->
            case :file.list_dir(src) do
              {:ok, names} ->
                case File.mkdir(dest) do
                  result when result in [:ok, {:error, :eexist}] ->
                    Enum.reduce(names, [dest | acc], fn name, acc ->
                      name = List.to_string(name)
                      cp_tree(Path.join(src, name), Path.join(dest, name), on_conflict, follow, acc)
                    end)

                  {:error, reason} ->
                    {:error, reason, dest}
                end

              {:error, reason} ->
                {:error, reason, src}
            end

          _ ->
            acc
        end

      {:error, reason} ->
        {:error, reason, src}
    end
  end

  defp cp_file(src, dest, on_conflict, acc) do
    case :file.copy(src, {dest, [:exclusive]}) do
      {:ok, _} ->
        copy_mode(src, dest)
        [dest | acc]

      {:error, :eexist} ->
        if Path.expand(src) != Path.expand(dest) and on_conflict.(src, dest) do
          case :file.copy(src, dest) do
            {:ok, _} ->
              copy_mode(src, dest)
              [dest | acc]

            {:error, reason} ->
              {:error, reason, src}
          end
        else
          acc
        end

      {:error, reason} ->
        {:error, reason, src}
    end
  end

  defp cp_link(link, src, dest, on_conflict, acc) do
    case :file.make_symlink(link, dest) do
      :ok ->
        [dest | acc]

      {:error, :eexist} ->
        if Path.expand(src) != Path.expand(dest) and on_conflict.(src, dest) do
          _ = File.rm(dest)

          case :file.make_symlink(link, dest) do
            :ok -> [dest | acc]
            {:error, reason} -> {:error, reason, src}
          end
        else
          acc
        end

      {:error, reason} ->
        {:error, reason, src}
    end
  end

  defp copy_mode(src, dest) do
    write_stat!(dest, %{stat!(dest) | mode: stat!(src).mode})
  end

  @doc """
  Sets the modification and access times of `path` (now, by default),
  creating an empty file when there is none.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.touch(path, {{2024, 1, 1}, {0, 0, 0}})
      :ok
  """
  def touch(path, time \\ System.os_time(:second)) do
    path = IO.chardata_to_string(path)
    unit = if is_integer(time), do: :posix, else: :universal
    # Only the modification time: the access time becomes now.
    info = {:file_info, :undefined, :undefined, :undefined, :undefined, time, :undefined, :undefined,
            :undefined, :undefined, :undefined, :undefined, :undefined, :undefined}

    with {:error, :enoent} <- :file.write_file_info(path, info, time: unit),
         :ok <- File.write(path, "", [:append]),
         do: :file.write_file_info(path, info, time: unit)
  end

  @doc """
  Like `touch/2`, raising `File.Error` on failure.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.touch!(path)
      :ok
  """
  def touch!(path, time \\ System.os_time(:second)), do: ok!(touch(path, time), "touch", path)

  @doc """
  Writes the times and mode of a `File.Stat` back to `path`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.write_stat(path, File.stat!(path))
      :ok
  """
  def write_stat(path, stat, opts \\ []) do
    opts = Keyword.put_new(opts, :time, :universal)
    :file.write_file_info(IO.chardata_to_string(path), File.Stat.to_record(stat), opts)
  end

  @doc """
  Like `write_stat/3`, raising `File.Error` on failure.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.write_stat!(path, File.stat!(path))
      :ok
  """
  def write_stat!(path, stat, opts \\ []) do
    ok!(write_stat(path, stat, opts), "write file stats", path)
  end

  @doc """
  Gives `path` the owner `uid` (an integer); usually only root may.

      iex> File.chown("/no/such/file", 0)
      {:error, :enoent}
  """
  def chown(path, uid), do: :file.change_owner(IO.chardata_to_string(path), uid)
  @doc """
  Like `chown/2`, raising `File.Error` on failure.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> uid = File.stat!(path).uid
      iex> File.chown!(path, uid)
      :ok
  """
  def chown!(path, uid), do: ok!(chown(path, uid), "change owner for", path)
  @doc """
  Gives `path` the group `gid` (an integer).

      iex> File.chgrp("/no/such/file", 0)
      {:error, :enoent}
  """
  def chgrp(path, gid), do: :file.change_group(IO.chardata_to_string(path), gid)
  @doc """
  Like `chgrp/2`, raising `File.Error` on failure.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> gid = File.stat!(path).gid
      iex> File.chgrp!(path, gid)
      :ok
  """
  def chgrp!(path, gid), do: ok!(chgrp(path, gid), "change group for", path)

  @doc """
  Like `rename/2`, raising `File.RenameError` on failure.

      iex> copy = Path.join(System.tmp_dir!(), "phial_doc_copy.txt")
      iex> File.write!(copy, "x")
      iex> File.rename!(copy, copy <> ".bak")
      :ok
  """
  def rename!(source, destination) do
    case File.rename(source, destination) do
      :ok -> :ok
      {:error, reason} ->
        raise File.RenameError, reason: reason, action: "rename",
          source: IO.chardata_to_string(source), destination: IO.chardata_to_string(destination)
    end
  end

  @doc """
  Information about `path` as `{:ok, %File.Stat{}}` (size, type, times,
  mode, ...); a symbolic link is followed. `time: :posix` gives times as
  integers.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.stat(path) |> elem(1) |> Map.get(:size)
      2
  """
  def stat(path, opts \\ []) do
    opts = Keyword.put_new(opts, :time, :universal)

    case :file.read_file_info(IO.chardata_to_string(path), opts) do
      {:ok, info} -> {:ok, File.Stat.from_record(info)}
      error -> error
    end
  end

  @doc """
  Like `stat/2`, describing a symbolic link itself instead of its
  target.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.lstat(path) |> elem(1) |> Map.get(:type)
      :regular
  """
  def lstat(path, opts \\ []) do
    opts = Keyword.put_new(opts, :time, :universal)

    case :file.read_link_info(IO.chardata_to_string(path), opts) do
      {:ok, info} -> {:ok, File.Stat.from_record(info)}
      error -> error
    end
  end

  @doc """
  Like `stat/2`, giving the `File.Stat` or raising `File.Error`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.stat!(path).size
      2
  """
  def stat!(path, opts \\ []) do
    case stat(path, opts) do
      {:ok, info} -> info
      {:error, reason} -> raise File.Error, reason: reason, action: "read file stats", path: IO.chardata_to_string(path)
    end
  end

  @doc """
  Like `lstat/2`, giving the `File.Stat` or raising `File.Error`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.lstat!(path).type
      :regular
  """
  def lstat!(path, opts \\ []) do
    case lstat(path, opts) do
      {:ok, info} -> info
      {:error, reason} -> raise File.Error, reason: reason, action: "read file stats", path: IO.chardata_to_string(path)
    end
  end

  @doc """
  Opens `path` with `modes` (`:read`, the default, `:write`, `:append`,
  `:binary`, `:utf8`, ...): `{:ok, device}` for `IO` and `close/1`, or
  `{:error, reason}`. Given a function instead of modes, see `open/3`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.open(path) |> elem(0)
      :ok
  """
  def open(path, modes \\ [])

  def open(path, fun) when is_function(fun, 1), do: open(path, [], fun)

  def open(path, modes) when is_list(modes) do
    :file.open(IO.chardata_to_string(path), modes)
  end

  @doc """
  Opens `path`, calls `fun` with the device and closes it afterwards:
  `{:ok, result_of_fun}`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.open(path, [:read], fn dev -> IO.read(dev, :eof) end)
      {:ok, "hi"}
  """
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

  @doc """
  Like `open/2`, giving the device or raising `File.Error`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.open!(path) |> IO.read(:eof)
      "hi"
  """
  def open!(path, modes \\ []) do
    case open(path, modes) do
      {:ok, device} -> device
      {:error, reason} -> raise File.Error, reason: reason, action: "open", path: IO.chardata_to_string(path)
    end
  end

  @doc """
  Like `open/3`, giving what `fun` gives or raising `File.Error`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.open!(path, [:read], fn dev -> IO.read(dev, :line) end)
      "hi"
  """
  def open!(path, modes, fun) do
    case open(path, modes, fun) do
      {:ok, result} -> result
      {:error, reason} -> raise File.Error, reason: reason, action: "open", path: IO.chardata_to_string(path)
    end
  end

  @doc """
  Closes a device from `open/2`; `:ok`.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> {:ok, dev} = File.open(path)
      iex> File.close(dev)
      :ok
  """
  def close(device), do: :file.close(device)

  @doc """
  A `File.Stream` over `path`, read as it is enumerated: by lines
  (newlines kept) or, given a count, by chunks of that many bytes. Into it
  (`Enum.into/2`, `Stream.into/2`), it writes.

      iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
      iex> File.write!(path, "hi")
      iex> File.stream!(path, [], 1) |> Enum.to_list()
      ["h", "i"]
  """
  def stream!(path, modes \\ [], line_or_bytes \\ :line) do
    %File.Stream{path: IO.chardata_to_string(path), modes: modes, line_or_bytes: line_or_bytes, raw: true, node: node()}
  end

  defp ok!(:ok, _action, _path), do: :ok

  defp ok!({:error, reason}, action, path) do
    raise File.Error, reason: reason, action: action, path: IO.chardata_to_string(path)
  end
end
