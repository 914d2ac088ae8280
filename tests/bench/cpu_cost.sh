# Sourced by the scripts that measure a server's CPU a message
# (cost_per_message.sh, compare_builds.sh): a scratch directory removed on
# exit with every server started, the cores to pin to (the servers on 0,
# the load generator on 1, when there are two), and ticks PID (the user +
# system CPU ticks a process has used, every thread, from /proc).
source tests/bench/port_of.sh
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
pin_server="" pin_load=""
if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then
  pin_server="taskset -c 0" pin_load="taskset -c 1"
fi
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
