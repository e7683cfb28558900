"""A word of the question that points back to the story's thing: "my knee has been twitching on and off for weeks … so
what causes *this sort of twitching*", "my calf keeps cramping, what helps *that cramping*".

"Twitching" alone names muscle twitching; after "this" or "that" (and "sort of", "kind of", "type of") it is the
twitching the reader told of — the knee's, named before by a longer name that ends in the same word. The question's
mention takes the story's thing (kind "repeated": "as named before"), as kg.qa.analysis reads "the pill" after "a water
pill" when no entity took the word.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.analysis import Analysis
from kg.qa.linking import Mention

POINTING = frozenset("this that these those such".split())
KIND_WORDS = frozenset("sort kind type of".split())  # "this *sort of* twitching"


def resolved(an: Analysis) -> Analysis:
    """``an`` with each one-word mention the question points back with ("this twitching") read as the story's thing."""
    told = [m for m in an.mentions if m.length >= 2]  # named before, in the story or earlier in the question
    if not told:
        return an
    mentions = list(an.mentions)
    for m in an.anchors:
        if m.length != 1:
            continue
        k = m.start - 1
        while k >= 0 and an.tokens[k].lemma in KIND_WORDS:
            k -= 1
        if k < 0 or an.tokens[k].lemma not in POINTING:
            continue
        word = an.tokens[m.start].lemma
        same = [c for c in told if c.end <= k and an.tokens[c.end - 1].lemma == word and c.iri != m.iri]
        if not same:
            continue
        c = max(same, key=lambda c: c.start)
        mentions[mentions.index(m)] = Mention(m.start, m.end, m.text, c.iri, c.label, c.matched, "repeated")
    return an if mentions == an.mentions else replace(an, mentions=mentions)


__all__ = ["resolved"]
