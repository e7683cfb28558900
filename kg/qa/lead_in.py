"""A long story run on into its question with no stop: "so basically my knee has been twitching on and off for weeks
and i dont know if its something i ate or something i did or what and nobody seems to know *so what actually causes
this sort of twitching anyway*".

With no comma or full stop the whole run is one clause, read as one question: its story's words become the question's
(a comparison of "knee twitching" with "on and off for weeks"), its unknown words block it. A question word after
"so", "and" or "but" late in a clause that opens as no question starts the question: what comes before is the story,
read as context. "Or what" (a shrug, not a question), a question word as the last word, and a clause that opens on a
question word or an auxiliary itself ("what causes it and why") are left as they are.
"""

from __future__ import annotations

from kg.qa.text import AUXILIARIES, WH_WORDS, Token

LINKS = frozenset(("so", "and", "but"))  # "… *so what* causes it", "… *and why* does it happen"
MIN_STORY = 6  # words of story before the question word
NOT_ASKING = frozenset(("not", "else", "ever", "so", "and", "or", "i", "ive", "i've", "im", "i'm"))  # "and what not"; "and what i did"


def split(clause: list[Token]) -> list[list[Token]]:
    """``clause`` cut before the question a long story runs on into, or ``[clause]``.

    >>> from kg.qa.text import tokenize
    >>> [t.surface for t in split(tokenize("my knee has been jumping for weeks and nobody knows so what causes this"))[1]]
    ['what', 'causes', 'this']
    >>> len(split(tokenize("what causes it and why does it happen"))), len(split(tokenize("i did this or that or what")))
    (1, 1)
    """
    if len(clause) < MIN_STORY + 3 or clause[0].lemma in WH_WORDS or clause[0].surface in AUXILIARIES:
        return [clause]
    for k in range(len(clause) - 2, MIN_STORY, -1):
        t, before, after = clause[k], clause[k - 1], clause[k + 1]
        if t.lemma in WH_WORDS and before.lemma in LINKS and after.surface not in NOT_ASKING \
                and clause[k - 2].lemma != "or":
            return [clause[:k], clause[k:]]
    return [clause]


__all__ = ["split"]
