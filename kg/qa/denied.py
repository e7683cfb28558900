"""A thing the reader's story denies is not what the question points back to: "I'm only pre-diabetic, *not diabetic*
yet, does that count as a risk for spasms".

The story names diabetes only to say the reader does not have it; "that" is the pre-diabetes, which the article never
names. Read with the denied mention, the question would be answered "yes, diabetes is a risk factor" — for a condition
the reader said they do not have. A mention of the story (not of the asking clause) right after a word of denial
("not", "no", "never", "isn't") is dropped from the question's things; the asking clause keeps its own.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.analysis import Analysis

DENIALS = frozenset("not no never isn't aren't wasn't without n't".split())
BETWEEN = frozenset("on taking take a an really actually even".split())  # "not *on* statins", "not *even* diabetic"


def dropped(an: Analysis) -> Analysis:
    """``an`` without the story's mentions that a word of denial stands before ("not diabetic", "not on statins")."""
    keep = [m for m in an.mentions if an.in_question(m) or not _denied(an, m.start)]
    return an if len(keep) == len(an.mentions) else replace(an, mentions=keep)


def _denied(an: Analysis, start: int) -> bool:
    k = start - 1
    while k >= 0 and start - k <= 2 and an.tokens[k].lemma in BETWEEN:
        k -= 1
    return k >= 0 and (an.tokens[k].lemma in DENIALS or an.tokens[k].surface in DENIALS)


__all__ = ["dropped"]
