"""A lead-in that names a cause through its symptom: "for spasms *from* overworked muscles, how would a doctor diagnose
it and what's the treatment", "for the kind of knee spasm *that's from* tired strained muscles, how would a doctor
check it".

The lead-in says which spasms: those of the cause named after the connecting word (the lexicon's word set
``cause-connector``: from, caused by, due to, brought on by). What follows asks of that cause — how it is diagnosed,
how it is treated — so its "it" stands for the cause, not for the spasm that only says where the cause shows. The
spasm's mention is dropped from the lead-in (and a sign among the causes: "from *tired* strained muscles") when a cause
that is no sign follows it with no more than a relative word between; the question's own words are left as they are, and a story ("my thighs spasm in the heat,
what's causing it") names no cause by a connecting word, so its spasm stays.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.analysis import Analysis
from kg.qa.lexicon import Lexicon
from kg.qa.querygraph import KGO

BETWEEN = frozenset({"that", "which", "be", "'s", "thats", "you", "get", "u", "the", "kind", "type", "sort", "of", "a"})
JOINING = frozenset({",", "or", "and", "/"})  # between the causes of one run
SIGN = KGO + "SignOrSymptom"


def dropped(an: Analysis, lex: Lexicon, index) -> Analysis:
    """``an`` without the lead-in's symptom when a connecting word ties it to a cause named after it."""
    if not an.context or not an.question:
        return an
    lemmas = [t.lemma for t in an.tokens]
    told = sorted(an.context_mentions, key=lambda m: m.start)
    for k, sign in enumerate(told):
        if not index.is_a(sign.iri, SIGN):
            continue
        at = sign.end
        while at < len(lemmas) and lemmas[at] in BETWEEN:
            at += 1
        width = lex.in_set("cause-connector", lemmas, at)
        if not width:
            continue
        after = at + width
        while after < len(lemmas) and lemmas[after] in BETWEEN:
            after += 1
        causes = _run(told[k + 1:], after, lemmas)
        if not any(not index.is_a(m.iri, SIGN) and not index.is_a(m.iri, KGO + "BodyPart") for m in causes):
            continue  # "spasms from the knee": where, not what from
        signs = {id(sign)} | {id(m) for m in causes if index.is_a(m.iri, SIGN)}  # "from *tired* strained muscles":
        return replace(an, mentions=[m for m in an.mentions if id(m) not in signs])  # the cause's own word, no sign
    return an


def _run(told, at: int, lemmas: list[str]) -> list:
    """The mentions named one after another from position ``at`` ("overtraining, fatigue or strain")."""
    out = []
    for m in told:
        if m.start < at:
            continue
        if m.start > at and any(w not in JOINING for w in lemmas[at:m.start]):
            break
        out.append(m)
        at = m.end
    return out


__all__ = ["dropped"]
