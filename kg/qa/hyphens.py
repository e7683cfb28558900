"""Phrases a reader hyphenates into one word on the fly ("a see-the-doc job", "a go-to-hospital thing"): read as
their words.

A hyphenated phrase of three words or more that the article's names and the lexicon do not hold as a whole is no
word of its own: kept whole it is one unknown word, and "the article does not mention see-the-doc" answers nothing.
When one of its words is a word of the article's names or the lexicon, it is written with spaces and its words are
read like any others — "see the doc" as seeing a doctor — and a word among them the article does not use still stays
unknown. A compound none of whose words the article or the lexicon uses is a name of its own ("Guillain-Barre-Strohl")
and is named whole. Two-word compounds are mostly words of their own ("plant-based", "immune-suppressing",
"cramped-up"), read whole as before (the lexicon holds the ones to read, "higher-risk group") unless both words
are the article's or the lexicon's, neither a particle nor a verb form ("the repetitive-movement thing", but
"immune-suppressing", "cramped-up"); so are hyphenated words
the article names ("over-the-counter") and codes with a number or a single letter ("B-6", "x-ray").
"""

from __future__ import annotations

import re

from kg.qa.text import STOPWORDS, lemma, normalise_text

_PARTICLES = frozenset("up down out off in on over back away".split())  # "cramped-up", "worn-out": one word
_COMPOUND = re.compile(r"[a-z]+(?:-[a-z]+)+")


def unhyphenated(text: str, known: frozenset[str] | set[str]) -> str:
    """``text`` with the hyphens of compounds no name or lexicon form holds whole written as spaces (same length, so
    every position stays where it was).

    >>> unhyphenated("is that a see-the-doc job", frozenset({"see", "doctor"}))
    'is that a see the doc job'
    >>> unhyphenated("does Osgood-Schlatter hurt", frozenset({"see", "doctor"}))
    'does Osgood-Schlatter hurt'
    >>> unhyphenated("are over-the-counter pills ok", frozenset({"over-the-counter"}))
    'are over-the-counter pills ok'
    >>> unhyphenated("is an x-ray needed mid-run for plant-based eaters", frozenset({"plant", "run"}))
    'is an x-ray needed mid-run for plant-based eaters'
    >>> unhyphenated("is that the repetitive-movement thing", frozenset({"repetitive", "movement"}))
    'is that the repetitive movement thing'
    >>> unhyphenated("immune-suppressing drugs for a cramped-up leg", frozenset({"immune", "suppressing", "cramped", "up"}))
    'immune-suppressing drugs for a cramped-up leg'
    >>> unhyphenated("Nothing to split", frozenset())
    'Nothing to split'
    """
    norm = normalise_text(text)
    if len(norm) != len(text) or "-" not in norm:
        return text
    out = list(text)
    changed = False
    for m in _COMPOUND.finditer(norm):
        word = m.group(0)
        parts = word.split("-")
        if word in known or lemma(word) in known or any(len(p) < 2 for p in parts):
            continue
        if len(parts) < 3 and not all(p not in STOPWORDS and p not in _PARTICLES and not p.endswith(("ing", "ed"))
                                      and (p in known or lemma(p) in known) for p in parts):
            continue  # two words: a word of its own ("plant-based") unless both are the article's ("repetitive-movement")
        if not any(p not in STOPWORDS and (p in known or lemma(p) in known) for p in parts):
            continue  # a name of its own the article never uses ("Osgood-Schlatter"): named whole, as written
        if m.start() and norm[m.start() - 1].isalnum() or m.end() < len(norm) and norm[m.end()].isalnum():
            continue  # part of a code with digits ("b-12x")
        for k in range(m.start(), m.end()):
            if norm[k] == "-":
                out[k] = " "
                changed = True
    return "".join(out) if changed else text
