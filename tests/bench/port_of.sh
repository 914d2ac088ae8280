# Sourced by the benchmark scripts. port_of FILE [TRIES]: waits (TRIES x
# 50 ms, default 200) for a server's "127.0.0.1:PORT" line in FILE and
# prints PORT; exits the script when none comes.
port_of() {
  local p
  for _ in $(seq "${2:-200}"); do
    p=$(grep -o '127.0.0.1:[0-9]*' "$1" 2>/dev/null | head -1 | cut -d: -f2)
    [[ -n "$p" ]] && { echo "$p"; return; }
    sleep 0.05
  done
  echo "$(basename "$0"): no 127.0.0.1:PORT in $1 (did the server start?)" >&2
  exit 1
}
