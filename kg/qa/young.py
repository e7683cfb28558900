"""A young person asked about where the article's age risk is older age: no "yes" from "age" or "old".

The article names age as a risk in one form only: "older adults are more prone to muscle spasms". An everyday word leads
to it ("age", "getting old"), so "can kids my age get knee spasms" or "a 15 year old ... more prone" would be answered
"yes" for older adults. When the question names a young person (``kgl:young-words``: kids, teenagers, a toddler) or an
age in years ("15 year old"), the yes is about another group: the answer names what the article does not mention.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.lexicon import Lexicon
from kg.namespaces import KG

AGE = str(KG.age)
_YEARS = frozenset("year yr month".split())
_OLDER = frozenset("older elderly aging ageing".split())


def asked(an: Analysis, lex: Lexicon) -> list[str]:
    """The young person the question names, when the reading's age link is the article's older adults (else [])."""
    years = {i for k, t in enumerate(an.tokens) if _years_old(an.tokens, k) for i in range(k, k + 3)}
    if not any(m.iri == AGE and not set(m.span) <= years for m in an.mentions):
        return []  # "a 15 yr old netball player has knee twitching": "old" told an age, not asked about age
    if any(t.surface in _OLDER for t in an.tokens):
        return []  # "are older women more prone than younger people": the question is about older people
    lemmas = [t.lemma for t in an.tokens]
    for k, t in enumerate(an.tokens):
        if n := lex.in_set("young", lemmas, k):
            return [" ".join(x.surface for x in an.tokens[k:k + n])]
        if _years_old(an.tokens, k):
            return [" ".join(x.surface for x in an.tokens[k:k + 3])]
    return []


def _years_old(tokens, k: int) -> bool:
    """"15 year old", "a 15 yr old": an age in years at ``k``."""
    return tokens[k].surface.isdigit() and len(tokens) > k + 2 and tokens[k + 1].lemma in _YEARS and tokens[k + 2].lemma == "old"


__all__ = ["asked"]
