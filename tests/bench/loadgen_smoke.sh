#!/usr/bin/env bash
# Smoke run of the load tools (so they cannot rot): a tiny load against the
# echo server and against faqbot serve; every reply must arrive.
set -euo pipefail
faqbot=$1 loadgen=$2 echo_server=$3
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
source "$(dirname "$0")/port_of.sh"
"$echo_server" > "$tmp/echo.out" &
"$loadgen" --port "$(port_of "$tmp/echo.out" 100)" --connections 5 --messages 5 --seconds 20
echo "{\"messages_per_second\": 1000, \"transcripts\": \"$tmp/transcripts.db\"}" > "$tmp/config.json"
"$faqbot" serve --port 0 --config "$tmp/config.json" > "$tmp/faqbot.out" 2>/dev/null &
"$loadgen" --port "$(port_of "$tmp/faqbot.out" 100)" --connections 5 --messages 5 \
  --greeting --seconds 20
# Open loop: 20 connections at 20 messages a second each, Poisson.
"$loadgen" --port "$(port_of "$tmp/faqbot.out" 100)" --connections 20 --messages 10 \
  --greeting --rate 20 --poisson --seconds 20
# Idle: 50 connections from two client addresses, greeted, held a second.
"$loadgen" --port "$(port_of "$tmp/faqbot.out" 100)" --idle 50 --sources 2 --hold 1 \
  --seconds 20
