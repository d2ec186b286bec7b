#!/usr/bin/env bash
# Distribution benchmark on loopback: an Elixir node receives; the same
# sender script runs as an Elixir node and as a phial node. Prints, for
# each sender, pipelined messages per second and the mean round trip.
#
#   bench/dist/run.sh [N_MESSAGES] [N_ROUND_TRIPS]
#
# Needs `elixir` and `epmd`. PHIAL names the phial binary (default:
# target/release/phial if built, else target/quick/phial).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
n="${1:-200000}"
m="${2:-5000}"
phial="${PHIAL:-}"
if [ -z "$phial" ]; then
  if [ -x "$root/target/release/phial" ]; then phial="$root/target/release/phial"; else phial="$root/target/quick/phial"; fi
fi
epmd -daemon
host="$(hostname -s)"
cookie="distbench$$"
sink="sink$$"
fifo="$(mktemp -u)"
mkfifo "$fifo"
elixir --sname "$sink" --cookie "$cookie" "$here/sink.exs" > "$fifo" &
sink_pid=$!
trap 'kill $sink_pid 2>/dev/null || true; rm -f "$fifo"' EXIT
read -r line < "$fifo"
[ "$line" = ready ] || { echo "sink did not start" >&2; exit 1; }
printf '%-16s %14s %14s\n' sender "msgs/s" "round trip us"
for kind in elixir phial; do
  if [ $kind = elixir ]; then cmd=(elixir); else cmd=("$phial"); fi
  out="$("${cmd[@]}" --sname "send$kind$$" --cookie "$cookie" "$here/sender.exs" "$sink@$host" "$n" "$m")"
  tp="$(echo "$out" | awk '/^throughput/ {print $2}')"
  lat="$(echo "$out" | awk '/^latency/ {print $2}')"
  printf '%-16s %14s %14s\n' "$kind -> BEAM" "$tp" "$lat"
done
