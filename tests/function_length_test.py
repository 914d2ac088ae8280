#!/usr/bin/env python3
"""House rule: no function over 80 lines in the product code (intents/,
dialogs/, bot/, adapters/); tables (initializer lists) do not count.

A function is a brace block opened by a line that ends a parameter list
(`) {`, `) const {`, `) override {`, ...); its length is the number of lines
from that line to its closing brace. Prints each offender as FILE:LINE and
exits 1 when there is one."""
import pathlib
import re
import sys

LIMIT = 80
ROOT = pathlib.Path(__file__).resolve().parent.parent
OPENER = re.compile(r"\)\s*(const\s*)?(noexcept\s*)?(override\s*)?(->\s*[\w:<>]+\s*)?\{\s*$")

def blocks(lines):
    """Yields (start, end) of each top-level function body in `lines`."""
    i = 0
    while i < len(lines):
        line = lines[i]
        code = line.split("//")[0]
        if OPENER.search(code) and not re.search(r"^\s*(if|for|while|switch|else|do)\b|\]\s*\(", code) \
                and "= [" not in code and "return [" not in code:
            # A function that only builds a table ("static const Table t =
            # MakeTable({...})") is a table.
            if any(re.search(r"static const .*(= \{|\(\{)", l)
                   for l in lines[i + 1:i + 3]):
                i += 1
                continue
            depth = 0
            for j in range(i, len(lines)):
                text = re.sub(r'"(\\.|[^"\\])*"', '""', lines[j].split("//")[0])
                text = re.sub(r"'(\\.|[^'\\])*'", "''", text)
                depth += text.count("{") - text.count("}")
                if depth <= 0:
                    yield i, j
                    i = j
                    break
        i += 1

def main():
    bad = []
    for folder in ("intents", "dialogs", "bot", "adapters"):
        for path in sorted((ROOT / folder).rglob("*.cc")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for start, end in blocks(lines):
                length = end - start + 1
                if length > LIMIT:
                    bad.append(f"{path.relative_to(ROOT)}:{start + 1}: "
                               f"function of {length} lines (the limit is {LIMIT})")
    for b in bad:
        print(b)
    if not bad:
        print(f"function length: every function is at most {LIMIT} lines")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
