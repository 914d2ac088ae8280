#!/usr/bin/env bash
# What the server costs per message beyond the bot itself, on one core:
#   tests/bench/cost_per_message.sh [BUILD_DIR] [ROUNDS] [-- faqbot serve args]
# `faqbot serve` (one thread, transcripts on, as deployed) and the echo
# server answering every message with a frame of faqbot's mean reply size
# (--reply-bytes) take turns on core 0 under the same closed loop (50
# connections x 4,000 messages, load generator on core 1), ROUNDS times
# (default 3; the best round of each counts, the least disturbed). Then
#   beyond = 1/faqbot rate - 1/echo rate - Bot::Handle (Google Benchmark)
# is the server's own work per message: request parsing, the reply's JSON,
# the transcript hand-off and writer, the session store, metrics.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
rounds=${2:-3}
shift $(( $# >= 2 ? 2 : $# ))
[[ "${1:-}" == "--" ]] && shift
source tests/bench/port_of.sh
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
pin_server="" pin_load=""
if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then
  pin_server="taskset -c 0" pin_load="taskset -c 1"
fi
questions=content/liver-calcification/conversations.txt
echo "{\"messages_per_second\": 1000000, \"threads\": 1,
       \"transcripts\": \"$tmp/transcripts.db\"}" > "$tmp/config.json"
field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1"; }
load() {  # name port [loadgen options]
  local name=$1 port=$2
  shift 2
  $pin_load "$build/tests/loadgen" --port "$port" --connections 50 \
    --messages 4000 --questions "$questions" --seconds 120 "$@" \
    > "$tmp/$name.txt" || true
}

$pin_server "$build/faqbot" serve --port 0 --config "$tmp/config.json" "$@" \
  > "$tmp/faqbot.out" 2>/dev/null &
faqbot_port=$(port_of "$tmp/faqbot.out")
load warmup "$faqbot_port" --greeting
bytes=$(field "$tmp/warmup.txt" reply_bytes)
$pin_server "$build/tests/echo_server" --threads 1 --reply-bytes "${bytes%.*}" \
  > "$tmp/echo.out" &
echo_port=$(port_of "$tmp/echo.out")

best_echo=0 best_faqbot=0
for r in $(seq "$rounds"); do
  load "echo-$r" "$echo_port"
  load "faqbot-$r" "$faqbot_port" --greeting
  e=$(field "$tmp/echo-$r.txt" msgs_per_s) f=$(field "$tmp/faqbot-$r.txt" msgs_per_s)
  echo "round $r: echo ${e} msg/s, faqbot ${f} msg/s" >&2
  (( ${e%.*} > best_echo )) && best_echo=${e%.*}
  (( ${f%.*} > best_faqbot )) && best_faqbot=${f%.*}
done
handle_ns=$($pin_server "$build/tests/matching_bench" \
  --benchmark_filter='^BM_BotHandleLiver$' --benchmark_min_time=0.5 \
  --benchmark_format=json 2>/dev/null |
  python3 -c 'import json,sys; b=json.load(sys.stdin)["benchmarks"][0]; print(b["real_time"] * {"ns":1,"us":1e3}[b["time_unit"]])')
python3 - "$best_echo" "$best_faqbot" "$handle_ns" "$bytes" <<'PY'
import sys
echo, faqbot, handle_ns, size = (float(a) for a in sys.argv[1:])
e_us, f_us, h_us = 1e6 / echo, 1e6 / faqbot, handle_ns / 1e3
print(f"RESULT reply_bytes={size:.0f} echo_us={e_us:.2f} faqbot_us={f_us:.2f} "
      f"bot_handle_us={h_us:.2f} beyond_us={f_us - e_us - h_us:.2f}")
PY
