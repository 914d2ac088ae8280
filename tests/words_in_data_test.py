#!/usr/bin/env python3
"""House rule (design.md): words of a language live in data files, and
intents/ and dialogs/ do no I/O.

1. No brace list of more than 8 string literals in the C++ of intents/,
   dialogs/ or bot/ (bot/lexicon_loader.cc reads the lexicon and is
   exempt). A table of names that are not words of a language (wording
   keys, config keys, a character table) says so with a comment holding
   "not words:" on the line before it.
2. No fstream, fopen, getenv or cerr in intents/ or dialogs/.

Prints each offender as FILE:LINE: why, and exits 1 when there is one."""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LIMIT = 8
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
IO = re.compile(r"\b(fstream|ifstream|ofstream|fopen|getenv|cerr)\b")
EXEMPT = {"bot/lexicon_loader.cc"}


def code_of(text):
    """`text` with comments blanked (line breaks kept), strings kept."""
    out, i = [], 0
    while i < len(text):
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = len(text) if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = len(text) if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text[i] == '"':
            m = STRING.match(text, i)
            j = m.end() if m else i + 1
            out.append(text[i:j])
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def word_tables(text):
    """Yields (line, count) of each brace list that holds only strings."""
    code = code_of(text)
    stack = []
    for i, c in enumerate(code):
        if c == "{":
            stack.append(i)
        elif c == "}" and stack:
            start = stack.pop()
            body = code[start + 1:i]
            # A table: strings, numbers and commas, in braces (pairs
            # too), not a block of code.
            rest = re.sub(r"\b(true|false|\d[\d.]*[fu]?)\b", "",
                          STRING.sub("", body))
            if re.sub(r"[\s,{}.-]", "", rest):
                continue
            count = len(STRING.findall(body))
            if count > LIMIT:
                yield code.count("\n", 0, start) + 1, count


def main():
    problems = []
    for folder in ("intents", "dialogs", "bot"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".cc", ".h"):
                continue
            rel = path.relative_to(ROOT).as_posix()
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            if rel not in EXEMPT:
                for line, count in word_tables(text):
                    before = "\n".join(lines[max(0, line - 3):line])
                    if "not words:" not in before:
                        problems.append(f"{rel}:{line}: a table of {count} "
                                        "strings (words belong in lexicon/)")
            if folder != "bot":
                for n, l in enumerate(code_of(text).split("\n"), 1):
                    if IO.search(STRING.sub('""', l)):
                        problems.append(f"{rel}:{n}: I/O in {folder}/")
    for p in problems:
        print(p)
    if problems:
        return 1
    print("Words in data: no word table in the C++, no I/O in intents/ "
          "or dialogs/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
