#!/usr/bin/env bash
# /metrics as Prometheus reads it: `promtool check metrics` (names, units,
# types, help text) on a server that has answered, escalated, refused and
# handled a request for a person, so every series has been written.
#   tests/metrics_promtool_test.sh FAQBOT PROMTOOL
set -euo pipefail
faqbot=$1
promtool=$2
dir=$(mktemp -d)
pid=
trap '[[ -n $pid ]] && kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
operators=$(printf "a long enough secret\n" | "$faqbot" operator-password Ann 2>/dev/null)
printf '{"channels": {"rest": {}}, %s}\n' "$operators" >"$dir/config.json"
"$faqbot" serve --port 0 --transcripts "" --config "$dir/config.json" \
  >"$dir/out" 2>"$dir/err" &
pid=$!
url=
for _ in $(seq 100); do
  url=$(grep -o 'http://[0-9.]*:[0-9]*/' "$dir/out" | head -1 || true)
  [[ -n $url ]] && break
  sleep 0.1
done
[[ -n $url ]] || { cat "$dir/err" >&2; echo "the server did not start" >&2; exit 1; }
for text in "what causes liver calcification?" "I am vomiting blood" \
            "does it cause hemangioma?" "can I talk to a nurse?"; do
  curl -fsS -H 'Content-Type: application/json' \
    -d "{\"sender\": \"p\", \"message\": \"$text\"}" \
    "${url}webhooks/rest/webhook" >/dev/null
done
curl -fsS "${url}metrics" >"$dir/metrics"
grep -q 'faqbot_messages_total{kind="escalation"} 1' "$dir/metrics" ||
  { echo "the messages were not counted" >&2; exit 1; }
"$promtool" check metrics <"$dir/metrics"
echo "promtool: /metrics passes ($(grep -c '^faqbot_' "$dir/metrics") samples)"
