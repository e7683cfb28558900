"""Figures of speech whose words are no names: "an *old* wives' tale", "quit coffee *cold* turkey", "*break a leg*".

A word of the article inside an idiom names nothing of it: "is it an old wives' tale that dehydration causes cramps"
asks whether a claim is a myth, not about age ("old" is a related word of older adults); "quitting caffeine cold
turkey" says how, not cold therapy. The lexicon's word set ``idiom`` holds them (as lemmas). Their words are taken out
of the question's mentions and read as words the article never uses, as "myth" is: a yes/no then says the article does
not mention it, and says what the article does say (kg.qa.unmentioned), never a "yes" through the idiom's word.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.lexicon import Lexicon
from kg.qa.text import STOPWORDS


def unlinked(an: Analysis, lex: Lexicon) -> Analysis:
    """``an`` with every idiom's words out of its mentions, candidates and cues, and (in the question) unknown."""
    lemmas = [t.lemma for t in an.tokens]
    gone: set[int] = set()
    k = 0
    while k < len(lemmas):
        n = lex.in_set("idiom", lemmas, k)
        gone |= set(range(k, k + n))
        k += max(n, 1)
    if not gone:
        return an
    an.mentions = [m for m in an.mentions if not set(m.span) & gone]
    an.candidates = [m for m in an.candidates if not set(m.span) & gone]
    an.cues = [c for c in an.cues if not set(c.positions) & gone]
    asked = {t.i for t in an.question}
    an.unknown = list(dict.fromkeys(an.unknown + [an.tokens[i].surface for i in sorted(gone & asked)
                                                  if an.tokens[i].lemma not in STOPWORDS]))  # "time *of* year"
    return an


_MYTHS = frozenset("myth tale legend misconception fallacy rumour rumor fable fairytale".split())
_BEFORE = frozenset("just only really simply merely all actually a an the total complete urban old wife wive wifes "
                    "husband".split())


def myth_asked(an: Analysis) -> list[str]:
    """"Is it (just) a myth that …", "is it an old wives' tale that …": a yes/no whether a claim is a myth. The claim
    is what the article may state, but a "yes" would say it is a myth: the article says nothing of myths, so the answer
    says what it does say, not yes (the words that name the myth, or empty when the question is not so framed).

    >>> from kg.qa.text import tokenize
    >>> from types import SimpleNamespace as S
    >>> myth_asked(S(question=tokenize("is it just a myth that dehydration causes cramps"), yes_no=True))
    ['myth']
    >>> myth_asked(S(question=tokenize("does massage help or is that a myth"), yes_no=True))
    []
    """
    q = [t for t in an.question if not t.is_punct]
    if not an.yes_no or len(q) < 4 or q[0].lemma != "be" or q[1].lemma not in ("it", "that", "this"):
        return []
    k = 2
    while k < len(q) and q[k].lemma in _BEFORE and q[k].lemma not in _MYTHS:
        k += 1
    if k >= len(q) or q[k].lemma not in _MYTHS:
        return []
    named = [t.surface for t in q[2:k + 1] if t.lemma not in ("just", "only", "really", "simply", "merely", "all",
                                                              "actually", "a", "an", "the")]
    return [" ".join(named)]


__all__ = ["unlinked", "myth_asked"]
