# Deeply nested mixed data pretty printed
data = %{
  users: [
    %{id: 1, name: "Ann", tags: [:admin, :staff], prefs: %{theme: "dark", langs: ["en", "fr"]}},
    %{id: 2, name: "Bo", tags: [], prefs: %{theme: "light", langs: []}}
  ],
  meta: {:page, 1, :of, 10},
  flags: [verbose: true, dry_run: false, level: 3]
}
IO.inspect(data)
IO.inspect(data.users)
IO.inspect([data.meta, data.meta, data.meta, data.meta, data.meta])
