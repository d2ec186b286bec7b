foo:bar
