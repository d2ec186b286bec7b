#!/bin/sh
# Records each project's expected output with real `mix test` (Elixir 1.14):
# the project is copied to a fresh temporary folder (so it compiles from
# scratch, as `phial test` always does), run with the arguments in its
# `args` file, and its stdout and exit code stored as expected.out and
# expected.exit. Usage: tests/projects/record.sh [name ...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
names=${*:-$(ls -d */ | tr -d /)}
for name in $names; do
  tmp=$(mktemp -d)
  cp -r "$name/." "$tmp/"
  rm -rf "$tmp/_build" "$tmp/expected.out" "$tmp/expected.exit"
  args=$(cat "$name/args")
  (cd "$tmp" && MIX_ENV=test mix test $args > "$here/$name/expected.out" 2>/dev/null)
  echo $? > "$name/expected.exit"
  rm -rf "$tmp"
  echo "$name: exit $(cat "$name/expected.exit")"
done
