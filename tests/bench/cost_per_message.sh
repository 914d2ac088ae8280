#!/usr/bin/env bash
# What the server costs per message beyond the bot itself, on one core:
#   tests/bench/cost_per_message.sh [BUILD_DIR] [ROUNDS] [-- faqbot serve args]
# `faqbot serve` (one thread, transcripts on, as deployed) and the echo
# server answering every message with a frame of faqbot's mean reply size
# (--reply-bytes) take turns on core 0 under the same closed loop (50
# connections x 4,000 messages, load generator on core 1), ROUNDS times
# (default 5; the median round counts, and the spread is printed). Each
# server's cost per message is the CPU time it used (user + system, all its
# threads, from /proc) divided by the messages answered, so time spent
# waiting for the load generator does not count. The load generator polls
# for replies rather than sleeping (--spin): a reply sent to a sleeping
# client pays the kernel's wake-up of it inside the server's send (about
# 5 us on this VM), and the slower server would pay it more often (the
# echo at 2.5x faqbot's pace keeps the generator busy). With --spin the
# echo's cost is the same at any pace (echo_server --work-ns shows it).
# Then
#   beyond = faqbot's cost - echo's cost - Bot::Handle
# is the server's own work per message: request parsing, the reply's JSON,
# the transcript hand-off and writer, the session store, metrics.
# Bot::Handle is taken two ways: as the server timed it under this load
# (faqbot_handle_seconds in /metrics: colder caches, between the kernel's
# socket work) and from Google Benchmark (a hot loop); both are printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
rounds=${2:-5}
shift $(( $# >= 2 ? 2 : $# ))
[[ "${1:-}" == "--" ]] && shift
source tests/bench/cpu_cost.sh
echo "{\"messages_per_second\": 1000000, \"threads\": 1,
       \"transcripts\": \"$tmp/transcripts.db\"}" > "$tmp/config.json"
field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1"; }
messages=200000
load() {  # name port pid [loadgen options]: prints the server's us/message
  local name=$1 port=$2 pid=$3
  shift 3
  cpu_per_message "$pid" "$port" "$messages" "$tmp/$name.txt" "$@"
}

$pin_server "$build/faqbot" serve --port 0 --config "$tmp/config.json" "$@" \
  > "$tmp/faqbot.out" 2>/dev/null &
faqbot_pid=$!
faqbot_port=$(port_of "$tmp/faqbot.out")
load warmup "$faqbot_port" "$faqbot_pid" --greeting > /dev/null
bytes=$(field "$tmp/warmup.txt" reply_bytes)
$pin_server "$build/tests/echo_server" --threads 1 --reply-bytes "${bytes%.*}" \
  > "$tmp/echo.out" &
echo_pid=$!
echo_port=$(port_of "$tmp/echo.out")

handled() {  # "<sum seconds> <count>" of faqbot_handle_seconds
  curl -s "http://127.0.0.1:$faqbot_port/metrics" |
    awk '/^faqbot_handle_seconds_sum/ {s=$2} /^faqbot_handle_seconds_count/ {c=$2} END {print s, c}'
}
for r in $(seq "$rounds"); do
  e=$(load "echo-$r" "$echo_port" "$echo_pid")
  read -r s0 c0 < <(handled)
  f=$(load "faqbot-$r" "$faqbot_port" "$faqbot_pid" --greeting)
  read -r s1 c1 < <(handled)
  h=$(python3 -c "print(round(($s1 - $s0) * 1e6 / max(1, $c1 - $c0), 2))")
  echo "round $r: echo $e us, faqbot $f us of CPU a message" \
    "($(field "$tmp/echo-$r.txt" msgs_per_s) and" \
    "$(field "$tmp/faqbot-$r.txt" msgs_per_s) msg/s), Bot::Handle $h us:" \
    "beyond $(python3 -c "print(round($f - $e - $h, 2))") us" >&2
  echo "$e $f $h" >> "$tmp/rounds.txt"
done
handle_ns=$($pin_server "$build/tests/matching_bench" \
  --benchmark_filter='^BM_BotHandleLiver$' --benchmark_min_time=0.5 \
  --benchmark_format=json 2>/dev/null |
  python3 -c 'import json,sys; b=json.load(sys.stdin)["benchmarks"][0]; print(b["real_time"] * {"ns":1,"us":1e3}[b["time_unit"]])')
python3 - "$tmp/rounds.txt" "$handle_ns" "$bytes" <<'PY'
import statistics, sys
rows = [[float(x) for x in line.split()] for line in open(sys.argv[1])]
h_us, size = float(sys.argv[2]) / 1e3, float(sys.argv[3])
med = statistics.median
e, f, h = (med(col) for col in zip(*rows))
beyond = sorted(r[1] - r[0] - r[2] for r in rows)
print(f"RESULT reply_bytes={size:.0f} echo_us={e:.2f} faqbot_us={f:.2f} "
      f"bot_handle_in_server_us={h:.2f} beyond_us={med(beyond):.2f} "
      f"beyond_min_us={beyond[0]:.2f} beyond_max_us={beyond[-1]:.2f} "
      f"bot_handle_bench_us={h_us:.2f} "
      f"beyond_bench_us={med([r[1] - r[0] - h_us for r in rows]):.2f}")
PY
