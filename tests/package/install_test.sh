#!/usr/bin/env bash
# The Debian package, used as README's "Operating faqbot" says (each
# command run here is checked to be there, word for word): built and
# checked by lintian, installed with apt-get, its unit checked by
# systemd-analyze, started the way the unit's ExecStart says (CI has no
# systemd as PID 1) as a user of its own in its state directory, reloaded
# the way ExecReload does, then removed and purged: the program goes,
# the transcripts stay. Needs root (scripts/test skips it otherwise); it
# leaves the machine as it found it.
set -euo pipefail
cd "$(dirname "$0")/../.."
readme=README.md
unit=/lib/systemd/system/faqbot.service
state=/var/lib/faqbot
work=$(mktemp -d)
server=
fail() { echo "install test: $*" >&2; [[ -f $work/log ]] && cat "$work/log" >&2; exit 1; }
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq faqbot >/dev/null 2>&1 || true
  rm -rf "$state" "$work"
}
trap cleanup EXIT
# A command as README gives it; the test fails when README says otherwise.
said() { grep -qF -- "$1" "$readme" || fail "README no longer says: $1"; }
[[ -e $state ]] && fail "$state exists already; this test would not leave it as it was"
if dpkg-query -W -f='${Status}' faqbot 2>/dev/null | grep -q "ok installed"; then
  trap - EXIT && rm -rf "$work"
  echo "install test: skipped: faqbot is installed on this machine, and the test would remove it"
  exit 0
fi

said 'scripts/package'
scripts/package >"$work/package.log" 2>&1 || { cat "$work/package.log" >&2; fail "scripts/package failed"; }
said 'apt-get install -y ./build/faqbot_*.deb'
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./build/faqbot_*.deb >/dev/null ||
  fail "apt-get install failed"

# What the package put where.
version=$(sed -n 's/^project(faqbot VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
/usr/bin/faqbot --version | grep -q "^faqbot $version" || fail "faqbot --version: $(/usr/bin/faqbot --version)"
zcat /usr/share/man/man1/faqbot.1.gz | grep -q '^\.SS serve' || fail "faqbot(1) lacks the serve command"
[[ -f /etc/faqbot/config.json && -f /usr/share/faqbot/content/liver-calcification/article.txt &&
   -f /usr/share/doc/faqbot/examples/nginx-faqbot.conf ]] || fail "files missing"
dpkg-query -W -f='${Conffiles}' faqbot | grep -q /etc/faqbot/config.json || fail "config.json is no conffile"

# systemd's own checks of the unit.
systemd-analyze verify "$unit" >"$work/verify.log" 2>&1 || { cat "$work/verify.log" >&2; fail "systemd-analyze verify"; }
exposure=$(systemd-analyze security --offline=true "$unit" 2>/dev/null | grep 'Overall exposure level')
grep -Eq ' (SAFE|OK) ' <<<"$exposure" || fail "exposure: $exposure"
echo "install test: $exposure"

# The settings, edited as an administrator would: here, a free port.
said 'editor /etc/faqbot/config.json'
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 - "$port" <<'PY'
import json, sys
path = "/etc/faqbot/config.json"
config = json.load(open(path))
config["port"] = int(sys.argv[1])
json.dump(config, open(path, "w"), indent=2)
PY

# Started as the unit starts it: ExecStart, as a user of its own, in the
# state directory systemd would make.
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
mkdir -p "$state" && chown nobody:nogroup "$state"
(cd "$state" && exec setpriv --reuid=nobody --regid=nogroup --clear-groups -- $exec_start) >"$work/log" 2>&1 &
server=$!
said 'curl -fsS http://127.0.0.1:8080/readyz'
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || fail "the server exited"
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || fail "not ready"
curl -fsS "http://127.0.0.1:$port/" | grep -q 'intrahepatic calcification' -i || fail "no demo page"
curl -fsS "http://127.0.0.1:$port/metrics" | grep -q '^faqbot_' || fail "no metrics"
said 'systemctl reload faqbot'
reload=$(sed -n 's/^ExecReload=//p' "$unit")
${reload//\$MAINPID/$server}
for _ in $(seq 50); do grep -q 'SIGHUP: reloading' "$work/log" && break; sleep 0.1; done
grep -q 'SIGHUP: reloading' "$work/log" || fail "ExecReload did not reload"
kill -TERM "$server" && wait "$server" || fail "did not stop cleanly on SIGTERM"
server=
[[ -f $state/transcripts.db ]] || fail "no transcripts in $state"

# Removed: the program goes; settings and transcripts stay. Purged: the
# settings go too; the transcripts still stay.
said 'apt-get remove faqbot'
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq faqbot >/dev/null
[[ ! -e /usr/bin/faqbot && -f /etc/faqbot/config.json && -f $state/transcripts.db ]] ||
  fail "remove: the program should go, the settings and transcripts stay"
said 'apt-get purge faqbot'
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq faqbot >/dev/null
[[ ! -e /etc/faqbot/config.json && -f $state/transcripts.db ]] ||
  fail "purge: the settings should go, the transcripts stay"
echo "install test: passed"
