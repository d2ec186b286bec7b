# iodata and chardata: IO, :erlang and :unicode conversions
attempt = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

attempt.(fn -> IO.iodata_to_binary(["a", ?b, [?c, ["d"]] | "e"]) end)
attempt.(fn -> IO.iodata_length(["ab", [1, 2] | "c"]) end)
attempt.(fn -> IO.iodata_to_binary([1000]) end)
attempt.(fn -> IO.iodata_to_binary(:a) end)
attempt.(fn -> :erlang.iolist_to_binary([<<1, 2>>, 3]) end)
attempt.(fn -> :erlang.iolist_size([[], "abc", 1]) end)
attempt.(fn -> :erlang.list_to_binary([104, "i"]) end)
attempt.(fn -> :erlang.binary_to_list("hi") end)
attempt.(fn -> :erlang.split_binary("hello", 2) end)
attempt.(fn -> :unicode.characters_to_binary([233, "x", [0x1F600]]) end)
attempt.(fn -> :unicode.characters_to_binary(<<255>>) end)
attempt.(fn -> :unicode.characters_to_binary([0x110000]) end)
attempt.(fn -> :unicode.characters_to_binary(<<104, 105, 195>>) end)
attempt.(fn -> :unicode.characters_to_binary("é", :utf8, :utf16) end)
attempt.(fn -> :unicode.characters_to_binary("é", :utf8, {:utf16, :little}) end)
attempt.(fn -> :unicode.characters_to_binary(<<0, 233>>, :utf16, :utf8) end)
attempt.(fn -> :unicode.characters_to_binary(<<233>>, :latin1, :utf8) end)
attempt.(fn -> :unicode.characters_to_list("héllo") end)
attempt.(fn -> byte_size(:unicode.characters_to_nfd_binary("é")) end)
attempt.(fn -> :unicode.characters_to_nfc_binary("e\u0301") end)
attempt.(fn -> List.to_string([-1]) end)
attempt.(fn -> List.to_string([<<255>>]) end)
attempt.(fn -> List.to_string(["a", ?b, [?c | "d"]]) end)
attempt.(fn -> Enum.join([<<255>>, "a"], ",") end)
