"""Whether a first-person "can I take X", "is it ok to rub it" asks what helps, or asks advice for a person.

"What painkillers can I take when my knee cramps" is the article's treatments asked in the first person: answered. The
same words asked with a condition of the reader's (pregnant, a disease), a second remedy (a mix of pills), or a
medicine of theirs the article never names ("with the blood thinners she came home on") ask about interactions and a
person's case: declined as personal advice (kg.qa.ask).
"""

from __future__ import annotations

from kg.qa import advice, coverage, unmentioned
from kg.qa.analysis import Analysis
from kg.qa.lexicon import KGL
from kg.qa.querygraph import KGO
from kg.qa.text import DETERMINERS

SOFT_ADVICE = frozenset({("can", "i", "take"), ("i", "can", "take"), ("i", "could", "take"), ("can", "he", "take"), ("can", "she", "take"), ("can", "they", "take"), ("can", "we", "take"),
                         ("be", "it", "ok"), ("be", "it", "okay"), ("be", "it", "fine"),
                         ("should", "i", "try"), ("should", "i", "use"), ("can", "i", "use"), ("ok", "for", "my"), ("okay", "for", "my"),
                         ("alright", "for", "my"), ("fine", "for", "my")})  # "is magnesium ok for my cramps": does it help
PERSONAL_KINDS = tuple(KGO + c for c in ("PopulationGroup", "PhysiologicalState", "Disease"))
REMEDY_KINDS = tuple(KGO + c for c in ("Drug", "DrugClass", "Therapy", "Substance", "Nutrient"))


def asked_of_helps(an: Analysis, index, lex) -> bool:
    """"What painkillers can I take when my knee cramps", "is it ok to rub it": what the article says helps, asked in
    the first person — not advice for a person, unless a condition of theirs (pregnant, a disease) or a second remedy
    (a mix of pills) is named."""
    if not all(c.form in SOFT_ADVICE or c.entry.iri == KGL + "take-for-someone-words" for c in advice.asked(an)):
        return False
    lemmas = [t.lemma for t in an.question]
    if any(a == "how" and b in ("many", "much", "often", "long") for a, b in zip(lemmas, lemmas[1:])):
        return False  # an amount or a schedule for a person
    if any(index.is_a(m.iri, k) for m in an.mentions for k in PERSONAL_KINDS if m.iri not in _topic_like(an, index)):
        return False
    if any(c.entry.intent == "stage" for c in an.cues) or _own_unknown(an, lex, advice.regimen(an, lex)):  # "at 30 weeks"
        return False
    if coverage.told_conditions(an, lex):  # "I have kidney disease, can I take magnesium"
        return False
    remedies = {m.iri for m in an.mentions if any(index.is_a(m.iri, k) for k in REMEDY_KINDS)}
    return len(remedies) <= 1


_OWNED = frozenset("my his her our with alongside plus".split())


def _own_unknown(an: Analysis, lex, on: bool = False) -> bool:
    """A thing of the reader's that the article never names ("with my *zopiclone*", "my *blood pressure* pills", "I'm
    on *warfarin*"), or another condition their story tells ("I have kidney disease"): a medicine or a condition of
    theirs, so whether they may take something is theirs to ask a pharmacist. The one asked for is none ("my *mum*")."""
    covered = {i for m in an.mentions for i in m.span} | {i for c in an.cues for i in c.positions}
    unknown = set(an.unknown) | {t.surface for t in an.context if unmentioned.unknown_word(t, covered)}
    owned = _OWNED | ({"on"} if an.context or on else set()) | ({"take"} if on else set())  # not "on an empty stomach"
    told = an.context if an.context else []
    lemmas = [t.lemma for t in an.tokens]
    return any(t.surface in unknown and any(w.lemma in owned for w in _before(an, t.i))
               and not lex.in_set("asker", lemmas, t.i)
               for t in an.question + told)


def _before(an: Analysis, i: int) -> list:
    """The two words before token ``i``, past a determiner and one modifier ("with *the blood* thinners")."""
    k = i - 2 - (i >= 3 and an.tokens[i - 2].lemma in DETERMINERS)
    return an.tokens[max(0, k):i]


def _topic_like(an: Analysis, index) -> set[str]:
    return {m.iri for m in an.mentions if index.is_a(m.iri, KGO + "SignOrSymptom")}


__all__ = ["asked_of_helps", "SOFT_ADVICE"]
