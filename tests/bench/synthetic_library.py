#!/usr/bin/env python3
"""Writes a synthetic library of N articles for the library benchmarks.

Each article is one of content/'s real articles with its subject renamed
to an invented medical-sounding word ("Is a liver kavotoma dangerous?"),
so that N articles have N different subjects over the same few organs,
as a clinic's library has. Deterministic: the same N gives the same
library. Usage: synthetic_library.py OUT_DIR N
"""
import itertools
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Base article -> the root of its subject word, renamed in every form
# ("hemangioma", "hemangiomas", "Hemangiomas").
BASES = {
    "liver-hemangioma": "hemangioma",
    "gallbladder-polyps": "polyp",
    "kidney-stones": "stone",
    "liver-calcification": "calcification",
    "ovarian-cysts": "cyst",
}
ONSETS = "b d f g k l m n p r s t v z".split()
VOWELS = "a e i o u".split()
ENDINGS = ["oma", "osis", "itis", "ema", "ode"]


def invented_words():
    syllables = [o + v for o in ONSETS for v in VOWELS]
    for a, b, end in itertools.product(syllables, syllables, ENDINGS):
        yield a + b + end


def rename(text, root, word):
    def repl(m):
        found = m.group(0)
        new = word + found[len(root):]
        return new.capitalize() if found[0].isupper() else new

    return re.sub(r"\b%s" % root, repl, text, flags=re.IGNORECASE)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: synthetic_library.py OUT_DIR N")
    out, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    bases = [(name, root, (ROOT / "content" / name / "article.txt").read_text())
             for name, root in BASES.items()]
    words = invented_words()
    for i in range(n):
        name, root, text = bases[i % len(bases)]
        word = next(words)
        pack = out / f"{i:04d}-{word}"
        pack.mkdir(parents=True, exist_ok=True)
        (pack / "article.txt").write_text(rename(text, root, word))
    print(f"{n} articles in {out}")


if __name__ == "__main__":
    main()
