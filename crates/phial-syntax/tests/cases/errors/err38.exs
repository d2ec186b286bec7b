alias Foo.{Bar Baz}
