#!/usr/bin/env bash
# Redis on "another machine": `faqbot serve` with sessions in a Redis that
# a delay proxy puts DELAY ms away each way, under open-loop load at human
# pace (CONNS widget connections x 1 message/s), once with the storage
# work on the network threads (storage_threads 0, as before #29) and once
# backstage (the default); then Redis paused for 3 s, from 2 s in (SIGSTOP on
# the proxy: the network stalls, as a hung Redis does), while a plain
# /healthz prober measures the other work on the same server.
#   tests/bench/redis_delay.sh BUILD_DIR [CONNS] [DELAY_MS] [MESSAGES] [RUNS]
# RUNS (default all three): which of "inline-storage backstage
# backstage-redis-paused" to run (the CI smoke runs the last only).
# Prints one RESULT line per run (docs/performance.md explains them) and
# fails when a message went unanswered.
set -euo pipefail
build=$1 conns=${2:-1000} delay=${3:-2} messages=${4:-10}
runs=${5:-inline-storage backstage backstage-redis-paused}
tmp=$(mktemp -d)
trap 'kill -CONT $(jobs -p) 2>/dev/null; kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
source "$(dirname "$0")/port_of.sh"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

redis_port=$(free_port)
redis-server --port "$redis_port" --save '' --appendonly no --daemonize no \
  > "$tmp/redis.log" 2>&1 &
for _ in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.05; done
"$build/tests/delay_proxy" --to "$redis_port" --delay-ms "$delay" > "$tmp/proxy.out" &
proxy_pid=$!
proxy_port=$(port_of "$tmp/proxy.out")

run() {  # name storage_threads pause(0/1)
  local name=$1 storage=$2 pause=$3
  redis-cli -p "$redis_port" flushall >/dev/null
  cat > "$tmp/$name.json" <<JSON
{"messages_per_second": 100, "max_connections": 20000,
 "max_connections_per_ip": 20000, "threads": 2, "storage_threads": $storage,
 "sessions": "redis", "redis": "127.0.0.1:$proxy_port", "transcripts": ""}
JSON
  "$build/faqbot" serve --port 0 --config "$tmp/$name.json" > "$tmp/$name.out" 2>"$tmp/$name.err" &
  local server=$!
  local port
  port=$(port_of "$tmp/$name.out")
  python3 - "$port" "$((messages + 4))" > "$tmp/$name.health" <<'PY' &
import socket, sys, time
port = int(sys.argv[1]); lat = []; end = time.time() + int(sys.argv[2])
while time.time() < end:
    t = time.perf_counter()
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    while s.recv(4096): pass
    s.close(); lat.append((time.perf_counter() - t) * 1e6); time.sleep(0.01)
lat.sort(); print("health_p99_us=%d health_max_us=%d" % (lat[int(len(lat) * .99)], lat[-1]))
PY
  local prober=$!
  if [[ $pause == 1 ]]; then
    (sleep 2; kill -STOP "$proxy_pid"; sleep 3; kill -CONT "$proxy_pid") &
  fi
  "$build/tests/loadgen" --port "$port" --greeting --connections "$conns" \
    --messages "$messages" --rate 1 --poisson --seconds 60 \
    --questions content/liver-calcification/conversations.txt > "$tmp/$name.txt" || true
  wait "$prober" || true
  echo "RESULT $name $(tail -1 "$tmp/$name.txt" | sed 's/^RESULT //') $(cat "$tmp/$name.health")"
  kill "$server"; wait "$server" 2>/dev/null || true
  # Every message is answered, whatever Redis does.
  local replies
  replies=$(sed -n 's/.*replies=\([0-9/]*\).*/\1/p' "$tmp/$name.txt")
  if [[ -z "$replies" || "${replies%/*}" != "${replies#*/}" ]]; then
    echo "redis_delay: $name: replies ${replies:-missing}" >&2; failed=1
  fi
}
failed=0
for name in $runs; do
  case $name in
    inline-storage) run inline-storage 0 0 ;;
    backstage) run backstage 16 0 ;;
    backstage-redis-paused) run backstage-redis-paused 16 1 ;;
    *) echo "redis_delay: unknown run $name" >&2; exit 2 ;;
  esac
done
exit $failed
