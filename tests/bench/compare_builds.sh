#!/usr/bin/env bash
# Which of two faqbot binaries costs less CPU a message, measured paired:
#   tests/bench/compare_builds.sh FAQBOT_A FAQBOT_B [ROUNDS] [BUILD_DIR]
# Both serve at once (one thread each, transcripts on, core 0); the load
# generator (core 1, polling: --spin) gives them 100,000 messages in
# turn, ROUNDS times (default 8). Each round prints both costs (user +
# system CPU of every thread, from /proc, a message); the end prints the
# medians and the median of the rounds' differences (B - A), which this
# noisy VM's slow phases disturb far less than two separate runs.
# BUILD_DIR (default build) supplies the load generator.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ $# -ge 2 ]] || {
  echo "usage: $0 FAQBOT_A FAQBOT_B [ROUNDS] [BUILD_DIR]" >&2
  exit 2
}
a=$(realpath "$1") b=$(realpath "$2") rounds=${3:-8} build=${4:-build}
source tests/bench/cpu_cost.sh
messages=100000
serve() {  # binary name: starts it; its pid and port in server_pid, server_port
  echo "{\"messages_per_second\": 1000000, \"threads\": 1,
         \"transcripts\": \"$tmp/$2.db\"}" > "$tmp/$2.json"
  $pin_server "$1" serve --port 0 --config "$tmp/$2.json" \
    > "$tmp/$2.out" 2>/dev/null &
  server_pid=$!
  server_port=$(port_of "$tmp/$2.out")
}
load() {  # port pid: prints the server's CPU us a message
  cpu_per_message "$2" "$1" "$messages" "$tmp/load.txt" --greeting
}
serve "$a" a
pid_a=$server_pid port_a=$server_port
serve "$b" b
pid_b=$server_pid port_b=$server_port
load "$port_a" "$pid_a" > /dev/null  # warm-up: sessions, caches, files
load "$port_b" "$pid_b" > /dev/null
for r in $(seq "$rounds"); do
  ca=$(load "$port_a" "$pid_a")
  cb=$(load "$port_b" "$pid_b")
  echo "round $r: A $ca us, B $cb us of CPU a message"
  echo "$ca $cb" >> "$tmp/rounds.txt"
done
python3 - "$tmp/rounds.txt" <<'PY'
import statistics, sys
rows = [[float(x) for x in line.split()] for line in open(sys.argv[1])]
med = statistics.median
print(f"RESULT a_us={med(r[0] for r in rows):.2f} "
      f"b_us={med(r[1] for r in rows):.2f} "
      f"b_minus_a_us={med(r[1] - r[0] for r in rows):.2f}")
PY
