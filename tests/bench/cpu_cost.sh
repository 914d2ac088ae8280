# Sourced by the scripts that measure a server's CPU a message
# (cost_per_message.sh, compare_builds.sh): a scratch directory removed on
# exit with every server started, the cores to pin to (the servers on 0,
# the load generator on 1, when there are two), ticks PID (the user +
# system CPU ticks a process has used, every thread, from /proc), and
# cpu_per_message (below). Callers set `build` (the load generator's).
source tests/bench/port_of.sh
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
pin_server="" pin_load=""
if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then
  pin_server="taskset -c 0" pin_load="taskset -c 1"
fi
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# cpu_per_message PID PORT MESSAGES OUT [loadgen options]: gives the server
# PID (on PORT) MESSAGES over 50 connections, the load generator polling
# for replies (--spin), its report in OUT; prints the server's CPU in us a
# message. Stops the script when a reply did not come: the figure would
# divide by messages that were not answered.
cpu_per_message() {
  local pid=$1 port=$2 messages=$3 out=$4 before after
  shift 4
  before=$(ticks "$pid")
  if ! $pin_load "$build/tests/loadgen" --port "$port" --connections 50 \
    --messages $((messages / 50)) \
    --questions content/liver-calcification/conversations.txt \
    --seconds 120 --spin "$@" > "$out"; then
    echo "$0: not every message was answered: $(tail -n 1 "$out")" >&2
    exit 1
  fi
  after=$(ticks "$pid")
  python3 -c "print(round(($after - $before) * 1e6 / $(getconf CLK_TCK) / $messages, 2))"
}
