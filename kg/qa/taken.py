"""A medicine the reader says they take, that the article never names, asked about by pointing back to it: "I take
levothyroxine for my thyroid. is *that* one of the drugs that can cause knee twitching", "my doctor put me on
lisinopril, could *that* be why my knees twitch".

The question names nothing but the condition, so its reading lists every cause — and the reader's own medicine, which
the article does not mention, is silently dropped. A list that leaves it out reads as "it is not one of them". The
answer names what the article does not mention and says it does not say (never "no"). The words that tell a medicine
is taken are data (``kgl:taking-words``); the medicine is the run of unknown words right after them.
"""

from __future__ import annotations

from kg.namespaces import KGO
from kg.qa.analysis import Analysis
from kg.qa.coverage import refers_back
from kg.qa.lexicon import Lexicon
from kg.qa.unmentioned import unknown_word

_BEFORE = frozenset("a an some the my his her their our".split())  # "on *some* tablets called …"


def asked(an: Analysis, lex: Lexicon) -> list[str]:
    """The told medicine the article never names, when a yes/no points back to the story with "that" or "it"."""
    if not an.context or not refers_back(an) or not _asks_a_link(an):
        return []  # "I'm on reception … does that need seeing promptly": not whether the told thing is a cause
    covered = {i for m in an.mentions + an.candidates for i in m.span} | {i for c in an.cues for i in c.positions}
    named = {i for m in an.mentions + an.candidates + an.context_mentions for i in m.span} | {
        i for c in an.cues if c.entry.kind == "class" for i in c.positions}  # "a new *tablet*"
    lemmas = [t.lemma for t in an.tokens]
    story = an.context
    for k, t in enumerate(story):
        n = lex.in_set("taking", lemmas, t.i)
        if not n:
            continue
        rest = story[k + n:]
        while rest and rest[0].lemma in _BEFORE:
            rest = rest[1:]
        run = []
        for w in rest:
            if not unknown_word(w, covered):
                break
            run.append(w.surface)
        after = rest[len(run)] if len(rest) > len(run) else None
        if run and not (after is not None and (after.i in named or after.lemma in _BEFORE)):
            return [" ".join(run)]  # not "a *new* tablet" (how it is) nor "*court* a co steroids" (a word cut apart)
    return []


LINKS = frozenset(str(KGO) + p for p in ("causes", "relatedTo", "riskFactorFor", "sideEffectOf", "exacerbates"))


def _asks_a_link(an: Analysis) -> bool:
    """The question asks whether the told thing is a cause, a link or a side effect ("could that be why", "is that one
    of the drugs"), by a relation word of that family or a class word of medicines."""
    asked = [c for c in an.cues if c.start in an.q_positions]
    return any(set(c.entry.references) & LINKS for c in asked if c.entry.kind == "relation") or any(
        c.entry.kind == "class" and any(r.endswith(("/Drug", "/DrugClass")) for r in c.entry.references) for c in asked)


__all__ = ["asked"]
