#!/usr/bin/env python3
"""faqbot serve as systemd sees it (Type=notify, WatchdogSec=): the
notification protocol of sd_notify(3) over a datagram socket named by
NOTIFY_SOCKET, here held by this test as systemd would hold it. The server
says READY=1 only once it serves, RELOADING=1 then READY=1 on SIGHUP,
WATCHDOG=1 at half the watchdog interval, STOPPING=1 on SIGTERM.

    notify_test.py FAQBOT
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def main():
    faqbot = sys.argv[1]
    folder = tempfile.mkdtemp()
    try:
        return run(faqbot, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(faqbot, folder):
    path = os.path.join(folder, "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(10)
    env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC="400000")
    server = subprocess.Popen(
        [faqbot, "serve", "--port", "0", "--transcripts", ""],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    got = []

    def until(word):
        while True:
            message = sock.recv(4096).decode()
            got.append(message)
            if word in message.split("\n"):
                return message

    try:
        ready = until("READY=1")
        url = server.stdout.readline().split("open ")[1].split()[0]
        with urllib.request.urlopen(url + "readyz") as r:
            assert r.status == 200, "READY=1 came before the server served"
        assert "STATUS=serving" in ready, ready
        start = time.monotonic()
        until("WATCHDOG=1")
        until("WATCHDOG=1")
        fed = time.monotonic() - start
        assert fed < 1.0, f"two feedings took {fed:.2f} s at 0.2 s each"
        server.send_signal(signal.SIGHUP)
        until("RELOADING=1")
        until("READY=1")
        server.send_signal(signal.SIGTERM)
        until("STOPPING=1")
        assert server.wait(timeout=10) == 0
    except (AssertionError, socket.timeout, IndexError) as e:
        print("notify test failed:", repr(e), "after", got, file=sys.stderr)
        server.kill()
        return 1
    print("systemd notifications:", " | ".join(m.split("\n")[0] for m in got))
    return 0


if __name__ == "__main__":
    sys.exit(main())
