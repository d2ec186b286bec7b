# Matching string prefixes with <>
route = fn
  "GET " <> path -> {:get, path}
  "POST " <> path -> {:post, path}
  other -> {:unknown, other}
end
IO.inspect(route.("GET /index"))
IO.inspect(route.("POST /api"))
IO.inspect(route.("DELETE /x"))
"hello " <> name = "hello wörld"
IO.inspect(name)
case "key=value" do
  "key=" <> v -> IO.puts("value is " <> v)
end
