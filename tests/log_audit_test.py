#!/usr/bin/env python3
"""After the suite: every log its servers wrote (the *.log files in
$TMPDIR/faqbot-test-logs, tests/support/child_process.h's TempLog) holds
no configured secret and no terminal escape.

The secrets are the ones the tests configure: string literals given to a
credential setting ({"token", "..."}, {"webhook_secret", "..."}, ...) and
constants named k...Secret / k...Password / k...Token in tests/**/*.cc.
With --reset, empties the folder instead (run before the suite).

Prints each finding as LOG: what, and exits 1 when there is one."""
import pathlib
import re
import shutil
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
LOGS = pathlib.Path(tempfile.gettempdir()) / "faqbot-test-logs"
SETTING = re.compile(
    r'\{"(?:token|secret|webhook_secret|signing_secret|bot_token|app_secret|'
    r'verify_token|page_access_token|access_token|password)",\s*"([^"]+)"\}')
CONSTANT = re.compile(
    r'\bk\w*(?:Secret|Password|Token)\w*(?:\[\])?\s*=\s*"([^"]+)"')
LISTED = re.compile(r'const std::vector<std::string> secrets = \{([^}]*)\}')
LITERAL = re.compile(r'"([^"]+)"')


def configured_secrets():
    found = set()
    for path in (ROOT / "tests").rglob("*.cc"):
        text = path.read_text(encoding="utf-8", errors="replace")
        found.update(SETTING.findall(text))
        found.update(CONSTANT.findall(text))
        for block in LISTED.findall(text):
            found.update(LITERAL.findall(block))
    # Short values ("s", "1:T", "verify") would match ordinary text.
    return sorted(s for s in found if len(s) >= 8)


def main():
    if sys.argv[1:] == ["--reset"]:
        shutil.rmtree(LOGS, ignore_errors=True)
        LOGS.mkdir(parents=True, exist_ok=True)
        return 0
    secrets = configured_secrets()
    logs = sorted(LOGS.glob("*.log")) if LOGS.is_dir() else []
    findings = []
    for log in logs:
        data = log.read_bytes()
        if b"\x1b" in data:
            findings.append(f"{log.name}: an ESC byte (a terminal escape)")
        for secret in secrets:
            if secret.encode() in data:
                findings.append(f"{log.name}: the configured secret {secret!r}")
    for f in findings:
        print(f)
    print(f"log audit: {len(logs)} logs, {len(secrets)} configured secrets, "
          f"{len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
